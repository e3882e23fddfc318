package reader

import (
	"fmt"
	"path/filepath"
	"strings"
	"testing"

	"github.com/pcs-tools/pcs/scoring"
)

// facts lists what a test expects of a workbook, as "key = value" lines
// compared with what the reader found (see fact).
type fixtureFacts struct {
	file  string
	facts []string
}

// fact returns the value of one key in a workbook, for TestFixtureValues:
//
//	partner.name, partner.id, partner.as_of, partner.path, partner.designations,
//	partner.ttm, partner.share, partner.recipients, partner.cell.FIELD
//	acr.count, acr[CUSTOMER MONTH ATTRIBUTION AREA] (amount, rows and lines)
//	customers, certs, deployments (one line each, joined by " | ")
//	issue[SHEET!CELL] or issue[SHEET] (messages joined by " | "), issues.errors
//	sheet[NAME] (role, header row, wide, status column), skipped
func fact(wb *Workbook, key string) string {
	in := &wb.Input
	p := in.Partner
	switch {
	case key == "partner.name":
		return p.Name
	case key == "partner.id":
		return p.ID
	case key == "partner.as_of":
		return p.AsOf.String()
	case key == "partner.path":
		return string(p.Path)
	case key == "partner.designations":
		return strings.Join(p.Designations, " | ")
	case key == "partner.recipients":
		return strings.Join(p.Recipients, " | ")
	case key == "partner.ttm":
		if p.TTMACR == nil {
			return "none"
		}
		return p.TTMACR.String()
	case key == "partner.share":
		if p.SMBShare == nil {
			return "none"
		}
		return p.SMBShare.String()
	case strings.HasPrefix(key, "partner.cell."):
		return p.Cells[strings.TrimPrefix(key, "partner.cell.")]
	case key == "acr.count":
		return fmt.Sprint(len(in.ACR))
	case strings.HasPrefix(key, "acr["):
		want := strings.TrimSuffix(strings.TrimPrefix(key, "acr["), "]")
		for _, r := range in.ACR {
			if strings.Join([]string{r.Customer, r.Month.String(), r.Attribution, r.SolutionArea}, " ") == want {
				return fmt.Sprintf("%s rows %d lines %v", r.Amount.Plain(), r.Rows, r.Lines)
			}
		}
		return "absent"
	case key == "customers":
		var out []string
		for _, c := range in.Customers {
			out = append(out, fmt.Sprintf("%s %s %s @%d", c.ID, c.Name, c.Segment, c.Source.Row))
		}
		return strings.Join(out, " | ")
	case key == "certs":
		var out []string
		for _, c := range in.Certifications {
			s := fmt.Sprintf("%s %s", c.Individual, c.Certification)
			if c.Earned != nil {
				s += " earned " + c.Earned.String()
			}
			if c.Expires != nil {
				s += " expires " + c.Expires.String()
			}
			if c.NotAssociated {
				s += " not associated"
			}
			out = append(out, s)
		}
		return strings.Join(out, " | ")
	case key == "deployments":
		var out []string
		for _, d := range in.Deployments {
			out = append(out, strings.TrimSpace(fmt.Sprintf("%s %s %s %s %s %s", d.Customer, d.Service, d.Date, d.SolutionArea, d.Attribution, d.ID)))
		}
		return strings.Join(out, " | ")
	case strings.HasPrefix(key, "issue["):
		where := strings.TrimSuffix(strings.TrimPrefix(key, "issue["), "]")
		var out []string
		for _, is := range wb.Issues {
			if is.Where() == where {
				out = append(out, string(is.Severity)+": "+is.Message)
			}
		}
		return strings.Join(out, " | ")
	case key == "issues.errors":
		n := 0
		for _, is := range wb.Issues {
			if is.Severity == scoring.SeverityError {
				n++
			}
		}
		return fmt.Sprint(n)
	case strings.HasPrefix(key, "sheet["):
		name := strings.TrimSuffix(strings.TrimPrefix(key, "sheet["), "]")
		for _, s := range wb.Sheets {
			if s.Name == name {
				return fmt.Sprintf("%s header %d wide %v status %d hidden %v", s.Role, s.HeaderRow, s.Wide, s.StatusColumn, s.Hidden)
			}
		}
		return "absent"
	case key == "skipped":
		return fmt.Sprint(wb.SkippedRows)
	case key == "columns":
		return fmt.Sprintf("%+v", in.Columns)
	}
	return "unknown key " + key
}

// TestFixtureValues checks, fixture by fixture, the values workbook.md says
// the reader must find.
func TestFixtureValues(t *testing.T) {
	tests := []fixtureFacts{
		{"opx_basic.xlsx", []string{
			"partner.name = Contoso Ltd",
			"partner.id = 4412345",
			"partner.as_of = 2024-05",
			"partner.path = ",
			"partner.designations = Data & AI | Infrastructure",
			"partner.recipients = cfo@contoso.example | ops@contoso.example",
			"partner.cell.name = B2",
			"partner.cell.designations = B6",
			"acr.count = 6",
			// 1499.995 rounds half away from zero to 1500.00.
			"acr[C-001 2024-05 PAL Data & AI] = 1,500.00 rows 1 lines [5]",
			// "c-002 " and "csp" add up with C-002 CSP; a blank area is "".
			"acr[C-002 2024-05 CSP ] = 2,700.25 rows 3 lines [6 7 8]",
			"customers = C-001 Alpine Foods SMB @2 | C-002 Brightway Health Enterprise @3 | C-003 Coastal Freight SMC @4 | C-004 Delta Retail Small @5",
			"certs = ana@contoso.example Azure Administrator Associate earned 2023-03-01 expires 2025-03-01 | ben@contoso.example AZ-305 earned 2023-06-15 | cy@contoso.example Microsoft Certified: Azure Data Engineer Associate not associated",
			"deployments = C-001 Azure SQL Database 2024-02-10 Data & AI PAL D-1 | C-003 Virtual Machines 2023-11-03 Infrastructure DPOR D-2 | C-003 Virtual Machines 2023-11-03 Infrastructure DPOR D-2",
			"columns = {CustomerID:A CustomerSegment:C ACRCustomer:A ACRMonth:C ACRAmount:D ACRAttribution:E ACRArea:F CertIndividual:A CertName:B CertEarned:C CertExpires:D DeployCustomer:A DeployService:B DeployDate:C DeployArea:D DeployAttribution:E DeployID:F}",
			"issues.errors = 0",
			"skipped = 0",
		}},
		{"opx_title_synonyms.xlsx", []string{
			"partner.name = Fabrikam, Inc.",
			"partner.id = 998877",
			"partner.as_of = 2024-05",
			"partner.path = smb",
			"partner.share = 86%",
			"partner.ttm = USD 1,234,567.89",
			"partner.recipients = a@fabrikam.example | b@fabrikam.example",
			"sheet[Consumption] = acr header 2 wide false status 0 hidden false",
			"acr[T-1 2024-04 PAL All] = 1,000.00 rows 1 lines [3]",
			"acr[T-2 2024-05 DPOR Digital & App Innovation] = 2,000.00 rows 1 lines [5]",
			"customers = T-1  SMB @3 | T-2  Corporate @5",
			"certs = Ana Silva AZ-104 earned 2024-01-15",
			"deployments = T-1 Azure Kubernetes Service 2024-03-01",
			"issues.errors = 0",
		}},
		{"opx_wide_dates.xlsx", []string{
			"sheet[ACR] = acr header 1 wide true status 0 hidden false",
			"acr.count = 6",
			"acr[C-002 2024-05 CSP ] = -20.00 rows 1 lines [3]",
			"acr[C-002 2024-04 CSP ] = 0.00 rows 1 lines [3]",
			"acr[C-001 2024-03 PAL Data & AI] = 101.00 rows 2 lines [2 4]",
			"acr[C-001 2024-04 PAL data & ai] = 2.00 rows 1 lines [4]",
		}},
		{"lo_wide_dates.xlsx", []string{
			"sheet[ACR] = acr header 1 wide true status 0 hidden false",
			"acr[C-001 2024-05 PAL Data & AI] = 303.50 rows 2 lines [2 4]",
		}},
		{"opx_wide_text.xlsx", []string{
			"sheet[Revenue] = acr header 1 wide true status 0 hidden false",
			"acr.count = 4",
			"acr[C-001 2024-04 PAL ] = 200.00 rows 1 lines [2]",
			"acr[C-009 2024-05 DPOR ] = 50.00 rows 1 lines [3]",
		}},
		{"opx_1904.xlsx", []string{
			"partner.as_of = 2024-05",
			"acr[C-001 2024-05 PAL ] = 10.00 rows 1 lines [2]",
			"acr[C-001 2024-04 PAL ] = 20.00 rows 1 lines [3]",
			"certs = ana@contoso.example Azure Administrator Associate earned 2023-03-01 expires 2025-03-01 | ben@contoso.example AZ-305 earned 2023-06-15 | cy@contoso.example Microsoft Certified: Azure Data Engineer Associate not associated",
		}},
		{"lo_1904.xlsx", []string{
			"partner.as_of = 2024-05",
			"acr[C-001 2024-04 PAL ] = 20.00 rows 1 lines [3]",
		}},
		{"opx_text_values.xlsx", []string{
			"partner.as_of = 2024-09",
			// 1,234.50 + 1,234.50 + 1,234.50 - 120.00 - 5 in May 2024.
			"acr[C-1 2024-05 PAL ] = 3,578.50 rows 5 lines [2 3 4 5 6]",
			"acr[C-1 2024-09 PAL ] = 1,244.50 rows 2 lines [7 9]",
			"acr[C-1 2024-01 PAL ] = 7.00 rows 1 lines [8]",
			"issues.errors = 0",
		}},
		{"opx_percent.xlsx", []string{
			"partner.share = 86%",
			"partner.path = enterprise",
			"partner.ttm = USD 1,500,000.00",
			"partner.cell.date_order = B6",
		}},
		{"opx_formula_nocache.xlsx", []string{
			"issue[ACR!E2] = error: the formula in this cell has no saved result",
			"issue[ACR!F3] = error: the formula in this cell has no saved result",
			"acr.count = 0",
			"skipped = 2",
		}},
		{"lo_formula_cached.xlsx", []string{
			"acr[C-1 2024-05 PAL ] = 125.00 rows 1 lines [2]",
			"acr[C-2 2024-05 CSP ] = 300.00 rows 1 lines [3]",
			"issues.errors = 0",
		}},
		{"opx_hidden.xlsx", []string{
			"sheet[Certifications] = certifications header 1 wide false status 0 hidden true",
			"sheet[Deployments] = deployments header 1 wide false status 0 hidden true",
			"acr[C-001 2023-05 PAL Data & AI] = 800.00 rows 1 lines [3]",
			"deployments = C-001 Azure Functions 2024-01-02",
		}},
		{"opx_dmy.xlsx", []string{
			// 25/04/2024 settles the column day-first, for the rows above it too.
			"deployments = C-1 App Service 2024-04-03 | C-1 Functions 2023-11-12 | C-1 Cosmos DB 2024-04-25 | C-1 SQL 2024-05-05",
			`issue[Certifications!C2] = error: "03/04/2024" could be day-first or month-first, and no other date in column C settles it (2 such dates in this column)`,
			`issue[Certifications!C4] = error: "2024-02-30" is not a real date`,
			"skipped = 3",
		}},
		{"lo_dmy.xlsx", []string{
			"deployments = C-1 App Service 2024-04-03 | C-1 Functions 2023-11-12 | C-1 Cosmos DB 2024-04-25 | C-1 SQL 2024-05-05",
		}},
		{"opx_mdy_partner.xlsx", []string{
			"partner.as_of = 2024-05",
			"deployments = C-1 App Service 2024-03-04",
			`issue[Deployments!C3] = error: "25/04/2024" is not a real date when read month-first, as the Partner sheet's Date order says`,
		}},
		{"opx_errors.xlsx", []string{
			`issue[Partner!B3] = error: "Medium" is not a path: write Auto, SMB or Enterprise`,
			`issue[Partner!B4] = error: "lots" is not a percentage`,
			`issue[Partner!A5] = warning: "Colour" is not a field the Partner sheet has; it was ignored`,
			`issue[ACR!C2] = error: "n/a" is not an amount`,
			`issue[ACR!B3] = error: "2024-02-30" is not a real date`,
			`issue[ACR!B4] = error: "1999-05" is in 1999, outside the years 2000 to 2100; it looks like a mistake`,
			`issue[ACR!A5] = error: the customer ID is missing`,
			`issue[ACR!C6] = warning: USD 12,000,000 for one customer in one cell is unusually large; check that it is not a mistake`,
			`issue[ACR!C7] = error: 10000000000000 is too large to be an amount (the most is USD 10,000,000,000)`,
			`issue[ACR!C8] = error: the cell shows the error #N/A`,
			`issue[ACR!B10] = error: "03/04/2024" could be day-first or month-first, and no other date in column B settles it (2 such dates in this column)`,
			`issue[ACR!B12] = error: TRUE is not a month`,
			// 45444 in a month column is an Excel date (1 June 2024); 1.0049999999999999 is 1.01.
			"acr[C-5 2024-06 PAL ] = 1.01 rows 1 lines [9]",
			"acr[C-2 2024-05 PAL ] = 12,000,000.00 rows 1 lines [6]",
			"skipped = 9",
		}},
		{"opx_missing_bits.xlsx", []string{
			"partner.name = Missing Co",
			"issue[] = warning: there is no Customers sheet (looked for: Customers, Customer list) | warning: there is no Deployments sheet (looked for: Deployments, Azure deployments)",
			"issue[ACR] = warning: there is no Attribution column (looked for: Attribution, Association, Association type), so every row counts as attributed to the partner",
			// Email wins over Name; the Partner Center Trainings headers are read.
			"certs = ana@x.example Azure Administrator Associate earned 2024-01-15 expires 2025-01-15 | ana@x.example Azure Fundamentals earned 2024-01-16",
		}},
		{"opx_customers_check.xlsx", []string{
			`issue[ACR!A3] = warning: 4 customers of the ACR sheet are not on the Customers sheet: "C-777", "C-778", "C-779" and 1 more`,
			"acr[ c-001 2024-04 PAL ] = absent",
			"acr[c-001 2024-04 PAL ] = 1.00 rows 1 lines [4]",
		}},
		{"opx_unicode.xlsx", []string{
			"partner.name = Müller Ørsted 株式会社 «Ромашка»",
			"acr[Ω-1 2024-05 PAL ] = 10.00 rows 2 lines [2 3]",
			"issues.errors = 0",
		}},
		{"opx_no_data.xlsx", []string{
			"issue[] = error: the workbook has none of the ACR, Certifications and Deployments sheets, so there is nothing to score",
		}},
		{"opx_header_only.xlsx", []string{
			"issue[ACR] = ",
			"sheet[ACR] = acr header 1 wide false status 0 hidden false",
			"issue[Certifications] = warning: the Certifications sheet is empty",
			"issue[Deployments] = error: no column for the Azure service (looked for: Service, Azure service, Service level 2, Product) | error: no column for the deployment date (looked for: Deployed on, Deployment date, Date)",
		}},
		{"opx_rescored.xlsx", []string{
			"sheet[ACR] = acr header 1 wide false status 7 hidden false",
			`issue[Revenue] = warning: the sheet "Revenue" also looks like the ACR sheet; only "ACR" was read`,
			"acr[X-1 2024-05  ] = absent",
			"acr.count = 6",
		}},
		{"opx_partner_across.xlsx", []string{
			"partner.name = Across Ltd",
			"partner.id = PA-1",
			"partner.as_of = 2024-05",
			"partner.path = enterprise",
			"partner.cell.as_of = C2",
			"sheet[Customers] = customers header 3 wide false status 0 hidden false",
			"customers = C-1   @4 | C-2   @5",
			"certs = Ana AZ-104 expires 2024-05-31 not associated | Cy AZ-104 | Di AZ-104 not associated",
			"issue[Certifications!C3] = error: 9999 is not a plausible date (as an Excel date number it is 17 May 1927)",
			`issue[Certifications!D3] = error: "maybe" is not yes or no`,
		}},
		{"opx_partner_noheader.xlsx", []string{
			"partner.name = No Header Co",
			"partner.as_of = 2024-05",
			"partner.designations = infrastructure-azure",
			"partner.cell.name = C3",
			"deployments = C-1 Functions 2024-04-03 | C-1 SQL 2024-05-31 | C-1 Cosmos DB 2024-05-01",
		}},
		{"opx_many_errors.xlsx", []string{
			"acr[C-ok 2024-05 PAL ] = 5.00 rows 1 lines [62]",
			"issue[ACR] = error: ... and 10 more problems on this sheet",
			"issues.errors = 51",
			"skipped = 60",
		}},
		{"opx_pasted.xlsx", []string{
			"sheet[ACR] = acr header 2 wide false status 0 hidden false",
			"acr[C-1 2024-04 PAL ] = 10.00 rows 1 lines [3]",
			"acr[C-1 2024-05 PAL ] = 20.00 rows 1 lines [5]",
			`issue[ACR!A6] = warning: this row looks like a row of totals ("Grand total") and was left out`,
			"issues.errors = 0",
			"skipped = 0",
		}},
		{"hand_prefixed.xlsx", []string{
			// Rich text runs joined, phonetic runs left out, trailing space trimmed.
			"partner.name = Prefixed & Co",
			"partner.as_of = 2024-05",
			"sheet[ACR (Jan & Feb)] = acr header 1 wide false status 0 hidden false",
			// 45444 with a date style, 1.0049999999999999 (Excel: 1.005) is 1.01,
			// an inline string with a character reference and spaces.
			"acr[C-1 2024-06 PAL ] = 1.01 rows 1 lines [2]",
			// Cells without references follow the previous one; 45413.75 is 1 May 2024.
			"acr[42 2024-05 TRUE ] = 2,000.00 rows 1 lines [3]",
			"issue[ACR (Jan & Feb)!B4] = error: the cell shows the error #N/A",
			"issue[ACR (Jan & Feb)!C4] = error: the formula in this cell has no saved result",
		}},
	}
	for _, tt := range tests {
		t.Run(tt.file, func(t *testing.T) {
			wb, err := Read(filepath.Join("testdata", tt.file), Options{})
			if err != nil {
				t.Fatal(err)
			}
			for _, f := range tt.facts {
				key, want, ok := strings.Cut(f, " = ")
				if !ok {
					t.Fatalf("bad fact %q", f)
				}
				if got := fact(wb, key); got != want {
					t.Errorf("%s\n got %s\nwant %s", key, got, want)
				}
			}
		})
	}
}
