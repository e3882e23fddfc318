package report

import (
	"strconv"
	"strings"

	"github.com/pcs-tools/pcs/scoring"
)

// centsDecimal writes an amount as an exact decimal number of dollars ("-1234.05").
func centsDecimal(c scoring.Cents) string {
	neg := c < 0
	u := uint64(c)
	if neg {
		u = uint64(-c)
	}
	s := strconv.FormatUint(u/100, 10) + "." + strconv.FormatUint(u%100/10, 10) + strconv.FormatUint(u%10, 10)
	if neg {
		return "-" + s
	}
	return s
}

// shownShare cuts a share to the tenth of a percent point that every output
// shows (scoring.Share.String rounds down, so that 79.96% never reads as
// 80.0%): the workbook's cell then shows the same figure as the PDF and the
// text, whatever its number format does.
func shownShare(s scoring.Share) scoring.Share { return s - s%(scoring.SharePercent/10) }

// shareDecimal writes a share as a percent number ("85.714285").
func shareDecimal(s scoring.Share) string {
	neg := s < 0
	u := uint64(s)
	if neg {
		u = uint64(-s)
	}
	frac := strconv.FormatUint(u%1_000_000+1_000_000, 10)[1:]
	out := strconv.FormatUint(u/1_000_000, 10) + "." + frac
	out = strings.TrimRight(strings.TrimRight(out, "0"), ".")
	if neg {
		return "-" + out
	}
	return out
}

// excelEpoch is 1899-12-30, day 0 of Excel's 1900 date system, as a scoring.Date.
const excelEpoch = -25569

// date1904Offset is the days between the 1900 and the 1904 date systems.
const date1904Offset = 1462

// serial writes a date as the workbook's date serial number.
func (w *annotator) serial(d scoring.Date) string {
	n := int(d) - excelEpoch
	if w.date1904 {
		n -= date1904Offset
	}
	return strconv.Itoa(n)
}

// monthSerial writes a month as the serial number of its first day.
func (w *annotator) monthSerial(m scoring.Month) string { return w.serial(m.FirstDay()) }

// plural writes "1 row" or "3 rows".
func plural(n int, one, many string) string {
	if n == 1 {
		return "1 " + one
	}
	return groupInt(n) + " " + many
}

// categoryLabel names a metric category for people.
func categoryLabel(c string) string {
	switch c {
	case "performance":
		return "Performance"
	case "skilling":
		return "Skilling"
	case "customer-success":
		return "Customer success"
	}
	return scoring.MetricLabel(c)
}

// skippedRows says how many rows errors left out: "1 row with an error was left out".
func skippedRows(n int) string {
	if n == 1 {
		return "1 row with an error was left out"
	}
	return groupInt(n) + " rows with errors were left out"
}
