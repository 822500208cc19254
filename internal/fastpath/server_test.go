package fastpath

import (
	"bufio"
	"bytes"
	"context"
	"errors"
	"io"
	"net"
	"net/http"
	"os"
	"path/filepath"
	"strconv"
	"sync/atomic"
	"testing"
	"time"
)

// testFile is a File over a real file, counting its releases.
type testFile struct {
	f        *os.File
	released atomic.Int64
}

func (tf *testFile) Fd() uintptr { return tf.f.Fd() }
func (tf *testFile) Release()    { tf.released.Add(1) }

// testServer runs a Server on loopback: "/fast" and "/big" are answered
// by the fast path (marked "Via: fast"), "/decline" is declined, and the
// fallback answers everything it gets with "Via: fallback", the method,
// path and body it read.
type testServer struct {
	t        *testing.T
	s        *Server
	addr     string
	big      []byte
	file     *testFile
	served   chan error
	fastHits atomic.Int64
}

func newTestServer(t *testing.T, adjust func(*Server)) *testServer {
	t.Helper()
	ts := &testServer{t: t, big: bytes.Repeat([]byte("0123456789abcdef"), 200<<10/16)}
	name := filepath.Join(t.TempDir(), "big")
	if err := os.WriteFile(name, ts.big, 0o600); err != nil {
		t.Fatal(err)
	}
	f, err := os.Open(name)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { f.Close() })
	ts.file = &testFile{f: f}

	fast := HandlerFunc(func(req *Request, resp *Response) bool {
		switch req.Path {
		case "/fast":
			ts.fastHits.Add(1)
			resp.Status = http.StatusOK
			resp.Header = append(resp.Header, "Via: fast\r\nContent-Type: text/plain\r\nContent-Length: 5\r\n"...)
			resp.Body = []byte("hello")
			if req.IfNoneMatch == `"v1"` {
				resp.Status = http.StatusNotModified
			}
			return true
		case "/panic":
			panic("handler bug")
		case "/big":
			ts.fastHits.Add(1)
			resp.Status = http.StatusOK
			resp.Header = append(resp.Header, "Via: fast\r\nContent-Length: "+strconv.Itoa(len(ts.big))+"\r\n"...)
			resp.Body = ts.big
			resp.File = ts.file
			return true
		}
		return false
	})
	fallback := http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		body, _ := io.ReadAll(r.Body)
		w.Header().Set("Via", "fallback")
		io.WriteString(w, r.Method+" "+r.URL.RequestURI()+" "+string(body))
	})
	ts.s = &Server{Handler: fast, Fallback: &http.Server{Handler: fallback}}
	if adjust != nil {
		adjust(ts.s)
	}
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	ts.addr = ln.Addr().String()
	ts.served = make(chan error, 1)
	go func() { ts.served <- ts.s.Serve(ln) }()
	t.Cleanup(func() {
		ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
		defer cancel()
		ts.s.Shutdown(ctx)
	})
	return ts
}

// dial opens a raw connection with a reader of its responses.
func (ts *testServer) dial() (net.Conn, *bufio.Reader) {
	ts.t.Helper()
	c, err := net.Dial("tcp", ts.addr)
	if err != nil {
		ts.t.Fatal(err)
	}
	ts.t.Cleanup(func() { c.Close() })
	c.SetDeadline(time.Now().Add(10 * time.Second))
	return c, bufio.NewReader(c)
}

func send(t *testing.T, c net.Conn, raw string) {
	t.Helper()
	if _, err := io.WriteString(c, raw); err != nil {
		t.Fatal(err)
	}
}

// read reads one response to a request of method.
func read(t *testing.T, br *bufio.Reader, method string) (*http.Response, string) {
	t.Helper()
	resp, err := http.ReadResponse(br, &http.Request{Method: method})
	if err != nil {
		t.Fatal(err)
	}
	body, err := io.ReadAll(resp.Body)
	if err != nil {
		t.Fatal(err)
	}
	return resp, string(body)
}

func get(path string, extra ...string) string {
	s := "GET " + path + " HTTP/1.1\r\nHost: test\r\n"
	for _, e := range extra {
		s += e + "\r\n"
	}
	return s + "\r\n"
}

func TestFastPathAnswersItsRequests(t *testing.T) {
	ts := newTestServer(t, nil)
	c, br := ts.dial()
	send(t, c, get("/fast"))
	resp, body := read(t, br, "GET")
	if resp.StatusCode != 200 || body != "hello" || resp.Header.Get("Via") != "fast" {
		t.Fatalf("got %d %q via %q", resp.StatusCode, body, resp.Header.Get("Via"))
	}
	if d, err := http.ParseTime(resp.Header.Get("Date")); err != nil || time.Since(d) > time.Minute {
		t.Errorf("Date %q: %v", resp.Header.Get("Date"), err)
	}
	if resp.Close {
		t.Error("a keep-alive request got a closing answer")
	}

	t.Run("NotModifiedHasNoBody", func(t *testing.T) {
		send(t, c, get("/fast", `If-None-Match: "v1"`))
		resp, body := read(t, br, "GET")
		if resp.StatusCode != 304 || body != "" {
			t.Fatalf("got %d %q", resp.StatusCode, body)
		}
	})
	t.Run("HeadHasNoBody", func(t *testing.T) {
		send(t, c, "HEAD /fast HTTP/1.1\r\nHost: test\r\n\r\n")
		resp, body := read(t, br, "HEAD")
		if resp.StatusCode != 200 || body != "" || resp.ContentLength != 5 {
			t.Fatalf("got %d %q length %d", resp.StatusCode, body, resp.ContentLength)
		}
		// The connection is still in step: the next answer is whole.
		send(t, c, get("/fast"))
		if _, body := read(t, br, "GET"); body != "hello" {
			t.Fatalf("after HEAD: %q", body)
		}
	})
	t.Run("Pipelined", func(t *testing.T) {
		send(t, c, get("/fast")+get("/fast", `If-None-Match: "v1"`)+get("/fast"))
		for i, want := range []int{200, 304, 200} {
			if resp, _ := read(t, br, "GET"); resp.StatusCode != want {
				t.Fatalf("response %d: %d, want %d", i, resp.StatusCode, want)
			}
		}
	})
	t.Run("LargeBodyFromFile", func(t *testing.T) {
		before := ts.file.released.Load()
		for range 3 {
			send(t, c, get("/big"))
			_, body := read(t, br, "GET")
			if body != string(ts.big) {
				t.Fatalf("got %d bytes, want the %d of the file", len(body), len(ts.big))
			}
		}
		if got := ts.file.released.Load() - before; got != 3 {
			t.Errorf("file released %d times for 3 responses", got)
		}
	})
}

func TestConnectionCloseIsHonoured(t *testing.T) {
	ts := newTestServer(t, nil)
	c, br := ts.dial()
	send(t, c, get("/fast", "Connection: close"))
	resp, _ := read(t, br, "GET")
	if !resp.Close {
		t.Error(`no "Connection: close" in the answer`)
	}
	if _, err := br.ReadByte(); err != io.EOF {
		t.Errorf("connection still open: %v", err)
	}
}

func TestOtherRequestsGoToTheFallback(t *testing.T) {
	for _, tc := range []struct {
		name, raw, method, want string
	}{
		{"Declined", get("/decline"), "GET", "GET /decline "},
		{"Query", get("/fast?x=1"), "GET", "GET /fast?x=1 "},
		{"Post", "POST /fast HTTP/1.1\r\nHost: test\r\nContent-Length: 4\r\n\r\nbody", "POST", "POST /fast body"},
		{"HeaderLargerThanTheBuffer", get("/fast", "X-Long: "+string(bytes.Repeat([]byte("a"), 2*readSize))), "GET", "GET /fast "},
	} {
		t.Run(tc.name, func(t *testing.T) {
			ts := newTestServer(t, nil)
			c, br := ts.dial()
			// The fallback request and a fast one behind it, in one write:
			// both are the fallback's now, in order.
			send(t, c, tc.raw+get("/fast"))
			resp, body := read(t, br, tc.method)
			if resp.Header.Get("Via") != "fallback" || body != tc.want {
				t.Fatalf("got %q via %q, want %q from the fallback", body, resp.Header.Get("Via"), tc.want)
			}
			resp, body = read(t, br, "GET")
			if resp.Header.Get("Via") != "fallback" || body != "GET /fast " {
				t.Fatalf("next request: %q via %q", body, resp.Header.Get("Via"))
			}
			if n := ts.fastHits.Load(); n != 0 {
				t.Errorf("fast path answered %d requests of a handed-over connection", n)
			}
		})
	}
}

func TestRequestArrivingInPieces(t *testing.T) {
	ts := newTestServer(t, nil)
	c, br := ts.dial()
	raw := get("/fast", "Accept-Encoding: gzip")
	for i := range len(raw) {
		send(t, c, raw[i:i+1])
	}
	if resp, body := read(t, br, "GET"); resp.Header.Get("Via") != "fast" || body != "hello" {
		t.Fatalf("got %q via %q", body, resp.Header.Get("Via"))
	}
}

func TestTimeouts(t *testing.T) {
	ts := newTestServer(t, func(s *Server) {
		s.IdleTimeout = 100 * time.Millisecond
		s.ReadHeaderTimeout = 100 * time.Millisecond
	})
	for _, tc := range []struct{ name, raw string }{
		{"Idle", ""},
		{"IdleAfterARequest", get("/fast")},
		{"HalfAHeader", "GET /fast HTTP/1.1\r\nHost: te"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			c, br := ts.dial()
			if tc.raw != "" {
				send(t, c, tc.raw)
			}
			if tc.name == "IdleAfterARequest" {
				read(t, br, "GET")
			}
			start := time.Now()
			if _, err := br.ReadByte(); err != io.EOF {
				t.Fatalf("got %v, want the server to close", err)
			}
			if time.Since(start) > 5*time.Second {
				t.Error("closed, but late")
			}
		})
	}
}

func TestShutdownClosesIdleConnections(t *testing.T) {
	ts := newTestServer(t, nil)
	idle, idleBr := ts.dial()
	send(t, idle, get("/fast"))
	read(t, idleBr, "GET")
	handed, handedBr := ts.dial()
	send(t, handed, get("/decline"))
	read(t, handedBr, "GET")

	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	if err := ts.s.Shutdown(ctx); err != nil {
		t.Fatalf("Shutdown: %v", err)
	}
	if err := <-ts.served; !errors.Is(err, http.ErrServerClosed) {
		t.Errorf("Serve returned %v, want http.ErrServerClosed", err)
	}
	for name, br := range map[string]*bufio.Reader{"fast": idleBr, "handed over": handedBr} {
		if _, err := br.ReadByte(); err != io.EOF {
			t.Errorf("%s connection: %v, want EOF", name, err)
		}
	}
	if _, err := net.DialTimeout("tcp", ts.addr, time.Second); err == nil {
		t.Error("still accepting after Shutdown")
	}
}

func TestShutdownLetsAResponseFinish(t *testing.T) {
	ts := newTestServer(t, nil)
	c, br := ts.dial()
	send(t, c, get("/big"))
	// Read only the status line: the body is still under way.
	if _, err := br.ReadString('\n'); err != nil {
		t.Fatal(err)
	}
	done := make(chan error, 1)
	go func() {
		ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
		defer cancel()
		done <- ts.s.Shutdown(ctx)
	}()
	rest, err := io.ReadAll(br)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.HasSuffix(rest, ts.big) {
		t.Errorf("response cut short: %d bytes after the status line", len(rest))
	}
	if err := <-done; err != nil {
		t.Errorf("Shutdown: %v", err)
	}
}

func TestHandlerPanicClosesOnlyItsConnection(t *testing.T) {
	ts := newTestServer(t, nil)
	c, br := ts.dial()
	send(t, c, get("/panic"))
	if _, err := br.ReadByte(); err != io.EOF {
		t.Fatalf("got %v, want the connection closed", err)
	}
	c2, br2 := ts.dial()
	send(t, c2, get("/fast"))
	if _, body := read(t, br2, "GET"); body != "hello" {
		t.Fatalf("after a panic: %q", body)
	}
}

func TestHTTP10(t *testing.T) {
	ts := newTestServer(t, nil)
	t.Run("ClosesByDefault", func(t *testing.T) {
		c, br := ts.dial()
		send(t, c, "GET /fast HTTP/1.0\r\n\r\n")
		status, err := br.ReadString('\n')
		if err != nil || status != "HTTP/1.0 200 OK\r\n" {
			t.Fatalf("status line %q (%v), want HTTP/1.0 200 OK", status, err)
		}
		rest, _ := io.ReadAll(br)
		if !bytes.HasSuffix(rest, []byte("\r\n\r\nhello")) || bytes.Contains(rest, []byte("Connection:")) {
			t.Errorf("answer %q: want the body, no Connection field, then the close", rest)
		}
	})
	t.Run("KeepAliveWhenAsked", func(t *testing.T) {
		c, br := ts.dial()
		for range 2 {
			send(t, c, "GET /fast HTTP/1.0\r\nConnection: Keep-Alive\r\nUser-Agent: ApacheBench/2.3\r\n\r\n")
			resp, body := read(t, br, "GET")
			if resp.Header.Get("Connection") != "keep-alive" || body != "hello" || resp.Close {
				t.Fatalf("got %q, Connection %q", body, resp.Header.Get("Connection"))
			}
		}
	})
}
