package reader_test

import (
	"errors"
	"fmt"

	"github.com/pcs-tools/pcs/reader"
)

// Read a partner workbook and look at what it holds.
func ExampleRead() {
	wb, err := reader.Read("testdata/opx_basic.xlsx", reader.Options{})
	if err != nil {
		fmt.Println(err)
		return
	}
	in := wb.Input
	fmt.Println(in.Partner.Name, "as of", in.Partner.AsOf)
	fmt.Println(len(in.Customers), "customers,", len(in.ACR), "ACR rows,", len(in.Certifications), "certifications,", len(in.Deployments), "deployments")
	r := in.ACR[4]
	fmt.Printf("%s %s: %s from rows %v\n", r.Customer, r.Month.Label(), r.Amount, r.Lines)
	fmt.Println("errors:", wb.HasErrors())
	// Output:
	// Contoso Ltd as of 2024-05
	// 4 customers, 6 ACR rows, 3 certifications, 3 deployments
	// C-002 May 2024: USD 2,700.25 from rows [6 7 8]
	// errors: false
}

// A file that is not a workbook gives a FileError whose Reason and Hint are
// written for the person who chose the file.
func ExampleFileError() {
	_, err := reader.Read("testdata/bad_password.xlsx", reader.Options{})
	var fe *reader.FileError
	if errors.As(err, &fe) {
		fmt.Println(fe.Reason)
		fmt.Println(fe.Hint)
	}
	// Output:
	// the workbook is protected with a password, so it cannot be read
	// Open it in Excel, choose File > Info > Protect Workbook > Encrypt with Password, clear the password, and save it.
}

// Issues name the sheet and the cell of each problem.
func ExampleWorkbook_HasErrors() {
	wb, err := reader.Read("testdata/opx_formula_nocache.xlsx", reader.Options{})
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, is := range wb.Issues {
		if is.Sheet == "ACR" {
			fmt.Println(is)
		}
	}
	fmt.Println("errors:", wb.HasErrors(), "skipped rows:", wb.SkippedRows)
	// Output:
	// ACR!E2: the formula in this cell has no saved result
	// ACR!E3: the formula in this cell has no saved result
	// ACR!F3: the formula in this cell has no saved result
	// errors: true skipped rows: 2
}
