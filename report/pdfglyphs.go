package report

import (
	"fmt"
	"strings"
)

// pdfGlyphs records the characters no font can draw, so that a PDF never
// shows an empty box without the run saying so. Texts from the input are
// checked by name before drawing ("partner name"); anything else drawn with
// such a character is reported as well.
type pdfGlyphs struct {
	fonts   *Fonts
	groups  []*pdfGlyphGroup
	byLabel map[string]*pdfGlyphGroup
	named   map[rune]bool // reported with a label
	other   []rune        // drawn but not reported with a label, in order
	seen    map[rune]bool
}

// pdfGlyphGroup is every text of one kind ("customer name") with missing characters.
type pdfGlyphGroup struct {
	one, many string
	texts     []string
	runes     []rune
	has       map[rune]bool
	seenText  map[string]bool
}

func newPDFGlyphs(f *Fonts) *pdfGlyphs {
	return &pdfGlyphs{fonts: f, byLabel: map[string]*pdfGlyphGroup{}, named: map[rune]bool{}, seen: map[rune]bool{}}
}

// missing returns the characters of s that no font can draw, each once.
func (g *pdfGlyphs) missing(s string) []rune {
	var out []rune
	for _, r := range pdfClean(s) {
		if r == ' ' || g.fonts.faceFor(r, false) != nil || g.fonts.faceFor(r, true) != nil {
			continue
		}
		if !pdfHasRune(out, r) {
			out = append(out, r)
		}
	}
	return out
}

// check records the characters of a text from the input that no font can
// draw; one and many name its kind ("customer name", "customer names").
func (g *pdfGlyphs) check(one, many, s string) {
	miss := g.missing(s)
	if len(miss) == 0 {
		return
	}
	grp := g.byLabel[one]
	if grp == nil {
		grp = &pdfGlyphGroup{one: one, many: many, has: map[rune]bool{}, seenText: map[string]bool{}}
		g.byLabel[one] = grp
		g.groups = append(g.groups, grp)
	}
	s = strings.TrimSpace(pdfClean(s))
	if !grp.seenText[s] {
		grp.seenText[s] = true
		grp.texts = append(grp.texts, s)
	}
	for _, r := range miss {
		g.named[r] = true
		if !grp.has[r] {
			grp.has[r] = true
			grp.runes = append(grp.runes, r)
		}
	}
}

// drawn records a character drawn although no font has it.
func (g *pdfGlyphs) drawn(r rune) {
	if !g.seen[r] {
		g.seen[r] = true
		g.other = append(g.other, r)
	}
}

// warnings says, per kind of text, which characters could not be drawn.
func (g *pdfGlyphs) warnings() []string {
	hint := "; give --cjk-font a TrueType font that has them"
	var out []string
	for _, grp := range g.groups {
		var what string
		if len(grp.texts) == 1 {
			what = fmt.Sprintf("%s %q has", grp.one, pdfShorten(grp.texts[0], 60))
		} else {
			quoted := make([]string, 0, 3)
			for _, t := range grp.texts[:min(3, len(grp.texts))] {
				quoted = append(quoted, fmt.Sprintf("%q", pdfShorten(t, 40)))
			}
			list := strings.Join(quoted, ", ")
			if n := len(grp.texts) - len(quoted); n > 0 {
				list += fmt.Sprintf(" and %d more", n)
			}
			what = fmt.Sprintf("%d %s (%s) have", len(grp.texts), grp.many, list)
		}
		out = append(out, what+" characters no font can draw: "+pdfRuneList(grp.runes)+hint)
	}
	var rest []rune
	for _, r := range g.other {
		if !g.named[r] {
			rest = append(rest, r)
		}
	}
	if len(rest) > 0 {
		out = append(out, "the PDF has characters no font can draw: "+pdfRuneList(rest)+hint)
	}
	return out
}

// runeList writes "株, 式 (U+682A, U+5F0F)", at most 10 characters.
func pdfRuneList(rs []rune) string {
	more := ""
	if len(rs) > 10 {
		more = fmt.Sprintf(" and %d more", len(rs)-10)
		rs = rs[:10]
	}
	chars := make([]string, len(rs))
	codes := make([]string, len(rs))
	for i, r := range rs {
		chars[i] = string(r)
		codes[i] = fmt.Sprintf("U+%04X", r)
	}
	return strings.Join(chars, ", ") + " (" + strings.Join(codes, ", ") + ")" + more
}

// shorten cuts s to n characters with an ellipsis.
func pdfShorten(s string, n int) string {
	rs := []rune(s)
	if len(rs) <= n {
		return s
	}
	return string(rs[:n-1]) + "…"
}

func pdfHasRune(rs []rune, r rune) bool {
	for _, x := range rs {
		if x == r {
			return true
		}
	}
	return false
}
