package main

import (
	"context"
	"fmt"
	"io"
	"os"
	"os/signal"
	"path/filepath"
	"sync"
	"syscall"

	"github.com/urfave/cli/v2"

	"github.com/pcs-tools/pcs/report"
	"github.com/pcs-tools/pcs/scoring"
)

func batchCommand() *cli.Command {
	return &cli.Command{
		Name:      "batch",
		Usage:     "score every workbook in a folder and write a portfolio summary",
		ArgsUsage: "FOLDER",
		Flags:     append(append(scoreFlags("folder for the outputs (required; created if missing)"), batchFlags()...), emailFlags()...),
		Action: func(c *cli.Context) error {
			if c.NArg() != 1 {
				return usageErr("batch needs one folder (pcs batch --out DIR FOLDER)")
			}
			s, err := readSettings(c)
			if err != nil {
				return err
			}
			if s.out == "" {
				return usageErr("batch needs --out DIR, the folder for the outputs")
			}
			workers := c.Int("workers")
			if workers < 1 || workers > 256 {
				return usageErr("--workers: %d is not between 1 and 256", workers)
			}
			sh, err := parseShard(c.String("shard"))
			if err != nil {
				return err
			}
			folder := c.Args().First()
			all, err := discover(folder, s.out, c.Bool("recursive"))
			if err != nil {
				return err
			}
			var rels []string
			for _, r := range all {
				if sh.has(r) {
					rels = append(rels, r)
				}
			}
			if len(all) == 0 {
				hint := ""
				if !c.Bool("recursive") {
					hint = " (sub-folders are searched only with --recursive)"
				}
				fmt.Fprintf(c.App.ErrWriter, "pcs: warning: no workbooks (.xlsx) to score in %s%s\n", folder, hint)
			}
			// The portfolio PDF is written even with --no-pdf, which skips the scorecards.
			fonts, err := loadFonts(&settings{cjkFont: s.cjkFont})
			if err != nil {
				return err
			}
			if err := os.MkdirAll(s.out, 0o755); err != nil {
				return fmt.Errorf("cannot create the output folder %s: %s", s.out, plainIOError(err))
			}
			ml, err := newMailing(c, s, c.App.ErrWriter)
			if err != nil {
				return err
			}
			defer ml.close()
			tuneGCForBatch()
			ctx, stop := signal.NotifyContext(c.Context, os.Interrupt, syscall.SIGTERM)
			defer stop()
			b := &batch{folder: folder, s: s, fonts: fonts, workers: workers, stdout: c.App.Writer, stderr: c.App.ErrWriter, mail: ml,
				progress: newProgress(c.App.ErrWriter, len(rels), c.Bool("quiet")), quiet: c.Bool("quiet")}
			return b.run(ctx, rels)
		},
	}
}

// batch scores a folder's workbooks with a pool of workers and prints the
// outcomes in the folder's order, each as soon as it and those before it are done.
type batch struct {
	folder   string
	s        *settings
	fonts    *report.Fonts
	workers  int
	quiet    bool // no progress and no closing line
	stdout   io.Writer
	stderr   io.Writer
	progress progress
	mail     *mailing
}

func (b *batch) run(ctx context.Context, rels []string) error {
	jobs := make([]job, len(rels))
	for i, rel := range rels {
		out := filepath.Join(b.s.out, filepath.FromSlash(filepath.Dir(rel)))
		jobs[i] = job{path: filepath.Join(b.folder, filepath.FromSlash(rel)), source: rel, outDir: out, recordDir: b.s.out}
	}
	results := make([]*outcome, len(jobs))
	done := make([]chan struct{}, len(jobs))
	for i := range done {
		done[i] = make(chan struct{})
	}
	next := make(chan int)
	var wg sync.WaitGroup
	sem := newWeights(b.workers)
	for w := 0; w < b.workers; w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range next {
				weight := jobWeight(jobs[i].path, b.workers)
				sem.acquire(weight)
				b.progress.start(jobs[i].source)
				results[i] = process(jobs[i], b.s, b.fonts)
				sem.release(weight)
				close(done[i])
			}
		}()
	}
	go func() {
		defer close(next)
		for i := range jobs {
			select {
			case <-ctx.Done():
				return
			case next <- i:
			}
		}
	}()
	// Print in order; stop at the first job never started after an interrupt.
	p := &report.Portfolio{Rules: b.s.rules.Edition, Folder: b.folder}
	failed := 0
	for i := range jobs {
		select {
		case <-done[i]:
		case <-ctx.Done():
			// Jobs already started finish; later ones were never handed out.
			select {
			case <-done[i]:
			default:
				wg.Wait()
				select {
				case <-done[i]:
				default:
					p.Interrupted = true
					p.Pending = len(jobs) - i
				}
			}
		}
		if p.Interrupted {
			break
		}
		o := results[i]
		emailed := b.mail.send(ctx, o)
		b.progress.clear()
		printOutcome(b.stdout, b.stderr, o, b.s.json)
		b.progress.finish(o)
		if o.emailFailed {
			failed++
		}
		if o.failed {
			failed++
			reason := failureReason(o.json.Issues)
			p.Failed = append(p.Failed, report.PortfolioFailure{Source: o.job.source, Reason: reason})
			results[i] = nil
			continue
		}
		rows := report.PortfolioRows(o.job.source, o.result)
		for k := range rows {
			rows[k].Scorecard = relOut(b.s.out, o.json.Outputs, true)
			rows[k].Workbook = relOut(b.s.out, o.json.Outputs, false)
			rows[k].Emailed = emailed
		}
		p.Rows = append(p.Rows, rows...)
		results[i] = nil // memory stays flat however many workbooks the folder holds
	}
	wg.Wait()
	b.progress.done()
	p.Sort()
	if err := b.writePortfolio(p); err != nil {
		fmt.Fprintf(b.stderr, "pcs: %s\n", err)
		failed++
	}
	if !p.Interrupted && !b.quiet {
		noun := "workbooks"
		if len(jobs) == 1 {
			noun = "workbook"
		}
		fmt.Fprintf(b.stderr, "pcs: %d %s: %d scored, %d could not be scored; portfolio summary: %s\n",
			len(jobs), noun, len(jobs)-len(p.Failed), len(p.Failed), filepath.Join(b.s.out, "portfolio.xlsx"))
	}
	if p.Interrupted {
		fmt.Fprintf(b.stderr, "pcs: interrupted: %d of %d workbooks done, %d not scored; the portfolio summary covers those done\n",
			len(jobs)-p.Pending, len(jobs), p.Pending)
		return interruptedError{}
	}
	if failed > 0 {
		return &failedError{failed}
	}
	return nil
}

func (b *batch) writePortfolio(p *report.Portfolio) error {
	xlsx := filepath.Join(b.s.out, "portfolio.xlsx")
	if err := report.WritePortfolioXLSX(xlsx, p); err != nil {
		return fmt.Errorf("the portfolio summary %s could not be written: %w", xlsx, err)
	}
	pdf := filepath.Join(b.s.out, "portfolio.pdf")
	return report.WriteAtomic(pdf, func(f *os.File) error {
		warnings, err := report.WritePortfolioPDF(f, p, b.s.paper, b.fonts)
		for _, w := range warnings {
			fmt.Fprintf(b.stderr, "portfolio.pdf: warning: %s\n", w)
		}
		return err
	})
}

// relOut returns an output's path relative to the output folder.
func relOut(out string, o *report.JSONOutputs, pdf bool) string {
	if o == nil {
		return ""
	}
	p := o.Workbook
	if pdf {
		p = o.PDF
	}
	if p == "" {
		return ""
	}
	if r, err := filepath.Rel(out, p); err == nil {
		return filepath.ToSlash(r)
	}
	return p
}

// failureReason says in one line why a workbook could not be scored: its
// first error, and whether there are more (the JSON result and pcs score
// list them all; they are not counted here, since the reader caps what it
// lists per sheet).
func failureReason(issues []scoring.Issue) string {
	var errs []scoring.Issue
	for _, is := range issues {
		if is.Severity == scoring.SeverityError {
			errs = append(errs, is)
		}
	}
	switch len(errs) {
	case 0:
		if len(issues) > 0 {
			return issues[0].String()
		}
		return "could not be scored"
	case 1:
		return errs[0].String()
	}
	return errs[0].String() + " (and more errors)"
}
