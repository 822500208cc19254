//go:build !unix

package publish

import "os"

// openSpooled opens a spool file for reading.
func openSpooled(name string) (*os.File, error) { return os.Open(name) }
