package main

import (
	"context"
	"fmt"
	"log/slog"
	"sync"
	"time"
)

// defaultWatchEvery is how often serve looks at the store's change
// version for writes made by other processes (fetch or retag from cron,
// other instances), so that every instance serves the same feeds within
// about a second; PostgreSQL also tells every instance of a write at once.
const defaultWatchEvery = time.Second

// seenVersions is the highest store change version (store.ChangeVersion)
// whose changes the running process's feed cache already accounts for.
type seenVersions struct {
	mu sync.Mutex
	v  int64
}

// own records the version one of the process's own fetches set, after
// that fetch invalidated the feeds it changed. It counts only when it
// follows the highest seen directly: a gap is another process's write,
// which the watcher must still notice.
func (s *seenVersions) own(v int64) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if v == s.v+1 {
		s.v = v
	}
}

// advance raises the seen version to v; it never lowers it.
func (s *seenVersions) advance(v int64) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.v = max(s.v, v)
}

func (s *seenVersions) get() int64 {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.v
}

// startWatching records the store's change version (so it must run before
// the feed cache warms) and then, until ctx ends, re-renders every feed
// when the store changed beyond what this process accounted for: the
// store tells (store.WatchChanges: polled every WatchEvery, and announced
// at once on PostgreSQL). The returned function stops the watcher and
// waits for it.
func (m *Main) startWatching(ctx context.Context) (stop func()) {
	a := m.app
	if v, err := a.store.ChangeVersion(ctx); err != nil {
		// The first look then finds the store ahead and re-renders everything.
		a.logger.Warn("reading the store's change version", slog.Any("error", err))
	} else {
		a.seen.advance(v)
	}
	every := m.WatchEvery
	if every <= 0 {
		every = defaultWatchEvery
	}
	ctx, cancel := context.WithCancel(ctx)
	changes := a.store.WatchChanges(ctx, every)
	done := make(chan struct{})
	go func() {
		defer close(done)
		for v := range changes {
			m.catchUp(v)
		}
	}()
	return func() {
		cancel()
		<-done
	}
}

// catchUp re-renders every feed when the store's change version v is
// ahead of the one this process accounted for.
func (m *Main) catchUp(v int64) {
	a := m.app
	if v <= a.seen.get() {
		return
	}
	a.logger.Debug("store changed outside this process: re-rendering feeds", slog.Int64("version", v))
	a.publisher.Invalidate(nil)
	a.seen.advance(v)
}

// refreshAll re-renders every feed and counts the store's current change
// version as accounted for. The version is read first, so that every write
// it counts committed before the re-render was asked for.
func (m *Main) refreshAll(ctx context.Context) error {
	a := m.app
	v, err := a.store.ChangeVersion(ctx)
	a.publisher.Invalidate(nil)
	if err != nil {
		return fmt.Errorf("reading the store's change version: %w", err)
	}
	a.seen.advance(v)
	return nil
}
