package report

import (
	"fmt"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/pcs-tools/pcs/scoring"
)

// Hand-made partners for the PDF tests. Amounts are decimal text, months
// "2024-05", dates "2024-05-31".

type pdfInput struct {
	t  testing.TB
	in scoring.Input
}

func pdfNewInput(t testing.TB, name, id, asOf string) *pdfInput {
	b := &pdfInput{t: t}
	b.in.Partner = scoring.Partner{Name: name, ID: id, Sheet: "Partner"}
	if asOf != "" {
		b.in.Partner.AsOf = b.month(asOf)
	}
	b.in.ACRAttribution = true
	b.in.DeploymentAttribution = true
	b.in.Columns = scoring.Columns{CustomerID: "A", CustomerSegment: "C", ACRCustomer: "A", ACRMonth: "C", ACRAmount: "D",
		ACRAttribution: "E", ACRArea: "F", CertIndividual: "A", CertName: "B", DeployCustomer: "A", DeployService: "B", DeployDate: "C"}
	return b
}

func (b *pdfInput) month(s string) scoring.Month {
	b.t.Helper()
	m, err := scoring.ParseMonth(s)
	if err != nil {
		b.t.Fatal(err)
	}
	return m
}

func (b *pdfInput) date(s string) scoring.Date {
	b.t.Helper()
	var y, m, d int
	if _, err := fmt.Sscanf(s, "%d-%d-%d", &y, &m, &d); err != nil {
		b.t.Fatalf("bad date %q", s)
	}
	return scoring.DateOf(y, time.Month(m), d)
}

func (b *pdfInput) usd(s string) scoring.Cents {
	b.t.Helper()
	c, err := scoring.ParseCents(s)
	if err != nil {
		b.t.Fatal(err)
	}
	return c
}

func (b *pdfInput) customer(id, name, segment string) *pdfInput {
	b.in.Customers = append(b.in.Customers, scoring.Customer{ID: id, Name: name, Segment: segment,
		Source: scoring.Ref{Sheet: "Customers", Row: len(b.in.Customers) + 2}})
	return b
}

// acr adds PAL revenue for every solution area.
func (b *pdfInput) acr(cust, month, amount string) *pdfInput {
	return b.acrx(cust, month, amount, "PAL", "")
}

func (b *pdfInput) acrx(cust, month, amount, attr, area string) *pdfInput {
	b.in.ACR = append(b.in.ACR, scoring.ACRRow{Customer: cust, Month: b.month(month), Amount: b.usd(amount),
		Attribution: attr, SolutionArea: area, Rows: 1, Source: scoring.Ref{Sheet: "ACR", Row: len(b.in.ACR) + 2}})
	return b
}

// acrMonths adds the same amount for n months from the first.
func (b *pdfInput) acrMonths(cust, first string, n int, amount string) *pdfInput {
	m := b.month(first)
	for i := range n {
		b.acr(cust, m.Add(i).String(), amount)
	}
	return b
}

func (b *pdfInput) cert(person, name, earned, expires string) *pdfInput {
	c := scoring.Certification{Individual: person, Certification: name,
		Source: scoring.Ref{Sheet: "Certifications", Row: len(b.in.Certifications) + 2}}
	if earned != "" {
		e := b.date(earned)
		c.Earned = &e
	}
	if expires != "" {
		e := b.date(expires)
		c.Expires = &e
	}
	b.in.Certifications = append(b.in.Certifications, c)
	return b
}

func (b *pdfInput) deploy(cust, service, date, area string) *pdfInput {
	b.in.Deployments = append(b.in.Deployments, scoring.Deployment{Customer: cust, Service: service, Date: b.date(date),
		SolutionArea: area, Attribution: "PAL", Source: scoring.Ref{Sheet: "Deployments", Row: len(b.in.Deployments) + 2}})
	return b
}

// scorecard scores the input and builds the Scorecard the command would.
func (b *pdfInput) scorecard(edition string, readerIssues ...scoring.Issue) Scorecard {
	b.t.Helper()
	rs, err := scoring.Embedded(edition)
	if err != nil {
		b.t.Fatal(err)
	}
	res, err := scoring.Score(&b.in, rs, scoring.Options{})
	if err != nil {
		b.t.Fatalf("Score: %v", err)
	}
	issues := append(append([]scoring.Issue{}, readerIssues...), res.Issues...)
	return Scorecard{Result: res, Window: scoring.Window(&b.in, rs, scoring.Options{}, res, 6), Issues: issues,
		Source: "partner.xlsx", Deployments: b.in.Deployments}
}

// pdfContoso is a small but complete SMB partner: customers gained and lost,
// people with and without prerequisites, deployments counted and not, ACR
// left out by attribution, two years of data and two reader warnings.
func pdfContoso(t testing.TB, name string) *pdfInput {
	b := pdfNewInput(t, name, "4412345", "2024-05")
	segs := []string{"SMB", "SMB", "SMC", "SMB", "Enterprise", "SMB", "Small", "SMB", "Medium", "SMB"}
	names := []string{"Fabrikam", "Tailspin Toys", "Litware", "Northwind", "Contoso Pharma", "Adatum", "Wingtip", "Proseware", "Lucerne", "Woodgrove"}
	for i, n := range names {
		b.customer(fmt.Sprintf("C%d", 100+i), n, segs[i])
	}
	b.acrMonths("C104", "2022-04", 26, "2400.00").acrMonths("C105", "2022-04", 26, "1800.50").acrMonths("C102", "2022-04", 20, "900")
	b.acr("C100", "2024-05", "820.00").acr("C101", "2024-04", "510.25").acr("C103", "2024-05", "450.00")
	b.acr("C106", "2023-04", "15.00").acr("C106", "2024-05", "700")
	b.acrx("C107", "2024-05", "5000", "Referral", "")
	b.acrx("C108", "2024-05", "300", "PAL", "Security")
	b.acrx("C109", "2024-05", "650", "CSP Tier 2", "Infrastructure")
	b.cert("ann@contoso.example", "AZ-104", "2022-03-01", "2025-03-01").
		cert("bo@contoso.example", "Microsoft Certified: Azure Solutions Architect Expert", "2023-02-10", "2025-02-10").
		cert("cy@contoso.example", "DP-203", "2023-06-01", "").
		cert("di@contoso.example", "Azure Data Scientist Associate", "2023-01-01", "2024-03-31").
		cert("ed@contoso.example", "AZ-700", "", "").
		cert("fay@contoso.example", "AZ-140", "", "").
		cert("gus@contoso.example", "Azure Fundamentals", "", "")
	b.deploy("C100", "Azure SQL Database", "2024-01-15", "").
		deploy("C100", "Azure SQL Database", "2024-02-15", "").
		deploy("C101", "Virtual Machines", "2023-11-02", "").
		deploy("C104", "Azure Kubernetes Service", "2023-05-30", "").
		deploy("C109", "Azure Virtual Desktop", "2024-03-01", "Infrastructure")
	return b
}

// pdfContosoIssues are the reader's warnings of the Contoso workbook.
var pdfContosoIssues = []scoring.Issue{
	{Severity: scoring.SeverityWarning, Sheet: "ACR", Cell: "F14", Message: `"Data and AI" is read as "Data & AI"`},
	{Severity: scoring.SeverityWarning, Sheet: "Certifications", Cell: "C5", Message: `"03/04/2023" is ambiguous; read day-first because of C9 ("25/04/2023")`,
		Hint: "Write dates as 2023-04-03, or set Date order on the Partner sheet."},
}

// pdfAttained is an Enterprise partner that attains Infrastructure: many
// customers, enough people on both levels, growth and deployments.
func pdfAttained(t testing.TB, name string, customers int) *pdfInput {
	b := pdfNewInput(t, name, "7000123", "2024-06")
	for i := range customers {
		id := fmt.Sprintf("E%03d", i)
		b.customer(id, fmt.Sprintf("Customer %03d Holdings", i), "Enterprise")
		switch {
		case i < 4: // steady
			b.acrMonths(id, "2022-03", 28, "52000")
		case i < 4+customers/2: // new this year
			b.acr(id, "2024-05", "1500").acr(id, "2024-06", "1800")
		default: // lost
			b.acrMonths(id, "2022-03", 18, "1200")
		}
	}
	people := []string{"Aiko Tanaka", "Ben Ortiz", "Chloé Martin", "Dmitri Ivanov", "Eleni Papadopoulou", "Femi Adebayo"}
	for _, p := range people[:2] {
		b.cert(p, "AZ-104", "2023-01-01", "").cert(p, "AZ-305", "2023-01-01", "")
	}
	for _, p := range people {
		b.cert(p, "AZ-700", "2023-05-01", "").cert(p, "AZ-140", "2023-05-01", "")
	}
	for i, s := range []string{"Azure Virtual Desktop", "Azure Kubernetes Service", "Azure SQL Database", "Azure Firewall", "Azure Backup", "Azure Monitor"} {
		b.deploy(fmt.Sprintf("E%03d", i%4), s, "2024-02-01", "")
	}
	return b
}

// pdfKeep writes a PDF drawn by a test into the -pdfkeep folder, to look at.
func pdfKeep(t testing.TB, name string, pdf []byte) {
	if *pdfKeepDir == "" {
		return
	}
	if err := os.MkdirAll(*pdfKeepDir, 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(*pdfKeepDir, name+".pdf"), pdf, 0o644); err != nil {
		t.Fatal(err)
	}
}
