package reader

import (
	"runtime/debug"
	"sort"

	"github.com/pcs-tools/pcs/scoring"
)

// aggKey identifies the ACR rows that are added up.
type aggKey struct {
	customer, attribution, area int32
	month                       int32
}

// aggEntry is one added-up ACR row; text fields are indexes into strs.
type aggEntry struct {
	customer, name, attribution, area int32
	month                             scoring.Month
	amount                            scoring.Cents
	first, rows                       int32
	head, tail                        int32 // the sheet rows, a list in lines
}

// recentBits sizes the cache of recently added keys: rows of one customer
// usually come together, and their keys then stay in this cache instead of
// costing a lookup in a large map each.
const recentBits = 8

type recentKey struct {
	key aggKey
	idx int32
}

// aggLine is one sheet row of an entry, in a list.
type aggLine struct{ row, next int32 }

// aggText is a text cell of an ACR row: its trimmed text and, for a shared
// string, its index (-1 otherwise), which saves hashing the text again.
type aggText struct {
	s   string
	sst int32
}

func textOfValue(v *value, s string) aggText { return aggText{s: s, sst: v.sst} }

// chunkBits sizes the chunks the aggregator stores entries and lines in, so
// that growing never copies (nor leaves behind) a large array.
const chunkBits = 14

type chunked[T any] struct {
	chunks [][]T
	n      int
}

func (c *chunked[T]) add(v T) int32 {
	if c.n>>chunkBits == len(c.chunks) {
		c.chunks = append(c.chunks, make([]T, 0, 1<<chunkBits))
	}
	last := &c.chunks[len(c.chunks)-1]
	*last = append(*last, v)
	c.n++
	return int32(c.n - 1)
}

func (c *chunked[T]) at(i int32) *T { return &c.chunks[i>>chunkBits][i&(1<<chunkBits-1)] }

// acrAgg adds up ACR rows. Its memory grows with the number of distinct
// (customer, month, attribution, solution area) and 8 bytes per sheet row.
type acrAgg struct {
	sheet   string
	strs    []string
	strIDs  map[string]int32
	sstStr  []int32          // shared string index -> its id in strs (-1: not yet)
	sstKey  []int32          // shared string index -> the id of its IDKey (-1: not yet)
	keyOf   map[string]int32 // other text -> the id of its IDKey
	keyIDs  map[string]int32 // IDKey -> id
	keyText []string         // id -> IDKey
	keyRow  []int32          // id -> first row as a customer (0: never a customer)
	keyName []int32          // id -> its text in that row
	index   map[aggKey]int32
	recent  [1 << recentBits]recentKey // a small cache in front of index
	entries chunked[aggEntry]
	lines   chunked[aggLine]
}

func newACRAgg(sheet string, sst int) *acrAgg {
	a := &acrAgg{sheet: sheet, strIDs: map[string]int32{}, keyOf: map[string]int32{}, keyIDs: map[string]int32{},
		index: map[aggKey]int32{}, sstStr: make([]int32, sst), sstKey: make([]int32, sst)}
	for i := range a.recent {
		a.recent[i].idx = -1
	}
	for i := range a.sstStr {
		a.sstStr[i], a.sstKey[i] = -1, -1
	}
	return a
}

// grow makes the caches by shared string index cover index i (inline
// strings are numbered after the shared ones).
func (a *acrAgg) grow(i int32) {
	for int(i) >= len(a.sstStr) {
		a.sstStr = append(a.sstStr, -1)
		a.sstKey = append(a.sstKey, -1)
	}
}

func (a *acrAgg) intern(t aggText) int32 {
	if t.sst >= 0 {
		a.grow(t.sst)
		if id := a.sstStr[t.sst]; id >= 0 {
			return id
		}
	}
	id, ok := a.strIDs[t.s]
	if !ok {
		id = int32(len(a.strs))
		a.strs = append(a.strs, t.s)
		a.strIDs[t.s] = id
	}
	if t.sst >= 0 {
		a.sstStr[t.sst] = id
	}
	return id
}

func (a *acrAgg) key(t aggText) int32 {
	if t.sst >= 0 {
		a.grow(t.sst)
		if id := a.sstKey[t.sst]; id >= 0 {
			return id
		}
	} else if id, ok := a.keyOf[t.s]; ok {
		return id
	}
	k := scoring.IDKey(t.s)
	id, ok := a.keyIDs[k]
	if !ok {
		id = int32(len(a.keyText))
		a.keyIDs[k] = id
		a.keyText = append(a.keyText, k)
		a.keyRow = append(a.keyRow, 0)
		a.keyName = append(a.keyName, 0)
	}
	if t.sst >= 0 {
		a.sstKey[t.sst] = id
	} else {
		a.keyOf[t.s] = id
	}
	return id
}

func (a *acrAgg) add(customer, name, attribution, area aggText, month scoring.Month, amount scoring.Cents, row int) {
	ck := a.key(customer)
	if a.keyRow[ck] == 0 {
		a.keyRow[ck], a.keyName[ck] = int32(row), a.intern(customer)
	}
	k := aggKey{customer: ck, attribution: a.key(attribution), area: a.key(area), month: int32(month)}
	line := a.lines.add(aggLine{row: int32(row), next: -1})
	slot := &a.recent[(uint32(k.customer)*0x9E3779B1+uint32(k.month)*0x85EBCA6B+uint32(k.area)*31+uint32(k.attribution))>>(32-recentBits)]
	i, ok := slot.idx, slot.key == k && slot.idx >= 0
	if !ok {
		i, ok = a.index[k]
	}
	if ok {
		*slot = recentKey{key: k, idx: i}
		e := a.entries.at(i)
		e.amount = scoring.AddCents(e.amount, amount)
		e.rows++
		a.lines.at(e.tail).next = line
		e.tail = line
		if name.s != "" && a.strs[e.name] == "" {
			e.name = a.intern(name)
		}
		return
	}
	i = a.entries.add(aggEntry{
		customer: a.intern(customer), name: a.intern(name), attribution: a.intern(attribution), area: a.intern(area),
		month: month, amount: amount, first: int32(row), rows: 1, head: line, tail: line,
	})
	a.index[k] = i
	*slot = recentKey{key: k, idx: i}
}

// rows returns the added-up rows in the order of their first sheet row.
func (a *acrAgg) rows() []scoring.ACRRow {
	a.index, a.keyOf, a.strIDs, a.sstStr, a.sstKey = nil, nil, nil, nil, nil
	n := a.entries.n
	if n == 0 {
		return nil
	}
	if n > 1<<16 {
		// Give the index's memory back (to the system too) before the result
		// is allocated: on a sheet of a million rows this keeps the peak
		// resident memory tens of megabytes lower.
		debug.FreeOSMemory()
	}
	lines := make([]int32, 0, a.lines.n)
	out := make([]scoring.ACRRow, n)
	for i := range out {
		e := a.entries.at(int32(i))
		start := len(lines)
		for l := e.head; l >= 0; l = a.lines.at(l).next {
			lines = append(lines, a.lines.at(l).row)
		}
		out[i] = scoring.ACRRow{
			Customer: a.strs[e.customer], Name: a.strs[e.name], Month: e.month, Amount: e.amount,
			Attribution: a.strs[e.attribution], SolutionArea: a.strs[e.area],
			Source: scoring.Ref{Sheet: a.sheet, Row: int(e.first)}, Rows: int(e.rows),
			Lines: lines[start:len(lines):len(lines)],
		}
		if i&(1<<chunkBits-1) == 1<<chunkBits-1 {
			a.entries.chunks[i>>chunkBits] = nil // done with this chunk
		}
	}
	a.entries, a.lines = chunked[aggEntry]{}, chunked[aggLine]{}
	return out
}

// missingCustomers warns once about the customers of the ACR sheet that the
// Customers sheet does not list.
func (a *acrAgg) missingCustomers(known map[string]bool, col int, issues *issueList) {
	type miss struct {
		row  int32
		text string
	}
	var missing []miss
	for id, k := range a.keyText {
		if a.keyRow[id] > 0 && !known[k] {
			missing = append(missing, miss{a.keyRow[id], a.strs[a.keyName[id]]})
		}
	}
	if len(missing) == 0 {
		return
	}
	sort.Slice(missing, func(i, j int) bool { return missing[i].row < missing[j].row })
	var ids []string
	for _, m := range missing[:min(3, len(missing))] {
		ids = append(ids, m.text)
	}
	issues.warnf(col, int(missing[0].row), hintMissingCustomers, msgMissingCustomers(len(missing), ids))
}
