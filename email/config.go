package email

import (
	"crypto/x509"
	"errors"
	"fmt"
	"net"
	"strconv"
	"strings"
	"time"
)

// TLS modes of Config.TLS.
const (
	// TLSStartTLS connects in plain text and requires the server to switch to
	// TLS (STARTTLS) before anything else is sent; the default, for port 587.
	TLSStartTLS = "starttls"
	// TLSImplicit speaks TLS from the first byte, usually on port 465.
	TLSImplicit = "tls"
	// TLSNone never encrypts; only for a trusted relay, and only when asked.
	TLSNone = "none"
)

// Defaults of Config.
const (
	DefaultPort    = 587
	DefaultTimeout = 30 * time.Second
	DefaultRetries = 3
	DefaultBackoff = 2 * time.Second
)

// Config holds the SMTP settings. The zero values of Port, TLS, Timeout and
// Backoff take the defaults; Retries is taken as given.
type Config struct {
	Host string
	// Port is the server's port; 0 means 587, or 465 with TLS "tls".
	Port int
	// Username and Password sign in to the server; both empty for a relay
	// that accepts mail without signing in.
	Username string
	Password string
	// From is the sender, "scorecards@contoso.com" or "Partner Team <scorecards@contoso.com>".
	From string
	// TLS is "starttls" (the default), "tls" or "none".
	TLS string
	// Timeout bounds connecting and every exchange with the server.
	Timeout time.Duration
	// Retries is how many times a transient failure is retried (0: never).
	Retries int
	// Backoff is the wait before the first retry; it doubles for each retry.
	Backoff time.Duration
	// RootCAs verifies the server's certificate; nil uses the system's.
	RootCAs *x509.CertPool
}

// ParseTLS checks a --smtp-tls value.
func ParseTLS(s string) (string, error) {
	switch v := strings.ToLower(strings.TrimSpace(s)); v {
	case "", TLSStartTLS:
		return TLSStartTLS, nil
	case TLSImplicit, TLSNone:
		return v, nil
	}
	return "", fmt.Errorf("--smtp-tls %q is not one of starttls, tls, none", s)
}

// withDefaults returns the configuration with its defaults filled in.
func (c Config) withDefaults() Config {
	if mode, err := ParseTLS(c.TLS); err == nil {
		c.TLS = mode
	}
	if c.Port == 0 {
		c.Port = DefaultPort
		if c.TLS == TLSImplicit {
			c.Port = 465
		}
	}
	if c.Timeout == 0 {
		c.Timeout = DefaultTimeout
	}
	if c.Backoff == 0 {
		c.Backoff = DefaultBackoff
	}
	c.Host = strings.TrimSpace(c.Host)
	return c
}

// Validate checks the settings needed to send for real; the errors name the
// flag to fix. It never mentions the password itself.
func (c Config) Validate() error {
	c = c.withDefaults()
	var errs []error
	switch {
	case c.Host == "":
		errs = append(errs, errors.New("no mail server: give --smtp-host (or PCS_SMTP_HOST)"))
	case !validHost(c.Host):
		errs = append(errs, fmt.Errorf("--smtp-host %q is not a host name (give the port with --smtp-port)", c.Host))
	}
	if c.Port < 1 || c.Port > 65535 {
		errs = append(errs, fmt.Errorf("--smtp-port %d is not a port number (1 to 65535)", c.Port))
	}
	if _, err := ParseTLS(c.TLS); err != nil {
		errs = append(errs, err)
	}
	if err := checkFrom(c.From); err != nil {
		errs = append(errs, err)
	}
	switch {
	case c.Username != "" && c.Password == "":
		errs = append(errs, errors.New("--smtp-username is given but no password: set PCS_SMTP_PASSWORD"))
	case c.Username == "" && c.Password != "":
		errs = append(errs, errors.New("a password is given but no --smtp-username"))
	}
	if strings.ContainsAny(c.Username, "\r\n\x00") {
		errs = append(errs, errors.New("--smtp-username contains a line break"))
	}
	if strings.ContainsAny(c.Password, "\r\n\x00") {
		errs = append(errs, errors.New("the SMTP password contains a line break or a NUL character"))
	}
	if c.Timeout < 0 {
		errs = append(errs, fmt.Errorf("--smtp-timeout %s is negative", c.Timeout))
	}
	if c.Retries < 0 || c.Retries > 10 {
		errs = append(errs, fmt.Errorf("--smtp-retries %d is not between 0 and 10", c.Retries))
	}
	if c.Backoff < 0 {
		errs = append(errs, fmt.Errorf("the retry backoff %s is negative", c.Backoff))
	}
	return errors.Join(errs...)
}

// checkFrom checks the sender address.
func checkFrom(from string) error {
	if strings.TrimSpace(from) == "" {
		return errors.New("no sender: give --smtp-from (or PCS_SMTP_FROM), the address the scorecards are sent from")
	}
	if _, err := parseAddress(from); err != nil {
		return fmt.Errorf("--smtp-from: %w", err)
	}
	return nil
}

// validHost accepts a DNS name or an IP address.
func validHost(h string) bool {
	if net.ParseIP(h) != nil {
		return true
	}
	if len(h) > 253 || strings.HasPrefix(h, ".") || strings.HasSuffix(h, "..") {
		return false
	}
	for _, label := range strings.Split(strings.TrimSuffix(h, "."), ".") {
		if label == "" || len(label) > 63 || label[0] == '-' || label[len(label)-1] == '-' {
			return false
		}
		for _, r := range label {
			if !(r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9' || r == '-' || r == '_') {
				return false
			}
		}
	}
	return true
}

// Address returns "host:port".
func (c Config) Address() string {
	c = c.withDefaults()
	return net.JoinHostPort(c.Host, strconv.Itoa(c.Port))
}

// String describes the settings for messages, never with the password:
// "smtp.office365.com:587 (starttls) as scorer@contoso.com".
func (c Config) String() string {
	c = c.withDefaults()
	s := c.Address() + " (" + c.TLS + ")"
	if c.Username != "" {
		s += " as " + c.Username
	}
	return s
}

// GoString keeps the password out of %#v.
func (c Config) GoString() string { return "email.Config{" + c.String() + "}" }
