package report

import (
	"fmt"
	"slices"
	"strings"

	"github.com/xuri/excelize/v2"

	"github.com/pcs-tools/pcs/scoring"
)

// Issues columns: severity, sheet, cell, message, hint.
var issuesWidths = []float64{11, 20, 10, 90, 70}

// issuesHeaderRow is the row of the table header on PCS Issues.
const issuesHeaderRow = 4

// issues lays out the PCS Issues sheet: one row per issue, errors first,
// with a link to the cell.
func (w *annotator) issues() (*grid, error) {
	sb := &sheetBuilder{f: w.f, sheet: IssuesSheet, g: newGrid(), zero: w.st.cfZero}
	sb.widths(issuesWidths)
	st, g := w.st, sb.g
	list := slices.Clone(w.a.Issues)
	slices.SortStableFunc(list, func(a, b scoring.Issue) int {
		return severityRank(a.Severity) - severityRank(b.Severity)
	})
	var errs int
	for _, is := range list {
		if is.Severity == scoring.SeverityError {
			errs++
		}
	}
	g.text(1, 1, st.title, "Data issues in "+w.a.Source)
	sb.merge(1, 1, 5)
	g.height(1, 24)
	summary := fmt.Sprintf("%s and %s. Click a cell reference to go to the cell; fix the data there and score the workbook again.",
		plural(errs, "error", "errors"), plural(len(list)-errs, "warning", "warnings"))
	if w.a.SkippedRows > 0 {
		summary += " " + skippedRows(w.a.SkippedRows) + " of the score."
	}
	g.text(1, 2, st.subtitle, summary)
	sb.merge(1, 2, 5)
	for i, h := range []string{"Severity", "Sheet", "Cell", "Message", "How to fix it"} {
		g.text(i+1, issuesHeaderRow, st.header, h)
	}
	row := issuesHeaderRow
	for _, is := range list {
		row++
		sev := "Warning"
		style := st.text
		if is.Severity == scoring.SeverityError {
			sev, style = "Error", st.no
		}
		g.text(1, row, style, sev)
		g.text(2, row, st.wrap, is.Sheet)
		cell := strings.ToUpper(strings.TrimSpace(is.Cell))
		if col, r, ok := parseCellRef([]byte(cell)); ok && w.pkg.sheet(is.Sheet) != nil {
			g.text(3, row, st.link, cell)
			g.link(3, row, sheetRef(w.pkg.sheet(is.Sheet).name, col, r), "Go to "+is.Sheet+"!"+cell)
		} else {
			g.text(3, row, st.text, is.Cell)
		}
		g.text(4, row, st.wrap, is.Message)
		g.text(5, row, st.wrap, is.Hint)
		g.height(row, textHeight(issuesWidths[3:], []string{is.Message, is.Hint}))
	}
	sb.panes(issuesHeaderRow)
	// AutoFilter replaces the sheet properties: it comes before printWide.
	sb.do(w.f.AutoFilter(IssuesSheet, cellName(1, issuesHeaderRow)+":"+cellName(5, row), []excelize.AutoFilterOptions{}))
	sb.printWide(true)
	return g, sb.err
}

func severityRank(s scoring.Severity) int {
	if s == scoring.SeverityError {
		return 0
	}
	return 1
}
