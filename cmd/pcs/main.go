// Command pcs computes a Microsoft partner's partner capability score from its
// own workbooks and explains it. See README.md and the specification in
// ../shared/spec (cli.md).
package main

import "os"

func main() {
	stop := startProfiles()
	code := run(os.Args, os.Stdout, os.Stderr)
	stop()
	os.Exit(code)
}
