// Package web serves the aggregator's HTTP surface: the published feeds,
// their OPML list, the HTML home page, the JSON API, the health check and
// (optionally) the metrics. Everything it shows comes from the store, the
// publisher (through Feeds) and the current configuration.
package web

import (
	"log/slog"
	"net/http"
	"time"

	"aggregator/internal/model"
	"aggregator/internal/store"
)

// Server holds what the HTTP handlers depend on. Only Store is required;
// a nil function or handler leaves its part of the surface empty.
type Server struct {
	Store     store.Store
	Feeds     Feeds                           // the published feeds; nil: none
	Sources   func() []model.Source           // the current config's sources (reload-safe)
	Topics    func() []model.Topic            // the current config's topics (reload-safe)
	NextFetch func(sourceID string) time.Time // the scheduler's next run; may be nil
	Metrics   http.Handler                    // nil: /metrics is not served here
	BaseURL   string                          // absolute URL of this service; "" derives it from the request
	Version   string                          // shown in the page footer
	MaxBody   int64                           // bytes of a request body, on every route; 0: DefaultMaxBody
	Logger    *slog.Logger                    // nil: discard
	// ObserveRequest, when set, is told of every answered request: the
	// route pattern that matched (RoutePattern), its method, the status
	// and the time taken.
	ObserveRequest func(route, method string, status int, took time.Duration)
	// IsNotFound reports whether an error of Feeds or Store means "no such
	// thing" (answered with 404). Nil: errors.Is(err, store.ErrNotFound).
	IsNotFound func(error) bool
}

// handler is the Server with what Handler prepares once: the logger and the
// parsed templates. Every route is a method on it.
type handler struct {
	*Server
	log   *slog.Logger
	pages pages
	now   func() time.Time
	mux   *http.ServeMux // the routes, set by routes
	// healthTimeout bounds how long /healthz waits for the store.
	healthTimeout time.Duration
}

// Handler returns the HTTP handler of every route, with panic recovery and
// request logging at debug level. Call it once, after setting the fields.
func (s *Server) Handler() http.Handler {
	return newHandler(s).serveMux()
}

// DefaultMaxBody bounds request bodies when Server.MaxBody is 0.
const DefaultMaxBody = 64 << 10

func newHandler(s *Server) *handler {
	log := s.Logger
	if log == nil {
		log = slog.New(slog.DiscardHandler)
	}
	return &handler{
		Server: s,
		log:    log.With(slog.String("component", "web")),
		pages:  parsePages(),
		now:    time.Now,

		healthTimeout: healthTimeout,
	}
}

func (h *handler) serveMux() http.Handler {
	mux := http.NewServeMux()
	h.routes(mux)
	limit := h.MaxBody
	if limit <= 0 {
		limit = DefaultMaxBody
	}
	return h.instrument(http.MaxBytesHandler(mux, limit))
}

// sources returns the configured sources, or none.
func (h *handler) sources() []model.Source {
	if h.Sources == nil {
		return nil
	}
	return h.Sources()
}

// topics returns the configured topics, or none.
func (h *handler) topics() []model.Topic {
	if h.Topics == nil {
		return nil
	}
	return h.Topics()
}
