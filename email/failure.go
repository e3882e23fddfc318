package email

import (
	"context"
	"crypto/tls"
	"crypto/x509"
	"errors"
	"fmt"
	"io"
	"net"
	"net/textproto"
	"strconv"
	"syscall"
	"time"
)

// Stages of an SMTP session, for classifying what went wrong.
const (
	stageConnect   = "connect"   // TCP connection, greeting, EHLO
	stageTLS       = "tls"       // STARTTLS or the TLS handshake
	stageAuth      = "auth"      // signing in
	stageSender    = "sender"    // MAIL FROM
	stageRecipient = "recipient" // RCPT TO
	stageMessage   = "message"   // DATA and the message itself
)

// failure is a send that went wrong, said for people.
type failure struct {
	msg string
	// temporary failures (4xx replies, dropped connections, timeouts) are
	// worth retrying; the others are not.
	temporary bool
	// session failures happen before any message (connecting, TLS, signing
	// in): they would fail the same way for every other scorecard.
	session bool
	// replied is true when the server answered (the connection still works).
	replied bool
}

// Error returns the sentence for people.
func (f *failure) Error() string { return f.msg }

// classify turns an error of one stage into a failure. server is
// "host:port"; user the sign-in name. Nothing of the password is known here.
func classify(stage string, err error, server, user string, timeout time.Duration) *failure {
	var f *failure
	if errors.As(err, &f) {
		return f
	}
	session := stage == stageConnect || stage == stageTLS || stage == stageAuth
	mk := func(temporary bool, format string, args ...any) *failure {
		return &failure{msg: fmt.Sprintf(format, args...), temporary: temporary, session: session}
	}
	var tp *textproto.Error
	if errors.As(err, &tp) {
		reply := replyText(tp)
		temporary := tp.Code >= 400 && tp.Code < 500
		mk := func(temporary bool, format string, args ...any) *failure {
			f := mk(temporary, format, args...)
			f.replied = true
			return f
		}
		switch stage {
		case stageConnect:
			return mk(temporary, "the mail server %s refused the connection (%s)", server, reply)
		case stageTLS:
			return mk(temporary, "the mail server %s refused to start encryption (%s)", server, reply)
		case stageAuth:
			if temporary {
				return mk(true, "the mail server %s could not check the sign-in of %s for now (%s)", server, user, reply)
			}
			return mk(false, "the mail server %s refused the sign-in of %s (%s); check --smtp-username and the password (--smtp-password or PCS_SMTP_PASSWORD), and that the mailbox may send with SMTP AUTH", server, user, reply)
		case stageSender:
			return mk(temporary, "the mail server refused the sender address (%s); check --smtp-from", reply)
		case stageRecipient:
			return mk(temporary, "the mail server refused the recipient (%s)", reply)
		default:
			return mk(temporary, "the mail server refused the message (%s)", reply)
		}
	}
	var dns *net.DNSError
	var unknownCA x509.UnknownAuthorityError
	var badHost x509.HostnameError
	var invalid x509.CertificateInvalidError
	var record tls.RecordHeaderError
	switch {
	case errors.As(err, &dns) && dns.IsNotFound:
		return mk(false, "the mail server %s was not found; check --smtp-host", dns.Name)
	case errors.As(err, &dns):
		return mk(true, "cannot look up the mail server %s (%s)", dns.Name, truncate(cleanText(dns.Err), 200))
	case errors.As(err, &unknownCA):
		return mk(false, "the mail server %s has a certificate this computer does not trust (%s)", server, cleanErr(err))
	case errors.As(err, &badHost):
		return mk(false, "the mail server's certificate is not for %s (%s); check --smtp-host", server, cleanErr(err))
	case errors.As(err, &invalid):
		return mk(false, "the mail server %s has an invalid certificate (%s)", server, cleanErr(err))
	case errors.As(err, &record):
		return mk(false, "the mail server %s does not speak TLS from the start; use --smtp-tls starttls (usually port 587)", server)
	case isTimeout(err):
		return mk(true, "the mail server %s did not answer within %s", server, timeout)
	case errors.Is(err, syscall.ECONNREFUSED):
		return mk(true, "the mail server %s refused the connection: is it running, and is --smtp-port right?", server)
	case errors.Is(err, io.EOF), errors.Is(err, io.ErrUnexpectedEOF), errors.Is(err, syscall.ECONNRESET),
		errors.Is(err, syscall.EPIPE), errors.Is(err, net.ErrClosed), errors.Is(err, syscall.ECONNABORTED):
		return mk(true, "the mail server %s closed the connection", server)
	case errors.Is(err, syscall.EHOSTUNREACH), errors.Is(err, syscall.ENETUNREACH):
		return mk(true, "the mail server %s cannot be reached from this computer (%s)", server, cleanErr(err))
	}
	var netErr net.Error
	if errors.As(err, &netErr) {
		return mk(true, "the connection to the mail server %s failed (%s)", server, cleanErr(err))
	}
	switch stage {
	case stageTLS:
		return mk(false, "cannot start encryption with the mail server %s (%s)", server, cleanErr(err))
	case stageAuth:
		return mk(false, "cannot sign in to the mail server %s as %s (%s)", server, user, cleanErr(err))
	}
	return mk(false, "sending to the mail server %s failed (%s)", server, cleanErr(err))
}

func isTimeout(err error) bool {
	if errors.Is(err, context.DeadlineExceeded) || errors.Is(err, syscall.ETIMEDOUT) {
		return true
	}
	var ne net.Error
	return errors.As(err, &ne) && ne.Timeout()
}

// replyText writes a server reply for people, "550 5.1.1 No such user",
// without control characters and at most 200 characters long.
func replyText(e *textproto.Error) string {
	return truncate(cleanText(strconv.Itoa(e.Code)+" "+e.Msg), 200)
}

// cleanErr writes an underlying error on one line, shortened.
func cleanErr(err error) string {
	return truncate(cleanText(err.Error()), 200)
}
