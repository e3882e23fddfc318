package scoring

// Path is the scoring path: SMB or Enterprise. The empty Path means "decide from the data".
type Path string

// The two paths.
const (
	PathAuto       Path = ""
	PathSMB        Path = "smb"
	PathEnterprise Path = "enterprise"
)

// Label returns the path's name for people ("SMB", "Enterprise").
func (p Path) Label() string {
	switch p {
	case PathSMB:
		return "SMB"
	case PathEnterprise:
		return "Enterprise"
	}
	return "Auto"
}

// Ref points back at the row of the workbook a value came from.
type Ref struct {
	Sheet string // the sheet's name as the workbook spells it
	Row   int    // 1-based row number; 0 when unknown
}

// Cell returns the A1 reference of the given column on this row ("D17"), or ""
// when either is unknown.
func (r Ref) Cell(col string) string {
	if col == "" || r.Row <= 0 {
		return ""
	}
	return col + itoa(r.Row)
}

// Input is a partner's data as the reader found it: plain values, each row
// carrying where it came from.
type Input struct {
	Partner   Partner
	Customers []Customer
	ACR       []ACRRow
	// ACRAttribution is true when the ACR sheet has an Attribution column. Without
	// one every row is eligible; with one, a blank attribution is not.
	ACRAttribution bool
	Certifications []Certification
	Deployments    []Deployment
	// DeploymentAttribution is like ACRAttribution, for the Deployments sheet.
	DeploymentAttribution bool
	// Columns holds the column letters of the cells the engine may point at.
	Columns Columns
}

// Columns names the column letter of each field the engine reports on
// ("" when the sheet or the column is absent).
type Columns struct {
	CustomerID, CustomerSegment                               string
	ACRCustomer, ACRMonth, ACRAmount, ACRAttribution, ACRArea string
	CertIndividual, CertName, CertEarned, CertExpires         string
	DeployCustomer, DeployService, DeployDate, DeployArea     string
	DeployAttribution, DeployID                               string
}

// Partner is the Partner sheet: who the partner is and the settings it gives.
type Partner struct {
	Name string
	ID   string
	// AsOf is the as-of month; zero means "the latest month in the ACR rows".
	AsOf Month
	// Path is the path the workbook forces; PathAuto to decide from the data.
	Path Path
	// Designations are the designations to score as the workbook names them
	// (ids, full or short names); empty means all of the rule set.
	Designations []string
	// TTMACR overrides the trailing-twelve-months ACR used for the path; nil to compute it.
	TTMACR *Cents
	// SMBShare overrides the SMB/SMC share of the customer base; nil to compute it.
	SMBShare *Share
	// Recipients are the e-mail addresses the scorecard goes to.
	Recipients []string
	// Cells maps a field ("name", "as_of", "path", "designations", ...) to the
	// cell that gave it ("B4"), for messages.
	Cells map[string]string
	// Sheet is the name of the Partner sheet as the workbook spells it.
	Sheet string
}

// Customer is a row of the Customers sheet.
type Customer struct {
	ID      string
	Name    string
	Segment string // as written; the rule set decides what it means
	Source  Ref
}

// ACRRow is Azure consumed revenue of one customer in one month with one
// attribution and solution area. The reader adds up rows that share all four.
type ACRRow struct {
	Customer     string // customer ID as written
	Name         string // customer name when the ACR sheet gives one
	Month        Month
	Amount       Cents
	Attribution  string  // as written ("" for a blank cell)
	SolutionArea string  // as written ("" for a blank cell)
	Source       Ref     // the first row that contributed
	Rows         int     // how many sheet rows were added up (at least 1)
	Lines        []int32 // every sheet row that was added up, when the reader keeps them
}

// Certification is a row of the Certifications sheet.
type Certification struct {
	Individual    string
	Certification string // as written: a name or an exam code
	Earned        *Date
	Expires       *Date
	// NotAssociated is true when the row says it is not linked to the partner.
	NotAssociated bool
	Source        Ref
}

// Deployment is a row of the Deployments sheet.
type Deployment struct {
	Customer     string
	Service      string
	Date         Date
	SolutionArea string
	Attribution  string
	ID           string
	Source       Ref
}

// Share is a percentage held in millionths of a percent point:
// 100% is 100,000,000. Parsing truncates, which keeps comparisons with
// thresholds such as 80% exact.
type Share int64

// SharePercent is 1% as a Share.
const SharePercent Share = 1_000_000

// String formats the share as a percent with at most one decimal, rounded down ("86%", "79.9%").
func (s Share) String() string {
	tenths := int64(s) / 100_000
	if tenths%10 == 0 {
		return itoa(int(tenths/10)) + "%"
	}
	return itoa(int(tenths/10)) + "." + itoa(int(tenths%10)) + "%"
}

func itoa(n int) string {
	if n < 0 {
		return "-" + itoa(-n)
	}
	if n < 10 {
		return string(rune('0' + n))
	}
	return itoa(n/10) + string(rune('0'+n%10))
}
