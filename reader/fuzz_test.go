package reader

import (
	"archive/zip"
	"bytes"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/pcs-tools/pcs/scoring"
)

// Fuzz targets: go test ./reader -run '^$' -fuzz FuzzCells -fuzztime 1m -fuzzminimizetime 2s

func FuzzAmount(f *testing.F) {
	for _, s := range []string{"1,234.50", "$1,234.50", "USD 1234.5", "(120.00)", "-$5", "1\u00a0234", "n/a", "1e3", "(($5))", "USDUSD1"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		plain, ok := cleanAmount(s)
		if !ok {
			return
		}
		if strings.ContainsAny(plain, ",$ ()") {
			t.Fatalf("cleanAmount(%q) = %q keeps separators", s, plain)
		}
		c, err := scoring.ParseCents(plain)
		if err != nil && !errors.Is(err, scoring.ErrAmountRange) {
			t.Fatalf("cleanAmount(%q) = %q, which ParseCents refuses: %v", s, plain, err)
		}
		if err == nil && strings.HasPrefix(plain, "-") != (c < 0) && c != 0 {
			t.Fatalf("sign lost: %q -> %q -> %v", s, plain, c)
		}
	})
}

// FuzzNumberCents checks the fast way numbers become cents against the
// long way (Excel's 15 digits, then scoring.ParseCents).
func FuzzNumberCents(f *testing.F) {
	for _, s := range []string{"1234.5", "-20.25", "1.0049999999999999", "0.1", "1E3", "99999999999.99", "100000000000", ".5", "5.", "-0"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		b := []byte(s)
		fast, ok := plainCents(b)
		if !ok || !isNumber(b) {
			return
		}
		slow, err := scoring.ParseCents(excelDecimal(b))
		if err != nil || slow != fast {
			t.Fatalf("plainCents(%q) = %v, the long way %v, %v", s, fast, slow, err)
		}
	})
}

func FuzzTextDate(f *testing.F) {
	for _, s := range []string{"2024-05", "2024-05-31", "May 2024", "September 2024", "May-24", "Jan-24", "05/2024",
		"03/04/2024", "25/04/2024", "31 May 2024", "May 31, 2024", "2024-05-31T00:00:00Z", "Friday, May 31, 2024"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		td := parseTextDate(s)
		switch td.form {
		case formFixed:
			if td.d == 0 || !validDate(td.y, td.m, td.d) {
				return
			}
			// A real date comes back the same when written in ISO form.
			iso := fmt.Sprintf("%04d-%02d-%02d", td.y, td.m, td.d)
			if back := parseTextDate(iso); back != (textDate{form: formFixed, y: td.y, m: td.m, d: td.d}) {
				t.Fatalf("%q -> %s -> %+v", s, iso, back)
			}
		case formAB:
			dmy, known := td.settles()
			if known && td.ambiguous() {
				t.Fatalf("%q both settles (%v) and is ambiguous", s, dmy)
			}
		}
	})
}

func FuzzShare(f *testing.F) {
	for _, s := range []string{"86%", "0.86", "86", "1", "100%", "120%", "-5%", "lots", "86 %", "1e2"} {
		f.Add(s, false)
	}
	f.Fuzz(func(t *testing.T, s string, number bool) {
		v := value{kind: vText, text: strings.TrimSpace(s), sst: -1}
		if number {
			if !isNumber([]byte(s)) {
				return
			}
			v = value{kind: vNumber, num: []byte(s), sst: -1}
		}
		sp := &sheetPass{issues: &issueList{}}
		r := &cellRow{sp: sp, num: 1}
		sh, ok := r.share(v, 1)
		if ok && (sh < 0 || sh > 100*scoring.SharePercent) {
			t.Fatalf("share(%q) = %v, outside 0-100%%", s, sh)
		}
		if ok == r.bad {
			t.Fatalf("share(%q): ok %v but bad %v", s, ok, r.bad)
		}
	})
}

// scanAll reads every row of a sheet's XML, with or without the fast path.
func scanAll(data []byte, sst []string, slow bool, maxCol int) (string, error) {
	sc := newRowScanner(newTok(bytes.NewReader(data), 64), sst)
	sc.slow, sc.maxCol = slow, maxCol
	var b strings.Builder
	for sc.next() {
		fmt.Fprintf(&b, "row %d:", sc.num)
		for _, c := range sc.cells {
			fmt.Fprintf(&b, " %d/%d/%d/%v/%q/%d", c.col, c.typ, c.style, c.formula, c.raw(), c.sst)
		}
		b.WriteByte('\n')
	}
	return b.String(), sc.err
}

// FuzzCells runs the row scanner over arbitrary sheet XML, with a tiny
// buffer so that tags and text are cut at every place: the fast path must
// give exactly what the tokenizer gives, and neither may panic.
func FuzzCells(f *testing.F) {
	paths, _ := filepath.Glob(filepath.Join("testdata", "*.xlsx"))
	for _, p := range paths {
		zr, err := zip.OpenReader(p)
		if err != nil {
			continue
		}
		for _, zf := range zr.File {
			if strings.HasPrefix(zf.Name, "xl/worksheets/") && zf.UncompressedSize64 < 8<<10 {
				rc, _ := zf.Open()
				data, _ := io.ReadAll(rc)
				rc.Close()
				f.Add(data)
			}
		}
		zr.Close()
	}
	f.Add([]byte(`<worksheet><sheetData><row><c t="inlineStr"><is><r><t>a</t></r><rPh><t>x</t></rPh><t>b</t></is></c><c r="C1"><f>A1</f></c></row></sheetData></worksheet>`))
	f.Add([]byte(`<x:worksheet xmlns:x="m"><x:sheetData><x:row r="3"><x:c r="B3" t="s"><x:v> 1 </x:v></x:c></x:row></x:sheetData></x:worksheet>`))
	f.Add([]byte(`<worksheet><sheetData><row r="2"><c r="A2" t="inlineStr"><is><t>a&amp;b_x0041_</t></is></c><c r="B2" t="inlineStr"><is><t>a&amp;b_x0041_</t></is></c><c t="inlineStr"><is><t></t></is></c></row></sheetData></worksheet>`))
	sst := []string{"zero", "one", "two"}
	f.Fuzz(func(t *testing.T, data []byte) {
		for _, maxCol := range []int{0, 2} {
			fast, ferr := scanAll(data, sst, false, maxCol)
			slow, serr := scanAll(data, sst, true, maxCol)
			// Both must fail or neither; the first problem found may differ,
			// as the fast path reads a whole row ahead.
			if (ferr == nil) != (serr == nil) {
				t.Fatalf("maxCol %d: fast error %v, tokenizer error %v", maxCol, ferr, serr)
			}
			if serr == nil && fast != slow {
				t.Fatalf("maxCol %d: fast path\n%s\ntokenizer\n%s", maxCol, fast, slow)
			}
		}
	})
}

// FuzzRead opens arbitrary bytes as a workbook: Read must return a
// workbook or a *FileError, never panic, and write messages free of Go
// internals.
func FuzzRead(f *testing.F) {
	paths, _ := filepath.Glob(filepath.Join("testdata", "*.xlsx"))
	for _, p := range paths {
		if data, err := os.ReadFile(p); err == nil && len(data) < 16<<10 {
			f.Add(data)
		}
	}
	dir := f.TempDir()
	f.Fuzz(func(t *testing.T, data []byte) {
		path := filepath.Join(dir, "fuzz.xlsx")
		if err := os.WriteFile(path, data, 0o644); err != nil {
			t.Fatal(err)
		}
		start := time.Now()
		wb, err := Read(path, Options{MaxUnzip: 4 << 20})
		if d := time.Since(start); d > 5*time.Second {
			t.Fatalf("Read took %v", d)
		}
		if err != nil {
			var fe *FileError
			if !errors.As(err, &fe) {
				t.Fatalf("Read error %T %v is not a FileError", err, err)
			}
			checkMessage(t, fe.Reason)
			return
		}
		for _, is := range wb.Issues {
			checkMessage(t, is.Message)
			if is.Severity != scoring.SeverityError && is.Severity != scoring.SeverityWarning {
				t.Fatalf("issue %+v has no severity", is)
			}
		}
	})
}

func checkMessage(t *testing.T, msg string) {
	t.Helper()
	if msg == "" || !utf8.ValidString(msg) {
		t.Fatalf("bad message %q", msg)
	}
	for _, bad := range []string{"runtime error", "goroutine", "*reader.", "reader.", "scoring.", "strconv.", "%!"} {
		if strings.Contains(msg, bad) {
			t.Fatalf("message %q shows internals (%q)", msg, bad)
		}
	}
}
