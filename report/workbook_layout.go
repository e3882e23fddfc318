package report

import (
	"bytes"
	"errors"
	"fmt"
	"path"
	"strings"
)

// excelize follows the package relationships to the workbook part, but
// reads and writes the stylesheet at a fixed name, where Excel, LibreOffice,
// Google Sheets and openpyxl put it. A workbook laid out otherwise (which
// only hand-made files are) gets a clear error instead of an annotated copy
// whose styles point at the wrong part.
const (
	stdWorkbookPart = "xl/workbook.xml"
	stdStylesPart   = "xl/styles.xml"
	relStyles       = "/styles"
)

// errUnusualLayout starts the error for a workbook whose parts excelize cannot follow.
var errUnusualLayout = errors.New("the workbook's parts are not where Excel puts them")

// minimalStyles is the stylesheet given to a workbook that has none (a
// workbook written by a minimal script): one font, the two fills Excel
// requires, one border and the Normal style, which is what a cell without a
// style has.
const minimalStyles = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">` +
	`<fonts count="1"><font><sz val="11"/><name val="Calibri"/><family val="2"/></font></fonts>` +
	`<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>` +
	`<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>` +
	`<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>` +
	`<cellXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/></cellXfs>` +
	`<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>` +
	`</styleSheet>`

// checkLayout refuses a layout excelize cannot follow, and reports whether
// the workbook has no stylesheet (one is then added; a relationship to a
// missing xl/styles.xml is taken as none).
func (p *srcPackage) checkLayout() (addStyles bool, err error) {
	unusual := func(why string) (bool, error) {
		return false, fmt.Errorf("%w (%s); open it in Excel and save it, then score it again", errUnusualLayout, why)
	}
	if p.files[contentTypesPart] == nil {
		return unusual("it has no [Content_Types].xml")
	}
	// Part names ignore case, but excelize looks these up as Excel writes them.
	for _, name := range []string{"_rels/.rels", stdStylesPart, relsName(p.workbook)} {
		if got := p.caseVariant(name); got != "" {
			return unusual(fmt.Sprintf("its part %s is written %s", name, got))
		}
	}
	rels, err := p.relations(p.workbook)
	if err != nil {
		return false, err
	}
	styles := ""
	for _, r := range rels {
		if strings.HasSuffix(r.typ, relStyles) {
			styles = r.target
		}
	}
	switch {
	case styles == stdStylesPart:
		return p.files[stdStylesPart] == nil, nil
	case styles == "" && p.files[stdStylesPart] == nil && path.Dir(p.workbook) == path.Dir(stdStylesPart):
		return true, nil
	case styles == "":
		return unusual("it has no stylesheet, and its workbook part is " + p.workbook)
	}
	return unusual("its styles are not in " + stdStylesPart)
}

// caseVariant returns the name under which the package holds a part whose
// name differs from name only in case ("" when it holds none, or name itself).
func (p *srcPackage) caseVariant(name string) string {
	if p.files[name] != nil {
		return ""
	}
	for _, n := range p.names {
		if strings.EqualFold(n, name) {
			return n
		}
	}
	return ""
}

// withStylesRel adds the minimal stylesheet's relationship to the
// workbook's relationships part (rels, nil when the part does not exist),
// unless it has one.
func withStylesRel(rels []byte) []byte {
	if bytes.Contains(rels, []byte(`relationships/styles"`)) {
		return rels
	}
	rel := `<Relationship Id="rIdPCSStyles" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>`
	if i := bytes.LastIndex(rels, []byte("</Relationships>")); i >= 0 {
		return append(append(append([]byte{}, rels[:i]...), rel...), rels[i:]...)
	}
	return []byte(`<?xml version="1.0" encoding="UTF-8" standalone="yes"?>` + "\n" +
		`<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` + rel + `</Relationships>`)
}

// withStylesType adds the stylesheet's content type, unless it is there.
func withStylesType(types []byte) []byte {
	if bytes.Contains(types, []byte(`PartName="/xl/styles.xml"`)) {
		return types
	}
	o := `<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>`
	if i := bytes.LastIndex(types, []byte("</Types>")); i >= 0 {
		return append(append(append([]byte{}, types[:i]...), o...), types[i:]...)
	}
	return types
}

// repairs returns the parts that excelize needs and the workbook lacks,
// added or completed: the package relationships of a workbook that has
// none, and the minimal stylesheet with its relationship and content type.
// The output gets excelize's version of them, which makes it a package that
// Excel opens.
func (p *srcPackage) repairs(addStyles bool) (map[string][]byte, error) {
	out := map[string][]byte{}
	if p.files["_rels/.rels"] == nil {
		out["_rels/.rels"] = []byte(`<?xml version="1.0" encoding="UTF-8" standalone="yes"?>` + "\n" +
			`<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` +
			`<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/>` +
			`</Relationships>`)
	}
	if !addStyles {
		return out, nil
	}
	out[stdStylesPart] = []byte(minimalStyles)
	wbRels := relsName(p.workbook)
	var rels []byte
	if p.files[wbRels] != nil {
		var err error
		if rels, err = p.read(wbRels, maxRelsPart); err != nil {
			return nil, err
		}
	}
	out[wbRels] = withStylesRel(rels)
	out[contentTypesPart] = nil // completed where it is built
	return out, nil
}
