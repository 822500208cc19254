package schedule

import (
	"context"
	"sync"
	"time"
)

// dueCache remembers every source's next due time from one read of the
// store's schedule, for at most one poll interval: asking for each of a
// few thousand sources in turn (GET /api/sources) reads it once. Runs of
// this instance drop it, since they move their source's due time.
type dueCache struct {
	mu   sync.Mutex
	dues map[string]time.Time
	at   time.Time
}

// get is id's next due time, read again when the snapshot is older than
// fresh.
func (c *dueCache) get(ctx context.Context, l Leases, id string, fresh time.Duration) time.Time {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.dues == nil || time.Since(c.at) > fresh {
		dues, err := l.FetchDues(ctx)
		if err != nil {
			return c.dues[id] // the last known, if any
		}
		c.dues, c.at = dues, time.Now()
	}
	return c.dues[id]
}

// reset drops the snapshot.
func (c *dueCache) reset() {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.dues = nil
}
