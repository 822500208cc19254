package store

import (
	"context"
	"strings"
	"testing"
	"time"
)

func TestSubscriptionsSurviveRestartAndExpire(t *testing.T) {
	onEngines(t, testSubscriptionsSurviveRestartAndExpire)
}

func testSubscriptionsSurviveRestartAndExpire(t *testing.T) {
	ctx := context.Background()
	path := testLocation(t)
	s, err := Open(ctx, path, Options{})
	if err != nil {
		t.Fatal(err)
	}
	now := time.Date(2024, 5, 3, 12, 0, 0, 0, time.UTC)
	topic := "https://news.example.org/feeds/cpec.rss"
	for i, cb := range []string{"https://a.example/cb", "https://b.example/cb"} {
		sub := Subscription{Topic: topic, Callback: cb, Secret: "s3cret", Lease: time.Hour,
			Created: now.Add(time.Duration(i) * time.Minute), Expires: now.Add(time.Duration(i+1) * time.Hour)}
		if err := s.SaveSubscription(ctx, sub); err != nil {
			t.Fatal(err)
		}
	}
	// A renewal replaces the row rather than adding one.
	if err := s.SaveSubscription(ctx, Subscription{Topic: topic, Callback: "https://a.example/cb", Lease: 3 * time.Hour,
		Created: now, Expires: now.Add(3 * time.Hour)}); err != nil {
		t.Fatal(err)
	}
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}

	s, err = Open(ctx, path, Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	subs, err := s.Subscriptions(ctx, topic, now)
	if err != nil {
		t.Fatal(err)
	}
	if len(subs) != 2 {
		t.Fatalf("%d subscriptions after restart, want 2", len(subs))
	}
	if got := subs[0]; got.Callback != "https://a.example/cb" || got.Secret != "" || got.Lease != 3*time.Hour || !got.Expires.Equal(now.Add(3*time.Hour)) {
		t.Errorf("renewed subscription = %+v", got)
	}
	if got := subs[1]; got.Secret != "s3cret" || got.Lease != time.Hour {
		t.Errorf("second subscription = %+v", got)
	}
	if other, _ := s.Subscriptions(ctx, "https://news.example.org/feeds/other.rss", now); len(other) != 0 {
		t.Errorf("another topic lists %d subscriptions", len(other))
	}

	later := now.Add(3*time.Hour + time.Minute)
	if subs, _ := s.Subscriptions(ctx, topic, now.Add(150*time.Minute)); len(subs) != 1 {
		t.Errorf("%d subscriptions after the first lease ended, want 1", len(subs))
	}
	n, err := s.PruneSubscriptions(ctx, later)
	if err != nil || n != 2 {
		t.Errorf("PruneSubscriptions = %d, %v; want 2", n, err)
	}

	if err := s.SaveSubscription(ctx, Subscription{Topic: topic, Callback: "https://c.example/cb", Created: now, Expires: later.Add(time.Hour)}); err != nil {
		t.Fatal(err)
	}
	if err := s.DeleteSubscription(ctx, topic, "https://c.example/cb"); err != nil {
		t.Fatal(err)
	}
	if err := s.DeleteSubscription(ctx, topic, "https://c.example/cb"); err != nil {
		t.Errorf("deleting an absent subscription: %v", err)
	}
	if subs, _ := s.Subscriptions(ctx, topic, later); len(subs) != 0 {
		t.Errorf("%d subscriptions after unsubscribe", len(subs))
	}
}

func TestCountSubscriptions(t *testing.T) { onEngines(t, testCountSubscriptions) }

func testCountSubscriptions(t *testing.T) {
	ctx := context.Background()
	s := openTest(t)
	now := time.Date(2024, 5, 3, 12, 0, 0, 0, time.UTC)
	t1, t2 := "https://news.example.org/feeds/a.rss", "https://news.example.org/feeds/b.rss"
	for _, sub := range []Subscription{
		{Topic: t1, Callback: "https://A.example:8443/cb/1", Expires: now.Add(time.Hour)},
		{Topic: t1, Callback: "https://a.example/cb/2", Expires: now.Add(time.Hour)},
		{Topic: t2, Callback: "https://a.example/cb/1?x=1", Expires: now.Add(time.Hour)},
		{Topic: t2, Callback: "https://b.example/cb", Expires: now.Add(time.Hour)},
		{Topic: t1, Callback: "https://a.example/cb/old", Expires: now}, // expired
	} {
		if err := s.SaveSubscription(ctx, sub); err != nil {
			t.Fatal(err)
		}
	}
	got, err := s.CountSubscriptions(ctx, t1, "https://a.example/cb/2", now)
	if err != nil {
		t.Fatal(err)
	}
	if want := (SubscriptionCounts{Total: 4, Topic: 2, Host: 3, Exists: true}); got != want {
		t.Errorf("counts = %+v, want %+v", got, want)
	}
	got, _ = s.CountSubscriptions(ctx, t2, "https://c.example/new", now)
	if want := (SubscriptionCounts{Total: 4, Topic: 2, Host: 0}); got != want {
		t.Errorf("counts of a new host = %+v, want %+v", got, want)
	}
}

// TestMigrationFillsCallbackHost runs migration 0006's backfill on rows
// saved without a host and compares with CallbackHost.
func TestMigrationFillsCallbackHost(t *testing.T) {
	ctx := context.Background()
	s := openTest(t)
	callbacks := []string{"https://A.example:8443/cb", "http://b.example?x=1", "http://c.example",
		"http://[2001:db8::1]:8080/cb", "https://d.example/p/q?r=s:t"}
	for _, cb := range callbacks {
		if _, err := s.write.ExecContext(ctx, `INSERT INTO websub_subscriptions (topic, callback, lease, created, expires)
			VALUES ('t', ?, 1, 0, 1)`, cb); err != nil {
			t.Fatal(err)
		}
	}
	sqlText, err := migrations.ReadFile("migrations/0006_websub_limits.sql")
	if err != nil {
		t.Fatal(err)
	}
	update := string(sqlText)
	update = update[strings.Index(update, "UPDATE"):strings.Index(update, "CREATE INDEX")]
	if _, err := s.write.ExecContext(ctx, update); err != nil {
		t.Fatal(err)
	}
	for _, cb := range callbacks {
		var host string
		if err := s.read.QueryRowContext(ctx, `SELECT callback_host FROM websub_subscriptions WHERE callback = ?`, cb).Scan(&host); err != nil {
			t.Fatal(err)
		}
		if want := CallbackHost(cb); host != want {
			t.Errorf("%s: host %q, want %q", cb, host, want)
		}
	}
}
