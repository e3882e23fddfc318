package reader

// Every sentence the reader writes is here, so that they read alike: lower
// case at the start, no full stop at the end, plain words for a finance
// analyst. Hints are whole sentences that say what to do.

import (
	"errors"
	"fmt"
	"strings"
	"unicode/utf8"

	"github.com/pcs-tools/pcs/scoring"
)

// File errors: the file cannot be read at all.
const (
	msgEmptyFile    = "the file is empty"
	msgFolder       = "this is a folder, not a workbook"
	msgNoSuchFile   = "the file does not exist"
	msgNoPermission = "the file cannot be opened: permission denied"
	msgCannotOpen   = "the file cannot be opened"
	msgDamagedZip   = "the workbook is damaged or incomplete (it may have been cut short while it was copied or downloaded)"
	msgEncrypted    = "the workbook is protected with a password, so it cannot be read"
	msgLegacyXLS    = "this is an old-style Excel 97-2003 workbook (.xls), not an Excel workbook (.xlsx)"

	hintChooseFile  = "Check the file name and choose the Excel workbook (.xlsx) itself."
	hintPermission  = "Ask for read access to the file, or copy it to a folder of your own."
	hintEmptyFile   = "Choose the workbook itself, or save it again from Excel as an Excel Workbook (.xlsx)."
	hintDamaged     = "Copy or download the workbook again, or open it in Excel and save it again."
	hintSaveAsXLSX  = "Open it in Excel and save it with File > Save As > Excel Workbook (.xlsx)."
	hintEncrypted   = "Open it in Excel, choose File > Info > Protect Workbook > Encrypt with Password, clear the password, and save it."
	hintZipTooBig   = "If the workbook is genuine, raise the limit with --max-unzip."
	hintZipBomb     = "This is how malicious files (zip bombs) are built. If the workbook is genuine, open it in Excel and save it again."
	hintSavedAgain  = "Open the workbook in Excel and save it again as an Excel Workbook (.xlsx)."
	hintDamagedPart = "Open the workbook in Excel (it may offer to repair it) and save it again."
)

// What a file that is not an .xlsx seems to be, for notXLSX.
const (
	seemsPDF            = "a PDF document"
	seemsXMLSpreadsheet = "an Excel 2003 XML spreadsheet"
	seemsHTML           = "a web page (HTML)"
	seemsXML            = "an XML file"
	seemsRTF            = "a Rich Text (RTF) document"
	seemsCSV            = "a CSV text file"
	seemsText           = "a plain text file"
	seemsDoc            = "an older Word document (.doc)"
	seemsPpt            = "an older PowerPoint presentation (.ppt)"
	seemsOldOffice      = "an older Microsoft Office file"
	seemsDocx           = "a Word document (.docx)"
	seemsPptx           = "a PowerPoint presentation (.pptx)"
	seemsXlsb           = "an Excel binary workbook (.xlsb)"
	seemsOds            = "an OpenDocument spreadsheet (.ods)"
	seemsODF            = "an OpenDocument file"
	seemsZip            = "a zip archive"
)

func notXLSX(what string) *FileError {
	if what == "" {
		return &FileError{Kind: KindNotXLSX, Reason: "this is not an Excel workbook (.xlsx)", Hint: hintSaveAsXLSX}
	}
	return &FileError{Kind: KindNotXLSX, Reason: "this is " + what + ", not an Excel workbook (.xlsx)", Hint: hintSaveAsXLSX}
}

func msgZipTooBig(limit int64) string {
	return fmt.Sprintf("the workbook would take up more than %s once unpacked, more than the reader allows", bytesLabel(limit))
}

func msgZipBombRatio(part string, unpacked, packed uint64) string {
	ratio := "an unlimited number of"
	if packed > 0 {
		ratio = groupDigits(unpacked / packed)
	}
	return fmt.Sprintf("the workbook looks like a zip bomb: its part %s would unpack to %s times its stored size (%s)", safeName(part), ratio, bytesLabel(int64(min(unpacked, 1<<62))))
}

func msgLostSheet(name string) string {
	return fmt.Sprintf("the workbook is damaged: it lists the sheet %q but not where the sheet is", name)
}

func msgDuplicatePart(a, b string) string {
	if a == b {
		return fmt.Sprintf("the workbook is damaged: its part %s appears twice", safeName(a))
	}
	return fmt.Sprintf("the workbook is damaged: its parts %s and %s are one part written twice", safeName(a), safeName(b))
}

func msgMissingPart(part string) string {
	return fmt.Sprintf("the workbook is damaged: its part %s is missing", safeName(part))
}

// damaged is a FileError for a broken part of the package.
func damaged(reason string) *FileError {
	return &FileError{Kind: KindDamaged, Reason: reason, Hint: hintDamagedPart}
}

// partError turns a problem found while reading a part into a FileError that
// names the sheet (or else the part).
func partError(part, sheet string, err error) *FileError {
	where := "its part " + safeName(part)
	if sheet != "" {
		where = fmt.Sprintf("the sheet %q", sheet)
	}
	var me *malformedError
	var re *readError
	var se *sheetDataError
	switch {
	case err == errDTD:
		return &FileError{Kind: KindUnsafe, Reason: fmt.Sprintf("the workbook cannot be read safely: %s declares a DTD or entities, which Excel never writes", where), Hint: hintSavedAgain}
	case err == errText:
		return &FileError{Kind: KindBadText, Reason: fmt.Sprintf("the workbook holds text that is not valid UTF-8 in %s", where), Hint: hintSavedAgain}
	case err == errTruncated:
		return damaged(fmt.Sprintf("the workbook is damaged: %s ends too early", where))
	case err == errEmptyPart:
		return damaged(fmt.Sprintf("the workbook is damaged: %s is empty", where))
	case err == errTooLong:
		return damaged(fmt.Sprintf("the workbook is damaged: %s holds a value longer than Excel allows", where))
	case errors.As(err, &me):
		return damaged(fmt.Sprintf("the workbook is damaged: %s %s", where, me.Error()))
	case errors.As(err, &se):
		return damaged(fmt.Sprintf("the workbook is damaged: in %s, %s", where, se.detail))
	case errors.As(err, &re):
		return damaged(fmt.Sprintf("the workbook is damaged: %s cannot be unpacked", where))
	}
	return damaged(fmt.Sprintf("the workbook is damaged: %s cannot be read", where))
}

// Details of a damaged sheet or part, after "the workbook is damaged: in
// the sheet "ACR", " or "... is not well-formed XML: ".
const (
	detailTagName       = "a tag has no proper name"
	detailTagAttributes = "a tag has attributes that are not name=\"value\""
	detailStrayEndTag   = "an end tag does not match the element it closes"
	detailBareAmpersand = "a bare & in text"
	detailUnknownEntity = "an unknown entity &%s;"
)

func detailRowBeyond(n int) string {
	return fmt.Sprintf("row %d is beyond the last row of a sheet", n)
}

func detailBadReference(ref string) string {
	return fmt.Sprintf("a cell has the reference %q, which is not a cell of a sheet", clip(ref, 30))
}

func detailMissingSharedText(v string) string {
	return fmt.Sprintf("a cell refers to shared text number %s, which the workbook does not have", clip(v, 20))
}

// Sheet-level issues.

func msgNoSheet(role Role) string {
	names := roleNames(role)
	return fmt.Sprintf("there is no %s sheet (looked for: %s)", names[0], strings.Join(names, ", "))
}

var missingSheetEffect = map[Role]string{
	RoleCustomers:      "Without it the customers' segments are unknown, so the SMB/SMC share comes from the Partner sheet or the path is Enterprise.",
	RoleACR:            "Without it net customer adds and usage growth have no revenue to count.",
	RoleCertifications: "Without it the certification metrics have no one to count.",
	RoleDeployments:    "Without it the deployments metric has nothing to count.",
}

const (
	hintNoPartner  = "Add a sheet named Partner with the rows Partner name, As of and the other fields (pcs template writes one)."
	msgNothingData = "the workbook has none of the ACR, Certifications and Deployments sheets, so there is nothing to score"
	hintNoData     = "Add the ACR, Certifications and Deployments sheets (pcs template writes a workbook that has them)."
)

func msgOtherSheet(name, used string, role Role) string {
	return fmt.Sprintf("the sheet %q also looks like the %s sheet; only %q was read", name, roleNames(role)[0], used)
}

func msgEmptySheet(role Role) string {
	return fmt.Sprintf("the %s sheet is empty", roleNames(role)[0])
}

func msgNoColumn(f field) string {
	return fmt.Sprintf("no column for %s (looked for: %s)", f.what, strings.Join(f.names, ", "))
}

const hintNoColumn = "Name the column with one of these headers, in the first row of the table."

func msgNoMonthColumns(f field) string {
	return fmt.Sprintf("no column for the month (looked for: %s) and no month columns (headed 2024-05, May 2024 or a date)", strings.Join(f.names, ", "))
}

func msgSameHeader(header string, used, ignored int) string {
	return fmt.Sprintf("columns %s and %s are both headed %q; column %s was read", columnName(used), columnName(ignored), clip(header, 60), columnName(used))
}

const (
	msgNoAttribution  = "there is no Attribution column (looked for: Attribution, Association, Association type), so every row counts as attributed to the partner"
	hintNoAttribution = "Add an Attribution column (PAL, DPOR or CSP) so that only the revenue attributed to the partner counts."
	msgMoreProblems   = "... and %d more problems on this sheet"

	msgNoDeployAttribution  = "there is no Attribution column (looked for: Attribution, Association), so every deployment counts as attributed to the partner"
	hintNoDeployAttribution = "Add an Attribution column (PAL, DPOR or CSP) so that only the deployments attributed to the partner count."
)

func msgTotalRow(v string) string {
	return fmt.Sprintf("this row looks like a row of totals (%s) and was left out", v)
}

const hintTotalRow = "pcs adds the rows up itself; the row of totals can stay, it is not counted."

// Partner sheet.

func msgUnknownPartnerField(label string) string {
	return fmt.Sprintf("%q is not a field the Partner sheet has; it was ignored", clip(label, 60))
}

func hintPartnerFields() string {
	var names []string
	for _, f := range partnerFields {
		names = append(names, f.names[0])
	}
	return "The fields are: " + strings.Join(names, ", ") + "."
}

func msgNoPartnerName() string {
	return fmt.Sprintf("the Partner sheet has no row for the partner name (looked for: %s)", strings.Join(partnerFields[0].names, ", "))
}

const hintPartnerName = "Add a row Partner name with the partner's name next to it."

func msgBadPath(v string) string {
	return fmt.Sprintf("%s is not a path: write Auto, SMB or Enterprise", v)
}

func msgBadDateOrder(v string) string {
	return fmt.Sprintf("%s is not a date order: write DMY (day first, 31/05/2024) or MDY (month first, 05/31/2024)", v)
}

func msgDuplicateField(what, first string) string {
	return fmt.Sprintf("%s is given twice; the value in %s was used", what, first)
}

// Cell-level issues.

func msgNotAmount(v string) string { return v + " is not an amount" }

const hintAmount = "Write the amount in US dollars as a number, such as 1234.50."

func msgAmountTooLarge(v string) string {
	return fmt.Sprintf("%s is too large to be an amount (the most is %s)", v, scoring.MaxAmount.Short())
}

func msgLargeAmount(c scoring.Cents) string {
	return fmt.Sprintf("%s for one customer in one cell is unusually large; check that it is not a mistake", c.Short())
}

func msgNotDate(v string) string  { return v + " is not a date" }
func msgNotMonth(v string) string { return v + " is not a month" }

const hintDate = "Write dates as 2024-05-31 or format the cell as a date; months as 2024-05 or May 2024."

func msgImpossibleDate(v string) string { return v + " is not a real date" }

func msgSerialOutOfRange(v string, d scoring.Date) string {
	return fmt.Sprintf("%s is not a plausible date (as an Excel date number it is %s)", v, d.Time().Format("2 January 2006"))
}

func msgYearOutOfRange(v string, y int) string {
	return fmt.Sprintf("%s is in %d, outside the years 2000 to 2100; it looks like a mistake", v, y)
}

func msgAmbiguousDate(v, col string, n int) string {
	if col == "" {
		return fmt.Sprintf("%s could be day-first or month-first", v)
	}
	s := fmt.Sprintf("%s could be day-first or month-first, and no other date in column %s settles it", v, col)
	if n > 1 {
		s += fmt.Sprintf(" (%d such dates in this column)", n)
	}
	return s
}

const hintAmbiguousDate = "Set Date order on the Partner sheet to DMY or MDY, or write the dates as 2024-04-03."

func msgWrongOrderDate(v string, dmy bool) string {
	if dmy {
		return fmt.Sprintf("%s is not a real date when read day-first, as the other dates of this column are", v)
	}
	return fmt.Sprintf("%s is not a real date when read month-first, as the other dates of this column are", v)
}

func msgOrderFromPartner(v string, dmy bool) string {
	if dmy {
		return fmt.Sprintf("%s is not a real date when read day-first, as the Partner sheet's Date order says", v)
	}
	return fmt.Sprintf("%s is not a real date when read month-first, as the Partner sheet's Date order says", v)
}

func msgNotPercent(v string) string { return v + " is not a percentage" }

func msgPercentRange(v string) string { return v + " is not a percentage between 0% and 100%" }

const hintPercent = "Write the share as a percentage, such as 86% or 0.86."

func msgNotYesNo(v string) string { return v + " is not yes or no" }

const hintYesNo = "Write Yes or No (a blank cell means yes)."

func msgMissing(what string) string { return what + " is missing" }

func msgNoResult() string { return "the formula in this cell has no saved result" }

const hintNoResult = "Open the workbook in Excel or LibreOffice, let it recalculate, and save it."

func msgErrorValue(code string) string { return "the cell shows the error " + code }

const hintErrorValue = "Correct the formula, or type the value."

func msgMissingCustomers(n int, ids []string) string {
	var quoted []string
	for _, id := range ids {
		quoted = append(quoted, fmt.Sprintf("%q", clip(id, 40)))
	}
	list := strings.Join(quoted, ", ")
	if n > len(ids) {
		list += fmt.Sprintf(" and %d more", n-len(ids))
	}
	if n == 1 {
		return fmt.Sprintf("1 customer of the ACR sheet is not on the Customers sheet: %s", list)
	}
	return fmt.Sprintf("%d customers of the ACR sheet are not on the Customers sheet: %s", n, list)
}

const hintMissingCustomers = "Add them to the Customers sheet with their segment, so that they count in the SMB/SMC share."

// safeName makes a part name from the zip archive fit for a message: valid
// UTF-8, no control characters, not too long.
func safeName(s string) string {
	s = strings.Map(func(r rune) rune {
		if r < 0x20 || r == 0x7f || r == utf8.RuneError {
			return '?'
		}
		return r
	}, strings.ToValidUTF8(s, "?"))
	return clip(s, 80)
}

// bytesLabel writes a size for people ("1 GiB", "200 MiB").
func bytesLabel(n int64) string {
	switch {
	case n >= 1<<30 && n%(1<<30) == 0:
		return fmt.Sprintf("%d GiB", n>>30)
	case n >= 1<<30:
		return fmt.Sprintf("%.1f GiB", float64(n)/(1<<30))
	case n >= 1<<20:
		return fmt.Sprintf("%d MiB", n>>20)
	}
	return fmt.Sprintf("%s bytes", groupDigits(uint64(n)))
}

func groupDigits(n uint64) string {
	s := fmt.Sprint(n)
	for i := len(s) - 3; i > 0; i -= 3 {
		s = s[:i] + "," + s[i:]
	}
	return s
}
