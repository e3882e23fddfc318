package report

import (
	"slices"
	"strings"

	"github.com/pcs-tools/pcs/scoring"
)

// sheetNotes is what one source sheet shows: a status per row and the cells
// that issues point at.
type sheetNotes struct {
	rows  map[int]rowNote
	marks []cellMark
	// For a sheet too large to annotate in place, rows keeps only rows that
	// did not count (the first maxListedRows); counted and unlisted count the others.
	counted, unlisted int
}

// Limits that keep a workbook with very many problems readable.
const (
	maxMarksPerSheet = 1000 // marked cells per sheet
	maxStatusText    = 600  // characters of a status
)

// collectNotes builds the notes of every sheet from the row statuses and
// the issues, keyed by sheet name folded to lower case. Sheets in large
// (folded names) are not annotated in place: only their rows that did not
// count are kept, up to maxListedRows.
func collectNotes(res *scoring.Result, issues []scoring.Issue, headers map[string]int, large map[string]bool) map[string]*sheetNotes {
	out := map[string]*sheetNotes{}
	get := func(sheet string) *sheetNotes {
		k := strings.ToLower(sheet)
		n := out[k]
		if n == nil {
			n = &sheetNotes{rows: map[int]rowNote{}}
			out[k] = n
		}
		return n
	}
	type acc struct {
		counted, notCounted bool
		texts               []string
	}
	accs := map[string]map[int]*acc{}
	lower := map[string]string{}
	var rows map[int]*acc
	var big *bigSheet
	bigs := map[string]*bigSheet{}
	sheet := "\x00"
	for rs := range res.AllRows() {
		if rs.Row <= 0 {
			continue
		}
		if rs.Sheet != sheet {
			sheet = rs.Sheet
			k, ok := lower[sheet]
			if !ok {
				k = strings.ToLower(sheet)
				lower[sheet] = k
				get(sheet)
			}
			big = nil
			if large[k] {
				if big = bigs[k]; big == nil {
					big = &bigSheet{notes: out[k], row: -1}
					bigs[k] = big
				}
			} else if rows = accs[k]; rows == nil {
				rows = map[int]*acc{}
				accs[k] = rows
			}
		}
		if big != nil {
			big.add(rs)
			continue
		}
		a := rows[rs.Row]
		if a == nil {
			a = &acc{}
			rows[rs.Row] = a
		}
		if rs.Counted {
			a.counted = true
		} else {
			a.notCounted = true
		}
		if !slices.Contains(a.texts, rs.Text) {
			a.texts = append(a.texts, rs.Text)
		}
	}
	for _, b := range bigs {
		b.flush()
	}
	for k, rows := range accs {
		n := out[k]
		for r, a := range rows {
			note := rowNote{kind: statusCounted, text: strings.Join(a.texts, "; ")}
			if !a.counted {
				note.kind = statusNotCounted
				if !hasNotCountedPrefix(note.text) {
					note.text = "not counted: " + note.text
				}
			} else if hasNotCountedPrefix(note.text) || strings.HasPrefix(note.text, errorPrefix) {
				// Counted for some months of a wide row and not others: say it counted first.
				note.text = "counted in part: " + note.text
			}
			n.rows[r] = note
		}
	}
	for _, is := range issues {
		if is.Sheet == "" || is.Cell == "" {
			continue
		}
		col, row, ok := parseCellRef([]byte(strings.ToUpper(strings.TrimSpace(is.Cell))))
		if !ok {
			continue
		}
		n := get(is.Sheet)
		isErr := is.Severity == scoring.SeverityError
		if len(n.marks) < maxMarksPerSheet {
			n.marks = append(n.marks, cellMark{col: col, row: row, err: isErr})
		}
		if row == headers[strings.ToLower(is.Sheet)] {
			continue // the header row keeps its "PCS status" heading
		}
		word := "warning"
		if isErr {
			word = "error"
		}
		msg := word + " in " + cellName(col, row) + ": " + is.Message
		note, had := n.rows[row]
		switch {
		case !had && isErr:
			note = rowNote{kind: statusError, text: msg + "; the row was left out"}
		case !had:
			note = rowNote{kind: statusCounted, text: msg}
		default:
			if isErr && note.kind != statusError {
				// An error on a row that was scored (a cell the engine did not need).
				note.text += "; " + msg
			} else if !strings.Contains(note.text, msg) {
				note.text += "; " + msg
			}
		}
		n.rows[row] = note
	}
	for _, n := range out {
		for r, note := range n.rows {
			if len([]rune(note.text)) > maxStatusText {
				note.text = string([]rune(note.text)[:maxStatusText-1]) + "…"
				n.rows[r] = note
			}
		}
	}
	return out
}

func hasNotCountedPrefix(s string) bool {
	for _, p := range notCountedPrefixes {
		if strings.HasPrefix(s, p) {
			return true
		}
	}
	return false
}

// bigSheet keeps the statuses of a sheet too large to annotate in place:
// the rows that did not count, up to maxListedRows, and counts of the rest.
// The engine lists a sheet's statuses in row order; a row with several
// statuses counted when any of them did.
type bigSheet struct {
	notes   *sheetNotes
	row     int
	counted bool
	texts   []string
}

func (b *bigSheet) add(rs scoring.RowStatus) {
	if rs.Row != b.row {
		b.flush()
		b.row, b.counted, b.texts = rs.Row, false, b.texts[:0]
	}
	b.counted = b.counted || rs.Counted
	if !b.counted && !slices.Contains(b.texts, rs.Text) {
		b.texts = append(b.texts, rs.Text)
	}
}

func (b *bigSheet) flush() {
	switch {
	case b.row < 0:
	case b.counted:
		b.notes.counted++
	case len(b.notes.rows) >= maxListedRows:
		b.notes.unlisted++
	default:
		text := strings.Join(b.texts, "; ")
		if !hasNotCountedPrefix(text) {
			text = "not counted: " + text
		}
		b.notes.rows[b.row] = rowNote{kind: statusNotCounted, text: text}
	}
	b.row = -1
}
