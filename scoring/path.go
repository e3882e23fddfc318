package scoring

import (
	"fmt"
	"strings"
)

// decidePath sets the path and the figures behind it (rules.md, "Path").
func (e *engine) decidePath(opt Options) {
	f := &e.res.PathFacts
	f.ShareThreshold = e.rs.Path.SMBSharePercent.Share
	e.pathFigures(f)

	switch {
	case opt.Path != PathAuto:
		f.Forced = "option"
		e.res.Path = opt.Path
		e.res.PathReason = fmt.Sprintf("the %s path was chosen on the command line (--path)", opt.Path.Label())
		return
	case e.in.Partner.Path != PathAuto:
		f.Forced = "workbook"
		e.res.Path = e.in.Partner.Path
		e.res.PathReason = fmt.Sprintf("the Partner sheet sets the path to %s", e.in.Partner.Path.Label())
		return
	}

	ttm := ""
	if f.TTMTested {
		from := "eligible ACR in the trailing 12 months"
		if f.TTMFromWorkbook {
			from = "ACR in the trailing 12 months (from the Partner sheet)"
		}
		if f.TTMACR >= f.TTMThreshold {
			e.res.Path = PathEnterprise
			e.res.PathReason = fmt.Sprintf("%s is %s (%s or more)", capitalize(from), f.TTMACR.Short(), f.TTMThreshold.Plain0())
			return
		}
		ttm = fmt.Sprintf("%s is %s (under %s) and ", capitalize(from), f.TTMACR.Short(), f.TTMThreshold.Plain0())
	}
	if !f.ShareKnown {
		e.res.Path = PathEnterprise
		e.res.PathReason = ttm + "the SMB/SMC share of customers is unknown (no customer with ACR in " + e.m.ShortLabel() + " has a known segment), so the path is Enterprise"
		e.res.Issues = append(e.res.Issues, Issue{Severity: SeverityWarning, Sheet: e.customersSheet(),
			Message: "the share of SMB/SMC customers cannot be computed, so the Enterprise path is used",
			Hint:    "Give each customer a Segment (SMB, SMC, Enterprise, ...) on the Customers sheet, or an \"SMB customer share\" on the Partner sheet, or set the Path."})
		return
	}
	share := fmt.Sprintf("%s of customers are SMB/SMC", f.Share)
	detail := fmt.Sprintf("; %d of %d customers with ACR in %s and a known segment", f.SMBCustomers, f.KnownSegment, e.m.ShortLabel())
	if f.ShareFromWorkbook {
		share = fmt.Sprintf("the Partner sheet gives an SMB/SMC customer share of %s", f.Share)
		detail = ""
	}
	if f.Share >= f.ShareThreshold {
		e.res.Path = PathSMB
		e.res.PathReason = ttm + share + fmt.Sprintf(" (%s or more%s)", f.ShareThreshold, detail)
	} else {
		e.res.Path = PathEnterprise
		e.res.PathReason = ttm + share + fmt.Sprintf(" (under %s%s)", f.ShareThreshold, detail)
	}
	e.res.PathReason = capitalize(e.res.PathReason)
}

// pathFigures computes the TTM ACR and the SMB/SMC share of the customer base,
// over every eligible ACR row whatever its solution area.
func (e *engine) pathFigures(f *PathFacts) {
	if t := e.rs.Path.EnterpriseTTMACR; t != nil {
		f.TTMTested = true
		f.TTMThreshold = t.Cents
	}
	inM := map[string]Cents{}
	for i := range e.in.ACR {
		r := &e.in.ACR[i]
		if !e.acrClassOf(i).eligible {
			continue
		}
		if r.Month >= e.m.Add(-11) && r.Month <= e.m {
			f.TTMACR = AddCents(f.TTMACR, r.Amount)
		}
		if r.Month == e.m {
			k := e.acrKey(i)
			inM[k] = AddCents(inM[k], r.Amount)
		}
	}
	if v := e.in.Partner.TTMACR; v != nil {
		f.TTMACR, f.TTMFromWorkbook = *v, true
	}
	for k, amount := range inM {
		if amount <= 0 {
			continue
		}
		f.BaseCustomers++
		info := e.customers[k]
		if info == nil || info.segment == PathAuto {
			continue
		}
		f.KnownSegment++
		if info.segment == PathSMB {
			f.SMBCustomers++
		}
	}
	if v := e.in.Partner.SMBShare; v != nil {
		f.Share, f.ShareKnown, f.ShareFromWorkbook = *v, true, true
	} else if f.KnownSegment > 0 {
		// Truncating keeps the comparison with the threshold exact: the true
		// share is at least 80% exactly when the truncated one is.
		f.Share = Share(int64(f.SMBCustomers) * int64(100*SharePercent) / int64(f.KnownSegment))
		f.ShareKnown = true
	}
}

func (e *engine) customersSheet() string {
	for _, c := range e.in.Customers {
		return c.Source.Sheet
	}
	return "Customers"
}

func capitalize(s string) string {
	if s == "" {
		return s
	}
	return strings.ToUpper(s[:1]) + s[1:]
}

// pathHeadroom is how much eligible ACR can be added in the trailing twelve
// months before the revenue test moves an SMB partner to the Enterprise
// path; ok is false when no amount can (the path is forced, the edition has
// no revenue test, the TTM ACR comes from the Partner sheet, or the partner
// is on the Enterprise path already). Next steps and routes that ask for
// more ACR say when they would cross it: their points are counted on the
// SMB path.
func (e *engine) pathHeadroom() (room Cents, ok bool) {
	f := &e.res.PathFacts
	if f.Forced != "" || !f.TTMTested || f.TTMFromWorkbook || e.res.Path != PathSMB || f.TTMACR >= f.TTMThreshold {
		return 0, false
	}
	return f.TTMThreshold - f.TTMACR - 1, true
}

// pathWarning is the caveat for a change that adds more ACR than the
// headroom; what says what the Enterprise path changes for it.
func (e *engine) pathWarning(what string) string {
	return fmt.Sprintf("this takes eligible ACR of the trailing 12 months to %s or more, which moves the partner to the Enterprise path, %s",
		e.res.PathFacts.TTMThreshold.Short(), what)
}

// enterpriseOthers is what the Enterprise path changes for a change of ACR
// other than a net add, for pathWarning.
const enterpriseOthers = "where net customer adds and skilling count differently"
