package scoring

import (
	"strings"
	"testing"
)

// Certifications are judged on the last day of the as-of month (2024-05-31).
func TestSkilling(t *testing.T) {
	type cert struct{ person, name, earned, expires string }
	admin, architect := "Azure Administrator Associate", "Azure Solutions Architect Expert"
	cases := []struct {
		name    string
		edition string
		asOf    string
		path    Path
		desig   string
		metric  string
		certs   []cert
		value   string
		points  int
		met     bool
	}{
		{name: "Enterprise: one Administrator is not enough (2 needed per step)", path: PathEnterprise,
			certs: []cert{{"ann", admin, "", ""}, {"bo", architect, "", ""}, {"cy", architect, "", ""},
				{"d1", "Azure Data Engineer Associate", "", ""}, {"d2", "DP-300", "", ""}, {"d3", "AI-102", "", ""}},
			value: "3", points: 0, met: false},
		{name: "Enterprise: two per step meet the prerequisites, which earn nothing themselves", path: PathEnterprise,
			certs: []cert{{"ann", admin, "", ""}, {"al", admin, "", ""}, {"bo", architect, "", ""}, {"cy", architect, "", ""},
				{"d1", "Azure Data Engineer Associate", "", ""}, {"d2", "DP-300", "", ""}, {"d3", "AI-102", "", ""}},
			value: "3", points: 12, met: true},
		{name: "Enterprise: prerequisites met, nobody scoring: 0", path: PathEnterprise,
			certs: []cert{{"ann", admin, "", ""}, {"al", admin, "", ""}, {"bo", architect, "", ""}, {"cy", architect, "", ""}},
			value: "0", points: 0, met: true},
		{name: "Enterprise: 11 scoring people are capped at 40", path: PathEnterprise,
			certs: append([]cert{{"ann", admin, "", ""}, {"al", admin, "", ""}, {"bo", architect, "", ""}, {"cy", architect, "", ""}},
				func() []cert {
					var cs []cert
					for i := 0; i < 11; i++ {
						cs = append(cs, cert{string(rune('k' + i)), "DP-203", "", ""})
					}
					return cs
				}()...),
			value: "11", points: 40, met: true},
		{name: "SMB: one prerequisite step earns 4 points without scoring people", path: PathSMB,
			certs: []cert{{"ann", admin, "", ""}}, value: "0", points: 4, met: false},
		{name: "SMB: both steps earn 8 and meet the prerequisites", path: PathSMB,
			certs: []cert{{"ann", admin, "", ""}, {"bo", architect, "", ""}}, value: "0", points: 8, met: true},
		{name: "SMB: scoring people earn nothing until every step is met", path: PathSMB,
			certs: []cert{{"ann", admin, "", ""}, {"d1", "DP-203", "", ""}, {"d2", "DP-100", "", ""}}, value: "2", points: 4, met: false},
		{name: "SMB: 2 steps + 8 people = 40", path: PathSMB,
			certs: append([]cert{{"ann", admin, "", ""}, {"bo", architect, "", ""}}, func() []cert {
				var cs []cert
				for i := 0; i < 8; i++ {
					cs = append(cs, cert{string(rune('k' + i)), "PL-300", "", ""})
				}
				return cs
			}()...), value: "8", points: 40, met: true},
		{name: "SMB: 2 steps + 9 people are capped at 40", path: PathSMB,
			certs: append([]cert{{"ann", admin, "", ""}, {"bo", architect, "", ""}}, func() []cert {
				var cs []cert
				for i := 0; i < 9; i++ {
					cs = append(cs, cert{string(rune('k' + i)), "PL-300", "", ""})
				}
				return cs
			}()...), value: "9", points: 40, met: true},
		{name: "one person with three scoring certifications counts once", path: PathSMB,
			certs: []cert{{"ann", admin, "", ""}, {"bo", architect, "", ""},
				{"cy", "DP-203", "", ""}, {"cy", "DP-100", "", ""}, {"CY ", "Azure AI Engineer Associate", "", ""}},
			value: "1", points: 12, met: true},
		{name: "a person may hold a prerequisite and a scoring certification", path: PathSMB,
			desig: "infrastructure-azure", metric: "intermediate-certifications",
			certs: []cert{{"ann", "AZ-104", "", ""}, {"ann", "AZ-700", "", ""}}, value: "1", points: 8, met: true},
		{name: "SMB infrastructure intermediate: step 4 + 4 people 16 = 20", path: PathSMB,
			desig: "infrastructure-azure", metric: "intermediate-certifications",
			certs: []cert{{"ann", "AZ-104", "", ""}, {"a", "AZ-700", "", ""}, {"b", "AZ-700", "", ""}, {"c", "Windows Server Hybrid Administrator Associate", "", ""}, {"d", "AZ-700", "", ""}, {"e", "AZ-700", "", ""}},
			value: "5", points: 20, met: true},
		{name: "fy24 retired: Azure Stack Hub Operator counts in July 2024 (eligible until 2024-07-31)", asOf: "2024-07", path: PathSMB,
			desig: "infrastructure-azure", metric: "intermediate-certifications",
			certs: []cert{{"ann", "AZ-104", "", ""}, {"bo", "Azure Stack Hub Operator Associate", "", ""}}, value: "1", points: 8, met: true},
		{name: "fy24 retired: Azure Stack Hub Operator no longer counts in August 2024", asOf: "2024-08", path: PathSMB,
			desig: "infrastructure-azure", metric: "intermediate-certifications",
			certs: []cert{{"ann", "AZ-104", "", ""}, {"bo", "Azure Stack Hub Operator Associate", "", ""}}, value: "0", points: 4, met: true},
		{name: "fy26 retired: Azure Data Scientist counts as of May 2027 (until 2027-06-01)", edition: "fy26", asOf: "2027-05", path: PathSMB,
			certs: []cert{{"ann", admin, "", ""}, {"bo", architect, "", ""}, {"cy", "DP-100", "", ""}}, value: "1", points: 12, met: true},
		{name: "fy26 retired: not as of June 2027 (2027-06-30 is after 2027-06-01)", edition: "fy26", asOf: "2027-06", path: PathSMB,
			certs: []cert{{"ann", admin, "", ""}, {"bo", architect, "", ""}, {"cy", "DP-100", "", ""}}, value: "0", points: 8, met: true},
		{name: "a certification expiring on the last day of the as-of month counts", path: PathSMB,
			certs: []cert{{"ann", admin, "2023-01-10", "2024-05-31"}}, value: "0", points: 4},
		{name: "one that expired the day before does not", path: PathSMB,
			certs: []cert{{"ann", admin, "2023-01-10", "2024-05-30"}}, value: "0", points: 0},
		{name: "earned on the last day of the as-of month counts", path: PathSMB,
			certs: []cert{{"ann", admin, "2024-05-31", ""}}, value: "0", points: 4},
		{name: "earned after the as-of month does not", path: PathSMB,
			certs: []cert{{"ann", admin, "2024-06-01", ""}}, value: "0", points: 0},
		{name: "names match with the prefix, in any case, and by exam code", path: PathSMB,
			certs: []cert{{"ann", "Microsoft Certified: Azure Administrator Associate", "", ""}, {"bo", "azure solutions architect expert", "", ""},
				{"cy", "dp-203", "", ""}, {"di", "Exam PL-300: Microsoft Power BI Data Analyst", "", ""}, {"ed", "Power BI Data Analyst Associate", "", ""}},
			value: "3", points: 20, met: true},
		{name: "unknown names and courses count for nothing", path: PathSMB,
			certs: []cert{{"ann", "Azure Fundamentals", "", ""}, {"bo", "AZ-900", "", ""}, {"cy", "AZ-1040", "", ""}}, value: "0", points: 0},
		{name: "fy26 DevOps is in Digital & App Innovation advanced", edition: "fy26", path: PathSMB,
			desig: "digital-app-innovation-azure", metric: "advanced-certifications",
			certs: []cert{{"ann", architect, "", ""}, {"bo", "DevOps Engineer Expert", "", ""}, {"cy", "GH-300", "", ""}, {"di", "GitHub Certified: GitHub Copilot", "", ""}},
			value: "3", points: 16, met: true},
		{name: "fy24 Fabric is not a Data & AI scoring certification", path: PathSMB,
			certs: []cert{{"ann", admin, "", ""}, {"bo", architect, "", ""}, {"cy", "DP-600", "", ""}}, value: "0", points: 8, met: true},
		{name: "fy26 Fabric is", edition: "fy26", path: PathSMB,
			certs: []cert{{"ann", admin, "", ""}, {"bo", architect, "", ""}, {"cy", "DP-600", "", ""}}, value: "1", points: 12, met: true},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			asOf := tc.asOf
			if asOf == "" {
				asOf = "2024-05"
			}
			b := newInput(t, asOf).path(tc.path)
			for _, c := range tc.certs {
				b.cert(c.person, c.name, c.earned, c.expires)
			}
			ed, d, id := tc.edition, tc.desig, tc.metric
			if ed == "" {
				ed = "fy24"
			}
			if d == "" {
				d = "data-ai-azure"
			}
			if id == "" {
				id = "intermediate-certifications"
			}
			r := score(t, b, ed, Options{})
			m := metric(t, r, d, id)
			if value(m) != tc.value || m.Points != tc.points {
				t.Errorf("value %s, %d points; want %s, %d\n%s", value(m), m.Points, tc.value, tc.points, m.Explanation)
			}
			if m.PrerequisitesMet == nil {
				t.Fatal("prerequisites_met not set")
			}
			if tc.met && !*m.PrerequisitesMet {
				t.Errorf("prerequisites not met: %s", m.Explanation)
			}
		})
	}
}

func TestSkillingExplanation(t *testing.T) {
	b := newInput(t, "2024-05").path(PathEnterprise).
		cert("Ann Lee", "AZ-104", "", "").cert("Bo Chen", "AZ-305", "", "").cert("Cy Diaz", "AZ-305", "", "").
		cert("Di Fox", "DP-203", "", "").cert("Ed Gray", "DP-100", "", "").cert("Fay Hu", "AI-102", "", "")
	r := score(t, b, "fy24", Options{})
	m := metric(t, r, "data-ai-azure", "intermediate-certifications")
	for _, want := range []string{
		"Prerequisites not met: Azure Administrator Associate: 1 of 2 needed (Ann Lee)",
		"3 people hold an intermediate scoring certification (Di Fox, Ed Gray and Fay Hu) but earn nothing until the prerequisites are met",
	} {
		if !strings.Contains(m.Explanation, want) {
			t.Errorf("explanation lacks %q:\n%s", want, m.Explanation)
		}
	}
	want := "1 more person with Azure Administrator Associate earns 12 points, unlocking the 3 people who already hold a scoring certification."
	if m.NextStep != want {
		t.Errorf("next step\n got %q\nwant %q", m.NextStep, want)
	}
}

func TestSamePersonDifferentSpelling(t *testing.T) {
	b := newInput(t, "2024-05").path(PathSMB).
		cert("John Smith", "AZ-104", "", "").cert("  john   SMITH ", "AZ-305", "", "").cert("john smith", "DP-203", "", "")
	r := score(t, b, "fy24", Options{})
	m := metric(t, r, "data-ai-azure", "intermediate-certifications")
	if len(m.Skilling.People) != 1 || m.Points != 12 {
		t.Fatalf("people %v, points %d", m.Skilling.People, m.Points)
	}
	found := 0
	for _, is := range r.Issues {
		if strings.Contains(is.Message, "counted as the same person as \"John Smith\" (row 2)") {
			found++
			if is.Sheet != "Certifications" {
				t.Errorf("issue sheet %q", is.Sheet)
			}
		}
	}
	if found != 2 {
		t.Errorf("want 2 same-person warnings, got %d: %v", found, r.Issues)
	}
}

func TestUnknownCertificationSuggestsClosest(t *testing.T) {
	b := newInput(t, "2024-05").path(PathSMB).
		cert("ann", "Azure Adminstrator Associate", "", "").cert("bo", "Azure Fundamentals", "", "")
	b.in.Columns.CertName = "B"
	r := score(t, b, "fy24", Options{})
	var msgs []string
	for _, is := range r.Issues {
		msgs = append(msgs, is.String())
	}
	joined := strings.Join(msgs, "\n")
	if !strings.Contains(joined, `Certifications!B2: "Azure Adminstrator Associate" is not a certification the rules know; did you mean "Azure Administrator Associate"?`) {
		t.Errorf("no typo warning:\n%s", joined)
	}
	if !strings.Contains(joined, "1 row names courses or certifications that no fy24 metric counts (Azure Fundamentals)") {
		t.Errorf("no summary of unknown rows:\n%s", joined)
	}
}
