// Command gen writes the sample partner workbooks in samples/ from invented but
// believable data. It is deterministic: the same program writes the same
// workbooks. Run it with `go run ./samples/gen samples`.
package main

import (
	"fmt"
	"os"
	"path/filepath"
)

func main() {
	dir := "samples"
	if len(os.Args) > 1 {
		dir = os.Args[1]
	}
	jobs := []struct {
		m     model
		write func(model, string) error
	}{
		{smbPartner(), func(m model, p string) error { return writeLong(m, p, nil) }},
		{enterprisePartner(), func(m model, p string) error { return writeLong(m, p, nil) }},
		{widePartner(), writeWide},
		{errorPartner(), func(m model, p string) error { return writeLong(m, p, errorTweaks) }},
	}
	for _, j := range jobs {
		p := filepath.Join(dir, j.m.file)
		err := j.write(j.m, p)
		if err == nil {
			err = os.Chmod(p, 0o644)
		}
		if err != nil {
			fmt.Fprintf(os.Stderr, "gen: %s: %v\n", p, err)
			os.Exit(1)
		}
		fmt.Println("wrote", p)
	}
}
