package scoring

import (
	"fmt"
	"sort"
	"strings"
)

type certClass struct {
	person string       // IDKey of the individual
	cert   *Certificate // nil when the rules do not know it
	valid  bool         // counts as of the last day of M
	reason string       // why it does not count
}

// classifyCerts decides, once for all metrics, which certification rows count
// on the last day of the as-of month.
func (e *engine) classifyCerts() {
	last := e.m.LastDay()
	e.certs = make([]certClass, len(e.in.Certifications))
	e.people = map[string]string{}
	firstRow := map[string]Ref{}
	warnedDup := map[string]bool{}
	unknown := map[string]bool{}
	var unknownNames []string
	unknownRows := 0
	for i := range e.in.Certifications {
		r := &e.in.Certifications[i]
		c := &e.certs[i]
		c.person = IDKey(r.Individual)
		name := strings.TrimSpace(r.Individual)
		if prev, ok := e.people[c.person]; !ok {
			e.people[c.person] = name
			firstRow[c.person] = r.Source
		} else if prev != name && !warnedDup[c.person+"\x00"+name] {
			warnedDup[c.person+"\x00"+name] = true
			e.res.Issues = append(e.res.Issues, warnf(r.Source.Sheet, r.Source.Cell(e.in.Columns.CertIndividual), "",
				"%q is counted as the same person as %q (row %d): names are compared ignoring case and spacing", name, prev, firstRow[c.person].Row))
		}
		c.cert = e.rs.Certificate(r.Certification)
		switch {
		case c.cert == nil:
			c.reason = "not a certification the " + e.rs.Edition + " rules count"
			if close := closest(e.rs, r.Certification); close != "" {
				c.reason = fmt.Sprintf("not a certification the %s rules know; did you mean %q?", e.rs.Edition, close)
				e.res.Issues = append(e.res.Issues, warnf(r.Source.Sheet, r.Source.Cell(e.in.Columns.CertName),
					fmt.Sprintf("Write it as Microsoft Learn does: %q.", close),
					"%q is not a certification the rules know; did you mean %q?", strings.TrimSpace(r.Certification), close))
			} else {
				unknownRows++
				if k := Key(r.Certification); !unknown[k] {
					unknown[k] = true
					unknownNames = append(unknownNames, strings.TrimSpace(r.Certification))
				}
			}
		case r.NotAssociated:
			c.reason = "not associated with the partner in Partner Center"
		case r.Earned != nil && *r.Earned > last:
			c.reason = fmt.Sprintf("earned %s, after %s", r.Earned, e.m.ShortLabel())
		case r.Expires != nil && *r.Expires < last:
			c.reason = fmt.Sprintf("expired %s", r.Expires)
		case c.cert.EligibleUntil != nil && last > c.cert.EligibleUntil.Date:
			c.reason = fmt.Sprintf("retired: %s counted until %s", c.cert.Name, c.cert.EligibleUntil.Date)
		default:
			c.valid = true
		}
	}
	if unknownRows > 0 {
		e.res.Issues = append(e.res.Issues, Issue{Severity: SeverityWarning, Sheet: e.certSheet(),
			Message: fmt.Sprintf("%s courses or certifications that no %s metric counts (%s); they are listed as not counted",
				count(unknownRows, "row names", "rows name"), e.rs.Edition, listNames(unknownNames, 3))})
	}
}

func (e *engine) certSheet() string {
	for _, c := range e.in.Certifications {
		return c.Source.Sheet
	}
	return "Certifications"
}

// skilling scores a certification metric (rules.md, "Skilling").
func (e *engine) skilling(d *Designation, m Metric) MetricResult {
	rule := e.rs.Skilling
	path := e.res.Path
	need := rule.PeoplePerStep.Get(path)
	det := &SkillingDetail{Need: need}

	prereq := map[*Certificate]int{} // certificate -> step index
	for i, n := range m.Prerequisites {
		c := e.rs.Certificate(n)
		prereq[c] = i
		det.Steps = append(det.Steps, StepResult{Certification: c.Name})
	}
	scoring := map[*Certificate]bool{}
	for _, n := range m.Scoring {
		scoring[e.rs.Certificate(n)] = true
	}

	type holding struct {
		scoring []string
		steps   map[int]bool
	}
	held := map[string]*holding{}
	for i, c := range e.certs {
		if !c.valid || c.person == "" {
			continue
		}
		step, isPrereq := prereq[c.cert]
		if !isPrereq && !scoring[c.cert] {
			continue
		}
		h := held[c.person]
		if h == nil {
			h = &holding{steps: map[int]bool{}}
			held[c.person] = h
		}
		if isPrereq && !h.steps[step] {
			h.steps[step] = true
			det.Steps[step].Holders = append(det.Steps[step].Holders, e.people[c.person])
		}
		if scoring[c.cert] && !contains(h.scoring, c.cert.Name) {
			h.scoring = append(h.scoring, c.cert.Name)
		}
		_ = i
	}
	holders := make([]int, len(det.Steps))
	for i := range det.Steps {
		sort.Strings(det.Steps[i].Holders)
		holders[i] = len(det.Steps[i].Holders)
	}
	keys := make([]string, 0, len(held))
	for k := range held {
		keys = append(keys, k)
	}
	sort.Slice(keys, func(i, j int) bool {
		a, b := strings.ToLower(e.people[keys[i]]), strings.ToLower(e.people[keys[j]])
		if a != b {
			return a < b
		}
		return keys[i] < keys[j]
	})
	var scorers []string
	for _, k := range keys {
		h := held[k]
		p := PersonStanding{Person: e.people[k], Scoring: h.scoring}
		for i := range det.Steps {
			if h.steps[i] {
				p.Prerequisites = append(p.Prerequisites, det.Steps[i].Certification)
			}
		}
		if len(h.scoring) > 0 {
			det.Scoring++
			scorers = append(scorers, p.Person)
		}
		det.People = append(det.People, p)
	}

	sk := skillCalc{rule: rule, path: path, max: m.Max}
	pts, met, stepPts := sk.points(holders, det.Scoring)
	for i := range det.Steps {
		det.Steps[i].Met = holders[i] >= need
		det.Steps[i].Points = stepPts[i]
	}
	for i := range det.People {
		det.People[i].Earns = met && len(det.People[i].Scoring) > 0
	}
	res := MetricResult{ID: m.ID, Kind: m.Kind, Category: m.Category, Max: m.Max, Points: pts, Skilling: det}
	val := Whole(det.Scoring)
	res.Value = &val
	res.PrerequisitesMet = &met
	if e.light {
		return res
	}

	level := strings.TrimSuffix(m.ID, "-certifications")
	aLevel := article(level) + " " + level
	var ex []string
	var stepText []string
	for i, s := range det.Steps {
		who := "nobody"
		if len(s.Holders) > 0 {
			who = listNames(s.Holders, 4)
		}
		stepText = append(stepText, fmt.Sprintf("%s: %d of %d needed (%s)", s.Certification, holders[i], need, who))
	}
	if met {
		ex = append(ex, fmt.Sprintf("Prerequisites met: %s.", strings.Join(stepText, "; ")))
	} else {
		ex = append(ex, fmt.Sprintf("Prerequisites not met: %s.", strings.Join(stepText, "; ")))
	}
	if sp := sum(stepPts); sp > 0 {
		ex = append(ex, fmt.Sprintf("Prerequisite certifications earn %s on the %s path.", points(sp), path.Label()))
	}
	switch {
	case det.Scoring == 0:
		ex = append(ex, fmt.Sprintf("Nobody holds %s scoring certification.", aLevel))
	case met:
		ex = append(ex, fmt.Sprintf("%s %s scoring certification: %s; %d points each.",
			count(det.Scoring, "person holds", "people hold"), aLevel, listNames(scorers, nameLimit), rule.PointsPerPerson))
	default:
		ex = append(ex, fmt.Sprintf("%s %s scoring certification (%s) but earn nothing until the prerequisites are met.",
			count(det.Scoring, "person holds", "people hold"), aLevel, listNames(scorers, nameLimit)))
	}
	if pts == m.Max && sk.uncapped(holders, det.Scoring) > m.Max {
		ex = append(ex, fmt.Sprintf("Capped at %s.", points(m.Max)))
	}
	res.explain(ex...)

	opts := sk.options(holders, det.Scoring, m.Prerequisites, level)
	if pts >= m.Max {
		res.NextStep = "Maximum reached."
		return res
	}
	if o := nextOption(opts, pts); o != nil {
		res.NextPoints = o.points - pts
		res.NextStep = fmt.Sprintf("%s %s %s.", capitalize(o.text), verb(o.changes), points(o.points-pts))
		if !met && det.Scoring > 0 && o.meets {
			res.NextStep = strings.TrimSuffix(res.NextStep, ".") + fmt.Sprintf(", unlocking the %s who already hold a scoring certification.", count(det.Scoring, "person", "people"))
			if det.Scoring == 1 {
				res.NextStep = strings.Replace(res.NextStep, "who already hold", "who already holds", 1)
			}
		}
	}
	return res
}

func verb(changes int) string {
	if changes == 1 {
		return "earns"
	}
	return "earn"
}

// skillCalc computes a certification metric's points for any number of
// prerequisite holders and scoring people, so the route can try changes.
type skillCalc struct {
	rule SkillingRule
	path Path
	max  int
}

func (s skillCalc) points(holders []int, scoringPeople int) (pts int, met bool, stepPts []int) {
	need := s.rule.PeoplePerStep.Get(s.path)
	met = true
	stepPts = make([]int, len(holders))
	for i, h := range holders {
		if h < need {
			met = false
		}
		if h > 0 {
			stepPts[i] = s.rule.PointsPerStep.Get(s.path)
		}
	}
	total := s.uncapped(holders, scoringPeople)
	// Show step points within the cap.
	left := s.max
	for i := range stepPts {
		stepPts[i] = min(stepPts[i], left)
		left -= stepPts[i]
	}
	return min(total, s.max), met, stepPts
}

func (s skillCalc) uncapped(holders []int, scoringPeople int) int {
	need := s.rule.PeoplePerStep.Get(s.path)
	total, met := 0, true
	for _, h := range holders {
		if h < need {
			met = false
		}
		if h > 0 {
			total += s.rule.PointsPerStep.Get(s.path)
		}
	}
	if met {
		total += scoringPeople * s.rule.PointsPerPerson
	}
	return total
}

// options lists the changes that raise the metric: filling prerequisite
// steps, then adding scoring people.
func (s skillCalc) options(holders []int, scoringPeople int, stepNames []string, level string) []option {
	need := s.rule.PeoplePerStep.Get(s.path)
	type plan struct {
		holders []int
		changes int
		text    []string
	}
	plans := []plan{{holders: holders}}
	// Partial plans: give each empty step its first holder, in order (steps earn
	// points on their own on some paths).
	cur := append([]int{}, holders...)
	var texts []string
	changes := 0
	for i, h := range holders {
		if h == 0 && s.rule.PointsPerStep.Get(s.path) > 0 {
			cur = append([]int{}, cur...)
			cur[i] = 1
			changes++
			texts = append(texts, fmt.Sprintf("1 more person with %s", stepNames[i]))
			plans = append(plans, plan{holders: cur, changes: changes, text: append([]string{}, texts...)})
		}
	}
	// Full plan: every step filled to the number needed.
	full := append([]int{}, holders...)
	var fullText []string
	fullChanges := 0
	for i, h := range holders {
		if h < need {
			full[i] = need
			fullChanges += need - h
			fullText = append(fullText, count(need-h, "more person", "more people")+" with "+stepNames[i])
		}
	}
	if fullChanges > 0 {
		plans = append(plans, plan{holders: full, changes: fullChanges, text: fullText})
	}
	var opts []option
	for _, p := range plans {
		for add := 0; ; add++ {
			pts, met, _ := s.points(p.holders, scoringPeople+add)
			if p.changes+add == 0 || (add > 0 && !met) {
				if add > 0 {
					break
				}
				continue
			}
			text := append([]string{}, p.text...)
			if add > 0 {
				text = append(text, count(add, "more person", "more people")+" with "+article(level)+" "+level+" scoring certification")
			}
			opts = append(opts, option{changes: p.changes + add, points: pts, meets: met, text: JoinAnd(text)})
			if pts >= s.max || add > s.max {
				break
			}
		}
	}
	return opts
}

// article returns "an" before a vowel, else "a".
func article(word string) string {
	if word != "" && strings.ContainsRune("aeiouAEIOU", rune(word[0])) {
		return "an"
	}
	return "a"
}

// JoinAnd joins words for people: "a", "a and b", "a, b and c".
func JoinAnd(parts []string) string {
	switch len(parts) {
	case 0:
		return ""
	case 1:
		return parts[0]
	}
	return strings.Join(parts[:len(parts)-1], ", ") + " and " + parts[len(parts)-1]
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

func sum(xs []int) int {
	t := 0
	for _, x := range xs {
		t += x
	}
	return t
}

// closest returns the known certification name nearest to s when a typo is
// likely (a small edit distance), else "".
func closest(rs *RuleSet, s string) string {
	k := rs.certKey(s)
	if len(k) < 6 {
		return ""
	}
	best, bestD := "", 1<<30
	for _, c := range rs.Certifications {
		for _, n := range append([]string{c.Name}, c.Aliases...) {
			d := editDistance(k, rs.certKey(n))
			if d < bestD {
				best, bestD = c.Name, d
			}
		}
	}
	if bestD <= max(2, len(k)/8) {
		return best
	}
	return ""
}

func editDistance(a, b string) int {
	ra, rb := []rune(a), []rune(b)
	if len(ra) > 200 || len(rb) > 200 {
		return 1 << 30
	}
	prev := make([]int, len(rb)+1)
	cur := make([]int, len(rb)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(ra); i++ {
		cur[0] = i
		for j := 1; j <= len(rb); j++ {
			cost := 1
			if ra[i-1] == rb[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
		}
		prev, cur = cur, prev
	}
	return prev[len(rb)]
}
