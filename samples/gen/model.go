package main

import (
	"math/rand/v2"
	"time"
)

// model is a partner's data before it is written out in some workbook style.
type model struct {
	file      string
	partner   [][2]any // field, value
	customers []customer
	acr       []acr
	certs     []cert
	deps      []dep
}

type customer struct{ id, name, segment string }

type acr struct {
	cust, name string
	month      time.Time // first day of the month
	cents      int64
	attr, area string
}

type cert struct {
	person, name    string
	earned, expires time.Time // zero: blank
	associated      string
}

type dep struct {
	cust, service string
	date          time.Time
	area, attr    string
	id            string
}

func month(y int, m time.Month) time.Time { return time.Date(y, m, 1, 0, 0, 0, 0, time.UTC) }

func day(y int, m time.Month, d int) time.Time { return time.Date(y, m, d, 0, 0, 0, 0, time.UTC) }

// months returns n consecutive months ending with last.
func months(last time.Time, n int) []time.Time {
	out := make([]time.Time, n)
	for i := range out {
		out[i] = last.AddDate(0, i-n+1, 0)
	}
	return out
}

// names makes believable, distinct company names.
type names struct {
	r    *rand.Rand
	used map[string]bool
}

var (
	firstWords = []string{"Blue Harbor", "Aldermoor", "Northgate", "Silverline", "Redwood", "Copperfield", "Brightwater", "Oakridge",
		"Summit", "Meridian", "Harborview", "Stonebridge", "Lakeside", "Westbrook", "Evergreen", "Granite", "Clearview", "Riverside",
		"Ironwood", "Maple Leaf", "Highland", "Pinecrest", "Bayside", "Cedar Point", "Fairview", "Kingsley", "Larkspur", "Moorland",
		"Beacon", "Crescent", "Driftwood", "Falcon", "Glenmore", "Hawthorne", "Juniper", "Kestrel", "Linden", "Marigold", "Nordic",
		"Orchard", "Pioneer", "Quarry", "Rosewood", "Saffron", "Thornbury", "Upland", "Valley", "Willow", "Yardley", "Zephyr",
		"Ashford", "Birchwood", "Coastal", "Dunmore", "Elmstead", "Foxglove", "Greystone", "Holloway", "Inverness", "Jasper"}
	secondWords = []string{"Logistics", "Dental Group", "Accounting", "Builders", "Veterinary", "Legal LLP", "Engineering", "Bakery",
		"Hotels", "Clinics", "Freight", "Architects", "Insurance", "Pharmacy", "Retail", "Foods", "Motors", "Consulting", "Media",
		"Outdoor", "Textiles", "Energy", "Farms", "Labs", "Travel", "Fitness", "Printing", "Plumbing", "Realty", "Optics"}
	suffixes = []string{"Ltd", "Inc.", "GmbH", "LLC", "S.A.", "Pty Ltd", "B.V.", "AB", "Oy", "Co."}
	people   = []string{"Ana", "Ben", "Chloé", "David", "Elif", "Farid", "Grace", "Hiro", "Ines", "Jonas", "Kavya", "Liam", "Maja",
		"Noah", "Olga", "Pedro", "Quinn", "Rosa", "Sven", "Tariq", "Uma", "Victor", "Wen", "Ximena", "Yusuf", "Zoë"}
	surnames = []string{"Adams", "Berg", "Costa", "Dubois", "Eriksen", "Fischer", "García", "Hansen", "Ito", "Jensen", "Kowalski",
		"Larsen", "Müller", "Novak", "Okafor", "Petrov", "Quist", "Rossi", "Schmidt", "Tanaka", "Urban", "Vidal", "Weber", "Xu", "Young", "Zimmer"}
)

func newNames(seed uint64) *names {
	return &names{r: rand.New(rand.NewPCG(seed, seed*7+1)), used: map[string]bool{}}
}

func (n *names) company() string {
	for {
		s := firstWords[n.r.IntN(len(firstWords))] + " " + secondWords[n.r.IntN(len(secondWords))] + " " + suffixes[n.r.IntN(len(suffixes))]
		if !n.used[s] {
			n.used[s] = true
			return s
		}
	}
}

func (n *names) person(domain string) (name, email string) {
	for {
		f, s := people[n.r.IntN(len(people))], surnames[n.r.IntN(len(surnames))]
		name = f + " " + s
		if !n.used[name] {
			n.used[name] = true
			return name, asciiLower(f) + "." + asciiLower(s) + "@" + domain
		}
	}
}

func asciiLower(s string) string {
	repl := map[rune]string{'é': "e", 'ë': "e", 'ü': "u", 'í': "i", 'ó': "o", 'á': "a"}
	out := ""
	for _, r := range s {
		switch {
		case r >= 'A' && r <= 'Z':
			out += string(r + 32)
		case repl[r] != "":
			out += repl[r]
		case r < 128:
			out += string(r)
		}
	}
	return out
}
