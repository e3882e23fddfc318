package reader

import (
	"testing"

	"github.com/pcs-tools/pcs/scoring"
)

func TestCleanAmount(t *testing.T) {
	tests := []struct {
		in   string
		want string // "" when refused
	}{
		{"1234.50", "1234.50"},
		{"1,234.50", "1234.50"},
		{"$1,234.50", "1234.50"},
		{"USD 1234.5", "1234.5"},
		{"usd1234.5", "1234.5"},
		{"1234.5 USD", "1234.5"},
		{"US$ 12", "12"},
		{"(120.00)", "-120.00"},
		{"($120.00)", "-120.00"},
		{"$(120.00)", "-120.00"},
		{"-$5", "-5"},
		{"$-5", "-5"},
		{"+5", "5"},
		{"\u2212 5", "-5"},
		{"1\u00a0234.50", "1234.50"},
		{"\u00a0$\u202f1,234\u00a0", "1234"},
		{" 7 ", "7"},
		{".5", ".5"},
		{"5.", "5."},
		{"1,234,567.89", "1234567.89"},
		{"1 234 567.89", "1234567.89"},
		{"( 120.00 )", "-120.00"},
		{"- 5", "-5"},
		{"12 34", ""},
		{"1 2", ""},
		{"1,234 567", ""},
		{"1  234", ""},
		{"n/a", ""},
		{"", ""},
		{"-", ""},
		{"$", ""},
		{"()", ""},
		{"1,23", ""},
		{"12,34.5", ""},
		{"1.234,50", ""},
		{",123", ""},
		{"1,,234", ""},
		{"€1,200", ""},
		{"1.2.3", ""},
		{"--5", ""},
		{"-(5)", ""},
		{"1e3", ""},
		{"twelve", ""},
		{"(5", ""},
	}
	for _, tt := range tests {
		got, ok := cleanAmount(tt.in)
		if ok != (tt.want != "") || got != tt.want {
			t.Errorf("cleanAmount(%q) = %q, %v; want %q", tt.in, got, ok, tt.want)
		}
	}
}

func TestExcelDecimal(t *testing.T) {
	tests := []struct{ in, want, cents string }{
		{"1.0049999999999999", "1.005", "1.01"},
		{"0.1", "0.1", "0.10"},
		{"1234.5", "1234.5", "1,234.50"},
		{"-2.0049999999999999", "-2.005", "-2.01"},
		{"2.675", "2.675", "2.68"},
		{"1E-3", "0.001", "0.00"},
		{"1.5E+3", "1500", "1,500.00"},
		{"123456789012345678", "123456789012346000", ""},
		{"12345678.905", "12345678.905", "12,345,678.91"},
		{"0.30000000000000004", "0.3", "0.30"},
		{"100", "100", "100.00"},
	}
	for _, tt := range tests {
		got := excelDecimal([]byte(tt.in))
		if got != tt.want {
			t.Errorf("excelDecimal(%q) = %q, want %q", tt.in, got, tt.want)
			continue
		}
		if tt.cents == "" {
			continue
		}
		c, err := scoring.ParseCents(got)
		if err != nil || c.Plain() != tt.cents {
			t.Errorf("ParseCents(%q) = %v, %v; want %s", got, c.Plain(), err, tt.cents)
		}
	}
}

func TestNumberText(t *testing.T) {
	for in, want := range map[string]string{"4412345": "4412345", "12.50": "12.5", "1E+3": "1000", "-0": "0", "3.0": "3"} {
		if got := numberText([]byte(in)); got != want {
			t.Errorf("numberText(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestParseTextDate(t *testing.T) {
	tests := []struct {
		in      string
		form    dateForm
		y, m, d int
		a, b    int
	}{
		{"2024-05", formFixed, 2024, 5, 0, 0, 0},
		{"2024-5", formFixed, 2024, 5, 0, 0, 0},
		{"2024/05", formFixed, 2024, 5, 0, 0, 0},
		{"2024-05-31", formFixed, 2024, 5, 31, 0, 0},
		{"2024-05-31T00:00:00Z", formFixed, 2024, 5, 31, 0, 0},
		{"2024-05-31 12:30:00.000", formFixed, 2024, 5, 31, 0, 0},
		{"May 2024", formFixed, 2024, 5, 0, 0, 0},
		{"may 2024", formFixed, 2024, 5, 0, 0, 0},
		{"September 2024", formFixed, 2024, 9, 0, 0, 0},
		{"Sept 2024", formFixed, 2024, 9, 0, 0, 0},
		{"Sep-2024", formFixed, 2024, 9, 0, 0, 0},
		{"May-24", formFixed, 2024, 5, 0, 0, 0},
		{"Jan-24", formFixed, 2024, 1, 0, 0, 0},
		{"Jan-99", formFixed, 1999, 1, 0, 0, 0},
		{"2024 May", formFixed, 2024, 5, 0, 0, 0},
		{"05/2024", formFixed, 2024, 5, 0, 0, 0},
		{"5.2024", formFixed, 2024, 5, 0, 0, 0},
		{"31 May 2024", formFixed, 2024, 5, 31, 0, 0},
		{"31-May-24", formFixed, 2024, 5, 31, 0, 0},
		{"May 31, 2024", formFixed, 2024, 5, 31, 0, 0},
		{"Friday, May 31, 2024", formFixed, 2024, 5, 31, 0, 0},
		{"2024-May-31", formFixed, 2024, 5, 31, 0, 0},
		{"03/04/2024", formAB, 2024, 0, 0, 3, 4},
		{"25.04.2024", formAB, 2024, 0, 0, 25, 4},
		{"4/25/24", formAB, 2024, 0, 0, 4, 25},
		{"31/05/2024 00:00", formAB, 2024, 0, 0, 31, 5},
		{"03/04-2024", formNone, 0, 0, 0, 0, 0},
		{"2024", formNone, 0, 0, 0, 0, 0},
		{"Mayo 2024", formNone, 0, 0, 0, 0, 0},
		{"n/a", formNone, 0, 0, 0, 0, 0},
		{"", formNone, 0, 0, 0, 0, 0},
		{"2024-05-31-01", formNone, 0, 0, 0, 0, 0},
		{"20240531", formNone, 0, 0, 0, 0, 0},
		{"Q2 2024", formNone, 0, 0, 0, 0, 0},
		{"May", formNone, 0, 0, 0, 0, 0},
	}
	for _, tt := range tests {
		got := parseTextDate(tt.in)
		want := textDate{form: tt.form, y: tt.y, m: tt.m, d: tt.d, a: tt.a, b: tt.b}
		if got != want {
			t.Errorf("parseTextDate(%q) = %+v, want %+v", tt.in, got, want)
		}
	}
}

func TestSettles(t *testing.T) {
	tests := []struct {
		a, b            int
		dmy, known, amb bool
	}{
		{25, 4, true, true, false},
		{4, 25, false, true, false},
		{3, 4, false, false, true},
		{5, 5, false, false, false},
		{31, 31, false, false, false},
	}
	for _, tt := range tests {
		td := textDate{form: formAB, a: tt.a, b: tt.b, y: 2024}
		dmy, known := td.settles()
		if dmy != tt.dmy || known != tt.known || td.ambiguous() != tt.amb {
			t.Errorf("%d/%d: settles %v %v ambiguous %v", tt.a, tt.b, dmy, known, td.ambiguous())
		}
	}
}

func TestSerialDate(t *testing.T) {
	tests := []struct {
		serial int64
		d1904  bool
		want   string // "" when refused
	}{
		{45444, false, "2024-06-01"},
		{45443, false, "2024-05-31"},
		{1, false, "1900-01-01"},
		{59, false, "1900-02-28"},
		{60, false, ""},
		{61, false, "1900-03-01"},
		{0, false, ""},
		{-1, false, ""},
		{2958465, false, "9999-12-31"},
		{2958466, false, ""},
		{0, true, "1904-01-01"},
		{43981, true, "2024-05-31"},
		{-1, true, ""},
	}
	for _, tt := range tests {
		d, ok := serialDate(tt.serial, tt.d1904)
		got := ""
		if ok {
			got = d.String()
		}
		if got != tt.want {
			t.Errorf("serialDate(%d, %v) = %q, want %q", tt.serial, tt.d1904, got, tt.want)
		}
	}
}

func TestClassifyFormat(t *testing.T) {
	tests := []struct {
		code string
		want numKind
	}{
		{"yyyy-mm-dd", numDate},
		{"mmm yyyy", numDate},
		{"[$-409]mmm\\-yy;@", numDate},
		{"d/m/yyyy h:mm", numDate},
		{"DD.MM.YYYY", numDate},
		{"0%", numPercent},
		{"0.00%", numPercent},
		{"#,##0.00", numPlain},
		{`#,##0 "days"`, numPlain},
		{`0.00 "mm"`, numPlain},
		{"[Red]#,##0", numPlain},
		{`\d0`, numPlain},
		{"_(* #,##0.00_);_(* (#,##0.00);_(* \"-\"??_);_(@_)", numPlain},
		{"General", numPlain},
		{"0.00E+00", numPlain},
		{`"%"0`, numPlain},
		{"", numPlain},
	}
	for _, tt := range tests {
		if got := classifyFormat(tt.code); got != tt.want {
			t.Errorf("classifyFormat(%q) = %d, want %d", tt.code, got, tt.want)
		}
	}
	for id, want := range map[int]numKind{0: numPlain, 9: numPercent, 10: numPercent, 14: numDate, 22: numDate, 23: numPlain,
		27: numDate, 36: numDate, 37: numPlain, 45: numDate, 47: numDate, 49: numPlain, 50: numDate, 58: numDate, 59: numPlain} {
		if got := builtinKind(id); got != want {
			t.Errorf("builtinKind(%d) = %d, want %d", id, got, want)
		}
	}
}

func TestHeaderKeys(t *testing.T) {
	tests := []struct {
		header string
		names  []string
		want   int
	}{
		{"ACR (USD)", acrFields[acrAmount].names, 0},
		{"acr_usd", acrFields[acrAmount].names, 0},
		{"ACR USD", acrFields[acrAmount].names, 0},
		{"Amount USD", acrFields[acrAmount].names, 3},
		{"Amount [USD]", acrFields[acrAmount].names, 3},
		{" AZURE CONSUMED REVENUE ", acrFields[acrAmount].names, 2},
		{"customer_id", acrFields[acrCustomer].names, 0},
		{"Customer #", acrFields[acrCustomer].names, 1},
		{"TrainingTitle", certFields[1].names, 4},
		{"Customer name", acrFields[acrCustomer].names, -1},
		{"", acrFields[acrCustomer].names, -1},
		{"USD", acrFields[acrAmount].names, -1},
	}
	for _, tt := range tests {
		if got := matchName(tt.header, tt.names); got != tt.want {
			t.Errorf("matchName(%q) = %d, want %d", tt.header, got, tt.want)
		}
	}
	for name, want := range map[string]Role{"Partner": RolePartner, "partner profile": RolePartner, "CUSTOMER LIST": RoleCustomers,
		"Azure consumed revenue": RoleACR, "ACR (USD)": RoleACR, "Certified individuals": RoleCertifications, "azure_deployments": RoleDeployments} {
		if got, _, ok := roleOf(name); !ok || got != want {
			t.Errorf("roleOf(%q) = %q, %v; want %q", name, got, ok, want)
		}
	}
	if _, _, ok := roleOf("Notes"); ok {
		t.Error("roleOf(Notes) found a role")
	}
}

func TestColumnOf(t *testing.T) {
	for ref, want := range map[string]int{"A1": 1, "Z9": 26, "AA10": 27, "ab12": 28, "XFD1048576": 16384, "B": 2} {
		if got, ok := columnOf([]byte(ref)); !ok || got != want {
			t.Errorf("columnOf(%q) = %d, %v; want %d", ref, got, ok, want)
		}
	}
	for _, ref := range []string{"", "1", "XFE1", "A1A", "A-1", "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA1"} {
		if _, ok := columnOf([]byte(ref)); ok {
			t.Errorf("columnOf(%q) accepted", ref)
		}
	}
	for col, want := range map[int]string{1: "A", 26: "Z", 27: "AA", 28: "AB", 702: "ZZ", 703: "AAA", 16384: "XFD"} {
		if got := columnName(col); got != want {
			t.Errorf("columnName(%d) = %q, want %q", col, got, want)
		}
	}
}

func TestAppendUnescaped(t *testing.T) {
	for in, want := range map[string]string{
		"Customer_x0020_ID": "Customer ID",
		"_x005F_x0041_":     "_x0041_",
		"a_x000D_b":         "a\rb",
		"_xD800_x":          "x",
		"_x00zz_":           "_x00zz_",
		"_x0041":            "_x0041",
		"plain":             "plain",
	} {
		if got := string(appendUnescaped(nil, []byte(in))); got != want {
			t.Errorf("appendUnescaped(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestCompactDate(t *testing.T) {
	tests := []struct {
		n       int64
		y, m, d int
		ok      bool
	}{
		{202405, 2024, 5, 0, true},
		{200001, 2000, 1, 0, true},
		{210012, 2100, 12, 0, true},
		{202413, 0, 0, 0, false},
		{202400, 0, 0, 0, false},
		{20240531, 2024, 5, 31, true},
		{20240230, 0, 0, 0, false},
		{45444, 0, 0, 0, false},
		{199912, 0, 0, 0, false},
	}
	for _, tt := range tests {
		y, m, d, ok := compactDate(tt.n)
		if ok != tt.ok || ok && (y != tt.y || m != tt.m || d != tt.d) {
			t.Errorf("compactDate(%d) = %d %d %d %v", tt.n, y, m, d, ok)
		}
	}
}
