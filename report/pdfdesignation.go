package report

import (
	"fmt"
	"sort"
	"strings"

	"github.com/pcs-tools/pcs/scoring"
)

// Column widths of a metric block on a designation page.
const (
	pdfMetricLeftW = 150.0
	pdfMetricGap   = 14.0
)

// designationPage draws one designation: its total against the required line,
// the route to it, and every category and metric with its explanation, next
// step and the names behind it.
func (d *pdfDoc) designationPage(sc *Scorecard, ds *scoring.DesignationResult) {
	d.addPage()
	d.cont = func() {
		d.line(d.left, d.y, d.fit(strings.ToUpper(ds.Name)+" (CONTINUED)", pdfStyle{size: 8, bold: true, color: pdfMuted}, d.right-d.left),
			pdfStyle{size: 8, bold: true, color: pdfMuted})
		d.y += 18
	}
	d.pageHeading("DESIGNATION", ds.Name)
	facts := []string{fmt.Sprintf("%d of %d points", ds.Points, ds.Max), fmt.Sprintf("%d needed", ds.Required), pdfStatus(ds), ds.Path.Label() + " path"}
	d.line(d.left, d.y, strings.Join(facts, "  ·  "), pdfStyle{size: 10, bold: true, color: pdfInk})
	d.y += 17
	w := d.right - d.left
	d.pointsBar(d.left, d.y, w, 12, ds.Points, ds.Max, ds.Required)
	d.y += 24
	d.routePanel(sc.Result, ds)

	names := pdfCustomerNames(sc.Result)
	for ci, cat := range pdfCategories(ds) {
		pts, mx := 0, 0
		for _, m := range cat {
			pts, mx = pts+m.Points, mx+m.Max
		}
		h := d.metricHeight(sc, cat[0], names)
		d.need(40 + h)
		if ci > 0 {
			d.y += 2
		}
		top := d.sectionHeading(pdfCategory(cat[0].Category), fmt.Sprintf("%d of %d points", pts, mx))
		// The category's bar sits at the right end of its heading.
		d.pointsBar(d.right-pdfMetricLeftW+10, top+3, pdfMetricLeftW-10, 7, pts, mx, 0)
		for i, m := range cat {
			if i > 0 {
				d.need(d.metricHeight(sc, m, names))
			}
			d.metricBlock(sc, m, names)
		}
	}
}

// pdfCategories groups a designation's metrics by category, in their order.
func pdfCategories(ds *scoring.DesignationResult) [][]*scoring.MetricResult {
	var out [][]*scoring.MetricResult
	at := map[string]int{}
	for i := range ds.Metrics {
		m := &ds.Metrics[i]
		k, ok := at[m.Category]
		if !ok {
			k = len(out)
			at[m.Category] = k
			out = append(out, nil)
		}
		out[k] = append(out[k], m)
	}
	return out
}

// routePanel says what it takes to reach the required points, or, once
// attained, that it is and where the margin is thinnest.
func (d *pdfDoc) routePanel(r *scoring.Result, ds *scoring.DesignationResult) {
	w := d.right - d.left
	pad := 9.0
	var title string
	var lines [][]pdfSeg
	switch {
	case ds.Attained:
		title = "Attained"
		lines = append(lines, []pdfSeg{{text: pdfHeadline(ds, r.AsOf)}})
	case ds.Route == nil:
		title = "Not attained"
		lines = append(lines, []pdfSeg{{text: pdfHeadline(ds, r.AsOf)}})
	case !ds.Route.Reachable:
		title = fmt.Sprintf("No route to %d as of %s", ds.Required, r.AsOf.ShortLabel())
		lines = append(lines, []pdfSeg{{text: pdfUpperFirst(strings.TrimSuffix(ds.Route.Reason, ".")) + "."}})
	default:
		title = fmt.Sprintf("Route to %d", ds.Required)
		lines = append(lines, []pdfSeg{{text: fmt.Sprintf("The fewest changes that reach %d points with at least 1 point in every metric: %s, giving %d points.",
			ds.Required, pdfCount(ds.Route.Changes, "change", "changes"), ds.Route.Points)}})
		for _, st := range ds.Route.Steps {
			label := scoring.MetricLabel(st.Metric) + ":"
			lines = append(lines, []pdfSeg{{text: "•  " + label, bold: true}, {text: strings.TrimPrefix(st.Text, label+" ")}})
		}
		if ds.Route.Note != "" {
			lines = append(lines, []pdfSeg{{text: "Note:", bold: true}, {text: ds.Route.Note}})
		}
	}
	h := pad + pdfLabel.leading() + 2
	for _, l := range lines {
		h += d.richHeight(w-2*pad, l, pdfBody, 3) + 1
	}
	h += pad - 2
	d.need(h)
	d.box(d.left, d.y, w, h, pdfPanel)
	d.box(d.left, d.y, 3, h, pdfNavy)
	y := d.y + pad
	d.line(d.left+pad, y, title, pdfLabel)
	y += pdfLabel.leading() + 2
	for _, l := range lines {
		y = d.rich(d.left+pad, y, w-2*pad, l, pdfBody, 3) + 1
	}
	d.y += h + 8
}

// metricBlock draws one metric: on the left its name, points, bar and
// measured value; on the right the explanation, the next step and the lists.
func (d *pdfDoc) metricBlock(sc *Scorecard, m *scoring.MetricResult, names map[string]string) {
	top := d.y
	x := d.left
	d.line(x, top, d.fit(scoring.MetricLabel(m.ID), pdfLabel, pdfMetricLeftW), pdfLabel)
	big := pdfStyle{size: 14, bold: true, color: pdfInk}
	pw := d.line(x, top+13, fmt.Sprintf("%d", m.Points), big)
	d.line(x+pw+3, top+17, fmt.Sprintf("of %d points", m.Max), pdfSmall)
	d.pointsBar(x, top+33, pdfMetricLeftW-10, 7, m.Points, m.Max, 0)
	ly := d.paragraph(x, top+45, pdfMetricLeftW-10, pdfMeasured(m), pdfSmall, 2)
	if m.Growth != nil && len(m.Growth.Monthly) > 1 {
		ly = d.monthlySpark(x, ly+4, pdfMetricLeftW-10, m.Growth)
	}
	ry := d.metricText(sc, m, names, true)
	d.y = max(ly, ry) + 6
	d.rule(d.left, d.y-3, d.right, pdfTrack, 0.5)
}

// metricHeight is the height metricBlock will take.
func (d *pdfDoc) metricHeight(sc *Scorecard, m *scoring.MetricResult, names map[string]string) float64 {
	left := 45 + d.paragraphHeight(pdfMetricLeftW-10, pdfMeasured(m), pdfSmall, 2)
	if m.Growth != nil && len(m.Growth.Monthly) > 1 {
		left += 4 + pdfSparkH
	}
	y := d.y
	right := d.metricText(sc, m, names, false) - y
	return max(left, right) + 6
}

// metricText draws (or, with draw false, only measures) the right column of
// a metric block from d.y and returns the y below it.
func (d *pdfDoc) metricText(sc *Scorecard, m *scoring.MetricResult, names map[string]string, draw bool) float64 {
	x := d.left + pdfMetricLeftW + pdfMetricGap
	w := d.right - x
	y := d.y
	put := func(segs []pdfSeg, st pdfStyle, maxLines int) {
		if draw {
			y = d.rich(x, y, w, segs, st, maxLines)
		} else {
			y += d.richHeight(w, segs, st, maxLines)
		}
	}
	explanation := d.wholeSentences(m, pdfDense, w, pdfExplanationLines)
	explained := d.layout([]pdfSeg{{text: explanation}}, pdfDense, w, pdfExplanationLines)
	put([]pdfSeg{{text: explanation}}, pdfDense, pdfExplanationLines)
	if m.NextStep != "" {
		y += 2
		put([]pdfSeg{{text: "Next step:", bold: true}, {text: m.NextStep}}, pdfDense, 5)
	}
	for _, l := range pdfMetricLists(sc, m, names) {
		if pdfAllIn(l.names, pdfLinesText(explained)) {
			continue // the explanation as drawn names them all already
		}
		y += 2
		segs := []pdfSeg{{text: l.label + ":", bold: true}}
		text := d.namesFit(l.names, segs, pdfSmall, w, 3)
		put(append(segs, pdfSeg{text: text}), pdfSmall, 3)
	}
	return y
}

// pdfExplanationLines is the most lines a metric's explanation takes.
const pdfExplanationLines = 5

// wholeSentences returns the explanation, or when it takes more than
// maxLines, its first sentences that fit: the lists under the explanation
// name whoever the dropped sentences named, so a reader never meets a list
// cut mid-name. A first sentence too long by itself is kept (and cut with an
// ellipsis when drawn). The count of sentences that fit is found by
// bisection: laying out is linear in the text, and lists can be long.
func (d *pdfDoc) wholeSentences(m *scoring.MetricResult, st pdfStyle, w float64, maxLines int) string {
	sentences := m.Sentences
	if len(sentences) == 0 {
		return m.Explanation
	}
	fits := func(n int) bool {
		return len(d.layout([]pdfSeg{{text: strings.Join(sentences[:n], " ")}}, st, w, 0)) <= maxLines
	}
	// The first sentence is always kept.
	return strings.Join(sentences[:mostThatFit(1, len(sentences), fits)], " ")
}

// mostThatFit is the largest n in lo..hi for which fits(n) holds, found by
// bisection (fits holds up to some n and not after); lo when none above it fits.
func mostThatFit(lo, hi int, fits func(int) bool) int {
	return lo + sort.Search(max(hi-lo, 0), func(i int) bool { return !fits(lo + 1 + i) })
}

// pdfList is a labelled list of names.
type pdfList struct {
	label string
	names []string
}

// pdfMetricLists are the lists that matter for a metric: customers gained and
// lost, people counted and those held back by the prerequisites, deployments counted.
func pdfMetricLists(sc *Scorecard, m *scoring.MetricResult, names map[string]string) []pdfList {
	var out []pdfList
	add := func(label string, list []string) {
		if len(list) > 0 {
			out = append(out, pdfList{label, list})
		}
	}
	switch {
	case m.NetAdds != nil:
		var gained, lost []string
		for _, c := range m.NetAdds.Customers {
			switch c.Effect {
			case 1:
				gained = append(gained, c.Name)
			case -1:
				lost = append(lost, c.Name)
			}
		}
		add("Counted as new (+1 each)", gained)
		add("Lost (-1 each)", lost)
	case m.Skilling != nil:
		var counted, waiting []string
		for _, p := range m.Skilling.People {
			switch {
			case p.Earns:
				counted = append(counted, p.Person)
			case len(p.Scoring) > 0:
				waiting = append(waiting, p.Person)
			}
		}
		add("People counted", counted)
		add("Hold a scoring certification but wait for the prerequisites", waiting)
	case m.Deployments != nil && len(sc.Deployments) > 0:
		var counted []string
		for _, v := range m.Deployments.Rows {
			if !v.Counted || v.Index < 0 || v.Index >= len(sc.Deployments) {
				continue
			}
			dep := sc.Deployments[v.Index]
			cust := names[scoring.IDKey(dep.Customer)]
			if cust == "" {
				cust = strings.TrimSpace(dep.Customer)
			}
			if m.Deployments.Counting == scoring.CountService {
				counted = append(counted, strings.TrimSpace(dep.Service))
			} else {
				counted = append(counted, strings.TrimSpace(dep.Service)+" ("+cust+")")
			}
		}
		add("Deployments counted", counted)
	}
	return out
}

// pdfCustomerNames maps customer IDs (folded) to the names the engine shows.
func pdfCustomerNames(r *scoring.Result) map[string]string {
	out := map[string]string{}
	for _, ds := range r.Designations {
		for _, m := range ds.Metrics {
			if m.NetAdds == nil {
				continue
			}
			for _, c := range m.NetAdds.Customers {
				out[scoring.IDKey(c.Customer)] = c.Name
			}
		}
	}
	return out
}

// namesFit lists as many names as fit in maxLines after the label, ending in
// "and N more" for the rest. Each name is cut to 60 characters.
func (d *pdfDoc) namesFit(names []string, label []pdfSeg, st pdfStyle, w float64, maxLines int) string {
	short := make([]string, len(names))
	for i, n := range names {
		short[i] = pdfShorten(strings.TrimSpace(pdfClean(n)), 60)
	}
	fits := func(limit int) bool {
		segs := append(append([]pdfSeg{}, label...), pdfSeg{text: pdfNames(short, limit)})
		return len(d.layout(segs, st, w, 0)) <= maxLines
	}
	if fits(len(short)) {
		return pdfNames(short, len(short))
	}
	return pdfNames(short, mostThatFit(1, len(short)-1, fits))
}

// pdfUpperFirst capitalises the first letter.
func pdfUpperFirst(s string) string {
	for i, r := range s {
		return strings.ToUpper(string(r)) + s[i+len(string(r)):]
	}
	return s
}

// pdfAllIn reports whether text names every one of names.
func pdfAllIn(names []string, text string) bool {
	for _, n := range names {
		if !strings.Contains(text, strings.TrimSpace(n)) {
			return false
		}
	}
	return true
}

// pdfLinesText joins laid-out lines back into text.
func pdfLinesText(lines [][]pdfWord) string {
	var b strings.Builder
	for _, l := range lines {
		for _, w := range l {
			b.WriteString(w.text)
			b.WriteByte(' ')
		}
	}
	return b.String()
}
