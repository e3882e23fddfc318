package scoring

import (
	"bytes"
	"encoding/json"
	"flag"
	"os"
	"path/filepath"
	"slices"
	"testing"
)

var update = flag.Bool("update", false, "rewrite the golden files under testdata/")

// goldenPartner is a small but complete partner: customers gained and lost,
// people with and without prerequisites, deployments counted and not, ACR
// excluded by attribution and by an unknown solution area.
func goldenPartner(t *testing.T) *builder {
	b := newInput(t, "2024-05")
	segs := []string{"SMB", "SMB", "SMC", "SMB", "Enterprise", "SMB", "Small", "SMB", "Medium", "SMB"}
	names := []string{"Fabrikam", "Tailspin Toys", "Litware", "Northwind", "Contoso Pharma", "Adatum", "Wingtip", "Proseware", "Lucerne", "Woodgrove"}
	for i, n := range names {
		b.in.Customers = append(b.in.Customers, Customer{ID: "C" + itoa(100+i), Name: n, Segment: segs[i], Source: Ref{Sheet: "Customers", Row: i + 2}})
	}
	// Steady customers across two years.
	for m := 0; m < 26; m++ {
		month := mo(t, "2022-04").Add(m).String()
		b.acr("C104", month, "2400.00").acr("C105", month, "1800.50")
		if m < 20 {
			b.acr("C102", month, "900") // Litware: lost in 2024
		}
	}
	b.acr("C100", "2024-05", "820.00").acr("C101", "2024-04", "510.25") // new
	b.acr("C103", "2024-05", "450.00")                                  // near miss
	b.acr("C106", "2023-04", "15.00").acr("C106", "2024-05", "700")     // not new in fy24
	b.acrx("C107", "2024-05", "5000", "Referral", "")                   // not eligible
	b.acrx("C108", "2024-05", "300", "PAL", "Security")                 // path only
	b.acrx("C109", "2024-05", "650", "CSP Tier 2", "Infrastructure")    // one designation
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

func TestGoldenResults(t *testing.T) {
	for _, ed := range []string{"fy24", "fy26"} {
		t.Run(ed, func(t *testing.T) {
			b := goldenPartner(t)
			r := score(t, b, ed, Options{})
			rows := r.Rows
			r.Rows = slices.Collect(r.AllRows())
			got, err := json.MarshalIndent(r, "", "  ")
			r.Rows = rows
			if err != nil {
				t.Fatal(err)
			}
			got = append(got, '\n')
			path := filepath.Join("testdata", "golden-"+ed+".json")
			if *update {
				if err := os.WriteFile(path, got, 0o644); err != nil {
					t.Fatal(err)
				}
			}
			want, err := os.ReadFile(path)
			if err != nil {
				t.Fatalf("%v (run go test ./scoring -update to create it)", err)
			}
			if !bytes.Equal(got, want) {
				t.Errorf("result differs from %s; if the change is intended, run go test ./scoring -run TestGoldenResults -update and review the diff", path)
			}
		})
	}
}

// TestGoldenHandWorked checks the golden partner's headline numbers, worked out
// by hand from rules.md, so the golden file cannot silently drift.
func TestGoldenHandWorked(t *testing.T) {
	b := goldenPartner(t)
	r := score(t, b, "fy24", Options{})
	// Path: TTM eligible ACR (Jun 2023 to May 2024) = 12 x (2,400 + 1,800.50) + 6 x 900 (Litware until Nov 2023)
	//   + 820 + 510.25 + 450 + 700 + 300 + 650 = 59,236.25;
	// base in May 2024: C100, C103, C104, C105, C106, C108, C109 (7, all with segments), SMB/SMC: all but C104 = 6 -> 85.7% -> SMB.
	if r.Path != PathSMB {
		t.Fatalf("path %s: %s", r.Path, r.PathReason)
	}
	if r.PathFacts.TTMACR != usd(t, "59236.25") || r.PathFacts.BaseCustomers != 7 || r.PathFacts.SMBCustomers != 6 {
		t.Errorf("facts %+v", r.PathFacts)
	}
	// Data & AI, SMB, fy24:
	// net adds: +1 C100 (820 in May), +1 C101 (510.25 in Apr), -1 C102 (900 in 2023, none in 2024),
	//   C106 has 15 in Apr 2023 (not a zero baseline), C109 is Infrastructure only: net 1 -> 10.
	// skilling: Admin (ann) and Architect (bo) met on SMB: 8; cy DP-203 scoring: 4; di expired -> 12.
	// usage growth: May 2023 = 2,400 + 1,800.50 + 900 = 5,100.50; May 2024 = 2,400 + 1,800.50 + 820 + 450 + 700 = 6,170.50
	//   growth = 1,070 / 5,100.50 = 20.978...% -> 21.0, 20 points (capped).
	// deployments: C100 SQL (once), C101 VM not for Data & AI, C104 AKS 2023-05-30 outside TTM, C109 AVD Infrastructure -> 1 -> 2.
	// total 10 + 12 + 20 + 2 = 44.
	d := desig(t, r, "data-ai-azure")
	want := map[string][2]string{
		"net-customer-adds":           {"1", "10"},
		"intermediate-certifications": {"1", "12"},
		"usage-growth":                {"21", "20"},
		"deployments":                 {"1", "2"},
	}
	for id, w := range want {
		m := d.Metric(id)
		if value(m) != w[0] || itoa(m.Points) != w[1] {
			t.Errorf("%s: value %s points %d, want %s %s", id, value(m), m.Points, w[0], w[1])
		}
	}
	if d.Points != 44 || d.Attained {
		t.Errorf("data & ai %d attained %v", d.Points, d.Attained)
	}
	// Infrastructure adds C109 (650 CSP Tier 2 in May): net 2 -> 20; intermediate: ann (step, 4) +
	// ed AZ-700 (4) = 8; advanced: bo (step, 4) + fay AZ-140 (4) = 8;
	// growth: 5,100.50 -> 6,820.50: 33.7% -> 20; deployments: SQL, VM, AVD = 3 -> 6. Total 62.
	inf := desig(t, r, "infrastructure-azure")
	if inf.Points != 62 || value(inf.Metric("usage-growth")) != "33.7" || value(inf.Metric("deployments")) != "3" {
		t.Errorf("infrastructure %d: growth %s deployments %s", inf.Points, value(inf.Metric("usage-growth")), value(inf.Metric("deployments")))
	}
}
