package scoring

import (
	"errors"
	"strconv"
	"strings"
)

// Cents is an amount of US dollars in whole cents.
type Cents int64

// USD returns whole dollars as Cents.
func USD(dollars int64) Cents { return Cents(dollars * 100) }

// MaxAmount bounds a single amount (USD 10 billion), far above any customer's
// monthly revenue, so that sums of a sheet's rows cannot overflow.
const MaxAmount = Cents(1_000_000_000_000)

// AddCents adds two amounts, saturating instead of overflowing.
func AddCents(a, b Cents) Cents {
	s := a + b
	if (a > 0 && b > 0 && s < 0) || (a < 0 && b < 0 && s >= 0) {
		if a > 0 {
			return Cents(1<<63 - 1)
		}
		return Cents(-1 << 63)
	}
	return s
}

// ErrAmountSyntax is returned by ParseCents for text that is not a plain decimal number.
var ErrAmountSyntax = errors.New("not a number")

// ErrAmountRange is returned by ParseCents for numbers too large to be an amount.
var ErrAmountRange = errors.New("number too large")

// ParseCents converts a plain decimal number ("1234.5", "-0.125", "1.2e3") to
// whole cents, rounding half away from zero. It accepts no currency signs or
// thousands separators; the reader strips those first.
func ParseCents(s string) (Cents, error) {
	v, err := parseScaled(s, 2, true)
	if err == nil && (v > int64(MaxAmount) || v < -int64(MaxAmount)) {
		err = ErrAmountRange
	}
	return Cents(v), err
}

// ParsePercent converts a plain decimal percentage ("86", "79.99") to a Share,
// truncating below a millionth of a percent point.
func ParsePercent(s string) (Share, error) {
	v, err := parseScaled(s, 6, false)
	return Share(v), err
}

// ParseFraction converts a plain decimal fraction ("0.86" for 86%) to a Share,
// truncating below a millionth of a percent point.
func ParseFraction(s string) (Share, error) {
	v, err := parseScaled(s, 8, false)
	return Share(v), err
}

// parseScaled reads a plain decimal number and returns it multiplied by
// 10^scale, rounded half away from zero when round is set, else truncated
// towards zero. It is exact: no floating point is involved.
func parseScaled(s string, scale int, round bool) (int64, error) {
	neg := false
	if s != "" && (s[0] == '-' || s[0] == '+') {
		neg = s[0] == '-'
		s = s[1:]
	}
	mant, exp := s, 0
	if i := strings.IndexAny(s, "eE"); i >= 0 {
		e, err := strconv.Atoi(s[i+1:])
		if err != nil || e > 40 || e < -40 {
			return 0, ErrAmountSyntax
		}
		mant, exp = s[:i], e
	}
	intPart, frac := mant, ""
	if i := strings.IndexByte(mant, '.'); i >= 0 {
		intPart, frac = mant[:i], mant[i+1:]
	}
	if intPart == "" && frac == "" {
		return 0, ErrAmountSyntax
	}
	digits := intPart + frac
	for i := 0; i < len(digits); i++ {
		if digits[i] < '0' || digits[i] > '9' {
			return 0, ErrAmountSyntax
		}
	}
	// The number is digits × 10^(exp-len(frac)); we want it × 10^scale.
	shift := exp - len(frac) + scale
	digits = strings.TrimLeft(digits, "0")
	var whole, rest string
	switch {
	case shift >= 0:
		if digits != "" {
			whole = digits + strings.Repeat("0", shift)
		}
	case -shift >= len(digits):
		rest = strings.Repeat("0", -shift-len(digits)) + digits
	default:
		whole, rest = digits[:len(digits)+shift], digits[len(digits)+shift:]
	}
	if len(whole) > 18 {
		return 0, ErrAmountRange
	}
	var v int64
	for i := 0; i < len(whole); i++ {
		v = v*10 + int64(whole[i]-'0')
	}
	if round && rest != "" && rest[0] >= '5' {
		v++
	}
	if neg {
		v = -v
	}
	return v, nil
}

// String formats the amount as "USD 1,234.50".
func (c Cents) String() string { return "USD " + c.Plain() }

// Plain formats the amount as "1,234.50" (with a leading minus when negative).
func (c Cents) Plain() string {
	neg := c < 0
	u := uint64(c)
	if neg {
		u = uint64(-c)
	}
	s := groupThousands(strconv.FormatUint(u/100, 10)) + "." + twoDigits(u%100)
	if neg {
		return "-" + s
	}
	return s
}

// Short formats the amount in whole dollars when it has no cents ("USD 1,240"),
// else like String.
func (c Cents) Short() string {
	if c%100 != 0 {
		return c.String()
	}
	d := int64(c / 100)
	if d < 0 {
		return "USD -" + groupThousands(strconv.FormatInt(-d, 10))
	}
	return "USD " + groupThousands(strconv.FormatInt(d, 10))
}

// CeilDollars rounds the amount up to whole dollars (towards +infinity).
func (c Cents) CeilDollars() Cents {
	if r := c % 100; r > 0 {
		return c + 100 - r
	} else if r < 0 {
		return c - r
	}
	return c
}

func twoDigits(n uint64) string {
	if n < 10 {
		return "0" + strconv.FormatUint(n, 10)
	}
	return strconv.FormatUint(n, 10)
}

func groupThousands(s string) string {
	if len(s) <= 3 {
		return s
	}
	var b strings.Builder
	lead := len(s) % 3
	if lead > 0 {
		b.WriteString(s[:lead])
	}
	for i := lead; i < len(s); i += 3 {
		if b.Len() > 0 {
			b.WriteByte(',')
		}
		b.WriteString(s[i : i+3])
	}
	return b.String()
}

// Plain0 formats the amount in whole dollars without a currency, "1,000,000",
// keeping cents when there are any.
func (c Cents) Plain0() string {
	return strings.TrimPrefix(c.Short(), "USD ")
}
