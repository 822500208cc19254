package websub

import (
	"context"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"net/url"
	"strings"
	"sync"
)

// Pinger tells an external hub (publish.websub_hub) that a feed changed:
// a POST of hub.mode=publish and hub.url=FEED, the de facto publish ping
// that hubs such as Google's and Superfeedr accept. The hub then fetches
// the feed and distributes it.
type Pinger struct {
	hub   string
	opts  Options
	stats *counters
	q     *queue

	mu      sync.Mutex
	waiting map[string]bool // topics with a ping queued, not yet sent
}

// NewPinger returns a pinger of the hub at hubURL. The hub is configured
// by the operator, so private addresses are allowed unless opts.Client
// says otherwise.
func NewPinger(hubURL string, opts Options) *Pinger {
	if opts.Client == nil {
		timeout := opts.Timeout
		if timeout <= 0 {
			timeout = DefaultTimeout
		}
		opts.Client = newClient(timeout, true)
	}
	opts = opts.withDefaults()
	stats := newCounters(KindPing, KindPublish)
	return &Pinger{hub: hubURL, opts: opts, stats: stats, q: newQueue(opts, stats), waiting: make(map[string]bool)}
}

// PublishVersion is Publish: the hub fetches the feed itself.
func (p *Pinger) PublishVersion(topic, contentType string, body []byte, _ int64) {
	p.Publish(topic, contentType, body)
}

// Publish queues a ping for the topic unless one is already waiting (the
// hub fetches the feed when pinged, so one ping covers both changes); the
// body is not sent.
func (p *Pinger) Publish(topic, _ string, _ []byte) {
	p.mu.Lock()
	defer p.mu.Unlock()
	if p.waiting[topic] {
		p.stats.add(KindPublish, ResultCoalesced)
		return
	}
	run := func(ctx context.Context) error {
		p.mu.Lock()
		delete(p.waiting, topic) // a change from now on needs a ping of its own
		p.mu.Unlock()
		return p.ping(ctx, topic)
	}
	if err := p.q.add(&task{kind: KindPing, what: "ping " + p.hub + " for " + topic, run: run}); err != nil {
		p.stats.add(KindPublish, ResultDropped)
		p.opts.Logger.Warn("websub: not pinging the hub", slog.String("topic", topic), slog.Any("error", err))
		return
	}
	p.waiting[topic] = true
	p.stats.add(KindPublish, ResultOK)
}

// Stats returns what the pinger did since NewPinger and what it has
// pending.
func (p *Pinger) Stats() Stats {
	var s Stats
	p.stats.fill(&s)
	s.Queued, s.Retrying = p.q.depth()
	s.Capacity = p.opts.Queue
	return s
}

// Run sends the pings until ctx ends.
func (p *Pinger) Run(ctx context.Context) { p.q.run(ctx) }

func (p *Pinger) ping(ctx context.Context, topic string) error {
	form := url.Values{"hub.mode": {"publish"}, "hub.url": {topic}}
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, p.hub, strings.NewReader(form.Encode()))
	if err != nil {
		return permanent(fmt.Errorf("ping %s: %w", p.hub, err))
	}
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	req.Header.Set("User-Agent", p.opts.UserAgent)
	resp, err := p.opts.Client.Do(req)
	if err != nil {
		return fmt.Errorf("ping %s: %w", p.hub, err)
	}
	_, _ = io.Copy(io.Discard, io.LimitReader(resp.Body, 64<<10))
	resp.Body.Close()
	switch {
	case resp.StatusCode >= 200 && resp.StatusCode <= 299:
		return nil
	case resp.StatusCode >= 400 && resp.StatusCode <= 499 && resp.StatusCode != http.StatusTooManyRequests:
		return final(fmt.Errorf("ping %s: hub refused with status %d", p.hub, resp.StatusCode), ResultRefused)
	}
	return fmt.Errorf("ping %s: status %d", p.hub, resp.StatusCode)
}
