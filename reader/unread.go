package reader

import (
	"bytes"
	"errors"
	"io"
	"sort"
	"strings"
	"unicode/utf16"
)

// checkUnread holds the XML parts the reader did not need (other sheets,
// document properties, charts, drawings, the theme) to the rules of the
// parts it read: valid UTF-8, no NUL, no DTD or entity declarations. They
// are copied into the annotated workbook as they are, so a workbook is
// refused as a whole, never passed on with a hostile part.
func checkUnread(p *pkg, b *book) error {
	sheets := map[string]string{}
	for _, s := range b.sheets {
		if s.part != "" {
			sheets[partKey(s.part)] = s.name
		}
	}
	var names []string
	for key, zf := range p.parts {
		if !p.opened[key] && isXMLPart(key) && !strings.HasSuffix(zf.Name, "/") {
			names = append(names, key)
		}
	}
	sort.Strings(names)
	for _, key := range names {
		if err := checkPart(p, p.parts[key].Name); err != nil {
			return partError(p.parts[key].Name, sheets[key], err)
		}
	}
	return nil
}

// isXMLPart reports whether a part holds XML by its name.
func isXMLPart(key string) bool {
	for _, ext := range []string{".xml", ".rels", ".vml"} {
		if strings.HasSuffix(key, ext) {
			return true
		}
	}
	return false
}

// checkPart reads a part through the tokenizer up to its root element (a
// DTD can only come before it), then checks the rest of its bytes. Only
// what makes a part unsafe or unreadable counts: a DTD, text that is not
// UTF-8, a part that cannot be inflated. A part in UTF-16, which XML allows
// and which document-management systems write (customXml), is checked for a
// DTD only.
func checkPart(p *pkg, name string) error {
	rc, err := p.open(name)
	if err != nil {
		return err
	}
	defer rc.Close()
	head := make([]byte, 64<<10)
	n, err := io.ReadFull(rc, head)
	head = head[:n]
	if err != nil && err != io.EOF && err != io.ErrUnexpectedEOF {
		return &readError{err}
	}
	if isUTF16(head) {
		if err := drainPart(rc); err != nil {
			return err
		}
		text := decodeUTF16(head)
		if strings.Contains(text, "<!DOCTYPE") || strings.Contains(text, "<!ENTITY") {
			return errDTD
		}
		return nil
	}
	t := newTok(io.MultiReader(bytes.NewReader(head), rc), 32<<10)
	for k := t.next(); k != tokEOF && k != tokStart; k = t.next() {
	}
	err = t.drain()
	var re *readError
	if err == errDTD || err == errText || errors.As(err, &re) {
		return err
	}
	return nil
}

// drainPart reads the rest of a part, so that archive/zip checks its checksum.
func drainPart(r io.Reader) error {
	if _, err := io.Copy(io.Discard, r); err != nil {
		return &readError{err}
	}
	return nil
}

// isUTF16 reports whether a part starts as UTF-16 XML: a byte order mark,
// or "<" as a 16-bit character.
func isUTF16(b []byte) bool {
	return bytes.HasPrefix(b, []byte{0xFF, 0xFE}) || bytes.HasPrefix(b, []byte{0xFE, 0xFF}) ||
		bytes.HasPrefix(b, []byte{'<', 0}) || bytes.HasPrefix(b, []byte{0, '<'})
}

// decodeUTF16 decodes the start of a UTF-16 part, as far as it goes.
func decodeUTF16(b []byte) string {
	big := bytes.HasPrefix(b, []byte{0xFE, 0xFF}) || bytes.HasPrefix(b, []byte{0, '<'})
	u := make([]uint16, 0, len(b)/2)
	for i := 0; i+1 < len(b); i += 2 {
		if big {
			u = append(u, uint16(b[i])<<8|uint16(b[i+1]))
		} else {
			u = append(u, uint16(b[i+1])<<8|uint16(b[i]))
		}
	}
	return string(utf16.Decode(u))
}
