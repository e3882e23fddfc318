package main

import (
	"os/exec"
	"path/filepath"
	"testing"

	"github.com/pcs-tools/pcs/report"
	"github.com/pcs-tools/pcs/scoring"
)

// typicalWorkbook generates the typical workbook of issue 8 (300 customers,
// 24 months, 40 people, 30 deployments) with bench/gen.
func typicalWorkbook(b *testing.B) string {
	p := filepath.Join(b.TempDir(), "typical.xlsx")
	out, err := exec.Command("go", "run", "../../bench/gen", "-typical", "-out", p).CombinedOutput()
	if err != nil {
		b.Fatalf("bench/gen: %v\n%s", err, out)
	}
	return p
}

// BenchmarkScoreTypical is one typical workbook end to end: read, score,
// annotated workbook and PDF scorecard (the fonts are loaded once per run).
func BenchmarkScoreTypical(b *testing.B) {
	path := typicalWorkbook(b)
	rs, _ := scoring.Embedded("fy24")
	fonts, _, err := report.LoadFonts("")
	if err != nil {
		b.Fatal(err)
	}
	for _, bc := range []struct {
		name          string
		noPDF, noBook bool
	}{{"both-outputs", false, false}, {"no-outputs", true, true}, {"pdf-only", false, true}, {"workbook-only", true, false}} {
		b.Run(bc.name, func(b *testing.B) {
			s := &settings{rules: rs, paper: "a4", noPDF: bc.noPDF, noWorkbook: bc.noBook, maxUnzip: 1 << 30}
			out := b.TempDir()
			b.ReportAllocs()
			for i := 0; i < b.N; i++ {
				o := process(job{path: path, source: "typical.xlsx", outDir: out}, s, fonts)
				if o.failed {
					b.Fatalf("failed: %v", o.stderr)
				}
			}
		})
	}
}
