package main

import (
	"os"
	"sync"
)

// weights is a counting semaphore whose holders take several units at once:
// a big workbook takes more of the batch's capacity, so a few large files never
// run side by side and memory stays bounded.
type weights struct {
	mu   sync.Mutex
	cond *sync.Cond
	free int
}

func newWeights(n int) *weights {
	w := &weights{free: n}
	w.cond = sync.NewCond(&w.mu)
	return w
}

func (w *weights) acquire(n int) {
	w.mu.Lock()
	for w.free < n {
		w.cond.Wait()
	}
	w.free -= n
	w.mu.Unlock()
}

func (w *weights) release(n int) {
	w.mu.Lock()
	w.free += n
	w.mu.Unlock()
	w.cond.Broadcast()
}

// bigWorkbook is the compressed size from which a workbook counts as one
// worker more: an .xlsx inflates about 10 times, and reading and annotating
// costs a few times the inflated size.
const bigWorkbook = 16 << 20

// jobWeight is a workbook's share of the batch: 1 unit per started 16 MiB,
// at most every unit.
func jobWeight(path string, units int) int {
	st, err := os.Stat(path)
	if err != nil {
		return 1
	}
	return max(1, min(units, int(st.Size()/bigWorkbook)+1))
}
