package scoring

import (
	"fmt"
	"strings"
	"testing"
)

// As of May 2024: the baseline months are Apr and May 2023 (M-13, M-12), the
// last two months Apr and May 2024 (M-1, M). Thresholds: USD 500 SMB, USD 1,000 Enterprise.
func TestNetCustomerAdds(t *testing.T) {
	type row struct{ cust, month, amount, attr, area string }
	cases := []struct {
		name    string
		edition string
		path    Path
		desig   string
		rows    []row
		net     string
		points  int
		effects map[string]int
	}{
		{name: "SMB: exactly USD 500.00 in M counts", path: PathSMB,
			rows: []row{{"c1", "2024-05", "500.00", "PAL", ""}}, net: "1", points: 10, effects: map[string]int{"c1": 1}},
		{name: "SMB: USD 499.99 does not", path: PathSMB,
			rows: []row{{"c1", "2024-05", "499.99", "PAL", ""}}, net: "0", points: 0, effects: map[string]int{"c1": 0}},
		{name: "SMB: threshold reached in M-1 only counts", path: PathSMB,
			rows: []row{{"c1", "2024-04", "500", "PAL", ""}, {"c1", "2024-05", "10", "PAL", ""}}, net: "1", points: 10},
		{name: "Enterprise: exactly USD 1,000.00 counts", path: PathEnterprise,
			rows: []row{{"c1", "2024-05", "1000.00", "DPOR", ""}}, net: "1", points: 10},
		{name: "Enterprise: USD 999.99 does not", path: PathEnterprise,
			rows: []row{{"c1", "2024-05", "999.99", "DPOR", ""}}, net: "0", points: 0},
		{name: "Enterprise: USD 500 is under the Enterprise threshold", path: PathEnterprise,
			rows: []row{{"c1", "2024-05", "500", "CSP", ""}}, net: "0", points: 0},
		{name: "several rows of one customer and month add up", path: PathSMB,
			rows: []row{{"c1", "2024-05", "250.00", "PAL", ""}, {"c1", "2024-05", "250.00", "CSP Tier 2", ""}}, net: "1", points: 10},
		{name: "fy24: a small baseline is not a zero baseline", path: PathSMB,
			rows: []row{{"c1", "2023-04", "0.01", "PAL", ""}, {"c1", "2024-05", "800", "PAL", ""}}, net: "0", points: 0, effects: map[string]int{"c1": 0}},
		{name: "fy26: a small baseline counts (under the threshold then, above now)", edition: "fy26", path: PathSMB,
			rows: []row{{"c1", "2023-04", "0.01", "PAL", ""}, {"c1", "2024-05", "800", "PAL", ""}}, net: "1", points: 10, effects: map[string]int{"c1": 1}},
		{name: "fy24: credits making a baseline month negative leave it at zero or less", path: PathSMB,
			rows: []row{{"c1", "2023-05", "100", "PAL", ""}, {"c1", "2023-05", "-150", "PAL", ""}, {"c1", "2024-04", "600", "PAL", ""}},
			net:  "1", points: 10, effects: map[string]int{"c1": 1}},
		{name: "fy24: credits in the last months pull a customer under the threshold", path: PathSMB,
			rows: []row{{"c1", "2023-04", "700", "PAL", ""}, {"c1", "2024-05", "900", "PAL", ""}, {"c1", "2024-05", "-401", "PAL", ""}},
			net:  "-1", points: 0, effects: map[string]int{"c1": -1}},
		{name: "fy24: a lost customer is -1 and the value goes negative", path: PathSMB,
			rows: []row{{"c1", "2023-04", "700", "PAL", ""}, {"c1", "2024-05", "499.99", "PAL", ""}}, net: "-1", points: 0, effects: map[string]int{"c1": -1}},
		{name: "a customer above the threshold in both periods counts 0", path: PathSMB,
			rows: []row{{"c1", "2023-05", "600", "PAL", ""}, {"c1", "2024-04", "600", "PAL", ""}}, net: "0", points: 0, effects: map[string]int{"c1": 0}},
		{name: "months outside the four are ignored", path: PathSMB,
			rows: []row{{"c1", "2024-03", "900", "PAL", ""}, {"c1", "2023-03", "0", "PAL", ""}}, net: "0", points: 0},
		{name: "ineligible and blank attributions do not count", path: PathSMB,
			rows: []row{{"c1", "2024-05", "900", "Referral", ""}, {"c2", "2024-05", "900", "", ""}, {"c3", "2024-05", "900", " csp indirect ", ""}},
			net:  "1", points: 10, effects: map[string]int{"c1": 0, "c2": 0, "c3": 1}},
		{name: "a row for another designation does not count", path: PathSMB, desig: "data-ai-azure",
			rows: []row{{"c1", "2024-05", "900", "PAL", "Infrastructure"}, {"c2", "2024-05", "900", "PAL", "data & ai"}, {"c3", "2024-05", "900", "PAL", "All"}},
			net:  "2", points: 20, effects: map[string]int{"c1": 0, "c2": 1, "c3": 1}},
		{name: "three net adds reach the maximum of 30", path: PathSMB,
			rows: []row{{"a", "2024-05", "500", "PAL", ""}, {"b", "2024-05", "500", "PAL", ""}, {"c", "2024-05", "500", "PAL", ""}}, net: "3", points: 30},
		{name: "four net adds are still 30", path: PathSMB,
			rows: []row{{"a", "2024-05", "500", "PAL", ""}, {"b", "2024-05", "500", "PAL", ""}, {"c", "2024-05", "500", "PAL", ""}, {"d", "2024-05", "500", "PAL", ""}},
			net:  "4", points: 30},
		{name: "fy24 per customer: new, lost, kept, not new", path: PathSMB,
			rows: []row{
				{"kept", "2023-04", "600", "PAL", ""}, {"kept", "2024-05", "600", "PAL", ""},
				{"new", "2024-05", "600", "PAL", ""},
				{"notnew", "2023-05", "100", "PAL", ""}, {"notnew", "2024-05", "600", "PAL", ""},
				{"lost", "2023-05", "700", "PAL", ""}},
			net: "0", points: 0, effects: map[string]int{"kept": 0, "new": 1, "notnew": 0, "lost": -1}},
		{name: "fy26 count difference: the same data nets 3 now - 2 then = 1", edition: "fy26", path: PathSMB,
			rows: []row{
				{"kept", "2023-04", "600", "PAL", ""}, {"kept", "2024-05", "600", "PAL", ""},
				{"new", "2024-05", "600", "PAL", ""},
				{"notnew", "2023-05", "100", "PAL", ""}, {"notnew", "2024-05", "600", "PAL", ""},
				{"lost", "2023-05", "700", "PAL", ""}},
			net: "1", points: 10, effects: map[string]int{"kept": 0, "new": 1, "notnew": 1, "lost": -1}},
		{name: "customer IDs match ignoring case and spaces", path: PathSMB,
			rows: []row{{"C-1", "2024-05", "300", "PAL", ""}, {" c-1 ", "2024-05", "200", "PAL", ""}}, net: "1", points: 10},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			b := newInput(t, "2024-05").path(tc.path)
			for _, r := range tc.rows {
				b.acrx(r.cust, r.month, r.amount, r.attr, r.area)
			}
			ed := tc.edition
			if ed == "" {
				ed = "fy24"
			}
			d := tc.desig
			if d == "" {
				d = "data-ai-azure"
			}
			r := score(t, b, ed, Options{})
			m := metric(t, r, d, "net-customer-adds")
			if value(m) != tc.net || m.Points != tc.points {
				t.Errorf("net %s, %d points; want net %s, %d points\n%s", value(m), m.Points, tc.net, tc.points, m.Explanation)
			}
			for cust, want := range tc.effects {
				found := false
				for _, v := range m.NetAdds.Customers {
					if IDKey(v.Customer) == IDKey(cust) {
						found = true
						if v.Effect != want {
							t.Errorf("%s: effect %+d, want %+d (%s)", cust, v.Effect, want, v.Reason)
						}
					}
				}
				if !found {
					t.Errorf("no verdict for %s", cust)
				}
			}
		})
	}
}

func TestNetAddsExplainsAndSuggests(t *testing.T) {
	b := newInput(t, "2024-05").path(PathSMB).
		acr("Fabrikam", "2024-05", "800").
		acr("Tailspin", "2024-04", "650").
		acr("Litware", "2023-04", "900").acr("Litware", "2024-05", "320").
		acr("Northwind", "2024-05", "450")
	r := score(t, b, "fy24", Options{})
	m := metric(t, r, "data-ai-azure", "net-customer-adds")
	if value(m) != "1" || m.Points != 10 {
		t.Fatalf("net %s, %d points", value(m), m.Points)
	}
	for _, want := range []string{"2 customers started consuming at least USD 500 a month", "Fabrikam and Tailspin", "1 customer dropped below USD 500", "Litware"} {
		if !strings.Contains(m.Explanation, want) {
			t.Errorf("explanation lacks %q:\n%s", want, m.Explanation)
		}
	}
	// Northwind needs USD 50, Litware USD 180: the closest comes first.
	for _, want := range []string{"1 more net customer add earns 10 points", "Northwind needs USD 50 more in May 2024", "Litware needs USD 180 more"} {
		if !strings.Contains(m.NextStep, want) {
			t.Errorf("next step lacks %q:\n%s", want, m.NextStep)
		}
	}
	if m.NextPoints != 10 {
		t.Errorf("next points %d", m.NextPoints)
	}
}

// TestNetAddsNamesEveryCustomer: the explanation names the customer behind
// every +1 and -1, however many there are (rules.md).
func TestNetAddsNamesEveryCustomer(t *testing.T) {
	b := newInput(t, "2024-05").path(PathSMB)
	for i := 0; i < 12; i++ {
		b.acr(fmt.Sprintf("new-%02d", i), "2024-05", "600")
		b.acr(fmt.Sprintf("lost-%02d", i), "2023-05", "600")
	}
	m := metric(t, score(t, b, "fy24", Options{}), "data-ai-azure", "net-customer-adds")
	for i := 0; i < 12; i++ {
		for _, who := range []string{"new", "lost"} {
			if name := fmt.Sprintf("%s-%02d", who, i); !strings.Contains(m.Explanation, name) {
				t.Errorf("the explanation does not name %s: %s", name, m.Explanation)
			}
		}
	}
	if strings.Contains(m.Explanation, "more") {
		t.Errorf("the explanation shortens its lists: %s", m.Explanation)
	}
}
