package main

import (
	"bufio"
	"bytes"
	"encoding/json"
	"fmt"
	"io/fs"
	"os"
	"os/exec"
	"os/signal"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"syscall"
	"testing"

	"github.com/xuri/excelize/v2"

	"github.com/pcs-tools/pcs/scoring"
)

// TestMain lets the test binary act as pcs itself when PCS_TEST_MAIN is set,
// so tests can run it as a separate process and send it signals.
func TestMain(m *testing.M) {
	if os.Getenv("PCS_TEST_MAIN") == "1" {
		if n, err := strconv.ParseUint(os.Getenv("PCS_TEST_FSIZE"), 10, 64); err == nil {
			// A full disk: writes past n bytes fail with "file too large".
			signal.Ignore(syscall.SIGXFSZ)
			syscall.Setrlimit(syscall.RLIMIT_FSIZE, &syscall.Rlimit{Cur: n, Max: n})
		}
		os.Exit(run(os.Args, os.Stdout, os.Stderr))
	}
	os.Exit(m.Run())
}

// portfolioFolder makes a folder of n workbooks copied from the samples, in
// sub-folders, with a broken workbook, a lock file and files to skip.
func portfolioFolder(t *testing.T, n int) string {
	t.Helper()
	dir := t.TempDir()
	samples := []string{"contoso-cloud-smb.xlsx", "fabrikam-enterprise.xlsx", "adatum-wide-layout.xlsx"}
	var data [][]byte
	for _, s := range samples {
		b, err := os.ReadFile(sample(s))
		if err != nil {
			t.Fatal(err)
		}
		data = append(data, b)
	}
	for i := 0; i < n; i++ {
		sub := []string{"", "Q3", "Q4"}[i%3]
		name := filepath.Join(dir, sub, strings.TrimSuffix(samples[i%3], ".xlsx")+"-"+string(rune('a'+i/3%26))+itoa3(i)+".xlsx")
		os.MkdirAll(filepath.Dir(name), 0o755)
		if err := os.WriteFile(name, data[i%3], 0o644); err != nil {
			t.Fatal(err)
		}
	}
	os.WriteFile(filepath.Join(dir, "broken.xlsx"), []byte("Customer,ACR\nC1,1\n"), 0o644)
	os.WriteFile(filepath.Join(dir, "~$contoso-cloud-smb-a000.xlsx"), []byte("lock"), 0o644)
	os.WriteFile(filepath.Join(dir, "notes.txt"), []byte("not a workbook"), 0o644)
	os.WriteFile(filepath.Join(dir, "old.scored.xlsx"), data[0], 0o644)
	return dir
}

func itoa3(i int) string { return fmt.Sprintf("%03d", i) }

// tree lists the files under dir with their contents.
func tree(t *testing.T, dir string) map[string][]byte {
	t.Helper()
	out := map[string][]byte{}
	filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err == nil && !d.IsDir() {
			rel, _ := filepath.Rel(dir, p)
			b, _ := os.ReadFile(p)
			out[filepath.ToSlash(rel)] = b
		}
		return nil
	})
	return out
}

func TestBatch(t *testing.T) {
	in := portfolioFolder(t, 9)
	out1, out4 := t.TempDir(), t.TempDir()
	stdout1, stderr1, code1 := pcs(t, "batch", "--recursive", "--json", "--workers", "1", "--out", out1, in)
	stdout4, _, code4 := pcs(t, "batch", "--recursive", "--json", "--workers", "4", "--out", out4, in)
	if code1 != 1 || code4 != 1 {
		t.Fatalf("exit %d and %d, want 1 (one broken workbook)\n%s", code1, code4, stderr1)
	}
	var sources []string
	for _, l := range strings.Split(strings.TrimSpace(stdout1), "\n") {
		var j struct {
			Source string `json:"source"`
			OK     bool   `json:"ok"`
		}
		if err := json.Unmarshal([]byte(l), &j); err != nil {
			t.Fatal(err)
		}
		sources = append(sources, j.Source)
		if j.OK == (j.Source == "broken.xlsx") {
			t.Errorf("%s: ok %v", j.Source, j.OK)
		}
	}
	if len(sources) != 10 || !sort.StringsAreSorted(sources) {
		t.Errorf("want 10 results in folder order (the lock file, the old output and notes.txt skipped), got %v", sources)
	}
	if strings.ReplaceAll(stdout1, out1, "OUT") != strings.ReplaceAll(stdout4, out4, "OUT") {
		t.Error("JSON results differ between 1 and 4 workers")
	}
	t1, t4 := tree(t, out1), tree(t, out4)
	if len(t1) != 2*9+2 {
		t.Errorf("want 9 x 2 outputs and the portfolio summary (2 files), got %d: %v", len(t1), keys(t1))
	}
	for name, b := range t1 {
		if strings.HasSuffix(name, ".pdf") && !bytes.Equal(b, t4[name]) {
			t.Errorf("%s differs between 1 and 4 workers", name)
		}
		if _, ok := t4[name]; !ok {
			t.Errorf("%s missing with 4 workers", name)
		}
	}
	for _, want := range []string{"Q3/", "Q4/"} {
		found := false
		for name := range t1 {
			found = found || strings.HasPrefix(name, want)
		}
		if !found {
			t.Errorf("no outputs mirrored under %s", want)
		}
	}
	for _, l := range strings.Split(strings.TrimSpace(stderr1), "\n") {
		if strings.Contains(l, "broken.xlsx") && !strings.HasPrefix(l, "broken.xlsx: ") && !strings.HasPrefix(l, "[") {
			t.Errorf("error line does not start with the file: %q", l)
		}
	}
	// The portfolio summary lists every partner and designation, and the failure.
	f, err := excelize.OpenFile(filepath.Join(out1, "portfolio.xlsx"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	text := ""
	for _, sh := range f.GetSheetList() {
		rows, _ := f.GetRows(sh)
		for _, r := range rows {
			text += strings.Join(r, "|") + "\n"
		}
	}
	for _, want := range []string{"broken.xlsx", "Q3/", "Fabrikam Digital Services Inc.", "Adatum Solutions GmbH"} {
		if !strings.Contains(text, want) {
			t.Errorf("portfolio.xlsx lacks %q", want)
		}
	}
}

func keys(m map[string][]byte) []string {
	var k []string
	for n := range m {
		k = append(k, n)
	}
	sort.Strings(k)
	return k
}

func TestShardsPartitionTheFolder(t *testing.T) {
	in := portfolioFolder(t, 12)
	all := map[string]int{}
	for k := 1; k <= 3; k++ {
		stdout, _, _ := pcs(t, "batch", "--recursive", "--json", "--no-pdf", "--no-workbook", "--shard", string(rune('0'+k))+"/3", "--out", t.TempDir(), in)
		for _, l := range strings.Split(strings.TrimSpace(stdout), "\n") {
			if l == "" {
				continue
			}
			var j struct{ Source string }
			json.Unmarshal([]byte(l), &j)
			all[j.Source]++
		}
	}
	if len(all) != 13 {
		t.Errorf("the 3 shards scored %d workbooks, want all 13", len(all))
	}
	for s, n := range all {
		if n != 1 {
			t.Errorf("%s scored by %d shards", s, n)
		}
	}
}

func TestBatchOutputsStayInsideOut(t *testing.T) {
	in := t.TempDir()
	outside := t.TempDir()
	data, _ := os.ReadFile(sample("fabrikam-enterprise.xlsx"))
	os.WriteFile(filepath.Join(outside, "elsewhere.xlsx"), data, 0o644)
	// A link to a workbook elsewhere and a link to a folder elsewhere.
	os.Symlink(filepath.Join(outside, "elsewhere.xlsx"), filepath.Join(in, "linked.xlsx"))
	os.Symlink(outside, filepath.Join(in, "linked-folder"))
	out := t.TempDir()
	_, stderr, code := pcs(t, "batch", "--recursive", "--no-pdf", "--out", out, in)
	if code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	got := keys(tree(t, out))
	want := []string{"linked.scored.xlsx", "portfolio.pdf", "portfolio.xlsx"}
	if strings.Join(got, ",") != strings.Join(want, ",") {
		t.Errorf("outputs %v, want %v", got, want)
	}
	if len(tree(t, outside)) != 1 {
		t.Errorf("something was written outside --out: %v", keys(tree(t, outside)))
	}
}

// TestBatchInterrupted sends Ctrl-C to a running batch: the workbooks in
// progress finish, no half-written file is left, the summary covers what was
// done and the exit status is 130.
func TestBatchInterrupted(t *testing.T) {
	in := portfolioFolder(t, 60)
	out := t.TempDir()
	cmd := exec.Command(os.Args[0], "batch", "--recursive", "--workers", "2", "--out", out, in)
	cmd.Env = append(os.Environ(), "PCS_TEST_MAIN=1")
	stderr, _ := cmd.StderrPipe()
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	sc := bufio.NewScanner(stderr)
	var lines []string
	signalled := false
	for sc.Scan() {
		lines = append(lines, sc.Text())
		if !signalled && strings.HasPrefix(sc.Text(), "[3/") {
			cmd.Process.Signal(syscall.SIGINT)
			signalled = true
		}
	}
	err := cmd.Wait()
	code := cmd.ProcessState.ExitCode()
	if code != 130 {
		t.Fatalf("exit %d (%v), want 130\n%s", code, err, strings.Join(lines, "\n"))
	}
	files := tree(t, out)
	for name := range files {
		if strings.Contains(name, ".tmp") || strings.HasPrefix(filepath.Base(name), ".") {
			t.Errorf("half-written file left behind: %s", name)
		}
	}
	if _, ok := files["portfolio.xlsx"]; !ok {
		t.Error("no portfolio summary after the interrupt")
	}
	if !strings.Contains(strings.Join(lines, "\n"), "interrupted") {
		t.Errorf("stderr does not say it was interrupted:\n%s", strings.Join(lines, "\n"))
	}
	done := 0
	for name := range files {
		if strings.HasSuffix(name, ".scorecard.pdf") {
			done++
		}
	}
	if done == 0 || done >= 60 {
		t.Errorf("%d scorecards written: the interrupt should stop the batch part way", done)
	}
}

func TestFitLeft(t *testing.T) {
	for _, c := range []struct {
		s    string
		n    int
		want string
	}{
		{"contoso.xlsx", 20, "contoso.xlsx"},
		{"Q3/partners/very-long-name-of-a-partner.xlsx", 16, "…-a-partner.xlsx"},
		{"Q3/Ελληνική-Εταιρεία.xlsx", 12, "…αιρεία.xlsx"},
		{"Q3/contoso.xlsx", -5, "…so.xlsx"}, // never narrower than 8
	} {
		if got := fitLeft(c.s, c.n); got != c.want {
			t.Errorf("fitLeft(%q, %d) = %q, want %q", c.s, c.n, got, c.want)
		}
	}
}

// TestBatchWithoutOutputsMakesNoFolders: with neither output, the batch
// writes its portfolio summary and no empty sub-folders.
func TestBatchWithoutOutputsMakesNoFolders(t *testing.T) {
	in := t.TempDir()
	os.MkdirAll(filepath.Join(in, "Q3"), 0o755)
	data, _ := os.ReadFile(sample("fabrikam-enterprise.xlsx"))
	os.WriteFile(filepath.Join(in, "Q3", "fabrikam.xlsx"), data, 0o644)
	out := filepath.Join(t.TempDir(), "out")
	if _, stderr, code := pcs(t, "batch", "--recursive", "--no-workbook", "--no-pdf", "--quiet", "--out", out, in); code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	if _, err := os.Stat(filepath.Join(out, "Q3")); err == nil {
		t.Error("the batch made an empty Q3 folder")
	}
	if _, err := os.Stat(filepath.Join(out, "portfolio.xlsx")); err != nil {
		t.Error(err)
	}
}

func TestFailureReason(t *testing.T) {
	e := func(m string) scoring.Issue {
		return scoring.Issue{Severity: scoring.SeverityError, Sheet: "ACR", Cell: "D17", Message: m}
	}
	w := scoring.Issue{Severity: scoring.SeverityWarning, Message: "a warning"}
	for _, c := range []struct {
		issues []scoring.Issue
		want   string
	}{
		{nil, "could not be scored"},
		{[]scoring.Issue{w, e(`"n/a" is not an amount`)}, `ACR!D17: "n/a" is not an amount`},
		{[]scoring.Issue{e("one"), w, e("two")}, "ACR!D17: one (and more errors)"},
	} {
		if got := failureReason(c.issues); got != c.want {
			t.Errorf("failureReason(%v) = %q, want %q", c.issues, got, c.want)
		}
	}
}
