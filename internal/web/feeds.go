package web

import (
	"context"
	"net/http"
	"net/url"
	"strings"
)

// Feeds is what the web needs of the publisher: a published feed rendered
// in a format, and the list of every published feed.
type Feeds interface {
	// Get returns the handler answering feed id in format ("rss", "atom"
	// or "json"), conditional GET and gzip included; an unknown id is an
	// error for which Server.IsNotFound answers true.
	Get(ctx context.Context, id, format string) (http.Handler, error)
	// List returns every published feed, in the order to show them.
	List() []FeedInfo
}

// FeedInfo describes one published feed.
type FeedInfo struct {
	ID          string
	Title       string
	Description string
	Topics      []string // the topic ids it draws on
	Kind        string   // "topic" (every topic's own feed) or "feed" (curated)
}

// Feed kinds of FeedInfo.Kind.
const (
	KindTopic = "topic"
	KindFeed  = "feed"
)

// feedFile answers GET /feeds/{file}: "ID.rss", "ID.atom" and "ID.json"
// serve the feed; a bare "ID" shows its HTML preview.
func (h *handler) feedFile(w http.ResponseWriter, r *http.Request) {
	id, ext, hasExt := cutExt(r.PathValue("file"))
	if !validID(id) {
		h.textError(w, r, notFound("unknown feed %.64q", id))
		return
	}
	if !hasExt {
		h.feedPreview(w, r, id)
		return
	}
	if !isFormat(ext) {
		h.textError(w, r, notFound("unknown feed format %.64q: use .rss, .atom or .json", ext))
		return
	}
	feed, err := h.feedHandler(r.Context(), id, ext)
	if err != nil {
		h.textError(w, r, err)
		return
	}
	for _, f := range feedHeaders {
		w.Header().Set(f[0], f[1])
	}
	feed.ServeHTTP(w, r)
}

// feedHandler returns the publisher's handler of a feed, with an unknown
// feed as a 404 naming it.
func (h *handler) feedHandler(ctx context.Context, id, format string) (http.Handler, error) {
	if h.Feeds == nil {
		return nil, notFound("unknown feed %.64q", id)
	}
	feed, err := h.Feeds.Get(ctx, id, format)
	if err != nil {
		if h.isNotFound(err) {
			return nil, notFound("unknown feed %.64q", id)
		}
		return nil, err
	}
	return feed, nil
}

// feedList returns every published feed.
func (h *handler) feedList() []FeedInfo {
	if h.Feeds == nil {
		return nil
	}
	return h.Feeds.List()
}

// cutExt splits "cpec.rss" into "cpec" and "rss".
func cutExt(file string) (id, ext string, ok bool) {
	i := strings.LastIndexByte(file, '.')
	if i < 0 {
		return file, "", false
	}
	return file[:i], file[i+1:], true
}

// isFormat reports whether ext names a published format.
func isFormat(ext string) bool {
	switch ext {
	case "rss", "atom", "json":
		return true
	}
	return false
}

// validID reports whether s has the shape of a topic or feed id,
// [a-z0-9-]+, so that nothing else reaches the publisher.
func validID(s string) bool {
	if s == "" || len(s) > 200 {
		return false
	}
	for i := 0; i < len(s); i++ {
		c := s[i]
		if !(c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '-') {
			return false
		}
	}
	return true
}

// baseURL is the absolute URL of this service without a trailing slash:
// the configured one, or else the one the request reached.
func (h *handler) baseURL(r *http.Request) string {
	if h.BaseURL != "" {
		return strings.TrimRight(h.BaseURL, "/")
	}
	scheme := "http"
	if r.TLS != nil {
		scheme = "https"
	}
	return scheme + "://" + r.Host
}

// feedURL is the absolute URL of feed id in format ("" for the preview).
func feedURL(base, id, format string) string {
	u := base + "/feeds/" + url.PathEscape(id)
	if format != "" {
		u += "." + format
	}
	return u
}
