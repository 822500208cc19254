package websub

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"net/http"
	"net/url"
	"strconv"
	"sync"
	"time"

	"aggregator/internal/netguard"
	"aggregator/internal/store"
)

// Hub is the built-in WebSub hub: ServeHTTP takes subscription requests,
// Run verifies them and distributes content, Publish announces a feed's new
// version.
type Hub struct {
	st      Store
	opts    Options
	stats   *counters
	q       *queue
	clients *clients

	admitMu sync.Mutex // serializes admissions (see admit)

	mu          sync.Mutex
	version     uint64                 // of the last body published
	topics      map[string]*topicState // distributions queued or under way
	slots       map[slotKey]*slot      // deliveries queued, under way or backing off
	failures    map[slotKey]int        // deliveries failed in a row, per subscription
	pendingWork pendingWork            // verifications accepted, not yet ended
}

// New returns a hub keeping its subscriptions in st.
func New(st Store, opts Options) *Hub {
	opts = opts.withDefaults()
	stats := newCounters(KindDelivery, KindVerification, KindPublish)
	return &Hub{st: st, opts: opts, stats: stats, q: newQueue(opts, stats), clients: newClients(opts.ClientRate),
		topics: make(map[string]*topicState), slots: make(map[slotKey]*slot), failures: make(map[slotKey]int),
		pendingWork: pendingWork{byHost: make(map[string]int),
			subs: subCounts{byTopic: make(map[string]int), byHost: make(map[string]int)}}}
}

// Stats returns what the hub did since New and what it has pending.
func (h *Hub) Stats() Stats {
	var s Stats
	h.stats.fill(&s)
	s.Queued, s.Retrying = h.q.depth()
	s.Capacity = h.opts.Queue
	h.mu.Lock()
	s.Pending = len(h.slots)
	h.mu.Unlock()
	return s
}

// CountSubscriptions returns the number of unexpired subscriptions of each
// of the topics, for metrics.
func (h *Hub) CountSubscriptions(ctx context.Context, topics []string) (map[string]int, error) {
	now := h.opts.Now()
	out := make(map[string]int, len(topics))
	for _, topic := range topics {
		subs, err := h.st.Subscriptions(ctx, topic, now)
		if err != nil {
			return nil, fmt.Errorf("count subscriptions: %w", err)
		}
		out[topic] = len(subs)
	}
	return out, nil
}

// request is a validated subscription request (WebSub 5.1).
type request struct {
	mode     string // subscribe | unsubscribe
	topic    string
	callback string
	secret   string
	lease    time.Duration
}

// ServeHTTP answers POST /websub: a valid subscribe or unsubscribe request
// gets 202 Accepted and its verification of intent follows asynchronously;
// an invalid one gets 400 naming the problem; one beyond a limit 429 (the
// client's rate, or too many verifications pending for the callback's
// host) or 403 (the subscriptions in all, of the topic or of the
// callback's host).
func (h *Hub) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	if r.Method != http.MethodPost {
		w.Header().Set("Allow", http.MethodPost)
		http.Error(w, "the WebSub hub takes POST requests", http.StatusMethodNotAllowed)
		return
	}
	r.Body = http.MaxBytesReader(w, r.Body, 64<<10)
	if err := r.ParseForm(); err != nil {
		http.Error(w, "bad form: "+err.Error(), http.StatusBadRequest)
		return
	}
	req, err := h.parse(r.PostForm)
	if err != nil {
		http.Error(w, err.Error(), http.StatusBadRequest)
		return
	}
	if !h.clients.allow(r.RemoteAddr, h.opts.Now()) {
		h.stats.add(KindVerification, ResultLimited)
		w.Header().Set("Retry-After", "60")
		http.Error(w, fmt.Sprintf("too many requests: at most %d a minute", h.opts.ClientRate), http.StatusTooManyRequests)
		return
	}
	release, err := h.admit(r.Context(), req)
	var le *limitError
	switch {
	case errors.As(err, &le):
		h.stats.add(KindVerification, ResultLimited)
		if le.status == http.StatusTooManyRequests {
			w.Header().Set("Retry-After", "60")
		}
		http.Error(w, le.msg, le.status)
		return
	case err != nil:
		h.opts.Logger.Error("websub: request not accepted", slog.Any("error", err))
		http.Error(w, "the hub cannot take requests now", http.StatusServiceUnavailable)
		return
	}
	// Verifications wait in the lane of the callback's host: a host that
	// does not answer delays only its own requests.
	_ = h.q.add(&task{kind: KindVerification, what: req.mode + " " + req.callback, lane: store.CallbackHost(req.callback),
		run: func(ctx context.Context) error { return h.verify(ctx, req) },
		end: func(error) { release() }})
	h.opts.Logger.LogAttrs(r.Context(), slog.LevelInfo, "websub: request accepted",
		slog.String("mode", req.mode), slog.String("topic", req.topic), slog.String("callback", req.callback))
	w.WriteHeader(http.StatusAccepted)
}

// parse validates a subscription request's parameters.
func (h *Hub) parse(form url.Values) (request, error) {
	req := request{
		mode:     form.Get("hub.mode"),
		topic:    form.Get("hub.topic"),
		callback: form.Get("hub.callback"),
		secret:   form.Get("hub.secret"),
	}
	switch req.mode {
	case "subscribe", "unsubscribe":
	case "publish":
		return req, errors.New("hub.mode=publish is not needed: this hub distributes its own feeds when they change")
	case "":
		return req, errors.New("hub.mode is required (subscribe or unsubscribe)")
	default:
		return req, fmt.Errorf("hub.mode %.100q is not supported (subscribe or unsubscribe)", req.mode)
	}
	if req.topic == "" {
		return req, errors.New("hub.topic is required")
	}
	if h.opts.IsTopic == nil || !h.opts.IsTopic(req.topic) {
		return req, fmt.Errorf("hub.topic %.100q is not a feed published here", req.topic)
	}
	if err := h.checkCallback(req.callback); err != nil {
		return req, err
	}
	if len(req.secret) >= maxSecretBytes {
		return req, fmt.Errorf("hub.secret must be shorter than %d bytes", maxSecretBytes)
	}
	req.lease = h.opts.DefaultLease
	if s := form.Get("hub.lease_seconds"); s != "" {
		n, err := strconv.ParseInt(s, 10, 64)
		if err != nil || n <= 0 {
			return req, fmt.Errorf("hub.lease_seconds %.100q is not a positive integer", s)
		}
		req.lease = time.Duration(min(n, int64(h.opts.MaxLease/time.Second))) * time.Second
	}
	req.lease = min(max(req.lease, h.opts.MinLease), h.opts.MaxLease)
	return req, nil
}

// checkCallback accepts an absolute http(s) URL without a fragment whose
// host is not plainly private (unless private addresses are allowed).
func (h *Hub) checkCallback(callback string) error {
	if callback == "" {
		return errors.New("hub.callback is required")
	}
	u, err := url.Parse(callback)
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" || u.Fragment != "" || u.User != nil {
		return fmt.Errorf("hub.callback %.100q is not an absolute http(s) URL without credentials or fragment", callback)
	}
	if len(callback) > 2000 {
		return errors.New("hub.callback is longer than 2000 bytes")
	}
	if !h.opts.AllowPrivate && netguard.NamesPrivate(u.Hostname()) {
		return fmt.Errorf("hub.callback %.100q: %w", callback, ErrPrivateAddress)
	}
	return nil
}

// Run verifies subscription requests, distributes content and prunes
// expired leases until ctx ends.
func (h *Hub) Run(ctx context.Context) {
	done := make(chan struct{})
	go func() {
		defer close(done)
		h.pruneLoop(ctx)
	}()
	h.q.run(ctx)
	<-done
}

// pruneLoop forgets expired subscriptions, hourly.
func (h *Hub) pruneLoop(ctx context.Context) {
	t := time.NewTicker(time.Hour)
	defer t.Stop()
	for {
		n, err := h.st.PruneSubscriptions(ctx, h.opts.Now())
		switch {
		case err != nil && ctx.Err() == nil:
			h.opts.Logger.Error("websub: pruning expired subscriptions", slog.Any("error", err))
		case n > 0:
			h.opts.Logger.Info("websub: expired subscriptions removed", slog.Int("subscriptions", n))
		}
		select {
		case <-ctx.Done():
			return
		case <-t.C:
		}
	}
}
