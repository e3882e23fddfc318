package reader

import "github.com/pcs-tools/pcs/scoring"

// readCustomers reads the Customers sheet.
func (wr *wbReader) readCustomers(ref sheetRef) error {
	spec := &tableSpec{role: RoleCustomers, fields: customerFields}
	in := &wr.wb.Input
	var out []scoring.Customer
	var keys map[string]bool
	err := wr.readTable(ref, spec, func(cols []int) {
		out, keys = nil, map[string]bool{}
		in.Columns.CustomerID = letters(cols[0])
		in.Columns.CustomerSegment = letters(cols[2])
	}, func(tr *tableRow) {
		tr.require(spec, 0)
		id, _ := tr.text(tr.vals[0], tr.cols[0])
		name := tr.optionalText(1)
		segment, _ := tr.text(tr.vals[2], tr.cols[2])
		if tr.bad {
			return
		}
		out = append(out, scoring.Customer{ID: id, Name: name, Segment: segment, Source: scoring.Ref{Sheet: ref.name, Row: tr.num}})
		keys[scoring.IDKey(id)] = true
	})
	in.Customers = out
	wr.customerKeys = keys
	return err
}

// letters returns the letters of a column, "" for none.
func letters(col int) string {
	if col <= 0 {
		return ""
	}
	return columnName(col)
}

// optionalText reads a descriptive text field (a name): an error value in it
// is only a warning, and the field is left blank.
func (tr *tableRow) optionalText(i int) string {
	v := tr.vals[i]
	if v.kind == vError {
		tr.warnf(tr.cols[i], hintErrorValue, msgErrorValue(v.text))
		return ""
	}
	s, _ := tr.text(v, tr.cols[i])
	return s
}
