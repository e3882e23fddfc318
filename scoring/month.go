package scoring

import (
	"fmt"
	"time"
)

// Month is a calendar month, counted from January of year 0 (Year*12 + Month-1).
// The zero Month means "not given".
type Month int

// MonthOf returns the Month of a year and a month number (1-12).
func MonthOf(year int, month time.Month) Month { return Month(year*12 + int(month) - 1) }

// Year returns the month's year.
func (m Month) Year() int { return int(m) / 12 }

// Mon returns the month of the year.
func (m Month) Mon() time.Month { return time.Month(int(m)%12 + 1) }

// Add returns the month n months later (earlier when n is negative).
func (m Month) Add(n int) Month { return m + Month(n) }

// IsZero reports whether the month was not given.
func (m Month) IsZero() bool { return m == 0 }

// String formats the month as "2024-05".
func (m Month) String() string {
	if m.IsZero() {
		return ""
	}
	return fmt.Sprintf("%04d-%02d", m.Year(), int(m.Mon()))
}

// Label formats the month for people, "May 2024".
func (m Month) Label() string {
	if m.IsZero() {
		return ""
	}
	return fmt.Sprintf("%s %d", m.Mon().String(), m.Year())
}

// ShortLabel formats the month as "May 2024" with a three-letter month name.
func (m Month) ShortLabel() string {
	if m.IsZero() {
		return ""
	}
	return fmt.Sprintf("%s %d", m.Mon().String()[:3], m.Year())
}

// FirstDay returns the first day of the month.
func (m Month) FirstDay() Date { return DateOf(m.Year(), m.Mon(), 1) }

// LastDay returns the last day of the month.
func (m Month) LastDay() Date { return m.Add(1).FirstDay() - 1 }

// ParseMonth reads "2024-05".
func ParseMonth(s string) (Month, error) {
	t, err := time.Parse("2006-01", s)
	if err != nil {
		return 0, fmt.Errorf("%q is not a month written as YYYY-MM", s)
	}
	return MonthOf(t.Year(), t.Month()), nil
}

// Date is a calendar day, counted in days from 1970-01-01. The zero Date is
// 1970-01-01; fields that may be absent use a pointer or a separate flag.
type Date int32

// DateOf returns the Date of a year, month and day. Out-of-range days and
// months are normalised the way time.Date does it.
func DateOf(year int, month time.Month, day int) Date {
	return Date(time.Date(year, month, day, 0, 0, 0, 0, time.UTC).Unix() / 86400)
}

// Time returns the date at midnight UTC.
func (d Date) Time() time.Time { return time.Unix(int64(d)*86400, 0).UTC() }

// Month returns the month the date falls in.
func (d Date) Month() Month {
	t := d.Time()
	return MonthOf(t.Year(), t.Month())
}

// String formats the date as "2024-05-31".
func (d Date) String() string { return d.Time().Format("2006-01-02") }

// MarshalText writes the month as "2024-05" (empty when not given).
func (m Month) MarshalText() ([]byte, error) { return []byte(m.String()), nil }

// MarshalText writes the date as "2024-05-31".
func (d Date) MarshalText() ([]byte, error) { return []byte(d.String()), nil }
