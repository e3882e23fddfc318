package main

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"mime"
	"mime/multipart"
	"net"
	"net/mail"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"testing"

	"github.com/emersion/go-smtp"
	"github.com/xuri/excelize/v2"
)

// inbox is an SMTP server on 127.0.0.1 that keeps every message it accepts.
type inbox struct {
	mu   sync.Mutex
	msgs [][]byte
	rcpt [][]string
}

func (b *inbox) NewSession(*smtp.Conn) (smtp.Session, error) { return &session{b: b}, nil }

type session struct {
	b  *inbox
	to []string
}

func (s *session) Mail(string, *smtp.MailOptions) error { return nil }
func (s *session) Rcpt(to string, _ *smtp.RcptOptions) error {
	s.to = append(s.to, to)
	return nil
}
func (s *session) Data(r io.Reader) error {
	data, err := io.ReadAll(r)
	if err != nil {
		return err
	}
	s.b.mu.Lock()
	s.b.msgs = append(s.b.msgs, data)
	s.b.rcpt = append(s.b.rcpt, s.to)
	s.b.mu.Unlock()
	return nil
}
func (s *session) Reset()        { s.to = nil }
func (s *session) Logout() error { return nil }

func startInbox(t *testing.T) (*inbox, int) {
	t.Helper()
	b := &inbox{}
	srv := smtp.NewServer(b)
	srv.Domain = "localhost"
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	go srv.Serve(ln)
	t.Cleanup(func() { srv.Close() })
	return b, ln.Addr().(*net.TCPAddr).Port
}

// TestBatchEmail sends a batch of the samples to a local mail server: every
// scored workbook's scorecard arrives, readable, with the PDF attached; the
// send record lists them; a rerun sends nothing new.
func TestBatchEmail(t *testing.T) {
	box, port := startInbox(t)
	in := t.TempDir()
	// Two workbooks in a sub-folder: the batch keeps one send record for all.
	os.Mkdir(filepath.Join(in, "Q3"), 0o755)
	for _, s := range []string{"contoso-cloud-smb.xlsx", "Q3/fabrikam-enterprise.xlsx", "Q3/adatum-wide-layout.xlsx", "northwind-data-errors.xlsx"} {
		data, _ := os.ReadFile(sample(filepath.Base(s)))
		os.WriteFile(filepath.Join(in, s), data, 0o644)
	}
	out := t.TempDir()
	args := []string{"batch", "--email", "--smtp-host", "127.0.0.1", "--smtp-port", strconv.Itoa(port), "--smtp-tls", "none",
		"--smtp-from", "Scorecards <scorecards@partner.example>", "--no-workbook", "--recursive", "--out", out, in}
	_, stderr, code := pcs(t, args...)
	if code != 1 { // northwind has errors and is neither scored nor e-mailed
		t.Fatalf("exit %d, want 1\n%s", code, stderr)
	}
	if len(box.msgs) != 3 {
		t.Fatalf("%d messages arrived, want 3\n%s", len(box.msgs), stderr)
	}
	subjects := map[string]bool{}
	for i, raw := range box.msgs {
		m, err := mail.ReadMessage(bytes.NewReader(raw))
		if err != nil {
			t.Fatalf("message %d: %v", i, err)
		}
		subj, _ := new(mime.WordDecoder).DecodeHeader(m.Header.Get("Subject"))
		subjects[subj] = true
		_, params, _ := mime.ParseMediaType(m.Header.Get("Content-Type"))
		mr := multipart.NewReader(m.Body, params["boundary"])
		found := false
		for {
			p, err := mr.NextPart()
			if err != nil {
				break
			}
			if strings.HasSuffix(p.FileName(), ".pdf") {
				data, _ := io.ReadAll(p)
				if p.Header.Get("Content-Transfer-Encoding") == "base64" || bytes.HasPrefix(data, []byte("%PDF")) {
					found = true
				}
			}
		}
		if !found {
			t.Errorf("message %q has no PDF attachment", subj)
		}
	}
	for _, want := range []string{"Partner capability score: Contoso Cloud Services Ltd, May 2024", "Partner capability score: Fabrikam Digital Services Inc., May 2024"} {
		if !subjects[want] {
			t.Errorf("no message %q in %v", want, subjects)
		}
	}
	log, err := os.ReadFile(filepath.Join(out, "emails.jsonl"))
	if err != nil || strings.Count(string(log), "\n") != 3 || !strings.Contains(string(log), "ceo@contoso-cloud.example") ||
		!strings.Contains(string(log), `"Q3/fabrikam-enterprise.xlsx"`) {
		t.Errorf("send record: %v\n%s", err, log)
	}
	if _, err := os.Stat(filepath.Join(out, "Q3", "emails.jsonl")); err == nil {
		t.Error("the sub-folder has a send record of its own")
	}
	// A rerun sends nothing new.
	_, stderr, _ = pcs(t, args...)
	if len(box.msgs) != 3 {
		t.Errorf("the rerun sent %d more messages", len(box.msgs)-3)
	}
	if !strings.Contains(stderr, "already e-mailed") {
		t.Errorf("the rerun does not say the scorecards were already sent:\n%s", stderr)
	}
	// --resend sends them again.
	pcs(t, append([]string{"batch", "--resend"}, args[1:]...)...)
	if len(box.msgs) != 6 {
		t.Errorf("--resend: %d messages in all, want 6", len(box.msgs))
	}
}

func TestEmailFlagsNeedEmail(t *testing.T) {
	for _, args := range [][]string{{"score", "--dry-run", "x.xlsx"}, {"score", "--to", "a@b.example", "x.xlsx"},
		{"score", "--email", "--no-pdf", "--smtp-from", "a@b.example", "x.xlsx"}, {"score", "--email", "--smtp-tls", "ssl", "x.xlsx"}} {
		if _, stderr, code := pcs(t, args...); code != 2 {
			t.Errorf("%v: exit %d %s", args, code, stderr)
		}
	}
}

// TestEmailFailureIsReported: a workbook whose scorecard cannot be e-mailed
// (no recipients) says so on stderr, in its JSON result and in the
// portfolio summary, and the batch exits 1; the others are still sent.
func TestEmailFailureIsReported(t *testing.T) {
	in := t.TempDir()
	data, _ := os.ReadFile(sample("fabrikam-enterprise.xlsx"))
	os.WriteFile(filepath.Join(in, "fabrikam.xlsx"), data, 0o644)
	f, err := excelize.OpenFile(sample("contoso-cloud-smb.xlsx"))
	if err != nil {
		t.Fatal(err)
	}
	rows, _ := f.GetRows("Partner")
	for i, r := range rows {
		if len(r) > 1 && r[0] == "Recipients" {
			f.SetCellValue("Partner", fmt.Sprintf("B%d", i+1), "")
		}
	}
	if err := f.SaveAs(filepath.Join(in, "nobody.xlsx")); err != nil {
		t.Fatal(err)
	}
	f.Close()
	out := t.TempDir()
	stdout, stderr, code := pcs(t, "batch", "--email", "--dry-run", "--smtp-from", "scorecards@partner.example", "--no-workbook",
		"--json", "--quiet", "--out", out, in)
	if code != 1 {
		t.Fatalf("exit %d, want 1\n%s", code, stderr)
	}
	if !strings.Contains(stderr, "nobody.xlsx: scorecard not e-mailed: no recipients") {
		t.Errorf("stderr does not report the workbook without recipients:\n%s", stderr)
	}
	type result struct {
		Source string `json:"source"`
		Email  struct {
			Sent  *bool  `json:"sent"`
			Error string `json:"error"`
			File  string `json:"file"`
		} `json:"email"`
	}
	var results []result
	for _, l := range strings.Split(strings.TrimSpace(stdout), "\n") {
		var r result
		if err := json.Unmarshal([]byte(l), &r); err != nil {
			t.Fatalf("not JSON: %v\n%s", err, l)
		}
		results = append(results, r)
	}
	if len(results) != 2 || results[0].Source != "fabrikam.xlsx" || results[0].Email.File == "" ||
		results[0].Email.Sent == nil || *results[0].Email.Sent || // a dry run sends nothing

		results[1].Source != "nobody.xlsx" || results[1].Email.Sent == nil || *results[1].Email.Sent ||
		!strings.HasPrefix(results[1].Email.Error, "not e-mailed: no recipients") {
		t.Errorf("JSON results: %+v", results)
	}
	pf, err := excelize.OpenFile(filepath.Join(out, "portfolio.xlsx"))
	if err != nil {
		t.Fatal(err)
	}
	defer pf.Close()
	found := false
	for _, sh := range pf.GetSheetList() {
		rows, _ := pf.GetRows(sh)
		for _, r := range rows {
			line := strings.Join(r, "|")
			if strings.Contains(line, "nobody.xlsx") && strings.Contains(line, "not e-mailed: no recipients") {
				found = true
			}
		}
	}
	if !found {
		t.Error("the portfolio summary does not say that nobody.xlsx was not e-mailed")
	}
}
