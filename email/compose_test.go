package email

import (
	"bytes"
	"errors"
	"strings"
	"testing"
	"time"
)

func TestComposeMessage(t *testing.T) {
	j := sampleJob(t, "Müller & Ørsted Ltd — Zürich", "ceo@contoso.example", `"Doe, Jane" <cfo@contoso.example>`)
	j.Cc = []string{"ops@contoso.example; CEO@contoso.example"} // the CEO is already in To
	j.Bcc = []string{"archive@pcs.example"}
	m, err := Compose(j, defaultTemplates(t), "Partner Team <scorecards@pcs.example>", testNow)
	if err != nil {
		t.Fatal(err)
	}
	raw := m.Bytes()
	checkLines(t, raw)
	p := parseMessage(t, raw)

	if want := "Partner capability score: Müller & Ørsted Ltd — Zürich, May 2024"; p.subject != want {
		t.Errorf("subject %q, want %q", p.subject, want)
	}
	for _, tc := range []struct{ header, want string }{
		{"From", `"Partner Team" <scorecards@pcs.example>`},
		{"To", `<ceo@contoso.example>, "Doe, Jane" <cfo@contoso.example>`},
		{"Cc", `<ops@contoso.example>`},
		{"Date", "Mon, 03 Jun 2024 09:12:00 +0000"},
		{"MIME-Version", "1.0"},
		{"Bcc", ""}, // never in the message sent
	} {
		if got := p.header.Get(tc.header); got != tc.want {
			t.Errorf("%s: %q, want %q", tc.header, got, tc.want)
		}
	}
	if id := p.header.Get("Message-ID"); !strings.HasPrefix(id, "<pcs.") || !strings.HasSuffix(id, "@pcs.example>") || id != m.MessageID {
		t.Errorf("Message-ID %q (receipt says %q)", id, m.MessageID)
	}
	to, err := p.header.AddressList("To")
	if err != nil || len(to) != 2 || to[1].Name != "Doe, Jane" {
		t.Errorf("To does not parse back: %v %v", to, err)
	}
	if got := strings.Join(m.Recipients(), ","); got != "ceo@contoso.example,cfo@contoso.example,ops@contoso.example,archive@pcs.example" {
		t.Errorf("envelope recipients %s", got)
	}

	if !bytes.Equal(p.attachment, j.PDF) {
		t.Errorf("attachment differs from the PDF (%d bytes, want %d)", len(p.attachment), len(j.PDF))
	}
	if p.attachName != "muller-and-orsted-ltd-zurich-2024-05-scorecard.pdf" || p.attachType != "application/pdf" {
		t.Errorf("attachment %q of type %q", p.attachName, p.attachType)
	}
	for _, want := range []string{
		"Partner capability score: Müller & Ørsted Ltd — Zürich (Partner ID 4412345), May 2024",
		"Solutions Partner for Data & AI (Azure): 74 of 100 points, attained.",
		"Solutions Partner for Infrastructure (Azure): 62 of 100 points, not attained: 8 points short of 70.",
		"Biggest gap: Intermediate certifications: 16 of 40 points. 1 more person",
		"To reach 70: Net customer adds: 1 more net customer add (+10 points).",
		"muller-and-orsted-ltd-zurich-2024-05-scorecard.pdf",
	} {
		if !strings.Contains(p.text, want) {
			t.Errorf("text body lacks %q:\n%s", want, p.text)
		}
	}
	for _, want := range []string{
		"Müller &amp; Ørsted Ltd — Zürich",
		"<td>Solutions Partner for Data &amp; AI (Azure)</td>",
		"not attained: 8 points short of 70",
	} {
		if !strings.Contains(p.html, want) {
			t.Errorf("HTML body lacks %q:\n%s", want, p.html)
		}
	}

	draft := parseMessage(t, m.Draft())
	if got := draft.header.Get("Bcc"); got != "<archive@pcs.example>" {
		t.Errorf("draft Bcc %q", got)
	}
}

func TestComposeIsDeterministic(t *testing.T) {
	j := sampleJob(t, "Contoso Ltd", "ceo@contoso.example")
	a, err := Compose(j, defaultTemplates(t), "scorecards@pcs.example", testNow)
	if err != nil {
		t.Fatal(err)
	}
	b, err := Compose(j, defaultTemplates(t), "scorecards@pcs.example", testNow)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(a.Draft(), b.Draft()) {
		t.Error("the same job composed twice gives different bytes")
	}
	c, err := Compose(j, defaultTemplates(t), "scorecards@pcs.example", testNow.Add(time.Second))
	if err != nil {
		t.Fatal(err)
	}
	if c.MessageID == a.MessageID {
		t.Error("a later message has the same Message-ID")
	}
	golden(t, "contoso.eml", a.Draft())
}

// TestComposeHostileText feeds names with line breaks, header lookalikes,
// markup and very long words; the headers must stay intact and the HTML
// must show the text, not run it.
func TestComposeHostileText(t *testing.T) {
	for _, name := range []string{
		"Evil Ltd\r\nBcc: victim@evil.example",
		"Evil\nContent-Type: text/html\n\n<script>alert(1)</script>",
		"Tab\tand\x00nul\x1b[31mred\u2028sep\u202eRTL",
		"<b>Bold</b> & \"Quotes\" 'n' <a href=\"http://evil.example\">link</a>",
		"=?utf-8?b?SGFja2Vk?= Ltd",
		strings.Repeat("Ü", 400),
		strings.Repeat("A", 2000),
		"株式会社サンプル",
	} {
		t.Run("", func(t *testing.T) {
			j := sampleJob(t, name, "ceo@contoso.example")
			m, err := Compose(j, defaultTemplates(t), "scorecards@pcs.example", testNow)
			if err != nil {
				t.Fatal(err)
			}
			raw := m.Draft()
			checkLines(t, raw)
			p := parseMessage(t, raw)
			keys := map[string]bool{}
			for k := range p.header {
				keys[k] = true
			}
			for k := range keys {
				switch k {
				case "Date", "From", "To", "Subject", "Message-Id", "Mime-Version", "Content-Type":
				default:
					t.Errorf("unexpected header %q", k)
				}
			}
			if strings.ContainsAny(p.subject, "\r\n\t\x00\x1b") {
				t.Errorf("subject keeps control characters: %q", p.subject)
			}
			if !strings.HasPrefix(p.subject, "Partner capability score: ") {
				t.Errorf("subject %q", p.subject)
			}
			if strings.Contains(p.html, "<script") || strings.Contains(p.html, "<b>Bold") || strings.Contains(p.html, `href="http://evil`) {
				t.Errorf("HTML body carries markup from the workbook:\n%s", p.html)
			}
			if !bytes.Equal(p.attachment, j.PDF) {
				t.Error("attachment damaged")
			}
			for _, r := range p.attachName {
				if r > 0x7e || r < 0x20 {
					t.Errorf("attachment name %q is not ASCII", p.attachName)
				}
			}
		})
	}
}

func TestComposeRecipients(t *testing.T) {
	tests := []struct {
		name       string
		workbook   []string
		to, cc     []string
		wantTo     string
		wantErr    string
		noRecipien bool
	}{
		{name: "workbook", workbook: []string{"a@x.example; b@x.example", "c@x.example"}, wantTo: "a@x.example,b@x.example,c@x.example"},
		{name: "--to overrides", workbook: []string{"a@x.example"}, to: []string{"z@y.example"}, wantTo: "z@y.example"},
		{name: "blank --to keeps the workbook's", workbook: []string{"a@x.example"}, to: []string{" ; "}, wantTo: "a@x.example"},
		{name: "none", noRecipien: true, wantErr: "no recipients: the Partner sheet has no Recipients field"},
		{name: "only cc", cc: []string{"c@x.example"}, noRecipien: true, wantErr: "no recipients"},
		{name: "bad workbook address", workbook: []string{"a@x.example, bob at contoso"}, wantErr: `Partner sheet, Recipients: "bob at contoso" is not an e-mail address`},
		{name: "bad --to", to: []string{"nobody"}, wantErr: `--to: "nobody" is not an e-mail address`},
		{name: "bad --cc and --to", to: []string{"x@"}, cc: []string{"@y"}, wantErr: `--to: "x@" is not an e-mail address; --cc: "@y" is not an e-mail address`},
		{name: "header injection", workbook: []string{"a@x.example\r\nBcc: v@evil.example"}, wantErr: "control character"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			j := sampleJob(t, "Contoso Ltd", tc.workbook...)
			j.To, j.Cc = tc.to, tc.cc
			m, err := Compose(j, defaultTemplates(t), "scorecards@pcs.example", testNow)
			if tc.wantErr != "" {
				if err == nil || !strings.Contains(err.Error(), tc.wantErr) {
					t.Fatalf("error %v, want %q", err, tc.wantErr)
				}
				if errors.Is(err, ErrNoRecipients) != tc.noRecipien {
					t.Errorf("errors.Is(ErrNoRecipients) = %v", !tc.noRecipien)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if got := strings.Join(addrSpecs(m.To), ","); got != tc.wantTo {
				t.Errorf("To %s, want %s", got, tc.wantTo)
			}
		})
	}
}

func TestComposeRefusesWhatCannotBeSent(t *testing.T) {
	tm := defaultTemplates(t)
	good := sampleJob(t, "Contoso Ltd", "ceo@contoso.example")
	noResult, noPDF := good, good
	noResult.Result = nil
	noPDF.PDF = nil
	for _, tc := range []struct {
		job  Job
		from string
		want string
	}{
		{noResult, "a@b.example", "the workbook was not scored"},
		{noPDF, "a@b.example", "no PDF scorecard"},
		{good, "not an address", `--smtp-from: "not an address" is not an e-mail address`},
	} {
		if _, err := Compose(tc.job, tm, tc.from, testNow); err == nil || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("error %v, want %q", err, tc.want)
		}
	}
}

func TestMessageIDUsesSenderDomain(t *testing.T) {
	j := sampleJob(t, "Contoso Ltd", "ceo@contoso.example")
	m, err := Compose(j, defaultTemplates(t), "scorecards@-pcs.example", testNow)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.HasSuffix(m.MessageID, "@pcs.invalid>") {
		t.Errorf("Message-ID %q", m.MessageID)
	}
}
