package scoring

import (
	"strings"
	"testing"
)

// dataAI70 builds an SMB Data & AI partner with net adds 30 and skilling 40,
// and lets the caller add usage growth and deployments.
func dataAI70(t *testing.T) *builder {
	b := newInput(t, "2024-05").path(PathSMB).
		acr("n1", "2024-05", "500").acr("n2", "2024-05", "500").acr("n3", "2024-05", "500").
		cert("ann", "AZ-104", "", "").cert("bo", "AZ-305", "", "")
	for i := 0; i < 8; i++ {
		b.cert(string(rune('k'+i)), "DP-203", "", "")
	}
	b.in.Partner.Designations = []string{"Data & AI"}
	return b
}

func TestAttainment(t *testing.T) {
	t.Run("70 points with a zero metric is not attained", func(t *testing.T) {
		b := dataAI70(t) // growth: no baseline; deployments: none
		r := score(t, b, "fy24", Options{})
		d := desig(t, r, "data-ai-azure")
		if d.Points != 70 || d.Attained {
			t.Fatalf("points %d attained %v", d.Points, d.Attained)
		}
		if d.Route == nil || d.Route.Reachable {
			t.Fatalf("route %+v", d.Route)
		}
		if !strings.Contains(d.Route.Reason, "usage growth cannot earn a point as of May 2024") {
			t.Errorf("reason %q", d.Route.Reason)
		}
	})
	t.Run("70 points with a point in every metric is attained", func(t *testing.T) {
		// growth 1% (1 point) and 1 deployment (2 points) would be 73; use growth
		// 1% and take one scoring person away: 30 + 36 + 1 + 2 = 69 ... so instead
		// remove two people (32) and grow 6%: 30 + 32 + 6 + 2 = 70.
		b := dataAI70(t)
		b.in.Certifications = b.in.Certifications[:len(b.in.Certifications)-2]
		b.acr("g", "2023-05", "10000").acr("g", "2024-05", "9100") // n1..n3 add 1,500: 10,600 = 6%
		b.deploy("n1", "Azure SQL Database", "2024-02-01", "")
		d := desig(t, score(t, b, "fy24", Options{}), "data-ai-azure")
		if d.Points != 70 || !d.Attained || d.Route != nil {
			t.Fatalf("points %d attained %v route %+v", d.Points, d.Attained, d.Route)
		}
	})
	t.Run("69 points is not attained; the route is the cheapest change", func(t *testing.T) {
		b := dataAI70(t)
		b.in.Certifications = b.in.Certifications[:len(b.in.Certifications)-2]
		b.acr("g", "2023-05", "10000").acr("g", "2024-05", "9000") // 10,500: 5%
		b.deploy("n1", "Azure SQL Database", "2024-02-01", "")
		d := desig(t, score(t, b, "fy24", Options{}), "data-ai-azure")
		if d.Points != 69 || d.Attained {
			t.Fatalf("points %d attained %v", d.Points, d.Attained)
		}
		r := d.Route
		if r == nil || !r.Reachable || r.Changes != 1 || len(r.Steps) != 1 {
			t.Fatalf("route %+v", r)
		}
		// One change: USD 100 more ACR (6%) gives +1, with less money than any
		// other single change; a deployment (+2) or a person (+4) also take one
		// change but cost nothing, so they win the tie on money.
		if r.Steps[0].Metric != "deployments" && r.Steps[0].Metric != "intermediate-certifications" {
			t.Errorf("route step %+v", r.Steps[0])
		}
		if r.Points < 70 {
			t.Errorf("route ends at %d", r.Points)
		}
	})
	t.Run("a zero metric with points to spare needs just that metric", func(t *testing.T) {
		b := dataAI70(t)
		b.acr("g", "2023-05", "10000").acr("g", "2024-05", "10000").acr("g", "2024-05", "-1500") // growth exactly 0%
		d := desig(t, score(t, b, "fy24", Options{}), "data-ai-azure")
		if d.Points != 70 || d.Attained {
			t.Fatalf("points %d attained %v", d.Points, d.Attained)
		}
		// Growth and deployments are both 0: one deployment and one ACR increase.
		r := d.Route
		if r == nil || !r.Reachable || r.Changes != 2 {
			t.Fatalf("route %+v", r)
		}
		var metrics []string
		for _, s := range r.Steps {
			metrics = append(metrics, s.Metric)
		}
		if strings.Join(metrics, ",") != "usage-growth,deployments" {
			t.Errorf("route metrics %v", metrics)
		}
		if !strings.HasPrefix(r.Steps[0].Text, "Usage growth: USD 100 more ACR in May 2024 (USD 10,100 in all, growth of 1%) (+1 point)") {
			t.Errorf("step text %q", r.Steps[0].Text)
		}
	})
}

func TestDesignationScope(t *testing.T) {
	b := newInput(t, "2024-05").path(PathSMB).acr("a", "2024-05", "10")
	b.in.Partner.Designations = []string{"infrastructure", "Solutions Partner for Data & AI (Azure)"}
	r := score(t, b, "fy24", Options{})
	if len(r.Designations) != 2 || r.Designations[0].ID != "infrastructure-azure" || r.Designations[1].ID != "data-ai-azure" {
		t.Errorf("designations %v", r.Designations)
	}
	if n := len(r.Designations[1].Metrics); n != 4 {
		t.Errorf("data & ai has %d metrics, want 4", n)
	}
	if n := len(r.Designations[0].Metrics); n != 5 {
		t.Errorf("infrastructure has %d metrics, want 5", n)
	}
	r = score(t, b, "fy24", Options{Designations: []string{"digital-app-innovation-azure"}})
	if len(r.Designations) != 1 || r.Designations[0].ID != "digital-app-innovation-azure" {
		t.Errorf("option scope %v", r.Designations)
	}
	b.in.Partner.Designations = []string{"Modern Work"}
	b.in.Partner.Cells = map[string]string{"designations": "B7"}
	_, err := Score(&b.in, rules(t, "fy24"), Options{})
	if err == nil || err.Error() != `Partner!B7: "Modern Work" is not a designation of the fy24 rules` {
		t.Errorf("err %v", err)
	}
}

func TestAsOf(t *testing.T) {
	b := newInput(t, "").acr("a", "2024-03", "10").acrx("a", "2024-04", "0", "Referral", "")
	r := score(t, b, "fy24", Options{})
	if r.AsOf.String() != "2024-04" || r.AsOfFrom != "data" {
		t.Errorf("as of %s from %s", r.AsOf, r.AsOfFrom)
	}
	b.in.Partner.AsOf = mo(t, "2024-01")
	if r := score(t, b, "fy24", Options{}); r.AsOf.String() != "2024-01" || r.AsOfFrom != "workbook" {
		t.Errorf("as of %s", r.AsOf)
	}
	if r := score(t, b, "fy24", Options{AsOf: mo(t, "2023-12")}); r.AsOf.String() != "2023-12" || r.AsOfFrom != "option" {
		t.Errorf("as of %s", r.AsOf)
	}
	empty := newInput(t, "")
	if _, err := Score(&empty.in, rules(t, "fy24"), Options{}); err == nil || !strings.Contains(err.Error(), "the as-of month is unknown") {
		t.Errorf("err %v", err)
	}
}

func TestWindow(t *testing.T) {
	b := newInput(t, "2024-05").path(PathSMB)
	// Data from 2022-10: months from 2023-11 on can be scored (baseline M-13 present).
	b.acr("old", "2022-10", "1")
	b.acr("a", "2024-02", "600").acr("b", "2024-04", "600")
	r := score(t, b, "fy24", Options{})
	w := Window(&b.in, rules(t, "fy24"), Options{}, r, 6)
	if len(w) != 6 || w[0].Month.String() != "2023-12" || w[5].Month.String() != "2024-05" {
		t.Fatalf("window %+v", w)
	}
	var got []int
	for _, s := range w {
		if !s.Scored {
			t.Fatalf("%s not scored", s.Month)
		}
		got = append(got, s.Designations[0].Points)
	}
	// Net adds: 0 until Feb (a), 10 in Feb-Mar (a in M or M-1: Feb, Mar),
	// Apr: b (M) only = 10, May: b (M-1) = 10. Growth and the rest: 0.
	want := []int{0, 0, 10, 10, 10, 10}
	for i := range want {
		if got[i] != want[i] {
			t.Errorf("window points %v, want %v", got, want)
			break
		}
	}
	b.in.ACR = b.in.ACR[1:]
	w = Window(&b.in, rules(t, "fy24"), Options{}, r, 6)
	if w[0].Scored || !w[5].Scored {
		t.Errorf("months without a baseline must not be scored: %+v", w)
	}
}

func TestAllRowsInOrder(t *testing.T) {
	b := goldenPartner(t)
	b.in.ACR[0].Lines = []int32{2, 1000, 1001}
	r := score(t, b, "fy24", Options{})
	var last RowStatus
	n := 0
	for rs := range r.AllRows() {
		if rs.Sheet < last.Sheet || (rs.Sheet == last.Sheet && rs.Row < last.Row) {
			t.Fatalf("%v after %v", rs, last)
		}
		last = rs
		n++
	}
	acr := 0
	for rs := range r.AllRows() {
		if rs.Sheet == "ACR" {
			acr++
		}
	}
	// Every ACR row of the builder has its own row number, plus the two extra lines.
	if acr != len(b.in.ACR)+2 || n != acr+len(r.Rows) {
		t.Errorf("%d ACR statuses for %d rows; %d in all", acr, len(b.in.ACR), n)
	}
}
