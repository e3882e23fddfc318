package report

import (
	"encoding/json"
	"os"
	"path/filepath"
	"testing"

	"github.com/pcs-tools/pcs/scoring"
)

// wbFixtureDir holds the partner workbooks of these tests and the script that made them.
var wbFixtureDir = filepath.Join("testdata", "workbook")

// wbFixtures are the same partner workbook as two producers write it.
var wbFixtures = []string{"partner-openpyxl.xlsx", "partner-libreoffice.xlsx"}

// wbFixtureData is partner.json: the rows of the fixture workbooks.
type wbFixtureData struct {
	Customers []struct {
		ID, Name, Segment string
		Row               int
	}
	ACR []struct {
		Customer, Name, Month, Amount, Attribution, Area string
		Row                                              int
	}
	Certifications []struct {
		Individual, Certification, Earned, Expires string
		Associated                                 bool
		Row                                        int
	}
	Deployments []struct {
		Customer, Service, Date, Area, Attribution, ID string
		Row                                            int
	}
	Layouts []struct {
		Name       string
		Role       string
		HeaderRow  int `json:"header_row"`
		LastColumn int `json:"last_column"`
		LastRow    int `json:"last_row"`
	}
}

// wbFixtureInput builds the scoring input of the fixture workbooks, as the
// reader would find it, and their sheet layouts. Rows listed in skip are
// left out (an error made the reader skip them).
func wbFixtureInput(t testing.TB, skip map[string]map[int]bool) (*scoring.Input, []SheetLayout) {
	t.Helper()
	b, err := os.ReadFile(filepath.Join(wbFixtureDir, "partner.json"))
	if err != nil {
		t.Fatal(err)
	}
	var d wbFixtureData
	if err := json.Unmarshal(b, &d); err != nil {
		t.Fatal(err)
	}
	month := func(s string) scoring.Month {
		m, err := scoring.ParseMonth(s)
		if err != nil {
			t.Fatal(err)
		}
		return m
	}
	date := func(s string) *scoring.Date {
		if s == "" {
			return nil
		}
		m := month(s[:7])
		var day int
		for _, c := range s[8:] {
			day = day*10 + int(c-'0')
		}
		v := m.FirstDay() + scoring.Date(day-1)
		return &v
	}
	in := &scoring.Input{ACRAttribution: true, DeploymentAttribution: true}
	in.Partner = scoring.Partner{Name: "Contoso Ltd", ID: "4412345", AsOf: month("2024-05"), Sheet: "Partner",
		Cells: map[string]string{"name": "B3", "as_of": "B5"}}
	in.Columns = scoring.Columns{CustomerID: "A", CustomerSegment: "C", ACRCustomer: "A", ACRMonth: "C", ACRAmount: "D",
		ACRAttribution: "E", ACRArea: "F", CertIndividual: "A", CertName: "B", CertEarned: "C", CertExpires: "D",
		DeployCustomer: "A", DeployService: "B", DeployDate: "C", DeployArea: "D", DeployAttribution: "E", DeployID: "F"}
	for _, c := range d.Customers {
		if skip["Customers"][c.Row] {
			continue
		}
		in.Customers = append(in.Customers, scoring.Customer{ID: c.ID, Name: c.Name, Segment: c.Segment,
			Source: scoring.Ref{Sheet: "Customers", Row: c.Row}})
	}
	for _, r := range d.ACR {
		if skip["ACR"][r.Row] {
			continue
		}
		amount, err := scoring.ParseCents(r.Amount)
		if err != nil {
			t.Fatal(err)
		}
		in.ACR = append(in.ACR, scoring.ACRRow{Customer: r.Customer, Name: r.Name, Month: month(r.Month), Amount: amount,
			Attribution: r.Attribution, SolutionArea: r.Area, Rows: 1, Source: scoring.Ref{Sheet: "ACR", Row: r.Row}})
	}
	for _, c := range d.Certifications {
		if skip["Certifications"][c.Row] {
			continue
		}
		in.Certifications = append(in.Certifications, scoring.Certification{Individual: c.Individual, Certification: c.Certification,
			Earned: date(c.Earned), Expires: date(c.Expires), NotAssociated: !c.Associated, Source: scoring.Ref{Sheet: "Certifications", Row: c.Row}})
	}
	for _, c := range d.Deployments {
		if skip["Deployments"][c.Row] {
			continue
		}
		in.Deployments = append(in.Deployments, scoring.Deployment{Customer: c.Customer, Service: c.Service, Date: *date(c.Date),
			SolutionArea: c.Area, Attribution: c.Attribution, ID: c.ID, Source: scoring.Ref{Sheet: "Deployments", Row: c.Row}})
	}
	var layouts []SheetLayout
	for _, l := range d.Layouts {
		layouts = append(layouts, SheetLayout{Name: l.Name, Role: l.Role, HeaderRow: l.HeaderRow, LastColumn: l.LastColumn, LastRow: l.LastRow})
	}
	return in, layouts
}

// wbFixtureIssues are issues as the reader and the engine would report
// them on the fixture: an error on a skipped ACR row, a warning on a cell, a
// sheet-level warning, and one on a row that was scored.
var wbFixtureIssues = []scoring.Issue{
	{Severity: scoring.SeverityError, Sheet: "ACR", Cell: "D20", Message: `"n/a" is not an amount`, Hint: "Type the amount in USD, for example 1234.50."},
	{Severity: scoring.SeverityWarning, Sheet: "Customers", Cell: "C9", Message: `segment "Medium" is read as SMB/SMC`},
	{Severity: scoring.SeverityWarning, Sheet: "Deployments", Message: "no Deployment ID for some rows"},
	{Severity: scoring.SeverityWarning, Sheet: "Certifications", Cell: "E9", Message: `=HYPERLINK("http://x","y") is not Yes or No`, Hint: "Use Yes or No."},
}

// wbAnnotation scores the fixture and returns what WriteAnnotated takes.
func wbAnnotation(t testing.TB, edition string) Annotation {
	t.Helper()
	in, layouts := wbFixtureInput(t, map[string]map[int]bool{"ACR": {20: true}})
	rs, err := scoring.Embedded(edition)
	if err != nil {
		t.Fatal(err)
	}
	res, err := scoring.Score(in, rs, scoring.Options{})
	if err != nil {
		t.Fatal(err)
	}
	issues := append(append([]scoring.Issue{}, wbFixtureIssues...), res.Issues...)
	return Annotation{Input: in, Result: res, Issues: issues, Sheets: layouts, SkippedRows: 1, Source: "partner.xlsx"}
}
