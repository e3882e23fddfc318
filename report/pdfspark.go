package report

import "github.com/pcs-tools/pcs/scoring"

// pdfSparkH is the height of the monthly ACR chart beside usage growth, labels included.
const pdfSparkH = 44.0

// monthlySpark draws the eligible ACR of each month from the baseline month
// to the as-of month as small bars, the first and last labelled, and returns
// the y below it.
func (d *pdfDoc) monthlySpark(x, y, w float64, g *scoring.GrowthDetail) float64 {
	months := g.Monthly
	var top scoring.Cents
	for _, m := range months {
		top = max(top, m.ACR)
	}
	capSt := pdfStyle{size: 6.5, color: pdfMuted}
	d.line(x, y, "Eligible ACR per month", capSt)
	barsTop, barsH := y+9, 20.0
	slot := w / float64(len(months))
	for i, m := range months {
		h := 0.0
		if top > 0 && m.ACR > 0 {
			h = max(0.5, barsH*float64(m.ACR)/float64(top))
		}
		c := pdfSeries[1]
		if i == 0 || i == len(months)-1 {
			c = pdfNavy
		}
		d.box(x+float64(i)*slot+0.6, barsTop+barsH-h, slot-1.2, h, c)
	}
	d.rule(x, barsTop+barsH, x+w, pdfMuted, 0.4)
	first, last := months[0], months[len(months)-1]
	d.line(x, barsTop+barsH+2, first.Month.ShortLabel()+": "+first.ACR.Short(), capSt)
	d.lineRight(x+w, barsTop+barsH+2+7.5, last.Month.ShortLabel()+": "+last.ACR.Short(), capSt)
	return y + pdfSparkH
}
