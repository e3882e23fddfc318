package report

// rule draws a horizontal line.
func (d *pdfDoc) rule(x1, y, x2 float64, c pdfColor, width float64) { d.stroke(x1, y, x2, y, c, width) }

// stroke draws a solid line between two points.
func (d *pdfDoc) stroke(x1, y1, x2, y2 float64, c pdfColor, width float64) {
	d.pdf.SetDrawColor(c.r, c.g, c.b)
	d.pdf.SetLineWidth(width)
	d.pdf.Line(x1, y1, x2, y2)
}

// box fills a rectangle.
func (d *pdfDoc) box(x, y, w, h float64, c pdfColor) {
	if w <= 0 || h <= 0 {
		return
	}
	d.pdf.SetFillColor(c.r, c.g, c.b)
	d.pdf.Rect(x, y, w, h, "F")
}

// frame outlines a rectangle.
func (d *pdfDoc) frame(x, y, w, h float64, c pdfColor, width float64) {
	d.pdf.SetDrawColor(c.r, c.g, c.b)
	d.pdf.SetLineWidth(width)
	d.pdf.Rect(x, y, w, h, "D")
}

// dashed draws a dashed line, for the line of required points.
func (d *pdfDoc) dashed(x1, y1, x2, y2 float64, c pdfColor, width float64) {
	d.pdf.SetDrawColor(c.r, c.g, c.b)
	d.pdf.SetLineWidth(width)
	d.pdf.SetDashPattern([]float64{2.5, 1.5}, 0)
	d.pdf.Line(x1, y1, x2, y2)
	d.pdf.SetDashPattern([]float64{}, 0)
}

// pointsBar draws points against a maximum as a bar: a light track for the
// maximum, a dark fill for the points, with an outline so it prints in black
// and white. A required line (0 for none) is drawn as a dark mark across it.
func (d *pdfDoc) pointsBar(x, y, w, h float64, points, maxPoints, required int) {
	d.box(x, y, w, h, pdfTrack)
	if maxPoints > 0 {
		d.box(x, y, w*float64(min(max(points, 0), maxPoints))/float64(maxPoints), h, pdfNavy)
		if required > 0 && required <= maxPoints {
			rx := x + w*float64(required)/float64(maxPoints)
			d.stroke(rx, y-3, rx, y+h+3, pdfInk, 1.4)
		}
	}
	d.frame(x, y, w, h, pdfMuted, 0.4)
}
