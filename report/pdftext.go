package report

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// pdfColor is an RGB colour.
type pdfColor struct{ r, g, b int }

// The palette: neutral greys and one blue whose shades stay apart in black and white.
var (
	pdfInk       = pdfColor{26, 26, 26}
	pdfWhite     = pdfColor{255, 255, 255}
	pdfMuted     = pdfColor{95, 99, 104}
	pdfRuleColor = pdfColor{200, 204, 208}
	pdfTrack     = pdfColor{230, 232, 235}
	pdfPanel     = pdfColor{244, 245, 247}
	pdfNavy      = pdfColor{38, 64, 97}
	pdfSeries    = []pdfColor{{38, 64, 97}, {108, 142, 181}, {181, 199, 221}, {140, 140, 140}, {70, 70, 70}}
)

// pdfStyle is how a piece of text is drawn.
type pdfStyle struct {
	size  float64
	bold  bool
	color pdfColor
}

// Text styles used across the PDFs.
var (
	pdfBody  = pdfStyle{size: 9, color: pdfInk}
	pdfDense = pdfStyle{size: 8.5, color: pdfInk}
	pdfSmall = pdfStyle{size: 8, color: pdfMuted}
	pdfLabel = pdfStyle{size: 9, bold: true, color: pdfInk}
	pdfH2    = pdfStyle{size: 12, bold: true, color: pdfInk}
	pdfH1    = pdfStyle{size: 18, bold: true, color: pdfInk}
)

// leading is the height of one line of text in this style.
func (st pdfStyle) leading() float64 { return st.size * 1.32 }

// pdfRun is a piece of a line drawn with one font.
type pdfRun struct {
	face *fontFace
	text string
}

// clean makes text from the input safe to draw as plain text: line breaks and
// tabs become spaces; other control and invisible formatting characters are
// dropped (fpdf draws no bidirectional or joining controls).
func pdfClean(s string) string {
	if !strings.ContainsFunc(s, func(r rune) bool {
		return r < 0x20 || (r >= 0x7F && r < 0xA0) || r == utf8.RuneError || unicode.Is(unicode.Cf, r) || r == 0x2028 || r == 0x2029
	}) {
		return s
	}
	var b strings.Builder
	for i, r := range s {
		switch {
		case r == '\n' || r == '\t' || r == '\r' || r == 0x2028 || r == 0x2029:
			b.WriteByte(' ')
		case r == utf8.RuneError:
			if _, n := utf8.DecodeRuneInString(s[i:]); n == 1 {
				b.WriteRune(unicode.ReplacementChar) // invalid UTF-8
			} else {
				b.WriteRune(r)
			}
		case r < 0x20 || (r >= 0x7F && r < 0xA0) || unicode.Is(unicode.Cf, r):
		default:
			b.WriteRune(r)
		}
	}
	return b.String()
}

// runs splits clean text into runs of one font each. A character no font has
// is drawn with the Go font (it shows as a box) and recorded, so the run can
// warn about it; characters beyond the Basic Multilingual Plane, which fpdf
// cannot draw, become U+FFFD.
func (d *pdfDoc) runs(s string, bold bool) []pdfRun {
	var out []pdfRun
	var cur *fontFace
	var b strings.Builder
	flush := func() {
		if b.Len() > 0 {
			out = append(out, pdfRun{face: cur, text: b.String()})
			b.Reset()
		}
	}
	for _, r := range s {
		f := d.fonts.faceFor(r, bold)
		if f == d.fonts.cjk && !d.cjkRunes[r] {
			f = nil // not announced by pdfCJKRunes: never drawn as an empty box unsaid
		}
		if f == nil {
			d.glyphs.drawn(r)
			f = d.mainFace(bold)
			if r > 0xFFFF {
				r = unicode.ReplacementChar
			}
		}
		if f != cur {
			flush()
			cur = f
		}
		b.WriteRune(r)
	}
	flush()
	return out
}

// width measures clean text in a style.
func (d *pdfDoc) width(s string, st pdfStyle) float64 {
	w := 0.0
	for _, r := range d.runs(s, st.bold) {
		d.setFace(r.face, st.size)
		w += d.pdf.GetStringWidth(r.text)
	}
	return w
}

// line draws text from the input on one line, its top at y, and returns its width.
func (d *pdfDoc) line(x, y float64, s string, st pdfStyle) float64 {
	s = pdfClean(s)
	d.pdf.SetTextColor(st.color.r, st.color.g, st.color.b)
	start := x
	for _, r := range d.runs(s, st.bold) {
		d.setFace(r.face, st.size)
		d.pdf.Text(x, y+st.size*0.86, r.text)
		x += d.pdf.GetStringWidth(r.text)
	}
	return x - start
}

// lineRight draws one line ending at x.
func (d *pdfDoc) lineRight(x, y float64, s string, st pdfStyle) {
	s = pdfClean(s)
	d.line(x-d.width(s, st), y, s, st)
}

// lineCenter draws one line centred on x.
func (d *pdfDoc) lineCenter(x, y float64, s string, st pdfStyle) {
	s = pdfClean(s)
	d.line(x-d.width(s, st)/2, y, s, st)
}

// fit shortens text with an ellipsis until it fits in w.
func (d *pdfDoc) fit(s string, st pdfStyle, w float64) string {
	s = pdfClean(s)
	if d.width(s, st) <= w {
		return s
	}
	rs := []rune(s)
	lo, hi := 0, len(rs) // the longest prefix that fits, by bisection
	for lo < hi {
		mid := (lo + hi + 1) / 2
		if d.width(strings.TrimRight(string(rs[:mid]), " ")+d.ellipsis, st) <= w {
			lo = mid
		} else {
			hi = mid - 1
		}
	}
	return strings.TrimRight(string(rs[:lo]), " ") + d.ellipsis
}

// pdfSeg is a piece of a paragraph in one weight.
type pdfSeg struct {
	text string
	bold bool
}

// pdfWord is a word laid out on a line.
type pdfWord struct {
	text string
	bold bool
	w    float64
}

// layout breaks segments into lines no wider than w, at spaces where it can
// and inside a word that is too long by itself (names in scripts without
// spaces). With maxLines > 0 the last line kept ends in an ellipsis when text
// is left over.
func (d *pdfDoc) layout(segs []pdfSeg, st pdfStyle, w float64, maxLines int) [][]pdfWord {
	space := d.width(" ", st)
	var lines [][]pdfWord
	var cur []pdfWord
	curW := 0.0
	for _, sg := range segs {
		wst := st
		wst.bold = st.bold || sg.bold
		for _, word := range strings.Fields(pdfClean(sg.text)) {
			ww := d.width(word, wst)
			if len(cur) > 0 && curW+space+ww <= w {
				cur, curW = append(cur, pdfWord{word, wst.bold, ww}), curW+space+ww
				continue
			}
			if len(cur) > 0 {
				lines = append(lines, cur)
			}
			cur, curW = nil, 0
			for ww > w { // a word longer than the line: cut it where it overflows
				head := d.fitRunes(word, wst, w)
				lines = append(lines, []pdfWord{{head, wst.bold, d.width(head, wst)}})
				word = word[len(head):]
				ww = d.width(word, wst)
			}
			if word != "" {
				cur, curW = []pdfWord{{word, wst.bold, ww}}, ww
			}
		}
	}
	if len(cur) > 0 {
		lines = append(lines, cur)
	}
	if maxLines > 0 && len(lines) > maxLines {
		lines = lines[:maxLines]
		lines[maxLines-1] = d.ellipsize(lines[maxLines-1], st, w, space)
	}
	return lines
}

// ellipsize ends a line with an ellipsis, dropping words until it fits.
func (d *pdfDoc) ellipsize(line []pdfWord, st pdfStyle, w, space float64) []pdfWord {
	ell := d.width(d.ellipsis, st)
	total := func() float64 {
		t := 0.0
		for i, wd := range line {
			if i > 0 {
				t += space
			}
			t += wd.w
		}
		return t
	}
	first := line[0]
	for len(line) > 0 && total()+ell > w {
		line = line[:len(line)-1]
	}
	if len(line) == 0 {
		wst := st
		wst.bold = first.bold
		t := d.fit(first.text+d.ellipsis, wst, w)
		return []pdfWord{{t, first.bold, d.width(t, wst)}}
	}
	last := &line[len(line)-1]
	last.text += d.ellipsis
	last.w += ell
	return line
}

// fitRunes returns the longest prefix of word (at least one character) that fits in w.
func (d *pdfDoc) fitRunes(word string, st pdfStyle, w float64) string {
	end := 0
	for i, r := range word {
		next := i + utf8.RuneLen(r)
		if end > 0 && d.width(word[:next], st) > w {
			break
		}
		end = next
	}
	return word[:end]
}

// rich draws segments wrapped in a column of width w from y and returns the
// y below them. Consecutive words of one weight are drawn as one piece.
func (d *pdfDoc) rich(x, y, w float64, segs []pdfSeg, st pdfStyle, maxLines int) float64 {
	for _, line := range d.layout(segs, st, w, maxLines) {
		lx := x
		for i := 0; i < len(line); {
			j := i
			var b strings.Builder
			for ; j < len(line) && line[j].bold == line[i].bold; j++ {
				if j > i {
					b.WriteByte(' ')
				}
				b.WriteString(line[j].text)
			}
			wst := st
			wst.bold = line[i].bold
			lx += d.line(lx, y, b.String(), wst) + d.width(" ", st)
			i = j
		}
		y += st.leading()
	}
	return y
}

// richHeight is the height rich would take.
func (d *pdfDoc) richHeight(w float64, segs []pdfSeg, st pdfStyle, maxLines int) float64 {
	return float64(len(d.layout(segs, st, w, maxLines))) * st.leading()
}

// paragraph draws plain text wrapped in a column of width w from y and
// returns the y below it.
func (d *pdfDoc) paragraph(x, y, w float64, s string, st pdfStyle, maxLines int) float64 {
	return d.rich(x, y, w, []pdfSeg{{text: s}}, st, maxLines)
}

// paragraphHeight is the height paragraph would take.
func (d *pdfDoc) paragraphHeight(w float64, s string, st pdfStyle, maxLines int) float64 {
	return d.richHeight(w, []pdfSeg{{text: s}}, st, maxLines)
}
