package reader

import (
	"bytes"
	"errors"
	"os"
	"strconv"
	"strings"
	"unicode/utf8"
)

// Relationship types end with these names, in both the transitional and the
// strict namespaces of Office Open XML.
const (
	relOfficeDocument = "/officeDocument"
	relWorksheet      = "/worksheet"
	relSharedStrings  = "/sharedStrings"
	relStyles         = "/styles"
)

// rel is one relationship of a part.
type rel struct {
	id, typ, target string
}

// sheetRef is a sheet as the workbook lists it.
type sheetRef struct {
	name   string
	part   string // "" when the sheet is not a worksheet (a chart sheet)
	lost   bool   // the workbook lists the sheet but does not say where it is
	hidden bool
	index  int // position in the workbook
}

// book is what the reader needs from the workbook's own parts.
type book struct {
	part     string
	sheets   []sheetRef
	date1904 bool
	sst      []string
	formats  []numKind // by cell style (xf) index
}

// readBook reads the package relationships, the workbook, its relationships,
// the shared strings and the styles.
func readBook(p *pkg) (*book, error) {
	b := &book{part: "xl/workbook.xml"}
	if p.has("_rels/.rels") {
		rels, err := readRels(p, "_rels/.rels", "")
		if err != nil {
			return nil, err
		}
		for _, r := range rels {
			if strings.HasSuffix(r.typ, relOfficeDocument) {
				b.part = r.target
				break
			}
		}
	}
	if !p.has(b.part) || !p.has("xl/workbook.xml") && (p.has("word/document.xml") || p.has("ppt/presentation.xml")) {
		return nil, sniffZip(p)
	}
	if err := b.readWorkbook(p); err != nil {
		return nil, err
	}
	rels, err := readRels(p, relsOf(b.part), b.part)
	if err != nil {
		return nil, err
	}
	byID := map[string]rel{}
	sstPart, stylesPart := "", ""
	for _, r := range rels {
		byID[r.id] = r
		switch {
		case strings.HasSuffix(r.typ, relSharedStrings) && sstPart == "":
			sstPart = r.target
		case strings.HasSuffix(r.typ, relStyles) && stylesPart == "":
			stylesPart = r.target
		}
	}
	for i := range b.sheets {
		s := &b.sheets[i]
		r, ok := byID[s.part]
		switch {
		case !ok:
			s.part, s.lost = "", true
		case strings.HasSuffix(r.typ, relWorksheet):
			s.part = r.target
		default:
			s.part = "" // a chart sheet or a dialog sheet
		}
	}
	if sstPart == "" && p.has("xl/sharedStrings.xml") {
		sstPart = "xl/sharedStrings.xml"
	}
	if stylesPart == "" && p.has("xl/styles.xml") {
		stylesPart = "xl/styles.xml"
	}
	if sstPart != "" && p.has(sstPart) {
		if b.sst, err = readSST(p, sstPart); err != nil {
			return nil, err
		}
	}
	if stylesPart != "" && p.has(stylesPart) {
		if b.formats, err = readStyles(p, stylesPart); err != nil {
			return nil, err
		}
	}
	return b, nil
}

// partTok opens a part and returns a tokenizer over it.
func partTok(p *pkg, part string) (*xmlTok, func(), error) {
	rc, err := p.open(part)
	if err != nil {
		if errors.Is(err, os.ErrNotExist) {
			return nil, nil, damaged(msgMissingPart(part))
		}
		return nil, nil, partError(part, "", err)
	}
	return newTok(rc, 32<<10), func() { rc.Close() }, nil
}

// readRels reads a relationships part; targets are resolved against from.
func readRels(p *pkg, part, from string) ([]rel, error) {
	t, done, err := partTok(p, part)
	if err != nil {
		return nil, err
	}
	defer done()
	var out []rel
	for k := t.next(); k != tokEOF; k = t.next() {
		if k == tokStart && string(t.name) == "Relationship" {
			r := rel{id: attrString(t.attrs, "Id"), typ: attrString(t.attrs, "Type"), target: attrString(t.attrs, "Target")}
			if attrString(t.attrs, "TargetMode") == "External" {
				continue
			}
			r.target = resolve(from, r.target)
			out = append(out, r)
		}
	}
	if t.err != nil {
		return nil, partError(part, "", t.err)
	}
	return out, nil
}

func (b *book) readWorkbook(p *pkg) error {
	t, done, err := partTok(p, b.part)
	if err != nil {
		return err
	}
	defer done()
	for k, first := t.next(), true; k != tokEOF; k, first = t.next(), false {
		if k != tokStart {
			continue
		}
		if first && string(t.name) != "workbook" {
			return sniffZip(p)
		}
		switch string(t.name) {
		case "workbookPr":
			v := attrString(t.attrs, "date1904")
			b.date1904 = v == "1" || v == "true"
		case "sheet":
			state := attrString(t.attrs, "state")
			b.sheets = append(b.sheets, sheetRef{
				name:   attrString(t.attrs, "name"),
				part:   attrString(t.attrs, "id"), // the relationship id, resolved later
				hidden: state == "hidden" || state == "veryHidden",
				index:  len(b.sheets),
			})
		}
	}
	if t.err != nil {
		return partError(b.part, "", t.err)
	}
	return nil
}

// readSST reads the shared strings: the text of each <si>, its rich text runs
// joined and its phonetic runs left out, with _xHHHH_ escapes decoded, as
// excelize does. All strings share one backing array.
func readSST(p *pkg, part string) ([]string, error) {
	t, done, err := partTok(p, part)
	if err != nil {
		return nil, err
	}
	defer done()
	var all, plain, runs []byte
	var ends []int
	depth := 0 // depth inside the current <si>, 0 outside
	inSI := false
	for k := t.next(); k != tokEOF; k = t.next() {
		switch k {
		case tokStart:
			name := string(t.name)
			switch {
			case !inSI:
				if name == "si" {
					if t.empty {
						ends = append(ends, len(all))
						continue
					}
					inSI, depth, plain, runs = true, 1, plain[:0], runs[:0]
				}
			case depth == 1 && name == "t":
				plain = t.textOf(plain)
			case depth == 1 && name == "r":
				if !t.empty {
					depth++
				}
			case depth == 2 && name == "t":
				runs = t.textOf(runs)
			default: // rPh, rPr, phoneticPr and anything else
				t.skip()
			}
		case tokEnd:
			if inSI {
				depth--
				if depth == 0 {
					inSI = false
					plain = append(plain, runs...)
					all = appendUnescaped(all, plain)
					ends = append(ends, len(all))
				}
			}
		}
	}
	if t.err != nil {
		return nil, partError(part, "", t.err)
	}
	s := string(all)
	out := make([]string, len(ends))
	start := 0
	for i, e := range ends {
		out[i] = s[start:e]
		start = e
	}
	return out, nil
}

// appendUnescaped appends s with the _xHHHH_ escapes of Office Open XML
// decoded (_x005F_ is a literal underscore), exactly as excelize reads them.
func appendUnescaped(dst, s []byte) []byte {
	if bytes.Index(s, []byte("_x")) < 0 {
		return append(dst, s...)
	}
	for i := 0; i < len(s); {
		if s[i] == '_' && i+6 < len(s) && s[i+1] == 'x' && s[i+6] == '_' && isHex4(s[i+2:i+6]) {
			n, _ := strconv.ParseUint(string(s[i+2:i+6]), 16, 32)
			if string(s[i:i+7]) == "_x005F_" {
				dst = append(dst, '_')
			} else if r := rune(n); r < 0xD800 || r > 0xDFFF {
				dst = utf8.AppendRune(dst, r)
			}
			i += 7
			continue
		}
		dst = append(dst, s[i])
		i++
	}
	return dst
}

func isHex4(b []byte) bool {
	for _, c := range b {
		if !(c >= '0' && c <= '9' || c >= 'a' && c <= 'f' || c >= 'A' && c <= 'F') {
			return false
		}
	}
	return true
}

// readStyles reads the number format of every cell style (cellXfs).
func readStyles(p *pkg, part string) ([]numKind, error) {
	t, done, err := partTok(p, part)
	if err != nil {
		return nil, err
	}
	defer done()
	custom := map[int]string{}
	var ids []int
	// Only the formats under numFmts are the cells' formats: those of a
	// conditional format (dxfs) can reuse their ids for other codes.
	inXfs, inFmts := false, false
	for k := t.next(); k != tokEOF; k = t.next() {
		switch k {
		case tokStart:
			switch string(t.name) {
			case "numFmts":
				inFmts = !t.empty
			case "numFmt":
				id, err := strconv.Atoi(attrString(t.attrs, "numFmtId"))
				if err == nil && inFmts {
					custom[id] = attrString(t.attrs, "formatCode")
				}
			case "cellXfs":
				inXfs = !t.empty
			case "xf":
				if inXfs {
					id, _ := strconv.Atoi(attrString(t.attrs, "numFmtId"))
					ids = append(ids, id)
					t.skip()
				}
			}
		case tokEnd:
			switch string(t.name) {
			case "cellXfs":
				inXfs = false
			case "numFmts":
				inFmts = false
			}
		}
	}
	if t.err != nil {
		return nil, partError(part, "", t.err)
	}
	kinds := make([]numKind, len(ids))
	for i, id := range ids {
		if code, ok := custom[id]; ok {
			kinds[i] = classifyFormat(code)
		} else {
			kinds[i] = builtinKind(id)
		}
	}
	return kinds, nil
}
