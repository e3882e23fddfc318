package reader

import (
	"github.com/pcs-tools/pcs/scoring"
)

// rowFields looks up the cells of the fields of a row.
type rowFields struct {
	colField []int16 // per column: the field index, -1 for none
	vals     []*cell
}

func newRowFields(cols []int) *rowFields {
	maxCol := 0
	for _, c := range cols {
		maxCol = max(maxCol, c)
	}
	rf := &rowFields{colField: make([]int16, maxCol+1), vals: make([]*cell, len(cols))}
	for i := range rf.colField {
		rf.colField[i] = -1
	}
	for fi, c := range cols {
		if c > 0 {
			rf.colField[c] = int16(fi)
		}
	}
	return rf
}

// set points vals at the row's cells.
func (rf *rowFields) set(cells []cell) {
	clear(rf.vals)
	for i := range cells {
		c := &cells[i]
		if c.col < len(rf.colField) {
			if fi := rf.colField[c.col]; fi >= 0 {
				rf.vals[fi] = c
			}
		}
	}
}

// cellRow is the row being read and the issues found in it.
type cellRow struct {
	sp   *sheetPass
	num  int
	bad  bool // an error was found
	wait bool // an ambiguous date waits for its column's order
}

func (r *cellRow) errorf(col int, hint, msg string) {
	r.bad = true
	r.sp.issues.errorf(col, r.num, hint, msg)
}

func (r *cellRow) warnf(col int, hint, msg string) {
	r.sp.issues.warnf(col, r.num, hint, msg)
}

// checkValue reports cells whose value cannot be used at all (an error
// value, a formula without a result); ok is false for them.
func (r *cellRow) checkValue(v *value, col int) bool {
	switch v.kind {
	case vNoResult:
		r.errorf(col, hintNoResult, msgNoResult())
		return false
	case vError:
		r.errorf(col, hintErrorValue, msgErrorValue(v.text))
		return false
	}
	return true
}

// text reads a text field; numbers give their General text.
func (r *cellRow) text(v value, col int) (string, bool) {
	if !r.checkValue(&v, col) {
		return "", false
	}
	return v.textOf(), true
}

// amount reads an amount in US dollars.
func (r *cellRow) amount(v value, col int) (scoring.Cents, bool) {
	if !r.checkValue(&v, col) {
		return 0, false
	}
	var s string
	switch v.kind {
	case vNumber:
		if c, ok := plainCents(v.num); ok {
			return c, true
		}
		s = excelDecimal(v.num)
	case vText:
		plain, ok := cleanAmount(v.text)
		if !ok {
			r.errorf(col, hintAmount, msgNotAmount(v.quoted()))
			return 0, false
		}
		s = plain
	default:
		r.errorf(col, hintAmount, msgNotAmount(v.quoted()))
		return 0, false
	}
	c, err := scoring.ParseCents(s)
	switch err {
	case nil:
		return c, true
	case scoring.ErrAmountRange:
		r.errorf(col, hintAmount, msgAmountTooLarge(v.quoted()))
	default:
		r.errorf(col, hintAmount, msgNotAmount(v.quoted()))
	}
	return 0, false
}

// plainCents reads the common stored amount, digits with at most two
// decimals ("1234.5", "-20.25"), straight into cents. It gives exactly what
// scoring.ParseCents gives for such text (no rounding is involved; a fuzz
// test checks it), and ok is false for anything else, which goes the long
// way through excelDecimal and ParseCents.
func plainCents(b []byte) (scoring.Cents, bool) {
	neg := len(b) > 0 && b[0] == '-'
	if neg {
		b = b[1:]
	}
	if len(b) == 0 || len(b) > 15 {
		return 0, false
	}
	var v int64
	frac := -1 // digits after the point, -1 without a point
	for _, c := range b {
		switch {
		case c >= '0' && c <= '9':
			if frac >= 0 {
				if frac == 2 {
					return 0, false
				}
				frac++
			}
			v = v*10 + int64(c-'0')
		case c == '.' && frac < 0:
			frac = 0
		default:
			return 0, false
		}
	}
	if frac == 0 && len(b) == 1 {
		return 0, false // "." alone
	}
	switch frac {
	case -1, 0:
		v *= 100
	case 1:
		v *= 10
	}
	if v > int64(scoring.MaxAmount) {
		return 0, false
	}
	if neg {
		v = -v
	}
	return scoring.Cents(v), true
}
