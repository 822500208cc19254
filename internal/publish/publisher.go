package publish

import (
	"context"
	"errors"
	"fmt"
	"net/url"
	"slices"
	"strings"
	"sync"
	"sync/atomic"

	"aggregator/internal/store"
)

// Publisher serves the published feeds from a cache of renders.
//
// Before Run starts, it behaves as a plain cache: Invalidate drops renders
// and the next Get renders again (what one-shot commands such as export
// need). Once Run is going, rendering leaves the request path: Invalidate
// marks feeds stale, a background worker re-renders them (coalescing a
// burst of invalidations into one render), and Get keeps answering with the
// previous render until the new one is ready. A Get for a feed never
// rendered still renders it, once, whoever else asks at the same time.
type Publisher struct {
	st   store.Store
	opts Options

	// cache is a copy-on-write snapshot read without locking on the hot
	// path; it is replaced, never modified, under mu.
	cache atomic.Pointer[map[cacheKey]*cached]

	mu       sync.Mutex
	defs     []Def
	byID     map[string]Def
	inflight map[cacheKey]*call
	gen      map[string]uint64 // per feed id, bumped when its renders go stale
	dirty    map[string]bool   // feeds to re-render in the background
	running  bool              // Run is going: re-render instead of dropping
	wake     chan struct{}     // signals the worker; buffered, never closed
	onChange func(Change)
	wg       sync.WaitGroup // the background worker

	spool *spool // files of the cached renders, for sendfile
}

// Change is a feed whose rendered content changed (its ETag differs from
// the render it replaces), as given to the OnChange hook.
type Change struct {
	ID       string
	Format   string
	Rendered *Rendered
	// Version is the store's change version read before the render: the
	// render holds every write up to it (0 when it could not be read).
	Version int64
}

// cacheKey names one render.
type cacheKey struct{ id, format string }

// cached is a render with the generation of the feed it was rendered at.
type cached struct {
	r   *Rendered
	gen uint64
}

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
		inflight: make(map[cacheKey]*call),
		gen:      make(map[string]uint64),
		dirty:    make(map[string]bool),
		wake:     make(chan struct{}, 1),
		spool:    &spool{parent: opts.SpoolDir},
	}
	empty := map[cacheKey]*cached{}
	p.cache.Store(&empty)
	p.SetDefs(defs)
	return p
}

// OnChange sets the hook told, from the background worker, about every
// re-render whose content differs from the render it replaces (first
// renders and warm-up are not changes). The hook must not block for long:
// hand the work to a queue. Set it before Run.
func (p *Publisher) OnChange(fn func(Change)) {
	p.mu.Lock()
	defer p.mu.Unlock()
	p.onChange = fn
}

// Get returns a feed rendered in a format ("rss", "atom" or "json"), from
// the cache when it is there, rendering it otherwise. An unknown id gives
// an error wrapping ErrUnknownFeed; an unknown format, ErrUnknownFormat.
func (p *Publisher) Get(ctx context.Context, id, format string) (*Rendered, error) {
	key := cacheKey{id, format}
	if c := (*p.cache.Load())[key]; c != nil {
		return c.r, nil // the hot path: no lock, no allocation
	}
	if ContentType(format) == "" {
		return nil, fmt.Errorf("publish %s: %q: %w", id, format, ErrUnknownFormat)
	}
	for {
		p.mu.Lock()
		def, ok := p.byID[id]
		if !ok {
			p.mu.Unlock()
			return nil, fmt.Errorf("publish %q: %w", id, ErrUnknownFeed)
		}
		if c := (*p.cache.Load())[key]; c != nil {
			p.mu.Unlock()
			return c.r, nil
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
		if c.err == nil {
			if p.gen[id] == gen {
				p.storeLocked(key, c.r, gen)
			} else {
				p.spool.remove(c.r) // served to the waiters from memory
			}
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
	if err := p.spool.write(r); err != nil {
		p.opts.logger().Warn("spooling feed: serving it from memory", "feed", def.ID, "format", format, "err", err)
	}
	return r, nil
}

// storeLocked puts a render in the cache unless a newer one is there, and
// returns the render it replaced; p.mu must be held. The spool files of
// the render left out of the cache are removed.
func (p *Publisher) storeLocked(key cacheKey, r *Rendered, gen uint64) (old *Rendered, stored bool) {
	cur := *p.cache.Load()
	if c := cur[key]; c != nil {
		if c.gen > gen {
			p.spool.remove(r)
			return nil, false
		}
		old = c.r
		if old != r {
			p.spool.remove(old)
		}
	}
	next := make(map[cacheKey]*cached, len(cur)+1)
	for k, v := range cur {
		next[k] = v
	}
	next[key] = &cached{r: r, gen: gen}
	p.cache.Store(&next)
	return old, true
}

// dropLocked forgets the renders of the feeds; p.mu must be held.
func (p *Publisher) dropLocked(ids map[string]bool) {
	cur := *p.cache.Load()
	next := make(map[cacheKey]*cached, len(cur))
	for k, v := range cur {
		if !ids[k.id] {
			next[k] = v
		} else {
			p.spool.remove(v.r)
		}
	}
	p.cache.Store(&next)
}

// Invalidate says that the content of the feeds that may depend on any of
// the topics changed (a feed selected by no topic depends on all; nil
// means every feed). Before Run, their renders are dropped; while Run is
// going, they are re-rendered in the background and the old renders served
// meanwhile. A render in progress for such a feed is served to those
// waiting for it but not cached.
func (p *Publisher) Invalidate(topics map[string]bool) {
	p.mu.Lock()
	defer p.mu.Unlock()
	stale := make(map[string]bool)
	for _, d := range p.defs {
		if d.involves(topics) {
			stale[d.ID] = true
			p.gen[d.ID]++
		}
	}
	p.staleLocked(stale)
}

// staleLocked drops or schedules the re-render of stale feeds; p.mu must
// be held.
func (p *Publisher) staleLocked(stale map[string]bool) {
	if len(stale) == 0 {
		return
	}
	if !p.running {
		p.dropLocked(stale)
		return
	}
	for id := range stale {
		p.dirty[id] = true
	}
	select {
	case p.wake <- struct{}{}:
	default: // already signalled
	}
}

// SetDefs replaces the published feeds (on a configuration reload). Feeds
// no longer defined are forgotten at once; the others are treated as
// changed (see Invalidate), since their titles or queries may differ.
func (p *Publisher) SetDefs(defs []Def) {
	byID := make(map[string]Def, len(defs))
	for _, d := range defs {
		byID[d.ID] = d
	}
	p.mu.Lock()
	defer p.mu.Unlock()
	removed := make(map[string]bool)
	for _, d := range p.defs {
		if _, ok := byID[d.ID]; !ok {
			removed[d.ID] = true
			p.gen[d.ID]++
			delete(p.dirty, d.ID)
		}
	}
	p.dropLocked(removed)
	p.defs = slices.Clone(defs)
	p.byID = byID
	stale := make(map[string]bool, len(defs))
	for _, d := range defs {
		stale[d.ID] = true
		p.gen[d.ID]++
	}
	p.staleLocked(stale)
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

// IsFeedURL says whether u is the URL of a published feed in one of the
// formats (BASE/feeds/ID.FORMAT), as WebSub topics must be.
func (p *Publisher) IsFeedURL(u string) bool {
	rest, ok := strings.CutPrefix(u, trimBase(p.opts.BaseURL)+"/feeds/")
	if !ok {
		return false
	}
	i := strings.LastIndexByte(rest, '.')
	if i < 0 || ContentType(rest[i+1:]) == "" {
		return false
	}
	id, err := url.PathUnescape(rest[:i])
	if err != nil || FeedURL(p.opts.BaseURL, id, rest[i+1:]) != u {
		return false
	}
	_, ok = p.Def(id)
	return ok
}
