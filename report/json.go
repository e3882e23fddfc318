package report

import (
	"bytes"
	"encoding/json"
	"strconv"

	"github.com/pcs-tools/pcs/scoring"
)

// Schema is the version of the JSON result; it only ever gains fields.
const Schema = "pcs/v1"

// JSON is one workbook's result in the pcs/v1 schema of cli.md.
type JSON struct {
	Schema       string            `json:"schema"`
	Source       string            `json:"source"`
	OK           bool              `json:"ok"`
	Partner      *JSONPartner      `json:"partner,omitempty"`
	AsOf         string            `json:"as_of,omitempty"`
	Rules        string            `json:"rules,omitempty"`
	Path         string            `json:"path,omitempty"`
	PathReason   string            `json:"path_reason,omitempty"`
	Designations []JSONDesignation `json:"designations,omitempty"`
	Issues       []scoring.Issue   `json:"issues"`
	// SkippedRows counts rows left out because of errors (--allow-errors).
	SkippedRows int          `json:"skipped_rows,omitempty"`
	Outputs     *JSONOutputs `json:"outputs,omitempty"`
	// Email says what happened to the e-mailed scorecard (--email): a receipt
	// of the message sent, written (--dry-run) or found already sent.
	Email any `json:"email,omitempty"`
}

// JSONPartner names the partner.
type JSONPartner struct {
	Name string `json:"name"`
	ID   string `json:"id"`
}

// JSONDesignation is one designation's score.
type JSONDesignation struct {
	ID       string       `json:"id"`
	Name     string       `json:"name"`
	Path     string       `json:"path"`
	Points   int          `json:"points"`
	Max      int          `json:"max"`
	Required int          `json:"required"`
	Attained bool         `json:"attained"`
	Gap      int          `json:"gap"`
	Metrics  []JSONMetric `json:"metrics"`
	Route    *JSONRoute   `json:"route_to_required,omitempty"`
}

// JSONMetric is one metric's score.
type JSONMetric struct {
	ID               string          `json:"id"`
	Category         string          `json:"category"`
	Value            json.RawMessage `json:"value"`
	Points           int             `json:"points"`
	Max              int             `json:"max"`
	PrerequisitesMet *bool           `json:"prerequisites_met,omitempty"`
	Explanation      string          `json:"explanation"`
	NextStep         string          `json:"next_step"`
}

// JSONRoute is the fewest changes to the required points.
type JSONRoute struct {
	Reachable bool            `json:"reachable"`
	Changes   int             `json:"changes,omitempty"`
	Points    int             `json:"points,omitempty"`
	Steps     []JSONRouteStep `json:"steps,omitempty"`
	Reason    string          `json:"reason,omitempty"`
	// Note warns that the route as a whole would move the partner to the
	// Enterprise path.
	Note string `json:"note,omitempty"`
}

// JSONRouteStep is one change on the route.
type JSONRouteStep struct {
	Metric  string `json:"metric"`
	Changes int    `json:"changes"`
	Points  int    `json:"points"`
	Text    string `json:"text"`
}

// JSONOutputs names the files written.
type JSONOutputs struct {
	Workbook string `json:"workbook,omitempty"`
	PDF      string `json:"pdf,omitempty"`
}

// NewJSON builds the JSON result of a scored workbook. issues are every issue
// found (the reader's and the engine's).
func NewJSON(source string, r *scoring.Result, issues []scoring.Issue) JSON {
	j := JSON{Schema: Schema, Source: source, OK: true, Issues: issues}
	if j.Issues == nil {
		j.Issues = []scoring.Issue{}
	}
	j.Partner = &JSONPartner{Name: r.Partner.Name, ID: r.Partner.ID}
	j.AsOf = r.AsOf.String()
	j.Rules = r.Edition
	j.Path = string(r.Path)
	j.PathReason = r.PathReason
	for _, d := range r.Designations {
		jd := JSONDesignation{ID: d.ID, Name: d.Name, Path: string(d.Path), Points: d.Points, Max: d.Max,
			Required: d.Required, Attained: d.Attained, Gap: d.Gap(), Metrics: []JSONMetric{}}
		for _, m := range d.Metrics {
			v := json.RawMessage("null")
			if m.Value != nil {
				v = json.RawMessage(m.Value.String())
			}
			jd.Metrics = append(jd.Metrics, JSONMetric{ID: m.ID, Category: m.Category, Value: v, Points: m.Points, Max: m.Max,
				PrerequisitesMet: m.PrerequisitesMet, Explanation: m.Explanation, NextStep: m.NextStep})
		}
		if d.Route != nil {
			jr := &JSONRoute{Reachable: d.Route.Reachable, Reason: d.Route.Reason, Note: d.Route.Note}
			if d.Route.Reachable {
				jr.Changes, jr.Points = d.Route.Changes, d.Route.Points
			}
			for _, s := range d.Route.Steps {
				jr.Steps = append(jr.Steps, JSONRouteStep{Metric: s.Metric, Changes: s.Changes, Points: s.Gain, Text: s.Text})
			}
			jd.Route = jr
		}
		j.Designations = append(j.Designations, jd)
	}
	return j
}

// FailedJSON builds the JSON result of a workbook that could not be scored.
func FailedJSON(source string, issues []scoring.Issue) JSON {
	if issues == nil {
		issues = []scoring.Issue{}
	}
	return JSON{Schema: Schema, Source: source, OK: false, Issues: issues}
}

// Line encodes the result as one line of JSON (JSON Lines), ending in a newline.
// HTML characters are not escaped, so names read as written.
func (j JSON) Line() []byte {
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(j); err != nil {
		// Every field is a plain value: encoding cannot fail.
		panic(err)
	}
	return b.Bytes()
}

func itoa(n int) string { return strconv.Itoa(n) }
