package reader

// tableSpec describes a sheet that is a table of fields.
type tableSpec struct {
	role   Role
	fields []field
	dates  map[string]dateWant // the date fields
	// absent warns when an optional column is missing: field id -> message, hint.
	absent map[string][2]string
}

// tableRow is one row of a table being read.
type tableRow struct {
	*cellRow
	vals []value    // per field
	cols []int      // per field: the column, 0 when absent
	dcs  []*dateCol // per field: the date column, nil for other fields
}

// require reports a required field left blank; ok is false then.
func (tr *tableRow) require(spec *tableSpec, i int) bool {
	if tr.vals[i].kind == vEmpty {
		tr.errorf(tr.cols[i], "", msgMissing(spec.fields[i].what))
		return false
	}
	return true
}

// readTable reads a table sheet. begin is called at the start of each
// reading with the columns found; row is called for every row whose required
// cells are not all empty, and the caller keeps the row's record unless the
// row turns out bad or waiting.
func (wr *wbReader) readTable(ref sheetRef, spec *tableSpec, begin func(cols []int), row func(tr *tableRow)) error {
	return wr.readSheet(ref, spec.role, func(sp *sheetPass, preset map[int]dateOrder) (map[int]dateOrder, int) {
		return wr.tablePass(sp, spec, preset, begin, row)
	})
}

// readSheet reads a sheet with pass, twice when the first reading settles
// the order of a date column only after some of its ambiguous dates (03/04/2024)
// were read: the second reading knows the order from the start. pass returns
// those orders (nil when none) and the number of rows it skipped.
func (wr *wbReader) readSheet(ref sheetRef, role Role, pass func(sp *sheetPass, preset map[int]dateOrder) (map[int]dateOrder, int)) error {
	var preset map[int]dateOrder
	for attempt := 0; ; attempt++ {
		sp, err := wr.openPass(ref, role)
		if err != nil {
			return err
		}
		next, skipped := pass(sp, preset)
		sp.close()
		if err := sp.err(); err != nil {
			return err
		}
		if next != nil && attempt == 0 {
			preset = next
			continue
		}
		wr.wb.SkippedRows += skipped
		wr.addSheet(ref, sp.info)
		wr.commit(sp)
		return nil
	}
}

// dateColumns makes the date columns of a reading: the order is the Partner
// sheet's Date order, else the one a first reading settled, else unknown.
func (wr *wbReader) dateColumn(col int, preset map[int]dateOrder) *dateCol {
	dc := newDateCol(col, wr.order)
	if o, ok := preset[col]; ok && wr.order == orderUnknown {
		dc.order = o
	}
	return dc
}

// settled returns the orders of the date columns that were settled after
// some of their dates had to wait, and reports the columns nothing settled.
func (sp *sheetPass) settled(dcs []*dateCol) map[int]dateOrder {
	var next map[int]dateOrder
	for _, dc := range dcs {
		if dc.pending > 0 && dc.order != orderUnknown {
			if next == nil {
				next = map[int]dateOrder{}
			}
			next[dc.col] = dc.order
		}
		sp.reportPending(dc)
	}
	return next
}

// tablePass is one reading of a table sheet. It returns the orders of date
// columns settled after some of their dates had to wait (a second reading
// is needed) and the number of rows skipped.
func (wr *wbReader) tablePass(sp *sheetPass, spec *tableSpec, preset map[int]dateOrder, begin func(cols []int), row func(tr *tableRow)) (map[int]dateOrder, int) {
	sp.findHeader(sp.scoreFields(spec.fields), requiredToFind(spec.fields))
	if !sp.found {
		sp.issues.warnf(0, 0, "", msgEmptySheet(spec.role))
		return nil, 0
	}
	cols := sp.columns(spec.fields)
	if !sp.missingColumns(spec.fields, cols) {
		return nil, sp.countRows()
	}
	for i, f := range spec.fields {
		if w, ok := spec.absent[f.id]; ok && cols[i] == 0 {
			sp.issues.warnf(0, 0, w[1], w[0])
		}
	}
	begin(cols)
	rf := newRowFields(cols)
	sp.scan.maxCol = len(rf.colField) - 1
	tr := &tableRow{vals: make([]value, len(cols)), cols: cols, dcs: make([]*dateCol, len(cols))}
	var dcs []*dateCol
	for i, f := range spec.fields {
		if _, ok := spec.dates[f.id]; ok && cols[i] > 0 {
			tr.dcs[i] = wr.dateColumn(cols[i], preset)
			dcs = append(dcs, tr.dcs[i])
		}
	}
	skipped, waiting := 0, 0
	formats := wr.b.formats
	sp.eachRow(func(num int, cells []cell) {
		rf.set(cells)
		blank := true
		for i := range tr.vals {
			tr.vals[i] = valueOf(rf.vals[i], formats)
			if spec.fields[i].required && tr.vals[i].kind != vEmpty {
				blank = false
			}
		}
		if blank || sp.repeatsHeader(tr.vals, cols) {
			return
		}
		tr.cellRow = &cellRow{sp: sp, num: num}
		row(tr)
		switch {
		case tr.bad:
			skipped++
		case tr.wait:
			waiting++
		}
	})
	return sp.settled(dcs), skipped + waiting
}
