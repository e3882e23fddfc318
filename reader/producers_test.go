package reader

import (
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// TestProducersAgree reads the same data saved by openpyxl and re-saved by
// LibreOffice, which write different XML (inline or shared strings, styles,
// cached formula values): the reader must find the same thing.
func TestProducersAgree(t *testing.T) {
	los, err := filepath.Glob(filepath.Join("testdata", "lo_*.xlsx"))
	if err != nil || len(los) == 0 {
		t.Fatalf("no LibreOffice fixtures (%v); run testdata/make_fixtures.sh", err)
	}
	for _, lo := range los {
		opx := strings.Replace(lo, "lo_", "opx_", 1)
		if strings.HasSuffix(lo, "lo_formula_cached.xlsx") {
			continue // the openpyxl original has no cached values: TestFixtureValues checks both
		}
		t.Run(filepath.Base(lo), func(t *testing.T) {
			a, err := Read(opx, Options{})
			if err != nil {
				t.Fatal(err)
			}
			b, err := Read(lo, Options{})
			if err != nil {
				t.Fatal(err)
			}
			if d := cmp.Diff(a, b); d != "" {
				t.Errorf("openpyxl and LibreOffice copies differ (-openpyxl +LibreOffice):\n%s", d)
			}
		})
	}
}
