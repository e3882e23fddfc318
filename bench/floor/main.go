// Command floor measures the floor of reading a workbook: it inflates the
// largest worksheet of an .xlsx and scans its cells with a plain byte
// scanner (counting cells and value bytes), doing nothing else. No reader that
// looks at every cell can be faster; bench/run compares pcs with it.
//
//	go run ./bench/floor bench/data/acr-1m.xlsx
package main

import (
	"archive/zip"
	"bytes"
	"fmt"
	"io"
	"os"
	"strings"
	"time"
)

func main() {
	if len(os.Args) != 2 {
		fmt.Fprintln(os.Stderr, "usage: floor WORKBOOK.xlsx")
		os.Exit(2)
	}
	start := time.Now()
	cells, values, err := scan(os.Args[1])
	if err != nil {
		fmt.Fprintln(os.Stderr, "floor:", err)
		os.Exit(1)
	}
	fmt.Printf("cells=%d value_bytes=%d seconds=%.3f\n", cells, values, time.Since(start).Seconds())
}

func scan(path string) (cells, values int, err error) {
	z, err := zip.OpenReader(path)
	if err != nil {
		return 0, 0, err
	}
	defer z.Close()
	var big *zip.File
	for _, f := range z.File {
		if strings.HasPrefix(f.Name, "xl/worksheets/") && (big == nil || f.UncompressedSize64 > big.UncompressedSize64) {
			big = f
		}
	}
	if big == nil {
		return 0, 0, fmt.Errorf("no worksheet in %s", path)
	}
	r, err := big.Open()
	if err != nil {
		return 0, 0, err
	}
	defer r.Close()
	buf := make([]byte, 1<<20)
	inValue := false
	var carry []byte
	for {
		n, err := r.Read(buf)
		chunk := append(carry, buf[:n]...)
		// Keep a short tail so tags split across reads are still seen.
		keep := 0
		if len(chunk) > 4 {
			keep = 4
		}
		body := chunk[:len(chunk)-keep]
		for i := 0; i < len(body); i++ {
			if body[i] != '<' {
				if inValue {
					values++
				}
				continue
			}
			rest := chunk[i:]
			switch {
			case bytes.HasPrefix(rest, []byte("<c ")):
				cells++
			case bytes.HasPrefix(rest, []byte("<v>")):
				inValue = true
			case bytes.HasPrefix(rest, []byte("</v")):
				inValue = false
			}
		}
		carry = append(carry[:0], chunk[len(chunk)-keep:]...)
		if err == io.EOF {
			return cells, values, nil
		}
		if err != nil {
			return cells, values, err
		}
	}
}
