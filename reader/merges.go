package reader

import "strings"

// explainMerges gives an issue about a cell that lies inside merged cells,
// but is not their first cell, a hint: only the first cell of a merged range
// holds a value, so every other row of it reads as blank.
func explainMerges(issues []located, merges []string) {
	if len(merges) == 0 {
		return
	}
	type box struct {
		c1, r1, c2, r2 int
		ref            string
	}
	var boxes []box
	for _, m := range merges {
		a, b, ok := strings.Cut(m, ":")
		if !ok {
			continue
		}
		c1, r1, ok1 := parseCellName(a)
		c2, r2, ok2 := parseCellName(b)
		if ok1 && ok2 {
			boxes = append(boxes, box{min(c1, c2), min(r1, r2), max(c1, c2), max(r1, r2), m})
		}
	}
	for i := range issues {
		is := &issues[i]
		if is.col <= 0 || is.row <= 0 {
			continue
		}
		for _, bx := range boxes {
			if is.col >= bx.c1 && is.col <= bx.c2 && is.row >= bx.r1 && is.row <= bx.r2 && (is.col != bx.c1 || is.row != bx.r1) {
				hint := "This cell is part of the merged cells " + bx.ref + ", and only the first of them holds a value: unmerge them and fill in every cell."
				if is.Hint != "" {
					hint += " " + is.Hint
				}
				is.Hint = hint
				break
			}
		}
	}
}

// parseCellName reads an A1 reference ("AB12") into its column and row.
func parseCellName(ref string) (col, row int, ok bool) {
	ref = strings.ReplaceAll(ref, "$", "")
	col, ok = columnOf([]byte(ref))
	if !ok {
		return 0, 0, false
	}
	i := strings.IndexAny(ref, "0123456789")
	if i < 0 {
		return 0, 0, false
	}
	for _, c := range ref[i:] {
		row = row*10 + int(c-'0')
		if row > maxRows {
			return 0, 0, false
		}
	}
	return col, row, row > 0
}
