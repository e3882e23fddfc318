package report

import (
	"errors"
	"fmt"
	"io"
	"path/filepath"
	"sort"
	"strconv"
	"strings"

	"github.com/pcs-tools/pcs/scoring"
)

// WritePortfolioPDF draws the one-page overview of a batch for leadership:
// per designation how many partners attained it, are within 10 points or
// further, the partners closest to the required points that have not attained
// it, and how many workbooks could not be scored. The warnings name the
// characters no font could draw.
func WritePortfolioPDF(w io.Writer, p *Portfolio, paper string, f *Fonts) ([]string, error) {
	if p == nil {
		return nil, errors.New("cannot draw the portfolio: there is nothing to summarise")
	}
	first, last := pdfMonthRange(p.Rows)
	month := last.Label()
	if first != last {
		month = first.ShortLabel() + " to " + last.ShortLabel()
	}
	folder := filepath.Base(filepath.Clean(p.Folder))
	if p.Folder == "" {
		folder = ""
	}
	d, err := newPDFDoc(paper, f, "Partner capability scores: portfolio", pdfDate(last),
		pdfFooter{Source: folder, Edition: p.Rules, Month: month})
	if err != nil {
		return nil, err
	}
	d.cjkRunes = pdfCJKRunes(f, []any{p, folder})
	d.glyphs.check("folder name", "folder names", folder)
	for _, r := range p.Rows {
		d.glyphs.check("partner name", "partner names", r.Partner)
	}
	for _, fl := range p.Failed {
		d.glyphs.check("file name", "file names", fl.Source)
		d.glyphs.check("failure reason", "failure reasons", fl.Reason)
	}
	d.portfolioPage(p)
	if err := d.write(w); err != nil {
		return nil, err
	}
	return d.glyphs.warnings(), nil
}

// pdfMonthRange is the earliest and latest as-of month of the rows.
func pdfMonthRange(rows []PortfolioRow) (first, last scoring.Month) {
	for _, r := range rows {
		if first.IsZero() || r.AsOf < first {
			first = r.AsOf
		}
		if r.AsOf > last {
			last = r.AsOf
		}
	}
	return first, last
}

// portfolioPage draws the page.
func (d *pdfDoc) portfolioPage(p *Portfolio) {
	d.addPage()
	title := "Portfolio"
	if d.footer.Source != "" {
		title = "Portfolio: " + d.footer.Source
	}
	d.pageHeading("PARTNER CAPABILITY SCORES", title)
	workbooks := map[string]bool{}
	for _, r := range p.Rows {
		workbooks[r.Source] = true
	}
	meta := []string{pdfCount(len(workbooks), "workbook scored", "workbooks scored"),
		pdfCount(len(p.Failed), "workbook could not be scored", "workbooks could not be scored")}
	if p.Rules != "" {
		meta = append(meta, "Rules "+p.Rules)
	}
	if d.footer.Month != "" {
		meta = append(meta, "As of "+d.footer.Month)
	}
	d.y = d.paragraph(d.left, d.y, d.right-d.left, strings.Join(meta, "  ·  "), pdfSmall, 2) + 10
	if p.Interrupted {
		d.notice(fmt.Sprintf("The run was interrupted: %s not scored, so this summary is incomplete.",
			pdfCount(p.Pending, "workbook was", "workbooks were")))
	}
	d.portfolioCounts(p)
	d.portfolioClosest(p)
	d.portfolioFailures(p)
}

// portfolioCounts draws, per designation, a bar split into attained, within
// 10 points and further.
func (d *pdfDoc) portfolioCounts(p *Portfolio) {
	counts := p.Counts()
	d.sectionHeading("Designations", "Partners per standing: attained, within 10 points of it, or further.")
	if len(counts) == 0 {
		d.y = d.paragraph(d.left, d.y, d.right-d.left, "No partner was scored.", pdfBody, 0) + 6
		return
	}
	labelW := 130.0
	x0, x1 := d.left+labelW, d.right
	colors := []pdfColor{pdfNavy, pdfSeries[1], pdfSeries[2]}
	for _, c := range counts {
		d.need(30)
		name := c.ShortName
		if name == "" {
			name = c.Designation
		}
		total := c.Attained + c.Within10 + c.Further
		d.paragraph(d.left, d.y+2, labelW-10, name, pdfLabel, 2)
		parts := []int{c.Attained, c.Within10, c.Further}
		x := x0
		for i, n := range parts {
			if n == 0 || total == 0 {
				continue
			}
			w := (x1 - x0) * float64(n) / float64(total)
			d.box(x, d.y, w, 16, colors[i])
			d.frame(x, d.y, w, 16, pdfMuted, 0.3)
			st := pdfStyle{size: 8.5, bold: true, color: pdfInk}
			if i == 0 {
				st.color = pdfWhite
			}
			if label := strconv.Itoa(n); d.width(label, st)+4 < w {
				d.lineCenter(x+w/2, d.y+4, label, st)
			}
			x += w
		}
		d.y += 19
		d.line(x0, d.y, fmt.Sprintf("%d attained  ·  %d within 10 points  ·  %d further  (of %d)", c.Attained, c.Within10, c.Further, total), pdfSmall)
		d.y += 16
	}
	x := x0
	for i, l := range []string{"Attained", "Within 10 points", "Further"} {
		d.box(x, d.y+1, 8, 7, colors[i])
		d.frame(x, d.y+1, 8, 7, pdfMuted, 0.3)
		x += 11 + d.line(x+11, d.y, l, pdfStyle{size: 7.5, color: pdfInk}) + 14
	}
	d.y += 18
}

// portfolioClosest lists the partners closest to the required points that
// have not attained a designation, as many as fit above the failures.
func (d *pdfDoc) portfolioClosest(p *Portfolio) {
	var rows []PortfolioRow
	for _, r := range p.Rows {
		if !r.Attained {
			rows = append(rows, r)
		}
	}
	sort.SliceStable(rows, func(i, j int) bool {
		if rows[i].Gap != rows[j].Gap {
			return rows[i].Gap < rows[j].Gap
		}
		if rows[i].Partner != rows[j].Partner {
			return rows[i].Partner < rows[j].Partner
		}
		return rows[i].Designation < rows[j].Designation
	})
	d.sectionHeading("Closest to attaining", "Not attained yet, fewest points missing first.")
	if len(rows) == 0 {
		d.y = d.paragraph(d.left, d.y, d.right-d.left, "Every partner scored has attained every designation scored.", pdfBody, 0) + 6
		return
	}
	cols := []struct {
		title string
		x     float64
	}{{"PARTNER", d.left}, {"DESIGNATION", d.left + 142}, {"POINTS", d.left + 256}, {"MISSING", d.left + 300}, {"WEAKEST METRIC", d.left + 342}}
	head := pdfStyle{size: 7.5, bold: true, color: pdfMuted}
	for _, c := range cols {
		d.line(c.x, d.y, c.title, head)
	}
	d.y += 11
	d.rule(d.left, d.y, d.right, pdfInk, 0.6)
	d.y += 4
	reserve := 70.0 // room for the failures below
	if len(p.Failed) == 0 {
		reserve = 30
	}
	rowH := pdfDense.leading() + 3
	sources := map[string]int{} // workbooks per partner name
	seen := map[[2]string]bool{}
	for _, r := range p.Rows {
		if k := [2]string{r.Partner, r.Source}; !seen[k] {
			seen[k] = true
			sources[r.Partner]++
		}
	}
	for i, r := range rows {
		if d.y+2*rowH+reserve > d.bottom && i < len(rows)-1 {
			d.line(d.left, d.y, fmt.Sprintf("… and %d more not attained.", len(rows)-i), pdfLabel)
			d.y += rowH
			break
		}
		name := r.Partner
		switch {
		case name == "":
			name = r.Source
		case sources[name] > 1: // the same partner in several workbooks: say which
			name += " (" + r.Source + ")"
		}
		cell := pdfDense
		d.line(cols[0].x, d.y, d.fit(name, cell, cols[1].x-cols[0].x-8), cell)
		d.line(cols[1].x, d.y, d.fit(r.ShortName, cell, cols[2].x-cols[1].x-6), cell)
		d.line(cols[2].x, d.y, fmt.Sprintf("%d of %d", r.Points, r.Required), cell)
		cell.bold = true
		d.line(cols[3].x, d.y, strconv.Itoa(r.Gap), cell)
		cell.bold = false
		d.line(cols[4].x, d.y, d.fit(r.WeakestText, cell, d.right-cols[4].x), cell)
		d.y += rowH
		d.rule(d.left, d.y-2, d.right, pdfTrack, 0.5)
	}
	d.y += 6
}

// portfolioFailures says how many workbooks could not be scored, with the
// first reasons.
func (d *pdfDoc) portfolioFailures(p *Portfolio) {
	if len(p.Failed) == 0 {
		return
	}
	d.need(50)
	d.sectionHeading("Could not be scored", pdfCount(len(p.Failed), "workbook", "workbooks"))
	for i, fl := range p.Failed {
		segs := []pdfSeg{{text: fl.Source + ":", bold: true}, {text: fl.Reason}}
		h := d.richHeight(d.right-d.left, segs, pdfDense, 2)
		if d.y+h+pdfDense.leading() > d.bottom && i < len(p.Failed)-1 {
			d.line(d.left, d.y, fmt.Sprintf("… and %d more.", len(p.Failed)-i), pdfLabel)
			return
		}
		d.y = d.rich(d.left, d.y, d.right-d.left, segs, pdfDense, 2) + 2
	}
}
