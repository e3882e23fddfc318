package main

import (
	"fmt"
	"io"
	"os"
	"strings"
	"sync"
	"time"

	"github.com/schollz/progressbar/v3"
	"golang.org/x/term"
)

// progress reports a batch's advance on stderr: a bar on a terminal, a plain
// line per workbook otherwise, nothing with --quiet.
type progress interface {
	start(source string)
	// clear removes the bar before other lines are printed on stderr.
	clear()
	finish(o *outcome)
	done()
}

func newProgress(w io.Writer, total int, quiet bool) progress {
	if quiet {
		return noProgress{}
	}
	if f, ok := w.(*os.File); ok && term.IsTerminal(int(f.Fd())) {
		bar := progressbar.NewOptions(total,
			progressbar.OptionSetWriter(w),
			progressbar.OptionSetDescription("scoring"),
			progressbar.OptionShowCount(),
			progressbar.OptionSetPredictTime(true),
			progressbar.OptionSetElapsedTime(true),
			progressbar.OptionThrottle(100*time.Millisecond),
			progressbar.OptionClearOnFinish(),
			progressbar.OptionSetWidth(30))
		return &barProgress{bar: bar, fd: int(f.Fd())}
	}
	return &lineProgress{w: w, total: total}
}

type noProgress struct{}

func (noProgress) start(string)    {}
func (noProgress) clear()          {}
func (noProgress) finish(*outcome) {}
func (noProgress) done()           {}

type barProgress struct {
	mu  sync.Mutex
	bar *progressbar.ProgressBar
	fd  int // the terminal's
}

// barRoom is what the bar takes besides the description: the bar itself,
// the percentage, the count and the times.
const barRoom = 64

func (p *barProgress) start(source string) {
	width := 80
	if w, _, err := term.GetSize(p.fd); err == nil && w > 0 {
		width = w
	}
	p.mu.Lock()
	p.bar.Describe(fitLeft(source, width-barRoom))
	p.mu.Unlock()
}

// fitLeft keeps the end of s (a file's name is at the end of its path) in n
// characters, so that the bar never wraps on a narrow terminal.
func fitLeft(s string, n int) string {
	n = max(n, 8)
	rs := []rune(s)
	if len(rs) <= n {
		return s
	}
	return "…" + string(rs[len(rs)-n+1:])
}

func (p *barProgress) clear() {
	p.mu.Lock()
	p.bar.Clear()
	p.mu.Unlock()
}

func (p *barProgress) finish(*outcome) {
	p.mu.Lock()
	p.bar.Add(1)
	p.mu.Unlock()
}

func (p *barProgress) done() { p.bar.Finish() }

// lineProgress prints one line per finished workbook, for logs.
type lineProgress struct {
	w     io.Writer
	total int
	n     int
}

func (p *lineProgress) start(string) {}

func (p *lineProgress) clear() {}

func (p *lineProgress) finish(o *outcome) {
	p.n++
	status := "scored"
	if o.failed {
		status = "FAILED"
	} else if o.result != nil {
		var parts []string
		for _, d := range o.result.Designations {
			mark := ""
			if d.Attained {
				mark = " attained"
			}
			parts = append(parts, fmt.Sprintf("%s %d%s", d.ShortName, d.Points, mark))
		}
		status += ": " + strings.Join(parts, ", ")
	}
	fmt.Fprintf(p.w, "[%d/%d] %s %s\n", p.n, p.total, o.job.source, status)
}

func (p *lineProgress) done() {}
