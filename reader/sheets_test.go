package reader

import (
	"fmt"
	"path/filepath"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"github.com/pcs-tools/pcs/scoring"
)

// sheetsWorkbook writes a workbook with a Partner sheet and the given
// sheets, in order, each from its rows; hidden names sheets to hide.
func sheetsWorkbook(t *testing.T, sheets []string, rows map[string][][]any, hidden ...string) string {
	t.Helper()
	f := excelize.NewFile()
	defer f.Close()
	f.SetSheetName("Sheet1", "Partner")
	f.SetSheetRow("Partner", "A1", &[]any{"Field", "Value"})
	f.SetSheetRow("Partner", "A2", &[]any{"Partner name", "Sheets Ltd"})
	f.SetSheetRow("Partner", "A3", &[]any{"As of", "2024-05"})
	for _, name := range sheets {
		if _, err := f.NewSheet(name); err != nil {
			t.Fatal(err)
		}
		for i, r := range rows[name] {
			cell, _ := excelize.CoordinatesToCellName(1, i+1)
			if err := f.SetSheetRow(name, cell, &r); err != nil {
				t.Fatal(err)
			}
		}
	}
	for _, name := range hidden {
		f.SetSheetVisible(name, false)
	}
	p := filepath.Join(t.TempDir(), "sheets.xlsx")
	if err := f.SaveAs(p); err != nil {
		t.Fatal(err)
	}
	return p
}

func acrRows(amount float64) [][]any {
	return [][]any{{"Customer ID", "Month", "ACR", "Attribution"}, {"C-1", "2024-05", amount, "PAL"}}
}

// TestSheetChoice: of several sheets that look like one role's, the reader
// takes the one named exactly like the usual name over Excel's copies
// ("ACR (2)", "ACR (old)"), a visible one over a hidden one, and says which
// it left out.
func TestSheetChoice(t *testing.T) {
	for _, c := range []struct {
		name   string
		sheets []string
		hidden []string
		want   float64 // the amount of the sheet that must be read
		warn   string
	}{
		{"copy before the original", []string{"ACR (2)", "ACR"}, nil, 100, `the sheet "ACR (2)" also looks like the ACR sheet; only "ACR" was read`},
		{"old copy, hidden", []string{"ACR (old)", "ACR"}, []string{"ACR (old)"}, 100, `only "ACR" was read`},
		{"a unit in brackets still names the sheet", []string{"Notes", "ACR (USD)"}, nil, 100, ""},
		{"a hidden one before a visible one", []string{"ACR", "A.C.R."}, []string{"ACR"}, 100, `only "A.C.R." was read`},
		{"the usual name over a synonym, even hidden", []string{"Revenue", "ACR"}, []string{"ACR"}, 100, `only "ACR" was read`},
	} {
		t.Run(c.name, func(t *testing.T) {
			rows := map[string][][]any{}
			for _, s := range c.sheets {
				rows[s] = acrRows(200)
			}
			if c.want == 100 {
				rows[c.sheets[len(c.sheets)-1]] = acrRows(100)
			}
			wb, err := Read(sheetsWorkbook(t, c.sheets, rows, c.hidden...), Options{})
			if err != nil {
				t.Fatal(err)
			}
			if len(wb.Input.ACR) != 1 || wb.Input.ACR[0].Amount != scoring.Cents(c.want*100) {
				t.Fatalf("ACR rows %+v, want one of USD %v", wb.Input.ACR, c.want)
			}
			all := ""
			for _, is := range wb.Issues {
				all += is.String() + "\n"
			}
			if c.warn != "" && !strings.Contains(all, c.warn) {
				t.Errorf("issues lack %q:\n%s", c.warn, all)
			}
		})
	}
}

// TestNotesAboveTheHeader: however many one-cell notes sit above the
// header row, the header is found.
func TestNotesAboveTheHeader(t *testing.T) {
	var rows [][]any
	for i := 0; i < 120; i++ {
		rows = append(rows, []any{"Note: amounts are in USD, exported from Partner Center."})
	}
	rows = append(rows, acrRows(100)...)
	wb, err := Read(sheetsWorkbook(t, []string{"ACR"}, map[string][][]any{"ACR": rows}), Options{})
	if err != nil {
		t.Fatal(err)
	}
	if len(wb.Input.ACR) != 1 || wb.Input.ACR[0].Source.Row != 122 {
		t.Fatalf("ACR rows %+v, want the one on row 122", wb.Input.ACR)
	}
}

// TestConditionalFormatNumFmt: a number format of a conditional format
// (styles.xml's dxfs) that reuses the id of a cell format does not change
// the cells: the wide layout's month headers stay dates.
func TestConditionalFormatNumFmt(t *testing.T) {
	src := filepath.Join("testdata", "opx_wide_dates.xlsx")
	want, err := Read(src, Options{})
	if err != nil {
		t.Fatal(err)
	}
	edited := rezip(t, src, func(name string, data []byte) []byte {
		if name != "xl/styles.xml" {
			return data
		}
		dxfs := `<dxfs count="1"><dxf><numFmt numFmtId="17" formatCode="#,##0.00"/></dxf></dxfs>`
		return []byte(strings.Replace(string(data), "</cellStyles>", "</cellStyles>"+dxfs, 1))
	}, nil)
	got, err := Read(edited, Options{})
	if err != nil {
		t.Fatal(err)
	}
	if len(want.Input.ACR) == 0 || len(got.Input.ACR) != len(want.Input.ACR) || got.HasErrors() != want.HasErrors() {
		t.Fatalf("%d ACR rows (errors %v), want %d (errors %v): %v", len(got.Input.ACR), got.HasErrors(), len(want.Input.ACR), want.HasErrors(), got.Issues)
	}
}

// TestMergedCellsExplained: a customer ID merged down several rows is only
// in the first of them; the other rows' errors say so.
func TestMergedCellsExplained(t *testing.T) {
	f := excelize.NewFile()
	f.SetSheetName("Sheet1", "Partner")
	f.SetSheetRow("Partner", "A1", &[]any{"Partner name", "Merged Ltd"})
	f.NewSheet("ACR")
	f.SetSheetRow("ACR", "A1", &[]any{"Customer ID", "Month", "ACR", "Attribution"})
	for i, m := range []string{"2024-03", "2024-04", "2024-05"} {
		f.SetSheetRow("ACR", fmt.Sprintf("B%d", i+2), &[]any{m, 600, "PAL"})
	}
	f.SetCellValue("ACR", "A2", "C-1")
	if err := f.MergeCell("ACR", "A2", "A4"); err != nil {
		t.Fatal(err)
	}
	p := filepath.Join(t.TempDir(), "merged.xlsx")
	if err := f.SaveAs(p); err != nil {
		t.Fatal(err)
	}
	f.Close()
	wb, err := Read(p, Options{})
	if err != nil {
		t.Fatal(err)
	}
	var hinted []string
	for _, is := range wb.Issues {
		if strings.Contains(is.Hint, "merged cells A2:A4") {
			hinted = append(hinted, is.Cell)
		}
	}
	if strings.Join(hinted, ",") != "A3,A4" {
		t.Errorf("hints on %v, want A3 and A4; issues %v", hinted, wb.Issues)
	}
}

// TestUTF16PartsAccepted: a clean UTF-16 customXml part (document-management
// systems write them) does not stop the workbook.
func TestUTF16PartsAccepted(t *testing.T) {
	p := rezip(t, filepath.Join("testdata", "opx_basic.xlsx"), nil, map[string][]byte{
		"customXml/item1.xml": utf16LE(`<?xml version="1.0" encoding="UTF-16"?><properties><documentId>Ω-42</documentId></properties>`)})
	if _, err := Read(p, Options{}); err != nil {
		t.Fatal(err)
	}
}
