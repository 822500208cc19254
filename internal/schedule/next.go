package schedule

import (
	"sync"
	"time"

	"github.com/robfig/cron/v3"
)

// nextCache remembers every cron entry's next run from one snapshot.
// cron answers a question about one entry by copying all of them, so
// asking for each of a few thousand sources in turn (GET /api/sources)
// would copy millions of entries. An entry's next run changes only when
// it runs, at that next run, so a snapshot holds until the earliest next
// run in it; Set resets it, since the entries change.
type nextCache struct {
	mu    sync.Mutex
	next  map[cron.EntryID]time.Time
	until time.Time // the snapshot is exact before this instant
}

// get is id's next run, from the snapshot while it holds.
func (c *nextCache) get(cr *cron.Cron, id cron.EntryID) time.Time {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.next == nil || !time.Now().Before(c.until) {
		c.take(cr)
	}
	return c.next[id]
}

// take snapshots every entry. An entry without a next run yet (cron not
// started) makes the snapshot hold for no time at all.
func (c *nextCache) take(cr *cron.Cron) {
	entries := cr.Entries()
	c.next = make(map[cron.EntryID]time.Time, len(entries))
	c.until = time.Time{}
	unset := false
	for i, e := range entries {
		c.next[e.ID] = e.Next
		unset = unset || e.Next.IsZero()
		if i == 0 || e.Next.Before(c.until) {
			c.until = e.Next
		}
	}
	if unset {
		c.until = time.Time{}
	}
}

// reset drops the snapshot.
func (c *nextCache) reset() {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.next = nil
}
