package scoring

import (
	"fmt"
	"sort"
	"strings"
)

// Options override the workbook's own settings, as the command line asks.
type Options struct {
	// AsOf scores as of this month instead of the workbook's (zero: the workbook's).
	AsOf Month
	// Path forces a path (PathAuto: the workbook's, else decided from the data).
	Path Path
	// Designations limits scoring to these designations (ids or names).
	Designations []string
}

// InputError is a problem in the partner's data that stops it from being scored.
type InputError struct{ Issue Issue }

func (e *InputError) Error() string { return e.Issue.String() }

func inputErr(sheet, cell, hint, format string, args ...any) error {
	return &InputError{Issue{Severity: SeverityError, Sheet: sheet, Cell: cell, Hint: hint, Message: fmt.Sprintf(format, args...)}}
}

// Score computes the partner capability score of every designation in scope.
// It never modifies in.
func Score(in *Input, rs *RuleSet, opt Options) (*Result, error) {
	return compute(in, rs, opt, nil)
}

// compute runs the engine. With a prepared customer set (Window) it reuses it
// and skips what only the full result shows: row statuses and the reason of
// every customer's verdict.
func compute(in *Input, rs *RuleSet, opt Options, pre *prepared) (*Result, error) {
	e := &engine{in: in, rs: rs, light: pre != nil}
	if pre != nil {
		e.prepared = *pre
	}
	if err := e.setup(opt); err != nil {
		return nil, err
	}
	e.classifyACR()
	e.decidePath(opt)
	e.classifyCerts()
	for _, d := range e.desigs {
		e.res.Designations = append(e.res.Designations, e.scoreDesignation(d))
	}
	if !e.light {
		e.rowStatuses()
	}
	return e.res, nil
}

// engine holds one scoring run.
type engine struct {
	in     *Input
	rs     *RuleSet
	m      Month
	res    *Result
	desigs []*Designation

	// light is set for the months of Window, which need only the points.
	light bool
	prepared

	// per designation id: customer key -> ACR in M-13, M-12, M-1, M
	netACR map[string]map[string]*[4]Cents
	// per designation id: eligible ACR of all customers in M-12 .. M
	monthly map[string][]Cents

	certs  []certClass // per Input.Certifications row
	people map[string]string
}

// prepared is what does not depend on the as-of month: the customers in a
// stable order and each ACR row's customer key. Window computes it once for
// all its months.
type prepared struct {
	customers map[string]*customerInfo
	custKeys  []string // sorted for stable output
	acrCust   []int32  // per Input.ACR row: index of its customer's IDKey in custIDs
	custIDs   []string // distinct IDKeys of the ACR customers
	issues    []Issue  // warnings about the customers (unknown segments)

	// classes are the distinct kinds of ACR rows (attribution and area);
	// acrCls holds each row's class, 4 bytes a row for a million-row sheet.
	// Neither depends on the month, and so neither do the exclusions and
	// the warnings about unknown solution areas that come with them.
	classes    []acrClass
	acrCls     []uint32
	excluded   []Exclusion
	areaIssues []Issue
}

type customerInfo struct {
	id, name   string
	segment    Path
	rawSegment string // as written, trimmed
	source     Ref
}

// duplicateCustomer merges a customer listed again on the Customers sheet
// into its first row: a blank name or segment of the first row is taken
// from the later one, and a segment that contradicts the first row's is a
// warning naming both rows (the first row's is used), since it can decide
// the path.
func (e *engine) duplicateCustomer(first *customerInfo, c Customer) {
	seg := strings.TrimSpace(c.Segment)
	if strings.TrimSpace(first.name) == "" {
		first.name = c.Name
	}
	switch {
	case seg == "":
	case first.rawSegment == "":
		first.segment, first.rawSegment = e.rs.Segment(seg), seg
	case e.rs.Segment(seg) != first.segment || (first.segment == PathAuto && Key(seg) != Key(first.rawSegment)):
		e.prepared.issues = append(e.prepared.issues, warnf(c.Source.Sheet, c.Source.Cell(e.in.Columns.CustomerSegment),
			"List each customer once, with one segment.",
			"customer %q is listed again with the segment %q; the segment %q of row %d was used",
			strings.TrimSpace(c.ID), seg, first.rawSegment, first.source.Row))
	}
}

func (c *customerInfo) display() string {
	if strings.TrimSpace(c.name) != "" {
		return strings.TrimSpace(c.name)
	}
	return strings.TrimSpace(c.id)
}

type acrClass struct {
	eligible bool   // attribution eligible
	all      bool   // counts for every designation
	desig    string // counts for this designation only
	unknown  bool   // names no designation
}

func (e *engine) setup(opt Options) error {
	in, rs := e.in, e.rs
	e.res = &Result{Partner: in.Partner, Edition: rs.Edition, RulesTitle: rs.Title}
	e.res.Partner.Cells = nil
	switch {
	case !opt.AsOf.IsZero():
		e.m, e.res.AsOfFrom = opt.AsOf, "option"
	case !in.Partner.AsOf.IsZero():
		e.m, e.res.AsOfFrom = in.Partner.AsOf, "workbook"
	default:
		for _, r := range in.ACR {
			if r.Month > e.m {
				e.m = r.Month
			}
		}
		e.res.AsOfFrom = "data"
		if e.m.IsZero() {
			return inputErr(in.Partner.Sheet, "", "Add an \"As of\" field (for example 2024-05) to the Partner sheet, or ACR rows.",
				"the as-of month is unknown: the Partner sheet gives none and the ACR sheet has no rows")
		}
	}
	e.res.AsOf = e.m

	names := opt.Designations
	where := "--designation"
	if len(names) == 0 {
		names = in.Partner.Designations
		where = in.Partner.Cells["designations"]
	}
	seen := map[string]bool{}
	for _, n := range names {
		if strings.TrimSpace(n) == "" {
			continue
		}
		d := rs.Designation(n)
		if d == nil {
			var known []string
			for _, d := range rs.Designations {
				known = append(known, d.ID)
			}
			hint := "Known designations: " + strings.Join(known, ", ") + "."
			if len(opt.Designations) > 0 {
				return inputErr("", "", hint, "%s: %q is not a designation of the %s rules", where, n, rs.Edition)
			}
			return inputErr(in.Partner.Sheet, where, hint, "%q is not a designation of the %s rules", n, rs.Edition)
		}
		if !seen[d.ID] {
			seen[d.ID] = true
			e.desigs = append(e.desigs, d)
		}
	}
	if len(e.desigs) == 0 {
		for i := range rs.Designations {
			e.desigs = append(e.desigs, &rs.Designations[i])
		}
	}
	if e.customers == nil {
		e.collectCustomers()
	}
	e.res.Issues = append(e.res.Issues, e.prepared.issues...)
	return nil
}

func (e *engine) collectCustomers() {
	e.customers = map[string]*customerInfo{}
	seg := e.in.Columns.CustomerSegment
	unknownSeg := map[string]bool{}
	for _, c := range e.in.Customers {
		k := IDKey(c.ID)
		if k == "" {
			continue
		}
		if first, dup := e.customers[k]; dup {
			e.duplicateCustomer(first, c)
			continue
		}
		info := &customerInfo{id: strings.TrimSpace(c.ID), name: c.Name, source: c.Source, segment: e.rs.Segment(c.Segment),
			rawSegment: strings.TrimSpace(c.Segment)}
		if info.segment == PathAuto && strings.TrimSpace(c.Segment) != "" && !unknownSeg[Key(c.Segment)] {
			unknownSeg[Key(c.Segment)] = true
			e.prepared.issues = append(e.prepared.issues, warnf(c.Source.Sheet, c.Source.Cell(seg),
				"Use one of: "+strings.Join(append(append([]string{}, e.rs.Segments.SMB...), e.rs.Segments.Enterprise...), ", ")+".",
				"segment %q is not known, so the customers that have it are left out of the SMB/SMC share", strings.TrimSpace(c.Segment)))
		}
		e.customers[k] = info
	}
	idx := map[string]int32{}
	e.acrCust = make([]int32, len(e.in.ACR))
	e.custIDs = nil
	for i := range e.in.ACR {
		r := &e.in.ACR[i]
		n, seen := idx[r.Customer]
		if !seen {
			n = int32(len(e.custIDs))
			e.custIDs = append(e.custIDs, IDKey(r.Customer))
			idx[r.Customer] = n
		}
		e.acrCust[i] = n
		k := e.custIDs[n]
		if k == "" {
			continue
		}
		if info, ok := e.customers[k]; ok {
			if info.name == "" && r.Name != "" {
				info.name = r.Name
			}
			continue
		}
		e.customers[k] = &customerInfo{id: strings.TrimSpace(r.Customer), name: r.Name, source: r.Source}
	}
	type sortKey struct{ lower, key string }
	order := make([]sortKey, 0, len(e.customers))
	for k, c := range e.customers {
		order = append(order, sortKey{strings.ToLower(c.display()), k})
	}
	sort.Slice(order, func(i, j int) bool {
		if order[i].lower != order[j].lower {
			return order[i].lower < order[j].lower
		}
		return order[i].key < order[j].key
	})
	e.custKeys = make([]string, len(order))
	for i, o := range order {
		e.custKeys[i] = o.key
	}
}

// acrKey returns the IDKey of an ACR row's customer.
func (e *engine) acrKey(i int) string { return e.custIDs[e.acrCust[i]] }

// acrClassOf returns an ACR row's class.
func (e *engine) acrClassOf(i int) acrClass { return e.classes[e.acrCls[i]] }

// classifyACR decides each ACR row's eligibility (once for all months) and
// adds up what the metrics of the month need.
func (e *engine) classifyACR() {
	if e.acrCls == nil {
		e.classifyRows()
	}
	e.res.Issues = append(e.res.Issues, e.areaIssues...)
	e.res.Excluded = append(e.res.Excluded, e.excluded...)
	e.netACR = map[string]map[string]*[4]Cents{}
	e.monthly = map[string][]Cents{}
	for _, d := range e.desigs {
		e.netACR[d.ID] = map[string]*[4]Cents{}
		e.monthly[d.ID] = make([]Cents, 13)
	}
	// Both metrics look at M-13 .. M only; the maps are looked up once per
	// designation, not once per row.
	type sums struct {
		id      string
		net     map[string]*[4]Cents
		monthly []Cents
	}
	acc := make([]sums, len(e.desigs))
	for i, d := range e.desigs {
		acc[i] = sums{d.ID, e.netACR[d.ID], e.monthly[d.ID]}
	}
	months := [4]Month{e.m.Add(-13), e.m.Add(-12), e.m.Add(-1), e.m}
	for i := range e.in.ACR {
		r := &e.in.ACR[i]
		if r.Month < months[0] || r.Month > months[3] {
			continue
		}
		c := &e.classes[e.acrCls[i]]
		if !c.eligible || c.unknown {
			continue
		}
		k := e.acrKey(i)
		for _, d := range acc {
			if !c.all && c.desig != d.id {
				continue
			}
			for j, mm := range months {
				if r.Month == mm {
					a := d.net[k]
					if a == nil {
						a = &[4]Cents{}
						d.net[k] = a
					}
					a[j] = AddCents(a[j], r.Amount)
				}
			}
			if off := int(r.Month - months[1]); off >= 0 {
				d.monthly[off] = AddCents(d.monthly[off], r.Amount)
			}
		}
	}
}

// classifyRows decides each ACR row's class: whether its attribution is
// eligible and which designations its solution area counts for. It sums
// the rows left out by their attribution and warns of unknown areas.
func (e *engine) classifyRows() {
	e.acrCls = make([]uint32, len(e.in.ACR))
	e.classes = nil
	excluded := map[string]*Exclusion{}
	var exclOrder []string
	unknownArea := map[string]bool{}
	// Rows repeat a handful of attribution and area values and a few hundred
	// customers: classify each distinct value once.
	attrOK := map[string]bool{}
	areaClass := map[string]acrClass{}
	upper := map[string]string{}
	classOf := map[acrClass]uint32{}
	for i := range e.in.ACR {
		r := &e.in.ACR[i]
		c := &acrClass{}
		c.eligible = true
		if e.in.ACRAttribution {
			ok, seen := attrOK[r.Attribution]
			if !seen {
				_, ok = e.rs.EligibleAttribution(r.Attribution)
				attrOK[r.Attribution] = ok
			}
			c.eligible = ok
		}
		ac, seen := areaClass[r.SolutionArea]
		if !seen {
			area := strings.TrimSpace(r.SolutionArea)
			switch {
			case area == "" || e.rs.allAreas[Key(area)]:
				ac.all = true
			case e.rs.Designation(area) != nil:
				ac.desig = e.rs.Designation(area).ID
			default:
				ac.unknown = true
				if !unknownArea[Key(area)] {
					unknownArea[Key(area)] = true
					e.areaIssues = append(e.areaIssues, warnf(r.Source.Sheet, r.Source.Cell(e.in.Columns.ACRArea),
						"Use a designation's name, All, or leave the cell blank to count the row for every designation.",
						"solution area %q names no designation, so its rows count for no designation's metrics (they still count towards the path)", area))
				}
			}
			areaClass[r.SolutionArea] = ac
		}
		c.all, c.desig, c.unknown = ac.all, ac.desig, ac.unknown
		cls, seen := classOf[*c]
		if !seen {
			cls = uint32(len(e.classes))
			e.classes = append(e.classes, *c)
			classOf[*c] = cls
		}
		e.acrCls[i] = cls
		if !c.eligible {
			key, ok := upper[r.Attribution]
			if !ok {
				key = strings.ToUpper(strings.TrimSpace(r.Attribution))
				upper[r.Attribution] = key
			}
			x := excluded[key]
			if x == nil {
				x = &Exclusion{Attribution: strings.TrimSpace(r.Attribution)}
				excluded[key] = x
				exclOrder = append(exclOrder, key)
			}
			x.Rows += max(1, r.Rows)
			x.Amount = AddCents(x.Amount, r.Amount)
		}
	}
	sort.Strings(exclOrder)
	for _, k := range exclOrder {
		e.excluded = append(e.excluded, *excluded[k])
	}
}
