//go:build unix

package tag

import (
	"syscall"
	"time"
)

// cpuTime is the process's user+system CPU time, for benchmark metrics that
// hold up on a loaded machine better than wall-clock rates.
func cpuTime() time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}
