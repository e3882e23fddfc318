package email_test

import (
	"context"
	"fmt"
	"os"
	"time"

	"github.com/pcs-tools/pcs/email"
	"github.com/pcs-tools/pcs/scoring"
)

func exampleResult() *scoring.Result {
	return &scoring.Result{
		Partner:    scoring.Partner{Name: "Contoso Ltd", ID: "4412345", Recipients: []string{"ceo@contoso.example; cfo@contoso.example"}},
		Edition:    "fy24",
		AsOf:       scoring.MonthOf(2024, time.May),
		Path:       scoring.PathSMB,
		PathReason: "86% of customers are SMB/SMC",
		Designations: []scoring.DesignationResult{{
			ID: "data-ai-azure", Name: "Solutions Partner for Data & AI (Azure)", ShortName: "Data & AI",
			Points: 72, Max: 100, Required: 70, Attained: true,
			Metrics: []scoring.MetricResult{{ID: "deployments", Points: 8, Max: 10, NextStep: "1 more deployment earns 2 points."}},
		}},
	}
}

func ExampleCompose() {
	t, err := email.LoadTemplates("") // the defaults in templates/email
	if err != nil {
		fmt.Println(err)
		return
	}
	job := email.Job{Source: "contoso.xlsx", Result: exampleResult(), PDF: []byte("%PDF-1.4 ...")}
	m, err := email.Compose(job, t, "Partner Team <scorecards@contoso.example>", time.Date(2024, 6, 3, 9, 0, 0, 0, time.UTC))
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(m.Subject)
	fmt.Println(m.Recipients())
	fmt.Println(m.Attachment)
	// Output:
	// Partner capability score: Contoso Ltd, May 2024
	// [ceo@contoso.example cfo@contoso.example]
	// contoso-ltd-2024-05-scorecard.pdf
}

// A dry run writes the message as a .eml file instead of sending it.
func ExampleNew() {
	out, err := os.MkdirTemp("", "pcs-example")
	if err != nil {
		fmt.Println(err)
		return
	}
	defer os.RemoveAll(out)
	m, err := email.New(email.Options{
		Config: email.Config{From: "scorecards@contoso.example"},
		DryRun: true,
		Clock:  func() time.Time { return time.Date(2024, 6, 3, 9, 0, 0, 0, time.UTC) },
	})
	if err != nil {
		fmt.Println(err)
		return
	}
	defer m.Close()
	r, err := m.Deliver(context.Background(), email.Job{
		Source: "contoso.xlsx", Result: exampleResult(), PDF: []byte("%PDF-1.4 ..."), OutDir: out,
		Bcc: []string{"archive@contoso.example"},
	})
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(r.Summary())
	// Output:
	// dry run, not sent: contoso.eml for ceo@contoso.example, cfo@contoso.example (bcc archive@contoso.example)
}

func ExampleAttachmentName() {
	fmt.Println(email.AttachmentName("Müller & Ørsted GmbH", "4412345", scoring.MonthOf(2024, time.May)))
	// Output: muller-and-orsted-gmbh-2024-05-scorecard.pdf
}

func ExampleSplitAddresses() {
	for _, a := range email.SplitAddresses([]string{`ceo@contoso.example; "Doe, Jane" <cfo@contoso.example>`}) {
		fmt.Println(a)
	}
	// Output:
	// ceo@contoso.example
	// "Doe, Jane" <cfo@contoso.example>
}

func ExampleReceipt_Summary() {
	r := email.Receipt{Time: time.Date(2024, 6, 3, 9, 12, 0, 0, time.UTC), To: []string{"ceo@contoso.example"}}
	fmt.Println(r.Summary())
	// Output: sent 2024-06-03 09:12 UTC to ceo@contoso.example
}
