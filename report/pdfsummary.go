package report

import (
	"fmt"
	"strings"

	"github.com/pcs-tools/pcs/scoring"
)

// summaryPage draws page 1: who the partner is, the path and its figures, one
// band per designation against the required line, and the last six months.
func (d *pdfDoc) summaryPage(sc *Scorecard) {
	r := sc.Result
	d.addPage()
	d.cont = nil
	d.pageHeading("PARTNER CAPABILITY SCORE", r.Partner.Name)
	meta := []string{}
	if id := strings.TrimSpace(r.Partner.ID); id != "" {
		meta = append(meta, "Partner ID "+id)
	}
	asOf := "As of " + r.AsOf.Label()
	if from := pdfAsOfFrom(r.AsOfFrom); from != "" {
		asOf += " (" + from + ")"
	}
	meta = append(meta, asOf, "Rules "+r.Edition+": "+r.RulesTitle)
	d.y = d.paragraph(d.left, d.y, d.right-d.left, strings.Join(meta, "  ·  "), pdfSmall, 2) + 10

	d.pathPanel(r)
	if sc.SkippedRows > 0 {
		d.notice(fmt.Sprintf("%s with errors %s left out of this score at the user's request, so the figures may be lower than the partner's real standing. The data quality page lists the errors.",
			pdfCount(sc.SkippedRows, "row", "rows"), map[bool]string{true: "was", false: "were"}[sc.SkippedRows == 1]))
	}

	d.sectionHeading("Designations", fmt.Sprintf("A designation is attained with at least %d points and at least 1 point in every metric.", pdfRequired(r)))
	for i := range r.Designations {
		d.designationBand(&r.Designations[i], r.AsOf)
	}
	if len(r.Designations) == 0 {
		d.y = d.paragraph(d.left, d.y, d.right-d.left, "No designation was scored.", pdfBody, 0) + 6
	}
	d.windowChart(sc)
	d.summaryNotes(sc)
}

// pdfRequired is the points every designation needs (the first one's; rule
// sets use one figure for all).
func pdfRequired(r *scoring.Result) int {
	for _, d := range r.Designations {
		return d.Required
	}
	return 70
}

// pageHeading draws a small caption and a large title (wrapped to two lines).
func (d *pdfDoc) pageHeading(caption, title string) {
	d.line(d.left, d.y, caption, pdfStyle{size: 8, bold: true, color: pdfMuted})
	d.y += 13
	d.y = d.paragraph(d.left, d.y, d.right-d.left, title, pdfH1, 2) + 2
}

// sectionHeading draws a heading with a rule and an optional note beside it,
// and returns the top of the heading's line.
func (d *pdfDoc) sectionHeading(title, note string) float64 {
	d.need(60)
	d.y += 4
	top := d.y
	w := d.line(d.left, d.y, title, pdfH2)
	if note != "" {
		d.line(d.left+w+10, d.y+3.5, d.fit(note, pdfSmall, d.right-d.left-w-10), pdfSmall)
	}
	d.y += pdfH2.leading()
	d.rule(d.left, d.y, d.right, pdfInk, 0.8)
	d.y += 5
	return top
}

// pathPanel shows the path and the figures that decided it.
func (d *pdfDoc) pathPanel(r *scoring.Result) {
	f := r.PathFacts
	type fact struct{ label, value string }
	facts := []fact{{"Scoring path", pdfPathTitle(r)}}
	if f.TTMTested {
		ttm := f.TTMACR.Short()
		if f.TTMFromWorkbook {
			ttm += " (workbook)"
		}
		facts = append(facts, fact{"Eligible ACR, trailing 12 months", ttm})
	}
	share := "unknown"
	if f.ShareKnown {
		share = f.Share.String()
		switch {
		case f.ShareFromWorkbook:
			share += " (workbook)"
		case f.KnownSegment > 0:
			share += fmt.Sprintf(" (%d of %d)", f.SMBCustomers, f.KnownSegment)
		}
	}
	facts = append(facts, fact{"SMB/SMC share of customers", share})

	pad := 9.0
	w := d.right - d.left
	colW := (w - 2*pad) / float64(len(facts))
	reasonH := d.paragraphHeight(w-2*pad, r.PathReason, pdfSmall, 3)
	h := pad + 8 + 14 + 4 + reasonH + pad - 3
	d.box(d.left, d.y, w, h, pdfPanel)
	y := d.y + pad
	for i, fc := range facts {
		x := d.left + pad + float64(i)*colW
		d.line(x, y, d.fit(fc.label, pdfSmall, colW-8), pdfSmall)
		d.line(x, y+10, d.fit(fc.value, pdfStyle{size: 11, bold: true, color: pdfInk}, colW-8), pdfStyle{size: 11, bold: true, color: pdfInk})
	}
	d.paragraph(d.left+pad, y+26, w-2*pad, r.PathReason, pdfSmall, 3)
	d.y += h + 10
}

// notice draws a framed remark the reader must not miss.
func (d *pdfDoc) notice(text string) {
	w := d.right - d.left
	h := d.paragraphHeight(w-16, text, pdfLabel, 4) + 12
	d.need(h)
	d.frame(d.left, d.y, w, h, pdfInk, 1)
	d.paragraph(d.left+8, d.y+6, w-16, text, pdfLabel, 4)
	d.y += h + 8
}

// designationBand is one designation's line on the summary: name, total
// against the required line, and the sentence that matters.
func (d *pdfDoc) designationBand(ds *scoring.DesignationResult, asOf scoring.Month) {
	w := d.right - d.left
	sentence := pdfHeadline(ds, asOf)
	sh := d.paragraphHeight(w, sentence, pdfBody, 3)
	d.need(50 + sh)
	total := fmt.Sprintf("%d of %d points", ds.Points, ds.Max)
	status := strings.ToUpper(pdfStatus(ds))
	stStatus := pdfStyle{size: 9, bold: true, color: pdfInk}
	right := d.width(total, pdfLabel) + 14 + d.width(status, stStatus)
	d.line(d.left, d.y, d.fit(ds.Name, pdfStyle{size: 10.5, bold: true, color: pdfInk}, w-right-12), pdfStyle{size: 10.5, bold: true, color: pdfInk})
	if !ds.Attained {
		d.lineRight(d.right, d.y+1, status, stStatus)
	}
	d.lineRight(d.right-d.width(status, stStatus)-14, d.y+1, total, pdfLabel)
	// The status in a box: filled when attained, outlined when not, so the
	// two differ in black and white too.
	sw := d.width(status, stStatus)
	if ds.Attained {
		d.box(d.right-sw-3, d.y-1.5, sw+6, 12.5, pdfNavy)
		d.lineRight(d.right, d.y+1, status, pdfStyle{size: 9, bold: true, color: pdfWhite})
	} else {
		d.frame(d.right-sw-3, d.y-1.5, sw+6, 12.5, pdfInk, 0.6)
	}
	d.y += 17
	d.pointsBar(d.left, d.y, w, 11, ds.Points, ds.Max, ds.Required)
	if ds.Max > 0 {
		rx := d.left + w*float64(ds.Required)/float64(ds.Max)
		d.lineCenter(rx, d.y+14, fmt.Sprintf("%d needed", ds.Required), pdfStyle{size: 6.5, color: pdfMuted})
	}
	d.y += 23
	d.y = d.paragraph(d.left, d.y, w, sentence, pdfBody, 3) + 9
}

// summaryNotes adds what else the reader should know: ACR left out by its
// attribution and where the data quality issues are.
func (d *pdfDoc) summaryNotes(sc *Scorecard) {
	r := sc.Result
	var notes []string
	for _, e := range r.Excluded {
		attr := strings.TrimSpace(e.Attribution)
		what := fmt.Sprintf("attribution %q", attr)
		if attr == "" {
			what = "no attribution"
		}
		notes = append(notes, fmt.Sprintf("%s of ACR with %s (%s) counted for no designation, because of its attribution.",
			e.Amount.Short(), what, pdfCount(e.Rows, "row", "rows")))
	}
	if n := len(sc.Issues); n > 0 {
		errs := 0
		for _, is := range sc.Issues {
			if is.Severity == scoring.SeverityError {
				errs++
			}
		}
		notes = append(notes, fmt.Sprintf("The workbook has %s (%s, %s): see the data quality page.",
			pdfCount(n, "data quality issue", "data quality issues"), pdfCount(errs, "error", "errors"), pdfCount(n-errs, "warning", "warnings")))
	}
	if len(notes) == 0 {
		return
	}
	d.y += 4
	for _, n := range notes {
		h := d.paragraphHeight(d.right-d.left, n, pdfSmall, 2)
		d.need(h)
		d.y = d.paragraph(d.left, d.y, d.right-d.left, n, pdfSmall, 2) + 2
	}
}
