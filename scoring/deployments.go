package scoring

import (
	"fmt"
	"strings"
)

// deployments scores deployments (rules.md, "Customer success: deployments").
func (e *engine) deployments(d *Designation, m Metric) MetricResult {
	rule := e.rs.Deployments
	from, to := e.m.Add(-11).FirstDay(), e.m.LastDay()
	det := &DeploymentsDetail{Counting: rule.Counting, From: from, To: to}
	excluded := map[string]bool{}
	for _, s := range m.ExcludedServices {
		excluded[serviceKey(s)] = true
	}
	seenKey := map[string]int{} // dedup key -> first row
	seenID := map[string]int{}
	var counted []string
	for i := range e.in.Deployments {
		r := &e.in.Deployments[i]
		v := DeploymentVerdict{Index: i}
		area := strings.TrimSpace(r.SolutionArea)
		sk := serviceKey(r.Service)
		key := sk
		if rule.Counting == CountCustomerService {
			key = IDKey(r.Customer) + "\x00" + sk
		}
		switch {
		case r.Date < from || r.Date > to:
			v.Reason = fmt.Sprintf("deployed %s, outside the last 12 months (%s)", r.Date, monthRange(e.m.Add(-11), e.m))
		case e.in.DeploymentAttribution && !e.attributionOK(r.Attribution):
			v.Reason = fmt.Sprintf("attribution %q is not %s", strings.TrimSpace(r.Attribution), strings.Join(e.rs.Attributions.Eligible, ", "))
			if strings.TrimSpace(r.Attribution) == "" {
				v.Reason = "no attribution (" + strings.Join(e.rs.Attributions.Eligible, ", ") + " count)"
			}
		case area != "" && !e.rs.allAreas[Key(area)] && (e.rs.Designation(area) == nil || e.rs.Designation(area).ID != d.ID):
			v.Reason = fmt.Sprintf("solution area %q is not %s", area, d.ShortName)
		case e.rs.excluded[sk]:
			v.Reason = fmt.Sprintf("%s never count as deployments", strings.TrimSpace(r.Service))
		case excluded[sk]:
			v.Reason = fmt.Sprintf("%s do not count for %s", strings.TrimSpace(r.Service), d.ShortName)
		case r.ID != "" && seenID[IDKey(r.ID)] > 0:
			v.Reason = fmt.Sprintf("same deployment ID as row %d", seenID[IDKey(r.ID)])
		case seenKey[key] > 0:
			if rule.Counting == CountCustomerService {
				v.Reason = fmt.Sprintf("same customer and service as row %d, counted once", seenKey[key])
			} else {
				v.Reason = fmt.Sprintf("service already counted (row %d)", seenKey[key])
			}
		default:
			v.Counted = true
			v.Reason = "counted"
			seenKey[key] = max(1, r.Source.Row)
			if r.ID != "" {
				seenID[IDKey(r.ID)] = max(1, r.Source.Row)
			}
			det.Counted++
			if rule.Counting == CountCustomerService {
				counted = append(counted, fmt.Sprintf("%s (%s)", strings.TrimSpace(r.Service), e.customerName(r.Customer)))
			} else {
				counted = append(counted, strings.TrimSpace(r.Service))
			}
		}
		det.Rows = append(det.Rows, v)
	}
	res := MetricResult{ID: m.ID, Kind: m.Kind, Category: m.Category, Max: m.Max, Deployments: det}
	val := Whole(det.Counted)
	res.Value = &val
	res.Points = min(m.Max, det.Counted*rule.PointsPerDeployment)
	if e.light {
		return res
	}
	unit := "a customer and a service count once"
	if rule.Counting == CountService {
		unit = "each service counts once across all customers"
	}
	if det.Counted == 0 {
		res.explain(fmt.Sprintf("No eligible deployment in %s (%s).", monthRange(e.m.Add(-11), e.m), unit))
	} else {
		res.explain(fmt.Sprintf("%s in %s (%s): %s.",
			count(det.Counted, "deployment counted", "deployments counted"), monthRange(e.m.Add(-11), e.m), unit, listNames(counted, nameLimit)),
			fmt.Sprintf("%s each, at most %d.", points(rule.PointsPerDeployment), m.Max))
	}
	if res.Points >= m.Max {
		res.NextStep = "Maximum reached."
		return res
	}
	what := "a service deployed for a customer that does not have it yet"
	if rule.Counting == CountService {
		what = "a service not deployed yet for any customer"
	}
	res.NextPoints = min(m.Max, (det.Counted+1)*rule.PointsPerDeployment) - res.Points
	res.NextStep = fmt.Sprintf("1 more deployment in %s (%s) earns %s.", monthRange(e.m.Add(-11), e.m), what, points(res.NextPoints))
	return res
}

func (e *engine) attributionOK(v string) bool {
	_, ok := e.rs.EligibleAttribution(v)
	return ok
}

func (e *engine) customerName(id string) string {
	if c := e.customers[IDKey(id)]; c != nil {
		return c.display()
	}
	return strings.TrimSpace(id)
}

// deploymentOptions lists adding 1, 2, ... deployments until the maximum.
func deploymentOptions(countNow, per, maxPoints int) []option {
	var opts []option
	for k := 1; min(maxPoints, (countNow+k)*per) > min(maxPoints, (countNow+k-1)*per); k++ {
		opts = append(opts, option{changes: k, points: min(maxPoints, (countNow+k)*per), text: count(k, "more deployment", "more deployments")})
	}
	return opts
}
