package scoring

// Snapshot is the score of every designation as of one month.
type Snapshot struct {
	Month Month
	// Scored is false when the data does not reach back far enough to score
	// this month (the net customer adds baseline, 13 months earlier, is missing).
	Scored       bool
	Designations []SnapshotDesignation
}

// SnapshotDesignation is one designation's total in a Snapshot.
type SnapshotDesignation struct {
	ID       string
	Points   int
	Attained bool
}

// Window scores the as-of month of res and the months before it, oldest
// first, n months in all: the qualification window, in which attaining the
// designation in any month counts. The path is decided again for each month
// unless it is forced.
func Window(in *Input, rs *RuleSet, opt Options, res *Result, n int) []Snapshot {
	earliest := Month(0)
	for _, r := range in.ACR {
		if earliest.IsZero() || r.Month < earliest {
			earliest = r.Month
		}
	}
	ids := make([]string, len(res.Designations))
	for i, d := range res.Designations {
		ids[i] = d.ID
	}
	out := make([]Snapshot, 0, n)
	var pre *prepared
	for k := n - 1; k >= 0; k-- {
		m := res.AsOf.Add(-k)
		s := Snapshot{Month: m}
		if k == 0 {
			s.Scored = true
			for _, d := range res.Designations {
				s.Designations = append(s.Designations, SnapshotDesignation{ID: d.ID, Points: d.Points, Attained: d.Attained})
			}
		} else if !earliest.IsZero() && earliest <= m.Add(-13) {
			o := opt
			o.AsOf = m
			o.Designations = ids
			if pre == nil {
				e := &engine{in: in, rs: rs, res: &Result{}}
				e.collectCustomers()
				e.classifyRows()
				pre = &e.prepared
			}
			if r, err := compute(in, rs, o, pre); err == nil {
				s.Scored = true
				for _, d := range r.Designations {
					s.Designations = append(s.Designations, SnapshotDesignation{ID: d.ID, Points: d.Points, Attained: d.Attained})
				}
			}
		}
		out = append(out, s)
	}
	return out
}
