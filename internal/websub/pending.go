package websub

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"log/slog"
	"time"

	"aggregator/internal/store"
)

// A feed's versions reach each subscriber in order and without pile-up:
// per topic, one distribution waits or runs at a time and takes the newest
// body published; per (topic, callback), one delivery waits, runs or backs
// off at a time and always sends the newest body offered to it. A body
// replaced before it was sent is dropped (superseded), so a subscriber
// never gets version N after N+1, and a burst of Publish calls costs one
// distribution, not one per call. Distributions and deliveries wait in
// lanes of the queue (a topic's own lane; the callback host's), which are
// never full: a body is never dropped for lack of room, only replaced by a
// newer one.

// content is one published version of a topic; version grows with every
// Publish of the hub, storeVersion is the store's change version the body
// was rendered at and digest the body's hash: together they claim its
// delivery in the store (see deliverClaimed).
type content struct {
	version      uint64
	storeVersion int64
	digest       string
	contentType  string
	body         []byte
}

// topicState exists while a distribution of the topic is queued or under
// way; latest is the newest body it has not taken yet.
type topicState struct {
	latest *content
	taken  uint64 // version of the body the distribution last took
}

// slotKey names one subscriber of one topic.
type slotKey struct{ topic, callback string }

// slot exists while a delivery task of the subscriber is queued, under way
// or waiting to retry: the task sends pending, the newest body offered.
type slot struct {
	sub      store.Subscription // as last read; the secret may have changed
	pending  *content           // not yet delivered; nil: nothing to send
	inFlight *content           // being sent now
	tried    uint64             // version of the body last tried
}

// Publish announces a topic's new content: it is POSTed to every current
// subscriber of the topic by Run's workers. It does not wait. While a
// distribution of the topic is still waiting, the newer body takes its
// place.
func (h *Hub) Publish(topic, contentType string, body []byte) {
	h.PublishVersion(topic, contentType, body, 0)
}

// PublishVersion is Publish of a body rendered at the store's change
// version: of several instances on one store, each of which publishes
// every change it renders, the first to claim a version of a feed for a
// subscriber delivers it, and an older version is never claimed after a
// newer one.
func (h *Hub) PublishVersion(topic, contentType string, body []byte, storeVersion int64) {
	sum := sha256.Sum256(body)
	h.mu.Lock()
	defer h.mu.Unlock()
	h.version++
	c := &content{version: h.version, storeVersion: storeVersion, digest: hex.EncodeToString(sum[:16]),
		contentType: contentType, body: body}
	if ts := h.topics[topic]; ts != nil {
		if ts.latest != nil {
			h.stats.add(KindPublish, ResultCoalesced)
		}
		ts.latest = c // the distribution under way takes it when it ends
		return
	}
	h.topics[topic] = &topicState{latest: c}
	h.queueDistribution(topic)
}

// queueDistribution queues the distribution of a topic's latest body;
// h.mu is held.
func (h *Hub) queueDistribution(topic string) {
	// The NUL keeps a topic's lane apart from every callback host's.
	t := &task{kind: KindPublish, what: "distribute " + topic, lane: "\x00" + topic}
	t.run = func(ctx context.Context) error { return h.distribute(ctx, topic) }
	t.end = func(error) { h.distributed(topic) }
	_ = h.q.add(t) // a lane is never full
}

// distribute offers the topic's latest body to each of its subscribers.
// When the subscribers cannot be read, the body waits for the retry
// unless a newer one came meanwhile.
func (h *Hub) distribute(ctx context.Context, topic string) error {
	h.mu.Lock()
	ts := h.topics[topic]
	c := ts.latest
	if c == nil {
		h.mu.Unlock()
		return errNoWork
	}
	ts.latest, ts.taken = nil, c.version
	h.mu.Unlock()

	subs, err := h.st.Subscriptions(ctx, topic, h.opts.Now())
	h.mu.Lock()
	defer h.mu.Unlock()
	if err != nil {
		if ts.latest == nil {
			ts.latest = c
		}
		return fmt.Errorf("distribute %s: %w", topic, err)
	}
	for _, sub := range subs {
		h.offer(sub, c)
	}
	return nil
}

// distributed follows a distribution's end: a body published meanwhile
// gets a distribution of its own; one that could not be distributed is
// dropped.
func (h *Hub) distributed(topic string) {
	h.mu.Lock()
	defer h.mu.Unlock()
	ts := h.topics[topic]
	if ts == nil {
		return
	}
	if ts.latest != nil && ts.latest.version > ts.taken {
		h.queueDistribution(topic)
		return
	}
	delete(h.topics, topic)
}

// offer gives a subscriber a topic's new body, replacing any older one
// not yet sent, and queues its delivery unless one is pending; h.mu is
// held.
func (h *Hub) offer(sub store.Subscription, c *content) {
	k := slotKey{sub.Topic, sub.Callback}
	s := h.slots[k]
	if s == nil {
		h.slots[k] = &slot{sub: sub, pending: c}
		h.queueDelivery(k)
		return
	}
	if s.pending != nil && s.pending.version >= c.version {
		return // never happens: distributions of a topic run in order
	}
	if s.pending != nil && s.pending != s.inFlight {
		h.stats.add(KindDelivery, ResultSuperseded)
	}
	s.sub, s.pending = sub, c
}

// queueDelivery queues the delivery task of a slot; h.mu is held.
func (h *Hub) queueDelivery(k slotKey) {
	t := &task{kind: KindDelivery, what: "deliver " + k.topic + " to " + k.callback, lane: store.CallbackHost(k.callback)}
	t.run = func(ctx context.Context) error { return h.deliverPending(ctx, k, t) }
	t.end = func(error) { h.delivered(k) }
	_ = h.q.add(t) // a lane is never full
}

// deliverPending sends a slot's newest body. A failure is retried with
// whatever body is newest by then, so a stale version is never sent after
// a newer one was offered.
func (h *Hub) deliverPending(ctx context.Context, k slotKey, t *task) error {
	h.mu.Lock()
	s := h.slots[k]
	c, sub := s.pending, s.sub
	if c == nil {
		h.mu.Unlock()
		return errNoWork
	}
	if c.version != s.tried {
		s.tried, t.attempt = c.version, 1
	}
	s.inFlight = c
	h.mu.Unlock()

	err := h.deliverClaimed(ctx, sub, c)
	if err != nil && !isFinal(err) && ctx.Err() == nil {
		err = h.failed(ctx, k, err)
	}

	h.mu.Lock()
	defer h.mu.Unlock()
	s.inFlight = nil
	if err == nil {
		delete(h.failures, k)
	}
	switch {
	case err == nil || isFinal(err):
		if s.pending == c {
			s.pending = nil
		}
	case s.pending != nil && s.pending != c:
		h.stats.add(KindDelivery, ResultSuperseded) // the retry sends the newer body
	}
	return err
}

// deliverClaimed delivers c to sub once the store's claim says this
// instance is to (see store.Instances.ClaimDelivery), and records the
// claim done when the delivery ends for good.
func (h *Hub) deliverClaimed(ctx context.Context, sub store.Subscription, c *content) error {
	now := h.opts.Now()
	d := store.DeliveryClaim{Topic: sub.Topic, Callback: sub.Callback, Version: c.storeVersion, Digest: c.digest,
		Owner: h.opts.Instance, Now: now, Until: now.Add(h.opts.Timeout + 5*time.Second)} // one attempt; a retry claims again
	ok, err := h.st.ClaimDelivery(ctx, d)
	if err != nil {
		return fmt.Errorf("deliver to %s: %w", sub.Callback, err)
	}
	if !ok {
		h.stats.add(KindDelivery, ResultElsewhere)
		return errNoWork
	}
	err = h.deliver(ctx, sub, c)
	if err == nil || isFinal(err) {
		if ferr := h.st.FinishDelivery(context.WithoutCancel(ctx), d); ferr != nil {
			h.opts.Logger.Warn("websub: recording a delivery", slog.Any("error", ferr))
		}
	}
	return err
}

// failed counts a failed delivery of a subscription; the MaxFailures-th in
// a row unsubscribes its callback, and the error becomes final.
func (h *Hub) failed(ctx context.Context, k slotKey, err error) error {
	h.mu.Lock()
	h.failures[k]++
	n := h.failures[k]
	h.mu.Unlock()
	if n < h.opts.MaxFailures {
		return err
	}
	if derr := h.st.DeleteSubscription(ctx, k.topic, k.callback); derr != nil {
		return fmt.Errorf("%w; unsubscribing after %d failures: %w", err, n, derr)
	}
	h.forget(k.topic, k.callback)
	h.opts.Logger.LogAttrs(ctx, slog.LevelWarn, "websub: callback unsubscribed after failed deliveries",
		slog.String("topic", k.topic), slog.String("callback", k.callback), slog.Int("failures", n), slog.Any("error", err))
	return final(fmt.Errorf("%w; unsubscribed after %d failed deliveries in a row", err, n), ResultExpired)
}

// delivered follows a delivery task's end: a body offered meanwhile gets
// a task of its own (with a full set of attempts); otherwise the slot is
// done.
func (h *Hub) delivered(k slotKey) {
	h.mu.Lock()
	defer h.mu.Unlock()
	s := h.slots[k]
	if s == nil {
		return
	}
	if s.pending != nil && s.pending.version > s.tried {
		h.queueDelivery(k)
		return
	}
	delete(h.slots, k)
}

// isFinal says whether a task's error ends its work: given up or nothing
// left to do.
func isFinal(err error) bool {
	var perm permanentError
	return errors.Is(err, errNoWork) || errors.As(err, &perm)
}

// forget drops what is pending for a subscriber that left; h.mu is not
// held.
func (h *Hub) forget(topic, callback string) {
	h.mu.Lock()
	defer h.mu.Unlock()
	k := slotKey{topic, callback}
	delete(h.failures, k)
	if s := h.slots[k]; s != nil {
		s.pending = nil
	}
}
