package scoring

import (
	"testing"
	"time"
)

// Builders for hand-made inputs. Amounts are written as decimal text, months
// as "2024-05" and dates as "2024-05-31".

func mo(t testing.TB, s string) Month {
	t.Helper()
	m, err := ParseMonth(s)
	if err != nil {
		t.Fatal(err)
	}
	return m
}

func dt(t testing.TB, s string) Date {
	t.Helper()
	d, err := parseISODate(s)
	if err != nil {
		t.Fatalf("bad date %q", s)
	}
	return d
}

func dp(t testing.TB, s string) *Date {
	d := dt(t, s)
	return &d
}

func usd(t testing.TB, s string) Cents {
	t.Helper()
	c, err := ParseCents(s)
	if err != nil {
		t.Fatal(err)
	}
	return c
}

type builder struct {
	t  testing.TB
	in Input
}

func newInput(t testing.TB, asOf string) *builder {
	b := &builder{t: t}
	b.in.Partner = Partner{Name: "Contoso Ltd", ID: "4412345", Sheet: "Partner"}
	if asOf != "" {
		b.in.Partner.AsOf = mo(t, asOf)
	}
	b.in.ACRAttribution = true
	b.in.DeploymentAttribution = true
	return b
}

func (b *builder) path(p Path) *builder { b.in.Partner.Path = p; return b }

func (b *builder) customer(id, segment string) *builder {
	b.in.Customers = append(b.in.Customers, Customer{ID: id, Name: id, Segment: segment,
		Source: Ref{Sheet: "Customers", Row: len(b.in.Customers) + 2}})
	return b
}

// acr adds PAL ACR for all solution areas.
func (b *builder) acr(cust, month, amount string) *builder {
	return b.acrx(cust, month, amount, "PAL", "")
}

func (b *builder) acrx(cust, month, amount, attr, area string) *builder {
	b.in.ACR = append(b.in.ACR, ACRRow{Customer: cust, Month: mo(b.t, month), Amount: usd(b.t, amount),
		Attribution: attr, SolutionArea: area, Rows: 1, Source: Ref{Sheet: "ACR", Row: len(b.in.ACR) + 2}})
	return b
}

func (b *builder) cert(person, name, earned, expires string) *builder {
	c := Certification{Individual: person, Certification: name, Source: Ref{Sheet: "Certifications", Row: len(b.in.Certifications) + 2}}
	if earned != "" {
		c.Earned = dp(b.t, earned)
	}
	if expires != "" {
		c.Expires = dp(b.t, expires)
	}
	b.in.Certifications = append(b.in.Certifications, c)
	return b
}

func (b *builder) deploy(cust, service, date, area string) *builder {
	b.in.Deployments = append(b.in.Deployments, Deployment{Customer: cust, Service: service, Date: dt(b.t, date),
		SolutionArea: area, Attribution: "PAL", Source: Ref{Sheet: "Deployments", Row: len(b.in.Deployments) + 2}})
	return b
}

func rules(t testing.TB, edition string) *RuleSet {
	t.Helper()
	rs, err := Embedded(edition)
	if err != nil {
		t.Fatal(err)
	}
	return rs
}

func score(t testing.TB, b *builder, edition string, opt Options) *Result {
	t.Helper()
	r, err := Score(&b.in, rules(t, edition), opt)
	if err != nil {
		t.Fatalf("Score: %v", err)
	}
	return r
}

func metric(t testing.TB, r *Result, desig, id string) *MetricResult {
	t.Helper()
	for i := range r.Designations {
		if r.Designations[i].ID == desig {
			if m := r.Designations[i].Metric(id); m != nil {
				return m
			}
		}
	}
	t.Fatalf("no metric %s/%s", desig, id)
	return nil
}

func desig(t testing.TB, r *Result, id string) *DesignationResult {
	t.Helper()
	for i := range r.Designations {
		if r.Designations[i].ID == id {
			return &r.Designations[i]
		}
	}
	t.Fatalf("no designation %s", id)
	return nil
}

func value(m *MetricResult) string {
	if m.Value == nil {
		return "null"
	}
	return m.Value.String()
}

var _ = time.January
