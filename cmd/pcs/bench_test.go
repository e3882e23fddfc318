package main

import (
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"syscall"
	"testing"
	"time"

	"github.com/pcs-tools/pcs/reader"
	"github.com/pcs-tools/pcs/report"
	"github.com/pcs-tools/pcs/scoring"
)

// typicalWorkbook generates the typical workbook of issue 8 (300 customers,
// 24 months, 40 people, 30 deployments) with bench/gen, or returns the one
// $PCS_BENCH_TYPICAL names (for profilers that cannot follow go run).
func typicalWorkbook(b *testing.B) string {
	if p := os.Getenv("PCS_BENCH_TYPICAL"); p != "" {
		return p
	}
	p := filepath.Join(b.TempDir(), "typical.xlsx")
	out, err := exec.Command("go", "run", "../../bench/gen", "-typical", "-out", p).CombinedOutput()
	if err != nil {
		b.Fatalf("bench/gen: %v\n%s", err, out)
	}
	return p
}

// cpuTime returns the CPU time (user and system) the process has used so far.
func cpuTime(b *testing.B) time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		b.Fatal(err)
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

// measureCPU runs the benchmark loop and reports, besides the wall time,
// the CPU time per operation (garbage collection included): on a shared
// machine the wall time counts other people's work, the CPU time does not.
func measureCPU(b *testing.B, op func()) {
	b.ReportAllocs()
	b.ResetTimer()
	start := cpuTime(b)
	for i := 0; i < b.N; i++ {
		op()
	}
	b.StopTimer()
	b.ReportMetric(float64(cpuTime(b)-start)/float64(b.N)/1e6, "cpu-ms/op")
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
			measureCPU(b, func() {
				o := process(job{path: path, source: "typical.xlsx", outDir: out}, s, fonts)
				if o.failed {
					b.Fatalf("failed: %v", o.stderr)
				}
			})
		})
	}
}

// BenchmarkStagesTypical times each stage of scoring the typical workbook
// on its own, to show where the time of BenchmarkScoreTypical goes.
func BenchmarkStagesTypical(b *testing.B) {
	path := typicalWorkbook(b)
	rs, _ := scoring.Embedded("fy24")
	fonts, _, err := report.LoadFonts("")
	if err != nil {
		b.Fatal(err)
	}
	s := &settings{rules: rs, paper: "a4", maxUnzip: 1 << 30}
	wb, err := reader.Read(path, reader.Options{MaxUnzip: s.maxUnzip})
	if err != nil {
		b.Fatal(err)
	}
	res, err := scoring.Score(&wb.Input, s.rules, s.opt)
	if err != nil {
		b.Fatal(err)
	}
	issues := append(append([]scoring.Issue{}, wb.Issues...), res.Issues...)
	b.Run("read", func(b *testing.B) {
		measureCPU(b, func() {
			if _, err := reader.Read(path, reader.Options{MaxUnzip: s.maxUnzip}); err != nil {
				b.Fatal(err)
			}
		})
	})
	b.Run("score", func(b *testing.B) {
		measureCPU(b, func() {
			if _, err := scoring.Score(&wb.Input, s.rules, s.opt); err != nil {
				b.Fatal(err)
			}
		})
	})
	b.Run("window", func(b *testing.B) {
		measureCPU(b, func() { scoring.Window(&wb.Input, s.rules, s.opt, res, 6) })
	})
	b.Run("workbook", func(b *testing.B) {
		dst := filepath.Join(b.TempDir(), "typical.scored.xlsx")
		a := report.Annotation{Input: &wb.Input, Result: res, Issues: issues, Sheets: layouts(wb.Sheets), SkippedRows: wb.SkippedRows, Source: "typical.xlsx"}
		measureCPU(b, func() {
			if err := report.WriteAnnotated(path, dst, a); err != nil {
				b.Fatal(err)
			}
		})
	})
	b.Run("pdf", func(b *testing.B) {
		sc := report.Scorecard{Result: res, Window: scoring.Window(&wb.Input, s.rules, s.opt, res, 6), Issues: issues,
			SkippedRows: wb.SkippedRows, Source: "typical.xlsx", Paper: s.paper, Deployments: wb.Input.Deployments}
		measureCPU(b, func() {
			if _, err := report.WriteScorecard(io.Discard, sc, fonts); err != nil {
				b.Fatal(err)
			}
		})
	})
}
