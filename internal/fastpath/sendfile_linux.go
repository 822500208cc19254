package fastpath

import (
	"io"
	"syscall"
)

// canSendFile says whether sendHeadAndFile works here.
const canSendFile = true

// sendHeadAndFile sends a response's head from memory, then n bytes of
// the file fd from its start with sendfile(2). The head goes with
// MSG_MORE, so that the kernel sends it in the same segments as the
// body's first bytes rather than on its own (nginx's tcp_nopush does the
// same with TCP_CORK). Whenever the socket's buffer is full it waits in
// the runtime's poller, which honours the write deadline. The explicit
// offset leaves the file's own position alone: many connections may send
// the same descriptor at once.
func sendHeadAndFile(raw syscall.RawConn, head []byte, fd uintptr, n int) error {
	var (
		off  int64
		serr error
	)
	err := raw.Write(func(s uintptr) bool {
		for len(head) > 0 {
			k, err := syscall.SendmsgN(int(s), head, nil, nil, syscall.MSG_MORE|syscall.MSG_NOSIGNAL)
			if k > 0 {
				head = head[k:]
			}
			switch {
			case err == syscall.EAGAIN:
				return false // wait until writable
			case err == syscall.EINTR:
			case err != nil:
				serr = err
				return true
			}
		}
		for n > 0 {
			k, err := syscall.Sendfile(int(s), int(fd), &off, min(n, 1<<30))
			if k > 0 {
				n -= k
			}
			switch {
			case err == syscall.EAGAIN:
				return false
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
