package report_test

import (
	"bytes"
	"fmt"

	"github.com/pcs-tools/pcs/report"
	"github.com/pcs-tools/pcs/scoring"
)

// exampleResult scores a tiny partner: one customer, one certified person.
func exampleResult() (*scoring.Input, *scoring.RuleSet, *scoring.Result) {
	may := scoring.MonthOf(2024, 5)
	in := &scoring.Input{
		Partner: scoring.Partner{Name: "Contoso Ltd", ID: "4412345", AsOf: may},
		ACR: []scoring.ACRRow{
			{Customer: "C1", Name: "Fabrikam", Month: may.Add(-12), Amount: scoring.USD(1000), Rows: 1},
			{Customer: "C1", Name: "Fabrikam", Month: may, Amount: scoring.USD(1500), Rows: 1},
		},
		Certifications: []scoring.Certification{{Individual: "ann@contoso.example", Certification: "AZ-104"}},
	}
	rs, err := scoring.Embedded("fy24")
	if err != nil {
		panic(err)
	}
	res, err := scoring.Score(in, rs, scoring.Options{})
	if err != nil {
		panic(err)
	}
	return in, rs, res
}

func ExampleWriteScorecard() {
	fonts, _, err := report.LoadFonts("") // once per run; shared by every scorecard
	if err != nil {
		fmt.Println(err)
		return
	}
	in, rs, res := exampleResult()
	sc := report.Scorecard{
		Result: res,
		Window: scoring.Window(in, rs, scoring.Options{}, res, 6),
		Issues: res.Issues,
		Source: "contoso.xlsx",
		Paper:  "a4",
	}
	var pdf bytes.Buffer // a file written with report.WriteAtomic in the command
	warnings, err := report.WriteScorecard(&pdf, sc, fonts)
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(bytes.HasPrefix(pdf.Bytes(), []byte("%PDF-")), len(warnings))
	// Output: true 0
}

func ExampleWritePortfolioPDF() {
	fonts, _, err := report.LoadFonts("")
	if err != nil {
		fmt.Println(err)
		return
	}
	_, _, res := exampleResult()
	p := &report.Portfolio{Rules: "fy24", Folder: "partners", Rows: report.PortfolioRows("contoso.xlsx", res),
		Failed: []report.PortfolioFailure{{Source: "broken.xlsx", Reason: "not an .xlsx file or the file is damaged"}}}
	var pdf bytes.Buffer
	warnings, err := report.WritePortfolioPDF(&pdf, p, "letter", fonts)
	fmt.Println(bytes.HasPrefix(pdf.Bytes(), []byte("%PDF-")), len(warnings), err)
	// Output: true 0 <nil>
}

func ExampleLoadFonts() {
	// The --cjk-font flag's value; when empty, PCS_CJK_FONT and then the
	// usual system locations are tried. Finding no CJK font is a warning.
	_, _, err := report.LoadFonts("/no/such/font.ttf")
	fmt.Println(err)
	// Output: cannot use the CJK font: /no/such/font.ttf: no such file or directory
}
