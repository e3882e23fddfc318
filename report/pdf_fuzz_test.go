package report

import (
	"bytes"
	"strings"
	"testing"

	"github.com/pcs-tools/pcs/scoring"
)

// FuzzScorecardText draws a scorecard whose partner name, ID, file name,
// customer name and issue come from the fuzzer: any text must give a PDF,
// never an error or a panic, and every warning must name a character.
func FuzzScorecardText(f *testing.F) {
	base := pdfContoso(f, "Contoso Ltd").scorecard("fy24")
	fonts := pdfTestFonts(f)
	f.Add("Contoso Ltd", "4412345", "partner.xlsx", "Fabrikam", "ACR!D17: \"n/a\" is not an amount")
	f.Add("株式会社サンプル", "", "a.xlsx", "삼성전자", "")
	f.Add("\x01nb\x01 {nb} (x) \\ ) Tj", "\u202e\u200d", "\xff\xfe", "😀𐀀\U0010FFFF", "\n\t\r")
	f.Add(strings.Repeat("W", 500), strings.Repeat("9 ", 200), "", strings.Repeat("Ελληνικά ", 50), strings.Repeat("x", 3000))
	f.Fuzz(func(t *testing.T, name, id, source, customer, issue string) {
		sc := base
		r := *base.Result
		r.Partner.Name, r.Partner.ID = name, id
		r.Designations = append([]scoring.DesignationResult{}, base.Result.Designations...)
		d := r.Designations[0]
		d.Metrics = append([]scoring.MetricResult{}, d.Metrics...)
		na := *d.Metrics[0].NetAdds
		na.Customers = append([]scoring.CustomerVerdict{}, na.Customers...)
		for i := range na.Customers {
			if na.Customers[i].Effect != 0 {
				na.Customers[i].Name = customer
				break
			}
		}
		d.Metrics[0].NetAdds = &na
		d.Metrics[0].Explanation = customer + " " + d.Metrics[0].Explanation
		r.Designations[0] = d
		sc.Result = &r
		sc.Source = source
		sc.Issues = []scoring.Issue{{Severity: scoring.SeverityWarning, Sheet: source, Message: issue}}
		var buf bytes.Buffer
		warn, err := WriteScorecard(&buf, sc, fonts)
		if err != nil {
			t.Fatalf("WriteScorecard: %v", err)
		}
		if !bytes.HasPrefix(buf.Bytes(), []byte("%PDF-")) || !bytes.HasSuffix(bytes.TrimSpace(buf.Bytes()), []byte("%%EOF")) {
			t.Fatal("not a complete PDF")
		}
		for _, w := range warn {
			if !strings.Contains(w, "no font can draw") || !strings.Contains(w, "U+") {
				t.Errorf("warning %q", w)
			}
		}
	})
}
