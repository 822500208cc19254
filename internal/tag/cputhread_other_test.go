//go:build !linux

package tag

import "time"

// threadCPUTime falls back to the process's CPU time where the thread's
// is not at hand.
func threadCPUTime() time.Duration { return cpuTime() }
