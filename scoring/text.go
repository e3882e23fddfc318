package scoring

import (
	"fmt"
	"strings"
)

// nameLimit is how many names an explanation lists before "and N more".
const nameLimit = 8

// listNames joins names as "A, B and C", listing at most limit of them and
// ending with "and N more" beyond that.
func listNames(names []string, limit int) string {
	if len(names) == 0 {
		return ""
	}
	if len(names) > limit {
		return strings.Join(names[:limit], ", ") + fmt.Sprintf(" and %d more", len(names)-limit)
	}
	if len(names) == 1 {
		return names[0]
	}
	return strings.Join(names[:len(names)-1], ", ") + " and " + names[len(names)-1]
}

// count writes "1 customer" or "3 customers".
func count(n int, singular, plural string) string {
	if n == 1 || n == -1 {
		return fmt.Sprintf("%d %s", n, singular)
	}
	return fmt.Sprintf("%d %s", n, plural)
}

// points writes "1 point" or "10 points".
func points(n int) string { return count(n, "point", "points") }

// monthPair writes two consecutive months, "Apr and May 2024" or "Dec 2023 and Jan 2024".
func monthPair(a, b Month) string {
	if a.Year() == b.Year() {
		return a.Mon().String()[:3] + " and " + b.ShortLabel()
	}
	return a.ShortLabel() + " and " + b.ShortLabel()
}

// monthRange writes "Jun 2023 to May 2024".
func monthRange(a, b Month) string { return a.ShortLabel() + " to " + b.ShortLabel() }

// explain sets a metric's explanation from its sentences.
func (r *MetricResult) explain(sentences ...string) {
	r.Sentences = sentences
	r.Explanation = strings.Join(sentences, " ")
}
