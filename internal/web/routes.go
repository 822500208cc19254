package web

import "net/http"

// routes registers every route of the service. GET patterns answer HEAD too;
// a known path asked with another method gets 405 from the mux.
func (h *handler) routes(mux *http.ServeMux) {
	h.mux = mux // for the route label of the request metrics
	// Pages.
	mux.HandleFunc("GET /{$}", h.home)

	// Published feeds: /feeds/ID.rss|.atom|.json, and /feeds/ID previews.
	// A ServeMux wildcard is a whole segment: feedFile splits id and ext.
	mux.HandleFunc("GET "+feedsRoute, h.feedFile)
	mux.HandleFunc("GET /feeds.opml", h.opml)
	// The built-in WebSub hub, when Feeds runs one.
	if hub, ok := h.Feeds.(WebSubHub); ok && hub.WebSub() != nil {
		mux.Handle("/websub", hub.WebSub())
	}

	// JSON API.
	mux.HandleFunc("GET /api/items", h.apiItems)
	mux.HandleFunc("GET /api/items/{id}", h.apiItem)
	mux.HandleFunc("GET /api/sources", h.apiSources)
	mux.HandleFunc("GET /api/topics", h.apiTopics)
	mux.HandleFunc("GET /api/", h.apiUnknown)
	mux.HandleFunc("GET /api", h.apiUnknown) // no redirect to /api/ and its 404

	// Operations.
	mux.HandleFunc("GET /healthz", h.healthz)
	if h.Metrics != nil {
		mux.Handle("GET /metrics", h.Metrics)
	}
}

// apiUnknown answers any other /api/ path with a JSON 404.
func (h *handler) apiUnknown(w http.ResponseWriter, r *http.Request) {
	h.apiError(w, r, notFound("no API endpoint %.64q; there are /api/items, /api/items/{id}, /api/sources and /api/topics", r.URL.Path))
}

// WebSubHub is implemented by a Feeds whose feeds are distributed by the
// built-in WebSub hub: WebSub returns the hub's handler of POST /websub, or
// nil when an external hub is used.
type WebSubHub interface {
	WebSub() http.Handler
}
