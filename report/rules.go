package report

import (
	"encoding/json"
	"fmt"
	"io"
	"strings"

	"github.com/pcs-tools/pcs/scoring"
)

// WriteRules prints a rule set for people: thresholds, points and lists.
func WriteRules(w io.Writer, rs *scoring.RuleSet) error {
	p := &errWriter{w: w}
	p.f("Rule edition %s: %s\n", rs.Edition, rs.Title)
	p.f("Source: %s\n\n", rs.Source)
	p.f("A designation is attained with at least %d of %d points and at least 1 point in every metric.\n\n", rs.RequiredPoints, rs.TotalPoints)
	p.f("Eligible attributions: %s\n", strings.Join(rs.Attributions.Eligible, ", "))
	p.f("Path: ")
	if t := rs.Path.EnterpriseTTMACR; t != nil {
		p.f("Enterprise with at least %s of eligible ACR in the trailing 12 months; otherwise ", t.Cents.Short())
	}
	p.f("SMB when at least %s of customers are SMB/SMC, else Enterprise.\n", rs.Path.SMBSharePercent.Share)
	p.f("  SMB/SMC segments: %s\n  Enterprise segments: %s\n\n", strings.Join(rs.Segments.SMB, ", "), strings.Join(rs.Segments.Enterprise, ", "))

	na := rs.NetCustomerAdds
	p.f("Net customer adds (%s): threshold %s a month on Enterprise, %s on SMB; %d points per net add.\n",
		na.Counting, na.Threshold.Enterprise.Cents.Short(), na.Threshold.SMB.Cents.Short(), na.PointsPerAdd)
	sk := rs.Skilling
	p.f("Skilling: %d people per prerequisite step on Enterprise, %d on SMB; a step earns %d points on Enterprise, %d on SMB; %d points per person with a scoring certification once the prerequisites are met.\n",
		sk.PeoplePerStep.Enterprise, sk.PeoplePerStep.SMB, sk.PointsPerStep.Enterprise, sk.PointsPerStep.SMB, sk.PointsPerPerson)
	p.f("Usage growth: %d point per whole percent of growth; current ACR must be at least %s.\n",
		rs.UsageGrowth.PointsPerPercent, rs.UsageGrowth.MinCurrentACR.Cents.Short())
	p.f("Deployments (%s): %d points each in the trailing 12 months; never counted: %s.\n\n",
		rs.Deployments.Counting, rs.Deployments.PointsPerDeployment, strings.Join(rs.Deployments.ExcludedServices, ", "))

	for _, d := range rs.Designations {
		p.f("%s (%s)\n", d.Name, d.ID)
		for _, m := range d.Metrics {
			p.f("  %-28s %-17s max %3d\n", m.ID, m.Category, m.Max)
			if len(m.Prerequisites) > 0 {
				p.f("      prerequisites: %s\n", strings.Join(m.Prerequisites, "; "))
			}
			if len(m.Scoring) > 0 {
				p.f("      scoring: %s\n", strings.Join(m.Scoring, "; "))
			}
			if len(m.ExcludedServices) > 0 {
				p.f("      services not counted: %s\n", strings.Join(m.ExcludedServices, ", "))
			}
		}
		p.f("\n")
	}
	p.f("Certifications known (exam codes; counted until):\n")
	for _, c := range rs.Certifications {
		extra := strings.Join(c.Exams, ", ")
		if c.EligibleUntil != nil {
			if extra != "" {
				extra += "; "
			}
			extra += "until " + c.EligibleUntil.Date.String()
		}
		if extra != "" {
			extra = " (" + extra + ")"
		}
		p.f("  %s%s\n", c.Name, extra)
	}
	return p.err
}

// WriteRulesJSON prints a rule set as one JSON document.
func WriteRulesJSON(w io.Writer, rs *scoring.RuleSet) error {
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	return enc.Encode(struct {
		Source string `json:"source"`
		scoring.File
	}{rs.Source, rs.File})
}

type errWriter struct {
	w   io.Writer
	err error
}

func (e *errWriter) f(format string, args ...any) {
	if e.err == nil {
		_, e.err = fmt.Fprintf(e.w, format, args...)
	}
}
