package main

import (
	"encoding/json"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"
)

func TestTemplateFilledInScoresWithoutErrors(t *testing.T) {
	dir := t.TempDir()
	p := filepath.Join(dir, "tailspin.xlsx")
	if _, stderr, code := pcs(t, "template", "--out", p); code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	// Writing it again is refused without --force.
	if _, stderr, code := pcs(t, "template", "--out", p); code != 1 || !strings.Contains(stderr, "already exists") {
		t.Errorf("overwrite: exit %d %q", code, stderr)
	}
	// The blank template names what is missing.
	_, stderr, code := pcs(t, "score", "--no-pdf", "--no-workbook", p)
	if code != 1 || !strings.Contains(stderr, "Partner") {
		t.Errorf("blank template: exit %d\n%s", code, stderr)
	}

	// Fill it in the way a person does: typing into the cells under the headers.
	f, err := excelize.OpenFile(p)
	if err != nil {
		t.Fatal(err)
	}
	set := func(sheet, cell string, v any) {
		t.Helper()
		if err := f.SetCellValue(sheet, cell, v); err != nil {
			t.Fatal(err)
		}
	}
	set("Partner", "B2", "Tailspin Toys Cloud")
	set("Partner", "B3", "5550123")
	set("Partner", "B4", "2024-05")
	set("Partner", "B5", "SMB")
	month := func(y int, m time.Month) time.Time { return time.Date(y, m, 1, 0, 0, 0, 0, time.UTC) }
	customers := []struct{ id, name, seg string }{{"T-1", "Fabrikam", "SMB"}, {"T-2", "Litware", "SMC"}, {"T-3", "Northwind", "SMB"}}
	row := 2
	for i, c := range customers {
		set("Customers", "A"+strconv.Itoa(i+2), c.id)
		set("Customers", "B"+strconv.Itoa(i+2), c.name)
		set("Customers", "C"+strconv.Itoa(i+2), c.seg)
		for m := 0; m < 14; m++ {
			if i == 2 && m < 12 {
				continue // Northwind is new
			}
			set("ACR", "A"+strconv.Itoa(row), c.id)
			set("ACR", "C"+strconv.Itoa(row), month(2023, time.April).AddDate(0, m, 0))
			set("ACR", "D"+strconv.Itoa(row), 650.5+float64(m*10))
			set("ACR", "E"+strconv.Itoa(row), "PAL")
			row++
		}
	}
	people := [][2]string{{"ann@tailspin.example", "Azure Administrator Associate"}, {"bo@tailspin.example", "AZ-305"}, {"cy@tailspin.example", "DP-203"}}
	for i, pc := range people {
		set("Certifications", "A"+strconv.Itoa(i+2), pc[0])
		set("Certifications", "B"+strconv.Itoa(i+2), pc[1])
		set("Certifications", "C"+strconv.Itoa(i+2), time.Date(2023, 6, 1, 0, 0, 0, 0, time.UTC))
		set("Certifications", "E"+strconv.Itoa(i+2), "Yes")
	}
	set("Deployments", "A2", "T-3")
	set("Deployments", "B2", "Azure SQL Database")
	set("Deployments", "C2", time.Date(2024, 5, 3, 0, 0, 0, 0, time.UTC))
	set("Deployments", "E2", "PAL")
	if err := f.Save(); err != nil {
		t.Fatal(err)
	}
	f.Close()

	stdout, stderr, code := pcs(t, "score", "--json", "--no-pdf", "--no-workbook", p)
	if code != 0 {
		t.Fatalf("exit %d:\n%s", code, stderr)
	}
	var j struct {
		OK           bool `json:"ok"`
		Issues       []struct{ Severity, Message string }
		Designations []struct {
			ID     string
			Points int
		}
	}
	if err := json.Unmarshal([]byte(stdout), &j); err != nil {
		t.Fatal(err)
	}
	for _, is := range j.Issues {
		if is.Severity == "error" {
			t.Errorf("error in a filled-in template: %s", is.Message)
		}
	}
	// Data & AI, SMB: Northwind is a net add (10); both prerequisites and one
	// scoring person (12); May 2024 vs May 2023: 2,072.50 + 780.50... growth;
	// one deployment (2).
	for _, d := range j.Designations {
		if d.ID == "data-ai-azure" && d.Points < 24 {
			t.Errorf("data & ai %d points", d.Points)
		}
	}
	if !j.OK || len(j.Designations) != 3 {
		t.Errorf("result %+v", j)
	}
}
