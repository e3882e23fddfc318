//go:build ignore

// make_password writes bad_password.xlsx: opx_basic.xlsx encrypted with the
// password "secret" (ECMA-376 agile encryption in an OLE container, as Excel
// writes it). Run from the repository root:
//
//	go run ./reader/testdata/make_password.go
package main

import (
	"log"

	"github.com/xuri/excelize/v2"
)

func main() {
	f, err := excelize.OpenFile("reader/testdata/opx_basic.xlsx")
	if err != nil {
		log.Fatal(err)
	}
	defer f.Close()
	if err := f.SaveAs("reader/testdata/bad_password.xlsx", excelize.Options{Password: "secret"}); err != nil {
		log.Fatal(err)
	}
}
