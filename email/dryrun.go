package email

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"time"

	"github.com/pcs-tools/pcs/report"
)

// DryRunSender writes each message as OutDir/Stem.eml instead of sending
// it; the file opens in any mail client, Bcc header included.
type DryRunSender struct {
	now func() time.Time
}

// NewDryRunSender returns a Sender that writes .eml files; clock stamps the
// receipts (nil: time.Now).
func NewDryRunSender(clock func() time.Time) *DryRunSender {
	if clock == nil {
		clock = time.Now
	}
	return &DryRunSender{now: clock}
}

// Send writes the message atomically: the file is complete or absent.
func (d *DryRunSender) Send(ctx context.Context, m *Message) (Receipt, error) {
	if err := ctx.Err(); err != nil {
		return Receipt{}, err
	}
	dir := m.OutDir
	if dir == "" {
		dir = "."
	}
	path := filepath.Join(dir, m.Stem+".eml")
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		return Receipt{}, fmt.Errorf("cannot create the folder for %s: %w", path, unwrapPathError(err))
	}
	draft := m.Draft()
	err := report.WriteAtomic(path, func(f *os.File) error {
		if _, err := f.Write(draft); err != nil {
			return fmt.Errorf("cannot write %s: %w", path, unwrapPathError(err))
		}
		return nil
	})
	if err != nil {
		return Receipt{}, err
	}
	r := m.receipt(d.now())
	r.File = path
	return r, nil
}

// Close does nothing: a dry run holds no connection.
func (d *DryRunSender) Close() error { return nil }
