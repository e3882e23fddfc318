package report

import (
	"bytes"
	"errors"
	"strconv"
	"strings"
	"unicode/utf8"
)

// This file is a small XML tokenizer for worksheet parts. The annotated
// workbook rewrites a partner's sheets in place: it copies every byte it does
// not change, so it needs byte offsets, which encoding/xml cannot give while
// keeping namespace prefixes as written.

// Kinds of xmlTok.
const (
	xtStart = iota + 1 // <a ...>
	xtEmpty            // <a .../>
	xtEnd              // </a>
	xtText             // character data
	xtCDATA            // <![CDATA[...]]>
	xtOther            // comment, processing instruction, DOCTYPE
)

// errXMLSyntax reports a worksheet part that is not well-formed enough to rewrite.
var (
	errXMLSyntax      = errors.New("malformed XML")
	errXMLDeclaration = errors.New("the sheet declares a DTD or entities, which Excel never writes")
)

// xmlTok is one token of an XML document, located by byte offsets.
type xmlTok struct {
	kind       int
	start, end int    // the token is b[start:end]
	name       []byte // qualified name of a tag ("x:row")
	attrs      []byte // raw attribute text of a start or empty tag
}

// xmlScanner walks a document token by token.
type xmlScanner struct {
	b   []byte
	pos int
}

// next returns the next token; ok is false at the end of the input.
func (s *xmlScanner) next() (t xmlTok, ok bool, err error) {
	b := s.b
	if s.pos >= len(b) {
		return t, false, nil
	}
	t.start = s.pos
	if b[s.pos] != '<' {
		i := bytes.IndexByte(b[s.pos:], '<')
		if i < 0 {
			i = len(b) - s.pos
		}
		s.pos += i
		t.kind, t.end = xtText, s.pos
		return t, true, nil
	}
	rest := b[s.pos:]
	var second byte
	if len(rest) > 1 {
		second = rest[1]
	}
	switch {
	case second == '!' && bytes.HasPrefix(rest, []byte("<!--")):
		return s.until(t, xtOther, 4, "-->")
	case second == '!' && bytes.HasPrefix(rest, []byte("<![CDATA[")):
		return s.until(t, xtCDATA, 9, "]]>")
	case second == '?':
		return s.until(t, xtOther, 2, "?>")
	case second == '!':
		// A DOCTYPE or another declaration: Excel never writes one in a
		// worksheet, the reader refuses them, and a parser may read its
		// brackets otherwise than this scanner would.
		return t, false, errXMLDeclaration
	case second == '/':
		i := bytes.IndexByte(rest, '>')
		if i < 0 {
			return t, false, errXMLSyntax
		}
		j := i
		for j > 2 && isXMLSpace(rest[j-1]) {
			j--
		}
		t.name = rest[2:j]
		if len(t.name) == 0 {
			return t, false, errXMLSyntax
		}
		s.pos += i + 1
		t.kind, t.end = xtEnd, s.pos
		return t, true, nil
	}
	// A start or empty tag: the name, then attributes whose quoted values may hold '>'.
	i := 1
	for i < len(rest) && !isXMLSpace(rest[i]) && rest[i] != '>' && rest[i] != '/' {
		i++
	}
	t.name = rest[1:i]
	if len(t.name) == 0 {
		return t, false, errXMLSyntax
	}
	attrStart := i
	for ; i < len(rest); i++ {
		c := rest[i]
		if c == '"' || c == '\'' {
			// A quoted value, which may hold '>'.
			j := bytes.IndexByte(rest[i+1:], c)
			if j < 0 {
				break
			}
			i += j + 1
			continue
		}
		if c == '>' {
			t.kind = xtStart
			t.attrs = rest[attrStart:i]
			if i > attrStart && rest[i-1] == '/' {
				t.kind = xtEmpty
				t.attrs = rest[attrStart : i-1]
			} else if i == attrStart && rest[i-1] == '/' {
				t.kind = xtEmpty
			}
			s.pos += i + 1
			t.end = s.pos
			return t, true, nil
		}
	}
	return t, false, errXMLSyntax
}

func (s *xmlScanner) until(t xmlTok, kind, skip int, end string) (xmlTok, bool, error) {
	i := bytes.Index(s.b[s.pos+skip:], []byte(end))
	if i < 0 {
		return t, false, errXMLSyntax
	}
	s.pos += skip + i + len(end)
	t.kind, t.end = kind, s.pos
	return t, true, nil
}

func isXMLSpace(c byte) bool { return c == ' ' || c == '\t' || c == '\r' || c == '\n' }

// splitName splits a qualified name into its prefix and local name.
func splitName(q []byte) (prefix, local []byte) {
	if i := bytes.IndexByte(q, ':'); i >= 0 {
		return q[:i], q[i+1:]
	}
	return nil, q
}

// is reports whether the tag is the SpreadsheetML element local, written with prefix p.
func (t xmlTok) is(p []byte, local string) bool {
	pre, loc := splitName(t.name)
	return string(loc) == local && bytes.Equal(pre, p)
}

// eachAttr calls fn for every attribute of a tag's raw attribute text, with
// the value still escaped; it stops when fn returns false.
func eachAttr(raw []byte, fn func(name, value []byte) bool) error {
	i := 0
	for {
		for i < len(raw) && isXMLSpace(raw[i]) {
			i++
		}
		if i >= len(raw) {
			return nil
		}
		n := i
		for i < len(raw) && raw[i] != '=' && !isXMLSpace(raw[i]) {
			i++
		}
		name := raw[n:i]
		for i < len(raw) && isXMLSpace(raw[i]) {
			i++
		}
		if i >= len(raw) || raw[i] != '=' || len(name) == 0 {
			return errXMLSyntax
		}
		i++
		for i < len(raw) && isXMLSpace(raw[i]) {
			i++
		}
		if i >= len(raw) || (raw[i] != '"' && raw[i] != '\'') {
			return errXMLSyntax
		}
		q := raw[i]
		i++
		v := i
		for i < len(raw) && raw[i] != q {
			i++
		}
		if i >= len(raw) {
			return errXMLSyntax
		}
		if !fn(name, raw[v:i]) {
			return nil
		}
		i++
	}
}

// attr returns the escaped value of the named attribute (an unprefixed name).
func attr(raw []byte, name string) ([]byte, bool) {
	// Most producers write the attribute looked for first: ` r="A1" ...`.
	if n := len(name); len(raw) > n+2 && isXMLSpace(raw[0]) && string(raw[1:1+n]) == name && raw[1+n] == '=' &&
		(raw[2+n] == '"' || raw[2+n] == '\'') {
		e := bytes.IndexByte(raw[3+n:], raw[2+n])
		if e < 0 {
			return nil, false
		}
		return raw[3+n : 3+n+e], true
	}
	for i := 0; i < len(raw); {
		j := bytes.Index(raw[i:], []byte(name))
		if j < 0 {
			return nil, false
		}
		j += i
		k := j + len(name)
		// The name must start the attribute and be followed by '=' (spaces allowed).
		if j > 0 && !isXMLSpace(raw[j-1]) {
			i = k
			continue
		}
		for k < len(raw) && isXMLSpace(raw[k]) {
			k++
		}
		if k >= len(raw) || raw[k] != '=' {
			i = k
			continue
		}
		if inQuotes(raw[:j]) {
			i = k
			continue
		}
		k++
		for k < len(raw) && isXMLSpace(raw[k]) {
			k++
		}
		if k >= len(raw) || (raw[k] != '"' && raw[k] != '\'') {
			return nil, false
		}
		e := bytes.IndexByte(raw[k+1:], raw[k])
		if e < 0 {
			return nil, false
		}
		return raw[k+1 : k+1+e], true
	}
	return nil, false
}

// inQuotes reports whether the end of b is inside a quoted attribute value.
func inQuotes(b []byte) bool {
	var q byte
	for _, c := range b {
		switch {
		case q != 0:
			if c == q {
				q = 0
			}
		case c == '"' || c == '\'':
			q = c
		}
	}
	return q != 0
}

// xmlUnescape resolves the five predefined entities and character references.
func xmlUnescape(b []byte) string {
	if bytes.IndexByte(b, '&') < 0 {
		return string(b)
	}
	var sb strings.Builder
	for len(b) > 0 {
		i := bytes.IndexByte(b, '&')
		if i < 0 {
			sb.Write(b)
			break
		}
		sb.Write(b[:i])
		b = b[i:]
		j := bytes.IndexByte(b, ';')
		if j < 0 {
			sb.Write(b)
			break
		}
		ent := string(b[1:j])
		switch {
		case ent == "amp":
			sb.WriteByte('&')
		case ent == "lt":
			sb.WriteByte('<')
		case ent == "gt":
			sb.WriteByte('>')
		case ent == "quot":
			sb.WriteByte('"')
		case ent == "apos":
			sb.WriteByte('\'')
		case strings.HasPrefix(ent, "#x") || strings.HasPrefix(ent, "#X"):
			if n, err := strconv.ParseUint(ent[2:], 16, 32); err == nil && utf8.ValidRune(rune(n)) {
				sb.WriteRune(rune(n))
			} else {
				sb.Write(b[:j+1])
			}
		case strings.HasPrefix(ent, "#"):
			if n, err := strconv.ParseUint(ent[1:], 10, 32); err == nil && utf8.ValidRune(rune(n)) {
				sb.WriteRune(rune(n))
			} else {
				sb.Write(b[:j+1])
			}
		default:
			sb.Write(b[:j+1])
		}
		b = b[j+1:]
	}
	return sb.String()
}

// xmlEscape appends s escaped for an attribute value or element text.
// Characters XML 1.0 cannot hold become U+FFFD, and a carriage return is
// written as a character reference so that it survives parsing.
func xmlEscape(dst []byte, s string) []byte {
	// Text that needs nothing escaped is copied at once, up to the first
	// character that does (or that is not ASCII).
	i := 0
	for i < len(s) && plainXMLByte(s[i]) {
		i++
	}
	dst = append(dst, s[:i]...)
	for _, r := range s[i:] {
		switch {
		case r == '&':
			dst = append(dst, "&amp;"...)
		case r == '<':
			dst = append(dst, "&lt;"...)
		case r == '>':
			dst = append(dst, "&gt;"...)
		case r == '"':
			dst = append(dst, "&quot;"...)
		case r == '\r':
			dst = append(dst, "&#13;"...)
		case r == '\t' || r == '\n':
			dst = append(dst, byte(r))
		case r < 0x20 || r == 0xFFFE || r == 0xFFFF || (r >= 0xD800 && r <= 0xDFFF) || r == utf8.RuneError:
			dst = append(dst, "\uFFFD"...)
		default:
			dst = utf8.AppendRune(dst, r)
		}
	}
	return dst
}

// plainXMLByte reports whether xmlEscape copies c as it is.
func plainXMLByte(c byte) bool {
	return c < 0x80 && (c >= 0x20 || c == '\t' || c == '\n') && c != '&' && c != '<' && c != '>' && c != '"'
}

// parseCellRef reads an A1 reference ("AB12", "$A$1") into 1-based column and row.
func parseCellRef(b []byte) (col, row int, ok bool) {
	i := 0
	if i < len(b) && b[i] == '$' {
		i++
	}
	for i < len(b) && b[i] >= 'A' && b[i] <= 'Z' {
		col = col*26 + int(b[i]-'A'+1)
		i++
		if col > maxColumns {
			return 0, 0, false
		}
	}
	if i < len(b) && b[i] == '$' {
		i++
	}
	start := i
	if i < len(b) && b[i] == '0' {
		return 0, 0, false // "A01" is not a reference
	}
	for i < len(b) && b[i] >= '0' && b[i] <= '9' {
		row = row*10 + int(b[i]-'0')
		i++
		if row > maxRows {
			return 0, 0, false
		}
	}
	if col == 0 || row == 0 || i != len(b) || i == start {
		return 0, 0, false
	}
	return col, row, true
}

// parseColRef reads the column letters at the start of a reference ("AB" of "AB12").
func parseColRef(b []byte) (col int, ok bool) {
	i := 0
	if i < len(b) && b[i] == '$' {
		i++
	}
	for i < len(b) && b[i] >= 'A' && b[i] <= 'Z' {
		col = col*26 + int(b[i]-'A'+1)
		i++
		if col > maxColumns {
			return 0, false
		}
	}
	return col, col > 0
}

// Limits of a worksheet.
const (
	maxColumns = 16384
	maxRows    = 1048576
)

// colName returns the letters of a 1-based column ("A", "AB").
func colName(col int) string {
	var buf [4]byte
	i := len(buf)
	for col > 0 {
		col--
		i--
		buf[i] = byte('A' + col%26)
		col /= 26
	}
	return string(buf[i:])
}

// cellName returns the A1 reference of a column and row.
func cellName(col, row int) string { return colName(col) + strconv.Itoa(row) }

// parseRange reads "A1:C9" or "A1" into its corners.
func parseRange(b []byte) (c1, r1, c2, r2 int, ok bool) {
	a, z := b, b
	if i := bytes.IndexByte(b, ':'); i >= 0 {
		a, z = b[:i], b[i+1:]
	}
	if c1, r1, ok = parseCellRef(a); !ok {
		return
	}
	if c2, r2, ok = parseCellRef(z); !ok {
		return
	}
	if c2 < c1 {
		c1, c2 = c2, c1
	}
	if r2 < r1 {
		r1, r2 = r2, r1
	}
	return c1, r1, c2, r2, true
}
