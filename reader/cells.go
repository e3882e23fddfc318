package reader

import (
	"bytes"
	"strconv"
)

// Excel's sheet size.
const (
	maxColumns = 16384
	maxRows    = 1048576
)

// cellType is the t attribute of a cell.
type cellType uint8

const (
	cellNumber cellType = iota // t="n" or no t
	cellShared                 // t="s": an index into the shared strings
	cellInline                 // t="inlineStr": text in <is>
	cellStr                    // t="str": text, the result of a formula
	cellBool                   // t="b": 1 or 0
	cellError                  // t="e": #N/A, #DIV/0!, ...
	cellDate                   // t="d": ISO 8601 text
)

func typeOf(t []byte) cellType {
	switch string(t) {
	case "s":
		return cellShared
	case "inlineStr":
		return cellInline
	case "str":
		return cellStr
	case "b":
		return cellBool
	case "e":
		return cellError
	case "d":
		return cellDate
	}
	return cellNumber
}

// cell is one cell of a row as the sheet stores it: its raw value, exactly as
// excelize's Rows().Columns(RawCellValue) gives it.
type cell struct {
	col     int // 1-based
	typ     cellType
	style   int
	formula bool
	str     string // the text of shared and inline strings
	sst     int32  // the shared string's index, -1 for other cells
	v       []byte // the <v> text of other cells; valid until the next row
	off, n  int    // where v lies in the row's arena while the row is read
}

// raw returns the cell's raw value as excelize gives it.
func (c *cell) raw() string {
	if c.typ == cellShared || c.typ == cellInline {
		return c.str
	}
	return string(c.v)
}

// sheetDataError is a sheet whose cells cannot be read.
type sheetDataError struct{ detail string }

func (e *sheetDataError) Error() string { return e.detail }

// rowScanner reads the rows of a sheet's XML one at a time, keeping only the
// cells that have a value or a formula.
type rowScanner struct {
	t       *xmlTok
	sst     []string
	maxCol  int // cells right of it are not kept (0: keep all)
	num     int // the current row's number
	cells   []cell
	arena   []byte
	inline  []byte
	rowName []byte
	unesc   []byte
	// interned holds the text of inline strings seen so far, numbered after
	// the shared strings, so that a text repeated down a sheet is one string
	// and can be looked up like a shared one.
	interned     map[string]int32
	internedStrs []string
	slow         bool // never use the fast path (for tests)
	done         bool
	err          error
	// merges are the sheet's merged ranges ("A2:A13"), read after its cells.
	merges []string
}

func newRowScanner(t *xmlTok, sst []string) *rowScanner {
	return &rowScanner{t: t, sst: sst}
}

// next moves to the next row that has at least one kept cell.
func (s *rowScanner) next() bool {
	if s.done {
		return false
	}
	t := s.t
	for {
		kind, ref, fast := tokStart, []byte(nil), false
		if !s.slow {
			ref, fast = s.fastRowStart()
		}
		if !fast {
			kind = t.next()
			ref, _ = attr(t.attrs, "r")
		}
		switch kind {
		case tokStart:
			if string(t.name) != "row" {
				continue
			}
			n := s.num + 1
			if ref != nil {
				if r, err := strconv.Atoi(string(ref)); err == nil && r > 0 {
					n = r
				}
			}
			if n > maxRows {
				return s.fail(&sheetDataError{detailRowBeyond(n)})
			}
			s.num = n
			if t.empty {
				continue
			}
			if !s.readRow() {
				return false
			}
			if len(s.cells) > 0 {
				return true
			}
		case tokEnd:
			if string(t.name) == "sheetData" {
				s.drain()
				return false
			}
		case tokEOF:
			s.done = true
			s.err = t.err
			return false
		}
	}
}

// drain reads the rest of the part, so that a part cut short is noticed.
func (s *rowScanner) drain() {
	s.done = true
	for k := s.t.next(); k != tokEOF; k = s.t.next() {
		if k == tokStart && string(s.t.name) == "mergeCell" && len(s.merges) < maxMerges {
			if ref, ok := attr(s.t.attrs, "ref"); ok {
				s.merges = append(s.merges, string(ref))
			}
		}
	}
	s.err = s.t.err
}

// maxMerges bounds the merged ranges kept for messages.
const maxMerges = 10_000

func (s *rowScanner) fail(err error) bool {
	s.done = true
	if s.err == nil {
		s.err = err
	}
	return false
}

// readRow reads the cells up to </row>, with the fast path when it can.
func (s *rowScanner) readRow() bool {
	if !s.slow && s.readRowFast() == fastDone {
		return true
	}
	t := s.t
	s.cells = s.cells[:0]
	s.arena = s.arena[:0]
	col := 0
	for {
		switch t.next() {
		case tokStart:
			if string(t.name) != "c" {
				t.skip()
				continue
			}
			c := cell{col: col + 1, sst: -1}
			ref, typ, style := cellAttrs(t.attrs)
			if ref != nil {
				n, ok := columnOf(ref)
				if !ok {
					return s.fail(&sheetDataError{detailBadReference(string(ref))})
				}
				c.col = n
			}
			col = c.col
			if s.maxCol > 0 && c.col > s.maxCol {
				t.skip()
				continue
			}
			if typ != nil {
				c.typ = typeOf(typ)
			}
			if style != nil {
				c.style = atoiBytes(style)
			}
			if !t.empty && !s.readCell(&c) {
				return false
			}
			if c.formula || c.n > 0 || c.str != "" {
				s.cells = append(s.cells, c)
			}
		case tokEnd:
			if string(t.name) == "row" {
				for i := range s.cells {
					c := &s.cells[i]
					c.v = s.arena[c.off : c.off+c.n : c.off+c.n]
				}
				return true
			}
		case tokEOF:
			s.done = true
			s.err = t.err
			return false
		}
	}
}

// Bounds of the interning of inline strings.
const (
	maxInterned    = 1 << 17
	maxInternedLen = 256
)

// inlineString returns the text of an inline string cell (its _xHHHH_
// escapes decoded when unescape is set) and its number after the shared
// strings, or -1 when it is not kept.
func (s *rowScanner) inlineString(b []byte, unescape bool) (string, int32) {
	if unescape && bytes.Contains(b, []byte("_x")) {
		s.unesc = appendUnescaped(s.unesc[:0], b)
		b = s.unesc
	}
	if id, ok := s.interned[string(b)]; ok {
		return s.internedStrs[id], int32(len(s.sst)) + id
	}
	str := string(b)
	if len(s.internedStrs) >= maxInterned || len(b) > maxInternedLen {
		return str, -1
	}
	if s.interned == nil {
		s.interned = map[string]int32{}
	}
	id := int32(len(s.internedStrs))
	s.interned[str] = id
	s.internedStrs = append(s.internedStrs, str)
	return str, int32(len(s.sst)) + id
}

// readCell reads the children of a <c> element up to </c>.
func (s *rowScanner) readCell(c *cell) bool {
	t := s.t
	c.off = len(s.arena)
	hasInline := false
	for {
		switch t.next() {
		case tokStart:
			switch string(t.name) {
			case "v":
				s.arena = t.textOf(s.arena)
			case "f":
				c.formula = true
				t.skip()
			case "is":
				s.inline = s.readInline(s.inline[:0])
				hasInline = true
			default:
				t.skip()
			}
		case tokEnd:
			c.n = len(s.arena) - c.off
			switch c.typ {
			case cellShared:
				v := bytes.TrimSpace(s.arena[c.off:])
				if len(v) > 0 {
					i, err := strconv.Atoi(string(v))
					if err != nil || i < 0 || i >= len(s.sst) {
						return s.fail(&sheetDataError{detailMissingSharedText(string(v))})
					}
					c.str, c.sst = s.sst[i], int32(i)
				}
				s.arena, c.n = s.arena[:c.off], 0
			case cellInline:
				if hasInline {
					c.str, c.sst = s.inlineString(s.inline, true)
				} else {
					c.str, c.sst = s.inlineString(s.arena[c.off:], false)
				}
				s.arena, c.n = s.arena[:c.off], 0
			}
			return true
		case tokEOF:
			s.done = true
			s.err = t.err
			return false
		}
	}
}

// readInline reads an <is> element: its text and that of its rich text runs,
// without the phonetic runs.
func (s *rowScanner) readInline(dst []byte) []byte {
	t := s.t
	if t.empty {
		return dst
	}
	var runs []byte
	for depth := 1; depth > 0; {
		switch t.next() {
		case tokStart:
			switch name := string(t.name); {
			case depth == 1 && name == "t":
				dst = t.textOf(dst)
			case depth == 1 && name == "r":
				if !t.empty {
					depth++
				}
			case depth == 2 && name == "t":
				runs = t.textOf(runs)
			default:
				t.skip()
			}
		case tokEnd:
			depth--
		case tokEOF:
			return dst
		}
	}
	return append(dst, runs...)
}

// cellAttrs returns the r, t and s attributes of a <c> start tag (nil when
// absent) in one pass.
func cellAttrs(attrs []byte) (ref, typ, style []byte) {
	i := 0
	for i < len(attrs) {
		for i < len(attrs) && isSpace(attrs[i]) {
			i++
		}
		start := i
		for i < len(attrs) && attrs[i] != '=' && !isSpace(attrs[i]) {
			i++
		}
		key := attrs[start:i]
		for i < len(attrs) && (isSpace(attrs[i]) || attrs[i] == '=') {
			i++
		}
		if i >= len(attrs) || (attrs[i] != '"' && attrs[i] != '\'') {
			return
		}
		q := attrs[i]
		j := bytes.IndexByte(attrs[i+1:], q)
		if j < 0 {
			return
		}
		val := attrs[i+1 : i+1+j]
		i += j + 2
		if k := attrName(key); len(k) == 1 {
			switch k[0] {
			case 'r':
				ref = val
			case 't':
				typ = val
			case 's':
				style = val
			}
		}
	}
	return
}

// atoiBytes reads a small non-negative decimal number; 0 when it is not one.
func atoiBytes(b []byte) int {
	if len(b) == 0 || len(b) > 9 {
		return 0
	}
	n := 0
	for _, c := range b {
		if c < '0' || c > '9' {
			return 0
		}
		n = n*10 + int(c-'0')
	}
	return n
}

// columnOf reads the column of a cell reference ("AB12" is 28); the row part
// is not needed (the row element gives it).
func columnOf(ref []byte) (int, bool) {
	n, i := 0, 0
	for ; i < len(ref); i++ {
		c := ref[i]
		switch {
		case c >= 'A' && c <= 'Z':
			n = n*26 + int(c-'A'+1)
		case c >= 'a' && c <= 'z':
			n = n*26 + int(c-'a'+1)
		default:
			goto digits
		}
		if n > maxColumns {
			return 0, false
		}
	}
digits:
	if i == 0 {
		return 0, false
	}
	for ; i < len(ref); i++ {
		if ref[i] < '0' || ref[i] > '9' {
			return 0, false
		}
	}
	return n, true
}

// columnName returns the letters of a 1-based column ("AB" for 28).
func columnName(col int) string {
	var b [4]byte
	i := len(b)
	for col > 0 {
		col--
		i--
		b[i] = byte('A' + col%26)
		col /= 26
	}
	return string(b[i:])
}

// cellName returns the A1 reference of a cell.
func cellName(col, row int) string {
	return columnName(col) + strconv.Itoa(row)
}
