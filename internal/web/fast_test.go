package web

import (
	"bufio"
	"context"
	"fmt"
	"io"
	"maps"
	"net"
	"net/http"
	"slices"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"aggregator/internal/fastpath"
	"aggregator/internal/publish"
)

// TestFastPathAnswersAsNetHTTPDoes serves the fixture site's feeds through
// the fast path and through net/http (a query string sends a request to
// net/http), with a real publisher whose spool files go out with
// sendfile, and compares every answer: status, every header but Date, and
// the bytes of the body.
func TestFastPathAnswersAsNetHTTPDoes(t *testing.T) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	base := "http://" + ln.Addr().String()
	srv, pub := newSite(t, publish.Options{BaseURL: base, Version: "test", SpoolDir: t.TempDir()})
	ctx, cancel := context.WithCancel(context.Background())
	if err := pub.Start(ctx); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { cancel(); pub.Wait(); pub.Close() })

	var viaNetHTTP atomic.Int64
	h := srv.Handler()
	fs := &fastpath.Server{Handler: srv.FastHandler(), Fallback: &http.Server{
		Handler: http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			viaNetHTTP.Add(1)
			h.ServeHTTP(w, r)
		}),
	}}
	go fs.Serve(ln)
	t.Cleanup(func() {
		ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
		defer cancel()
		fs.Shutdown(ctx)
	})

	// Separate clients, so that no connection handed to net/http carries
	// a request meant for the fast path.
	fast := &http.Client{Transport: &http.Transport{DisableCompression: true}}
	slow := &http.Client{Transport: &http.Transport{DisableCompression: true}}
	do := func(c *http.Client, method, url string, header map[string]string) (*http.Response, []byte) {
		t.Helper()
		req, err := http.NewRequest(method, url, nil)
		if err != nil {
			t.Fatal(err)
		}
		for k, v := range header {
			req.Header.Set(k, v)
		}
		resp, err := c.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		defer resp.Body.Close()
		body, err := io.ReadAll(resp.Body)
		if err != nil {
			t.Fatal(err)
		}
		return resp, body
	}

	var slowRequests int64
	largest := 0
	for _, feed := range srv.Feeds.List() {
		for _, format := range []string{"rss", "atom", "json"} {
			url := base + "/feeds/" + feed.ID + "." + format
			first, _ := do(slow, http.MethodGet, url+"?via=net-http", nil)
			slowRequests++
			etag, lastMod := first.Header.Get("ETag"), first.Header.Get("Last-Modified")
			lm, err := http.ParseTime(lastMod)
			if err != nil {
				t.Fatalf("%s: Last-Modified %q: %v", url, lastMod, err)
			}
			gzipTag := etag[:len(etag)-1] + `-gzip"`
			for _, tc := range []struct {
				name, method string
				header       map[string]string
			}{
				// The fast path hands If-Match and If-Unmodified-Since to
				// net/http (counted below) with the rest of the connection,
				// hence Connection: close: the answers must still agree.
				{"Plain", http.MethodGet, nil},
				{"Gzip", http.MethodGet, map[string]string{"Accept-Encoding": "gzip, deflate, br"}},
				{"GzipRefused", http.MethodGet, map[string]string{"Accept-Encoding": "gzip;q=0, identity"}},
				{"Head", http.MethodHead, map[string]string{"Accept-Encoding": "gzip"}},
				{"MatchingETag", http.MethodGet, map[string]string{"If-None-Match": etag}},
				{"MatchingGzipETag", http.MethodGet, map[string]string{"If-None-Match": gzipTag, "Accept-Encoding": "gzip"}},
				{"WeakETagInList", http.MethodGet, map[string]string{"If-None-Match": `"other", W/` + etag}},
				{"OtherETag", http.MethodGet, map[string]string{"If-None-Match": `"other"`, "If-Modified-Since": lastMod}},
				{"NotModifiedSince", http.MethodGet, map[string]string{"If-Modified-Since": lastMod}},
				{"ModifiedSince", http.MethodGet, map[string]string{"If-Modified-Since": lm.Add(-time.Hour).Format(http.TimeFormat)}},
				{"BadDate", http.MethodGet, map[string]string{"If-Modified-Since": "yesterday"}},
				{"IfMatchStale", http.MethodGet, map[string]string{"If-Match": `"other"`, "Connection": "close"}},
				{"IfMatchCurrent", http.MethodGet, map[string]string{"If-Match": etag, "Connection": "close"}},
				{"UnmodifiedSinceEarlier", http.MethodGet, map[string]string{"If-Unmodified-Since": lm.Add(-time.Hour).Format(http.TimeFormat), "Connection": "close"}},
			} {
				fr, fb := do(fast, tc.method, url, tc.header)
				sr, sb := do(slow, tc.method, url+"?via=net-http", tc.header)
				slowRequests++
				if tc.header["If-Match"] != "" || tc.header["If-Unmodified-Since"] != "" {
					slowRequests++
				}
				where := feed.ID + "." + format + " " + tc.name
				if fr.StatusCode != sr.StatusCode {
					t.Errorf("%s: status %d, net/http %d", where, fr.StatusCode, sr.StatusCode)
				}
				fh, sh := fr.Header.Clone(), sr.Header.Clone()
				for _, h := range []http.Header{fh, sh} {
					if _, err := http.ParseTime(h.Get("Date")); err != nil {
						t.Errorf("%s: Date %q: %v", where, h.Get("Date"), err)
					}
					h.Del("Date")
				}
				if !maps.EqualFunc(fh, sh, slices.Equal) {
					t.Errorf("%s: headers differ\nfast:     %v\nnet/http: %v", where, fh, sh)
				}
				if string(fb) != string(sb) {
					t.Errorf("%s: bodies differ: %d bytes, net/http %d", where, len(fb), len(sb))
				}
				if fr.StatusCode == http.StatusOK && tc.method == http.MethodGet {
					largest = max(largest, len(fb))
				}
			}
		}
	}
	// HTTP/1.0, as ab sends it, on raw connections.
	raw := func(target, extra string) (*http.Response, []byte) {
		t.Helper()
		c, err := net.Dial("tcp", ln.Addr().String())
		if err != nil {
			t.Fatal(err)
		}
		defer c.Close()
		method, _, _ := strings.Cut(extra, " ")
		if method != http.MethodHead {
			method = http.MethodGet
		}
		fmt.Fprintf(c, "%s %s HTTP/1.0\r\nHost: %s\r\n%s\r\n", method, target, ln.Addr(), strings.TrimPrefix(extra, "HEAD "))
		resp, err := http.ReadResponse(bufio.NewReader(c), &http.Request{Method: method})
		if err != nil {
			t.Fatal(err)
		}
		body, err := io.ReadAll(resp.Body)
		if err != nil {
			t.Fatal(err)
		}
		return resp, body
	}
	etag := func() string {
		r, _ := do(slow, http.MethodGet, base+"/feeds/cpec.atom?via=net-http", nil)
		slowRequests++
		return r.Header.Get("ETag")
	}()
	for _, extra := range []string{"", "Connection: Keep-Alive\r\n", "Connection: keep-alive\r\nIf-None-Match: " + etag + "\r\n",
		"HEAD Connection: keep-alive\r\n", "Accept-Encoding: gzip\r\n"} {
		fr, fb := raw("/feeds/cpec.atom", extra)
		sr, sb := raw("/feeds/cpec.atom?via=net-http", extra)
		slowRequests++
		fr.Header.Del("Date")
		sr.Header.Del("Date")
		if fr.Proto != sr.Proto || fr.StatusCode != sr.StatusCode || !maps.EqualFunc(fr.Header, sr.Header, slices.Equal) || string(fb) != string(sb) {
			t.Errorf("HTTP/1.0 %q: fast %s %d %v (%d bytes)\nnet/http %s %d %v (%d bytes)", extra,
				fr.Proto, fr.StatusCode, fr.Header, len(fb), sr.Proto, sr.StatusCode, sr.Header, len(sb))
		}
	}

	if got := viaNetHTTP.Load(); got != slowRequests {
		t.Errorf("net/http answered %d requests, want only the %d sent to it", got, slowRequests)
	}
	if largest <= 6<<10 {
		t.Errorf("largest body %d bytes: the fixture no longer exercises sendfile (bodies over 6 KiB)", largest)
	}
}
