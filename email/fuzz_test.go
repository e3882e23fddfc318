package email

import (
	"bytes"
	"mime"
	"net/mail"
	"strings"
	"testing"
	"unicode/utf8"
)

// FuzzComposeName composes messages for arbitrary partner names and
// recipients: the message must always parse, keep its headers, and carry
// the PDF unchanged.
func FuzzComposeName(f *testing.F) {
	for _, s := range []string{"Contoso Ltd", "Evil\r\nBcc: x@y", "=?utf-8?b?AA==?=", "株式会社", "<b>&amp;</b>", strings.Repeat("a", 1200)} {
		f.Add(s, "ceo@contoso.example")
	}
	tm, err := LoadTemplates("")
	if err != nil {
		f.Fatal(err)
	}
	pdf := samplePDF()
	f.Fuzz(func(t *testing.T, name, recipient string) {
		j := Job{Source: "x.xlsx", Result: sampleResult(name, recipient), PDF: pdf}
		m, err := Compose(j, tm, "a@pcs.example", testNow)
		if err != nil {
			return // a bad recipient is reported, not sent
		}
		raw := m.Draft()
		checkLines(t, raw)
		msg, err := mail.ReadMessage(bytes.NewReader(raw))
		if err != nil {
			t.Fatalf("unreadable: %v", err)
		}
		for k := range msg.Header {
			switch k {
			case "Date", "From", "To", "Subject", "Message-Id", "Mime-Version", "Content-Type":
			default:
				t.Fatalf("unexpected header %q", k)
			}
		}
		if _, err := msg.Header.AddressList("To"); err != nil {
			t.Fatalf("To does not parse: %v", err)
		}
		p := parseMessage(t, raw)
		if !bytes.Equal(p.attachment, pdf) {
			t.Fatal("attachment changed")
		}
		if want := truncate(cleanText("Partner capability score: "+cleanText(name)+", May 2024"), 250); p.subject != want {
			t.Fatalf("subject %q, want %q", p.subject, want)
		}
	})
}

// FuzzSplitAddresses checks that splitting never loses or invents text
// other than separators and spaces.
func FuzzSplitAddresses(f *testing.F) {
	for _, s := range []string{"a@b, c@d", `"x, y" <a@b>; c@d`, `"\"`, "<<>>,;", ""} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		parts := SplitAddresses([]string{s})
		var kept int
		for _, p := range parts {
			if p == "" || p != strings.TrimSpace(p) {
				t.Fatalf("part %q", p)
			}
			kept += len(p)
		}
		if kept > len(s) {
			t.Fatalf("%q split into %q", s, parts)
		}
		for _, p := range parts {
			parseAddress(p) // must not panic
		}
	})
}

// FuzzParseLog reads arbitrary send records without panicking; whatever it
// accepts has a hash and recipients.
func FuzzParseLog(f *testing.F) {
	f.Add([]byte(goodRecord + "\n"))
	f.Add([]byte(goodRecord + "\n" + goodRecord[:20]))
	f.Add([]byte("{}\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		recs, _, err := ParseLog(data)
		if err != nil {
			return
		}
		for _, r := range recs {
			if len(r.PDFSHA256) != 64 || len(r.To) == 0 || r.Time.IsZero() {
				t.Fatalf("accepted %+v", r)
			}
		}
	})
}

// FuzzEncodeText checks that header text always decodes back to itself.
func FuzzEncodeText(f *testing.F) {
	for _, s := range []string{"Plain", "Zürich", "=?x?", strings.Repeat("é", 100)} {
		f.Add(s)
	}
	dec := new(mime.WordDecoder)
	f.Fuzz(func(t *testing.T, s string) {
		s = cleanText(s)
		if !utf8.ValidString(s) {
			return
		}
		enc := encodeText(s)
		if strings.ContainsAny(enc, "\r\n") {
			t.Fatalf("line break in %q", enc)
		}
		got, err := dec.DecodeHeader(enc)
		if err != nil || got != s {
			t.Fatalf("%q encodes to %q, decodes to %q, %v", s, enc, got, err)
		}
	})
}
