package report

import (
	"bytes"
	"fmt"
	"strings"
	"testing"
)

// pdfPortfolio is a batch of partners: some attain, some are close, some far,
// and two workbooks failed.
func pdfPortfolio(t testing.TB, partners int) *Portfolio {
	p := &Portfolio{Rules: "fy24", Folder: "/data/Q2 partners"}
	for i := range partners {
		var b *pdfInput
		switch i % 3 {
		case 0:
			b = pdfContoso(t, fmt.Sprintf("Contoso %02d Ltd", i))
		case 1:
			b = pdfAttained(t, fmt.Sprintf("Fabrikam %02d GmbH", i), 8+i%5)
		default:
			b = pdfAttained(t, fmt.Sprintf("Northwind %02d AG", i), 4)
		}
		sc := b.scorecard("fy24")
		p.Rows = append(p.Rows, PortfolioRows(fmt.Sprintf("partner-%02d.xlsx", i), sc.Result)...)
	}
	p.Failed = []PortfolioFailure{
		{Source: "broken.xlsx", Reason: "not an .xlsx file or the file is damaged"},
		{Source: "locked.xlsx", Reason: "password-protected workbook: save it without a password"},
	}
	p.Sort()
	return p
}

// TestPortfolioPDF checks the portfolio page: one page on either paper,
// valid, deterministic, with the counts, the closest partners shortened with
// "and N more", the failures and the interruption.
func TestPortfolioPDF(t *testing.T) {
	p := pdfPortfolio(t, 30)
	p.Interrupted, p.Pending = true, 4
	for _, paper := range []string{"a4", "letter"} {
		var a bytes.Buffer
		if _, err := WritePortfolioPDF(&a, p, paper, pdfTestFonts(t)); err != nil {
			t.Fatal(err)
		}
		pdfKeep(t, "portfolio-"+paper, a.Bytes())
		pdfExec(t, a.Bytes(), "qpdf", "qpdf", "--check", "FILE")
		pages := pdfText(t, a.Bytes())
		if len(pages) != 1 {
			t.Fatalf("%s: %d pages, want 1", paper, len(pages))
		}
		text := pdfSquash(pages[0])
		counts := p.Counts()
		for _, c := range counts {
			want := fmt.Sprintf("%d attained · %d within 10 points · %d further (of %d)", c.Attained, c.Within10, c.Further, c.Attained+c.Within10+c.Further)
			if !strings.Contains(text, want) {
				t.Errorf("%s: lacks %q", paper, want)
			}
		}
		for _, want := range []string{"30 workbooks scored", "2 workbooks could not be scored", "Rules fy24", "Portfolio: Q2 partners",
			"more not attained", "broken.xlsx: not an .xlsx file", "4 workbooks were not scored", "Page 1 of 1", "Source: Q2 partners"} {
			if !strings.Contains(text, want) {
				t.Errorf("%s: lacks %q", paper, want)
			}
		}
		pdfInBounds(t, a.Bytes())
	}
	// Determinism, on the same portfolio drawn twice.
	var a, b bytes.Buffer
	if _, err := WritePortfolioPDF(&a, p, "a4", pdfTestFonts(t)); err != nil {
		t.Fatal(err)
	}
	if _, err := WritePortfolioPDF(&b, p, "a4", pdfTestFonts(t)); err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(a.Bytes(), b.Bytes()) {
		t.Error("two drawings of the same portfolio differ")
	}
}

func TestPortfolioPDFEdges(t *testing.T) {
	var buf bytes.Buffer
	if _, err := WritePortfolioPDF(&buf, nil, "a4", pdfTestFonts(t)); err == nil {
		t.Error("nil portfolio: no error")
	}
	if _, err := WritePortfolioPDF(&buf, &Portfolio{}, "legal", pdfTestFonts(t)); err == nil {
		t.Error("legal paper: no error")
	}
	// Nothing scored, everything failed.
	buf.Reset()
	p := &Portfolio{Rules: "fy26", Failed: []PortfolioFailure{{Source: "a.xlsx", Reason: "not an .xlsx file"}}}
	if _, err := WritePortfolioPDF(&buf, p, "a4", pdfTestFonts(t)); err != nil {
		t.Fatal(err)
	}
	if text := pdfSquash(strings.Join(pdfText(t, buf.Bytes()), "")); !strings.Contains(text, "No partner was scored.") || !strings.Contains(text, "a.xlsx: not an .xlsx file") {
		t.Errorf("text: %s", text)
	}
	// A partner name no font can draw is reported.
	p = pdfPortfolio(t, 3)
	p.Rows[0].Partner = "株式会社サンプル"
	buf.Reset()
	warn, err := WritePortfolioPDF(&buf, p, "a4", pdfFontsWithoutCJK(t))
	if err != nil {
		t.Fatal(err)
	}
	if len(warn) != 1 || !strings.HasPrefix(warn[0], `partner name "株式会社サンプル" has characters no font can draw: 株`) {
		t.Errorf("warnings %q", warn)
	}
}
