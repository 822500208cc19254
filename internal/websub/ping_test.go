package websub

import (
	"context"
	"net/http"
	"net/http/httptest"
	"net/url"
	"sync/atomic"
	"testing"
	"time"
)

func TestPingerTellsExternalHubAndRetries(t *testing.T) {
	var calls atomic.Int32
	pings := make(chan url.Values, 1)
	hub := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if calls.Add(1) == 1 {
			http.Error(w, "try later", http.StatusServiceUnavailable)
			return
		}
		if r.Method != http.MethodPost || r.Header.Get("Content-Type") != "application/x-www-form-urlencoded" {
			t.Errorf("%s with %q", r.Method, r.Header.Get("Content-Type"))
		}
		r.ParseForm()
		pings <- r.PostForm
		w.WriteHeader(http.StatusNoContent)
	}))
	defer hub.Close()

	p := NewPinger(hub.URL, Options{RetryDelay: 10 * time.Millisecond})
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan struct{})
	go func() { p.Run(ctx); close(done) }()
	defer func() { cancel(); <-done }()

	p.Publish(topic, "application/rss+xml", []byte("<rss/>"))
	form := receive(t, pings)
	if form.Get("hub.mode") != "publish" || form.Get("hub.url") != topic {
		t.Errorf("ping = %v, want hub.mode=publish hub.url=%s", form, topic)
	}
	if n := calls.Load(); n != 2 {
		t.Errorf("%d calls, want a retry after the 503", n)
	}
}

func TestPingerGivesUpOnRefusal(t *testing.T) {
	var calls atomic.Int32
	hub := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		calls.Add(1)
		http.Error(w, "unknown topic", http.StatusBadRequest)
	}))
	defer hub.Close()
	p := NewPinger(hub.URL, Options{RetryDelay: 5 * time.Millisecond})
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan struct{})
	go func() { p.Run(ctx); close(done) }()
	p.Publish(topic, "", nil)
	time.Sleep(100 * time.Millisecond)
	cancel()
	<-done
	if n := calls.Load(); n != 1 {
		t.Errorf("%d calls, want 1: a 400 is not retried", n)
	}
}
