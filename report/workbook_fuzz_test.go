package report

import (
	"os"
	"path/filepath"
	"testing"
)

// FuzzWriteAnnotated feeds arbitrary files to WriteAnnotated as the
// partner's workbook: it returns an error or writes a workbook excelize can
// open, never panics, and never leaves a temporary file behind.
func FuzzWriteAnnotated(f *testing.F) {
	for _, fx := range wbFixtures {
		b, err := os.ReadFile(filepath.Join(wbFixtureDir, fx))
		if err != nil {
			f.Fatal(err)
		}
		f.Add(b)
	}
	f.Add([]byte("PK\x03\x04 not really a zip"))
	a := wbAnnotation(f, "fy24")
	f.Fuzz(func(t *testing.T, b []byte) {
		dir := t.TempDir()
		src, dst := filepath.Join(dir, "in.xlsx"), filepath.Join(dir, "out.xlsx")
		if err := os.WriteFile(src, b, 0o644); err != nil {
			t.Fatal(err)
		}
		err := WriteAnnotated(src, dst, a)
		entries, _ := os.ReadDir(dir)
		if err != nil {
			if len(entries) != 1 {
				t.Fatalf("failed with %v and left %d files", err, len(entries))
			}
			return
		}
		out := wbOpen(t, dst)
		if len(out.GetSheetList()) < 3 {
			t.Fatalf("the output has the sheets %v", out.GetSheetList())
		}
	})
}
