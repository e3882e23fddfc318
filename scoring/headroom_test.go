package scoring

import (
	"strings"
	"testing"
)

// TestStepsThatMoveThePath: on fy24's SMB path just under the USD 1,000,000
// revenue test, a next step or a route that asks for more ACR than is left
// under it would move the partner to the Enterprise path, where the other
// thresholds apply: the next step says so, and so does a route whose
// changes together cross it.
func TestStepsThatMoveThePath(t *testing.T) {
	// TTM ACR USD 999,999.99 from customer a (SMB); b (SMB) has no baseline
	// and USD 499 in May 2024: USD 1 more would make it a +1, but also make
	// the TTM USD 1,000,000.99.
	b := newInput(t, "2024-05").
		customer("a", "SMB").customer("b", "SMB").
		acr("a", "2023-05", "900000").acr("a", "2024-05", "999500.99").acr("b", "2024-05", "499")
	r := score(t, b, "fy24", Options{})
	if r.Path != PathSMB {
		t.Fatalf("path %s (%s)", r.Path, r.PathReason)
	}
	na := metric(t, r, "data-ai-azure", "net-customer-adds")
	if !strings.Contains(na.NextStep, "b needs USD 1 more in May 2024") ||
		!strings.HasSuffix(na.NextStep, "But this takes eligible ACR of the trailing 12 months to USD 1,000,000 or more, which moves the partner to the Enterprise path, where a customer counts only from USD 1,000 a month.") {
		t.Errorf("net adds next step %q", na.NextStep)
	}
	// Growth 900,000 -> 999,999.99 is 11.1%: 11 points; 12% needs USD
	// 8,000.01 more, far over the USD 0.00 of headroom.
	g := metric(t, r, "data-ai-azure", "usage-growth")
	if g.Points != 11 || !strings.HasSuffix(g.NextStep, ", but this takes eligible ACR of the trailing 12 months to USD 1,000,000 or more, which moves the partner to the Enterprise path, where net customer adds and skilling count differently.") {
		t.Errorf("growth %d points, next step %q", g.Points, g.NextStep)
	}
	// The route still counts growth (it scores the same on either path),
	// and says that together its changes cross the line.
	d := desig(t, r, "data-ai-azure")
	if d.Route == nil || !d.Route.Reachable {
		t.Fatalf("route %+v", d.Route)
	}
	if !strings.Contains(d.Route.Note, "moves the partner to the Enterprise path") {
		t.Errorf("route %+v has no note, though its net adds take the TTM ACR over 1,000,000", d.Route)
	}

	// Far from the test (TTM USD 10,000), nothing is said.
	b = newInput(t, "2024-05").customer("a", "SMB").customer("b", "SMB").
		acr("a", "2023-05", "5000").acr("a", "2024-05", "5000").acr("b", "2024-05", "499")
	r = score(t, b, "fy24", Options{})
	for _, m := range desig(t, r, "data-ai-azure").Metrics {
		if strings.Contains(m.NextStep, "Enterprise path") {
			t.Errorf("%s: %q", m.ID, m.NextStep)
		}
	}
	if rt := desig(t, r, "data-ai-azure").Route; rt != nil && rt.Note != "" {
		t.Errorf("route note %q", rt.Note)
	}
	// A forced path, or fy26 (no revenue test), never moves.
	b = newInput(t, "2024-05").path(PathSMB).acr("a", "2023-05", "900000").acr("a", "2024-05", "999500.99").acr("b", "2024-05", "499")
	for _, ed := range []string{"fy24", "fy26"} {
		for _, m := range desig(t, score(t, b, ed, Options{}), "data-ai-azure").Metrics {
			if strings.Contains(m.NextStep, "Enterprise path") {
				t.Errorf("%s forced SMB, %s: %q", ed, m.ID, m.NextStep)
			}
		}
	}
}
