package metrics

import (
	"context"
	"errors"
	"net/http"
	"net/http/httptest"
	"slices"
	"strings"
	"testing"
	"time"

	"aggregator/internal/websub"
)

func TestWebSubMetricsFromAPinger(t *testing.T) {
	hub := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.WriteHeader(http.StatusNoContent)
	}))
	defer hub.Close()
	p := websub.NewPinger(hub.URL, websub.Options{Queue: 16})
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan struct{})
	go func() { p.Run(ctx); close(done) }()
	defer func() { cancel(); <-done }()

	m := New()
	if err := m.RegisterWebSub(WebSubOptions{Stats: p.Stats}); err != nil {
		t.Fatal(err)
	}
	p.Publish("https://news.example.org/feeds/cpec.rss", "application/rss+xml", nil)
	for deadline := time.Now().Add(5 * time.Second); p.Stats().Pings[websub.ResultOK] != 1; time.Sleep(2 * time.Millisecond) {
		if time.Now().After(deadline) {
			t.Fatal("the ping was not sent in 5s")
		}
	}
	got := scrape(t, m, "aggregator_websub_")
	want := []string{
		`aggregator_websub_pending_deliveries 0`, // a hub's; always 0 for a pinger
		`aggregator_websub_pings_total{result="dropped"} 0`,
		`aggregator_websub_pings_total{result="failed"} 0`,
		`aggregator_websub_pings_total{result="ok"} 1`,
		`aggregator_websub_pings_total{result="refused"} 0`,
		`aggregator_websub_pings_total{result="retry"} 0`,
		`aggregator_websub_publishes_total{result="coalesced"} 0`,
		`aggregator_websub_publishes_total{result="dropped"} 0`,
		`aggregator_websub_publishes_total{result="failed"} 0`,
		`aggregator_websub_publishes_total{result="ok"} 1`,
		`aggregator_websub_publishes_total{result="retry"} 0`,
		`aggregator_websub_queue_capacity 16`,
		`aggregator_websub_queue_depth 0`,
		`aggregator_websub_retries_waiting 0`,
	}
	if !slices.Equal(got, want) {
		t.Errorf("got\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}

func TestWebSubMetricsOfAHub(t *testing.T) {
	stats := websub.Stats{
		Deliveries:    map[string]uint64{"ok": 7, "retry": 2, "superseded": 3, "gone": 1},
		Verifications: map[string]uint64{"ok": 2, "refused": 1},
		Publishes:     map[string]uint64{"ok": 4, "coalesced": 46},
		Queued:        1, Capacity: 1024, Retrying: 2, Pending: 3,
	}
	countErr := error(nil)
	m := New()
	err := m.RegisterWebSub(WebSubOptions{
		Stats: func() websub.Stats { return stats },
		Subscriptions: func(context.Context) (map[string]int, error) {
			if countErr != nil {
				return nil, countErr
			}
			return map[string]int{"https://news.example.org/feeds/cpec.rss": 2, "https://news.example.org/feeds/cpec.atom": 0}, nil
		},
	})
	if err != nil {
		t.Fatal(err)
	}
	t.Run("CountersGaugesAndSubscriptions", func(t *testing.T) {
		got := scrape(t, m, "aggregator_websub_")
		want := []string{
			`aggregator_websub_deliveries_total{result="gone"} 1`,
			`aggregator_websub_deliveries_total{result="ok"} 7`,
			`aggregator_websub_deliveries_total{result="retry"} 2`,
			`aggregator_websub_deliveries_total{result="superseded"} 3`,
			`aggregator_websub_pending_deliveries 3`,
			`aggregator_websub_publishes_total{result="coalesced"} 46`,
			`aggregator_websub_publishes_total{result="ok"} 4`,
			`aggregator_websub_queue_capacity 1024`,
			`aggregator_websub_queue_depth 1`,
			`aggregator_websub_retries_waiting 2`,
			`aggregator_websub_subscription_count_failures_total 0`,
			`aggregator_websub_subscriptions{topic="https://news.example.org/feeds/cpec.atom"} 0`,
			`aggregator_websub_subscriptions{topic="https://news.example.org/feeds/cpec.rss"} 2`,
			`aggregator_websub_verifications_total{result="ok"} 2`,
			`aggregator_websub_verifications_total{result="refused"} 1`,
		}
		if !slices.Equal(got, want) {
			t.Errorf("got\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
		}
	})
	t.Run("FailedCountKeepsTheCounters", func(t *testing.T) {
		countErr = errors.New("database is locked")
		got := scrape(t, m, "aggregator_websub_")
		if slices.ContainsFunc(got, func(l string) bool { return strings.HasPrefix(l, "aggregator_websub_subscriptions{") }) {
			t.Errorf("subscription gauges after a failed count: %q", got)
		}
		if !slices.Contains(got, "aggregator_websub_subscription_count_failures_total 1") ||
			!slices.Contains(got, `aggregator_websub_deliveries_total{result="ok"} 7`) {
			t.Errorf("got %q, want the failure counted and the counters kept", got)
		}
	})
	t.Run("StatsAreRequired", func(t *testing.T) {
		if err := New().RegisterWebSub(WebSubOptions{}); err == nil {
			t.Error("registered without Stats")
		}
	})
}
