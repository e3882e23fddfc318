package main

import (
	"os"
	"runtime"
	"runtime/pprof"
)

// startProfiles writes a CPU profile to $PCS_CPUPROFILE and, when the run
// ends, a heap profile to $PCS_MEMPROFILE, for whoever measures pcs
// (bench/run, `go tool pprof`). It returns the function that stops them.
func startProfiles() func() {
	var stops []func()
	if p := os.Getenv("PCS_CPUPROFILE"); p != "" {
		if f, err := os.Create(p); err == nil && pprof.StartCPUProfile(f) == nil {
			stops = append(stops, func() { pprof.StopCPUProfile(); f.Close() })
		}
	}
	if p := os.Getenv("PCS_MEMPROFILE"); p != "" {
		stops = append(stops, func() {
			if f, err := os.Create(p); err == nil {
				runtime.GC()
				pprof.Lookup("allocs").WriteTo(f, 0)
				f.Close()
			}
		})
	}
	return func() {
		for _, s := range stops {
			s()
		}
	}
}
