package reader

import (
	"math"
	"strconv"
	"time"

	"github.com/pcs-tools/pcs/scoring"
)

// dateOrder is how a column writes a/b/yyyy dates.
type dateOrder uint8

const (
	orderUnknown dateOrder = iota
	orderDMY
	orderMDY
)

// Plausible years: months and dates outside them are mistakes (an amount in
// the date column, a two-digit year read as 1924).
const (
	minYear = 2000
	maxYear = 2100
)

// dateCol is what the reader knows of one date column.
type dateCol struct {
	col   int
	order dateOrder
	fixed bool // the order comes from the Partner sheet's Date order
	// pending counts ambiguous dates waiting for the column's order; first
	// is the first of them.
	pending   int
	firstRow  int
	firstText string
	serials   [64]serialSlot // serial numbers read lately
}

func newDateCol(col int, order dateOrder) *dateCol {
	return &dateCol{col: col, order: order, fixed: order != orderUnknown}
}

// serialSlot caches the date of a serial number.
type serialSlot struct {
	serial int64
	date   scoring.Date
	month  scoring.Month
	ok     bool
}

// dateWant says what a date field holds.
type dateWant uint8

const (
	wantMonth  dateWant = iota // a month: any day of it
	wantDate                   // a day; a month alone means its first day
	wantExpiry                 // a day; a month alone means its last day; far future allowed
)

// date reads a date or month cell. A month alone ("2024-05") gives the first
// day of the month, or its last day for an expiry. ok is false when the row
// cannot use the cell: an error was recorded, or the date is ambiguous and
// waits for the column's order (r.wait).
func (r *cellRow) date(v value, dc *dateCol, want dateWant) (scoring.Date, bool) {
	col := dc.col
	if !r.checkValue(&v, col) {
		return 0, false
	}
	notDate := func() (scoring.Date, bool) {
		if want == wantMonth {
			r.errorf(col, hintDate, msgNotMonth(v.quoted()))
		} else {
			r.errorf(col, hintDate, msgNotDate(v.quoted()))
		}
		return 0, false
	}
	var y, m, d int
	switch v.kind {
	case vNumber:
		return r.serial(v, v.num, dc, want)
	case vText, vISODate:
		if isNumber([]byte(v.text)) && v.kind == vText {
			return r.serial(v, []byte(v.text), dc, want)
		}
		td := parseTextDate(v.text)
		switch td.form {
		case formNone:
			return notDate()
		case formFixed:
			y, m, d = td.y, td.m, td.d
			if m < 1 || m > 12 || d != 0 && !validDate(y, m, d) {
				r.errorf(col, hintDate, msgImpossibleDate(v.quoted()))
				return 0, false
			}
		case formAB:
			if dc.order == orderUnknown {
				if dmy, known := td.settles(); known {
					dc.order = orderMDY
					if dmy {
						dc.order = orderDMY
					}
				} else if td.ambiguous() {
					if dc.pending == 0 {
						dc.firstRow, dc.firstText = r.num, v.quoted()
					}
					dc.pending++
					r.wait = true
					return 0, false
				}
			}
			dmy := dc.order == orderDMY || dc.order == orderUnknown
			y, m, d = td.resolve(dmy)
			if !validDate(y, m, d) {
				switch {
				case dc.order == orderUnknown:
					r.errorf(col, hintDate, msgImpossibleDate(v.quoted()))
				case dc.fixed:
					r.errorf(col, hintDate, msgOrderFromPartner(v.quoted(), dmy))
				default:
					r.errorf(col, hintDate, msgWrongOrderDate(v.quoted(), dmy))
				}
				return 0, false
			}
		}
	default:
		return notDate()
	}
	if y < minYear || y > maxYear && !(want == wantExpiry && y <= 9999) {
		r.errorf(col, hintDate, msgYearOutOfRange(v.quoted(), y))
		return 0, false
	}
	if d == 0 {
		d = 1
		if want == wantExpiry {
			d = daysIn(y, m)
		}
	}
	return scoring.DateOf(y, time.Month(m), d), true
}

// serial reads an Excel serial date number.
func (r *cellRow) serial(v value, num []byte, dc *dateCol, want dateWant) (scoring.Date, bool) {
	n, ok := wholeNumber(num)
	if !ok {
		f, err := strconv.ParseFloat(string(num), 64)
		if err != nil || math.IsNaN(f) || f < 0 || f > maxSerial+1 {
			r.errorf(dc.col, hintDate, msgNotDate(v.quoted()))
			return 0, false
		}
		n = int64(math.Floor(f))
	}
	slot := &dc.serials[n&int64(len(dc.serials)-1)]
	if slot.ok && slot.serial == n {
		return slot.date, true
	}
	if y, m, d, ok := compactDate(n); ok {
		if d == 0 {
			d = 1
			if want == wantExpiry {
				d = daysIn(y, m)
			}
		}
		date := scoring.DateOf(y, time.Month(m), d)
		*slot = serialSlot{serial: n, date: date, month: date.Month(), ok: true}
		return date, true
	}
	d, ok := serialDate(n, r.sp.wr.b.date1904)
	if !ok {
		r.errorf(dc.col, hintDate, msgNotDate(v.quoted()))
		return 0, false
	}
	if y := d.Time().Year(); y < minYear || y > maxYear && !(want == wantExpiry) {
		if v.fmt == numDate {
			r.errorf(dc.col, hintDate, msgYearOutOfRange(d.String(), y))
		} else {
			r.errorf(dc.col, hintDate, msgSerialOutOfRange(v.quoted(), d))
		}
		return 0, false
	}
	*slot = serialSlot{serial: n, date: d, month: d.Month(), ok: true}
	return d, true
}

// compactDate reads the numbers some exports write for a month or a day,
// 202405 (May 2024) and 20240531; as Excel serial dates they would lie
// centuries ahead, so they cannot be mistaken for them.
func compactDate(n int64) (y, m, d int, ok bool) {
	switch {
	case n >= minYear*100+1 && n <= maxYear*100+12:
		y, m = int(n/100), int(n%100)
		return y, m, 0, m >= 1 && m <= 12
	case n >= minYear*10000+101 && n <= maxYear*10000+1231:
		y, m, d = int(n/10000), int(n/100%100), int(n%100)
		return y, m, d, validDate(y, m, d)
	}
	return 0, 0, 0, false
}

// wholeNumber reads a number made of digits only.
func wholeNumber(b []byte) (int64, bool) {
	if len(b) == 0 || len(b) > 9 {
		return 0, false
	}
	var n int64
	for _, c := range b {
		if c < '0' || c > '9' {
			return 0, false
		}
		n = n*10 + int64(c-'0')
	}
	return n, true
}

// month reads a month cell.
func (r *cellRow) month(v value, dc *dateCol) (scoring.Month, bool) {
	if v.kind == vNumber {
		if n, ok := wholeNumber(v.num); ok {
			if slot := &dc.serials[n&int64(len(dc.serials)-1)]; slot.ok && slot.serial == n {
				return slot.month, true
			}
		}
	}
	d, ok := r.date(v, dc, wantMonth)
	if !ok {
		return 0, false
	}
	return d.Month(), true
}

// reportPending turns the ambiguous dates of a column that nothing settled
// into one error at the first of them.
func (sp *sheetPass) reportPending(dc *dateCol) {
	if dc.pending > 0 && dc.order == orderUnknown {
		sp.issues.errorf(dc.col, dc.firstRow, hintAmbiguousDate, msgAmbiguousDate(dc.firstText, columnName(dc.col), dc.pending))
	}
}
