package report

import (
	"encoding/binary"
	"fmt"
	"sort"

	"golang.org/x/image/font/sfnt"
)

// pdfMaxCmapRunes bounds the characters of a trimmed character map: one
// format 4 segment each must fit in its 16-bit length.
const pdfMaxCmapRunes = 8000

// withCmap returns a copy of the font whose character map holds only the
// given characters, each mapped to its glyph. fpdf reads the whole character
// map of every font it embeds, twice per PDF; for a CJK font of 49,000 glyphs
// that is most of the time a scorecard takes. The glyphs themselves are left
// untouched, and fpdf still embeds only those it draws.
func (f *fontFace) withCmap(runes []rune) ([]byte, error) {
	if len(runes) == 0 || len(runes) > pdfMaxCmapRunes {
		return nil, fmt.Errorf("cannot trim the character map to %d characters", len(runes))
	}
	rs := append([]rune{}, runes...)
	sort.Slice(rs, func(i, j int) bool { return rs[i] < rs[j] })
	var buf sfnt.Buffer
	type pair struct {
		r  rune
		gi uint16
	}
	var pairs []pair
	for i, r := range rs {
		if i > 0 && r == rs[i-1] || r >= 0xFFFF || r < 0 {
			continue
		}
		gi, err := f.sf.GlyphIndex(&buf, r)
		if err != nil || gi == 0 {
			continue
		}
		pairs = append(pairs, pair{r, uint16(gi)})
	}
	// A format 4 subtable: one segment per character, then the closing 0xFFFF.
	seg := len(pairs) + 1
	sub := make([]byte, 16+8*seg)
	put := func(at int, v uint16) { binary.BigEndian.PutUint16(sub[at:], v) }
	put(0, 4)
	put(2, uint16(len(sub)))
	put(6, uint16(2*seg))
	search := 1
	for search*2 <= seg {
		search *= 2
	}
	put(8, uint16(2*search))
	put(10, uint16(bitsLen(search)-1))
	put(12, uint16(2*seg-2*search))
	ends, starts, deltas := 14, 16+2*seg, 16+4*seg
	for i, p := range pairs {
		put(ends+2*i, uint16(p.r))
		put(starts+2*i, uint16(p.r))
		put(deltas+2*i, p.gi-uint16(p.r)) // modulo 65536, as the format says
	}
	put(ends+2*(seg-1), 0xFFFF)
	put(starts+2*(seg-1), 0xFFFF)
	put(deltas+2*(seg-1), 1)
	cmap := append([]byte{0, 0, 0, 1, 0, 3, 0, 1, 0, 0, 0, 12}, sub...)
	return replaceTable(f.data, "cmap", cmap)
}

// replaceTable returns a copy of a TrueType font with one table replaced.
func replaceTable(font []byte, tag string, data []byte) ([]byte, error) {
	n := int(fontU16(font, 4))
	if len(font) < 12+16*n {
		return nil, errFontDamaged("the table directory is cut short")
	}
	out := make([]byte, 12+16*n, len(font)+len(data)+4*n)
	copy(out, font[:12+16*n])
	for i := range n {
		rec := out[12+16*i:]
		off, size := int(fontU32(rec, 8)), int(fontU32(rec, 12))
		if off+size > len(font) {
			return nil, errFontDamaged("table %q runs past the end of the file", rec[:4])
		}
		body := font[off : off+size]
		if string(rec[:4]) == tag {
			body = data
			binary.BigEndian.PutUint32(rec[4:], tableChecksum(body))
		}
		for len(out)%4 != 0 {
			out = append(out, 0)
		}
		binary.BigEndian.PutUint32(rec[8:], uint32(len(out)))
		binary.BigEndian.PutUint32(rec[12:], uint32(len(body)))
		out = append(out, body...)
	}
	return out, nil
}

// tableChecksum is the sum of a table's big-endian 32-bit words.
func tableChecksum(b []byte) uint32 {
	var sum uint32
	for i := 0; i < len(b); i += 4 {
		var w [4]byte
		copy(w[:], b[i:])
		sum += binary.BigEndian.Uint32(w[:])
	}
	return sum
}

func bitsLen(n int) int {
	l := 0
	for ; n > 0; n >>= 1 {
		l++
	}
	return l
}
