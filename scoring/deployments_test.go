package scoring

import "testing"

// Deployments count in the trailing twelve months: 2023-06-01 to 2024-05-31.
func TestDeployments(t *testing.T) {
	type dep struct{ cust, service, date, area string }
	all := []string{"data-ai-azure", "digital-app-innovation-azure", "infrastructure-azure"}
	cases := []struct {
		name    string
		edition string
		deps    []dep
		want    map[string]int // designation -> deployments counted
	}{
		{name: "fy24: Virtual Machines count for Infrastructure and Digital & App Innovation, not Data & AI",
			deps: []dep{{"a", "Virtual Machines", "2024-01-10", ""}},
			want: map[string]int{"data-ai-azure": 0, "digital-app-innovation-azure": 1, "infrastructure-azure": 1}},
		{name: "fy24: Virtual Machines Licenses count for none",
			deps: []dep{{"a", "Virtual Machines Licenses", "2024-01-10", ""}},
			want: map[string]int{"data-ai-azure": 0, "digital-app-innovation-azure": 0, "infrastructure-azure": 0}},
		{name: "fy26: Virtual Machines count for none", edition: "fy26",
			deps: []dep{{"a", "Virtual Machines", "2024-01-10", ""}},
			want: map[string]int{"data-ai-azure": 0, "digital-app-innovation-azure": 0, "infrastructure-azure": 0}},
		{name: "fy26: Virtual Machines Licenses count for none", edition: "fy26",
			deps: []dep{{"a", "virtual machines licenses", "2024-01-10", ""}},
			want: map[string]int{"data-ai-azure": 0, "digital-app-innovation-azure": 0, "infrastructure-azure": 0}},
		{name: "service names match ignoring case, spacing and plural",
			deps: []dep{{"a", " virtual machine ", "2024-01-10", ""}},
			want: map[string]int{"data-ai-azure": 0, "infrastructure-azure": 1}},
		{name: "fy24: one customer and one service count once",
			deps: []dep{{"a", "Azure SQL Database", "2024-01-10", ""}, {"A ", "azure sql database", "2024-02-10", ""}, {"b", "Azure SQL Database", "2024-02-10", ""}},
			want: map[string]int{"data-ai-azure": 2}},
		{name: "fy26: a service counts once across customers", edition: "fy26",
			deps: []dep{{"a", "Azure SQL Database", "2024-01-10", ""}, {"b", "Azure SQL Database", "2024-02-10", ""}, {"b", "Azure Cosmos DB", "2024-02-10", ""}},
			want: map[string]int{"data-ai-azure": 2}},
		{name: "the first and last days of the TTM count, the days outside do not",
			deps: []dep{{"a", "S1", "2023-06-01", ""}, {"a", "S2", "2024-05-31", ""}, {"a", "S3", "2023-05-31", ""}, {"a", "S4", "2024-06-01", ""}},
			want: map[string]int{"data-ai-azure": 2}},
		{name: "solution areas limit a deployment to one designation",
			deps: []dep{{"a", "S1", "2024-01-01", "Infrastructure"}, {"a", "S2", "2024-01-01", "All"}, {"a", "S3", "2024-01-01", "Security"}},
			want: map[string]int{"data-ai-azure": 1, "infrastructure-azure": 2}},
		{name: "six deployments are capped at 10 points",
			deps: []dep{{"a", "S1", "2024-01-01", ""}, {"a", "S2", "2024-01-01", ""}, {"a", "S3", "2024-01-01", ""}, {"a", "S4", "2024-01-01", ""}, {"a", "S5", "2024-01-01", ""}, {"a", "S6", "2024-01-01", ""}},
			want: map[string]int{"data-ai-azure": 6}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			b := newInput(t, "2024-05").path(PathSMB)
			for _, d := range tc.deps {
				b.deploy(d.cust, d.service, d.date, d.area)
			}
			ed := tc.edition
			if ed == "" {
				ed = "fy24"
			}
			r := score(t, b, ed, Options{})
			for _, d := range all {
				want, ok := tc.want[d]
				if !ok {
					continue
				}
				m := metric(t, r, d, "deployments")
				if value(m) != itoa(want) || m.Points != min(10, 2*want) {
					t.Errorf("%s: %s counted, %d points; want %d, %d\n%s", d, value(m), m.Points, want, min(10, 2*want), m.Explanation)
				}
			}
		})
	}
}

func TestDeploymentAttributionAndIDs(t *testing.T) {
	b := newInput(t, "2024-05").path(PathSMB).
		deploy("a", "S1", "2024-01-01", "").deploy("b", "S2", "2024-01-01", "").deploy("c", "S3", "2024-01-01", "").deploy("d", "S4", "2024-01-01", "")
	b.in.Deployments[1].Attribution = "Referral"
	b.in.Deployments[2].Attribution = ""
	b.in.Deployments[3].ID = "X-1"
	b.in.Deployments[0].ID = "x-1"
	m := metric(t, score(t, b, "fy24", Options{}), "data-ai-azure", "deployments")
	if value(m) != "1" {
		t.Errorf("counted %s: %+v", value(m), m.Deployments.Rows)
	}
	if got := m.Deployments.Rows[3].Reason; got != "same deployment ID as row 2" {
		t.Errorf("reason %q", got)
	}
	// Without an Attribution column every row is eligible.
	b.in.DeploymentAttribution = false
	m = metric(t, score(t, b, "fy24", Options{}), "data-ai-azure", "deployments")
	if value(m) != "3" {
		t.Errorf("without attribution column: %s", value(m))
	}
}
