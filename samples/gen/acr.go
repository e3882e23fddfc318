package main

import (
	"math"
	"math/rand/v2"
	"time"
)

// series writes one customer's monthly ACR: from `from` to `to` inclusive, a
// base amount growing by `growth` per month with ±noise, in cents.
type series struct {
	cust       customer
	base       float64 // USD a month at `from`
	growth     float64 // per month, e.g. 0.004
	noise      float64 // e.g. 0.08 for ±8%
	from, to   time.Time
	attr, area string
}

func (s series) rows(r *rand.Rand) []acr {
	var out []acr
	i := 0
	for m := s.from; !m.After(s.to); m = m.AddDate(0, 1, 0) {
		v := s.base * (1 + s.growth*float64(i)) * (1 + s.noise*(2*r.Float64()-1))
		out = append(out, acr{cust: s.cust.id, name: s.cust.name, month: m, cents: int64(math.Round(v * 100)), attr: s.attr, area: s.area})
		i++
	}
	return out
}

// total adds up the ACR of rows in a month whose area counts for the given
// designation short name ("" counts blank and All only).
func total(rows []acr, m time.Time, area string) int64 {
	var t int64
	for _, a := range rows {
		if !a.month.Equal(m) || !eligible(a.attr) {
			continue
		}
		if a.area == "" || a.area == "All" || a.area == area {
			t += a.cents
		}
	}
	return t
}

func eligible(attr string) bool {
	switch attr {
	case "PAL", "DPOR", "CSP", "CSP Tier 1", "CSP Tier 2":
		return true
	}
	return false
}

// tuneGrowth changes one row in month m so that growth of the designation's
// eligible ACR from m-12 to m is exactly permille/10 percent (rounded to the cent).
func tuneGrowth(rows []acr, m time.Time, area, cust string, permille int64) {
	base := total(rows, m.AddDate(-1, 0, 0), area)
	cur := total(rows, m, area)
	want := base + base*permille/1000
	for i := range rows {
		counts := rows[i].area == "" || rows[i].area == "All" || rows[i].area == area
		if rows[i].cust == cust && rows[i].month.Equal(m) && counts && eligible(rows[i].attr) {
			rows[i].cents += want - cur
			return
		}
	}
	panic("tuneGrowth: no row for " + cust)
}
