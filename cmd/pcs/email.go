package main

import (
	"context"
	"errors"
	"io"
	"strings"
	"time"

	"github.com/urfave/cli/v2"

	"github.com/pcs-tools/pcs/email"
)

// emailFlags are the e-mail flags of `score` and `batch`.
func emailFlags() []cli.Flag {
	return []cli.Flag{
		&cli.BoolFlag{Name: "email", Usage: "e-mail each scorecard to the workbook's Recipients (or --to) after scoring"},
		&cli.BoolFlag{Name: "dry-run", Usage: "with --email: write NAME.eml files into --out instead of sending"},
		&cli.BoolFlag{Name: "resend", Usage: "with --email: send scorecards the send record says were sent already"},
		&cli.StringSliceFlag{Name: "to", Usage: "recipients for every workbook, replacing its Recipients"},
		&cli.StringSliceFlag{Name: "cc", Usage: "copy recipients"},
		&cli.StringSliceFlag{Name: "bcc", Usage: "blind copy recipients"},
		&cli.StringFlag{Name: "smtp-host", Usage: "mail server", EnvVars: []string{"PCS_SMTP_HOST"}},
		&cli.IntFlag{Name: "smtp-port", Usage: "mail server port", DefaultText: "587, or 465 with --smtp-tls tls", EnvVars: []string{"PCS_SMTP_PORT"}},
		&cli.StringFlag{Name: "smtp-tls", Usage: "starttls, tls or none (none only for a trusted relay)", Value: email.TLSStartTLS, EnvVars: []string{"PCS_SMTP_TLS"}},
		&cli.StringFlag{Name: "smtp-username", Usage: "user to sign in as", EnvVars: []string{"PCS_SMTP_USERNAME"}},
		&cli.StringFlag{Name: "smtp-password", Usage: "password (better: the PCS_SMTP_PASSWORD environment variable)", EnvVars: []string{"PCS_SMTP_PASSWORD"}},
		&cli.StringFlag{Name: "smtp-from", Usage: "sender address", EnvVars: []string{"PCS_SMTP_FROM"}},
		&cli.DurationFlag{Name: "smtp-timeout", Usage: "time limit for connecting and each exchange with the server", Value: 30 * time.Second, EnvVars: []string{"PCS_SMTP_TIMEOUT"}},
		&cli.IntFlag{Name: "smtp-retries", Usage: "retries of a temporary failure", Value: 3, EnvVars: []string{"PCS_SMTP_RETRIES"}},
		&cli.StringFlag{Name: "email-template", Usage: "a folder with subject.txt, body.txt and body.html replacing the built-in e-mail", EnvVars: []string{"PCS_EMAIL_TEMPLATE"}},
	}
}

// mailing is the e-mail side of a run; nil when --email is off.
type mailing struct {
	m           *email.Mailer
	to, cc, bcc []string
}

// newMailing validates the e-mail flags; mistakes are usage errors (exit 2).
func newMailing(c *cli.Context, s *settings, log io.Writer) (*mailing, error) {
	if !c.Bool("email") {
		for _, f := range []string{"dry-run", "resend", "to", "cc", "bcc"} {
			if c.IsSet(f) {
				return nil, usageErr("--%s only works with --email", f)
			}
		}
		return nil, nil
	}
	if s.noPDF {
		return nil, usageErr("--email sends the PDF scorecard, so it cannot go with --no-pdf")
	}
	tls, err := email.ParseTLS(c.String("smtp-tls"))
	if err != nil {
		return nil, usageErr("--smtp-tls: %s", err)
	}
	t, err := email.LoadTemplates(c.String("email-template"))
	if err != nil {
		return nil, usageErr("--email-template: %s", err)
	}
	cfg := email.Config{Host: c.String("smtp-host"), Port: c.Int("smtp-port"), Username: c.String("smtp-username"),
		Password: c.String("smtp-password"), From: c.String("smtp-from"), TLS: tls, Timeout: c.Duration("smtp-timeout"),
		Retries: c.Int("smtp-retries")}
	m, err := email.New(email.Options{Config: cfg, DryRun: c.Bool("dry-run"), Resend: c.Bool("resend"), Templates: t, Log: log})
	if err != nil {
		return nil, usageErr("%s", strings.ReplaceAll(err.Error(), "\n", "; "))
	}
	return &mailing{m: m, to: email.SplitAddresses(c.StringSlice("to")), cc: email.SplitAddresses(c.StringSlice("cc")),
		bcc: email.SplitAddresses(c.StringSlice("bcc"))}, nil
}

// send e-mails a scored workbook's scorecard; a failure is reported for that
// workbook and the run goes on. It returns a line for the portfolio summary.
func (ml *mailing) send(ctx context.Context, o *outcome) string {
	if ml == nil || o.failed || o.pdf == nil {
		return ""
	}
	r, err := ml.m.Deliver(ctx, email.Job{Source: o.job.source, Result: o.result, PDF: o.pdf, OutDir: o.job.outDir, RecordDir: o.job.recordDir,
		Stem: outputName(o.job.path, ""), To: ml.to, Cc: ml.cc, Bcc: ml.bcc})
	if err != nil {
		o.stderr = append(o.stderr, err.Error())
		o.emailFailed = true
		reason := err.Error()
		res := emailResult{Error: reason}
		var ee *email.Error
		if errors.As(err, &ee) {
			res.Error = ee.Reason()
			if ee.Sent { // sent, but the send record could not be written
				res.Sent, res.Receipt = true, &r
			}
		}
		o.json.Email = res
		return res.Error
	}
	o.json.Email = emailResult{Sent: !r.DryRun() && !r.AlreadySent, Receipt: &r}
	return r.Summary()
}

// emailResult is the JSON result's "email": sent is true when the message
// went out in this run; the receipt's fields say to whom and when (or which
// .eml a dry run wrote, or when it was sent before); error says why it was
// not sent (or, with sent, why it was not recorded).
type emailResult struct {
	Sent  bool   `json:"sent"`
	Error string `json:"error,omitempty"`
	*email.Receipt
}

func (ml *mailing) close() {
	if ml != nil {
		ml.m.Close()
	}
}
