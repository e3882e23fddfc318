package email

import (
	"bytes"
	"errors"
	"fmt"
	htmltemplate "html/template"
	"io"
	"io/fs"
	"os"
	"strings"
	texttemplate "text/template"
	"unicode/utf8"

	"github.com/pcs-tools/pcs/templates"
)

// The files of a template folder.
const (
	SubjectFile = "subject.txt"
	TextFile    = "body.txt"
	HTMLFile    = "body.html"
)

// maxTemplateSize bounds a template file; real ones are a few KB.
const maxTemplateSize = 1 << 20

// Templates are the parsed e-mail templates: the subject and the plain text
// body are Go text/template, the HTML body is Go html/template (which escapes
// every value it inserts, so workbook text is never markup).
type Templates struct {
	// Dir is the folder they came from ("" for the embedded defaults).
	Dir     string
	subject *texttemplate.Template
	text    *texttemplate.Template
	html    *htmltemplate.Template
}

// LoadTemplates reads subject.txt, body.txt and body.html from dir, or the
// embedded defaults (templates/email) when dir is "". Each template is
// tried on sample data, so a misspelt field is reported now, naming the
// file, rather than when the first scorecard is sent.
func LoadTemplates(dir string) (*Templates, error) {
	var fsys fs.FS
	where := "the default e-mail templates"
	if dir == "" {
		sub, err := fs.Sub(templates.Email, "email")
		if err != nil {
			return nil, fmt.Errorf("%s: %w", where, err)
		}
		fsys = sub
	} else {
		st, err := os.Stat(dir)
		if err != nil {
			return nil, fmt.Errorf("e-mail templates: cannot open folder %s: %w", dir, unwrapPathError(err))
		}
		if !st.IsDir() {
			return nil, fmt.Errorf("e-mail templates: %s is not a folder (it must hold %s, %s and %s)", dir, SubjectFile, TextFile, HTMLFile)
		}
		fsys = os.DirFS(dir)
		where = "e-mail template folder " + dir
	}
	src := map[string]string{}
	var missing []string
	for _, name := range []string{SubjectFile, TextFile, HTMLFile} {
		b, err := readLimited(fsys, name)
		switch {
		case errors.Is(err, fs.ErrNotExist):
			missing = append(missing, name)
			continue
		case err != nil:
			return nil, fmt.Errorf("%s: %s: %w", where, name, err)
		}
		if !utf8.Valid(b) {
			return nil, fmt.Errorf("%s: %s is not UTF-8 text", where, name)
		}
		src[name] = string(b)
	}
	if len(missing) > 0 {
		return nil, fmt.Errorf("%s: missing %s (a template folder needs %s, %s and %s)",
			where, strings.Join(missing, " and "), SubjectFile, TextFile, HTMLFile)
	}
	t := &Templates{Dir: dir}
	var err error
	if t.subject, err = texttemplate.New(SubjectFile).Option("missingkey=error").Parse(src[SubjectFile]); err != nil {
		return nil, fmt.Errorf("%s: %w", where, err)
	}
	if t.text, err = texttemplate.New(TextFile).Option("missingkey=error").Parse(src[TextFile]); err != nil {
		return nil, fmt.Errorf("%s: %w", where, err)
	}
	if t.html, err = htmltemplate.New(HTMLFile).Option("missingkey=error").Parse(src[HTMLFile]); err != nil {
		return nil, fmt.Errorf("%s: %w", where, err)
	}
	if _, err := t.render(sampleData()); err != nil {
		return nil, fmt.Errorf("%s: %w", where, err)
	}
	return t, nil
}

func readLimited(fsys fs.FS, name string) ([]byte, error) {
	f, err := fsys.Open(name)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	b, err := io.ReadAll(io.LimitReader(f, maxTemplateSize+1))
	if err != nil {
		return nil, unwrapPathError(err)
	}
	if len(b) > maxTemplateSize {
		return nil, fmt.Errorf("larger than %d KB, which no e-mail template needs", maxTemplateSize>>10)
	}
	return b, nil
}

// rendered is a message's subject and bodies.
type rendered struct {
	subject, text, html string
}

// render executes the three templates. The subject is made one line.
func (t *Templates) render(d Data) (rendered, error) {
	var s, tx, h bytes.Buffer
	if err := t.subject.Execute(&s, d); err != nil {
		return rendered{}, err
	}
	if err := t.text.Execute(&tx, d); err != nil {
		return rendered{}, err
	}
	if err := t.html.Execute(&h, d); err != nil {
		return rendered{}, err
	}
	r := rendered{subject: cleanText(s.String()), text: tx.String(), html: h.String()}
	if r.subject == "" {
		return rendered{}, fmt.Errorf("%s: the subject is empty", SubjectFile)
	}
	return r, nil
}

// sampleData exercises every field, for checking templates when they load.
func sampleData() Data {
	return Data{
		Partner: "Contoso Ltd", PartnerID: "4412345", Month: "May 2024", AsOf: "2024-05",
		Path: "SMB", PathReason: "86% of customers are SMB/SMC", Rules: "fy24", Source: "contoso.xlsx",
		Attachment: "contoso-ltd-2024-05-scorecard.pdf", Attained: 1, NotAttained: 1,
		Designations: []DesignationData{
			{Name: "Solutions Partner for Data & AI (Azure)", ShortName: "Data & AI", Points: 72, Max: 100, Required: 70,
				Attained: true, Status: "attained", Gap: "Deployments: 2 of 10 points", NextStep: "1 more deployment earns 2 points."},
			{Name: "Solutions Partner for Infrastructure (Azure)", ShortName: "Infrastructure", Points: 62, Max: 100, Required: 70,
				Status: "not attained: 8 points short of 70", Gap: "Net customer adds: 20 of 30 points",
				NextStep: "1 more net customer add earns 10 points.", Route: "Net customer adds: 1 more net customer add (+10 points)"},
		},
	}
}

func unwrapPathError(err error) error {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	return err
}
