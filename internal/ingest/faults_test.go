package ingest_test

import (
	"bytes"
	"compress/gzip"
	"context"
	"fmt"
	"net/http"
	"net/http/httptest"
	"os"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"aggregator/internal/fetch"
	"aggregator/internal/ingest"
	"aggregator/internal/model"
	"aggregator/internal/netns"
	"aggregator/internal/schedule"
	"aggregator/internal/web"
)

// fault is one source of the fault-injection test: a made-up public host
// served by handler, and either the error its run must name or the items
// it must yield.
type fault struct {
	host    string
	handler http.HandlerFunc
	wantErr []string // all of these in the error (lower case); nil: the run succeeds
	items   int      // items stored when it succeeds
	check   func(t *testing.T, items []model.Item)
}

func healthyFeed(host string, n int) http.HandlerFunc {
	es := make([]entry, n)
	for i := range es {
		es[i] = entry{guid: fmt.Sprintf("%s-%d", host, i), link: fmt.Sprintf("https://%s/news/%d", host, i),
			title: fmt.Sprintf("%s story %d", host, i), desc: "Body of the story."}
	}
	body := rss("<ttl>15</ttl>", es...)
	return func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/rss+xml; charset=utf-8")
		if strings.Contains(r.Header.Get("Accept-Encoding"), "gzip") && strings.HasSuffix(host, "-gz.test") {
			w.Header().Set("Content-Encoding", "gzip")
			zw := gzip.NewWriter(w)
			fmt.Fprint(zw, body)
			zw.Close()
			return
		}
		fmt.Fprint(w, body)
	}
}

func fixtureHandler(t *testing.T, name, contentType string) http.HandlerFunc {
	b, err := os.ReadFile("testdata/faults/" + name)
	if err != nil {
		t.Fatal(err)
	}
	return func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", contentType)
		w.Write(b)
	}
}

func status(code int, header ...string) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		for i := 0; i+1 < len(header); i += 2 {
			w.Header().Set(header[i], header[i+1])
		}
		http.Error(w, http.StatusText(code), code)
	}
}

func body(contentType, s string) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", contentType)
		fmt.Fprint(w, s)
	}
}

// gzipBomb is 16 MiB of zeros (16 times the test's body cap) compressed
// to about 16 KiB.
func gzipBomb() []byte {
	var buf bytes.Buffer
	zw, _ := gzip.NewWriterLevel(&buf, gzip.BestCompression)
	zero := make([]byte, 1<<20)
	for range 16 {
		zw.Write(zero)
	}
	zw.Close()
	return buf.Bytes()
}

func faults(t *testing.T) []fault {
	bomb := gzipBomb()
	// wait blocks until the client gives up (or the test ends).
	wait := func(r *http.Request, d time.Duration) bool {
		select {
		case <-r.Context().Done():
			return false
		case <-time.After(d):
			return true
		}
	}
	full := rss("", entry{guid: "t1", link: "https://trunc.test/1", title: "Complete item"},
		entry{guid: "t2", link: "https://trunc.test/2", title: "Cut item", desc: strings.Repeat("words ", 50)})
	fs := []fault{
		{host: "err500.test", handler: status(500), wantErr: []string{"500"}},
		{host: "err404.test", handler: status(404), wantErr: []string{"404"}},
		{host: "gone.test", handler: status(410), wantErr: []string{"410", "gone", "disabled"}},
		{host: "limited.test", handler: status(429, "Retry-After", "600"), wantErr: []string{"429", "retry after 10m"}},
		{host: "drip.test", wantErr: []string{"deadline exceeded"}, handler: func(w http.ResponseWriter, r *http.Request) {
			w.Header().Set("Content-Type", "application/rss+xml")
			fmt.Fprint(w, `<?xml version="1.0"?><rss version="2.0"><channel>`)
			for wait(r, 50*time.Millisecond) {
				w.Write([]byte(" "))
				w.(http.Flusher).Flush()
			}
		}},
		{host: "slowheaders.test", wantErr: []string{"timeout awaiting response headers"}, handler: func(w http.ResponseWriter, r *http.Request) {
			wait(r, 10*time.Second)
		}},
		{host: "bomb.test", wantErr: []string{"too large"}, handler: func(w http.ResponseWriter, r *http.Request) {
			w.Header().Set("Content-Encoding", "gzip")
			w.Header().Set("Content-Type", "application/rss+xml")
			w.Write(bomb)
		}},
		{host: "loop.test", wantErr: []string{"too many redirects"}, handler: func(w http.ResponseWriter, r *http.Request) {
			http.Redirect(w, r, "/again"+r.URL.Path, http.StatusFound)
		}},
		{host: "ssrf.test", wantErr: []string{"refused private destination", "169.254.169.254"}, handler: func(w http.ResponseWriter, r *http.Request) {
			http.Redirect(w, r, "http://169.254.169.254/latest/meta-data/", http.StatusMovedPermanently)
		}},
		{host: "page.test", wantErr: []string{"not a feed", "html page"},
			handler: body("text/html", `<!doctype html><html><head><title>Home</title></head><body><p>Welcome</p></body></html>`)},
		{host: "broken.test", wantErr: []string{"xml syntax error"},
			handler: body("application/rss+xml", `<?xml version="1.0"?><rss version="2.0"><channel><title>x</title><item><title>a</title></item><//channel></rss>`)},
		{host: "empty.test", wantErr: []string{"empty document"}, handler: body("application/rss+xml", "")},
		{host: "truncated.test", wantErr: []string{"unexpected eof"}, handler: body("application/rss+xml", full[:len(full)*3/4])},
		// Faults the pipeline recovers from: the feed is ingested as meant.
		{host: "laughs.test", handler: fixtureHandler(t, "billion-laughs.xml", "application/rss+xml"), items: 1,
			check: func(t *testing.T, items []model.Item) {
				if s := items[0].Title + items[0].SummaryText; strings.Contains(s, "lollol") || strings.Contains(s, "root:") {
					t.Errorf("entity bomb expanded: %q", s)
				}
			}},
		{host: "mislabelled.test", handler: fixtureHandler(t, "utf-8-declared-really-windows-1252.xml", "application/rss+xml"), items: 1,
			check: func(t *testing.T, items []model.Item) {
				if want := "\u201cMislabelled\u201d na\u00efve r\u00e9sum\u00e9"; items[0].Title != want {
					t.Errorf("title %q, want %q", items[0].Title, want)
				}
			}},
	}
	for i := range 5 {
		host := fmt.Sprintf("healthy%d.test", i)
		if i == 0 {
			host = "healthy-gz.test"
		}
		fs = append(fs, fault{host: host, handler: healthyFeed(host, 10+i), items: 10 + i})
	}
	return fs
}

// TestFaultInjection runs 20 sources at once through the real pipeline,
// the shared limiter (8 at once, 2 per host) and one fetch client, one
// source per kind of fault plus healthy ones, while a web server over the
// same store answers /healthz and /api/sources. It runs in a network
// namespace of its own, with 169.254.169.254 on loopback, because one
// source redirects there.
func TestFaultInjection(t *testing.T) {
	if !netns.Run(t, "169.254.169.254") {
		return
	}
	fs := faults(t)
	if len(fs) != 20 {
		t.Fatalf("%d sources, want 20", len(fs))
	}
	byHost := map[string]http.HandlerFunc{}
	for _, f := range fs {
		byHost[f.host] = f.handler
	}
	origin := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		h, ok := byHost[strings.Split(r.Host, ":")[0]]
		if !ok {
			http.NotFound(w, r)
			return
		}
		h(w, r)
	}))
	t.Cleanup(origin.Close)
	addr := strings.TrimPrefix(origin.URL, "http://")
	port := addr[strings.LastIndex(addr, ":"):]
	hosts := map[string]string{}
	sources := make([]model.Source, len(fs))
	for i, f := range fs {
		hosts[f.host] = addr
		sources[i] = source(strings.TrimSuffix(f.host, ".test"), "http://"+f.host+port+"/feed")
	}
	client := fetch.NewWithHosts(fetch.Options{Timeout: 800 * time.Millisecond, HeaderTimeout: 300 * time.Millisecond,
		MaxBody: 1 << 20}, hosts)
	r := newRig(t, func(o *ingest.Options) {
		o.Client = client
		o.Limiter = schedule.NewLimiter(8, 2)
	})
	if err := r.store.SyncSources(context.Background(), sources); err != nil {
		t.Fatal(err)
	}
	ws := httptest.NewServer((&web.Server{Store: r.store, Sources: func() []model.Source { return sources }}).Handler())
	t.Cleanup(ws.Close)

	// Poll the web server throughout the run.
	stop := make(chan struct{})
	var polls, failures atomic.Int32
	var pollErr atomic.Value
	var pollWG sync.WaitGroup
	pollWG.Add(1)
	go func() {
		defer pollWG.Done()
		for {
			select {
			case <-stop:
				return
			case <-time.After(10 * time.Millisecond):
			}
			for _, path := range []string{"/healthz", "/api/sources"} {
				resp, err := http.Get(ws.URL + path)
				polls.Add(1)
				if err != nil || resp.StatusCode != http.StatusOK {
					failures.Add(1)
					pollErr.Store(fmt.Sprintf("%s: %v %v", path, err, resp))
				}
				if resp != nil {
					resp.Body.Close()
				}
			}
		}
	}()

	results := make([]ingest.Result, len(sources))
	var wg sync.WaitGroup
	for i, src := range sources {
		wg.Go(func() { results[i] = r.pipe.Run(context.Background(), src, false) })
	}
	wg.Wait()
	close(stop)
	pollWG.Wait()

	api := apiSources(t, ws.URL)
	for i, f := range fs {
		res, src := results[i], sources[i]
		t.Run(src.ID, func(t *testing.T) {
			st := r.state(src.ID)
			stored := r.items(src.ID)
			if f.wantErr == nil {
				if res.Err != nil || res.Status != ingest.RunOK || res.New != f.items || len(stored) != f.items {
					t.Fatalf("result %+v, %d stored; want ok with %d items", res, len(stored), f.items)
				}
				if st.Status != model.StatusOK || api[src.ID].Items != f.items || api[src.ID].Status != model.StatusOK {
					t.Errorf("state %+v, api %+v", st, api[src.ID])
				}
				if f.check != nil {
					f.check(t, stored)
				}
				return
			}
			if res.Err == nil {
				t.Fatalf("result %+v, want an error naming %q", res, f.wantErr)
			}
			t.Logf("error: %v", res.Err)
			for _, want := range f.wantErr {
				if !strings.Contains(strings.ToLower(st.LastError), want) {
					t.Errorf("last error %q does not say %q", st.LastError, want)
				}
			}
			if !strings.Contains(st.LastError, f.host) {
				t.Errorf("last error %q does not name the URL", st.LastError)
			}
			if len(stored) != 0 || st.ConsecutiveFailures != 1 {
				t.Errorf("%d items stored, %d failures", len(stored), st.ConsecutiveFailures)
			}
			if got := api[src.ID]; got.LastError != st.LastError || got.ConsecutiveFailures != 1 ||
				(got.Status != model.StatusError && got.Status != model.StatusDisabled) {
				t.Errorf("/api/sources shows %+v", got)
			}
		})
	}
	if polls.Load() == 0 || failures.Load() != 0 {
		t.Errorf("web server: %d of %d polls failed (last: %v)", failures.Load(), polls.Load(), pollErr.Load())
	}
	t.Logf("web server answered %d polls during the run", polls.Load())
}
