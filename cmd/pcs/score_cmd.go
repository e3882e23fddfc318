package main

import (
	"fmt"
	"io"
	"os"
	"os/signal"
	"path/filepath"
	"syscall"

	"github.com/urfave/cli/v2"

	"github.com/pcs-tools/pcs/report"
)

func scoreCommand() *cli.Command {
	return &cli.Command{
		Name:      "score",
		Usage:     "score one or more partner workbooks",
		ArgsUsage: "WORKBOOK...",
		Flags:     append(scoreFlags("folder for the outputs, created if missing (default: next to each input)"), emailFlags()...),
		Action: func(c *cli.Context) error {
			if c.NArg() == 0 {
				return usageErr("score needs at least one workbook (pcs score [flags] WORKBOOK...)")
			}
			s, err := readSettings(c)
			if err != nil {
				return err
			}
			fonts, err := loadFonts(s)
			if err != nil {
				return err
			}
			ml, err := newMailing(c, s, c.App.ErrWriter)
			if err != nil {
				return err
			}
			defer ml.close()
			// Ctrl-C or SIGTERM lets the workbook in progress finish its
			// outputs (each written whole or not at all) and stops there.
			ctx, stop := signal.NotifyContext(c.Context, os.Interrupt, syscall.SIGTERM)
			defer stop()
			failed := 0
			for i, path := range c.Args().Slice() {
				if ctx.Err() != nil {
					fmt.Fprintf(c.App.ErrWriter, "pcs: interrupted: %d of %d workbooks done\n", i, c.NArg())
					return interruptedError{}
				}
				out := s.out
				if out == "" {
					out = filepath.Dir(path)
				}
				o := process(job{path: path, source: path, outDir: out}, s, fonts)
				ml.send(ctx, o)
				if o.failed || o.emailFailed {
					failed++
				}
				printOutcome(c.App.Writer, c.App.ErrWriter, o, s.json)
			}
			if ctx.Err() != nil {
				fmt.Fprintf(c.App.ErrWriter, "pcs: interrupted after the last workbook; its outputs are complete\n")
				return interruptedError{}
			}
			if failed > 0 {
				return &failedError{failed}
			}
			return nil
		},
	}
}

// loadFonts loads the PDF fonts once per run, unless no PDF is written.
func loadFonts(s *settings) (*report.Fonts, error) {
	if s.noPDF {
		return nil, nil
	}
	fonts, _, err := report.LoadFonts(s.cjkFont)
	if err != nil {
		return nil, usageErr("%s", err)
	}
	return fonts, nil
}

// printOutcome writes a workbook's stderr lines, then its JSON line or summary.
func printOutcome(stdout, stderr io.Writer, o *outcome, asJSON bool) {
	for _, l := range o.stderr {
		fmt.Fprintln(stderr, l)
	}
	if asJSON {
		stdout.Write(o.json.Line())
		return
	}
	if o.result != nil && !o.failed {
		report.WriteSummary(stdout, o.job.source, o.result, o.outputs)
	}
}
