package report

import (
	"fmt"
	"strings"

	"github.com/pcs-tools/pcs/scoring"
)

// The sentences of the PDFs, in plain words for finance readers.

// pdfCategory names a metric category for people.
func pdfCategory(id string) string {
	switch id {
	case "performance":
		return "Performance"
	case "skilling":
		return "Skilling"
	case "customer-success":
		return "Customer success"
	}
	s := strings.ReplaceAll(id, "-", " ")
	if s == "" {
		return s
	}
	return strings.ToUpper(s[:1]) + s[1:]
}

// pdfCount writes "1 customer" or "3 customers".
func pdfCount(n int, one, many string) string {
	if n == 1 || n == -1 {
		return fmt.Sprintf("%d %s", n, one)
	}
	return fmt.Sprintf("%d %s", n, many)
}

// pdfNames joins names as "A, B and C", listing at most limit of them and
// ending with "and N more" beyond that.
func pdfNames(names []string, limit int) string {
	switch {
	case len(names) == 0:
		return ""
	case len(names) > limit:
		return strings.Join(names[:limit], ", ") + fmt.Sprintf(" and %d more", len(names)-limit)
	case len(names) == 1:
		return names[0]
	}
	return strings.Join(names[:len(names)-1], ", ") + " and " + names[len(names)-1]
}

// pdfStatus is a designation's standing in two words.
func pdfStatus(d *scoring.DesignationResult) string {
	if d.Attained {
		return "Attained"
	}
	return "Not attained"
}

// pdfHeadline is the one sentence of the summary page about a designation:
// the route to the required points when it is not attained, else its biggest gap.
func pdfHeadline(d *scoring.DesignationResult, asOf scoring.Month) string {
	if d.Attained {
		gapAt, gap := -1, 0
		for i, m := range d.Metrics {
			if g := m.Max - m.Points; g > gap {
				gapAt, gap = i, g
			}
		}
		s := fmt.Sprintf("Attained with %d points, %d above the %d needed", d.Points, d.Points-d.Required, d.Required)
		if d.Points == d.Required {
			s = fmt.Sprintf("Attained with exactly the %d points needed", d.Required)
		}
		if gapAt < 0 {
			return s + ", with every metric at its maximum."
		}
		m := d.Metrics[gapAt]
		return s + fmt.Sprintf("; the biggest gap is %s at %d of %d points.", strings.ToLower(scoring.MetricLabel(m.ID)), m.Points, m.Max)
	}
	var s string
	if gap := d.Gap(); gap > 0 {
		s = fmt.Sprintf("%s short of %d", pdfCount(gap, "point", "points"), d.Required)
	} else {
		var empty []string
		for _, m := range d.Metrics {
			if m.Points < 1 {
				empty = append(empty, strings.ToLower(scoring.MetricLabel(m.ID)))
			}
		}
		s = fmt.Sprintf("%d points, but every metric needs at least 1 point and %s has none", d.Points, pdfNames(empty, 3))
	}
	if d.Route == nil {
		return s + "."
	}
	if !d.Route.Reachable {
		return fmt.Sprintf("%s, and %d cannot be reached as of %s: %s.", s, d.Required, asOf.ShortLabel(), strings.TrimSuffix(d.Route.Reason, "."))
	}
	steps := make([]string, len(d.Route.Steps))
	for i, st := range d.Route.Steps {
		steps[i] = strings.TrimPrefix(st.Text, scoring.MetricLabel(st.Metric)+": ")
	}
	return fmt.Sprintf("%s. To reach it: %s.", s, strings.Join(steps, "; "))
}

// pdfMeasured says what a metric measured, with its value.
func pdfMeasured(m *scoring.MetricResult) string {
	v := "none"
	if m.Value != nil {
		v = m.Value.String()
	}
	switch {
	case m.NetAdds != nil:
		return "Net customer adds: " + v
	case m.Skilling != nil:
		return "People with a scoring certification: " + v
	case m.Growth != nil:
		if m.Value == nil {
			return "Growth: cannot be computed"
		}
		return "Growth: " + v + "%"
	case m.Deployments != nil:
		return "Deployments counted: " + v
	}
	return "Value: " + v
}

// pdfPathTitle is the path with who set it.
func pdfPathTitle(r *scoring.Result) string {
	switch r.PathFacts.Forced {
	case "option":
		return r.Path.Label() + " path (chosen for this run)"
	case "workbook":
		return r.Path.Label() + " path (set in the workbook)"
	}
	return r.Path.Label() + " path"
}

// pdfAsOfFrom says where the as-of month came from.
func pdfAsOfFrom(from string) string {
	switch from {
	case "option":
		return "chosen for this run"
	case "workbook":
		return "from the workbook"
	case "data":
		return "the latest month with ACR"
	}
	return ""
}
