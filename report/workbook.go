package report

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"os"
	"strconv"
	"strings"

	"github.com/xuri/excelize/v2"

	"github.com/pcs-tools/pcs/scoring"
)

// SheetLayout says where a source sheet's data is, as the reader found it.
type SheetLayout struct {
	Name       string // as spelled in the workbook
	Role       string // "partner", "customers", "acr", "certifications", "deployments"
	HeaderRow  int    // 1-based
	LastColumn int    // 1-based, rightmost header cell of the data
	LastRow    int
	// StatusColumn is the 1-based column of a "PCS status" column left by an
	// earlier run (reused), or 0 if none.
	StatusColumn int
}

// Annotation is everything the annotated workbook shows.
type Annotation struct {
	Input  *scoring.Input  // what the reader found
	Result *scoring.Result // the score, with a status per sheet row in Result.Rows
	Issues []scoring.Issue // every issue (reader and engine), with Sheet and Cell
	Sheets []SheetLayout
	// SkippedRows counts rows left out because of errors (--allow-errors).
	SkippedRows int
	Source      string // the input file's base name
}

// Names of the sheets the annotated workbook adds. A workbook scored again
// has its earlier PCS sheets replaced.
const (
	ScorecardSheet = "PCS Scorecard"
	DetailsSheet   = "PCS Details"
	IssuesSheet    = "PCS Issues"
)

// AnnotateRowLimit is the most rows a sheet may have to get a status column
// in place. The rewrite never loads the sheet into a spreadsheet model (with
// excelize, touching one cell of a 200,000-row sheet costs about 1.5 GB); it
// rewrites the sheet's XML, which costs about 1 s and 50 MB for 100,000 rows
// of six columns, growing with the sheet. Past the limit a status column is
// no longer something a person reads row by row, so the sheet is left
// exactly as it is and its rows that did not count are listed on PCS
// Details instead.
const AnnotateRowLimit = 100_000

// maxSheetPart bounds the XML of a sheet rewritten in place, for sheets
// within the row limit but with very many columns.
const maxSheetPart = 96 << 20

// Roles of sheets that get a status column.
var statusRoles = map[string]bool{"customers": true, "acr": true, "certifications": true, "deployments": true}

// WriteAnnotated writes the partner's workbook srcPath to dstPath with the
// scorecard, the details, the issues and a status on every row that
// mattered. Every sheet, cell, style, formula, merge, name, validation,
// comment, link, chart and hidden state of the partner's is kept. srcPath is
// only read; dstPath is written completely or not at all.
func WriteAnnotated(srcPath, dstPath string, a Annotation) error {
	if a.Result == nil {
		return errors.New("no score to annotate the workbook with")
	}
	if si, err := os.Stat(srcPath); err == nil {
		if di, err := os.Stat(dstPath); err == nil && os.SameFile(si, di) {
			return fmt.Errorf("%s: the annotated workbook would replace the input; choose another output", dstPath)
		}
	}
	pkg, err := openPackage(srcPath)
	if err != nil {
		return err
	}
	defer pkg.Close()
	w := &annotator{a: &a, pkg: pkg}
	if err := w.prepare(); err != nil {
		return err
	}
	defer w.f.Close()
	if err := w.build(); err != nil {
		return err
	}
	return WriteAtomic(dstPath, func(tmp *os.File) error {
		out := newZipOut(tmp, pkg, w.given)
		if err := w.route(out); err != nil {
			return err
		}
		w.f.SetZipWriter(func(io.Writer) excelize.ZipWriter { return out })
		if err := w.f.Write(io.Discard); err != nil {
			return fmt.Errorf("cannot write the annotated workbook: %w", err)
		}
		for name, part := range w.pcsParts {
			if !out.written[part] {
				return fmt.Errorf("internal error: the sheet %s was not written", name)
			}
		}
		return nil
	})
}

// annotator carries one WriteAnnotated run.
type annotator struct {
	a     *Annotation
	pkg   *srcPackage
	f     *excelize.File
	given map[string][]byte
	st    *wbStyles
	notes map[string]*sheetNotes

	sheets   []*plannedSheet
	date1904 bool
	oldParts []string // parts of an earlier run's PCS sheets
	drop     map[string]bool
	// selected lists original sheets whose views say they are selected.
	selected map[string]bool
	// keepActive is a sheet too large to rewrite that stays the active one.
	keepActive string

	frames   map[string]*grid  // PCS sheet name -> its cells
	pcsParts map[string]string // PCS sheet name -> its part
	fillers  []string          // placeholder parts that keep excelize's numbering clear
	sst      *sstReader
}

// plannedSheet is a source sheet the reader located.
type plannedSheet struct {
	layout  SheetLayout
	src     *srcSheet
	notes   *sheetNotes
	inPlace bool   // gets its status column and marks in place
	why     string // why not, for the scorecard
}

// isPCSSheet reports whether a sheet is one this package adds.
func isPCSSheet(name string) bool {
	for _, n := range []string{ScorecardSheet, DetailsSheet, IssuesSheet} {
		if strings.EqualFold(name, n) {
			return true
		}
	}
	return false
}

func (w *annotator) prepare() error {
	a, pkg := w.a, w.pkg
	headers := map[string]int{}
	for _, l := range a.Sheets {
		headers[strings.ToLower(l.Name)] = l.HeaderRow
	}
	for _, s := range pkg.sheets {
		if isPCSSheet(s.name) && s.part != "" {
			w.oldParts = append(w.oldParts, s.part)
		}
	}
	var err error
	if w.drop, err = pkg.owned(w.oldParts); err != nil {
		return err
	}
	for _, p := range w.oldParts {
		delete(w.drop, p) // excelize deletes the sheet itself
	}
	large := w.planSheets()
	w.notes = collectNotes(a.Result, a.Issues, headers, large)
	for _, ps := range w.sheets {
		if ps.notes = w.notes[strings.ToLower(ps.layout.Name)]; ps.notes == nil {
			ps.notes = &sheetNotes{rows: map[int]rowNote{}}
		}
	}
	if err := w.findSelected(); err != nil {
		return err
	}
	addStyles, err := pkg.checkLayout()
	if err != nil {
		return err
	}
	reduced, given, err := pkg.reduced(w.drop, addStyles)
	if err != nil {
		return err
	}
	w.given = given
	w.f, err = excelize.OpenReader(bytes.NewReader(reduced), excelize.Options{UnzipSizeLimit: maxPackageBytes, UnzipXMLSizeLimit: maxPackageBytes})
	if err != nil {
		return fmt.Errorf("cannot open the workbook's structure: %w", err)
	}
	props, err := w.f.GetWorkbookProps()
	if err != nil {
		return fmt.Errorf("cannot read the workbook's settings: %w", err)
	}
	w.date1904 = props.Date1904 != nil && *props.Date1904
	if w.st, err = newWorkbookStyles(w.f); err != nil {
		return err
	}
	return nil
}

// planSheets decides, for each sheet the reader located, whether it is
// annotated in place, and returns the (folded) names of those that are not.
func (w *annotator) planSheets() map[string]bool {
	large := map[string]bool{}
	for _, l := range w.a.Sheets {
		src := w.pkg.sheet(l.Name)
		if src == nil || isPCSSheet(l.Name) {
			continue
		}
		ps := &plannedSheet{layout: l, src: src}
		part := w.pkg.files[src.part]
		switch {
		case !src.worksheet || part == nil:
			ps.why = "it is not a worksheet"
		case l.LastRow > AnnotateRowLimit:
			ps.why = fmt.Sprintf("it has %s rows, more than the %s annotated in place", groupInt(l.LastRow), groupInt(AnnotateRowLimit))
		case part.UncompressedSize64 > maxSheetPart:
			ps.why = fmt.Sprintf("its data takes %d MB, more than the %d MB annotated in place", part.UncompressedSize64>>20, maxSheetPart>>20)
		default:
			ps.inPlace = true
		}
		if !ps.inPlace {
			large[strings.ToLower(l.Name)] = true
		}
		w.sheets = append(w.sheets, ps)
	}
	return large
}

// findSelected finds the partner's sheets that are selected, so that the
// scorecard can be the one selected when the workbook opens.
func (w *annotator) findSelected() error {
	w.selected = map[string]bool{}
	untouched := map[string]bool{}
	for _, ps := range w.sheets {
		if !ps.inPlace {
			untouched[ps.src.part] = true
		}
	}
	for _, s := range w.pkg.sheets {
		if s.part == "" || isPCSSheet(s.name) {
			continue
		}
		sel, err := headSelected(w.pkg.files[s.part])
		if err != nil {
			return err
		}
		if !sel {
			continue
		}
		w.selected[s.part] = true
		// A sheet left untouched stays selected, and so the active one.
		if w.pkg.files[s.part].UncompressedSize64 > maxSheetPart || untouched[s.part] {
			w.keepActive = s.name
		}
	}
	return nil
}

func groupInt(n int) string { return scoring.Cents(int64(n) * 100).Plain0() }

// build adds the PCS sheets, in front of the partner's.
func (w *annotator) build() error {
	f := w.f
	for _, p := range w.oldParts {
		for _, s := range w.pkg.sheets {
			if s.part == p {
				if err := f.DeleteSheet(s.name); err != nil {
					return fmt.Errorf("cannot replace the earlier sheet %s: %w", s.name, err)
				}
			}
		}
	}
	names := []string{ScorecardSheet, DetailsSheet}
	if len(w.a.Issues) > 0 {
		names = append(names, IssuesSheet)
	}
	for _, n := range names {
		if _, err := f.NewSheet(n); err != nil {
			return fmt.Errorf("cannot add the sheet %s: %w", n, err)
		}
	}
	if err := moveToFront(f, names); err != nil {
		return err
	}
	if w.keepActive != "" {
		idx, err := f.GetSheetIndex(w.keepActive)
		if err != nil {
			return err
		}
		f.SetActiveSheet(idx)
	} else {
		f.SetActiveSheet(0)
	}
	if f.WorkBook.BookViews != nil && len(f.WorkBook.BookViews.WorkBookView) > 0 {
		f.WorkBook.BookViews.WorkBookView[0].FirstSheet = 0
	}
	w.fillPartGaps()
	w.frames = map[string]*grid{}
	var err error
	if w.frames[ScorecardSheet], err = w.scorecard(); err != nil {
		return err
	}
	if w.frames[DetailsSheet], err = w.details(); err != nil {
		return err
	}
	if len(w.a.Issues) > 0 {
		if w.frames[IssuesSheet], err = w.issues(); err != nil {
			return err
		}
	}
	return nil
}

// moveToFront puts the named sheets first, in order, keeping sheet-scoped
// defined names (print areas, filters) on their sheets.
func moveToFront(f *excelize.File, names []string) error {
	sheets := f.WorkBook.Sheets.Sheet
	n := len(sheets)
	old := make([]int, 0, n) // new position -> old position
	for _, name := range names {
		for i := range sheets {
			if sheets[i].Name == name {
				old = append(old, i)
			}
		}
	}
	if len(old) != len(names) {
		return errors.New("internal error: a new sheet is missing")
	}
	for i := range sheets {
		front := false
		for _, o := range old[:len(names)] {
			front = front || o == i
		}
		if !front {
			old = append(old, i)
		}
	}
	moved := make([]int, n) // old position -> new position
	for newPos, o := range old {
		moved[o] = newPos
	}
	reordered := slicesPermute(sheets, old)
	copy(sheets, reordered)
	if dn := f.WorkBook.DefinedNames; dn != nil {
		for i := range dn.DefinedName {
			if id := dn.DefinedName[i].LocalSheetID; id != nil && *id >= 0 && *id < n {
				v := moved[*id]
				dn.DefinedName[i].LocalSheetID = &v
			}
		}
	}
	return nil
}

// slicesPermute returns s reordered so that element i of the result is s[order[i]].
func slicesPermute[T any](s []T, order []int) []T {
	out := make([]T, len(order))
	for i, o := range order {
		out[i] = s[o]
	}
	return out
}

// route tells the output which bytes each part gets.
func (w *annotator) route(out *zipOut) error {
	// Parts of an earlier run's sheets never reach excelize; excelize may
	// give their names to the parts it adds, so they are not dropped here.
	for _, name := range w.fillers {
		out.drop[name] = true
	}
	for name, b := range w.given {
		if len(b) == 0 && w.pkg.files[name] != nil && w.pkg.files[name].UncompressedSize64 > 0 {
			out.placeholders[name] = true
		}
	}
	// excelize lists content types from a map: sorted, the output is the same every time.
	out.parts[contentTypesPart] = func(dst io.Writer, b []byte) error {
		_, err := dst.Write(sortContentTypes(b))
		return err
	}
	planned := map[string]*plannedSheet{}
	for _, ps := range w.sheets {
		if ps.inPlace {
			planned[ps.src.part] = ps
		}
	}
	for _, s := range w.pkg.sheets {
		if s.part == "" || isPCSSheet(s.name) {
			continue
		}
		untab := w.selected[s.part] && w.keepActive == ""
		switch ps := planned[s.part]; {
		case ps != nil:
			out.parts[s.part] = w.rewriter(ps, untab)
		case untab:
			out.parts[s.part] = w.rewriter(&plannedSheet{src: &s, notes: &sheetNotes{rows: map[int]rowNote{}}}, true)
		case s.worksheet:
			out.copies[s.part] = true
		}
	}
	w.pcsParts = map[string]string{}
	for name, g := range w.frames {
		part, err := w.sheetPart(name)
		if err != nil {
			return err
		}
		w.pcsParts[name] = part
		out.parts[part] = func(dst io.Writer, frame []byte) error {
			b, err := g.splice(frame)
			if err != nil {
				return err
			}
			_, err = dst.Write(b)
			return err
		}
	}
	return nil
}

// sheetPart returns the part excelize gave a sheet it added.
func (w *annotator) sheetPart(name string) (string, error) {
	for _, s := range w.f.WorkBook.Sheets.Sheet {
		if s.Name != name {
			continue
		}
		part := fmt.Sprintf("xl/worksheets/sheet%d.xml", s.SheetID)
		for _, o := range w.pkg.sheets {
			if o.part == part && !isPCSSheet(o.name) {
				return "", fmt.Errorf("cannot add sheets to this workbook: its part %s belongs to sheet %s although the sheet numbers say otherwise; open and save it in Excel or LibreOffice first", part, o.name)
			}
		}
		return part, nil
	}
	return "", fmt.Errorf("internal error: sheet %s is missing", name)
}

// fillPartGaps makes excelize number the drawings and charts it adds after
// every existing one: it counts parts to choose a name, so a gap in the
// numbering (chart2.xml without chart1.xml) would make it overwrite a part.
// The fillers are dropped from the output.
func (w *annotator) fillPartGaps() {
	for _, prefix := range []string{"xl/drawings/drawing", "xl/charts/chart"} {
		top := 0
		present := map[int]bool{}
		w.f.Pkg.Range(func(k, _ any) bool {
			name := k.(string)
			if n, ok := partNumber(name, prefix); ok {
				present[n] = true
				top = max(top, n)
			}
			return true
		})
		for n := 1; n < top; n++ {
			if !present[n] {
				name := prefix + strconv.Itoa(n) + ".xml"
				w.f.Pkg.Store(name, stubPart)
				w.fillers = append(w.fillers, name)
			}
		}
	}
}

// partNumber reads N from prefix + "N.xml".
func partNumber(name, prefix string) (int, bool) {
	rest, ok := strings.CutPrefix(name, prefix)
	if !ok {
		return 0, false
	}
	rest, ok = strings.CutSuffix(rest, ".xml")
	if !ok {
		return 0, false
	}
	n, err := strconv.Atoi(rest)
	return n, err == nil && n > 0
}

// rewriter returns the function that writes a partner's sheet with its
// annotations (or, without notes, only unselected).
func (w *annotator) rewriter(ps *plannedSheet, untab bool) func(io.Writer, []byte) error {
	return func(dst io.Writer, _ []byte) error {
		src, err := w.pkg.read(ps.src.part, maxSheetPart)
		if err != nil {
			return err
		}
		e := &sheetEdit{untab: untab, look: w.st.status, marks: ps.notes.marks}
		l := ps.layout
		if statusRoles[l.Role] && l.HeaderRow > 0 && l.LastColumn > 0 {
			e.headerRow, e.lastCol, e.lastRow = l.HeaderRow, l.LastColumn, max(l.LastRow, l.HeaderRow)
			e.statusCol, e.clearCol = l.StatusColumn, l.StatusColumn
			e.rows = map[int]rowNote{}
			for r, n := range ps.notes.rows {
				if r > l.HeaderRow {
					e.rows[r] = n
					e.lastRow = max(e.lastRow, r)
				}
			}
		}
		facts, err := scanSheet(src, e)
		if err != nil {
			return fmt.Errorf("sheet %s cannot be annotated: %w", ps.src.name, err)
		}
		col, reused := chooseStatusColumn(e, facts, w.sharedText)
		if reused {
			e.clearCol = col
		}
		out, err := rewriteSheet(src, e, col, facts)
		if err != nil {
			return fmt.Errorf("sheet %s cannot be annotated: %w", ps.src.name, err)
		}
		_, err = dst.Write(out)
		return err
	}
}

// sharedText returns a shared string of the partner's workbook.
func (w *annotator) sharedText(i int) (string, bool) {
	if w.sst == nil {
		w.sst = newSSTReader(w.pkg)
	}
	return w.sst.text(i)
}
