package report

import (
	"strings"
	"testing"
)

func TestPDFClean(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"Contoso Ltd", "Contoso Ltd"},
		{"Line\nbreak\tand\rreturn", "Line break and return"},
		{"a\x00b\x01c\x7fd\u0085e", "abcde"},
		{"right\u202eleft\u200djoin\ufeff", "rightleftjoin"},
		{"bad \xff byte", "bad \ufffd byte"},
		{"para\u2028graph", "para graph"},
	} {
		if got := pdfClean(tc.in); got != tc.want {
			t.Errorf("pdfClean(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}

// TestPDFLayout checks line breaking: no line wider than the column, the
// line limit kept with an ellipsis, words longer than a line cut, nothing lost.
func TestPDFLayout(t *testing.T) {
	d, err := newPDFDoc("a4", pdfTestFonts(t), "t", pdfDate(0), pdfFooter{})
	if err != nil {
		t.Fatal(err)
	}
	long := strings.Repeat("word ", 60)
	for _, tc := range []struct {
		name     string
		text     string
		w        float64
		maxLines int
		lines    int  // 0: do not check
		ellipsis bool // the last line ends in an ellipsis
	}{
		{"empty", "", 100, 0, 0, false},
		{"short", "Contoso Ltd", 200, 2, 1, false},
		{"wraps", long, 200, 0, 0, false},
		{"limit", long, 200, 3, 3, true},
		{"one word too long", strings.Repeat("X", 200), 100, 0, 0, false},
		{"cut word limited", strings.Repeat("X", 200), 100, 2, 2, true},
		{"cjk without spaces", strings.Repeat("株式会社", 40), 120, 0, 0, false},
		{"one line", long, 150, 1, 1, true},
	} {
		t.Run(tc.name, func(t *testing.T) {
			lines := d.layout([]pdfSeg{{text: tc.text}}, pdfBody, tc.w, tc.maxLines)
			if tc.lines > 0 && len(lines) != tc.lines {
				t.Errorf("%d lines, want %d", len(lines), tc.lines)
			}
			if tc.maxLines > 0 && len(lines) > tc.maxLines {
				t.Errorf("%d lines, limit %d", len(lines), tc.maxLines)
			}
			var text []string
			for _, l := range lines {
				var ws []string
				for _, w := range l {
					ws = append(ws, w.text)
				}
				s := strings.Join(ws, " ")
				if got := d.width(s, pdfBody); got > tc.w+0.01 {
					t.Errorf("line %q is %.1f wide, column %.1f", s, got, tc.w)
				}
				text = append(text, s)
			}
			last := ""
			if len(text) > 0 {
				last = text[len(text)-1]
			}
			if got := strings.HasSuffix(last, "…"); got != tc.ellipsis {
				t.Errorf("last line %q: ellipsis %v, want %v", last, got, tc.ellipsis)
			}
			if !tc.ellipsis {
				joined := strings.ReplaceAll(strings.Join(text, " "), " ", "")
				if want := strings.ReplaceAll(tc.text, " ", ""); joined != want {
					t.Errorf("text lost: %q", joined)
				}
			}
		})
	}
	if got := d.fit("Solutions Partner for Digital & App Innovation (Azure)", pdfBody, 80); !strings.HasSuffix(got, "…") || d.width(got, pdfBody) > 80 {
		t.Errorf("fit: %q", got)
	}
}

func TestPDFNames(t *testing.T) {
	for _, tc := range []struct {
		names []string
		limit int
		want  string
	}{
		{nil, 3, ""},
		{[]string{"A"}, 3, "A"},
		{[]string{"A", "B"}, 3, "A and B"},
		{[]string{"A", "B", "C"}, 3, "A, B and C"},
		{[]string{"A", "B", "C", "D", "E"}, 3, "A, B, C and 2 more"},
	} {
		if got := pdfNames(tc.names, tc.limit); got != tc.want {
			t.Errorf("pdfNames(%q, %d) = %q, want %q", tc.names, tc.limit, got, tc.want)
		}
	}
}
