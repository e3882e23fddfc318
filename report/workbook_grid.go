package report

import (
	"regexp"
	"slices"
	"strconv"
	"strings"
	"unicode/utf16"
)

// The PCS sheets are written as XML directly: excelize lays out the sheet's
// frame (column widths, panes, merges, conditional formats, charts) on an
// empty sheet, and the cells and links of a grid replace its empty
// sheetData. This keeps writing fast, and every text an inline string.

// grid holds the cells of a sheet this package writes.
type grid struct {
	rows    map[int][]gridCell
	heights map[int]float64
	links   []gridLink
	merges  []gridRange
	maxCol  int
	maxRow  int
}

// gridCell is one cell: text, or a number written as an exact decimal.
type gridCell struct {
	col    int
	number bool
	value  string
	style  int
}

// gridLink is a hyperlink to a place in the workbook.
type gridLink struct {
	col, row int
	location string // "'ACR'!A17"
	tooltip  string
}

// gridRange is a rectangle of cells, corners included.
type gridRange struct{ c1, r1, c2, r2 int }

func newGrid() *grid {
	return &grid{rows: map[int][]gridCell{}, heights: map[int]float64{}}
}

func (g *grid) put(col, row int, c gridCell) {
	c.col = col
	cells := g.rows[row]
	i, found := slices.BinarySearchFunc(cells, col, func(a gridCell, col int) int { return a.col - col })
	if found {
		cells[i] = c
	} else {
		cells = slices.Insert(cells, i, c)
	}
	g.rows[row] = cells
	g.maxCol, g.maxRow = max(g.maxCol, col), max(g.maxRow, row)
}

// text puts a text cell; text is always data, never a formula.
func (g *grid) text(col, row, style int, s string) {
	g.put(col, row, gridCell{value: s, style: style})
}

// num puts a number given as a plain decimal ("1234.50", "-3").
func (g *grid) num(col, row, style int, decimal string) {
	g.put(col, row, gridCell{number: true, value: decimal, style: style})
}

// blank puts an empty cell that carries a style (a border, a fill).
func (g *grid) blank(col, row, style int) {
	g.put(col, row, gridCell{style: style})
}

// link makes the cell at col, row a link to location.
func (g *grid) link(col, row int, location, tooltip string) {
	g.links = append(g.links, gridLink{col: col, row: row, location: location, tooltip: tooltip})
}

// merge merges the cells of row from column c1 to c2. The sheet's cells stay
// as the grid has them: the merged cells other than the first are empty.
func (g *grid) merge(c1, row, c2 int) {
	g.merges = append(g.merges, gridRange{c1: min(c1, c2), r1: row, c2: max(c1, c2), r2: row})
}

// height sets a row's height in points.
func (g *grid) height(row int, pt float64) { g.heights[row] = pt }

// sheetData writes the sheetData element.
func (g *grid) sheetData(dst []byte) []byte {
	rows := make([]int, 0, len(g.rows)+len(g.heights))
	for r := range g.rows {
		rows = append(rows, r)
	}
	for r := range g.heights {
		if _, ok := g.rows[r]; !ok {
			rows = append(rows, r)
		}
	}
	slices.Sort(rows)
	dst = append(dst, "<sheetData>"...)
	for _, r := range rows {
		dst = append(dst, `<row r="`...)
		dst = strconv.AppendInt(dst, int64(r), 10)
		dst = append(dst, '"')
		if h, ok := g.heights[r]; ok {
			dst = append(dst, ` ht="`...)
			dst = strconv.AppendFloat(dst, h, 'f', -1, 64)
			dst = append(dst, `" customHeight="1"`...)
		}
		dst = append(dst, '>')
		for _, c := range g.rows[r] {
			switch {
			case c.number:
				dst = append(dst, `<c r="`...)
				dst = append(dst, cellName(c.col, r)...)
				dst = append(dst, '"')
				if c.style > 0 {
					dst = append(dst, ` s="`...)
					dst = strconv.AppendInt(dst, int64(c.style), 10)
					dst = append(dst, '"')
				}
				dst = append(dst, "><v>"...)
				dst = append(dst, c.value...)
				dst = append(dst, "</v></c>"...)
			case c.value == "":
				dst = append(dst, `<c r="`...)
				dst = append(dst, cellName(c.col, r)...)
				dst = append(dst, `" s="`...)
				dst = strconv.AppendInt(dst, int64(c.style), 10)
				dst = append(dst, `"/>`...)
			default:
				dst = appendInlineCell(dst, nil, c.col, r, c.style, c.value)
			}
		}
		dst = append(dst, "</row>"...)
	}
	return append(dst, "</sheetData>"...)
}

// hyperlinks writes the hyperlinks element (nothing when there are no links).
func (g *grid) hyperlinks(dst []byte) []byte {
	if len(g.links) == 0 {
		return dst
	}
	dst = append(dst, "<hyperlinks>"...)
	for _, l := range g.links {
		dst = append(dst, `<hyperlink ref="`...)
		dst = append(dst, cellName(l.col, l.row)...)
		dst = append(dst, `" location="`...)
		dst = xmlEscape(dst, l.location)
		dst = append(dst, '"')
		if l.tooltip != "" {
			dst = append(dst, ` tooltip="`...)
			dst = xmlEscape(dst, cellText(l.tooltip))
			dst = append(dst, '"')
		}
		dst = append(dst, "/>"...)
	}
	return append(dst, "</hyperlinks>"...)
}

// mergeCells writes the mergeCells element (nothing when there are no
// merges), as excelize writes it: overlapping ranges become one, in the
// order merged.
func (g *grid) mergeCells(dst []byte) []byte {
	rs := mergeOverlaps(g.merges)
	if len(rs) == 0 {
		return dst
	}
	dst = append(dst, `<mergeCells count="`...)
	dst = strconv.AppendInt(dst, int64(len(rs)), 10)
	dst = append(dst, `">`...)
	for _, r := range rs {
		dst = append(dst, `<mergeCell ref="`...)
		dst = append(dst, cellName(r.c1, r.r1)...)
		dst = append(dst, ':')
		dst = append(dst, cellName(r.c2, r.r2)...)
		dst = append(dst, `"></mergeCell>`...)
	}
	return append(dst, "</mergeCells>"...)
}

// mergeOverlaps joins overlapping ranges into the rectangle that covers
// them, until none overlap (excelize's rule when it saves merged cells).
func mergeOverlaps(rs []gridRange) []gridRange {
	rs = slices.Clone(rs)
	for merged := true; merged; {
		merged = false
		var out []gridRange
		used := make([]bool, len(rs))
		for i := range rs {
			if used[i] {
				continue
			}
			a := rs[i]
			for j := i + 1; j < len(rs); j++ {
				if b := rs[j]; !used[j] && a.c1 <= b.c2 && b.c1 <= a.c2 && a.r1 <= b.r2 && b.r1 <= a.r2 {
					a = gridRange{c1: min(a.c1, b.c1), r1: min(a.r1, b.r1), c2: max(a.c2, b.c2), r2: max(a.r2, b.r2)}
					merged, used[j] = true, true
				}
			}
			out = append(out, a)
		}
		rs = out
	}
	return rs
}

// splice puts the grid into excelize's serialization of the sheet's frame:
// it replaces the dimension, the (empty) sheetData, and adds the merged
// cells and the hyperlinks where the schema puts them.
func (g *grid) splice(frame []byte) ([]byte, error) {
	out := make([]byte, 0, len(frame)+g.maxRow*g.maxCol*24+4096)
	s := &xmlScanner{b: frame}
	last := 0
	depth := 0
	mergesDone, linksDone := false, false
	// insert writes the elements the grid adds that rank before rank.
	insert := func(at, rank int) {
		out = append(out, frame[last:at]...)
		last = at
		if !mergesDone && rank > wsRank["mergeCells"] {
			out = g.mergeCells(out)
			mergesDone = true
		}
		if !linksDone && rank > wsRank["hyperlinks"] {
			out = g.hyperlinks(out)
			linksDone = true
		}
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
			if depth == 0 {
				depth++
				continue
			}
			// A child of the root: it is consumed whole below.
			_, local := splitName(t.name)
			if r := wsRank[string(local)]; r > wsRank["mergeCells"] {
				insert(t.start, r)
			}
			end, err := elementEnd(s, t)
			if err != nil {
				return nil, err
			}
			switch string(local) {
			case "sheetPr":
				// excelize marks a sheet with an autofilter as filtered; nothing is.
				if _, ok := attr(t.attrs, "filterMode"); ok {
					out = append(out, frame[last:t.start]...)
					out = appendTag(out, t, nil, map[string]bool{"filterMode": true})
					last = t.end
				}
			case "dimension":
				out = append(out, frame[last:t.start]...)
				out = append(out, `<dimension ref="A1:`...)
				out = append(out, cellName(max(g.maxCol, 1), max(g.maxRow, 1))...)
				out = append(out, `"/>`...)
				last = end
			case "sheetData":
				out = append(out, frame[last:t.start]...)
				out = g.sheetData(out)
				last = end
			case "mergeCells", "hyperlinks":
				// The grid's own replace any the frame has.
				out = append(out, frame[last:t.start]...)
				last = end
				insert(end, wsRank[string(local)]+1)
			}
		case xtEnd:
			depth--
			if depth == 0 {
				insert(t.start, 1000)
			}
		}
	}
	out = append(out, frame[last:]...)
	return out, nil
}

// maxCellText is the most characters (UTF-16 units) a cell holds.
const maxCellText = 32767

var escapedChar = regexp.MustCompile(`_(x[0-9A-Fa-f]{4}_)`)

// cellText prepares text for a cell: at most 32,767 characters, and a
// literal "_x0041_" kept literal (Excel reads it as an escaped character).
func cellText(s string) string {
	if strings.Contains(s, "_x") {
		s = escapedChar.ReplaceAllString(s, "_x005F_$1")
	}
	if len(s) > maxCellText/2 {
		if u := utf16.Encode([]rune(s)); len(u) > maxCellText {
			cut := maxCellText - 1
			if cut > 0 && utf16.IsSurrogate(rune(u[cut-1])) {
				cut--
			}
			s = string(utf16.Decode(u[:cut])) + "…"
		}
	}
	return s
}

// sheetRef quotes a sheet name for a reference: 'Bob”s data'!A1.
func sheetRef(sheet string, col, row int) string {
	return "'" + strings.ReplaceAll(sheet, "'", "''") + "'!" + cellName(col, row)
}

// textHeight estimates the height in points of a row whose wrapped cells
// hold texts in columns of the given widths (in characters).
func textHeight(widths []float64, texts []string) float64 {
	lines := 1
	for i, t := range texts {
		if i >= len(widths) || t == "" {
			continue
		}
		n := 0
		for _, para := range strings.Split(t, "\n") {
			chars := float64(len([]rune(para)))
			per := max(widths[i]-1, 1) * 1.1
			l := int(chars/per) + 1
			n += l
		}
		lines = max(lines, n)
	}
	return float64(lines) * 15
}
