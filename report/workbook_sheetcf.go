package report

import (
	"fmt"
	"slices"
	"strconv"
	"strings"
)

// The rows and cells of a partner's sheet are coloured by conditional
// formats, never by changing a cell's style: the partner's formats stay as
// they were, and a later run finds its own rules by their formulas and
// replaces them.

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
