package fetch

import (
	"compress/flate"
	"compress/gzip"
	"compress/zlib"
	"context"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"
)

const feedXML = `<?xml version="1.0"?><rss version="2.0"><channel><title>t</title></channel></rss>`

func newServer(t testing.TB, h http.HandlerFunc) *httptest.Server {
	t.Helper()
	srv := httptest.NewServer(h)
	t.Cleanup(srv.Close)
	return srv
}

func TestGet(t *testing.T) {
	t.Run("ConditionalHeadersSentAnd304Reported", func(t *testing.T) {
		srv := newServer(t, func(w http.ResponseWriter, r *http.Request) {
			if r.Header.Get("If-None-Match") == `"v1"` && r.Header.Get("If-Modified-Since") == "Mon, 02 Jan 2006 15:04:05 GMT" {
				w.WriteHeader(http.StatusNotModified)
				return
			}
			w.Header().Set("ETag", `"v1"`)
			w.Header().Set("Last-Modified", "Mon, 02 Jan 2006 15:04:05 GMT")
			w.Header().Set("Content-Type", "application/rss+xml; charset=utf-8")
			io.WriteString(w, feedXML)
		})
		c := New(Options{})
		first, err := c.Get(context.Background(), Request{URL: srv.URL})
		if err != nil {
			t.Fatal(err)
		}
		if got, want := string(first.Body), feedXML; got != want {
			t.Errorf("body = %q, want %q", got, want)
		}
		if first.NotModified || first.Status != 200 || first.ContentType != "application/rss+xml; charset=utf-8" {
			t.Errorf("first response = %+v", first)
		}
		second, err := c.Get(context.Background(), Request{URL: srv.URL, ETag: first.ETag, LastModified: first.LastModified})
		if err != nil {
			t.Fatal(err)
		}
		if !second.NotModified || second.Status != 304 || len(second.Body) != 0 {
			t.Errorf("second response = %+v, want a 304", second)
		}
		if second.ETag != `"v1"` || second.LastModified != first.LastModified {
			t.Errorf("304 lost the validators: %q %q", second.ETag, second.LastModified)
		}
	})

	t.Run("SendsUserAgentAndFeedAccept", func(t *testing.T) {
		var ua, accept string
		srv := newServer(t, func(w http.ResponseWriter, r *http.Request) {
			ua, accept = r.UserAgent(), r.Header.Get("Accept")
		})
		if _, err := New(Options{UserAgent: "agg/1 (+http://x)"}).Get(context.Background(), Request{URL: srv.URL}); err != nil {
			t.Fatal(err)
		}
		if ua != "agg/1 (+http://x)" || !strings.Contains(accept, "application/rss+xml") {
			t.Errorf("User-Agent %q, Accept %q", ua, accept)
		}
	})

	t.Run("GzipBodyDecompressed", func(t *testing.T) {
		srv := newServer(t, func(w http.ResponseWriter, r *http.Request) {
			if !strings.Contains(r.Header.Get("Accept-Encoding"), "gzip") {
				t.Errorf("Accept-Encoding = %q", r.Header.Get("Accept-Encoding"))
			}
			w.Header().Set("Content-Encoding", "gzip")
			zw := gzip.NewWriter(w)
			io.WriteString(zw, feedXML)
			zw.Close()
		})
		resp, err := New(Options{}).Get(context.Background(), Request{URL: srv.URL})
		if err != nil {
			t.Fatal(err)
		}
		if got := string(resp.Body); got != feedXML {
			t.Errorf("body = %q", got)
		}
	})

	for name, enc := range map[string]func(io.Writer) io.WriteCloser{
		"DeflateZlibBodyDecompressed": func(w io.Writer) io.WriteCloser { return zlib.NewWriter(w) },
		"DeflateRawBodyDecompressed": func(w io.Writer) io.WriteCloser {
			fw, _ := flate.NewWriter(w, flate.DefaultCompression)
			return fw
		},
	} {
		t.Run(name, func(t *testing.T) {
			srv := newServer(t, func(w http.ResponseWriter, r *http.Request) {
				w.Header().Set("Content-Encoding", "deflate")
				zw := enc(w)
				io.WriteString(zw, feedXML)
				zw.Close()
			})
			resp, err := New(Options{}).Get(context.Background(), Request{URL: srv.URL})
			if err != nil {
				t.Fatal(err)
			}
			if got := string(resp.Body); got != feedXML {
				t.Errorf("body = %q", got)
			}
		})
	}

	t.Run("BodyOverMaxBodyRefused", func(t *testing.T) {
		srv := newServer(t, func(w http.ResponseWriter, r *http.Request) {
			io.WriteString(w, strings.Repeat("x", 2000))
		})
		_, err := New(Options{MaxBody: 1000}).Get(context.Background(), Request{URL: srv.URL})
		if !errors.Is(err, ErrTooLarge) || Transient(err) {
			t.Errorf("err = %v, want ErrTooLarge, not transient", err)
		}
	})

	t.Run("BodyOfExactlyMaxBodyAccepted", func(t *testing.T) {
		srv := newServer(t, func(w http.ResponseWriter, r *http.Request) {
			io.WriteString(w, strings.Repeat("x", 1000))
		})
		resp, err := New(Options{MaxBody: 1000}).Get(context.Background(), Request{URL: srv.URL})
		if err != nil || len(resp.Body) != 1000 {
			t.Errorf("err = %v", err)
		}
	})

	t.Run("GzipBombRefused", func(t *testing.T) {
		srv := newServer(t, gzipBomb(1<<30))
		_, err := New(Options{MaxBody: 1 << 20}).Get(context.Background(), Request{URL: srv.URL})
		if !errors.Is(err, ErrTooLarge) {
			t.Errorf("err = %v, want ErrTooLarge", err)
		}
	})

	t.Run("SlowDripCutOffByTotalTimeout", func(t *testing.T) {
		srv := newServer(t, func(w http.ResponseWriter, r *http.Request) {
			w.WriteHeader(200)
			for i := 0; i < 100; i++ {
				if _, err := io.WriteString(w, "<"); err != nil {
					return
				}
				w.(http.Flusher).Flush()
				select {
				case <-r.Context().Done():
					return
				case <-time.After(50 * time.Millisecond):
				}
			}
		})
		_, err := New(Options{Timeout: 300 * time.Millisecond}).Get(context.Background(), Request{URL: srv.URL})
		if !errors.Is(err, context.DeadlineExceeded) || !Transient(err) {
			t.Errorf("err = %v, want a transient deadline error", err)
		}
	})

	t.Run("SlowHeadersCutOffByHeaderTimeout", func(t *testing.T) {
		srv := newServer(t, func(w http.ResponseWriter, r *http.Request) {
			select {
			case <-r.Context().Done():
			case <-time.After(5 * time.Second):
			}
		})
		_, err := New(Options{Timeout: 10 * time.Second, HeaderTimeout: 100 * time.Millisecond}).
			Get(context.Background(), Request{URL: srv.URL})
		if err == nil || !Transient(err) {
			t.Errorf("err = %v, want a transient timeout", err)
		}
	})

	t.Run("CancelledContextNotTransient", func(t *testing.T) {
		srv := newServer(t, func(w http.ResponseWriter, r *http.Request) {})
		ctx, cancel := context.WithCancel(context.Background())
		cancel()
		_, err := New(Options{}).Get(ctx, Request{URL: srv.URL})
		if !errors.Is(err, context.Canceled) || Transient(err) {
			t.Errorf("err = %v", err)
		}
	})

	t.Run("ErrorNamesURL", func(t *testing.T) {
		srv := newServer(t, func(w http.ResponseWriter, r *http.Request) { w.WriteHeader(404) })
		_, err := New(Options{}).Get(context.Background(), Request{URL: srv.URL + "/feed"})
		if err == nil || !strings.Contains(err.Error(), srv.URL+"/feed") {
			t.Errorf("err = %v", err)
		}
	})

	t.Run("UnsupportedSchemeRefused", func(t *testing.T) {
		if _, err := New(Options{}).Get(context.Background(), Request{URL: "file:///etc/passwd"}); err == nil {
			t.Error("file URL fetched")
		}
	})
}

// gzipBomb streams size zero bytes gzip-compressed, never holding them.
func gzipBomb(size int64) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Encoding", "gzip")
		zw, _ := gzip.NewWriterLevel(w, gzip.BestSpeed)
		defer zw.Close()
		zeros := make([]byte, 64<<10)
		for written := int64(0); written < size; written += int64(len(zeros)) {
			if _, err := zw.Write(zeros); err != nil {
				return
			}
		}
	}
}

func TestStatus(t *testing.T) {
	httpDate := time.Now().Add(90 * time.Second).UTC().Format(http.TimeFormat)
	tests := []struct {
		name       string
		status     int
		retryAfter string
		gone       bool
		transient  bool
		wantRetry  time.Duration // lower bound
	}{
		{"GoneIsErrGone", 410, "", true, false, 0},
		{"NotFoundIsPermanent", 404, "", false, false, 0},
		{"ForbiddenIsPermanent", 403, "", false, false, 0},
		{"RequestTimeoutIsTransient", 408, "", false, true, 0},
		{"TooEarlyIsTransient", 425, "", false, true, 0},
		{"TooManyRequestsWithSeconds", 429, "120", false, true, 120 * time.Second},
		{"TooManyRequestsWithDate", 429, httpDate, false, true, 80 * time.Second},
		{"UnavailableWithSeconds", 503, "7", false, true, 7 * time.Second},
		{"ServerErrorIsTransient", 500, "", false, true, 0},
		{"BadRetryAfterIgnored", 429, "soon", false, true, 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			srv := newServer(t, func(w http.ResponseWriter, r *http.Request) {
				if tt.retryAfter != "" {
					w.Header().Set("Retry-After", tt.retryAfter)
				}
				w.WriteHeader(tt.status)
			})
			_, err := New(Options{}).Get(context.Background(), Request{URL: srv.URL})
			var se *StatusError
			if !errors.As(err, &se) {
				t.Fatalf("err = %v, want a *StatusError", err)
			}
			if se.Status != tt.status {
				t.Errorf("Status = %d, want %d", se.Status, tt.status)
			}
			if got := errors.Is(err, ErrGone); got != tt.gone {
				t.Errorf("errors.Is(err, ErrGone) = %v, want %v", got, tt.gone)
			}
			if got := Transient(err); got != tt.transient {
				t.Errorf("Transient = %v, want %v", got, tt.transient)
			}
			if se.RetryAfter < tt.wantRetry || (tt.wantRetry == 0 && se.RetryAfter != 0) ||
				se.RetryAfter > tt.wantRetry+time.Minute {
				t.Errorf("RetryAfter = %v, want about %v", se.RetryAfter, tt.wantRetry)
			}
		})
	}
}

func TestCacheLifetime(t *testing.T) {
	tests := []struct {
		name   string
		header map[string]string
		want   time.Duration
	}{
		{"MaxAge", map[string]string{"Cache-Control": "public, max-age=600"}, 600 * time.Second},
		{"MaxAgeBeatsExpires", map[string]string{"Cache-Control": "max-age=60", "Expires": "Mon, 02 Jan 2006 15:04:05 GMT"}, time.Minute},
		{"ExpiresRelativeToDate", map[string]string{"Date": "Mon, 02 Jan 2006 15:00:00 GMT", "Expires": "Mon, 02 Jan 2006 15:30:00 GMT"}, 30 * time.Minute},
		{"NoCacheIsZero", map[string]string{"Cache-Control": "no-cache, max-age=600"}, 0},
		{"AbsentIsZero", nil, 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			srv := newServer(t, func(w http.ResponseWriter, r *http.Request) {
				for k, v := range tt.header {
					w.Header()[k] = []string{v}
				}
			})
			resp, err := New(Options{}).Get(context.Background(), Request{URL: srv.URL})
			if err != nil {
				t.Fatal(err)
			}
			if resp.MaxAge != tt.want {
				t.Errorf("MaxAge = %v, want %v", resp.MaxAge, tt.want)
			}
		})
	}
}

func TestTransientNetworkError(t *testing.T) {
	srv := httptest.NewServer(http.HandlerFunc(func(http.ResponseWriter, *http.Request) {}))
	url := srv.URL
	srv.Close() // nothing listens there now
	_, err := New(Options{}).Get(context.Background(), Request{URL: url})
	if err == nil || !Transient(err) {
		t.Errorf("err = %v, want a transient network error", err)
	}
	if Transient(fmt.Errorf("wrapped: %w", ErrTooLarge)) {
		t.Error("ErrTooLarge reported transient")
	}
}
