package main

import (
	"fmt"
	"math/rand/v2"
	"time"
)

var asOf = month(2024, time.May)

// smbPartner: an SMB partner that attains Data & AI but not Infrastructure.
func smbPartner() model {
	r := rand.New(rand.NewPCG(1, 2))
	n := newNames(11)
	m := model{file: "contoso-cloud-smb.xlsx"}
	m.partner = [][2]any{{"Partner name", "Contoso Cloud Services Ltd"}, {"Partner ID", "4412345"}, {"As of", "2024-05"},
		{"Path", "Auto"}, {"Designations", ""}, {"ACR trailing 12 months", ""}, {"SMB customer share", ""},
		{"Recipients", "ceo@contoso-cloud.example, cfo@contoso-cloud.example"}, {"Date order", ""}}
	first, last := month(2022, time.June), asOf
	segs := []string{"SMB", "SMB", "SMC", "Small", "Medium", "SMB", "SMC", "SMB", "Small", "SMB", "SMB", "Enterprise"}
	add := func(i int) customer {
		c := customer{id: fmt.Sprintf("CT-%04d", 1000+i), name: n.company(), segment: segs[i%len(segs)]}
		m.customers = append(m.customers, c)
		return c
	}
	attrs := []string{"PAL", "PAL", "CSP", "DPOR", "CSP Tier 2"}
	i := 0
	// 226 small steady customers, always far under USD 500.
	for ; i < 226; i++ {
		c := add(i)
		m.acr = append(m.acr, series{cust: c, base: 15 + r.Float64()*150, growth: 0.004, noise: 0.08, from: first, to: last, attr: attrs[i%len(attrs)]}.rows(r)...)
	}
	// 45 large steady customers, always above USD 500; some Infrastructure only.
	for ; i < 271; i++ {
		c := add(i)
		area := ""
		if i%5 == 0 {
			area = "Infrastructure"
		}
		m.acr = append(m.acr, series{cust: c, base: 620 + r.Float64()*900, growth: 0.004, noise: 0.08, from: first, to: last, attr: attrs[i%len(attrs)], area: area}.rows(r)...)
	}
	// 5 new Data & AI customers since the autumn of 2023, above USD 500 now.
	for k := 0; k < 5; k++ {
		c := add(i)
		i++
		m.acr = append(m.acr, series{cust: c, base: 150, growth: 0.9, noise: 0.05, from: month(2023, time.Month(9+k%4)), to: last, attr: "PAL", area: "Data & AI"}.rows(r)...)
	}
	// 4 new customers still under USD 500.
	for k := 0; k < 4; k++ {
		c := add(i)
		i++
		m.acr = append(m.acr, series{cust: c, base: 60, growth: 0.05, noise: 0.05, from: month(2023, time.October), to: last, attr: "CSP"}.rows(r)...)
	}
	// 1 Data & AI customer lost at the end of 2023.
	c := add(i)
	i++
	m.acr = append(m.acr, series{cust: c, base: 820, noise: 0.05, from: first, to: month(2023, time.December), attr: "PAL", area: "Data & AI"}.rows(r)...)
	// 14 customers who left before the baseline year.
	for k := 0; k < 14; k++ {
		c := add(i)
		i++
		m.acr = append(m.acr, series{cust: c, base: 100 + r.Float64()*900, noise: 0.05, from: first, to: month(2023, time.February), attr: "CSP"}.rows(r)...)
	}
	// Referral revenue that does not count.
	for k := 0; k < 6; k++ {
		c := m.customers[k*7]
		m.acr = append(m.acr, series{cust: c, base: 90, noise: 0.1, from: month(2023, time.June), to: last, attr: "Referral"}.rows(r)...)
	}
	tuneGrowth(m.acr, asOf, "Data & AI", m.customers[231].id, 128) // Data & AI grows 12.8%

	dom := "contoso-cloud.example"
	person := func() string { _, e := n.person(dom); return e }
	admin, architect := person(), person()
	m.certs = append(m.certs, cert{person: admin, name: "Azure Administrator Associate", earned: day(2023, 3, 14), expires: day(2025, 3, 14)},
		cert{person: architect, name: "AZ-305", earned: day(2022, 11, 2), expires: day(2024, 11, 2)},
		cert{person: admin, name: "Azure Network Engineer Associate", earned: day(2023, 8, 1), expires: day(2024, 8, 1)})
	scoring := []string{"Azure Data Engineer Associate", "DP-300", "Azure AI Engineer Associate", "Microsoft Certified: Data Analyst Associate",
		"Azure Data Scientist Associate", "PL-300", "Azure Cosmos DB Developer Specialty", "DP-203", "AI-102"}
	for k, s := range scoring {
		m.certs = append(m.certs, cert{person: person(), name: s, earned: day(2023, time.Month(1+k), 10), expires: day(2025, time.Month(1+k), 10)})
	}
	m.certs = append(m.certs,
		cert{person: person(), name: "Azure Developer Associate", earned: day(2023, 5, 5), expires: day(2025, 5, 5)},
		cert{person: person(), name: "Azure Data Engineer Associate", earned: day(2022, 2, 1), expires: day(2024, 2, 1)}, // expired
		cert{person: person(), name: "Azure AI Engineer Associate", earned: day(2023, 9, 9), associated: "No"},           // not linked
		cert{person: person(), name: "Azure Fundamentals", earned: day(2023, 4, 4)},                                      // not scoring
		cert{person: person(), name: "Introduction to Azure SQL", earned: day(2024, 1, 20)})                              // a course
	for k := 0; k < 24; k++ {
		m.certs = append(m.certs, cert{person: person(), name: []string{"AZ-900", "Azure Fundamentals", "Azure Data Fundamentals", "AI-900"}[k%4], earned: day(2023, time.Month(1+k%12), 3)})
	}
	cs := m.customers
	m.deps = []dep{
		{cust: cs[271].id, service: "Azure SQL Database", date: day(2023, 10, 2), attr: "PAL", area: "Data & AI"},
		{cust: cs[272].id, service: "Azure Synapse Analytics", date: day(2024, 1, 15), attr: "PAL", area: "Data & AI"},
		{cust: cs[272].id, service: "Azure Synapse Analytics", date: day(2024, 3, 15), attr: "PAL", area: "Data & AI"}, // same pair
		{cust: cs[273].id, service: "Azure Machine Learning", date: day(2024, 4, 8), attr: "PAL", area: "Data & AI"},
		{cust: cs[230].id, service: "Azure SQL Database", date: day(2023, 2, 20), attr: "PAL"},                       // before the TTM
		{cust: cs[235].id, service: "Virtual Machines", date: day(2023, 12, 5), attr: "CSP", area: "Infrastructure"}, // not Data & AI
	}
	return m
}

// enterprisePartner: an Enterprise partner a few points short of 70 everywhere.
func enterprisePartner() model {
	r := rand.New(rand.NewPCG(3, 4))
	n := newNames(22)
	m := model{file: "fabrikam-enterprise.xlsx"}
	m.partner = [][2]any{{"Partner name", "Fabrikam Digital Services Inc."}, {"Partner ID", "5523781"}, {"As of", "2024-05"},
		{"Path", "Auto"}, {"Recipients", "leadership@fabrikam.example"}}
	first, last := month(2022, time.June), asOf
	segs := []string{"Enterprise", "Strategic", "Major", "Enterprise", "SMC", "Enterprise", "Corporate"}
	add := func(i int) customer {
		c := customer{id: fmt.Sprintf("FB%05d", 20000+i*37), name: n.company(), segment: segs[i%len(segs)]}
		m.customers = append(m.customers, c)
		return c
	}
	i := 0
	for ; i < 130; i++ { // large customers, always above USD 1,000
		c := add(i)
		m.acr = append(m.acr, series{cust: c, base: 1400 + r.Float64()*6000, growth: 0.01, noise: 0.07, from: first, to: last, attr: []string{"PAL", "DPOR", "CSP"}[i%3]}.rows(r)...)
	}
	for ; i < 230; i++ { // small customers, always under USD 1,000
		c := add(i)
		m.acr = append(m.acr, series{cust: c, base: 50 + r.Float64()*550, growth: 0.01, noise: 0.07, from: first, to: last, attr: "CSP"}.rows(r)...)
	}
	for k := 0; k < 2; k++ { // 2 new customers
		c := add(i)
		i++
		m.acr = append(m.acr, series{cust: c, base: 400, growth: 0.6, noise: 0.03, from: month(2023, time.November), to: last, attr: "PAL"}.rows(r)...)
	}
	for k := 0; k < 18; k++ { // left before the baseline
		c := add(i)
		i++
		m.acr = append(m.acr, series{cust: c, base: 300 + r.Float64()*3000, noise: 0.05, from: first, to: month(2022, time.December), attr: "DPOR"}.rows(r)...)
	}
	tuneGrowth(m.acr, asOf, "", m.customers[0].id, 143) // 14.3% for every designation

	dom := "fabrikam.example"
	person := func() string { _, e := n.person(dom); return e }
	add2 := func(name string, count int) {
		for k := 0; k < count; k++ {
			m.certs = append(m.certs, cert{person: person(), name: name, earned: day(2023, time.Month(1+k%12), 12), expires: day(2025, time.Month(1+k%12), 12)})
		}
	}
	add2("AZ-104", 2)
	add2("AZ-305", 2)
	add2("Azure Database Administrator Associate", 2)
	add2("Azure Data Engineer Associate", 3)
	add2("Data Analyst Associate", 2) // Data & AI: 7 scoring -> 28
	add2("Azure Developer Associate", 3)
	add2("Power Platform Developer Associate", 1) // Digital & App intermediate: 4 -> 16
	add2("DevOps Engineer Expert", 2)
	add2("Power Platform Solution Architect Expert", 1) // advanced: 3 -> 12
	add2("Azure Network Engineer Associate", 3)
	add2("Windows Server Hybrid Administrator Associate", 1) // Infrastructure intermediate: 4 -> 16
	add2("Azure Virtual Desktop Specialty", 2)               // advanced: 2 -> 8
	for k := 0; k < 12; k++ {
		m.certs = append(m.certs, cert{person: person(), name: "AZ-900", earned: day(2023, time.Month(1+k), 2)})
	}
	cs := m.customers
	m.deps = []dep{
		{cust: cs[3].id, service: "Azure SQL Database", date: day(2023, 8, 14), attr: "PAL", id: "DEP-1001"},
		{cust: cs[8].id, service: "Azure Cosmos DB", date: day(2024, 2, 2), attr: "DPOR", id: "DEP-1002"},
		{cust: cs[8].id, service: "Azure Cosmos DB", date: day(2024, 2, 2), attr: "DPOR", id: "DEP-1002"}, // same ID
		{cust: cs[12].id, service: "Virtual Machines", date: day(2023, 9, 30), attr: "PAL", id: "DEP-1003"},
		{cust: cs[14].id, service: "Virtual Machines Licenses", date: day(2023, 10, 30), attr: "PAL", id: "DEP-1004"},
		{cust: cs[20].id, service: "Azure Kubernetes Service", date: day(2022, 12, 1), attr: "PAL", id: "DEP-0990"}, // too old
	}
	return m
}

// widePartner: a partner whose ACR comes in the wide layout, with other
// sheet and header names and Partner Center's Trainings download pasted in.
func widePartner() model {
	r := rand.New(rand.NewPCG(5, 6))
	n := newNames(33)
	m := model{file: "adatum-wide-layout.xlsx"}
	m.partner = [][2]any{{"Organization", "Adatum Solutions GmbH"}, {"MPN ID", "6634512"}, {"Scoring path", "auto"},
		{"Solution areas", "Data & AI, Infrastructure"}, {"Report recipients", "geschaeftsfuehrung@adatum.example"}}
	first, last := month(2022, time.June), asOf
	segs := []string{"SMB", "SMB", "SMC", "SMB", "Small", "SMB", "Medium", "SMB", "SMB", "Enterprise"}
	add := func(i int) customer {
		c := customer{id: fmt.Sprintf("%08x-%04x-4a1b-9c2d-%012x", 0x5a000000+i*7919, i*31, 0xada70000+i), name: n.company(), segment: segs[i%len(segs)]}
		m.customers = append(m.customers, c)
		return c
	}
	i := 0
	for ; i < 150; i++ {
		c := add(i)
		base := 30 + r.Float64()*300
		if i%6 == 0 {
			base = 700 + r.Float64()*1800
		}
		area := []string{"", "Data & AI", "Infrastructure", ""}[i%4]
		m.acr = append(m.acr, series{cust: c, base: base, growth: 0.008, noise: 0.06, from: first, to: last, attr: []string{"PAL", "CSP Tier 1", "DPOR"}[i%3], area: area}.rows(r)...)
	}
	for k := 0; k < 3; k++ {
		c := add(i)
		i++
		m.acr = append(m.acr, series{cust: c, base: 200, growth: 0.5, noise: 0.03, from: month(2023, time.December), to: last, attr: "PAL", area: []string{"Data & AI", "Infrastructure", ""}[k]}.rows(r)...)
	}
	dom := "adatum.example"
	for k, name := range []string{"Microsoft Certified: Azure Administrator Associate", "Microsoft Certified: Azure Solutions Architect Expert",
		"Microsoft Certified: Azure Data Engineer Associate", "Microsoft Certified: Azure AI Engineer Associate",
		"Microsoft Certified: Azure Network Engineer Associate", "Microsoft Certified: Azure Virtual Desktop Specialty",
		"Microsoft Certified: Power BI Data Analyst Associate", "Microsoft Azure Fundamentals (AZ-900) course", "Get started with Azure Synapse",
		"Microsoft Certified: Azure Administrator Associate"} {
		_, e := n.person(dom)
		m.certs = append(m.certs, cert{person: e, name: name, earned: day(2023, time.Month(1+k), 5+k), expires: day(2025, time.Month(1+k), 5+k)})
	}
	cs := m.customers
	m.deps = []dep{
		{cust: cs[1].id, service: "Azure Databricks", date: day(2023, 7, 7), attr: "PAL", area: "Data & AI"},
		{cust: cs[2].id, service: "Azure Site Recovery", date: day(2023, 9, 1), attr: "CSP Tier 1", area: "Infrastructure"},
		{cust: cs[6].id, service: "Azure Virtual Desktop", date: day(2024, 1, 12), attr: "PAL", area: "Infrastructure"},
		{cust: cs[9].id, service: "Azure AI Search", date: day(2024, 3, 3), attr: "DPOR", area: "Data & AI"},
	}
	return m
}

// errorPartner: a workbook with mistakes, to show the error report.
func errorPartner() model {
	r := rand.New(rand.NewPCG(7, 8))
	n := newNames(44)
	m := model{file: "northwind-data-errors.xlsx"}
	m.partner = [][2]any{{"Partner name", "Northwind Traders Cloud"}, {"Partner ID", "7745120"}, {"As of", "May 2024"}, {"Path", "SMB"}}
	first, last := month(2022, time.June), asOf
	add := func(i int) customer {
		c := customer{id: fmt.Sprintf("NW-%03d", i+1), name: n.company(), segment: []string{"SMB", "SMC", "Mid-market"}[i%3]}
		m.customers = append(m.customers, c)
		return c
	}
	for i := 0; i < 40; i++ {
		c := add(i)
		m.acr = append(m.acr, series{cust: c, base: 80 + r.Float64()*900, growth: 0.01, noise: 0.05, from: first, to: last, attr: "PAL"}.rows(r)...)
	}
	// A customer with ACR that is missing from the Customers sheet.
	m.acr = append(m.acr, series{cust: customer{id: "NW-999", name: "Unlisted Customer"}, base: 600, from: month(2024, time.March), to: last, attr: "PAL"}.rows(r)...)
	dom := "northwind.example"
	for k, name := range []string{"AZ-104", "Azure Adminstrator Associate", "AZ-305", "DP-203", "DP-100", "PL-300"} {
		_, e := n.person(dom)
		m.certs = append(m.certs, cert{person: e, name: name, earned: day(2023, time.Month(2+k), 10)})
	}
	m.deps = []dep{
		{cust: "NW-001", service: "Azure SQL Database", date: day(2023, 11, 11), attr: "PAL"},
		{cust: "NW-002", service: "Azure Functions", date: day(2024, 2, 2), attr: "PAL"},
	}
	return m
}
