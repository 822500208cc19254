// Package config reads config.yaml into typed structs. Every problem it
// finds carries the file, the YAML line and the field path, and Parse
// reports all of them at once rather than stopping at the first.
package config

import (
	"fmt"
	"strings"
	"time"

	"aggregator/internal/model"
)

// Config is the whole configuration of the aggregator.
type Config struct {
	File    string // path it was loaded from
	Server  Server
	Storage Storage
	Fetch   Fetch
	Dedup   Dedup
	Sources []model.Source
	Topics  []model.Topic
	Publish Publish
	Log     Log
	Metrics Metrics
	Feeds   []model.Feed

	lines map[string]int // field path -> YAML line
}

// Server is the HTTP listener and its limits.
type Server struct {
	Listen  string // host:port
	BaseURL string // absolute URL for self links, without trailing slash

	ReadHeaderTimeout time.Duration // from a request's first byte to the end of its header
	ReadTimeout       time.Duration // a whole request, body included
	WriteTimeout      time.Duration // writing one response
	IdleTimeout       time.Duration // a kept-alive connection waiting for its next request
	MaxBody           int64         // bytes of a request body (POST /websub is the only route taking one)
	MaxConnsPerClient int           // open connections from one client address
}

// Storage says where items are kept: an SQLite file (Path) or a
// PostgreSQL URL, never both.
type Storage struct {
	Path      string
	URL       string
	Retention time.Duration // 0 keeps items forever
}

// Fetch holds the defaults and limits of fetching sources.
type Fetch struct {
	Schedule     string // robfig/cron spec, the default of every source
	Timeout      time.Duration
	Concurrency  int   // fetches at once, all hosts together
	PerHost      int   // fetches at once against one host
	MaxBody      int64 // bytes, after decompression
	UserAgent    string
	AllowPrivate bool // allow redirects and DNS answers into private ranges
}

// Agent returns the User-Agent header: UserAgent with the placeholders
// VERSION and BASE_URL filled in.
func (f Fetch) Agent(version, baseURL string) string {
	return strings.NewReplacer("VERSION", version, "BASE_URL", baseURL).Replace(f.UserAgent)
}

// Dedup configures clustering of the same story across sources.
type Dedup struct {
	NearDuplicates bool
	Window         time.Duration // only cluster with stories first seen this recently
}

// Publish configures published feeds and the limits of the built-in
// WebSub hub.
type Publish struct {
	WebSubHub string // empty: the built-in hub

	WebSubMaxSubscriptions int // unexpired subscriptions in all
	WebSubMaxPerTopic      int // subscribers of one feed
	WebSubMaxPerHost       int // subscriptions whose callback is on one host
	WebSubClientRate       int // subscription requests a minute per client address
	WebSubMaxFailures      int // failed deliveries in a row that unsubscribe a callback
}

// Log configures logging.
type Log struct {
	Format string // text | json
	Level  string // debug | info | warn | error
}

// Metrics configures the Prometheus endpoint.
type Metrics struct {
	Listen string // empty: /metrics on the main listener
}

// Source returns the configured source with that id.
func (c *Config) Source(id string) (model.Source, bool) {
	for _, s := range c.Sources {
		if s.ID == id {
			return s, true
		}
	}
	return model.Source{}, false
}

// Topic returns the configured topic with that id.
func (c *Config) Topic(id string) (model.Topic, bool) {
	for _, t := range c.Topics {
		if t.ID == id {
			return t, true
		}
	}
	return model.Topic{}, false
}

// Feed returns the curated feed with that id.
func (c *Config) Feed(id string) (model.Feed, bool) {
	for _, f := range c.Feeds {
		if f.ID == id {
			return f, true
		}
	}
	return model.Feed{}, false
}

// Schedule returns the cron spec a source is fetched on: its own, or the
// fetch default.
func (c *Config) Schedule(s model.Source) string {
	if s.Schedule != "" {
		return s.Schedule
	}
	return c.Fetch.Schedule
}

// Line returns the YAML line of a field path such as
// "sources[2].schedule" or "topics[0].query", so that problems found later
// by other packages can point into the file. For a path not in the file it
// returns the line of its nearest written parent, or 0.
func (c *Config) Line(path string) int {
	for path != "" {
		if l, ok := c.lines[path]; ok {
			return l
		}
		path = parentPath(path)
	}
	return 0
}

// Problem makes a problem about a field path of this configuration, for
// checks done outside this package (for example a topic's query syntax).
func (c *Config) Problem(path, format string, args ...any) Problem {
	return Problem{File: c.File, Line: c.Line(path), Path: path, Message: fmt.Sprintf(format, args...)}
}

// parentPath strips the last element of a field path:
// "topics[0].keywords[1]" -> "topics[0].keywords" -> "topics[0]" -> "topics".
func parentPath(path string) string {
	i := strings.LastIndexAny(path, ".[")
	if i < 0 {
		return ""
	}
	return path[:i]
}
