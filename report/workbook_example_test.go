package report_test

import (
	"fmt"
	"log"
	"os"
	"path/filepath"

	"github.com/xuri/excelize/v2"

	"github.com/pcs-tools/pcs/report"
	"github.com/pcs-tools/pcs/scoring"
)

// A partner workbook with one ACR row, annotated: the PCS sheets come
// first, and the row gets its status right of the data.
func ExampleWriteAnnotated() {
	dir, err := os.MkdirTemp("", "pcs-example")
	if err != nil {
		log.Fatal(err)
	}
	defer os.RemoveAll(dir)
	src := filepath.Join(dir, "contoso.xlsx")
	f := excelize.NewFile()
	f.SetSheetName("Sheet1", "Partner")
	f.SetSheetRow("Partner", "A1", &[]any{"Field", "Value"})
	f.SetSheetRow("Partner", "A2", &[]any{"Partner name", "Contoso Ltd"})
	f.NewSheet("ACR")
	f.SetSheetRow("ACR", "A1", &[]any{"Customer ID", "Month", "ACR (USD)", "Attribution"})
	f.SetSheetRow("ACR", "A2", &[]any{"C1", "2024-05", 1250.5, "Referral"})
	if err := f.SaveAs(src); err != nil {
		log.Fatal(err)
	}

	may, _ := scoring.ParseMonth("2024-05")
	in := &scoring.Input{Partner: scoring.Partner{Name: "Contoso Ltd", AsOf: may, Sheet: "Partner"}, ACRAttribution: true,
		ACR: []scoring.ACRRow{{Customer: "C1", Month: may, Amount: 125050, Attribution: "Referral", Rows: 1,
			Source: scoring.Ref{Sheet: "ACR", Row: 2}}}}
	rules, _ := scoring.Embedded("fy24")
	res, err := scoring.Score(in, rules, scoring.Options{})
	if err != nil {
		log.Fatal(err)
	}
	dst := filepath.Join(dir, "contoso.scored.xlsx")
	err = report.WriteAnnotated(src, dst, report.Annotation{Input: in, Result: res, Issues: res.Issues, Source: "contoso.xlsx",
		Sheets: []report.SheetLayout{
			{Name: "Partner", Role: "partner", HeaderRow: 1, LastColumn: 2, LastRow: 2},
			{Name: "ACR", Role: "acr", HeaderRow: 1, LastColumn: 4, LastRow: 2},
		}})
	if err != nil {
		log.Fatal(err)
	}

	out, err := excelize.OpenFile(dst)
	if err != nil {
		log.Fatal(err)
	}
	defer out.Close()
	fmt.Println(out.GetSheetList())
	status, _ := out.GetCellValue("ACR", "E2")
	fmt.Println(status)
	// Output:
	// [PCS Scorecard PCS Details PCS Issues Partner ACR]
	// not counted: attribution "Referral" is not PAL, DPOR, CSP
}

// The portfolio workbook of a batch run, with links relative to its folder.
func ExampleWritePortfolioXLSX() {
	dir, err := os.MkdirTemp("", "pcs-example")
	if err != nil {
		log.Fatal(err)
	}
	defer os.RemoveAll(dir)
	p := &report.Portfolio{Rules: "fy24", Rows: []report.PortfolioRow{{Source: "contoso.xlsx", Partner: "Contoso Ltd",
		Designation: "data-ai-azure", ShortName: "Data & AI", Points: 62, Required: 70, Gap: 8,
		Scorecard: "contoso.scorecard.pdf", Workbook: "contoso.scored.xlsx"}}}
	dst := filepath.Join(dir, "portfolio.xlsx")
	if err := report.WritePortfolioXLSX(dst, p); err != nil {
		log.Fatal(err)
	}
	f, err := excelize.OpenFile(dst)
	if err != nil {
		log.Fatal(err)
	}
	defer f.Close()
	_, link, _ := f.GetCellHyperLink(report.PortfolioSheet, "L5")
	fmt.Println(f.GetSheetList(), link)
	// Output:
	// [Portfolio Failed Counts] contoso.scorecard.pdf
}
