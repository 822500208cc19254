package ingest_test

import (
	"context"
	"log/slog"
	"sync/atomic"
	"testing"
	"time"

	"aggregator/internal/fetch"
	"aggregator/internal/ingest"
	"aggregator/internal/model"
)

// TestBeforeTaggingRunsOnceAndOnlyForNewItems: the hook (fetch trains
// the topic classifiers there) runs once before the first item is tagged,
// and not at all on a run that finds nothing new.
func TestBeforeTaggingRunsOnceAndOnlyForNewItems(t *testing.T) {
	var calls atomic.Int32
	srv := newServer(t)
	body := ptr(rss("",
		entry{guid: "a", link: "https://example.com/a", title: "Gas shortage hits Karachi industry", desc: "Factories closed."},
		entry{guid: "b", link: "https://example.com/b", title: "Army kills militants in North Waziristan", desc: "Five killed."}))
	srv.serve("/feed", body)
	r := newRig(t, func(o *ingest.Options) {
		o.Tagger = mustTagger(t, model.Topic{ID: "energy", Keywords: []string{"gas"}})
		o.BeforeTagging = func() { calls.Add(1) }
	})
	src := source("s", srv.URL+"/feed")
	if res := r.run(src); res.Err != nil || res.New != 2 {
		t.Fatalf("first run: %+v", res)
	}
	if n := calls.Load(); n != 1 {
		t.Fatalf("BeforeTagging ran %d times on a run with two new items, want 1", n)
	}

	// A second pipeline (a later `fetch`) over the same store: the feed
	// answers 200 with the same two items, stored unchanged.
	var again atomic.Int32
	second := ingest.New(ingest.Options{Store: r.store, Client: fetch.New(fetch.Options{Timeout: 5 * time.Second}),
		Clock: r.clock.Now, Logger: slog.New(slog.DiscardHandler),
		Tagger:        mustTagger(t, model.Topic{ID: "energy", Keywords: []string{"gas"}}),
		BeforeTagging: func() { again.Add(1) }})
	r.clock.Add(48 * time.Hour)
	if res := second.Run(context.Background(), src, true); res.Err != nil || res.New != 0 || res.Duplicate != 2 {
		t.Fatalf("second run: %+v", res)
	}
	if n := again.Load(); n != 0 {
		t.Fatalf("BeforeTagging ran %d times on a run with nothing new, want 0", n)
	}
}
