package reader

import (
	"runtime/debug"
	"sort"

	"github.com/pcs-tools/pcs/scoring"
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
		if v := vals[acrCustomer]; v.kind == vText && totalRowKeys[scoring.Key(v.text)] {
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

// aggKey identifies the ACR rows that are added up.
type aggKey struct {
	customer, attribution, area int32
	month                       int32
}

// aggEntry is one added-up ACR row; text fields are indexes into strs.
type aggEntry struct {
	customer, name, attribution, area int32
	month                             scoring.Month
	amount                            scoring.Cents
	first, rows                       int32
	head, tail                        int32 // the sheet rows, a list in lines
}

// recentBits sizes the cache of recently added keys: rows of one customer
// usually come together, and their keys then stay in this cache instead of
// costing a lookup in a large map each.
const recentBits = 8

type recentKey struct {
	key aggKey
	idx int32
}

// aggLine is one sheet row of an entry, in a list.
type aggLine struct{ row, next int32 }

// aggText is a text cell of an ACR row: its trimmed text and, for a shared
// string, its index (-1 otherwise), which saves hashing the text again.
type aggText struct {
	s   string
	sst int32
}

func textOfValue(v *value, s string) aggText { return aggText{s: s, sst: v.sst} }

// chunkBits sizes the chunks the aggregator stores entries and lines in, so
// that growing never copies (nor leaves behind) a large array.
const chunkBits = 14

type chunked[T any] struct {
	chunks [][]T
	n      int
}

func (c *chunked[T]) add(v T) int32 {
	if c.n>>chunkBits == len(c.chunks) {
		c.chunks = append(c.chunks, make([]T, 0, 1<<chunkBits))
	}
	last := &c.chunks[len(c.chunks)-1]
	*last = append(*last, v)
	c.n++
	return int32(c.n - 1)
}

func (c *chunked[T]) at(i int32) *T { return &c.chunks[i>>chunkBits][i&(1<<chunkBits-1)] }

// acrAgg adds up ACR rows. Its memory grows with the number of distinct
// (customer, month, attribution, solution area) and 8 bytes per sheet row.
type acrAgg struct {
	sheet   string
	strs    []string
	strIDs  map[string]int32
	sstStr  []int32          // shared string index -> its id in strs (-1: not yet)
	sstKey  []int32          // shared string index -> the id of its IDKey (-1: not yet)
	keyOf   map[string]int32 // other text -> the id of its IDKey
	keyIDs  map[string]int32 // IDKey -> id
	keyText []string         // id -> IDKey
	keyRow  []int32          // id -> first row as a customer (0: never a customer)
	keyName []int32          // id -> its text in that row
	index   map[aggKey]int32
	recent  [1 << recentBits]recentKey // a small cache in front of index
	entries chunked[aggEntry]
	lines   chunked[aggLine]
}

func newACRAgg(sheet string, sst int) *acrAgg {
	a := &acrAgg{sheet: sheet, strIDs: map[string]int32{}, keyOf: map[string]int32{}, keyIDs: map[string]int32{},
		index: map[aggKey]int32{}, sstStr: make([]int32, sst), sstKey: make([]int32, sst)}
	for i := range a.recent {
		a.recent[i].idx = -1
	}
	for i := range a.sstStr {
		a.sstStr[i], a.sstKey[i] = -1, -1
	}
	return a
}

func (a *acrAgg) intern(t aggText) int32 {
	if t.sst >= 0 {
		if id := a.sstStr[t.sst]; id >= 0 {
			return id
		}
	}
	id, ok := a.strIDs[t.s]
	if !ok {
		id = int32(len(a.strs))
		a.strs = append(a.strs, t.s)
		a.strIDs[t.s] = id
	}
	if t.sst >= 0 {
		a.sstStr[t.sst] = id
	}
	return id
}

func (a *acrAgg) key(t aggText) int32 {
	if t.sst >= 0 {
		if id := a.sstKey[t.sst]; id >= 0 {
			return id
		}
	} else if id, ok := a.keyOf[t.s]; ok {
		return id
	}
	k := scoring.IDKey(t.s)
	id, ok := a.keyIDs[k]
	if !ok {
		id = int32(len(a.keyText))
		a.keyIDs[k] = id
		a.keyText = append(a.keyText, k)
		a.keyRow = append(a.keyRow, 0)
		a.keyName = append(a.keyName, 0)
	}
	if t.sst >= 0 {
		a.sstKey[t.sst] = id
	} else {
		a.keyOf[t.s] = id
	}
	return id
}

func (a *acrAgg) add(customer, name, attribution, area aggText, month scoring.Month, amount scoring.Cents, row int) {
	ck := a.key(customer)
	if a.keyRow[ck] == 0 {
		a.keyRow[ck], a.keyName[ck] = int32(row), a.intern(customer)
	}
	k := aggKey{customer: ck, attribution: a.key(attribution), area: a.key(area), month: int32(month)}
	line := a.lines.add(aggLine{row: int32(row), next: -1})
	slot := &a.recent[(uint32(k.customer)*0x9E3779B1+uint32(k.month)*0x85EBCA6B+uint32(k.area)*31+uint32(k.attribution))>>(32-recentBits)]
	i, ok := slot.idx, slot.key == k && slot.idx >= 0
	if !ok {
		i, ok = a.index[k]
	}
	if ok {
		*slot = recentKey{key: k, idx: i}
		e := a.entries.at(i)
		e.amount = scoring.AddCents(e.amount, amount)
		e.rows++
		a.lines.at(e.tail).next = line
		e.tail = line
		if name.s != "" && a.strs[e.name] == "" {
			e.name = a.intern(name)
		}
		return
	}
	i = a.entries.add(aggEntry{
		customer: a.intern(customer), name: a.intern(name), attribution: a.intern(attribution), area: a.intern(area),
		month: month, amount: amount, first: int32(row), rows: 1, head: line, tail: line,
	})
	a.index[k] = i
	*slot = recentKey{key: k, idx: i}
}

// rows returns the added-up rows in the order of their first sheet row.
func (a *acrAgg) rows() []scoring.ACRRow {
	a.index, a.keyOf, a.strIDs, a.sstStr, a.sstKey = nil, nil, nil, nil, nil
	n := a.entries.n
	if n == 0 {
		return nil
	}
	if n > 1<<16 {
		// Give the index's memory back (to the system too) before the result
		// is allocated: on a sheet of a million rows this keeps the peak
		// resident memory tens of megabytes lower.
		debug.FreeOSMemory()
	}
	lines := make([]int32, 0, a.lines.n)
	out := make([]scoring.ACRRow, n)
	for i := range out {
		e := a.entries.at(int32(i))
		start := len(lines)
		for l := e.head; l >= 0; l = a.lines.at(l).next {
			lines = append(lines, a.lines.at(l).row)
		}
		out[i] = scoring.ACRRow{
			Customer: a.strs[e.customer], Name: a.strs[e.name], Month: e.month, Amount: e.amount,
			Attribution: a.strs[e.attribution], SolutionArea: a.strs[e.area],
			Source: scoring.Ref{Sheet: a.sheet, Row: int(e.first)}, Rows: int(e.rows),
			Lines: lines[start:len(lines):len(lines)],
		}
		if i&(1<<chunkBits-1) == 1<<chunkBits-1 {
			a.entries.chunks[i>>chunkBits] = nil // done with this chunk
		}
	}
	a.entries, a.lines = chunked[aggEntry]{}, chunked[aggLine]{}
	return out
}

// missingCustomers warns once about the customers of the ACR sheet that the
// Customers sheet does not list.
func (a *acrAgg) missingCustomers(known map[string]bool, col int, issues *issueList) {
	type miss struct {
		row  int32
		text string
	}
	var missing []miss
	for id, k := range a.keyText {
		if a.keyRow[id] > 0 && !known[k] {
			missing = append(missing, miss{a.keyRow[id], a.strs[a.keyName[id]]})
		}
	}
	if len(missing) == 0 {
		return
	}
	sort.Slice(missing, func(i, j int) bool { return missing[i].row < missing[j].row })
	var ids []string
	for _, m := range missing[:min(3, len(missing))] {
		ids = append(ids, m.text)
	}
	issues.warnf(col, int(missing[0].row), hintMissingCustomers, msgMissingCustomers(len(missing), ids))
}
