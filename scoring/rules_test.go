package scoring

import (
	"strings"
	"testing"
)

func TestEmbeddedEditions(t *testing.T) {
	if got := strings.Join(Editions(), ","); got != "fy24,fy26" {
		t.Fatalf("editions %s", got)
	}
	for _, ed := range Editions() {
		rs := rules(t, ed)
		if rs.Edition != ed || rs.RequiredPoints != 70 || rs.TotalPoints != 100 || len(rs.Designations) != 3 {
			t.Errorf("%s: %+v", ed, rs.File)
		}
	}
	if _, err := Embedded("fy99"); err == nil || !strings.Contains(err.Error(), "there are: fy24, fy26") {
		t.Errorf("err %v", err)
	}
}

func TestRulesFileErrorsNameTheLine(t *testing.T) {
	base, _ := EmbeddedFile("fy24")
	edit := func(old, new string) []byte {
		if !strings.Contains(string(base), old) {
			t.Fatalf("fy24.yaml lacks %q", old)
		}
		return []byte(strings.Replace(string(base), old, new, 1))
	}
	cases := []struct {
		name string
		data []byte
		want string
	}{
		{"unknown key", edit("required_points: 70", "required_points: 70\nrequred_points: 70"), "line 11: field requred_points not found"},
		{"wrong type", edit("points_per_add: 10", "points_per_add: ten"), "line 47: cannot unmarshal !!str `ten` into int"},
		{"bad amount", edit("smb: 500.00", "smb: five hundred"), `line 46: "five hundred" is not an amount of dollars`},
		{"points do not add up to 100", edit("category: customer-success, max: 10, excluded_services", "category: customer-success, max: 15, excluded_services"),
			"line 95: the maximum points of data-ai-azure add up to 105, not 100"},
		{"unknown certification", edit("- Azure Cosmos DB Developer Specialty\n", "- Azure Cosmos DB Developr Specialty\n"),
			`names "Azure Cosmos DB Developr Specialty", which is not in the certifications list`},
		{"bad counting mode", edit("counting: per-customer", "counting: per-person"), `line 43: net_customer_adds counting must be per-customer or count-difference, not "per-person"`},
		{"bad date", edit("eligible_until: 2024-07-31", "eligible_until: 2024-02-30"), `"2024-02-30" is not a date`},
		{"empty", nil, "the rules file is empty"},
		{"not yaml", []byte("{{{"), "did not find expected node content"},
		{"a list", []byte("- a\n- b\n"), "cannot unmarshal !!seq into"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			_, err := Parse("my.yaml", tc.data)
			if err == nil || !strings.Contains(err.Error(), tc.want) || !strings.HasPrefix(err.Error(), "my.yaml: ") {
				t.Errorf("err %v\nwant %q", err, tc.want)
			}
		})
	}
}

func TestOneLineEditChangesAThreshold(t *testing.T) {
	base, _ := EmbeddedFile("fy24")
	rs, err := Parse("edited", []byte(strings.Replace(string(base), "smb: 500.00", "smb: 750.00", 1)))
	if err != nil {
		t.Fatal(err)
	}
	b := newInput(t, "2024-05").path(PathSMB).acr("a", "2024-05", "700")
	r, err := Score(&b.in, rs, Options{})
	if err != nil {
		t.Fatal(err)
	}
	if m := metric(t, r, "data-ai-azure", "net-customer-adds"); m.Points != 0 {
		t.Errorf("USD 700 under a USD 750 threshold earned %d points", m.Points)
	}
}

func TestCertificateLookup(t *testing.T) {
	rs := rules(t, "fy24")
	for in, want := range map[string]string{
		"Azure Administrator Associate":                       "Azure Administrator Associate",
		"microsoft certified: azure administrator associate":  "Azure Administrator Associate",
		"Microsoft Certified - Azure Administrator Associate": "Azure Administrator Associate",
		"AZ-104":                           "Azure Administrator Associate",
		"az104":                            "Azure Administrator Associate",
		"Exam AZ-104: Azure Administrator": "Azure Administrator Associate",
		"AZ-305":                           "Azure Solutions Architect Expert",
		"Azure Solution Architect Expert":  "Azure Solutions Architect Expert",
		"Power BI Data Analyst Associate":  "Data Analyst Associate",
		"Azure DevOps Engineer Expert":     "DevOps Engineer Expert",
		"AZ-900":                           "",
		"AZ-1040":                          "",
		"Azure Fundamentals":               "",
		"":                                 "",
	} {
		got := ""
		if c := rs.Certificate(in); c != nil {
			got = c.Name
		}
		if got != want {
			t.Errorf("%q -> %q, want %q", in, got, want)
		}
	}
}

func TestDesignationNames(t *testing.T) {
	rs := rules(t, "fy26")
	for _, n := range []string{"data-ai-azure", "Data & AI", "data and ai", "Solutions Partner for Data & AI (Azure)", "DATA & AI (AZURE)"} {
		if d := rs.Designation(n); d == nil || d.ID != "data-ai-azure" {
			t.Errorf("%q -> %v", n, d)
		}
	}
	if rs.Designation("Security") != nil {
		t.Error("Security is not an Azure designation")
	}
}

func FuzzParseRules(f *testing.F) {
	for _, ed := range Editions() {
		data, _ := EmbeddedFile(ed)
		f.Add(data)
	}
	f.Add([]byte("edition: x\n"))
	f.Add([]byte("{{{"))
	f.Fuzz(func(t *testing.T, data []byte) {
		rs, err := Parse("fuzz.yaml", data)
		if err != nil {
			if !strings.HasPrefix(err.Error(), "fuzz.yaml: ") {
				t.Fatalf("error does not name the file: %v", err)
			}
			return
		}
		// A rule set that parses must score an empty partner without panicking.
		in := &Input{Partner: Partner{Name: "x", AsOf: MonthOf(2024, 5)}}
		if _, err := Score(in, rs, Options{}); err != nil {
			t.Fatalf("score: %v", err)
		}
	})
}
