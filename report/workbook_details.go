package report

import (
	"fmt"
	"slices"
	"strconv"
	"strings"

	"github.com/pcs-tools/pcs/scoring"
)

// Details columns, shared by its tables: A name, B second name, C..F
// amounts or dates, G a short verdict, H the reason, I the link to the row.
var detailsWidths = []float64{32, 34, 14, 14, 14, 14, 10, 72, 20}

// maxListedRows caps the rows of a sheet too large to annotate that the
// details list (those that did not count, in sheet order).
const maxListedRows = 5000

// details lays out the PCS Details sheet: the customers behind net
// customer adds, the monthly totals behind usage growth, the certifications
// and deployments, each with a link back to its row.
func (w *annotator) details() (*grid, error) {
	sb := &sheetBuilder{f: w.f, sheet: DetailsSheet, g: newGrid(), zero: w.st.cfZero}
	sb.widths(detailsWidths)
	sb.printWide(true)
	st, g, r := w.st, sb.g, w.a.Result
	g.text(1, 1, st.title, "Details behind the score: "+r.Partner.Name)
	sb.merge(1, 1, 9)
	g.height(1, 24)
	g.text(1, 2, st.subtitle, "Every figure behind the points, as of "+r.AsOf.Label()+". The last column links back to the row of the partner's sheet.")
	sb.merge(1, 2, 9)
	sb.panes(2)
	row := 3
	row = w.netAddsDetails(sb, row)
	row = w.growthDetails(sb, row)
	row = w.certDetails(sb, row)
	row = w.deploymentDetails(sb, row)
	w.largeSheetDetails(sb, row)
	return g, sb.err
}

// source puts a link to a source row in the last column.
func (w *annotator) source(g *grid, row int, ref scoring.Ref) {
	if ref.Row <= 0 || ref.Sheet == "" {
		return
	}
	name := ref.Sheet
	if s := w.pkg.sheet(ref.Sheet); s != nil {
		name = s.name
	} else {
		g.text(9, row, w.st.text, fmt.Sprintf("%s row %d", name, ref.Row))
		return
	}
	g.text(9, row, w.st.link, fmt.Sprintf("%s row %d", name, ref.Row))
	g.link(9, row, sheetRef(name, 1, ref.Row), "Go to the row")
}

// heading writes a section heading and a table header, returning the header row.
func heading(sb *sheetBuilder, st *wbStyles, row int, title, note string, cols []string) int {
	g := sb.g
	row += 2
	g.text(1, row, st.section, title)
	sb.merge(1, row, 9)
	if note != "" {
		row++
		g.text(1, row, st.note, note)
		sb.merge(1, row, 9)
		g.height(row, textHeight([]float64{sumWidths(detailsWidths)}, []string{note}))
	}
	row++
	for i, h := range cols {
		if h != "" {
			g.text(i+1, row, st.headerWrap, h)
		} else {
			g.blank(i+1, row, st.headerWrap)
		}
	}
	if h := textHeight(detailsWidths, cols); h > 15 {
		g.height(row, h)
	}
	return row
}

func sumWidths(ws []float64) float64 {
	t := 0.0
	for _, w := range ws {
		t += w
	}
	return t
}

// netAddsDetails writes each customer's ACR in the four months of net
// customer adds, with its effect; designations that counted alike share a table.
func (w *annotator) netAddsDetails(sb *sheetBuilder, row int) int {
	st, g := w.st, sb.g
	type block struct {
		names []string
		det   *scoring.NetAddsDetail
	}
	var blocks []block
	for _, d := range w.a.Result.Designations {
		m := d.Metric("net-customer-adds")
		if m == nil || m.NetAdds == nil {
			continue
		}
		merged := false
		for i := range blocks {
			if sameNetAdds(blocks[i].det, m.NetAdds) {
				blocks[i].names = append(blocks[i].names, d.ShortName)
				merged = true
			}
		}
		if !merged {
			blocks = append(blocks, block{names: []string{d.ShortName}, det: m.NetAdds})
		}
	}
	for _, b := range blocks {
		det := b.det
		how := "a customer new in the last two months counts +1, a customer lost counts -1"
		if det.Counting != scoring.CountPerCustomer {
			how = "customers at the threshold in the last two months, less those at it a year before"
		}
		note := fmt.Sprintf("Threshold %s a month; %s. Net %+d.", det.Threshold.Short(), how, det.Net)
		cols := []string{"Customer", "Customer ID"}
		for _, m := range det.Months {
			cols = append(cols, "ACR "+m.ShortLabel()+" (USD)")
		}
		cols = append(cols, "Effect", "Reason", "Source row")
		row = heading(sb, st, row, "Net customer adds: "+joinNames(b.names), note, cols)
		for _, v := range det.Customers {
			row++
			g.text(1, row, st.wrap, v.Name)
			g.text(2, row, st.text, v.Customer)
			for i, a := range v.ACR {
				g.num(3+i, row, st.money, centsDecimal(a))
			}
			g.num(7, row, st.effect, strconv.Itoa(v.Effect))
			g.text(8, row, st.wrap, v.Reason)
			w.source(g, row, v.Source)
			g.height(row, textHeight([]float64{detailsWidths[0], detailsWidths[7]}, []string{v.Name, v.Reason}))
		}
		if len(det.Customers) == 0 {
			row++
			g.text(1, row, st.note, "No customer has ACR in these months.")
		}
	}
	return row
}

// sameNetAdds reports whether two designations counted every customer alike.
func sameNetAdds(a, b *scoring.NetAddsDetail) bool {
	if a.Threshold != b.Threshold || a.Counting != b.Counting || a.Months != b.Months || len(a.Customers) != len(b.Customers) {
		return false
	}
	for i := range a.Customers {
		x, y := a.Customers[i], b.Customers[i]
		if x.Customer != y.Customer || x.ACR != y.ACR || x.Effect != y.Effect || x.Reason != y.Reason {
			return false
		}
	}
	return true
}

// joinNames writes "A", "A and B" or "A, B and C".
func joinNames(n []string) string {
	switch len(n) {
	case 0:
		return ""
	case 1:
		return n[0]
	}
	return strings.Join(n[:len(n)-1], ", ") + " and " + n[len(n)-1]
}

// growthDetails writes the monthly eligible ACR behind usage growth.
func (w *annotator) growthDetails(sb *sheetBuilder, row int) int {
	st, g := w.st, sb.g
	type col struct {
		names []string
		det   *scoring.GrowthDetail
	}
	var cols []col
	for _, d := range w.a.Result.Designations {
		m := d.Metric("usage-growth")
		if m == nil || m.Growth == nil {
			continue
		}
		merged := false
		for i := range cols {
			if slices.Equal(cols[i].det.Monthly, m.Growth.Monthly) {
				cols[i].names = append(cols[i].names, d.ShortName)
				merged = true
			}
		}
		if !merged {
			cols = append(cols, col{names: []string{d.ShortName}, det: m.Growth})
		}
	}
	if len(cols) == 0 || len(cols) > 7 {
		return row
	}
	head := []string{"Month"}
	for _, c := range cols {
		head = append(head, "Eligible ACR (USD): "+joinNames(c.names))
	}
	first := cols[0].det
	note := fmt.Sprintf("Growth compares %s with %s; the current month must reach %s.", first.CurrentMonth.ShortLabel(),
		first.BaselineMonth.ShortLabel(), scoring.USD(1000).Short())
	row = heading(sb, st, row, "Usage growth: eligible ACR of all customers per month", note, padCols(head))
	months := map[scoring.Month]bool{}
	var order []scoring.Month
	for _, c := range cols {
		for _, mt := range c.det.Monthly {
			if !months[mt.Month] {
				months[mt.Month] = true
				order = append(order, mt.Month)
			}
		}
	}
	slices.Sort(order)
	for _, m := range order {
		row++
		g.num(1, row, st.month, w.monthSerial(m))
		for i, c := range cols {
			for _, mt := range c.det.Monthly {
				if mt.Month == m {
					style := st.money
					if m == c.det.CurrentMonth || m == c.det.BaselineMonth {
						style = st.moneyBold
					}
					g.num(2+i, row, style, centsDecimal(mt.ACR))
				}
			}
		}
	}
	row++
	g.text(1, row, st.total, "Growth")
	for i, c := range cols {
		if c.det.Growth != nil {
			g.num(2+i, row, st.percent, c.det.Growth.String())
		} else {
			g.text(2+i, row, st.total, "cannot be computed")
		}
	}
	return row
}

// padCols widens a header to the details columns.
func padCols(h []string) []string {
	for len(h) < len(detailsWidths) {
		h = append(h, "")
	}
	return h
}

// certDetails writes every certification row with what it counted for, and
// the prerequisite steps of each certification metric.
func (w *annotator) certDetails(sb *sheetBuilder, row int) int {
	st, g := w.st, sb.g
	in := w.a.Input
	status := w.certStatus()
	if in != nil && len(in.Certifications) > 0 {
		row = heading(sb, st, row, "Certifications: what each counted for", "Sorted by person. A person counts once per metric, however many scoring certifications they hold.",
			[]string{"Individual", "Certification", "Earned on", "Expires on", "Associated", "", "Counted", "What it counted for, or why not", "Source row"})
		idx := make([]int, len(in.Certifications))
		for i := range idx {
			idx[i] = i
		}
		slices.SortStableFunc(idx, func(a, b int) int {
			return strings.Compare(scoring.IDKey(in.Certifications[a].Individual), scoring.IDKey(in.Certifications[b].Individual))
		})
		for _, i := range idx {
			c := in.Certifications[i]
			row++
			g.text(1, row, st.wrap, c.Individual)
			g.text(2, row, st.wrap, c.Certification)
			if c.Earned != nil {
				g.num(3, row, st.date, w.serial(*c.Earned))
			}
			if c.Expires != nil {
				g.num(4, row, st.date, w.serial(*c.Expires))
			}
			if c.NotAssociated {
				g.text(5, row, st.text, "No")
			} else {
				g.text(5, row, st.text, "Yes")
			}
			s, ok := status[refKey(c.Source)]
			switch {
			case !ok:
				g.text(7, row, st.text, "")
			case s.Counted:
				g.text(7, row, st.yes, "Yes")
			default:
				g.text(7, row, st.no, "No")
			}
			g.text(8, row, st.wrap, s.Text)
			w.source(g, row, c.Source)
			g.height(row, textHeight([]float64{detailsWidths[0], detailsWidths[1], 0, 0, 0, 0, 0, detailsWidths[7]},
				[]string{c.Individual, c.Certification, "", "", "", "", "", s.Text}))
		}
	}
	var steps bool
	for _, d := range w.a.Result.Designations {
		for _, m := range d.Metrics {
			if m.Skilling == nil || len(m.Skilling.Steps) == 0 {
				continue
			}
			if !steps {
				row = heading(sb, st, row, "Certification prerequisites", "Each step needs its number of people holding the certification before the scoring certifications earn points.",
					[]string{"Designation and metric", "Prerequisite certification", "People", "Needed", "Met", "", "", "Who holds it", ""})
				steps = true
			}
			for _, s := range m.Skilling.Steps {
				row++
				g.text(1, row, st.wrap, d.ShortName+": "+strings.ToLower(scoring.MetricLabel(m.ID)))
				g.text(2, row, st.wrap, s.Certification)
				g.num(3, row, st.integer, strconv.Itoa(len(s.Holders)))
				g.num(4, row, st.integer, strconv.Itoa(m.Skilling.Need))
				if s.Met {
					g.text(5, row, st.yes, "Yes")
				} else {
					g.text(5, row, st.no, "No")
				}
				who := joinNames(s.Holders)
				if who == "" {
					who = "nobody"
				}
				g.text(8, row, st.wrap, who)
				g.height(row, textHeight([]float64{detailsWidths[0], detailsWidths[1], 0, 0, 0, 0, 0, detailsWidths[7]},
					[]string{d.ShortName + ": " + scoring.MetricLabel(m.ID), s.Certification, "", "", "", "", "", who}))
			}
		}
	}
	return row
}

// certStatus indexes the engine's statuses of certification rows by sheet and row.
func (w *annotator) certStatus() map[string]scoring.RowStatus {
	sheets := map[string]bool{}
	if w.a.Input != nil {
		for _, c := range w.a.Input.Certifications {
			sheets[c.Source.Sheet] = true
		}
	}
	out := map[string]scoring.RowStatus{}
	for _, s := range w.a.Result.Rows {
		if !sheets[s.Sheet] {
			continue
		}
		k := refKey(scoring.Ref{Sheet: s.Sheet, Row: s.Row})
		if prev, ok := out[k]; ok {
			if prev.Text != s.Text && !strings.Contains(prev.Text, s.Text) {
				prev.Text += "; " + s.Text
			}
			prev.Counted = prev.Counted || s.Counted
			out[k] = prev
			continue
		}
		out[k] = s
	}
	return out
}

func refKey(r scoring.Ref) string { return strings.ToLower(r.Sheet) + "\x00" + strconv.Itoa(r.Row) }

// deploymentDetails writes every deployment row, counted or not and why,
// for each designation.
func (w *annotator) deploymentDetails(sb *sheetBuilder, row int) int {
	st, g := w.st, sb.g
	in := w.a.Input
	if in == nil || len(in.Deployments) == 0 {
		return row
	}
	type verdicts struct {
		name string
		det  *scoring.DeploymentsDetail
	}
	var vs []verdicts
	for _, d := range w.a.Result.Designations {
		if m := d.Metric("deployments"); m != nil && m.Deployments != nil {
			vs = append(vs, verdicts{d.ShortName, m.Deployments})
		}
	}
	note := ""
	if len(vs) > 0 {
		note = fmt.Sprintf("Deployments count from %s to %s.", vs[0].det.From, vs[0].det.To)
	}
	row = heading(sb, st, row, "Deployments: counted or not, and why", note,
		[]string{"Service", "Customer", "Deployed on", "Solution area", "Attribution", "Deployment ID", "Counted", "Per designation", "Source row"})
	for i, dep := range in.Deployments {
		row++
		g.text(1, row, st.wrap, dep.Service)
		g.text(2, row, st.wrap, w.customerLabel(dep.Customer))
		g.num(3, row, st.date, w.serial(dep.Date))
		g.text(4, row, st.wrap, dep.SolutionArea)
		g.text(5, row, st.wrap, dep.Attribution)
		g.text(6, row, st.wrap, dep.ID)
		var parts []string
		counted := false
		for _, v := range vs {
			if i >= len(v.det.Rows) {
				continue
			}
			dv := v.det.Rows[i]
			if dv.Counted {
				counted = true
				parts = append(parts, v.name+": counted")
			} else {
				parts = append(parts, v.name+": "+dv.Reason)
			}
		}
		if counted {
			g.text(7, row, st.yes, "Yes")
		} else {
			g.text(7, row, st.no, "No")
		}
		text := strings.Join(parts, "\n")
		g.text(8, row, st.wrap, text)
		w.source(g, row, dep.Source)
		g.height(row, textHeight([]float64{detailsWidths[0], detailsWidths[1], 0, 0, 0, 0, 0, detailsWidths[7]},
			[]string{dep.Service, w.customerLabel(dep.Customer), "", "", "", "", "", text}))
	}
	return row
}

// customerLabel names a customer by name and ID when the Customers sheet knows it.
func (w *annotator) customerLabel(id string) string {
	if w.a.Input != nil {
		k := scoring.IDKey(id)
		for _, c := range w.a.Input.Customers {
			if scoring.IDKey(c.ID) == k && strings.TrimSpace(c.Name) != "" && strings.TrimSpace(c.Name) != strings.TrimSpace(id) {
				return strings.TrimSpace(c.Name) + " (" + strings.TrimSpace(id) + ")"
			}
		}
	}
	return id
}

// largeSheetDetails lists, for sheets too large to annotate in place, the
// rows that did not count.
func (w *annotator) largeSheetDetails(sb *sheetBuilder, row int) int {
	st, g := w.st, sb.g
	for _, ps := range w.sheets {
		if ps.inPlace || !statusRoles[ps.layout.Role] {
			continue
		}
		rows := make([]int, 0)
		counted := ps.notes.counted
		for r, n := range ps.notes.rows {
			if n.kind == statusCounted {
				counted++
			} else {
				rows = append(rows, r)
			}
		}
		slices.Sort(rows)
		others := len(rows) + ps.notes.unlisted
		note := fmt.Sprintf("%s was not annotated in place: %s. %s counted; %s did not count or had errors", ps.layout.Name, ps.why,
			plural(counted, "row", "rows"), plural(others, "row", "rows"))
		if len(rows) > maxListedRows {
			rows = rows[:maxListedRows]
		}
		if len(rows) < others {
			note += fmt.Sprintf(" (the first %s are listed)", groupInt(len(rows)))
		}
		row = heading(sb, st, row, ps.layout.Name+": rows that did not count", note+".",
			[]string{"Row", "", "", "", "", "", "", "Status", "Source row"})
		for _, r := range rows {
			row++
			g.num(1, row, st.integer, strconv.Itoa(r))
			n := ps.notes.rows[r]
			style := st.wrap
			if n.kind == statusError {
				style = st.no
			}
			g.text(8, row, style, n.text)
			w.source(g, row, scoring.Ref{Sheet: ps.layout.Name, Row: r})
		}
	}
	return row
}
