//go:build !linux

package fastpath

import (
	"errors"
	"syscall"
)

// canSendFile says whether sendHeadAndFile works here: bodies are written
// from memory instead.
const canSendFile = false

func sendHeadAndFile(raw syscall.RawConn, head []byte, fd uintptr, n int) error {
	return errors.ErrUnsupported
}
