//go:build unix

package publish

import (
	"os"
	"syscall"
)

// openSpooled opens a spool file for reading. Opened with os.NewFile
// rather than os.Open, the blocking descriptor is never offered to the
// runtime's poller: os.Open would spend four fcntl(2) and an epoll_ctl(2)
// finding out that a regular file cannot be polled.
func openSpooled(name string) (*os.File, error) {
	fd, err := syscall.Open(name, syscall.O_RDONLY|syscall.O_CLOEXEC, 0)
	if err != nil {
		return nil, &os.PathError{Op: "open", Path: name, Err: err}
	}
	return os.NewFile(uintptr(fd), name), nil
}
