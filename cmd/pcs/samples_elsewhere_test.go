package main

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// needTool returns a tool's path (the first of paths that exists, else the
// command found on PATH); found tells whether it works. Without it the test
// fails when CI is set (CI installs it) and is skipped otherwise.
func needTool(t *testing.T, pkg string, found func(path string) bool, paths ...string) string {
	t.Helper()
	for _, p := range paths {
		if found(p) {
			return p
		}
	}
	if os.Getenv("CI") != "" {
		t.Fatalf("%s is not installed (apt-get install %s); CI must run this test", paths[0], pkg)
	}
	t.Skipf("%s is not installed (apt-get install %s)", paths[0], pkg)
	return ""
}

// TestSamplesOpenElsewhere scores every sample and opens each annotated
// workbook with two independent programs: openpyxl loads it and finds the
// PCS sheets first and the partner's own sheets after them, and LibreOffice
// converts it (it writes nothing for a file it cannot load).
func TestSamplesOpenElsewhere(t *testing.T) {
	// Debian's python has openpyxl; the first python3 on PATH may not.
	py := needTool(t, "python3-openpyxl", func(p string) bool { return exec.Command(p, "-c", "import openpyxl").Run() == nil },
		"/usr/bin/python3", "/bin/python3")
	soffice := needTool(t, "libreoffice-calc-nogui", func(p string) bool { _, err := exec.LookPath(p); return err == nil }, "soffice")
	names, _ := filepath.Glob(sample("*.xlsx"))
	out := t.TempDir()
	var scored []string
	for _, p := range names {
		if _, stderr, code := pcs(t, "score", "--no-pdf", "--allow-errors", "--out", out, p); code != 0 {
			t.Fatalf("%s: exit %d: %s", p, code, stderr)
		}
		scored = append(scored, filepath.Join(out, strings.TrimSuffix(filepath.Base(p), ".xlsx")+".scored.xlsx"))
	}
	script := `
import sys, warnings, openpyxl
warnings.simplefilter("ignore")
for path in sys.argv[1:]:
    wb = openpyxl.load_workbook(path)
    print(path.rsplit("/", 1)[-1], ",".join(wb.sheetnames[:2]), len(wb.sheetnames))
`
	got, err := exec.Command(py, append([]string{"-c", script}, scored...)...).CombinedOutput()
	if err != nil {
		t.Fatalf("openpyxl: %v\n%s", err, got)
	}
	lines := strings.Split(strings.TrimSpace(string(got)), "\n")
	if len(lines) != len(scored) {
		t.Fatalf("openpyxl read %d workbooks of %d:\n%s", len(lines), len(scored), got)
	}
	for _, l := range lines {
		if !strings.Contains(l, " PCS Scorecard,PCS Details ") {
			t.Errorf("openpyxl: %s", l)
		}
	}
	conv := filepath.Join(out, "lo")
	args := append([]string{"--headless", "-env:UserInstallation=file://" + filepath.Join(out, "profile"),
		"--convert-to", "csv", "--outdir", conv}, scored...)
	if b, err := exec.Command(soffice, args...).CombinedOutput(); err != nil {
		t.Fatalf("soffice: %v\n%s", err, b)
	}
	for _, s := range scored {
		csv := filepath.Join(conv, strings.TrimSuffix(filepath.Base(s), ".xlsx")+".csv")
		b, err := os.ReadFile(csv)
		if err != nil || !strings.Contains(string(b), "Partner capability score") {
			t.Errorf("LibreOffice did not convert %s: %v", filepath.Base(s), err)
		}
	}
}
