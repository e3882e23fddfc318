package report

import (
	"bytes"
	"slices"
	"strconv"
	"strings"
)

// scanSheet is the first pass: it finds the free columns, the header cells
// right of the data and the conditional-format priorities.
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
		col, row int
		t        string
		hasValue bool
		text     []byte
		inV, inT bool
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
				cell.col, cell.row, cell.hasValue, cell.text = col, row, false, cell.text[:0]
				cell.t = ""
				if !inRange || col <= e.lastCol {
					// A data cell: its content does not matter here.
					if _, err := cellEnd(s, t, p); err != nil {
						return nil, err
					}
					continue
				}
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
