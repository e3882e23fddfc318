package reader

import (
	"fmt"
	"sort"

	"github.com/pcs-tools/pcs/scoring"
)

// maxIssuesPerSheet caps the issues kept for one sheet; the rest are counted
// in a final "... and N more problems on this sheet".
const maxIssuesPerSheet = 50

// located is an issue with the position it sorts by.
type located struct {
	scoring.Issue
	row, col int
}

// issueList collects the issues of one sheet.
type issueList struct {
	sheet   string
	kept    []located
	more    int
	moreErr bool
}

func (l *issueList) add(sev scoring.Severity, col, row int, msg, hint string) {
	if len(l.kept) >= maxIssuesPerSheet {
		l.more++
		l.moreErr = l.moreErr || sev == scoring.SeverityError
		return
	}
	is := scoring.Issue{Severity: sev, Sheet: l.sheet, Message: msg, Hint: hint}
	if col > 0 && row > 0 {
		is.Cell = cellName(col, row)
	}
	l.kept = append(l.kept, located{Issue: is, row: row, col: col})
}

func (l *issueList) errorf(col, row int, hint, msg string) {
	l.add(scoring.SeverityError, col, row, msg, hint)
}

func (l *issueList) warnf(col, row int, hint, msg string) {
	l.add(scoring.SeverityWarning, col, row, msg, hint)
}

// issues returns the issues in cell order (those of the whole sheet first),
// with the count of those left out at the end.
func (l *issueList) issues() []scoring.Issue {
	sort.SliceStable(l.kept, func(i, j int) bool {
		a, b := l.kept[i], l.kept[j]
		if a.row != b.row {
			return a.row < b.row
		}
		return a.col < b.col
	})
	out := make([]scoring.Issue, 0, len(l.kept)+1)
	for _, k := range l.kept {
		out = append(out, k.Issue)
	}
	if l.more > 0 {
		sev := scoring.SeverityWarning
		if l.moreErr {
			sev = scoring.SeverityError
		}
		out = append(out, scoring.Issue{Severity: sev, Sheet: l.sheet, Message: fmt.Sprintf(msgMoreProblems, l.more)})
	}
	return out
}
