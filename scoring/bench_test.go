package scoring_test

import (
	"fmt"
	"testing"

	"github.com/pcs-tools/pcs/scoring"
)

// typicalInput is the typical partner of the performance targets, built in
// memory: 300 customers with 24 months of ACR, 40 people with two
// certifications each, 30 deployments.
func typicalInput() *scoring.Input {
	asOf := scoring.MonthOf(2024, 5)
	in := &scoring.Input{Partner: scoring.Partner{Name: "Typical Ltd", AsOf: asOf}, ACRAttribution: true, DeploymentAttribution: true}
	attributions := []string{"PAL", "DPOR", "CSP Tier 1", "CSP"}
	areas := []string{"", "Data & AI", "Infrastructure", "Digital & App Innovation"}
	segments := []string{"SMB", "SMC", "Enterprise", "Corporate", "SMB"}
	row := 2
	for c := 0; c < 300; c++ {
		id := fmt.Sprintf("C%04d", c)
		in.Customers = append(in.Customers, scoring.Customer{ID: id, Segment: segments[c%len(segments)], Source: scoring.Ref{Sheet: "Customers", Row: c + 2}})
		for m := 0; m < 24; m++ {
			amount := scoring.Cents((c*7919+m*104729)%250_000 - 20_000) // some credits
			in.ACR = append(in.ACR, scoring.ACRRow{Customer: id, Month: asOf.Add(m - 23), Amount: amount,
				Attribution: attributions[c%len(attributions)], SolutionArea: areas[(c+m)%len(areas)],
				Source: scoring.Ref{Sheet: "ACR", Row: row}, Rows: 1})
			row++
		}
	}
	certs := []string{"AZ-104", "Azure Solutions Architect Expert", "DP-203", "AZ-700", "AZ-204", "AZ-400", "PL-300", "AZ-140"}
	for p := 0; p < 40; p++ {
		for k := 0; k < 2; k++ {
			earned := scoring.DateOf(2023, 1, 1) + scoring.Date(p*11+k*40)
			in.Certifications = append(in.Certifications, scoring.Certification{Individual: fmt.Sprintf("person%02d@typical.example", p),
				Certification: certs[(p+k*3)%len(certs)], Earned: &earned, Source: scoring.Ref{Sheet: "Certifications", Row: 2 + p*2 + k}})
		}
	}
	services := []string{"Azure SQL Database", "Azure Kubernetes Service", "Virtual Machines", "Azure Functions", "Azure Synapse Analytics", "Azure Virtual Desktop"}
	for d := 0; d < 30; d++ {
		in.Deployments = append(in.Deployments, scoring.Deployment{Customer: fmt.Sprintf("C%04d", d*9), Service: services[d%len(services)],
			Date: scoring.DateOf(2024, 1, 1) + scoring.Date(d*4), Attribution: "PAL", SolutionArea: areas[d%len(areas)],
			Source: scoring.Ref{Sheet: "Deployments", Row: d + 2}})
	}
	return in
}

// BenchmarkScore scores the typical partner for every designation of each
// edition; BenchmarkWindow adds the six months of the qualification window.
func BenchmarkScore(b *testing.B) {
	in := typicalInput()
	for _, edition := range []string{"fy24", "fy26"} {
		rs, err := scoring.Embedded(edition)
		if err != nil {
			b.Fatal(err)
		}
		b.Run(edition, func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				if _, err := scoring.Score(in, rs, scoring.Options{}); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

func BenchmarkWindow(b *testing.B) {
	in := typicalInput()
	rs, _ := scoring.Embedded("fy24")
	res, err := scoring.Score(in, rs, scoring.Options{})
	if err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	for b.Loop() {
		if got := scoring.Window(in, rs, scoring.Options{}, res, 6); len(got) == 0 {
			b.Fatal("no months in the window")
		}
	}
}
