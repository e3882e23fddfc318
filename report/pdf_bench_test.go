package report

import (
	"bytes"
	"fmt"
	"testing"
)

// BenchmarkWriteScorecard draws the Contoso scorecard (5 pages, Latin text).
func BenchmarkWriteScorecard(b *testing.B) {
	pdfBench(b, pdfContoso(b, "Contoso Ltd").scorecard("fy24", pdfContosoIssues...), pdfTestFonts(b))
}

// BenchmarkWriteScorecardCJK draws it for a Japanese partner, which embeds
// the CJK font (4 MB for Droid Sans Fallback).
func BenchmarkWriteScorecardCJK(b *testing.B) {
	pdfBench(b, pdfContoso(b, "株式会社サンプル").scorecard("fy24", pdfContosoIssues...), pdfNeedCJK(b))
}

func pdfBench(b *testing.B, sc Scorecard, f *Fonts) {
	var buf bytes.Buffer
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		buf.Reset()
		if _, err := WriteScorecard(&buf, sc, f); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(buf.Len()), "pdf-bytes")
}

// BenchmarkLoadFonts loads the Go fonts and the system CJK font, once per run.
func BenchmarkLoadFonts(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		if _, _, err := LoadFonts(""); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkWriteScorecardManyCustomers draws a scorecard whose net customer
// adds name 2,000 new customers with full stops in their names ("A. Datum
// No. 12 Ltd."): the explanation's whole sentences and the lists are fitted
// by bisection, so the cost stays linear in the names.
func BenchmarkWriteScorecardManyCustomers(b *testing.B) {
	in := pdfNewInput(b, "Many Ltd", "1", "2024-05")
	for i := range 2000 {
		id := fmt.Sprintf("N%04d", i)
		in.customer(id, fmt.Sprintf("A. Datum No. %d Ltd.", i), "SMB")
		in.acr(id, "2024-05", "600")
	}
	pdfBench(b, in.scorecard("fy24"), pdfTestFonts(b))
}
