package report

import (
	"testing"

	"github.com/pcs-tools/pcs/scoring"
)

// TestShownShare: the share written into the scorecard cell is the figure
// the PDF and the text show, cut (not rounded) to a tenth of a percent.
func TestShownShare(t *testing.T) {
	for _, c := range []struct {
		share scoring.Share
		want  string
	}{
		{257 * 100 * scoring.SharePercent / 280, "91.7"}, // 91.785714%: Excel would round it to 91.8%
		{80 * scoring.SharePercent, "80"},
		{80*scoring.SharePercent - 1, "79.9"}, // just under 80% never reads as 80%
		{100 * scoring.SharePercent, "100"},
		{0, "0"},
	} {
		if got := shareDecimal(shownShare(c.share)); got != c.want {
			t.Errorf("share %d: cell %s, want %s", c.share, got, c.want)
		}
		if got := shownShare(c.share).String(); got != c.share.String() {
			t.Errorf("share %d: shown %s, text says %s", c.share, got, c.share.String())
		}
	}
}
