package websub

import (
	"context"
	"testing"
	"time"

	"aggregator/internal/store"
)

// Three instances share one store, and each publishes every version of
// the feed it renders (they all notice every change): each subscriber
// gets each version once, in order.
func TestInstancesDeliverEachVersionOnce(t *testing.T) {
	first := newTestHub(t, nil)
	hubs := []*Hub{first.Hub}
	for range 2 {
		h := New(first.st, Options{HubURL: hubURL, IsTopic: func(u string) bool { return u == topic },
			AllowPrivate: true, RetryDelay: 10 * time.Millisecond, Attempts: 4, Timeout: 5 * time.Second, Now: first.clock.Now})
		ctx, cancel := context.WithCancel(context.Background())
		done := make(chan struct{})
		go func() { h.Run(ctx); close(done) }()
		t.Cleanup(func() { cancel(); <-done })
		hubs = append(hubs, h)
	}
	subs := []*subscriber{newSubscriber(t), newSubscriber(t)}
	for _, s := range subs {
		if err := first.st.SaveSubscription(context.Background(), store.Subscription{Topic: topic, Callback: s.srv.URL + "/cb",
			Lease: time.Hour, Created: first.clock.Now(), Expires: first.clock.Now().Add(time.Hour)}); err != nil {
			t.Fatal(err)
		}
	}
	for v, body := range []string{"<rss>one</rss>", "<rss>two</rss>", "<rss>three</rss>"} {
		for _, h := range hubs {
			h.PublishVersion(topic, "application/rss+xml", []byte(body), int64(v+1))
		}
		for _, s := range subs {
			select {
			case d := <-s.deliveries:
				if string(d.body) != body {
					t.Errorf("delivered %q, want %q", d.body, body)
				}
			case <-time.After(5 * time.Second):
				t.Fatalf("version %d not delivered", v+1)
			}
		}
		// Give a duplicate time to arrive before the next version.
		deadline := time.Now().Add(300 * time.Millisecond)
		for _, s := range subs {
			select {
			case d := <-s.deliveries:
				t.Errorf("version %d delivered again: %q", v+1, d.body)
			case <-time.After(time.Until(deadline)):
			}
		}
	}
	var elsewhere uint64
	for _, h := range hubs {
		elsewhere += h.Stats().Deliveries[ResultElsewhere]
	}
	if elsewhere == 0 {
		t.Error("no delivery was left to another instance: the claims were not asked")
	}
}
