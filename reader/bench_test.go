package reader

import (
	"archive/zip"
	"bufio"
	"bytes"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"runtime"
	"strconv"
	"testing"
	"time"
)

// genWorkbook writes a partner workbook whose ACR sheet has n rows in the
// long layout, as Excel writes it: 7 columns (customer ID, name,
// subscription, month as a date cell, amount, attribution, solution area),
// text in shared strings. Each customer has 4 subscriptions in 2 solution
// areas and a row per subscription and month over 24 months, so the rows
// add up to half as many ACR rows. It returns that number. With inline set,
// the text of the ACR sheet is written in inline strings, as excelize's
// StreamWriter writes it.
func genWorkbook(t testing.TB, path string, n int) int { return genWorkbookAs(t, path, n, false) }

func genWorkbookAs(t testing.TB, path string, n int, inline bool) int {
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
	part("[Content_Types].xml", `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/><Override PartName="/xl/worksheets/sheet2.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/><Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/><Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/></Types>`)
	part("_rels/.rels", `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>`)
	part("xl/workbook.xml", `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="Partner" sheetId="1" r:id="rId1"/><sheet name="ACR" sheetId="2" r:id="rId2"/></sheets></workbook>`)
	part("xl/_rels/workbook.xml.rels", `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet2.xml"/><Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/><Relationship Id="rId4" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/></Relationships>`)
	part("xl/styles.xml", `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><numFmts count="1"><numFmt numFmtId="164" formatCode="yyyy\-mm"/></numFmts><cellXfs count="3"><xf numFmtId="0"/><xf numFmtId="164" applyNumberFormat="1"/><xf numFmtId="4" applyNumberFormat="1"/></cellXfs></styleSheet>`)

	const months, subs = 24, 4
	customers := max(1, n/(months*subs))
	// Shared strings: 5 fixed ones, then per customer its ID, its name and its 4 subscriptions.
	fixed := []string{"Field", "Value", "Partner name", "Generated Partner Ltd", "As of",
		"Customer ID", "Customer name", "Subscription", "Month", "ACR", "Attribution", "Solution area",
		"PAL", "DPOR", "CSP", "Data & AI", "Infrastructure"}
	idx := map[string]int{}
	for i, s := range fixed {
		idx[s] = i
	}
	base := len(fixed)
	custID := func(c int) int { return base + c*(2+subs) }
	w, err := zw.Create("xl/sharedStrings.xml")
	if err != nil {
		t.Fatal(err)
	}
	bw := bufio.NewWriterSize(w, 1<<16)
	fmt.Fprintf(bw, `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="%d" uniqueCount="%d">`, base+customers*(2+subs), base+customers*(2+subs))
	texts := append([]string(nil), fixed...)
	for c := 0; c < customers; c++ {
		texts = append(texts, fmt.Sprintf("C-%06d", c), fmt.Sprintf("Customer %d & Co", c))
		for s := 0; s < subs; s++ {
			texts = append(texts, fmt.Sprintf("%08x-sub-%d", c*7919, s))
		}
	}
	escaped := make([]string, len(texts))
	for i, s := range texts {
		escaped[i] = xmlEscape(s)
		fmt.Fprintf(bw, "<si><t>%s</t></si>", escaped[i])
	}
	bw.WriteString("</sst>")
	bw.Flush()

	part("xl/worksheets/sheet1.xml", fmt.Sprintf(`<?xml version="1.0" encoding="UTF-8" standalone="yes"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData><row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c></row><row r="2"><c r="A2" t="s"><v>2</v></c><c r="B2" t="s"><v>3</v></c></row><row r="3"><c r="A3" t="s"><v>4</v></c><c r="B3" s="1"><v>%d</v></c></row></sheetData></worksheet>`, 45627))

	w, err = zw.Create("xl/worksheets/sheet2.xml")
	if err != nil {
		t.Fatal(err)
	}
	bw = bufio.NewWriterSize(w, 1<<16)
	bw.WriteString(`<?xml version="1.0" encoding="UTF-8" standalone="yes"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><dimension ref="A1:G` + strconv.Itoa(n+1) + `"/><sheetData><row r="1" spans="1:7">`)
	for i, h := range []string{"Customer ID", "Customer name", "Subscription", "Month", "ACR", "Attribution", "Solution area"} {
		fmt.Fprintf(bw, `<c r="%s1" t="s"><v>%d</v></c>`, columnName(i+1), idx[h])
	}
	bw.WriteString("</row>")
	row := 2
	firstMonth := 44927 // 2023-01-01
	monthStart := make([]int, months)
	for m := range monthStart {
		d := time.Date(2023, time.Month(1+m), 1, 0, 0, 0, 0, time.UTC)
		monthStart[m] = firstMonth + int(d.Sub(time.Date(2023, 1, 1, 0, 0, 0, 0, time.UTC)).Hours()/24)
	}
	areas := []int{idx["Data & AI"], idx["Infrastructure"]}
	attrs := []int{idx["PAL"], idx["DPOR"], idx["CSP"]}
	var b []byte
	text := func(b []byte, i int) []byte {
		if inline {
			b = append(b, `" t="inlineStr"><is><t>`...)
			b = append(b, escaped[i]...)
			return append(b, `</t></is></c>`...)
		}
		b = append(b, `" t="s"><v>`...)
		b = strconv.AppendInt(b, int64(i), 10)
		return append(b, `</v></c>`...)
	}
	for c := 0; c < customers && row <= n+1; c++ {
		for m := 0; m < months && row <= n+1; m++ {
			for s := 0; s < subs && row <= n+1; s++ {
				r := strconv.Itoa(row)
				cents := (c*131+m*17+s*7)%500000 + 1
				b = b[:0]
				b = append(b, `<row r="`...)
				b = append(b, r...)
				b = append(b, `" spans="1:7"><c r="A`...)
				b = append(b, r...)
				b = text(b, custID(c))
				b = append(b, `<c r="B`...)
				b = append(b, r...)
				b = text(b, custID(c)+1)
				b = append(b, `<c r="C`...)
				b = append(b, r...)
				b = text(b, custID(c)+2+s)
				b = append(b, `<c r="D`...)
				b = append(b, r...)
				b = append(b, `" s="1"><v>`...)
				b = strconv.AppendInt(b, int64(monthStart[m]+s), 10)
				b = append(b, `</v></c><c r="E`...)
				b = append(b, r...)
				b = append(b, `" s="2"><v>`...)
				b = strconv.AppendInt(b, int64(cents/100), 10)
				b = append(b, '.')
				b = append(b, byte('0'+cents%100/10), byte('0'+cents%10))
				b = append(b, `</v></c><c r="F`...)
				b = append(b, r...)
				b = text(b, attrs[c%3])
				b = append(b, `<c r="G`...)
				b = append(b, r...)
				b = text(b, areas[s%2])
				b = append(b, `</row>`...)
				bw.Write(b)
				row++
			}
		}
	}
	bw.WriteString("</sheetData></worksheet>")
	bw.Flush()
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	return (row - 2) / 2
}

func xmlEscape(s string) string {
	var b bytes.Buffer
	for _, r := range s {
		switch r {
		case '&':
			b.WriteString("&amp;")
		case '<':
			b.WriteString("&lt;")
		case '>':
			b.WriteString("&gt;")
		default:
			b.WriteRune(r)
		}
	}
	return b.String()
}

// benchWorkbook generates a workbook of n ACR rows for a benchmark and
// returns its path and the number of ACR rows they add up to.
func benchWorkbook(b *testing.B, n int) (string, int) {
	p := filepath.Join(b.TempDir(), fmt.Sprintf("acr-%d.xlsx", n))
	return p, genWorkbook(b, p, n)
}

// benchRows is the size of the benchmark's ACR sheet: 100,000 rows, or
// READER_BENCH_ROWS (for example 1000000 for the issue 8 target).
func benchRows() int {
	if n, err := strconv.Atoi(os.Getenv("READER_BENCH_ROWS")); err == nil && n > 0 {
		return n
	}
	return 100_000
}

// BenchmarkRead reads and adds up a generated long-layout ACR sheet.
func BenchmarkRead(b *testing.B) {
	n := benchRows()
	path, want := benchWorkbook(b, n)
	benchRead(b, path, n, want)
}

// BenchmarkReadInline is BenchmarkRead with the text in inline strings.
func BenchmarkReadInline(b *testing.B) {
	n := benchRows()
	path := filepath.Join(b.TempDir(), "inline.xlsx")
	want := genWorkbookAs(b, path, n, true)
	benchRead(b, path, n, want)
}

func benchRead(b *testing.B, path string, n, want int) {
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		wb, err := Read(path, Options{})
		if err != nil {
			b.Fatal(err)
		}
		if len(wb.Input.ACR) != want || wb.HasErrors() {
			b.Fatalf("%d ACR rows, issues %v; want %d", len(wb.Input.ACR), wb.Issues, want)
		}
	}
	b.ReportMetric(float64(n*b.N)/b.Elapsed().Seconds(), "rows/s")
}

// BenchmarkInflateScan is the floor BenchmarkRead is measured against:
// inflating the ACR sheet's XML and counting its tags, nothing more.
func BenchmarkInflateScan(b *testing.B) {
	path, _ := benchWorkbook(b, benchRows())
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		zr, err := zip.OpenReader(path)
		if err != nil {
			b.Fatal(err)
		}
		for _, f := range zr.File {
			if f.Name != "xl/worksheets/sheet2.xml" {
				continue
			}
			rc, _ := f.Open()
			buf := make([]byte, 64<<10)
			tags := 0
			for {
				n, err := rc.Read(buf)
				tags += bytes.Count(buf[:n], []byte{'<'})
				if err != nil {
					break
				}
			}
			rc.Close()
			if tags == 0 {
				b.Fatal("no tags")
			}
		}
		zr.Close()
	}
}

// TestLargeWorkbook reads a generated workbook of 100,000 ACR rows, or
// READER_LARGE rows (READER_LARGE=1000000 for the issue 8 target), and
// reports the time, the peak heap and the rows found. It fails when the
// peak heap passes 30 MB plus 120 MB per million rows (150 MB for a million).
// Run it with READER_LARGE_FILE set, twice, under /usr/bin/time -v to see
// the reader's resident memory alone.
func TestLargeWorkbook(t *testing.T) {
	n, err := strconv.Atoi(os.Getenv("READER_LARGE"))
	if err != nil || n <= 0 {
		n = 100_000
		if raceDetector {
			n = 20_000 // generating is slow under the race detector
		}
	}
	// READER_LARGE_FILE keeps the generated workbook there, to be read again
	// by a second run whose resident memory is then the reader's alone.
	path := os.Getenv("READER_LARGE_FILE")
	if path == "" {
		path = filepath.Join(t.TempDir(), "large.xlsx")
	}
	want := (n / 96 * 96) / 2
	if _, err := os.Stat(path); err != nil {
		start := time.Now()
		want = genWorkbook(t, path, n)
		st, _ := os.Stat(path)
		t.Logf("generated %d rows in %v (%d MB on disk)", n, time.Since(start), st.Size()>>20)
	}
	runtime.GC()
	done, peaks := make(chan struct{}), make(chan uint64)
	go func() {
		var ms runtime.MemStats
		var peak uint64
		for {
			select {
			case <-done:
				peaks <- peak
				return
			case <-time.After(20 * time.Millisecond):
				runtime.ReadMemStats(&ms)
				peak = max(peak, ms.HeapInuse)
			}
		}
	}()
	start := time.Now()
	wb, err := Read(path, Options{})
	elapsed := time.Since(start)
	close(done)
	peak := <-peaks
	if err != nil {
		t.Fatal(err)
	}
	t.Logf("Read: %v, %d ACR rows, peak heap in use %d MB, %d issues", elapsed, len(wb.Input.ACR), peak>>20, len(wb.Issues))
	if len(wb.Input.ACR) != want || wb.HasErrors() {
		t.Errorf("%d ACR rows, want %d; issues %v", len(wb.Input.ACR), want, wb.Issues)
	}
	if limit := uint64(30<<20 + 120<<20*int64(n)/1_000_000); peak > limit {
		t.Errorf("peak heap %d MB, want under %d MB", peak>>20, limit>>20)
	}
}

// sheetXML returns the inflated XML of the generated ACR sheet.
func sheetXML(b *testing.B, n int) ([]byte, []string) {
	path, _ := benchWorkbook(b, n)
	p, err := openPackage(path, DefaultMaxUnzip)
	if err != nil {
		b.Fatal(err)
	}
	defer p.close()
	bk, err := readBook(p)
	if err != nil {
		b.Fatal(err)
	}
	rc, err := p.open("xl/worksheets/sheet2.xml")
	if err != nil {
		b.Fatal(err)
	}
	defer rc.Close()
	data, err := io.ReadAll(rc)
	if err != nil {
		b.Fatal(err)
	}
	return data, bk.sst
}

// BenchmarkScanRows runs the row scanner over sheet XML already in memory,
// with the fast path and with the tokenizer alone.
func BenchmarkScanRows(b *testing.B) {
	data, sst := sheetXML(b, benchRows())
	for _, slow := range []bool{false, true} {
		b.Run(fmt.Sprintf("slow=%v", slow), func(b *testing.B) {
			b.SetBytes(int64(len(data)))
			for i := 0; i < b.N; i++ {
				sc := newRowScanner(newTok(bytes.NewReader(data), 64<<10), sst)
				sc.slow = slow
				rows := 0
				for sc.next() {
					rows++
				}
				if sc.err != nil || rows == 0 {
					b.Fatal(sc.err, rows)
				}
			}
		})
	}
	b.Run("count", func(b *testing.B) {
		b.SetBytes(int64(len(data)))
		for i := 0; i < b.N; i++ {
			if bytes.Count(data, []byte{'<'}) == 0 {
				b.Fatal("no tags")
			}
		}
	})
}
