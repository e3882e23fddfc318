package report

import (
	"bytes"
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
