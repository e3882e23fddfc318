package main

import (
	"bytes"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"
)

// child runs the test binary as pcs in its own process.
func child(env []string, args ...string) *exec.Cmd {
	cmd := exec.Command(os.Args[0], args...)
	cmd.Env = append(append(os.Environ(), "PCS_TEST_MAIN=1"), env...)
	return cmd
}

// leftovers lists temporary or hidden files under dir: a half-written output.
func leftovers(t *testing.T, dir string) []string {
	t.Helper()
	var out []string
	filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err == nil && !d.IsDir() && (strings.HasSuffix(p, ".tmp") || strings.HasPrefix(d.Name(), ".")) {
			out = append(out, p)
		}
		return nil
	})
	return out
}

// TestRefusedFilesThroughTheCLI feeds every refused kind of file to pcs score:
// each gives one line per problem naming the file, exit 1, no output and an
// unchanged input, and never a Go error or stack trace.
func TestRefusedFilesThroughTheCLI(t *testing.T) {
	bad, _ := filepath.Glob(filepath.Join("..", "..", "reader", "testdata", "bad_*.xlsx"))
	if len(bad) < 8 {
		t.Fatalf("want the reader's refused fixtures, found %v", bad)
	}
	dir := t.TempDir()
	extra := map[string][]byte{
		"empty.xlsx":     nil,
		"truncated.xlsx": mustRead(t, sample("contoso-cloud-smb.xlsx"))[:4000],
		"text.xlsx":      []byte("this is not a workbook\n"),
	}
	for name, data := range extra {
		p := filepath.Join(dir, name)
		os.WriteFile(p, data, 0o644)
		bad = append(bad, p)
	}
	for _, p := range bad {
		t.Run(filepath.Base(p), func(t *testing.T) {
			in := filepath.Join(t.TempDir(), filepath.Base(p))
			os.WriteFile(in, mustRead(t, p), 0o644)
			before := sum(t, in)
			out := t.TempDir()
			stdout, stderr, code := pcs(t, "score", "--json", "--out", out, in)
			if code != 1 {
				t.Errorf("exit %d, want 1", code)
			}
			if !strings.Contains(stdout, `"ok":false`) {
				t.Errorf("JSON: %s", stdout)
			}
			lines := strings.Split(strings.TrimSpace(stderr), "\n")
			for _, l := range lines {
				if !strings.HasPrefix(l, in+": ") {
					t.Errorf("line does not start with the file: %q", l)
				}
				for _, bad := range []string{"panic", "goroutine", "runtime.", "*reader.", "*errors.", "%!", "zip: ", "xml: ", "excelize"} {
					if strings.Contains(l, bad) {
						t.Errorf("internal detail %q in %q", bad, l)
					}
				}
			}
			if entries, _ := os.ReadDir(out); len(entries) != 0 {
				t.Errorf("outputs written for a refused file: %v", entries)
			}
			if sum(t, in) != before {
				t.Error("the input was modified")
			}
		})
	}
}

func mustRead(t *testing.T, p string) []byte {
	t.Helper()
	b, err := os.ReadFile(p)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

func TestOutNotWritable(t *testing.T) {
	in := copySample(t, "fabrikam-enterprise.xlsx")
	blocker := filepath.Join(t.TempDir(), "a-file")
	os.WriteFile(blocker, []byte("x"), 0o644)
	_, stderr, code := pcs(t, "score", "--out", filepath.Join(blocker, "out"), in)
	if code != 1 || !strings.Contains(stderr, in+": cannot create the output folder") || strings.Count(strings.TrimSpace(stderr), "\n") > 1 {
		t.Errorf("exit %d: %q", code, stderr)
	}
	_, stderr, code = pcs(t, "batch", "--out", filepath.Join(blocker, "out"), filepath.Dir(in))
	if code != 1 || !strings.Contains(stderr, "cannot create the output folder") {
		t.Errorf("batch: exit %d: %q", code, stderr)
	}
}

// TestDiskFull runs pcs with a file size limit, as on a full disk: the
// outputs fail with a clear error, nothing half-written is left behind, and
// the input is untouched.
func TestDiskFull(t *testing.T) {
	in := copySample(t, "contoso-cloud-smb.xlsx")
	before := sum(t, in)
	for _, limit := range []string{"20000", "120000"} {
		out := t.TempDir()
		cmd := child([]string{"PCS_TEST_FSIZE=" + limit}, "score", "--out", out, in)
		var stderr bytes.Buffer
		cmd.Stderr = &stderr
		cmd.Run()
		if code := cmd.ProcessState.ExitCode(); code != 1 {
			t.Errorf("limit %s: exit %d, want 1\n%s", limit, code, stderr.String())
		}
		if !strings.Contains(stderr.String(), "could not be written") || !strings.Contains(stderr.String(), "file too large") {
			t.Errorf("limit %s: stderr %q", limit, stderr.String())
		}
		if l := leftovers(t, out); len(l) > 0 {
			t.Errorf("limit %s: half-written files left: %v", limit, l)
		}
		entries, _ := os.ReadDir(out)
		for _, e := range entries {
			info, _ := e.Info()
			if strings.HasSuffix(e.Name(), ".pdf") && !bytes.HasSuffix(bytes.TrimSpace(mustRead(t, filepath.Join(out, e.Name()))), []byte("%%EOF")) {
				t.Errorf("limit %s: incomplete %s (%d bytes)", limit, e.Name(), info.Size())
			}
		}
	}
	if sum(t, in) != before {
		t.Error("the input was modified")
	}
}

// TestTerminatedScore stops pcs score with SIGTERM while it works: the
// workbook in progress finishes whole, the next is not started, exit 130.
func TestTerminatedScore(t *testing.T) {
	var ins []string
	for i := 0; i < 30; i++ {
		p := copySample(t, "contoso-cloud-smb.xlsx")
		np := strings.Replace(p, ".xlsx", "-"+itoa3(i)+".xlsx", 1)
		os.Rename(p, np)
		ins = append(ins, np)
	}
	out := t.TempDir()
	cmd := child(nil, append([]string{"score", "--out", out}, ins...)...)
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	time.Sleep(1500 * time.Millisecond)
	cmd.Process.Signal(syscall.SIGTERM)
	cmd.Wait()
	if code := cmd.ProcessState.ExitCode(); code != 130 {
		t.Fatalf("exit %d, want 130\n%s", code, stderr.String())
	}
	if l := leftovers(t, out); len(l) > 0 {
		t.Errorf("half-written files: %v", l)
	}
	pdfs, _ := filepath.Glob(filepath.Join(out, "*.pdf"))
	books, _ := filepath.Glob(filepath.Join(out, "*.scored.xlsx"))
	if len(pdfs) == 0 || len(pdfs) == 30 || len(books) != len(pdfs) {
		t.Errorf("%d PDFs and %d workbooks after SIGTERM (want some, not all, in pairs)\n%s", len(pdfs), len(books), stderr.String())
	}
	for _, p := range pdfs {
		if !bytes.HasSuffix(bytes.TrimSpace(mustRead(t, p)), []byte("%%EOF")) {
			t.Errorf("%s is incomplete", p)
		}
	}
	if !strings.Contains(stderr.String(), "interrupted") {
		t.Errorf("stderr: %s", stderr.String())
	}
}

// TestTwoRunsIntoOneOut runs two batches into the same --out at once: every
// output is whole and equal to a single run's.
func TestTwoRunsIntoOneOut(t *testing.T) {
	in := portfolioFolder(t, 12)
	ref := t.TempDir()
	pcs(t, "batch", "--recursive", "--no-workbook", "--out", ref, in)
	out := t.TempDir()
	a := child(nil, "batch", "--recursive", "--no-workbook", "--quiet", "--out", out, in)
	b := child(nil, "batch", "--recursive", "--no-workbook", "--quiet", "--out", out, in)
	a.Start()
	b.Start()
	a.Wait()
	b.Wait()
	want, got := tree(t, ref), tree(t, out)
	if len(got) != len(want) {
		t.Errorf("%d files, want %d", len(got), len(want))
	}
	for name, w := range want {
		if strings.HasSuffix(name, ".pdf") && name != "portfolio.pdf" && !bytes.Equal(got[name], w) {
			t.Errorf("%s differs from a single run's", name)
		}
	}
	if l := leftovers(t, out); len(l) > 0 {
		t.Errorf("temporary files left: %v", l)
	}
}

func TestHostileRulesFiles(t *testing.T) {
	dir := t.TempDir()
	laughs := "a: &a [\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\"]\n"
	for i, c := range "bcdefghi" {
		prev := string("abcdefghi"[i])
		laughs += string(c) + ": &" + string(c) + " [*" + prev + ",*" + prev + ",*" + prev + ",*" + prev + ",*" + prev + ",*" + prev + ",*" + prev + ",*" + prev + ",*" + prev + "]\n"
	}
	files := map[string][]byte{
		"laughs.yaml": []byte(laughs),
		"binary.yaml": {0x89, 'P', 'N', 'G', 0, 0, 0xff, 0xfe},
		"huge.yaml":   bytes.Repeat([]byte("# comment\n"), 200000),
		"latin1.yaml": []byte("edition: caf\xe9\n"),
		"deep.yaml":   []byte(strings.Repeat("[", 5000) + strings.Repeat("]", 5000)),
	}
	for name, data := range files {
		t.Run(name, func(t *testing.T) {
			p := filepath.Join(dir, name)
			os.WriteFile(p, data, 0o644)
			start := time.Now()
			_, stderr, code := pcs(t, "rules", "--rules", p)
			if code != 2 || !strings.HasPrefix(stderr, "pcs: ") || strings.Count(stderr, "\n") != 1 {
				t.Errorf("exit %d: %q", code, stderr)
			}
			if !strings.Contains(stderr, p) {
				t.Errorf("the error does not name the file: %q", stderr)
			}
			if d := time.Since(start); d > 5*time.Second {
				t.Errorf("took %s", d)
			}
		})
	}
}

// TestTextStaysText scores a workbook whose names look like formulas, links
// and markup: they stay plain text in the annotated workbook, the PDF and the
// e-mail.
func TestTextStaysText(t *testing.T) {
	dir := t.TempDir()
	in := filepath.Join(dir, "hostile.xlsx")
	f := excelize.NewFile()
	evil := `=HYPERLINK("http://evil.example","click")`
	f.SetSheetName("Sheet1", "Partner")
	f.SetSheetRow("Partner", "A1", &[]any{"Field", "Value"})
	f.SetSheetRow("Partner", "A2", &[]any{"Partner name", `<script>alert("x")</script> & Co`})
	f.SetSheetRow("Partner", "A3", &[]any{"As of", "2024-05"})
	f.SetSheetRow("Partner", "A4", &[]any{"Recipients", "ceo@hostile.example"})
	f.NewSheet("ACR")
	f.SetSheetRow("ACR", "A1", &[]any{"Customer ID", "Customer name", "Month", "ACR", "Attribution"})
	f.SetSheetRow("ACR", "A2", &[]any{"+1-555", evil, "2024-05", 900, "PAL"})
	f.SetSheetRow("ACR", "A3", &[]any{"@SUM(A1)", "-2+3", "2024-05", 900, "PAL"})
	f.NewSheet("Certifications")
	f.SetSheetRow("Certifications", "A1", &[]any{"Individual", "Certification"})
	f.SetSheetRow("Certifications", "A2", &[]any{"=1+1", "AZ-104"})
	if err := f.SaveAs(in); err != nil {
		t.Fatal(err)
	}
	out := t.TempDir()
	_, stderr, code := pcs(t, "score", "--out", out, "--email", "--dry-run", "--smtp-from", "pcs@example.org", in)
	if code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	wb, err := excelize.OpenFile(filepath.Join(out, "hostile.scored.xlsx"))
	if err != nil {
		t.Fatal(err)
	}
	defer wb.Close()
	seen := map[string]bool{}
	for _, sh := range wb.GetSheetList() {
		rows, _ := wb.GetRows(sh)
		for r, row := range rows {
			for c, v := range row {
				cell, _ := excelize.CoordinatesToCellName(c+1, r+1)
				if fm, _ := wb.GetCellFormula(sh, cell); fm != "" {
					t.Errorf("%s!%s holds a formula %q", sh, cell, fm)
				}
				if link, target, _ := wb.GetCellHyperLink(sh, cell); link && strings.Contains(target, "evil") {
					t.Errorf("%s!%s links to %q", sh, cell, target)
				}
				for _, want := range []string{evil, "+1-555", "@SUM(A1)", "=1+1", "-2+3"} {
					if v == want {
						seen[want] = true
					}
				}
			}
		}
	}
	for _, want := range []string{evil, "+1-555", "=1+1"} {
		if !seen[want] {
			t.Errorf("%q is not shown as text anywhere in the annotated workbook", want)
		}
	}
	// The HTML body (quoted-printable: soft line breaks joined) escapes the
	// name; the plain text body and the subject show it as written.
	eml := strings.ReplaceAll(strings.ReplaceAll(string(mustRead(t, filepath.Join(out, "hostile.eml"))), "=\r\n", ""), "=\n", "")
	start, end := strings.Index(eml, "<html"), strings.Index(eml, "</html>")
	if start < 0 || end < start {
		t.Fatal("no HTML body in the e-mail")
	}
	if html := eml[start:end]; strings.Contains(html, "<script>") || !strings.Contains(html, "&lt;script&gt;") {
		t.Errorf("the e-mail's HTML does not escape the partner name")
	}
}
