package report

import "reflect"

// pdfCJKRunes collects the characters of every text in v (a Scorecard or a
// Portfolio, walked field by field) that only the CJK font has. A document
// declares them before drawing, so that its CJK font can carry a character
// map of just those; skip names struct fields never drawn (row statuses).
func pdfCJKRunes(f *Fonts, v any, skip ...string) map[rune]bool {
	out := map[rune]bool{}
	skipped := map[string]bool{}
	for _, s := range skip {
		skipped[s] = true
	}
	var walk func(v reflect.Value)
	walk = func(v reflect.Value) {
		switch v.Kind() {
		case reflect.String:
			for _, r := range v.String() {
				// Most text is covered by the Go fonts: only other characters
				// make the CJK font load.
				if !out[r] && !f.regular.has(r) && f.cjkFace().has(r) {
					out[r] = true
				}
			}
		case reflect.Pointer, reflect.Interface:
			if !v.IsNil() {
				walk(v.Elem())
			}
		case reflect.Struct:
			for i := range v.NumField() {
				if !skipped[v.Type().Field(i).Name] {
					walk(v.Field(i))
				}
			}
		case reflect.Slice, reflect.Array:
			for i := range v.Len() {
				walk(v.Index(i))
			}
		case reflect.Map:
			it := v.MapRange()
			for it.Next() {
				walk(it.Key())
				walk(it.Value())
			}
		}
	}
	walk(reflect.ValueOf(v))
	return out
}
