package main

import (
	"fmt"
	"io"
	"os"

	"github.com/urfave/cli/v2"

	"github.com/pcs-tools/pcs/report"
	"github.com/pcs-tools/pcs/scoring"
)

func rulesCommand() *cli.Command {
	return &cli.Command{
		Name:      "rules",
		Usage:     "print the rule set in force (embedded default or --rules FILE)",
		ArgsUsage: " ",
		Flags: []cli.Flag{
			rulesFlag(),
			&cli.BoolFlag{Name: "json", Usage: "print the rules as JSON"},
		},
		Action: func(c *cli.Context) error {
			if c.NArg() > 0 {
				return usageErr("rules takes no arguments (got %q)", c.Args().First())
			}
			rs, err := loadRules(c.String("rules"))
			if err != nil {
				return err
			}
			if c.Bool("json") {
				return report.WriteRulesJSON(c.App.Writer, rs)
			}
			return report.WriteRules(c.App.Writer, rs)
		},
	}
}

// rulesError is a rules file that cannot be used; it stops the whole command.
type rulesError struct{ err error }

func (e *rulesError) Error() string { return e.err.Error() }

// loadRules returns an embedded edition by name, or reads a rules file.
func loadRules(spec string) (*scoring.RuleSet, error) {
	if spec == "" {
		spec = scoring.DefaultEdition
	}
	if _, ok := scoring.EmbeddedFile(spec); ok {
		return scoring.Embedded(spec)
	}
	f, err := os.Open(spec)
	if err != nil {
		if os.IsNotExist(err) {
			return nil, usageErr("--rules %s: no such rule edition or file (editions: fy24, fy26)", spec)
		}
		return nil, usageErr("--rules %s: cannot read the file: %s", spec, plainIOError(err))
	}
	defer f.Close()
	data, err := io.ReadAll(io.LimitReader(f, 1<<20+1))
	if err != nil {
		return nil, usageErr("--rules %s: cannot read the file: %s", spec, plainIOError(err))
	}
	rs, err := scoring.Parse(spec, data)
	if err != nil {
		return nil, usageErr("%s", err)
	}
	return rs, nil
}

// plainIOError drops the operation and path Go puts in front of file errors,
// which the caller already names.
func plainIOError(err error) string {
	if pe, ok := err.(*os.PathError); ok {
		return pe.Err.Error()
	}
	return fmt.Sprint(err)
}
