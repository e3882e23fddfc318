package main

import (
	"strings"
	"testing"

	"github.com/pcs-tools/pcs/scoring"
)

// toInput turns a model straight into the engine's input, without a workbook,
// to check that each sample tells the story it is meant to.
func toInput(m model) *scoring.Input {
	in := &scoring.Input{ACRAttribution: true, DeploymentAttribution: true}
	for _, p := range m.partner {
		v, _ := p[1].(string)
		switch scoring.Key(p[0].(string)) {
		case "partnername", "organization":
			in.Partner.Name = v
		case "asof":
			if mo, err := scoring.ParseMonth(v); err == nil {
				in.Partner.AsOf = mo
			}
		case "path", "scoringpath":
			switch strings.ToLower(v) {
			case "smb":
				in.Partner.Path = scoring.PathSMB
			case "enterprise":
				in.Partner.Path = scoring.PathEnterprise
			}
		case "designations", "solutionareas":
			for _, d := range strings.Split(v, ",") {
				if strings.TrimSpace(d) != "" {
					in.Partner.Designations = append(in.Partner.Designations, d)
				}
			}
		}
	}
	for _, c := range m.customers {
		in.Customers = append(in.Customers, scoring.Customer{ID: c.id, Name: c.name, Segment: c.segment})
	}
	for _, a := range m.acr {
		in.ACR = append(in.ACR, scoring.ACRRow{Customer: a.cust, Month: scoring.MonthOf(a.month.Year(), a.month.Month()),
			Amount: scoring.Cents(a.cents), Attribution: a.attr, SolutionArea: a.area, Rows: 1})
	}
	for _, c := range m.certs {
		row := scoring.Certification{Individual: c.person, Certification: c.name, NotAssociated: c.associated == "No"}
		if !c.earned.IsZero() {
			d := scoring.DateOf(c.earned.Year(), c.earned.Month(), c.earned.Day())
			row.Earned = &d
		}
		if !c.expires.IsZero() {
			d := scoring.DateOf(c.expires.Year(), c.expires.Month(), c.expires.Day())
			row.Expires = &d
		}
		in.Certifications = append(in.Certifications, row)
	}
	for _, d := range m.deps {
		in.Deployments = append(in.Deployments, scoring.Deployment{Customer: d.cust, Service: d.service,
			Date: scoring.DateOf(d.date.Year(), d.date.Month(), d.date.Day()), SolutionArea: d.area, Attribution: d.attr, ID: d.id})
	}
	return in
}

func scoreModel(t *testing.T, m model) *scoring.Result {
	rs, err := scoring.Embedded("fy24")
	if err != nil {
		t.Fatal(err)
	}
	r, err := scoring.Score(toInput(m), rs, scoring.Options{})
	if err != nil {
		t.Fatal(err)
	}
	return r
}

func points(r *scoring.Result) map[string]scoring.DesignationResult {
	out := map[string]scoring.DesignationResult{}
	for _, d := range r.Designations {
		out[d.ID] = d
	}
	return out
}

func TestSamplesTellTheirStory(t *testing.T) {
	t.Run("SMB partner attains Data & AI, not Infrastructure", func(t *testing.T) {
		r := scoreModel(t, smbPartner())
		d := points(r)
		if r.Path != scoring.PathSMB || !d["data-ai-azure"].Attained || d["infrastructure-azure"].Attained {
			t.Errorf("path %s (%s); data & ai %d %v; infrastructure %d %v", r.Path, r.PathReason,
				d["data-ai-azure"].Points, d["data-ai-azure"].Attained, d["infrastructure-azure"].Points, d["infrastructure-azure"].Attained)
		}
		for _, id := range []string{"data-ai-azure", "infrastructure-azure", "digital-app-innovation-azure"} {
			t.Logf("%s: %d", id, d[id].Points)
			for _, m := range d[id].Metrics {
				t.Logf("  %s %v %d", m.ID, m.Value, m.Points)
			}
		}
	})
	t.Run("Enterprise partner a few points short everywhere", func(t *testing.T) {
		r := scoreModel(t, enterprisePartner())
		if r.Path != scoring.PathEnterprise {
			t.Errorf("path %s (%s)", r.Path, r.PathReason)
		}
		for id, d := range points(r) {
			t.Logf("%s: %d", id, d.Points)
			for _, m := range d.Metrics {
				t.Logf("  %s %v %d", m.ID, m.Value, m.Points)
			}
			if d.Attained || d.Points < 60 || d.Points >= 70 {
				t.Errorf("%s: %d points, attained %v; want 60-69", id, d.Points, d.Attained)
			}
		}
	})
}
