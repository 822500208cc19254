//go:build linux

package publish

import (
	"bufio"
	"compress/gzip"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"io"
	"net"
	"net/http"
	"os"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"aggregator/internal/fastpath"
	"aggregator/internal/model"
)

// TestFastPathUnderReRenders reads feeds over the fast path on several
// keep-alive connections while their content changes and renders replace
// each other every few milliseconds: every answer must be whole and match
// its own ETag (a descriptor closed or reused under a response would send
// other bytes), and once it is all over, no spool descriptor is left open.
func TestFastPathUnderReRenders(t *testing.T) {
	fdsBefore := openFDs(t)
	st := newLive(bigItems())
	opts := fastOpts()
	opts.Coalesce = time.Millisecond
	opts.SpoolDir = t.TempDir()
	p := New(st, opts, testDefs)
	ctx, cancel := context.WithCancel(context.Background())
	if err := p.Start(ctx); err != nil {
		t.Fatal(err)
	}

	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	srv := &fastpath.Server{
		Handler: fastpath.HandlerFunc(func(req *fastpath.Request, resp *fastpath.Response) bool {
			id, format, _ := strings.Cut(strings.TrimPrefix(req.Path, "/feeds/"), ".")
			r, err := p.Get(context.Background(), id, format)
			return err == nil && r.ServeFast(req, resp)
		}),
		Fallback: &http.Server{Handler: http.NotFoundHandler()},
	}
	go srv.Serve(ln)

	stop := make(chan struct{})
	var changer sync.WaitGroup
	changer.Go(func() {
		items := bigItems()
		for i := 0; ; i++ {
			select {
			case <-stop:
				return
			case <-time.After(3 * time.Millisecond):
			}
			items[1].Title = fmt.Sprintf("Version %d of a changing story", i)
			st.set(append([]model.Item(nil), items...), nil)
			p.Invalidate(nil)
		}
	})

	var answers, distinct atomic.Int64
	var clients sync.WaitGroup
	deadline := time.Now().Add(time.Second)
	for c := range 6 {
		clients.Go(func() {
			conn, err := net.Dial("tcp", ln.Addr().String())
			if err != nil {
				t.Error(err)
				return
			}
			defer conn.Close()
			br := bufio.NewReader(conn)
			seen := map[string]bool{}
			for i := 0; time.Now().Before(deadline); i++ {
				format := Formats()[(c+i)%len(Formats())]
				gz := (c+i)%2 == 0
				extra := ""
				if gz {
					extra = "Accept-Encoding: gzip\r\n"
				}
				fmt.Fprintf(conn, "GET /feeds/cpec.%s HTTP/1.1\r\nHost: t\r\n%s\r\n", format, extra)
				resp, err := http.ReadResponse(br, nil)
				if err != nil {
					t.Error(err)
					return
				}
				body, err := io.ReadAll(resp.Body)
				resp.Body.Close()
				if err != nil {
					t.Error(err)
					return
				}
				if gz {
					zr, err := gzip.NewReader(strings.NewReader(string(body)))
					if err == nil {
						body, err = io.ReadAll(zr)
					}
					if err != nil {
						t.Errorf("%s gzip answer does not decompress: %v", format, err)
						return
					}
				}
				sum := sha256.Sum256(body)
				want := `"` + hex.EncodeToString(sum[:16])
				if !strings.HasPrefix(resp.Header.Get("ETag"), want) {
					t.Errorf("%s (gzip %v): body of %d bytes does not match its ETag %s", format, gz, len(body), resp.Header.Get("ETag"))
					return
				}
				answers.Add(1)
				if tag := resp.Header.Get("ETag"); !seen[tag] {
					seen[tag] = true
					distinct.Add(1)
				}
			}
		})
	}
	clients.Wait()
	close(stop)
	changer.Wait()

	sctx, scancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer scancel()
	srv.Shutdown(sctx)
	cancel()
	p.Wait()
	if err := p.Close(); err != nil {
		t.Fatal(err)
	}
	t.Logf("%d answers, %d distinct versions seen", answers.Load(), distinct.Load())
	if distinct.Load() < 10 {
		t.Errorf("only %d distinct versions: the renders did not change under the readers", distinct.Load())
	}
	if after := openFDs(t); after > fdsBefore+2 {
		t.Errorf("%d descriptors open after the run, %d before: spool files leaked", after, fdsBefore)
	}
}

// openFDs counts the process's open file descriptors.
func openFDs(t *testing.T) int {
	t.Helper()
	entries, err := os.ReadDir("/proc/self/fd")
	if err != nil {
		t.Skip("no /proc/self/fd")
	}
	return len(entries)
}
