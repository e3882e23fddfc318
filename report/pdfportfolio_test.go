package report

import (
	"bytes"
	"fmt"
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

func TestPortfolioPDFDraws(t *testing.T) {
	p := pdfPortfolio(t, 12)
	var buf bytes.Buffer
	warn, err := WritePortfolioPDF(&buf, p, "a4", pdfTestFonts(t))
	if err != nil {
		t.Fatal(err)
	}
	if len(warn) > 0 {
		t.Errorf("warnings %q", warn)
	}
	pdfKeep(t, "portfolio", buf.Bytes())
}
