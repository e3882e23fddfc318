package scoring

// Result is the score of one partner for one as-of month, with every point explained.
type Result struct {
	Partner Partner
	// Edition and RulesTitle name the rule set that scored it.
	Edition    string
	RulesTitle string
	AsOf       Month
	// AsOfFrom says where the as-of month came from: "option", "workbook" or "data".
	AsOfFrom     string
	Path         Path
	PathReason   string
	PathFacts    PathFacts
	Designations []DesignationResult
	// Issues are the engine's warnings about the data (unknown names and values).
	Issues []Issue
	// Excluded sums the ACR rows no designation counted because of their attribution.
	Excluded []Exclusion
	// Rows holds the status of every Customers, Certifications and
	// Deployments row, by sheet name and row; AllRows adds the ACR rows.
	Rows []RowStatus
	// acrRows holds the ACR rows' statuses compactly.
	acrRows acrRows
}

// PathFacts are the figures that decided the path.
type PathFacts struct {
	// Forced is "option" or "workbook" when the path was forced, else "".
	Forced string
	// TTMTested is true when the edition has a revenue test.
	TTMTested       bool
	TTMACR          Cents
	TTMFromWorkbook bool
	TTMThreshold    Cents
	// ShareKnown is false when no customer of the base has a known segment.
	ShareKnown        bool
	Share             Share
	ShareFromWorkbook bool
	ShareThreshold    Share
	// BaseCustomers had eligible ACR above 0 in the as-of month; KnownSegment of
	// them have a known segment and SMBCustomers of those are SMB/SMC.
	BaseCustomers, KnownSegment, SMBCustomers int
}

// Exclusion counts ACR rows left out for one attribution value.
type Exclusion struct {
	Attribution string // as written ("" for blank cells)
	Rows        int
	Amount      Cents
}

// RowStatus is what happened to one row of a sheet.
type RowStatus struct {
	Sheet   string
	Row     int
	Counted bool
	Text    string
}

// DesignationResult is the score of one designation.
type DesignationResult struct {
	ID        string
	Name      string
	ShortName string
	Path      Path
	Points    int
	Max       int
	Required  int
	Attained  bool
	Metrics   []MetricResult
	// Route is the fewest changes that reach the required points with a point in
	// every metric; nil when the designation is attained.
	Route *Route
}

// Gap returns the points missing to the required total (0 when reached).
func (d DesignationResult) Gap() int { return max(0, d.Required-d.Points) }

// Metric returns the metric with the given id, or nil.
func (d *DesignationResult) Metric(id string) *MetricResult {
	for i := range d.Metrics {
		if d.Metrics[i].ID == id {
			return &d.Metrics[i]
		}
	}
	return nil
}

// Tenths is a number with one decimal, held exactly as a count of tenths.
type Tenths int64

// Whole returns a whole number as Tenths.
func Whole(n int) Tenths { return Tenths(n * 10) }

// String writes the number with its decimal only when it has one ("2", "12.4", "-0.5").
func (t Tenths) String() string {
	neg := t < 0
	if neg {
		t = -t
	}
	s := itoa(int(t / 10))
	if t%10 != 0 {
		s += "." + itoa(int(t%10))
	}
	if neg {
		return "-" + s
	}
	return s
}

// MetricResult is the score of one metric of a designation.
type MetricResult struct {
	ID       string
	Kind     string
	Category string
	// Value is the measured quantity; nil when it cannot be computed.
	Value  *Tenths
	Points int
	Max    int
	// PrerequisitesMet is set for certification metrics only.
	PrerequisitesMet *bool
	Explanation      string
	// Sentences are the explanation's sentences, for layouts that keep only
	// whole ones (the PDF); Explanation is them joined by spaces.
	Sentences []string `json:"-"`
	// NextStep is the smallest concrete change that earns more points, and
	// NextPoints the points it earns (0 when the metric is at its maximum or
	// nothing can raise it).
	NextStep   string
	NextPoints int

	NetAdds     *NetAddsDetail
	Skilling    *SkillingDetail
	Growth      *GrowthDetail
	Deployments *DeploymentsDetail
}

// NetAddsDetail is every customer's part in net customer adds.
type NetAddsDetail struct {
	Counting  string
	Threshold Cents
	// Months are M-13, M-12 (the baseline) and M-1, M (the last two months).
	Months    [4]Month
	Customers []CustomerVerdict
	Net       int
	// shorts are what the customers closest to a +1 (or out of a -1) need,
	// smallest first: the least ACR k more net adds ask for.
	shorts []Cents
}

// acrFor is the least ACR that k more net adds need: the k smallest
// shortfalls of the customers closest to the threshold, then the
// threshold itself for each customer starting from nothing.
func (d *NetAddsDetail) acrFor(k int) Cents {
	var sum Cents
	for i := 0; i < k; i++ {
		if i < len(d.shorts) {
			sum = AddCents(sum, d.shorts[i].CeilDollars())
		} else {
			sum = AddCents(sum, d.Threshold)
		}
	}
	return sum
}

// CustomerVerdict is one customer's effect on net customer adds.
type CustomerVerdict struct {
	Customer      string // ID as written
	Name          string // display name
	ACR           [4]Cents
	Current       bool // reaches the threshold in M-1 or M
	BaselineAbove bool // reaches it in M-13 or M-12
	BaselineZero  bool // 0 or less in both M-13 and M-12
	Effect        int  // +1, -1 or 0
	Reason        string
	Source        Ref
}

// SkillingDetail is every step and person behind a certification metric.
type SkillingDetail struct {
	Need    int // people needed per prerequisite step
	Steps   []StepResult
	People  []PersonStanding
	Scoring int // people holding a scoring certification
}

// StepResult is one prerequisite step.
type StepResult struct {
	Certification string
	Holders       []string
	Met           bool
	Points        int
}

// PersonStanding is what one person counts for in a certification metric.
type PersonStanding struct {
	Person        string
	Scoring       []string // scoring certifications held
	Prerequisites []string // prerequisite certifications held
	// Earns is true when the person earns points as a scoring person.
	Earns bool
}

// GrowthDetail is the monthly ACR behind usage growth.
type GrowthDetail struct {
	Current, Baseline Cents
	CurrentMonth      Month
	BaselineMonth     Month
	// Monthly totals from the baseline month to the as-of month.
	Monthly []MonthTotal
	// Growth is the exact growth in percent, rounded to one decimal; nil when it
	// cannot be computed.
	Growth *Tenths
}

// MonthTotal is the eligible ACR of all customers in a month.
type MonthTotal struct {
	Month Month
	ACR   Cents
}

// DeploymentsDetail is every deployment row's verdict for one designation.
type DeploymentsDetail struct {
	Counting string
	From, To Date
	Rows     []DeploymentVerdict // one per Input.Deployments row, in input order
	Counted  int
}

// DeploymentVerdict is one deployment row's verdict.
type DeploymentVerdict struct {
	Index   int // index into Input.Deployments
	Counted bool
	Reason  string
}

// Route is the fewest changes that reach the required points with a point in every metric.
type Route struct {
	Reachable bool
	// Reason explains why no route exists when Reachable is false.
	Reason  string
	Steps   []RouteStep
	Changes int
	Points  int // the designation's points after the route
	// Note warns when the route as a whole asks for so much ACR that the
	// partner would move to the Enterprise path (and its points change).
	Note string
}

// RouteStep is one kind of change on a route.
type RouteStep struct {
	Metric  string
	Changes int
	Gain    int
	Text    string
}

// MarshalJSON writes the number as a JSON number ("12.4").
func (t Tenths) MarshalJSON() ([]byte, error) { return []byte(t.String()), nil }
