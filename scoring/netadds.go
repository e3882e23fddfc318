package scoring

import (
	"fmt"
	"sort"
	"strings"
)

// netAdds scores net customer adds (rules.md, "Performance: net customer adds").
func (e *engine) netAdds(d *Designation, m Metric) MetricResult {
	rule := e.rs.NetCustomerAdds
	t := rule.Threshold.Get(e.res.Path)
	months := [4]Month{e.m.Add(-13), e.m.Add(-12), e.m.Add(-1), e.m}
	det := &NetAddsDetail{Counting: rule.Counting, Threshold: t, Months: months}
	perCustomer := rule.Counting == CountPerCustomer
	base := monthPair(months[0], months[1])
	last := monthPair(months[2], months[3])

	ts := t.Short()
	// why formats a customer's reason, which only the full result shows.
	why := func(format string, args ...any) string {
		if e.light {
			return ""
		}
		return fmt.Sprintf(format, args...)
	}
	var adds, losses []string
	var nearAdds, nearBack []nearMiss
	for _, k := range e.custKeys {
		info := e.customers[k]
		v := CustomerVerdict{Customer: info.id, Name: info.display(), Source: info.source}
		if a := e.netACR[d.ID][k]; a != nil {
			v.ACR = *a
		}
		v.Current = v.ACR[2] >= t || v.ACR[3] >= t
		v.BaselineAbove = v.ACR[0] >= t || v.ACR[1] >= t
		v.BaselineZero = v.ACR[0] <= 0 && v.ACR[1] <= 0
		best := max(v.ACR[2], v.ACR[3])
		if perCustomer {
			switch {
			case v.BaselineZero && v.Current:
				v.Effect = 1
				v.Reason = why("new: no ACR in %s, %s in %s (at least %s)", base, short(best), bestMonth(v.ACR, months), ts)
			case v.BaselineAbove && !v.Current:
				v.Effect = -1
				v.Reason = why("lost: at least %s in %s, under it in %s (at most %s)", ts, base, last, short(best))
			case v.BaselineAbove && v.Current:
				v.Reason = why("kept: at least %s in both %s and %s", ts, base, last)
			case v.Current:
				v.Reason = why("not new: %s reaches %s in %s, but there was already ACR in %s (%s)", short(best), ts, last, base, short(max(v.ACR[0], v.ACR[1])))
			case v.BaselineZero && best > 0:
				v.Reason = why("under %s: at most %s in %s", ts, short(best), last)
			case v.BaselineZero:
				v.Reason = why("no ACR in %s or %s", base, last)
			default:
				v.Reason = why("under %s in every month considered", ts)
			}
		} else {
			switch {
			case v.Current && v.BaselineAbove:
				v.Reason = why("counted in both periods: at least %s in %s and in %s", ts, base, last)
			case v.Current:
				v.Effect = 1
				v.Reason = why("new: %s in %s (at least %s), under it in %s", short(best), bestMonth(v.ACR, months), ts, base)
			case v.BaselineAbove:
				v.Effect = -1
				v.Reason = why("lost: at least %s in %s, at most %s in %s", ts, base, short(best), last)
			case best > 0:
				v.Reason = why("under %s: at most %s in %s", ts, short(best), last)
			default:
				v.Reason = why("no ACR of %s or more in %s or %s", ts, base, last)
			}
		}
		det.Net += v.Effect
		if e.light {
			continue
		}
		switch v.Effect {
		case 1:
			adds = append(adds, v.Name)
		case -1:
			losses = append(losses, v.Name)
		}
		// Customers that a little more ACR in M would turn into a +1 (or out of a -1).
		if !v.Current && (v.Effect == -1 || (perCustomer && v.BaselineZero && best > 0) || (!perCustomer && !v.BaselineAbove && best > 0)) {
			nm := nearMiss{name: v.Name, short: t - v.ACR[3], month: months[3]}
			if v.ACR[2] > v.ACR[3] {
				nm.short, nm.month = t-v.ACR[2], months[2]
			}
			if v.Effect == -1 {
				nearBack = append(nearBack, nm)
			} else {
				nearAdds = append(nearAdds, nm)
			}
		}
		det.Customers = append(det.Customers, v)
	}

	res := MetricResult{ID: m.ID, Kind: m.Kind, Category: m.Category, Max: m.Max, NetAdds: det}
	val := Whole(det.Net)
	res.Value = &val
	res.Points = netAddPoints(det.Net, rule.PointsPerAdd, m.Max)
	if e.light {
		return res
	}

	// rules.md: the explanation names the customers behind every +1 and -1,
	// however many (the PDF shortens its lists; a cell holds 32,767 characters).
	var ex []string
	if perCustomer {
		if len(adds) > 0 {
			ex = append(ex, fmt.Sprintf("%s started consuming at least %s a month (no ACR in %s): %s.",
				count(len(adds), "customer", "customers"), ts, base, listNames(adds, len(adds))))
		} else {
			ex = append(ex, fmt.Sprintf("No customer went from no ACR in %s to at least %s in %s.", base, ts, last))
		}
		if len(losses) > 0 {
			ex = append(ex, fmt.Sprintf("%s dropped below %s in %s: %s.", count(len(losses), "customer", "customers"), ts, last, listNames(losses, len(losses))))
		}
	} else {
		now, then := 0, 0
		for _, v := range det.Customers {
			if v.Current {
				now++
			}
			if v.BaselineAbove {
				then++
			}
		}
		ex = append(ex, fmt.Sprintf("%s reached %s in %s, against %d in %s.", count(now, "customer", "customers"), ts, last, then, base))
		if len(adds) > 0 {
			ex = append(ex, fmt.Sprintf("New: %s.", listNames(adds, len(adds))))
		}
		if len(losses) > 0 {
			ex = append(ex, fmt.Sprintf("Lost: %s.", listNames(losses, len(losses))))
		}
	}
	ex = append(ex, fmt.Sprintf("Net %s: %s (%d per net add, at most %d).", count(det.Net, "customer add", "customer adds"), points(res.Points), rule.PointsPerAdd, m.Max))
	res.explain(ex...)

	if res.Points >= m.Max {
		res.NextStep = "Maximum reached: keep these customers above " + ts + " a month."
		return res
	}
	needNet := max(det.Net, 0) + 1
	more := needNet - det.Net
	gain := netAddPoints(needNet, rule.PointsPerAdd, m.Max) - res.Points
	res.NextPoints = gain
	step := fmt.Sprintf("%s earn %s", count(more, "more net customer add", "more net customer adds"), points(gain))
	if more == 1 {
		step = fmt.Sprintf("1 more net customer add earns %s", points(gain))
	}
	either := strings.Replace(last, " and ", " or ", 1)
	how := fmt.Sprintf(": a customer with no ACR in %s that consumes at least %s in %s", base, ts, either)
	if !perCustomer {
		how = fmt.Sprintf(": one more customer consuming at least %s in %s", ts, either)
	}
	near := append(nearBack, nearAdds...)
	sort.SliceStable(near, func(i, j int) bool { return near[i].short < near[j].short })
	for _, n := range near {
		det.shorts = append(det.shorts, n.short)
	}
	if len(near) > 0 {
		var parts []string
		for _, n := range near[:min(3, len(near))] {
			parts = append(parts, fmt.Sprintf("%s needs %s more in %s", n.name, n.short.CeilDollars().Short(), n.month.ShortLabel()))
		}
		how += ". Closest: " + strings.Join(parts, "; ")
	}
	res.NextStep = step + how + "."
	if room, limited := e.pathHeadroom(); limited && det.acrFor(more) > room {
		res.NextStep = strings.TrimSuffix(res.NextStep, ".") + ". But " + e.pathWarning(fmt.Sprintf("where a customer counts only from %s a month", rule.Threshold.Get(PathEnterprise).Short())) + "."
	}
	return res
}

type nearMiss struct {
	name  string
	short Cents
	month Month
}

func netAddPoints(net, per, maxPoints int) int {
	if net <= 0 {
		return 0
	}
	return min(maxPoints, net*per)
}

// bestMonth names the later of the last two months that holds the larger amount.
func bestMonth(a [4]Cents, m [4]Month) string {
	if a[3] >= a[2] {
		return m[3].ShortLabel()
	}
	return m[2].ShortLabel()
}

// short formats an amount as Cents.Short does, when fmt prints it: the
// reasons that only the full result shows cost nothing in Window.
type short Cents

func (c short) String() string { return Cents(c).Short() }
