package email

import (
	"bytes"
	"context"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"
)

func newMailer(t *testing.T, opt Options) *Mailer {
	t.Helper()
	if opt.Clock == nil {
		opt.Clock = testClock
	}
	m, err := New(opt)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { m.Close() })
	return m
}

func TestMailerSendsOnceUnlessResend(t *testing.T) {
	srv := (&testServer{t: t}).start()
	out := t.TempDir()
	job := sampleJob(t, "Contoso Ltd", "ceo@contoso.example", "cfo@contoso.example")
	job.OutDir = out
	var log bytes.Buffer

	// First run: sent and recorded.
	m := newMailer(t, Options{Config: srv.config(), Log: &log})
	r, err := m.Deliver(context.Background(), job)
	if err != nil || r.AlreadySent || r.DryRun() {
		t.Fatalf("first send: %+v, %v", r, err)
	}
	// Second run (a new Mailer reads the record from disk): skipped.
	m2 := newMailer(t, Options{Config: srv.config(), Log: &log})
	again := job
	again.To = []string{"CFO@contoso.example; ceo@contoso.example"} // same people, other order and case
	r2, err := m2.Deliver(context.Background(), again)
	if err != nil || !r2.AlreadySent || r2.MessageID != r.MessageID {
		t.Fatalf("rerun: %+v, %v", r2, err)
	}
	if n := len(srv.messages()); n != 1 {
		t.Fatalf("the server received %d messages after a rerun, want 1", n)
	}
	// Other recipients, or another PDF, are another send.
	other := job
	other.Cc = []string{"board@contoso.example"}
	newPDF := job
	newPDF.PDF = append([]byte("changed "), job.PDF...)
	for _, j := range []Job{other, newPDF} {
		if r, err := m2.Deliver(context.Background(), j); err != nil || r.AlreadySent {
			t.Fatalf("changed job: %+v, %v", r, err)
		}
	}
	// --resend sends it again.
	m3 := newMailer(t, Options{Config: srv.config(), Log: &log, Resend: true})
	if r, err := m3.Deliver(context.Background(), job); err != nil || r.AlreadySent {
		t.Fatalf("resend: %+v, %v", r, err)
	}
	if n := len(srv.messages()); n != 4 {
		t.Errorf("the server received %d messages, want 4", n)
	}

	l, err := OpenLog(out)
	if err != nil {
		t.Fatal(err)
	}
	recs := l.Records()
	if len(recs) != 4 {
		t.Fatalf("%d records, want 4", len(recs))
	}
	first := recs[0]
	if first.Source != "contoso.xlsx" || first.Partner != "Contoso Ltd" || first.AsOf != "2024-05" ||
		strings.Join(first.To, ",") != "ceo@contoso.example,cfo@contoso.example" || first.MessageID != r.MessageID ||
		first.Server != srv.config().Address() || !first.Time.Equal(testNow) || first.PDFSHA256 != r.PDFSHA256 {
		t.Errorf("first record %+v", first)
	}
	for _, want := range []string{
		"contoso.xlsx: scorecard e-mailed to ceo@contoso.example, cfo@contoso.example\n",
		"contoso.xlsx: scorecard already e-mailed 2024-06-03 09:12 UTC to ceo@contoso.example, cfo@contoso.example; not sent again (--resend sends it again)\n",
	} {
		if !strings.Contains(log.String(), want) {
			t.Errorf("log lacks %q:\n%s", want, log.String())
		}
	}
}

// TestMailerBatch sends several workbooks over one connection; a workbook
// that cannot be sent is reported while the others go out.
func TestMailerBatch(t *testing.T) {
	srv := (&testServer{t: t, user: "bot", pass: testPassword}).start()
	out := t.TempDir()
	m := newMailer(t, Options{Config: srv.config()})
	var jobs []Job
	for i, name := range []string{"Contoso Ltd", "No Recipients Inc", "Fabrikam Inc", "Bad Address Ltd"} {
		j := sampleJob(t, name, "ceo@x"+string(rune('a'+i))+".example")
		j.Source, j.OutDir = slug(name, 20)+".xlsx", out
		jobs = append(jobs, j)
	}
	jobs[1].Result.Partner.Recipients = nil
	jobs[3].Result.Partner.Recipients = []string{"not-an-address"}
	var wg sync.WaitGroup
	errs := make([]error, len(jobs))
	for i := range jobs {
		wg.Add(1)
		go func() { defer wg.Done(); _, errs[i] = m.Deliver(context.Background(), jobs[i]) }()
	}
	wg.Wait()
	if errs[0] != nil || errs[2] != nil {
		t.Fatalf("good workbooks failed: %v, %v", errs[0], errs[2])
	}
	var e *Error
	if !errors.As(errs[1], &e) || !errors.Is(errs[1], ErrNoRecipients) ||
		errs[1].Error() != "no-recipients-inc.xlsx: scorecard not e-mailed: no recipients: the Partner sheet has no Recipients field; add the leadership's e-mail addresses there, or give --to" {
		t.Errorf("no recipients: %v", errs[1])
	}
	if errs[3] == nil || errs[3].Error() != `bad-address-ltd.xlsx: scorecard not e-mailed: Partner sheet, Recipients: "not-an-address" is not an e-mail address` {
		t.Errorf("bad address: %v", errs[3])
	}
	if sessions, authOK, _ := srv.count(); sessions != 1 || authOK != 1 || len(srv.messages()) != 2 {
		t.Errorf("%d connections, %d sign-ins, %d messages; want 1, 1, 2", sessions, authOK, len(srv.messages()))
	}
}

func TestMailerDryRun(t *testing.T) {
	out := t.TempDir()
	var log bytes.Buffer
	m := newMailer(t, Options{Config: Config{From: "Partner Team <scorecards@pcs.example>"}, DryRun: true, Log: &log})
	job := sampleJob(t, "Contoso Ltd", "ceo@contoso.example")
	job.OutDir, job.Bcc = filepath.Join(out, "sub"), []string{"archive@pcs.example"}
	r, err := m.Deliver(context.Background(), job)
	if err != nil {
		t.Fatal(err)
	}
	want := filepath.Join(out, "sub", "contoso.eml")
	if r.File != want || !r.DryRun() || r.Summary() != "dry run, not sent: contoso.eml for ceo@contoso.example (bcc archive@pcs.example)" {
		t.Errorf("receipt %+v (%s)", r, r.Summary())
	}
	raw, err := os.ReadFile(want)
	if err != nil {
		t.Fatal(err)
	}
	checkLines(t, raw)
	p := parseMessage(t, raw)
	if !bytes.Equal(p.attachment, job.PDF) || p.header.Get("Bcc") != "<archive@pcs.example>" ||
		p.subject != "Partner capability score: Contoso Ltd, May 2024" {
		t.Errorf("dry-run message: subject %q, Bcc %q", p.subject, p.header.Get("Bcc"))
	}
	if _, err := os.Stat(filepath.Join(out, "sub", LogName)); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("a dry run wrote the send record: %v", err)
	}
	entries, _ := os.ReadDir(filepath.Join(out, "sub"))
	if len(entries) != 1 {
		t.Errorf("the output folder holds %d files, want only the .eml", len(entries))
	}
	if !strings.Contains(log.String(), "contoso.xlsx: dry run: wrote "+want+" for ceo@contoso.example (bcc archive@pcs.example); nothing sent") {
		t.Errorf("log: %s", log.String())
	}
	// Same input, same bytes.
	if _, err := m.Deliver(context.Background(), job); err != nil {
		t.Fatal(err)
	}
	again, _ := os.ReadFile(want)
	if !bytes.Equal(raw, again) {
		t.Error("a second dry run wrote different bytes")
	}
}

func TestMailerOptions(t *testing.T) {
	dir := t.TempDir()
	for _, tc := range []struct {
		opt  Options
		want string
	}{
		{Options{DryRun: true}, "no sender: give --smtp-from"},
		{Options{Config: Config{From: "a@b.example"}}, "no mail server: give --smtp-host"},
		{Options{Config: Config{From: "a@b.example", Host: "smtp.example.com", TLS: "ssl"}}, `--smtp-tls "ssl" is not one of starttls, tls, none`},
		{Options{Config: Config{From: "a@b.example", Host: "smtp.example.com:587"}}, "is not a host name (give the port with --smtp-port)"},
		{Options{Config: Config{From: "a@b.example", Host: "smtp.example.com", Username: "bot"}}, "no password: set PCS_SMTP_PASSWORD"},
	} {
		if _, err := New(tc.opt); err == nil || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("New(%+v): %v, want %q", tc.opt, err, tc.want)
		}
	}
	if _, err := New(Options{DryRun: true, Config: Config{From: "a@b.example"}}); err != nil {
		t.Errorf("a dry run needs only --smtp-from: %v", err)
	}
	// A record that is not one stops the run before anything is sent.
	os.WriteFile(filepath.Join(dir, LogName), []byte("{\"time\":\"x\"}\n{}\n"), 0o644)
	m := newMailer(t, Options{DryRun: true, Config: Config{From: "a@b.example"}})
	job := sampleJob(t, "Contoso Ltd", "ceo@contoso.example")
	job.OutDir = dir
	if _, err := m.Deliver(context.Background(), job); err == nil || !strings.Contains(err.Error(), "emails.jsonl: line 1 is not a send record") {
		t.Errorf("bad record: %v", err)
	}
}

func TestReceiptSummary(t *testing.T) {
	r := Receipt{Time: time.Date(2024, 6, 3, 11, 12, 0, 0, time.FixedZone("CEST", 7200)), To: []string{"a@x.example"}, Cc: []string{"b@x.example"}}
	if got := r.Summary(); got != "sent 2024-06-03 09:12 UTC to a@x.example (cc b@x.example)" {
		t.Errorf("sent: %q", got)
	}
	r.AlreadySent = true
	if got := r.Summary(); got != "already sent 2024-06-03 09:12 UTC to a@x.example (cc b@x.example); not sent again" {
		t.Errorf("already sent: %q", got)
	}
}

// blockingRecordSender "sends" a message and then makes the send record
// unwritable, as a full disk would.
type blockingRecordSender struct{ dir string }

func (b blockingRecordSender) Send(_ context.Context, m *Message) (Receipt, error) {
	if err := os.Mkdir(filepath.Join(b.dir, LogName), 0o755); err != nil {
		return Receipt{}, err
	}
	r := m.receipt(testNow)
	r.Server = "test"
	return r, nil
}

func (blockingRecordSender) Close() error { return nil }

func TestMailerRecordFails(t *testing.T) {
	dir := t.TempDir()
	m := newMailer(t, Options{Config: Config{From: "a@pcs.example"}, Sender: blockingRecordSender{dir}})
	job := sampleJob(t, "Contoso Ltd", "ceo@contoso.example")
	job.OutDir = dir
	r, err := m.Deliver(context.Background(), job)
	var e *Error
	if !errors.As(err, &e) || !e.Sent || r.MessageID == "" ||
		!strings.HasPrefix(err.Error(), "contoso.xlsx: scorecard e-mailed, but cannot record the send in "+filepath.Join(dir, LogName)) ||
		!strings.HasSuffix(err.Error(), "; a rerun would send it again") {
		t.Errorf("receipt %+v, error %v", r, err)
	}
}
