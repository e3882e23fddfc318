package report

import (
	"bytes"
	"flag"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"testing"
)

// The -update flag may also be defined by other tests of this package; define
// it only when nobody has, and read it by name.
func init() {
	if flag.Lookup("update") == nil {
		flag.Bool("update", false, "rewrite golden files")
	}
}

var pdfKeepDir = flag.String("pdfkeep", "", "write the PDFs the tests draw into this folder, to look at them")

// pdfUpdate reports whether golden files are to be rewritten.
func pdfUpdate() bool {
	f := flag.Lookup("update")
	return f != nil && f.Value.String() == "true"
}

// pdfTool returns the path of an external tool. Without it the test fails
// when CI is set (CI installs it) and is skipped otherwise.
func pdfTool(t testing.TB, name, pkg string) string {
	t.Helper()
	p, err := exec.LookPath(name)
	if err != nil {
		if os.Getenv("CI") != "" {
			t.Fatalf("%s is not installed (apt-get install %s); CI must run this test", name, pkg)
		}
		t.Skipf("%s is not installed (apt-get install %s)", name, pkg)
	}
	return p
}

// pdfExec runs a tool on a PDF written to a temporary file and returns its output.
func pdfExec(t testing.TB, pdf []byte, tool, pkg string, args ...string) string {
	t.Helper()
	path := pdfTool(t, tool, pkg)
	file := filepath.Join(t.TempDir(), "doc.pdf")
	if err := os.WriteFile(file, pdf, 0o644); err != nil {
		t.Fatal(err)
	}
	for i, a := range args {
		if a == "FILE" {
			args[i] = file
		}
	}
	var out, errb bytes.Buffer
	cmd := exec.Command(path, args...)
	cmd.Stdout, cmd.Stderr = &out, &errb
	if err := cmd.Run(); err != nil {
		t.Fatalf("%s %s: %v\n%s%s", tool, strings.Join(args, " "), err, out.String(), errb.String())
	}
	return out.String()
}

// pdfText extracts the text of a PDF, page by page, with pdftotext -layout.
func pdfText(t testing.TB, pdf []byte) []string {
	t.Helper()
	out := pdfExec(t, pdf, "pdftotext", "poppler-utils", "-layout", "-enc", "UTF-8", "FILE", "-")
	pages := strings.Split(out, "\f")
	if len(pages) > 0 && strings.TrimSpace(pages[len(pages)-1]) == "" {
		pages = pages[:len(pages)-1]
	}
	return pages
}

var (
	pdfFontsOnce sync.Once
	pdfFontsVal  *Fonts
	pdfFontsErr  error
)

// pdfTestFonts loads the fonts once for all tests, with the system's CJK font.
func pdfTestFonts(t testing.TB) *Fonts {
	t.Helper()
	pdfFontsOnce.Do(func() { pdfFontsVal, _, pdfFontsErr = LoadFonts("") })
	if pdfFontsErr != nil {
		t.Fatal(pdfFontsErr)
	}
	return pdfFontsVal
}

// pdfFontsWithoutCJK are the Go fonts alone.
func pdfFontsWithoutCJK(t testing.TB) *Fonts {
	base := pdfTestFonts(t)
	return &Fonts{regular: base.regular, bold: base.bold}
}

// pdfNeedCJK returns fonts with a CJK font, failing under CI when none is installed.
func pdfNeedCJK(t testing.TB) *Fonts {
	t.Helper()
	f := pdfTestFonts(t)
	if f.cjkFace() == nil {
		if os.Getenv("CI") != "" {
			t.Fatal("no CJK font is installed (apt-get install fonts-droid-fallback); CI must run this test")
		}
		t.Skip("no CJK font is installed (apt-get install fonts-droid-fallback)")
	}
	return f
}

// pdfDraw draws a scorecard and fails the test on an error.
func pdfDraw(t testing.TB, sc Scorecard, f *Fonts) ([]byte, []string) {
	t.Helper()
	var buf bytes.Buffer
	warn, err := WriteScorecard(&buf, sc, f)
	if err != nil {
		t.Fatalf("WriteScorecard: %v", err)
	}
	return buf.Bytes(), warn
}
