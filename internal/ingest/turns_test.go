package ingest_test

import (
	"context"
	"fmt"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"aggregator/internal/ingest"
	"aggregator/internal/model"
	"aggregator/internal/store"
)

// gatedStore holds every SaveFetch until gate closes, and counts the
// documents that got as far as asking for their stored hashes (parsed).
type gatedStore struct {
	store.Store
	gate   chan struct{}
	parsed atomic.Int32
	saving atomic.Int32
}

func (g *gatedStore) ItemHashes(ctx context.Context, sourceID string, keys []string) (map[string]string, error) {
	g.parsed.Add(1)
	return g.Store.ItemHashes(ctx, sourceID, keys)
}

func (g *gatedStore) SaveFetch(ctx context.Context, f store.Fetch) (store.SaveResult, error) {
	g.saving.Add(1)
	select {
	case <-g.gate:
	case <-ctx.Done():
		return store.SaveResult{}, ctx.Err()
	}
	return g.Store.SaveFetch(ctx, f)
}

func TestFetchedDocumentsWaitForAProcessingTurn(t *testing.T) {
	for _, maxProcessing := range []int{1, 2} {
		t.Run(fmt.Sprintf("max %d", maxProcessing), func(t *testing.T) {
			srv := newServer(t)
			const n = 5
			var srcs []model.Source
			for i := range n {
				path := fmt.Sprintf("/feed/%d", i)
				srv.serve(path, ptr(rss("", entry{guid: fmt.Sprintf("g%d", i), link: "http://example.com/" + path,
					title: fmt.Sprintf("Story %d", i), desc: "text"})))
				srcs = append(srcs, source(fmt.Sprintf("s%d", i), srv.URL+path))
			}
			gated := &gatedStore{gate: make(chan struct{})}
			r := newRig(t, func(o *ingest.Options) {
				gated.Store = o.Store
				o.Store = gated
				o.MaxProcessing = maxProcessing
			})
			results := make([]ingest.Result, n)
			var wg sync.WaitGroup
			for i, src := range srcs {
				wg.Add(1)
				go func() {
					defer wg.Done()
					results[i] = r.pipe.Run(context.Background(), src, true)
				}()
			}
			// Every feed is fetched; the writer is held: only the documents
			// holding a turn may be parsed.
			deadline := time.Now().Add(5 * time.Second)
			for srv.totalHits() < n || gated.saving.Load() < int32(maxProcessing) {
				if time.Now().After(deadline) {
					t.Fatalf("%d fetches and %d saves after 5s", srv.totalHits(), gated.saving.Load())
				}
				time.Sleep(time.Millisecond)
			}
			time.Sleep(50 * time.Millisecond) // room for a run that ignores its turn
			if got := gated.parsed.Load(); got != int32(maxProcessing) {
				t.Errorf("%d documents parsed while the writer was held, want %d", got, maxProcessing)
			}
			close(gated.gate)
			wg.Wait()
			for _, res := range results {
				if res.Err != nil || res.New != 1 {
					t.Errorf("%s: status %s, new %d, error %v; want one new item", res.Source, res.Status, res.New, res.Err)
				}
			}
		})
	}
}

func TestWaitingForAProcessingTurnEndsWithTheContext(t *testing.T) {
	srv := newServer(t)
	srv.serve("/a", ptr(rss("", entry{guid: "a", link: "http://example.com/a", title: "A", desc: "a"})))
	srv.serve("/b", ptr(rss("", entry{guid: "b", link: "http://example.com/b", title: "B", desc: "b"})))
	gated := &gatedStore{gate: make(chan struct{})}
	r := newRig(t, func(o *ingest.Options) {
		gated.Store = o.Store
		o.Store = gated
		o.MaxProcessing = 1
	})
	first := make(chan ingest.Result)
	go func() { first <- r.pipe.Run(context.Background(), source("a", srv.URL+"/a"), true) }()
	for gated.saving.Load() < 1 {
		time.Sleep(time.Millisecond)
	}
	ctx, cancel := context.WithTimeout(context.Background(), 100*time.Millisecond)
	defer cancel()
	res := r.pipe.Run(ctx, source("b", srv.URL+"/b"), true)
	if res.Err == nil || ctx.Err() == nil {
		t.Errorf("second run: status %s, error %v; want it abandoned with its context", res.Status, res.Err)
	}
	if got := gated.parsed.Load(); got != 1 {
		t.Errorf("%d documents parsed, want only the first (b waits for its turn)", got)
	}
	if st := r.state("b"); st.ConsecutiveFailures != 0 {
		t.Errorf("an abandoned wait counted as %d failures of the source", st.ConsecutiveFailures)
	}
	close(gated.gate)
	if res := <-first; res.Err != nil || res.New != 1 {
		t.Errorf("first run: status %s, new %d, error %v", res.Status, res.New, res.Err)
	}
}
