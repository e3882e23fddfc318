package report

import (
	"fmt"
	"strconv"

	"github.com/pcs-tools/pcs/scoring"
)

// windowChart draws the score of each designation in each month of the
// qualification window as grouped vertical bars, with the required line.
func (d *pdfDoc) windowChart(sc *Scorecard) {
	r := sc.Result
	if len(sc.Window) == 0 || len(r.Designations) == 0 {
		return
	}
	chartH := 120.0
	d.need(60 + chartH + 30)
	d.sectionHeading(fmt.Sprintf("The last %s", pdfCount(len(sc.Window), "month", "months")),
		"Attaining a designation in any month of the qualification window counts.")

	ids := make([]string, len(r.Designations))
	maxPts := 0
	for i, ds := range r.Designations {
		ids[i] = ds.ID
		maxPts = max(maxPts, ds.Max)
	}
	maxPts = max(maxPts, 1)
	required := pdfRequired(r)

	axisW := 24.0
	x0, x1 := d.left+axisW, d.right
	base := d.y + 8 + chartH
	yOf := func(p int) float64 { return base - chartH*float64(min(max(p, 0), maxPts))/float64(maxPts) }
	tick := pdfStyle{size: 7, color: pdfMuted}
	for _, p := range pdfTicks(maxPts) {
		d.rule(x0, yOf(p), x1, pdfRuleColor, 0.4)
		if dy := yOf(p) - yOf(required); dy > 8 || dy < -8 {
			d.lineRight(x0-4, yOf(p)-3.5, strconv.Itoa(p), tick)
		}
	}
	if required > 0 && required <= maxPts {
		d.dashed(x0, yOf(required), x1, yOf(required), pdfInk, 0.9)
		d.lineRight(x0-4, yOf(required)-3.5, strconv.Itoa(required), pdfStyle{size: 7, bold: true, color: pdfInk})
	}

	groupW := (x1 - x0) / float64(len(sc.Window))
	barW := min(22, groupW*0.72/float64(len(ids)))
	value := pdfStyle{size: 7, color: pdfInk}
	valueBold := pdfStyle{size: 7, bold: true, color: pdfInk}
	for gi, snap := range sc.Window {
		gx := x0 + float64(gi)*groupW
		mid := gx + groupW/2
		d.lineCenter(mid, base+4, snap.Month.ShortLabel(), tick)
		if !snap.Scored {
			d.lineCenter(mid, base-22, "no data", tick)
			d.lineCenter(mid, base-13, "this far back", tick)
			continue
		}
		bx := mid - barW*float64(len(ids))/2
		for i, id := range ids {
			pts, attained, ok := pdfSnapshotPoints(snap, id)
			x := bx + float64(i)*barW
			if !ok {
				continue
			}
			c := pdfSeries[i%len(pdfSeries)]
			d.box(x+0.8, yOf(pts), barW-1.6, base-yOf(pts), c)
			d.frame(x+0.8, yOf(pts), barW-1.6, base-yOf(pts), pdfMuted, 0.3)
			st := value
			if attained {
				st = valueBold
			}
			d.lineCenter(x+barW/2, yOf(pts)-9, strconv.Itoa(pts), st)
		}
	}
	d.rule(x0, base, x1, pdfInk, 0.6)
	d.y = base + 16

	// Legend: one swatch per designation, and what bold figures mean.
	x := d.left + axisW
	leg := pdfStyle{size: 7.5, color: pdfInk}
	for i, ds := range r.Designations {
		name := ds.ShortName
		if name == "" {
			name = ds.Name
		}
		c := pdfSeries[i%len(pdfSeries)]
		w := d.width(name, leg)
		if x+12+w > d.right {
			x = d.left + axisW
			d.y += 11
		}
		d.box(x, d.y+1, 8, 7, c)
		d.frame(x, d.y+1, 8, 7, pdfMuted, 0.3)
		d.line(x+11, d.y, name, leg)
		x += 11 + w + 14
	}
	note := "Bold figure: attained that month. Dashed line: points needed."
	if x+d.width(note, pdfSmall) > d.right {
		x = d.left + axisW
		d.y += 11
	}
	d.line(x, d.y, note, pdfSmall)
	d.y += 16
}

// pdfSnapshotPoints finds a designation in a month's snapshot.
func pdfSnapshotPoints(s scoring.Snapshot, id string) (points int, attained, ok bool) {
	for _, sd := range s.Designations {
		if sd.ID == id {
			return sd.Points, sd.Attained, true
		}
	}
	return 0, false, false
}

// pdfTicks are the grid values of an axis from 0 to max: quarters of it.
func pdfTicks(maxPts int) []int {
	if maxPts < 4 {
		return []int{0, maxPts}
	}
	return []int{0, maxPts / 4, maxPts / 2, maxPts * 3 / 4, maxPts}
}
