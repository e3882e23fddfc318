package reader

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// cleanAmount turns an amount written as text into the plain decimal number
// scoring.ParseCents reads: it accepts thousands separators ("1,234.50"), a
// dollar sign or USD before or after ("$1,234.50", "USD 1234.5", "120 USD"),
// a leading minus or parentheses for a negative amount ("-$5", "(120.00)"),
// spaces of any kind (non-breaking ones too) around the parts, and spaces
// as thousands separators ("1 234.50"). ok is false for anything else.
func cleanAmount(s string) (plain string, ok bool) {
	s = strings.TrimSpace(strings.Map(func(r rune) rune {
		if unicode.IsSpace(r) || r == '\u00a0' || r == '\u202f' || r == '\u2009' || r == '\u2007' {
			return ' '
		}
		if r == '\u2212' { // the minus sign
			return '-'
		}
		return r
	}, s))
	neg := false
	if strings.HasPrefix(s, "(") && strings.HasSuffix(s, ")") && len(s) > 2 {
		neg, s = true, strings.TrimSpace(s[1:len(s)-1])
	}
	sign := false
	for {
		switch {
		case hasPrefixFold(s, "USD"):
			s = s[3:]
		case hasPrefixFold(s, "US$"):
			s = s[3:]
		case strings.HasPrefix(s, "$"):
			s = s[1:]
		case strings.HasPrefix(s, "-") && !sign:
			neg, sign = !neg, true
			s = s[1:]
		case strings.HasPrefix(s, "+") && !sign:
			sign = true
			s = s[1:]
		case strings.HasPrefix(s, "(") && strings.HasSuffix(s, ")") && !sign && !neg && len(s) > 2:
			neg, s = true, s[1:len(s)-1]
		default:
			goto suffix
		}
		s = strings.TrimSpace(s)
	}
suffix:
	for {
		switch {
		case hasSuffixFold(s, "USD"):
			s = s[:len(s)-3]
		case strings.HasSuffix(s, "$"):
			s = s[:len(s)-1]
		default:
			goto number
		}
		s = strings.TrimSpace(s)
	}
number:
	// A space inside the number separates thousands ("1 234.50"), like a
	// comma, and only in groups of three: "12 34" is no amount.
	if strings.Contains(s, " ") {
		if strings.Contains(s, ",") {
			return "", false
		}
		s = strings.ReplaceAll(s, " ", ",")
	}
	if !plainDecimal(s) {
		return "", false
	}
	s = strings.ReplaceAll(s, ",", "")
	if neg {
		s = "-" + s
	}
	return s, true
}

// plainDecimal reports whether s is digits, with commas only between groups
// of three digits, and an optional decimal point with digits after it.
func plainDecimal(s string) bool {
	intPart, frac, hasPoint := strings.Cut(s, ".")
	if intPart == "" && frac == "" {
		return false
	}
	for i := 0; i < len(frac); i++ {
		if frac[i] < '0' || frac[i] > '9' {
			return false
		}
	}
	if hasPoint && frac == "" && intPart == "" {
		return false
	}
	groups := strings.Split(intPart, ",")
	for i, g := range groups {
		if len(groups) > 1 && (len(g) > 3 || i > 0 && len(g) != 3 || g == "") {
			return false
		}
		for j := 0; j < len(g); j++ {
			if g[j] < '0' || g[j] > '9' {
				return false
			}
		}
	}
	return true
}

func hasPrefixFold(s, prefix string) bool {
	return len(s) >= len(prefix) && strings.EqualFold(s[:len(prefix)], prefix)
}

func hasSuffixFold(s, suffix string) bool {
	return len(s) >= len(suffix) && strings.EqualFold(s[len(s)-len(suffix):], suffix) && utf8.ValidString(s[len(s)-len(suffix):])
}
