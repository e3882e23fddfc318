package reader

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"unicode/utf8"
)

// The problems the tokenizer finds in a part. The caller turns them into a
// FileError naming the part or the sheet.
var (
	errDTD       = errors.New("declares a DTD or entities")
	errText      = errors.New("holds text that is not valid UTF-8")
	errTruncated = errors.New("ends too early")
	errEmptyPart = errors.New("is empty")
	errTooLong   = errors.New("holds a single value that is too long")
)

// malformedError is XML that does not follow the rules of XML.
type malformedError struct{ detail string }

func (e *malformedError) Error() string { return "is not well-formed XML: " + e.detail }

func malformed(format string, args ...any) error {
	return &malformedError{fmt.Sprintf(format, args...)}
}

// readError wraps a failure of the underlying (inflating) reader.
type readError struct{ err error }

func (e *readError) Error() string { return "cannot be unpacked: " + e.err.Error() }

func (e *readError) Unwrap() error { return e.err }

type tokKind uint8

const (
	tokEOF tokKind = iota
	tokStart
	tokEnd
	tokText
)

// maxToken bounds a single tag or text run. Excel's own limit on a cell is
// 32,767 characters, so this leaves a wide margin for escapes and rich text.
const maxToken = 16 << 20

// xmlTok is a small pull tokenizer for the XML parts of a workbook, written
// for speed on large sheets. It reads its source through a buffer, checks
// every byte as it arrives (UTF-8 only, no NUL, no DTD or entity
// declarations), decodes the five XML entities and character references,
// normalises line ends the way encoding/xml does, and reports start tags, end
// tags and text. Names are local (a namespace prefix is dropped). The slices
// it returns are valid until the next call of next.
type xmlTok struct {
	src   io.Reader
	buf   []byte
	r, w  int
	valid int // buf[:valid] has been checked
	eof   bool
	err   error
	depth int
	open  []byte // the qualified names of the open elements, one after another
	ends  []int  // where each of them ends in open
	root  bool   // a start tag was seen

	name    []byte // local name of the current tag
	qname   []byte // its qualified name (with a prefix, if any)
	attrs   []byte // raw attributes of the current start tag
	empty   bool   // the current start tag closes itself
	text    []byte // decoded text of the current text token
	scratch []byte
}

func newTok(src io.Reader, size int) *xmlTok {
	return &xmlTok{src: src, buf: make([]byte, size)}
}

// fill reads more bytes, moving the unread ones to the front of the buffer
// (which invalidates slices into it) and growing it when it is full. It
// reports whether any byte was added.
func (t *xmlTok) fill() bool {
	if t.eof || t.err != nil {
		return false
	}
	if t.r > 0 {
		copy(t.buf, t.buf[t.r:t.w])
		t.w -= t.r
		t.valid -= t.r
		t.r = 0
	}
	if t.w == len(t.buf) {
		if len(t.buf) >= maxToken {
			t.err = errTooLong
			return false
		}
		nb := make([]byte, 2*len(t.buf))
		copy(nb, t.buf[:t.w])
		t.buf = nb
	}
	for {
		n, err := t.src.Read(t.buf[t.w:])
		t.w += n
		if err == io.EOF {
			t.eof = true
		} else if err != nil {
			t.err = &readError{err}
		}
		if n > 0 || t.eof || t.err != nil {
			t.check()
			return n > 0 && t.err == nil
		}
	}
}

// drain reads and checks the rest of the source without tokenizing it, and
// returns the first error (nil at the end of a valid source).
func (t *xmlTok) drain() error {
	for t.err == nil {
		t.r = t.w
		if !t.fill() {
			break
		}
	}
	return t.err
}

// check validates the bytes read since the last check, leaving out a rune
// cut by the end of the buffer until the rest of it arrives.
func (t *xmlTok) check() {
	end := t.w
	if !t.eof {
		for i := t.w - 1; i >= t.valid && i >= t.w-utf8.UTFMax; i-- {
			if utf8.RuneStart(t.buf[i]) {
				if !utf8.FullRune(t.buf[i:t.w]) {
					end = i
				}
				break
			}
		}
	}
	b := t.buf[t.valid:end]
	if !utf8.Valid(b) || bytes.IndexByte(b, 0) >= 0 {
		if t.err == nil {
			t.err = errText
		}
		return
	}
	t.valid = end
}

// find returns the index in buf of the first sep at or after buf[t.r+off],
// reading more as needed; -1 when the part ends first.
func (t *xmlTok) find(sep []byte, off int) int {
	for {
		if i := bytes.Index(t.buf[t.r+off:t.w], sep); i >= 0 {
			return t.r + off + i
		}
		off = max(0, t.w-t.r-len(sep)+1)
		if !t.fill() {
			return -1
		}
	}
}

// need makes at least n unread bytes available if the part has them.
func (t *xmlTok) need(n int) bool {
	for t.w-t.r < n {
		if !t.fill() {
			return false
		}
	}
	return true
}

// fail records err (keeping the first) and returns tokEOF.
func (t *xmlTok) fail(err error) tokKind {
	if t.err == nil {
		t.err = err
	}
	return tokEOF
}

// end is reached when the part has no more bytes.
func (t *xmlTok) end() tokKind {
	if t.err != nil {
		return tokEOF
	}
	if !t.root {
		return t.fail(errEmptyPart)
	}
	if t.depth > 0 {
		return t.fail(errTruncated)
	}
	return tokEOF
}

var (
	commentOpen  = []byte("<!--")
	commentClose = []byte("-->")
	cdataOpen    = []byte("<![CDATA[")
	cdataClose   = []byte("]]>")
	piClose      = []byte("?>")
)

// next reads the next token.
func (t *xmlTok) next() tokKind {
	for {
		if t.err != nil {
			return tokEOF
		}
		if t.r >= t.w && !t.fill() {
			if t.err != nil {
				return tokEOF
			}
			return t.end()
		}
		if t.buf[t.r] != '<' {
			if kind, ok := t.readText(); ok {
				return kind
			}
			continue
		}
		if !t.need(2) {
			return t.fail(errTruncated)
		}
		switch t.buf[t.r+1] {
		case '/':
			return t.readEnd()
		case '?':
			i := t.find(piClose, 2)
			if i < 0 {
				return t.fail(errTruncated)
			}
			t.r = i + len(piClose)
		case '!':
			t.need(len(cdataOpen))
			rest := t.buf[t.r:t.w]
			switch {
			case bytes.HasPrefix(rest, commentOpen):
				i := t.find(commentClose, len(commentOpen))
				if i < 0 {
					return t.fail(errTruncated)
				}
				t.r = i + len(commentClose)
			case bytes.HasPrefix(rest, cdataOpen):
				i := t.find(cdataClose, len(cdataOpen))
				if i < 0 {
					return t.fail(errTruncated)
				}
				t.text = t.normalise(t.buf[t.r+len(cdataOpen) : i])
				t.r = i + len(cdataClose)
				if t.depth > 0 {
					return tokText
				}
			default:
				return t.fail(errDTD)
			}
		default:
			return t.readStart()
		}
	}
}

// readText reads the text up to the next tag. Text outside the root element
// (white space, a byte order mark) is dropped: ok is false then.
func (t *xmlTok) readText() (kind tokKind, ok bool) {
	i := t.find([]byte{'<'}, 0)
	if i < 0 {
		if t.err != nil {
			return tokEOF, true
		}
		i = t.w
	}
	raw := t.buf[t.r:i]
	t.r = i
	if t.depth == 0 {
		return tokEOF, false
	}
	if bytes.IndexByte(raw, '&') < 0 {
		t.text = t.normalise(raw)
		return tokText, true
	}
	var err error
	t.scratch, err = decodeText(t.scratch[:0], raw)
	if err != nil {
		return t.fail(err), true
	}
	t.text = t.scratch
	return tokText, true
}

// normalise turns CR LF and a lone CR into LF, as encoding/xml does.
func (t *xmlTok) normalise(raw []byte) []byte {
	if bytes.IndexByte(raw, '\r') < 0 {
		return raw
	}
	t.scratch = appendNormalised(t.scratch[:0], raw)
	return t.scratch
}

// tagEnd returns the index of the '>' that closes the tag starting at t.r,
// jumping over quoted attribute values; -1 when the part ends first.
func (t *xmlTok) tagEnd() int {
	off := 1
	for {
		i := t.r + off
		for i < t.w {
			switch c := t.buf[i]; c {
			case '>':
				return i
			case '"', '\'':
				j := bytes.IndexByte(t.buf[i+1:t.w], c)
				if j < 0 {
					goto more
				}
				i += j + 2
			default:
				i++
			}
		}
	more:
		off = i - t.r
		if !t.fill() {
			return -1
		}
	}
}

func (t *xmlTok) readStart() tokKind {
	i := t.tagEnd()
	if i < 0 {
		return t.fail(errTruncated)
	}
	tag := t.buf[t.r+1 : i]
	t.r = i + 1
	t.empty = len(tag) > 0 && tag[len(tag)-1] == '/'
	if t.empty {
		tag = tag[:len(tag)-1]
	}
	n := 0
	for n < len(tag) && !isSpace(tag[n]) {
		n++
	}
	if n == 0 || !validName(tag[:n]) {
		return t.fail(malformed(detailTagName))
	}
	if !validAttrs(tag[n:]) {
		return t.fail(malformed(detailTagAttributes))
	}
	t.qname = tag[:n]
	t.name = localName(t.qname)
	t.attrs = tag[n:]
	t.root = true
	if !t.empty {
		t.push(t.qname)
	}
	return tokStart
}

func (t *xmlTok) readEnd() tokKind {
	i := t.find([]byte{'>'}, 2)
	if i < 0 {
		return t.fail(errTruncated)
	}
	name := t.buf[t.r+2 : i]
	for len(name) > 0 && isSpace(name[len(name)-1]) {
		name = name[:len(name)-1]
	}
	t.name = localName(name)
	t.r = i + 1
	if !t.pop(name) {
		return t.fail(malformed(detailStrayEndTag))
	}
	return tokEnd
}

// push records an element that opens.
func (t *xmlTok) push(qname []byte) {
	t.open = append(t.open, qname...)
	t.ends = append(t.ends, len(t.open))
	t.depth++
}

// pop closes the innermost open element; ok is false when qname is not
// its name.
func (t *xmlTok) pop(qname []byte) bool {
	if t.depth == 0 {
		return false
	}
	start := 0
	if t.depth > 1 {
		start = t.ends[t.depth-2]
	}
	if !bytes.Equal(t.open[start:], qname) {
		return false
	}
	t.open = t.open[:start]
	t.ends = t.ends[:t.depth-1]
	t.depth--
	return true
}

// skip consumes the rest of the element whose start tag was just read.
func (t *xmlTok) skip() {
	if t.empty {
		return
	}
	for d := 1; d > 0; {
		switch t.next() {
		case tokStart:
			if !t.empty {
				d++
			}
		case tokEnd:
			d--
		case tokEOF:
			return
		}
	}
}

// textOf reads the text of the element whose start tag was just read,
// appending it to dst and consuming the end tag. Child elements are skipped.
func (t *xmlTok) textOf(dst []byte) []byte {
	if t.empty {
		return dst
	}
	for d := 1; d > 0; {
		switch t.next() {
		case tokStart:
			if !t.empty {
				d++
			}
		case tokEnd:
			d--
		case tokText:
			if d == 1 {
				dst = append(dst, t.text...)
			}
		case tokEOF:
			return dst
		}
	}
	return dst
}
