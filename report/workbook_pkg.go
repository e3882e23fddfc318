package report

import (
	"archive/zip"
	"bytes"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"maps"
	"path"
	"slices"
	"strings"

	"github.com/pcs-tools/pcs/internal/flatepool"
)

// srcPackage is the partner's workbook read as a zip package (Open Packaging
// Conventions): its parts, its sheets and the parts each sheet owns.
type srcPackage struct {
	zr       *zip.ReadCloser
	files    map[string]*zip.File // by normalized part name
	names    []string             // part names in archive order
	workbook string               // the workbook part ("xl/workbook.xml")
	sheets   []srcSheet           // in workbook order
	rels     map[string][]pkgRel  // relationships of each part that has some
	types    []byte               // [Content_Types].xml
	// intact holds the parts read in full, whose checksums archive/zip has checked.
	intact map[string]bool
}

// srcSheet is a sheet of the workbook.
type srcSheet struct {
	name      string
	part      string // its part, "" when missing
	worksheet bool   // a worksheet (not a chart sheet)
}

// pkgRel is one relationship of a part.
type pkgRel struct {
	id, typ, target string // target resolved to a part name ("" for external targets)
}

// Limits when reading the source package; the reader has already refused
// hostile files, these keep a file changed since from costing too much.
const (
	maxPackageBytes = 1 << 30  // all parts inflated
	maxSmallPart    = 1 << 20  // parts larger than this reach excelize as placeholders
	maxRelsPart     = 16 << 20 // a relationships or workbook part
)

const (
	contentTypesPart = "[Content_Types].xml"
	sharedStrings    = "xl/sharedStrings.xml"
	relOfficeDoc     = "/officeDocument"
	relWorksheet     = "/worksheet"
	relSharedStrings = "/sharedStrings"
)

// normPart normalizes a part name the way excelize does.
func normPart(name string) string {
	name = strings.ReplaceAll(name, "\\", "/")
	switch strings.ToLower(name) {
	case strings.ToLower(contentTypesPart):
		return contentTypesPart
	case strings.ToLower(sharedStrings):
		return sharedStrings
	}
	return name
}

// openPackage opens the workbook and reads its structure.
func openPackage(name string) (*srcPackage, error) {
	zr, err := zip.OpenReader(name)
	if err != nil {
		return nil, fmt.Errorf("not an .xlsx file, or the file is damaged: %w", err)
	}
	zr.RegisterDecompressor(zip.Deflate, flatepool.NewReader)
	p := &srcPackage{zr: zr, files: map[string]*zip.File{}, rels: map[string][]pkgRel{}, intact: map[string]bool{}}
	var total uint64
	for _, f := range zr.File {
		n := normPart(f.Name)
		if _, dup := p.files[n]; dup {
			zr.Close()
			return nil, fmt.Errorf("the file is damaged: part %s appears twice", n)
		}
		total += f.UncompressedSize64
		p.files[n] = f
		p.names = append(p.names, n)
	}
	if total > maxPackageBytes {
		zr.Close()
		return nil, fmt.Errorf("the workbook inflates to more than %d MiB", maxPackageBytes>>20)
	}
	if err := p.readStructure(); err != nil {
		zr.Close()
		return nil, err
	}
	return p, nil
}

func (p *srcPackage) Close() error { return p.zr.Close() }

// verify inflates a part that was not read in full, so that archive/zip
// checks its checksum.
func (p *srcPackage) verify(name string) error {
	if p.intact[name] {
		return nil
	}
	rc, err := p.files[name].Open()
	if err != nil {
		return err
	}
	defer rc.Close()
	if _, err := io.Copy(io.Discard, rc); err != nil {
		return err
	}
	p.intact[name] = true
	return nil
}

// read returns a part's bytes, refusing parts larger than limit.
func (p *srcPackage) read(name string, limit uint64) ([]byte, error) {
	f := p.files[name]
	if f == nil {
		return nil, fmt.Errorf("the workbook has no part %s", name)
	}
	if f.UncompressedSize64 > limit {
		return nil, fmt.Errorf("part %s is too large (%d MiB)", name, f.UncompressedSize64>>20)
	}
	rc, err := f.Open()
	if err != nil {
		return nil, fmt.Errorf("cannot read part %s: %w", name, err)
	}
	defer rc.Close()
	b := make([]byte, 0, f.UncompressedSize64+1)
	for {
		n, err := rc.Read(b[len(b):cap(b)])
		b = b[:len(b)+n]
		if err == io.EOF {
			p.intact[name] = true
			return b, nil
		}
		if err != nil {
			return nil, fmt.Errorf("cannot read part %s: %w", name, err)
		}
		if len(b) == cap(b) {
			// archive/zip refuses a part longer than its header says.
			return nil, fmt.Errorf("part %s is longer than its header says", name)
		}
	}
}

// relsName returns the relationships part of a part.
func relsName(part string) string {
	dir, file := path.Split(part)
	return dir + "_rels/" + file + ".rels"
}

// relations reads (once) the relationships of a part.
func (p *srcPackage) relations(part string) ([]pkgRel, error) {
	if r, ok := p.rels[part]; ok {
		return r, nil
	}
	name := relsName(part)
	if part == "" {
		name = "_rels/.rels"
	}
	if p.files[name] == nil {
		p.rels[part] = nil
		return nil, nil
	}
	b, err := p.read(name, maxRelsPart)
	if err != nil {
		return nil, err
	}
	var doc struct {
		Rels []struct {
			ID     string `xml:"Id,attr"`
			Type   string `xml:"Type,attr"`
			Target string `xml:"Target,attr"`
			Mode   string `xml:"TargetMode,attr"`
		} `xml:"Relationship"`
	}
	if err := xml.Unmarshal(b, &doc); err != nil {
		return nil, fmt.Errorf("the file is damaged: %s: %w", name, err)
	}
	var out []pkgRel
	for _, r := range doc.Rels {
		rel := pkgRel{id: r.ID, typ: r.Type}
		if !strings.EqualFold(r.Mode, "External") {
			rel.target = resolvePart(part, r.Target)
		}
		out = append(out, rel)
	}
	p.rels[part] = out
	return out, nil
}

// resolvePart resolves a relationship target against the part that holds it.
func resolvePart(from, target string) string {
	if i := strings.IndexAny(target, "#?"); i >= 0 {
		target = target[:i]
	}
	if strings.HasPrefix(target, "/") {
		return normPart(strings.TrimPrefix(path.Clean(target), "/"))
	}
	return normPart(strings.TrimPrefix(path.Clean(path.Join(path.Dir(from), target)), "/"))
}

func (p *srcPackage) readStructure() error {
	root, err := p.relations("")
	if err != nil {
		return err
	}
	for _, r := range root {
		if strings.HasSuffix(r.typ, relOfficeDoc) && r.target != "" {
			p.workbook = r.target
		}
	}
	if p.workbook == "" && p.files["_rels/.rels"] == nil && p.files[stdWorkbookPart] != nil {
		p.workbook = stdWorkbookPart // no package relationships: the usual place, as the reader does
	}
	if p.workbook == "" || p.files[p.workbook] == nil {
		return errors.New("not an .xlsx workbook: it has no workbook part")
	}
	b, err := p.read(p.workbook, maxRelsPart)
	if err != nil {
		return err
	}
	var doc struct {
		Sheets []struct {
			Name  string     `xml:"name,attr"`
			Attrs []xml.Attr `xml:",any,attr"`
		} `xml:"sheets>sheet"`
	}
	if err := xml.Unmarshal(b, &doc); err != nil {
		return fmt.Errorf("the file is damaged: %s: %w", p.workbook, err)
	}
	rels, err := p.relations(p.workbook)
	if err != nil {
		return err
	}
	byID := map[string]pkgRel{}
	for _, r := range rels {
		byID[r.id] = r
	}
	for _, s := range doc.Sheets {
		sh := srcSheet{name: s.Name}
		for _, a := range s.Attrs {
			if a.Name.Local == "id" && strings.Contains(a.Name.Space, "relationships") {
				r := byID[a.Value]
				if p.files[r.target] != nil {
					sh.part = r.target
					sh.worksheet = strings.HasSuffix(r.typ, relWorksheet)
				}
			}
		}
		p.sheets = append(p.sheets, sh)
	}
	if p.files[contentTypesPart] != nil {
		if p.types, err = p.read(contentTypesPart, maxRelsPart); err != nil {
			return err
		}
	}
	return nil
}

// sheet returns the sheet of that name (exactly, else ignoring case).
func (p *srcPackage) sheet(name string) *srcSheet {
	for i := range p.sheets {
		if p.sheets[i].name == name {
			return &p.sheets[i]
		}
	}
	for i := range p.sheets {
		if strings.EqualFold(p.sheets[i].name, name) {
			return &p.sheets[i]
		}
	}
	return nil
}

// sharedStringsPart returns the workbook's shared string table part, or "".
func (p *srcPackage) sharedStringsPart() string {
	rels, _ := p.relations(p.workbook)
	for _, r := range rels {
		if strings.HasSuffix(r.typ, relSharedStrings) && p.files[r.target] != nil {
			return r.target
		}
	}
	return ""
}

// owned returns the parts reachable only through the given sheets'
// relationships (their drawings, charts, comments...), which go with them.
func (p *srcPackage) owned(sheets []string) (map[string]bool, error) {
	out := map[string]bool{}
	var walk func(part string) error
	walk = func(part string) error {
		rels, err := p.relations(part)
		if err != nil {
			return err
		}
		if len(rels) > 0 || p.files[relsName(part)] != nil {
			out[relsName(part)] = true
		}
		for _, r := range rels {
			if r.target == "" || out[r.target] || p.files[r.target] == nil {
				continue
			}
			out[r.target] = true
			if err := walk(r.target); err != nil {
				return err
			}
		}
		return nil
	}
	for _, s := range sheets {
		if err := walk(s); err != nil {
			return nil, err
		}
	}
	// A part that another part still refers to stays.
	for _, name := range p.names {
		if !strings.HasSuffix(name, ".rels") || out[name] {
			continue
		}
		from := partOfRels(name)
		if slices.Contains(sheets, from) {
			continue
		}
		rels, err := p.relations(from)
		if err != nil {
			return nil, err
		}
		for _, r := range rels {
			if out[r.target] {
				delete(out, r.target)
				delete(out, relsName(r.target))
			}
		}
	}
	return out, nil
}

// partOfRels returns the part a relationships part belongs to ("" for the package).
func partOfRels(rels string) string {
	dir, file := path.Split(rels)
	dir = strings.TrimSuffix(dir, "_rels/")
	return dir + strings.TrimSuffix(file, ".rels")
}

// withoutOverrides returns [Content_Types].xml without the overrides of the
// dropped parts.
func withoutOverrides(types []byte, dropped map[string]bool) []byte {
	if len(dropped) == 0 {
		return types
	}
	var out []byte
	s := &xmlScanner{b: types}
	last := 0
	for {
		t, ok, err := s.next()
		if err != nil || !ok {
			break
		}
		if t.kind != xtStart && t.kind != xtEmpty {
			continue
		}
		if _, local := splitName(t.name); string(local) != "Override" {
			continue
		}
		v, _ := attr(t.attrs, "PartName")
		name := normPart(strings.TrimPrefix(xmlUnescape(v), "/"))
		if !dropped[name] {
			continue
		}
		end, err := elementEnd(s, t)
		if err != nil {
			return types
		}
		out = append(out, types[last:t.start]...)
		last = end
	}
	return append(out, types[last:]...)
}

// Placeholders excelize sees instead of parts it does not need to read.
var (
	stubWorksheet = []byte(`<?xml version="1.0" encoding="UTF-8" standalone="yes"?>` + "\n" +
		`<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData/></worksheet>`)
	stubPart = []byte{}
)

// reduced builds the package excelize opens: the workbook's structure,
// styles and theme as they are, every worksheet and the shared strings as
// placeholders (their real bytes go straight to the output), and without the
// dropped parts; with addStyles, with the minimal stylesheet added. It
// returns the zip and what each part was given as (parts changed here are
// left out, so that excelize's version of them is written).
func (p *srcPackage) reduced(drop map[string]bool, addStyles bool) ([]byte, map[string][]byte, error) {
	keep := map[string]bool{contentTypesPart: true, "_rels/.rels": true, p.workbook: true, relsName(p.workbook): true}
	rels, _ := p.relations(p.workbook)
	for _, r := range rels {
		if !strings.HasSuffix(r.typ, relWorksheet) && !strings.HasSuffix(r.typ, relSharedStrings) {
			keep[r.target] = true // styles, theme, calcChain...
		}
	}
	sheetParts := map[string]bool{}
	for _, s := range p.sheets {
		if s.worksheet {
			sheetParts[s.part] = true
		}
	}
	sst := p.sharedStringsPart()
	given := map[string][]byte{}
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	changed, err := p.repairs(addStyles)
	if err != nil {
		return nil, nil, err
	}
	names := slices.Clone(p.names)
	for _, name := range slices.Sorted(maps.Keys(changed)) {
		if p.files[name] == nil {
			names = append(names, name)
		}
	}
	for _, name := range names {
		if drop[name] {
			continue
		}
		f := p.files[name]
		var b []byte
		repaired, isRepaired := changed[name]
		switch {
		case isRepaired && name != contentTypesPart:
			b = repaired
		case name == contentTypesPart:
			b = withoutOverrides(p.types, drop)
			if addStyles {
				b = withStylesType(b)
			}
		case sheetParts[name]:
			b = stubWorksheet
		case name == sst:
			b = stubPart
		case f.UncompressedSize64 > maxSmallPart && !keep[name]:
			b = stubPart
		case strings.HasSuffix(name, "/"):
			b = nil
		default:
			var err error
			if b, err = p.read(name, maxPackageBytes); err != nil {
				return nil, nil, err
			}
		}
		if !isRepaired {
			given[name] = b
		}
		w, err := zw.CreateHeader(&zip.FileHeader{Name: name, Method: zip.Store})
		if err != nil {
			return nil, nil, err
		}
		if _, err := w.Write(b); err != nil {
			return nil, nil, err
		}
	}
	if err := zw.Close(); err != nil {
		return nil, nil, err
	}
	return buf.Bytes(), given, nil
}

// headSelected reports whether a sheet part's views say it is selected,
// reading only the start of the part (the views come before the cells).
func headSelected(f *zip.File) (bool, error) {
	rc, err := f.Open()
	if err != nil {
		return false, fmt.Errorf("cannot read part %s: %w", f.Name, err)
	}
	defer rc.Close()
	head := make([]byte, 0, 32<<10)
	chunk := make([]byte, 16<<10)
	for len(head) < maxSmallPart {
		n, err := rc.Read(chunk)
		head = append(head, chunk[:n]...)
		if bytes.Contains(head, []byte("sheetData")) || bytes.Contains(head, []byte("sheetViews>")) || err == io.EOF {
			break
		}
		if err != nil {
			return false, fmt.Errorf("cannot read part %s: %w", f.Name, err)
		}
	}
	s := &xmlScanner{b: head}
	for {
		t, ok, err := s.next()
		if err != nil || !ok {
			return false, nil
		}
		if t.kind != xtStart && t.kind != xtEmpty {
			continue
		}
		if _, local := splitName(t.name); string(local) == "sheetView" {
			if v, ok := attr(t.attrs, "tabSelected"); ok && isTrue(v) {
				return true, nil
			}
		}
	}
}

// sstReader reads a shared string table as far as it is needed.
type sstReader struct {
	rc   io.ReadCloser
	dec  *xml.Decoder
	strs []string
	done bool
}

func newSSTReader(p *srcPackage) *sstReader {
	part := p.sharedStringsPart()
	if part == "" {
		return &sstReader{done: true}
	}
	rc, err := p.files[part].Open()
	if err != nil {
		return &sstReader{done: true}
	}
	return &sstReader{rc: rc, dec: xml.NewDecoder(rc)}
}

// text returns shared string i.
func (r *sstReader) text(i int) (string, bool) {
	for !r.done && len(r.strs) <= i {
		r.readOne()
	}
	if i < 0 || i >= len(r.strs) {
		return "", false
	}
	return r.strs[i], true
}

func (r *sstReader) readOne() {
	var sb strings.Builder
	inSI, inT, phonetic := false, false, 0
	for {
		tok, err := r.dec.Token()
		if err != nil {
			r.Close()
			return
		}
		switch t := tok.(type) {
		case xml.StartElement:
			switch t.Name.Local {
			case "si":
				inSI = true
				sb.Reset()
			case "rPh":
				phonetic++
			case "t":
				inT = inSI && phonetic == 0
			}
		case xml.EndElement:
			switch t.Name.Local {
			case "si":
				r.strs = append(r.strs, sb.String())
				return
			case "rPh":
				phonetic--
			case "t":
				inT = false
			}
		case xml.CharData:
			if inT {
				sb.Write(t)
			}
		}
	}
}

// Close stops reading.
func (r *sstReader) Close() {
	r.done = true
	if r.rc != nil {
		r.rc.Close()
		r.rc = nil
	}
}

// sortContentTypes orders the Default and Override elements of
// [Content_Types].xml by extension and part name, leaving the rest as it is.
func sortContentTypes(b []byte) []byte {
	s := &xmlScanner{b: b}
	var kids [][]byte
	first, last := -1, -1
	depth := 0
	for {
		t, ok, err := s.next()
		if err != nil || !ok {
			break
		}
		switch t.kind {
		case xtStart, xtEmpty:
			if depth == 1 {
				end, err := elementEnd(s, t)
				if err != nil {
					return b
				}
				if first < 0 {
					first = t.start
				}
				last = end
				kids = append(kids, b[t.start:end])
				continue
			}
			if t.kind == xtStart {
				depth++
			}
		case xtEnd:
			depth--
		case xtText:
			if depth == 1 && first >= 0 && len(bytes.TrimSpace(b[t.start:t.end])) > 0 {
				return b
			}
		}
	}
	if first < 0 {
		return b
	}
	key := func(k []byte) string {
		t, _, _ := (&xmlScanner{b: k}).next()
		_, local := splitName(t.name)
		v, _ := attr(t.attrs, "Extension")
		if string(local) == "Override" {
			v, _ = attr(t.attrs, "PartName")
		}
		return string(local) + "\x00" + strings.ToLower(string(v))
	}
	slices.SortStableFunc(kids, func(x, y []byte) int { return strings.Compare(key(x), key(y)) })
	out := append([]byte{}, b[:first]...)
	for _, k := range kids {
		out = append(out, k...)
	}
	return append(out, b[last:]...)
}
