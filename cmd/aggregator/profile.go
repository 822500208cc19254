package main

import (
	"fmt"
	"io"
	"os"
	"runtime/pprof"
)

// startProfile writes a CPU profile of the whole command to the file
// AGGREGATOR_CPUPROFILE names, when it is set (`go tool pprof` reads it),
// and a heap profile at the end to AGGREGATOR_MEMPROFILE: how the ingest
// benchmark's costs are found. The returned function ends both.
func startProfile(stderr io.Writer) func() {
	cpu, mem := os.Getenv("AGGREGATOR_CPUPROFILE"), os.Getenv("AGGREGATOR_MEMPROFILE")
	var f *os.File
	if cpu != "" {
		var err error
		if f, err = os.Create(cpu); err != nil {
			fmt.Fprintf(stderr, "aggregator: AGGREGATOR_CPUPROFILE: %v\n", err)
		} else if err := pprof.StartCPUProfile(f); err != nil {
			fmt.Fprintf(stderr, "aggregator: AGGREGATOR_CPUPROFILE: %v\n", err)
			f.Close()
			f = nil
		}
	}
	return func() {
		if f != nil {
			pprof.StopCPUProfile()
			f.Close()
		}
		if mem == "" {
			return
		}
		m, err := os.Create(mem)
		if err != nil {
			fmt.Fprintf(stderr, "aggregator: AGGREGATOR_MEMPROFILE: %v\n", err)
			return
		}
		defer m.Close()
		if err := pprof.Lookup("allocs").WriteTo(m, 0); err != nil {
			fmt.Fprintf(stderr, "aggregator: AGGREGATOR_MEMPROFILE: %v\n", err)
		}
	}
}
