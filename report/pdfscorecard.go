package report

import (
	"errors"
	"io"
	"time"

	"github.com/pcs-tools/pcs/scoring"
)

// Scorecard is everything the PDF scorecard shows.
type Scorecard struct {
	Result *scoring.Result
	// Window is scoring.Window(...): the as-of month and up to 5 before it,
	// oldest first; Scored is false where the data does not reach back.
	Window []scoring.Snapshot
	// Issues are every issue (the reader's and the engine's), in order.
	Issues []scoring.Issue
	// SkippedRows counts rows left out because of errors (--allow-errors).
	SkippedRows int
	// Source is the input file's base name, for the footer.
	Source string
	// Paper is "a4" (the default when empty) or "letter".
	Paper string
	// Deployments are the input's deployment rows (scoring.Input.Deployments),
	// which name the deployments counted; without them the designation pages
	// show the deployments only as the explanation lists them.
	Deployments []scoring.Deployment
}

// WriteScorecard draws the PDF scorecard of a scored workbook and writes it to
// w: a summary page, a page per designation and, when the workbook had issues,
// a data quality page. The same Scorecard always gives the same bytes. The
// warnings name the characters no font could draw.
func WriteScorecard(w io.Writer, sc Scorecard, f *Fonts) (warnings []string, err error) {
	r := sc.Result
	if r == nil {
		return nil, errors.New("cannot draw the scorecard: there is no result")
	}
	d, err := newPDFDoc(sc.Paper, f, "Partner capability score: "+r.Partner.Name, pdfDate(r.AsOf),
		pdfFooter{Source: sc.Source, Edition: r.Edition, Month: r.AsOf.Label()})
	if err != nil {
		return nil, err
	}
	d.cjkRunes = pdfCJKRunes(f, sc, "Rows")
	sc.checkGlyphs(d.glyphs)
	d.summaryPage(&sc)
	for i := range r.Designations {
		d.designationPage(&sc, &r.Designations[i])
	}
	if len(sc.Issues) > 0 || sc.SkippedRows > 0 {
		d.qualityPage(&sc)
	}
	if err := d.write(w); err != nil {
		return nil, err
	}
	return d.glyphs.warnings(), nil
}

// pdfDate is the date written into a PDF: the last day of the month it is
// for, so that the bytes depend on the data only, never on the clock.
func pdfDate(m scoring.Month) time.Time {
	if m.IsZero() {
		return time.Date(2000, 1, 1, 0, 0, 0, 0, time.UTC)
	}
	return m.LastDay().Time()
}

// checkGlyphs names the texts from the input whose characters no font has.
func (sc *Scorecard) checkGlyphs(g *pdfGlyphs) {
	r := sc.Result
	g.check("partner name", "partner names", r.Partner.Name)
	g.check("partner ID", "partner IDs", r.Partner.ID)
	g.check("file name", "file names", sc.Source)
	for _, d := range r.Designations {
		for _, m := range d.Metrics {
			if m.NetAdds != nil {
				for _, c := range m.NetAdds.Customers {
					g.check("customer name", "customer names", c.Name)
				}
			}
			if m.Skilling != nil {
				for _, p := range m.Skilling.People {
					g.check("person", "people", p.Person)
				}
				for _, s := range m.Skilling.Steps {
					for _, h := range s.Holders {
						g.check("person", "people", h)
					}
				}
			}
		}
	}
	for _, dep := range sc.Deployments {
		g.check("service", "services", dep.Service)
		g.check("customer name", "customer names", dep.Customer)
	}
	for _, is := range sc.Issues {
		g.check("data quality message", "data quality messages", is.String())
	}
}
