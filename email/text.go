package email

import (
	"strings"
	"unicode"

	"golang.org/x/text/unicode/norm"

	"github.com/pcs-tools/pcs/scoring"
)

// cleanText makes workbook text safe for one line: control and format
// characters (line breaks, tabs, escape sequences, bidirectional overrides)
// become spaces, runs of spaces become one, and the ends are trimmed.
func cleanText(s string) string {
	var b strings.Builder
	space := false
	for _, r := range s {
		if unicode.IsControl(r) || unicode.Is(unicode.Cf, r) || unicode.IsSpace(r) || r == unicode.ReplacementChar {
			space = true
			continue
		}
		if space && b.Len() > 0 {
			b.WriteByte(' ')
		}
		space = false
		b.WriteRune(r)
	}
	return b.String()
}

// asciiFold spells letters that have no ASCII decomposition.
var asciiFold = map[rune]string{
	'ß': "ss", 'æ': "ae", 'Æ': "AE", 'œ': "oe", 'Œ': "OE", 'ø': "o", 'Ø': "O",
	'ł': "l", 'Ł': "L", 'đ': "d", 'Đ': "D", 'ð': "d", 'Ð': "D", 'þ': "th", 'Þ': "TH",
	'ı': "i", '&': " and ",
}

// slug turns a name into lower-case ASCII words joined by hyphens
// ("Müller & Ørsted GmbH" -> "muller-and-orsted-gmbh"), at most max bytes long.
func slug(s string, max int) string {
	var out []byte
	hyphen := false
	add := func(r rune) {
		switch {
		case unicode.Is(unicode.Mn, r):
			return // a combining accent: drop it
		case r >= 'a' && r <= 'z' || r >= '0' && r <= '9':
		case r >= 'A' && r <= 'Z':
			r += 'a' - 'A'
		default:
			hyphen = true
			return
		}
		if hyphen && len(out) > 0 {
			out = append(out, '-')
		}
		hyphen = false
		out = append(out, byte(r))
	}
	for _, r := range norm.NFKD.String(s) {
		if f, ok := asciiFold[r]; ok {
			for _, fr := range f {
				add(fr)
			}
			continue
		}
		add(r)
	}
	if len(out) > max {
		out = out[:max]
	}
	return strings.Trim(string(out), "-")
}

// AttachmentName is the ASCII file name the scorecard is attached under:
// a slug of the partner's name and the as-of month,
// "contoso-ltd-2024-05-scorecard.pdf". A name with no Latin letters falls
// back to the partner ID, then to "partner".
func AttachmentName(partner, partnerID string, asOf scoring.Month) string {
	name := slug(partner, 60)
	if name == "" {
		name = slug(partnerID, 40)
	}
	if name == "" {
		name = "partner"
	}
	if !asOf.IsZero() {
		name += "-" + asOf.String()
	}
	return name + "-scorecard.pdf"
}
