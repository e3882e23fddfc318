package reader

import (
	"fmt"
	"path/filepath"
	"testing"

	"github.com/xuri/excelize/v2"
)

// rawCells reads every sheet of a workbook with the reader's scanner: sheet
// name -> "A1" -> raw value.
func rawCells(t testing.TB, path string, slow bool) map[string]map[string]string {
	t.Helper()
	p, err := openPackage(path, DefaultMaxUnzip)
	if err != nil {
		t.Fatal(err)
	}
	defer p.close()
	b, err := readBook(p)
	if err != nil {
		t.Fatal(err)
	}
	out := map[string]map[string]string{}
	for _, s := range b.sheets {
		if s.part == "" {
			continue
		}
		tok, done, err := partTok(p, s.part)
		if err != nil {
			t.Fatal(err)
		}
		sc := newRowScanner(tok, b.sst)
		sc.slow = slow
		cells := map[string]string{}
		for sc.next() {
			for _, c := range sc.cells {
				cells[cellName(c.col, sc.num)] = c.raw()
			}
		}
		done()
		if sc.err != nil {
			t.Fatalf("%s: %v", s.name, sc.err)
		}
		out[s.name] = cells
	}
	return out
}

// excelizeCells reads every sheet with excelize's Rows and RawCellValue.
func excelizeCells(t testing.TB, path string) map[string]map[string]string {
	t.Helper()
	f, err := excelize.OpenFile(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	out := map[string]map[string]string{}
	for _, name := range f.GetSheetList() {
		rows, err := f.Rows(name)
		if err != nil {
			t.Fatal(err)
		}
		cells := map[string]string{}
		for r := 1; rows.Next(); r++ {
			cols, err := rows.Columns(excelize.Options{RawCellValue: true})
			if err != nil {
				t.Fatal(err)
			}
			for c, v := range cols {
				if v != "" {
					cells[cellName(c+1, r)] = v
				}
			}
		}
		rows.Close()
		out[name] = cells
	}
	return out
}

// compareCells checks that the reader's scanner gives exactly excelize's raw
// cell values (empty values aside: excelize gives "" for a formula without
// a result, the scanner keeps the cell with no value).
func compareCells(t *testing.T, path string) {
	t.Helper()
	want := excelizeCells(t, path)
	for _, slow := range []bool{false, true} {
		compareWith(t, path, rawCells(t, path, slow), want)
	}
}

func compareWith(t *testing.T, path string, got, want map[string]map[string]string) {
	t.Helper()
	if len(got) != len(want) {
		t.Errorf("%d sheets, excelize has %d", len(got), len(want))
	}
	for sheet, w := range want {
		g, ok := got[sheet]
		if !ok {
			t.Errorf("sheet %q missing", sheet)
			continue
		}
		n := 0
		for ref, wv := range w {
			n++
			if gv := g[ref]; gv != wv {
				t.Errorf("%s!%s = %q, excelize %q", sheet, ref, gv, wv)
			}
		}
		for ref, gv := range g {
			if _, ok := w[ref]; !ok && gv != "" {
				t.Errorf("%s!%s = %q, excelize has nothing", sheet, ref, gv)
			}
		}
		if testing.Verbose() {
			fmt.Printf("%s %s: %d cells\n", filepath.Base(path), sheet, n)
		}
	}
}

// TestCellsMatchExcelize compares the scanner with excelize on every accepted
// fixture.
func TestCellsMatchExcelize(t *testing.T) {
	for _, path := range accepted(t) {
		t.Run(filepath.Base(path), func(t *testing.T) { compareCells(t, path) })
	}
}
