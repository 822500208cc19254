// Package schedule runs each source's fetch on its cron schedule, never two
// runs of one source at once, within global and per-host bounds, with a
// first fetch at start-up spread over a short jitter.
//
// The schedule lives in the store, so that several instances on one store
// share it: each instance claims due sources with a lease it renews while
// it fetches them, and sets their next due time when done; a source is
// fetched by one instance per period, and the sources of an instance that
// died go to the others once its leases lapse.
package schedule

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"fmt"
	"hash/fnv"
	"log/slog"
	"os"
	"strconv"
	"sync"
	"time"

	"github.com/robfig/cron/v3"

	"aggregator/internal/model"
	"aggregator/internal/store"
)

// RunFunc fetches one source. It must return when ctx ends.
type RunFunc func(ctx context.Context, src model.Source)

// Leases is the shared fetch schedule (store.Instances's fetch half).
type Leases interface {
	PlanFetches(ctx context.Context, plans []store.FetchPlan) error
	ClaimFetches(ctx context.Context, c store.FetchClaim) ([]store.ClaimedFetch, error)
	FinishFetch(ctx context.Context, f store.FinishedFetch) error
	FetchDues(ctx context.Context) (map[string]time.Time, error)
}

// Defaults of the Options.
const (
	DefaultPoll  = time.Second      // how often an instance claims due sources
	DefaultLease = 15 * time.Second // how long a claim holds unless renewed
)

// Options configure a Scheduler.
type Options struct {
	DefaultSpec string        // cron spec for sources without their own
	Limiter     *Limiter      // shared bounds; required
	Jitter      time.Duration // start-up spread and per-run delay bound; default 30s
	Run         RunFunc
	Logger      *slog.Logger

	Leases Leases        // the store's schedule; required by Start
	Owner  string        // this instance's name in the leases; default Instance()
	Poll   time.Duration // how often due sources are claimed and leases renewed
	Lease  time.Duration // a claim lapses this long after its last renewal
	Now    func() time.Time
}

// Scheduler claims the due sources of the store's schedule and fetches
// them.
type Scheduler struct {
	opts Options
	ctx  context.Context
	loop chan struct{} // closed when the claiming loop ended
	quit chan struct{} // closed by Stop
	stop sync.Once

	mu      sync.Mutex
	sources map[string]planned
	running map[string]bool
	wg      sync.WaitGroup

	dues dueCache
}

// planned is an enabled source and its parsed schedule.
type planned struct {
	src   model.Source
	sched cron.Schedule
}

// Parser is the cron spec parser used for every schedule: five fields or a
// descriptor such as "@every 15m" or "@hourly".
var parser = cron.NewParser(cron.Minute | cron.Hour | cron.Dom | cron.Month | cron.Dow | cron.Descriptor)

// ParseSpec checks a cron spec the way the scheduler reads it.
func ParseSpec(spec string) (cron.Schedule, error) { return parser.Parse(spec) }

// Instance is a name for this process in the leases, unique among the
// instances of a store: host name, process id and a random suffix.
func Instance() string {
	host, _ := os.Hostname()
	var b [3]byte
	_, _ = rand.Read(b[:])
	return host + "-" + strconv.Itoa(os.Getpid()) + "-" + hex.EncodeToString(b[:])
}

// New makes a scheduler; Start runs it.
func New(opts Options) *Scheduler {
	if opts.Jitter == 0 {
		opts.Jitter = 30 * time.Second
	}
	if opts.Logger == nil {
		opts.Logger = slog.Default()
	}
	if opts.Owner == "" {
		opts.Owner = Instance()
	}
	if opts.Poll <= 0 {
		opts.Poll = DefaultPoll
	}
	if opts.Lease <= 0 {
		opts.Lease = DefaultLease
	}
	if opts.Now == nil {
		opts.Now = time.Now
	}
	return &Scheduler{opts: opts, sources: map[string]planned{}, running: map[string]bool{}, quit: make(chan struct{})}
}

// Owner is this instance's name in the leases.
func (s *Scheduler) Owner() string { return s.opts.Owner }

// Start plans a first fetch of every source new to the store's schedule
// within the jitter, or within its period when that is shorter (a source
// already planned keeps its due time: another instance, or this one
// before a restart, fetched it within the period), and claims due sources
// every Poll until ctx ends.
func (s *Scheduler) Start(ctx context.Context, sources []model.Source) error {
	if s.opts.Leases == nil {
		return fmt.Errorf("schedule: no store to share the schedule through")
	}
	s.ctx = ctx
	if err := s.set(sources, true); err != nil {
		return err
	}
	s.loop = make(chan struct{})
	go s.claimLoop()
	return nil
}

// Set replaces the schedules with those of sources (a config reload):
// removed sources leave the store's schedule, new ones are due at their
// schedule's next time, and one whose schedule became more frequent is
// brought forward to it. Fetches under way go on.
func (s *Scheduler) Set(sources []model.Source) error { return s.set(sources, false) }

func (s *Scheduler) set(sources []model.Source, startup bool) error {
	plan := map[string]planned{}
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
		plan[src.ID] = planned{src, sched}
	}
	if s.ctx == nil {
		return nil // not started: Start plans
	}
	s.mu.Lock()
	s.sources = plan // before planning: a claim of a new source finds it
	s.mu.Unlock()
	now := s.opts.Now()
	plans := make([]store.FetchPlan, 0, len(plan))
	for id, p := range plan {
		period := p.period(now)
		due := now.Add(spread(id, min(s.opts.Jitter, period)))
		if !startup {
			due = p.next(now, now, s.opts.Jitter)
		}
		// A due time further than a period (and the source's offset)
		// away is one of a less frequent schedule than the current one.
		latest := now.Add(period + spread(id, s.opts.Jitter/4) + time.Second)
		plans = append(plans, store.FetchPlan{SourceID: id, Due: due, Latest: latest})
	}
	if err := s.opts.Leases.PlanFetches(context.WithoutCancel(s.ctx), plans); err != nil {
		return err
	}
	s.dues.reset()
	return nil
}

// period is the time between the schedule's next two runs after now: the
// start-up spread is never longer, so that a source on a short schedule
// is not first fetched later than its period.
func (p planned) period(now time.Time) time.Duration {
	first := p.sched.Next(now)
	return p.sched.Next(first).Sub(first)
}

// next is the due time that follows a run due at due, ending at now: the
// schedule's next time after due (so a period keeps its length however
// late the claim ran), or after now when that is less than half a period
// away (a run that started late is not followed by another at once). Every source keeps a
// stable offset within a quarter of the jitter, so that a hundred sources
// on one cron time do not fire in the same second.
func (p planned) next(due, now time.Time, jitter time.Duration) time.Time {
	off := spread(p.src.ID, jitter/4)
	n := p.sched.Next(due.Add(-off)).Add(off)
	if n.Before(now.Add(p.period(now) / 2)) {
		n = p.sched.Next(now.Add(-off)).Add(off)
	}
	return n
}

// claimLoop claims due sources, and renews the leases of those under way,
// every Poll until the context ends or Stop.
func (s *Scheduler) claimLoop() {
	defer close(s.loop)
	t := time.NewTicker(s.opts.Poll)
	defer t.Stop()
	for {
		s.claim()
		select {
		case <-s.ctx.Done():
			return
		case <-s.quit:
			return
		case <-t.C:
		}
	}
}

// claim takes as many due sources as there is room for: the fetches the
// limiter lets run at once, and as many waiting their turn.
func (s *Scheduler) claim() {
	now := s.opts.Now()
	s.mu.Lock()
	room := 2*s.opts.Limiter.Total() - len(s.running)
	s.mu.Unlock()
	claims, err := s.opts.Leases.ClaimFetches(s.ctx, store.FetchClaim{
		Owner: s.opts.Owner, Now: now, Until: now.Add(s.opts.Lease), Limit: max(room, 0)})
	if err != nil {
		if s.ctx.Err() == nil {
			s.opts.Logger.Warn("claiming due sources", slog.Any("error", err))
		}
		return
	}
	for _, c := range claims {
		s.mu.Lock()
		p, known := s.sources[c.SourceID]
		switch {
		case s.running[c.SourceID]:
			// Its own fetch is still under way (the lease lapsed and came
			// back): that fetch sets the next due time.
		case !known:
			// Planned by an instance with another configuration: left to it.
			s.finish(c.SourceID, now.Add(time.Minute), false)
		default:
			s.launch(p, c.Due)
		}
		s.mu.Unlock()
	}
}

// launch runs a claimed source and then ends its claim with the next due
// time; a run cut short by shutdown leaves it due for another instance.
// The caller holds s.mu.
func (s *Scheduler) launch(p planned, due time.Time) {
	s.running[p.src.ID] = true
	s.wg.Add(1)
	go func() {
		defer s.wg.Done()
		s.opts.Run(s.ctx, p.src)
		fetched := s.ctx.Err() == nil
		next := due
		if fetched {
			next = p.next(due, s.opts.Now(), s.opts.Jitter)
		}
		s.finish(p.src.ID, next, fetched)
		s.mu.Lock()
		delete(s.running, p.src.ID)
		s.mu.Unlock()
		s.dues.reset()
	}()
}

// finish ends this instance's claim of a source.
func (s *Scheduler) finish(id string, next time.Time, fetched bool) {
	ctx, cancel := context.WithTimeout(context.WithoutCancel(s.ctx), 5*time.Second)
	defer cancel()
	err := s.opts.Leases.FinishFetch(ctx, store.FinishedFetch{SourceID: id, Owner: s.opts.Owner, Next: next, Fetched: fetched})
	if err != nil {
		s.opts.Logger.Warn("ending the claim of a source", slog.String("source", id), slog.Any("error", err))
	}
}

// Next is the next scheduled run of a source (due now while it is being
// fetched), zero when it has none. Listing every source's next run reads
// the store's schedule once (see dueCache).
func (s *Scheduler) Next(sourceID string) time.Time {
	s.mu.Lock()
	_, ok := s.sources[sourceID]
	s.mu.Unlock()
	if !ok || s.ctx == nil {
		return time.Time{}
	}
	return s.dues.get(s.ctx, s.opts.Leases, sourceID, s.opts.Poll)
}

// Stop ends the claiming and waits for running fetches to return (they
// end when the context given to Start ends) or for ctx to end.
func (s *Scheduler) Stop(ctx context.Context) error {
	s.stop.Do(func() { close(s.quit) })
	done := make(chan struct{})
	go func() {
		if s.loop != nil {
			<-s.loop
		}
		s.wg.Wait()
		close(done)
	}()
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
