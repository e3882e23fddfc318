package reader

import (
	"bytes"
	"strconv"
	"unicode/utf8"
)

// appendNormalised appends raw text with CR LF and a lone CR made LF.
func appendNormalised(dst, raw []byte) []byte {
	for i := 0; i < len(raw); i++ {
		c := raw[i]
		if c == '\r' {
			if i+1 < len(raw) && raw[i+1] == '\n' {
				continue
			}
			c = '\n'
		}
		dst = append(dst, c)
	}
	return dst
}

// decodeText appends raw XML text to dst with its entities and character
// references decoded and its line ends normalised.
func decodeText(dst, raw []byte) ([]byte, error) {
	for i := 0; i < len(raw); i++ {
		c := raw[i]
		switch c {
		case '\r':
			if i+1 < len(raw) && raw[i+1] == '\n' {
				continue
			}
			dst = append(dst, '\n')
			continue
		case '&':
		default:
			dst = append(dst, c)
			continue
		}
		j := bytes.IndexByte(raw[i:], ';')
		if j < 0 || j > 12 {
			return dst, malformed(detailBareAmpersand)
		}
		ent := raw[i+1 : i+j]
		i += j
		switch string(ent) {
		case "amp":
			dst = append(dst, '&')
		case "lt":
			dst = append(dst, '<')
		case "gt":
			dst = append(dst, '>')
		case "quot":
			dst = append(dst, '"')
		case "apos":
			dst = append(dst, '\'')
		default:
			r, ok := charRef(ent)
			if !ok {
				return dst, malformed(detailUnknownEntity, ent)
			}
			dst = utf8.AppendRune(dst, r)
		}
	}
	return dst, nil
}

// charRef decodes the body of a character reference ("#65", "#x41").
func charRef(ent []byte) (rune, bool) {
	if len(ent) < 2 || ent[0] != '#' {
		return 0, false
	}
	var n uint64
	var err error
	if ent[1] == 'x' {
		n, err = strconv.ParseUint(string(ent[2:]), 16, 32)
	} else {
		n, err = strconv.ParseUint(string(ent[1:]), 10, 32)
	}
	if err != nil {
		return 0, false
	}
	r := rune(n)
	ok := r == 0x09 || r == 0x0A || r == 0x0D ||
		r >= 0x20 && r <= 0xD7FF ||
		r >= 0xE000 && r <= 0xFFFD ||
		r >= 0x10000 && r <= 0x10FFFF
	return r, ok
}
