package scoring

import (
	"fmt"
	"iter"
	"slices"
	"sort"
	"strings"
)

// rowStatuses writes a status for every ACR, customer, certification and deployment row.
func (e *engine) rowStatuses() {
	var rows []RowStatus
	add := func(ref Ref, counted bool, text string) {
		if ref.Row > 0 {
			rows = append(rows, RowStatus{Sheet: ref.Sheet, Row: ref.Row, Counted: counted, Text: text})
		}
	}
	// ACR rows: eligible or why not. The text depends only on the row's
	// attribution and solution area, so it is made once per pair, and a sheet
	// of a million rows keeps one small number per row (acrRows), not a
	// RowStatus.
	classes := map[[2]string]int32{}
	var acr acrRows
	for i := range e.in.ACR {
		r := &e.in.ACR[i]
		pair := [2]string{r.Attribution, r.SolutionArea}
		cls, ok := classes[pair]
		if !ok {
			c := e.acrClassOf(i)
			var st RowStatus
			switch {
			case !c.eligible:
				if strings.TrimSpace(r.Attribution) == "" {
					st.Text = "not counted: no attribution (" + strings.Join(e.rs.Attributions.Eligible, ", ") + " count)"
				} else {
					st.Text = fmt.Sprintf("not counted: attribution %q is not %s", strings.TrimSpace(r.Attribution), strings.Join(e.rs.Attributions.Eligible, ", "))
				}
			case c.unknown:
				st.Text = fmt.Sprintf("path only: solution area %q is no designation", strings.TrimSpace(r.SolutionArea))
			case c.all:
				st.Counted, st.Text = true, "counted: all designations"
			default:
				st.Counted, st.Text = true, "counted: "+e.rs.Designation(c.desig).ShortName+" only"
			}
			cls = int32(len(acr.classes))
			classes[pair] = cls
			acr.classes = append(acr.classes, st)
		}
		if acr.sheet == "" {
			acr.sheet = r.Source.Sheet
		}
		if len(r.Lines) > 0 {
			for _, l := range r.Lines {
				acr.set(l, cls)
			}
		} else if r.Source.Row > 0 {
			acr.set(int32(r.Source.Row), cls)
		}
	}
	e.res.acrRows = acr
	// Customers: their net add effect per designation.
	effects := map[string][]string{}
	for _, d := range e.res.Designations {
		for _, m := range d.Metrics {
			if m.NetAdds == nil {
				continue
			}
			for _, v := range m.NetAdds.Customers {
				switch v.Effect {
				case 1:
					effects[IDKey(v.Customer)] = append(effects[IDKey(v.Customer)], "+1 net add for "+d.ShortName)
				case -1:
					effects[IDKey(v.Customer)] = append(effects[IDKey(v.Customer)], "-1 net add for "+d.ShortName)
				}
			}
		}
	}
	for _, c := range e.in.Customers {
		if fx := effects[IDKey(c.ID)]; len(fx) > 0 {
			add(c.Source, true, "counted: "+strings.Join(fx, "; "))
		} else {
			add(c.Source, true, "no net add effect")
		}
	}
	// Certifications: what each row counted for.
	uses := make([][]string, len(e.in.Certifications))
	for _, d := range e.res.Designations {
		for _, m := range d.Metrics {
			if m.Kind != KindCertifications {
				continue
			}
			rm := e.rs.metric(d.ID, m.ID)
			for i, c := range e.certs {
				if !c.valid {
					continue
				}
				role := ""
				for _, n := range rm.Prerequisites {
					if e.rs.Certificate(n) == c.cert {
						role = "prerequisite"
					}
				}
				for _, n := range rm.Scoring {
					if e.rs.Certificate(n) == c.cert {
						role = "scoring"
					}
				}
				if role != "" {
					uses[i] = append(uses[i], fmt.Sprintf("%s %s (%s)", d.ShortName, strings.TrimSuffix(m.ID, "-certifications"), role))
				}
			}
		}
	}
	for i, r := range e.in.Certifications {
		c := e.certs[i]
		switch {
		case !c.valid:
			add(r.Source, false, "not counted: "+c.reason)
		case len(uses[i]) == 0:
			add(r.Source, false, "not counted: "+c.cert.Name+" counts for no designation scored")
		default:
			add(r.Source, true, "counted: "+strings.Join(uses[i], "; "))
		}
	}
	// Deployments: counted for which designations, or why not.
	for i, r := range e.in.Deployments {
		var yes, no []string
		for _, d := range e.res.Designations {
			for _, m := range d.Metrics {
				if m.Deployments == nil {
					continue
				}
				v := m.Deployments.Rows[i]
				if v.Counted {
					yes = append(yes, d.ShortName)
				} else if !contains(no, v.Reason) {
					no = append(no, v.Reason)
				}
			}
		}
		if len(yes) > 0 {
			add(r.Source, true, "counted: "+strings.Join(yes, ", "))
		} else {
			add(r.Source, false, "not counted: "+strings.Join(no, "; "))
		}
	}
	sort.SliceStable(rows, func(i, j int) bool {
		if rows[i].Sheet != rows[j].Sheet {
			return rows[i].Sheet < rows[j].Sheet
		}
		return rows[i].Row < rows[j].Row
	})
	e.res.Rows = rows
}

// acrRows holds the status of every row of the ACR sheet compactly: for each
// row number the class of its status (+1, 0 for none), and the rare rows
// with more than one (a wide row counted for some months and not others).
type acrRows struct {
	sheet   string
	classes []RowStatus // Sheet and Row unset
	byRow   []int32
	extra   map[int32][]int32
}

func (a *acrRows) set(row, cls int32) {
	if row <= 0 {
		return
	}
	if int(row) >= len(a.byRow) {
		a.byRow = append(a.byRow, make([]int32, int(row)+1-len(a.byRow))...)
	}
	switch prev := a.byRow[row]; {
	case prev == 0:
		a.byRow[row] = cls + 1
	case prev != cls+1 && !slices.Contains(a.extra[row], cls):
		if a.extra == nil {
			a.extra = map[int32][]int32{}
		}
		a.extra[row] = append(a.extra[row], cls)
	}
}

// each calls yield for every ACR row status, in row order.
func (a *acrRows) each(yield func(RowStatus) bool) bool {
	for row, c := range a.byRow {
		if c == 0 {
			continue
		}
		st := a.classes[c-1]
		st.Sheet, st.Row = a.sheet, row
		if !yield(st) {
			return false
		}
		for _, x := range a.extra[int32(row)] {
			st := a.classes[x]
			st.Sheet, st.Row = a.sheet, row
			if !yield(st) {
				return false
			}
		}
	}
	return true
}

// AllRows returns the status of every sheet row the engine looked at (ACR,
// Customers, Certifications and Deployments rows), ordered by sheet name and
// row number. A row may have several statuses (a wide ACR row, one per kind
// of month).
func (r *Result) AllRows() iter.Seq[RowStatus] {
	return func(yield func(RowStatus) bool) {
		acrDone := r.acrRows.sheet == ""
		for _, rs := range r.Rows {
			if !acrDone && r.acrRows.sheet < rs.Sheet {
				if !r.acrRows.each(yield) {
					return
				}
				acrDone = true
			}
			if !yield(rs) {
				return
			}
		}
		if !acrDone {
			r.acrRows.each(yield)
		}
	}
}

// metric returns a designation's metric rule.
func (rs *RuleSet) metric(desig, id string) *Metric {
	for i := range rs.Designations {
		if rs.Designations[i].ID != desig {
			continue
		}
		for j := range rs.Designations[i].Metrics {
			if rs.Designations[i].Metrics[j].ID == id {
				return &rs.Designations[i].Metrics[j]
			}
		}
	}
	return nil
}
