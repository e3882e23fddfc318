package reader

import (
	"bytes"
)

// fastTag is a tag found by the fast path.
type fastTag struct {
	qname, local, attrs []byte
	empty, end          bool
	next                int // the index after the tag
}

// scanTag reads the tag that starts at b[p] == '<'. ok is false when the tag
// does not end in b (fastMore) or is markup the fast path leaves to the
// tokenizer (fastFallback).
func scanTag(b []byte, p int) (tg fastTag, r fastResult) {
	i := p + 1
	if i < len(b) && b[i] == '/' {
		tg.end = true
		i++
	}
	if i >= len(b) {
		return tg, fastMore
	}
	if c := b[i]; c == '!' || c == '?' {
		return tg, fastFallback
	}
	start := i
	for i < len(b) && !isSpace(b[i]) && b[i] != '>' && b[i] != '/' {
		i++
	}
	if i == start {
		return tg, fastFallback
	}
	tg.qname = b[start:i]
	tg.local = localName(tg.qname)
	attrStart := i
	for i < len(b) {
		switch c := b[i]; c {
		case '>':
			attrs := b[attrStart:i]
			if len(attrs) > 0 && attrs[len(attrs)-1] == '/' {
				tg.empty = true
				attrs = attrs[:len(attrs)-1]
			}
			if tg.end && (tg.empty || len(bytes.TrimLeft(attrs, " \t\r\n")) > 0) || !validName(tg.qname) || !validAttrs(attrs) {
				return tg, fastFallback
			}
			tg.attrs = attrs
			tg.next = i + 1
			return tg, fastDone
		case '"', '\'':
			j := bytes.IndexByte(b[i+1:], c)
			if j < 0 {
				return tg, fastMore
			}
			i += j + 2
		default:
			i++
		}
	}
	return tg, fastMore
}

// nextLT returns the index of the next '<' at or after b[p]; the text
// before it is ignored, so it must hold no reference the tokenizer would
// check.
func nextLT(b []byte, p int) (int, fastResult) {
	i := bytes.IndexByte(b[p:], '<')
	if i < 0 {
		return 0, fastMore
	}
	if i > 0 && bytes.IndexByte(b[p:p+i], '&') >= 0 {
		return 0, fastFallback
	}
	return p + i, fastDone
}

// nextTag finds and reads the next tag at or after b[p].
func nextTag(b []byte, p int) (fastTag, fastResult) {
	i, r := nextLT(b, p)
	if r != fastDone {
		return fastTag{}, r
	}
	return scanTag(b, i)
}

// textUntilEnd reads the text of an element (a <v> or a <t>) that starts at
// b[p]: text, then the element's end tag. It returns the raw text and the
// index after the end tag.
func textUntilEnd(b []byte, p int, qname []byte) ([]byte, int, fastResult) {
	i := bytes.IndexByte(b[p:], '<')
	if i < 0 {
		return nil, 0, fastMore
	}
	tg, r := scanTag(b, p+i)
	if r != fastDone {
		return nil, 0, r
	}
	if !tg.end || !bytes.Equal(tg.qname, qname) {
		return nil, 0, fastFallback
	}
	return b[p : p+i], tg.next, fastDone
}

// skipElement returns the index after the element whose start tag is tg,
// when its content holds no markup the fast path leaves to the tokenizer.
func skipElement(b []byte, tg fastTag) (int, fastResult) {
	if tg.empty {
		return tg.next, fastDone
	}
	for p := tg.next; ; {
		i := bytes.Index(b[p:], []byte("</"))
		if i < 0 {
			return 0, fastMore
		}
		at := p + i
		j := at + 2
		if bytes.HasPrefix(b[j:], tg.qname) {
			j += len(tg.qname)
			for j < len(b) && isSpace(b[j]) {
				j++
			}
			if j >= len(b) {
				return 0, fastMore
			}
			if b[j] == '>' {
				if !wellFormed(b[tg.next:at]) {
					return 0, fastFallback
				}
				return j + 1, fastDone
			}
		}
		p = at + 2
	}
}

// wellFormed reports whether the content of an element the fast path skips
// is what the tokenizer would read without complaint: nested elements that
// close in order, well-formed tags and references, no comments, CDATA or
// processing instructions (which the fast path leaves to the tokenizer).
func wellFormed(b []byte) bool {
	var open [][]byte
	for p := 0; ; {
		i := bytes.IndexByte(b[p:], '<')
		text := b[p:]
		if i >= 0 {
			text = b[p : p+i]
		}
		if bytes.IndexByte(text, '&') >= 0 {
			if _, err := decodeText(nil, text); err != nil {
				return false
			}
		}
		if i < 0 {
			return len(open) == 0
		}
		tg, r := scanTag(b, p+i)
		if r != fastDone {
			return false
		}
		p = tg.next
		switch {
		case tg.end:
			if len(open) == 0 || !bytes.Equal(open[len(open)-1], tg.qname) {
				return false
			}
			open = open[:len(open)-1]
		case !tg.empty:
			open = append(open, tg.qname)
		}
	}
}

// keepText appends a value's raw text, decoded, to the row's arena when keep
// is set; either way ok is false when the text has a bad reference.
func (s *rowScanner) keepText(keep bool, raw []byte) bool {
	if keep {
		var ok bool
		s.arena, ok = appendText(s.arena, raw)
		return ok
	}
	if bytes.IndexByte(raw, '&') < 0 {
		return true
	}
	_, err := decodeText(nil, raw)
	return err == nil
}

// appendText appends raw XML text decoded; ok is false for a bad reference.
func appendText(dst, raw []byte) ([]byte, bool) {
	if bytes.IndexByte(raw, '&') < 0 {
		if bytes.IndexByte(raw, '\r') < 0 {
			return append(dst, raw...), true
		}
		return appendNormalised(dst, raw), true
	}
	out, err := decodeText(dst, raw)
	return out, err == nil
}
