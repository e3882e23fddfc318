package scoring

import (
	"bytes"
	"embed"
	"errors"
	"fmt"
	"io"
	"path"
	"sort"
	"strings"

	"go.yaml.in/yaml/v3"
)

//go:embed rulesets/*.yaml
var embedded embed.FS

// DefaultEdition is the edition used when none is asked for.
const DefaultEdition = "fy24"

// Metric kinds: how a metric is measured.
const (
	KindNetCustomerAdds = "net-customer-adds"
	KindCertifications  = "certifications"
	KindUsageGrowth     = "usage-growth"
	KindDeployments     = "deployments"
)

// Counting modes.
const (
	CountPerCustomer     = "per-customer"
	CountDifference      = "count-difference"
	CountCustomerService = "customer-service"
	CountService         = "service"
)

// RuleSet is one edition of the scoring rules, decoded from a rules file and
// indexed for the engine. Build it with Embedded or Parse.
type RuleSet struct {
	File
	// Source names where the rules came from: "embedded fy24" or a file name.
	Source string

	certs       map[string]*Certificate // Key of every name, alias and exam code
	attribution map[string]string       // Key of a value -> canonical eligible attribution
	allAreas    map[string]bool
	designation map[string]*Designation // Key of id, name, short name and aliases
	smbSeg      map[string]bool
	entSeg      map[string]bool
	excluded    map[string]bool // serviceKey of services no designation counts
	prefixes    []string        // Key of each certification prefix
}

// File is the rules file as written: every number, list and mode of an edition.
type File struct {
	Edition               string          `yaml:"edition" json:"edition"`
	Title                 string          `yaml:"title" json:"title"`
	RequiredPoints        int             `yaml:"required_points" json:"required_points"`
	TotalPoints           int             `yaml:"total_points" json:"total_points"`
	Attributions          AttributionRule `yaml:"attributions" json:"attributions"`
	AllSolutionAreas      []string        `yaml:"all_solution_areas" json:"all_solution_areas"`
	Segments              SegmentRule     `yaml:"segments" json:"segments"`
	Path                  PathRule        `yaml:"path" json:"path"`
	NetCustomerAdds       NetAddsRule     `yaml:"net_customer_adds" json:"net_customer_adds"`
	Skilling              SkillingRule    `yaml:"skilling" json:"skilling"`
	UsageGrowth           GrowthRule      `yaml:"usage_growth" json:"usage_growth"`
	Deployments           DeploymentRule  `yaml:"deployments" json:"deployments"`
	CertificationPrefixes []string        `yaml:"certification_prefixes" json:"certification_prefixes"`
	Certifications        []Certificate   `yaml:"certifications" json:"certifications"`
	Designations          []Designation   `yaml:"designations" json:"designations"`
}

// AttributionRule lists the eligible attributions and other spellings of them.
type AttributionRule struct {
	Eligible []string          `yaml:"eligible" json:"eligible"`
	Aliases  map[string]string `yaml:"aliases" json:"aliases"`
}

// SegmentRule lists the customer segments of each kind.
type SegmentRule struct {
	SMB        []string `yaml:"smb" json:"smb"`
	Enterprise []string `yaml:"enterprise" json:"enterprise"`
}

// PathRule decides between the SMB and the Enterprise path.
type PathRule struct {
	// EnterpriseTTMACR puts partners with at least this ACR in the trailing
	// twelve months on the Enterprise path; nil for no revenue test.
	EnterpriseTTMACR *Money `yaml:"enterprise_ttm_acr" json:"enterprise_ttm_acr,omitempty"`
	// SMBSharePercent is the SMB/SMC share of the customer base at or above
	// which the path is SMB.
	SMBSharePercent Percent `yaml:"smb_share_percent" json:"smb_share_percent"`
}

// PerPath holds an integer for each path.
type PerPath struct {
	Enterprise int `yaml:"enterprise" json:"enterprise"`
	SMB        int `yaml:"smb" json:"smb"`
}

// Get returns the value for the path.
func (p PerPath) Get(path Path) int {
	if path == PathSMB {
		return p.SMB
	}
	return p.Enterprise
}

// MoneyPerPath holds an amount for each path.
type MoneyPerPath struct {
	Enterprise Money `yaml:"enterprise" json:"enterprise"`
	SMB        Money `yaml:"smb" json:"smb"`
}

// Get returns the amount for the path.
func (p MoneyPerPath) Get(path Path) Cents {
	if path == PathSMB {
		return p.SMB.Cents
	}
	return p.Enterprise.Cents
}

// NetAddsRule is the net customer adds metric.
type NetAddsRule struct {
	Counting     string       `yaml:"counting" json:"counting"`
	Threshold    MoneyPerPath `yaml:"threshold" json:"threshold"`
	PointsPerAdd int          `yaml:"points_per_add" json:"points_per_add"`
}

// SkillingRule is the mechanics shared by the certification metrics.
type SkillingRule struct {
	PeoplePerStep   PerPath `yaml:"people_per_step" json:"people_per_step"`
	PointsPerStep   PerPath `yaml:"points_per_step" json:"points_per_step"`
	PointsPerPerson int     `yaml:"points_per_person" json:"points_per_person"`
}

// GrowthRule is the usage growth metric.
type GrowthRule struct {
	MinCurrentACR    Money `yaml:"min_current_acr" json:"min_current_acr"`
	PointsPerPercent int   `yaml:"points_per_percent" json:"points_per_percent"`
}

// DeploymentRule is the deployments metric.
type DeploymentRule struct {
	Counting            string   `yaml:"counting" json:"counting"`
	PointsPerDeployment int      `yaml:"points_per_deployment" json:"points_per_deployment"`
	ExcludedServices    []string `yaml:"excluded_services" json:"excluded_services"`
}

// Certificate is a certification the rules know.
type Certificate struct {
	Name          string   `yaml:"name" json:"name"`
	Exams         []string `yaml:"exams" json:"exams,omitempty"`
	Aliases       []string `yaml:"aliases" json:"aliases,omitempty"`
	EligibleUntil *Day     `yaml:"eligible_until" json:"eligible_until,omitempty"`
}

// Designation is a Solutions Partner designation and its metrics.
type Designation struct {
	ID        string   `yaml:"id" json:"id"`
	Name      string   `yaml:"name" json:"name"`
	ShortName string   `yaml:"short_name" json:"short_name"`
	Aliases   []string `yaml:"aliases" json:"aliases,omitempty"`
	Metrics   []Metric `yaml:"metrics" json:"metrics"`
}

// Metric is one scored metric of a designation.
type Metric struct {
	ID       string `yaml:"id" json:"id"`
	Kind     string `yaml:"kind" json:"kind"`
	Category string `yaml:"category" json:"category"`
	Max      int    `yaml:"max" json:"max"`
	// Prerequisites and Scoring name certifications (certifications metrics only).
	Prerequisites []string `yaml:"prerequisites" json:"prerequisites,omitempty"`
	Scoring       []string `yaml:"scoring" json:"scoring,omitempty"`
	// ExcludedServices are services this designation does not count (deployments only),
	// on top of the edition's.
	ExcludedServices []string `yaml:"excluded_services" json:"excluded_services,omitempty"`
}

// Money is an amount in a rules file, written as a plain number of dollars.
type Money struct{ Cents Cents }

// UnmarshalYAML reads the number's text exactly.
func (m *Money) UnmarshalYAML(n *yaml.Node) error {
	if n.Kind != yaml.ScalarNode {
		return fmt.Errorf("line %d: an amount must be a number of dollars", n.Line)
	}
	c, err := ParseCents(strings.ReplaceAll(n.Value, "_", ""))
	if err != nil {
		return fmt.Errorf("line %d: %q is not an amount of dollars", n.Line, n.Value)
	}
	m.Cents = c
	return nil
}

// MarshalJSON writes the amount as a number of dollars.
func (m Money) MarshalJSON() ([]byte, error) {
	return []byte(strings.ReplaceAll(m.Cents.Plain(), ",", "")), nil
}

// Percent is a percentage in a rules file, written as a plain number (80 for 80%).
type Percent struct{ Share Share }

// UnmarshalYAML reads the number's text exactly.
func (p *Percent) UnmarshalYAML(n *yaml.Node) error {
	s, err := ParsePercent(strings.TrimSuffix(n.Value, "%"))
	if n.Kind != yaml.ScalarNode || err != nil {
		return fmt.Errorf("line %d: %q is not a percentage", n.Line, n.Value)
	}
	p.Share = s
	return nil
}

// MarshalJSON writes the percentage as a number.
func (p Percent) MarshalJSON() ([]byte, error) {
	return []byte(strings.TrimSuffix(p.Share.String(), "%")), nil
}

// Day is a date in a rules file, written as 2024-07-31.
type Day struct{ Date Date }

// UnmarshalYAML reads YYYY-MM-DD.
func (d *Day) UnmarshalYAML(n *yaml.Node) error {
	t, err := parseISODate(n.Value)
	if n.Kind != yaml.ScalarNode || err != nil {
		return fmt.Errorf("line %d: %q is not a date written as YYYY-MM-DD", n.Line, n.Value)
	}
	d.Date = t
	return nil
}

// MarshalJSON writes the date as "2024-07-31".
func (d Day) MarshalJSON() ([]byte, error) { return []byte(`"` + d.Date.String() + `"`), nil }

func parseISODate(s string) (Date, error) {
	m, err := ParseMonth(s[:min(7, len(s))])
	if err != nil || len(s) != 10 || s[7] != '-' {
		return 0, errors.New("bad date")
	}
	day := 0
	for _, c := range s[8:] {
		if c < '0' || c > '9' {
			return 0, errors.New("bad date")
		}
		day = day*10 + int(c-'0')
	}
	if day < 1 || day > int(m.LastDay()-m.FirstDay())+1 {
		return 0, errors.New("bad date")
	}
	return m.FirstDay() + Date(day-1), nil
}

// Editions lists the names of the embedded editions.
func Editions() []string {
	entries, _ := embedded.ReadDir("rulesets")
	var names []string
	for _, e := range entries {
		names = append(names, strings.TrimSuffix(e.Name(), path.Ext(e.Name())))
	}
	sort.Strings(names)
	return names
}

// Embedded returns an embedded edition by name ("fy24", "fy26").
func Embedded(name string) (*RuleSet, error) {
	data, err := embedded.ReadFile("rulesets/" + name + ".yaml")
	if err != nil {
		return nil, fmt.Errorf("there is no embedded rule edition %q (there are: %s)", name, strings.Join(Editions(), ", "))
	}
	return Parse("embedded "+name, data)
}

// EmbeddedFile returns the text of an embedded edition's rules file.
func EmbeddedFile(name string) ([]byte, bool) {
	data, err := embedded.ReadFile("rulesets/" + name + ".yaml")
	return data, err == nil
}

// Parse decodes and checks a rules file. Unknown keys, values of the wrong
// type and rules that do not hold together are errors naming the line.
func Parse(source string, data []byte) (*RuleSet, error) {
	if len(data) > 1<<20 {
		return nil, fmt.Errorf("%s: a rules file cannot be larger than 1 MB", source)
	}
	rs := &RuleSet{Source: source}
	dec := yaml.NewDecoder(bytes.NewReader(data))
	dec.KnownFields(true)
	if err := dec.Decode(&rs.File); err != nil {
		if errors.Is(err, io.EOF) {
			return nil, fmt.Errorf("%s: the rules file is empty", source)
		}
		return nil, fmt.Errorf("%s: %s", source, yamlMessage(err))
	}
	var root yaml.Node
	if err := yaml.Unmarshal(data, &root); err != nil {
		return nil, fmt.Errorf("%s: %s", source, yamlMessage(err))
	}
	if errs := rs.check(&root); len(errs) > 0 {
		return nil, fmt.Errorf("%s: %s", source, strings.Join(errs, "; "))
	}
	return rs, nil
}

func yamlMessage(err error) string {
	msg := err.Error()
	msg = strings.TrimPrefix(msg, "yaml: ")
	msg = strings.ReplaceAll(msg, "unmarshal errors:\n  ", "")
	msg = strings.ReplaceAll(msg, "\n  ", "; ")
	msg = strings.ReplaceAll(msg, " in type scoring.", " in ")
	return msg
}

// lineOf finds the line of the node at a path of map keys and list indexes.
func lineOf(n *yaml.Node, keys ...any) int {
	if n.Kind == yaml.DocumentNode && len(n.Content) > 0 {
		n = n.Content[0]
	}
	for _, k := range keys {
		switch k := k.(type) {
		case string:
			found := false
			if n.Kind == yaml.MappingNode {
				for i := 0; i+1 < len(n.Content); i += 2 {
					if n.Content[i].Value == k {
						n, found = n.Content[i+1], true
						break
					}
				}
			}
			if !found {
				return n.Line
			}
		case int:
			if n.Kind != yaml.SequenceNode || k >= len(n.Content) {
				return n.Line
			}
			n = n.Content[k]
		}
	}
	return n.Line
}

func (rs *RuleSet) check(root *yaml.Node) []string {
	var errs []string
	fail := func(line int, format string, args ...any) {
		errs = append(errs, fmt.Sprintf("line %d: ", line)+fmt.Sprintf(format, args...))
	}
	f := &rs.File
	if strings.TrimSpace(f.Edition) == "" {
		fail(lineOf(root), "the rules file must name its edition (edition: ...)")
	}
	if f.TotalPoints <= 0 {
		fail(lineOf(root, "total_points"), "total_points must be a positive number of points")
	}
	if f.RequiredPoints <= 0 || f.RequiredPoints > f.TotalPoints {
		fail(lineOf(root, "required_points"), "required_points must be between 1 and total_points (%d)", f.TotalPoints)
	}
	if len(f.Attributions.Eligible) == 0 {
		fail(lineOf(root, "attributions"), "attributions: list at least one eligible attribution")
	}
	if f.Path.SMBSharePercent.Share <= 0 || f.Path.SMBSharePercent.Share > 100*SharePercent {
		fail(lineOf(root, "path", "smb_share_percent"), "smb_share_percent must be between 0 and 100")
	}
	if f.Path.EnterpriseTTMACR != nil && f.Path.EnterpriseTTMACR.Cents <= 0 {
		fail(lineOf(root, "path", "enterprise_ttm_acr"), "enterprise_ttm_acr must be a positive amount")
	}
	if c := f.NetCustomerAdds.Counting; c != CountPerCustomer && c != CountDifference {
		fail(lineOf(root, "net_customer_adds", "counting"), "net_customer_adds counting must be %s or %s, not %q", CountPerCustomer, CountDifference, c)
	}
	if f.NetCustomerAdds.Threshold.Enterprise.Cents <= 0 || f.NetCustomerAdds.Threshold.SMB.Cents <= 0 {
		fail(lineOf(root, "net_customer_adds", "threshold"), "net_customer_adds thresholds must be positive amounts for both paths")
	}
	if f.NetCustomerAdds.PointsPerAdd <= 0 {
		fail(lineOf(root, "net_customer_adds", "points_per_add"), "points_per_add must be a positive number of points")
	}
	if f.Skilling.PeoplePerStep.Enterprise <= 0 || f.Skilling.PeoplePerStep.SMB <= 0 {
		fail(lineOf(root, "skilling", "people_per_step"), "people_per_step must be at least 1 for both paths")
	}
	if f.Skilling.PointsPerStep.Enterprise < 0 || f.Skilling.PointsPerStep.SMB < 0 {
		fail(lineOf(root, "skilling", "points_per_step"), "points_per_step cannot be negative")
	}
	if f.Skilling.PointsPerPerson <= 0 {
		fail(lineOf(root, "skilling", "points_per_person"), "points_per_person must be a positive number of points")
	}
	if f.UsageGrowth.PointsPerPercent <= 0 {
		fail(lineOf(root, "usage_growth", "points_per_percent"), "points_per_percent must be a positive number of points")
	}
	if f.UsageGrowth.MinCurrentACR.Cents < 0 {
		fail(lineOf(root, "usage_growth", "min_current_acr"), "min_current_acr cannot be negative")
	}
	if c := f.Deployments.Counting; c != CountCustomerService && c != CountService {
		fail(lineOf(root, "deployments", "counting"), "deployments counting must be %s or %s, not %q", CountCustomerService, CountService, c)
	}
	if f.Deployments.PointsPerDeployment <= 0 {
		fail(lineOf(root, "deployments", "points_per_deployment"), "points_per_deployment must be a positive number of points")
	}

	rs.attribution = map[string]string{}
	for _, a := range f.Attributions.Eligible {
		rs.attribution[Key(a)] = a
	}
	for alias, to := range f.Attributions.Aliases {
		canon, ok := rs.attribution[Key(to)]
		if !ok {
			fail(lineOf(root, "attributions", "aliases"), "attribution alias %q points at %q, which is not an eligible attribution", alias, to)
			continue
		}
		rs.attribution[Key(alias)] = canon
	}
	rs.allAreas = map[string]bool{}
	for _, a := range f.AllSolutionAreas {
		rs.allAreas[Key(a)] = true
	}
	rs.smbSeg, rs.entSeg = map[string]bool{}, map[string]bool{}
	for _, s := range f.Segments.SMB {
		rs.smbSeg[Key(s)] = true
	}
	for _, s := range f.Segments.Enterprise {
		if rs.smbSeg[Key(s)] {
			fail(lineOf(root, "segments", "enterprise"), "segment %q is listed as both SMB and Enterprise", s)
		}
		rs.entSeg[Key(s)] = true
	}
	rs.excluded = map[string]bool{}
	for _, s := range f.Deployments.ExcludedServices {
		rs.excluded[serviceKey(s)] = true
	}
	for _, p := range f.CertificationPrefixes {
		if k := Key(p); k != "" {
			rs.prefixes = append(rs.prefixes, k)
		}
	}

	rs.certs = map[string]*Certificate{}
	for i := range f.Certifications {
		c := &f.Certifications[i]
		line := lineOf(root, "certifications", i)
		if strings.TrimSpace(c.Name) == "" {
			fail(line, "a certification needs a name")
			continue
		}
		names := append(append([]string{c.Name}, c.Aliases...), c.Exams...)
		for _, n := range names {
			k := rs.certKey(n)
			if other, dup := rs.certs[k]; dup && other != c {
				fail(line, "%q is also a name of %q", n, other.Name)
			}
			rs.certs[k] = c
		}
	}

	rs.designation = map[string]*Designation{}
	if len(f.Designations) == 0 {
		fail(lineOf(root, "designations"), "the rules define no designation")
	}
	for i := range f.Designations {
		d := &f.Designations[i]
		line := lineOf(root, "designations", i)
		if d.ID == "" || d.ID != strings.ToLower(d.ID) || strings.ContainsAny(d.ID, " _") {
			fail(line, "designation id %q must be lower case words joined by hyphens", d.ID)
		}
		if d.Name == "" {
			d.Name = d.ID
		}
		if d.ShortName == "" {
			d.ShortName = d.Name
		}
		for _, n := range append([]string{d.ID, d.Name, d.ShortName}, d.Aliases...) {
			if other, dup := rs.designation[Key(n)]; dup && other != d {
				fail(line, "designation name %q is also a name of %s", n, other.ID)
			}
			rs.designation[Key(n)] = d
		}
		total := 0
		seen := map[string]bool{}
		for j := range d.Metrics {
			m := &d.Metrics[j]
			mline := lineOf(root, "designations", i, "metrics", j)
			total += m.Max
			if seen[m.ID] {
				fail(mline, "%s lists metric %q twice", d.ID, m.ID)
			}
			seen[m.ID] = true
			if m.Max <= 0 {
				fail(mline, "metric %s of %s must have a positive max", m.ID, d.ID)
			}
			switch m.Category {
			case "performance", "skilling", "customer-success":
			default:
				fail(mline, "metric %s of %s: category must be performance, skilling or customer-success, not %q", m.ID, d.ID, m.Category)
			}
			switch m.Kind {
			case KindNetCustomerAdds, KindUsageGrowth, KindDeployments:
				if len(m.Prerequisites)+len(m.Scoring) > 0 {
					fail(mline, "metric %s of %s lists certifications but is not a certifications metric", m.ID, d.ID)
				}
			case KindCertifications:
				if len(m.Scoring) == 0 {
					fail(mline, "metric %s of %s lists no scoring certification", m.ID, d.ID)
				}
				for _, n := range append(append([]string{}, m.Prerequisites...), m.Scoring...) {
					if rs.Certificate(n) == nil {
						fail(mline, "metric %s of %s names %q, which is not in the certifications list", m.ID, d.ID, n)
					}
				}
			default:
				fail(mline, "metric %s of %s: kind must be %s, %s, %s or %s, not %q", m.ID, d.ID,
					KindNetCustomerAdds, KindCertifications, KindUsageGrowth, KindDeployments, m.Kind)
			}
			if m.Kind != KindDeployments && len(m.ExcludedServices) > 0 {
				fail(mline, "metric %s of %s excludes services but is not a deployments metric", m.ID, d.ID)
			}
		}
		if total != f.TotalPoints {
			fail(line, "the maximum points of %s add up to %d, not %d", d.ID, total, f.TotalPoints)
		}
	}
	return errs
}

func (rs *RuleSet) certKey(name string) string {
	k := Key(name)
	for _, p := range rs.prefixes {
		if strings.HasPrefix(k, p) && len(k) > len(p) {
			return k[len(p):]
		}
	}
	return k
}

// Certificate finds a certification by its name, an alias or an exam code,
// ignoring case, spacing and punctuation and the edition's name prefixes.
// A leading exam code ("AZ-104: Microsoft Azure Administrator") also matches.
// It returns nil for a certification the rules do not know.
func (rs *RuleSet) Certificate(name string) *Certificate {
	if c := rs.certs[rs.certKey(name)]; c != nil {
		return c
	}
	if code := leadingExamCode(name); code != "" {
		return rs.certs[code]
	}
	return nil
}

// leadingExamCode returns the Key of an exam code such as "AZ-104" at the start
// of s (after an optional "Exam"), or "".
func leadingExamCode(s string) string {
	s = strings.TrimSpace(s)
	if len(s) > 5 && strings.EqualFold(s[:5], "exam ") {
		s = strings.TrimSpace(s[5:])
	}
	i := 0
	for i < len(s) && i < 3 && isASCIILetter(s[i]) {
		i++
	}
	if i < 2 {
		return ""
	}
	j := i
	if j < len(s) && s[j] == '-' {
		j++
	}
	k := j
	for k < len(s) && s[k] >= '0' && s[k] <= '9' {
		k++
	}
	if k-j != 3 || (k < len(s) && (isASCIILetter(s[k]) || s[k] == '-')) {
		return ""
	}
	return Key(s[:k])
}

func isASCIILetter(c byte) bool { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') }

// Designation finds a designation by id, full name, short name or alias.
func (rs *RuleSet) Designation(name string) *Designation { return rs.designation[Key(name)] }

// EligibleAttribution returns the canonical attribution ("CSP" for "CSP Tier 2")
// and whether it is eligible.
func (rs *RuleSet) EligibleAttribution(value string) (string, bool) {
	c, ok := rs.attribution[Key(value)]
	return c, ok
}

// Segment classifies a customer segment: PathSMB, PathEnterprise, or PathAuto
// when the segment is blank or unknown.
func (rs *RuleSet) Segment(value string) Path {
	k := Key(value)
	switch {
	case rs.smbSeg[k]:
		return PathSMB
	case rs.entSeg[k]:
		return PathEnterprise
	}
	return PathAuto
}

// CertificateNames lists every certification name the rules know, in file order.
func (rs *RuleSet) CertificateNames() []string {
	names := make([]string, len(rs.Certifications))
	for i, c := range rs.Certifications {
		names[i] = c.Name
	}
	return names
}
