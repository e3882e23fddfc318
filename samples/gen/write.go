package main

import (
	"sort"
	"time"

	"github.com/xuri/excelize/v2"
)

// book writes a model into an excelize file, keeping the first error.
type book struct {
	f                        *excelize.File
	err                      error
	header, date, mon, money int
	usd, title               int
}

func newBook() *book {
	b := &book{f: excelize.NewFile()}
	b.header = b.style(&excelize.Style{Font: &excelize.Font{Bold: true}, Fill: excelize.Fill{Type: "pattern", Color: []string{"DDEBF7"}, Pattern: 1}})
	b.date = b.style(&excelize.Style{CustomNumFmt: ptr("yyyy-mm-dd")})
	b.mon = b.style(&excelize.Style{CustomNumFmt: ptr("yyyy-mm")})
	b.money = b.style(&excelize.Style{NumFmt: 4})
	b.usd = b.style(&excelize.Style{CustomNumFmt: ptr(`"$"#,##0.00`)})
	b.title = b.style(&excelize.Style{Font: &excelize.Font{Bold: true, Size: 13}})
	return b
}

func ptr[T any](v T) *T { return &v }

func (b *book) do(err error) {
	if b.err == nil && err != nil {
		b.err = err
	}
}

func (b *book) style(s *excelize.Style) int {
	id, err := b.f.NewStyle(s)
	b.do(err)
	return id
}

func (b *book) sheet(name string) {
	_, err := b.f.NewSheet(name)
	b.do(err)
}

func cell(col, row int) string {
	c, _ := excelize.CoordinatesToCellName(col, row)
	return c
}

// table writes a header at headerRow and rows below it, styling columns.
func (b *book) table(sheet string, headerRow int, header []string, rows [][]any, styles map[int]int, widths []float64) {
	b.sheet(sheet)
	hdr := make([]any, len(header))
	for i, h := range header {
		hdr[i] = h
	}
	b.do(b.f.SetSheetRow(sheet, cell(1, headerRow), &hdr))
	b.do(b.f.SetCellStyle(sheet, cell(1, headerRow), cell(len(header), headerRow), b.header))
	for i, r := range rows {
		row := r
		b.do(b.f.SetSheetRow(sheet, cell(1, headerRow+1+i), &row))
	}
	for col, st := range styles {
		if len(rows) > 0 {
			b.do(b.f.SetCellStyle(sheet, cell(col, headerRow+1), cell(col, headerRow+len(rows)), st))
		}
	}
	for i, w := range widths {
		name, _ := excelize.ColumnNumberToName(i + 1)
		b.do(b.f.SetColWidth(sheet, name, name, w))
	}
	b.do(b.f.SetPanes(sheet, &excelize.Panes{Freeze: true, YSplit: headerRow, TopLeftCell: cell(1, headerRow+1), ActivePane: "bottomLeft"}))
}

func (b *book) save(path string) error {
	if b.err == nil {
		b.err = b.f.DeleteSheet("Sheet1")
	}
	if b.err == nil {
		b.err = b.f.SaveAs(path)
	}
	b.f.Close()
	return b.err
}

func usd(c int64) float64 { return float64(c) / 100 }

func dateOrBlank(t time.Time) any {
	if t.IsZero() {
		return nil
	}
	return t
}

// writeLong writes the model in the template's layout: one ACR row per
// customer and month.
func writeLong(m model, path string, tweak func(*book)) error {
	b := newBook()
	var partner [][]any
	for _, p := range m.partner {
		partner = append(partner, []any{p[0], p[1]})
	}
	b.table("Partner", 1, []string{"Field", "Value"}, partner, nil, []float64{26, 60})
	var cust [][]any
	for _, c := range m.customers {
		cust = append(cust, []any{c.id, c.name, c.segment})
	}
	b.table("Customers", 1, []string{"Customer ID", "Customer name", "Segment"}, cust, nil, []float64{16, 40, 12})
	var acr [][]any
	for _, a := range m.acr {
		acr = append(acr, []any{a.cust, a.name, a.month, usd(a.cents), a.attr, a.area})
	}
	b.table("ACR", 1, []string{"Customer ID", "Customer name", "Month", "ACR (USD)", "Attribution", "Solution area"}, acr,
		map[int]int{3: b.mon, 4: b.money}, []float64{16, 40, 10, 14, 12, 18})
	var certs [][]any
	for _, c := range m.certs {
		certs = append(certs, []any{c.person, c.name, dateOrBlank(c.earned), dateOrBlank(c.expires), c.associated})
	}
	b.table("Certifications", 1, []string{"Individual", "Certification", "Earned on", "Expires on", "Associated"}, certs,
		map[int]int{3: b.date, 4: b.date}, []float64{34, 46, 12, 12, 11})
	var deps [][]any
	for _, d := range m.deps {
		deps = append(deps, []any{d.cust, d.service, d.date, d.area, d.attr, d.id})
	}
	b.table("Deployments", 1, []string{"Customer ID", "Service", "Deployed on", "Solution area", "Attribution", "Deployment ID"}, deps,
		map[int]int{3: b.date}, []float64{16, 30, 12, 18, 12, 14})
	if tweak != nil {
		tweak(b)
	}
	return b.save(path)
}

// writeWide writes the model the way some partners keep it: other sheet and
// header names, a title above the ACR table, one column per month, and
// Partner Center's Trainings download pasted as the certification sheet.
func writeWide(m model, path string) error {
	b := newBook()
	var partner [][]any
	for _, p := range m.partner {
		partner = append(partner, []any{p[0], p[1]})
	}
	b.table("Profile", 1, []string{"FIELD", "VALUE"}, partner, nil, []float64{26, 60})
	var cust [][]any
	for _, c := range m.customers {
		cust = append(cust, []any{c.id, c.name, c.segment})
	}
	b.table("Customer list", 1, []string{"Tenant ID", "Name", "Customer segment"}, cust, nil, []float64{40, 40, 16})

	// Pivot ACR: one row per customer, attribution and solution area.
	type key struct{ cust, name, attr, area string }
	var monthsSeen []time.Time
	seen := map[time.Time]bool{}
	cells := map[key]map[time.Time]int64{}
	var order []key
	for _, a := range m.acr {
		k := key{a.cust, a.name, a.attr, a.area}
		if cells[k] == nil {
			cells[k] = map[time.Time]int64{}
			order = append(order, k)
		}
		cells[k][a.month] += a.cents
		if !seen[a.month] {
			seen[a.month] = true
			monthsSeen = append(monthsSeen, a.month)
		}
	}
	sort.Slice(monthsSeen, func(i, j int) bool { return monthsSeen[i].Before(monthsSeen[j]) })
	const sh = "Azure consumed revenue"
	b.sheet(sh)
	b.do(b.f.SetCellStr(sh, "A1", "Azure consumed revenue (USD) by customer and month, exported 3 June 2024"))
	b.do(b.f.SetCellStyle(sh, "A1", "A1", b.title))
	hdrRow := 3
	for i, h := range []string{"Tenant ID", "Name", "Association type", "Workload"} {
		b.do(b.f.SetCellStr(sh, cell(i+1, hdrRow), h))
	}
	monStyle := b.style(&excelize.Style{CustomNumFmt: ptr("mmm yyyy"), Font: &excelize.Font{Bold: true}, Fill: excelize.Fill{Type: "pattern", Color: []string{"DDEBF7"}, Pattern: 1}})
	for j, mth := range monthsSeen {
		b.do(b.f.SetCellValue(sh, cell(5+j, hdrRow), mth))
		b.do(b.f.SetCellStyle(sh, cell(5+j, hdrRow), cell(5+j, hdrRow), monStyle))
	}
	b.do(b.f.SetCellStyle(sh, cell(1, hdrRow), cell(4, hdrRow), b.header))
	for i, k := range order {
		row := []any{k.cust, k.name, k.attr, k.area}
		for _, mth := range monthsSeen {
			if v, ok := cells[k][mth]; ok {
				row = append(row, usd(v))
			} else {
				row = append(row, nil)
			}
		}
		b.do(b.f.SetSheetRow(sh, cell(1, hdrRow+1+i), &row))
	}
	b.do(b.f.SetCellStyle(sh, cell(5, hdrRow+1), cell(4+len(monthsSeen), hdrRow+len(order)), b.usd))
	b.do(b.f.SetColWidth(sh, "A", "A", 38))
	b.do(b.f.SetColWidth(sh, "B", "B", 36))
	b.do(b.f.SetPanes(sh, &excelize.Panes{Freeze: true, XSplit: 4, YSplit: hdrRow, TopLeftCell: cell(5, hdrRow+1), ActivePane: "bottomRight"}))

	var certs [][]any
	for _, c := range m.certs {
		certs = append(certs, []any{c.person, "Certification", c.name, c.earned.Format("01/02/2006"), c.expires.Format("01/02/2006")})
	}
	b.table("Certified individuals", 1, []string{"Email", "TrainingType", "TrainingTitle", "TrainingCompletionDate", "ExpirationDate"}, certs,
		nil, []float64{34, 14, 56, 22, 16})
	var deps [][]any
	for _, d := range m.deps {
		deps = append(deps, []any{d.cust, d.service, d.date, d.area, d.attr})
	}
	b.table("Azure deployments", 1, []string{"Tenant ID", "Azure service", "Deployment date", "Workload", "Association"}, deps,
		map[int]int{3: b.date}, []float64{38, 30, 14, 16, 14})
	return b.save(path)
}

// errorTweaks puts typical mistakes into the error sample.
func errorTweaks(b *book) {
	b.do(b.f.SetCellStr("ACR", "D17", "n/a"))
	b.do(b.f.SetCellStr("ACR", "C25", "2024-02-30"))
	b.do(b.f.SetCellValue("ACR", "D40", 25000000))
	b.do(b.f.SetCellStr("ACR", "D52", "$1,250.00"))
	b.do(b.f.SetCellStr("ACR", "D53", "(120.00)"))
	b.do(b.f.SetCellStr("Certifications", "C4", "03/04/2024"))
	b.do(b.f.SetCellValue("Deployments", "C3", ""))
}
