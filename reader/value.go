package reader

import (
	"bytes"
	"math"
	"strconv"
	"strings"
)

// valKind is what a cell holds, for the reader's purposes.
type valKind uint8

const (
	vEmpty    valKind = iota
	vText             // text (a string cell, or a number cell whose text is no number)
	vNumber           // a number; num holds its stored decimal text
	vBool             // TRUE or FALSE
	vError            // an error value such as #N/A
	vNoResult         // a formula whose result was never saved
	vISODate          // t="d": an ISO 8601 date as text
)

// value is one cell's value, ready to be read as a field.
type value struct {
	kind valKind
	text string  // trimmed text, error code, "TRUE"/"FALSE" or ISO date
	num  []byte  // vNumber: the stored decimal text, trimmed
	fmt  numKind // the cell's number format
	sst  int32   // the index of a shared string, -1 for other values
}

// emptyValue is the value of an empty cell.
var emptyValue = value{sst: -1}

// blank reports whether the cell holds nothing, or only spaces.
func (v value) blank() bool { return v.kind == vEmpty || (v.kind == vText && v.text == "") }

// valueOf interprets a cell (nil for an absent cell) given the number formats
// of the workbook's styles.
func valueOf(c *cell, formats []numKind) value {
	if c == nil {
		return emptyValue
	}
	v := value{sst: -1}
	if c.style >= 0 && c.style < len(formats) {
		v.fmt = formats[c.style]
	}
	noResult := func() value { v.kind = vNoResult; return v }
	switch c.typ {
	case cellShared, cellInline:
		v.text, v.sst = strings.TrimSpace(c.str), c.sst
		if v.text == "" {
			if c.formula && c.typ != cellInline {
				return noResult()
			}
			return emptyValue
		}
		v.kind = vText
	case cellStr:
		v.text = strings.TrimSpace(string(c.v))
		if v.text == "" {
			return emptyValue
		}
		v.kind = vText
	case cellBool:
		raw := bytes.TrimSpace(c.v)
		switch string(raw) {
		case "":
			if c.formula {
				return noResult()
			}
			return emptyValue
		case "1", "true", "TRUE":
			v.kind, v.text = vBool, "TRUE"
		default:
			v.kind, v.text = vBool, "FALSE"
		}
	case cellError:
		v.text = strings.TrimSpace(string(c.v))
		if v.text == "" {
			if c.formula {
				return noResult()
			}
			return emptyValue
		}
		v.kind = vError
	case cellDate:
		v.text = strings.TrimSpace(string(c.v))
		if v.text == "" {
			if c.formula {
				return noResult()
			}
			return emptyValue
		}
		v.kind = vISODate
	default:
		raw := bytes.TrimSpace(c.v)
		if len(raw) == 0 {
			if c.formula {
				return noResult()
			}
			return emptyValue
		}
		if !isNumber(raw) {
			v.kind, v.text = vText, string(raw)
			return v
		}
		v.kind, v.num = vNumber, raw
	}
	return v
}

// isNumber reports whether b is a finite decimal number as a sheet stores it.
func isNumber(b []byte) bool {
	digits := 0
	i := 0
	if i < len(b) && (b[i] == '-' || b[i] == '+') {
		i++
	}
	for ; i < len(b) && b[i] >= '0' && b[i] <= '9'; i++ {
		digits++
	}
	if i < len(b) && b[i] == '.' {
		for i++; i < len(b) && b[i] >= '0' && b[i] <= '9'; i++ {
			digits++
		}
	}
	if digits == 0 {
		return false
	}
	exp := i < len(b) && (b[i] == 'e' || b[i] == 'E')
	if exp {
		i++
		if i < len(b) && (b[i] == '-' || b[i] == '+') {
			i++
		}
		start := i
		for ; i < len(b) && b[i] >= '0' && b[i] <= '9'; i++ {
		}
		if i == start {
			return false
		}
	}
	if i != len(b) {
		return false
	}
	if !exp && len(b) < 300 {
		return true // too few digits to overflow
	}
	f, err := strconv.ParseFloat(string(b), 64)
	return err == nil && !math.IsInf(f, 0)
}

// excelDecimal returns a stored number as Excel shows it: rounded to 15
// significant digits ("1.0049999999999999" is "1.005"), in plain decimal
// notation without needless zeros.
func excelDecimal(raw []byte) string {
	sig, plain := 0, true
	lead := true
	for _, c := range raw {
		switch {
		case c >= '1' && c <= '9':
			sig++
			lead = false
		case c == '0':
			if !lead {
				sig++
			}
		case c == '.', c == '-':
		default:
			plain = false
		}
	}
	if plain && sig <= 15 {
		return string(raw)
	}
	f, err := strconv.ParseFloat(string(raw), 64)
	if err != nil {
		return string(raw)
	}
	f, _ = strconv.ParseFloat(strconv.FormatFloat(f, 'e', 14, 64), 64)
	return strconv.FormatFloat(f, 'f', -1, 64)
}

// numberText is a number cell's value as text, for a text field (a numeric
// customer ID): Excel's 15 digits, trailing zeros of the decimals dropped.
func numberText(raw []byte) string {
	s := excelDecimal(raw)
	if strings.IndexByte(s, '.') >= 0 {
		s = strings.TrimRight(strings.TrimRight(s, "0"), ".")
	}
	if s == "-0" {
		s = "0"
	}
	return s
}

// quoted returns how a message shows a value: text in quotes, numbers as
// Excel would show them.
func (v *value) quoted() string {
	switch v.kind {
	case vNumber:
		return numberText(v.num)
	case vBool, vError:
		return v.text
	}
	return strconv.Quote(clip(v.text, 60))
}

// clip shortens long text for a message.
func clip(s string, n int) string {
	if len(s) <= n {
		return s
	}
	cut := n
	for cut > 0 && s[cut]&0xC0 == 0x80 {
		cut--
	}
	return s[:cut] + "…"
}

// textOf returns a cell's value as text for a text field: numbers as Excel
// shows them (General format), booleans as TRUE or FALSE.
func (v *value) textOf() string {
	if v.kind == vNumber {
		return numberText(v.num)
	}
	return v.text
}
