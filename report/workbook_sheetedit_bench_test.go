package report

import (
	"strconv"
	"testing"
)

// wbTypicalACR returns the ACR sheet of a typical workbook as Excel writes
// it (7,200 rows of five cells, shared strings, dates and amounts) and the
// edit that gives every data row a status.
func wbTypicalACR() ([]byte, *sheetEdit) {
	rows := 7200
	b := []byte(`<?xml version="1.0" encoding="UTF-8" standalone="yes"?>` + "\n" + `<worksheet ` + wsNS +
		` xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><dimension ref="A1:E7201"/><sheetData>`)
	b = append(b, `<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c><c r="C1" t="s"><v>2</v></c><c r="D1" t="s"><v>3</v></c><c r="E1" t="s"><v>4</v></c></row>`...)
	e := wbEdit()
	e.lastRow, e.lastCol = rows+1, 5
	e.rows = map[int]rowNote{}
	for r := 2; r <= rows+1; r++ {
		n := strconv.Itoa(r)
		b = append(b, `<row r="`+n+`"><c r="A`+n+`" t="s"><v>11</v></c><c r="B`+n+`" t="s"><v>12</v></c><c r="C`+n+
			`" s="1"><v>44713</v></c><c r="D`+n+`" s="2"><v>1338.15</v></c><c r="E`+n+`" t="s"><v>618</v></c></row>`...)
		note := rowNote{statusCounted, "counted: all designations"}
		if r%7 == 0 {
			note = rowNote{statusNotCounted, `not counted: attribution "Referral" is not PAL, DPOR, CSP`}
		}
		e.rows[r] = note
	}
	b = append(b, `</sheetData><pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/></worksheet>`...)
	return b, e
}

// BenchmarkSheetEdit scans and rewrites the ACR sheet of a typical workbook,
// without the zip around it.
func BenchmarkSheetEdit(b *testing.B) {
	src, e := wbTypicalACR()
	b.SetBytes(int64(len(src)))
	b.ReportAllocs()
	for b.Loop() {
		facts, err := scanSheet(src, e)
		if err != nil {
			b.Fatal(err)
		}
		col, _ := chooseStatusColumn(e, facts, nil)
		if _, err := rewriteSheet(src, e, col, facts); err != nil {
			b.Fatal(err)
		}
	}
}
