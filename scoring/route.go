package scoring

import (
	"fmt"
	"strings"
)

// option is one way to raise a metric: after `changes` concrete changes (people
// certified, customers added, deployments made, one increase of ACR costing
// `cost`) the metric has `points`.
type option struct {
	changes int
	points  int
	cost    Cents
	meets   bool // certification metrics: the prerequisites are met after it
	text    string
	caveat  string // said after what the option earns ("... earns 3 points, but ...")
}

// better orders options: fewer changes, then less money, then more points.
func (o option) better(p option) bool {
	if o.changes != p.changes {
		return o.changes < p.changes
	}
	if o.cost != p.cost {
		return o.cost < p.cost
	}
	return o.points > p.points
}

// nextOption picks the smallest change that raises the metric above now.
func nextOption(opts []option, now int) *option {
	var best *option
	for i := range opts {
		if opts[i].points > now && (best == nil || opts[i].better(*best)) {
			best = &opts[i]
		}
	}
	return best
}

// scoreDesignation scores every metric of a designation and, when it is not
// attained, finds the route to the required points.
func (e *engine) scoreDesignation(d *Designation) DesignationResult {
	dr := DesignationResult{ID: d.ID, Name: d.Name, ShortName: d.ShortName, Path: e.res.Path, Required: e.rs.RequiredPoints}
	for _, m := range d.Metrics {
		mr := e.metric(d, m)
		dr.Metrics = append(dr.Metrics, mr)
		dr.Points += mr.Points
		dr.Max += m.Max
	}
	dr.Attained = dr.Points >= dr.Required
	for _, m := range dr.Metrics {
		if m.Points < 1 {
			dr.Attained = false
		}
	}
	// Window needs the points only: no route.
	if !dr.Attained && !e.light {
		opts := make([][]option, len(d.Metrics))
		for i, m := range d.Metrics {
			opts[i] = e.options(m, dr.Metrics[i])
		}
		dr.Route = e.route(d, dr, opts)
	}
	return dr
}

// metric scores one metric of a designation.
func (e *engine) metric(d *Designation, m Metric) MetricResult {
	switch m.Kind {
	case KindNetCustomerAdds:
		return e.netAdds(d, m)
	case KindCertifications:
		return e.skilling(d, m)
	case KindUsageGrowth:
		return e.usageGrowth(d, m)
	default:
		return e.deployments(d, m)
	}
}

// options are the changes that would earn a metric more points, for the route.
func (e *engine) options(m Metric, mr MetricResult) []option {
	switch m.Kind {
	case KindNetCustomerAdds:
		return netAddOptions(*mr.Value, e.rs.NetCustomerAdds.PointsPerAdd, m.Max)
	case KindCertifications:
		sk := skillCalc{rule: e.rs.Skilling, path: e.res.Path, max: m.Max}
		holders := make([]int, len(mr.Skilling.Steps))
		for j, s := range mr.Skilling.Steps {
			holders[j] = len(s.Holders)
		}
		return sk.options(holders, mr.Skilling.Scoring, m.Prerequisites, strings.TrimSuffix(m.ID, "-certifications"))
	case KindUsageGrowth:
		g := growthCalc{baseline: mr.Growth.Baseline, min: e.rs.UsageGrowth.MinCurrentACR.Cents, per: e.rs.UsageGrowth.PointsPerPercent, max: m.Max}
		room, limited := e.pathHeadroom()
		return g.options(mr.Growth.Current, e.m, room, limited, e.pathWarning(enterpriseOthers))
	default:
		return deploymentOptions(mr.Deployments.Counted, e.rs.Deployments.PointsPerDeployment, m.Max)
	}
}

func netAddOptions(net Tenths, per, maxPoints int) []option {
	n := int(net / 10)
	var opts []option
	now := netAddPoints(n, per, maxPoints)
	for k := 1; ; k++ {
		p := netAddPoints(n+k, per, maxPoints)
		if p > now {
			opts = append(opts, option{changes: k, points: p, text: count(k, "more net customer add", "more net customer adds")})
		}
		if p >= maxPoints || k > 1000 {
			break
		}
	}
	return opts
}

// route finds the fewest changes that bring the designation to the required
// points with at least one point in every metric: a small dynamic programme
// over the metrics, each choosing one of its options (or none).
func (e *engine) route(d *Designation, dr DesignationResult, opts [][]option) *Route {
	type state struct {
		ok      bool
		changes int
		cost    Cents
		choice  []int // per metric: -1 for no change, else option index
	}
	limit := dr.Max
	dp := make([]state, limit+1)
	dp[0] = state{ok: true}
	for i, m := range dr.Metrics {
		next := make([]state, limit+1)
		choices := []option{{points: m.Points}}
		choices = append(choices, opts[i]...)
		for p, s := range dp {
			if !s.ok {
				continue
			}
			for ci, o := range choices {
				if o.points < 1 {
					continue
				}
				np := min(limit, p+o.points)
				cand := state{ok: true, changes: s.changes + o.changes, cost: s.cost + o.cost}
				cur := next[np]
				if !cur.ok || cand.changes < cur.changes || (cand.changes == cur.changes && cand.cost < cur.cost) {
					cand.choice = append(append([]int{}, s.choice...), ci-1)
					next[np] = cand
				}
			}
		}
		dp = next
	}
	var best *state
	for p := dr.Required; p <= limit; p++ {
		s := dp[p]
		if s.ok && (best == nil || s.changes < best.changes || (s.changes == best.changes && s.cost < best.cost)) {
			s := s
			best = &s
		}
	}
	r := &Route{}
	if best == nil {
		r.Reason = e.noRouteReason(dr, opts)
		return r
	}
	r.Reachable = true
	r.Points = 0
	for i, ci := range best.choice {
		m := dr.Metrics[i]
		if ci < 0 {
			r.Points += m.Points
			continue
		}
		o := opts[i][ci]
		r.Points += o.points
		r.Changes += o.changes
		r.Steps = append(r.Steps, RouteStep{Metric: m.ID, Changes: o.changes, Gain: o.points - m.Points,
			Text: fmt.Sprintf("%s: %s (+%s)", metricLabel(m.ID), o.text, points(o.points-m.Points))})
	}
	r.Points = min(r.Points, dr.Max)
	if room, limited := e.pathHeadroom(); limited {
		// The least ACR the route adds: the ACR of new customers in the
		// as-of month also counts for growth, so the larger of the two.
		var growth, adds Cents
		for i, ci := range best.choice {
			m := dr.Metrics[i]
			switch {
			case ci < 0:
			case m.Kind == KindUsageGrowth:
				growth = opts[i][ci].cost
			case m.Kind == KindNetCustomerAdds && m.NetAdds != nil:
				adds = m.NetAdds.acrFor(opts[i][ci].changes)
			}
		}
		if acr := max(growth, adds); acr > room {
			r.Note = fmt.Sprintf("Together these changes add at least %s of ACR, and %s.", acr.Short(), e.pathWarning(enterpriseOthers))
		}
	}
	return r
}

func (e *engine) noRouteReason(dr DesignationResult, opts [][]option) string {
	for i, m := range dr.Metrics {
		reach := m.Points
		for _, o := range opts[i] {
			reach = max(reach, o.points)
		}
		if reach < 1 {
			if m.Kind == KindUsageGrowth {
				return fmt.Sprintf("usage growth cannot earn a point as of %s: there was no eligible ACR in %s to grow from", e.m.ShortLabel(), e.m.Add(-12).ShortLabel())
			}
			return fmt.Sprintf("%s cannot earn a point as of %s", metricLabel(m.ID), e.m.ShortLabel())
		}
	}
	return fmt.Sprintf("even every metric at its maximum reachable points stays under %d", dr.Required)
}

// metricLabel names a metric for people.
func metricLabel(id string) string {
	switch id {
	case "net-customer-adds":
		return "Net customer adds"
	case "intermediate-certifications":
		return "Intermediate certifications"
	case "advanced-certifications":
		return "Advanced certifications"
	case "usage-growth":
		return "Usage growth"
	case "deployments":
		return "Deployments"
	}
	return capitalize(strings.ReplaceAll(id, "-", " "))
}

// MetricLabel names a metric for people ("Net customer adds").
func MetricLabel(id string) string { return metricLabel(id) }
