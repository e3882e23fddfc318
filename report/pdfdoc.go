package report

import (
	"fmt"
	"io"
	"strings"
	"time"

	"codeberg.org/go-pdf/fpdf"
)

// pdfDoc is one PDF being drawn: fpdf plus the page geometry, the fonts and
// the record of characters no font can draw. Units are points.
type pdfDoc struct {
	pdf    *fpdf.Fpdf
	fonts  *Fonts
	family map[*fontFace]string // fonts registered in this document
	// cjkRunes are the characters the CJK font may draw in this document:
	// those of the texts it shows (see pdfCJKRunes).
	cjkRunes map[rune]bool

	w, h        float64 // page size
	left, right float64 // content spans left .. right
	top, bottom float64 // content spans top .. bottom (the footer is below)
	y           float64 // where the next block starts
	footer      pdfFooter
	glyphs      *pdfGlyphs
	cont        func() // draws a "continued" heading on a page added by need
	ellipsis    string
}

// pdfFooter is what the footer of every page says.
type pdfFooter struct {
	Source, Edition, Month string
}

// pdfPageAlias stands for the number of pages until the document is closed.
// It is made of control characters, which text from the input never keeps
// (see pdfClean), so a name cannot be taken for it.
const pdfPageAlias = "\x01nb\x01"

// pdfPaper returns fpdf's name of a paper size.
func pdfPaper(paper string) (string, error) {
	switch strings.ToLower(strings.TrimSpace(paper)) {
	case "", "a4":
		return "A4", nil
	case "letter":
		return "Letter", nil
	}
	return "", fmt.Errorf("paper size %q is not a4 or letter", paper)
}

// newPDFDoc starts a document. date is written as its creation date, so the
// same data always gives the same bytes.
func newPDFDoc(paper string, fonts *Fonts, title string, date time.Time, foot pdfFooter) (*pdfDoc, error) {
	size, err := pdfPaper(paper)
	if err != nil {
		return nil, err
	}
	if fonts == nil {
		return nil, fmt.Errorf("no fonts loaded for the PDF")
	}
	p := fpdf.NewCustom(&fpdf.InitType{OrientationStr: "P", UnitStr: "pt", SizeStr: size})
	p.SetCreationDate(date)
	p.SetModificationDate(date)
	p.SetCatalogSort(true)
	p.SetProducer("pcs", true)
	p.SetCreator("pcs", true)
	p.SetCompression(true)
	p.SetAutoPageBreak(false, 0)
	p.SetMargins(0, 0, 0)
	p.AliasNbPages(pdfPageAlias) // before any font: it decides fpdf's subset range
	d := &pdfDoc{pdf: p, fonts: fonts, family: map[*fontFace]string{}, footer: foot, glyphs: newPDFGlyphs(fonts)}
	d.w, d.h, _ = p.PageSize(0)
	d.left, d.right = 48, d.w-48
	d.top, d.bottom = 44, d.h-56
	d.register(&fonts.regular)
	d.register(&fonts.bold)
	d.ellipsis = "…"
	if !fonts.regular.has('…') {
		d.ellipsis = "..."
	}
	p.SetTitle(pdfClean(title), true)
	return d, nil
}

// register adds a font to the document once; the CJK font is added only when
// a page needs it, which keeps documents without CJK text small and fast.
func (d *pdfDoc) register(f *fontFace) string {
	if name, ok := d.family[f]; ok {
		return name
	}
	name, style := "go", ""
	switch f {
	case &d.fonts.bold:
		style = "B"
	case &d.fonts.regular:
	default:
		name = "cjk"
	}
	data := f.data
	if name == "cjk" {
		// Only the characters this document needs, which spares fpdf from
		// reading a character map of tens of thousands of glyphs.
		rs := make([]rune, 0, len(d.cjkRunes))
		for r := range d.cjkRunes {
			rs = append(rs, r)
		}
		if trimmed, err := f.withCmap(rs); err == nil {
			data = trimmed
		}
	}
	d.pdf.AddUTF8FontFromBytes(name, style, data)
	d.family[f] = name
	return name
}

// setFace selects a font for the next text.
func (d *pdfDoc) setFace(f *fontFace, size float64) {
	name := d.register(f)
	style := ""
	if f == &d.fonts.bold {
		style = "B"
	}
	d.pdf.SetFont(name, style, size)
}

// addPage starts a page, draws its footer and puts y at the top.
func (d *pdfDoc) addPage() {
	d.pdf.AddPage()
	d.drawFooter()
	d.y = d.top
}

// need starts a new page when h points do not fit below y; the new page
// starts with the continuation heading, if any.
func (d *pdfDoc) need(h float64) {
	if d.y+h <= d.bottom {
		return
	}
	d.addPage()
	if d.cont != nil {
		d.cont()
	}
}

// drawFooter writes the footer of the current page.
func (d *pdfDoc) drawFooter() {
	y := d.bottom + 18
	d.rule(d.left, y-6, d.right, pdfRuleColor, 0.5)
	st := pdfStyle{size: 7.5, color: pdfMuted}
	pageText := fmt.Sprintf("Page %d of ", d.pdf.PageNo())
	pageW := d.width(pageText+"999", st)
	parts := []string{}
	if d.footer.Source != "" {
		parts = append(parts, "Source: "+d.footer.Source)
	}
	if d.footer.Edition != "" {
		parts = append(parts, "Rules: "+d.footer.Edition)
	}
	if d.footer.Month != "" {
		parts = append(parts, "For "+d.footer.Month)
	}
	d.line(d.left, y, d.fit(strings.Join(parts, "  ·  "), st, d.right-d.left-pageW-12), st)
	d.line(d.right-pageW, y, pageText, st)
	d.rawText(d.right-pageW+d.width(pageText, st), y, pdfPageAlias, st)
	d.line(d.left, y+10, "An estimate computed from the partner's own data, not a statement of Microsoft's: Microsoft decides designations in Partner Center.", st)
}

// rawText draws text the document made itself, without cleaning it.
func (d *pdfDoc) rawText(x, y float64, s string, st pdfStyle) {
	d.setFace(d.mainFace(st.bold), st.size)
	d.pdf.SetTextColor(st.color.r, st.color.g, st.color.b)
	d.pdf.Text(x, y+st.size*0.86, s)
}

func (d *pdfDoc) mainFace(bold bool) *fontFace {
	if bold {
		return &d.fonts.bold
	}
	return &d.fonts.regular
}

// write finishes the document and writes it to w. A panic inside fpdf (a
// damaged font, say) becomes an error: a PDF is written completely or not at all.
func (d *pdfDoc) write(w io.Writer) (err error) {
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("cannot draw the PDF: %v", r)
		}
	}()
	if err := d.pdf.Error(); err != nil {
		return fmt.Errorf("cannot draw the PDF: %w", err)
	}
	if err := d.pdf.Output(w); err != nil {
		return fmt.Errorf("cannot write the PDF: %w", err)
	}
	return nil
}
