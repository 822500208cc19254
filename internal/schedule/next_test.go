package schedule

import (
	"context"
	"fmt"
	"testing"
	"time"

	"aggregator/internal/model"
)

func hourly(ids ...string) []model.Source {
	out := make([]model.Source, len(ids))
	for i, id := range ids {
		out[i] = model.Source{ID: id, URL: "https://" + id + ".example/feed", Enabled: true, Schedule: "@every 1h"}
	}
	return out
}

func startIdle(t testing.TB, sources []model.Source) *Scheduler {
	t.Helper()
	ctx, cancel := context.WithCancel(context.Background())
	s := New(Options{DefaultSpec: "@every 1h", Limiter: NewLimiter(1, 1), Jitter: time.Hour,
		Leases: openStore(t), Run: func(context.Context, model.Source) {}})
	if err := s.Start(ctx, sources); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		cancel()
		if err := s.Stop(context.Background()); err != nil {
			t.Error(err)
		}
	})
	return s
}

// waitNext polls until id has a next run.
func waitNext(t *testing.T, s *Scheduler, id string) time.Time {
	t.Helper()
	deadline := time.Now().Add(2 * time.Second)
	for {
		if n := s.Next(id); !n.IsZero() || time.Now().After(deadline) {
			return n
		}
		time.Sleep(5 * time.Millisecond)
	}
}

func TestNextIsEachSourcesNextRunAndFollowsSet(t *testing.T) {
	s := startIdle(t, hourly("a", "b"))
	for _, id := range []string{"a", "b"} {
		n := waitNext(t, s, id)
		if d := time.Until(n); d < -time.Second || d > time.Hour {
			t.Errorf("Next(%s) is in %v, want within the hour of start-up jitter", id, d)
		}
	}
	if n := s.Next("unknown"); !n.IsZero() {
		t.Errorf("Next(unknown) = %v, want zero", n)
	}
	// A reload drops b and adds c: the answers follow at once.
	srcs := hourly("a", "c")
	srcs[1].Schedule = "@every 2h"
	if err := s.Set(srcs); err != nil {
		t.Fatal(err)
	}
	if n := s.Next("b"); !n.IsZero() {
		t.Errorf("Next(b) after it was removed = %v, want zero", n)
	}
	if d := time.Until(waitNext(t, s, "c")); d < 119*time.Minute || d > 2*time.Hour {
		t.Errorf("Next(c) is in %v, want about two hours", d)
	}
}

func TestNextMovesOnAfterARun(t *testing.T) {
	ran := make(chan struct{}, 10)
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	s := New(Options{DefaultSpec: "@every 1s", Limiter: NewLimiter(1, 1), Jitter: time.Nanosecond,
		Leases: openStore(t), Poll: 20 * time.Millisecond, Run: func(context.Context, model.Source) { ran <- struct{}{} }})
	src := model.Source{ID: "fast", URL: "https://fast.example/", Enabled: true}
	if err := s.Start(ctx, []model.Source{src}); err != nil {
		t.Fatal(err)
	}
	defer s.Stop(context.Background())
	first := waitNext(t, s, "fast")
	<-ran // the start-up run
	select {
	case <-ran: // the first scheduled run, at first
	case <-time.After(3 * time.Second):
		t.Fatal("no scheduled run within 3s")
	}
	deadline := time.Now().Add(2 * time.Second)
	for !s.Next("fast").After(first) {
		if time.Now().After(deadline) {
			t.Fatalf("Next still %v after that run, want later", s.Next("fast"))
		}
		time.Sleep(5 * time.Millisecond)
	}
}

// BenchmarkNextAllSources is GET /api/sources's use: every source's next
// run, one after another.
func BenchmarkNextAllSources(b *testing.B) {
	ids := make([]string, 2000)
	for i := range ids {
		ids[i] = fmt.Sprintf("outlet-%d", i)
	}
	s := startIdle(b, hourly(ids...))
	for b.Loop() {
		for _, id := range ids {
			s.Next(id)
		}
	}
}
