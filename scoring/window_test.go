package scoring_test

import (
	"testing"

	"github.com/pcs-tools/pcs/scoring"
)

// TestWindowMatchesScore checks the light scoring of Window against a full
// Score of each month of the window: same points, same attainment.
func TestWindowMatchesScore(t *testing.T) {
	in := typicalInput()
	for _, edition := range []string{"fy24", "fy26"} {
		rs, err := scoring.Embedded(edition)
		if err != nil {
			t.Fatal(err)
		}
		for _, path := range []scoring.Path{scoring.PathAuto, scoring.PathSMB, scoring.PathEnterprise} {
			opt := scoring.Options{Path: path}
			res, err := scoring.Score(in, rs, opt)
			if err != nil {
				t.Fatal(err)
			}
			for _, s := range scoring.Window(in, rs, opt, res, 8) {
				if !s.Scored {
					t.Fatalf("%s %v: %s not scored", edition, path, s.Month)
				}
				o := opt
				o.AsOf = s.Month
				full, err := scoring.Score(in, rs, o)
				if err != nil {
					t.Fatal(err)
				}
				if len(full.Designations) != len(s.Designations) {
					t.Fatalf("%s %v %s: %d designations, want %d", edition, path, s.Month, len(s.Designations), len(full.Designations))
				}
				for i, d := range full.Designations {
					got := s.Designations[i]
					if got.ID != d.ID || got.Points != d.Points || got.Attained != d.Attained {
						t.Errorf("%s %v %s: window %+v, Score %s %d attained %v", edition, path, s.Month, got, d.ID, d.Points, d.Attained)
					}
				}
			}
		}
	}
}
