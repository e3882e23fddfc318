package report

import (
	"bytes"
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
		w.out = w.elName(w.out, "cols")
		w.out = append(w.out, '>')
		w.out = w.colXML(w.out, nil, w.col)
		w.out = append(w.out, "</"...)
		w.out = w.elName(w.out, "cols")
		w.out = append(w.out, '>')
	}
	if r > wsRank["sheetData"] && w.col > 0 && len(w.pending) > 0 {
		// No sheetData at all: the sheet is empty but gets a header.
		w.out = append(w.out, '<')
		w.out = w.elName(w.out, "sheetData")
		w.out = append(w.out, '>')
		w.flushPending(maxRows + 1)
		w.out = append(w.out, "</"...)
		w.out = w.elName(w.out, "sheetData")
		w.out = append(w.out, '>')
	}
	if r > wsRank["conditionalFormatting"] && !w.cfDone {
		w.cfDone = true
		w.out = w.cfXML(w.out)
	}
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
		w.out = w.elName(w.out, "row")
		w.out = append(w.out, ` r="`...)
		w.out = strconv.AppendInt(w.out, int64(r), 10)
		w.out = append(w.out, `">`...)
		w.out = w.statusCell(w.out, r)
		w.out = append(w.out, "</"...)
		w.out = w.elName(w.out, "row")
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
	var set map[string]string
	if pendingBefore && !explicit {
		set = map[string]string{"r": strconv.Itoa(row)}
	}
	if status {
		if spans, ok := attr(t.attrs, "spans"); ok {
			if wide := widenSpans(string(spans), w.col); wide != string(spans) {
				if set == nil {
					set = map[string]string{}
				}
				set["spans"] = wide
			}
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
	if set != nil {
		w.out = appendTag(w.out, t, set, nil)
		w.skipTo(t.end)
	}
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
			end, err := cellEnd(s, u, w.p)
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
