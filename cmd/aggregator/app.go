package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"os"
	"runtime/debug"
	"strings"
	"sync"
	"time"

	"aggregator/internal/config"
	"aggregator/internal/fetch"
	"aggregator/internal/ingest"
	"aggregator/internal/metrics"
	"aggregator/internal/publish"
	"aggregator/internal/schedule"
	"aggregator/internal/store"
	"aggregator/internal/tag"
)

// buildVersion is set at link time: -ldflags "-X main.buildVersion=v1.2.3".
var buildVersion = ""

func version() string {
	if buildVersion != "" {
		return buildVersion
	}
	if bi, ok := debug.ReadBuildInfo(); ok && bi.Main.Version != "" && bi.Main.Version != "(devel)" {
		return bi.Main.Version
	}
	return "0.1.0-dev"
}

// configError is a configuration that cannot be used: exit 2, every
// problem listed.
type configError struct{ problems config.Problems }

func (e configError) Error() string { return e.problems.Error() }

// rules is a loaded configuration with its compiled topic rules.
type rules struct {
	cfg    *config.Config
	tagger *tag.Tagger
}

// loadRules reads and checks the configuration and compiles its topics;
// every problem comes back at once as a configError.
func loadRules(path string) (rules, error) {
	if fi, err := os.Stat(path); err == nil && fi.IsDir() {
		return rules{}, inputError{fmt.Sprintf("the configuration %s is a directory; name the YAML file with --config PATH or AGGREGATOR_CONFIG", path)}
	} else if err != nil {
		return rules{}, inputError{fmt.Sprintf("cannot read the configuration %s: %v\n"+
			"Name it with --config PATH or AGGREGATOR_CONFIG; the project's config.yaml is a working start.", path, errors.Unwrap(err))}
	}
	cfg, err := config.Load(path)
	var problems config.Problems
	if errors.As(err, &problems) {
		return rules{}, configError{withRuleProblems(cfg, problems)}
	}
	if err != nil {
		return rules{}, configError{config.Problems{{File: path, Path: "config", Message: err.Error()}}}
	}
	tagger, err := tag.Compile(cfg.Topics)
	var tp tag.Problems
	if errors.As(err, &tp) {
		return rules{}, configError{ruleProblems(cfg, tp)}
	}
	if err != nil {
		return rules{}, fmt.Errorf("compiling topics: %w", err)
	}
	return rules{cfg: cfg, tagger: tagger}, nil
}

// app is the wiring shared by the commands that touch the store.
type app struct {
	rules
	logger    *slog.Logger
	store     store.Store
	metrics   *metrics.Metrics
	limiter   *schedule.Limiter
	pipeline  *ingest.Pipeline
	publisher *publish.Publisher
	seen      seenVersions // the store changes the feed cache accounts for (serve)

	trainOnce sync.Once // trainNow
	trainErr  error
}

// openApp loads the configuration, opens the store and wires the pipeline
// and the publisher. One-shot commands log errors only: their results on
// stdout already say what failed.
func openApp(ctx context.Context, configPath string, logOut io.Writer, quiet bool) (*app, error) {
	r, err := loadRules(configPath)
	if err != nil {
		return nil, err
	}
	cfg := r.cfg
	logger := newLogger(cfg.Log, logOut, quiet)
	location, name := storeLocation(cfg)
	st, err := store.Open(ctx, location, store.Options{Logger: logger})
	if err != nil {
		return nil, storeError(name, err)
	}
	if err := st.SyncSources(ctx, cfg.Sources); err != nil {
		st.Close()
		return nil, storeError(name, fmt.Errorf("recording the sources in %s: %w", name, err))
	}
	a := &app{rules: r, logger: logger, store: st, metrics: metrics.New()}
	a.limiter = schedule.NewLimiter(cfg.Fetch.Concurrency, cfg.Fetch.PerHost)
	a.publisher = publish.New(st, publish.Options{
		BaseURL: cfg.Server.BaseURL, Version: version(), Hub: cfg.Publish.WebSubHub, Logger: logger,
	}, publish.Defs(cfg.Topics, cfg.Feeds))
	a.pipeline = ingest.New(ingest.Options{
		Store: st,
		Client: fetch.New(fetch.Options{
			Timeout: cfg.Fetch.Timeout, MaxBody: cfg.Fetch.MaxBody,
			UserAgent:    cfg.Fetch.Agent(version(), cfg.Server.BaseURL),
			AllowPrivate: cfg.Fetch.AllowPrivate,
		}),
		Limiter:        a.limiter,
		MaxFetched:     cfg.Fetch.Concurrency + ingest.DefaultMaxProcessing(),
		Tagger:         r.tagger,
		NearDuplicates: cfg.Dedup.NearDuplicates,
		Window:         cfg.Dedup.Window,
		Logger:         logger,
		Metrics:        a.metrics,
		OnChange:       a.publisher.Invalidate,
		OnVersion:      a.seen.own,
		BeforeTagging: func() {
			if err := a.trainNow(ctx); err != nil {
				logger.Error("topic classifiers keep to their examples", slog.Any("error", err))
			}
		},
	})
	return a, nil
}

func (a *app) Close() error { return a.store.Close() }

// trainNow teaches the topic classifiers of the app's rules from the store
// (at most once); every command that tags or explains calls it before
// using them, but fetch, which leaves it to the pipeline's first new item.
func (a *app) trainNow(ctx context.Context) error {
	a.trainOnce.Do(func() {
		if err := a.train(ctx, a.rules); err != nil {
			a.trainErr = storeError(a.cfg.Storage.Path, err)
		}
	})
	return a.trainErr
}

// train teaches r's topic classifiers from the store before r's tagger is
// used; examples naming items that are not stored are logged.
func (a *app) train(ctx context.Context, r rules) error {
	if !r.tagger.HasClassifiers() {
		return nil
	}
	start := time.Now()
	warnings, err := ingest.Train(ctx, a.store, r.tagger, r.cfg.Sources)
	if err != nil {
		return err
	}
	for _, w := range warnings {
		a.logger.Warn("topic example not found", slog.String("example", w))
	}
	a.logger.Info("topic classifiers trained", slog.Duration("took", time.Since(start)))
	return nil
}

func newLogger(c config.Log, w io.Writer, quiet bool) *slog.Logger {
	var level slog.Level
	if err := level.UnmarshalText([]byte(c.Level)); err != nil {
		level = slog.LevelInfo
	}
	if quiet {
		level = max(level, slog.LevelError)
	}
	opts := &slog.HandlerOptions{Level: level}
	if strings.EqualFold(c.Format, "json") {
		return slog.New(slog.NewJSONHandler(w, opts))
	}
	return slog.New(slog.NewTextHandler(w, opts))
}

// isTerminal reports whether w is an interactive terminal (progress is
// shown there and nowhere else).
func isTerminal(w io.Writer) bool {
	f, ok := w.(*os.File)
	if !ok {
		return false
	}
	fi, err := f.Stat()
	return err == nil && fi.Mode()&os.ModeCharDevice != 0
}
