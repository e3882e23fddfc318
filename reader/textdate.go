package reader

import (
	"strings"
	"time"

	"github.com/pcs-tools/pcs/scoring"
)

// dateForm is the shape of a date written as text.
type dateForm uint8

const (
	formNone  dateForm = iota // not a date
	formFixed                 // year, month and maybe day are known
	formAB                    // a/b/yyyy: day-first or month-first, to be decided
)

// textDate is a date or month written as text, not yet checked for range.
type textDate struct {
	form    dateForm
	y, m, d int // formFixed; d is 0 for a month ("May 2024")
	a, b    int // formAB: the first two numbers
}

// resolve returns the year, month and day of a formAB date read day-first
// (dmy) or month-first.
func (t textDate) resolve(dmy bool) (y, m, d int) {
	if dmy {
		return t.y, t.b, t.a
	}
	return t.y, t.a, t.b
}

// settles returns the order an a/b/yyyy date proves: day-first when a is
// over 12, month-first when b is; known is false when it proves nothing.
func (t textDate) settles() (dmy, known bool) {
	switch {
	case t.a > 12 && t.b <= 12:
		return true, true
	case t.b > 12 && t.a <= 12:
		return false, true
	}
	return false, false
}

// ambiguous reports whether the two readings of an a/b/yyyy date differ.
func (t textDate) ambiguous() bool {
	return t.a != t.b && t.a >= 1 && t.a <= 12 && t.b >= 1 && t.b <= 12
}

var monthNames = map[string]int{
	"jan": 1, "january": 1, "feb": 2, "february": 2, "mar": 3, "march": 3,
	"apr": 4, "april": 4, "may": 5, "jun": 6, "june": 6, "jul": 7, "july": 7,
	"aug": 8, "august": 8, "sep": 9, "sept": 9, "september": 9, "oct": 10, "october": 10,
	"nov": 11, "november": 11, "dec": 12, "december": 12,
}

var weekdays = map[string]bool{
	"mon": true, "monday": true, "tue": true, "tues": true, "tuesday": true, "wed": true, "wednesday": true,
	"thu": true, "thur": true, "thurs": true, "thursday": true, "fri": true, "friday": true,
	"sat": true, "saturday": true, "sun": true, "sunday": true,
}

type dateToken struct {
	text  string
	alpha bool
}

// parseTextDate reads a date or a month written as text: ISO (2024-05,
// 2024-05-31, with or without a time), 05/2024, May 2024, September 2024,
// May-24, 31 May 2024, May 31, 2024, and the ambiguous 03/04/2024 (formAB).
// Ranges are not checked here.
func parseTextDate(s string) textDate {
	s = strings.ToLower(strings.TrimSpace(s))
	s = stripTime(s)
	var toks []dateToken
	var seps []byte
	for i := 0; i < len(s); {
		c := s[i]
		switch {
		case c >= '0' && c <= '9':
			j := i
			for j < len(s) && s[j] >= '0' && s[j] <= '9' {
				j++
			}
			toks = append(toks, dateToken{text: s[i:j]})
			i = j
		case c >= 'a' && c <= 'z':
			j := i
			for j < len(s) && s[j] >= 'a' && s[j] <= 'z' {
				j++
			}
			toks = append(toks, dateToken{text: s[i:j], alpha: true})
			i = j
		case c == ' ' || c == '-' || c == '/' || c == '.' || c == ',':
			if len(seps) < len(toks) {
				seps = append(seps, c)
			}
			i++
		default:
			return textDate{}
		}
		if len(toks) > 4 {
			return textDate{}
		}
	}
	if len(toks) > 0 && toks[0].alpha && weekdays[toks[0].text] {
		toks = toks[1:]
	}
	num := func(i int) int { return atoiDigits(toks[i].text) }
	width := func(i int) int { return len(toks[i].text) }
	mon := func(i int) int { return monthNames[toks[i].text] }
	pattern := make([]byte, len(toks))
	for i, t := range toks {
		switch {
		case t.alpha && mon(i) > 0:
			pattern[i] = 'M'
		case t.alpha:
			return textDate{}
		case len(t.text) == 4:
			pattern[i] = 'Y'
		case len(t.text) <= 2:
			pattern[i] = 'n'
		default:
			return textDate{}
		}
	}
	switch string(pattern) {
	case "Yn": // 2024-05
		return textDate{form: formFixed, y: num(0), m: num(1)}
	case "Ynn": // 2024-05-31
		return textDate{form: formFixed, y: num(0), m: num(1), d: num(2)}
	case "nY": // 05/2024
		return textDate{form: formFixed, y: num(1), m: num(0)}
	case "nnY", "nnn": // 03/04/2024, 03/04/24
		if len(seps) == 2 && seps[0] != seps[1] {
			return textDate{}
		}
		return textDate{form: formAB, a: num(0), b: num(1), y: fullYear(num(2), width(2))}
	case "MY", "Mn": // May 2024, May-24
		return textDate{form: formFixed, y: fullYear(num(1), width(1)), m: mon(0)}
	case "YM": // 2024 May
		return textDate{form: formFixed, y: num(0), m: mon(1)}
	case "nMY", "nMn": // 31 May 2024, 31-May-24
		return textDate{form: formFixed, y: fullYear(num(2), width(2)), m: mon(1), d: num(0)}
	case "MnY", "Mnn": // May 31, 2024
		return textDate{form: formFixed, y: fullYear(num(2), width(2)), m: mon(0), d: num(1)}
	case "YMn": // 2024-May-31
		return textDate{form: formFixed, y: num(0), m: mon(1), d: num(2)}
	}
	return textDate{}
}

// stripTime drops a time of day after a date ("2024-05-31T00:00:00Z",
// "31/05/2024 00:00", "2024-05-31 12:30:00.000").
func stripTime(s string) string {
	i := strings.IndexByte(s, ':')
	if i < 0 {
		return s
	}
	j := strings.LastIndexAny(s[:i], " t")
	if j <= 0 {
		return s
	}
	for k := j + 1; k < i; k++ {
		if s[k] < '0' || s[k] > '9' {
			return s
		}
	}
	rest := s[j+1:]
	for k := 0; k < len(rest); k++ {
		c := rest[k]
		if !(c >= '0' && c <= '9' || c == ':' || c == '.' || c == 'z' || c == '+' || c == '-' || c == ' ' ||
			c == 'a' || c == 'p' || c == 'm') {
			return s
		}
	}
	return strings.TrimSpace(s[:j])
}

// fullYear turns a two-digit year into a four-digit one the way Excel does
// (00-29 are 2000-2029, 30-99 are 1930-1999).
func fullYear(y, width int) int {
	if width > 2 {
		return y
	}
	if y < 30 {
		return 2000 + y
	}
	return 1900 + y
}

func atoiDigits(s string) int {
	n := 0
	for i := 0; i < len(s) && i < 9; i++ {
		n = n*10 + int(s[i]-'0')
	}
	return n
}

// validDate reports whether the year, month and day name a real day.
func validDate(y, m, d int) bool {
	if m < 1 || m > 12 || d < 1 || y < 1 || y > 9999 {
		return false
	}
	return d <= daysIn(y, m)
}

func daysIn(y, m int) int {
	return time.Date(y, time.Month(m)+1, 0, 0, 0, 0, 0, time.UTC).Day()
}

// Excel's serial dates: in the 1900 date system serial 1 is 1900-01-01 and
// serial 60 is the 29 February 1900 that never was; in the 1904 system
// serial 0 is 1904-01-01.
const (
	serial1970      = 25569 // 1970-01-01 in the 1900 system
	serial1904Shift = 1462  // 1904-01-01 in the 1900 system
	maxSerial       = 2958465
)

// serialDate converts the whole part of a serial date number to a Date.
func serialDate(serial int64, date1904 bool) (scoring.Date, bool) {
	if date1904 {
		serial += serial1904Shift
		if serial < serial1904Shift || serial > maxSerial {
			return 0, false
		}
	} else {
		switch {
		case serial < 1 || serial > maxSerial || serial == 60:
			return 0, false
		case serial < 60:
			serial++ // before the phantom 29 February 1900
		}
	}
	return scoring.Date(serial - serial1970), true
}
