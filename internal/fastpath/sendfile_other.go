//go:build !linux

package fastpath

import (
	"errors"
	"syscall"
)

// canSendFile says whether sendFile works here: bodies are written from
// memory instead.
const canSendFile = false

func sendFile(raw syscall.RawConn, fd uintptr, off int64, n int) error {
	return errors.ErrUnsupported
}
