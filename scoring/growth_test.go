package scoring

import (
	"strings"
	"testing"
)

// Usage growth compares eligible ACR of all customers in May 2024 with May 2023.
func TestUsageGrowth(t *testing.T) {
	cases := []struct {
		name, baseline, current string
		value                   string
		points                  int
	}{
		{"exactly 20.00% earns 20", "10000.00", "12000.00", "20", 20},
		{"19.99% earns 19 (value rounds to 20.0)", "10000.00", "11999.00", "20", 19},
		{"19.94% shows 19.9", "10000.00", "11994.00", "19.9", 19},
		{"1% earns 1", "10000", "10100", "1", 1},
		{"0.99% earns 0", "10000", "10099", "1", 0},
		{"more than 20% is capped at 20", "100", "100000", "99900", 20},
		{"current ACR of USD 999.99 earns nothing whatever the growth", "500.00", "999.99", "100", 0},
		{"current ACR of exactly USD 1,000.00 scores", "500.00", "1000.00", "100", 20},
		{"zero baseline: growth cannot be computed", "0", "5000", "null", 0},
		{"negative baseline (credits): cannot be computed", "-10", "5000", "null", 0},
		{"negative growth earns 0", "2000", "1500", "-25", 0},
		{"no change earns 0", "2000", "2000", "0", 0},
		{"half a tenth rounds away from zero (0.05% -> 0.1)", "3000.00", "3001.50", "0.1", 0},
		{"and below zero too (-0.05% -> -0.1)", "3000.00", "2998.50", "-0.1", 0},
		{"0.0499% rounds to 0", "10000.00", "10004.99", "0", 0},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			b := newInput(t, "2024-05").path(PathSMB)
			if tc.baseline != "0" {
				b.acr("a", "2023-05", tc.baseline)
			}
			b.acr("a", "2024-05", tc.current)
			// ACR in other months and of other attributions does not matter.
			b.acr("a", "2024-04", "99999").acrx("b", "2024-05", "99999", "Referral", "")
			r := score(t, b, "fy24", Options{})
			m := metric(t, r, "data-ai-azure", "usage-growth")
			if value(m) != tc.value || m.Points != tc.points {
				t.Errorf("value %s, %d points; want %s, %d\n%s", value(m), m.Points, tc.value, tc.points, m.Explanation)
			}
		})
	}
}

func TestUsageGrowthPerDesignation(t *testing.T) {
	b := newInput(t, "2024-05").path(PathSMB).
		acrx("a", "2023-05", "1000", "PAL", "Infrastructure").acrx("a", "2024-05", "1100", "PAL", "Infrastructure").
		acrx("a", "2023-05", "1000", "PAL", "").acrx("a", "2024-05", "1500", "PAL", "")
	r := score(t, b, "fy24", Options{})
	// Infrastructure: 2,000 -> 2,600 is 30%; Data & AI: 1,000 -> 1,500 is 50%.
	if v := value(metric(t, r, "infrastructure-azure", "usage-growth")); v != "30" {
		t.Errorf("infrastructure growth %s", v)
	}
	if v := value(metric(t, r, "data-ai-azure", "usage-growth")); v != "50" {
		t.Errorf("data & ai growth %s", v)
	}
}

func TestUsageGrowthNextStep(t *testing.T) {
	b := newInput(t, "2024-05").path(PathSMB).acr("a", "2023-05", "1000").acr("a", "2024-05", "1100")
	m := metric(t, score(t, b, "fy24", Options{}), "data-ai-azure", "usage-growth")
	want := "USD 10 more ACR in May 2024 (USD 1,110 in all, growth of 11%) earns 1 point."
	if m.Points != 10 || m.NextStep != want || m.NextPoints != 1 {
		t.Errorf("points %d, next %q (%d)\nwant %q", m.Points, m.NextStep, m.NextPoints, want)
	}
	// Under USD 1,000 the first step is to reach it.
	b = newInput(t, "2024-05").path(PathSMB).acr("a", "2023-05", "100").acr("a", "2024-05", "900")
	m = metric(t, score(t, b, "fy24", Options{}), "data-ai-azure", "usage-growth")
	if !strings.HasPrefix(m.NextStep, "USD 100 more ACR in May 2024 (USD 1,000 in all") || m.NextPoints != 20 {
		t.Errorf("next %q (%d)", m.NextStep, m.NextPoints)
	}
	// The growth stated is what the new total gives: USD 100 -> USD 1,000
	// is 900%, though 1% would have been enough but for the minimum.
	b = newInput(t, "2024-05").path(PathSMB).acr("a", "2023-05", "100").acr("a", "2024-05", "100")
	m = metric(t, score(t, b, "fy24", Options{}), "data-ai-azure", "usage-growth")
	want = "USD 900 more ACR in May 2024 (USD 1,000 in all, growth of 900%) earns 20 points."
	if m.NextStep != want || m.NextPoints != 20 {
		t.Errorf("next %q (%d)\nwant %q", m.NextStep, m.NextPoints, want)
	}
}
