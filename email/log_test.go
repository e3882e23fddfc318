package email

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

const goodRecord = `{"time":"2024-06-03T09:12:00Z","source":"contoso.xlsx","partner":"Contoso Ltd","as_of":"2024-05","to":["ceo@contoso.example"],"subject":"s","message_id":"<m@x>","attachment":"a.pdf","pdf_sha256":"` +
	"0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef" + `"}`

func TestParseLog(t *testing.T) {
	tests := []struct {
		name    string
		data    string
		records int
		dropped bool
		wantErr string
	}{
		{"empty", "", 0, false, ""},
		{"two", goodRecord + "\n\n" + goodRecord + "\n", 2, false, ""},
		{"torn last line", goodRecord + "\n" + goodRecord[:40], 1, true, ""},
		{"complete last line without newline", goodRecord + "\n" + goodRecord, 2, false, ""},
		{"bad line", goodRecord + "\nhello\n" + goodRecord + "\n", 0, false, "line 2 is not a send record"},
		{"no hash", `{"time":"2024-06-03T09:12:00Z","to":["a@b"],"pdf_sha256":"xyz"}` + "\n", 0, false, "pdf_sha256 is not a SHA-256"},
		{"no recipient", strings.Replace(goodRecord, `["ceo@contoso.example"]`, `[]`, 1) + "\n", 0, false, "no recipient"},
		{"no time", strings.Replace(goodRecord, `"time":"2024-06-03T09:12:00Z",`, ``, 1) + "\n", 0, false, "no time"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			recs, dropped, err := ParseLog([]byte(tc.data))
			if tc.wantErr != "" {
				if err == nil || !strings.Contains(err.Error(), tc.wantErr) {
					t.Fatalf("error %v, want %q", err, tc.wantErr)
				}
				return
			}
			if err != nil || len(recs) != tc.records || dropped != tc.dropped {
				t.Errorf("%d records, dropped %v, error %v; want %d, %v", len(recs), dropped, err, tc.records, tc.dropped)
			}
		})
	}
}

// TestLogAppendsAfterTornLine checks that a record written after a crash
// does not merge with the torn line.
func TestLogAppendsAfterTornLine(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, LogName)
	if err := os.WriteFile(path, []byte(goodRecord+"\n"+goodRecord[:30]), 0o644); err != nil {
		t.Fatal(err)
	}
	l, err := OpenLog(dir)
	if err != nil {
		t.Fatal(err)
	}
	if l.Path() != path {
		t.Errorf("Path %s, want %s", l.Path(), path)
	}
	m, err := Compose(sampleJob(t, "Contoso Ltd", "ceo@contoso.example"), defaultTemplates(t), "a@pcs.example", testNow)
	if err != nil {
		t.Fatal(err)
	}
	if _, ok := l.Sent(m); ok {
		t.Fatal("a scorecard never sent is in the record")
	}
	if err := l.Record(m.receipt(testNow)); err != nil {
		t.Fatal(err)
	}
	if _, ok := l.Sent(m); !ok {
		t.Error("the scorecard just recorded is not found")
	}
	again, err := OpenLog(dir)
	if err != nil {
		t.Fatalf("the record does not read back: %v", err)
	}
	if n := len(again.Records()); n != 2 {
		t.Errorf("%d records read back, want 2", n)
	}
	if _, ok := again.Sent(m); !ok {
		t.Error("the scorecard recorded is not found after reopening")
	}
}

func TestLogAppendsAfterLineWithoutNewline(t *testing.T) {
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, LogName), []byte(goodRecord), 0o644); err != nil {
		t.Fatal(err)
	}
	l, err := OpenLog(dir)
	if err != nil {
		t.Fatal(err)
	}
	m, err := Compose(sampleJob(t, "Contoso Ltd", "ceo@contoso.example"), defaultTemplates(t), "a@pcs.example", testNow)
	if err != nil {
		t.Fatal(err)
	}
	if err := l.Record(m.receipt(testNow)); err != nil {
		t.Fatal(err)
	}
	again, err := OpenLog(dir)
	if err != nil || len(again.Records()) != 2 {
		t.Fatalf("reopened: %v", err)
	}
}

func TestLogUnreadable(t *testing.T) {
	dir := t.TempDir()
	if err := os.Mkdir(filepath.Join(dir, LogName), 0o755); err != nil {
		t.Fatal(err)
	}
	if _, err := OpenLog(dir); err == nil || !strings.Contains(err.Error(), "cannot read the send record") {
		t.Errorf("a folder in place of the record: %v", err)
	}
}
