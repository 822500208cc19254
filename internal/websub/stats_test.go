package websub

import (
	"context"
	"net/http"
	"net/http/httptest"
	"sync/atomic"
	"testing"
	"time"
)

func TestStatsCountOutcomes(t *testing.T) {
	t.Run("VerificationsAndDeliveries", func(t *testing.T) {
		h := newTestHub(t, func(o *Options) { o.RetryDelay = time.Millisecond })
		s := newSubscriber(t)
		s.failFirst.Store(1)
		h.subscribe(t, s, "subscribe", "")
		h.waitSubscriptions(t, 1)
		h.Publish(topic, "application/rss+xml", []byte("<rss/>"))
		receive(t, s.deliveries)
		waitFor(t, "the hub idle", func() bool { return idle(h.Hub) })

		refusing := newSubscriber(t)
		refusing.refuse.Store(true)
		if got := h.request(t, map[string]string{"hub.mode": "subscribe", "hub.topic": topic, "hub.callback": refusing.srv.URL}); got != http.StatusAccepted {
			t.Fatalf("status %d", got)
		}
		waitFor(t, "the refusal", func() bool { return h.Stats().Verifications[ResultRefused] == 1 })

		st := h.Stats()
		want := map[string]map[string]uint64{
			"verifications": {ResultOK: 1, ResultRefused: 1, ResultRetry: 0, ResultFailed: 0, ResultLimited: 0},
			"deliveries":    {ResultOK: 1, ResultRetry: 1, ResultFailed: 0, ResultGone: 0, ResultSuperseded: 0, ResultExpired: 0},
			"publishes":     {ResultOK: 1, ResultCoalesced: 0},
		}
		got := map[string]map[string]uint64{"verifications": st.Verifications, "deliveries": st.Deliveries, "publishes": st.Publishes}
		for kind, results := range want {
			for result, n := range results {
				if c, ok := got[kind][result]; !ok || c != n {
					t.Errorf("%s[%s] = %d (present %v), want %d", kind, result, c, ok, n)
				}
			}
		}
		if st.Pings != nil {
			t.Errorf("a hub counts pings: %v", st.Pings)
		}
	})
	t.Run("GoneAndGaveUp", func(t *testing.T) {
		h := newTestHub(t, func(o *Options) { o.RetryDelay, o.Attempts = time.Millisecond, 2 })
		var status atomic.Int32
		status.Store(http.StatusInternalServerError)
		cb := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			if r.Method == http.MethodGet {
				w.Write([]byte(r.URL.Query().Get("hub.challenge")))
				return
			}
			w.WriteHeader(int(status.Load()))
		}))
		defer cb.Close()
		h.request(t, map[string]string{"hub.mode": "subscribe", "hub.topic": topic, "hub.callback": cb.URL})
		h.waitSubscriptions(t, 1)
		h.Publish(topic, "application/rss+xml", []byte("v1"))
		waitFor(t, "giving up", func() bool { return h.Stats().Deliveries[ResultFailed] == 1 })
		if got := h.Stats().Deliveries[ResultRetry]; got != 1 {
			t.Errorf("retries = %d, want 1 of 2 attempts", got)
		}
		status.Store(http.StatusGone)
		h.Publish(topic, "application/rss+xml", []byte("v2"))
		waitFor(t, "410", func() bool { return h.Stats().Deliveries[ResultGone] == 1 })
		h.waitSubscriptions(t, 0)
		waitFor(t, "the hub idle", func() bool { return idle(h.Hub) })
	})
}

func TestCountSubscriptions(t *testing.T) {
	h := newTestHub(t, nil)
	s := newSubscriber(t)
	h.subscribe(t, s, "subscribe", "")
	h.waitSubscriptions(t, 1)
	other := "https://news.example.org/feeds/other.rss"
	got, err := h.CountSubscriptions(context.Background(), []string{topic, other})
	if err != nil {
		t.Fatal(err)
	}
	if got[topic] != 1 || got[other] != 0 || len(got) != 2 {
		t.Errorf("counts = %v, want 1 for %s and 0 for %s", got, topic, other)
	}
}

func TestPingerCoalescesWaitingPings(t *testing.T) {
	release := make(chan struct{})
	var calls atomic.Int32
	hub := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if calls.Add(1) == 1 {
			<-release // the only worker is busy with the first topic
		}
		w.WriteHeader(http.StatusNoContent)
	}))
	defer hub.Close()
	p := NewPinger(hub.URL, Options{Workers: 1})
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan struct{})
	go func() { p.Run(ctx); close(done) }()
	defer func() { cancel(); <-done }()

	p.Publish("https://news.example.org/feeds/first.rss", "", nil)
	waitFor(t, "the first ping under way", func() bool { return calls.Load() == 1 })
	for range 5 {
		p.Publish(topic, "", nil)
	}
	close(release)
	waitFor(t, "the pings sent", func() bool { return p.Stats().Pings[ResultOK] == 2 })
	st := p.Stats()
	if st.Publishes[ResultOK] != 2 || st.Publishes[ResultCoalesced] != 4 {
		t.Errorf("publishes = %v, want 2 pinged and 4 coalesced", st.Publishes)
	}
	if n := calls.Load(); n != 2 {
		t.Errorf("%d pings, want one per topic", n)
	}
}
