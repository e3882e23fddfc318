package scoring

import (
	"strings"
	"unicode"
)

// Key folds a name for matching: lower case, letters and digits only. "Data & AI",
// "data-ai" and "DATA AI" all give "dataai".
func Key(s string) string {
	var b strings.Builder
	b.Grow(len(s))
	for _, r := range s {
		switch {
		case r >= 'a' && r <= 'z', r >= '0' && r <= '9':
			b.WriteRune(r)
		case r >= 'A' && r <= 'Z':
			b.WriteRune(r + 'a' - 'A')
		case r < 0x80:
		case unicode.IsLetter(r) || unicode.IsDigit(r):
			b.WriteRune(unicode.ToLower(r))
		}
	}
	return b.String()
}

// IDKey folds a customer ID or a person for comparison: trimmed, inner runs of
// white space made one space, lower case.
func IDKey(s string) string {
	s = strings.TrimSpace(s)
	simple := true
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c >= 0x80 || (c >= 'A' && c <= 'Z') || c == '\t' || c == '\n' || c == '\r' || (c == ' ' && i > 0 && s[i-1] == ' ') {
			simple = false
			break
		}
	}
	if simple {
		return s
	}
	return strings.ToLower(strings.Join(strings.Fields(s), " "))
}

// serviceKey folds an Azure service name: Key of each word with a plural "s"
// dropped, so "Virtual Machine" and "virtual machines" are one service.
func serviceKey(s string) string {
	words := strings.FieldsFunc(s, func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) })
	for i, w := range words {
		w = strings.ToLower(w)
		if len(w) > 3 && strings.HasSuffix(w, "s") && !strings.HasSuffix(w, "ss") {
			w = w[:len(w)-1]
		}
		words[i] = w
	}
	return strings.Join(words, "")
}
