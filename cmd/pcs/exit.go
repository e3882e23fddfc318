package main

import (
	"errors"
	"fmt"
	"io"
)

// Exit statuses of cli.md.
const (
	exitOK          = 0
	exitFailed      = 1 // at least one workbook could not be read or scored
	exitUsage       = 2 // the command line itself is wrong
	exitInterrupted = 130
)

// usageError is a mistake on the command line.
type usageError struct{ msg string }

func (e *usageError) Error() string { return e.msg }

func usageErr(format string, args ...any) error { return &usageError{fmt.Sprintf(format, args...)} }

// failedError says that some workbooks failed; their errors were printed already.
type failedError struct{ n int }

func (e *failedError) Error() string {
	if e.n == 1 {
		return "1 workbook could not be scored"
	}
	return fmt.Sprintf("%d workbooks could not be scored", e.n)
}

// interruptedError says the run was stopped by a signal.
type interruptedError struct{}

func (interruptedError) Error() string { return "interrupted" }

// exitCode is the one place that maps errors to exit statuses; it prints
// the errors that were not printed yet.
func exitCode(err error, stderr io.Writer) int {
	if err == nil {
		return exitOK
	}
	var ue *usageError
	var fe *failedError
	var ie interruptedError
	switch {
	case errors.As(err, &ue):
		fmt.Fprintf(stderr, "pcs: %s\n", ue.msg)
		return exitUsage
	case errors.As(err, &fe):
		return exitFailed
	case errors.As(err, &ie):
		return exitInterrupted
	default:
		fmt.Fprintf(stderr, "pcs: %s\n", err)
		return exitFailed
	}
}
