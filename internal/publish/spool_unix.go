//go:build unix

package publish

import (
	"errors"
	"io"
	"os"
	"path/filepath"
	"syscall"
	"time"
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

// lockSpool creates a spool's lock file and holds an exclusive flock(2)
// on it until the returned Closer closes (or the process dies).
func lockSpool(name string) (io.Closer, error) {
	f, err := os.OpenFile(name, os.O_RDWR|os.O_CREATE|os.O_EXCL, 0o600)
	if err != nil {
		return nil, err
	}
	if err := syscall.Flock(int(f.Fd()), syscall.LOCK_EX|syscall.LOCK_NB); err != nil {
		f.Close()
		return nil, &os.PathError{Op: "flock", Path: name, Err: err}
	}
	return f, nil
}

// abandoned reports whether a spool's lock file is held by no process:
// its process died without removing the spool. A spool without a lock
// file is abandoned too (one being made has had its lock from the first
// moment it could be seen: MkdirTemp then lock, under a name nobody else
// uses); but one too fresh to tell is left alone.
func abandoned(name string) bool {
	f, err := os.Open(name)
	if errors.Is(err, os.ErrNotExist) {
		fi, err := os.Stat(filepath.Dir(name))
		return err == nil && time.Since(fi.ModTime()) > time.Minute
	}
	if err != nil {
		return false
	}
	defer f.Close()
	if err := syscall.Flock(int(f.Fd()), syscall.LOCK_EX|syscall.LOCK_NB); err != nil {
		return false // held: a live process's spool
	}
	return true
}
