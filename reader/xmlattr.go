package reader

import (
	"bytes"
)

// validName reports whether b can be the name of a tag.
func validName(b []byte) bool {
	for _, c := range b {
		switch c {
		case '<', '>', '/', '"', '\'', '=', '&', '!', '?':
			return false
		}
	}
	return len(b) > 0
}

// validAttrs reports whether a start tag's attributes are well formed:
// white space, name, '=', a quoted value, again and again.
func validAttrs(b []byte) bool {
	i := 0
	for {
		start := i
		for i < len(b) && isSpace(b[i]) {
			i++
		}
		if i == len(b) {
			return true
		}
		if i == start {
			return false // no space before the attribute
		}
		n := i
		for i < len(b) && b[i] != '=' && !isSpace(b[i]) {
			i++
		}
		if i == n || !validName(b[n:i]) {
			return false
		}
		for i < len(b) && isSpace(b[i]) {
			i++
		}
		if i == len(b) || b[i] != '=' {
			return false
		}
		i++
		for i < len(b) && isSpace(b[i]) {
			i++
		}
		if i == len(b) || (b[i] != '"' && b[i] != '\'') {
			return false
		}
		j := bytes.IndexByte(b[i+1:], b[i])
		if j < 0 || bytes.IndexByte(b[i+1:i+1+j], '<') >= 0 {
			return false
		}
		i += j + 2
	}
}

// attrName returns the local name of an attribute, or nil for a namespace
// declaration (xmlns:r is not an attribute r).
func attrName(key []byte) []byte {
	if bytes.HasPrefix(key, []byte("xmlns:")) {
		return nil
	}
	return localName(key)
}

// localName returns a name without its namespace prefix.
func localName(b []byte) []byte {
	if i := bytes.LastIndexByte(b, ':'); i >= 0 {
		return b[i+1:]
	}
	return b
}

func isSpace(c byte) bool { return c == ' ' || c == '\t' || c == '\r' || c == '\n' }

// attr returns the raw value of the attribute with the given local name in
// the attributes of a start tag, and whether it is there.
func attr(attrs []byte, name string) ([]byte, bool) {
	i := 0
	for i < len(attrs) {
		for i < len(attrs) && isSpace(attrs[i]) {
			i++
		}
		start := i
		for i < len(attrs) && attrs[i] != '=' && !isSpace(attrs[i]) {
			i++
		}
		key := attrs[start:i]
		for i < len(attrs) && isSpace(attrs[i]) {
			i++
		}
		if i >= len(attrs) || attrs[i] != '=' {
			return nil, false
		}
		i++
		for i < len(attrs) && isSpace(attrs[i]) {
			i++
		}
		if i >= len(attrs) || (attrs[i] != '"' && attrs[i] != '\'') {
			return nil, false
		}
		q := attrs[i]
		i++
		j := bytes.IndexByte(attrs[i:], q)
		if j < 0 {
			return nil, false
		}
		val := attrs[i : i+j]
		i += j + 1
		if string(attrName(key)) == name {
			return val, true
		}
	}
	return nil, false
}

// attrString returns an attribute's decoded value ("" when absent or malformed).
func attrString(attrs []byte, name string) string {
	v, ok := attr(attrs, name)
	if !ok {
		return ""
	}
	if bytes.IndexByte(v, '&') < 0 && bytes.IndexByte(v, '\r') < 0 {
		return string(v)
	}
	d, err := decodeText(nil, v)
	if err != nil {
		return ""
	}
	return string(d)
}
