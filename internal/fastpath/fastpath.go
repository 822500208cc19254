// Package fastpath answers the service's hottest requests, plain and
// conditional GETs of published feeds, without net/http's per-request
// work, and hands every other connection to a net/http server untouched.
//
// Each accepted connection starts here. Requests of one narrow shape (GET
// or HEAD over HTTP/1.1, an absolute path without query, no body, nothing
// in the headers that asks for more than a cached answer) go to the
// Handler, which answers from bytes prepared in advance; a large body goes
// from a file to the socket with sendfile(2). The first request of any
// other shape, or one the Handler declines, passes the connection with the
// bytes already read to the Fallback http.Server, which then serves it to
// the end as if it had accepted it itself. So the fast path only ever
// shortens the way to an answer net/http would have given: it never
// answers what it does not fully understand.
//
// net/http spends on each request a goroutine for the background read, a
// header map, a Request and a response writer; for a cached feed that work
// is most of the server's cost. github.com/valyala/fasthttp would remove it
// too, but for every route or none: it cannot give a connection back to
// net/http, and the rest of the service (the hub, the API, the pages) is
// written for net/http.
package fastpath

import (
	"context"
	"errors"
	"log/slog"
	"net"
	"net/http"
	"sync"
	"sync/atomic"
	"time"
)

// Request is what the fast path read of a request: only what a cached
// answer depends on. Its strings do not outlive the call to ServeFast.
type Request struct {
	Head bool   // HEAD rather than GET
	Path string // the request target: an absolute path, no query

	Host            string
	IfNoneMatch     string
	IfModifiedSince string
	AcceptEncoding  string

	close     bool // the connection closes after the answer
	http10    bool // an HTTP/1.0 request
	keepAlive bool // an HTTP/1.0 request asking to keep the connection
}

// Response is the answer a Handler fills in.
type Response struct {
	// Status is the status code; its reason phrase is http.StatusText's.
	Status int
	// Header holds the header fields, each "Name: value\r\n". It comes
	// empty with room to append; the server adds Date, Connection and the
	// end of the header itself.
	Header []byte
	// Body is the whole body, sent unless the request is a HEAD or the
	// status has none (1xx, 204, 304). The header must give its length.
	Body []byte
	// File, when set, holds the same bytes as Body, for sendfile(2); the
	// server releases it once the response is written, or not written.
	File File
}

// File is a response body kept in an open file.
type File interface {
	Fd() uintptr // the open file's descriptor, read with pread semantics
	Release()    // the server is done with the descriptor
}

// Handler answers the requests of the fast path.
type Handler interface {
	// ServeFast fills in resp and reports true, or reports false having
	// changed nothing, to let the fallback server answer the request.
	ServeFast(req *Request, resp *Response) bool
}

// HandlerFunc adapts a function to a Handler.
type HandlerFunc func(req *Request, resp *Response) bool

// ServeFast calls f.
func (f HandlerFunc) ServeFast(req *Request, resp *Response) bool { return f(req, resp) }

// Default timeouts of a Server.
const (
	DefaultReadHeaderTimeout = 10 * time.Second
	DefaultIdleTimeout       = 2 * time.Minute
	DefaultWriteTimeout      = 2 * time.Minute
)

// Server accepts connections for the fast path and its fallback.
type Server struct {
	Handler  Handler
	Fallback *http.Server // serves every connection the fast path hands over

	ReadHeaderTimeout time.Duration // from a request's first byte to its end
	IdleTimeout       time.Duration // waiting for the next request
	WriteTimeout      time.Duration // writing one response
	// MaxConnsPerClient bounds the open connections from one client
	// address, on either path; beyond, a new one is closed at once. 0: no
	// bound.
	MaxConnsPerClient int
	Logger            *slog.Logger
	// Observe, when set, is told of every request the fast path answered,
	// with the status and the time from its header read to its response
	// written (the request's strings do not outlive the call). Requests
	// handed to the fallback are the fallback's to observe.
	Observe func(req *Request, status int, took time.Duration)

	date     dateHeader
	handoff  *handoffListener
	shutting atomic.Bool

	mu      sync.Mutex
	ln      net.Listener
	conns   map[*conn]struct{}
	clients map[string]int // open connections by client address
	wg      sync.WaitGroup // the connections' goroutines
}

// Serve accepts connections on ln until Shutdown, and runs the fallback
// server on the connections handed to it. Like http.Server.Serve, it
// returns http.ErrServerClosed after Shutdown, or the error that stopped
// it.
func (s *Server) Serve(ln net.Listener) error {
	s.mu.Lock()
	if s.shutting.Load() {
		s.mu.Unlock()
		return http.ErrServerClosed
	}
	s.ln = ln
	s.conns = make(map[*conn]struct{})
	s.clients = make(map[string]int)
	s.handoff = newHandoffListener(ln.Addr())
	handoff := s.handoff
	s.mu.Unlock()

	fallbackErr := make(chan error, 1)
	go func() { fallbackErr <- s.Fallback.Serve(handoff) }()

	var delay time.Duration // after a temporary accept error, as net/http does
	for {
		nc, err := ln.Accept()
		if err != nil {
			if s.shutting.Load() {
				return http.ErrServerClosed
			}
			var te interface{ Temporary() bool } // EMFILE, ECONNABORTED…
			if errors.As(err, &te) && te.Temporary() {
				delay = min(max(2*delay, 5*time.Millisecond), time.Second)
				s.logger().Warn("accepting a connection", slog.Any("error", err), slog.Duration("retry_in", delay))
				time.Sleep(delay)
				continue
			}
			handoff.Close()
			<-fallbackErr
			return err
		}
		delay = 0
		c := s.newConn(nc)
		if c == nil {
			nc.Close()
			continue
		}
		go c.serve()
	}
}

// Shutdown stops accepting, closes the idle connections, waits for the
// others to finish their response (or for ctx to end, then closes them)
// and shuts the fallback server down with the same ctx.
func (s *Server) Shutdown(ctx context.Context) error {
	s.shutting.Store(true)
	s.mu.Lock()
	ln := s.ln
	s.mu.Unlock()
	var lnErr error
	if ln != nil {
		lnErr = ln.Close()
	}
	fallbackDone := make(chan error, 1)
	go func() { fallbackDone <- s.Fallback.Shutdown(ctx) }()

	done := make(chan struct{})
	go func() { s.wg.Wait(); close(done) }()
	tick := time.NewTicker(10 * time.Millisecond)
	defer tick.Stop()
	var err error
wait:
	for {
		s.closeConns(false)
		select {
		case <-done:
			break wait
		case <-ctx.Done():
			s.closeConns(true)
			err = ctx.Err()
			break wait
		case <-tick.C:
		}
	}
	if ferr := <-fallbackDone; err == nil {
		err = ferr
	}
	if err == nil && lnErr != nil && !errors.Is(lnErr, net.ErrClosed) {
		err = lnErr
	}
	return err
}

// closeConns closes the idle connections, or all of them.
func (s *Server) closeConns(all bool) {
	s.mu.Lock()
	defer s.mu.Unlock()
	for c := range s.conns {
		if all || c.idle.Load() {
			c.nc.Close()
		}
	}
}

// newConn tracks a new connection; nil once shutting down or when its
// client has MaxConnsPerClient open already.
func (s *Server) newConn(nc net.Conn) *conn {
	client := clientAddr(nc)
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.shutting.Load() {
		return nil
	}
	if s.MaxConnsPerClient > 0 && s.clients[client] >= s.MaxConnsPerClient {
		return nil
	}
	s.clients[client]++
	c := &conn{s: s, nc: nc, client: client}
	s.conns[c] = struct{}{}
	s.wg.Add(1)
	return c
}

// clientAddr is the address connections are counted by: the remote IP.
func clientAddr(nc net.Conn) string {
	addr := nc.RemoteAddr().String()
	if host, _, err := net.SplitHostPort(addr); err == nil {
		return host
	}
	return addr
}

// closed counts a client's connection closed, on either path.
func (s *Server) closed(client string) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.clients[client] <= 1 {
		delete(s.clients, client)
		return
	}
	s.clients[client]--
}

// forget stops tracking a connection, closed or handed over.
func (s *Server) forget(c *conn) {
	s.mu.Lock()
	delete(s.conns, c)
	s.mu.Unlock()
	s.wg.Done()
}

func (s *Server) logger() *slog.Logger {
	if s.Logger == nil {
		return slog.New(slog.DiscardHandler)
	}
	return s.Logger
}

func orDefault(d, def time.Duration) time.Duration {
	if d <= 0 {
		return def
	}
	return d
}
