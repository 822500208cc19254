//go:build !unix

package publish

import (
	"io"
	"os"
)

// openSpooled opens a spool file for reading.
func openSpooled(name string) (*os.File, error) { return os.Open(name) }

// lockSpool creates a spool's lock file; without flock(2) it holds no
// lock, and abandoned spools are not recognised.
func lockSpool(name string) (io.Closer, error) {
	return os.OpenFile(name, os.O_RDWR|os.O_CREATE|os.O_EXCL, 0o600)
}

// abandoned reports false: without flock(2) a live spool cannot be told
// from a dead one.
func abandoned(string) bool { return false }
