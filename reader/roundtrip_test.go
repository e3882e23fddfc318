package reader

import (
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// needTool returns the path of an external program a test needs. Without
// it the test fails when CI is set (CI installs it) and is skipped locally.
func needTool(t *testing.T, name string, dirs ...string) string {
	t.Helper()
	for _, d := range dirs {
		if p := filepath.Join(d, name); isExecutable(p) {
			return p
		}
	}
	if p, err := exec.LookPath(name); err == nil && len(dirs) == 0 {
		return p
	}
	if os.Getenv("CI") != "" {
		t.Fatalf("%s is not installed (CI installs it: see .ci/run)", name)
	}
	t.Skipf("%s is not installed", name)
	return ""
}

func isExecutable(p string) bool {
	st, err := os.Stat(p)
	return err == nil && !st.IsDir() && st.Mode()&0o111 != 0
}

// debianPython returns Debian's python3, which has openpyxl (the first
// python3 on PATH may be another one).
func debianPython(t *testing.T) string {
	t.Helper()
	out, _ := exec.Command("getconf", "PATH").Output()
	dirs := strings.Split(strings.TrimSpace(string(out)), ":")
	if len(dirs) == 0 || dirs[0] == "" {
		dirs = []string{"/usr/bin", "/bin"}
	}
	py := needTool(t, "python3", dirs...)
	if err := exec.Command(py, "-c", "import openpyxl").Run(); err != nil {
		if os.Getenv("CI") != "" {
			t.Fatalf("python3-openpyxl is not installed (CI installs it: see .ci/run)")
		}
		t.Skip("python3-openpyxl is not installed")
	}
	return py
}

// roundTripScript writes a workbook of seeded random data with openpyxl,
// and the sums a reader must find in it (computed with exact decimals).
const roundTripScript = `
import datetime as dt, decimal, json, random, sys
import openpyxl
random.seed(int(sys.argv[2]))
wb = openpyxl.Workbook()
wb.remove(wb.active)
p = wb.create_sheet("Partner")
p.append(["Field", "Value"]); p.append(["Partner name", "Round Trip Ltd"]); p.append(["Date order", "DMY"])
a = wb.create_sheet("ACR")
a.append(["Customer ID", "Month", "ACR", "Attribution", "Solution area"])
sums, rows = {}, 0
fmts = ["yyyy-mm-dd", "mmm-yy", "d/m/yyyy", "mmmm yyyy", "General"]
for i in range(400):
    c = "C-%03d" % random.randint(1, 40)
    y, m = random.choice([(2023, k) for k in range(1, 13)] + [(2024, k) for k in range(1, 6)])
    day = random.randint(1, 28)
    cents = random.randint(-50000, 500000)
    amount = decimal.Decimal(cents).scaleb(-2)
    attr = random.choice(["PAL", "DPOR", "CSP", "pal", ""])
    area = random.choice(["Data & AI", "Infrastructure", "", "All"])
    kind = random.randint(0, 3)
    if kind == 0:
        value = "$" + format(amount, ",.2f") if amount >= 0 else "(" + format(-amount, ",.2f") + ")"
    else:
        value = float(amount)
    mcell = dt.datetime(y, m, day) if kind != 1 else "%02d/%02d/%d" % (day, m, y)
    a.append([c, mcell, value, attr or None, area or None])
    if kind != 1:
        a.cell(row=a.max_row, column=2).number_format = random.choice(fmts[:4])
    key = "%s %04d-%02d %s %s" % (c, y, m, attr.lower(), area.lower())
    sums[key] = sums.get(key, 0) + cents
    rows += 1
wb.save(sys.argv[1])
json.dump({"sums": sums, "rows": rows}, open(sys.argv[1] + ".json", "w"))
`

// TestProducerRoundTrip writes random data with openpyxl (and re-saves it
// with LibreOffice), then checks that the reader adds up exactly what was
// written.
func TestProducerRoundTrip(t *testing.T) {
	py := debianPython(t)
	dir := t.TempDir()
	script := filepath.Join(dir, "gen.py")
	if err := os.WriteFile(script, []byte(roundTripScript), 0o644); err != nil {
		t.Fatal(err)
	}
	for _, seed := range []string{"1", "2", "3"} {
		path := filepath.Join(dir, "rt"+seed+".xlsx")
		if out, err := exec.Command(py, script, path, seed).CombinedOutput(); err != nil {
			t.Fatalf("python: %v\n%s", err, out)
		}
		var want struct {
			Sums map[string]int64
			Rows int
		}
		b, err := os.ReadFile(path + ".json")
		if err != nil {
			t.Fatal(err)
		}
		if err := json.Unmarshal(b, &want); err != nil {
			t.Fatal(err)
		}
		checkSums(t, "openpyxl seed "+seed, path, want.Sums, want.Rows)
		if seed == "1" {
			soffice := needTool(t, "soffice")
			out, err := exec.Command(soffice, "-env:UserInstallation=file://"+filepath.Join(dir, "lo"), "--headless",
				"--convert-to", "xlsx:Calc MS Excel 2007 XML", "--outdir", filepath.Join(dir, "lo-out"), path).CombinedOutput()
			if err != nil {
				t.Fatalf("soffice: %v\n%s", err, out)
			}
			checkSums(t, "LibreOffice seed "+seed, filepath.Join(dir, "lo-out", filepath.Base(path)), want.Sums, want.Rows)
		}
	}
}

func checkSums(t *testing.T, what, path string, want map[string]int64, rows int) {
	t.Helper()
	wb, err := Read(path, Options{})
	if err != nil {
		t.Fatalf("%s: %v", what, err)
	}
	for _, is := range wb.Issues {
		if is.Severity == "error" {
			t.Errorf("%s: %s", what, is)
		}
	}
	got := map[string]int64{}
	n := 0
	for _, r := range wb.Input.ACR {
		key := strings.ToLower(r.Customer + " " + r.Month.String() + " " + r.Attribution + " " + r.SolutionArea)
		got[key] += int64(r.Amount)
		n += r.Rows
	}
	if n != rows {
		t.Errorf("%s: %d rows added up, want %d", what, n, rows)
	}
	for k, v := range want {
		if got[strings.ToLower(k)] != v {
			t.Errorf("%s: %s = %d cents, want %d", what, k, got[strings.ToLower(k)], v)
		}
	}
	if len(got) != len(want) {
		t.Errorf("%s: %d keys, want %d", what, len(got), len(want))
	}
}
