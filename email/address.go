package email

import (
	"fmt"
	"net/mail"
	"strings"
	"unicode"
)

// SplitAddresses splits values such as the --to flag's or the workbook's
// Recipients field into single addresses: each value may hold several,
// separated by commas or semicolons. Separators inside a quoted display name
// ("Doe, Jane" <jane@contoso.com>) are kept. Blank entries are dropped.
func SplitAddresses(values []string) []string {
	var out []string
	for _, v := range values {
		var cur strings.Builder
		quoted, angle := false, false
		flush := func() {
			if s := strings.TrimSpace(cur.String()); s != "" {
				out = append(out, s)
			}
			cur.Reset()
		}
		for i := 0; i < len(v); i++ {
			ch := v[i]
			switch {
			case ch == '\\' && quoted && i+1 < len(v):
				cur.WriteByte(ch)
				i++
				ch = v[i]
			case ch == '"':
				quoted = !quoted
			case ch == '<' && !quoted:
				angle = true
			case ch == '>' && !quoted:
				angle = false
			case (ch == ',' || ch == ';') && !quoted && !angle:
				flush()
				continue
			}
			cur.WriteByte(ch)
		}
		flush()
	}
	return out
}

// parseAddress reads one address ("jane@contoso.com" or "Jane Doe
// <jane@contoso.com>"). Control characters anywhere are refused, so no
// address can break a header.
func parseAddress(s string) (*mail.Address, error) {
	s = strings.TrimSpace(s)
	for _, r := range s {
		if unicode.IsControl(r) || r == '\u2028' || r == '\u2029' {
			return nil, fmt.Errorf("%q is not an e-mail address (it contains a control character)", s)
		}
	}
	a, err := mail.ParseAddress(s)
	if err != nil || strings.ContainsAny(a.Address, " \t") || !strings.Contains(a.Address, "@") || len(a.Address) > 254 {
		return nil, fmt.Errorf("%q is not an e-mail address", s)
	}
	for _, r := range a.Address {
		if r > 0x7e {
			return nil, fmt.Errorf("%q has letters outside ASCII, which pcs cannot send to", s)
		}
	}
	a.Name = truncate(cleanText(a.Name), 64)
	return a, nil
}

// parseAddresses reads a list of addresses, reporting every bad one.
func parseAddresses(values []string) ([]*mail.Address, []string) {
	var good []*mail.Address
	var bad []string
	for _, s := range SplitAddresses(values) {
		a, err := parseAddress(s)
		if err != nil {
			bad = append(bad, err.Error())
			continue
		}
		good = append(good, a)
	}
	return good, bad
}

// dedupe drops addresses already listed (case-insensitively) in seen or
// earlier in list, and adds the rest to seen.
func dedupe(list []*mail.Address, seen map[string]bool) []*mail.Address {
	var out []*mail.Address
	for _, a := range list {
		k := strings.ToLower(a.Address)
		if seen[k] {
			continue
		}
		seen[k] = true
		out = append(out, a)
	}
	return out
}

// addrSpecs returns the bare addresses, in order.
func addrSpecs(list []*mail.Address) []string {
	out := make([]string, len(list))
	for i, a := range list {
		out[i] = a.Address
	}
	return out
}
