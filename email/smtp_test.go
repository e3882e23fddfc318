package email

import (
	"bytes"
	"context"
	"encoding/base64"
	"errors"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/emersion/go-smtp"
)

const testPassword = "s3cret-Pa55word!"

// send composes the sample job and sends it with a fresh sender.
func send(t *testing.T, cfg Config, log *bytes.Buffer, jobs ...Job) ([]Receipt, []error, *SMTPSender) {
	t.Helper()
	s, err := NewSMTPSender(cfg, testClock, log)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	var rs []Receipt
	var errs []error
	for _, j := range jobs {
		m, err := Compose(j, defaultTemplates(t), cfg.From, testNow)
		if err != nil {
			t.Fatal(err)
		}
		r, err := s.Send(context.Background(), m)
		rs = append(rs, r)
		errs = append(errs, err)
	}
	return rs, errs, s
}

func TestSMTPDelivers(t *testing.T) {
	tests := []struct {
		name string
		srv  *testServer
	}{
		{"starttls and PLAIN", &testServer{user: "bot@pcs.example", pass: testPassword, startTLS: true}},
		{"implicit TLS and LOGIN", &testServer{user: "bot@pcs.example", pass: testPassword, implicitTLS: true, mechs: []string{"LOGIN"}}},
		{"relay without TLS or sign-in", &testServer{}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			tc.srv.t = t
			srv := tc.srv.start()
			j := sampleJob(t, "Société Générale — Łódź", "ceo@contoso.example")
			j.Cc = []string{"cfo@contoso.example"}
			j.Bcc = []string{"archive@pcs.example"}
			var log bytes.Buffer
			rs, errs, _ := send(t, srv.config(), &log, j)
			if errs[0] != nil {
				t.Fatal(errs[0])
			}
			got := srv.messages()
			if len(got) != 1 {
				t.Fatalf("server received %d messages", len(got))
			}
			if got[0].from != "scorecards@pcs.example" || rcptList(got[0].rcpts) != "ceo@contoso.example,cfo@contoso.example,archive@pcs.example" {
				t.Errorf("envelope from %s to %v", got[0].from, got[0].rcpts)
			}
			p := parseMessage(t, got[0].data)
			if !bytes.Equal(p.attachment, j.PDF) {
				t.Error("the attachment that arrived differs from the PDF")
			}
			if p.subject != "Partner capability score: Société Générale — Łódź, May 2024" {
				t.Errorf("subject %q", p.subject)
			}
			if p.header.Get("Bcc") != "" || bytes.Contains(got[0].data, []byte("archive@")) {
				t.Error("the Bcc recipient shows in the message")
			}
			if p.header.Get("To") != "<ceo@contoso.example>" || p.header.Get("Cc") != "<cfo@contoso.example>" {
				t.Errorf("To %q Cc %q", p.header.Get("To"), p.header.Get("Cc"))
			}
			r := rs[0]
			if r.MessageID != p.header.Get("Message-ID") || r.Server != srv.config().Address() || !r.Time.Equal(testNow) ||
				r.Attachment != "societe-generale-lodz-2024-05-scorecard.pdf" || len(r.PDFSHA256) != 64 {
				t.Errorf("receipt %+v", r)
			}
			if log.Len() != 0 {
				t.Errorf("log: %s", log.String())
			}
		})
	}
}

func TestSMTPReusesOneConnection(t *testing.T) {
	srv := (&testServer{t: t, user: "bot", pass: testPassword}).start()
	var jobs []Job
	for _, n := range []string{"Contoso Ltd", "Fabrikam Inc", "Tailspin Toys"} {
		jobs = append(jobs, sampleJob(t, n, "ceo@"+slug(n, 20)+".example"))
	}
	_, errs, _ := send(t, srv.config(), nil, jobs...)
	for _, err := range errs {
		if err != nil {
			t.Fatal(err)
		}
	}
	sessions, authOK, _ := srv.count()
	if sessions != 1 || authOK != 1 || len(srv.messages()) != 3 {
		t.Errorf("%d sessions, %d sign-ins, %d messages; want 1, 1, 3", sessions, authOK, len(srv.messages()))
	}
}

func TestSMTPFailures(t *testing.T) {
	tests := []struct {
		name      string
		srv       *testServer // nil: no server at all
		edit      func(*Config)
		wantErr   string
		wantLog   int // retry lines
		wantRcvd  int
		sessions  int    // connections the server saw (0: not checked)
		secondErr string // the error of a second message on the same sender ("" = sent)
	}{
		{name: "sign-in refused", srv: &testServer{user: "bot", pass: "other"}, edit: func(c *Config) { c.Password = testPassword },
			wantErr:   "refused the sign-in of bot (535 5.7.8 Authentication failed); check --smtp-username and the password (--smtp-password or PCS_SMTP_PASSWORD)",
			secondErr: "not tried, because earlier in this run the mail server"},
		{name: "recipient refused", srv: &testServer{refuse: map[string]*smtp.SMTPError{
			"ceo@contoso.example": {Code: 550, EnhancedCode: smtp.EnhancedCode{5, 1, 1}, Message: "No such user"}}},
			wantErr: "the mail server refused the recipient ceo@contoso.example (550 5.1.1 No such user)", secondErr: "refused the recipient", sessions: 1},
		{name: "message refused", srv: &testServer{dataErrors: []error{&smtp.SMTPError{Code: 552, EnhancedCode: smtp.EnhancedCode{5, 3, 4}, Message: "Message too big"}}},
			wantErr: "the mail server refused the message (552 5.3.4 Message too big)", wantRcvd: 1},
		{name: "fails once then accepts", srv: &testServer{dataErrors: []error{&smtp.SMTPError{Code: 451, EnhancedCode: smtp.EnhancedCode{4, 3, 0}, Message: "Try again later"}}},
			wantLog: 1, wantRcvd: 2, sessions: 1},
		{name: "keeps failing for now", srv: &testServer{dataErrors: []error{
			&smtp.SMTPError{Code: 421, Message: "Busy"}, &smtp.SMTPError{Code: 451, Message: "Busy"}, &smtp.SMTPError{Code: 452, Message: "Busy"}}},
			wantErr: "the mail server refused the message (452 4.0.0 Busy) (tried 3 times)", wantLog: 2, wantRcvd: 1},
		{name: "connection dropped while sending", srv: &testServer{dropData: 1}, wantLog: 1, wantRcvd: 2, sessions: 2},
		{name: "server down", edit: func(c *Config) { c.Port = closedPort(t) },
			wantErr: "refused the connection: is it running, and is --smtp-port right? (tried 3 times)", wantLog: 2,
			secondErr: "not tried, because earlier in this run"},
		{name: "no STARTTLS", srv: &testServer{}, edit: func(c *Config) { c.TLS = TLSStartTLS },
			wantErr: "does not offer encryption (STARTTLS); use --smtp-tls tls"},
		{name: "untrusted certificate", srv: &testServer{startTLS: true}, edit: func(c *Config) { c.RootCAs = nil },
			wantErr: "has a certificate this computer does not trust"},
		{name: "TLS on a STARTTLS port", srv: &testServer{startTLS: true}, edit: func(c *Config) { c.TLS = TLSImplicit },
			wantErr: "does not speak TLS from the start; use --smtp-tls starttls"},
		{name: "no sign-in offered", srv: &testServer{}, edit: func(c *Config) { c.Username, c.Password = "bot", testPassword },
			wantErr: "does not offer sign-in (SMTP AUTH)"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			cfg := Config{Host: "127.0.0.1", From: "scorecards@pcs.example", TLS: TLSNone, Timeout: 2 * time.Second,
				Retries: 2, Backoff: time.Millisecond}
			if tc.srv != nil {
				tc.srv.t = t
				cfg = tc.srv.start().config()
			}
			if tc.edit != nil {
				tc.edit(&cfg)
			}
			var log bytes.Buffer
			j := sampleJob(t, "Contoso Ltd", "ceo@contoso.example")
			_, errs, _ := send(t, cfg, &log, j, j)
			if tc.wantErr == "" {
				if errs[0] != nil {
					t.Fatal(errs[0])
				}
			} else if errs[0] == nil || !strings.Contains(errs[0].Error(), tc.wantErr) {
				t.Fatalf("error %v, want %q", errs[0], tc.wantErr)
			}
			if tc.secondErr == "" && tc.wantErr != "" && errs[1] != nil && tc.wantRcvd > 0 {
				t.Errorf("second message: %v", errs[1])
			}
			if tc.secondErr != "" && (errs[1] == nil || !strings.Contains(errs[1].Error(), tc.secondErr)) {
				t.Errorf("second message: %v, want %q", errs[1], tc.secondErr)
			}
			if n := strings.Count(log.String(), "trying again"); n != tc.wantLog {
				t.Errorf("%d retries logged, want %d:\n%s", n, tc.wantLog, log.String())
			}
			if tc.srv != nil {
				if n := len(tc.srv.messages()); n != tc.wantRcvd {
					t.Errorf("server received %d messages, want %d", n, tc.wantRcvd)
				}
				if n, _, _ := tc.srv.count(); tc.sessions > 0 && n != tc.sessions {
					t.Errorf("server saw %d connections, want %d", n, tc.sessions)
				}
			}
		})
	}
}

func TestSMTPReconnectsAfterIdleClose(t *testing.T) {
	srv := (&testServer{t: t, dropIdle: make(chan struct{}, 1)}).start()
	var log bytes.Buffer
	s, err := NewSMTPSender(srv.config(), testClock, &log)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	for i := 0; i < 2; i++ {
		m, err := Compose(sampleJob(t, "Contoso Ltd", "ceo@contoso.example"), defaultTemplates(t), "a@pcs.example", testNow)
		if err != nil {
			t.Fatal(err)
		}
		if _, err := s.Send(context.Background(), m); err != nil {
			t.Fatalf("message %d: %v", i+1, err)
		}
		<-srv.dropIdle // the server has closed the idle connection
	}
	if n, _, _ := srv.count(); n != 2 || len(srv.messages()) != 2 || log.Len() != 0 {
		t.Errorf("%d connections, %d messages, log %q; want 2, 2 and no retry", n, len(srv.messages()), log.String())
	}
}

func TestSMTPSignInNotRetried(t *testing.T) {
	srv := (&testServer{t: t, user: "bot", pass: "right"}).start()
	cfg := srv.config()
	cfg.Password = "wrong"
	_, errs, _ := send(t, cfg, nil, sampleJob(t, "A", "a@x.example"), sampleJob(t, "B", "b@x.example"))
	if errs[0] == nil || errs[1] == nil {
		t.Fatal("a refused sign-in sent mail")
	}
	if sessions, _, bad := srv.count(); sessions != 1 || bad != 1 {
		t.Errorf("%d sessions and %d refused sign-ins; the server must be asked once", sessions, bad)
	}
}

func TestSMTPStallingServerTimesOut(t *testing.T) {
	host, port := stallingServer(t)
	cfg := Config{Host: host, Port: port, From: "scorecards@pcs.example", TLS: TLSNone, Timeout: 200 * time.Millisecond,
		Retries: 1, Backoff: time.Millisecond}
	start := time.Now()
	var log bytes.Buffer
	_, errs, _ := send(t, cfg, &log, sampleJob(t, "Contoso Ltd", "ceo@contoso.example"))
	if errs[0] == nil || !strings.Contains(errs[0].Error(), "did not answer within 200ms (tried 2 times)") {
		t.Fatalf("error %v", errs[0])
	}
	if d := time.Since(start); d > 3*time.Second {
		t.Errorf("took %s for two attempts of 200ms", d)
	}
	if !strings.Contains(log.String(), "contoso.xlsx: the mail server 127.0.0.1:") {
		t.Errorf("log: %s", log.String())
	}
}

func TestSMTPCancelled(t *testing.T) {
	host, port := stallingServer(t)
	cfg := Config{Host: host, Port: port, From: "scorecards@pcs.example", TLS: TLSNone, Timeout: time.Minute}
	s, err := NewSMTPSender(cfg, testClock, nil)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	m, err := Compose(sampleJob(t, "Contoso Ltd", "ceo@contoso.example"), defaultTemplates(t), cfg.From, testNow)
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	time.AfterFunc(100*time.Millisecond, cancel)
	start := time.Now()
	_, err = s.Send(ctx, m)
	if !errors.Is(err, context.Canceled) {
		t.Fatalf("error %v, want cancelled", err)
	}
	if strings.Contains(err.Error(), "context") {
		t.Errorf("message %q speaks of Go contexts; say that the run was stopped", err)
	}
	if d := time.Since(start); d > 5*time.Second {
		t.Errorf("cancel took %s", d)
	}
}

// TestPasswordNeverShown runs every failure with a password and looks for it
// (and its base64 forms) in every error, log line and receipt.
func TestPasswordNeverShown(t *testing.T) {
	var seen bytes.Buffer
	scenarios := []func(*Config){
		func(c *Config) {},                         // refused sign-in
		func(c *Config) { c.Port = closedPort(t) }, // server down
		func(c *Config) { c.TLS = TLSStartTLS },    // no STARTTLS
		func(c *Config) { c.Host, c.Retries = "no-such-host.invalid", 0 },
		func(c *Config) { c.Timeout = 100 * time.Millisecond; c.Host, c.Port = stallingServer(t) },
	}
	for _, edit := range scenarios {
		srv := (&testServer{t: t, user: "bot", pass: "the-right-one"}).start()
		cfg := srv.config()
		cfg.Password = testPassword
		edit(&cfg)
		fmtAll(&seen, cfg)
		var log bytes.Buffer
		rs, errs, sender := send(t, cfg, &log, sampleJob(t, "Contoso Ltd", "ceo@contoso.example"))
		seen.Write(log.Bytes())
		fmtAll(&seen, sender, Options{Config: cfg})
		if m, err := New(Options{Config: cfg}); err == nil {
			fmtAll(&seen, m)
		}
		for i := range errs {
			fmtAll(&seen, errs[i], rs[i])
		}
		if errs[0] == nil {
			t.Error("a scenario succeeded")
		}
	}
	// Validation errors too.
	fmtAll(&seen, Config{Password: testPassword}.Validate(), Config{Host: "x", From: "a@b.example", Password: testPassword + "\n"}.Validate())
	for _, secret := range secretForms(testPassword, "bot") {
		if bytes.Contains(seen.Bytes(), []byte(secret)) {
			t.Fatalf("the password shows in the output (as %q):\n%s", secret, seen.String())
		}
	}
	if !strings.Contains(seen.String(), "refused the sign-in of bot") {
		t.Errorf("the scenarios did not run as planned:\n%s", seen.String())
	}
}

// fmtAll prints values every way fmt can.
func fmtAll(w *bytes.Buffer, vs ...any) {
	for _, v := range vs {
		fmt.Fprintf(w, "%v\n%+v\n%#v\n%s\n", v, v, v, v)
	}
}

// secretForms are the ways a password could leak: as is, and base64 as
// AUTH PLAIN and AUTH LOGIN send it.
func secretForms(pass, user string) []string {
	enc := base64.StdEncoding.EncodeToString
	return []string{pass, enc([]byte(pass)), enc([]byte("\x00" + user + "\x00" + pass)), strings.TrimRight(enc([]byte(pass)), "=")}
}
