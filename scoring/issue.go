package scoring

import "fmt"

// Severity says whether an issue stops the workbook from being scored.
type Severity string

// Severities.
const (
	SeverityError   Severity = "error"
	SeverityWarning Severity = "warning"
)

// Issue is a problem found in a partner's data, located as precisely as possible.
type Issue struct {
	Severity Severity `json:"severity"`
	Sheet    string   `json:"sheet,omitempty"`
	Cell     string   `json:"cell,omitempty"`
	Message  string   `json:"message"`
	Hint     string   `json:"hint,omitempty"`
}

// Where returns "Sheet!Cell", "Sheet" or "".
func (i Issue) Where() string {
	switch {
	case i.Sheet != "" && i.Cell != "":
		return i.Sheet + "!" + i.Cell
	default:
		return i.Sheet
	}
}

// String formats the issue as "ACR!D17: message".
func (i Issue) String() string {
	if w := i.Where(); w != "" {
		return w + ": " + i.Message
	}
	return i.Message
}

func warnf(sheet, cell, hint, format string, args ...any) Issue {
	return Issue{Severity: SeverityWarning, Sheet: sheet, Cell: cell, Hint: hint, Message: fmt.Sprintf(format, args...)}
}
