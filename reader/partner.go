package reader

import (
	"bytes"
	"strings"

	"github.com/pcs-tools/pcs/scoring"
)

// partnerCell is the value cell of one Partner field.
type partnerCell struct {
	v        value
	col, row int
}

// readPartner reads the Partner sheet: one field a row, the field's name in
// one column and its value in the next (with or without a Field/Value header
// row). A sheet laid out the other way, field names across a header row and
// the values in the row below, is read too.
func (wr *wbReader) readPartner(ref sheetRef) error {
	sp, err := wr.openPass(ref, RolePartner)
	if err != nil {
		return err
	}
	defer sp.close()
	formats := wr.b.formats
	var rows []savedRow
	layout := -1 // index in rows of the row that shows the layout
	for len(rows) < headerWindow && sp.scan.next() {
		if sp.nonEmpty(sp.scan.cells) == 0 {
			continue
		}
		rows = append(rows, saveRow(sp.scan.num, sp.scan.cells))
		if sp.nonEmpty(sp.scan.cells) >= 2 {
			layout = len(rows) - 1
			break
		}
	}
	fields := map[string]partnerCell{}
	// A field given twice keeps its first value; a blank one (the
	// template's row left empty, the value typed in a row added below)
	// neither wins nor gets a warning.
	set := func(f field, pc partnerCell) {
		pc.v.num = bytes.Clone(pc.v.num) // the row's cells are reused
		prev, dup := fields[f.id]
		switch {
		case dup && pc.v.blank():
			return
		case dup && !prev.v.blank():
			sp.issues.warnf(pc.col, pc.row, "", msgDuplicateField(f.what, cellName(prev.col, prev.row)))
			return
		}
		fields[f.id] = pc
	}
	labelCol, valueCol, horizontal := 0, 0, false
	if layout >= 0 {
		lr := rows[layout]
		known := 0
		for i := range lr.cells {
			c := &lr.cells[i]
			text := sp.headerText(c)
			switch {
			case matchName(text, partnerLabelNames) >= 0 && labelCol == 0:
				labelCol = c.col
			case matchName(text, partnerValueNames) >= 0 && valueCol == 0:
				valueCol = c.col
			}
			if partnerField(text) != nil {
				known++
			}
		}
		switch {
		case labelCol > 0 && valueCol > labelCol:
			sp.info.HeaderRow = lr.num
			rows = rows[layout+1:]
		case known >= 2:
			horizontal = true
			sp.info.HeaderRow = lr.num
		default:
			labelCol, valueCol = 0, 0
			for i := range lr.cells {
				if partnerField(sp.headerText(&lr.cells[i])) != nil {
					labelCol = lr.cells[i].col
					break
				}
			}
			for i := range lr.cells {
				c := &lr.cells[i]
				if valueOf(c, formats).kind == vEmpty {
					continue
				}
				if labelCol == 0 {
					labelCol = c.col
				} else if c.col > labelCol {
					valueCol = c.col
					break
				}
			}
		}
	}
	if horizontal {
		wr.partnerAcross(sp, rows[layout], set)
	} else {
		if labelCol == 0 {
			labelCol, valueCol = 1, 2
			for _, r := range rows {
				if len(r.cells) > 0 {
					labelCol, valueCol = r.cells[0].col, r.cells[0].col+1
					break
				}
			}
		}
		if valueCol == 0 {
			valueCol = labelCol + 1
		}
		sp.info.LastColumn = valueCol
		warnFrom := 0 // unknown fields from this row on get a warning
		switch {
		case sp.info.HeaderRow > 0:
			warnFrom = sp.info.HeaderRow + 1
		case layout >= 0:
			warnFrom = rows[layout].num
		}
		rf := newRowFields([]int{labelCol, valueCol})
		sp.saved = rows
		sp.scan.maxCol = valueCol
		sp.eachRow(func(num int, cells []cell) {
			rf.set(cells)
			label := valueOf(rf.vals[0], formats)
			if label.kind != vText {
				return
			}
			v := valueOf(rf.vals[1], formats)
			f := partnerField(label.text)
			if f == nil {
				if v.kind != vEmpty && warnFrom > 0 && num >= warnFrom {
					sp.issues.warnf(labelCol, num, hintPartnerFields(), msgUnknownPartnerField(label.text))
				}
				return
			}
			set(*f, partnerCell{v: v, col: valueCol, row: num})
		})
	}
	if err := sp.err(); err != nil {
		return err
	}
	wr.partnerValues(sp, fields)
	wr.addSheet(sp.ref, sp.info)
	wr.commit(sp)
	return nil
}

// partnerAcross reads a Partner sheet whose field names head the columns
// of the header row, with the values in the next row.
func (wr *wbReader) partnerAcross(sp *sheetPass, header savedRow, set func(field, partnerCell)) {
	var valueRow *savedRow
	for sp.scan.next() {
		if sp.nonEmpty(sp.scan.cells) > 0 {
			r := saveRow(sp.scan.num, sp.scan.cells)
			valueRow = &r
			break
		}
	}
	if valueRow != nil {
		sp.info.LastRow = valueRow.num
	}
	for i := range header.cells {
		c := &header.cells[i]
		f := partnerField(sp.headerText(c))
		if f == nil {
			continue
		}
		sp.info.LastColumn = max(sp.info.LastColumn, c.col)
		pc := partnerCell{col: c.col, row: header.num + 1}
		if valueRow != nil {
			pc.row = valueRow.num
			for j := range valueRow.cells {
				if valueRow.cells[j].col == c.col {
					pc.v = valueOf(&valueRow.cells[j], wr.b.formats)
				}
			}
		}
		set(*f, pc)
	}
	for sp.scan.next() {
	}
}

// partnerField returns the Partner field a label names, or nil.
func partnerField(label string) *field {
	if label == "" {
		return nil
	}
	for i := range partnerFields {
		if matchName(label, partnerFields[i].names) >= 0 {
			return &partnerFields[i]
		}
	}
	return nil
}

// partnerValues reads the values of the Partner fields into the Input.
func (wr *wbReader) partnerValues(sp *sheetPass, fields map[string]partnerCell) {
	p := &wr.wb.Input.Partner
	p.Cells = map[string]string{}
	for id, pc := range fields {
		p.Cells[id] = cellName(pc.col, pc.row)
	}
	row := func(pc partnerCell) *cellRow { return &cellRow{sp: sp, num: pc.row} }
	if pc, ok := fields["date_order"]; ok && pc.v.kind != vEmpty {
		r := row(pc)
		if s, ok := r.text(pc.v, pc.col); ok {
			switch scoring.Key(s) {
			case "dmy", "ddmmyyyy", "ddmmyy", "dmyyyy", "daymonthyear":
				wr.order = orderDMY
			case "mdy", "mmddyyyy", "mmddyy", "mdyyyy", "monthdayyear":
				wr.order = orderMDY
			default:
				r.errorf(pc.col, "", msgBadDateOrder(pc.v.quoted()))
			}
		}
	}
	if pc, ok := fields["name"]; !ok {
		sp.issues.errorf(0, 0, hintPartnerName, msgNoPartnerName())
	} else if pc.v.kind == vEmpty {
		sp.issues.errorf(pc.col, pc.row, hintPartnerName, msgMissing(partnerFields[0].what))
	} else if s, ok := row(pc).text(pc.v, pc.col); ok {
		p.Name = s
	}
	if pc, ok := fields["id"]; ok && pc.v.kind != vEmpty {
		if s, ok := row(pc).text(pc.v, pc.col); ok {
			p.ID = s
		}
	}
	if pc, ok := fields["as_of"]; ok && pc.v.kind != vEmpty {
		r := row(pc)
		if m, ok := r.month(pc.v, newDateCol(pc.col, wr.order)); ok {
			p.AsOf = m
		} else if r.wait {
			r.errorf(pc.col, hintAmbiguousDate, msgAmbiguousDate(pc.v.quoted(), "", 1))
		}
	}
	if pc, ok := fields["path"]; ok && pc.v.kind != vEmpty {
		r := row(pc)
		if s, ok := r.text(pc.v, pc.col); ok {
			switch scoring.Key(s) {
			case "auto":
				p.Path = scoring.PathAuto
			case "smb":
				p.Path = scoring.PathSMB
			case "enterprise":
				p.Path = scoring.PathEnterprise
			default:
				r.errorf(pc.col, "", msgBadPath(pc.v.quoted()))
			}
		}
	}
	if pc, ok := fields["designations"]; ok && pc.v.kind != vEmpty {
		if s, ok := row(pc).text(pc.v, pc.col); ok {
			p.Designations = splitList(s)
		}
	}
	if pc, ok := fields["ttm_acr"]; ok && pc.v.kind != vEmpty {
		if c, ok := row(pc).amount(pc.v, pc.col); ok {
			p.TTMACR = &c
		}
	}
	if pc, ok := fields["smb_share"]; ok && pc.v.kind != vEmpty {
		if s, ok := row(pc).share(pc.v, pc.col); ok {
			p.SMBShare = &s
		}
	}
	if pc, ok := fields["recipients"]; ok && pc.v.kind != vEmpty {
		if s, ok := row(pc).text(pc.v, pc.col); ok {
			p.Recipients = splitList(s)
		}
	}
}

// splitList splits a list written in one cell on commas, semicolons and
// line breaks, dropping blank items.
func splitList(s string) []string {
	var out []string
	for _, item := range strings.FieldsFunc(s, func(r rune) bool { return r == ',' || r == ';' || r == '\n' }) {
		if item = strings.TrimSpace(item); item != "" {
			out = append(out, item)
		}
	}
	return out
}

// share reads a percentage: a cell formatted as a percentage or text ending
// in % is a percent; a plain number of 1 or less is a fraction (0.86 is 86%),
// a larger one a percent.
func (r *cellRow) share(v value, col int) (scoring.Share, bool) {
	if !r.checkValue(&v, col) {
		return 0, false
	}
	var num string
	fraction := false
	switch v.kind {
	case vNumber:
		num = excelDecimal(v.num)
		fraction = v.fmt == numPercent || !greaterThanOne(num)
	case vText:
		t := strings.Map(func(r rune) rune {
			if r == ' ' || r == '\u00a0' || r == '\u202f' {
				return -1
			}
			return r
		}, v.text)
		if strings.HasSuffix(t, "%") {
			num = strings.TrimSuffix(t, "%")
		} else if isNumber([]byte(t)) {
			num = excelDecimal([]byte(t))
			fraction = !greaterThanOne(num)
		} else {
			r.errorf(col, hintPercent, msgNotPercent(v.quoted()))
			return 0, false
		}
	default:
		r.errorf(col, hintPercent, msgNotPercent(v.quoted()))
		return 0, false
	}
	var s scoring.Share
	var err error
	if fraction {
		s, err = scoring.ParseFraction(num)
	} else {
		s, err = scoring.ParsePercent(num)
	}
	if err != nil {
		r.errorf(col, hintPercent, msgNotPercent(v.quoted()))
		return 0, false
	}
	if s < 0 || s > 100*scoring.SharePercent {
		r.errorf(col, hintPercent, msgPercentRange(v.quoted()))
		return 0, false
	}
	return s, true
}

// greaterThanOne reports whether a plain decimal number is above 1.
func greaterThanOne(num string) bool {
	s, err := scoring.ParseFraction(num)
	return err == nil && s > 100*scoring.SharePercent
}
