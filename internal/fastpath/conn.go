package fastpath

import (
	"bytes"
	"errors"
	"io"
	"log/slog"
	"net"
	"net/http"
	"runtime/debug"
	"strconv"
	"sync"
	"sync/atomic"
	"syscall"
	"time"
)

// Buffer sizes: a request header that does not fit in readSize bytes goes
// to the fallback (net/http takes up to 1 MiB); a response header with a
// small body fits in writeSize. A body of minFileBody bytes or more goes
// from its file, when it has one, with sendfile(2); below, copying it
// costs less than the extra system call.
const (
	readSize    = 4 << 10
	writeSize   = 4 << 10
	minFileBody = 6 << 10
)

// buffers are a connection's read and write buffers, kept for its life
// (it reads into them while it waits) and pooled between connections.
type buffers struct {
	in     [readSize]byte
	header []byte // the handler's header fields
	out    []byte // the response as written
}

var bufferPool = sync.Pool{New: func() any {
	return &buffers{header: make([]byte, 0, 1<<10), out: make([]byte, 0, writeSize)}
}}

// conn is one client connection while the fast path serves it.
type conn struct {
	s      *Server
	nc     net.Conn
	client string      // for Server.MaxConnsPerClient
	idle   atomic.Bool // waiting for a request: Shutdown may close it
	raw    syscall.RawConn
	resp   Response
}

// serve answers the connection's requests until it closes, errs, or is
// handed to the fallback.
func (c *conn) serve() {
	b := bufferPool.Get().(*buffers)
	handedOver := false
	defer func() {
		if v := recover(); v != nil {
			c.s.logger().Error("panic serving a fast-path request", slog.Any("panic", v),
				slog.String("stack", string(debug.Stack())))
			if c.resp.File != nil {
				c.resp.File.Release()
			}
		}
		if !handedOver {
			c.nc.Close()
			c.s.closed(c.client)
		}
		bufferPool.Put(b)
		c.s.forget(c)
	}()
	s := c.s
	readHeader := orDefault(s.ReadHeaderTimeout, DefaultReadHeaderTimeout)
	idle := orDefault(s.IdleTimeout, DefaultIdleTimeout)
	n := 0 // bytes of b.in in use
	started := false
	for {
		end := headerEnd(b.in[:n])
		if end < 0 {
			if n == len(b.in) || bareLF(b.in[:n]) {
				handedOver = c.handOver(b.in[:n])
				return
			}
			switch {
			case n == 0:
				c.idle.Store(true)
				if s.shutting.Load() {
					return
				}
				started = false
				c.nc.SetReadDeadline(time.Now().Add(idle))
			case !started:
				started = true
				c.nc.SetReadDeadline(time.Now().Add(readHeader))
			}
			m, err := c.nc.Read(b.in[n:])
			c.idle.Store(false)
			n += m
			if err != nil {
				return // closed, timed out, or reset: nothing to answer
			}
			continue
		}
		req, ok := parseRequest(b.in[:end])
		if !ok {
			handedOver = c.handOver(b.in[:n])
			return
		}
		var start time.Time
		if s.Observe != nil {
			start = time.Now()
		}
		c.resp = Response{Header: b.header[:0]}
		if !s.Handler.ServeFast(&req, &c.resp) {
			handedOver = c.handOver(b.in[:n])
			return
		}
		closing := req.close || s.shutting.Load()
		err := c.write(b, &req, closing)
		if s.Observe != nil && err == nil {
			s.Observe(&req, c.resp.Status, time.Since(start))
		}
		if c.resp.File != nil {
			c.resp.File.Release()
		}
		c.resp = Response{}
		if err != nil || closing {
			if err == nil {
				c.closeGracefully()
			}
			return
		}
		n = copy(b.in[:], b.in[end:n])
		started = n > 0
		if started {
			c.nc.SetReadDeadline(time.Now().Add(readHeader))
		}
	}
}

// lingerTime bounds how long a closing connection reads what the client
// still sends, as net/http does: closing with unread data would reset the
// connection and could destroy the response before the client read it.
const lingerTime = 500 * time.Millisecond

// closeGracefully half-closes the connection and drains what the client
// still sends until it closes too, or lingerTime passes.
func (c *conn) closeGracefully() {
	cw, ok := c.nc.(interface{ CloseWrite() error })
	if !ok || cw.CloseWrite() != nil {
		return
	}
	c.nc.SetReadDeadline(time.Now().Add(lingerTime))
	_, _ = io.Copy(io.Discard, io.LimitReader(c.nc, 256<<10))
}

// rawConn is the connection's descriptor access, nil when it has none.
func (c *conn) rawConn() syscall.RawConn {
	if c.raw == nil {
		if sc, ok := c.nc.(syscall.Conn); ok {
			c.raw, _ = sc.SyscallConn()
		}
	}
	return c.raw
}

// handOver gives the connection, with the bytes read from it and not yet
// answered, to the fallback server. It reports false when the fallback no
// longer takes connections (the caller closes it).
func (c *conn) handOver(pending []byte) bool {
	c.nc.SetReadDeadline(time.Time{})
	hc := &handedConn{Conn: c.nc, pending: bytes.Clone(pending), closed: func() { c.s.closed(c.client) }}
	return c.s.handoff.deliver(hc)
}

// write sends the response: status line, Date, the handler's header,
// Connection: close when closing, then the body unless there is none.
func (c *conn) write(b *buffers, req *Request, closing bool) error {
	r := &c.resp
	out := b.out[:0]
	out = appendStatusLine(out, r.Status, req.http10)
	out = append(out, "Date: "...)
	out = append(out, c.s.date.get(time.Now())...)
	out = append(out, "\r\n"...)
	out = append(out, r.Header...)
	switch { // as net/http says it
	case req.http10 && !closing:
		out = append(out, "Connection: keep-alive\r\n"...)
	case closing && !req.http10:
		out = append(out, "Connection: close\r\n"...)
	}
	out = append(out, "\r\n"...)
	b.out = out[:0] // keep a grown buffer

	if wt := orDefault(c.s.WriteTimeout, DefaultWriteTimeout); wt > 0 {
		c.nc.SetWriteDeadline(time.Now().Add(wt))
	}
	body := r.Body
	if req.Head || !bodyAllowed(r.Status) {
		body = nil
	}
	switch {
	case len(body) >= minFileBody && r.File != nil && canSendFile && c.rawConn() != nil:
		return sendHeadAndFile(c.raw, out, r.File.Fd(), len(body))
	case len(out)+len(body) <= cap(out):
		out = append(out, body...)
		_, err := c.nc.Write(out)
		return err
	default:
		bufs := net.Buffers{out, body}
		_, err := bufs.WriteTo(c.nc) // writev(2)
		return err
	}
}

// bodyAllowed reports whether a status may have a body (RFC 9110 6.4.1).
func bodyAllowed(status int) bool {
	return status >= 200 && status != http.StatusNoContent && status != http.StatusNotModified
}

// appendStatusLine appends "HTTP/1.1 200 OK\r\n" for a status, or
// "HTTP/1.0 …" to an HTTP/1.0 request, as net/http does.
func appendStatusLine(out []byte, status int, http10 bool) []byte {
	proto := "HTTP/1.1 "
	if http10 {
		proto = "HTTP/1.0 "
	}
	out = append(out, proto...)
	switch status { // the fast path's usual answers, without formatting
	case http.StatusOK:
		return append(out, "200 OK\r\n"...)
	case http.StatusNotModified:
		return append(out, "304 Not Modified\r\n"...)
	}
	out = strconv.AppendInt(out, int64(status), 10)
	out = append(out, ' ')
	out = append(out, http.StatusText(status)...)
	return append(out, "\r\n"...)
}

// handedConn is a connection given to the fallback: reads return the
// bytes the fast path had read first. It keeps the TCP connection's
// ReadFrom (net/http's sendfile path) and CloseWrite, and tells its
// server when it closes.
type handedConn struct {
	net.Conn
	mu      sync.Mutex
	pending []byte
	closed  func()
	once    sync.Once
}

// Close closes the connection and counts it closed, once.
func (c *handedConn) Close() error {
	c.once.Do(c.closed)
	return c.Conn.Close()
}

func (c *handedConn) Read(p []byte) (int, error) {
	c.mu.Lock()
	if len(c.pending) > 0 {
		n := copy(p, c.pending)
		c.pending = c.pending[n:]
		c.mu.Unlock()
		return n, nil
	}
	c.mu.Unlock()
	return c.Conn.Read(p)
}

// ReadFrom lets net/http send a file with sendfile(2) when the underlying
// connection can.
func (c *handedConn) ReadFrom(r io.Reader) (int64, error) {
	if rf, ok := c.Conn.(io.ReaderFrom); ok {
		return rf.ReadFrom(r)
	}
	return io.Copy(struct{ io.Writer }{c.Conn}, r)
}

// CloseWrite half-closes the connection when the underlying one can.
func (c *handedConn) CloseWrite() error {
	if cw, ok := c.Conn.(interface{ CloseWrite() error }); ok {
		return cw.CloseWrite()
	}
	return errors.New("fastpath: connection cannot half-close")
}

// handoffListener is the fallback server's listener: its Accept returns
// the connections the fast path hands over.
type handoffListener struct {
	addr   net.Addr
	conns  chan net.Conn
	closed chan struct{}
	once   sync.Once
}

func newHandoffListener(addr net.Addr) *handoffListener {
	return &handoffListener{addr: addr, conns: make(chan net.Conn), closed: make(chan struct{})}
}

// deliver passes a connection to Accept; false once the listener closed.
func (l *handoffListener) deliver(c net.Conn) bool {
	select {
	case <-l.closed:
		return false
	default:
	}
	select {
	case l.conns <- c:
		return true
	case <-l.closed:
		return false
	}
}

func (l *handoffListener) Accept() (net.Conn, error) {
	select {
	case c := <-l.conns:
		return c, nil
	case <-l.closed:
		return nil, net.ErrClosed
	}
}

func (l *handoffListener) Close() error {
	l.once.Do(func() { close(l.closed) })
	return nil
}

func (l *handoffListener) Addr() net.Addr { return l.addr }
