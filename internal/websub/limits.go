package websub

import (
	"context"
	"fmt"
	"net"
	"net/http"
	"sync"
	"time"

	"golang.org/x/time/rate"

	"aggregator/internal/store"
)

// Why the hub refuses work: a flood of subscription requests must not
// grow the store without bound, fill the workers' time with callbacks
// that never answer, or delay the deliveries to well-behaved subscribers.
//
//   - Each client (remote IP) may make Options.ClientRate valid requests a
//     minute, in bursts of as many; beyond, 429 Too Many Requests.
//   - Subscriptions, counted with the verifications still pending, are
//     bounded in all (MaxSubscriptions), per topic (MaxPerTopic) and per
//     callback host (MaxPerHost); beyond, 403 Forbidden. A renewal of an
//     existing subscription passes, and so does an unsubscription, unless
//     its callback host has MaxPerHost verifications pending (429).
//   - All outbound work to one callback host waits in that host's lane
//     (see queue): one request at a time per host, the hosts in turn.
//   - A callback whose deliveries fail MaxFailures times in a row is
//     unsubscribed (counted as ResultExpired).

// limitError is a request refused by a limit, with its HTTP status.
type limitError struct {
	status int
	msg    string
}

func (e *limitError) Error() string { return e.msg }

// clients rate-limits requests by client address.
type clients struct {
	every time.Duration // one request per this, in bursts of burst
	burst int

	mu  sync.Mutex
	lim map[string]*rate.Limiter
}

// maxClients bounds the limiters kept; beyond, the full ones (clients
// quiet long enough to have their whole burst back) are forgotten.
const maxClients = 10000

func newClients(perMinute int) *clients {
	return &clients{every: time.Minute / time.Duration(perMinute), burst: perMinute, lim: make(map[string]*rate.Limiter)}
}

// allow reports whether the client at remoteAddr may make a request now.
func (c *clients) allow(remoteAddr string, now time.Time) bool {
	host, _, err := net.SplitHostPort(remoteAddr)
	if err != nil {
		host = remoteAddr
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	l := c.lim[host]
	if l == nil {
		if len(c.lim) >= maxClients {
			for k, v := range c.lim {
				if v.TokensAt(now) >= float64(c.burst) {
					delete(c.lim, k)
				}
			}
		}
		l = rate.NewLimiter(rate.Every(c.every), c.burst)
		c.lim[host] = l
	}
	return l.AllowN(now, 1)
}

// pendingWork counts the verifications accepted and not yet ended: all of
// them by callback host and in all, bounding the lanes; and those of new
// subscriptions in all, per topic and per callback host, so that they
// count against the limits before they are stored.
type pendingWork struct {
	total  int
	byHost map[string]int
	subs   subCounts
}

// subCounts are pending new subscriptions.
type subCounts struct {
	total   int
	byTopic map[string]int
	byHost  map[string]int
}

// admit checks a request against the limits and reserves its place among
// the pending verifications; the returned release gives the place back,
// once the verification stored the subscription or ended otherwise.
//
// A new subscription counts what is stored and what is pending against
// every limit (403 beyond). A renewal or an unsubscription takes no new
// subscription, but its verification still waits in the callback host's
// lane: the pending ones alone are bounded, per host and in all (429
// beyond), so that no flood of them grows a lane without bound.
//
// Admissions are serialized, and a release waits for the one under way,
// so that a subscription is never missed by both counts: stored after the
// count was read, released before the pending ones were.
func (h *Hub) admit(ctx context.Context, req request) (release func(), err error) {
	h.admitMu.Lock()
	defer h.admitMu.Unlock()
	var counts store.SubscriptionCounts
	if req.mode == "subscribe" {
		counts, err = h.st.CountSubscriptions(ctx, req.topic, req.callback, h.opts.Now())
		if err != nil {
			return nil, fmt.Errorf("checking the subscription limits: %w", err)
		}
	}
	host := store.CallbackHost(req.callback)
	h.mu.Lock()
	defer h.mu.Unlock()
	p := &h.pendingWork
	isNew := req.mode == "subscribe" && !counts.Exists
	if isNew {
		err = h.overLimit(counts.Total+p.subs.total, counts.Topic+p.subs.byTopic[req.topic], counts.Host+p.subs.byHost[host], host)
	}
	if err == nil && (p.total >= h.opts.MaxSubscriptions || p.byHost[host] >= h.opts.MaxPerHost) {
		err = &limitError{http.StatusTooManyRequests, fmt.Sprintf("too many requests pending for hub.callback host %.100q", host)}
	}
	if err != nil {
		return nil, err
	}
	p.total++
	p.byHost[host]++
	if isNew {
		p.subs.total++
		p.subs.byTopic[req.topic]++
		p.subs.byHost[host]++
	}
	return func() {
		h.admitMu.Lock()
		defer h.admitMu.Unlock()
		h.mu.Lock()
		defer h.mu.Unlock()
		p.total--
		decrement(p.byHost, host)
		if isNew {
			p.subs.total--
			decrement(p.subs.byTopic, req.topic)
			decrement(p.subs.byHost, host)
		}
	}, nil
}

// overLimit says which limit one more subscription would pass, if any.
func (h *Hub) overLimit(total, topic, host int, hostName string) error {
	o := h.opts
	switch {
	case total >= o.MaxSubscriptions:
		return &limitError{http.StatusForbidden, fmt.Sprintf("this hub has its maximum of %d subscriptions", o.MaxSubscriptions)}
	case topic >= o.MaxPerTopic:
		return &limitError{http.StatusForbidden, fmt.Sprintf("hub.topic has its maximum of %d subscribers", o.MaxPerTopic)}
	case host >= o.MaxPerHost:
		return &limitError{http.StatusForbidden, fmt.Sprintf("hub.callback host %.100q has its maximum of %d subscriptions", hostName, o.MaxPerHost)}
	}
	return nil
}

func decrement(m map[string]int, k string) {
	if m[k] <= 1 {
		delete(m, k)
		return
	}
	m[k]--
}
