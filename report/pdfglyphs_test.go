package report

import (
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/pcs-tools/pcs/scoring"
)

// Names in the scripts partners write them in.
var (
	pdfLatinNames = []string{"Müller Ørsted Ltd", "Société Générale", "Łódź Sp. z o.o.", "Dvořák & Šťastný s.r.o.", "Ağaoğlu Bilişim A.Ş.", "Þórsson ehf."}
	pdfGreekNames = []string{"Ελληνική Εταιρεία ΑΕ", "Αθηναϊκή Πληροφορική"}
	pdfCyrNames   = []string{"ООО «Ромашка»", "Київстар Україна", "Ёлка и Щука ЗАО"}
	pdfCJKNames   = []string{"株式会社サンプル", "北京示例有限公司", "ひらがなカタカナ商事", "台灣範例股份有限公司"}
)

// TestGlyphCoverage checks with the fonts' own character maps (not the text
// extraction, which succeeds even for empty boxes) that every character of
// the sample names can be drawn: Latin, Greek and Cyrillic by the Go fonts in
// both weights, Chinese and Japanese by the CJK font.
func TestGlyphCoverage(t *testing.T) {
	f := pdfTestFonts(t)
	for _, name := range append(append(append([]string{}, pdfLatinNames...), pdfGreekNames...), pdfCyrNames...) {
		for _, r := range name {
			if !f.regular.has(r) || !f.bold.has(r) {
				t.Errorf("%q: the Go fonts lack %q (U+%04X)", name, r, r)
			}
		}
	}
	// The document's own words and symbols.
	for _, r := range "…·•—«»%$€£" {
		if !f.regular.has(r) || !f.bold.has(r) {
			t.Errorf("the Go fonts lack %q (U+%04X)", r, r)
		}
	}
	cjk := pdfNeedCJK(t)
	for _, name := range pdfCJKNames {
		for _, r := range name {
			if cjk.faceFor(r, false) == nil || cjk.faceFor(r, true) == nil {
				t.Errorf("%q: no font has %q (U+%04X)", name, r, r)
			}
		}
	}
}

// TestScorecardScripts draws partners and customers named in every script,
// and checks that no character was left to an empty box, that the CJK font
// was embedded only when needed, and that the names can be found in the text.
func TestScorecardScripts(t *testing.T) {
	f := pdfNeedCJK(t)
	for _, tc := range []struct {
		partner string
		cjk     bool
	}{
		{pdfLatinNames[0], false},
		{pdfGreekNames[0], false},
		{pdfCyrNames[0], false},
		{pdfCJKNames[0], true},
		{pdfCJKNames[1], true},
	} {
		b := pdfContoso(t, tc.partner)
		all := append(append(append(append([]string{}, pdfLatinNames...), pdfGreekNames...), pdfCyrNames...), pdfCJKNames...)
		for i := range b.in.Customers {
			if !tc.cjk && i < len(pdfLatinNames) {
				b.in.Customers[i].Name = pdfLatinNames[i]
			} else if tc.cjk {
				b.in.Customers[i].Name = all[i%len(all)]
			}
		}
		sc := b.scorecard("fy24")
		pdf, warn := pdfDraw(t, sc, f)
		pdfKeep(t, "script-"+tc.partner, pdf)
		if len(warn) > 0 {
			t.Errorf("%s: warnings %q", tc.partner, warn)
		}
		fonts := pdfExec(t, pdf, "pdffonts", "poppler-utils", "FILE")
		if got := strings.Contains(fonts, "cjk"); got != tc.cjk {
			t.Errorf("%s: CJK font embedded %v, want %v:\n%s", tc.partner, got, tc.cjk, fonts)
		}
		if n := strings.Count(fonts, "CID TrueType"); n < 2 {
			t.Errorf("%s: %d embedded TrueType fonts:\n%s", tc.partner, n, fonts)
		}
		text := pdfSquash(strings.Join(pdfText(t, pdf), " "))
		if !strings.Contains(text, tc.partner) {
			t.Errorf("%s: the partner name is not in the text", tc.partner)
		}
		for _, c := range sc.Result.Designations[0].Metrics[0].NetAdds.Customers {
			if c.Effect != 0 && !strings.Contains(text, c.Name) {
				t.Errorf("%s: customer %q is not in the text", tc.partner, c.Name)
			}
		}
	}
}

// TestScorecardMissingGlyphs checks that characters no font can draw are
// named in the warnings, never left silently to an empty box.
func TestScorecardMissingGlyphs(t *testing.T) {
	noCJK := pdfFontsWithoutCJK(t)
	sc := pdfContoso(t, "株式会社サンプル").scorecard("fy24")
	_, warn := pdfDraw(t, sc, noCJK)
	want := []string{`partner name "株式会社サンプル" has characters no font can draw: 株, 式, 会, 社, サ, ン, プ, ル ` +
		`(U+682A, U+5F0F, U+4F1A, U+793E, U+30B5, U+30F3, U+30D7, U+30EB); give --cjk-font a TrueType font that has them`}
	if strings.Join(warn, "\n") != strings.Join(want, "\n") {
		t.Errorf("warnings:\n%s\nwant:\n%s", strings.Join(warn, "\n"), strings.Join(want, "\n"))
	}

	// Hangul is in neither the Go fonts nor Droid Sans Fallback; an emoji and
	// U+10000 are beyond what fpdf can draw at all.
	f := pdfTestFonts(t)
	b := pdfContoso(t, "Contoso Ltd")
	b.in.Customers[0].Name = "삼성전자"
	b.in.Customers[1].Name = "한화 솔루션"
	b.cert("Ann 😀", "DP-203", "2023-06-01", "")
	b.cert("𐀀 Linear B", "DP-100", "2023-06-01", "")
	sc = b.scorecard("fy24")
	pdf, warn := pdfDraw(t, sc, f)
	joined := strings.Join(warn, "\n")
	for _, w := range []string{
		`2 customer names ("삼성전자", "한화 솔루션") have characters no font can draw: 삼, 성, 전, 자, 한, 화, 솔, 루, 션 (U+C0BC, U+C131, U+C804, U+C790, U+D55C, U+D654, U+C194, U+B8E8, U+C158)`,
		`2 people ("Ann 😀", "𐀀 Linear B") have characters no font can draw: 😀, 𐀀 (U+1F600, U+10000)`,
	} {
		if !strings.Contains(joined, w) {
			t.Errorf("warnings lack %s\ngot:\n%s", w, joined)
		}
	}
	if len(warn) != 2 {
		t.Errorf("%d warnings, want 2:\n%s", len(warn), joined)
	}
	pdfExec(t, pdf, "qpdf", "qpdf", "--check", "FILE")
}

// TestScorecardLongNames draws a partner with a very long name, 300 customers
// with long names and long issue messages, and checks that every word stays
// on the page and that long lists end in "and N more".
func TestScorecardLongNames(t *testing.T) {
	long := strings.Repeat("Very Long Partner Name Holdings International ", 8) + strings.Repeat("X", 300)
	b := pdfAttained(t, long, 300)
	for i := range b.in.Customers {
		b.in.Customers[i].Name = "Customer " + strconv.Itoa(i) + " " + strings.Repeat("Extraordinarily Long Subsidiary Name ", 3)
	}
	b.in.Customers[5].Name = strings.Repeat("株", 200)
	b.in.Partner.ID = strings.Repeat("9", 120)
	issues := []scoring.Issue{}
	for i := range 120 {
		issues = append(issues, scoring.Issue{Severity: scoring.SeverityError, Sheet: strings.Repeat("Sheet", 10), Cell: "D" + strconv.Itoa(i+2),
			Message: strings.Repeat("This cell holds something that is not an amount. ", 6), Hint: "Type a number."})
	}
	sc := b.scorecard("fy24", issues...)
	sc.Source = strings.Repeat("very-long-file-name-", 20) + ".xlsx"
	sc.SkippedRows = 120
	f := pdfNeedCJK(t)
	pdf, _ := pdfDraw(t, sc, f)
	pdfKeep(t, "long", pdf)
	pages := pdfText(t, pdf)
	if len(pages) > 9 {
		t.Errorf("%d pages", len(pages))
	}
	all := pdfSquash(strings.Join(pages, " "))
	for _, want := range []string{"Counted as new (+1 each):", "Lost (-1 each):", "not shown here"} {
		if !strings.Contains(all, want) {
			t.Errorf("text lacks %q", want)
		}
	}
	if !regexp.MustCompile(`Counted as new \(\+1 each\): Customer .* and \d+ more`).MatchString(all) {
		t.Error("the list of new customers is not shortened with \"and N more\"")
	}
	pdfInBounds(t, pdf)
}

// pdfInBounds checks with pdftotext -bbox that every word lies inside the
// page, margins included.
func pdfInBounds(t *testing.T, pdf []byte) {
	t.Helper()
	html := pdfExec(t, pdf, "pdftotext", "poppler-utils", "-bbox", "FILE", "-")
	page := regexp.MustCompile(`<page width="([\d.]+)" height="([\d.]+)">`).FindStringSubmatch(html)
	if page == nil {
		t.Fatal("pdftotext -bbox gave no page")
	}
	w, _ := strconv.ParseFloat(page[1], 64)
	h, _ := strconv.ParseFloat(page[2], 64)
	words := regexp.MustCompile(`<word xMin="([-\d.]+)" yMin="([-\d.]+)" xMax="([-\d.]+)" yMax="([-\d.]+)">([^<]*)</word>`).FindAllStringSubmatch(html, -1)
	if len(words) < 100 {
		t.Fatalf("only %d words", len(words))
	}
	for _, m := range words {
		x0, _ := strconv.ParseFloat(m[1], 64)
		y0, _ := strconv.ParseFloat(m[2], 64)
		x1, _ := strconv.ParseFloat(m[3], 64)
		y1, _ := strconv.ParseFloat(m[4], 64)
		if x0 < 40 || x1 > w-40 || y0 < 30 || y1 > h-15 {
			t.Errorf("word %q at (%.0f,%.0f)-(%.0f,%.0f) is outside the page's margins (%.0f x %.0f)", m[5], x0, y0, x1, y1, w, h)
		}
	}
}
