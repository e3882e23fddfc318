package email

import "errors"

// ErrNoRecipients is wrapped by the error for a workbook that names no one
// to send its scorecard to.
var ErrNoRecipients = errors.New("no recipients")

// Error is a scorecard that was not e-mailed (or, when Sent is true, sent
// but not recorded). Its text starts with the workbook, as cli.md wants.
type Error struct {
	Source string
	Err    error
	// Sent is true when the message went out but the send record could not
	// be written, so a rerun would send it again.
	Sent bool
}

// Error says what happened, starting with the workbook.
func (e *Error) Error() string { return e.Source + ": scorecard " + e.Reason() }

// Reason says what happened without the workbook's name: "not e-mailed:
// no recipients: ...", "e-mailed, but the send record ...".
func (e *Error) Reason() string {
	if e.Sent {
		return "e-mailed, but " + e.Err.Error()
	}
	return "not e-mailed: " + e.Err.Error()
}

// Unwrap returns the cause, for errors.Is(err, ErrNoRecipients).
func (e *Error) Unwrap() error { return e.Err }

// stoppedError is a send given up because the run was stopped (Ctrl-C,
// SIGTERM); it wraps the context's error.
type stoppedError struct{ err error }

func (e *stoppedError) Error() string { return "the run was stopped before the message was sent" }
func (e *stoppedError) Unwrap() error { return e.err }
