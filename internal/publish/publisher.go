package publish

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"sync"

	"aggregator/internal/store"
)

// Publisher serves the published feeds from a cache of renders. A feed is
// rendered from the store on the first request after it was invalidated;
// concurrent requests for it wait for that one render.
type Publisher struct {
	st   store.Store
	opts Options

	mu       sync.Mutex
	defs     []Def
	byID     map[string]Def
	cache    map[cacheKey]*Rendered
	inflight map[cacheKey]*call
	gen      map[string]uint64 // per feed id, bumped when its renders go stale
}

// cacheKey names one render.
type cacheKey struct{ id, format string }

// call is a render in progress that others may wait for.
type call struct {
	done chan struct{}
	r    *Rendered
	err  error
}

// New returns a publisher of the feeds defs, reading stories from st.
func New(st store.Store, opts Options, defs []Def) *Publisher {
	p := &Publisher{
		st:       st,
		opts:     opts,
		cache:    make(map[cacheKey]*Rendered),
		inflight: make(map[cacheKey]*call),
		gen:      make(map[string]uint64),
	}
	p.SetDefs(defs)
	return p
}

// Get returns a feed rendered in a format ("rss", "atom" or "json"), from
// the cache when it is there. An unknown id gives an error wrapping
// ErrUnknownFeed; an unknown format, ErrUnknownFormat.
func (p *Publisher) Get(ctx context.Context, id, format string) (*Rendered, error) {
	if ContentType(format) == "" {
		return nil, fmt.Errorf("publish %s: %q: %w", id, format, ErrUnknownFormat)
	}
	key := cacheKey{id, format}
	for {
		p.mu.Lock()
		def, ok := p.byID[id]
		if !ok {
			p.mu.Unlock()
			return nil, fmt.Errorf("publish %q: %w", id, ErrUnknownFeed)
		}
		if r := p.cache[key]; r != nil {
			p.mu.Unlock()
			return r, nil
		}
		if c := p.inflight[key]; c != nil {
			p.mu.Unlock()
			select {
			case <-c.done:
			case <-ctx.Done():
				return nil, fmt.Errorf("publish %s.%s: %w", id, format, ctx.Err())
			}
			if c.err != nil && isContextErr(c.err) && ctx.Err() == nil {
				continue // the leader gave up; render for ourselves
			}
			return c.r, c.err
		}
		c := &call{done: make(chan struct{})}
		p.inflight[key] = c
		gen := p.gen[id]
		p.mu.Unlock()

		c.r, c.err = p.render(ctx, def, format)

		p.mu.Lock()
		delete(p.inflight, key)
		if c.err == nil && p.gen[id] == gen {
			p.cache[key] = c.r
		}
		p.mu.Unlock()
		close(c.done)
		return c.r, c.err
	}
}

// render reads a feed's stories and renders them.
func (p *Publisher) render(ctx context.Context, def Def, format string) (*Rendered, error) {
	items, err := p.st.Stories(ctx, def.Query)
	if err != nil {
		return nil, fmt.Errorf("publish %s.%s: stories: %w", def.ID, format, err)
	}
	r, err := render(def, p.opts, items, format)
	if err != nil {
		p.opts.logger().Error("render feed", "feed", def.ID, "format", format, "err", err)
		return nil, err
	}
	return r, nil
}

// Invalidate drops the cached renders of the feeds whose content may
// depend on any of the topics (a feed selected by no topic depends on all);
// nil drops every render. A render in progress for such a feed is served to
// those waiting for it but not cached.
func (p *Publisher) Invalidate(topics map[string]bool) {
	p.mu.Lock()
	defer p.mu.Unlock()
	for _, d := range p.defs {
		if d.involves(topics) {
			p.dropLocked(d.ID)
		}
	}
}

// dropLocked forgets the renders of a feed; p.mu must be held.
func (p *Publisher) dropLocked(id string) {
	p.gen[id]++
	for _, f := range Formats() {
		delete(p.cache, cacheKey{id, f})
	}
}

// SetDefs replaces the published feeds (on a configuration reload) and
// drops every cached render.
func (p *Publisher) SetDefs(defs []Def) {
	byID := make(map[string]Def, len(defs))
	for _, d := range defs {
		byID[d.ID] = d
	}
	p.mu.Lock()
	defer p.mu.Unlock()
	for _, d := range p.defs {
		p.dropLocked(d.ID)
	}
	for _, d := range defs {
		p.dropLocked(d.ID)
	}
	p.defs = slices.Clone(defs)
	p.byID = byID
}

// Defs returns the published feeds, in configuration order.
func (p *Publisher) Defs() []Def {
	p.mu.Lock()
	defer p.mu.Unlock()
	return slices.Clone(p.defs)
}

// Def returns the published feed with the id.
func (p *Publisher) Def(id string) (Def, bool) {
	p.mu.Lock()
	defer p.mu.Unlock()
	d, ok := p.byID[id]
	return d, ok
}

// Options returns the options the publisher renders with.
func (p *Publisher) Options() Options { return p.opts }

func isContextErr(err error) bool {
	return errors.Is(err, context.Canceled) || errors.Is(err, context.DeadlineExceeded)
}
