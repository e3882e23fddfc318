package scoring

import (
	"strings"
	"testing"
)

func TestParseCents(t *testing.T) {
	cases := []struct {
		in   string
		want Cents
		err  bool
	}{
		{"500", 50000, false}, {"500.00", 50000, false}, {"499.99", 49999, false},
		{"0.005", 1, false}, {"0.00499", 0, false}, {"-0.005", -1, false}, {"-0.004", 0, false},
		{"1234.505", 123451, false}, {"1234.4999999999998", 123450, false},
		{"1.2e3", 120000, false}, {"1.5E-2", 2, false}, {"+7", 700, false}, {".5", 50, false}, {"5.", 500, false},
		{"10000000000", 1_000_000_000_000, false}, {"10000000000.01", 0, true}, {"1e40", 0, true},
		{"", 0, true}, {"-", 0, true}, {".", 0, true}, {"1,000", 0, true}, {"$5", 0, true}, {"1e", 0, true}, {"NaN", 0, true}, {"1..2", 0, true},
	}
	for _, tc := range cases {
		got, err := ParseCents(tc.in)
		if (err != nil) != tc.err || (!tc.err && got != tc.want) {
			t.Errorf("ParseCents(%q) = %d, %v; want %d, err %v", tc.in, got, err, tc.want, tc.err)
		}
	}
}

func TestParsePercentAndFraction(t *testing.T) {
	for in, want := range map[string]Share{"80": 80 * SharePercent, "79.9999999": 79_999_999, "100": 100 * SharePercent} {
		if got, err := ParsePercent(in); err != nil || got != want {
			t.Errorf("ParsePercent(%q) = %d, %v", in, got, err)
		}
	}
	for in, want := range map[string]Share{"0.8": 80 * SharePercent, "0.86": 86 * SharePercent, "1": 100 * SharePercent, "0.799999999999": 79_999_999} {
		if got, err := ParseFraction(in); err != nil || got != want {
			t.Errorf("ParseFraction(%q) = %d, %v", in, got, err)
		}
	}
}

func TestCentsFormat(t *testing.T) {
	for c, want := range map[Cents]string{0: "USD 0.00", 5: "USD 0.05", 123456: "USD 1,234.56", -100000000: "USD -1,000,000.00", 99999999999: "USD 999,999,999.99"} {
		if got := c.String(); got != want {
			t.Errorf("%d -> %q, want %q", c, got, want)
		}
	}
	for c, want := range map[Cents]string{124000: "USD 1,240", 124001: "USD 1,240.01", -50000: "USD -500"} {
		if got := c.Short(); got != want {
			t.Errorf("Short %d -> %q, want %q", c, got, want)
		}
	}
	if got := Cents(123401).CeilDollars(); got != 123500 {
		t.Errorf("ceil %d", got)
	}
	if got := AddCents(1<<62, 1<<62); got != 1<<63-1 {
		t.Errorf("saturating add %d", got)
	}
}

func FuzzParseCents(f *testing.F) {
	for _, s := range []string{"500", "499.99", "1234.4999999999998", "1.2e3", "-0.005", "", "1e40", ".5"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		c, err := ParseCents(s)
		if err != nil {
			return
		}
		if c > MaxAmount || c < -MaxAmount {
			t.Fatalf("%q -> %d out of range", s, c)
		}
		back, err := ParseCents(strings.ReplaceAll(c.Plain(), ",", ""))
		if err != nil || back != c {
			t.Fatalf("%q -> %d -> %q -> %d, %v", s, c, c.Plain(), back, err)
		}
	})
}

func TestMonthAndDate(t *testing.T) {
	m := mo(t, "2024-02")
	if m.LastDay().String() != "2024-02-29" || m.FirstDay().String() != "2024-02-01" || m.Add(-13).String() != "2023-01" {
		t.Errorf("%s %s %s", m.LastDay(), m.FirstDay(), m.Add(-13))
	}
	if m.Label() != "February 2024" || m.ShortLabel() != "Feb 2024" {
		t.Errorf("%s %s", m.Label(), m.ShortLabel())
	}
	if _, err := parseISODate("2024-02-30"); err == nil {
		t.Error("2024-02-30 accepted")
	}
}
