package email

import (
	"bytes"
	"encoding/base64"
	"flag"
	"io"
	"mime"
	"mime/multipart"
	"net/mail"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/pcs-tools/pcs/scoring"
)

var update = flag.Bool("update", false, "rewrite golden files")

// testNow is the clock of every test.
var testNow = time.Date(2024, 6, 3, 9, 12, 0, 0, time.UTC)

func testClock() time.Time { return testNow }

// sampleResult is a scored partner with one designation attained and one not.
func sampleResult(name string, recipients ...string) *scoring.Result {
	v := func(n int) *scoring.Tenths { t := scoring.Whole(n); return &t }
	return &scoring.Result{
		Partner:    scoring.Partner{Name: name, ID: "4412345", Recipients: recipients, Sheet: "Partner"},
		Edition:    "fy24",
		RulesTitle: "Solutions Partner program overview, June 2024",
		AsOf:       scoring.MonthOf(2024, time.May),
		Path:       scoring.PathSMB,
		PathReason: "Eligible ACR in the trailing 12 months is USD 59,236.25 (under 1,000,000) and 85.7% of customers are SMB/SMC (80% or more)",
		Designations: []scoring.DesignationResult{
			{ID: "data-ai-azure", Name: "Solutions Partner for Data & AI (Azure)", ShortName: "Data & AI", Path: scoring.PathSMB,
				Points: 74, Max: 100, Required: 70, Attained: true,
				Metrics: []scoring.MetricResult{
					{ID: "net-customer-adds", Value: v(3), Points: 30, Max: 30, NextStep: "Maximum reached."},
					{ID: "intermediate-certifications", Value: v(4), Points: 16, Max: 40, NextStep: "1 more person with an intermediate scoring certification earns 4 points."},
					{ID: "usage-growth", Value: v(20), Points: 20, Max: 20, NextStep: "Maximum reached."},
					{ID: "deployments", Value: v(4), Points: 8, Max: 10, NextStep: "1 more deployment earns 2 points."},
				}},
			{ID: "infrastructure-azure", Name: "Solutions Partner for Infrastructure (Azure)", ShortName: "Infrastructure", Path: scoring.PathSMB,
				Points: 62, Max: 100, Required: 70,
				Metrics: []scoring.MetricResult{
					{ID: "net-customer-adds", Value: v(2), Points: 20, Max: 30, NextStep: "1 more net customer add earns 10 points: a customer with no ACR in Apr and May 2023 that consumes at least USD 500 in Apr and May 2024."},
					{ID: "intermediate-certifications", Value: v(2), Points: 8, Max: 20, NextStep: "1 more person with an intermediate scoring certification earns 4 points."},
					{ID: "advanced-certifications", Value: v(2), Points: 8, Max: 20, NextStep: "1 more person with an advanced scoring certification earns 4 points."},
					{ID: "usage-growth", Value: v(20), Points: 20, Max: 20, NextStep: "Maximum reached."},
					{ID: "deployments", Value: v(3), Points: 6, Max: 10, NextStep: "1 more deployment earns 2 points."},
				},
				Route: &scoring.Route{Reachable: true, Changes: 1, Points: 72, Steps: []scoring.RouteStep{
					{Metric: "net-customer-adds", Changes: 1, Gain: 10, Text: "Net customer adds: 1 more net customer add (+10 points)"}}}},
		},
	}
}

// samplePDF is a stand-in scorecard holding every byte value, so a
// byte-identical attachment proves the encoding is lossless.
func samplePDF() []byte {
	var b bytes.Buffer
	b.WriteString("%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
	for i := 0; i < 3000; i++ {
		b.WriteByte(byte(i * 7))
	}
	b.WriteString("\n%%EOF\n")
	return b.Bytes()
}

func sampleJob(t testing.TB, name string, recipients ...string) Job {
	return Job{Source: "contoso.xlsx", Result: sampleResult(name, recipients...), PDF: samplePDF(), OutDir: t.TempDir(), Stem: "contoso"}
}

func defaultTemplates(t testing.TB) *Templates {
	t.Helper()
	tm, err := LoadTemplates("")
	if err != nil {
		t.Fatal(err)
	}
	return tm
}

// parsed is a message as a mail client sees it.
type parsed struct {
	header     mail.Header
	subject    string
	text, html string
	attachName string
	attachType string
	attachment []byte
}

// parseMessage reads a message with net/mail and mime/multipart only.
func parseMessage(t testing.TB, raw []byte) parsed {
	t.Helper()
	msg, err := mail.ReadMessage(bytes.NewReader(raw))
	if err != nil {
		t.Fatalf("net/mail cannot read the message: %v", err)
	}
	var p parsed
	p.header = msg.Header
	dec := new(mime.WordDecoder)
	if p.subject, err = dec.DecodeHeader(msg.Header.Get("Subject")); err != nil {
		t.Fatalf("subject: %v", err)
	}
	mt, params, err := mime.ParseMediaType(msg.Header.Get("Content-Type"))
	if err != nil || mt != "multipart/mixed" {
		t.Fatalf("Content-Type %q: %v", msg.Header.Get("Content-Type"), err)
	}
	mr := multipart.NewReader(msg.Body, params["boundary"])
	for {
		part, err := mr.NextPart()
		if err == io.EOF {
			break
		}
		if err != nil {
			t.Fatalf("multipart: %v", err)
		}
		pt, pparams, err := mime.ParseMediaType(part.Header.Get("Content-Type"))
		if err != nil {
			t.Fatalf("part Content-Type: %v", err)
		}
		switch {
		case pt == "multipart/alternative":
			ar := multipart.NewReader(part, pparams["boundary"])
			for {
				ap, err := ar.NextPart()
				if err == io.EOF {
					break
				}
				if err != nil {
					t.Fatalf("alternative: %v", err)
				}
				body, err := io.ReadAll(ap) // quoted-printable is decoded by the reader
				if err != nil {
					t.Fatalf("alternative part: %v", err)
				}
				at, aparams, _ := mime.ParseMediaType(ap.Header.Get("Content-Type"))
				if aparams["charset"] != "utf-8" {
					t.Errorf("%s charset %q, want utf-8", at, aparams["charset"])
				}
				switch at {
				case "text/plain":
					p.text = string(body)
				case "text/html":
					p.html = string(body)
				default:
					t.Errorf("unexpected alternative %s", at)
				}
			}
		default:
			p.attachName = part.FileName()
			p.attachType = pt
			if enc := part.Header.Get("Content-Transfer-Encoding"); enc != "base64" {
				t.Fatalf("attachment encoding %q", enc)
			}
			b64, err := io.ReadAll(part)
			if err != nil {
				t.Fatal(err)
			}
			p.attachment, err = base64.StdEncoding.DecodeString(strings.NewReplacer("\r", "", "\n", "").Replace(string(b64)))
			if err != nil {
				t.Fatalf("attachment base64: %v", err)
			}
		}
	}
	return p
}

// checkLines fails when a line of the message is longer than 998
// characters or ends without CRLF.
func checkLines(t testing.TB, raw []byte) {
	t.Helper()
	if !bytes.HasSuffix(raw, []byte("\r\n")) {
		t.Errorf("message does not end with CRLF")
	}
	for i, line := range bytes.Split(raw, []byte("\r\n")) {
		if len(line) > 998 {
			t.Errorf("line %d is %d characters long", i+1, len(line))
		}
		if bytes.ContainsAny(line, "\r\n") {
			t.Errorf("line %d has a bare CR or LF: %q", i+1, line)
		}
	}
}

// golden compares got with testdata/name, rewriting it with -update.
func golden(t *testing.T, name string, got []byte) {
	t.Helper()
	path := filepath.Join("testdata", name)
	if *update {
		if err := os.WriteFile(path, got, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test -update to create it)", err)
	}
	if !bytes.Equal(got, want) {
		t.Errorf("%s differs from the golden file (run go test -update after checking the change):\n%s", name, firstDiff(got, want))
	}
}

func firstDiff(a, b []byte) string {
	al, bl := strings.Split(string(a), "\n"), strings.Split(string(b), "\n")
	for i := 0; i < len(al) || i < len(bl); i++ {
		var x, y string
		if i < len(al) {
			x = al[i]
		}
		if i < len(bl) {
			y = bl[i]
		}
		if x != y {
			return "line " + strconv.Itoa(i+1) + ":\n got:  " + x + "\n want: " + y
		}
	}
	return ""
}
