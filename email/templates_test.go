package email

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/pcs-tools/pcs/scoring"
)

func writeTemplates(t *testing.T, files map[string]string) string {
	t.Helper()
	dir := t.TempDir()
	for name, text := range files {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

func TestLoadTemplatesFromFolder(t *testing.T) {
	dir := writeTemplates(t, map[string]string{
		SubjectFile: "Scorecard {{.Partner}}\n{{.Month}}\n",
		TextFile:    "{{range .Designations}}{{.ShortName}} {{.Points}}\n{{end}}",
		HTMLFile:    `<p title="{{.Partner}}">{{.Partner}}</p>`,
	})
	tm, err := LoadTemplates(dir)
	if err != nil {
		t.Fatal(err)
	}
	m, err := Compose(sampleJob(t, `<i>Contoso</i> "Ltd"`, "ceo@contoso.example"), tm, "a@pcs.example", testNow)
	if err != nil {
		t.Fatal(err)
	}
	p := parseMessage(t, m.Bytes())
	if p.subject != `Scorecard <i>Contoso</i> "Ltd" May 2024` {
		t.Errorf("subject %q (one line expected)", p.subject)
	}
	if p.text != "Data & AI 74\r\nInfrastructure 62\r\n" { // mail has CRLF lines
		t.Errorf("text %q", p.text)
	}
	if want := `<p title="&lt;i&gt;Contoso&lt;/i&gt; &#34;Ltd&#34;">&lt;i&gt;Contoso&lt;/i&gt; &#34;Ltd&#34;</p>`; p.html != want {
		t.Errorf("html %q, want %q", p.html, want)
	}
}

func TestLoadTemplatesErrors(t *testing.T) {
	good := map[string]string{SubjectFile: "{{.Partner}}", TextFile: "x", HTMLFile: "<p>x</p>"}
	with := func(name, text string) map[string]string {
		m := map[string]string{}
		for k, v := range good {
			m[k] = v
		}
		if text == "" {
			delete(m, name)
		} else {
			m[name] = text
		}
		return m
	}
	tests := []struct {
		name  string
		files map[string]string
		want  string
	}{
		{"missing html", with(HTMLFile, ""), "missing body.html (a template folder needs subject.txt, body.txt and body.html)"},
		{"syntax", with(TextFile, "{{.Partner"), "body.txt:1: unclosed action"},
		{"unknown field", with(SubjectFile, "{{.Customer}}"), "can't evaluate field Customer"},
		{"empty subject", with(SubjectFile, "  \n "), "subject.txt: the subject is empty"},
		{"not UTF-8", with(HTMLFile, "\xff\xfe"), "body.html is not UTF-8 text"},
		{"too large", with(TextFile, strings.Repeat("x", maxTemplateSize+1)), "body.txt: larger than 1024 KB"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			dir := writeTemplates(t, tc.files)
			_, err := LoadTemplates(dir)
			if err == nil || !strings.Contains(err.Error(), tc.want) || !strings.Contains(err.Error(), dir) {
				t.Errorf("error %v, want %q naming the folder", err, tc.want)
			}
		})
	}
	if _, err := LoadTemplates(filepath.Join(t.TempDir(), "nope")); err == nil || !strings.Contains(err.Error(), "cannot open folder") {
		t.Errorf("missing folder: %v", err)
	}
	file := filepath.Join(t.TempDir(), "subject.txt")
	os.WriteFile(file, []byte("x"), 0o644)
	if _, err := LoadTemplates(file); err == nil || !strings.Contains(err.Error(), "is not a folder") {
		t.Errorf("a file: %v", err)
	}
}

func TestDesignationStatus(t *testing.T) {
	r := sampleResult("Contoso Ltd")
	full := r.Designations[0]
	full.Points = 100
	full.Metrics = append([]scoring.MetricResult(nil), full.Metrics...)
	for i := range full.Metrics {
		full.Metrics[i].Points = full.Metrics[i].Max
	}
	blocked := r.Designations[1]
	blocked.Points = 75
	blocked.Metrics = append([]scoring.MetricResult(nil), blocked.Metrics...)
	blocked.Metrics[4].Points = 0
	blocked.Metrics[3].Points = 0
	for _, tc := range []struct {
		d      DesignationData
		status string
		gap    string
	}{
		{designationData(r.Designations[0]), "attained", "Intermediate certifications: 16 of 40 points"},
		{designationData(r.Designations[1]), "not attained: 8 points short of 70", "Intermediate certifications: 8 of 20 points"},
		{designationData(full), "attained", "none, every metric is at its maximum"},
		{designationData(blocked), "not attained: Usage growth and Deployments have no point yet", "Usage growth: 0 of 20 points"},
	} {
		if tc.d.Status != tc.status || tc.d.Gap != tc.gap {
			t.Errorf("status %q gap %q; want %q, %q", tc.d.Status, tc.d.Gap, tc.status, tc.gap)
		}
	}
}
