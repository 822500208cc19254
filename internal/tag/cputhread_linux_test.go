package tag

import (
	"syscall"
	"time"
)

// threadCPUTime is the calling thread's user+system CPU time: with the
// goroutine locked to its thread, what one side of a paired benchmark
// spent, whatever else the machine runs (other processes, the GC).
func threadCPUTime() time.Duration {
	var ru syscall.Rusage
	const rusageThread = 1 // RUSAGE_THREAD
	if err := syscall.Getrusage(rusageThread, &ru); err != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}
