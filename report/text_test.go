package report

import (
	"strings"
	"testing"

	"github.com/pcs-tools/pcs/scoring"
)

func TestWriteSummary(t *testing.T) {
	r := &scoring.Result{
		Partner: scoring.Partner{Name: "Contoso Ltd", ID: "4412345"}, Edition: "fy24", AsOf: scoring.MonthOf(2024, 5),
		Path: scoring.PathSMB, PathReason: "86% of customers are SMB/SMC (80% or more)",
		Designations: []scoring.DesignationResult{
			{ShortName: "Data & AI", Points: 72, Max: 100, Required: 70, Attained: true},
			{ShortName: "Infrastructure", Points: 58, Max: 100, Required: 70, Metrics: []scoring.MetricResult{
				{ID: "net-customer-adds", Points: 0, Max: 30}, {ID: "usage-growth", Points: 18, Max: 20}}},
		},
	}
	var b strings.Builder
	if err := WriteSummary(&b, "contoso.xlsx", r, []string{"out/contoso.scored.xlsx"}); err != nil {
		t.Fatal(err)
	}
	want := `contoso.xlsx: Contoso Ltd (4412345), as of May 2024, SMB path (fy24 rules)
  Path: 86% of customers are SMB/SMC (80% or more).
  Data & AI        72/100  attained
  Infrastructure   58/100  not attained: 12 points short; no point yet in net customer adds; biggest gap: Net customer adds 0 of 30
  Written: out/contoso.scored.xlsx
`
	if b.String() != want {
		t.Errorf("got\n%s\nwant\n%s", b.String(), want)
	}
}
