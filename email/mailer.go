package email

import (
	"context"
	"fmt"
	"io"
	"path/filepath"
	"sync"
	"time"
)

// Options configure a Mailer.
type Options struct {
	// Config holds the SMTP settings; a dry run uses only From.
	Config Config
	// DryRun writes NAME.eml files into each job's OutDir instead of sending.
	DryRun bool
	// Resend sends scorecards that the send record says were sent already.
	Resend bool
	// Templates are the e-mail templates; nil loads the embedded defaults.
	Templates *Templates
	// Clock dates the messages and the records; nil is time.Now.
	Clock func() time.Time
	// Log receives one line per scorecard and per retry (stderr); nil
	// discards them. Errors are returned, not logged.
	Log io.Writer
	// Sender replaces the SMTP or dry-run sender (tests, other transports).
	Sender Sender
}

// Mailer e-mails scorecards one workbook at a time, with the send record of
// each output folder. It is safe for use by several goroutines; messages go
// out one at a time over one connection.
type Mailer struct {
	opt    Options
	from   string
	sender Sender

	mu   sync.Mutex
	logs map[string]*Log
}

// New checks the options and prepares the sender. Its errors are about the
// command line (a missing --smtp-host, a bad --smtp-from, a template folder
// that does not load).
func New(opt Options) (*Mailer, error) {
	if opt.Clock == nil {
		opt.Clock = time.Now
	}
	if opt.Log == nil {
		opt.Log = io.Discard
	}
	if opt.Templates == nil {
		t, err := LoadTemplates("")
		if err != nil {
			return nil, err
		}
		opt.Templates = t
	}
	if err := checkFrom(opt.Config.From); err != nil {
		return nil, err
	}
	m := &Mailer{opt: opt, from: opt.Config.From, sender: opt.Sender, logs: map[string]*Log{}}
	if m.sender == nil && opt.DryRun {
		m.sender = NewDryRunSender(opt.Clock)
	}
	if m.sender == nil {
		s, err := NewSMTPSender(opt.Config, opt.Clock, opt.Log)
		if err != nil {
			return nil, err
		}
		m.sender = s
	}
	return m, nil
}

// Deliver composes the job's message and sends it, unless the send record
// of its output folder shows the same scorecard already sent to the same
// people (and Resend is off): then the earlier record comes back with
// AlreadySent set. Every error is an *Error.
func (m *Mailer) Deliver(ctx context.Context, j Job) (Receipt, error) {
	msg, err := Compose(j, m.opt.Templates, m.from, m.opt.Clock())
	if err != nil {
		return Receipt{}, &Error{Source: j.Source, Err: err}
	}
	dir := j.RecordDir
	if dir == "" {
		dir = j.OutDir
	}
	log, err := m.logFor(dir)
	if err != nil {
		return Receipt{}, &Error{Source: j.Source, Err: err}
	}
	if !m.opt.Resend {
		if prev, ok := log.Sent(msg); ok {
			prev.AlreadySent = true
			fmt.Fprintf(m.opt.Log, "%s: scorecard already e-mailed %s to %s; not sent again (--resend sends it again)\n",
				j.Source, prev.Time.UTC().Format("2006-01-02 15:04 MST"), prev.Who())
			return prev, nil
		}
	}
	r, err := m.sender.Send(ctx, msg)
	if err != nil {
		return Receipt{}, &Error{Source: j.Source, Err: err}
	}
	if r.DryRun() {
		fmt.Fprintf(m.opt.Log, "%s: dry run: wrote %s for %s; nothing sent\n", j.Source, r.File, r.Who())
		return r, nil
	}
	if err := log.Record(r); err != nil {
		return r, &Error{Source: j.Source, Err: fmt.Errorf("%w; a rerun would send it again", err), Sent: true}
	}
	fmt.Fprintf(m.opt.Log, "%s: scorecard e-mailed to %s\n", j.Source, r.Who())
	return r, nil
}

// String describes the mailer without the SMTP password.
func (m *Mailer) String() string {
	if m.opt.DryRun {
		return "dry-run mailer from " + m.from
	}
	return "mailer from " + m.from + " via " + m.opt.Config.String()
}

// GoString keeps the password out of %#v.
func (m *Mailer) GoString() string { return "email.Mailer{" + m.String() + "}" }

// logFor returns the send record of an output folder, read once per run.
func (m *Mailer) logFor(dir string) (*Log, error) {
	if dir == "" {
		dir = "."
	}
	key := filepath.Clean(dir)
	m.mu.Lock()
	defer m.mu.Unlock()
	if l, ok := m.logs[key]; ok {
		return l, nil
	}
	l, err := OpenLog(key)
	if err != nil {
		return nil, err
	}
	m.logs[key] = l
	return l, nil
}

// Close ends the SMTP session.
func (m *Mailer) Close() error { return m.sender.Close() }
