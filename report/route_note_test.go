package report

import (
	"encoding/json"
	"strings"
	"testing"
)

// TestRouteNote: a route's note (it would move the partner to the
// Enterprise path) reaches the JSON result and the designation's page.
func TestRouteNote(t *testing.T) {
	cases := pdfCases(t)
	note := "Together these changes add at least USD 1,600 of ACR, and this moves the partner to the Enterprise path."
	for _, name := range pdfCaseNames(cases) {
		sc := cases[name]
		for i := range sc.Result.Designations {
			d := &sc.Result.Designations[i]
			if d.Route == nil || !d.Route.Reachable {
				continue
			}
			rt := *d.Route
			rt.Note = note
			d.Route = &rt
			b, err := json.Marshal(NewJSON(sc.Source, sc.Result, sc.Issues))
			if err != nil {
				t.Fatal(err)
			}
			if !strings.Contains(string(b), `"note":"`+note+`"`) {
				t.Errorf("JSON lacks the note: %s", b)
			}
			pdf, _ := pdfDraw(t, sc, pdfTestFonts(t))
			if text := pdfSquash(strings.Join(pdfText(t, pdf), " ")); !strings.Contains(text, "Note: "+pdfSquash(note)) {
				t.Errorf("the PDF lacks the note")
			}
			return
		}
	}
	t.Fatal("no case has a reachable route")
}
