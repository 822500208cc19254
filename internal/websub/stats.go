package websub

import (
	"maps"
	"sync"
)

// Kinds of work counted in Stats.
const (
	KindDelivery     = "delivery"     // a POST of content to a subscriber
	KindVerification = "verification" // a GET asking a subscriber to confirm
	KindPing         = "ping"         // a publish ping to an external hub
	KindPublish      = "publish"      // a Publish call
)

// Results counted in Stats. Not every kind has every result.
const (
	ResultOK         = "ok"         // done
	ResultRetry      = "retry"      // failed, to be tried again after a backoff
	ResultFailed     = "failed"     // failed for good: attempts used up or unrecoverable
	ResultRefused    = "refused"    // the subscriber or hub said no (4xx, wrong challenge)
	ResultGone       = "gone"       // the subscriber answered 410: subscription removed
	ResultSuperseded = "superseded" // content dropped undelivered: a newer version replaced it
	ResultCoalesced  = "coalesced"  // a Publish folded into one still waiting for a worker
	ResultDropped    = "dropped"    // work refused because the queue was full
	ResultLimited    = "limited"    // a request refused by a limit: rate, subscriptions in all, per topic or per host
	ResultExpired    = "expired"    // the callback failed Options.MaxFailures deliveries in a row: subscription removed
	ResultElsewhere  = "elsewhere"  // another instance of the store claimed this version (or a newer) for the subscriber
)

// knownResults are the results of a kind, reported as 0 before they first
// happen so that rates exist from the start.
func knownResults(kind string) []string {
	switch kind {
	case KindDelivery:
		return []string{ResultOK, ResultRetry, ResultFailed, ResultGone, ResultSuperseded, ResultExpired, ResultElsewhere}
	case KindVerification:
		return []string{ResultOK, ResultRetry, ResultFailed, ResultRefused, ResultLimited}
	case KindPing:
		return []string{ResultOK, ResultRetry, ResultFailed, ResultRefused, ResultDropped}
	case KindPublish:
		return []string{ResultOK, ResultRetry, ResultFailed, ResultCoalesced, ResultDropped}
	}
	return nil
}

// Stats is a snapshot of what a Hub or a Pinger did since it was made, for
// metrics. The maps count by result (the Result constants); a kind the
// component does not do has a nil map.
type Stats struct {
	Deliveries    map[string]uint64
	Verifications map[string]uint64
	Pings         map[string]uint64
	// Publishes counts Publish calls: ok when distributed (a Hub: the
	// subscribers read and deliveries queued; a Pinger: the ping queued),
	// coalesced when a newer body replaced one still waiting.
	Publishes map[string]uint64

	Queued   int // tasks waiting for a worker: in the channel and, for a Hub, in the callback hosts' lanes
	Capacity int // the bound on the channel (Options.Queue); the lanes are bounded by the hub's limits instead
	Retrying int // failed tasks waiting out their backoff
	// Pending is the (topic, callback) pairs with content not yet
	// delivered, each with at most one delivery under way (Hub only).
	Pending int
}

// counters counts results by kind; safe for concurrent use.
type counters struct {
	mu sync.Mutex
	n  map[string]map[string]uint64
}

// newCounters counts the kinds given, starting at 0 for their known results.
func newCounters(kinds ...string) *counters {
	c := &counters{n: make(map[string]map[string]uint64, len(kinds))}
	for _, k := range kinds {
		m := make(map[string]uint64)
		for _, r := range knownResults(k) {
			m[r] = 0
		}
		c.n[k] = m
	}
	return c
}

// add counts one result of a kind; "" counts nothing.
func (c *counters) add(kind, result string) {
	if result == "" {
		return
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	m := c.n[kind]
	if m == nil {
		m = make(map[string]uint64)
		c.n[kind] = m
	}
	m[result]++
}

// fill copies the counts into s.
func (c *counters) fill(s *Stats) {
	c.mu.Lock()
	defer c.mu.Unlock()
	s.Deliveries = maps.Clone(c.n[KindDelivery])
	s.Verifications = maps.Clone(c.n[KindVerification])
	s.Pings = maps.Clone(c.n[KindPing])
	s.Publishes = maps.Clone(c.n[KindPublish])
}
