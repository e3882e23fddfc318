// Command gen writes benchmark workbooks deterministically, so that nobody
// commits large files:
//
//	go run ./bench/gen -rows 1000000 -out bench/data/acr-1m.xlsx   # a big long-layout ACR sheet
//	go run ./bench/gen -typical -out bench/data/typical.xlsx       # 300 customers, 24 months, 40 people, 30 deployments
//	go run ./bench/gen -typical -copies 500 -out bench/data/portfolio  # a folder of typical workbooks
//
// The workbooks are written part by part, as Excel writes them: shared
// strings, date cells with a date format, one row element per row.
package main

import (
	"archive/zip"
	"bufio"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"time"
)

func main() {
	rows := flag.Int("rows", 1_000_000, "ACR rows of the big workbook")
	typical := flag.Bool("typical", false, "write a typical workbook instead (300 customers, 24 months, 40 people, 30 deployments)")
	copies := flag.Int("copies", 0, "with -typical: write this many workbooks into the -out folder")
	out := flag.String("out", "", "output file (or folder with -copies)")
	flag.Parse()
	if *out == "" {
		fmt.Fprintln(os.Stderr, "gen: -out is required")
		os.Exit(2)
	}
	var err error
	switch {
	case *typical && *copies > 0:
		err = os.MkdirAll(*out, 0o755)
		for i := 0; i < *copies && err == nil; i++ {
			err = write(filepath.Join(*out, fmt.Sprintf("partner-%04d.xlsx", i+1)), typicalBook(i))
		}
	case *typical:
		err = write(*out, typicalBook(0))
	default:
		err = write(*out, bigBook(*rows))
	}
	if err != nil {
		fmt.Fprintln(os.Stderr, "gen:", err)
		os.Exit(1)
	}
}

// book is a workbook to write: sheets of rows of cells.
type book struct {
	name   string
	sheets []sheet
}

type sheet struct {
	name string
	// rows calls emit for each row in order; a cell is a string (shared),
	// an int64 (cents, written as an amount), a float64 or a time.Time (a date).
	rows func(emit func(cells ...any))
}

var asOf = time.Date(2024, time.May, 1, 0, 0, 0, 0, time.UTC)

// bigBook: a partner whose ACR sheet has n rows: customers x 4 subscriptions x
// 25 months. A customer's subscriptions share its attribution and solution
// area (they come from its association with the partner), so the reader adds
// the 4 subscriptions of a month up into one entry, as with real exports.
func bigBook(n int) book {
	months := 25
	subs := 4
	customers := max(1, n/(months*subs))
	return book{name: "Bigcorp", sheets: []sheet{
		partnerSheet("Bigcorp Cloud Distribution Ltd"),
		{name: "Customers", rows: func(emit func(...any)) {
			emit("Customer ID", "Customer name", "Segment")
			for c := 0; c < customers; c++ {
				emit(custID(c), custName(c), segment(c))
			}
		}},
		{name: "ACR", rows: func(emit func(...any)) {
			emit("Customer ID", "Customer name", "Subscription", "Month", "ACR (USD)", "Attribution", "Solution area")
			written := 0
			for c := 0; c < customers && written < n; c++ {
				for s := 0; s < subs && written < n; s++ {
					for m := 0; m < months && written < n; m++ {
						month := asOf.AddDate(0, m-months+1, 0)
						emit(custID(c), custName(c), fmt.Sprintf("sub-%06d-%d", c, s), month, amount(c, s, m), attribution(c), area(c))
						written++
					}
				}
			}
		}},
		certSheet(40), deploySheet(30, customers),
	}}
}

// typicalBook: 300 customers, 24 months, 40 people, 30 deployments.
func typicalBook(seed int) book {
	customers, months := 300, 24
	return book{name: "Typical", sheets: []sheet{
		partnerSheet(fmt.Sprintf("Typical Partner %04d Ltd", seed+1)),
		{name: "Customers", rows: func(emit func(...any)) {
			emit("Customer ID", "Customer name", "Segment")
			for c := 0; c < customers; c++ {
				emit(custID(c+seed), custName(c+seed), segment(c+seed))
			}
		}},
		{name: "ACR", rows: func(emit func(...any)) {
			emit("Customer ID", "Customer name", "Month", "ACR (USD)", "Attribution", "Solution area")
			for c := 0; c < customers; c++ {
				for m := 0; m < months; m++ {
					emit(custID(c+seed), custName(c+seed), asOf.AddDate(0, m-months+1, 0), amount(c+seed, 0, m)*3, attribution(c), area(c))
				}
			}
		}},
		certSheet(40), deploySheet(30, customers),
	}}
}

func partnerSheet(name string) sheet {
	return sheet{name: "Partner", rows: func(emit func(...any)) {
		emit("Field", "Value")
		emit("Partner name", name)
		emit("Partner ID", "9000001")
		emit("As of", "2024-05")
	}}
}

var certNames = []string{"AZ-104", "AZ-305", "DP-203", "DP-300", "AI-102", "PL-300", "AZ-700", "AZ-140", "AZ-204", "AZ-400", "AZ-900"}

func certSheet(people int) sheet {
	return sheet{name: "Certifications", rows: func(emit func(...any)) {
		emit("Individual", "Certification", "Earned on", "Expires on")
		for p := 0; p < people; p++ {
			earned := time.Date(2023, time.Month(1+p%12), 1+p%27, 0, 0, 0, 0, time.UTC)
			emit(fmt.Sprintf("person%03d@partner.example", p), certNames[p%len(certNames)], earned, earned.AddDate(2, 0, 0))
		}
	}}
}

var services = []string{"Azure SQL Database", "Azure Kubernetes Service", "Azure Functions", "Azure Cosmos DB", "Virtual Machines",
	"Azure Synapse Analytics", "Azure App Service", "Azure Virtual Desktop", "Azure Databricks", "Azure Backup"}

func deploySheet(n, customers int) sheet {
	return sheet{name: "Deployments", rows: func(emit func(...any)) {
		emit("Customer ID", "Service", "Deployed on", "Solution area", "Attribution")
		for d := 0; d < n; d++ {
			emit(custID(d*7%customers), services[d%len(services)], time.Date(2023, time.Month(1+d%12), 10, 0, 0, 0, 0, time.UTC), "", "PAL")
		}
	}}
}

func custID(c int) string   { return fmt.Sprintf("CUST-%06d", c) }
func custName(c int) string { return fmt.Sprintf("Customer %06d Ltd", c) }
func segment(c int) string  { return []string{"SMB", "SMB", "SMC", "Enterprise", "SMB"}[c%5] }
func attribution(c int) string {
	return []string{"PAL", "CSP", "DPOR", "CSP Tier 2", "Referral"}[c%5]
}
func area(c int) string { return []string{"", "Data & AI", "Infrastructure", "", "All"}[c%5] }

// amount is a deterministic monthly amount in cents.
func amount(c, s, m int) int64 {
	x := uint64(c*7919+s*104729+m*1299709) * 2654435761 % 1000003
	return int64(2000+x%250000) + int64(m*150)
}

// write writes the book as an .xlsx file.
func write(path string, b book) error {
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		return err
	}
	f, err := os.Create(path)
	if err != nil {
		return err
	}
	defer f.Close()
	z := zip.NewWriter(bufio.NewWriterSize(f, 1<<20))
	ss := &strs{index: map[string]int{}}
	for i, sh := range b.sheets {
		w, err := z.Create(fmt.Sprintf("xl/worksheets/sheet%d.xml", i+1))
		if err != nil {
			return err
		}
		if err := writeSheet(w, sh, ss); err != nil {
			return err
		}
	}
	parts := map[string]string{
		"[Content_Types].xml":        contentTypes(len(b.sheets)),
		"_rels/.rels":                rootRels,
		"xl/workbook.xml":            workbook(b.sheets),
		"xl/_rels/workbook.xml.rels": workbookRels(len(b.sheets)),
		"xl/styles.xml":              styles,
		"xl/sharedStrings.xml":       ss.xml(),
	}
	for _, name := range []string{"[Content_Types].xml", "_rels/.rels", "xl/workbook.xml", "xl/_rels/workbook.xml.rels", "xl/styles.xml", "xl/sharedStrings.xml"} {
		w, err := z.Create(name)
		if err != nil {
			return err
		}
		if _, err := w.Write([]byte(parts[name])); err != nil {
			return err
		}
	}
	if err := z.Close(); err != nil {
		return err
	}
	return nil
}

type strs struct {
	index map[string]int
	list  []string
	count int
}

func (s *strs) id(v string) int {
	s.count++
	if i, ok := s.index[v]; ok {
		return i
	}
	s.index[v] = len(s.list)
	s.list = append(s.list, v)
	return len(s.list) - 1
}

func (s *strs) xml() string {
	var b strings.Builder
	fmt.Fprintf(&b, `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>`+"\n"+
		`<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="%d" uniqueCount="%d">`, s.count, len(s.list))
	for _, v := range s.list {
		b.WriteString("<si><t>")
		b.WriteString(escape(v))
		b.WriteString("</t></si>")
	}
	b.WriteString("</sst>")
	return b.String()
}

func escape(s string) string {
	return strings.NewReplacer("&", "&amp;", "<", "&lt;", ">", "&gt;").Replace(s)
}

var excelEpoch = time.Date(1899, 12, 30, 0, 0, 0, 0, time.UTC)

func writeSheet(w interface{ Write([]byte) (int, error) }, sh sheet, ss *strs) error {
	bw := bufio.NewWriterSize(w.(interface{ Write([]byte) (int, error) }), 1<<16)
	bw.WriteString(`<?xml version="1.0" encoding="UTF-8" standalone="yes"?>` + "\n" +
		`<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheetData>`)
	row := 0
	var buf []byte
	sh.rows(func(cells ...any) {
		row++
		buf = buf[:0]
		buf = append(buf, `<row r="`...)
		buf = strconv.AppendInt(buf, int64(row), 10)
		buf = append(buf, `">`...)
		for i, c := range cells {
			ref := colName(i) + strconv.Itoa(row)
			switch v := c.(type) {
			case string:
				if v == "" {
					continue
				}
				buf = append(buf, `<c r="`+ref+`" t="s"><v>`...)
				buf = strconv.AppendInt(buf, int64(ss.id(v)), 10)
				buf = append(buf, `</v></c>`...)
			case int64:
				buf = append(buf, `<c r="`+ref+`" s="2"><v>`...)
				buf = append(buf, strconv.FormatFloat(float64(v)/100, 'f', -1, 64)...)
				buf = append(buf, `</v></c>`...)
			case time.Time:
				buf = append(buf, `<c r="`+ref+`" s="1"><v>`...)
				buf = strconv.AppendInt(buf, int64(v.Sub(excelEpoch).Hours()/24), 10)
				buf = append(buf, `</v></c>`...)
			}
		}
		buf = append(buf, `</row>`...)
		bw.Write(buf)
	})
	bw.WriteString(`</sheetData></worksheet>`)
	return bw.Flush()
}

func colName(i int) string { return string(rune('A' + i)) }

func contentTypes(n int) string {
	var b strings.Builder
	b.WriteString(`<?xml version="1.0" encoding="UTF-8" standalone="yes"?>` + "\n" +
		`<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">` +
		`<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>` +
		`<Default Extension="xml" ContentType="application/xml"/>` +
		`<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>` +
		`<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>` +
		`<Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/>`)
	for i := 1; i <= n; i++ {
		fmt.Fprintf(&b, `<Override PartName="/xl/worksheets/sheet%d.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>`, i)
	}
	b.WriteString(`</Types>`)
	return b.String()
}

const rootRels = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>`

func workbook(sheets []sheet) string {
	var b strings.Builder
	b.WriteString(`<?xml version="1.0" encoding="UTF-8" standalone="yes"?>` + "\n" +
		`<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets>`)
	for i, s := range sheets {
		fmt.Fprintf(&b, `<sheet name="%s" sheetId="%d" r:id="rId%d"/>`, s.name, i+1, i+1)
	}
	b.WriteString(`</sheets></workbook>`)
	return b.String()
}

func workbookRels(n int) string {
	var b strings.Builder
	b.WriteString(`<?xml version="1.0" encoding="UTF-8" standalone="yes"?>` + "\n" +
		`<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">`)
	for i := 1; i <= n; i++ {
		fmt.Fprintf(&b, `<Relationship Id="rId%d" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet%d.xml"/>`, i, i)
	}
	fmt.Fprintf(&b, `<Relationship Id="rId%d" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>`, n+1)
	fmt.Fprintf(&b, `<Relationship Id="rId%d" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/>`, n+2)
	b.WriteString(`</Relationships>`)
	return b.String()
}

// styles: 0 default, 1 a date (yyyy-mm-dd), 2 money (#,##0.00).
const styles = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><numFmts count="1"><numFmt numFmtId="164" formatCode="yyyy\-mm\-dd"/></numFmts><fonts count="1"><font><sz val="11"/><name val="Calibri"/></font></fonts><fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills><borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders><cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs><cellXfs count="3"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/><xf numFmtId="164" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/><xf numFmtId="4" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/></cellXfs><cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles></styleSheet>`
