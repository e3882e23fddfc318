package main

import (
	"fmt"
	"hash/fnv"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
)

// discover lists the workbooks of a batch: every .xlsx in folder (and its
// sub-folders when recursive), skipping Excel lock files (~$*.xlsx), hidden
// files, the outputs of earlier runs and anything inside the output folder.
// Paths come back sorted, relative to folder, with forward slashes.
func discover(folder, outDir string, recursive bool) ([]string, error) {
	info, err := os.Stat(folder)
	if err != nil {
		return nil, usageErr("%s: %s", folder, plainIOError(err))
	}
	if !info.IsDir() {
		return nil, usageErr("%s is not a folder (use pcs score for single workbooks)", folder)
	}
	absOut, _ := filepath.Abs(outDir)
	var found []string
	err = filepath.WalkDir(folder, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			if p == folder {
				return err
			}
			return nil // an unreadable sub-folder is skipped
		}
		name := d.Name()
		if d.IsDir() {
			if p == folder {
				return nil
			}
			abs, _ := filepath.Abs(p)
			if !recursive || strings.HasPrefix(name, ".") || abs == absOut {
				return filepath.SkipDir
			}
			return nil
		}
		lower := strings.ToLower(name)
		if !strings.HasSuffix(lower, ".xlsx") || strings.HasPrefix(name, "~$") || strings.HasPrefix(name, ".") ||
			strings.HasSuffix(lower, ".scored.xlsx") || lower == "portfolio.xlsx" {
			return nil
		}
		if !d.Type().IsRegular() {
			// A link is scored only when it points at a regular file.
			st, err := os.Stat(p)
			if err != nil || !st.Mode().IsRegular() {
				return nil
			}
		}
		rel, err := filepath.Rel(folder, p)
		if err != nil || strings.HasPrefix(rel, "..") {
			return nil
		}
		found = append(found, filepath.ToSlash(rel))
		return nil
	})
	if err != nil {
		return nil, usageErr("%s: %s", folder, plainIOError(err))
	}
	sort.Strings(found)
	return found, nil
}

// shard is a --shard K/N selection.
type shard struct{ k, n int }

func parseShard(s string) (shard, error) {
	if s == "" {
		return shard{1, 1}, nil
	}
	k, n, ok := strings.Cut(s, "/")
	ki, err1 := strconv.Atoi(strings.TrimSpace(k))
	ni, err2 := strconv.Atoi(strings.TrimSpace(n))
	if !ok || err1 != nil || err2 != nil || ni < 1 || ki < 1 || ki > ni {
		return shard{}, usageErr("--shard: %q is not K/N with 1 <= K <= N (for example 2/8)", s)
	}
	return shard{ki, ni}, nil
}

// has reports whether a workbook (its path relative to the folder) belongs to
// the shard. The slice depends only on the path, so it stays the same when
// other workbooks are added or removed.
func (s shard) has(rel string) bool {
	if s.n == 1 {
		return true
	}
	h := fnv.New32a()
	h.Write([]byte(rel))
	return int(h.Sum32()%uint32(s.n)) == s.k-1
}

func (s shard) String() string { return fmt.Sprintf("%d/%d", s.k, s.n) }
