package report

import (
	"fmt"

	"github.com/pcs-tools/pcs/scoring"
)

// qualityPage lists the workbook's issues, as many as fit on one page, with
// the cells they point at.
func (d *pdfDoc) qualityPage(sc *Scorecard) {
	d.addPage()
	d.cont = nil
	d.pageHeading("DATA QUALITY", "What the workbook should fix")
	errs := 0
	for _, is := range sc.Issues {
		if is.Severity == scoring.SeverityError {
			errs++
		}
	}
	intro := fmt.Sprintf("The workbook has %s: %s and %s. Errors stop a workbook from being scored unless they are skipped; warnings do not, but they may change the score.",
		pdfCount(len(sc.Issues), "issue", "issues"), pdfCount(errs, "error", "errors"), pdfCount(len(sc.Issues)-errs, "warning", "warnings"))
	w := d.right - d.left
	d.y = d.paragraph(d.left, d.y, w, intro, pdfBody, 3) + 6
	if sc.SkippedRows > 0 {
		d.notice(fmt.Sprintf("%s with errors %s left out of the score at the user's request.",
			pdfCount(sc.SkippedRows, "row", "rows"), map[bool]string{true: "was", false: "were"}[sc.SkippedRows == 1]))
	}
	if len(sc.Issues) == 0 {
		return
	}
	whereW, sevW := 92.0, 52.0
	textX := d.left + whereW + sevW
	head := pdfStyle{size: 7.5, bold: true, color: pdfMuted}
	d.line(d.left, d.y, "WHERE", head)
	d.line(d.left+whereW, d.y, "KIND", head)
	d.line(textX, d.y, "WHAT TO FIX", head)
	d.y += 11
	d.rule(d.left, d.y, d.right, pdfInk, 0.6)
	d.y += 5
	moreH := pdfBody.leading() + 6
	for i, is := range sc.Issues {
		segs := []pdfSeg{{text: is.Message}}
		if is.Hint != "" {
			segs = append(segs, pdfSeg{text: "— " + is.Hint})
		}
		h := d.richHeight(d.right-textX, segs, pdfBody, 4) + 5
		if i < len(sc.Issues)-1 && d.y+h+moreH > d.bottom || d.y+h > d.bottom {
			d.paragraph(d.left, d.y+2, w, fmt.Sprintf("… and %d more, not shown here.", len(sc.Issues)-i), pdfLabel, 1)
			return
		}
		where := is.Where()
		if where == "" {
			where = "whole workbook"
		}
		d.paragraph(d.left, d.y, whereW-8, where, pdfLabel, 2)
		sev := "Warning"
		if is.Severity == scoring.SeverityError {
			sev = "Error"
		}
		d.line(d.left+whereW, d.y, sev, pdfStyle{size: 9, bold: is.Severity == scoring.SeverityError, color: pdfInk})
		d.rich(textX, d.y, d.right-textX, segs, pdfBody, 4)
		d.y += h
		d.rule(d.left, d.y-3, d.right, pdfTrack, 0.5)
	}
}
