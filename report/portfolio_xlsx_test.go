package report

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/pcs-tools/pcs/scoring"
)

// wbPortfolio is a batch of three workbooks: two scored (one partner with a
// name that looks like a formula) and one that failed.
func wbPortfolio(t testing.TB) *Portfolio {
	t.Helper()
	a := wbAnnotation(t, "fy24")
	p := &Portfolio{Rules: "fy24", Folder: "partners"}
	rows := PortfolioRows("Q3 files/contoso.xlsx", a.Result)
	for i := range rows {
		rows[i].Scorecard = "Q3 files/contoso.scorecard.pdf"
		rows[i].Workbook = "Q3 files/contoso.scored.xlsx"
	}
	p.Rows = append(p.Rows, rows...)
	r2 := *a.Result
	r2.Partner.Name = "=1+1 Holdings"
	r2.Designations = append([]scoring.DesignationResult{}, r2.Designations...)
	r2.Designations[0].Points, r2.Designations[0].Attained = 74, true
	r2.Designations[1].Points = 64
	more := PortfolioRows("beta.xlsx", &r2)
	for i := range more {
		more[i].Scorecard = "beta.scorecard.pdf"
		more[i].Gap = max(0, more[i].Required-more[i].Points)
	}
	// Rows in any order: the workbook sorts them.
	p.Rows = append(more, p.Rows...)
	p.Failed = []PortfolioFailure{{Source: "old.xlsx", Reason: `ACR!D17: "n/a" is not an amount`}}
	return p
}

func TestPortfolioWorkbook(t *testing.T) {
	dir := t.TempDir()
	dst := filepath.Join(dir, "portfolio.xlsx")
	p := wbPortfolio(t)
	before := append([]PortfolioRow{}, p.Rows...)
	if err := WritePortfolioXLSX(dst, p); err != nil {
		t.Fatal(err)
	}
	if !cmp.Equal(before, p.Rows) {
		t.Error("WritePortfolioXLSX changed the portfolio")
	}
	f := wbOpen(t, dst)
	if d := cmp.Diff([]string{PortfolioSheet, PortfolioFailedSheet, PortfolioCountsSheet}, f.GetSheetList()); d != "" {
		t.Fatalf("sheets (-want +got):\n%s", d)
	}
	rows, err := f.GetRows(PortfolioSheet)
	if err != nil {
		t.Fatal(err)
	}
	want := [][]string{
		{"Partner", "Partner ID", "Workbook", "As of", "Path", "Designation", "Points", "Required", "Short by", "Attained", "Weakest metric", "Scorecard", "Annotated workbook", "E-mailed"},
		{"Contoso Ltd", "4412345", "Q3 files/contoso.xlsx", "2024-05", "SMB", "Data & AI", "30", "70", "40", "No", "Intermediate certifications: 12 of 40", "scorecard", "workbook"},
		{"Contoso Ltd", "4412345", "Q3 files/contoso.xlsx", "2024-05", "SMB", "Digital & App Innovation", "28", "70", "42", "No", "Net customer adds: 10 of 30", "scorecard", "workbook"},
		{"Contoso Ltd", "4412345", "Q3 files/contoso.xlsx", "2024-05", "SMB", "Infrastructure", "61", "70", "9", "No", "Intermediate certifications: 8 of 20", "scorecard", "workbook"},
		{"=1+1 Holdings", "4412345", "beta.xlsx", "2024-05", "SMB", "Data & AI", "74", "70", "0", "Yes", "Intermediate certifications: 12 of 40", "scorecard", "not written"},
		{"=1+1 Holdings", "4412345", "beta.xlsx", "2024-05", "SMB", "Digital & App Innovation", "64", "70", "6", "No", "Net customer adds: 10 of 30", "scorecard", "not written"},
		{"=1+1 Holdings", "4412345", "beta.xlsx", "2024-05", "SMB", "Infrastructure", "61", "70", "9", "No", "Intermediate certifications: 8 of 20", "scorecard", "not written"},
	}
	if d := cmp.Diff(want, rows[portfolioHeaderRow-1:]); d != "" {
		t.Errorf("Portfolio rows (-want +got):\n%s", d)
	}
	if !strings.Contains(rows[1][0], "2 workbooks scored with the fy24 rules from partners; 1 workbook could not be scored") {
		t.Errorf("summary line %q", rows[1][0])
	}
	for cell, target := range map[string]string{"L5": "Q3%20files/contoso.scorecard.pdf", "M5": "Q3%20files/contoso.scored.xlsx", "L8": "beta.scorecard.pdf"} {
		ok, got, err := f.GetCellHyperLink(PortfolioSheet, cell)
		if err != nil || !ok || got != target {
			t.Errorf("%s links to %q (%v, %v), want %q", cell, got, ok, err, target)
		}
	}
	if fm, _ := f.GetCellFormula(PortfolioSheet, "A8"); fm != "" {
		t.Errorf("a partner name became the formula %q", fm)
	}
	cf, err := f.GetConditionalFormats(PortfolioSheet)
	if err != nil || len(cf["G5:G10"]) != 1 || len(cf["I5:I10"]) != 2 {
		t.Errorf("conditional formats %v %v", cf, err)
	}
	names := f.GetDefinedName()
	if len(names) != 1 || names[0].Name != "_xlnm._FilterDatabase" || names[0].Scope != PortfolioSheet {
		t.Errorf("the Portfolio sheet has no filter: %+v", names)
	}
	failed, _ := f.GetRows(PortfolioFailedSheet)
	if d := cmp.Diff([]string{"old.xlsx", `ACR!D17: "n/a" is not an amount`}, failed[3]); d != "" {
		t.Errorf("Failed sheet (-want +got):\n%s", d)
	}
	counts, _ := f.GetRows(PortfolioCountsSheet)
	wantCounts := [][]string{
		{"Designation", "Attained", "Within 10 points", "Further", "Partners"},
		{"Data & AI", "1", "0", "1", "2"},
		{"Digital & App Innovation", "0", "1", "1", "2"},
		{"Infrastructure", "0", "2", "0", "2"},
	}
	if d := cmp.Diff(wantCounts, counts[2:]); d != "" {
		t.Errorf("Counts (-want +got):\n%s", d)
	}
	// Deterministic.
	again := filepath.Join(dir, "again.xlsx")
	if err := WritePortfolioXLSX(again, p); err != nil {
		t.Fatal(err)
	}
	if wbHash(t, dst) != wbHash(t, again) {
		t.Error("two runs wrote different bytes")
	}
}

func TestPortfolioWorkbookEdges(t *testing.T) {
	dir := t.TempDir()
	empty := filepath.Join(dir, "empty.xlsx")
	if err := WritePortfolioXLSX(empty, &Portfolio{Interrupted: true, Pending: 3}); err != nil {
		t.Fatal(err)
	}
	f := wbOpen(t, empty)
	if v, _ := f.GetCellValue(PortfolioSheet, "A2"); !strings.Contains(v, "The run was interrupted: 3 workbooks were not scored") {
		t.Errorf("summary %q", v)
	}
	if v, _ := f.GetCellValue(PortfolioFailedSheet, "A4"); !strings.Contains(v, "The run was interrupted: 3 workbooks were not scored") {
		t.Errorf("failures %q: an interrupted run must not say that every workbook was scored", v)
	}
	if v, _ := f.GetCellValue(PortfolioCountsSheet, "A4"); v != "No workbook was scored." {
		t.Errorf("counts %q", v)
	}
	if err := WritePortfolioXLSX(filepath.Join(dir, "nope", "p.xlsx"), wbPortfolio(t)); err == nil {
		t.Error("writing into a missing folder succeeded")
	}
	if err := WritePortfolioXLSX(filepath.Join(dir, "nil.xlsx"), nil); err == nil {
		t.Error("a nil portfolio was written")
	}
	entries, _ := os.ReadDir(dir)
	if len(entries) != 1 {
		t.Errorf("files left: %v", entries)
	}
}

// TestPortfolioWorkbookOpensElsewhere loads the portfolio with openpyxl and LibreOffice.
func TestPortfolioWorkbookOpensElsewhere(t *testing.T) {
	dst := filepath.Join(t.TempDir(), "portfolio.xlsx")
	if err := WritePortfolioXLSX(dst, wbPortfolio(t)); err != nil {
		t.Fatal(err)
	}
	py := wbPython(t)
	out, err := exec.Command(py, "-c", `
import sys, warnings
warnings.simplefilter("ignore")
import openpyxl
wb = openpyxl.load_workbook(sys.argv[1])
ws = wb["Portfolio"]
print(",".join(wb.sheetnames), ws.auto_filter.ref, ws["A8"].value, ws["L5"].hyperlink.target, len(wb["Counts"]._charts))
`, dst).CombinedOutput()
	if err != nil {
		t.Fatalf("openpyxl: %v\n%s", err, out)
	}
	if got := strings.TrimSpace(string(out)); got != "Portfolio,Failed,Counts $A$4:$N$10 =1+1 Holdings Q3%20files/contoso.scorecard.pdf 1" {
		t.Errorf("openpyxl saw %q", got)
	}
	soffice := wbTool(t, "soffice", "libreoffice-calc-nogui")
	dir := filepath.Dir(dst)
	if out, err := exec.Command(soffice, "--headless", "-env:UserInstallation=file://"+filepath.Join(dir, "profile"),
		"--convert-to", "pdf", "--outdir", dir, dst).CombinedOutput(); err != nil {
		t.Fatalf("soffice: %v\n%s", err, out)
	}
	if _, err := os.Stat(filepath.Join(dir, "portfolio.pdf")); err != nil {
		t.Error("LibreOffice wrote no PDF")
	}
}
