package reader

import (
	"archive/zip"
	"bufio"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"runtime"
	"strconv"
	"strings"
	"testing"
	"time"
)

// writeShapeWorkbook writes a workbook with a Partner sheet and an ACR sheet
// whose XML body comes from body.
func writeShapeWorkbook(t testing.TB, path string, body func(w io.Writer)) {
	t.Helper()
	f, err := os.Create(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	zw := zip.NewWriter(f)
	part := func(name, data string) {
		w, err := zw.Create(name)
		if err != nil {
			t.Fatal(err)
		}
		io.WriteString(w, data)
	}
	part("_rels/.rels", `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>`)
	part("xl/workbook.xml", `<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="Partner" sheetId="1" r:id="rId1"/><sheet name="ACR" sheetId="2" r:id="rId2"/></sheets></workbook>`)
	part("xl/_rels/workbook.xml.rels", `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet2.xml"/><Relationship Id="rId4" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/></Relationships>`)
	part("xl/styles.xml", `<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><cellXfs count="2"><xf numFmtId="0"/><xf numFmtId="14"/></cellXfs></styleSheet>`)
	part("xl/worksheets/sheet1.xml", `<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>Partner name</t></is></c><c r="B1" t="inlineStr"><is><t>Shapes Ltd</t></is></c></row></sheetData></worksheet>`)
	// Stored, not deflated: compressing tens of megabytes would take most
	// of the test's time under the race detector.
	w, err := zw.CreateHeader(&zip.FileHeader{Name: "xl/worksheets/sheet2.xml", Method: zip.Store})
	if err != nil {
		t.Fatal(err)
	}
	bw := bufio.NewWriterSize(w, 1<<16)
	bw.WriteString(`<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>`)
	body(bw)
	bw.WriteString(`</sheetData></worksheet>`)
	bw.Flush()
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
}

const acrHeader = `<row r="1"><c r="A1" t="inlineStr"><is><t>Customer ID</t></is></c><c r="B1" t="inlineStr"><is><t>Month</t></is></c><c r="C1" t="inlineStr"><is><t>ACR</t></is></c><c r="D1" t="inlineStr"><is><t>Attribution</t></is></c></row>`

// TestShapes reads sheets of extreme shapes: they must neither take long nor
// use much memory.
func TestShapes(t *testing.T) {
	tests := []struct {
		name    string
		body    func(w io.Writer)
		acrRows int
		issues  []string
	}{
		{"16384 columns", func(w io.Writer) {
			io.WriteString(w, `<row r="1">`)
			for c := 1; c <= maxColumns; c++ {
				h := fmt.Sprintf("Note %d", c)
				switch c {
				case 1:
					h = "Customer ID"
				case 100:
					h = "Month"
				case 8000:
					h = "ACR"
				case maxColumns:
					h = "Attribution"
				}
				fmt.Fprintf(w, `<c r="%s1" t="inlineStr"><is><t>%s</t></is></c>`, columnName(c), h)
			}
			io.WriteString(w, `</row>`)
			for r := 2; r <= 21; r++ {
				fmt.Fprintf(w, `<row r="%d">`, r)
				for c := 1; c <= maxColumns; c++ {
					v := fmt.Sprint(c)
					switch c {
					case 1:
						v = fmt.Sprintf(`<c r="A%d" t="inlineStr"><is><t>C-%d</t></is></c>`, r, r)
					case 100:
						v = fmt.Sprintf(`<c r="CV%d" s="1"><v>45444</v></c>`, r)
					case maxColumns:
						v = fmt.Sprintf(`<c r="XFD%d" t="inlineStr"><is><t>PAL</t></is></c>`, r)
					default:
						v = fmt.Sprintf(`<c r="%s%d"><v>%d</v></c>`, columnName(c), r, c)
					}
					io.WriteString(w, v)
				}
				io.WriteString(w, `</row>`)
			}
		}, 20, nil},
		{"a million empty styled rows", func(w io.Writer) {
			io.WriteString(w, acrHeader)
			io.WriteString(w, `<row r="2"><c r="A2" t="inlineStr"><is><t>C-1</t></is></c><c r="B2" s="1"><v>45444</v></c><c r="C2"><v>10</v></c><c r="D2" t="inlineStr"><is><t>PAL</t></is></c></row>`)
			var b []byte
			for r := 3; r <= maxRows; r++ {
				n := strconv.Itoa(r)
				b = append(b[:0], `<row r="`...)
				b = append(b, n...)
				b = append(b, `" spans="1:4" s="1" customFormat="1" ht="15"><c r="A`...)
				b = append(b, n...)
				b = append(b, `" s="1"/><c r="B`...)
				b = append(b, n...)
				b = append(b, `" s="1"/></row>`...)
				w.Write(b)
			}
		}, 1, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			path := filepath.Join(t.TempDir(), "shape.xlsx")
			writeShapeWorkbook(t, path, tt.body)
			runtime.GC()
			var before, after runtime.MemStats
			runtime.ReadMemStats(&before)
			start := time.Now()
			wb, err := Read(path, Options{})
			elapsed := time.Since(start)
			runtime.ReadMemStats(&after)
			if err != nil {
				t.Fatal(err)
			}
			if len(wb.Input.ACR) != tt.acrRows {
				t.Errorf("%d ACR rows, want %d", len(wb.Input.ACR), tt.acrRows)
			}
			limit := 20 * time.Second
			if raceDetector {
				limit *= 10
			}
			if elapsed > limit {
				t.Errorf("took %v", elapsed)
			}
			if grown := int64(after.HeapInuse) - int64(before.HeapInuse); grown > 64<<20 {
				t.Errorf("heap grew by %d MB", grown>>20)
			}
			var msgs []string
			for _, is := range wb.Issues {
				if is.Sheet != "" {
					msgs = append(msgs, is.String())
				}
			}
			if strings.Join(msgs, "\n") != strings.Join(tt.issues, "\n") {
				t.Errorf("issues:\n%s\nwant:\n%s", strings.Join(msgs, "\n"), strings.Join(tt.issues, "\n"))
			}
			t.Logf("%v, %d MB total allocated", elapsed, (after.TotalAlloc-before.TotalAlloc)>>20)
		})
	}
}

// TestHugeRow reads a row of 16,384 cells of 1,000 characters each (16 MB of
// XML in one row): the fast path must not parse it again after every read.
func TestHugeRow(t *testing.T) {
	path := filepath.Join(t.TempDir(), "huge.xlsx")
	text := strings.Repeat("x", 1000)
	writeShapeWorkbook(t, path, func(w io.Writer) {
		io.WriteString(w, acrHeader)
		io.WriteString(w, `<row r="2"><c r="A2" t="inlineStr"><is><t>C-1</t></is></c><c r="B2" s="1"><v>45444</v></c><c r="C2"><v>10</v></c><c r="D2" t="inlineStr"><is><t>PAL</t></is></c>`)
		for c := 5; c <= maxColumns; c++ {
			fmt.Fprintf(w, `<c r="%s2" t="inlineStr"><is><t>%s</t></is></c>`, columnName(c), text)
		}
		io.WriteString(w, `</row>`)
	})
	start := time.Now()
	wb, err := Read(path, Options{})
	if err != nil {
		t.Fatal(err)
	}
	limit := 10 * time.Second
	if raceDetector {
		limit *= 10
	}
	if d := time.Since(start); d > limit {
		t.Errorf("took %v", d)
	}
	if len(wb.Input.ACR) != 1 || wb.HasErrors() {
		t.Errorf("%d ACR rows, issues %v", len(wb.Input.ACR), wb.Issues)
	}
}
