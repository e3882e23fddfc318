package reader

import (
	"fmt"
	"path/filepath"
	"strings"
	"testing"
	"time"

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

// TestCellsMatchExcelizeGenerated compares the scanner with excelize on
// workbooks made in the test: the benchmark's generator, and excelize's own
// writers (cell by cell and streamed, which write inline strings).
func TestCellsMatchExcelizeGenerated(t *testing.T) {
	dir := t.TempDir()
	gen := filepath.Join(dir, "generated.xlsx")
	genWorkbook(t, gen, 2000)

	made := filepath.Join(dir, "excelize.xlsx")
	f := excelize.NewFile()
	f.SetSheetName("Sheet1", "Partner")
	f.SetSheetRow("Partner", "A1", &[]any{"Field", "Value"})
	f.SetSheetRow("Partner", "A2", &[]any{"Partner name", "Excelize & Co <test>"})
	f.SetSheetRow("Partner", "A3", &[]any{"As of", time.Date(2024, 5, 31, 0, 0, 0, 0, time.UTC)})
	f.SetSheetRow("Partner", "A4", &[]any{"SMB customer share", 0.86})
	pct, _ := f.NewStyle(&excelize.Style{NumFmt: 9})
	f.SetCellStyle("Partner", "B4", "B4", pct)
	f.NewSheet("ACR")
	f.SetSheetRow("ACR", "A1", &[]any{"Customer ID", "Month", "ACR", "Attribution", "Paid", "Check"})
	f.SetSheetRow("ACR", "A2", &[]any{"C-1", time.Date(2024, 5, 1, 0, 0, 0, 0, time.UTC), 1234.56, "PAL", true})
	f.SetSheetRow("ACR", "A3", &[]any{42, "2024-05", int64(-7), "CSP", false})
	f.SetCellFormula("ACR", "F2", "C2*2")
	f.SetCellRichText("ACR", "D4", []excelize.RichTextRun{{Text: "DP"}, {Text: "OR", Font: &excelize.Font{Bold: true}}})
	f.SetSheetRow("ACR", "A4", &[]any{"C-2\r\nline", "May 2024", "1,000.00"})
	f.NewSheet("Deployments")
	sw, err := f.NewStreamWriter("Deployments")
	if err != nil {
		t.Fatal(err)
	}
	sw.SetRow("A1", []any{"Customer ID", "Service", "Deployed on"})
	for r := 2; r < 200; r++ {
		cell, _ := excelize.CoordinatesToCellName(1, r)
		sw.SetRow(cell, []any{fmt.Sprintf("C-%d", r), "Azure Functions", time.Date(2024, 1, r%28+1, 0, 0, 0, 0, time.UTC), nil, 3.5})
	}
	if err := sw.Flush(); err != nil {
		t.Fatal(err)
	}
	if err := f.SaveAs(made); err != nil {
		t.Fatal(err)
	}
	f.Close()

	for _, p := range []string{gen, made} {
		t.Run(filepath.Base(p), func(t *testing.T) { compareCells(t, p) })
	}
	wb, err := Read(made, Options{})
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range []string{
		"partner.name = Excelize & Co <test>",
		"partner.as_of = 2024-05",
		"partner.share = 86%",
		"acr[C-1 2024-05 PAL ] = 1,234.56 rows 1 lines [2]",
		"acr[42 2024-05 CSP ] = -7.00 rows 1 lines [3]",
		"acr[C-2\r\nline 2024-05 DPOR ] = 1,000.00 rows 1 lines [4]", // excelize keeps the CR as &#xD;
		"skipped = 0",
	} {
		key, want, _ := strings.Cut(f, " = ")
		if got := fact(wb, key); got != want {
			t.Errorf("%s = %s, want %s", key, got, want)
		}
	}
	if len(wb.Input.Deployments) != 198 {
		t.Errorf("%d deployments, want 198", len(wb.Input.Deployments))
	}
}
