package scoring

import (
	"fmt"
	"math"
	"math/big"
	"strconv"
	"strings"
)

// usageGrowth scores usage growth (rules.md, "Customer success: usage growth").
func (e *engine) usageGrowth(d *Designation, m Metric) MetricResult {
	rule := e.rs.UsageGrowth
	monthly := e.monthly[d.ID]
	det := &GrowthDetail{CurrentMonth: e.m, BaselineMonth: e.m.Add(-12), Current: monthly[12], Baseline: monthly[0]}
	for i, v := range monthly {
		det.Monthly = append(det.Monthly, MonthTotal{Month: e.m.Add(i - 12), ACR: v})
	}
	res := MetricResult{ID: m.ID, Kind: m.Kind, Category: m.Category, Max: m.Max, Growth: det}
	g := growthCalc{baseline: det.Baseline, min: rule.MinCurrentACR.Cents, per: rule.PointsPerPercent, max: m.Max}
	cur, base := det.Current, det.Baseline
	if base <= 0 {
		if e.light {
			return res
		}
		res.explain(fmt.Sprintf("Growth cannot be computed: eligible ACR in %s was %s, so there is nothing to grow from.", det.BaselineMonth.ShortLabel(), base.Short()),
			fmt.Sprintf("ACR in %s was %s.", e.m.ShortLabel(), cur.Short()))
		res.NextStep = fmt.Sprintf("No change in %s can earn points: usage growth needs eligible ACR in %s.", e.m.ShortLabel(), det.BaselineMonth.ShortLabel())
		return res
	}
	tenths := growthTenths(cur, base)
	det.Growth = &tenths
	res.Value = &tenths
	res.Points = g.points(cur)
	if e.light {
		return res
	}
	switch {
	case cur < g.min:
		res.explain(fmt.Sprintf("Eligible ACR in %s was %s against %s in %s, growth of %s%%, but it is under the %s needed to score usage growth.",
			e.m.ShortLabel(), cur.Short(), base.Short(), det.BaselineMonth.ShortLabel(), tenths, g.min.Short()))
	case cur <= base:
		res.explain(fmt.Sprintf("Eligible ACR in %s was %s against %s in %s: growth of %s%%, which earns nothing.",
			e.m.ShortLabel(), cur.Short(), base.Short(), det.BaselineMonth.ShortLabel(), tenths))
	default:
		res.explain(fmt.Sprintf("Eligible ACR in %s was %s against %s in %s: growth of %s%%, %s (%s per whole percent, at most %d).",
			e.m.ShortLabel(), cur.Short(), base.Short(), det.BaselineMonth.ShortLabel(), tenths, points(res.Points), points(g.per), m.Max))
	}
	if res.Points >= m.Max {
		res.NextStep = "Maximum reached."
		return res
	}
	room, limited := e.pathHeadroom()
	if o := nextOption(g.options(cur, e.m, room, limited, e.pathWarning(enterpriseOthers)), res.Points); o != nil {
		res.NextPoints = o.points - res.Points
		res.NextStep = fmt.Sprintf("%s earns %s.", capitalize(o.text), points(o.points-res.Points))
		if o.caveat != "" {
			res.NextStep = strings.TrimSuffix(res.NextStep, ".") + ", but " + o.caveat + "."
		}
	}
	return res
}

// growthTenths is (cur-base)/base × 100 rounded to one decimal, half away from zero.
func growthTenths(cur, base Cents) Tenths {
	num := new(big.Int).Mul(big.NewInt(int64(cur-base)), big.NewInt(2000))
	den := new(big.Int).Mul(big.NewInt(int64(base)), big.NewInt(2))
	// round(x/b) half away from zero = trunc((2x + sign·b) / 2b) for b > 0.
	if num.Sign() >= 0 {
		num.Add(num, big.NewInt(int64(base)))
	} else {
		num.Sub(num, big.NewInt(int64(base)))
	}
	return Tenths(num.Quo(num, den).Int64())
}

// growthCalc computes usage growth points for any current ACR.
type growthCalc struct {
	baseline, min Cents
	per, max      int
}

func (g growthCalc) points(cur Cents) int {
	if g.baseline <= 0 || cur < g.min || cur <= g.baseline {
		return 0
	}
	pct := g.wholePercent(cur)
	if pct > int64(g.max) {
		return g.max
	}
	return min(g.max, int(pct)*g.per)
}

// wholePercent is the growth of cur over the baseline in whole percents,
// rounded down, exactly: floor((cur-base)*100/base). It saturates instead of
// overflowing.
func (g growthCalc) wholePercent(cur Cents) int64 {
	pct := new(big.Int).Mul(big.NewInt(int64(cur-g.baseline)), big.NewInt(100))
	pct.Quo(pct, big.NewInt(int64(g.baseline)))
	if !pct.IsInt64() {
		return math.MaxInt64
	}
	return pct.Int64()
}

// need returns the smallest current ACR whose growth is at least pct percent.
func (g growthCalc) need(pct int) Cents {
	// base + ceil(pct*base/100)
	x := new(big.Int).Mul(big.NewInt(int64(g.baseline)), big.NewInt(int64(pct)))
	q, r := new(big.Int).QuoRem(x, big.NewInt(100), new(big.Int))
	if r.Sign() > 0 {
		q.Add(q, big.NewInt(1))
	}
	return max(g.min, g.baseline+Cents(q.Int64()))
}

// options lists one change per reachable point total: more ACR in month m.
// An option asking for more than room (when limited) has warning as its
// caveat: growth counts the same on either path, the other metrics do not.
func (g growthCalc) options(cur Cents, m Month, room Cents, limited bool, warning string) []option {
	if g.baseline <= 0 {
		return nil
	}
	now := g.points(cur)
	var opts []option
	seen := map[Cents]bool{}
	for target := now + 1; target <= g.max; target++ {
		pct := (target + g.per - 1) / g.per
		need := g.need(pct)
		if need <= cur {
			continue
		}
		more := (need - cur).CeilDollars()
		if seen[more] { // the USD minimum asks the same amount for several targets
			continue
		}
		seen[more] = true
		// The growth shown is what the new total gives, which the minimum
		// can make larger than the percent aimed at.
		o := option{changes: 1, points: g.points(cur + more), cost: more,
			text: fmt.Sprintf("%s more ACR in %s (%s in all, growth of %s%%)", more.Short(), m.ShortLabel(), (cur + more).Short(),
				groupThousands(strconv.FormatInt(g.wholePercent(cur+more), 10)))}
		if limited && more > room {
			o.caveat = warning
		}
		opts = append(opts, o)
	}
	return opts
}
