package report

import (
	"bytes"
	"slices"
)

// Element-level helpers over xmlScanner: skipping an element, finding the end
// of a cell quickly, rewriting a tag's attributes.

// skipElement consumes an element and its content, leaving it to be copied.
func (w *sheetWriter) skipElement(s *xmlScanner, t xmlTok) error {
	_, err := elementEnd(s, t)
	return err
}

// cellEnd consumes a cell element like elementEnd, but finds its end tag
// directly when the content before it holds nothing that could hide or
// mimic one (a comment, CDATA, a processing instruction, another cell tag).
func cellEnd(s *xmlScanner, t xmlTok, p []byte) (int, error) {
	if t.kind == xtEmpty {
		return t.end, nil
	}
	b := s.b
	for i := t.end; ; {
		j := bytes.IndexByte(b[i:], '<')
		if j < 0 {
			break
		}
		i += j + 1
		if i >= len(b) || b[i] == '!' || b[i] == '?' {
			break
		}
		name := b[i:]
		if name[0] == '/' {
			name = name[1:]
			if n := cellEndTag(name, p); n > 0 {
				s.pos = i + 1 + n
				return s.pos, nil
			}
		}
		if isCellName(name, p) {
			break
		}
	}
	return elementEnd(s, t)
}

// cellEndTag returns the length of the end of a cell's end tag ("c>" or
// "x:c>" for the prefix x) at the start of b, or 0.
func cellEndTag(b, p []byte) int {
	n := 0
	if len(p) > 0 {
		if len(b) <= len(p) || b[len(p)] != ':' || !bytes.HasPrefix(b, p) {
			return 0
		}
		n = len(p) + 1
	}
	if len(b) >= n+2 && b[n] == 'c' && b[n+1] == '>' {
		return n + 2
	}
	return 0
}

// isCellName reports whether b starts with the name of a cell element.
func isCellName(b, p []byte) bool {
	if len(p) > 0 {
		if !bytes.HasPrefix(b, p) || len(b) <= len(p) || b[len(p)] != ':' {
			return false
		}
		b = b[len(p)+1:]
	}
	return len(b) >= 1 && b[0] == 'c' && (len(b) == 1 || b[1] == '>' || b[1] == '/' || isXMLSpace(b[1]))
}

// elementEnd consumes tokens up to the end of the element t starts and returns
// the offset after it.
func elementEnd(s *xmlScanner, t xmlTok) (int, error) {
	if t.kind == xtEmpty {
		return t.end, nil
	}
	depth := 1
	for {
		u, ok, err := s.next()
		if err != nil {
			return 0, err
		}
		if !ok {
			return 0, errXMLSyntax
		}
		switch u.kind {
		case xtStart:
			depth++
		case xtEnd:
			depth--
			if depth == 0 {
				return u.end, nil
			}
		}
	}
}

// appendTag rewrites a start or empty tag, replacing the values of set
// (adding those it lacks) and dropping the attributes in drop.
func appendTag(dst []byte, t xmlTok, set map[string]string, drop map[string]bool) []byte {
	dst = append(dst, '<')
	dst = append(dst, t.name...)
	done := map[string]bool{}
	_ = eachAttr(t.attrs, func(n, v []byte) bool {
		name := string(n)
		if drop[name] {
			return true
		}
		dst = append(dst, ' ')
		dst = append(dst, n...)
		dst = append(dst, `="`...)
		if nv, ok := set[name]; ok {
			done[name] = true
			dst = xmlEscape(dst, nv)
		} else {
			dst = append(dst, v...)
		}
		dst = append(dst, '"')
		return true
	})
	keys := make([]string, 0, len(set))
	for k := range set {
		if !done[k] {
			keys = append(keys, k)
		}
	}
	slices.Sort(keys)
	for _, k := range keys {
		dst = append(dst, ' ')
		dst = append(dst, k...)
		dst = append(dst, `="`...)
		dst = xmlEscape(dst, set[k])
		dst = append(dst, '"')
	}
	if t.kind == xtEmpty {
		dst = append(dst, '/')
	}
	return append(dst, '>')
}
