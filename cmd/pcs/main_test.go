package main

import (
	"bytes"
	"crypto/sha256"
	"encoding/json"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

var update = flag.Bool("update", false, "rewrite the golden files under testdata/")

// pcs runs the program in-process and returns stdout, stderr and the exit status.
func pcs(t *testing.T, args ...string) (string, string, int) {
	t.Helper()
	var out, errb bytes.Buffer
	code := run(append([]string{"pcs"}, args...), &out, &errb)
	return out.String(), errb.String(), code
}

func sample(name string) string { return filepath.Join("..", "..", "samples", name) }

// copySample copies a sample into a fresh folder, so outputs land there.
func copySample(t *testing.T, name string) string {
	t.Helper()
	data, err := os.ReadFile(sample(name))
	if err != nil {
		t.Fatal(err)
	}
	p := filepath.Join(t.TempDir(), name)
	if err := os.WriteFile(p, data, 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}

func sum(t *testing.T, path string) [32]byte {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return sha256.Sum256(b)
}

func TestCommandLineErrorsExit2(t *testing.T) {
	cases := [][]string{
		{"frobnicate"},
		{"--bogus"},
		{"score"},
		{"score", "--bogus", "x.xlsx"},
		{"score", "--as-of", "2024-13", "x.xlsx"},
		{"score", "--path", "medium", "x.xlsx"},
		{"score", "--paper", "a3", "x.xlsx"},
		{"score", "--designation", "modern-work", "x.xlsx"},
		{"score", "--rules", "fy99", "x.xlsx"},
		{"batch", "samples"},
		{"batch", "--out", "o"},
		{"batch", "--out", "o", "--shard", "3/2", "."},
		{"batch", "--out", "o", "--workers", "0", "."},
		{"rules", "extra"},
		{"template", "extra"},
	}
	for _, args := range cases {
		t.Run(strings.Join(args, " "), func(t *testing.T) {
			stdout, stderr, code := pcs(t, args...)
			if code != 2 {
				t.Errorf("exit %d, want 2\nstderr: %s", code, stderr)
			}
			if stdout != "" {
				t.Errorf("stdout not empty: %q", stdout)
			}
			if !strings.HasPrefix(stderr, "pcs: ") || strings.Count(stderr, "\n") != 1 {
				t.Errorf("stderr should be one line starting with pcs: %q", stderr)
			}
		})
	}
}

func TestVersionAndRules(t *testing.T) {
	out, _, code := pcs(t, "--version")
	if code != 0 || !strings.HasPrefix(out, "pcs ") || !strings.Contains(out, "fy24, fy26") {
		t.Errorf("--version: %d %q", code, out)
	}
	out, _, code = pcs(t, "rules")
	if code != 0 || !strings.Contains(out, "Rule edition fy24") || !strings.Contains(out, "Solutions Partner for Data & AI (Azure)") {
		t.Errorf("rules: %d %q", code, out)
	}
	out, _, code = pcs(t, "rules", "--json", "--rules", "fy26")
	var doc struct {
		Edition      string `json:"edition"`
		Designations []struct {
			ID string `json:"id"`
		} `json:"designations"`
	}
	if err := json.Unmarshal([]byte(out), &doc); err != nil || code != 0 || doc.Edition != "fy26" || len(doc.Designations) != 3 {
		t.Errorf("rules --json: %d %v %+v", code, err, doc)
	}
	bad := filepath.Join(t.TempDir(), "bad.yaml")
	os.WriteFile(bad, []byte("edition: x\nfoo: 1\n"), 0o644)
	_, stderr, code := pcs(t, "rules", "--rules", bad)
	if code != 2 || !strings.Contains(stderr, "line 2: field foo not found") {
		t.Errorf("bad rules file: %d %q", code, stderr)
	}
}

func TestScoreJSONIsOneLinePerWorkbook(t *testing.T) {
	good := copySample(t, "contoso-cloud-smb.xlsx")
	bad := copySample(t, "northwind-data-errors.xlsx")
	csv := filepath.Join(t.TempDir(), "export.xlsx")
	os.WriteFile(csv, []byte("Customer ID,ACR\nC1,100\n"), 0o644)
	before := sum(t, good)
	stdout, stderr, code := pcs(t, "score", "--json", "--no-pdf", "--no-workbook", good, bad, csv)
	if code != 1 {
		t.Errorf("exit %d, want 1", code)
	}
	lines := strings.Split(strings.TrimSuffix(stdout, "\n"), "\n")
	if len(lines) != 3 {
		t.Fatalf("want 3 JSON lines, got %d:\n%s", len(lines), stdout)
	}
	var ok []bool
	for _, l := range lines {
		var j struct {
			Schema string `json:"schema"`
			OK     bool   `json:"ok"`
			Issues []any  `json:"issues"`
		}
		if err := json.Unmarshal([]byte(l), &j); err != nil || j.Schema != "pcs/v1" {
			t.Fatalf("bad line %q: %v", l, err)
		}
		ok = append(ok, j.OK)
	}
	if !ok[0] || ok[1] || ok[2] {
		t.Errorf("ok flags %v", ok)
	}
	for _, l := range strings.Split(strings.TrimSpace(stderr), "\n") {
		if !strings.HasPrefix(l, good+": ") && !strings.HasPrefix(l, bad+": ") && !strings.HasPrefix(l, csv+": ") {
			t.Errorf("stderr line does not start with a file name: %q", l)
		}
	}
	if !strings.Contains(stderr, bad+`: ACR!D17: "n/a" is not an amount`) {
		t.Errorf("stderr lacks the cell error:\n%s", stderr)
	}
	if sum(t, good) != before {
		t.Error("the input workbook was modified")
	}
}

func TestScoreWritesOutputsNextToTheInput(t *testing.T) {
	in := copySample(t, "fabrikam-enterprise.xlsx")
	before := sum(t, in)
	stdout, stderr, code := pcs(t, "score", in)
	if code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	dir := filepath.Dir(in)
	for _, name := range []string{"fabrikam-enterprise.scored.xlsx", "fabrikam-enterprise.scorecard.pdf"} {
		if st, err := os.Stat(filepath.Join(dir, name)); err != nil || st.Size() == 0 {
			t.Errorf("%s: %v", name, err)
		}
	}
	for _, want := range []string{"Fabrikam Digital Services Inc. (5523781), as of May 2024, Enterprise path", "Data & AI", "not attained: 4 points short"} {
		if !strings.Contains(stdout, want) {
			t.Errorf("summary lacks %q:\n%s", want, stdout)
		}
	}
	if sum(t, in) != before {
		t.Error("the input workbook was modified")
	}
	entries, _ := os.ReadDir(dir)
	if len(entries) != 3 {
		t.Errorf("want the input and 2 outputs, got %v", entries)
	}
}

func TestFlagsMayFollowTheWorkbooks(t *testing.T) {
	in := copySample(t, "contoso-cloud-smb.xlsx")
	stdout, stderr, code := pcs(t, "score", in, "--json", "--no-pdf", "--no-workbook", "--as-of", "2024-04")
	if code != 0 || !strings.Contains(stdout, `"as_of":"2024-04"`) {
		t.Errorf("exit %d, stdout %q, stderr %q", code, stdout, stderr)
	}
}

func TestAllowErrorsScoresWithoutTheBadRows(t *testing.T) {
	in := copySample(t, "northwind-data-errors.xlsx")
	stdout, stderr, code := pcs(t, "score", "--json", "--no-pdf", "--no-workbook", "--allow-errors", in)
	if code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	var j struct {
		OK          bool `json:"ok"`
		SkippedRows int  `json:"skipped_rows"`
	}
	if err := json.Unmarshal([]byte(stdout), &j); err != nil || !j.OK || j.SkippedRows == 0 {
		t.Errorf("%v %+v", err, j)
	}
}

// TestSampleGoldens pins the JSON result of every sample.
func TestSampleGoldens(t *testing.T) {
	names, _ := filepath.Glob(sample("*.xlsx"))
	if len(names) < 4 {
		t.Fatalf("want at least 4 samples, found %v", names)
	}
	for _, p := range names {
		name := filepath.Base(p)
		t.Run(name, func(t *testing.T) {
			stdout, _, _ := pcs(t, "score", "--json", "--no-pdf", "--no-workbook", p)
			golden := filepath.Join("testdata", "golden", strings.TrimSuffix(name, ".xlsx")+".json")
			var pretty bytes.Buffer
			if err := json.Indent(&pretty, []byte(stdout), "", "  "); err != nil {
				t.Fatalf("not JSON: %v\n%s", err, stdout)
			}
			if *update {
				os.MkdirAll(filepath.Dir(golden), 0o755)
				if err := os.WriteFile(golden, pretty.Bytes(), 0o644); err != nil {
					t.Fatal(err)
				}
			}
			want, err := os.ReadFile(golden)
			if err != nil {
				t.Fatalf("%v (run go test ./cmd/pcs -run TestSampleGoldens -update)", err)
			}
			if !bytes.Equal(pretty.Bytes(), want) {
				t.Errorf("%s differs from %s; review and rerun with -update if intended", name, golden)
			}
		})
	}
}
