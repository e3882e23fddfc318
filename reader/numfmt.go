package reader

import "strings"

// numKind is what a cell's number format says its number is.
type numKind uint8

const (
	numPlain   numKind = iota // a number
	numDate                   // a date or time: the number is a serial date
	numPercent                // a percentage: the number is a fraction
)

// builtinKind classifies Excel's built-in number formats: ids 14-22, 27-36,
// 45-47 and 50-58 are dates and times (the last ones in East Asian locales);
// 9 and 10 are percentages.
func builtinKind(id int) numKind {
	switch {
	case id >= 14 && id <= 22, id >= 27 && id <= 36, id >= 45 && id <= 47, id >= 50 && id <= 58:
		return numDate
	case id == 9 || id == 10:
		return numPercent
	}
	return numPlain
}

// classifyFormat classifies a custom number format code: a date when it has
// a d, m or y outside quoted text, brackets ([Red], [$-409], [h]) and escaped
// characters ("General" aside); a percentage when it has a % there.
func classifyFormat(code string) numKind {
	if i := strings.Index(strings.ToLower(code), "general"); i >= 0 {
		code = code[:i] + code[i+len("general"):]
	}
	date, percent := false, false
	for i := 0; i < len(code); i++ {
		switch c := code[i]; c {
		case '"':
			for i++; i < len(code) && code[i] != '"'; i++ {
			}
		case '[':
			for i++; i < len(code) && code[i] != ']'; i++ {
			}
		case '\\', '_', '*':
			i++ // the next character is literal, a space width or a fill
		case 'd', 'D', 'm', 'M', 'y', 'Y':
			date = true
		case '%':
			percent = true
		}
	}
	switch {
	case date:
		return numDate
	case percent:
		return numPercent
	}
	return numPlain
}
