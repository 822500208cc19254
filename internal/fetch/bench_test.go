package fetch

import (
	"compress/gzip"
	"context"
	"errors"
	"io"
	"net/http"
	"runtime"
	"strings"
	"testing"
)

// BenchmarkGzipBomb fetches 1 GiB of gzip-compressed zeros against a
// 10 MiB cap and reports the heap allocated per fetch (client and test
// server together): it stays near the cap, not near 1 GiB.
func BenchmarkGzipBomb(b *testing.B) {
	srv := newServer(b, gzipBomb(1<<30))
	c := New(Options{})
	var before, after runtime.MemStats
	runtime.ReadMemStats(&before)
	for b.Loop() {
		if _, err := c.Get(context.Background(), Request{URL: srv.URL}); !errors.Is(err, ErrTooLarge) {
			b.Fatalf("err = %v, want ErrTooLarge", err)
		}
	}
	runtime.ReadMemStats(&after)
	b.ReportMetric(float64(after.TotalAlloc-before.TotalAlloc)/float64(b.N)/(1<<20), "MiB-alloc/op")
}

// BenchmarkGetGzip fetches a 200 KiB gzip-compressed feed from loopback.
func BenchmarkGetGzip(b *testing.B) {
	body := strings.Repeat("<item><title>Story</title><link>https://example.com/a</link></item>\n", 3000)
	srv := newServer(b, func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Encoding", "gzip")
		zw := gzip.NewWriter(w)
		io.WriteString(zw, body)
		zw.Close()
	})
	c := New(Options{})
	b.ReportAllocs()
	for b.Loop() {
		if _, err := c.Get(context.Background(), Request{URL: srv.URL}); err != nil {
			b.Fatal(err)
		}
	}
}
