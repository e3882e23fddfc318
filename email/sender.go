package email

import (
	"context"
	"path/filepath"
	"strings"
	"time"
)

// Sender delivers composed messages. Send is called for one message at a
// time per Sender; Close ends the session.
type Sender interface {
	Send(ctx context.Context, m *Message) (Receipt, error)
	Close() error
}

// Receipt says what happened to one scorecard: sent, written by a dry run,
// or found in the send record and not sent again. Receipts of messages sent
// are the lines of the send record (emails.jsonl).
type Receipt struct {
	// Time is when the server accepted the message (or the dry run wrote it).
	Time       time.Time `json:"time"`
	Source     string    `json:"source"`
	Partner    string    `json:"partner"`
	PartnerID  string    `json:"partner_id,omitempty"`
	AsOf       string    `json:"as_of"`
	To         []string  `json:"to"`
	Cc         []string  `json:"cc,omitempty"`
	Bcc        []string  `json:"bcc,omitempty"`
	Subject    string    `json:"subject"`
	MessageID  string    `json:"message_id"`
	Attachment string    `json:"attachment"`
	PDFSHA256  string    `json:"pdf_sha256"`
	// Server is the mail server that accepted the message ("host:port").
	Server string `json:"server,omitempty"`
	// File is the .eml a dry run wrote ("" when the message was sent).
	File string `json:"file,omitempty"`
	// AlreadySent is true when nothing was sent now because the send record
	// holds this scorecard, sent to the same people; the other fields are
	// then the earlier send's.
	AlreadySent bool `json:"already_sent,omitempty"`
}

// receipt starts a receipt for a message.
func (m *Message) receipt(now time.Time) Receipt {
	return Receipt{
		Time: now.UTC().Truncate(time.Second), Source: m.Source, Partner: m.Partner, PartnerID: m.PartnerID, AsOf: m.AsOf,
		To: addrSpecs(m.To), Cc: addrSpecs(m.Cc), Bcc: addrSpecs(m.Bcc),
		Subject: m.Subject, MessageID: m.MessageID, Attachment: m.Attachment, PDFSHA256: m.PDFSHA256,
	}
}

// DryRun reports whether the receipt is a dry run's.
func (r Receipt) DryRun() bool { return r.File != "" }

// Recipients returns To, Cc and Bcc together.
func (r Receipt) Recipients() []string {
	return append(append(append([]string{}, r.To...), r.Cc...), r.Bcc...)
}

// Who names the recipients for people: "ceo@contoso.com, cfo@contoso.com
// (cc ops@contoso.com; bcc archive@pcs.example)".
func (r Receipt) Who() string {
	var copies []string
	if len(r.Cc) > 0 {
		copies = append(copies, "cc "+strings.Join(r.Cc, ", "))
	}
	if len(r.Bcc) > 0 {
		copies = append(copies, "bcc "+strings.Join(r.Bcc, ", "))
	}
	who := strings.Join(r.To, ", ")
	if len(copies) > 0 {
		who += " (" + strings.Join(copies, "; ") + ")"
	}
	return who
}

// Summary says in one line what happened, for people and for the portfolio
// summary: "sent 2024-06-03 09:12 UTC to ceo@contoso.com, cfo@contoso.com".
func (r Receipt) Summary() string {
	who := r.Who()
	when := r.Time.UTC().Format("2006-01-02 15:04 MST")
	switch {
	case r.AlreadySent:
		return "already sent " + when + " to " + who + "; not sent again"
	case r.DryRun():
		return "dry run, not sent: " + filepath.Base(r.File) + " for " + who
	}
	return "sent " + when + " to " + who
}
