package report

import (
	"encoding/binary"
	"errors"
	"fmt"
	"io"

	"codeberg.org/go-pdf/fpdf"
)

// Errors of checkTrueType, in words a user who picked a font file understands.
var (
	errFontCollection = errors.New("it is a font collection (.ttc), which cannot be embedded in a PDF; give a single TrueType font (.ttf), for example DroidSansFallbackFull.ttf from fonts-droid-fallback")
	errFontCFF        = errors.New("it has PostScript (CFF) outlines, which cannot be embedded in a PDF; give a TrueType font (.ttf), for example DroidSansFallbackFull.ttf from fonts-droid-fallback")
	errFontNotTTF     = errors.New("it is not a TrueType font (.ttf)")
	errFontLicence    = errors.New("its licence does not allow embedding it in a document")
)

// errFontDamaged reports a font whose structure is broken.
func errFontDamaged(format string, args ...any) error {
	return fmt.Errorf("the font file is damaged or unsupported: "+format, args...)
}

// checkTrueType checks everything fpdf's TrueType parser relies on, so that a
// font it cannot use is refused with a reason instead of being skipped with a
// message on standard output (or a panic) while the PDF is made.
func checkTrueType(b []byte) error {
	if len(b) < 12 {
		return errFontNotTTF
	}
	switch string(b[:4]) {
	case "ttcf":
		return errFontCollection
	case "OTTO":
		return errFontCFF
	case "\x00\x01\x00\x00", "true":
	default:
		return errFontNotTTF
	}
	n := int(fontU16(b, 4))
	if len(b) < 12+16*n {
		return errFontDamaged("the table directory is cut short")
	}
	tables := map[string][]byte{}
	for i := range n {
		rec := b[12+16*i:]
		off, size := uint64(fontU32(rec, 8)), uint64(fontU32(rec, 12))
		if off+size > uint64(len(b)) {
			return errFontDamaged("table %q runs past the end of the file", rec[:4])
		}
		tables[string(rec[:4])] = b[off : off+size]
	}
	for _, t := range []string{"cmap", "glyf", "head", "hhea", "hmtx", "loca", "maxp", "name", "post"} {
		if _, ok := tables[t]; !ok {
			return errFontDamaged("it has no %q table", t)
		}
	}
	head, hhea, maxp := tables["head"], tables["hhea"], tables["maxp"]
	if len(head) < 54 || len(hhea) < 36 || len(maxp) < 6 || len(tables["post"]) < 16 {
		return errFontDamaged("a header table is cut short")
	}
	if fontU16(head, 18) == 0 || fontU16(head, 50) > 1 || fontU16(head, 52) != 0 {
		return errFontDamaged("unknown head table values")
	}
	hMetrics := int(fontU16(hhea, 34))
	if fontU16(hhea, 32) != 0 || hMetrics == 0 || len(tables["hmtx"]) < 4*hMetrics {
		return errFontDamaged("unknown horizontal metrics")
	}
	glyphs := int(fontU16(maxp, 4))
	locaSize := 2
	if fontU16(head, 50) == 1 {
		locaSize = 4
	}
	if hMetrics > glyphs || len(tables["loca"]) < (glyphs+1)*locaSize {
		return errFontDamaged("the glyph index is cut short")
	}
	if os2 := tables["OS/2"]; os2 != nil {
		if len(os2) < 78 {
			return errFontDamaged("the OS/2 table is cut short")
		}
		if fs := fontU16(os2, 8); fs == 0x0002 || fs&0x0300 != 0 {
			return errFontLicence
		}
	}
	if err := checkNameTable(tables["name"]); err != nil {
		return err
	}
	return checkCmap(tables["cmap"])
}

// checkNameTable checks the name table's format and the records fpdf reads.
func checkNameTable(t []byte) error {
	if len(t) < 6 || fontU16(t, 0) != 0 {
		return errFontDamaged("unknown name table format")
	}
	count, strOff := int(fontU16(t, 2)), int(fontU16(t, 4))
	if len(t) < 6+12*count {
		return errFontDamaged("the name table is cut short")
	}
	for i := range count {
		r := t[6+12*i:]
		id, size, off := fontU16(r, 6), int(fontU16(r, 8)), int(fontU16(r, 10))
		if id != 1 && id != 2 && id != 3 && id != 4 && id != 6 {
			continue
		}
		if strOff+off+size > len(t) {
			return errFontDamaged("a font name runs past the name table")
		}
		if fontU16(r, 0) == 3 && fontU16(r, 2) == 1 && fontU16(r, 4) == 0x409 && size%2 != 0 {
			return errFontDamaged("a font name has an odd length")
		}
	}
	return nil
}

// checkCmap requires the Unicode character map of format 4 that fpdf reads.
func checkCmap(t []byte) error {
	if len(t) < 4 {
		return errFontDamaged("the character map is cut short")
	}
	n := int(fontU16(t, 2))
	if len(t) < 4+8*n {
		return errFontDamaged("the character map is cut short")
	}
	for i := range n {
		r := t[4+8*i:]
		platform, encoding, off := fontU16(r, 0), fontU16(r, 2), int(fontU32(r, 4))
		if !(platform == 3 && encoding == 1) && platform != 0 {
			continue
		}
		if off < 0 || off+14 > len(t) || fontU16(t, off) != 4 {
			continue
		}
		size, segs := int(fontU16(t, off+2)), int(fontU16(t, off+6))/2
		if off+size > len(t) || 16+8*segs > size {
			return errFontDamaged("the Unicode character map is cut short")
		}
		return nil
	}
	return errFontDamaged("it has no Unicode character map of the kind PDF fonts need (format 4)")
}

// tryEmbed embeds the font in a throw-away PDF drawing sample, so that a font
// fpdf chokes on is refused once, when it is loaded, rather than in every PDF.
func tryEmbed(data []byte, sample string) (err error) {
	defer func() {
		if r := recover(); r != nil {
			err = errFontDamaged("it could not be embedded (%v)", r)
		}
	}()
	pdf := fpdf.New("P", "pt", "A4", "")
	pdf.AddUTF8FontFromBytes("trial", "", data)
	pdf.AddPage()
	pdf.SetFont("trial", "", 10)
	pdf.Text(10, 20, sample)
	if err := pdf.Output(io.Discard); err != nil {
		return errFontDamaged("it could not be embedded (%v)", err)
	}
	return nil
}

func fontU16(b []byte, i int) uint16 { return binary.BigEndian.Uint16(b[i:]) }
func fontU32(b []byte, i int) uint32 { return binary.BigEndian.Uint32(b[i:]) }
