package fastpath

import (
	"io"
	"syscall"
)

// canSendFile says whether sendFile works here.
const canSendFile = true

// sendFile sends n bytes of the file fd from offset off to the socket with
// sendfile(2), waiting in the runtime's poller (and so honouring the write
// deadline) whenever the socket's buffer is full. The explicit offset
// leaves the file's own position alone: many connections may send the
// same descriptor at once.
func sendFile(raw syscall.RawConn, fd uintptr, off int64, n int) error {
	var serr error
	err := raw.Write(func(s uintptr) bool {
		for n > 0 {
			k, err := syscall.Sendfile(int(s), int(fd), &off, min(n, 1<<30))
			if k > 0 {
				n -= k
			}
			switch {
			case err == syscall.EAGAIN:
				return false // wait until writable
			case err == syscall.EINTR:
			case err != nil:
				serr = err
				return true
			case k == 0:
				serr = io.ErrUnexpectedEOF // the file is shorter than said
				return true
			}
		}
		return true
	})
	if err != nil {
		return err
	}
	return serr
}
