package report

import (
	"archive/zip"
	"bytes"
	"crypto/sha256"
	"flag"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"sort"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/xuri/excelize/v2"

	"github.com/pcs-tools/pcs/scoring"
)

// The -update flag may be defined by other tests of this package too; it is
// defined here only when nobody has, and read by name.
func init() {
	if flag.Lookup("update") == nil {
		flag.Bool("update", false, "rewrite golden files")
	}
}

func wbUpdate() bool {
	f := flag.Lookup("update")
	return f != nil && f.Value.String() == "true"
}

// wbTool returns an external tool's path. Without it the test fails when CI
// is set (CI installs it) and is skipped otherwise.
func wbTool(t testing.TB, name, pkg string) string {
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

// wbStatusColumns is where the status goes on each fixture sheet: right of
// the data, past a formula column (ACR G) and a note right of the data (ACR I10).
var wbStatusColumns = map[string]string{"Customers": "D", "ACR": "H", "Certifications": "F", "Deployments": "G"}

// wbWrite annotates a fixture into a temporary folder.
func wbWrite(t testing.TB, fixture string, a Annotation) string {
	t.Helper()
	dst := filepath.Join(t.TempDir(), strings.TrimSuffix(fixture, ".xlsx")+".scored.xlsx")
	if err := WriteAnnotated(filepath.Join(wbFixtureDir, fixture), dst, a); err != nil {
		t.Fatalf("WriteAnnotated: %v", err)
	}
	return dst
}

func wbOpen(t testing.TB, path string) *excelize.File {
	t.Helper()
	f, err := excelize.OpenFile(path)
	if err != nil {
		t.Fatalf("open %s: %v", path, err)
	}
	t.Cleanup(func() { f.Close() })
	return f
}

// wbParts returns every part of a workbook, inflated.
func wbParts(t testing.TB, path string) map[string][]byte {
	t.Helper()
	zr, err := zip.OpenReader(path)
	if err != nil {
		t.Fatal(err)
	}
	defer zr.Close()
	out := map[string][]byte{}
	for _, f := range zr.File {
		rc, err := f.Open()
		if err != nil {
			t.Fatal(err)
		}
		b, err := io.ReadAll(rc)
		rc.Close()
		if err != nil {
			t.Fatalf("%s: %v", f.Name, err)
		}
		out[f.Name] = b
	}
	return out
}

// wbCellState is everything excelize sees of one cell.
type wbCellState struct {
	Value, Formula, Link string
	Type                 excelize.CellType
	Style                *excelize.Style
}

func wbCell(t testing.TB, f *excelize.File, sheet, ref string) wbCellState {
	t.Helper()
	var c wbCellState
	var err error
	if c.Value, err = f.GetCellValue(sheet, ref, excelize.Options{RawCellValue: true}); err != nil {
		t.Fatal(err)
	}
	if c.Formula, err = f.GetCellFormula(sheet, ref); err != nil {
		t.Fatal(err)
	}
	if c.Type, err = f.GetCellType(sheet, ref); err != nil {
		t.Fatal(err)
	}
	if ok, target, _ := f.GetCellHyperLink(sheet, ref); ok {
		c.Link = target
	}
	id, err := f.GetCellStyle(sheet, ref)
	if err != nil {
		t.Fatal(err)
	}
	if c.Style, err = f.GetStyle(id); err != nil {
		t.Fatal(err)
	}
	return c
}

// TestAnnotatedKeepsThePartnersWorkbook reopens the annotated workbook and
// compares every cell of every original sheet (value, formula, type, style,
// link) with the input, and everything excelize can see of merges, names,
// validations, comments, conditional formats, hidden sheets, rows and
// columns, panes; the other parts (charts, drawings, comments) must be
// byte for byte the same.
func TestAnnotatedKeepsThePartnersWorkbook(t *testing.T) {
	for _, fx := range wbFixtures {
		t.Run(fx, func(t *testing.T) {
			srcPath := filepath.Join(wbFixtureDir, fx)
			before := wbHash(t, srcPath)
			dstPath := wbWrite(t, fx, wbAnnotation(t, "fy24"))
			if wbHash(t, srcPath) != before {
				t.Fatal("the input workbook changed")
			}
			src, dst := wbOpen(t, srcPath), wbOpen(t, dstPath)
			want := append([]string{ScorecardSheet, DetailsSheet, IssuesSheet}, src.GetSheetList()...)
			if d := cmp.Diff(want, dst.GetSheetList()); d != "" {
				t.Fatalf("sheets (-want +got):\n%s", d)
			}
			for _, sheet := range src.GetSheetList() {
				wbCompareSheet(t, src, dst, sheet)
			}
			wbCompareNames(t, src, dst)
			wbCompareParts(t, srcPath, dstPath)
		})
	}
}

func wbHash(t testing.TB, path string) [32]byte {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return sha256.Sum256(b)
}

func wbCompareSheet(t *testing.T, src, dst *excelize.File, sheet string) {
	t.Helper()
	dim, err := src.GetSheetDimension(sheet)
	if err != nil {
		t.Fatal(err)
	}
	c1, r1, c2, r2, ok := parseRange([]byte(strings.ReplaceAll(dim, "$", "")))
	if !ok {
		t.Fatalf("%s: dimension %q", sheet, dim)
	}
	statusCol := 0
	if c, ok := wbStatusColumns[sheet]; ok {
		statusCol, _ = parseColRef([]byte(c))
	}
	cells := 0
	for r := 1; r <= r2+2; r++ {
		for c := 1; c <= c2+2; c++ {
			ref := cellName(c, r)
			got, want := wbCell(t, dst, sheet, ref), wbCell(t, src, sheet, ref)
			if c == statusCol {
				if want.Value != "" || want.Formula != "" {
					t.Errorf("%s!%s: the status went into a cell holding %q", sheet, ref, want.Value)
				}
				continue
			}
			if d := cmp.Diff(want, got); d != "" {
				t.Errorf("%s!%s changed (-input +output):\n%s", sheet, ref, d)
			}
			if c >= c1 && r >= r1 {
				cells++
			}
		}
		if vis, vis2 := wbRowVisible(t, src, sheet, r), wbRowVisible(t, dst, sheet, r); vis != vis2 {
			t.Errorf("%s row %d visible %v, was %v", sheet, r, vis2, vis)
		}
	}
	if cells == 0 {
		t.Errorf("%s: no cell compared", sheet)
	}
	for c := 1; c <= c2+1; c++ {
		if c == statusCol {
			continue
		}
		w1, _ := src.GetColWidth(sheet, colName(c))
		w2, _ := dst.GetColWidth(sheet, colName(c))
		if w1 != w2 {
			t.Errorf("%s column %s width %v, was %v", sheet, colName(c), w2, w1)
		}
	}
	same := func(what string, get func(*excelize.File) (any, error)) {
		a, err1 := get(src)
		b, err2 := get(dst)
		if err1 != nil || err2 != nil {
			t.Fatalf("%s %s: %v %v", sheet, what, err1, err2)
		}
		if d := cmp.Diff(a, b); d != "" {
			t.Errorf("%s: %s changed (-input +output):\n%s", sheet, what, d)
		}
	}
	same("visibility", func(f *excelize.File) (any, error) { return f.GetSheetVisible(sheet) })
	same("merged cells", func(f *excelize.File) (any, error) {
		m, err := f.GetMergeCells(sheet)
		var out [][2]string
		for _, x := range m {
			out = append(out, [2]string{x.GetStartAxis() + ":" + x.GetEndAxis(), x.GetCellValue()})
		}
		return out, err
	})
	same("data validations", func(f *excelize.File) (any, error) { return f.GetDataValidations(sheet) })
	same("comments", func(f *excelize.File) (any, error) { return f.GetComments(sheet) })
	same("panes", func(f *excelize.File) (any, error) { return f.GetPanes(sheet) })
	same("page layout", func(f *excelize.File) (any, error) { return f.GetPageLayout(sheet) })
	// The partner's conditional formats are all kept; ours come on top.
	cf1, err := src.GetConditionalFormats(sheet)
	if err != nil {
		t.Fatal(err)
	}
	cf2, err := dst.GetConditionalFormats(sheet)
	if err != nil {
		t.Fatal(err)
	}
	for ref, rules := range cf1 {
		if d := cmp.Diff(rules, cf2[ref]); d != "" {
			t.Errorf("%s: conditional format %s changed (-input +output):\n%s", sheet, ref, d)
		}
	}
}

func wbRowVisible(t testing.TB, f *excelize.File, sheet string, row int) bool {
	t.Helper()
	v, err := f.GetRowVisible(sheet, row)
	if err != nil {
		t.Fatal(err)
	}
	return v
}

// wbCompareNames checks that every defined name is kept, on the same sheet.
func wbCompareNames(t *testing.T, src, dst *excelize.File) {
	t.Helper()
	key := func(d excelize.DefinedName) string { return d.Name + "|" + d.Scope + "|" + d.RefersTo }
	var a, b []string
	for _, d := range src.GetDefinedName() {
		if !isPCSSheet(d.Scope) {
			a = append(a, key(d))
		}
	}
	for _, d := range dst.GetDefinedName() {
		if !isPCSSheet(d.Scope) {
			b = append(b, key(d))
		}
	}
	sort.Strings(a)
	sort.Strings(b)
	if len(a) == 0 {
		t.Fatal("the fixture has no defined names")
	}
	if d := cmp.Diff(a, b); d != "" {
		t.Errorf("defined names (-input +output):\n%s", d)
	}
}

// wbCompareParts checks that the parts no annotation needs to touch are the
// same bytes: charts, drawings, comments, the sheets without a status.
func wbCompareParts(t *testing.T, srcPath, dstPath string) {
	t.Helper()
	src, dst := wbParts(t, srcPath), wbParts(t, dstPath)
	pkg, err := openPackage(srcPath)
	if err != nil {
		t.Fatal(err)
	}
	defer pkg.Close()
	// excelize writes again the package's relationships, the workbook, its
	// relationships, styles and theme, and the content types.
	rewritten := map[string]bool{"[Content_Types].xml": true, "_rels/.rels": true, "xl/workbook.xml": true,
		"xl/_rels/workbook.xml.rels": true, "xl/styles.xml": true, "xl/theme/theme1.xml": true}
	for _, s := range pkg.sheets {
		if _, ok := wbStatusColumns[s.name]; ok || s.name == "Partner" {
			rewritten[s.part] = true
		}
	}
	same := 0
	for name, b := range src {
		if rewritten[name] {
			continue
		}
		got, ok := dst[name]
		if !ok {
			t.Errorf("part %s is missing", name)
			continue
		}
		if !bytes.Equal(b, got) {
			t.Errorf("part %s changed", name)
		}
		same++
	}
	if same < 5 {
		t.Errorf("only %d parts compared", same)
	}
}

// TestAnnotatedStatusColumn checks the status written on each kind of row,
// where it goes, and the conditional formats that colour the rows.
func TestAnnotatedStatusColumn(t *testing.T) {
	for _, fx := range wbFixtures {
		t.Run(fx, func(t *testing.T) {
			f := wbOpen(t, wbWrite(t, fx, wbAnnotation(t, "fy24")))
			cases := []struct{ cell, want string }{
				{"ACR!H3", "PCS status"},
				{"ACR!H4", "counted: all designations"},
				{"ACR!H20", `error in D20: "n/a" is not an amount; the row was left out`},
				{"ACR!H47", "counted: all designations"},
				{"ACR!H48", `not counted: attribution "Referral" is not PAL, DPOR, CSP`},
				{"ACR!H49", `path only: solution area "Security" is no designation; warning in F49: solution area "Security" names no designation`},
				{"ACR!H50", "counted: Infrastructure only"},
				{"ACR!I10", "checked by AB"},
				{"Customers!D1", "PCS status"},
				{"Customers!D2", "counted: +1 net add for Data & AI; +1 net add for Digital & App Innovation; +1 net add for Infrastructure"},
				{"Customers!D6", "no net add effect"},
				{"Certifications!F1", "PCS status"},
				{"Certifications!F2", "counted: Data & AI intermediate (prerequisite); Digital & App Innovation intermediate (prerequisite); Infrastructure intermediate (prerequisite)"},
				{"Certifications!F5", "not counted: expired 2024-03-31"},
				{"Certifications!F8", "not counted: not a certification the fy24 rules count"},
				{"Certifications!F9", "not counted: not associated"},
				{"Deployments!G1", "PCS status"},
				{"Deployments!G4", "counted: Digital & App Innovation, Infrastructure"},
				{"Deployments!G3", "not counted: "},
				{"Deployments!G7", "not counted: deployed 2022-12-01, outside the last 12 months (Jun 2023 to May 2024)"},
			}
			for _, c := range cases {
				sheet, ref, _ := strings.Cut(c.cell, "!")
				got, err := f.GetCellValue(sheet, ref)
				if err != nil {
					t.Fatal(err)
				}
				if !strings.HasPrefix(got, c.want) {
					t.Errorf("%s = %q, want it to start with %q", c.cell, got, c.want)
				}
			}
			cf, err := f.GetConditionalFormats("ACR")
			if err != nil {
				t.Fatal(err)
			}
			var formulas []string
			for ref, rules := range cf {
				for _, r := range rules {
					if r.Type == "formula" || r.Type == "expression" {
						formulas = append(formulas, ref+" "+r.Criteria)
					}
				}
			}
			sort.Strings(formulas)
			want := []string{
				`A4:H50 LEFT($H4,5)="error"`,
				`A4:H50 OR(LEFT($H4,11)="not counted",LEFT($H4,9)="path only")`,
				`D20 ISTEXT("pcs: data error")`,
				`F49 ISTEXT("pcs: data warning")`,
			}
			if d := cmp.Diff(want, formulas); d != "" {
				t.Errorf("conditional formats of ACR (-want +got):\n%s", d)
			}
		})
	}
}

// TestRowFillMatchesCounted checks that the row fill's formula picks out
// exactly the rows that did not count, in both editions.
func TestRowFillMatchesCounted(t *testing.T) {
	for _, ed := range []string{"fy24", "fy26"} {
		a := wbAnnotation(t, ed)
		notes := collectNotes(a.Result, a.Issues, map[string]int{"acr": 3, "customers": 1, "certifications": 1, "deployments": 1}, nil)
		n := 0
		for sheet, sn := range notes {
			for row, note := range sn.rows {
				filled := hasNotCountedPrefix(note.text)
				failed := strings.HasPrefix(note.text, errorPrefix)
				if filled != (note.kind == statusNotCounted) || failed != (note.kind == statusError) {
					t.Errorf("%s %s row %d: %q is kind %d", ed, sheet, row, note.text, note.kind)
				}
				n++
			}
		}
		if n < 60 {
			t.Errorf("%s: only %d statuses", ed, n)
		}
	}
}

// TestAnnotatedSheetOrder checks that the scorecard comes first and is the
// only sheet selected when the workbook opens.
func TestAnnotatedSheetOrder(t *testing.T) {
	for _, fx := range wbFixtures {
		dst := wbWrite(t, fx, wbAnnotation(t, "fy24"))
		f := wbOpen(t, dst)
		if got := f.GetSheetName(f.GetActiveSheetIndex()); got != ScorecardSheet {
			t.Errorf("%s: active sheet %q", fx, got)
		}
		selected := regexp.MustCompile(`<(\w+:)?sheetView\b[^>]*tabSelected="(1|true)"`)
		n := 0
		for name, b := range wbParts(t, dst) {
			if strings.HasPrefix(name, "xl/worksheets/sheet") && selected.Match(b) {
				n++
			}
		}
		if n != 1 {
			t.Errorf("%s: %d sheets selected, want 1 (several selected sheets open grouped)", fx, n)
		}
	}
}

// TestAnnotatedTextStaysText checks that the PCS sheets hold no formula and
// that names that look like formulas, phone numbers or markup are written
// as the text they are.
func TestAnnotatedTextStaysText(t *testing.T) {
	dst := wbWrite(t, wbFixtures[0], wbAnnotation(t, "fy24"))
	f := wbOpen(t, dst)
	for name, b := range wbParts(t, dst) {
		if !strings.HasPrefix(name, "xl/worksheets/sheet") {
			continue
		}
		if bytes.Contains(b, []byte("<f>")) && !bytes.Contains(b, []byte("<f>D")) && !bytes.Contains(b, []byte("<f>SUM")) {
			t.Errorf("%s holds a formula that is not the partner's", name)
		}
	}
	found := map[string]bool{}
	names := []string{`=HYPERLINK("http://example.com","click me")`, "+1-555-0100 Plumbing", "Northwind <b>Traders</b> & Co", "株式会社サンプル"}
	for _, sheet := range []string{ScorecardSheet, DetailsSheet, IssuesSheet} {
		rows, err := f.GetRows(sheet)
		if err != nil {
			t.Fatal(err)
		}
		for r, row := range rows {
			for c, v := range row {
				ref := cellName(c+1, r+1)
				if fm, _ := f.GetCellFormula(sheet, ref); fm != "" {
					t.Errorf("%s!%s holds the formula %q", sheet, ref, fm)
				}
				for _, n := range names {
					if v == n {
						found[n] = true
						if typ, _ := f.GetCellType(sheet, ref); typ != excelize.CellTypeInlineString {
							t.Errorf("%s!%s = %q is of type %v", sheet, ref, v, typ)
						}
					}
				}
			}
		}
	}
	for _, n := range names {
		if !found[n] {
			t.Errorf("%q is not on the PCS sheets as text", n)
		}
	}
	// The issue message holding a formula stays text too.
	if !strings.Contains(wbSheetText(t, f, IssuesSheet), `: =HYPERLINK("http://x","y") is not Yes or No`) {
		t.Error("the issue text was not kept as text")
	}
}

// TestAnnotatedTwiceReplaces scores an annotated workbook again: the PCS
// sheets, status columns and conditional formats are replaced, not added,
// and the partner's sheets come out as the first run wrote them.
func TestAnnotatedTwiceReplaces(t *testing.T) {
	for _, fx := range wbFixtures {
		for _, reuse := range []bool{false, true} {
			t.Run(fmt.Sprintf("%s/reader-knows-status=%v", fx, reuse), func(t *testing.T) {
				a := wbAnnotation(t, "fy24")
				first := wbWrite(t, fx, a)
				if reuse {
					for i := range a.Sheets {
						if c, ok := wbStatusColumns[a.Sheets[i].Name]; ok {
							a.Sheets[i].StatusColumn, _ = parseColRef([]byte(c))
						}
					}
				}
				second := filepath.Join(t.TempDir(), "again.xlsx")
				if err := WriteAnnotated(first, second, a); err != nil {
					t.Fatal(err)
				}
				third := filepath.Join(t.TempDir(), "again-and-again.xlsx")
				if err := WriteAnnotated(second, third, a); err != nil {
					t.Fatal(err)
				}
				p1, p2, p3 := wbParts(t, first), wbParts(t, second), wbParts(t, third)
				if len(p1) != len(p2) || len(p2) != len(p3) {
					t.Errorf("parts: %d, then %d, then %d", len(p1), len(p2), len(p3))
				}
				for name, b := range p1 {
					if strings.HasPrefix(name, "xl/worksheets/") || strings.HasPrefix(name, "xl/charts/") || strings.HasPrefix(name, "xl/drawings/") {
						if !bytes.Equal(b, p2[name]) || !bytes.Equal(b, p3[name]) {
							t.Errorf("%s differs after scoring again", name)
						}
					}
				}
				f1, f3 := wbOpen(t, first), wbOpen(t, third)
				if d := cmp.Diff(f1.GetSheetList(), f3.GetSheetList()); d != "" {
					t.Errorf("sheets (-first +third):\n%s", d)
				}
				wbCompareNames(t, f1, f3)
			})
		}
	}
}

// TestAnnotatedIsDeterministic writes the same workbook twice.
func TestAnnotatedIsDeterministic(t *testing.T) {
	for _, fx := range wbFixtures {
		a, b := wbWrite(t, fx, wbAnnotation(t, "fy24")), wbWrite(t, fx, wbAnnotation(t, "fy24"))
		if wbHash(t, a) != wbHash(t, b) {
			t.Errorf("%s: two runs wrote different bytes", fx)
		}
	}
}

// TestAnnotatedLargeSheetUntouched checks a sheet over the row limit: it is
// copied as it is, and its rows that did not count are listed on PCS Details.
func TestAnnotatedLargeSheetUntouched(t *testing.T) {
	a := wbAnnotation(t, "fy24")
	for i := range a.Sheets {
		if a.Sheets[i].Name == "ACR" {
			a.Sheets[i].LastRow = AnnotateRowLimit + 1
		}
	}
	fx := wbFixtures[0]
	dst := wbWrite(t, fx, a)
	src, out := wbParts(t, filepath.Join(wbFixtureDir, fx)), wbParts(t, dst)
	if !bytes.Equal(src["xl/worksheets/sheet3.xml"], out["xl/worksheets/sheet3.xml"]) {
		t.Error("the ACR sheet over the row limit was changed")
	}
	f := wbOpen(t, dst)
	text := wbSheetText(t, f, ScorecardSheet)
	if !strings.Contains(text, "ACR: it has 100,001 rows, more than the 100,000 annotated in place; its rows that did not count are listed on PCS Details instead.") {
		t.Errorf("the scorecard does not say the ACR sheet was not annotated:\n%s", text)
	}
	details := wbSheetText(t, f, DetailsSheet)
	for _, want := range []string{"ACR: rows that did not count", `not counted: attribution "Referral" is not PAL, DPOR, CSP`, "ACR row 48",
		"44 rows counted; 3 rows did not count or had errors"} {
		if !strings.Contains(details, want) {
			t.Errorf("PCS Details lacks %q", want)
		}
	}
}

// wbSheetText returns a sheet's cells, one "A1: value" a line.
func wbSheetText(t testing.TB, f *excelize.File, sheet string) string {
	t.Helper()
	rows, err := f.GetRows(sheet)
	if err != nil {
		t.Fatal(err)
	}
	var b strings.Builder
	for r, row := range rows {
		for c, v := range row {
			if v != "" {
				fmt.Fprintf(&b, "%s: %s\n", cellName(c+1, r+1), v)
			}
		}
	}
	return b.String()
}

// TestAnnotatedGolden compares the PCS sheets' text with golden files
// (go test ./report -run TestAnnotatedGolden -update rewrites them).
func TestAnnotatedGolden(t *testing.T) {
	for _, ed := range []string{"fy24", "fy26"} {
		t.Run(ed, func(t *testing.T) {
			f := wbOpen(t, wbWrite(t, wbFixtures[0], wbAnnotation(t, ed)))
			var b strings.Builder
			for _, sheet := range []string{ScorecardSheet, DetailsSheet, IssuesSheet} {
				fmt.Fprintf(&b, "== %s\n%s", sheet, wbSheetText(t, f, sheet))
			}
			path := filepath.Join(wbFixtureDir, "golden-"+ed+".txt")
			if wbUpdate() {
				if err := os.WriteFile(path, []byte(b.String()), 0o644); err != nil {
					t.Fatal(err)
				}
			}
			want, err := os.ReadFile(path)
			if err != nil {
				t.Fatalf("%v (run go test ./report -run TestAnnotatedGolden -update)", err)
			}
			if d := cmp.Diff(string(want), b.String()); d != "" {
				t.Errorf("PCS sheets differ from %s (-want +got):\n%s", path, d)
			}
		})
	}
}

// TestAnnotatedRefusals checks the errors of WriteAnnotated: each names the
// problem, and nothing is left behind.
func TestAnnotatedRefusals(t *testing.T) {
	dir := t.TempDir()
	notXLSX := filepath.Join(dir, "notes.xlsx")
	if err := os.WriteFile(notXLSX, []byte("Customer,ACR\nC1,100\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	src := filepath.Join(wbFixtureDir, wbFixtures[0])
	same := filepath.Join(dir, "same.xlsx")
	b, _ := os.ReadFile(src)
	if err := os.WriteFile(same, b, 0o644); err != nil {
		t.Fatal(err)
	}
	a := wbAnnotation(t, "fy24")
	cases := []struct {
		name, src, dst string
		a              Annotation
		want           string
	}{
		{"no result", src, filepath.Join(dir, "out1.xlsx"), Annotation{}, "no score"},
		{"missing input", filepath.Join(dir, "missing.xlsx"), filepath.Join(dir, "out2.xlsx"), a, "not an .xlsx file"},
		{"not a workbook", notXLSX, filepath.Join(dir, "out3.xlsx"), a, "not an .xlsx file, or the file is damaged"},
		{"missing folder", src, filepath.Join(dir, "nope", "out.xlsx"), a, "cannot write in"},
		{"output is the input", same, same, a, "would replace the input"},
	}
	for _, c := range cases {
		err := WriteAnnotated(c.src, c.dst, c.a)
		if err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("%s: error %v, want %q", c.name, err, c.want)
		}
	}
	entries, _ := os.ReadDir(dir)
	var names []string
	for _, e := range entries {
		names = append(names, e.Name())
	}
	if d := cmp.Diff([]string{"notes.xlsx", "same.xlsx"}, names); d != "" {
		t.Errorf("files left behind (-want +got):\n%s", d)
	}
	if got, _ := os.ReadFile(same); !bytes.Equal(got, b) {
		t.Error("the input was changed")
	}
}

// TestAnnotatedOpensInOpenpyxl loads the annotated workbooks with openpyxl,
// an independent reader, and checks what it sees.
func TestAnnotatedOpensInOpenpyxl(t *testing.T) {
	py := wbPython(t)
	for _, fx := range wbFixtures {
		dst := wbWrite(t, fx, wbAnnotation(t, "fy24"))
		out, err := exec.Command(py, "-c", wbOpenpyxlCheck, dst).CombinedOutput()
		if err != nil {
			t.Fatalf("%s: openpyxl: %v\n%s", fx, err, out)
		}
		lines := strings.Split(strings.TrimSpace(string(out)), "\n")
		got := lines[len(lines)-1]
		want := "sheets=PCS Scorecard,PCS Details,PCS Issues,Partner,Customers,ACR,Certifications,Deployments,Notes,Lists" +
			" active=PCS Scorecard hidden=Lists charts=3+1 validations=1,1 comments=B3,B5 links=mailto:ann@contoso.example" +
			" status=PCS status|counted: all designations name=" + `=HYPERLINK("http://example.com","click me")` + " merged=A1:G1 names=TotalACR"
		if got != want {
			t.Errorf("%s: openpyxl saw\n%s\nwant\n%s", fx, got, want)
		}
	}
}

// wbOpenpyxlCheck prints, on its last line, what openpyxl reads of an annotated fixture.
const wbOpenpyxlCheck = `
import sys, warnings
warnings.simplefilter("ignore")
import openpyxl
wb = openpyxl.load_workbook(sys.argv[1])
acr, cu, ce, pa = wb["ACR"], wb["Customers"], wb["Certifications"], wb["Partner"]
print("sheets=" + ",".join(wb.sheetnames),
      "active=" + wb.active.title,
      "hidden=" + ",".join(ws.title for ws in wb.worksheets if ws.sheet_state != "visible"),
      "charts=%d+%d" % (len(wb["PCS Scorecard"]._charts), len(wb["Notes"]._charts)),
      "validations=%d,%d" % (len(pa.data_validations.dataValidation), len(cu.data_validations.dataValidation)),
      "comments=" + ",".join(c.coordinate for ws in (pa, ce) for row in ws.iter_rows() for c in row if c.comment),
      "links=" + ",".join(c.hyperlink.target for row in ce.iter_rows() for c in row if c.hyperlink and c.hyperlink.target),
      "status=%s|%s" % (acr["H3"].value, acr["H4"].value),
      "name=" + str(cu["B3"].value),
      "merged=" + ",".join(str(m) for m in acr.merged_cells.ranges),
      "names=" + ",".join(n.name for n in wb.defined_names.definedName))
`

// wbPython returns Debian's Python, which has openpyxl.
func wbPython(t testing.TB) string {
	t.Helper()
	for _, dir := range []string{"/usr/bin", "/bin"} {
		py := filepath.Join(dir, "python3")
		if _, err := os.Stat(py); err != nil {
			continue
		}
		if exec.Command(py, "-c", "import openpyxl").Run() == nil {
			return py
		}
	}
	if os.Getenv("CI") != "" {
		t.Fatal("python3-openpyxl is not installed (apt-get install python3-openpyxl); CI must run this test")
	}
	t.Skip("python3-openpyxl is not installed (apt-get install python3-openpyxl)")
	return ""
}

// TestAnnotatedOpensInLibreOffice converts the annotated workbooks to PDF
// and back to xlsx with LibreOffice: both must succeed, the PDF must show
// the scorecard, and LibreOffice must have read the status column.
func TestAnnotatedOpensInLibreOffice(t *testing.T) {
	soffice := wbTool(t, "soffice", "libreoffice-calc-nogui")
	pdftotext := wbTool(t, "pdftotext", "poppler-utils")
	dir := t.TempDir()
	var inputs []string
	for _, fx := range wbFixtures {
		dst := filepath.Join(dir, strings.TrimSuffix(fx, ".xlsx")+"-scored.xlsx")
		if err := WriteAnnotated(filepath.Join(wbFixtureDir, fx), dst, wbAnnotation(t, "fy24")); err != nil {
			t.Fatal(err)
		}
		inputs = append(inputs, dst)
	}
	for _, format := range []string{"pdf", "xlsx"} {
		outDir := filepath.Join(dir, format)
		args := append([]string{"--headless", "-env:UserInstallation=file://" + filepath.Join(dir, "profile"),
			"--convert-to", format, "--outdir", outDir}, inputs...)
		if out, err := exec.Command(soffice, args...).CombinedOutput(); err != nil {
			t.Fatalf("soffice --convert-to %s: %v\n%s", format, err, out)
		}
		for _, in := range inputs {
			conv := filepath.Join(outDir, strings.TrimSuffix(filepath.Base(in), ".xlsx")+"."+format)
			if _, err := os.Stat(conv); err != nil {
				t.Fatalf("LibreOffice wrote no %s for %s", format, filepath.Base(in))
			}
			switch format {
			case "pdf":
				text, err := exec.Command(pdftotext, conv, "-").Output()
				if err != nil {
					t.Fatal(err)
				}
				for _, want := range []string{"Partner capability score: Contoso Ltd", "Route to 70 points", "PCS status", "Data issues in partner.xlsx"} {
					if !bytes.Contains(text, []byte(want)) {
						t.Errorf("%s: the PDF lacks %q", filepath.Base(conv), want)
					}
				}
			case "xlsx":
				f := wbOpen(t, conv)
				if got, _ := f.GetCellValue("ACR", "H48"); !strings.HasPrefix(got, "not counted") {
					t.Errorf("%s: LibreOffice read ACR!H48 as %q", filepath.Base(conv), got)
				}
				if got := f.GetSheetList(); !slices.Equal(got[:3], []string{ScorecardSheet, DetailsSheet, IssuesSheet}) {
					t.Errorf("%s: LibreOffice read the sheets %v", filepath.Base(conv), got)
				}
			}
		}
	}
}

var _ = scoring.SeverityError

// TestNotesOfALargeSheet checks what is kept of a sheet too large to
// annotate: the rows that did not count, up to the limit, and counts.
func TestNotesOfALargeSheet(t *testing.T) {
	res := &scoring.Result{}
	for r := 2; r < 2+2*maxListedRows+1000; r++ { // 5,500 rows that did not count, 5,500 that did
		text := "counted: all designations"
		if r%2 == 0 {
			text = `attribution "Referral" is not PAL, DPOR, CSP`
		}
		res.Rows = append(res.Rows, scoring.RowStatus{Sheet: "ACR", Row: r, Counted: r%2 != 0, Text: text})
		if r == 10 {
			res.Rows = append(res.Rows, scoring.RowStatus{Sheet: "ACR", Row: r, Counted: true, Text: "counted: Infrastructure only"})
		}
	}
	issues := []scoring.Issue{{Severity: scoring.SeverityError, Sheet: "ACR", Cell: "D3", Message: "bad amount"}}
	n := collectNotes(res, issues, map[string]int{"acr": 1}, map[string]bool{"acr": true})["acr"]
	// Row 10 counted for one designation; row 3 is listed for its error.
	if n.counted != 5501 || n.unlisted != 5499-maxListedRows || len(n.rows) != maxListedRows+1 {
		t.Errorf("counted %d, unlisted %d, listed %d", n.counted, n.unlisted, len(n.rows))
	}
	if got := n.rows[4].text; got != `not counted: attribution "Referral" is not PAL, DPOR, CSP` {
		t.Errorf("row 4: %q", got)
	}
	if _, ok := n.rows[10]; ok {
		t.Error("row 10 counted for Infrastructure but is listed")
	}
	if got := n.rows[3].text; got != `error in D3: bad amount; the row was left out` {
		t.Errorf("row 3: %q", got)
	}
}

// wbSmallWorkbook writes a workbook with Partner, ACR and Notes sheets (one
// ACR row), with the named sheet active; date1904 picks the date system.
func wbSmallWorkbook(t testing.TB, dir, active string, date1904 bool) (string, Annotation) {
	t.Helper()
	f := excelize.NewFile()
	defer f.Close()
	must := func(err error) {
		if err != nil {
			t.Fatal(err)
		}
	}
	must(f.SetSheetName("Sheet1", "Partner"))
	must(f.SetSheetRow("Partner", "A1", &[]any{"Field", "Value"}))
	must(f.SetSheetRow("Partner", "A2", &[]any{"Partner name", "Contoso Ltd"}))
	for _, s := range []string{"ACR", "Notes"} {
		if _, err := f.NewSheet(s); err != nil {
			t.Fatal(err)
		}
	}
	must(f.SetSheetRow("ACR", "A1", &[]any{"Customer ID", "Month", "ACR (USD)", "Attribution"}))
	must(f.SetSheetRow("ACR", "A2", &[]any{"C1", "2024-05", 1250.5, "PAL"}))
	must(f.SetCellValue("Notes", "A1", "notes"))
	if date1904 {
		must(f.SetWorkbookProps(&excelize.WorkbookPropsOptions{Date1904: &date1904}))
	}
	idx, err := f.GetSheetIndex(active)
	must(err)
	f.SetActiveSheet(idx)
	src := filepath.Join(dir, "small-"+active+".xlsx")
	must(f.SaveAs(src))
	may, _ := scoring.ParseMonth("2024-05")
	in := &scoring.Input{Partner: scoring.Partner{Name: "Contoso Ltd", AsOf: may, Sheet: "Partner"}, ACRAttribution: true,
		ACR: []scoring.ACRRow{{Customer: "C1", Month: may, Amount: 125050, Attribution: "PAL", Rows: 1, Source: scoring.Ref{Sheet: "ACR", Row: 2}}}}
	rs, _ := scoring.Embedded("fy24")
	res, err := scoring.Score(in, rs, scoring.Options{})
	must(err)
	return src, Annotation{Input: in, Result: res, Source: filepath.Base(src), Sheets: []SheetLayout{
		{Name: "Partner", Role: "partner", HeaderRow: 1, LastColumn: 2, LastRow: 2},
		{Name: "ACR", Role: "acr", HeaderRow: 1, LastColumn: 4, LastRow: 2},
	}}
}

// TestAnnotatedSelectedSheets checks which sheet is selected when the
// workbook opens: the scorecard, unless the partner's selected sheet is one
// left untouched (then that one stays selected, and only it).
func TestAnnotatedSelectedSheets(t *testing.T) {
	dir := t.TempDir()
	selected := regexp.MustCompile(`<sheetView\b[^>]*tabSelected="(1|true)"`)
	cases := []struct {
		active, want string
		large        bool
	}{
		{"Notes", ScorecardSheet, false},
		{"Partner", ScorecardSheet, false},
		{"ACR", ScorecardSheet, false},
		{"ACR", "ACR", true},
	}
	for _, c := range cases {
		src, a := wbSmallWorkbook(t, dir, c.active, false)
		if c.large {
			a.Sheets[1].LastRow = AnnotateRowLimit + 1
		}
		dst := filepath.Join(dir, fmt.Sprintf("out-%s-%v.xlsx", c.active, c.large))
		if err := WriteAnnotated(src, dst, a); err != nil {
			t.Fatal(err)
		}
		f := wbOpen(t, dst)
		if got := f.GetSheetName(f.GetActiveSheetIndex()); got != c.want {
			t.Errorf("%s active, large %v: %s is active, want %s", c.active, c.large, got, c.want)
		}
		n := 0
		for name, b := range wbParts(t, dst) {
			if strings.HasPrefix(name, "xl/worksheets/") && selected.Match(b) {
				n++
			}
		}
		if n != 1 {
			t.Errorf("%s active, large %v: %d sheets selected", c.active, c.large, n)
		}
		if c.large && !bytes.Equal(wbParts(t, src)["xl/worksheets/sheet2.xml"], wbParts(t, dst)["xl/worksheets/sheet2.xml"]) {
			t.Error("the large ACR sheet was changed")
		}
	}
}

// TestAnnotated1904Dates checks months and dates in a workbook that counts
// days from 1904 (old Mac Excel).
func TestAnnotated1904Dates(t *testing.T) {
	dir := t.TempDir()
	for _, d1904 := range []bool{false, true} {
		src, a := wbSmallWorkbook(t, dir, "Partner", d1904)
		dst := filepath.Join(dir, fmt.Sprintf("out-%v.xlsx", d1904))
		if err := WriteAnnotated(src, dst, a); err != nil {
			t.Fatal(err)
		}
		f := wbOpen(t, dst)
		rows, _ := f.GetRows(ScorecardSheet)
		asOf := ""
		for _, r := range rows {
			if len(r) > 1 && r[0] == "As of" {
				asOf = r[1]
			}
		}
		if asOf != "2024-05" {
			t.Errorf("date1904 %v: the as-of month reads %q", d1904, asOf)
		}
		text := wbSheetText(t, f, DetailsSheet)
		if !strings.Contains(text, ": 2024-05\n") || !strings.Contains(text, ": 2023-05\n") {
			t.Errorf("date1904 %v: the usage growth months are wrong:\n%s", d1904, text)
		}
	}
}
