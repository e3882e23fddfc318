package email

import (
	"strconv"
	"strings"

	"github.com/pcs-tools/pcs/scoring"
)

// Data is what the e-mail templates see. Every text taken from the workbook
// is on one line, without control characters; html/template escapes it in
// the HTML body.
type Data struct {
	Partner   string // "Contoso Ltd"
	PartnerID string // "4412345", or ""
	Month     string // the as-of month for people, "May 2024"
	AsOf      string // the as-of month, "2024-05"
	// Path is the scoring path ("SMB" or "Enterprise") and PathReason the
	// figures that decided it.
	Path       string
	PathReason string
	Rules      string // the rule set's title
	Source     string // the workbook's file name
	Attachment string // the attached PDF's file name
	// Attained and NotAttained count the designations.
	Attained, NotAttained int
	Designations          []DesignationData
}

// DesignationData summarises one designation in a few words.
type DesignationData struct {
	Name      string // "Solutions Partner for Data & AI (Azure)"
	ShortName string // "Data & AI"
	Points    int
	Max       int
	Required  int
	Attained  bool
	// Status is "attained", "not attained: 26 points short of 70", or
	// "not attained: Deployments has no point yet".
	Status string
	// Gap is the metric with the most points still to earn, "Net customer
	// adds: 10 of 30 points", and NextStep the smallest change that earns
	// more there.
	Gap      string
	NextStep string
	// Route is the fewest changes that reach the required points, one
	// sentence ("" when attained or out of reach).
	Route string
}

// newData builds the template data of a scored workbook.
func newData(r *scoring.Result, source, attachment string) Data {
	d := Data{
		Partner:    cleanText(r.Partner.Name),
		PartnerID:  cleanText(r.Partner.ID),
		Month:      r.AsOf.Label(),
		AsOf:       r.AsOf.String(),
		Path:       r.Path.Label(),
		PathReason: strings.TrimSuffix(cleanText(r.PathReason), "."),
		Rules:      cleanText(r.RulesTitle),
		Source:     cleanText(source),
		Attachment: attachment,
	}
	if d.Rules == "" {
		d.Rules = cleanText(r.Edition)
	}
	for _, des := range r.Designations {
		dd := designationData(des)
		if dd.Attained {
			d.Attained++
		} else {
			d.NotAttained++
		}
		d.Designations = append(d.Designations, dd)
	}
	return d
}

func designationData(des scoring.DesignationResult) DesignationData {
	dd := DesignationData{
		Name: cleanText(des.Name), ShortName: cleanText(des.ShortName),
		Points: des.Points, Max: des.Max, Required: des.Required, Attained: des.Attained,
	}
	if dd.ShortName == "" {
		dd.ShortName = dd.Name
	}
	var empty []string
	for _, m := range des.Metrics {
		if m.Points == 0 {
			empty = append(empty, scoring.MetricLabel(m.ID))
		}
	}
	switch {
	case des.Attained:
		dd.Status = "attained"
	case des.Gap() > 0:
		dd.Status = "not attained: " + plural(des.Gap(), "point") + " short of " + strconv.Itoa(des.Required)
	case len(empty) > 0:
		dd.Status = "not attained: " + strings.Join(empty, " and ") + " " + hasNo(len(empty)) + " point yet"
	default:
		dd.Status = "not attained"
	}
	worst := -1
	for _, m := range des.Metrics {
		if missing := m.Max - m.Points; missing > worst {
			worst = missing
			dd.Gap = scoring.MetricLabel(m.ID) + ": " + strconv.Itoa(m.Points) + " of " + plural(m.Max, "point")
			dd.NextStep = cleanText(m.NextStep)
		}
	}
	if worst <= 0 {
		dd.Gap = "none, every metric is at its maximum"
		dd.NextStep = ""
	}
	if rt := des.Route; rt != nil && !des.Attained && rt.Reachable && len(rt.Steps) > 0 {
		steps := make([]string, len(rt.Steps))
		for i, s := range rt.Steps {
			steps[i] = cleanText(s.Text)
		}
		dd.Route = strings.Join(steps, "; ")
		if rt.Note != "" {
			dd.Route += ". " + cleanText(rt.Note)
		}
	}
	return dd
}

func plural(n int, word string) string {
	if n == 1 || n == -1 {
		return strconv.Itoa(n) + " " + word
	}
	return strconv.Itoa(n) + " " + word + "s"
}

func hasNo(n int) string {
	if n == 1 {
		return "has no"
	}
	return "have no"
}
