package scoring

import (
	"fmt"
	"sort"
	"strings"
)

// rowStatuses writes a status for every ACR, certification and deployment row.
func (e *engine) rowStatuses() {
	var rows []RowStatus
	add := func(ref Ref, counted bool, text string) {
		if ref.Row > 0 {
			rows = append(rows, RowStatus{Sheet: ref.Sheet, Row: ref.Row, Counted: counted, Text: text})
		}
	}
	// ACR rows: eligible or why not; the text depends only on the row's
	// attribution and solution area, so it is made once per pair.
	type status struct {
		counted bool
		text    string
	}
	texts := map[[2]string]status{}
	for i := range e.in.ACR {
		r := &e.in.ACR[i]
		st, ok := texts[[2]string{r.Attribution, r.SolutionArea}]
		if !ok {
			c := e.acr[i]
			switch {
			case !c.eligible:
				if strings.TrimSpace(r.Attribution) == "" {
					st.text = "not counted: no attribution (" + strings.Join(e.rs.Attributions.Eligible, ", ") + " count)"
				} else {
					st.text = fmt.Sprintf("not counted: attribution %q is not %s", strings.TrimSpace(r.Attribution), strings.Join(e.rs.Attributions.Eligible, ", "))
				}
			case c.unknown:
				st.text = fmt.Sprintf("path only: solution area %q is no designation", strings.TrimSpace(r.SolutionArea))
			case c.all:
				st = status{true, "counted: all designations"}
			default:
				st = status{true, "counted: " + e.rs.Designation(c.desig).ShortName + " only"}
			}
			texts[[2]string{r.Attribution, r.SolutionArea}] = st
		}
		if len(r.Lines) > 0 {
			for _, l := range r.Lines {
				add(Ref{Sheet: r.Source.Sheet, Row: int(l)}, st.counted, st.text)
			}
		} else {
			add(r.Source, st.counted, st.text)
		}
	}
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
