package main

import (
	"runtime"
	"strings"

	"github.com/urfave/cli/v2"

	"github.com/pcs-tools/pcs/scoring"
)

// scoreFlags are the flags `score` and `batch` share (cli.md); outUsage
// describes --out, whose default differs.
func scoreFlags(outUsage string) []cli.Flag {
	return []cli.Flag{
		&cli.StringFlag{Name: "out", Usage: outUsage, EnvVars: []string{"PCS_OUT"}},
		&cli.BoolFlag{Name: "json", Usage: "print one JSON result per workbook on stdout (JSON Lines) and nothing else"},
		&cli.StringFlag{Name: "as-of", Usage: "score as of this month, `YYYY-MM` (default: the workbook's As of, else the latest ACR month)", EnvVars: []string{"PCS_AS_OF"}},
		&cli.StringFlag{Name: "path", Usage: "force a path: auto, smb or enterprise (default: the workbook's Path, else auto)", EnvVars: []string{"PCS_PATH"}},
		&cli.StringFlag{Name: "designation", Usage: "comma-separated designation ids to score (default: the workbook's list, else all)", EnvVars: []string{"PCS_DESIGNATION"}},
		rulesFlag(),
		&cli.BoolFlag{Name: "no-workbook", Usage: "do not write NAME.scored.xlsx"},
		&cli.BoolFlag{Name: "no-pdf", Usage: "do not write NAME.scorecard.pdf"},
		&cli.BoolFlag{Name: "allow-errors", Usage: "score despite row errors, leaving the bad rows out"},
		&cli.StringFlag{Name: "paper", Usage: "PDF paper size: a4 or letter", Value: "a4", EnvVars: []string{"PCS_PAPER"}},
		&cli.StringFlag{Name: "cjk-font", Usage: "a TrueType font for Chinese, Japanese and Korean names in the PDF", EnvVars: []string{"PCS_CJK_FONT"}},
		&cli.Int64Flag{Name: "max-unzip", Usage: "most a workbook may inflate to, in MiB", Value: 1024, EnvVars: []string{"PCS_MAX_UNZIP"}},
	}
}

// batchFlags are the flags only `batch` has.
func batchFlags() []cli.Flag {
	return []cli.Flag{
		&cli.IntFlag{Name: "workers", Usage: "workbooks scored at once", Value: defaultWorkers(), DefaultText: "the number of CPUs, at most 8", EnvVars: []string{"PCS_WORKERS"}},
		&cli.BoolFlag{Name: "recursive", Usage: "also score the workbooks in sub-folders"},
		&cli.StringFlag{Name: "shard", Usage: "score only the K-th of N stable slices of the folder, `K/N` (1/4 ... 4/4)", EnvVars: []string{"PCS_SHARD"}},
		&cli.BoolFlag{Name: "quiet", Usage: "no progress on stderr"},
	}
}

func defaultWorkers() int { return min(runtime.NumCPU(), 8) }

// settings are the validated flags of a scoring run.
type settings struct {
	out         string
	json        bool
	opt         scoring.Options
	rules       *scoring.RuleSet
	noWorkbook  bool
	noPDF       bool
	allowErrors bool
	paper       string
	cjkFont     string
	maxUnzip    int64
}

// readSettings validates the shared flags; every mistake is a usage error (exit 2).
func readSettings(c *cli.Context) (*settings, error) {
	s := &settings{out: c.String("out"), json: c.Bool("json"), noWorkbook: c.Bool("no-workbook"), noPDF: c.Bool("no-pdf"),
		allowErrors: c.Bool("allow-errors"), cjkFont: c.String("cjk-font")}
	var err error
	if s.rules, err = loadRules(c.String("rules")); err != nil {
		return nil, err
	}
	if v := c.String("as-of"); v != "" {
		if s.opt.AsOf, err = scoring.ParseMonth(v); err != nil {
			return nil, usageErr("--as-of: %q is not a month written as YYYY-MM (for example 2024-05)", v)
		}
	}
	switch p := strings.ToLower(strings.TrimSpace(c.String("path"))); p {
	case "", "auto":
	case "smb":
		s.opt.Path = scoring.PathSMB
	case "enterprise":
		s.opt.Path = scoring.PathEnterprise
	default:
		return nil, usageErr("--path: %q is not auto, smb or enterprise", c.String("path"))
	}
	for _, d := range strings.Split(c.String("designation"), ",") {
		if d = strings.TrimSpace(d); d == "" {
			continue
		}
		if s.rules.Designation(d) == nil {
			var ids []string
			for _, x := range s.rules.Designations {
				ids = append(ids, x.ID)
			}
			return nil, usageErr("--designation: %q is not a designation of the %s rules (known: %s)", d, s.rules.Edition, strings.Join(ids, ", "))
		}
		s.opt.Designations = append(s.opt.Designations, d)
	}
	switch p := strings.ToLower(c.String("paper")); p {
	case "a4", "letter":
		s.paper = p
	default:
		return nil, usageErr("--paper: %q is not a4 or letter", c.String("paper"))
	}
	if mb := c.Int64("max-unzip"); mb <= 0 || mb > 1<<20 {
		return nil, usageErr("--max-unzip: %d is not a size in MiB between 1 and 1048576", mb)
	} else {
		s.maxUnzip = mb << 20
	}
	return s, nil
}
