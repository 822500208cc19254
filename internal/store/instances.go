package store

import (
	"context"
	"log/slog"
	"time"
)

// Instances is what lets several serve instances share one store: the
// fetch schedule with its leases, the claims that deliver each version of
// a feed to each WebSub subscriber once, and the notice of changes made
// by other processes. Both engines answer the same methods, so serve has
// one code path: on SQLite the instances are processes on one file.
type Instances interface {
	// PlanFetches makes plans the fetch schedule: a source not in it is
	// dropped; a new one is due at its Due; one already planned keeps its
	// due time unless that is later than its Latest (its schedule became
	// more frequent), when it is due at Due. So instances starting or
	// reloading one after another do not fetch again what another just
	// fetched.
	PlanFetches(ctx context.Context, plans []FetchPlan) error
	// ClaimFetches renews the leases c.Owner holds (to c.Until), then
	// claims for it up to c.Limit sources due at c.Now whose lease is free
	// or lapsed, earliest due first, and returns them. Claims of
	// concurrent callers never overlap (PostgreSQL: FOR UPDATE SKIP
	// LOCKED; SQLite: its one writer).
	ClaimFetches(ctx context.Context, c FetchClaim) ([]ClaimedFetch, error)
	// FinishFetch ends f.Owner's lease of a source and sets its next due
	// time; nothing happens when the lease went to another owner meanwhile.
	FinishFetch(ctx context.Context, f FinishedFetch) error
	// FetchDues returns every planned source's next due time.
	FetchDues(ctx context.Context) (map[string]time.Time, error)

	// ClaimDelivery claims the delivery of one version of a feed to one
	// subscriber for d.Owner and says whether it got it. It is refused when
	// that body (Digest) was claimed already, when a newer version was,
	// and while another owner's claim is under way and its lease holds.
	ClaimDelivery(ctx context.Context, d DeliveryClaim) (bool, error)
	// FinishDelivery marks d.Owner's claim of d.Digest done (delivered or
	// given up).
	FinishDelivery(ctx context.Context, d DeliveryClaim) error

	// WatchChanges sends the store's change version (ChangeVersion) on the
	// returned channel when it rose, whichever process wrote: SQLite polls
	// every interval; PostgreSQL is told at once (LISTEN/NOTIFY). The
	// channel closes when ctx ends.
	WatchChanges(ctx context.Context, every time.Duration) <-chan int64
}

// FetchPlan is one source's place in the fetch schedule.
type FetchPlan struct {
	SourceID string
	Due      time.Time // when a source new to the schedule is due
	Latest   time.Time // a planned source due later than this is due at Due
}

// FetchClaim asks for due sources.
type FetchClaim struct {
	Owner string    // the claiming instance
	Now   time.Time // sources due at or before Now are claimed
	Until time.Time // the lease of every claim, new or renewed
	Limit int       // at most this many new claims (0: only renew)
}

// ClaimedFetch is a source claimed, and the due time it was claimed at.
type ClaimedFetch struct {
	SourceID string
	Due      time.Time
}

// FinishedFetch ends a claim.
type FinishedFetch struct {
	SourceID string
	Owner    string
	Next     time.Time // the next due time
	Fetched  bool      // the claim ran a fetch (not released at shutdown)
}

// DeliveryClaim is one version of a feed (topic) for one subscriber.
type DeliveryClaim struct {
	Topic, Callback string
	Version         int64  // the store's change version the body was rendered at
	Digest          string // the body's digest
	Owner           string
	Now, Until      time.Time // the claim holds until Until
}

// minKickGap is the least time between two reads of the change version
// that announcements (kicks) cause.
const minKickGap = 200 * time.Millisecond

// pollChanges sends version() on a channel when it rose, every interval
// and whenever kick (which may be nil) says it changed, until ctx ends; a
// failed read is logged and tried again.
func pollChanges(ctx context.Context, every time.Duration, version func(context.Context) (int64, error), log *slog.Logger,
	kick <-chan struct{}) <-chan int64 {
	out := make(chan int64, 1)
	go func() {
		defer close(out)
		t := time.NewTicker(every)
		defer t.Stop()
		var seen int64
		var last time.Time
		for {
			select {
			case <-ctx.Done():
				return
			case <-t.C:
			case <-kick:
				// A burst of announcements is read as one: at most one
				// read per minKickGap, so that a busy store does not keep
				// every instance re-rendering.
				if wait := minKickGap - time.Since(last); wait > 0 {
					select {
					case <-ctx.Done():
						return
					case <-time.After(wait):
					}
				}
			}
			last = time.Now()
			v, err := version(ctx)
			if err != nil {
				if ctx.Err() == nil {
					log.Warn("looking for changes made by other processes", slog.Any("error", err))
				}
				continue
			}
			if v <= seen {
				continue
			}
			seen = v
			select {
			case out <- v:
			case <-ctx.Done():
				return
			}
		}
	}()
	return out
}
