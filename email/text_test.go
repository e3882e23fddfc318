package email

import (
	"mime"
	"strings"
	"testing"
	"time"

	"github.com/pcs-tools/pcs/scoring"
)

func TestSplitAddresses(t *testing.T) {
	tests := []struct {
		in   []string
		want string // joined with |
	}{
		{[]string{"a@x.example, b@x.example;c@x.example"}, "a@x.example|b@x.example|c@x.example"},
		{[]string{"a@x.example", " ", ";;", "b@x.example"}, "a@x.example|b@x.example"},
		{[]string{`"Doe, Jane" <jane@x.example>; "Roe; Rick" <rick@x.example>`}, `"Doe, Jane" <jane@x.example>|"Roe; Rick" <rick@x.example>`},
		{[]string{`"Say \"hi\", ok" <a@x.example>, b@x.example`}, `"Say \"hi\", ok" <a@x.example>|b@x.example`},
		{[]string{`Jane <jane,doe@x.example>`}, `Jane <jane,doe@x.example>`},
		{nil, ""},
	}
	for _, tc := range tests {
		if got := strings.Join(SplitAddresses(tc.in), "|"); got != tc.want {
			t.Errorf("SplitAddresses(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}

func TestParseAddress(t *testing.T) {
	tests := []struct {
		in, addr, name, err string
	}{
		{"jane@contoso.example", "jane@contoso.example", "", ""},
		{"Jane Doe <jane@contoso.example>", "jane@contoso.example", "Jane Doe", ""},
		{"=?utf-8?q?J=C3=B6rg?= <j@contoso.example>", "j@contoso.example", "Jörg", ""},
		{"jane at contoso", "", "", "is not an e-mail address"},
		{"<>", "", "", "is not an e-mail address"},
		{"a@x.example\nBcc: b@y.example", "", "", "control character"},
		{"Jane\u2028Doe <a@x.example>", "", "", "control character"},
		{"jörg@bücher.example", "", "", "has letters outside ASCII"},
	}
	for _, tc := range tests {
		a, err := parseAddress(tc.in)
		if tc.err != "" {
			if err == nil || !strings.Contains(err.Error(), tc.err) {
				t.Errorf("parseAddress(%q): %v, want %q", tc.in, err, tc.err)
			}
			continue
		}
		if err != nil || a.Address != tc.addr || a.Name != tc.name {
			t.Errorf("parseAddress(%q) = %+v, %v", tc.in, a, err)
		}
	}
}

func TestAttachmentName(t *testing.T) {
	may := scoring.MonthOf(2024, time.May)
	tests := []struct {
		partner, id string
		month       scoring.Month
		want        string
	}{
		{"Contoso Ltd", "1", may, "contoso-ltd-2024-05-scorecard.pdf"},
		{"Müller & Ørsted GmbH", "1", may, "muller-and-orsted-gmbh-2024-05-scorecard.pdf"},
		{"Łódź Sp. z o.o.", "1", may, "lodz-sp-z-o-o-2024-05-scorecard.pdf"},
		{"Straße/Æble ﬁnance", "1", may, "strasse-aeble-finance-2024-05-scorecard.pdf"},
		{"株式会社サンプル", "4412345", may, "4412345-2024-05-scorecard.pdf"},
		{"ООО «Ромашка»", "", may, "partner-2024-05-scorecard.pdf"},
		{"../../etc/passwd\r\n", "", may, "etc-passwd-2024-05-scorecard.pdf"},
		{strings.Repeat("Long name ", 20), "", 0, "long-name-long-name-long-name-long-name-long-name-long-name-scorecard.pdf"},
	}
	for _, tc := range tests {
		if got := AttachmentName(tc.partner, tc.id, tc.month); got != tc.want {
			t.Errorf("AttachmentName(%q) = %q, want %q", tc.partner, got, tc.want)
		}
	}
}

func TestCleanText(t *testing.T) {
	for in, want := range map[string]string{
		"  Contoso\r\n Ltd\t":     "Contoso Ltd",
		"a\x00b\x1b[31mc":         "a b [31mc",
		"RTL\u202eoverride\u200b": "RTL override",
		"":                        "",
	} {
		if got := cleanText(in); got != want {
			t.Errorf("cleanText(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestEncodeText(t *testing.T) {
	dec := new(mime.WordDecoder)
	for _, s := range []string{"Plain ASCII subject", "Zürich — Ελληνική 株式会社", "=?utf-8?q?fake?=", strings.Repeat("é", 200), strings.Repeat("x", 100)} {
		enc := encodeText(s)
		got, err := dec.DecodeHeader(enc)
		if err != nil || got != s {
			t.Errorf("encodeText(%q) = %q decodes to %q, %v", s, enc, got, err)
		}
		for _, w := range strings.Fields(enc) {
			if len(w) > 75 {
				t.Errorf("encoded word of %d characters: %s", len(w), w)
			}
		}
	}
}

func TestConfig(t *testing.T) {
	c := Config{Host: "smtp.office365.com", Username: "bot@contoso.example", Password: "hunter2-secret", From: "a@b.example"}
	if err := c.Validate(); err != nil {
		t.Fatal(err)
	}
	if got := c.String(); got != "smtp.office365.com:587 (starttls) as bot@contoso.example" {
		t.Errorf("String %q", got)
	}
	if got := (Config{Host: "smtp.example.com", TLS: "TLS"}).Address(); got != "smtp.example.com:465" {
		t.Errorf("implicit TLS default port: %s", got)
	}
	if got := (Config{Host: "::1", Port: 25}).Address(); got != "[::1]:25" {
		t.Errorf("IPv6 address: %s", got)
	}
	for _, tc := range []struct {
		c    Config
		want string
	}{
		{Config{Host: "smtp.example.com", From: "a@b.example", Port: 70000}, "--smtp-port 70000 is not a port number"},
		{Config{Host: "smtp example.com", From: "a@b.example"}, `--smtp-host "smtp example.com" is not a host name`},
		{Config{Host: "smtp.example.com", From: "a@b.example", Password: "x"}, "a password is given but no --smtp-username"},
		{Config{Host: "smtp.example.com", From: "a@b.example", Retries: 11}, "--smtp-retries 11 is not between 0 and 10"},
		{Config{Host: "smtp.example.com", From: "a@b.example", Timeout: -time.Second}, "--smtp-timeout -1s is negative"},
		{Config{Host: "smtp.example.com", From: "nobody"}, `--smtp-from: "nobody" is not an e-mail address`},
	} {
		if err := tc.c.Validate(); err == nil || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("Validate(%v): %v, want %q", tc.c, err, tc.want)
		}
	}
}
