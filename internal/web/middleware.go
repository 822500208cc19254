package web

import (
	"io"
	"log/slog"
	"net/http"
	"runtime/debug"
	"strings"
	"time"
)

// instrument wraps next with panic recovery and request logging at debug
// level. A panic before the response started answers 500; after it
// started, the connection is aborted so that the client cannot mistake a
// truncated answer for a whole one.
func (h *handler) instrument(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		start := time.Now()
		rw := &recorder{ResponseWriter: w}
		defer func() {
			v := recover()
			if v == http.ErrAbortHandler {
				panic(v)
			}
			if v != nil {
				h.log.LogAttrs(r.Context(), slog.LevelError, "panic serving request",
					slog.String("method", r.Method), slog.String("path", r.URL.Path),
					slog.Any("panic", v), slog.String("stack", string(debug.Stack())))
				if rw.status != 0 {
					panic(http.ErrAbortHandler)
				}
				http.Error(rw, "internal error", http.StatusInternalServerError)
			}
			took := time.Since(start)
			h.logRequest(r, rw, took)
			if h.ObserveRequest != nil {
				h.ObserveRequest(h.route(r), r.Method, rw.code(), took)
			}
		}()
		next.ServeHTTP(rw, r)
	})
}

// route is the path of the ServeMux pattern that answers r
// ("/feeds/{file}" for "GET /feeds/{file}"), "" when none does: a metrics
// label whose values are bounded by the routes, whatever paths clients
// ask for. It asks the mux again rather than reading r.Pattern, which the
// mux sets on the request it is given: a middleware between (such as
// http.MaxBytesHandler) hands it a copy.
func (h *handler) route(r *http.Request) string {
	if h.mux == nil {
		return ""
	}
	_, p := h.mux.Handler(r)
	if i := strings.IndexByte(p, ' '); i >= 0 {
		p = p[i+1:]
	}
	return p
}

func (h *handler) logRequest(r *http.Request, rw *recorder, took time.Duration) {
	if !h.log.Enabled(r.Context(), slog.LevelDebug) {
		return
	}
	h.log.LogAttrs(r.Context(), slog.LevelDebug, "request",
		slog.String("method", r.Method),
		slog.String("path", r.URL.Path),
		slog.Int("status", rw.code()),
		slog.Int64("bytes", rw.bytes),
		slog.Duration("took", took),
		slog.String("remote", r.RemoteAddr))
}

// recorder remembers the status and size of a response.
type recorder struct {
	http.ResponseWriter
	status int
	bytes  int64
}

// code is the status sent: 200 when the handler wrote nothing.
func (rw *recorder) code() int {
	if rw.status == 0 {
		return http.StatusOK
	}
	return rw.status
}

func (rw *recorder) WriteHeader(code int) {
	if rw.status == 0 && code >= 200 {
		rw.status = code
	}
	rw.ResponseWriter.WriteHeader(code)
}

func (rw *recorder) Write(b []byte) (int, error) {
	if rw.status == 0 {
		rw.status = http.StatusOK
	}
	n, err := rw.ResponseWriter.Write(b)
	rw.bytes += int64(n)
	return n, err
}

// ReadFrom keeps net/http's sendfile path for bodies served from files
// (published feeds) and counts what it sent.
func (rw *recorder) ReadFrom(r io.Reader) (int64, error) {
	if rw.status == 0 {
		rw.status = http.StatusOK
	}
	n, err := io.Copy(rw.ResponseWriter, r)
	rw.bytes += n
	return n, err
}

// Unwrap lets http.ResponseController reach the underlying writer.
func (rw *recorder) Unwrap() http.ResponseWriter { return rw.ResponseWriter }

// Flush passes flushes through for handlers that stream.
func (rw *recorder) Flush() {
	if f, ok := rw.ResponseWriter.(http.Flusher); ok {
		f.Flush()
	}
}
