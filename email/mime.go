package email

import (
	"bytes"
	"encoding/base64"
	"mime"
	"mime/quotedprintable"
	"net/mail"
	"strings"
	"unicode/utf8"
)

// maxLine is the line length headers are folded at (RFC 5322 recommends 78).
const maxLine = 78

// writeHeader writes "Name: value" folded at spaces, with CRLF.
func writeHeader(b *bytes.Buffer, name, value string) {
	line := name + ":"
	for _, word := range strings.Split(value, " ") {
		if word == "" {
			continue
		}
		if len(line)+1+len(word) > maxLine && len(line) > len(name)+1 {
			b.WriteString(line)
			b.WriteString("\r\n")
			line = ""
		}
		line += " " + word
	}
	b.WriteString(line)
	b.WriteString("\r\n")
}

// encodeText makes a header's free text safe: printable ASCII stays as it
// is; anything else, or text that could be mistaken for an encoded word or
// has words too long to fold, becomes RFC 2047 base64 encoded words of
// whole UTF-8 characters.
func encodeText(s string) string {
	if isPlainHeaderText(s) {
		return s
	}
	var words []string
	const chunk = 45 // 60 base64 characters per encoded word, 72 in all
	for len(s) > 0 {
		n := min(chunk, len(s))
		for n < len(s) && n > 0 && !utf8.RuneStart(s[n]) {
			n--
		}
		words = append(words, "=?utf-8?b?"+base64.StdEncoding.EncodeToString([]byte(s[:n]))+"?=")
		s = s[n:]
	}
	return strings.Join(words, " ")
}

func isPlainHeaderText(s string) bool {
	if strings.Contains(s, "=?") {
		return false
	}
	for _, w := range strings.Split(s, " ") {
		if len(w) > maxLine-12 {
			return false
		}
	}
	for i := 0; i < len(s); i++ {
		if s[i] < 0x20 || s[i] > 0x7e {
			return false
		}
	}
	return true
}

// addressList formats addresses for a header, names encoded as needed.
func addressList(list []*mail.Address) string {
	parts := make([]string, len(list))
	for i, a := range list {
		parts[i] = formatAddress(a)
	}
	return strings.Join(parts, ", ")
}

// formatAddress writes `Name <addr>` with the name quoted or encoded, or
// `<addr>` alone when there is no name.
func formatAddress(a *mail.Address) string {
	name := a.Name
	if name == "" {
		return "<" + a.Address + ">"
	}
	if isPlainHeaderText(name) {
		return quoteName(name) + " <" + a.Address + ">"
	}
	return encodeText(name) + " <" + a.Address + ">"
}

// quoteName writes an ASCII display name as a quoted string.
func quoteName(s string) string {
	var b strings.Builder
	b.WriteByte('"')
	for i := 0; i < len(s); i++ {
		if s[i] == '"' || s[i] == '\\' {
			b.WriteByte('\\')
		}
		b.WriteByte(s[i])
	}
	b.WriteByte('"')
	return b.String()
}

// writeQP writes text as quoted-printable with CRLF line ends. The part's
// content ends where the next boundary's CRLF starts.
func writeQP(b *bytes.Buffer, text string) {
	text = strings.ReplaceAll(text, "\r\n", "\n")
	text = strings.ReplaceAll(text, "\r", "\n")
	w := quotedprintable.NewWriter(b)
	w.Write([]byte(text)) // writes to a bytes.Buffer cannot fail
	w.Close()
}

// writeBase64 writes data as base64 in lines of 76 characters.
func writeBase64(b *bytes.Buffer, data []byte) {
	enc := base64.StdEncoding.EncodeToString(data)
	for len(enc) > 76 {
		b.WriteString(enc[:76])
		b.WriteString("\r\n")
		enc = enc[76:]
	}
	b.WriteString(enc)
}

// mediaType formats a Content-Type or Content-Disposition value.
func mediaType(t string, params map[string]string) string {
	return mime.FormatMediaType(t, params)
}
