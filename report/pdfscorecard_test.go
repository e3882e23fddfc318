package report

import (
	"bytes"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/pcs-tools/pcs/scoring"
)

// pdfCases are the scorecards the golden tests draw: an SMB partner with
// reader issues (A4, fy24), the same partner under fy26 on Letter paper, and
// Enterprise partners named in Greek and in Cyrillic, one with skipped rows.
func pdfCases(t testing.TB) map[string]Scorecard {
	contoso := pdfContoso(t, "Contoso Ltd").scorecard("fy24", pdfContosoIssues...)
	letter := pdfContoso(t, "Contoso Ltd").scorecard("fy26")
	letter.Paper = "letter"
	greek := pdfAttained(t, "Ελληνική Πληροφορική Α.Ε.", 12).scorecard("fy24")
	cyr := pdfAttained(t, "ООО «Ромашка» Облачные решения", 40).scorecard("fy26")
	cyr.SkippedRows = 3
	return map[string]Scorecard{"contoso": contoso, "contoso-fy26-letter": letter, "greek": greek, "cyrillic": cyr}
}

func pdfCaseNames(cases map[string]Scorecard) []string {
	names := make([]string, 0, len(cases))
	for n := range cases {
		names = append(names, n)
	}
	sort.Strings(names)
	return names
}

// TestScorecardGolden compares the text pdftotext extracts with the golden
// files under testdata/pdf (go test ./report -run TestScorecardGolden -update
// rewrites them; review the diff).
func TestScorecardGolden(t *testing.T) {
	cases := pdfCases(t)
	for _, name := range pdfCaseNames(cases) {
		t.Run(name, func(t *testing.T) {
			pdf, warn := pdfDraw(t, cases[name], pdfTestFonts(t))
			pdfKeep(t, name, pdf)
			if len(warn) > 0 {
				t.Errorf("unexpected warnings: %q", warn)
			}
			got := strings.Join(pdfText(t, pdf), "\f")
			path := filepath.Join("testdata", "pdf", name+".txt")
			if pdfUpdate() {
				if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
					t.Fatal(err)
				}
				if err := os.WriteFile(path, []byte(got), 0o644); err != nil {
					t.Fatal(err)
				}
			}
			want, err := os.ReadFile(path)
			if err != nil {
				t.Fatalf("%v (run go test ./report -run TestScorecardGolden -update to create it)", err)
			}
			if diff := cmp.Diff(string(want), got); diff != "" {
				t.Errorf("text of %s differs from %s (-want +got):\n%s", name, path, diff)
			}
		})
	}
}

// TestScorecardDeterministic draws each scorecard several times: the bytes
// must never change (no clock, no map order).
func TestScorecardDeterministic(t *testing.T) {
	cases := pdfCases(t)
	for _, name := range pdfCaseNames(cases) {
		first, _ := pdfDraw(t, cases[name], pdfTestFonts(t))
		for range 3 {
			again, _ := pdfDraw(t, cases[name], pdfTestFonts(t))
			if !bytes.Equal(first, again) {
				t.Fatalf("%s: two drawings of the same scorecard differ", name)
			}
		}
		if !bytes.Contains(first, []byte("/CreationDate (D:20240531000000)")) && !bytes.Contains(first, []byte("/CreationDate (D:20240630000000)")) {
			t.Errorf("%s: the creation date is not the last day of the as-of month", name)
		}
	}
}

// TestScorecardQPDF checks the PDF syntax with qpdf --check.
func TestScorecardQPDF(t *testing.T) {
	cases := pdfCases(t)
	for _, name := range pdfCaseNames(cases) {
		pdf, _ := pdfDraw(t, cases[name], pdfTestFonts(t))
		out := pdfExec(t, pdf, "qpdf", "qpdf", "--check", "FILE")
		if !strings.Contains(out, "No syntax or stream encoding errors") {
			t.Errorf("%s: qpdf --check:\n%s", name, out)
		}
	}
}

// TestScorecardNumbers finds every number of the JSON result in the text of
// the page it belongs to: each designation's points, maximum and required
// points on the summary and on its page, and each metric's value, points and
// maximum on the designation's page.
func TestScorecardNumbers(t *testing.T) {
	cases := pdfCases(t)
	for _, name := range pdfCaseNames(cases) {
		t.Run(name, func(t *testing.T) {
			sc := cases[name]
			pdf, _ := pdfDraw(t, sc, pdfTestFonts(t))
			pages := pdfText(t, pdf)
			j := NewJSON(sc.Source, sc.Result, sc.Issues)
			if len(pages) < 1+len(j.Designations) {
				t.Fatalf("%d pages for %d designations", len(pages), len(j.Designations))
			}
			find := func(page int, what, num string) {
				t.Helper()
				re := regexp.MustCompile(`(^|[^0-9.,])` + regexp.QuoteMeta(num) + `([^0-9,]|$)`)
				if !re.MatchString(pages[page]) {
					t.Errorf("page %d: %s %s not found", page+1, what, num)
				}
			}
			for i, d := range j.Designations {
				for _, n := range []int{d.Points, d.Max, d.Required} {
					find(0, d.ID+" total", strconv.Itoa(n))
					find(1+i, d.ID+" total", strconv.Itoa(n))
				}
				if d.Gap > 0 {
					find(0, d.ID+" gap", strconv.Itoa(d.Gap))
				}
				if r := d.Route; r != nil && r.Reachable {
					find(1+i, d.ID+" route changes", strconv.Itoa(r.Changes))
					find(1+i, d.ID+" route points", strconv.Itoa(r.Points))
					for _, s := range r.Steps {
						find(1+i, d.ID+" route step", strconv.Itoa(s.Points))
						find(1+i, d.ID+" route step", strconv.Itoa(s.Changes))
					}
				}
				for _, m := range d.Metrics {
					if v := string(m.Value); v != "null" {
						find(1+i, d.ID+"/"+m.ID+" value", v)
					}
					find(1+i, d.ID+"/"+m.ID+" points", strconv.Itoa(m.Points))
					find(1+i, d.ID+"/"+m.ID+" max", strconv.Itoa(m.Max))
				}
			}
			for _, s := range sc.Window {
				for _, sd := range s.Designations {
					find(0, s.Month.String()+" "+sd.ID, strconv.Itoa(sd.Points))
				}
			}
		})
	}
}

// TestScorecardPaper checks the page sizes: A4 by default, Letter on request,
// anything else refused.
func TestScorecardPaper(t *testing.T) {
	sc := pdfContoso(t, "Contoso Ltd").scorecard("fy24")
	for _, tc := range []struct{ paper, want string }{
		{"", "595.28 x 841.89 pts (A4)"},
		{"a4", "595.28 x 841.89 pts (A4)"},
		{"A4", "595.28 x 841.89 pts (A4)"},
		{"letter", "612 x 792 pts (letter)"},
	} {
		sc.Paper = tc.paper
		pdf, _ := pdfDraw(t, sc, pdfTestFonts(t))
		info := pdfExec(t, pdf, "pdfinfo", "poppler-utils", "-f", "1", "-l", "99", "FILE")
		sizes := regexp.MustCompile(`Page +\d+ size: +(.*)`).FindAllStringSubmatch(info, -1)
		if len(sizes) < 2 {
			t.Fatalf("paper %q: pdfinfo gave no page sizes:\n%s", tc.paper, info)
		}
		for _, s := range sizes {
			if strings.TrimSpace(s[1]) != tc.want {
				t.Errorf("paper %q: page size %q, want %q", tc.paper, s[1], tc.want)
			}
		}
	}
	sc.Paper = "legal"
	var buf bytes.Buffer
	if _, err := WriteScorecard(&buf, sc, pdfTestFonts(t)); err == nil || err.Error() != `paper size "legal" is not a4 or letter` {
		t.Errorf("legal paper: err %v", err)
	}
	if buf.Len() != 0 {
		t.Errorf("legal paper: %d bytes written", buf.Len())
	}
}

// TestScorecardRefuses checks the errors of WriteScorecard.
func TestScorecardRefuses(t *testing.T) {
	var buf bytes.Buffer
	if _, err := WriteScorecard(&buf, Scorecard{}, pdfTestFonts(t)); err == nil {
		t.Error("no result: no error")
	}
	sc := pdfContoso(t, "Contoso Ltd").scorecard("fy24")
	if _, err := WriteScorecard(&buf, sc, nil); err == nil {
		t.Error("no fonts: no error")
	}
	if buf.Len() != 0 {
		t.Errorf("%d bytes written on errors", buf.Len())
	}
}

// TestScorecardPages checks which pages a scorecard has: the data quality
// page only with issues or skipped rows, and what the summary says of them.
func TestScorecardPages(t *testing.T) {
	b := pdfAttained(t, "Tailspin Toys", 8)
	clean := b.scorecard("fy24")
	clean.Issues = nil
	pages := pdfText(t, pdfMust(t, clean))
	if len(pages) != 4 {
		t.Errorf("no issues: %d pages, want 4 (summary and 3 designations)", len(pages))
	}
	if strings.Contains(strings.Join(pages, ""), "DATA QUALITY") {
		t.Error("a data quality page without issues")
	}
	skipped := clean
	skipped.SkippedRows = 1
	pages = pdfText(t, pdfMust(t, skipped))
	if len(pages) != 5 || !strings.Contains(pages[4], "DATA QUALITY") {
		t.Fatalf("skipped rows: %d pages, want a data quality page", len(pages))
	}
	if !strings.Contains(pdfSquash(pages[0]), "1 row with errors was left out of this score") {
		t.Errorf("summary does not say a row was left out:\n%s", pages[0])
	}
	for i, p := range pages {
		if !strings.Contains(p, "Page "+strconv.Itoa(i+1)+" of 5") {
			t.Errorf("page %d: no \"Page %d of 5\" footer", i+1, i+1)
		}
		for _, w := range []string{"Source: partner.xlsx", "Rules: fy24", "For June 2024", "not a statement of Microsoft's"} {
			if !strings.Contains(p, w) {
				t.Errorf("page %d: footer lacks %q", i+1, w)
			}
		}
	}
}

// TestScorecardNoIDs checks that the pages use names, not the rule set's ids.
func TestScorecardNoIDs(t *testing.T) {
	sc := pdfContoso(t, "Contoso Ltd").scorecard("fy24", pdfContosoIssues...)
	text := strings.Join(pdfText(t, pdfMust(t, sc)), "")
	for _, id := range []string{"data-ai-azure", "infrastructure-azure", "digital-app-innovation-azure", "net-customer-adds",
		"intermediate-certifications", "advanced-certifications", "usage-growth", "customer-success"} {
		if strings.Contains(text, id) {
			t.Errorf("the text shows the id %q", id)
		}
	}
	for _, want := range []string{"Solutions Partner for Data & AI (Azure)", "Net customer adds", "Intermediate certifications",
		"Usage growth", "Customer success", "ACR!F14"} {
		if !strings.Contains(text, want) {
			t.Errorf("the text lacks %q", want)
		}
	}
}

// pdfMust draws a scorecard with the test fonts and keeps nothing else.
func pdfMust(t testing.TB, sc Scorecard) []byte {
	pdf, _ := pdfDraw(t, sc, pdfTestFonts(t))
	return pdf
}

// pdfSquash joins the words of a page's text with single spaces.
func pdfSquash(s string) string { return strings.Join(strings.Fields(s), " ") }

// TestScorecardTextIsData draws names that look like PDF syntax, fpdf's page
// count alias or control characters: they must come out as written (control
// characters dropped), and the page numbers must stay right.
func TestScorecardTextIsData(t *testing.T) {
	name := "{nb} (Tj) \\ <b>Bold</b> =SUM(A1) \x01nb\x01 Line\nbreak"
	sc := pdfContoso(t, name).scorecard("fy24")
	sc.Source = "{nb}.xlsx"
	pdf := pdfMust(t, sc)
	pdfExec(t, pdf, "qpdf", "qpdf", "--check", "FILE")
	pages := pdfText(t, pdf)
	if got := pdfSquash(pages[0]); !strings.Contains(got, "{nb} (Tj) \\ <b>Bold</b> =SUM(A1) nb Line break") {
		t.Errorf("the partner name is not drawn as written:\n%s", got)
	}
	for i, p := range pages {
		if !strings.Contains(p, "Source: {nb}.xlsx") || !strings.Contains(p, "Page "+strconv.Itoa(i+1)+" of "+strconv.Itoa(len(pages))) {
			t.Errorf("page %d: footer wrong:\n%s", i+1, p)
		}
	}
}

// TestScorecardConcurrent draws scorecards from several goroutines sharing
// one Fonts: the bytes must match a drawing made alone.
func TestScorecardConcurrent(t *testing.T) {
	f := pdfTestFonts(t)
	cases := pdfCases(t)
	names := pdfCaseNames(cases)
	want := map[string][]byte{}
	for _, n := range names {
		want[n], _ = pdfDraw(t, cases[n], f)
	}
	errs := make(chan string, len(names)*2)
	done := make(chan bool)
	for range 2 {
		for _, n := range names {
			go func() {
				var buf bytes.Buffer
				if _, err := WriteScorecard(&buf, cases[n], f); err != nil {
					errs <- n + ": " + err.Error()
				} else if !bytes.Equal(buf.Bytes(), want[n]) {
					errs <- n + ": differs when drawn concurrently"
				}
				done <- true
			}()
		}
	}
	for range 2 * len(names) {
		<-done
	}
	close(errs)
	for e := range errs {
		t.Error(e)
	}
}

// TestScorecardWindowNoData checks the chart of the last months when the data
// does not reach back far enough to score the earlier ones.
func TestScorecardWindowNoData(t *testing.T) {
	b := pdfNewInput(t, "Wingtip Toys", "", "2024-05")
	b.customer("W1", "Lucerne", "SMB").customer("W2", "Proseware", "SMB")
	b.acrMonths("W1", "2023-03", 15, "800").acrMonths("W2", "2024-01", 5, "2500")
	b.cert("kim@wingtip.example", "AZ-104", "", "")
	sc := b.scorecard("fy24")
	scored := 0
	for _, s := range sc.Window {
		if s.Scored {
			scored++
		}
	}
	if scored == 0 || scored == len(sc.Window) {
		t.Fatalf("fixture: %d of %d months scored", scored, len(sc.Window))
	}
	pdf := pdfMust(t, sc)
	pdfKeep(t, "nodata", pdf)
	page := pdfSquash(pdfText(t, pdf)[0])
	if n := strings.Count(page, "no data"); n != len(sc.Window)-scored {
		t.Errorf("%d months say \"no data\", want %d:\n%s", n, len(sc.Window)-scored, page)
	}
	if strings.Contains(page, "Partner ID") {
		t.Error("a blank partner ID is shown")
	}
}

// TestScorecardEdges draws results at the edges: no designation at all, and
// a designation that cannot reach the required points.
func TestScorecardEdges(t *testing.T) {
	empty := Scorecard{Result: &scoring.Result{Partner: scoring.Partner{Name: "Empty Ltd"}, Edition: "fy24"}}
	pages := pdfText(t, pdfMust(t, empty))
	if len(pages) != 1 || !strings.Contains(pages[0], "No designation was scored.") {
		t.Errorf("empty result: %d pages:\n%s", len(pages), strings.Join(pages, "\f"))
	}

	b := pdfNewInput(t, "Newco", "1", "2024-05")
	b.customer("N1", "Alpine Ski House", "SMB")
	b.acrMonths("N1", "2024-03", 3, "2000")
	sc := b.scorecard("fy24")
	if r := sc.Result.Designations[0].Route; r == nil || r.Reachable {
		t.Fatalf("fixture: route %+v", r)
	}
	pages = pdfText(t, pdfMust(t, sc))
	if s := pdfSquash(pages[0]); !strings.Contains(s, "70 cannot be reached as of May 2024: usage growth cannot earn a point") {
		t.Errorf("summary does not say 70 cannot be reached:\n%s", s)
	}
	if s := pdfSquash(pages[1]); !strings.Contains(s, "No route to 70 as of May 2024") || !strings.Contains(s, "Growth: cannot be computed") {
		t.Errorf("designation page:\n%s", s)
	}
}
