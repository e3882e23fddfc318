package reader

import (
	"strings"
)

// headerWindow is how many rows with two or more non-empty cells the reader
// looks through for a header row that names a known column before it
// settles for the first of them. Rows of one cell (a title, notes) do not
// count, however many there are, up to maxAboveHeader rows in all.
const (
	headerWindow   = 30
	maxAboveHeader = 10_000
)

// savedRow is a copy of a row read before the header was found.
type savedRow struct {
	num   int
	cells []cell
}

func saveRow(num int, cells []cell) savedRow {
	r := savedRow{num: num, cells: make([]cell, len(cells))}
	copy(r.cells, cells)
	for i := range r.cells {
		if r.cells[i].v != nil {
			r.cells[i].v = append([]byte(nil), r.cells[i].v...)
		}
	}
	return r
}

// sheetPass is one reading of a sheet's rows.
type sheetPass struct {
	wr     *wbReader
	ref    sheetRef
	info   *Sheet
	issues *issueList
	scan   *rowScanner
	done   func()
	saved  []savedRow // rows after the header, read while looking for it
	header savedRow
	found  bool
	// headerTexts holds the header's text by column, once needed.
	headerTexts map[int]string
}

// openPass opens the sheet's part for a reading of its rows.
func (wr *wbReader) openPass(ref sheetRef, role Role) (*sheetPass, error) {
	t, done, err := partTok(wr.p, ref.part)
	if err != nil {
		return nil, err
	}
	return &sheetPass{
		wr:     wr,
		ref:    ref,
		info:   &Sheet{Name: ref.name, Role: role},
		issues: &issueList{sheet: ref.name},
		scan:   newRowScanner(t, wr.b.sst),
		done:   done,
	}, nil
}

func (sp *sheetPass) close() { sp.done() }

// err returns the sheet's reading error as a FileError naming the sheet.
func (sp *sheetPass) err() error {
	if sp.scan.err != nil {
		return partError(sp.ref.part, sp.ref.name, sp.scan.err)
	}
	return nil
}

func (sp *sheetPass) nonEmpty(cells []cell) int {
	n := 0
	for i := range cells {
		if v := valueOf(&cells[i], sp.wr.b.formats); v.kind != vEmpty {
			n++
		}
	}
	return n
}

// findHeader reads rows until it finds the header row: the first row with
// at least two non-empty cells that names needRequired of the columns the
// sheet requires (score returns how many known and required columns a row
// names), so that a title such as "ACR report | May 2024" is passed over.
// Without one in the first rows, it takes the first such row naming any
// known column, else a one-cell row naming a required column, else the
// first row with two non-empty cells, as workbook.md says. Rows above the
// header are ignored.
func (sp *sheetPass) findHeader(score func(cells []cell) (known, required int), needRequired int) {
	var rows []savedRow
	first, someKnown, single, header := -1, -1, -1, -1
	wide := 0 // rows of two or more cells seen
	for header < 0 && wide < headerWindow && len(rows) < maxAboveHeader && sp.scan.next() {
		cells := sp.scan.cells
		n := sp.nonEmpty(cells)
		if n == 0 {
			continue
		}
		if n >= 2 {
			wide++
		}
		rows = append(rows, saveRow(sp.scan.num, cells))
		i := len(rows) - 1
		known, required := score(cells)
		switch {
		case n >= 2 && required >= needRequired:
			header = i
		case n >= 2 && known > 0 && someKnown < 0:
			someKnown = i
		case n == 1 && required > 0 && single < 0:
			single = i
		}
		if n >= 2 && first < 0 {
			first = i
		}
	}
	switch {
	case header >= 0:
	case someKnown >= 0:
		header = someKnown
	case single >= 0:
		header = single
	case first >= 0:
		header = first
	default:
		return
	}
	sp.found = true
	sp.header = rows[header]
	sp.saved = rows[header+1:]
	sp.info.HeaderRow = sp.header.num
	sp.info.LastRow = sp.header.num
	for _, c := range sp.header.cells {
		if v := valueOf(&c, sp.wr.b.formats); v.kind != vEmpty && c.col > sp.info.LastColumn {
			sp.info.LastColumn = c.col
		}
	}
}

// eachRow calls fn for every row below the header, in sheet order. The
// cells are valid during the call only.
func (sp *sheetPass) eachRow(fn func(num int, cells []cell)) {
	for _, r := range sp.saved {
		sp.info.LastRow = r.num
		fn(r.num, r.cells)
	}
	sp.saved = nil
	for sp.scan.next() {
		sp.info.LastRow = sp.scan.num
		fn(sp.scan.num, sp.scan.cells)
	}
}

// headerText returns the text of a header cell ("" for a number or a date).
func (sp *sheetPass) headerText(c *cell) string {
	v := valueOf(c, sp.wr.b.formats)
	if v.kind == vText {
		return v.text
	}
	return ""
}

// columns maps the header row to fields: each field takes the column whose
// header matches its most preferred name, the leftmost on a tie; a column
// serves one field. It also finds the status column of an earlier run.
func (sp *sheetPass) columns(fields []field) []int {
	cols := make([]int, len(fields))
	taken := map[int]bool{}
	for i := range sp.header.cells {
		c := &sp.header.cells[i]
		if matchName(sp.headerText(c), []string{statusHeader}) == 0 {
			sp.info.StatusColumn = c.col
			taken[c.col] = true
		}
	}
	for fi, f := range fields {
		best, bestCol, bestText := len(f.names), 0, ""
		for i := range sp.header.cells {
			c := &sp.header.cells[i]
			if taken[c.col] {
				continue
			}
			text := sp.headerText(c)
			if p := matchName(text, f.names); p >= 0 && p < best {
				best, bestCol, bestText = p, c.col, text
			}
		}
		if bestCol == 0 {
			continue
		}
		cols[fi] = bestCol
		taken[bestCol] = true
		for i := range sp.header.cells {
			c := &sp.header.cells[i]
			if c.col != bestCol && !taken[c.col] && matchName(sp.headerText(c), f.names) == best {
				sp.issues.warnf(c.col, sp.header.num, "", msgSameHeader(bestText, bestCol, c.col))
			}
		}
	}
	return cols
}

// scoreFields returns a header scorer for a table of fields.
func (sp *sheetPass) scoreFields(fields []field) func(cells []cell) (int, int) {
	return func(cells []cell) (known, required int) {
		for i := range cells {
			text := sp.headerText(&cells[i])
			if text == "" {
				continue
			}
			for _, f := range fields {
				if matchName(text, f.names) >= 0 {
					known++
					if f.required {
						required++
					}
					break
				}
			}
		}
		return known, required
	}
}

// requiredToFind is how many required columns a header row must name to be
// taken at once: two, or one for a sheet that requires one.
func requiredToFind(fields []field) int {
	n := 0
	for _, f := range fields {
		if f.required {
			n++
		}
	}
	return min(n, 2)
}

// missingColumns reports every required field without a column; ok is false
// when there is one.
func (sp *sheetPass) missingColumns(fields []field, cols []int) bool {
	ok := true
	for i, f := range fields {
		if f.required && cols[i] == 0 {
			sp.issues.errorf(0, 0, hintNoColumn, msgNoColumn(f))
			ok = false
		}
	}
	return ok
}

// countRows counts the rows below the header that have a value, for a sheet
// whose rows cannot be read (a required column is missing).
func (sp *sheetPass) countRows() int {
	n := 0
	sp.eachRow(func(_ int, cells []cell) {
		if sp.nonEmpty(cells) > 0 {
			n++
		}
	})
	return n
}

// repeatsHeader reports whether a row repeats the header (tables pasted one
// under another): every field it fills holds the header of its column, and
// it fills at least two.
func (sp *sheetPass) repeatsHeader(vals []value, cols []int) bool {
	if sp.headerTexts == nil {
		sp.headerTexts = map[int]string{}
		for i := range sp.header.cells {
			c := &sp.header.cells[i]
			sp.headerTexts[c.col] = sp.headerText(c)
		}
	}
	n := 0
	for i, v := range vals {
		if v.kind == vEmpty || i >= len(cols) {
			continue
		}
		if v.kind != vText || !strings.EqualFold(v.text, sp.headerTexts[cols[i]]) {
			return false
		}
		n++
	}
	return n >= 2
}
