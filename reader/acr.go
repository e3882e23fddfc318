package reader

import (
	"github.com/pcs-tools/pcs/scoring"
	"strings"
)

// largeAmount is the amount in one cell above which the reader warns.
const largeAmount = scoring.Cents(10_000_000 * 100)

// Indexes of the ACR fields in acrFields.
const (
	acrCustomer = iota
	acrName
	acrMonth
	acrAmount
	acrAttribution
	acrArea
)

// totalRowKeys are the customer cells of a row of totals, which is left out.
var totalRowKeys = map[string]bool{"total": true, "totals": true, "grandtotal": true, "subtotal": true, "sum": true, "overalltotal": true}

// isTotalLabel reports whether a customer cell says the row holds totals.
func isTotalLabel(s string) bool {
	if len(s) > 16 || s == "" || !strings.ContainsRune("tTgGsSoO", rune(s[0])) {
		return false // the common case, without building a key
	}
	return totalRowKeys[scoring.Key(s)]
}

// monthColumn is a month column of the wide layout.
type monthColumn struct {
	col   int
	month scoring.Month
}

// readACR reads the ACR sheet, long or wide, adding up the rows of the same
// customer, month, attribution and solution area.
func (wr *wbReader) readACR(ref sheetRef) error {
	var agg *acrAgg
	var cols []int
	err := wr.readSheet(ref, RoleACR, func(sp *sheetPass, preset map[int]dateOrder) (map[int]dateOrder, int) {
		agg = newACRAgg(ref.name, len(wr.b.sst))
		var next map[int]dateOrder
		var skipped int
		cols, next, skipped = wr.acrPass(sp, agg, preset)
		return next, skipped
	})
	if err != nil {
		return err
	}
	in := &wr.wb.Input
	in.ACR = agg.rows()
	if wr.customerKeys != nil && cols != nil {
		agg.missingCustomers(wr.customerKeys, cols[acrCustomer], wr.listFor(ref))
	}
	return nil
}

// acrPass is one reading of the ACR sheet.
func (wr *wbReader) acrPass(sp *sheetPass, agg *acrAgg, preset map[int]dateOrder) ([]int, map[int]dateOrder, int) {
	in := &wr.wb.Input
	scoreFields := sp.scoreFields(acrFields)
	sp.findHeader(func(cells []cell) (int, int) {
		known, required := scoreFields(cells)
		for i := range cells {
			if _, ok := wr.monthHeader(sp, &cells[i], false); ok {
				known++ // in the wide layout, month columns are the data
				required++
			}
		}
		return known, required
	}, requiredToFind(acrFields))
	if !sp.found {
		sp.issues.warnf(0, 0, "", msgEmptySheet(RoleACR))
		return nil, nil, 0
	}
	cols := sp.columns(acrFields)
	var months []monthColumn
	if cols[acrMonth] == 0 {
		months = wr.monthColumns(sp, cols)
	}
	switch {
	case cols[acrMonth] > 0 || len(months) == 0 && cols[acrAmount] > 0:
		if !sp.missingColumns(acrFields, cols) {
			return nil, nil, sp.countRows()
		}
	case len(months) > 0:
		sp.info.Wide = true
		if cols[acrCustomer] == 0 {
			sp.issues.errorf(0, 0, hintNoColumn, msgNoColumn(acrFields[acrCustomer]))
			return nil, nil, sp.countRows()
		}
	default:
		if cols[acrCustomer] == 0 {
			sp.issues.errorf(0, 0, hintNoColumn, msgNoColumn(acrFields[acrCustomer]))
		}
		sp.issues.errorf(0, 0, hintNoColumn, msgNoMonthColumns(acrFields[acrMonth]))
		return nil, nil, sp.countRows()
	}
	if cols[acrAttribution] == 0 {
		sp.issues.warnf(0, 0, hintNoAttribution, msgNoAttribution)
	}
	in.ACRAttribution = cols[acrAttribution] > 0
	in.Columns.ACRCustomer = letters(cols[acrCustomer])
	in.Columns.ACRMonth = letters(cols[acrMonth])
	in.Columns.ACRAmount = letters(cols[acrAmount])
	in.Columns.ACRAttribution = letters(cols[acrAttribution])
	in.Columns.ACRArea = letters(cols[acrArea])

	all := append([]int(nil), cols...)
	for _, m := range months {
		all = append(all, m.col)
	}
	rf := newRowFields(all)
	sp.scan.maxCol = len(rf.colField) - 1
	vals := make([]value, len(all))
	formats := wr.b.formats
	var dc *dateCol
	if !sp.info.Wide {
		dc = wr.dateColumn(cols[acrMonth], preset)
	}
	skipped, waiting := 0, 0
	var row cellRow
	sp.eachRow(func(num int, cells []cell) {
		rf.set(cells)
		blank := true
		for i := range vals {
			vals[i] = valueOf(rf.vals[i], formats)
			if vals[i].kind != vEmpty && (i == acrCustomer || (!sp.info.Wide && (i == acrMonth || i == acrAmount)) || i >= len(cols)) {
				blank = false
			}
		}
		if blank || sp.repeatsHeader(vals, all) {
			return
		}
		row = cellRow{sp: sp, num: num}
		if v := vals[acrCustomer]; v.kind == vText && isTotalLabel(v.text) {
			row.warnf(cols[acrCustomer], hintTotalRow, msgTotalRow(v.quoted()))
			return
		}
		r := &row
		if vals[acrCustomer].kind == vEmpty {
			r.errorf(cols[acrCustomer], "", msgMissing(acrFields[acrCustomer].what))
		}
		customer, _ := r.text(vals[acrCustomer], cols[acrCustomer])
		var name string
		if vals[acrName].kind == vError {
			r.warnf(cols[acrName], hintErrorValue, msgErrorValue(vals[acrName].text))
		} else {
			name, _ = r.text(vals[acrName], cols[acrName])
		}
		attribution, _ := r.text(vals[acrAttribution], cols[acrAttribution])
		area, _ := r.text(vals[acrArea], cols[acrArea])
		if !sp.info.Wide {
			var month scoring.Month
			var amount scoring.Cents
			if vals[acrMonth].kind == vEmpty {
				r.errorf(cols[acrMonth], "", msgMissing(acrFields[acrMonth].what))
			} else {
				month, _ = r.month(vals[acrMonth], dc)
			}
			if vals[acrAmount].kind == vEmpty {
				r.errorf(cols[acrAmount], "", msgMissing(acrFields[acrAmount].what))
			} else if c, ok := r.amount(vals[acrAmount], cols[acrAmount]); ok {
				amount = c
				r.checkLarge(c, cols[acrAmount])
			}
			switch {
			case r.bad:
				skipped++
			case r.wait:
				waiting++
			default:
				agg.add(textOfValue(&vals[acrCustomer], customer), textOfValue(&vals[acrName], name),
					textOfValue(&vals[acrAttribution], attribution), textOfValue(&vals[acrArea], area), month, amount, num)
			}
			return
		}
		amounts := make([]scoring.Cents, len(months))
		for i, m := range months {
			v := vals[len(cols)+i]
			if v.kind == vEmpty {
				continue
			}
			if c, ok := r.amount(v, m.col); ok {
				amounts[i] = c
				r.checkLarge(c, m.col)
			}
		}
		if r.bad {
			skipped++
			return
		}
		for i, m := range months {
			if vals[len(cols)+i].kind != vEmpty {
				agg.add(textOfValue(&vals[acrCustomer], customer), textOfValue(&vals[acrName], name),
					textOfValue(&vals[acrAttribution], attribution), textOfValue(&vals[acrArea], area), m.month, amounts[i], num)
			}
		}
	})
	var next map[int]dateOrder
	if dc != nil {
		next = sp.settled([]*dateCol{dc})
	}
	return cols, next, skipped + waiting
}

// checkLarge warns about an amount that is likely a mistake.
func (r *cellRow) checkLarge(c scoring.Cents, col int) {
	if c > largeAmount || c < -largeAmount {
		r.warnf(col, "", msgLargeAmount(c))
	}
}

// monthHeader reads a header cell of the wide layout as a month: a date cell,
// or month text. With report set, an a/b/yyyy header that cannot be settled
// is an error. ok is false for other headers.
func (wr *wbReader) monthHeader(sp *sheetPass, c *cell, report bool) (scoring.Month, bool) {
	v := valueOf(c, wr.b.formats)
	switch {
	case v.kind == vNumber && v.fmt == numDate, v.kind == vISODate:
	case v.kind == vText:
		if td := parseTextDate(v.text); td.form == formNone || isNumber([]byte(v.text)) {
			return 0, false
		}
	default:
		return 0, false
	}
	if !report {
		return 0, true
	}
	r := &cellRow{sp: sp, num: sp.header.num}
	m, ok := r.month(v, wr.headerDates)
	if r.wait {
		r.errorf(c.col, hintAmbiguousDate, msgAmbiguousDate(v.quoted(), "", 1))
	}
	return m, ok
}

// monthColumns finds the month columns of the wide layout among the header
// cells no field took.
func (wr *wbReader) monthColumns(sp *sheetPass, cols []int) []monthColumn {
	taken := map[int]bool{sp.info.StatusColumn: true}
	for _, c := range cols {
		taken[c] = true
	}
	// Settle the order of a/b/yyyy headers from the headers themselves.
	wr.headerDates = newDateCol(0, wr.order)
	for i := range sp.header.cells {
		c := &sp.header.cells[i]
		if v := valueOf(c, wr.b.formats); v.kind == vText && !taken[c.col] && wr.headerDates.order == orderUnknown {
			if td := parseTextDate(v.text); td.form == formAB {
				if dmy, known := td.settles(); known {
					wr.headerDates.order = orderMDY
					if dmy {
						wr.headerDates.order = orderDMY
					}
				}
			}
		}
	}
	var out []monthColumn
	for i := range sp.header.cells {
		c := &sp.header.cells[i]
		if taken[c.col] {
			continue
		}
		wr.headerDates.col = c.col
		if m, ok := wr.monthHeader(sp, c, true); ok {
			out = append(out, monthColumn{col: c.col, month: m})
		}
	}
	return out
}
