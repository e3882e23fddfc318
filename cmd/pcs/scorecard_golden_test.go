package main

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// pdftotext returns the text of a PDF with poppler's pdftotext -layout.
// Without the tool the test fails when CI is set (CI installs it) and is
// skipped otherwise.
func pdftotext(t *testing.T, pdf string) string {
	t.Helper()
	tool, err := exec.LookPath("pdftotext")
	if err != nil {
		if os.Getenv("CI") != "" {
			t.Fatal("pdftotext is not installed (apt-get install poppler-utils); CI must run this test")
		}
		t.Skip("pdftotext is not installed (apt-get install poppler-utils)")
	}
	var out, errb bytes.Buffer
	cmd := exec.Command(tool, "-layout", "-enc", "UTF-8", pdf, "-")
	cmd.Stdout, cmd.Stderr = &out, &errb
	if err := cmd.Run(); err != nil {
		t.Fatalf("pdftotext %s: %v\n%s", pdf, err, errb.String())
	}
	return out.String()
}

// TestSampleScorecardGoldens pins the text of every sample's PDF scorecard
// (go test ./cmd/pcs -run TestSampleScorecardGoldens -update rewrites the
// files under testdata/golden; review the diff).
func TestSampleScorecardGoldens(t *testing.T) {
	names, _ := filepath.Glob(sample("*.xlsx"))
	if len(names) < 4 {
		t.Fatalf("want at least 4 samples, found %v", names)
	}
	for _, p := range names {
		name := strings.TrimSuffix(filepath.Base(p), ".xlsx")
		t.Run(name, func(t *testing.T) {
			out := t.TempDir()
			// The sample with data errors is scored without its bad rows,
			// so that its data quality page is pinned too.
			if _, stderr, code := pcs(t, "score", "--no-workbook", "--allow-errors", "--out", out, p); code != 0 {
				t.Fatalf("exit %d: %s", code, stderr)
			}
			got := pdftotext(t, filepath.Join(out, name+".scorecard.pdf"))
			golden := filepath.Join("testdata", "golden", name+".scorecard.txt")
			if *update {
				if err := os.WriteFile(golden, []byte(got), 0o644); err != nil {
					t.Fatal(err)
				}
			}
			want, err := os.ReadFile(golden)
			if err != nil {
				t.Fatalf("%v (run go test ./cmd/pcs -run TestSampleScorecardGoldens -update)", err)
			}
			if got != string(want) {
				t.Errorf("the text of %s's scorecard differs from %s; review and rerun with -update if intended", name, golden)
			}
		})
	}
}
