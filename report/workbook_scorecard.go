package report

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/xuri/excelize/v2"

	"github.com/pcs-tools/pcs/scoring"
)

// Scorecard columns: A label or metric, B category or value, C..F numbers,
// G next step, H explanation.
var scorecardWidths = []float64{36, 18, 12, 10, 10, 10, 46, 72}

// scorecardWrapWidth is the width of B:H, where long values are merged.
const scorecardWrapWidth = 18 + 12 + 10 + 10 + 10 + 46 + 72

// scorecard lays out the PCS Scorecard sheet: who and when, the path and
// the figures that decided it, a table per designation with a chart of
// points per category, and the route to the required points.
func (w *annotator) scorecard() (*grid, error) {
	sc := &sheetBuilder{f: w.f, sheet: ScorecardSheet, g: newGrid(), zero: w.st.cfZero}
	st, a, r := w.st, w.a, w.a.Result
	sc.widths(scorecardWidths)
	sc.printWide(false)
	g := sc.g

	g.text(1, 1, st.title, "Partner capability score: "+r.Partner.Name)
	g.height(1, 24)
	sc.merge(1, 1, 8)
	g.text(1, 2, st.subtitle, fmt.Sprintf("Solutions Partner designations for Azure, as of %s, %s rules. Scored from %s.",
		r.AsOf.Label(), r.Edition, a.Source))
	sc.merge(1, 2, 8)
	sc.panes(2)

	row := 4
	info := func(label string, value func(row int)) {
		g.text(1, row, st.label, label)
		value(row)
		row++
	}
	wide := func(style int, text string) func(int) {
		return func(row int) {
			g.text(2, row, style, text)
			sc.merge(2, row, 8)
			if h := textHeight([]float64{scorecardWrapWidth}, []string{text}); h > 15 {
				g.height(row, h)
			}
		}
	}
	valueAndNote := func(put func(row int), note string) func(int) {
		return func(row int) {
			put(row)
			if note != "" {
				g.text(3, row, st.note, note)
				sc.merge(3, row, 8)
			}
		}
	}
	info("Partner", wide(st.wrap, r.Partner.Name))
	if r.Partner.ID != "" {
		info("Partner ID", wide(st.wrap, r.Partner.ID))
	}
	info("Workbook scored", wide(st.wrap, a.Source))
	asOfNote := map[string]string{"option": "set on the command line", "workbook": "from the Partner sheet",
		"data": "the latest month with ACR rows"}[r.AsOfFrom]
	info("As of", valueAndNote(func(row int) { g.num(2, row, st.month, w.monthSerial(r.AsOf)) }, asOfNote))
	info("Rules", wide(st.wrap, r.Edition+": "+r.RulesTitle))
	info("Path", wide(st.bold, r.Path.Label()))
	info("Why this path", wide(st.wrap, r.PathReason))
	pf := r.PathFacts
	ttmNote := ""
	if pf.TTMFromWorkbook {
		ttmNote = "from the Partner sheet"
	}
	info("Eligible ACR, last 12 months (USD)", valueAndNote(func(row int) { g.num(2, row, st.money, centsDecimal(pf.TTMACR)) }, ttmNote))
	switch {
	case pf.ShareFromWorkbook:
		info("SMB/SMC share of customers", valueAndNote(func(row int) { g.num(2, row, st.percent, shareDecimal(shownShare(pf.Share))) }, "from the Partner sheet"))
	case pf.ShareKnown:
		info("SMB/SMC share of customers", valueAndNote(func(row int) { g.num(2, row, st.percent, shareDecimal(shownShare(pf.Share))) },
			fmt.Sprintf("%d of the %s with ACR in %s and a known segment", pf.SMBCustomers, plural(pf.KnownSegment, "customer", "customers"), r.AsOf.ShortLabel())))
	default:
		info("SMB/SMC share of customers", wide(st.wrap, "unknown: no customer with ACR in "+r.AsOf.ShortLabel()+" has a known segment"))
	}
	w.issueSummary(sc, info, wide)
	if a.SkippedRows > 0 {
		info("Rows left out", wide(st.no, skippedRows(a.SkippedRows)+" (--allow-errors): the score does not include them. See PCS Issues."))
	}
	if len(r.Excluded) > 0 {
		var parts []string
		for _, x := range r.Excluded {
			name := x.Attribution
			if name == "" {
				name = "blank"
			}
			parts = append(parts, fmt.Sprintf("%s: %s, %s", name, plural(x.Rows, "row", "rows"), x.Amount.String()))
		}
		info("ACR not counted (attribution)", wide(st.wrap, strings.Join(parts, "; ")))
	}
	for _, ps := range w.sheets {
		if !ps.inPlace && statusRoles[ps.layout.Role] {
			info("Not annotated in place", wide(st.wrap, fmt.Sprintf("%s: %s; its rows that did not count are listed on PCS Details instead.",
				ps.layout.Name, ps.why)))
		}
	}

	row++
	row = w.designationSummary(sc, row)
	for i := range r.Designations {
		row += 2
		var err error
		if row, err = w.designationSection(sc, row, &r.Designations[i]); err != nil {
			return nil, err
		}
	}
	row += 2
	g.text(1, row, st.section, "How to read the annotated sheets")
	sc.merge(1, row, 8)
	for _, line := range []string{
		"Each data sheet has a PCS status column right of its data: what each row counted for, or why it did not count.",
		"Rows that did not count have a light orange fill, rows left out because of an error a light red one; cells with an error are red, cells with a warning yellow.",
		"PCS Details lists every customer, certification, deployment and monthly total behind the score, with links back to the rows.",
		"Scoring this workbook again replaces these sheets and the status columns.",
	} {
		row++
		g.text(1, row, st.wrap, line)
		sc.merge(1, row, 8)
	}
	return g, sc.err
}

// issueSummary adds the data issues line, with a link to PCS Issues.
func (w *annotator) issueSummary(sc *sheetBuilder, info func(string, func(int)), wide func(int, string) func(int)) {
	var errs, warns int
	for _, is := range w.a.Issues {
		if is.Severity == scoring.SeverityError {
			errs++
		} else {
			warns++
		}
	}
	if errs+warns == 0 {
		info("Data issues", wide(w.st.wrap, "none"))
		return
	}
	text := fmt.Sprintf("%s and %s: see the PCS Issues sheet", plural(errs, "error", "errors"), plural(warns, "warning", "warnings"))
	info("Data issues", func(row int) {
		wide(w.st.link, text)(row)
		sc.g.link(2, row, sheetRef(IssuesSheet, 1, 1), "Go to PCS Issues")
	})
}

// designationSummary writes one line per designation.
func (w *annotator) designationSummary(sc *sheetBuilder, row int) int {
	st, g := w.st, sc.g
	g.text(1, row, st.section, "Designations")
	sc.merge(1, row, 8)
	row++
	head := []string{"Designation", "Points", "Maximum", "Required", "Short by", "Attained", "Weakest metric"}
	for i, h := range head {
		g.text(i+1, row, st.header, h)
	}
	first := row + 1
	for _, d := range w.a.Result.Designations {
		row++
		g.text(1, row, st.bold, d.Name)
		g.num(2, row, st.intBold, strconv.Itoa(d.Points))
		g.num(3, row, st.integer, strconv.Itoa(d.Max))
		g.num(4, row, st.integer, strconv.Itoa(d.Required))
		g.num(5, row, st.integer, strconv.Itoa(d.Gap()))
		if d.Attained {
			g.text(6, row, st.yes, "Yes")
		} else {
			g.text(6, row, st.no, "No")
		}
		if wm := weakest(d); wm != nil {
			g.text(7, row, st.wrap, fmt.Sprintf("%s: %d of %d", scoring.MetricLabel(wm.ID), wm.Points, wm.Max))
		}
		g.height(row, textHeight(scorecardWidths[:1], []string{d.Name}))
	}
	if row >= first {
		sc.dataBar(2, first, row, "100", "9BC2E6")
		sc.dataBar(5, first, row, "70", "F4B183")
	}
	return row
}

// weakest returns the metric furthest from its maximum.
func weakest(d scoring.DesignationResult) *scoring.MetricResult {
	var out *scoring.MetricResult
	for i := range d.Metrics {
		m := &d.Metrics[i]
		if out == nil || m.Max-m.Points > out.Max-out.Points {
			out = m
		}
	}
	return out
}

// designationSection writes a designation's metrics, its points per
// category with a chart, and its route to the required points.
func (w *annotator) designationSection(sc *sheetBuilder, row int, d *scoring.DesignationResult) (int, error) {
	st, g := w.st, sc.g
	g.text(1, row, st.section, d.Name)
	sc.merge(1, row, 8)
	row++
	verdict := fmt.Sprintf("%d of %d points: attained (%d required, and every metric has a point)", d.Points, d.Max, d.Required)
	style := st.yes
	if !d.Attained {
		style = st.no
		zero := 0
		for _, m := range d.Metrics {
			if m.Points == 0 {
				zero++
			}
		}
		switch {
		case d.Points < d.Required && zero > 0:
			verdict = fmt.Sprintf("%d of %d points: not attained, %s short of %d, and %s without a point", d.Points, d.Max,
				plural(d.Gap(), "point", "points"), d.Required, plural(zero, "metric", "metrics"))
		case d.Points < d.Required:
			verdict = fmt.Sprintf("%d of %d points: not attained, %s short of %d", d.Points, d.Max, plural(d.Gap(), "point", "points"), d.Required)
		default:
			verdict = fmt.Sprintf("%d of %d points: not attained, %s without a point (every metric needs one)", d.Points, d.Max, plural(zero, "metric", "metrics"))
		}
	}
	g.text(1, row, style, verdict)
	sc.merge(1, row, 8)
	row++
	for i, h := range []string{"Metric", "Category", "Value", "Points", "Maximum", "Gap", "Next step", "What was counted"} {
		g.text(i+1, row, st.header, h)
	}
	first := row + 1
	for _, m := range d.Metrics {
		row++
		g.text(1, row, st.bold, scoring.MetricLabel(m.ID))
		g.text(2, row, st.text, categoryLabel(m.Category))
		switch {
		case m.Value == nil:
			g.text(3, row, st.wrap, "cannot be computed")
		case m.Kind == scoring.KindUsageGrowth:
			g.num(3, row, st.percent, m.Value.String())
		case m.Kind == scoring.KindNetCustomerAdds:
			g.num(3, row, st.effect, m.Value.String())
		default:
			g.num(3, row, st.integer, m.Value.String())
		}
		g.num(4, row, st.intBold, strconv.Itoa(m.Points))
		g.num(5, row, st.integer, strconv.Itoa(m.Max))
		g.num(6, row, st.integer, strconv.Itoa(m.Max-m.Points))
		g.text(7, row, st.wrap, m.NextStep)
		g.text(8, row, st.wrap, m.Explanation)
		g.height(row, textHeight(scorecardWidths[6:8], []string{m.NextStep, m.Explanation}))
	}
	last := row
	row++
	g.text(1, row, st.total, "Total")
	for c := 2; c <= 8; c++ {
		g.blank(c, row, st.total)
	}
	g.num(4, row, st.totalMoney, strconv.Itoa(d.Points))
	g.num(5, row, st.totalMoney, strconv.Itoa(d.Max))
	g.num(6, row, st.totalMoney, strconv.Itoa(d.Max-d.Points))
	if last >= first {
		sc.zeroRule(4, first, last)
		sc.dataBar(6, first, last, "40", "F4B183")
	}

	// Points per category, the chart's data.
	row += 2
	top := row
	g.text(1, row, st.header, "Category")
	g.text(2, row, st.header, "Points")
	g.text(3, row, st.header, "Maximum")
	var cats []string
	pts, mx := map[string]int{}, map[string]int{}
	for _, m := range d.Metrics {
		if _, ok := mx[m.Category]; !ok {
			cats = append(cats, m.Category)
		}
		pts[m.Category] += m.Points
		mx[m.Category] += m.Max
	}
	for _, c := range cats {
		row++
		g.text(1, row, st.text, categoryLabel(c))
		g.num(2, row, st.integer, strconv.Itoa(pts[c]))
		g.num(3, row, st.integer, strconv.Itoa(mx[c]))
	}
	chartRows := 12
	sc.chart(d.ShortName, top, row)
	row = max(row, top+chartRows)

	if d.Route != nil {
		row += 2
		g.text(1, row, st.section, fmt.Sprintf("Route to %d points", d.Required))
		sc.merge(1, row, 8)
		rt := d.Route
		if !rt.Reachable {
			row++
			g.text(1, row, st.wrap, "No route to "+strconv.Itoa(d.Required)+" as of "+w.a.Result.AsOf.ShortLabel()+": "+rt.Reason+".")
			sc.merge(1, row, 8)
			g.height(row, textHeight([]float64{scorecardWidths[0] + scorecardWrapWidth}, []string{rt.Reason}))
		} else {
			for i, s := range rt.Steps {
				row++
				g.text(1, row, st.label, fmt.Sprintf("Step %d", i+1))
				g.text(2, row, st.wrap, s.Text)
				sc.merge(2, row, 8)
			}
			row++
			g.text(1, row, st.label, "After these steps")
			g.text(2, row, st.bold, fmt.Sprintf("%d points with %s", rt.Points, plural(rt.Changes, "change", "changes")))
			sc.merge(2, row, 8)
			if rt.Note != "" {
				row++
				g.text(1, row, st.label, "Note")
				g.text(2, row, st.wrap, rt.Note)
				sc.merge(2, row, 8)
				g.height(row, textHeight([]float64{scorecardWrapWidth}, []string{rt.Note}))
			}
		}
	}
	return row, sc.err
}

// sheetBuilder applies a PCS sheet's frame through excelize, keeping the
// first error.
type sheetBuilder struct {
	f     *excelize.File
	sheet string
	g     *grid
	zero  int // conditional format of cells that are 0
	err   error
}

func (b *sheetBuilder) do(err error) {
	if b.err == nil && err != nil {
		b.err = fmt.Errorf("cannot lay out %s: %w", b.sheet, err)
	}
}

func (b *sheetBuilder) widths(ws []float64) {
	for i, wd := range ws {
		c := colName(i + 1)
		b.do(b.f.SetColWidth(b.sheet, c, c, wd))
	}
}

func (b *sheetBuilder) merge(c1, row, c2 int) { b.g.merge(c1, row, c2) }

// printWide prints the sheet landscape, one page wide, and hides grid lines
// when asked.
func (b *sheetBuilder) printWide(gridLines bool) {
	landscape, wide, tall, fit := "landscape", 1, 0, true
	b.do(b.f.SetPageLayout(b.sheet, &excelize.PageLayoutOptions{Orientation: &landscape, FitToWidth: &wide, FitToHeight: &tall}))
	b.do(b.f.SetSheetProps(b.sheet, &excelize.SheetPropsOptions{FitToPage: &fit}))
	if !gridLines {
		b.do(b.f.SetSheetView(b.sheet, 0, &excelize.ViewOptions{ShowGridLines: &gridLines}))
	}
}

// panes freezes the rows above row+1.
func (b *sheetBuilder) panes(rows int) {
	b.do(b.f.SetPanes(b.sheet, &excelize.Panes{Freeze: true, YSplit: rows, TopLeftCell: cellName(1, rows+1), ActivePane: "bottomLeft"}))
}

// dataBar draws bars in a column, scaled from 0 to maxValue.
func (b *sheetBuilder) dataBar(col, r1, r2 int, maxValue, color string) {
	b.do(b.f.SetConditionalFormat(b.sheet, cellName(col, r1)+":"+cellName(col, r2), []excelize.ConditionalFormatOptions{{
		Type: "data_bar", Criteria: "=", MinType: "num", MinValue: "0", MaxType: "num", MaxValue: maxValue,
		BarColor: "#" + color, BarSolid: true}}))
}

// zeroRule marks in red the cells of a column that are 0.
func (b *sheetBuilder) zeroRule(col, r1, r2 int) {
	id := b.zero
	b.do(b.f.SetConditionalFormat(b.sheet, cellName(col, r1)+":"+cellName(col, r2), []excelize.ConditionalFormatOptions{{
		Type: "cell", Criteria: "==", Value: "0", Format: &id}}))
}

// chart adds a bar chart of points against the maximum per category, from
// the table whose header is on row top and whose last row is last.
func (b *sheetBuilder) chart(name string, top, last int) {
	ref := func(c1, r1, c2, r2 int) string {
		q := "'" + strings.ReplaceAll(b.sheet, "'", "''") + "'!"
		return q + "$" + colName(c1) + "$" + strconv.Itoa(r1) + ":$" + colName(c2) + "$" + strconv.Itoa(r2)
	}
	fill := func(c string) excelize.Fill { return excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{c}} }
	gap := uint(60)
	zero := 0.0
	b.do(b.f.AddChart(b.sheet, cellName(5, top), &excelize.Chart{
		Type: excelize.Bar,
		Series: []excelize.ChartSeries{
			{Name: ref(2, top, 2, top), Categories: ref(1, top+1, 1, last), Values: ref(2, top+1, 2, last), Fill: fill("2E75B6")},
			{Name: ref(3, top, 3, top), Categories: ref(1, top+1, 1, last), Values: ref(3, top+1, 3, last), Fill: fill("BDD7EE")},
		},
		Title:     excelize.ChartTitle{Paragraph: []excelize.RichTextRun{{Text: name + ": points against the maximum per category"}}},
		Legend:    excelize.ChartLegend{Position: "bottom"},
		PlotArea:  excelize.ChartPlotArea{ShowVal: true},
		Dimension: excelize.ChartDimension{Width: 560, Height: 230},
		XAxis:     excelize.ChartAxis{ReverseOrder: true, Font: excelize.Font{Color: "404040", Size: 9}},
		YAxis:     excelize.ChartAxis{MajorGridLines: true, Minimum: &zero, Font: excelize.Font{Color: "404040", Size: 9}},
		GapWidth:  &gap,
		Format:    excelize.GraphicOptions{OffsetX: 10, AltText: name + ": points per category"},
	}))
}
