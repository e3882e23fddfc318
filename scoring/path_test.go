package scoring

import (
	"strings"
	"testing"
)

func TestPath(t *testing.T) {
	pct := func(s string) *Share { v, _ := ParsePercent(s); return &v }
	money := func(s string) *Cents { v, _ := ParseCents(s); return &v }
	type cust struct{ id, segment, mayACR string }
	cases := []struct {
		name      string
		edition   string
		opt       Path
		workbook  Path
		ttm       *Cents
		share     *Share
		customers []cust
		extra     func(b *builder)
		want      Path
		reason    string
		warn      string
	}{
		{name: "the command line wins over the workbook", opt: PathSMB, workbook: PathEnterprise, want: PathSMB, reason: "command line"},
		{name: "the workbook's Path wins over the data", workbook: PathSMB,
			customers: []cust{{"a", "Enterprise", "5000"}}, want: PathSMB, reason: "Partner sheet sets the path to SMB"},
		{name: "fy24: TTM ACR of exactly USD 1,000,000.00 is Enterprise",
			customers: []cust{{"a", "SMB", "1000000.00"}}, want: PathEnterprise, reason: "USD 1,000,000 (1,000,000 or more)"},
		{name: "fy24: TTM ACR of USD 999,999.99 falls through to the share",
			customers: []cust{{"a", "SMB", "999999.99"}}, want: PathSMB, reason: "under 1,000,000"},
		{name: "fy24: the workbook's TTM ACR overrides the sum", ttm: money("1000000"),
			customers: []cust{{"a", "SMB", "10"}}, want: PathEnterprise, reason: "from the Partner sheet"},
		{name: "fy26 has no revenue test", edition: "fy26",
			customers: []cust{{"a", "SMB", "2000000"}}, want: PathSMB},
		{name: "exactly 80% SMB/SMC is SMB",
			customers: []cust{{"a", "SMB", "10"}, {"b", "SMC", "10"}, {"c", "small", "10"}, {"d", "Medium", "10"}, {"e", "Enterprise", "10"}},
			want:      PathSMB, reason: "80% of customers are SMB/SMC (80% or more; 4 of 5"},
		{name: "75% SMB/SMC is Enterprise",
			customers: []cust{{"a", "SMB", "10"}, {"b", "SMC", "10"}, {"c", "Corporate", "10"}, {"e", "Strategic", "10"}},
			want:      PathEnterprise, reason: "75% of customers are SMB/SMC (under 80%"},
		{name: "only customers with ACR above 0 in M make the base",
			customers: []cust{{"a", "SMB", "10"}, {"b", "Enterprise", "0"}, {"c", "Enterprise", "-5"}, {"d", "Enterprise", ""}},
			want:      PathSMB, reason: "1 of 1"},
		{name: "customers without a segment are left out of the share",
			customers: []cust{{"a", "SMB", "10"}, {"b", "", "10"}, {"c", "", "10"}}, want: PathSMB, reason: "1 of 1"},
		{name: "no segment known: Enterprise, with a warning",
			customers: []cust{{"a", "", "10"}}, want: PathEnterprise, warn: "share of SMB/SMC customers cannot be computed"},
		{name: "an unknown segment is warned about",
			customers: []cust{{"a", "Mid-market", "10"}, {"b", "SMB", "10"}}, want: PathSMB, warn: `segment "Mid-market" is not known`},
		{name: "the workbook's share of exactly 80% is SMB", share: pct("80"),
			customers: []cust{{"a", "Enterprise", "10"}}, want: PathSMB, reason: "share of 80%"},
		{name: "the workbook's share of 79.999999% is Enterprise", share: pct("79.999999"),
			customers: []cust{{"a", "SMB", "10"}}, want: PathEnterprise},
		{name: "ineligible ACR is left out of the TTM sum",
			extra:     func(b *builder) { b.acrx("a", "2024-01", "2000000", "Referral", "") },
			customers: []cust{{"a", "SMB", "10"}}, want: PathSMB},
		{name: "ACR of a solution area that is no designation still counts for the TTM",
			extra:     func(b *builder) { b.acrx("a", "2024-01", "2000000", "PAL", "Security") },
			customers: []cust{{"a", "SMB", "10"}}, want: PathEnterprise, warn: `solution area "Security" names no designation`},
		{name: "a customer listed again fills in a blank segment",
			customers: []cust{{"A", "", "10"}}, extra: func(b *builder) { b.customer(" a ", "SMB") },
			want: PathSMB, reason: "1 of 1"},
		{name: "a customer listed again with another segment: the first row's, with a warning",
			customers: []cust{{"A", "Enterprise", "10"}}, extra: func(b *builder) { b.customer("a", "SMB") },
			want: PathEnterprise, warn: `customer "a" is listed again with the segment "SMB"; the segment "Enterprise" of row 2 was used`},
		{name: "ACR before the TTM is left out", extra: func(b *builder) { b.acr("a", "2023-05", "2000000") },
			customers: []cust{{"a", "SMB", "10"}}, want: PathSMB},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			b := newInput(t, "2024-05").path(tc.workbook)
			b.in.Partner.TTMACR, b.in.Partner.SMBShare = tc.ttm, tc.share
			for _, c := range tc.customers {
				b.customer(c.id, c.segment)
				if c.mayACR != "" {
					b.acr(c.id, "2024-05", c.mayACR)
				}
			}
			if tc.extra != nil {
				tc.extra(b)
			}
			ed := tc.edition
			if ed == "" {
				ed = "fy24"
			}
			r := score(t, b, ed, Options{Path: tc.opt})
			if r.Path != tc.want {
				t.Errorf("path %s, want %s (%s)", r.Path, tc.want, r.PathReason)
			}
			if !strings.Contains(r.PathReason, tc.reason) {
				t.Errorf("reason %q lacks %q", r.PathReason, tc.reason)
			}
			if tc.warn != "" {
				found := false
				for _, is := range r.Issues {
					found = found || strings.Contains(is.Message, tc.warn)
				}
				if !found {
					t.Errorf("no warning %q in %v", tc.warn, r.Issues)
				}
			}
			for _, d := range r.Designations {
				if d.Path != r.Path {
					t.Errorf("%s on path %s, not %s", d.ID, d.Path, r.Path)
				}
			}
		})
	}
}

func TestPathReasonReadsWell(t *testing.T) {
	b := newInput(t, "2024-05")
	for i, seg := range []string{"SMB", "SMB", "SMB", "SMB", "SMB", "SMB", "Enterprise"} {
		id := string(rune('a' + i))
		b.customer(id, seg).acr(id, "2024-05", "1000").acr(id, "2023-07", "43314.29")
	}
	r := score(t, b, "fy24", Options{})
	want := "Eligible ACR in the trailing 12 months is USD 310,200.03 (under 1,000,000) and 85.7% of customers are SMB/SMC (80% or more; 6 of 7 customers with ACR in May 2024 and a known segment)"
	if r.PathReason != want {
		t.Errorf("reason\n got %q\nwant %q", r.PathReason, want)
	}
}
