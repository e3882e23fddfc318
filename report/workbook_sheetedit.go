package report

import (
	"bytes"
	"fmt"
	"slices"
	"strconv"
	"strings"
)

// A partner's sheet is annotated by rewriting its worksheet XML in place:
// every byte the annotation does not change is copied as it was, so values,
// formulas, styles, merges, validations, comments and links stay exactly as
// the partner wrote them. The rewrite adds a status cell to each row, a
// column width, and conditional formats (which colour rows and cells without
// touching their styles, and which a later run can find and replace).

// sheetEdit is what the rewrite changes in one worksheet.
type sheetEdit struct {
	headerRow int // 1-based; 0 when the sheet gets no status column
	lastRow   int
	lastCol   int // rightmost data column
	// statusCol is the status column to use (an earlier run's), or 0 to
	// choose the first free column right of the data.
	statusCol int
	// clearCol is an earlier run's status column whose cells are removed
	// from the header row down (0: none).
	clearCol int
	rows     map[int]rowNote
	marks    []cellMark
	untab    bool // remove tabSelected from the sheet views
	look     sheetLook
}

// sheetLook holds the style ids the rewrite uses.
type sheetLook struct {
	header, counted, notCounted, failed int // cell formats (cellXfs)
	rowFill, rowError                   int // differential formats (dxf) of rows
	cellError, cellWarning              int // dxf of marked cells
}

// statusKind says how a row fared.
type statusKind int

const (
	statusCounted statusKind = iota
	statusNotCounted
	statusError
)

// rowNote is the status written on one row.
type rowNote struct {
	kind statusKind
	text string
}

// cellMark is a cell that an issue points at.
type cellMark struct {
	col, row int
	err      bool // error (else warning)
}

// sheetFacts is what the scan pass learns before the rewrite.
type sheetFacts struct {
	tabSelected bool
	// used holds the columns right of the data with a value in the data rows.
	used map[int]bool
	// headers holds header-row cells right of the data: text, or a shared string index.
	headers map[int]headerCell
	// maxPriority is the highest conditional-format priority in the sheet.
	maxPriority int
}

type headerCell struct {
	text   string
	shared int // shared string index, -1 when the text is inline
}

// Status column texts and the conditional formats keyed on them.
const (
	statusHeader = "PCS status"
	// statusWidth is the status column's width in characters.
	statusWidth = 58
)

// notCountedPrefixes start the status of every row that did not count; the
// row fill's formula tests them, so a status of a row that did not count
// always starts with one of them.
var notCountedPrefixes = []string{"not counted", "path only"}

const errorPrefix = "error"

// rowFillFormula is the conditional-format formula that fills rows that did
// not count, relative to the first data row, with the status in column col.
func rowFillFormula(col, row int) string {
	ref := "$" + colName(col) + strconv.Itoa(row)
	var parts []string
	for _, p := range notCountedPrefixes {
		parts = append(parts, fmt.Sprintf("LEFT(%s,%d)=%q", ref, len(p), p))
	}
	return "OR(" + strings.Join(parts, ",") + ")"
}

func rowErrorFormula(col, row int) string {
	return fmt.Sprintf("LEFT($%s%d,%d)=%q", colName(col), row, len(errorPrefix), errorPrefix)
}

// Marked cells carry a rule that is always true; its text names it.
const (
	markErrorFormula   = `ISTEXT("pcs: data error")`
	markWarningFormula = `ISTEXT("pcs: data warning")`
)

// isOurFormula reports whether a conditional-format formula is one an earlier
// run added, so that a new run replaces it.
func isOurFormula(f string) bool {
	f = strings.TrimPrefix(strings.TrimSpace(f), "=")
	if f == markErrorFormula || f == markWarningFormula {
		return true
	}
	col, row, ok := formulaRef(f)
	return ok && (f == rowFillFormula(col, row) || f == rowErrorFormula(col, row))
}

// formulaRef finds the "$G2" reference our row formulas start with.
func formulaRef(f string) (col, row int, ok bool) {
	i := strings.Index(f, "LEFT($")
	if i < 0 {
		return 0, 0, false
	}
	rest := f[i+len("LEFT("):]
	j := strings.IndexByte(rest, ',')
	if j < 0 {
		return 0, 0, false
	}
	return parseCellRef([]byte(strings.Replace(rest[:j], "$", "", 1)))
}

// Element order of a worksheet (CT_Worksheet); new elements go where the schema wants them.
var wsRank = map[string]int{
	"sheetPr": 1, "dimension": 2, "sheetViews": 3, "sheetFormatPr": 4, "cols": 5, "sheetData": 6,
	"sheetCalcPr": 7, "sheetProtection": 8, "protectedRanges": 9, "scenarios": 10, "autoFilter": 11,
	"sortState": 12, "dataConsolidate": 13, "customSheetViews": 14, "mergeCells": 15, "phoneticPr": 16,
	"conditionalFormatting": 17, "dataValidations": 18, "hyperlinks": 19, "printOptions": 20,
	"pageMargins": 21, "pageSetup": 22, "headerFooter": 23, "rowBreaks": 24, "colBreaks": 25,
	"customProperties": 26, "cellWatches": 27, "ignoredErrors": 28, "smartTags": 29, "drawing": 30,
	"legacyDrawing": 31, "legacyDrawingHF": 32, "drawingHF": 33, "picture": 34, "oleObjects": 35,
	"controls": 36, "webPublishItems": 37, "tableParts": 38, "extLst": 39,
	// Excel wraps controls and OLE objects in mc:AlternateContent.
	"AlternateContent": 35,
}

// scanSheet is the first pass: it finds the free columns, the header cells
// right of the data, the selected state and the conditional-format priorities.
func scanSheet(src []byte, e *sheetEdit) (*sheetFacts, error) {
	facts := &sheetFacts{used: map[int]bool{}, headers: map[int]headerCell{}}
	s := &xmlScanner{b: src}
	var p []byte
	rootSeen := false
	depth := 0
	var top string // current child of the root
	row, col := 0, 0
	inRange := false
	var rule struct {
		open, inFormula bool
		prio            int
		formula         strings.Builder
	}
	var cell struct {
		col, row    int
		t           string
		hasValue    bool
		text        []byte
		inV, inT    bool
		sharedIndex int
	}
	for {
		t, ok, err := s.next()
		if err != nil {
			return nil, err
		}
		if !ok {
			break
		}
		switch t.kind {
		case xtStart, xtEmpty:
			_, local := splitName(t.name)
			switch string(local) {
			case "cfRule":
				rule.prio = 0
				if v, ok := attr(t.attrs, "priority"); ok {
					rule.prio, _ = strconv.Atoi(string(v))
				}
				rule.formula.Reset()
				rule.open = t.kind == xtStart
				if !rule.open {
					facts.maxPriority = max(facts.maxPriority, rule.prio)
				}
			case "formula":
				rule.inFormula = rule.open && t.kind == xtStart
			}
			switch {
			case depth == 0:
				p, _ = splitName(t.name)
				rootSeen = true
			case depth == 1:
				top = ""
				if pre, _ := splitName(t.name); bytes.Equal(pre, p) {
					top = string(local)
				}
			case depth == 2 && top == "sheetViews" && t.is(p, "sheetView"):
				if v, ok := attr(t.attrs, "tabSelected"); ok && isTrue(v) {
					facts.tabSelected = true
				}
			case depth == 2 && top == "mergeCells" && t.is(p, "mergeCell"):
				if v, ok := attr(t.attrs, "ref"); ok && e.headerRow > 0 {
					if c1, r1, c2, r2, ok := parseRange(v); ok && r2 >= e.headerRow && r1 <= e.lastRow {
						for c := max(c1, e.lastCol+1); c <= c2 && c <= maxColumns; c++ {
							facts.used[c] = true
						}
					}
				}
			case depth == 2 && top == "sheetData" && t.is(p, "row"):
				row++
				if v, ok := attr(t.attrs, "r"); ok {
					if n, err := strconv.Atoi(string(v)); err == nil {
						row = n
					}
				}
				col = 0
				inRange = e.headerRow > 0 && row >= e.headerRow && row <= e.lastRow
			case depth == 3 && top == "sheetData" && t.is(p, "c"):
				col++
				if v, ok := attr(t.attrs, "r"); ok {
					if c, _, ok := parseCellRef(v); ok {
						col = c
					}
				}
				cell.col, cell.row, cell.hasValue, cell.text, cell.sharedIndex = col, row, false, cell.text[:0], -1
				cell.t = ""
				if v, ok := attr(t.attrs, "t"); ok {
					cell.t = string(v)
				}
			case depth >= 4 && top == "sheetData" && inRange && cell.col > e.lastCol:
				_, loc := splitName(t.name)
				switch string(loc) {
				case "f":
					cell.hasValue = true
				case "v":
					cell.inV = t.kind == xtStart
				case "t":
					cell.inT = t.kind == xtStart
				}
			}
			if t.kind == xtStart {
				depth++
			}
		case xtText, xtCDATA:
			if rule.inFormula {
				if t.kind == xtCDATA {
					rule.formula.Write(src[t.start+9 : t.end-3])
				} else {
					rule.formula.WriteString(xmlUnescape(src[t.start:t.end]))
				}
			}
			if depth >= 5 && inRange && (cell.inV || cell.inT) {
				raw := src[t.start:t.end]
				if t.kind == xtCDATA {
					raw = raw[9 : len(raw)-3]
				} else {
					raw = []byte(xmlUnescape(raw))
				}
				if len(raw) > 0 {
					cell.hasValue = true
				}
				cell.text = append(cell.text, raw...)
			}
		case xtEnd:
			depth--
			switch _, local := splitName(t.name); string(local) {
			case "formula":
				rule.inFormula = false
			case "cfRule":
				// An earlier run's rules are replaced: their priorities do not count.
				if rule.open && !isOurFormula(rule.formula.String()) {
					facts.maxPriority = max(facts.maxPriority, rule.prio)
				}
				rule.open = false
			}
			if depth == 3 && top == "sheetData" && inRange && cell.col > e.lastCol {
				// The end of a cell right of the data.
				if t.is(p, "c") {
					if cell.hasValue {
						facts.used[cell.col] = true
					}
					if cell.row == e.headerRow && cell.hasValue {
						h := headerCell{text: string(cell.text), shared: -1}
						if cell.t == "s" {
							n, err := strconv.Atoi(strings.TrimSpace(h.text))
							if err == nil {
								h.shared, h.text = n, ""
							}
						}
						facts.headers[cell.col] = h
					}
				}
			}
			if depth >= 4 {
				cell.inV, cell.inT = false, false
			}
		}
	}
	if depth != 0 || !rootSeen {
		return nil, errXMLSyntax
	}
	return facts, nil
}

func isTrue(v []byte) bool { return string(v) == "1" || string(v) == "true" }

// chooseStatusColumn decides where the status goes: an earlier run's column
// when there is one (reused is then true), else the first column right of
// the data with no value in the data rows. It returns 0 when the sheet has
// no room.
func chooseStatusColumn(e *sheetEdit, f *sheetFacts, sharedText func(int) (string, bool)) (col int, reused bool) {
	if e.headerRow == 0 {
		return 0, false
	}
	if e.statusCol > 0 {
		return e.statusCol, true
	}
	cols := make([]int, 0, len(f.headers))
	for c := range f.headers {
		cols = append(cols, c)
	}
	slices.Sort(cols)
	for _, c := range cols {
		h := f.headers[c]
		text := h.text
		if h.shared >= 0 && sharedText != nil {
			text, _ = sharedText(h.shared)
		}
		if strings.EqualFold(strings.TrimSpace(text), statusHeader) {
			return c, true
		}
	}
	for c := e.lastCol + 1; c <= maxColumns; c++ {
		if !f.used[c] {
			return c, false
		}
	}
	return 0, false
}

// rewriteSheet is the second pass: it copies src, adding the status column,
// its width, the conditional formats and the dimension, and removing an
// earlier run's status cells and conditional formats.
func rewriteSheet(src []byte, e *sheetEdit, status int, f *sheetFacts) ([]byte, error) {
	w := &sheetWriter{src: src, e: e, col: status, facts: f}
	w.out = make([]byte, 0, len(src)+len(e.rows)*96+2048)
	if err := w.run(); err != nil {
		return nil, err
	}
	return w.out, nil
}

type sheetWriter struct {
	src   []byte
	out   []byte
	last  int // src[:last] has been written
	e     *sheetEdit
	col   int // status column (0: none)
	facts *sheetFacts
	p     []byte

	pending  []int // rows that get a status but have no row element, ascending
	cfDone   bool
	colsDone bool
}

func (w *sheetWriter) copyTo(pos int) {
	w.out = append(w.out, w.src[w.last:pos]...)
	w.last = pos
}

func (w *sheetWriter) skipTo(pos int) { w.last = pos }

func (w *sheetWriter) run() error {
	e := w.e
	if w.col > 0 {
		for r := range e.rows {
			w.pending = append(w.pending, r)
		}
		if _, ok := e.rows[e.headerRow]; !ok {
			w.pending = append(w.pending, e.headerRow)
		}
		slices.Sort(w.pending)
	}
	s := &xmlScanner{b: w.src}
	depth := 0
	rootSeen := false
	for {
		t, ok, err := s.next()
		if err != nil {
			return err
		}
		if !ok {
			break
		}
		switch t.kind {
		case xtStart, xtEmpty:
			if depth == 0 {
				if rootSeen {
					return errXMLSyntax
				}
				rootSeen = true
				w.p, _ = splitName(t.name)
				if t.kind == xtEmpty {
					return errXMLSyntax
				}
				depth++
				continue
			}
			if depth == 1 {
				if err := w.topElement(s, t); err != nil {
					return err
				}
				continue
			}
			if t.kind == xtStart {
				depth++
			}
		case xtEnd:
			depth--
			if depth == 0 {
				w.copyTo(t.start)
				w.beforeRank(100)
				w.copyTo(t.end)
			}
		}
	}
	if !rootSeen || depth != 0 {
		return errXMLSyntax
	}
	w.copyTo(len(w.src))
	return nil
}

// beforeRank writes the elements the schema puts before an element of rank r
// and that the sheet has not had yet.
func (w *sheetWriter) beforeRank(r int) {
	if r > wsRank["cols"] && !w.colsDone && w.col > 0 {
		w.colsDone = true
		w.out = append(w.out, '<')
		w.out = w.name("cols")
		w.out = append(w.out, '>')
		w.out = w.colXML(w.out, nil, w.col)
		w.out = append(w.out, "</"...)
		w.out = w.name("cols")
		w.out = append(w.out, '>')
	}
	if r > wsRank["sheetData"] && w.col > 0 && len(w.pending) > 0 {
		// No sheetData at all: the sheet is empty but gets a header.
		w.out = append(w.out, '<')
		w.out = w.name("sheetData")
		w.out = append(w.out, '>')
		w.flushPending(maxRows + 1)
		w.out = append(w.out, "</"...)
		w.out = w.name("sheetData")
		w.out = append(w.out, '>')
	}
	if r > wsRank["conditionalFormatting"] && !w.cfDone {
		w.cfDone = true
		w.out = w.cfXML(w.out)
	}
}

// name appends a SpreadsheetML element name with the sheet's prefix.
func (w *sheetWriter) name(local string) []byte {
	if len(w.p) > 0 {
		w.out = append(w.out, w.p...)
		w.out = append(w.out, ':')
	}
	return append(w.out, local...)
}

// topElement handles a child of the root element, consuming it whole.
func (w *sheetWriter) topElement(s *xmlScanner, t xmlTok) error {
	pre, local := splitName(t.name)
	ours := bytes.Equal(pre, w.p)
	rank := wsRank[string(local)]
	if !ours && string(local) != "AlternateContent" {
		rank = 0
	}
	if rank > 0 {
		w.copyTo(t.start)
		w.beforeRank(rank)
	}
	if !ours {
		return w.skipElement(s, t)
	}
	switch string(local) {
	case "dimension":
		return w.dimension(s, t)
	case "sheetViews":
		return w.sheetViews(s, t)
	case "cols":
		w.colsDone = true
		return w.cols(s, t)
	case "sheetData":
		return w.sheetData(s, t)
	case "conditionalFormatting":
		return w.condFormat(s, t)
	}
	return w.skipElement(s, t)
}

// skipElement consumes an element and its content, leaving it to be copied.
func (w *sheetWriter) skipElement(s *xmlScanner, t xmlTok) error {
	_, err := elementEnd(s, t)
	return err
}

// elementEnd consumes tokens up to the end of the element t starts and returns
// the offset after it.
func elementEnd(s *xmlScanner, t xmlTok) (int, error) {
	if t.kind == xtEmpty {
		return t.end, nil
	}
	depth := 1
	for {
		u, ok, err := s.next()
		if err != nil {
			return 0, err
		}
		if !ok {
			return 0, errXMLSyntax
		}
		switch u.kind {
		case xtStart:
			depth++
		case xtEnd:
			depth--
			if depth == 0 {
				return u.end, nil
			}
		}
	}
}

func (w *sheetWriter) dimension(s *xmlScanner, t xmlTok) error {
	end, err := elementEnd(s, t)
	if err != nil || w.col == 0 {
		return err
	}
	ref, ok := attr(t.attrs, "ref")
	if !ok {
		return nil
	}
	c1, r1, c2, r2, ok := parseRange(ref)
	if !ok {
		return nil
	}
	c2, r2 = max(c2, w.col), max(r2, w.e.lastRow)
	w.copyTo(t.start)
	w.out = appendTag(w.out, t, map[string]string{"ref": cellName(c1, r1) + ":" + cellName(c2, r2)}, nil)
	w.out = append(w.out, w.src[t.end:end]...)
	w.skipTo(end)
	return nil
}

// appendTag rewrites a start or empty tag, replacing the values of set
// (adding those it lacks) and dropping the attributes in drop.
func appendTag(dst []byte, t xmlTok, set map[string]string, drop map[string]bool) []byte {
	dst = append(dst, '<')
	dst = append(dst, t.name...)
	done := map[string]bool{}
	_ = eachAttr(t.attrs, func(n, v []byte) bool {
		name := string(n)
		if drop[name] {
			return true
		}
		dst = append(dst, ' ')
		dst = append(dst, n...)
		dst = append(dst, `="`...)
		if nv, ok := set[name]; ok {
			done[name] = true
			dst = xmlEscape(dst, nv)
		} else {
			dst = append(dst, v...)
		}
		dst = append(dst, '"')
		return true
	})
	keys := make([]string, 0, len(set))
	for k := range set {
		if !done[k] {
			keys = append(keys, k)
		}
	}
	slices.Sort(keys)
	for _, k := range keys {
		dst = append(dst, ' ')
		dst = append(dst, k...)
		dst = append(dst, `="`...)
		dst = xmlEscape(dst, set[k])
		dst = append(dst, '"')
	}
	if t.kind == xtEmpty {
		dst = append(dst, '/')
	}
	return append(dst, '>')
}

func (w *sheetWriter) sheetViews(s *xmlScanner, t xmlTok) error {
	if t.kind == xtEmpty {
		return nil
	}
	depth := 1
	for {
		u, ok, err := s.next()
		if err != nil {
			return err
		}
		if !ok {
			return errXMLSyntax
		}
		switch u.kind {
		case xtStart, xtEmpty:
			if depth == 1 && w.e.untab && u.is(w.p, "sheetView") {
				if _, sel := attr(u.attrs, "tabSelected"); sel {
					w.copyTo(u.start)
					w.out = appendTag(w.out, u, nil, map[string]bool{"tabSelected": true})
					w.skipTo(u.end)
				}
			}
			if u.kind == xtStart {
				depth++
			}
		case xtEnd:
			depth--
			if depth == 0 {
				return nil
			}
		}
	}
}

// colSpec is one <col> element: its range and its other attributes in order.
type colSpec struct {
	min, max int
	attrs    [][2]string // name, escaped value
}

func (w *sheetWriter) cols(s *xmlScanner, t xmlTok) error {
	end, err := elementEnd(s, t)
	if err != nil || w.col == 0 {
		return err
	}
	var specs []colSpec
	inner := &xmlScanner{b: w.src[:end], pos: t.end}
	for {
		u, ok, err := inner.next()
		if err != nil || !ok {
			break
		}
		if (u.kind == xtStart || u.kind == xtEmpty) && u.is(w.p, "col") {
			var c colSpec
			_ = eachAttr(u.attrs, func(n, v []byte) bool {
				switch string(n) {
				case "min":
					c.min, _ = strconv.Atoi(string(v))
				case "max":
					c.max, _ = strconv.Atoi(string(v))
				default:
					c.attrs = append(c.attrs, [2]string{string(n), string(v)})
				}
				return true
			})
			if c.min > 0 && c.max >= c.min {
				specs = append(specs, c)
			}
		}
	}
	w.copyTo(t.start)
	w.out = appendTag(w.out, xmlTok{kind: xtStart, name: t.name, attrs: t.attrs}, nil, nil)
	w.out = w.colXML(w.out, specs, w.col)
	w.out = append(w.out, "</"...)
	w.out = append(w.out, t.name...)
	w.out = append(w.out, '>')
	w.skipTo(end)
	return nil
}

// colXML writes the col elements of specs with column col given the status
// width: ranges that cover it are split around it.
func (w *sheetWriter) colXML(dst []byte, specs []colSpec, col int) []byte {
	slices.SortStableFunc(specs, func(a, b colSpec) int { return a.min - b.min })
	ours := colSpec{min: col, max: col, attrs: [][2]string{{"width", strconv.Itoa(statusWidth)}, {"customWidth", "1"}}}
	var out []colSpec
	placed := false
	for _, c := range specs {
		if c.max < col || c.min > col {
			if !placed && c.min > col {
				out = append(out, ours)
				placed = true
			}
			out = append(out, c)
			continue
		}
		if c.min < col {
			out = append(out, colSpec{min: c.min, max: col - 1, attrs: c.attrs})
		}
		mid := colSpec{min: col, max: col}
		for _, a := range c.attrs {
			switch a[0] {
			case "width", "customWidth", "hidden", "bestFit":
			default:
				mid.attrs = append(mid.attrs, a)
			}
		}
		mid.attrs = append(mid.attrs, ours.attrs...)
		out = append(out, mid)
		placed = true
		if c.max > col {
			out = append(out, colSpec{min: col + 1, max: c.max, attrs: c.attrs})
		}
	}
	if !placed {
		out = append(out, ours)
	}
	for _, c := range out {
		dst = append(dst, '<')
		if len(w.p) > 0 {
			dst = append(dst, w.p...)
			dst = append(dst, ':')
		}
		dst = append(dst, `col min="`...)
		dst = strconv.AppendInt(dst, int64(c.min), 10)
		dst = append(dst, `" max="`...)
		dst = strconv.AppendInt(dst, int64(c.max), 10)
		dst = append(dst, '"')
		for _, a := range c.attrs {
			dst = append(dst, ' ')
			dst = append(dst, a[0]...)
			dst = append(dst, `="`...)
			dst = append(dst, a[1]...)
			dst = append(dst, '"')
		}
		dst = append(dst, "/>"...)
	}
	return dst
}

func (w *sheetWriter) sheetData(s *xmlScanner, t xmlTok) error {
	if t.kind == xtEmpty {
		if w.col == 0 || len(w.pending) == 0 {
			return nil
		}
		w.copyTo(t.start)
		w.out = appendTag(w.out, xmlTok{kind: xtStart, name: t.name, attrs: t.attrs}, nil, nil)
		w.flushPending(maxRows + 1)
		w.out = append(w.out, "</"...)
		w.out = append(w.out, t.name...)
		w.out = append(w.out, '>')
		w.skipTo(t.end)
		return nil
	}
	row := 0
	for {
		u, ok, err := s.next()
		if err != nil {
			return err
		}
		if !ok {
			return errXMLSyntax
		}
		switch u.kind {
		case xtStart, xtEmpty:
			if !u.is(w.p, "row") {
				if err := w.skipElement(s, u); err != nil {
					return err
				}
				continue
			}
			explicit := false
			if v, ok := attr(u.attrs, "r"); ok {
				if n, err := strconv.Atoi(string(v)); err == nil && n > 0 {
					row, explicit = n, true
				} else {
					row++
				}
			} else {
				row++
			}
			if err := w.row(s, u, row, explicit); err != nil {
				return err
			}
		case xtEnd:
			w.copyTo(u.start)
			w.flushPending(maxRows + 1)
			return nil
		}
	}
}

// flushPending writes the rows before row that need a status and have no element.
func (w *sheetWriter) flushPending(row int) {
	for len(w.pending) > 0 && w.pending[0] < row {
		r := w.pending[0]
		w.pending = w.pending[1:]
		w.out = append(w.out, '<')
		w.out = w.name("row")
		w.out = append(w.out, ` r="`...)
		w.out = strconv.AppendInt(w.out, int64(r), 10)
		w.out = append(w.out, `">`...)
		w.out = w.statusCell(w.out, r)
		w.out = append(w.out, "</"...)
		w.out = w.name("row")
		w.out = append(w.out, '>')
	}
}

// needsStatus reports whether row gets a status cell.
func (w *sheetWriter) needsStatus(row int) bool {
	if w.col == 0 {
		return false
	}
	if row == w.e.headerRow {
		return true
	}
	_, ok := w.e.rows[row]
	return ok
}

func (w *sheetWriter) row(s *xmlScanner, t xmlTok, row int, explicit bool) error {
	// Rows that need no status and no clearing are copied as they are.
	clearing := w.e.clearCol > 0 && w.e.headerRow > 0 && row >= w.e.headerRow
	pendingBefore := len(w.pending) > 0 && w.pending[0] < row
	status := w.needsStatus(row)
	if status && len(w.pending) > 0 && w.pending[0] == row {
		w.pending = w.pending[1:]
	}
	if !status && !clearing && !pendingBefore {
		return w.skipElement(s, t)
	}
	w.copyTo(t.start)
	w.flushPending(row)
	set := map[string]string{}
	if pendingBefore && !explicit {
		set["r"] = strconv.Itoa(row)
	}
	if status {
		if spans, ok := attr(t.attrs, "spans"); ok {
			set["spans"] = widenSpans(string(spans), w.col)
		}
	}
	if t.kind == xtEmpty {
		if !status {
			w.out = appendTag(w.out, t, set, nil)
			w.skipTo(t.end)
			return nil
		}
		w.out = appendTag(w.out, xmlTok{kind: xtStart, name: t.name, attrs: t.attrs}, set, nil)
		w.out = w.statusCell(w.out, row)
		w.out = append(w.out, "</"...)
		w.out = append(w.out, t.name...)
		w.out = append(w.out, '>')
		w.skipTo(t.end)
		return nil
	}
	w.out = appendTag(w.out, t, set, nil)
	w.skipTo(t.end)
	col := 0
	inserted := !status
	needR := false // the next implicit cell needs an explicit reference
	for {
		u, ok, err := s.next()
		if err != nil {
			return err
		}
		if !ok {
			return errXMLSyntax
		}
		switch u.kind {
		case xtStart, xtEmpty:
			if !u.is(w.p, "c") {
				if !inserted {
					w.copyTo(u.start)
					w.out = w.statusCell(w.out, row)
					inserted = true
				}
				if err := w.skipElement(s, u); err != nil {
					return err
				}
				continue
			}
			hasR := false
			if v, ok := attr(u.attrs, "r"); ok {
				if c, _, ok := parseCellRef(v); ok {
					col, hasR = c, true
				} else {
					col++
				}
			} else {
				col++
			}
			end, err := elementEnd(s, u)
			if err != nil {
				return err
			}
			drop := (clearing && col == w.e.clearCol) || (status && col == w.col)
			if !inserted && col >= w.col {
				w.copyTo(u.start)
				w.out = w.statusCell(w.out, row)
				inserted = true
				if !hasR && !drop {
					needR = true
				}
			}
			if drop {
				w.copyTo(u.start)
				w.skipTo(end)
				if !hasR {
					needR = true
				}
				continue
			}
			if needR && !hasR {
				w.copyTo(u.start)
				w.out = appendTag(w.out, u, map[string]string{"r": cellName(col, row)}, nil)
				w.skipTo(u.end)
			}
			needR = false
		case xtEnd:
			if !inserted {
				w.copyTo(u.start)
				w.out = w.statusCell(w.out, row)
			}
			return nil
		}
	}
}

// widenSpans extends a row's spans hint ("1:6") to cover col.
func widenSpans(spans string, col int) string {
	i := strings.LastIndexByte(spans, ':')
	if i < 0 {
		return spans
	}
	hi, err := strconv.Atoi(spans[i+1:])
	if err != nil || hi >= col {
		return spans
	}
	return spans[:i+1] + strconv.Itoa(col)
}

// statusCell writes the status cell of row (the header on the header row).
func (w *sheetWriter) statusCell(dst []byte, row int) []byte {
	text, style := statusHeader, w.e.look.header
	if row != w.e.headerRow {
		n := w.e.rows[row]
		text = n.text
		switch n.kind {
		case statusCounted:
			style = w.e.look.counted
		case statusNotCounted:
			style = w.e.look.notCounted
		default:
			style = w.e.look.failed
		}
	}
	return appendInlineCell(dst, w.p, w.col, row, style, text)
}

// appendInlineCell writes a cell holding text as an inline string: text is
// data, never a formula.
func appendInlineCell(dst, prefix []byte, col, row, style int, text string) []byte {
	el := func(local string) {
		if len(prefix) > 0 {
			dst = append(dst, prefix...)
			dst = append(dst, ':')
		}
		dst = append(dst, local...)
	}
	dst = append(dst, '<')
	el("c")
	dst = append(dst, ` r="`...)
	dst = append(dst, colName(col)...)
	dst = strconv.AppendInt(dst, int64(row), 10)
	dst = append(dst, '"')
	if style > 0 {
		dst = append(dst, ` s="`...)
		dst = strconv.AppendInt(dst, int64(style), 10)
		dst = append(dst, '"')
	}
	dst = append(dst, ` t="inlineStr"><`...)
	el("is")
	dst = append(dst, '>', '<')
	el("t")
	text = cellText(text)
	if text != strings.TrimSpace(text) {
		dst = append(dst, ` xml:space="preserve"`...)
	}
	dst = append(dst, '>')
	dst = xmlEscape(dst, text)
	dst = append(dst, '<', '/')
	el("t")
	dst = append(dst, '>', '<', '/')
	el("is")
	dst = append(dst, '>', '<', '/')
	el("c")
	return append(dst, '>')
}

// condFormat copies a conditional format, leaving out the rules an earlier run added.
func (w *sheetWriter) condFormat(s *xmlScanner, t xmlTok) error {
	if t.kind == xtEmpty {
		return nil
	}
	type part struct {
		start, end int
		ours       bool
	}
	var parts []part
	anyOurs := false
	for {
		u, ok, err := s.next()
		if err != nil {
			return err
		}
		if !ok {
			return errXMLSyntax
		}
		switch u.kind {
		case xtStart, xtEmpty:
			end, err := elementEnd(s, u)
			if err != nil {
				return err
			}
			ours := u.is(w.p, "cfRule") && isOurFormula(ruleFormula(w.src[u.start:end], w.p))
			anyOurs = anyOurs || ours
			parts = append(parts, part{u.start, end, ours})
		case xtEnd:
			if !anyOurs {
				return nil
			}
			kept := 0
			for _, p := range parts {
				if !p.ours {
					kept++
				}
			}
			w.copyTo(t.start)
			if kept > 0 {
				w.out = append(w.out, w.src[t.start:t.end]...)
				prev := t.end
				for _, p := range parts {
					if p.ours {
						w.out = append(w.out, w.src[prev:p.start]...)
					} else {
						w.out = append(w.out, w.src[prev:p.end]...)
					}
					prev = p.end
				}
				w.out = append(w.out, w.src[prev:u.end]...)
			}
			w.skipTo(u.end)
			return nil
		}
	}
}

// ruleFormula returns the text of the first formula of a cfRule element.
func ruleFormula(el, p []byte) string {
	s := &xmlScanner{b: el}
	in := false
	var sb strings.Builder
	for {
		t, ok, err := s.next()
		if err != nil || !ok {
			return sb.String()
		}
		switch t.kind {
		case xtStart:
			in = t.is(p, "formula")
		case xtEnd:
			if in {
				return sb.String()
			}
		case xtText:
			if in {
				sb.WriteString(xmlUnescape(el[t.start:t.end]))
			}
		case xtCDATA:
			if in {
				sb.Write(el[t.start+9 : t.end-3])
			}
		}
	}
}

// cfXML writes the conditional formats of this run.
func (w *sheetWriter) cfXML(dst []byte) []byte {
	prio := w.facts.maxPriority
	rule := func(dxf int, formula string) {
		prio++
		dst = append(dst, '<')
		dst = w.elName(dst, "cfRule")
		dst = append(dst, ` type="expression" dxfId="`...)
		dst = strconv.AppendInt(dst, int64(dxf), 10)
		dst = append(dst, `" priority="`...)
		dst = strconv.AppendInt(dst, int64(prio), 10)
		dst = append(dst, `"><`...)
		dst = w.elName(dst, "formula")
		dst = append(dst, '>')
		dst = xmlEscape(dst, formula)
		dst = append(dst, '<', '/')
		dst = w.elName(dst, "formula")
		dst = append(dst, '>', '<', '/')
		dst = w.elName(dst, "cfRule")
		dst = append(dst, '>')
	}
	open := func(sqref string) {
		dst = append(dst, '<')
		dst = w.elName(dst, "conditionalFormatting")
		dst = append(dst, ` sqref="`...)
		dst = append(dst, sqref...)
		dst = append(dst, `">`...)
	}
	closeEl := func() {
		dst = append(dst, '<', '/')
		dst = w.elName(dst, "conditionalFormatting")
		dst = append(dst, '>')
	}
	// Marked cells first: a marked cell's colour wins over its row's.
	for _, err := range []bool{true, false} {
		var cells []cellMark
		for _, m := range w.e.marks {
			if m.err == err {
				cells = append(cells, m)
			}
		}
		for _, sq := range sqrefChunks(cells, 64) {
			open(sq)
			if err {
				rule(w.e.look.cellError, markErrorFormula)
			} else {
				rule(w.e.look.cellWarning, markWarningFormula)
			}
			closeEl()
		}
	}
	if w.col > 0 && w.e.lastRow > w.e.headerRow {
		first := w.e.headerRow + 1
		open("A" + strconv.Itoa(first) + ":" + cellName(max(w.col, w.e.lastCol), w.e.lastRow))
		rule(w.e.look.rowError, rowErrorFormula(w.col, first))
		rule(w.e.look.rowFill, rowFillFormula(w.col, first))
		closeEl()
	}
	return dst
}

func (w *sheetWriter) elName(dst []byte, local string) []byte {
	if len(w.p) > 0 {
		dst = append(dst, w.p...)
		dst = append(dst, ':')
	}
	return append(dst, local...)
}

// sqrefChunks writes marked cells as space-separated references, with
// vertical runs of a column joined into ranges, at most n references each.
func sqrefChunks(cells []cellMark, n int) []string {
	if len(cells) == 0 {
		return nil
	}
	cells = slices.Clone(cells)
	slices.SortFunc(cells, func(a, b cellMark) int {
		if a.col != b.col {
			return a.col - b.col
		}
		return a.row - b.row
	})
	var refs []string
	for i := 0; i < len(cells); {
		j := i
		for j+1 < len(cells) && cells[j+1].col == cells[i].col && cells[j+1].row <= cells[j].row+1 {
			j++
		}
		ref := cellName(cells[i].col, cells[i].row)
		if cells[j].row != cells[i].row {
			ref += ":" + cellName(cells[j].col, cells[j].row)
		}
		refs = append(refs, ref)
		i = j + 1
	}
	var out []string
	for i := 0; i < len(refs); i += n {
		out = append(out, strings.Join(refs[i:min(i+n, len(refs))], " "))
	}
	return out
}
