// Package ingest is the one place that runs the pipeline's stages in order
// for a source: fetch → parse → normalize → (full text) → tag →
// fingerprint → store.
package ingest

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"sync"
	"sync/atomic"
	"time"

	"aggregator/internal/dedup"
	"aggregator/internal/fetch"
	"aggregator/internal/metrics"
	"aggregator/internal/model"
	"aggregator/internal/redact"
	"aggregator/internal/store"
	"aggregator/internal/tag"
)

// Limiter bounds concurrent fetches (see schedule.Limiter).
type Limiter interface {
	Acquire(ctx context.Context, rawURL string) (release func(), err error)
}

// Options wire a Pipeline.
type Options struct {
	Store   store.Store
	Client  *fetch.Client
	Limiter Limiter
	Tagger  *tag.Tagger
	// BeforeTagging, when set, runs once, before the first item that needs
	// its topics is tagged (fetch trains the topic classifiers there, so
	// that a pass with nothing new never pays for training).
	BeforeTagging func()

	NearDuplicates bool
	Window         time.Duration

	// Backoff after consecutive failures: BaseBackoff doubled per failure,
	// at most MaxBackoff. Hints from the publisher (RSS ttl, Cache-Control,
	// Expires) delay the next fetch by at most MaxHint.
	BaseBackoff time.Duration
	MaxBackoff  time.Duration
	MaxHint     time.Duration

	// FullTextPerRun bounds the article pages fetched per run of a
	// full_text source; default DefaultFullTextPerRun.
	FullTextPerRun int

	// MaxProcessing bounds the fetched documents parsed, tagged and
	// stored at once, across all runs; default DefaultMaxProcessing().
	MaxProcessing int
	// MaxFetched bounds the documents fetched and not yet stored, those
	// in processing included: a fetch waits for room before it starts,
	// holding no body. Default DefaultMaxFetched(MaxProcessing); give it
	// at least the fetch concurrency, or fetching is bounded by it.
	MaxFetched int

	Clock    func() time.Time
	Logger   *slog.Logger
	Metrics  *metrics.Metrics
	OnChange func(topics map[string]bool) // called after a fetch changed published content
	// OnVersion, when set, is told the store's change version a fetch set
	// (store.SaveResult.Version), after OnChange, so that a server can
	// tell its own writes from other processes'.
	OnVersion func(version int64)
}

// Pipeline ingests sources. It is safe for concurrent use by the runs of
// different sources.
type Pipeline struct {
	opts    Options
	tagger  atomic.Pointer[tag.Tagger]
	before  sync.Once // runs opts.BeforeTagging
	turns   turns     // documents in processing
	fetched turns     // documents fetched and not yet stored
}

// New makes a pipeline, filling defaults.
func New(opts Options) *Pipeline {
	if opts.Clock == nil {
		opts.Clock = time.Now
	}
	if opts.Logger == nil {
		opts.Logger = slog.Default()
	}
	if opts.BaseBackoff == 0 {
		opts.BaseBackoff = 2 * time.Minute
	}
	if opts.MaxBackoff == 0 {
		opts.MaxBackoff = 6 * time.Hour
	}
	if opts.MaxHint == 0 {
		opts.MaxHint = 6 * time.Hour
	}
	if opts.FullTextPerRun <= 0 {
		opts.FullTextPerRun = DefaultFullTextPerRun
	}
	if opts.MaxProcessing <= 0 {
		opts.MaxProcessing = DefaultMaxProcessing()
	}
	if opts.MaxFetched < opts.MaxProcessing {
		opts.MaxFetched = DefaultMaxFetched(opts.MaxProcessing)
	}
	p := &Pipeline{opts: opts, turns: make(turns, opts.MaxProcessing), fetched: make(turns, opts.MaxFetched)}
	p.tagger.Store(opts.Tagger)
	return p
}

// SetTagger swaps the topic rules (a config reload).
func (p *Pipeline) SetTagger(t *tag.Tagger) { p.tagger.Store(t) }

// Tagger is the current topic rules.
func (p *Pipeline) Tagger() *tag.Tagger { return p.tagger.Load() }

// Result is what one run did to one source.
type Result struct {
	Source    string
	Status    string // ok, not_modified, error, skipped
	New       int
	Updated   int
	Duplicate int            // already stored unchanged, or repeated within the document
	Joined    int            // new items that joined another outlet's story
	Refused   int            // entries that could not be stored
	RefusedBy map[string]int // the same, by reason (normalize.Refused*)
	Took      time.Duration
	Err       error
}

// Run statuses.
const (
	RunOK          = "ok"
	RunNotModified = "not_modified"
	RunError       = "error"
	RunSkipped     = "skipped"
)

// Run fetches and ingests one source. Unless force is set, a source that
// asked to be left alone (Retry-After, backoff, ttl) or is gone is skipped.
func (p *Pipeline) Run(ctx context.Context, src model.Source, force bool) Result {
	st, err := p.opts.Store.SourceState(ctx, src.ID)
	if err != nil {
		return Result{Source: src.ID, Status: RunError, Err: fmt.Errorf("reading fetch state: %w", err)}
	}
	return p.RunFrom(ctx, src, st, force)
}

// RunFrom is Run from the source's state as the caller read it: a round
// of every source (the fetch command) reads them all in one query.
func (p *Pipeline) RunFrom(ctx context.Context, src model.Source, st model.SourceState, force bool) Result {
	log := p.opts.Logger.With(slog.String("source", src.ID))
	start := p.opts.Clock()
	res := Result{Source: src.ID}
	st.SourceID = src.ID
	if !force {
		if st.Gone {
			res.Status = RunSkipped
			return res
		}
		if start.Before(st.NextFetch) {
			res.Status = RunSkipped
			log.Debug("not due yet", slog.Time("next_fetch", st.NextFetch))
			return res
		}
	}

	doc, resp, err := p.retrieve(ctx, src, st)
	// Shown in logs, the API and the fetch command's output: without the
	// URL's credentials.
	err = redact.Error(err)
	if doc.release != nil {
		defer doc.release()
	}
	now := p.opts.Clock()
	st.LastFetch = now
	switch {
	case err != nil && ctx.Err() != nil:
		// Abandoned (shutdown, Ctrl-C): not the source's failure, so
		// neither counted nor backed off; the state stays as it was.
		res.Status, res.Err = RunError, err
		log.Info("fetch abandoned", slog.Any("error", err))
		return res
	case err != nil:
		res.Status, res.Err = RunError, err
		p.failed(&st, err, now)
		if serr := p.opts.Store.SaveSourceState(ctx, st); serr != nil {
			log.Error("saving fetch state", slog.Any("error", serr))
		}
		log.Warn("fetch failed", slog.Any("error", err), slog.Int("consecutive_failures", st.ConsecutiveFailures),
			slog.Time("next_fetch", st.NextFetch))
	case resp.NotModified:
		res.Status = RunNotModified
		p.succeeded(&st, resp, 0, now)
		if serr := p.opts.Store.SaveSourceState(ctx, st); serr != nil {
			res.Status, res.Err = RunError, fmt.Errorf("saving fetch state: %w", serr)
		}
	default:
		p.succeeded(&st, resp, doc.ttl, now)
		saved, serr := p.store(ctx, src, st, doc, now)
		// Batches stored before a failure changed published content too.
		if len(saved.Changed) > 0 && p.opts.OnChange != nil {
			p.opts.OnChange(saved.Changed)
		}
		if saved.Version > 0 && p.opts.OnVersion != nil {
			p.opts.OnVersion(saved.Version)
		}
		if serr != nil {
			res.Status, res.Err = RunError, fmt.Errorf("storing items: %w", serr)
			break
		}
		res.Status = RunOK
		res.New, res.Updated, res.Joined = saved.New, saved.Updated, saved.Joined
		res.Duplicate = saved.Unchanged + saved.repeated
		st.Refused = saved.refused // stored with the last batch
		res.Refused, res.RefusedBy = st.RefusedTotal(), st.Refused
	}
	res.Took = p.opts.Clock().Sub(start)
	p.opts.Metrics.ObserveFetch(src.ID, res.Status, res.Took, st.ConsecutiveFailures, st.LastSuccess, st.NextFetch)
	p.opts.Metrics.ObserveItems(src.ID, res.New, res.Updated, res.Duplicate)
	if res.Status == RunOK {
		p.opts.Metrics.ObserveRefused(src.ID, st.Refused)
		log.Info("fetched", slog.Int("new", res.New), slog.Int("updated", res.Updated),
			slog.Int("duplicate", res.Duplicate), slog.Int("joined", res.Joined), slog.Int("refused", res.Refused),
			slog.Duration("took", res.Took))
		if res.Refused > 0 {
			log.Warn("entries refused", slog.Any("reasons", st.Refused))
		}
	}
	return res
}

func (p *Pipeline) window() time.Duration {
	if !p.opts.NearDuplicates {
		return 0
	}
	return p.opts.Window
}

func (p *Pipeline) match() store.StoryMatch {
	if !p.opts.NearDuplicates {
		return nil
	}
	return dedup.Match
}

// failed records a failed attempt: exponential backoff, or the publisher's
// Retry-After when it is longer; a 410 marks the source gone.
func (p *Pipeline) failed(st *model.SourceState, err error, now time.Time) {
	st.Status = model.StatusError
	st.LastError = err.Error()
	st.ConsecutiveFailures++
	wait := p.opts.BaseBackoff << min(st.ConsecutiveFailures-1, 20)
	if wait > p.opts.MaxBackoff || wait <= 0 {
		wait = p.opts.MaxBackoff
	}
	var se *fetch.StatusError
	if errors.As(err, &se) && se.RetryAfter > wait {
		wait = min(se.RetryAfter, 7*24*time.Hour)
	}
	if errors.Is(err, fetch.ErrGone) {
		st.Gone = true
		st.Status = model.StatusDisabled
		st.LastError = err.Error() + " (the publisher says the feed is gone; the source is disabled until its config changes)"
	}
	st.NextFetch = now.Add(wait)
	st.RetryAfter = st.NextFetch
}

// succeeded records a successful attempt, keeping the validators and
// honouring the publisher's freshness hints as a lower bound.
func (p *Pipeline) succeeded(st *model.SourceState, resp *fetch.Response, ttl time.Duration, now time.Time) {
	st.Status = model.StatusOK
	st.LastError = ""
	st.ConsecutiveFailures = 0
	st.LastSuccess = now
	st.Gone = false
	if resp.ETag != "" || resp.LastModified != "" || !resp.NotModified {
		st.ETag, st.LastModified = resp.ETag, resp.LastModified
	}
	if resp.PermanentURL != "" {
		st.PermanentURL = resp.PermanentURL
	}
	hint := min(max(ttl, resp.MaxAge), p.opts.MaxHint)
	st.NextFetch = now.Add(hint)
	st.RetryAfter = time.Time{}
}
