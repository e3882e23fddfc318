package email

import (
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// pythonCheck parses a message with Python's email package (a second,
// independent MIME parser, strict policy) and reports what it found.
const pythonCheck = `
import email, email.policy, hashlib, json, sys
msg = email.message_from_binary_file(open(sys.argv[1], "rb"), policy=email.policy.default)
defects = [type(d).__name__ for part in msg.walk() for d in part.defects] + [type(d).__name__ for d in msg.defects]
out = {"defects": defects, "subject": str(msg["subject"]), "to": str(msg["to"]), "bcc": str(msg["bcc"] or "")}
body = msg.get_body(preferencelist=("plain",))
out["text"] = body.get_content() if body else ""
html = msg.get_body(preferencelist=("html",))
out["html"] = html.get_content() if html else ""
for att in msg.iter_attachments():
    out["filename"] = att.get_filename()
    out["sha256"] = hashlib.sha256(att.get_content()).hexdigest()
print(json.dumps(out))
`

// TestPythonReadsTheMessage checks a dry-run file with Python's parser.
// python3 is on every CI machine; without it the test fails under CI and
// is skipped elsewhere.
func TestPythonReadsTheMessage(t *testing.T) {
	py, err := exec.LookPath("python3")
	if err != nil {
		if os.Getenv("CI") != "" {
			t.Fatal("python3 is needed to cross-check the messages")
		}
		t.Skip("python3 not installed")
	}
	j := sampleJob(t, "Müller & Ørsted <b>Ltd</b>", `"Doe, Jane" <ceo@contoso.example>`)
	j.Bcc = []string{"archive@pcs.example"}
	m, err := Compose(j, defaultTemplates(t), "Partner Team <scorecards@pcs.example>", testNow)
	if err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(t.TempDir(), "contoso.eml")
	if err := os.WriteFile(path, m.Draft(), 0o644); err != nil {
		t.Fatal(err)
	}
	out, err := exec.Command(py, "-c", pythonCheck, path).Output()
	if err != nil {
		t.Fatalf("python: %v", err)
	}
	var got struct {
		Defects                      []string
		Subject, To, Bcc, Text, HTML string
		Filename, SHA256             string
	}
	if err := json.Unmarshal(out, &got); err != nil {
		t.Fatalf("%v: %s", err, out)
	}
	sum := sha256.Sum256(j.PDF)
	switch {
	case len(got.Defects) > 0:
		t.Errorf("Python finds defects: %v", got.Defects)
	case got.Subject != "Partner capability score: Müller & Ørsted <b>Ltd</b>, May 2024":
		t.Errorf("subject %q", got.Subject)
	case got.To != `"Doe, Jane" <ceo@contoso.example>` || got.Bcc != "archive@pcs.example":
		t.Errorf("To %q Bcc %q", got.To, got.Bcc)
	case got.Filename != "muller-and-orsted-b-ltd-b-2024-05-scorecard.pdf" || got.SHA256 != hex.EncodeToString(sum[:]):
		t.Errorf("attachment %q %s", got.Filename, got.SHA256)
	case !strings.Contains(got.Text, "Müller & Ørsted <b>Ltd</b> (Partner ID 4412345)") || !strings.Contains(got.HTML, "Müller &amp; Ørsted &lt;b&gt;Ltd&lt;/b&gt;"):
		t.Errorf("bodies:\n%s\n%s", got.Text, got.HTML)
	}
}
