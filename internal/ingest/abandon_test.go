package ingest_test

import (
	"bytes"
	"context"
	"log/slog"
	"net/http"
	"testing"
	"time"

	"aggregator/internal/ingest"
)

func TestAbandonedFetchIsNotASourceFailure(t *testing.T) {
	var logs bytes.Buffer
	r := newRig(t, func(o *ingest.Options) {
		o.Logger = slog.New(slog.NewTextHandler(&logs, &slog.HandlerOptions{Level: slog.LevelWarn}))
	})
	srv := newServer(t)
	body := ptr(rss("", entry{guid: "a", title: "First", link: "https://dawn.example/a"}))
	srv.serve("/ok", body)
	arrived := make(chan struct{})
	srv.handle("/slow", func(w http.ResponseWriter, req *http.Request) {
		close(arrived)
		<-req.Context().Done() // answers only when the client gives up
	})
	src := source("dawn", srv.URL+"/ok")
	if res := r.run(src); res.Err != nil {
		t.Fatal(res.Err)
	}
	before := r.state("dawn")

	src.URL = srv.URL + "/slow"
	ctx, cancel := context.WithCancel(context.Background())
	go func() { <-arrived; cancel() }()
	r.clock.Add(time.Hour)
	res := r.pipe.Run(ctx, src, true)
	if res.Err == nil {
		t.Fatal("an abandoned fetch reported success")
	}
	after := r.state("dawn")
	if after.ConsecutiveFailures != 0 || after.LastError != "" {
		t.Errorf("abandoned fetch counted as a failure: %d failures, last error %q", after.ConsecutiveFailures, after.LastError)
	}
	if !after.NextFetch.Equal(before.NextFetch) || !after.LastFetch.Equal(before.LastFetch) {
		t.Errorf("abandoned fetch changed the schedule: next %v -> %v, last %v -> %v",
			before.NextFetch, after.NextFetch, before.LastFetch, after.LastFetch)
	}
	// Ctrl-C on "aggregator fetch" is no reason for warnings or errors.
	if logs.Len() > 0 {
		t.Errorf("abandoned fetch logged warnings or errors:\n%s", logs.String())
	}
}
