package templates

import (
	_ "embed"
	"fmt"
	"sort"

	"github.com/xuri/excelize/v2"

	"github.com/pcs-tools/pcs/scoring"
)

//go:generate go run ./gen partner-template.xlsx

// PartnerWorkbook is the blank partner workbook (partner-template.xlsx), as
// BuildPartnerWorkbook makes it; `pcs template` writes it.
//
//go:embed partner-template.xlsx
var PartnerWorkbook []byte

// TemplateRows is how many rows of each data sheet get drop-down lists and formats.
const TemplateRows = 2000

// column is one column of a template sheet.
type column struct {
	header string
	width  float64
	format string // "date", "month", "money", "text" or ""
	list   string // name of a list on the Lists sheet for a drop-down
	note   string
}

type sheetSpec struct {
	name    string
	columns []column
}

var dataSheets = []sheetSpec{
	{"Customers", []column{
		{"Customer ID", 22, "text", "", "The customer's tenant ID or your own ID; the same ID on every sheet."},
		{"Customer name", 32, "text", "", ""},
		{"Segment", 16, "", "Segments", "SMB, SMC, Enterprise, ... (decides the SMB path)."},
	}},
	{"ACR", []column{
		{"Customer ID", 22, "text", "", ""},
		{"Customer name", 32, "text", "", "Optional."},
		{"Month", 12, "month", "", "Any day of the month; shown as yyyy-mm."},
		{"ACR (USD)", 16, "money", "", "Azure consumed revenue of the customer in that month. Credits may be negative."},
		{"Attribution", 14, "", "Attributions", "PAL, DPOR or CSP count; anything else does not."},
		{"Solution area", 26, "", "SolutionAreas", "Blank or All for every designation, or one designation."},
	}},
	{"Certifications", []column{
		{"Individual", 30, "text", "", "E-mail or name of the certified person."},
		{"Certification", 46, "", "Certifications", "As Microsoft Learn writes it, or the exam code (AZ-104)."},
		{"Earned on", 12, "date", "", ""},
		{"Expires on", 12, "date", "", ""},
		{"Associated", 12, "", "YesNo", "No if the person is not linked to your Partner Center account."},
	}},
	{"Deployments", []column{
		{"Customer ID", 22, "text", "", ""},
		{"Service", 32, "", "", "The Azure service (Service level 2), e.g. Azure SQL Database."},
		{"Deployed on", 12, "date", "", ""},
		{"Solution area", 26, "", "SolutionAreas", ""},
		{"Attribution", 14, "", "Attributions", ""},
		{"Deployment ID", 18, "text", "", "Optional; rows with the same ID count once."},
	}},
}

var partnerFields = []struct{ field, note, list, format string }{
	{"Partner name", "Required. Shown on every output.", "", "text"},
	{"Partner ID", "PartnerOne ID (MPN ID).", "", "text"},
	{"As of", "The last complete month to score, e.g. 2024-05. Blank: the latest month in ACR.", "", "month"},
	{"Path", "Auto decides from the data; SMB or Enterprise force a path.", "Paths", ""},
	{"Designations", "Comma-separated; blank scores all: Data & AI, Digital & App Innovation, Infrastructure.", "", "text"},
	{"ACR trailing 12 months", "Optional, USD: replaces the sum of the ACR sheet for the path.", "", "money"},
	{"SMB customer share", "Optional, e.g. 86%: replaces the share computed from Customers.", "", "percent"},
	{"Recipients", "E-mail addresses the scorecard is sent to, separated by commas.", "", "text"},
	{"Date order", "DMY or MDY, for dates typed as text such as 03/04/2024.", "DateOrders", ""},
}

// lists returns the vocabularies of the drop-down lists, from the embedded rule sets.
func lists() (map[string][]string, []string, error) {
	out := map[string][]string{
		"Paths":      {"Auto", "SMB", "Enterprise"},
		"YesNo":      {"Yes", "No"},
		"DateOrders": {"DMY", "MDY"},
	}
	seen := map[string]map[string]bool{}
	add := func(list, v string) {
		if seen[list] == nil {
			seen[list] = map[string]bool{}
		}
		if k := scoring.Key(v); !seen[list][k] {
			seen[list][k] = true
			out[list] = append(out[list], v)
		}
	}
	var certs []string
	for _, ed := range scoring.Editions() {
		rs, err := scoring.Embedded(ed)
		if err != nil {
			return nil, nil, err
		}
		for _, s := range append(append([]string{}, rs.Segments.SMB...), rs.Segments.Enterprise...) {
			add("Segments", s)
		}
		for _, a := range rs.Attributions.Eligible {
			add("Attributions", a)
		}
		add("SolutionAreas", "All")
		for _, d := range rs.Designations {
			add("SolutionAreas", d.ShortName)
		}
		certs = append(certs, rs.CertificateNames()...)
	}
	add("Attributions", "Other")
	sort.Strings(certs)
	for _, c := range certs {
		add("Certifications", c)
	}
	order := []string{"Paths", "Segments", "Attributions", "SolutionAreas", "Certifications", "YesNo", "DateOrders"}
	return out, order, nil
}

// BuildPartnerWorkbook makes the blank partner workbook: an instructions
// sheet, every sheet and header of workbook.md, drop-down lists where the
// vocabulary is fixed and date and money formats on the right columns.
func BuildPartnerWorkbook() (*excelize.File, error) {
	f := excelize.NewFile()
	b := &tb{f: f}
	vocab, order, err := lists()
	if err != nil {
		return nil, err
	}
	b.styles()
	b.instructions()
	b.partner()
	for _, s := range dataSheets {
		b.data(s)
	}
	b.lists(vocab, order)
	if b.err == nil {
		b.err = f.DeleteSheet("Sheet1")
	}
	if b.err == nil {
		idx, _ := f.GetSheetIndex("Partner")
		f.SetActiveSheet(idx)
	}
	if b.err != nil {
		f.Close()
		return nil, b.err
	}
	return f, nil
}

// tb builds the template, keeping the first error.
type tb struct {
	f                                        *excelize.File
	err                                      error
	header, date, month, money, pct, textFmt int
	title, wrap                              int
}

func (b *tb) do(err error) {
	if b.err == nil && err != nil {
		b.err = err
	}
}

func (b *tb) style(s *excelize.Style) int {
	id, err := b.f.NewStyle(s)
	b.do(err)
	return id
}

func ptr[T any](v T) *T { return &v }

func (b *tb) styles() {
	b.header = b.style(&excelize.Style{Font: &excelize.Font{Bold: true, Color: "FFFFFF"},
		Fill:      excelize.Fill{Type: "pattern", Color: []string{"305496"}, Pattern: 1},
		Alignment: &excelize.Alignment{Vertical: "center", WrapText: true}})
	b.date = b.style(&excelize.Style{CustomNumFmt: ptr("yyyy-mm-dd")})
	b.month = b.style(&excelize.Style{CustomNumFmt: ptr("yyyy-mm")})
	b.money = b.style(&excelize.Style{NumFmt: 4}) // #,##0.00
	b.pct = b.style(&excelize.Style{NumFmt: 9})   // 0%
	b.textFmt = b.style(&excelize.Style{NumFmt: 49})
	b.title = b.style(&excelize.Style{Font: &excelize.Font{Bold: true, Size: 14}})
	b.wrap = b.style(&excelize.Style{Alignment: &excelize.Alignment{WrapText: true, Vertical: "top"}})
}

func (b *tb) formatStyle(format string) int {
	switch format {
	case "date":
		return b.date
	case "month":
		return b.month
	case "money":
		return b.money
	case "percent":
		return b.pct
	case "text":
		return b.textFmt
	}
	return 0
}

func (b *tb) instructions() {
	const s = "Instructions"
	_, err := b.f.NewSheet(s)
	b.do(err)
	lines := []string{
		"Partner capability score workbook",
		"",
		"Fill in the sheets Partner, Customers, ACR, Certifications and Deployments, then run: pcs score this-file.xlsx",
		"Keep the header rows as they are. You may add columns of your own; pcs ignores them and keeps them.",
		"",
		"Partner: one field a row. Only the partner name is required.",
		"Customers: one row per customer, with its segment (SMB, SMC, Enterprise, ...). The segments decide the SMB path.",
		"ACR: Azure consumed revenue in USD, one row per customer and month (several rows for one customer and month are added up).",
		"    Attribution PAL, DPOR or CSP counts; Solution area blank or All counts for every designation.",
		"Certifications: one row per person and certification, as Microsoft Learn writes it or the exam code (AZ-104).",
		"    Partner Center's Trainings download can be pasted here as it is.",
		"Deployments: one row per Azure service deployed for a customer, with the deployment date.",
		"",
		"Dates: type them as dates (2024-05-31) or months (2024-05). Amounts: numbers, without currency signs if you can.",
		"The outputs are an estimate from your own data, not a statement of Microsoft's.",
	}
	for i, l := range lines {
		cell := fmt.Sprintf("A%d", i+1)
		b.do(b.f.SetCellStr(s, cell, l))
	}
	b.do(b.f.SetCellStyle(s, "A1", "A1", b.title))
	b.do(b.f.SetColWidth(s, "A", "A", 120))
}

func (b *tb) partner() {
	const s = "Partner"
	_, err := b.f.NewSheet(s)
	b.do(err)
	b.do(b.f.SetSheetRow(s, "A1", &[]any{"Field", "Value", "What to enter"}))
	b.do(b.f.SetCellStyle(s, "A1", "C1", b.header))
	for i, p := range partnerFields {
		row := i + 2
		b.do(b.f.SetCellStr(s, fmt.Sprintf("A%d", row), p.field))
		b.do(b.f.SetCellStr(s, fmt.Sprintf("C%d", row), p.note))
		if st := b.formatStyle(p.format); st != 0 {
			b.do(b.f.SetCellStyle(s, fmt.Sprintf("B%d", row), fmt.Sprintf("B%d", row), st))
		}
		if p.list != "" {
			b.dropDown(s, fmt.Sprintf("B%d", row), p.list)
		}
	}
	b.do(b.f.SetCellStr(s, "B5", "Auto"))
	b.do(b.f.SetColWidth(s, "A", "A", 26))
	b.do(b.f.SetColWidth(s, "B", "B", 40))
	b.do(b.f.SetColWidth(s, "C", "C", 90))
	b.do(b.f.SetPanes(s, &excelize.Panes{Freeze: true, YSplit: 1, TopLeftCell: "A2", ActivePane: "bottomLeft"}))
}

func (b *tb) data(spec sheetSpec) {
	s := spec.name
	_, err := b.f.NewSheet(s)
	b.do(err)
	for i, c := range spec.columns {
		col, _ := excelize.ColumnNumberToName(i + 1)
		b.do(b.f.SetCellStr(s, col+"1", c.header))
		b.do(b.f.SetColWidth(s, col, col, c.width))
		rng := fmt.Sprintf("%s2:%s%d", col, col, TemplateRows+1)
		if st := b.formatStyle(c.format); st != 0 {
			b.do(b.f.SetCellStyle(s, col+"2", fmt.Sprintf("%s%d", col, TemplateRows+1), st))
		}
		if c.list != "" {
			b.dropDown(s, rng, c.list)
		}
		if c.note != "" {
			b.do(b.f.AddComment(s, excelize.Comment{Cell: col + "1", Author: "pcs", Text: c.note}))
		}
	}
	last, _ := excelize.ColumnNumberToName(len(spec.columns))
	b.do(b.f.SetCellStyle(s, "A1", last+"1", b.header))
	b.do(b.f.SetPanes(s, &excelize.Panes{Freeze: true, YSplit: 1, TopLeftCell: "A2", ActivePane: "bottomLeft"}))
}

// dropDown adds a list validation that points at a defined name on the Lists sheet.
func (b *tb) dropDown(sheet, sqref, list string) {
	dv := excelize.NewDataValidation(true)
	dv.Sqref = sqref
	dv.SetSqrefDropList(list)
	b.do(b.f.AddDataValidation(sheet, dv))
}

func (b *tb) lists(vocab map[string][]string, order []string) {
	const s = "Lists"
	_, err := b.f.NewSheet(s)
	b.do(err)
	for i, name := range order {
		col, _ := excelize.ColumnNumberToName(i + 1)
		b.do(b.f.SetCellStr(s, col+"1", name))
		for j, v := range vocab[name] {
			b.do(b.f.SetCellStr(s, fmt.Sprintf("%s%d", col, j+2), v))
		}
		b.do(b.f.SetDefinedName(&excelize.DefinedName{Name: name,
			RefersTo: fmt.Sprintf("Lists!$%s$2:$%s$%d", col, col, len(vocab[name])+1)}))
		b.do(b.f.SetColWidth(s, col, col, 24))
	}
	b.do(b.f.SetCellStyle(s, "A1", "G1", b.header))
	b.do(b.f.SetSheetVisible(s, false))
}
