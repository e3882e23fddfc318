package reader

import (
	"bytes"
	"strconv"
)

// The fast path of the row scanner parses a whole <row> element straight
// from the tokenizer's buffer, with one bytes.IndexByte call per tag instead
// of one tokenizer call per tag and per text. When the row runs past the
// end of the buffer it reads more and starts the row again. Anything unusual
// (comments, CDATA, processing instructions, nesting the fast path does not
// expect, a reference it cannot read) makes it give up, and the row is read
// again by the tokenizer, which is the reference: a fuzz test checks that
// both give the same cells.

// fastResult is what the fast path made of a row.
type fastResult uint8

const (
	fastDone     fastResult = iota // the row was read
	fastFallback                   // read the row with the tokenizer instead
	fastMore                       // the row goes on past the buffer
)

// readRowFast reads the row whose start tag the tokenizer just returned.
func (s *rowScanner) readRowFast() fastResult {
	t := s.t
	s.rowName = append(s.rowName[:0], t.qname...) // t.qname points into the buffer, which moves
	for {
		s.cells = s.cells[:0]
		s.arena = s.arena[:0]
		next, r := s.parseRow(t.buf[t.r:t.w], s.rowName)
		switch r {
		case fastDone:
			t.r += next
			t.pop(s.rowName)
			for i := range s.cells {
				c := &s.cells[i]
				c.v = s.arena[c.off : c.off+c.n : c.off+c.n]
			}
			return fastDone
		case fastMore:
			// Read until twice as much of the row is in the buffer, so that
			// parsing it again and again stays linear in its length.
			have := t.w - t.r
			if have >= maxToken {
				r = fastFallback
				break
			}
			need := min(2*have, maxToken) // never ask the buffer to grow past maxToken
			for t.w-t.r < need && t.fill() {
			}
			if t.w-t.r == have {
				r = fastFallback
			}
		}
		if r == fastFallback {
			s.cells = s.cells[:0]
			s.arena = s.arena[:0]
			return fastFallback
		}
	}
}

var rowTag = []byte("row")

// fastRowStart reads an unprefixed <row ...> start tag at the tokenizer's
// position as the tokenizer would (t.name, t.qname, t.empty, depth),
// returning its r attribute; ok is false when the next thing in the part is
// anything else, for the tokenizer to read.
func (s *rowScanner) fastRowStart() (ref []byte, ok bool) {
	t := s.t
	if t.w-t.r < 256 && !t.eof && t.err == nil {
		t.fill()
	}
	b := t.buf[t.r:t.w]
	i := 0
	for i < len(b) && isSpace(b[i]) {
		i++
	}
	if i+4 >= len(b) || string(b[i:i+4]) != "<row" || !(isSpace(b[i+4]) || b[i+4] == '>' || b[i+4] == '/') {
		return nil, false
	}
	p := i + 4
	for {
		for p < len(b) && isSpace(b[p]) {
			p++
		}
		if p >= len(b) {
			return nil, false
		}
		switch b[p] {
		case '>':
			t.empty = false
		case '/':
			if p+1 >= len(b) || b[p+1] != '>' {
				return nil, false
			}
			t.empty = true
			p++
		default:
			start := p
			for p < len(b) && b[p] != '=' && !isSpace(b[p]) && b[p] != '>' && b[p] != '/' {
				p++
			}
			if p+1 >= len(b) || b[p] != '=' || (b[p+1] != '"' && b[p+1] != '\'') || !validName(b[start:p]) {
				return nil, false
			}
			key := b[start:p]
			q := b[p+1]
			j := bytes.IndexByte(b[p+2:], q)
			if j < 0 {
				return nil, false
			}
			val := b[p+2 : p+2+j]
			p += j + 3
			if p >= len(b) || !isSpace(b[p]) && b[p] != '>' && b[p] != '/' || bytes.IndexByte(val, '<') >= 0 {
				return nil, false
			}
			if k := attrName(key); len(k) == 1 && k[0] == 'r' && ref == nil {
				ref = val
			}
			continue
		}
		break
	}
	t.r += p + 1
	t.name, t.qname, t.attrs = rowTag, rowTag, nil
	t.root = true
	if !t.empty {
		t.push(rowTag)
	}
	return ref, true
}

// parseRow parses a row's content and its end tag, from the start of b; it
// returns the index after the end tag.
func (s *rowScanner) parseRow(b []byte, rowName []byte) (int, fastResult) {
	col := 0
	for p := 0; ; {
		var r fastResult
		if p, r = nextLT(b, p); r != fastDone {
			return 0, r
		}
		if p+2 < len(b) && b[p+1] == 'c' && (b[p+2] == ' ' || b[p+2] == '>') {
			// The usual <c r=".." s=".." t=".."> tag, read in one pass.
			c := cell{col: col + 1, sst: -1}
			next, empty, r := s.cellTag(b, p+2, &c)
			if r != fastDone {
				return 0, r
			}
			p, col = next, c.col
			if empty {
				continue
			}
			keep := s.maxCol == 0 || c.col <= s.maxCol
			if p, r = s.parseCell(b, p, cName, &c, keep); r != fastDone {
				return 0, r
			}
			if keep && (c.formula || c.n > 0 || c.str != "") {
				s.cells = append(s.cells, c)
			}
			continue
		}
		tg, r := scanTag(b, p)
		if r != fastDone {
			return 0, r
		}
		p = tg.next
		if tg.end {
			if !bytes.Equal(tg.qname, rowName) {
				return 0, fastFallback
			}
			return p, fastDone
		}
		if string(tg.local) != "c" {
			if p, r = skipElement(b, tg); r != fastDone {
				return 0, r
			}
			continue
		}
		c := cell{col: col + 1, sst: -1}
		ref, typ, style := cellAttrs(tg.attrs)
		if ref != nil {
			n, ok := columnOf(ref)
			if !ok {
				return 0, fastFallback // the tokenizer reports it
			}
			c.col = n
		}
		col = c.col
		if tg.empty {
			continue
		}
		if typ != nil {
			c.typ = typeOf(typ)
		}
		if style != nil {
			c.style = atoiBytes(style)
		}
		keep := s.maxCol == 0 || c.col <= s.maxCol
		if p, r = s.parseCell(b, p, tg.qname, &c, keep); r != fastDone {
			return 0, r
		}
		if keep && (c.formula || c.n > 0 || c.str != "") {
			s.cells = append(s.cells, c)
		}
	}
}

var cName = []byte("c")

// cellTag reads the attributes of a <c> tag from b[p] (just after "<c") to
// its '>', into c. It returns the index after the tag and whether the tag
// closes itself.
func (s *rowScanner) cellTag(b []byte, p int, c *cell) (int, bool, fastResult) {
	var ref, typ, style []byte
	for {
		for p < len(b) && isSpace(b[p]) {
			p++
		}
		if p >= len(b) {
			return 0, false, fastMore
		}
		switch b[p] {
		case '>':
			p++
			if ref != nil {
				n, ok := columnOf(ref)
				if !ok {
					return 0, false, fastFallback // the tokenizer reports it
				}
				c.col = n
			}
			if typ != nil {
				c.typ = typeOf(typ)
			}
			if style != nil {
				c.style = atoiBytes(style)
			}
			return p, false, fastDone
		case '/':
			if p+1 >= len(b) {
				return 0, false, fastMore
			}
			if b[p+1] != '>' {
				return 0, false, fastFallback
			}
			if ref != nil {
				n, ok := columnOf(ref)
				if !ok {
					return 0, false, fastFallback
				}
				c.col = n
			}
			return p + 2, true, fastDone
		}
		start := p
		for p < len(b) && b[p] != '=' && !isSpace(b[p]) && b[p] != '>' {
			p++
		}
		key := b[start:p]
		for p < len(b) && isSpace(b[p]) {
			p++
		}
		if p+1 >= len(b) {
			return 0, false, fastMore
		}
		if b[p] != '=' {
			return 0, false, fastFallback
		}
		p++
		for p < len(b) && isSpace(b[p]) {
			p++
		}
		if p >= len(b) {
			return 0, false, fastMore
		}
		q := b[p]
		if q != '"' && q != '\'' {
			return 0, false, fastFallback
		}
		j := bytes.IndexByte(b[p+1:], q)
		if j < 0 {
			return 0, false, fastMore
		}
		val := b[p+1 : p+1+j]
		p += j + 2
		if p >= len(b) {
			return 0, false, fastMore
		}
		if !isSpace(b[p]) && b[p] != '>' && b[p] != '/' || bytes.IndexByte(val, '<') >= 0 || !validName(key) {
			return 0, false, fastFallback
		}
		if len(key) != 1 {
			key = attrName(key)
		}
		if len(key) == 1 {
			switch key[0] {
			case 'r':
				ref = val
			case 't':
				typ = val
			case 's':
				style = val
			}
		}
	}
}

// parseCell parses the content of a <c> element starting at b[p] and its end
// tag; it returns the index after the end tag. With keep unset it only
// finds the end.
func (s *rowScanner) parseCell(b []byte, p int, cellName []byte, c *cell, keep bool) (int, fastResult) {
	c.off = len(s.arena)
	hasInline := false
	for {
		var r fastResult
		if p, r = nextLT(b, p); r != fastDone {
			return 0, r
		}
		if p+3 < len(b) && b[p+1] == 'v' && b[p+2] == '>' {
			// The usual <v>text</v>: a short value, read byte by byte.
			at, plain := p+3, true
			for at < len(b) && at < p+64 && b[at] != '<' {
				if b[at] == '&' || b[at] == '\r' {
					plain = false
				}
				at++
			}
			if at+3 < len(b) && b[at] == '<' && b[at+1] == '/' && b[at+2] == 'v' && b[at+3] == '>' {
				if plain {
					if keep {
						s.arena = append(s.arena, b[p+3:at]...)
					}
				} else if !s.keepText(keep, b[p+3:at]) {
					return 0, fastFallback
				}
				p = at + 4
				continue
			}
		}
		if p+7 < len(b) && string(b[p:p+7]) == "<is><t>" {
			// The usual inline string, <is><t>text</t></is>.
			at, plain := p+7, true
			for at < len(b) && at < p+263 && b[at] != '<' {
				if b[at] == '&' || b[at] == '\r' {
					plain = false
				}
				at++
			}
			if at+9 <= len(b) && string(b[at:at+9]) == "</t></is>" {
				hasInline = true
				s.inline = s.inline[:0]
				if plain {
					s.inline = append(s.inline, b[p+7:at]...)
				} else {
					var ok bool
					if s.inline, ok = appendText(s.inline, b[p+7:at]); !ok {
						return 0, fastFallback
					}
				}
				p = at + 9
				continue
			}
		}
		if len(cellName) == 1 && p+3 < len(b) && b[p+1] == '/' && b[p+2] == cellName[0] && b[p+3] == '>' {
			p += 4
			break
		}
		tg, r := scanTag(b, p)
		if r != fastDone {
			return 0, r
		}
		p = tg.next
		if tg.end {
			if !bytes.Equal(tg.qname, cellName) {
				return 0, fastFallback
			}
			break
		}
		switch string(tg.local) {
		case "v":
			if tg.empty {
				continue
			}
			text, next, r := textUntilEnd(b, p, tg.qname)
			if r != fastDone {
				return 0, r
			}
			if !s.keepText(keep, text) {
				return 0, fastFallback
			}
			p = next
		case "f":
			c.formula = true
			if !tg.empty {
				text, next, r := textUntilEnd(b, p, tg.qname)
				if r != fastDone {
					return 0, r
				}
				if !s.keepText(false, text) {
					return 0, fastFallback
				}
				p = next
			}
		case "is":
			hasInline = true
			s.inline = s.inline[:0]
			if tg.empty {
				continue
			}
			var r fastResult
			if s.inline, p, r = parseInline(s.inline, b, p, tg.qname); r != fastDone {
				return 0, r
			}
		default:
			if p, r = skipElement(b, tg); r != fastDone {
				return 0, r
			}
		}
	}
	if !keep {
		return p, fastDone
	}
	c.n = len(s.arena) - c.off
	switch c.typ {
	case cellShared:
		v := bytes.TrimSpace(s.arena[c.off:])
		if len(v) > 0 {
			i, err := strconv.Atoi(string(v))
			if err != nil || i < 0 || i >= len(s.sst) {
				return 0, fastFallback // the tokenizer reports it
			}
			c.str, c.sst = s.sst[i], int32(i)
		}
		s.arena, c.n = s.arena[:c.off], 0
	case cellInline:
		if hasInline {
			c.str, c.sst = s.inlineString(s.inline, true)
		} else {
			c.str, c.sst = s.inlineString(s.arena[c.off:], false)
		}
		s.arena, c.n = s.arena[:c.off], 0
	}
	return p, fastDone
}

// parseInline reads the content of an <is> element from b[p] up to and with
// its end tag: the text of its <t> and of the <t> of its rich text runs
// <r>, without phonetic runs. It returns the index after the end tag.
func parseInline(dst, b []byte, p int, isName []byte) ([]byte, int, fastResult) {
	var runs []byte
	var runName []byte
	for {
		tg, r := nextTag(b, p)
		if r != fastDone {
			return dst, 0, r
		}
		p = tg.next
		if tg.end {
			switch {
			case runName != nil && bytes.Equal(tg.qname, runName):
				runName = nil
				continue
			case runName == nil && bytes.Equal(tg.qname, isName):
				return append(dst, runs...), p, fastDone
			}
			return dst, 0, fastFallback
		}
		switch string(tg.local) {
		case "t":
			if tg.empty {
				continue
			}
			text, next, r := textUntilEnd(b, p, tg.qname)
			if r != fastDone {
				return dst, 0, r
			}
			ok := true
			if runName != nil {
				runs, ok = appendText(runs, text)
			} else {
				dst, ok = appendText(dst, text)
			}
			if !ok {
				return dst, 0, fastFallback
			}
			p = next
		case "r":
			if runName != nil {
				return dst, 0, fastFallback
			}
			if !tg.empty {
				runName = tg.qname
			}
		default:
			if p, r = skipElement(b, tg); r != fastDone {
				return dst, 0, r
			}
		}
	}
}
