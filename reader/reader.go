package reader

import (
	"github.com/pcs-tools/pcs/scoring"
)

// Options tune reading.
type Options struct {
	// MaxUnzip is the most all parts of the workbook may inflate to
	// (0 means DefaultMaxUnzip, 1 GiB; the CLI's --max-unzip).
	MaxUnzip int64
}

// Sheet describes a sheet the reader recognised (for the annotated workbook).
type Sheet struct {
	Name       string // as the workbook spells it
	Role       Role
	HeaderRow  int  // 1-based row of the header; 0 when none was found
	LastColumn int  // 1-based index of the rightmost non-empty header cell
	LastRow    int  // last row read
	Wide       bool // ACR in the wide layout
	// StatusColumn is the 1-based column of a "PCS status" header left by an
	// earlier run (0 if none); it is not read as data.
	StatusColumn int
	// Hidden is true for a sheet hidden in the workbook (it is read all the same).
	Hidden bool
}

// Workbook is what the reader found.
type Workbook struct {
	Input scoring.Input
	// Issues holds every issue (errors and warnings): those of the whole
	// workbook first, then each sheet's in workbook order, in cell order.
	Issues []scoring.Issue
	// Sheets are the sheets read, in workbook order.
	Sheets []Sheet
	// SkippedRows counts the rows left out of Input because of an error in them.
	SkippedRows int
}

// HasErrors reports whether any issue is an error.
func (w *Workbook) HasErrors() bool {
	for _, is := range w.Issues {
		if is.Severity == scoring.SeverityError {
			return true
		}
	}
	return false
}

// Read reads a partner workbook. A file that cannot be read at all gives a
// *FileError (not an .xlsx, password-protected, damaged, a zip bomb, unsafe
// XML, text that is not UTF-8); problems in the data become issues of the
// Workbook, and rows with errors are left out of its Input. The file is only
// read, never written.
func Read(path string, opt Options) (*Workbook, error) {
	maxUnzip := opt.MaxUnzip
	if maxUnzip <= 0 {
		maxUnzip = DefaultMaxUnzip
	}
	p, err := openPackage(path, maxUnzip)
	if err != nil {
		return nil, err
	}
	defer p.close()
	b, err := readBook(p)
	if err != nil {
		return nil, err
	}
	wr := &wbReader{p: p, b: b, wb: &Workbook{}, global: &issueList{}}
	if err := wr.read(); err != nil {
		return nil, err
	}
	if err := checkUnread(p, b); err != nil {
		return nil, err
	}
	return wr.wb, nil
}

// wbReader reads one workbook.
type wbReader struct {
	p      *pkg
	b      *book
	wb     *Workbook
	global *issueList
	sheets map[Role]sheetRef
	lists  []sheetIssues // per sheet read or mentioned
	order  dateOrder     // the Partner sheet's Date order
	// headerDates reads the month headers of a wide ACR sheet.
	headerDates *dateCol

	// customerKeys holds the IDKey of every customer of the Customers sheet;
	// nil when there is no Customers sheet or its ID column is missing.
	customerKeys map[string]bool
}

type sheetIssues struct {
	index int
	list  *issueList
}

func (wr *wbReader) listFor(ref sheetRef) *issueList {
	for _, l := range wr.lists {
		if l.index == ref.index {
			return l.list
		}
	}
	l := &issueList{sheet: ref.name}
	wr.lists = append(wr.lists, sheetIssues{index: ref.index, list: l})
	return l
}

func (wr *wbReader) read() error {
	if err := wr.assignRoles(); err != nil {
		return err
	}
	in := &wr.wb.Input
	if ref, ok := wr.sheets[RolePartner]; ok {
		if err := wr.readPartner(ref); err != nil {
			return err
		}
	} else {
		wr.global.errorf(0, 0, hintNoPartner, msgNoSheet(RolePartner))
	}
	_, hasACR := wr.sheets[RoleACR]
	_, hasCerts := wr.sheets[RoleCertifications]
	_, hasDeploy := wr.sheets[RoleDeployments]
	if !hasACR && !hasCerts && !hasDeploy {
		wr.global.errorf(0, 0, hintNoData, msgNothingData)
	}
	readers := []struct {
		role Role
		read func(sheetRef) error
	}{
		{RoleCustomers, wr.readCustomers},
		{RoleACR, wr.readACR},
		{RoleCertifications, wr.readCertifications},
		{RoleDeployments, wr.readDeployments},
	}
	for _, r := range readers {
		ref, ok := wr.sheets[r.role]
		if !ok {
			if hasACR || hasCerts || hasDeploy || r.role == RoleCustomers {
				wr.global.warnf(0, 0, missingSheetEffect[r.role], msgNoSheet(r.role))
			}
			continue
		}
		if err := r.read(ref); err != nil {
			return err
		}
	}
	in.Partner.Sheet = wr.sheets[RolePartner].name
	wr.collectIssues()
	return nil
}

// commit keeps the issues of a sheet's final reading.
func (wr *wbReader) commit(sp *sheetPass) {
	explainMerges(sp.issues.kept, sp.scan.merges)
	l := wr.listFor(sp.ref)
	l.kept = append(l.kept, sp.issues.kept...)
	l.more += sp.issues.more
	l.moreErr = l.moreErr || sp.issues.moreErr
}

// assignRoles picks the sheet of each role: the one named most like the
// usual name, a visible one before a hidden one, the first on a tie. Other
// sheets of a role get a warning. A
// sheet the reader needs that the workbook lists without its part is damage.
func (wr *wbReader) assignRoles() error {
	wr.sheets = map[Role]sheetRef{}
	best := map[Role]int{}
	var others []struct {
		ref  sheetRef
		role Role
	}
	for _, s := range wr.b.sheets {
		role, rank, ok := roleOf(s.name)
		rank *= 2
		if s.hidden {
			rank++
		}
		switch {
		case !ok:
			continue
		case s.lost:
			return damaged(msgLostSheet(s.name))
		case s.part == "":
			continue
		}
		cur, have := wr.sheets[role]
		switch {
		case !have:
			wr.sheets[role], best[role] = s, rank
		case rank < best[role]:
			others = append(others, struct {
				ref  sheetRef
				role Role
			}{cur, role})
			wr.sheets[role], best[role] = s, rank
		default:
			others = append(others, struct {
				ref  sheetRef
				role Role
			}{s, role})
		}
	}
	for _, o := range others {
		wr.listFor(o.ref).warnf(0, 0, "", msgOtherSheet(o.ref.name, wr.sheets[o.role].name, o.role))
	}
	return nil
}

// addSheet records a sheet read, in workbook order.
func (wr *wbReader) addSheet(ref sheetRef, info *Sheet) {
	info.Hidden = ref.hidden
	i := len(wr.wb.Sheets)
	for i > 0 && wr.sheetIndex(wr.wb.Sheets[i-1].Name) > ref.index {
		i--
	}
	wr.wb.Sheets = append(wr.wb.Sheets, Sheet{})
	copy(wr.wb.Sheets[i+1:], wr.wb.Sheets[i:])
	wr.wb.Sheets[i] = *info
}

func (wr *wbReader) sheetIndex(name string) int {
	for _, s := range wr.b.sheets {
		if s.name == name {
			return s.index
		}
	}
	return -1
}

// collectIssues puts the issues in order: the workbook's, then each sheet's
// in workbook order.
func (wr *wbReader) collectIssues() {
	wr.wb.Issues = append(wr.wb.Issues, wr.global.issues()...)
	for i := range wr.b.sheets {
		for _, l := range wr.lists {
			if l.index == i {
				wr.wb.Issues = append(wr.wb.Issues, l.list.issues()...)
			}
		}
	}
}
