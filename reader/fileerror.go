package reader

import "github.com/pcs-tools/pcs/scoring"

// FileErrorKind tells the kinds of unreadable files apart, for programs.
type FileErrorKind string

// The kinds of FileError.
const (
	// KindNotXLSX: the file is something else (CSV, HTML, .xls, a .docx, ...).
	KindNotXLSX FileErrorKind = "not-xlsx"
	// KindEncrypted: the workbook is protected with a password.
	KindEncrypted FileErrorKind = "encrypted"
	// KindDamaged: the file is an .xlsx but cut short or broken.
	KindDamaged FileErrorKind = "damaged"
	// KindTooBig: the workbook would inflate beyond the limits (a zip bomb).
	KindTooBig FileErrorKind = "too-big"
	// KindUnsafe: the workbook holds XML the reader refuses (a DTD or entities).
	KindUnsafe FileErrorKind = "unsafe"
	// KindBadText: the workbook holds text that is not valid UTF-8.
	KindBadText FileErrorKind = "bad-text"
)

// FileError means the file cannot be read at all. Its Error is one sentence a
// finance analyst understands, without the file name (the caller prefixes
// it); Hint says what to do.
type FileError struct {
	Kind   FileErrorKind
	Reason string
	Hint   string
}

// Error returns the reason.
func (e *FileError) Error() string { return e.Reason }

// Issue returns the error as an issue without a sheet, for outputs that list
// issues (the JSON result of a workbook that could not be read).
func (e *FileError) Issue() scoring.Issue {
	return scoring.Issue{Severity: scoring.SeverityError, Message: e.Reason, Hint: e.Hint}
}
