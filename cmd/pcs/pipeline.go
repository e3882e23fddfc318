package main

import (
	"bytes"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"github.com/pcs-tools/pcs/reader"
	"github.com/pcs-tools/pcs/report"
	"github.com/pcs-tools/pcs/scoring"
)

// job is one workbook to score.
type job struct {
	path   string // where to read it
	source string // how to name it to the user ("contoso.xlsx", "Q3/contoso.xlsx")
	outDir string // where its outputs go
	// recordDir holds the e-mail send record: the batch's --out, or outDir.
	recordDir string
}

// outcome is what scoring one workbook produced. Nothing is printed while a
// workbook is processed, so batches can print outcomes in a stable order.
type outcome struct {
	job     job
	result  *scoring.Result
	json    report.JSON
	failed  bool
	stderr  []string // lines for stderr, each starting with the source
	outputs []string // files written
	pdf     []byte   // the scorecard, for e-mail
	pdfPath string
	// emailFailed is true when the scorecard could not be e-mailed.
	emailFailed bool
}

func (o *outcome) errorf(format string, args ...any) {
	o.stderr = append(o.stderr, o.job.source+": "+fmt.Sprintf(format, args...))
}

func (o *outcome) fail(issues []scoring.Issue) {
	o.failed = true
	o.json = report.FailedJSON(o.job.source, issues)
}

// failf fails the workbook for a reason that is not an issue of its data
// (an output that could not be written): the reason goes to stderr and,
// as an error, into the JSON result's issues.
func (o *outcome) failf(issues []scoring.Issue, format string, args ...any) {
	msg := fmt.Sprintf(format, args...)
	o.errorf("%s", msg)
	o.fail(append(issues, scoring.Issue{Severity: scoring.SeverityError, Message: msg}))
}

// outputName returns NAME.suffix for the input NAME.xlsx.
func outputName(input, suffix string) string {
	base := filepath.Base(input)
	if ext := filepath.Ext(base); strings.EqualFold(ext, ".xlsx") {
		base = base[:len(base)-len(ext)]
	}
	return base + suffix
}

// process reads, scores and writes the outputs of one workbook.
func process(j job, s *settings, fonts *report.Fonts) (o *outcome) {
	o = &outcome{job: j}
	defer func() {
		// A bug must not take the other workbooks of a batch down with it:
		// the workbook fails with a sentence, and the run goes on.
		if r := recover(); r != nil {
			// The program's own words stay on stderr, for the report.
			o = &outcome{job: j}
			msg := "pcs could not process this workbook because of an internal error; please report it with the workbook"
			o.errorf("%s (%v)", msg, r)
			o.fail([]scoring.Issue{{Severity: scoring.SeverityError, Message: msg}})
		}
	}()
	wb, err := reader.Read(j.path, reader.Options{MaxUnzip: s.maxUnzip})
	if err != nil {
		var fe *reader.FileError
		msg := err.Error()
		issue := scoring.Issue{Severity: scoring.SeverityError, Message: msg}
		if errors.As(err, &fe) {
			issue.Message, issue.Hint = fe.Reason, fe.Hint
			if fe.Hint != "" {
				msg = strings.TrimSuffix(fe.Reason, ".") + ". " + fe.Hint
			}
		}
		o.errorf("%s", msg)
		o.fail([]scoring.Issue{issue})
		return o
	}
	issues := append([]scoring.Issue{}, wb.Issues...)
	for _, is := range wb.Issues {
		o.issueLine(is)
	}
	if wb.HasErrors() && !s.allowErrors {
		o.errorf("not scored: the workbook has errors (fix them, or score without the bad rows with --allow-errors)")
		o.fail(issues)
		return o
	}
	res, err := scoring.Score(&wb.Input, s.rules, s.opt)
	if err != nil {
		var ie *scoring.InputError
		if errors.As(err, &ie) {
			o.issueLine(ie.Issue)
			o.fail(append(issues, ie.Issue))
			return o
		}
		o.errorf("%s", err)
		o.fail(append(issues, scoring.Issue{Severity: scoring.SeverityError, Message: err.Error()}))
		return o
	}
	o.result = res
	for _, is := range res.Issues {
		o.issueLine(is)
	}
	issues = append(issues, res.Issues...)

	if !s.noWorkbook || !s.noPDF { // with no outputs, no (empty) folder either
		if err := os.MkdirAll(j.outDir, 0o755); err != nil {
			o.failf(issues, "cannot create the output folder %s: %s", j.outDir, plainIOError(err))
			return o
		}
	}
	outs := &report.JSONOutputs{}
	// The scorecard is drawn while the workbook is written (two cores do
	// both in the time of one), and saved only once the workbook is.
	var pdf chan scorecardPDF
	if !s.noPDF {
		pdf = make(chan scorecardPDF, 1)
		sc := report.Scorecard{Result: res, Issues: issues, SkippedRows: wb.SkippedRows, Source: filepath.Base(j.path),
			Paper: s.paper, Deployments: wb.Input.Deployments}
		go func() {
			defer func() {
				if r := recover(); r != nil {
					pdf <- scorecardPDF{err: fmt.Errorf("an internal error (%v); please report it with the workbook", r)}
				}
			}()
			sc.Window = scoring.Window(&wb.Input, s.rules, s.opt, res, 6)
			var b bytes.Buffer
			warnings, err := report.WriteScorecard(&b, sc, fonts)
			pdf <- scorecardPDF{b.Bytes(), warnings, err}
		}()
	}
	if !s.noWorkbook {
		dst := filepath.Join(j.outDir, outputName(j.path, ".scored.xlsx"))
		if err := sameFile(j.path, dst); err != nil {
			o.failf(issues, "%s", err)
			return o
		}
		a := report.Annotation{Input: &wb.Input, Result: res, Issues: issues, Sheets: layouts(wb.Sheets), SkippedRows: wb.SkippedRows, Source: filepath.Base(j.path)}
		if err := report.WriteAnnotated(j.path, dst, a); err != nil {
			o.failf(issues, "the annotated workbook could not be written: %s", err)
			return o
		}
		outs.Workbook = dst
		o.outputs = append(o.outputs, dst)
	}
	if pdf != nil {
		dst := filepath.Join(j.outDir, outputName(j.path, ".scorecard.pdf"))
		sc := <-pdf
		err := sc.err
		if err == nil {
			for _, w := range sc.warnings {
				o.stderr = append(o.stderr, j.source+": warning: "+w)
			}
			err = report.WriteAtomic(dst, func(f *os.File) error {
				_, err := f.Write(sc.pdf)
				return err
			})
		}
		if err != nil {
			o.failf(issues, "the PDF scorecard could not be written: %s", err)
			return o
		}
		o.pdf, o.pdfPath = sc.pdf, dst
		outs.PDF = dst
		o.outputs = append(o.outputs, dst)
	}
	o.json = report.NewJSON(j.source, res, issues)
	o.json.SkippedRows = wb.SkippedRows
	if outs.Workbook != "" || outs.PDF != "" {
		o.json.Outputs = outs
	}
	return o
}

// scorecardPDF is a drawn scorecard, not yet saved.
type scorecardPDF struct {
	pdf      []byte
	warnings []string
	err      error
}

// issueLine adds an issue to the stderr lines: errors as "FILE: SHEET!CELL:
// message", warnings with "warning:" in front of the place.
func (o *outcome) issueLine(is scoring.Issue) {
	if is.Severity == scoring.SeverityWarning {
		o.stderr = append(o.stderr, o.job.source+": warning: "+is.String())
		return
	}
	o.stderr = append(o.stderr, o.job.source+": "+is.String())
}

// sameFile refuses an output path that is the input itself.
func sameFile(input, output string) error {
	a, err1 := os.Stat(input)
	b, err2 := os.Stat(output)
	if err1 == nil && err2 == nil && os.SameFile(a, b) {
		return fmt.Errorf("the output %s would overwrite the input; choose another --out folder", output)
	}
	return nil
}

func layouts(sheets []reader.Sheet) []report.SheetLayout {
	out := make([]report.SheetLayout, len(sheets))
	for i, s := range sheets {
		out[i] = report.SheetLayout{Name: s.Name, Role: string(s.Role), HeaderRow: s.HeaderRow, LastColumn: s.LastColumn,
			LastRow: s.LastRow, StatusColumn: s.StatusColumn}
	}
	return out
}
