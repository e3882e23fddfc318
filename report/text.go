package report

import (
	"fmt"
	"io"
	"strings"

	"github.com/pcs-tools/pcs/scoring"
)

// WriteSummary prints the short summary a person reads in ten seconds: the
// path and why, each designation's points, attained or not, and the biggest gap.
func WriteSummary(w io.Writer, source string, r *scoring.Result, outputs []string) error {
	p := &errWriter{w: w}
	who := r.Partner.Name
	if r.Partner.ID != "" {
		who += " (" + r.Partner.ID + ")"
	}
	p.f("%s: %s, as of %s, %s path (%s rules)\n", source, who, r.AsOf.Label(), r.Path.Label(), r.Edition)
	p.f("  Path: %s.\n", strings.TrimSuffix(r.PathReason, "."))
	width := 0
	for _, d := range r.Designations {
		width = max(width, len([]rune(d.ShortName)))
	}
	for _, d := range r.Designations {
		pad := strings.Repeat(" ", width-len([]rune(d.ShortName)))
		if d.Attained {
			p.f("  %s%s  %3d/%d  attained\n", d.ShortName, pad, d.Points, d.Max)
			continue
		}
		p.f("  %s%s  %3d/%d  not attained: %s\n", d.ShortName, pad, d.Points, d.Max, Shortfall(d))
	}
	if len(outputs) > 0 {
		p.f("  Written: %s\n", strings.Join(outputs, ", "))
	}
	return p.err
}

// Shortfall says in one sentence why a designation is not attained and what
// is missing most: "12 points short; biggest gap: Net customer adds 0 of 30".
func Shortfall(d scoring.DesignationResult) string {
	var zero []string
	for _, m := range d.Metrics {
		if m.Points < 1 {
			zero = append(zero, strings.ToLower(scoring.MetricLabel(m.ID)))
		}
	}
	var parts []string
	if gap := d.Gap(); gap > 0 {
		parts = append(parts, fmt.Sprintf("%d points short", gap))
	}
	if len(zero) > 0 {
		parts = append(parts, "no point yet in "+scoring.JoinAnd(zero))
	}
	if m := BiggestGap(d); m != nil {
		parts = append(parts, fmt.Sprintf("biggest gap: %s %d of %d", scoring.MetricLabel(m.ID), m.Points, m.Max))
	}
	return strings.Join(parts, "; ")
}

// BiggestGap returns the metric furthest from its maximum (the first on ties).
func BiggestGap(d scoring.DesignationResult) *scoring.MetricResult {
	var best *scoring.MetricResult
	for i := range d.Metrics {
		m := &d.Metrics[i]
		if best == nil || m.Max-m.Points > best.Max-best.Points {
			best = m
		}
	}
	return best
}
