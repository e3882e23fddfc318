package report

import (
	"sort"

	"github.com/pcs-tools/pcs/scoring"
)

// Portfolio is a batch run's summary: one row per partner and designation,
// the workbooks that failed, and counts per designation.
type Portfolio struct {
	// Rules is the rule edition used; Folder the folder scored.
	Rules  string
	Folder string
	Rows   []PortfolioRow
	Failed []PortfolioFailure
	// Interrupted is true when the run was stopped before every workbook was done.
	Interrupted bool
	// Pending counts the workbooks not scored because the run was interrupted.
	Pending int
}

// PortfolioRow is one partner's score in one designation.
type PortfolioRow struct {
	Source      string // input path relative to the folder ("Q3/contoso.xlsx")
	Partner     string
	PartnerID   string
	AsOf        scoring.Month
	Path        scoring.Path
	Designation string // id
	ShortName   string // "Data & AI"
	Points      int
	Required    int
	Attained    bool
	Gap         int
	// Weakest is the metric furthest from its maximum (its id) and WeakestText
	// says it for people ("Usage growth: 4 of 20").
	Weakest     string
	WeakestText string
	// Scorecard and Workbook are the output paths relative to the output folder ("" when not written).
	Scorecard string
	Workbook  string
	// Emailed records the e-mail sent for this partner ("" when none).
	Emailed string
}

// PortfolioFailure is a workbook that could not be scored.
type PortfolioFailure struct {
	Source string
	Reason string
}

// DesignationCount counts partners per standing in one designation.
type DesignationCount struct {
	Designation string
	ShortName   string
	Attained    int
	Within10    int // not attained, 10 points or fewer from the required total
	Further     int
}

// Counts returns the counts per designation, in order of first appearance.
func (p *Portfolio) Counts() []DesignationCount {
	var out []DesignationCount
	idx := map[string]int{}
	for _, r := range p.Rows {
		i, ok := idx[r.Designation]
		if !ok {
			i = len(out)
			idx[r.Designation] = i
			out = append(out, DesignationCount{Designation: r.Designation, ShortName: r.ShortName})
		}
		switch {
		case r.Attained:
			out[i].Attained++
		case r.Gap <= 10:
			out[i].Within10++
		default:
			out[i].Further++
		}
	}
	return out
}

// Sort orders rows by source then designation, and failures by source, so the
// summary is the same whatever order the workbooks finished in.
func (p *Portfolio) Sort() {
	sort.SliceStable(p.Rows, func(i, j int) bool {
		if p.Rows[i].Source != p.Rows[j].Source {
			return p.Rows[i].Source < p.Rows[j].Source
		}
		return p.Rows[i].Designation < p.Rows[j].Designation
	})
	sort.SliceStable(p.Failed, func(i, j int) bool { return p.Failed[i].Source < p.Failed[j].Source })
}

// PortfolioRows builds the rows of one scored workbook.
func PortfolioRows(source string, r *scoring.Result) []PortfolioRow {
	var rows []PortfolioRow
	for _, d := range r.Designations {
		row := PortfolioRow{Source: source, Partner: r.Partner.Name, PartnerID: r.Partner.ID, AsOf: r.AsOf, Path: r.Path,
			Designation: d.ID, ShortName: d.ShortName, Points: d.Points, Required: d.Required, Attained: d.Attained, Gap: d.Gap()}
		worst := -1
		for _, m := range d.Metrics {
			if missing := m.Max - m.Points; worst < 0 || missing > worst {
				worst = missing
				row.Weakest = m.ID
				row.WeakestText = scoring.MetricLabel(m.ID) + ": " + itoa(m.Points) + " of " + itoa(m.Max)
			}
		}
		rows = append(rows, row)
	}
	return rows
}
