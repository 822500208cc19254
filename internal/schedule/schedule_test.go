package schedule

import (
	"context"
	"fmt"
	"path/filepath"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"aggregator/internal/model"
	"aggregator/internal/store"
)

// openStore is a store in a temp dir, to share the schedule through.
func openStore(t testing.TB) store.Store {
	t.Helper()
	st, err := store.Open(context.Background(), filepath.Join(t.TempDir(), "schedule.db"), store.Options{})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	return st
}

func TestLimiterBoundsTotalAndPerHost(t *testing.T) {
	l := NewLimiter(3, 1)
	var mu sync.Mutex
	running, maxRunning := 0, 0
	perHost := map[string]int{}
	maxPerHost := 0
	urls := []string{"https://a.example/1", "https://www.a.example/2", "https://b.example/", "https://c.example/", "https://d.example/", "https://A.EXAMPLE:443/3"}
	var wg sync.WaitGroup
	for i := 0; i < 30; i++ {
		u := urls[i%len(urls)]
		wg.Add(1)
		go func() {
			defer wg.Done()
			release, err := l.Acquire(context.Background(), u)
			if err != nil {
				t.Error(err)
				return
			}
			h := Host(u)
			mu.Lock()
			running++
			perHost[h]++
			maxRunning = max(maxRunning, running)
			maxPerHost = max(maxPerHost, perHost[h])
			mu.Unlock()
			time.Sleep(2 * time.Millisecond)
			mu.Lock()
			running--
			perHost[h]--
			mu.Unlock()
			release()
			release() // a second release is harmless
		}()
	}
	wg.Wait()
	if maxRunning > 3 {
		t.Errorf("%d fetches at once, want at most 3", maxRunning)
	}
	if maxPerHost > 1 {
		t.Errorf("%d fetches at once against one host, want at most 1", maxPerHost)
	}
	if len(l.hosts) != 0 {
		t.Errorf("limiter keeps %d idle hosts", len(l.hosts))
	}
}

func TestLimiterAcquireEndsWithContext(t *testing.T) {
	l := NewLimiter(1, 1)
	release, _ := l.Acquire(context.Background(), "https://a.example/")
	defer release()
	ctx, cancel := context.WithTimeout(context.Background(), 20*time.Millisecond)
	defer cancel()
	if _, err := l.Acquire(ctx, "https://a.example/"); err == nil {
		t.Fatal("Acquire succeeded past its bound")
	}
}

func TestSchedulerFirstFetchAndNoOverlap(t *testing.T) {
	var runs, concurrent, maxConcurrent atomic.Int32
	block := make(chan struct{})
	s := New(Options{
		DefaultSpec: "@every 1s",
		Limiter:     NewLimiter(4, 4),
		Jitter:      time.Millisecond,
		Leases:      openStore(t),
		Poll:        50 * time.Millisecond,
		Run: func(ctx context.Context, src model.Source) {
			runs.Add(1)
			n := concurrent.Add(1)
			for {
				m := maxConcurrent.Load()
				if n <= m || maxConcurrent.CompareAndSwap(m, n) {
					break
				}
			}
			select {
			case <-block:
			case <-ctx.Done():
			}
			concurrent.Add(-1)
		},
	})
	ctx, cancel := context.WithCancel(context.Background())
	sources := []model.Source{{ID: "slow", Enabled: true}, {ID: "off", Enabled: false}}
	if err := s.Start(ctx, sources); err != nil {
		t.Fatal(err)
	}
	// The first run starts at once and blocks; the schedule fires again
	// while it runs and must not start a second one.
	time.Sleep(2500 * time.Millisecond)
	if got := runs.Load(); got != 1 {
		t.Errorf("%d runs while the first was still running, want 1", got)
	}
	if next := s.Next("slow"); next.IsZero() {
		t.Error("no next run for an enabled source")
	}
	if next := s.Next("off"); !next.IsZero() {
		t.Error("a disabled source is scheduled")
	}
	close(block)
	cancel()
	stopCtx, stop := context.WithTimeout(context.Background(), 5*time.Second)
	defer stop()
	if err := s.Stop(stopCtx); err != nil {
		t.Fatal(err)
	}
	if maxConcurrent.Load() > 1 {
		t.Errorf("one source ran %d times at once", maxConcurrent.Load())
	}
}

func TestSetRejectsBadSpec(t *testing.T) {
	s := New(Options{DefaultSpec: "@every 1h", Limiter: NewLimiter(1, 1)})
	err := s.Set([]model.Source{{ID: "x", Enabled: true, Schedule: "every tuesday"}})
	if err == nil {
		t.Fatal("a bad cron spec was accepted")
	}
}

// Two instances on one store share the sources: every source runs about
// once a period in all, never twice at once, and each instance does part
// of the work.
func TestInstancesShareTheSchedule(t *testing.T) {
	st := openStore(t)
	var sources []model.Source
	for i := range 20 {
		sources = append(sources, model.Source{ID: fmt.Sprintf("s%02d", i), URL: fmt.Sprintf("https://s%02d.example/", i), Enabled: true})
	}
	var mu sync.Mutex
	runs := map[string]int{}
	byOwner := map[string]int{}
	running := map[string]bool{}
	ctx, cancel := context.WithCancel(context.Background())
	var scheds []*Scheduler
	for _, owner := range []string{"A", "B"} {
		s := New(Options{DefaultSpec: "@every 1s", Limiter: NewLimiter(8, 8), Jitter: 4 * time.Millisecond,
			Leases: st, Owner: owner, Poll: 20 * time.Millisecond,
			Run: func(ctx context.Context, src model.Source) {
				mu.Lock()
				if running[src.ID] {
					t.Errorf("%s runs twice at once", src.ID)
				}
				running[src.ID] = true
				runs[src.ID]++
				byOwner[owner]++
				mu.Unlock()
				time.Sleep(5 * time.Millisecond)
				mu.Lock()
				running[src.ID] = false
				mu.Unlock()
			}})
		if err := s.Start(ctx, sources); err != nil {
			t.Fatal(err)
		}
		scheds = append(scheds, s)
	}
	time.Sleep(3500 * time.Millisecond) // the start-up run and three periods
	cancel()
	for _, s := range scheds {
		if err := s.Stop(context.Background()); err != nil {
			t.Fatal(err)
		}
	}
	for _, src := range sources {
		if n := runs[src.ID]; n < 3 || n > 5 {
			t.Errorf("%s ran %d times in 3.5 periods by two instances, want 3 to 5", src.ID, n)
		}
	}
	if byOwner["A"] == 0 || byOwner["B"] == 0 {
		t.Errorf("runs by instance %v: one did nothing", byOwner)
	}
}
