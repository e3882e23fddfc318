package templates

import "embed"

// Email holds the default e-mail templates of `pcs score --email` in its
// folder "email": subject.txt and body.txt (Go text/template) and body.html
// (Go html/template). A user replaces them with a folder of the same three
// files (--email-template DIR).
//
//go:embed email
var Email embed.FS
