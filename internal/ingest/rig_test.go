package ingest_test

import (
	"context"
	"fmt"
	"html"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"path/filepath"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"aggregator/internal/fetch"
	"aggregator/internal/ingest"
	"aggregator/internal/model"
	"aggregator/internal/normalize"
	"aggregator/internal/store"
	"aggregator/internal/tag"
)

// clock is a settable test clock shared by the pipeline and the store.
type clock struct {
	mu sync.Mutex
	t  time.Time
}

func newClock() *clock { return &clock{t: time.Date(2026, 3, 1, 12, 0, 0, 0, time.UTC)} }

func (c *clock) Now() time.Time {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.t
}

func (c *clock) Set(t time.Time) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.t = t
}

func (c *clock) Add(d time.Duration) { c.Set(c.Now().Add(d)) }

// rig is one pipeline over a real SQLite store in a temp dir, with a test
// clock.
type rig struct {
	t     *testing.T
	clock *clock
	store *store.DB
	pipe  *ingest.Pipeline
}

// newRig builds a pipeline; mod may adjust its options (Client, Limiter,
// Tagger, backoff) before it is made.
func newRig(t *testing.T, mod func(*ingest.Options)) *rig {
	t.Helper()
	clk := newClock()
	st, err := store.OpenSQLite(context.Background(), filepath.Join(t.TempDir(), "agg.db"), store.Options{Clock: clk.Now})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	opts := ingest.Options{
		Store:       st,
		Client:      fetch.New(fetch.Options{Timeout: 5 * time.Second}),
		BaseBackoff: time.Minute,
		MaxBackoff:  16 * time.Minute,
		MaxHint:     3 * time.Hour,
		Clock:       clk.Now,
		Logger:      slog.New(slog.DiscardHandler),
	}
	if mod != nil {
		mod(&opts)
	}
	return &rig{t: t, clock: clk, store: st, pipe: ingest.New(opts)}
}

// run runs src (not forced) and returns the result.
func (r *rig) run(src model.Source) ingest.Result {
	r.t.Helper()
	return r.pipe.Run(context.Background(), src, false)
}

func (r *rig) state(id string) model.SourceState {
	r.t.Helper()
	st, err := r.store.SourceState(context.Background(), id)
	if err != nil {
		r.t.Fatal(err)
	}
	return st
}

// items lists the stored items of a source, newest first.
func (r *rig) items(id string) []model.Item {
	r.t.Helper()
	its, _, err := r.store.Items(context.Background(), store.ItemQuery{Source: id, Limit: 500})
	if err != nil {
		r.t.Fatal(err)
	}
	for i := range its {
		normalize.Texts(&its[i])
	}
	return its
}

func source(id, url string) model.Source {
	return model.Source{ID: id, Title: strings.ToUpper(id), URL: url, Enabled: true, Identity: model.IdentityGUID}
}

func mustTagger(t *testing.T, topics ...model.Topic) *tag.Tagger {
	t.Helper()
	tg, err := tag.Compile(topics)
	if err != nil {
		t.Fatal(err)
	}
	return tg
}

// entry is one RSS item of a test feed.
type entry struct {
	guid, link, title, desc string
}

// rss renders an RSS 2.0 document; extra goes into <channel> (e.g. a ttl).
func rss(extra string, entries ...entry) string {
	var b strings.Builder
	b.WriteString(`<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>T</title><link>http://example.com/</link>`)
	b.WriteString(extra)
	for _, e := range entries {
		b.WriteString("<item>")
		if e.guid != "" {
			fmt.Fprintf(&b, `<guid isPermaLink="false">%s</guid>`, html.EscapeString(e.guid))
		}
		fmt.Fprintf(&b, "<link>%s</link><title>%s</title><description>%s</description>",
			html.EscapeString(e.link), html.EscapeString(e.title), html.EscapeString(e.desc))
		b.WriteString("<pubDate>Sun, 01 Mar 2026 10:00:00 GMT</pubDate></item>")
	}
	b.WriteString("</channel></rss>")
	return b.String()
}

// server is an httptest server counting the requests of each path.
type server struct {
	*httptest.Server
	mu   sync.Mutex
	hits map[string]int
	mux  *http.ServeMux
}

func newServer(t *testing.T) *server {
	t.Helper()
	s := &server{hits: map[string]int{}, mux: http.NewServeMux()}
	s.Server = httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		s.mu.Lock()
		s.hits[r.URL.Path]++
		s.mu.Unlock()
		s.mux.ServeHTTP(w, r)
	}))
	t.Cleanup(s.Close)
	return s
}

func (s *server) handle(path string, h http.HandlerFunc) { s.mux.HandleFunc(path, h) }

// serve answers path with body as an RSS document.
func (s *server) serve(path string, body *atomic.Pointer[string]) {
	s.handle(path, func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/rss+xml; charset=utf-8")
		fmt.Fprint(w, *body.Load())
	})
}

func (s *server) hitsOf(path string) int {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.hits[path]
}

func ptr(s string) *atomic.Pointer[string] {
	var p atomic.Pointer[string]
	p.Store(&s)
	return &p
}

func (s *server) totalHits() int {
	s.mu.Lock()
	defer s.mu.Unlock()
	n := 0
	for _, h := range s.hits {
		n += h
	}
	return n
}

// allItems lists every stored item, a page at a time.
func (r *rig) allItems() []model.Item {
	r.t.Helper()
	var out []model.Item
	q := store.ItemQuery{Limit: store.MaxLimit}
	for {
		page, next, err := r.store.Items(context.Background(), q)
		if err != nil {
			r.t.Fatal(err)
		}
		out = append(out, page...)
		if next == "" {
			return out
		}
		q.Before = next
	}
}
