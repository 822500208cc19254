// Package publish renders curated feeds of stories as RSS 2.0, Atom 1.0 and
// JSON Feed 1.1, and keeps the rendered bytes in a cache that the ingest
// pipeline invalidates by topic. Rendering builds on github.com/gorilla/feeds
// and extends its structs with what readers expect and gorilla leaves out:
// several categories, a credited source, self and hub links.
//
// A render depends only on the feed's definition, the options and the
// stories, never on the clock, so that `export` and `serve` send the same
// bytes and an unchanged feed keeps its ETag.
package publish

import (
	"errors"
	"log/slog"
	"net/url"
	"strings"
	"time"

	"aggregator/internal/store"
)

// Formats a feed is published in.
const (
	FormatRSS  = "rss"
	FormatAtom = "atom"
	FormatJSON = "json"
)

// Content types of the formats.
const (
	ContentTypeRSS  = "application/rss+xml; charset=utf-8"
	ContentTypeAtom = "application/atom+xml; charset=utf-8"
	ContentTypeJSON = "application/feed+json; charset=utf-8"
)

// DefaultLimit is the number of stories a feed holds when its definition
// does not say.
const DefaultLimit = 50

// DefaultMaxAge is how long clients may reuse a feed without revalidating
// when Options.MaxAge is zero.
const DefaultMaxAge = 5 * time.Minute

// ErrUnknownFeed is returned for a feed id that no definition has.
var ErrUnknownFeed = errors.New("unknown feed")

// ErrUnknownFormat is returned for a format other than rss, atom and json.
var ErrUnknownFormat = errors.New("unknown feed format")

// Def defines one published feed: its identity and presentation, and the
// query selecting its stories.
type Def struct {
	ID          string
	Title       string
	Description string
	// Language is the feed's language (BCP 47), when all of it is in one;
	// empty otherwise.
	Language string
	Query    store.StoryQuery
}

// Options are the settings every published feed shares.
type Options struct {
	// BaseURL is the absolute URL the service is reached at; self links
	// and ids are built from it.
	BaseURL string
	// Version is the aggregator's version, named in the generator.
	Version string
	// Hub is the WebSub hub advertised; empty means BaseURL + "/websub".
	Hub string
	// MaxAge is the Cache-Control max-age sent with feeds; zero means
	// DefaultMaxAge.
	MaxAge time.Duration
	// Coalesce is how long the background waits after a feed goes stale
	// before re-rendering it; zero means DefaultCoalesce.
	Coalesce time.Duration
	// SpoolDir is where, while Start runs, the publisher makes its own
	// directory of feed bodies to serve with sendfile(2); empty means
	// os.TempDir(). Close removes that directory.
	SpoolDir string
	// Logger receives render failures; nil discards.
	Logger *slog.Logger
}

// Formats lists the formats every feed is published in.
func Formats() []string {
	return []string{FormatRSS, FormatAtom, FormatJSON}
}

// ContentType returns the media type of a format, or "" for an unknown one.
func ContentType(format string) string {
	switch format {
	case FormatRSS:
		return ContentTypeRSS
	case FormatAtom:
		return ContentTypeAtom
	case FormatJSON:
		return ContentTypeJSON
	}
	return ""
}

// FeedURL returns the absolute URL a feed is served at in a format:
// BASE/feeds/ID.FORMAT.
func FeedURL(baseURL, id, format string) string {
	return trimBase(baseURL) + "/feeds/" + url.PathEscape(id) + "." + format
}

// trimBase drops the trailing slashes of a base URL.
func trimBase(baseURL string) string {
	return strings.TrimRight(baseURL, "/")
}

// homeURL is the service's front page.
func (o Options) homeURL() string { return trimBase(o.BaseURL) + "/" }

// hubURL is the WebSub hub to advertise.
func (o Options) hubURL() string {
	if o.Hub != "" {
		return o.Hub
	}
	return trimBase(o.BaseURL) + "/websub"
}

// generator names the software in the feeds.
func (o Options) generator() string {
	if o.Version == "" {
		return "aggregator"
	}
	return "aggregator " + o.Version
}

// maxAge is the Cache-Control max-age to send.
func (o Options) maxAge() time.Duration {
	if o.MaxAge > 0 {
		return o.MaxAge
	}
	return DefaultMaxAge
}

// logger never returns nil.
func (o Options) logger() *slog.Logger {
	if o.Logger != nil {
		return o.Logger
	}
	return slog.New(slog.DiscardHandler)
}
