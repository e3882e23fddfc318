package email

import (
	"crypto/ecdsa"
	"crypto/elliptic"
	"crypto/rand"
	"crypto/tls"
	"crypto/x509"
	"crypto/x509/pkix"
	"errors"
	"io"
	"math/big"
	"net"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/emersion/go-sasl"
	"github.com/emersion/go-smtp"
)

// testServer is a real SMTP server (go-smtp) on 127.0.0.1, in process,
// reached over TCP. Its fields set its behaviour before start.
type testServer struct {
	t    *testing.T
	host string
	port int
	// user and pass are the only accepted sign-in; "" offers no AUTH.
	user, pass string
	// mechs are the sign-in methods offered (default PLAIN).
	mechs []string
	// startTLS offers STARTTLS; implicitTLS speaks TLS from the start.
	startTLS, implicitTLS bool
	// refuse maps a recipient to the error its RCPT gets.
	refuse map[string]*smtp.SMTPError
	// dataErrors are returned by the first Data calls, in turn.
	dataErrors []error
	// dropData closes the connection during the first dropData Data calls.
	dropData int
	// dropIdle, when set, has the server close the connection after each
	// accepted message, then receive a value.
	dropIdle chan struct{}

	roots *x509.CertPool
	srv   *smtp.Server

	mu       sync.Mutex
	sessions int
	authOK   int
	authBad  int
	dataSeen int
	received []received
}

// received is a message the server accepted.
type received struct {
	from  string
	rcpts []string
	data  []byte
}

func (s *testServer) start() *testServer {
	s.t.Helper()
	s.srv = smtp.NewServer(s)
	s.srv.Domain = "localhost"
	s.srv.ReadTimeout = 10 * time.Second
	s.srv.WriteTimeout = 10 * time.Second
	s.srv.AllowInsecureAuth = !s.startTLS && !s.implicitTLS
	s.srv.ErrorLog = discardLogger{}
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		s.t.Fatal(err)
	}
	if s.startTLS || s.implicitTLS {
		cert, roots := testCertificate(s.t)
		s.roots = roots
		cfg := &tls.Config{Certificates: []tls.Certificate{cert}}
		if s.implicitTLS {
			ln = tls.NewListener(ln, cfg)
		} else {
			s.srv.TLSConfig = cfg
		}
	}
	addr := ln.Addr().(*net.TCPAddr)
	s.host, s.port = "127.0.0.1", addr.Port
	go s.srv.Serve(ln)
	s.t.Cleanup(func() { s.srv.Close() })
	return s
}

// config returns the client settings for this server.
func (s *testServer) config() Config {
	c := Config{Host: s.host, Port: s.port, From: "Partner Team <scorecards@pcs.example>", TLS: TLSNone,
		Timeout: 3 * time.Second, Retries: 2, Backoff: time.Millisecond, RootCAs: s.roots}
	if s.startTLS {
		c.TLS = TLSStartTLS
	}
	if s.implicitTLS {
		c.TLS = TLSImplicit
	}
	if s.user != "" {
		c.Username, c.Password = s.user, s.pass
	}
	return c
}

func (s *testServer) messages() []received {
	s.mu.Lock()
	defer s.mu.Unlock()
	return append([]received(nil), s.received...)
}

func (s *testServer) count() (sessions, authOK, authBad int) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.sessions, s.authOK, s.authBad
}

// NewSession implements smtp.Backend.
func (s *testServer) NewSession(c *smtp.Conn) (smtp.Session, error) {
	s.mu.Lock()
	s.sessions++
	s.mu.Unlock()
	return &testSession{srv: s, conn: c}, nil
}

type testSession struct {
	srv    *testServer
	conn   *smtp.Conn
	authed bool
	from   string
	rcpts  []string
	// closeAfter closes the connection once the message is accepted.
	closeAfter bool
}

func (ss *testSession) AuthMechanisms() []string {
	if ss.srv.user == "" {
		return nil
	}
	if len(ss.srv.mechs) > 0 {
		return ss.srv.mechs
	}
	return []string{sasl.Plain}
}

func (ss *testSession) Auth(mech string) (sasl.Server, error) {
	check := func(user, pass string) error {
		ss.srv.mu.Lock()
		defer ss.srv.mu.Unlock()
		if user != ss.srv.user || pass != ss.srv.pass {
			ss.srv.authBad++
			return smtp.ErrAuthFailed
		}
		ss.srv.authOK++
		ss.authed = true
		return nil
	}
	switch mech {
	case sasl.Plain:
		return sasl.NewPlainServer(func(_, user, pass string) error { return check(user, pass) }), nil
	case sasl.Login:
		return &loginServer{check: check}, nil
	}
	return nil, smtp.ErrAuthUnknownMechanism
}

func (ss *testSession) Mail(from string, _ *smtp.MailOptions) error {
	if ss.srv.user != "" && !ss.authed {
		return smtp.ErrAuthRequired
	}
	ss.from = from
	return nil
}

func (ss *testSession) Rcpt(to string, _ *smtp.RcptOptions) error {
	if e := ss.srv.refuse[to]; e != nil {
		return e
	}
	ss.rcpts = append(ss.rcpts, to)
	return nil
}

func (ss *testSession) Data(r io.Reader) error {
	data, err := io.ReadAll(r)
	if err != nil {
		return err
	}
	s := ss.srv
	s.mu.Lock()
	n := s.dataSeen
	s.dataSeen++
	s.mu.Unlock()
	if n < s.dropData {
		ss.conn.Conn().Close()
		return errors.New("dropped")
	}
	if n < len(s.dataErrors) {
		return s.dataErrors[n]
	}
	s.mu.Lock()
	s.received = append(s.received, received{from: ss.from, rcpts: append([]string(nil), ss.rcpts...), data: data})
	s.mu.Unlock()
	ss.closeAfter = s.dropIdle != nil

	return nil
}

// Reset runs after the reply to DATA is written.
func (ss *testSession) Reset() {
	ss.from, ss.rcpts = "", nil
	if ss.closeAfter {
		ss.closeAfter = false
		ss.conn.Conn().Close()
		ss.srv.dropIdle <- struct{}{}
	}
}

func (ss *testSession) Logout() error { return nil }

// loginServer is the server side of AUTH LOGIN (which go-sasl lacks), as
// Microsoft 365 offers it.
type loginServer struct {
	check      func(user, pass string) error
	step       int
	user, pass string
}

func (l *loginServer) Next(response []byte) ([]byte, bool, error) {
	switch l.step {
	case 0:
		l.step++
		if response != nil {
			l.user = string(response)
			l.step++
			return []byte("Password:"), false, nil
		}
		return []byte("Username:"), false, nil
	case 1:
		l.step++
		l.user = string(response)
		return []byte("Password:"), false, nil
	default:
		l.pass = string(response)
		return nil, true, l.check(l.user, l.pass)
	}
}

type discardLogger struct{}

func (discardLogger) Printf(string, ...interface{}) {}
func (discardLogger) Println(...interface{})        {}

// testCertificate makes a self-signed certificate for 127.0.0.1.
func testCertificate(t *testing.T) (tls.Certificate, *x509.CertPool) {
	t.Helper()
	key, err := ecdsa.GenerateKey(elliptic.P256(), rand.Reader)
	if err != nil {
		t.Fatal(err)
	}
	tmpl := &x509.Certificate{
		SerialNumber: big.NewInt(1), Subject: pkix.Name{CommonName: "pcs test"},
		NotBefore: time.Now().Add(-time.Hour), NotAfter: time.Now().Add(time.Hour),
		IPAddresses: []net.IP{net.ParseIP("127.0.0.1")}, KeyUsage: x509.KeyUsageDigitalSignature,
		ExtKeyUsage: []x509.ExtKeyUsage{x509.ExtKeyUsageServerAuth}, BasicConstraintsValid: true, IsCA: true,
	}
	der, err := x509.CreateCertificate(rand.Reader, tmpl, tmpl, &key.PublicKey, key)
	if err != nil {
		t.Fatal(err)
	}
	leaf, err := x509.ParseCertificate(der)
	if err != nil {
		t.Fatal(err)
	}
	pool := x509.NewCertPool()
	pool.AddCert(leaf)
	return tls.Certificate{Certificate: [][]byte{der}, PrivateKey: key, Leaf: leaf}, pool
}

// stallingServer accepts connections and never says a word.
func stallingServer(t *testing.T) (host string, port int) {
	t.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	var mu sync.Mutex
	var conns []net.Conn
	go func() {
		for {
			c, err := ln.Accept()
			if err != nil {
				return
			}
			mu.Lock()
			conns = append(conns, c)
			mu.Unlock()
		}
	}()
	t.Cleanup(func() {
		ln.Close()
		mu.Lock()
		for _, c := range conns {
			c.Close()
		}
		mu.Unlock()
	})
	return "127.0.0.1", ln.Addr().(*net.TCPAddr).Port
}

// closedPort returns a port on 127.0.0.1 where nothing listens.
func closedPort(t *testing.T) int {
	t.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	port := ln.Addr().(*net.TCPAddr).Port
	ln.Close()
	return port
}

// rcptList writes recipients for comparing.
func rcptList(r []string) string { return strings.Join(r, ",") }
