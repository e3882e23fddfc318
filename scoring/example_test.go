package scoring_test

import (
	"fmt"

	"github.com/pcs-tools/pcs/scoring"
)

func ExampleScore() {
	rs, err := scoring.Embedded("fy24")
	if err != nil {
		panic(err)
	}
	may24 := scoring.MonthOf(2024, 5)
	in := &scoring.Input{
		Partner:        scoring.Partner{Name: "Contoso Ltd", AsOf: may24, Path: scoring.PathSMB},
		ACRAttribution: true,
		ACR: []scoring.ACRRow{
			{Customer: "C1", Month: may24, Amount: scoring.USD(500), Attribution: "PAL", Rows: 1},
			{Customer: "C2", Month: may24.Add(-1), Amount: scoring.USD(499), Attribution: "CSP", Rows: 1},
		},
	}
	res, err := scoring.Score(in, rs, scoring.Options{Designations: []string{"data-ai-azure"}})
	if err != nil {
		panic(err)
	}
	d := res.Designations[0]
	m := d.Metric("net-customer-adds")
	fmt.Println(d.Name, d.Points, "of", d.Max)
	fmt.Println(m.Explanation)
	fmt.Println(m.NextStep)
	// Output:
	// Solutions Partner for Data & AI (Azure) 10 of 100
	// 1 customer started consuming at least USD 500 a month (no ACR in Apr and May 2023): C1. Net 1 customer add: 10 points (10 per net add, at most 30).
	// 1 more net customer add earns 10 points: a customer with no ACR in Apr and May 2023 that consumes at least USD 500 in Apr or May 2024. Closest: C2 needs USD 1 more in Apr 2024.
}

func ExampleParseCents() {
	c, _ := scoring.ParseCents("1234.505")
	fmt.Println(c, c.Short())
	// Output: USD 1,234.51 USD 1,234.51
}
