package report

import (
	"fmt"
	"io"
	"net/url"
	"os"
	"path"
	"slices"
	"strconv"
	"strings"

	"github.com/xuri/excelize/v2"

	"github.com/pcs-tools/pcs/scoring"
)

// Sheet names of the portfolio workbook.
const (
	PortfolioSheet       = "Portfolio"
	PortfolioFailedSheet = "Failed"
	PortfolioCountsSheet = "Counts"
)

// portfolioHeaderRow is the row of the table header on the Portfolio sheet.
const portfolioHeaderRow = 4

var portfolioColumns = []struct {
	title string
	width float64
}{
	{"Partner", 32}, {"Partner ID", 13}, {"Workbook", 30}, {"As of", 9}, {"Path", 11}, {"Designation", 26},
	{"Points", 9}, {"Required", 9}, {"Short by", 9}, {"Attained", 9}, {"Weakest metric", 32},
	{"Scorecard", 13}, {"Annotated workbook", 13}, {"E-mailed", 24},
}

// WritePortfolioXLSX writes a batch run's summary workbook: one row per
// partner and designation with links to its scorecard and annotated
// workbook (relative to dstPath's folder, where the batch wrote them), the
// workbooks that failed and why, and counts per designation. It is written
// completely or not at all.
func WritePortfolioXLSX(dstPath string, p *Portfolio) error {
	if p == nil {
		return fmt.Errorf("%s: no portfolio to write", dstPath)
	}
	f := excelize.NewFile()
	defer f.Close()
	pw := &portfolioWriter{f: f, p: p}
	if err := pw.write(); err != nil {
		return fmt.Errorf("cannot lay out %s: %w", dstPath, err)
	}
	f.SetZipWriter(func(w io.Writer) excelize.ZipWriter { return newSortedTypesZip(w) })
	return WriteAtomic(dstPath, func(tmp *os.File) error {
		if err := f.Write(tmp); err != nil {
			return fmt.Errorf("cannot write %s: %w", dstPath, err)
		}
		return nil
	})
}

type portfolioWriter struct {
	f   *excelize.File
	p   *Portfolio
	err error
	st  struct{ title, note, header, text, wrap, link, month, integer, bold, yes, no int }
}

func (w *portfolioWriter) do(err error) {
	if w.err == nil && err != nil {
		w.err = err
	}
}

func (w *portfolioWriter) style(s *excelize.Style) int {
	id, err := w.f.NewStyle(s)
	w.do(err)
	return id
}

func (w *portfolioWriter) write() error {
	f := w.f
	w.do(f.SetSheetName("Sheet1", PortfolioSheet))
	_, err := f.NewSheet(PortfolioFailedSheet)
	w.do(err)
	_, err = f.NewSheet(PortfolioCountsSheet)
	w.do(err)
	monthFmt := fmtMonth
	fill := func(c string) excelize.Fill { return excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{c}} }
	top := &excelize.Alignment{Vertical: "top"}
	w.st.title = w.style(&excelize.Style{Font: &excelize.Font{Bold: true, Size: 16, Color: colorNavy}})
	w.st.note = w.style(&excelize.Style{Font: &excelize.Font{Color: colorGrey}})
	w.st.header = w.style(&excelize.Style{Font: &excelize.Font{Bold: true, Color: "FFFFFF"}, Fill: fill(colorNavy),
		Alignment: &excelize.Alignment{Vertical: "center", WrapText: true}})
	w.st.text = w.style(&excelize.Style{Alignment: top})
	w.st.wrap = w.style(&excelize.Style{Alignment: &excelize.Alignment{Vertical: "top", WrapText: true}})
	w.st.bold = w.style(&excelize.Style{Font: &excelize.Font{Bold: true}, Alignment: top})
	w.st.link = w.style(&excelize.Style{Font: &excelize.Font{Color: "0563C1", Underline: "single"}, Alignment: top})
	w.st.month = w.style(&excelize.Style{CustomNumFmt: &monthFmt, Alignment: &excelize.Alignment{Vertical: "top", Horizontal: "left"}})
	w.st.integer = w.style(&excelize.Style{NumFmt: 1, Alignment: top})
	w.st.yes = w.style(&excelize.Style{Font: &excelize.Font{Bold: true, Color: colorGreenFont}, Fill: fill(colorGreenFill), Alignment: top})
	w.st.no = w.style(&excelize.Style{Font: &excelize.Font{Bold: true, Color: colorRedFont}, Fill: fill(colorRedFill), Alignment: top})
	w.rows()
	w.failures()
	w.counts()
	f.SetActiveSheet(0)
	return w.err
}

// sortedRows returns the rows by source then designation, without changing p.
func (w *portfolioWriter) sortedRows() []PortfolioRow {
	rows := slices.Clone(w.p.Rows)
	slices.SortStableFunc(rows, func(a, b PortfolioRow) int {
		if c := strings.Compare(a.Source, b.Source); c != 0 {
			return c
		}
		return strings.Compare(a.Designation, b.Designation)
	})
	return rows
}

func (w *portfolioWriter) set(sheet string, col, row int, v any, style int) {
	cell := cellName(col, row)
	switch x := v.(type) {
	case string:
		w.do(w.f.SetCellStr(sheet, cell, cellText(x)))
	default:
		w.do(w.f.SetCellValue(sheet, cell, x))
	}
	if style > 0 {
		w.do(w.f.SetCellStyle(sheet, cell, cell, style))
	}
}

func (w *portfolioWriter) rows() {
	f, sh, p := w.f, PortfolioSheet, w.p
	rows := w.sortedRows()
	partners := map[string]bool{}
	for _, r := range rows {
		partners[r.Source] = true
	}
	w.set(sh, 1, 1, "Partner portfolio", w.st.title)
	note := fmt.Sprintf("%s scored", plural(len(partners), "workbook", "workbooks"))
	if p.Rules != "" {
		note += " with the " + p.Rules + " rules"
	}
	if p.Folder != "" {
		note += " from " + p.Folder
	}
	note += fmt.Sprintf("; %s could not be scored", plural(len(p.Failed), "workbook", "workbooks"))
	if len(p.Failed) > 0 {
		note += " (see the Failed sheet)"
	}
	if p.Interrupted {
		note += fmt.Sprintf(". The run was interrupted: %s not scored", plural(p.Pending, "workbook was", "workbooks were"))
	}
	w.set(sh, 1, 2, note+".", w.st.note)
	for i, c := range portfolioColumns {
		w.set(sh, i+1, portfolioHeaderRow, c.title, w.st.header)
		w.do(f.SetColWidth(sh, colName(i+1), colName(i+1), c.width))
	}
	w.do(f.SetRowHeight(sh, portfolioHeaderRow, 30))
	row := portfolioHeaderRow
	for _, r := range rows {
		row++
		w.set(sh, 1, row, r.Partner, w.st.bold)
		w.set(sh, 2, row, r.PartnerID, w.st.text)
		w.set(sh, 3, row, r.Source, w.st.text)
		if !r.AsOf.IsZero() {
			w.set(sh, 4, row, int(r.AsOf.FirstDay())-excelEpoch, w.st.month)
		}
		w.set(sh, 5, row, r.Path.Label(), w.st.text)
		name := r.ShortName
		if name == "" {
			name = r.Designation
		}
		w.set(sh, 6, row, name, w.st.text)
		w.set(sh, 7, row, r.Points, w.st.integer)
		w.set(sh, 8, row, r.Required, w.st.integer)
		w.set(sh, 9, row, r.Gap, w.st.integer)
		if r.Attained {
			w.set(sh, 10, row, "Yes", w.st.yes)
		} else {
			w.set(sh, 10, row, "No", w.st.no)
		}
		weak := r.WeakestText
		if weak == "" && r.Weakest != "" {
			weak = scoring.MetricLabel(r.Weakest)
		}
		w.set(sh, 11, row, weak, w.st.text)
		w.fileLink(sh, 12, row, r.Scorecard, "scorecard")
		w.fileLink(sh, 13, row, r.Workbook, "workbook")
		w.set(sh, 14, row, r.Emailed, w.st.text)
	}
	last := max(row, portfolioHeaderRow+1)
	w.do(f.AutoFilter(sh, cellName(1, portfolioHeaderRow)+":"+cellName(len(portfolioColumns), last), []excelize.AutoFilterOptions{}))
	w.do(f.SetPanes(sh, &excelize.Panes{Freeze: true, XSplit: 1, YSplit: portfolioHeaderRow, TopLeftCell: cellName(2, portfolioHeaderRow+1), ActivePane: "bottomRight"}))
	if row > portfolioHeaderRow {
		first := portfolioHeaderRow + 1
		w.do(f.SetConditionalFormat(sh, cellName(7, first)+":"+cellName(7, row), []excelize.ConditionalFormatOptions{{
			Type: "data_bar", Criteria: "=", MinType: "num", MinValue: "0", MaxType: "num", MaxValue: "100", BarColor: "#9BC2E6", BarSolid: true}}))
		amber, err := f.NewConditionalStyle(&excelize.Style{Font: &excelize.Font{Color: colorAmberFont}, Fill: excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{colorAmberFill}}})
		w.do(err)
		red, err := f.NewConditionalStyle(&excelize.Style{Font: &excelize.Font{Color: colorRedFont}, Fill: excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{colorRedFill}}})
		w.do(err)
		w.do(f.SetConditionalFormat(sh, cellName(9, first)+":"+cellName(9, row), []excelize.ConditionalFormatOptions{
			{Type: "cell", Criteria: "between", MinValue: "1", MaxValue: "10", Format: &amber},
			{Type: "cell", Criteria: ">", Value: "10", Format: &red},
		}))
	}
	w.printWide(sh)
}

// printWide prints a sheet landscape, one page wide.
func (w *portfolioWriter) printWide(sheet string) {
	w.do(w.f.SetPageLayout(sheet, &excelize.PageLayoutOptions{Orientation: ptrTo("landscape"), FitToWidth: ptrTo(1), FitToHeight: ptrTo(0)}))
	w.do(w.f.SetSheetProps(sheet, &excelize.SheetPropsOptions{FitToPage: ptrTo(true)}))
}

func ptrTo[T any](v T) *T { return &v }

// fileLink writes a relative link to an output file, or says it was not written.
func (w *portfolioWriter) fileLink(sheet string, col, row int, rel, label string) {
	if rel == "" {
		w.set(sheet, col, row, "not written", w.st.note)
		return
	}
	cell := cellName(col, row)
	w.set(sheet, col, row, label, w.st.link)
	tip := cellText(rel)
	w.do(w.f.SetCellHyperLink(sheet, cell, relativeURL(rel), "External", excelize.HyperlinkOpts{Tooltip: &tip}))
}

// relativeURL writes a relative file path as a URL reference, each segment
// escaped ("Q3 files/contoso.scorecard.pdf" -> "Q3%20files/contoso.scorecard.pdf").
func relativeURL(p string) string {
	p = path.Clean(strings.ReplaceAll(p, "\\", "/"))
	segs := strings.Split(p, "/")
	for i, s := range segs {
		segs[i] = url.PathEscape(s)
	}
	out := strings.Join(segs, "/")
	if strings.Contains(segs[0], ":") {
		out = "./" + out // "a:b.pdf" is a relative path, not a scheme
	}
	return out
}

func (w *portfolioWriter) failures() {
	f, sh := w.f, PortfolioFailedSheet
	w.set(sh, 1, 1, "Workbooks that could not be scored", w.st.title)
	w.set(sh, 1, 3, "Workbook", w.st.header)
	w.set(sh, 2, 3, "Reason", w.st.header)
	w.do(f.SetColWidth(sh, "A", "A", 40))
	w.do(f.SetColWidth(sh, "B", "B", 100))
	w.printWide(sh)
	failed := slices.Clone(w.p.Failed)
	slices.SortStableFunc(failed, func(a, b PortfolioFailure) int { return strings.Compare(a.Source, b.Source) })
	row := 3
	for _, x := range failed {
		row++
		w.set(sh, 1, row, x.Source, w.st.text)
		w.set(sh, 2, row, x.Reason, w.st.wrap)
	}
	switch {
	case w.p.Interrupted:
		row++
		w.set(sh, 1, row, fmt.Sprintf("The run was interrupted: %s not scored, so this list may be incomplete.",
			plural(w.p.Pending, "workbook was", "workbooks were")), w.st.note)
	case len(failed) == 0:
		w.set(sh, 1, 4, "Every workbook was scored.", w.st.note)
	}
	w.do(f.SetPanes(sh, &excelize.Panes{Freeze: true, YSplit: 3, TopLeftCell: "A4", ActivePane: "bottomLeft"}))
}

func (w *portfolioWriter) counts() {
	f, sh := w.f, PortfolioCountsSheet
	p := &Portfolio{Rows: w.sortedRows()}
	counts := p.Counts()
	slices.SortStableFunc(counts, func(a, b DesignationCount) int { return strings.Compare(a.Designation, b.Designation) })
	w.set(sh, 1, 1, "Partners per designation", w.st.title)
	for i, h := range []string{"Designation", "Attained", "Within 10 points", "Further", "Partners"} {
		w.set(sh, i+1, 3, h, w.st.header)
	}
	w.do(f.SetColWidth(sh, "A", "A", 30))
	w.do(f.SetColWidth(sh, "B", "E", 14))
	w.printWide(sh)
	row := 3
	for _, c := range counts {
		row++
		name := c.ShortName
		if name == "" {
			name = c.Designation
		}
		w.set(sh, 1, row, name, w.st.bold)
		w.set(sh, 2, row, c.Attained, w.st.integer)
		w.set(sh, 3, row, c.Within10, w.st.integer)
		w.set(sh, 4, row, c.Further, w.st.integer)
		w.set(sh, 5, row, c.Attained+c.Within10+c.Further, w.st.integer)
	}
	if len(counts) == 0 {
		w.set(sh, 1, 4, "No workbook was scored.", w.st.note)
		return
	}
	q := "'" + sh + "'!"
	var series []excelize.ChartSeries
	for i, color := range []string{"70AD47", "FFC000", "C00000"} {
		c := colName(i + 2)
		series = append(series, excelize.ChartSeries{Name: q + "$" + c + "$3",
			Categories: q + "$A$4:$A$" + strconv.Itoa(row), Values: q + "$" + c + "$4:$" + c + "$" + strconv.Itoa(row),
			Fill: excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{color}}})
	}
	w.do(f.AddChart(sh, "G3", &excelize.Chart{Type: excelize.BarStacked, Series: series,
		Title:     excelize.ChartTitle{Paragraph: []excelize.RichTextRun{{Text: "Partners per designation"}}},
		Legend:    excelize.ChartLegend{Position: "bottom"},
		PlotArea:  excelize.ChartPlotArea{ShowVal: true},
		XAxis:     excelize.ChartAxis{ReverseOrder: true},
		Dimension: excelize.ChartDimension{Width: 520, Height: 260}}))
}
