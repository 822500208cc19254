package fastpath

import (
	"bytes"
	"context"
	"net"
	"net/http"
	"testing"
	"time"
)

// BenchmarkRoundTrip measures one request and its answer on a keep-alive
// loopback connection, client included: a 304 and a small 200 from the
// fast path, and the same 200 from net/http on its own for comparison.
//
//	go test -run '^$' -bench RoundTrip -benchmem ./internal/fastpath
func BenchmarkRoundTrip(b *testing.B) {
	body := bytes.Repeat([]byte("x"), 2000)
	fast := HandlerFunc(func(req *Request, resp *Response) bool {
		resp.Header = append(resp.Header, "ETag: \"v1\"\r\nContent-Type: application/rss+xml\r\n"...)
		if req.IfNoneMatch == `"v1"` {
			resp.Status = http.StatusNotModified
			return true
		}
		resp.Status = http.StatusOK
		resp.Header = append(resp.Header, "Content-Length: 2000\r\n"...)
		resp.Body = body
		return true
	})
	std := http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("ETag", `"v1"`)
		w.Header().Set("Content-Type", "application/rss+xml")
		w.Header().Set("Content-Length", "2000")
		w.Write(body)
	})
	for _, tc := range []struct {
		name   string
		serve  func(ln net.Listener) func()
		req    string
		length int // of the answer
	}{
		{"FastPath304", fastServer(fast), "GET /f HTTP/1.1\r\nHost: b\r\nIf-None-Match: \"v1\"\r\n\r\n", 0},
		{"FastPath200", fastServer(fast), "GET /f HTTP/1.1\r\nHost: b\r\n\r\n", 2000},
		{"NetHTTP200", stdServer(std), "GET /f HTTP/1.1\r\nHost: b\r\n\r\n", 2000},
	} {
		b.Run(tc.name, func(b *testing.B) {
			ln, err := net.Listen("tcp", "127.0.0.1:0")
			if err != nil {
				b.Fatal(err)
			}
			stop := tc.serve(ln)
			defer stop()
			c, err := net.Dial("tcp", ln.Addr().String())
			if err != nil {
				b.Fatal(err)
			}
			defer c.Close()
			buf := make([]byte, 8<<10)
			req := []byte(tc.req)
			b.ReportAllocs()
			b.ResetTimer()
			for range b.N {
				if _, err := c.Write(req); err != nil {
					b.Fatal(err)
				}
				n := 0
				for {
					m, err := c.Read(buf[n:])
					if err != nil {
						b.Fatal(err)
					}
					n += m
					if i := bytes.Index(buf[:n], []byte("\r\n\r\n")); i >= 0 && n-i-4 >= tc.length {
						break
					}
				}
			}
		})
	}
}

func fastServer(h Handler) func(net.Listener) func() {
	return func(ln net.Listener) func() {
		s := &Server{Handler: h, Fallback: &http.Server{}}
		go s.Serve(ln)
		return func() {
			ctx, cancel := context.WithTimeout(context.Background(), time.Second)
			defer cancel()
			s.Shutdown(ctx)
		}
	}
}

func stdServer(h http.Handler) func(net.Listener) func() {
	return func(ln net.Listener) func() {
		s := &http.Server{Handler: h}
		go s.Serve(ln)
		return func() {
			ctx, cancel := context.WithTimeout(context.Background(), time.Second)
			defer cancel()
			s.Shutdown(ctx)
		}
	}
}
