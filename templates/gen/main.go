// Command gen writes the blank partner workbook (templates/partner-template.xlsx).
// Run it with `go generate ./templates`.
package main

import (
	"fmt"
	"os"

	"github.com/pcs-tools/pcs/templates"
)

func main() {
	out := "partner-template.xlsx"
	if len(os.Args) > 1 {
		out = os.Args[1]
	}
	f, err := templates.BuildPartnerWorkbook()
	if err != nil {
		fmt.Fprintln(os.Stderr, "gen:", err)
		os.Exit(1)
	}
	defer f.Close()
	if err := f.SaveAs(out); err != nil {
		fmt.Fprintln(os.Stderr, "gen:", err)
		os.Exit(1)
	}
}
