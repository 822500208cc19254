package publish

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"sync"
	"time"
)

// DefaultCoalesce is how long the background worker waits, after a feed
// goes stale, for more invalidations before re-rendering, when
// Options.Coalesce is zero: a burst of fetches then costs one render.
const DefaultCoalesce = time.Second

// renderWorkers bounds the renders the background runs at once.
const renderWorkers = 2

// ErrRunning is returned by Start when the publisher already runs.
var ErrRunning = errors.New("publisher already started")

// Start renders every feed in every format into the cache, then keeps the
// cache fresh in the background until ctx ends: from then on Invalidate
// schedules re-renders instead of dropping renders, and Get never renders
// a feed it has. It returns once the cache is warm, with the warm-up's
// failures (those feeds render on their first request instead); Wait
// returns once the background has stopped.
func (p *Publisher) Start(ctx context.Context) error {
	p.mu.Lock()
	if p.running {
		p.mu.Unlock()
		return ErrRunning
	}
	p.running = true
	p.mu.Unlock()
	if err := p.spool.open(); err != nil {
		p.opts.logger().Warn("serving feeds from memory only", "err", err)
	}

	err := p.warm(ctx)
	p.wg.Add(1)
	go func() {
		defer p.wg.Done()
		p.loop(ctx)
	}()
	return err
}

// Wait blocks until the background started by Start has stopped.
func (p *Publisher) Wait() { p.wg.Wait() }

// Close removes the files the publisher keeps for serving (see
// Options.SpoolDir) and closes them once no response uses them; feeds are
// served from memory from then on. Call it once the background has
// stopped (after Wait).
func (p *Publisher) Close() error {
	p.mu.Lock()
	for _, c := range *p.cache.Load() {
		p.spool.remove(c.r)
	}
	p.mu.Unlock()
	return p.spool.close()
}

// warm renders every feed in every format.
func (p *Publisher) warm(ctx context.Context) error {
	var (
		mu   sync.Mutex
		errs []error
	)
	p.each(ctx, p.Defs(), func(def Def, format string) {
		if err := p.refresh(ctx, def.ID, format, false); err != nil {
			mu.Lock()
			errs = append(errs, err)
			mu.Unlock()
		}
	})
	if err := errors.Join(errs...); err != nil {
		return fmt.Errorf("warming the feed cache: %w", err)
	}
	return nil
}

// loop re-renders stale feeds until ctx ends, then returns the publisher
// to dropping renders on Invalidate.
func (p *Publisher) loop(ctx context.Context) {
	defer func() {
		p.mu.Lock()
		p.running = false
		p.dropLocked(p.dirty)
		clear(p.dirty)
		p.mu.Unlock()
	}()
	coalesce := p.opts.Coalesce
	if coalesce <= 0 {
		coalesce = DefaultCoalesce
	}
	timer := time.NewTimer(0)
	<-timer.C
	for {
		select {
		case <-ctx.Done():
			return
		case <-p.wake:
		}
		timer.Reset(coalesce)
		select {
		case <-ctx.Done():
			timer.Stop()
			return
		case <-timer.C:
		}
		p.mu.Lock()
		var stale []Def
		for _, d := range p.defs {
			if p.dirty[d.ID] {
				stale = append(stale, d)
			}
		}
		clear(p.dirty)
		p.mu.Unlock()
		p.each(ctx, stale, func(def Def, format string) {
			if err := p.refresh(ctx, def.ID, format, true); err != nil && ctx.Err() == nil {
				p.opts.logger().LogAttrs(ctx, slog.LevelError, "re-rendering feed: serving the previous render",
					slog.String("feed", def.ID), slog.String("format", format), slog.Any("error", err))
			}
		})
	}
}

// each calls fn for every feed and format, renderWorkers at a time, and
// returns when all calls have.
func (p *Publisher) each(ctx context.Context, defs []Def, fn func(Def, string)) {
	type job struct {
		def    Def
		format string
	}
	jobs := make(chan job)
	var wg sync.WaitGroup
	for range renderWorkers {
		wg.Go(func() {
			for j := range jobs {
				fn(j.def, j.format)
			}
		})
	}
	defer wg.Wait()
	defer close(jobs)
	for _, d := range defs {
		for _, f := range Formats() {
			select {
			case jobs <- job{d, f}:
			case <-ctx.Done():
				return
			}
		}
	}
}

// refresh renders a feed in a format and caches the render (unless a
// newer one got there first). With notify, a render whose content differs
// from the one it replaces goes to the OnChange hook.
func (p *Publisher) refresh(ctx context.Context, id, format string, notify bool) error {
	p.mu.Lock()
	def, ok := p.byID[id]
	gen := p.gen[id]
	p.mu.Unlock()
	if !ok {
		return nil // removed meanwhile
	}
	version, verr := p.st.ChangeVersion(ctx)
	if verr != nil {
		version = 0 // WebSub claims then order by body alone
	}
	r, err := p.render(ctx, def, format)
	if err != nil {
		return err
	}
	p.mu.Lock()
	if _, ok := p.byID[id]; !ok {
		p.mu.Unlock()
		return nil
	}
	old, stored := p.storeLocked(cacheKey{id, format}, r, gen)
	hook := p.onChange
	p.mu.Unlock()
	if notify && stored && old != nil && old.ETag != r.ETag && hook != nil {
		hook(Change{ID: id, Format: format, Rendered: r, Version: version})
	}
	return nil
}
