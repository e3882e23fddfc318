package report

import (
	"bytes"
	"encoding/xml"
	"fmt"

	"github.com/xuri/excelize/v2"
)

// wbStyles are the cell formats of the PCS sheets and the status column.
// Colours are six hex digits: excelize adds the alpha, and openpyxl rejects
// anything but eight.
type wbStyles struct {
	title, subtitle, note, section, label, text, wrap, bold, link int
	header, headerWrap                                            int
	money, moneyBold, integer, intBold, effect, percent, month    int
	date                                                          int
	yes, no, total, totalMoney                                    int
	status                                                        sheetLook
	// cfZero marks scorecard cells that are 0 (a metric without a point).
	cfZero int
}

const (
	colorNavy      = "1F4E79"
	colorGrey      = "595959"
	colorLightBlue = "DDEBF7"
	colorGreenFill = "C6EFCE"
	colorGreenFont = "006100"
	colorRedFill   = "FFC7CE"
	colorRedFont   = "9C0006"
	colorAmberFill = "FFEB9C"
	colorAmberFont = "7F6000"
	colorRowFill   = "FCE4D6"
	colorBorder    = "A6A6A6"
)

// Number formats: money with two decimals, months as yyyy-mm, dates as yyyy-mm-dd.
const (
	fmtMoney   = `#,##0.00`
	fmtInteger = `#,##0`
	fmtEffect  = `+0;-0;0`
	fmtPercent = `0.0"%"`
	fmtMonth   = `yyyy-mm`
	fmtDate    = `yyyy-mm-dd`
)

func newWorkbookStyles(f *excelize.File) (*wbStyles, error) {
	var err error
	mk := func(s *excelize.Style) int {
		if err != nil {
			return 0
		}
		var id int
		id, err = f.NewStyle(s)
		return id
	}
	dxf := func(s *excelize.Style) int {
		if err != nil {
			return 0
		}
		var id int
		id, err = newDxf(f, s)
		return id
	}
	top := &excelize.Alignment{Vertical: "top"}
	wrapTop := &excelize.Alignment{Vertical: "top", WrapText: true}
	num := func(format string, bold bool, align string) *excelize.Style {
		return &excelize.Style{CustomNumFmt: &format, Font: &excelize.Font{Bold: bold},
			Alignment: &excelize.Alignment{Vertical: "top", Horizontal: align}}
	}
	line := []excelize.Border{{Type: "bottom", Color: colorBorder, Style: 1}}
	topLine := []excelize.Border{{Type: "top", Color: colorGrey, Style: 1}}
	fill := func(c string) excelize.Fill { return excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{c}} }

	s := &wbStyles{}
	s.title = mk(&excelize.Style{Font: &excelize.Font{Bold: true, Size: 16, Color: colorNavy}})
	s.subtitle = mk(&excelize.Style{Font: &excelize.Font{Size: 11, Color: colorGrey}})
	s.note = mk(&excelize.Style{Font: &excelize.Font{Italic: true, Color: colorGrey}, Alignment: wrapTop})
	s.section = mk(&excelize.Style{Font: &excelize.Font{Bold: true, Size: 13, Color: colorNavy}, Border: line})
	s.label = mk(&excelize.Style{Font: &excelize.Font{Bold: true}, Alignment: top})
	s.text = mk(&excelize.Style{Alignment: top})
	s.wrap = mk(&excelize.Style{Alignment: wrapTop})
	s.bold = mk(&excelize.Style{Font: &excelize.Font{Bold: true}, Alignment: wrapTop})
	s.link = mk(&excelize.Style{Font: &excelize.Font{Color: "0563C1", Underline: "single"}, Alignment: top})
	s.header = mk(&excelize.Style{Font: &excelize.Font{Bold: true, Color: "FFFFFF"}, Fill: fill(colorNavy),
		Alignment: &excelize.Alignment{Vertical: "center"}})
	s.headerWrap = mk(&excelize.Style{Font: &excelize.Font{Bold: true, Color: "FFFFFF"}, Fill: fill(colorNavy),
		Alignment: &excelize.Alignment{Vertical: "center", WrapText: true}})
	s.money = mk(num(fmtMoney, false, ""))
	s.moneyBold = mk(num(fmtMoney, true, ""))
	s.integer = mk(num(fmtInteger, false, ""))
	s.intBold = mk(num(fmtInteger, true, ""))
	s.effect = mk(num(fmtEffect, true, "center"))
	s.percent = mk(num(fmtPercent, false, ""))
	s.month = mk(num(fmtMonth, false, "left"))
	s.date = mk(num(fmtDate, false, "left"))
	s.yes = mk(&excelize.Style{Font: &excelize.Font{Bold: true, Color: colorGreenFont}, Fill: fill(colorGreenFill), Alignment: top})
	s.no = mk(&excelize.Style{Font: &excelize.Font{Bold: true, Color: colorRedFont}, Fill: fill(colorRedFill), Alignment: top})
	s.total = mk(&excelize.Style{Font: &excelize.Font{Bold: true}, Border: topLine, Alignment: top})
	totalFmt := fmtInteger
	s.totalMoney = mk(&excelize.Style{Font: &excelize.Font{Bold: true}, Border: topLine, CustomNumFmt: &totalFmt, Alignment: top})

	s.status.header = mk(&excelize.Style{Font: &excelize.Font{Bold: true, Color: colorNavy}, Fill: fill(colorLightBlue)})
	s.status.counted = mk(&excelize.Style{Font: &excelize.Font{Color: colorGreenFont}})
	s.status.notCounted = mk(&excelize.Style{Font: &excelize.Font{Color: "833C0B"}})
	s.status.failed = mk(&excelize.Style{Font: &excelize.Font{Bold: true, Color: colorRedFont}})
	s.status.rowFill = dxf(&excelize.Style{Fill: fill(colorRowFill)})
	s.status.rowError = dxf(&excelize.Style{Fill: fill(colorRedFill)})
	s.status.cellError = dxf(&excelize.Style{Font: &excelize.Font{Bold: true, Color: colorRedFont}, Fill: fill("FF8B8B"),
		Border: []excelize.Border{{Type: "left", Color: colorRedFont, Style: 2}, {Type: "right", Color: colorRedFont, Style: 2},
			{Type: "top", Color: colorRedFont, Style: 2}, {Type: "bottom", Color: colorRedFont, Style: 2}}})
	s.status.cellWarning = dxf(&excelize.Style{Font: &excelize.Font{Color: colorAmberFont}, Fill: fill(colorAmberFill)})
	s.cfZero = dxf(&excelize.Style{Font: &excelize.Font{Bold: true, Color: colorRedFont}, Fill: fill(colorRedFill)})
	if err != nil {
		return nil, fmt.Errorf("cannot add the cell formats: %w", err)
	}
	return s, nil
}

// newDxf adds a differential format (of a conditional format), reusing an
// identical one the workbook has: excelize always appends, and a workbook
// scored again would gain formats each time.
func newDxf(f *excelize.File, s *excelize.Style) (int, error) {
	id, err := f.NewConditionalStyle(s)
	if err != nil || f.Styles == nil || f.Styles.Dxfs == nil {
		return id, err
	}
	d := f.Styles.Dxfs
	if id != len(d.Dxfs)-1 || d.Count != len(d.Dxfs) {
		return id, nil
	}
	added, err := xml.Marshal(d.Dxfs[id])
	if err != nil {
		return id, nil
	}
	for i := 0; i < id; i++ {
		if b, err := xml.Marshal(d.Dxfs[i]); err == nil && bytes.Equal(b, added) {
			d.Dxfs = d.Dxfs[:id]
			d.Count = len(d.Dxfs)
			return i, nil
		}
	}
	return id, nil
}
