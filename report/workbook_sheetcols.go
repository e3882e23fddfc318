package report

import (
	"slices"
	"strconv"
)

// colSpec is one <col> element: its range and its other attributes in order.
type colSpec struct {
	min, max int
	attrs    [][2]string // name, escaped value
}

func (w *sheetWriter) cols(s *xmlScanner, t xmlTok) error {
	end, err := elementEnd(s, t)
	if err != nil || w.col == 0 {
		return err
	}
	var specs []colSpec
	inner := &xmlScanner{b: w.src[:end], pos: t.end}
	for {
		u, ok, err := inner.next()
		if err != nil || !ok {
			break
		}
		if (u.kind == xtStart || u.kind == xtEmpty) && u.is(w.p, "col") {
			var c colSpec
			_ = eachAttr(u.attrs, func(n, v []byte) bool {
				switch string(n) {
				case "min":
					c.min, _ = strconv.Atoi(string(v))
				case "max":
					c.max, _ = strconv.Atoi(string(v))
				default:
					c.attrs = append(c.attrs, [2]string{string(n), string(v)})
				}
				return true
			})
			if c.min > 0 && c.max >= c.min {
				specs = append(specs, c)
			}
		}
	}
	w.copyTo(t.start)
	w.out = appendTag(w.out, xmlTok{kind: xtStart, name: t.name, attrs: t.attrs}, nil, nil)
	w.out = w.colXML(w.out, specs, w.col)
	w.out = append(w.out, "</"...)
	w.out = append(w.out, t.name...)
	w.out = append(w.out, '>')
	w.skipTo(end)
	return nil
}

// colXML writes the col elements of specs with column col given the status
// width: ranges that cover it are split around it.
func (w *sheetWriter) colXML(dst []byte, specs []colSpec, col int) []byte {
	slices.SortStableFunc(specs, func(a, b colSpec) int { return a.min - b.min })
	ours := colSpec{min: col, max: col, attrs: [][2]string{{"width", strconv.Itoa(statusWidth)}, {"customWidth", "1"}}}
	var out []colSpec
	placed := false
	for _, c := range specs {
		if c.max < col || c.min > col {
			if !placed && c.min > col {
				out = append(out, ours)
				placed = true
			}
			out = append(out, c)
			continue
		}
		if c.min < col {
			out = append(out, colSpec{min: c.min, max: col - 1, attrs: c.attrs})
		}
		mid := colSpec{min: col, max: col}
		for _, a := range c.attrs {
			switch a[0] {
			case "width", "customWidth", "hidden", "bestFit":
			default:
				mid.attrs = append(mid.attrs, a)
			}
		}
		mid.attrs = append(mid.attrs, ours.attrs...)
		out = append(out, mid)
		placed = true
		if c.max > col {
			out = append(out, colSpec{min: col + 1, max: c.max, attrs: c.attrs})
		}
	}
	if !placed {
		out = append(out, ours)
	}
	for _, c := range out {
		dst = append(dst, '<')
		if len(w.p) > 0 {
			dst = append(dst, w.p...)
			dst = append(dst, ':')
		}
		dst = append(dst, `col min="`...)
		dst = strconv.AppendInt(dst, int64(c.min), 10)
		dst = append(dst, `" max="`...)
		dst = strconv.AppendInt(dst, int64(c.max), 10)
		dst = append(dst, '"')
		for _, a := range c.attrs {
			dst = append(dst, ' ')
			dst = append(dst, a[0]...)
			dst = append(dst, `="`...)
			dst = append(dst, a[1]...)
			dst = append(dst, '"')
		}
		dst = append(dst, "/>"...)
	}
	return dst
}
