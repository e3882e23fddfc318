package reader

import (
	"bytes"
	"encoding/json"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

var update = flag.Bool("update", false, "rewrite golden files")

// accepted lists the fixtures the reader reads (their names start with opx_,
// lo_ or hand_); the refused ones start with bad_.
func accepted(t testing.TB) []string {
	t.Helper()
	var out []string
	for _, pattern := range []string{"opx_*.xlsx", "lo_*.xlsx", "hand_*.xlsx"} {
		m, err := filepath.Glob(filepath.Join("testdata", pattern))
		if err != nil {
			t.Fatal(err)
		}
		out = append(out, m...)
	}
	if len(out) < 20 {
		t.Fatalf("only %d fixtures found; run testdata/make_fixtures.sh", len(out))
	}
	return out
}

// dump writes what the reader found as indented JSON, for golden files.
func dump(t testing.TB, wb *Workbook) []byte {
	t.Helper()
	b, err := json.MarshalIndent(wb, "", "  ")
	if err != nil {
		t.Fatal(err)
	}
	return append(b, '\n')
}

// TestGolden compares everything the reader finds in each accepted fixture
// with a golden file (go test -run TestGolden -update rewrites them).
func TestGolden(t *testing.T) {
	for _, path := range accepted(t) {
		name := strings.TrimSuffix(filepath.Base(path), ".xlsx")
		t.Run(name, func(t *testing.T) {
			wb, err := Read(path, Options{})
			if err != nil {
				t.Fatalf("Read: %v", err)
			}
			got := dump(t, wb)
			golden := filepath.Join("testdata", "golden", name+".json")
			if *update {
				if err := os.WriteFile(golden, got, 0o644); err != nil {
					t.Fatal(err)
				}
				return
			}
			want, err := os.ReadFile(golden)
			if err != nil {
				t.Fatalf("%v (run go test -run TestGolden -update)", err)
			}
			if !bytes.Equal(got, want) {
				t.Errorf("%s differs from %s; run go test -run TestGolden -update and review the diff", name, golden)
			}
		})
	}
}
