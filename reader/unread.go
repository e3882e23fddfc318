package reader

import (
	"errors"
	"sort"
	"strings"
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
// UTF-8, a part that cannot be inflated.
func checkPart(p *pkg, name string) error {
	rc, err := p.open(name)
	if err != nil {
		return err
	}
	defer rc.Close()
	t := newTok(rc, 32<<10)
	for k := t.next(); k != tokEOF && k != tokStart; k = t.next() {
	}
	err = t.drain()
	var re *readError
	if err == errDTD || err == errText || errors.As(err, &re) {
		return err
	}
	return nil
}
