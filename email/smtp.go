package email

import (
	"context"
	"crypto/tls"
	"errors"
	"fmt"
	"io"
	"net"
	"net/mail"
	"net/textproto"
	"os"
	"strings"
	"sync"
	"time"

	"github.com/wneessen/go-mail/smtp"
)

// SMTPSender sends messages over one SMTP connection, kept open across a
// batch and reopened when the server drops it. Transient failures are
// retried with a doubling backoff; permanent ones are returned at once. A
// failure to connect, encrypt or sign in that survives the retries is kept:
// later messages fail at once with it instead of trying the server again.
type SMTPSender struct {
	cfg  Config
	now  func() time.Time
	log  io.Writer
	helo string

	mu     sync.Mutex
	conn   net.Conn
	client *smtp.Client
	broken *failure
}

// NewSMTPSender checks cfg and returns a Sender that connects on the first
// message. clock stamps the receipts (nil: time.Now); log receives a line
// for every retry (nil: discarded). The password is never written anywhere.
func NewSMTPSender(cfg Config, clock func() time.Time, log io.Writer) (*SMTPSender, error) {
	if err := cfg.Validate(); err != nil {
		return nil, err
	}
	if clock == nil {
		clock = time.Now
	}
	if log == nil {
		log = io.Discard
	}
	helo, err := os.Hostname()
	if err != nil || !validHost(helo) {
		helo = "localhost"
	}
	return &SMTPSender{cfg: cfg.withDefaults(), now: clock, log: log, helo: helo}, nil
}

// String describes the sender without its password.
func (s *SMTPSender) String() string { return "SMTP sender " + s.cfg.String() }

// GoString keeps the password out of %#v.
func (s *SMTPSender) GoString() string { return "email.SMTPSender{" + s.cfg.String() + "}" }

// Send delivers one message, retrying transient failures.
func (s *SMTPSender) Send(ctx context.Context, m *Message) (Receipt, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.broken != nil {
		return Receipt{}, fmt.Errorf("not tried, because earlier in this run %s", s.broken.msg)
	}
	attempts := s.cfg.Retries + 1
	wait := s.cfg.Backoff
	for attempt := 1; ; attempt++ {
		err := s.try(ctx, m)
		if err == nil {
			r := m.receipt(s.now())
			r.Server = s.cfg.Address()
			return r, nil
		}
		if ctx.Err() != nil {
			s.drop()
			return Receipt{}, &stoppedError{ctx.Err()}
		}
		f := classify(stageMessage, err, s.cfg.Address(), s.cfg.Username, s.cfg.Timeout)
		if !f.temporary || attempt >= attempts {
			if f.session {
				s.broken = f
			}
			if attempt > 1 {
				return Receipt{}, fmt.Errorf("%s (tried %d times)", f.msg, attempt)
			}
			return Receipt{}, f
		}
		fmt.Fprintf(s.log, "%s: %s; trying again in %s (attempt %d of %d)\n", m.Source, f.msg, wait, attempt+1, attempts)
		if err := sleep(ctx, wait); err != nil {
			return Receipt{}, &stoppedError{err}
		}
		wait *= 2
	}
}

// try makes one attempt: connect if needed, then one mail transaction.
func (s *SMTPSender) try(ctx context.Context, m *Message) error {
	if s.client != nil {
		// A kept connection may have been closed by the server while idle.
		if err := s.step(func() error { return s.client.Noop() }); err != nil {
			s.drop()
		}
	}
	if s.client == nil {
		if err := s.connect(ctx); err != nil {
			s.drop()
			return err
		}
	}
	stop := interruptOnDone(ctx, s.conn)
	defer stop()
	err := s.transaction(m)
	var f *failure
	if err != nil && errors.As(err, &f) && f.replied {
		// The server answered: the connection still works; clear the transaction.
		if s.step(func() error { return s.client.Reset() }) == nil {
			return err
		}
	}
	if err != nil {
		s.drop()
	}
	return err
}

// transaction sends MAIL, RCPT for every recipient, then the message.
func (s *SMTPSender) transaction(m *Message) error {
	server, user, timeout := s.cfg.Address(), s.cfg.Username, s.cfg.Timeout
	if err := s.step(func() error { return s.client.Mail(envelope(m.From.Address)) }); err != nil {
		return classify(stageSender, err, server, user, timeout)
	}
	var refused []string
	temporary := true
	for _, rcpt := range m.Recipients() {
		err := s.step(func() error { return s.client.Rcpt(envelope(rcpt)) })
		if err == nil {
			continue
		}
		var reply *textproto.Error
		if !errors.As(err, &reply) {
			return classify(stageRecipient, err, server, user, timeout) // the connection failed, not the recipient
		}
		refused = append(refused, rcpt+" ("+replyText(reply)+")")
		temporary = temporary && reply.Code >= 400 && reply.Code < 500
	}
	if len(refused) > 0 {
		return &failure{msg: "the mail server refused the recipient" + pluralS(len(refused)) + " " + strings.Join(refused, "; "),
			temporary: temporary, replied: true}
	}
	data := m.Bytes()
	// Allow for a slow line: 10 KB a second on top of the timeout.
	extra := time.Duration(len(data)/10240) * time.Second
	var w io.WriteCloser
	err := s.stepFor(s.cfg.Timeout+extra, func() error {
		var err error
		if w, err = s.client.Data(); err != nil {
			return err
		}
		if _, err = w.Write(data); err != nil {
			return err
		}
		return w.Close()
	})
	if err != nil {
		return classify(stageMessage, err, server, user, timeout)
	}
	return nil
}

// connect opens the connection, encrypts it and signs in.
func (s *SMTPSender) connect(ctx context.Context) error {
	cfg := s.cfg
	server := cfg.Address()
	dctx, cancel := context.WithTimeout(ctx, cfg.Timeout)
	defer cancel()
	tlsConfig := &tls.Config{ServerName: cfg.Host, MinVersion: tls.VersionTLS12, RootCAs: cfg.RootCAs}
	var d net.Dialer
	conn, err := d.DialContext(dctx, "tcp", server)
	if err != nil {
		return classify(stageConnect, err, server, cfg.Username, cfg.Timeout)
	}
	if cfg.TLS == TLSImplicit {
		tc := tls.Client(conn, tlsConfig)
		if err := tc.HandshakeContext(dctx); err != nil {
			conn.Close()
			return classify(stageTLS, err, server, cfg.Username, cfg.Timeout)
		}
		conn = tc
	}
	s.conn = conn
	stop := interruptOnDone(ctx, conn)
	defer stop()
	if err := conn.SetDeadline(time.Now().Add(cfg.Timeout)); err != nil {
		return classify(stageConnect, err, server, cfg.Username, cfg.Timeout)
	}
	c, err := smtp.NewClient(conn, cfg.Host)
	if err != nil {
		return classify(stageConnect, err, server, cfg.Username, cfg.Timeout)
	}
	s.client = c
	if err := s.step(func() error { return c.Hello(s.helo) }); err != nil {
		return classify(stageConnect, err, server, cfg.Username, cfg.Timeout)
	}
	if cfg.TLS == TLSStartTLS {
		if ok, _ := c.Extension("STARTTLS"); !ok {
			return &failure{session: true, msg: fmt.Sprintf("the mail server %s does not offer encryption (STARTTLS); "+
				"use --smtp-tls tls if it expects encryption from the start (usually port 465), or --smtp-tls none only for a trusted relay", server)}
		}
		if err := s.step(func() error { return c.StartTLS(tlsConfig) }); err != nil {
			return classify(stageTLS, err, server, cfg.Username, cfg.Timeout)
		}
	}
	if cfg.Username == "" {
		return nil
	}
	auth, err := s.auth(c)
	if err != nil {
		return err
	}
	if err := s.step(func() error { return c.Auth(auth) }); err != nil {
		return classify(stageAuth, err, server, cfg.Username, cfg.Timeout)
	}
	return nil
}

// auth picks PLAIN or LOGIN, whichever the server offers.
func (s *SMTPSender) auth(c *smtp.Client) (smtp.Auth, error) {
	cfg := s.cfg
	ok, mechs := c.Extension("AUTH")
	if !ok {
		return nil, &failure{session: true, msg: fmt.Sprintf("the mail server %s does not offer sign-in (SMTP AUTH) on this connection; "+
			"leave --smtp-username empty for a relay that needs no sign-in", cfg.Address())}
	}
	plaintext := cfg.TLS == TLSNone
	offered := strings.Fields(strings.ToUpper(mechs))
	for _, m := range offered {
		if m == "PLAIN" {
			return smtp.PlainAuth("", cfg.Username, cfg.Password, cfg.Host, plaintext), nil
		}
	}
	for _, m := range offered {
		if m == "LOGIN" {
			return smtp.LoginAuth(cfg.Username, cfg.Password, cfg.Host, plaintext), nil
		}
	}
	return nil, &failure{session: true, msg: fmt.Sprintf("the mail server %s offers no sign-in method pcs knows (it offers %s; pcs uses PLAIN or LOGIN)",
		cfg.Address(), truncate(cleanText(mechs), 100))}
}

// step runs one exchange with the server under the timeout.
func (s *SMTPSender) step(fn func() error) error { return s.stepFor(s.cfg.Timeout, fn) }

func (s *SMTPSender) stepFor(d time.Duration, fn func() error) error {
	if s.conn != nil {
		if err := s.conn.SetDeadline(time.Now().Add(d)); err != nil {
			return err
		}
	}
	return fn()
}

// interruptOnDone makes a blocked exchange on conn fail at once when ctx
// is cancelled; the returned function stops watching.
func interruptOnDone(ctx context.Context, conn net.Conn) (stop func() bool) {
	return context.AfterFunc(ctx, func() { conn.SetDeadline(time.Unix(1, 0)) })
}

// drop closes the connection without the QUIT exchange.
func (s *SMTPSender) drop() {
	if s.conn != nil {
		s.conn.Close()
	}
	s.conn, s.client = nil, nil
}

// Close says QUIT and closes the connection. Everything was sent by then,
// so a server that has gone already is no error.
func (s *SMTPSender) Close() error {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.client != nil {
		s.step(func() error { return s.client.Quit() })
	}
	s.drop()
	return nil
}

// envelope writes an address for MAIL FROM and RCPT TO, "<jane@contoso.com>".
func envelope(addr string) string { return (&mail.Address{Address: addr}).String() }

func pluralS(n int) string {
	if n == 1 {
		return ""
	}
	return "s"
}

// sleep waits for d or until ctx is done.
func sleep(ctx context.Context, d time.Duration) error {
	t := time.NewTimer(d)
	defer t.Stop()
	select {
	case <-t.C:
		return nil
	case <-ctx.Done():
		return ctx.Err()
	}
}
