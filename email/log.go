package email

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"sync"

	"github.com/pcs-tools/pcs/report"
)

// LogName is the send record's file name in the output folder.
const LogName = "emails.jsonl"

// maxLogSize bounds the send record read into memory (about a million sends).
const maxLogSize = 512 << 20

// Log is the send record of an output folder: one JSON line per message
// sent (a Receipt), appended as each message is accepted by the server.
// Each line is written with a single write and synced, so a crash leaves at
// most a torn last line, which is ignored when the record is read again.
type Log struct {
	path string

	mu      sync.Mutex
	records []Receipt
	noNL    bool // the file does not end with a newline
	dropped bool // a torn last line was ignored; the next Record rewrites the file
}

// OpenLog reads dir's send record, or starts an empty one when there is
// none yet (the file is created by the first Record).
func OpenLog(dir string) (*Log, error) {
	l := &Log{path: filepath.Join(dir, LogName)}
	st, err := os.Stat(l.path)
	if errors.Is(err, fs.ErrNotExist) {
		return l, nil
	}
	if err != nil {
		return nil, fmt.Errorf("cannot read the send record %s: %w", l.path, unwrapPathError(err))
	}
	if st.Size() > maxLogSize {
		return nil, fmt.Errorf("the send record %s is larger than %d MB; move it away to start a new one", l.path, maxLogSize>>20)
	}
	data, err := os.ReadFile(l.path)
	if err != nil {
		return nil, fmt.Errorf("cannot read the send record %s: %w", l.path, unwrapPathError(err))
	}
	l.records, l.dropped, err = ParseLog(data)
	if err != nil {
		return nil, fmt.Errorf("the send record %s: %w", l.path, err)
	}
	l.noNL = len(data) > 0 && data[len(data)-1] != '\n'
	return l, nil
}

var sha256Hex = regexp.MustCompile(`^[0-9a-f]{64}$`)

// ParseLog reads the lines of a send record. A last line without a newline
// that is not a complete record is a write cut short: it is skipped and
// dropped is true. Any other line that is not a record is an error naming it.
func ParseLog(data []byte) (records []Receipt, dropped bool, err error) {
	torn := len(data) > 0 && data[len(data)-1] != '\n'
	lines := bytes.Split(data, []byte("\n"))
	for i, line := range lines {
		if len(bytes.TrimSpace(line)) == 0 {
			continue
		}
		r, err := parseRecord(line)
		if err != nil {
			if torn && i == len(lines)-1 {
				return records, true, nil
			}
			return nil, false, fmt.Errorf("line %d is not a send record (%v); correct or delete that line", i+1, err)
		}
		records = append(records, r)
	}
	return records, false, nil
}

func parseRecord(line []byte) (Receipt, error) {
	var r Receipt
	if err := json.Unmarshal(line, &r); err != nil {
		return Receipt{}, errors.New(truncate(cleanText(err.Error()), 120))
	}
	switch {
	case !sha256Hex.MatchString(r.PDFSHA256):
		return Receipt{}, errors.New("pdf_sha256 is not a SHA-256 in hex")
	case len(r.To) == 0:
		return Receipt{}, errors.New("no recipient in to")
	case r.Time.IsZero():
		return Receipt{}, errors.New("no time")
	}
	return r, nil
}

// Path returns the record's file.
func (l *Log) Path() string { return l.path }

// Records returns the sends recorded so far, oldest first.
func (l *Log) Records() []Receipt {
	l.mu.Lock()
	defer l.mu.Unlock()
	return slices.Clone(l.records)
}

// Sent returns the latest record of this exact scorecard (the same PDF)
// sent to the same people (To, Cc and Bcc together, in any order and case).
func (l *Log) Sent(m *Message) (Receipt, bool) {
	want := recipientKey(m.Recipients())
	l.mu.Lock()
	defer l.mu.Unlock()
	for i := len(l.records) - 1; i >= 0; i-- {
		r := l.records[i]
		if r.PDFSHA256 == m.PDFSHA256 && recipientKey(r.Recipients()) == want {
			return r, true
		}
	}
	return Receipt{}, false
}

func recipientKey(addrs []string) string {
	keys := make([]string, len(addrs))
	for i, a := range addrs {
		keys[i] = strings.ToLower(strings.TrimSpace(a))
	}
	slices.Sort(keys)
	return strings.Join(slices.Compact(keys), "\n")
}

// Record appends a send to the record and syncs it to disk. After a torn
// last line the whole record is rewritten instead, without that line.
func (l *Log) Record(r Receipt) error {
	line, err := json.Marshal(r)
	if err != nil {
		return fmt.Errorf("cannot record the send in %s: %w", l.path, err)
	}
	line = append(line, '\n')
	l.mu.Lock()
	defer l.mu.Unlock()
	if l.dropped {
		err = l.rewrite(line)
	} else {
		if l.noNL {
			line = append([]byte("\n"), line...)
		}
		err = l.append(line)
	}
	if err != nil {
		return fmt.Errorf("cannot record the send in %s: %w", l.path, err)
	}
	l.noNL, l.dropped = false, false
	l.records = append(l.records, r)
	return nil
}

// append writes line at the end of the file with one write, then syncs.
func (l *Log) append(line []byte) error {
	f, err := os.OpenFile(l.path, os.O_WRONLY|os.O_APPEND|os.O_CREATE, 0o644)
	if err != nil {
		return unwrapPathError(err)
	}
	if _, err := f.Write(line); err != nil {
		f.Close()
		return unwrapPathError(err)
	}
	if err := f.Sync(); err != nil {
		f.Close()
		return unwrapPathError(err)
	}
	return unwrapPathError(f.Close())
}

// rewrite replaces the file with the records read plus line.
func (l *Log) rewrite(line []byte) error {
	var b bytes.Buffer
	for _, r := range l.records {
		old, err := json.Marshal(r)
		if err != nil {
			return err
		}
		b.Write(old)
		b.WriteByte('\n')
	}
	b.Write(line)
	return report.WriteAtomic(l.path, func(f *os.File) error {
		_, err := f.Write(b.Bytes())
		return err
	})
}
