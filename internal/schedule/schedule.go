// Package schedule runs each source's fetch on its cron schedule, never two
// runs of one source at once, within global and per-host bounds, with a
// first fetch at start-up spread over a short jitter.
package schedule

import (
	"context"
	"fmt"
	"hash/fnv"
	"log/slog"
	"sync"
	"time"

	"github.com/robfig/cron/v3"

	"aggregator/internal/model"
)

// RunFunc fetches one source. It must return when ctx ends.
type RunFunc func(ctx context.Context, src model.Source)

// Options configure a Scheduler.
type Options struct {
	DefaultSpec string        // cron spec for sources without their own
	Limiter     *Limiter      // shared bounds; required
	Jitter      time.Duration // start-up spread and per-run delay bound; default 30s
	Run         RunFunc
	Logger      *slog.Logger
}

// Scheduler owns the cron entries of the enabled sources.
type Scheduler struct {
	opts Options
	cron *cron.Cron
	ctx  context.Context

	mu      sync.Mutex
	entries map[string]cron.EntryID
	sources map[string]model.Source
	running map[string]bool
	wg      sync.WaitGroup

	nexts nextCache
}

// Parser is the cron spec parser used for every schedule: five fields or a
// descriptor such as "@every 15m" or "@hourly".
var parser = cron.NewParser(cron.Minute | cron.Hour | cron.Dom | cron.Month | cron.Dow | cron.Descriptor)

// ParseSpec checks a cron spec the way the scheduler reads it.
func ParseSpec(spec string) (cron.Schedule, error) { return parser.Parse(spec) }

// New makes a scheduler; Start runs it.
func New(opts Options) *Scheduler {
	if opts.Jitter == 0 {
		opts.Jitter = 30 * time.Second
	}
	if opts.Logger == nil {
		opts.Logger = slog.Default()
	}
	return &Scheduler{
		opts:    opts,
		cron:    cron.New(cron.WithParser(parser), cron.WithLocation(time.UTC)),
		entries: map[string]cron.EntryID{},
		sources: map[string]model.Source{},
		running: map[string]bool{},
	}
}

// Start begins the schedules and queues a first fetch of every enabled
// source, spread over the jitter. Runs end when ctx ends.
func (s *Scheduler) Start(ctx context.Context, sources []model.Source) error {
	s.ctx = ctx
	if err := s.Set(sources); err != nil {
		return err
	}
	s.cron.Start()
	s.mu.Lock()
	defer s.mu.Unlock()
	for _, src := range s.sources {
		s.launch(src, spread(src.ID, s.opts.Jitter))
	}
	return nil
}

// Set replaces the schedules with those of sources (a config reload).
// Sources that stay keep their running fetch.
func (s *Scheduler) Set(sources []model.Source) error {
	type planned struct {
		src   model.Source
		sched cron.Schedule
	}
	var plan []planned
	for _, src := range sources {
		if !src.Enabled {
			continue
		}
		spec := src.Schedule
		if spec == "" {
			spec = s.opts.DefaultSpec
		}
		sched, err := parser.Parse(spec)
		if err != nil {
			return fmt.Errorf("source %s: schedule %q: %w", src.ID, spec, err)
		}
		plan = append(plan, planned{src, sched})
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	defer s.nexts.reset()
	for id, e := range s.entries {
		s.cron.Remove(e)
		delete(s.entries, id)
	}
	s.sources = map[string]model.Source{}
	for _, p := range plan {
		src := p.src
		s.sources[src.ID] = src
		s.entries[src.ID] = s.cron.Schedule(p.sched, cron.FuncJob(func() {
			s.mu.Lock()
			defer s.mu.Unlock()
			if cur, ok := s.sources[src.ID]; ok {
				s.launch(cur, spread(cur.ID, s.opts.Jitter/4))
			}
		}))
	}
	return nil
}

// launch starts a run of src after delay unless one is already running.
// The caller holds s.mu.
func (s *Scheduler) launch(src model.Source, delay time.Duration) {
	if s.running[src.ID] || s.ctx == nil || s.ctx.Err() != nil {
		if s.running[src.ID] {
			s.opts.Logger.Debug("fetch still running, skipping this turn", slog.String("source", src.ID))
		}
		return
	}
	s.running[src.ID] = true
	s.wg.Add(1)
	go func() {
		defer s.wg.Done()
		defer func() {
			s.mu.Lock()
			delete(s.running, src.ID)
			s.mu.Unlock()
		}()
		t := time.NewTimer(delay)
		defer t.Stop()
		select {
		case <-t.C:
		case <-s.ctx.Done():
			return
		}
		s.opts.Run(s.ctx, src)
	}()
}

// Next is the next scheduled run of a source, zero when it has none.
// Listing every source's next run costs one pass over the schedules, not
// one per source (see nextCache).
func (s *Scheduler) Next(sourceID string) time.Time {
	s.mu.Lock()
	id, ok := s.entries[sourceID]
	s.mu.Unlock()
	if !ok {
		return time.Time{}
	}
	return s.nexts.get(s.cron, id)
}

// Stop ends the schedules and waits for running fetches to return (they
// end when the context given to Start ends) or for ctx to end.
func (s *Scheduler) Stop(ctx context.Context) error {
	<-s.cron.Stop().Done()
	done := make(chan struct{})
	go func() { s.wg.Wait(); close(done) }()
	select {
	case <-done:
		return nil
	case <-ctx.Done():
		return fmt.Errorf("waiting for fetches to finish: %w", ctx.Err())
	}
}

// spread is a stable per-source delay in [0, jitter): a hundred sources on
// one schedule do not fire in the same second, and each keeps its slot.
func spread(id string, jitter time.Duration) time.Duration {
	if jitter <= 0 {
		return 0
	}
	h := fnv.New64a()
	h.Write([]byte(id))
	return time.Duration(h.Sum64() % uint64(jitter))
}

// RunAll runs fn for every source at once within the limiter's bounds (the
// `fetch` command) and waits for all of them.
func RunAll(ctx context.Context, sources []model.Source, fn RunFunc) {
	var wg sync.WaitGroup
	for _, src := range sources {
		wg.Add(1)
		go func() {
			defer wg.Done()
			fn(ctx, src)
		}()
	}
	wg.Wait()
}
