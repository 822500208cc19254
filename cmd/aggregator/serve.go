package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"net"
	"net/http"
	"os"
	"os/signal"
	"strings"
	"sync"
	"syscall"
	"time"

	"aggregator/internal/config"
	"aggregator/internal/fastpath"
	"aggregator/internal/metrics"
	"aggregator/internal/model"
	"aggregator/internal/publish"
	"aggregator/internal/schedule"
	"aggregator/internal/web"
	"aggregator/internal/websub"
)

// shutdownGrace bounds a clean stop: the contract wants exit within 10 s.
const shutdownGrace = 8 * time.Second

func runServe(ctx context.Context, env *cmdEnv) error {
	if len(env.args) > 0 {
		return usageError{"serve takes no arguments"}
	}
	m, err := newMain(ctx, env.configPath, env.stderr)
	if err != nil {
		return err
	}
	defer m.Close()
	if err := m.Listen(); err != nil {
		return err
	}
	hup := make(chan os.Signal, 1)
	signal.Notify(hup, syscall.SIGHUP)
	defer signal.Stop(hup)
	go func() {
		for {
			select {
			case <-hup:
				m.Reload(ctx)
			case <-ctx.Done():
				return
			}
		}
	}()
	return m.Run(ctx)
}

// Main is the running service: schedules, pipeline and HTTP server. Tests
// run it whole on a temp dir and port 0.
type Main struct {
	app    *app
	sched  *schedule.Scheduler
	server *fastpath.Server
	ln     net.Listener
	metLn  net.Listener // metrics.listen's own listener; nil when unset
	hub    http.Handler // the built-in WebSub hub; nil with an external one

	// Jitter spreads the first fetches at start-up; tests set it to 0.
	Jitter time.Duration
	// WatchEvery is how often the store is checked for changes made by
	// other processes (default 1 s; PostgreSQL also tells at once); tests
	// shorten it.
	WatchEvery time.Duration
	// ConfigSettle is how long the configuration's directory must be
	// quiet after a change before it is reloaded (default 500 ms).
	ConfigSettle time.Duration

	instance string // this instance's name in fetch leases and delivery claims

	mu         sync.Mutex     // guards app.rules on reload
	reloading  sync.Mutex     // one Reload at a time (SIGHUP and file changes)
	background sync.WaitGroup // work a reload started (re-tagging)
}

func newMain(ctx context.Context, configPath string, logOut io.Writer) (*Main, error) {
	a, err := openApp(ctx, configPath, logOut, false)
	if err != nil {
		return nil, err
	}
	if err := a.trainNow(ctx); err != nil {
		a.Close()
		return nil, err
	}
	return &Main{app: a, Jitter: 30 * time.Second, WatchEvery: defaultWatchEvery, instance: schedule.Instance()}, nil
}

// Listen opens the HTTP listener (server.listen, or AGGREGATOR_LISTEN
// through the config, and metrics.listen's own when set), so that a busy
// port is reported before anything starts.
func (m *Main) Listen() error {
	ln, err := listen(m.app.cfg.Server.Listen, "server.listen, or AGGREGATOR_LISTEN")
	if err != nil {
		return err
	}
	if addr := m.app.cfg.Metrics.Listen; addr != "" {
		m.metLn, err = listen(addr, "metrics.listen")
		if err != nil {
			ln.Close()
			return err
		}
	}
	m.ln = ln
	return nil
}

// listen opens a TCP listener; a port in use says what to do, naming the
// setting the address came from.
func listen(addr, setting string) (net.Listener, error) {
	ln, err := net.Listen("tcp", addr)
	if errors.Is(err, syscall.EADDRINUSE) {
		return nil, hintedError{err: fmt.Errorf("listening on %s (%s): %w", addr, setting, err),
			hint: "Another program (another aggregator serve?) has that port: stop it, or choose another port with " + setting + "."}
	}
	if err != nil {
		return nil, fmt.Errorf("listening on %s (%s): %w", addr, setting, err)
	}
	return ln, nil
}

// Addr is the listening address, once Listen has run.
func (m *Main) Addr() string { return m.ln.Addr().String() }

// Run serves until ctx ends, then stops cleanly.
func (m *Main) Run(ctx context.Context) error {
	a := m.app
	cfg := m.rules().cfg // a reload may replace a.rules while we run
	log := a.logger
	fetchCtx, cancelFetches := context.WithCancel(context.WithoutCancel(ctx))
	defer cancelFetches()

	m.sched = schedule.New(schedule.Options{
		DefaultSpec: cfg.Fetch.Schedule,
		Limiter:     a.limiter,
		Jitter:      m.Jitter,
		Logger:      log,
		Leases:      a.store,
		Owner:       m.instance,
		Run: func(ctx context.Context, src model.Source) {
			a.pipeline.Run(ctx, src, false)
		},
	})
	srv := &web.Server{
		MaxBody:   cfg.Server.MaxBody,
		Store:     a.store,
		Feeds:     feedsAdapter{m},
		Sources:   func() []model.Source { return m.rules().cfg.Sources },
		Topics:    func() []model.Topic { return m.rules().cfg.Topics },
		NextFetch: m.sched.Next,
		BaseURL:   cfg.Server.BaseURL,
		Version:   version(),
		Logger:    log,
		IsNotFound: func(err error) bool {
			return errors.Is(err, publish.ErrUnknownFeed)
		},
		ObserveRequest: a.metrics.ObserveHTTP,
	}
	m.registerTopicMetrics()
	if err := a.metrics.RegisterStoreSize(a.store.DiskSize); err != nil {
		log.Warn("store size gauge not available", slog.Any("error", err))
	}
	metricsOwn := m.metLn != nil
	if !metricsOwn {
		srv.Metrics = a.metrics.Handler()
	}
	stopWatching := m.startWatching(fetchCtx) // before the cache warms
	defer stopWatching()
	stopConfigWatch := m.watchConfig(fetchCtx) // before serving: a change seen once it answers
	defer stopConfigWatch()
	stopPublishing := m.startPublishing(fetchCtx)
	defer stopPublishing()
	m.server = newHTTPServer(cfg.Server, srv, log)
	m.server.Observe = srv.ObserveFast // the fast path's requests in the HTTP metrics
	errc := make(chan error, 2)
	go func() { errc <- m.server.Serve(m.ln) }()
	var metricsServer *http.Server
	if metricsOwn {
		c := cfg.Server
		metricsServer = &http.Server{Handler: a.metrics.Handler(), MaxHeaderBytes: maxHeaderBytes,
			ReadHeaderTimeout: c.ReadHeaderTimeout, ReadTimeout: c.ReadTimeout, WriteTimeout: c.WriteTimeout, IdleTimeout: c.IdleTimeout}
		go func() { errc <- metricsServer.Serve(m.metLn) }()
	}
	if err := m.sched.Start(fetchCtx, cfg.Sources); err != nil {
		return err
	}
	go m.pruneLoop(fetchCtx)
	for _, w := range cfg.Warnings() {
		log.Warn("configuration: " + w.String())
	}
	log.Info("serving", slog.String("addr", m.Addr()), slog.String("base_url", cfg.Server.BaseURL),
		slog.String("instance", m.instance),
		slog.Int("sources", len(cfg.Sources)), slog.String("version", version()))

	var runErr error
	select {
	case <-ctx.Done():
	case err := <-errc:
		if !errors.Is(err, http.ErrServerClosed) {
			runErr = fmt.Errorf("http server: %w", err)
		}
	}
	log.Info("stopping")
	stopCtx, cancel := context.WithTimeout(context.Background(), shutdownGrace)
	defer cancel()
	cancelFetches()
	if err := m.server.Shutdown(stopCtx); err != nil {
		log.Warn("http shutdown", slog.Any("error", err))
	}
	if metricsServer != nil {
		metricsServer.Shutdown(stopCtx)
	}
	if err := m.sched.Stop(stopCtx); err != nil {
		log.Warn("abandoning fetches", slog.Any("error", err))
	}
	waitOrAbandon(stopCtx, &m.background, log)
	return runErr
}

// maxHeaderBytes bounds a request's header on the net/http path (its
// default is 1 MiB); the fast path takes at most 4 KiB and hands longer
// ones over.
const maxHeaderBytes = 64 << 10

// newHTTPServer is the service's HTTP server with the limits of
// server.*: conditional and plain GETs of the published feeds take the
// fast path, every other connection is handed to net/http; both keep the
// same timeouts, and connections per client are counted across both.
func newHTTPServer(c config.Server, srv *web.Server, log *slog.Logger) *fastpath.Server {
	return &fastpath.Server{
		Handler: srv.FastHandler(),
		Fallback: &http.Server{Handler: srv.Handler(), MaxHeaderBytes: maxHeaderBytes,
			ReadHeaderTimeout: c.ReadHeaderTimeout, ReadTimeout: c.ReadTimeout,
			WriteTimeout: c.WriteTimeout, IdleTimeout: c.IdleTimeout},
		ReadHeaderTimeout: c.ReadHeaderTimeout,
		WriteTimeout:      c.WriteTimeout,
		IdleTimeout:       c.IdleTimeout,
		MaxConnsPerClient: c.MaxConnsPerClient,
		Logger:            log.With(slog.String("component", "web")),
	}
}

// waitOrAbandon waits for wg until ctx ends.
func waitOrAbandon(ctx context.Context, wg *sync.WaitGroup, log *slog.Logger) {
	done := make(chan struct{})
	go func() { wg.Wait(); close(done) }()
	select {
	case <-done:
	case <-ctx.Done():
		log.Warn("abandoning re-tagging")
	}
}

// pruneLoop removes items older than storage.retention, hourly.
func (m *Main) pruneLoop(ctx context.Context) {
	t := time.NewTicker(time.Hour)
	defer t.Stop()
	for {
		retention := m.rules().cfg.Storage.Retention
		if retention > 0 {
			n, err := m.app.store.Prune(ctx, time.Now().Add(-retention))
			switch {
			case err != nil && ctx.Err() == nil:
				m.app.logger.Error("pruning old items", slog.Any("error", err))
			case n > 0:
				m.app.logger.Info("pruned old items", slog.Int("items", n))
				if err := m.refreshAll(ctx); err != nil {
					m.app.logger.Warn("after pruning", slog.Any("error", err))
				}
			}
		}
		select {
		case <-ctx.Done():
			return
		case <-t.C:
		}
	}
}

func (m *Main) rules() rules {
	m.mu.Lock()
	defer m.mu.Unlock()
	return m.app.rules
}

// Reload reads the configuration again; a broken one is reported and the
// running one kept. Changed topics re-tag the stored items.
func (m *Main) Reload(ctx context.Context) {
	m.reloading.Lock()
	defer m.reloading.Unlock()
	log := m.app.logger
	r, err := loadRules(m.rules().cfg.File)
	if err != nil {
		log.Error("configuration not reloaded: keeping the running one", slog.Any("error", err))
		return
	}
	if err := m.app.store.SyncSources(ctx, r.cfg.Sources); err != nil {
		log.Error("configuration not reloaded: recording sources", slog.Any("error", err))
		return
	}
	if err := m.app.train(ctx, r); err != nil {
		log.Error("configuration not reloaded: training the topic classifiers", slog.Any("error", err))
		return
	}
	if err := m.sched.Set(r.cfg.Sources); err != nil {
		log.Error("configuration not reloaded: schedules", slog.Any("error", err))
		return
	}
	m.mu.Lock()
	m.app.rules = r
	m.mu.Unlock()
	m.app.pipeline.SetTagger(r.tagger)
	m.app.publisher.SetDefs(publish.Defs(r.cfg.Topics, r.cfg.Feeds))
	m.app.publisher.Invalidate(nil)
	log.Info("configuration reloaded", slog.Int("sources", len(r.cfg.Sources)), slog.Int("topics", len(r.cfg.Topics)))
	m.background.Add(1)
	go func() {
		defer m.background.Done()
		res, err := m.app.pipeline.Retag(ctx, r.cfg.Sources, false, nil)
		if err != nil {
			log.Error("re-tagging after reload", slog.Any("error", err))
			return
		}
		log.Info("re-tagged after reload", slog.Int("items", res.Items), slog.Int("changed", res.Changed))
		if res.Changed > 0 {
			if err := m.refreshAll(ctx); err != nil {
				log.Warn("after re-tagging", slog.Any("error", err))
			}
		}
	}()
}

// Close releases the store.
func (m *Main) Close() error { return m.app.Close() }

// feedsAdapter shows the publisher to the web package.
type feedsAdapter struct{ m *Main }

func (f feedsAdapter) Get(ctx context.Context, id, format string) (http.Handler, error) {
	return f.m.app.publisher.Get(ctx, id, format)
}

// WebSub is the built-in hub's handler (web.WebSubHub), nil with an
// external hub.
func (f feedsAdapter) WebSub() http.Handler { return f.m.hub }

func (f feedsAdapter) List() []web.FeedInfo {
	cfg := f.m.rules().cfg
	var out []web.FeedInfo
	for _, t := range cfg.Topics {
		out = append(out, web.FeedInfo{ID: t.ID, Title: t.Title, Description: t.Description, Topics: []string{t.ID}, Kind: "topic"})
	}
	for _, fd := range cfg.Feeds {
		out = append(out, web.FeedInfo{ID: fd.ID, Title: fd.Title, Description: fd.Description, Topics: fd.Topics, Kind: "feed"})
	}
	return out
}

// startPublishing warms the feed cache, keeps it fresh in the background
// and pushes every change through WebSub: to the subscribers of the
// built-in hub, or as a ping to the external hub (publish.websub_hub). The
// returned function stops both and waits for them.
func (m *Main) startPublishing(ctx context.Context) (stop func()) {
	ctx, cancel := context.WithCancel(ctx)
	a := m.app
	cfg := m.rules().cfg
	opts := websub.Options{
		HubURL:       strings.TrimRight(cfg.Server.BaseURL, "/") + "/websub",
		IsTopic:      a.publisher.IsFeedURL,
		AllowPrivate: cfg.Fetch.AllowPrivate,
		UserAgent:    cfg.Fetch.Agent(version(), cfg.Server.BaseURL),
		Logger:       a.logger.With(slog.String("component", "websub")),
		Instance:     m.instance,

		MaxSubscriptions: cfg.Publish.WebSubMaxSubscriptions,
		MaxPerTopic:      cfg.Publish.WebSubMaxPerTopic,
		MaxPerHost:       cfg.Publish.WebSubMaxPerHost,
		ClientRate:       cfg.Publish.WebSubClientRate,
		MaxFailures:      cfg.Publish.WebSubMaxFailures,
	}
	var notifier websub.Notifier
	wo := metrics.WebSubOptions{Logger: a.logger}
	if cfg.Publish.WebSubHub != "" {
		notifier = websub.NewPinger(cfg.Publish.WebSubHub, opts)
	} else {
		hub := websub.New(a.store, opts)
		m.hub, notifier = hub, hub
		wo.Subscriptions = func(ctx context.Context) (map[string]int, error) {
			base := m.rules().cfg.Server.BaseURL
			var topics []string
			for _, f := range (feedsAdapter{m}).List() { // follows reloads
				for _, format := range publish.Formats() {
					topics = append(topics, publish.FeedURL(base, f.ID, format))
				}
			}
			return hub.CountSubscriptions(ctx, topics)
		}
	}
	wo.Stats = notifier.Stats
	if err := a.metrics.RegisterWebSub(wo); err != nil {
		a.logger.Warn("websub metrics", slog.Any("error", err))
	}
	a.publisher.OnChange(func(c publish.Change) {
		notifier.PublishVersion(publish.FeedURL(cfg.Server.BaseURL, c.ID, c.Format), c.Rendered.ContentType, c.Rendered.Body, c.Version)
	})
	done := make(chan struct{})
	go func() {
		defer close(done)
		notifier.Run(ctx)
	}()
	if err := a.publisher.Start(ctx); err != nil {
		a.logger.Warn("feed cache not fully warm: those feeds render on first request", slog.Any("error", err))
	}
	return func() {
		cancel()
		<-done
		a.publisher.Wait()
		if err := a.publisher.Close(); err != nil {
			a.logger.Warn("removing the feed spool", slog.Any("error", err))
		}
	}
}
