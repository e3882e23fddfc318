package report

import (
	"bytes"
	"encoding/xml"
	"errors"
	"io"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

const wsNS = `xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"`

// wbEdit is the edit the rewrite tests apply: header on row 1, data in A:B
// up to row 4, statuses on rows 2 to 4.
func wbEdit() *sheetEdit {
	return &sheetEdit{
		headerRow: 1, lastRow: 4, lastCol: 2,
		rows: map[int]rowNote{
			2: {statusCounted, "counted: all designations"},
			3: {statusNotCounted, `not counted: attribution "Referral" is not PAL`},
			4: {statusError, "error in B4: \"n/a\" is not an amount"},
		},
		look: sheetLook{header: 11, counted: 12, notCounted: 13, failed: 14, rowFill: 1, rowError: 2, cellError: 3, cellWarning: 4},
	}
}

func wbRewrite(t *testing.T, src string, e *sheetEdit) string {
	t.Helper()
	facts, err := scanSheet([]byte(src), e)
	if err != nil {
		t.Fatalf("scan: %v", err)
	}
	col, _ := chooseStatusColumn(e, facts, func(i int) (string, bool) {
		if i == 7 {
			return "PCS status", true
		}
		return "Notes", true
	})
	out, err := rewriteSheet([]byte(src), e, col, facts)
	if err != nil {
		t.Fatalf("rewrite: %v", err)
	}
	if err := wbWellFormed(out); err != nil {
		t.Fatalf("the rewrite is not well-formed: %v\n%s", err, out)
	}
	return string(out)
}

func wbWellFormed(b []byte) error {
	d := xml.NewDecoder(bytes.NewReader(b))
	for {
		_, err := d.Token()
		if errors.Is(err, io.EOF) {
			return nil
		}
		if err != nil {
			return err
		}
	}
}

func wbCellXML(ref string, style int, text string) string {
	return string(appendInlineCell(nil, nil, mustCol(ref), mustRow(ref), style, text))
}

// wbPrefix writes every element of s with the prefix x.
func wbPrefix(s string) string {
	s = strings.ReplaceAll(s, "</", "\x00")
	s = strings.ReplaceAll(s, "<", "<x:")
	return strings.ReplaceAll(s, "\x00", "</x:")
}

func mustCol(ref string) int { c, _, _ := parseCellRef([]byte(ref)); return c }
func mustRow(ref string) int { _, r, _ := parseCellRef([]byte(ref)); return r }

func TestRewriteSheet(t *testing.T) {
	cf := `<conditionalFormatting sqref="A2:C4"><cfRule type="expression" dxfId="2" priority="1"><formula>LEFT($C2,5)="error"</formula></cfRule>` +
		`<cfRule type="expression" dxfId="1" priority="2"><formula>OR(LEFT($C2,11)="not counted",LEFT($C2,9)="path only")</formula></cfRule></conditionalFormatting>`
	status := wbCellXML("C1", 11, "PCS status")
	s2, s3, s4 := wbCellXML("C2", 12, "counted: all designations"), wbCellXML("C3", 13, `not counted: attribution "Referral" is not PAL`),
		wbCellXML("C4", 14, `error in B4: "n/a" is not an amount`)
	cols := `<cols><col min="3" max="3" width="58" customWidth="1"/></cols>`
	cases := []struct {
		name string
		src  string
		edit func(*sheetEdit)
		want string
	}{{
		name: "plain sheet",
		src: `<?xml version="1.0"?><worksheet ` + wsNS + `><dimension ref="A1:B4"/><sheetViews><sheetView tabSelected="1" workbookViewId="0"/></sheetViews>` +
			`<sheetData><row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c></row>` +
			`<row r="2" spans="1:2"><c r="A2"><v>1</v></c><c r="B2"><v>2</v></c></row>` +
			`<row r="3"><c r="A3"><v>1</v></c></row><row r="4"><c r="A4"><v>1</v></c></row></sheetData><pageMargins left="1"/></worksheet>`,
		edit: func(e *sheetEdit) { e.untab = true },
		want: `<?xml version="1.0"?><worksheet ` + wsNS + `><dimension ref="A1:C4"/><sheetViews><sheetView workbookViewId="0"/></sheetViews>` + cols +
			`<sheetData><row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c>` + status + `</row>` +
			`<row r="2" spans="1:3"><c r="A2"><v>1</v></c><c r="B2"><v>2</v></c>` + s2 + `</row>` +
			`<row r="3"><c r="A3"><v>1</v></c>` + s3 + `</row><row r="4"><c r="A4"><v>1</v></c>` + s4 + `</row></sheetData>` + cf + `<pageMargins left="1"/></worksheet>`,
	}, {
		name: "prefixed elements, rows and cells without references, a missing row",
		src: `<x:worksheet xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><x:sheetData><x:row><x:c t="inlineStr"><x:is><x:t>ID</x:t></x:is></x:c></x:row>` +
			`<x:row><x:c><x:v>1</x:v></x:c><x:c s="3"/><x:c><x:v>3</x:v></x:c></x:row><x:row/></x:sheetData></x:worksheet>`,
		edit: func(e *sheetEdit) { e.lastCol = 1; delete(e.rows, 3) },
		want: `<x:worksheet xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><x:cols><x:col min="2" max="2" width="58" customWidth="1"/></x:cols>` +
			`<x:sheetData><x:row><x:c t="inlineStr"><x:is><x:t>ID</x:t></x:is></x:c>` + wbPrefix(wbCellXML("B1", 11, "PCS status")) + `</x:row>` +
			`<x:row><x:c><x:v>1</x:v></x:c>` + wbPrefix(wbCellXML("B2", 12, "counted: all designations")) + `<x:c r="C2"><x:v>3</x:v></x:c></x:row>` +
			`<x:row/><x:row r="4">` + wbPrefix(wbCellXML("B4", 14, `error in B4: "n/a" is not an amount`)) + `</x:row>` +
			`</x:sheetData>` + wbPrefix(strings.ReplaceAll(strings.ReplaceAll(cf, "$C", "$B"), "A2:C4", "A2:B4")) + `</x:worksheet>`,
	}, {
		name: "empty sheet data and a column range to split",
		src:  `<worksheet ` + wsNS + `><cols><col min="1" max="16384" width="9" style="3"/></cols><sheetData/></worksheet>`,
		edit: func(e *sheetEdit) { e.rows = map[int]rowNote{} },
		want: `<worksheet ` + wsNS + `><cols><col min="1" max="2" width="9" style="3"/><col min="3" max="3" style="3" width="58" customWidth="1"/><col min="4" max="16384" width="9" style="3"/></cols>` +
			`<sheetData><row r="1">` + status + `</row></sheetData>` + strings.ReplaceAll(cf, "A2:C4", "A2:C4") + `</worksheet>`,
	}, {
		name: "an earlier run: its status cells, rules and priorities go, the partner's rule stays",
		src: `<worksheet ` + wsNS + `><sheetData><row r="1"><c r="A1"><v>1</v></c><c r="C1" t="inlineStr"><is><t>PCS status</t></is></c></row>` +
			`<row r="2"><c r="A2"><v>1</v></c><c r="C2" t="inlineStr"><is><t>old</t></is></c></row><row r="9"><c r="C9" t="inlineStr"><is><t>stale</t></is></c><c r="D9"><v>5</v></c></row></sheetData>` +
			`<conditionalFormatting sqref="A2:C4"><cfRule type="expression" dxfId="9" priority="7"><formula>LEFT($C2,5)="error"</formula></cfRule><cfRule type="cellIs" dxfId="0" priority="3" operator="lessThan"><formula>0</formula></cfRule></conditionalFormatting>` +
			`<conditionalFormatting sqref="B3"><cfRule type="expression" dxfId="3" priority="8"><formula>ISTEXT("pcs: data error")</formula></cfRule></conditionalFormatting></worksheet>`,
		edit: func(e *sheetEdit) { delete(e.rows, 3); delete(e.rows, 4); e.clearCol = 3; e.statusCol = 3 },
		want: `<worksheet ` + wsNS + `><cols><col min="3" max="3" width="58" customWidth="1"/></cols><sheetData><row r="1"><c r="A1"><v>1</v></c>` + status + `</row>` +
			`<row r="2"><c r="A2"><v>1</v></c>` + s2 + `</row><row r="9"><c r="D9"><v>5</v></c></row></sheetData>` +
			`<conditionalFormatting sqref="A2:C4"><cfRule type="cellIs" dxfId="0" priority="3" operator="lessThan"><formula>0</formula></cfRule></conditionalFormatting>` +
			strings.NewReplacer(`priority="1"`, `priority="4"`, `priority="2"`, `priority="5"`).Replace(cf) + `</worksheet>`,
	}, {
		name: "a status header found in the shared strings, past a used column and a merge",
		src: `<worksheet ` + wsNS + `><sheetData><row r="1"><c r="A1"><v>1</v></c><c r="E1" t="s"><v>7</v></c></row><row r="2"><c r="C2"><v>1</v></c></row></sheetData>` +
			`<mergeCells count="1"><mergeCell ref="D3:D4"/></mergeCells></worksheet>`,
		edit: func(e *sheetEdit) { e.rows = map[int]rowNote{} },
		want: `<worksheet ` + wsNS + `><cols><col min="5" max="5" width="58" customWidth="1"/></cols><sheetData><row r="1"><c r="A1"><v>1</v></c>` +
			wbCellXML("E1", 11, "PCS status") + `</row><row r="2"><c r="C2"><v>1</v></c></row></sheetData><mergeCells count="1"><mergeCell ref="D3:D4"/></mergeCells>` +
			strings.ReplaceAll(strings.ReplaceAll(cf, "$C", "$E"), "A2:C4", "A2:E4") + `</worksheet>`,
	}, {
		name: "marks only",
		src:  `<worksheet ` + wsNS + `><sheetData><row r="2"><c r="B2"><v>1</v></c></row></sheetData><pageMargins/></worksheet>`,
		edit: func(e *sheetEdit) {
			*e = sheetEdit{marks: []cellMark{{2, 2, true}, {2, 3, true}, {4, 1, false}}, look: e.look}
		},
		want: `<worksheet ` + wsNS + `><sheetData><row r="2"><c r="B2"><v>1</v></c></row></sheetData>` +
			`<conditionalFormatting sqref="B2:B3"><cfRule type="expression" dxfId="3" priority="1"><formula>ISTEXT(&quot;pcs: data error&quot;)</formula></cfRule></conditionalFormatting>` +
			`<conditionalFormatting sqref="D1"><cfRule type="expression" dxfId="4" priority="2"><formula>ISTEXT(&quot;pcs: data warning&quot;)</formula></cfRule></conditionalFormatting><pageMargins/></worksheet>`,
	}}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			e := wbEdit()
			if c.edit != nil {
				c.edit(e)
			}
			want := strings.ReplaceAll(c.want, `="error"`, `=&quot;error&quot;`)
			want = strings.ReplaceAll(want, `="not counted"`, `=&quot;not counted&quot;`)
			want = strings.ReplaceAll(want, `="path only"`, `=&quot;path only&quot;`)
			want = strings.ReplaceAll(want, `("pcs: data error")</formula></cfRule></conditionalFormatting></worksheet>`, `(&quot;pcs: data error&quot;)</formula></cfRule></conditionalFormatting></worksheet>`)
			got := wbRewrite(t, c.src, e)
			if d := cmp.Diff(want, got); d != "" {
				t.Errorf("rewrite (-want +got):\n%s", d)
			}
			// A second run changes nothing more.
			if again := wbRewrite(t, got, e); again != got && e.headerRow > 0 {
				t.Errorf("a second rewrite differs:\n%s\n%s", got, again)
			}
		})
	}
}

func TestRewriteSheetRefusesBrokenXML(t *testing.T) {
	for _, src := range []string{
		"", "<worksheet", `<worksheet><sheetData><row r="1"><c r="A1"></row>`, `<worksheet a="1/>`, "not xml at all",
		`<worksheet><sheetData></sheetData></worksheet><worksheet/>`,
	} {
		e := wbEdit()
		facts, err := scanSheet([]byte(src), e)
		if err == nil {
			_, err = rewriteSheet([]byte(src), e, 3, facts)
		}
		if err == nil {
			t.Errorf("%q: no error", src)
		}
	}
}

func TestIsOurFormula(t *testing.T) {
	for f, want := range map[string]bool{
		rowFillFormula(8, 4):   true,
		rowErrorFormula(3, 2):  true,
		"=" + markErrorFormula: true,
		markWarningFormula:     true,
		`LEFT($H4,5)="errors"`: false,
		`OR(LEFT($H4,11)="not counted",LEFT($H5,9)="path only")`: false,
		"SUM(A1:A3)>0": false,
		"":             false,
	} {
		if got := isOurFormula(f); got != want {
			t.Errorf("isOurFormula(%q) = %v", f, got)
		}
	}
}

func TestSmallParsers(t *testing.T) {
	refs := map[string][2]int{"A1": {1, 1}, "$AB$12": {28, 12}, "XFD1048576": {16384, 1048576}}
	for s, want := range refs {
		c, r, ok := parseCellRef([]byte(s))
		if !ok || c != want[0] || r != want[1] {
			t.Errorf("parseCellRef(%q) = %d, %d, %v", s, c, r, ok)
		}
	}
	for _, s := range []string{"", "A", "1", "A0", "A01", "XFE1", "A1048577", "a1", "A1B"} {
		if _, _, ok := parseCellRef([]byte(s)); ok {
			t.Errorf("parseCellRef(%q) accepted", s)
		}
	}
	if got := sqrefChunks([]cellMark{{2, 5, true}, {2, 4, true}, {1, 9, true}, {2, 7, true}}, 2); !cmp.Equal(got, []string{"A9 B4:B5", "B7"}) {
		t.Errorf("sqrefChunks = %q", got)
	}
	for in, want := range map[string]string{"1:6": "1:9", "1:3 5:12": "1:3 5:12", "2:4": "2:9", "x": "x"} {
		if got := widenSpans(in, 9); got != want {
			t.Errorf("widenSpans(%q) = %q", in, got)
		}
	}
	if got := xmlUnescape([]byte("a&amp;b&lt;&#65;&#x42;&bogus;&")); got != "a&b<AB&bogus;&" {
		t.Errorf("xmlUnescape = %q", got)
	}
	if got := string(xmlEscape(nil, "a<b>&\"\r\x01\t")); got != "a&lt;b&gt;&amp;&quot;&#13;\uFFFD\t" {
		t.Errorf("xmlEscape = %q", got)
	}
	if got := cellText("_x0041_ stays"); got != "_x005F_x0041_ stays" {
		t.Errorf("cellText = %q", got)
	}
	if got := cellText(strings.Repeat("é", 40000)); len([]rune(got)) != maxCellText {
		t.Errorf("cellText kept %d characters", len([]rune(got)))
	}
	for in, want := range map[string]string{"Q3 files/contoso.scorecard.pdf": "Q3%20files/contoso.scorecard.pdf", `a\b#1.pdf`: "a/b%231.pdf", "c:x.pdf": "./c:x.pdf"} {
		if got := relativeURL(in); got != want {
			t.Errorf("relativeURL(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestSortContentTypes(t *testing.T) {
	in := `<?xml version="1.0"?><Types xmlns="x"><Override PartName="/b" ContentType="t"/><Default Extension="xml" ContentType="a"/>` +
		`<Override PartName="/a" ContentType="t"></Override><Default Extension="png" ContentType="p"/></Types>`
	want := `<?xml version="1.0"?><Types xmlns="x"><Default Extension="png" ContentType="p"/><Default Extension="xml" ContentType="a"/>` +
		`<Override PartName="/a" ContentType="t"></Override><Override PartName="/b" ContentType="t"/></Types>`
	if got := string(sortContentTypes([]byte(in))); got != want {
		t.Errorf("sortContentTypes:\n%s\nwant\n%s", got, want)
	}
}

// FuzzRewriteSheet feeds arbitrary worksheet XML to the rewrite: it never
// panics, keeps well-formed XML well-formed, and a second run changes nothing.
func FuzzRewriteSheet(f *testing.F) {
	f.Add([]byte(`<worksheet ` + wsNS + `><sheetData><row r="1"><c r="A1" t="s"><v>0</v></c></row><row r="3"><c r="B3"><f>A1*2</f><v>2</v></c></row></sheetData></worksheet>`))
	f.Add([]byte(`<x:worksheet xmlns:x="u"><x:cols><x:col min="2" max="9"/></x:cols><x:sheetData><x:row><x:c/><x:c><x:is><x:t>PCS status</x:t></x:is></x:c></x:row></x:sheetData><x:conditionalFormatting sqref="A1"><x:cfRule priority="4"><x:formula>ISTEXT("pcs: data error")</x:formula></x:cfRule></x:conditionalFormatting></x:worksheet>`))
	f.Add([]byte(`<?xml version="1.0"?><!-- c --><worksheet><dimension ref="A1"/><sheetViews><sheetView tabSelected="1"><pane/></sheetView></sheetViews><sheetData/><mergeCells><mergeCell ref="C1:D9"/></mergeCells><extLst><ext><x14:cfRule priority="9"/></ext></extLst></worksheet>`))
	f.Fuzz(func(t *testing.T, src []byte) {
		e := wbEdit()
		e.untab = true
		e.marks = []cellMark{{1, 1, true}, {2, 3, false}}
		facts, err := scanSheet(src, e)
		if err != nil {
			return
		}
		col, _ := chooseStatusColumn(e, facts, nil)
		out, err := rewriteSheet(src, e, col, facts)
		if err != nil {
			return
		}
		if wbWellFormed(src) == nil {
			if err := wbWellFormed(out); err != nil {
				t.Fatalf("well-formed input, broken output: %v\n%s\n%s", err, src, out)
			}
			facts2, err := scanSheet(out, e)
			if err != nil {
				t.Fatalf("the output does not scan: %v", err)
			}
			col2, _ := chooseStatusColumn(e, facts2, nil)
			again, err := rewriteSheet(out, e, col2, facts2)
			if err != nil {
				t.Fatalf("the output does not rewrite: %v", err)
			}
			if col2 == col && !bytes.Equal(again, out) {
				t.Fatalf("a second run changed the sheet:\n%s\n%s", out, again)
			}
		}
	})
}

// FuzzXMLScanner checks that tokens tile the input exactly.
func FuzzXMLScanner(f *testing.F) {
	f.Add([]byte(`<?xml?><a b='>' c="x"><![CDATA[<]]><!-- - --><b/>t&amp;</a>`))
	f.Add([]byte(`<!DOCTYPE a [<!ENTITY x "y">]><a>&x;</a>`))
	f.Fuzz(func(t *testing.T, b []byte) {
		s := &xmlScanner{b: b}
		pos := 0
		for {
			tok, ok, err := s.next()
			if err != nil || !ok {
				break
			}
			if tok.start != pos || tok.end <= tok.start || tok.end > len(b) {
				t.Fatalf("token %d..%d after %d", tok.start, tok.end, pos)
			}
			pos = tok.end
			if tok.kind == xtStart || tok.kind == xtEmpty {
				_ = eachAttr(tok.attrs, func(n, v []byte) bool { return true })
			}
		}
	})
}

// FuzzCellRef checks that a reference read back writes the same.
func FuzzCellRef(f *testing.F) {
	f.Add("A1")
	f.Add("$XFD$1048576")
	f.Add("A01")
	f.Fuzz(func(t *testing.T, s string) {
		c, r, ok := parseCellRef([]byte(s))
		if !ok {
			return
		}
		if got := cellName(c, r); got != strings.ReplaceAll(s, "$", "") {
			t.Fatalf("%q read as %d, %d, written %q", s, c, r, got)
		}
	})
}

// TestRewriteRefusesDeclarations: a worksheet with a DTD or another <!...>
// declaration is never rewritten (encoding/xml and this scanner could read
// its brackets differently).
func TestRewriteRefusesDeclarations(t *testing.T) {
	for _, src := range []string{
		`<!DOCTYPE w [<!ENTITY a "b">]><worksheet><sheetData/></worksheet>`,
		`<!c<"><worksheet><sheetData/></worksheet>`,
	} {
		if _, err := scanSheet([]byte(src), wbEdit()); !errors.Is(err, errXMLDeclaration) {
			t.Errorf("%s: error %v, want %v", src, err, errXMLDeclaration)
		}
	}
}
