package email

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"net/mail"
	"path/filepath"
	"strings"
	"time"

	"github.com/pcs-tools/pcs/scoring"
)

// Job is one scored workbook whose scorecard is to be e-mailed.
type Job struct {
	// Source names the workbook as users know it ("contoso.xlsx"); it starts
	// error messages and is recorded.
	Source string
	Result *scoring.Result
	// PDF is the scorecard as written to disk.
	PDF []byte
	// OutDir is the folder of this workbook's outputs: a dry run writes its
	// .eml there.
	OutDir string
	// RecordDir is the folder of the send record (emails.jsonl); "" is
	// OutDir. A batch keeps one record for all its sub-folders.
	RecordDir string
	// Stem names a dry run's file, Stem + ".eml"; "" takes Source's base
	// name without its extension.
	Stem string
	// To replaces the workbook's Recipients when not empty (--to); Cc and
	// Bcc are added to either (--cc, --bcc).
	To, Cc, Bcc []string
}

// stem returns the file name stem of the job's outputs.
func (j Job) stem() string {
	if j.Stem != "" {
		return j.Stem
	}
	base := filepath.Base(j.Source)
	return strings.TrimSuffix(base, filepath.Ext(base))
}

// Message is a composed e-mail, ready to send or to write as a .eml file.
type Message struct {
	Source    string
	Partner   string
	PartnerID string
	AsOf      string // "2024-05"
	From      *mail.Address
	To        []*mail.Address
	Cc        []*mail.Address
	Bcc       []*mail.Address
	Subject   string
	MessageID string // "<...@contoso.com>"
	Date      time.Time
	// Attachment is the PDF's file name in the message, PDFSHA256 its hash.
	Attachment string
	PDFSHA256  string
	// OutDir and Stem are the job's; a dry run writes OutDir/Stem.eml.
	OutDir string
	Stem   string

	header []byte // every header but Bcc
	bcc    []byte // the Bcc header line, for drafts only
	body   []byte
}

// Bytes returns the message as it is sent: CRLF lines, no Bcc header.
func (m *Message) Bytes() []byte {
	out := make([]byte, 0, len(m.header)+len(m.body))
	return append(append(out, m.header...), m.body...)
}

// Draft returns the message as a .eml file: like Bytes, with a Bcc header
// when there are blind copies, so the check before sending shows them.
func (m *Message) Draft() []byte {
	out := make([]byte, 0, len(m.header)+len(m.bcc)+len(m.body))
	return append(append(append(out, m.header...), m.bcc...), m.body...)
}

// Recipients returns every envelope recipient: To, Cc and Bcc.
func (m *Message) Recipients() []string {
	var out []string
	for _, l := range [][]*mail.Address{m.To, m.Cc, m.Bcc} {
		out = append(out, addrSpecs(l)...)
	}
	return out
}

// Compose builds the message of a job: the subject and both bodies from the
// templates, the scorecard attached under AttachmentName, dated now. The
// Message-ID and MIME boundaries derive from the content and now, so the
// same inputs give the same bytes.
func Compose(j Job, t *Templates, from string, now time.Time) (*Message, error) {
	if j.Result == nil {
		return nil, errors.New("nothing to send: the workbook was not scored")
	}
	if len(j.PDF) == 0 {
		return nil, errors.New("nothing to send: no PDF scorecard was made")
	}
	if t == nil {
		return nil, errors.New("no e-mail templates")
	}
	sender, err := parseAddress(from)
	if err != nil {
		return nil, fmt.Errorf("--smtp-from: %w", err)
	}
	to, cc, bcc, err := recipients(j)
	if err != nil {
		return nil, err
	}
	r := j.Result
	sum := sha256.Sum256(j.PDF)
	m := &Message{
		Source: j.Source, Partner: cleanText(r.Partner.Name), PartnerID: cleanText(r.Partner.ID), AsOf: r.AsOf.String(),
		From: sender, To: to, Cc: cc, Bcc: bcc, Date: now,
		Attachment: AttachmentName(r.Partner.Name, r.Partner.ID, r.AsOf),
		PDFSHA256:  hex.EncodeToString(sum[:]),
		OutDir:     j.OutDir, Stem: j.stem(),
	}
	text, err := t.render(newData(r, j.Source, m.Attachment))
	if err != nil {
		return nil, fmt.Errorf("e-mail templates: %w", err)
	}
	m.Subject = truncate(text.subject, 250)
	m.build(text, j.PDF)
	return m, nil
}

// recipients works out To, Cc and Bcc, each address once.
func recipients(j Job) (to, cc, bcc []*mail.Address, err error) {
	var problems []string
	toValues, where := j.To, "--to"
	if len(SplitAddresses(toValues)) == 0 {
		toValues = j.Result.Partner.Recipients
		sheet := j.Result.Partner.Sheet
		if sheet == "" {
			sheet = "Partner"
		}
		where = sheet + " sheet, Recipients"
	}
	to, bad := parseAddresses(toValues)
	for _, b := range bad {
		problems = append(problems, where+": "+b)
	}
	cc, bad = parseAddresses(j.Cc)
	for _, b := range bad {
		problems = append(problems, "--cc: "+b)
	}
	bcc, bad = parseAddresses(j.Bcc)
	for _, b := range bad {
		problems = append(problems, "--bcc: "+b)
	}
	if len(problems) > 0 {
		return nil, nil, nil, errors.New(strings.Join(problems, "; "))
	}
	if len(to) == 0 {
		sheet := j.Result.Partner.Sheet
		if sheet == "" {
			sheet = "Partner"
		}
		return nil, nil, nil, fmt.Errorf("%w: the %s sheet has no Recipients field; add the leadership's e-mail addresses there, or give --to", ErrNoRecipients, sheet)
	}
	seen := map[string]bool{}
	return dedupe(to, seen), dedupe(cc, seen), dedupe(bcc, seen), nil
}

// build writes the header and the MIME body.
func (m *Message) build(text rendered, pdf []byte) {
	h := sha256.New()
	fmt.Fprintf(h, "%s\x00%s\x00%s\x00%d\x00%s", m.PDFSHA256, m.From.Address, strings.Join(m.Recipients(), ","), m.Date.UnixNano(), m.Subject)
	id := hex.EncodeToString(h.Sum(nil))
	domain := "pcs.invalid"
	if at := strings.LastIndexByte(m.From.Address, '@'); at >= 0 && validHost(m.From.Address[at+1:]) {
		domain = m.From.Address[at+1:]
	}
	m.MessageID = "<pcs." + id[:32] + "@" + domain + ">"

	body := m.mimeBody(text, pdf, id)

	var hb bytes.Buffer
	writeHeader(&hb, "Date", m.Date.Format(time.RFC1123Z))
	writeHeader(&hb, "From", formatAddress(m.From))
	writeHeader(&hb, "To", addressList(m.To))
	if len(m.Cc) > 0 {
		writeHeader(&hb, "Cc", addressList(m.Cc))
	}
	writeHeader(&hb, "Subject", encodeText(m.Subject))
	writeHeader(&hb, "Message-ID", m.MessageID)
	writeHeader(&hb, "MIME-Version", "1.0")
	writeHeader(&hb, "Content-Type", mediaType("multipart/mixed", map[string]string{"boundary": body.boundary}))
	m.header = hb.Bytes()
	if len(m.Bcc) > 0 {
		var bb bytes.Buffer
		writeHeader(&bb, "Bcc", addressList(m.Bcc))
		m.bcc = bb.Bytes()
	}
	m.body = body.bytes
}

type mimeBody struct {
	boundary string
	bytes    []byte
}

// mimeBody writes multipart/mixed: a multipart/alternative of the text and
// HTML bodies, then the PDF. The boundaries derive from seed and are checked
// against the bodies (base64 never contains "-"), so no part can hold them.
func (m *Message) mimeBody(text rendered, pdf []byte, seed string) mimeBody {
	mixed, alt := "pcs-mixed-"+seed[:24], "pcs-alt-"+seed[24:48]
	for n := 1; strings.Contains(text.text, mixed) || strings.Contains(text.html, mixed) ||
		strings.Contains(text.text, alt) || strings.Contains(text.html, alt); n++ {
		sum := sha256.Sum256([]byte(fmt.Sprintf("%s\x00%d", seed, n)))
		s := hex.EncodeToString(sum[:])
		mixed, alt = "pcs-mixed-"+s[:24], "pcs-alt-"+s[24:48]
	}
	var b bytes.Buffer
	b.WriteString("\r\n--" + mixed + "\r\n")
	writeHeader(&b, "Content-Type", mediaType("multipart/alternative", map[string]string{"boundary": alt}))
	for _, part := range []struct{ kind, content string }{{"text/plain", text.text}, {"text/html", text.html}} {
		b.WriteString("\r\n--" + alt + "\r\n")
		writeHeader(&b, "Content-Type", part.kind+"; charset=utf-8")
		writeHeader(&b, "Content-Transfer-Encoding", "quoted-printable")
		b.WriteString("\r\n")
		writeQP(&b, part.content)
	}
	b.WriteString("\r\n--" + alt + "--\r\n")
	b.WriteString("\r\n--" + mixed + "\r\n")
	writeHeader(&b, "Content-Type", mediaType("application/pdf", map[string]string{"name": m.Attachment}))
	writeHeader(&b, "Content-Disposition", mediaType("attachment", map[string]string{"filename": m.Attachment}))
	writeHeader(&b, "Content-Transfer-Encoding", "base64")
	b.WriteString("\r\n")
	writeBase64(&b, pdf)
	b.WriteString("\r\n--" + mixed + "--\r\n")
	return mimeBody{boundary: mixed, bytes: b.Bytes()}
}

// truncate shortens s to at most n characters, marking the cut.
func truncate(s string, n int) string {
	r := []rune(s)
	if len(r) <= n {
		return s
	}
	return string(r[:n-1]) + "…"
}
