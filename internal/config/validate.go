package config

import (
	"fmt"
	"net"
	"net/url"
	"slices"
	"strconv"
	"strings"

	"github.com/robfig/cron/v3"

	"aggregator/internal/model"
)

// validate checks values and the references between sections once the
// whole file is decoded.
func (d *decoder) validate(c *Config) {
	d.checkListen(c.Server.Listen, "server.listen")
	if err := checkHTTPURL(c.Server.BaseURL); err != nil {
		d.at("server.base_url", "%v", err)
	} else if u, _ := url.Parse(c.Server.BaseURL); u.RawQuery != "" || u.Fragment != "" || strings.HasSuffix(c.Server.BaseURL, "#") {
		d.at("server.base_url", "%q has a query or fragment; every self link is built on it: use scheme, host and an optional path", c.Server.BaseURL)
	}
	c.Server.BaseURL = strings.TrimRight(c.Server.BaseURL, "/")
	if c.Storage.URL != "" {
		if u, err := url.Parse(c.Storage.URL); err != nil || (u.Scheme != "postgres" && u.Scheme != "postgresql") {
			d.at("storage.url", "must be a postgres:// URL")
		}
	} else if c.Storage.Path == "" {
		d.at("storage.path", "must not be empty")
	}
	d.checkSchedule(c.Fetch.Schedule, "fetch.schedule")
	if c.Fetch.UserAgent == "" {
		d.at("fetch.user_agent", "must not be empty")
	}
	if c.Publish.WebSubHub != "" {
		if err := checkHTTPURL(c.Publish.WebSubHub); err != nil {
			d.at("publish.websub_hub", "%v", err)
		}
	}
	if c.Metrics.Listen != "" {
		d.checkListen(c.Metrics.Listen, "metrics.listen")
		if c.Metrics.Listen == c.Server.Listen {
			d.at("metrics.listen", "same address as server.listen; leave it empty to serve /metrics there")
		}
	}
	d.checkSources(c)
	d.checkTopics(c)
	d.checkFeeds(c)
}

// at records a problem at a field path, on its line (or marked as coming
// from the environment).
func (d *decoder) at(path, format string, args ...any) {
	msg := fmt.Sprintf(format, args...)
	if env, ok := d.fromEnv[path]; ok {
		d.addf(0, path, "%s (from %s)", msg, env)
		return
	}
	line := 0
	for p := path; p != "" && line == 0; p = parentPath(p) {
		line = d.lines[p]
	}
	d.addf(line, path, "%s", msg)
}

// checkListen demands a host:port listen address.
func (d *decoder) checkListen(addr, path string) {
	_, port, err := net.SplitHostPort(addr)
	if err != nil {
		d.at(path, "%q is not a host:port address like \":8080\" or \"127.0.0.1:8080\"", addr)
		return
	}
	if n, err := strconv.Atoi(port); err != nil || n < 0 || n > 65535 {
		d.at(path, "%q has a bad port", addr)
	}
}

// checkSchedule checks a robfig/cron standard spec: five fields or a
// descriptor such as "@every 15m" or "@hourly".
func (d *decoder) checkSchedule(spec, path string) {
	if _, err := cron.ParseStandard(spec); err != nil {
		d.at(path, "bad cron spec %q: %v", spec, err)
	}
}

// checkHTTPURL demands an absolute http or https URL with a host.
func checkHTTPURL(s string) error {
	u, err := url.Parse(s)
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
		return fmt.Errorf("%q is not an absolute http or https URL", s)
	}
	return nil
}

// checkID checks the syntax of an id.
func (d *decoder) checkID(id, path string) bool {
	if id == "" {
		return false // reported as missing
	}
	for _, r := range id {
		if (r < 'a' || r > 'z') && (r < '0' || r > '9') && r != '-' {
			d.at(path, "id %q may only hold a-z, 0-9 and -", id)
			return false
		}
	}
	return true
}

func (d *decoder) checkSources(c *Config) {
	ids := map[string]string{}  // id -> path
	urls := map[string]string{} // url -> path
	topics := topicIDs(c)
	for i, s := range c.Sources {
		p := fmt.Sprintf("sources[%d]", i)
		if d.checkID(s.ID, p+".id") {
			if first, dup := ids[s.ID]; dup {
				d.at(p+".id", "duplicate source id %q (first at line %d)", s.ID, d.lines[first])
			} else {
				ids[s.ID] = p + ".id"
			}
		}
		if s.URL != "" {
			if err := checkHTTPURL(s.URL); err != nil {
				d.at(p+".url", "%v", err)
			} else if first, dup := urls[s.URL]; dup {
				d.at(p+".url", "same url as %s (line %d)", parentPath(first), d.lines[first])
			} else {
				urls[s.URL] = p + ".url"
			}
		}
		if s.Schedule != "" {
			d.checkSchedule(s.Schedule, p+".schedule")
		}
		d.checkRefs(s.Topics, p+".topics", "topic", topics)
	}
}

func (d *decoder) checkTopics(c *Config) {
	for i, t := range c.Topics {
		p := fmt.Sprintf("topics[%d]", i)
		d.checkID(t.ID, p+".id")
		switch {
		case len(t.Keywords) > 0 && t.Query != "":
			d.at(p+".query", "a topic has keywords or a query, not both")
		case len(t.Keywords) == 0 && t.Query == "":
			d.at(p, "needs keywords or a query")
		}
		d.checkKeywords(t.Keywords, p+".keywords")
		d.checkKeywords(t.Exclude, p+".exclude")
		d.checkFields(t.Fields, p+".fields")
	}
	d.checkUniqueNames(c)
}

// checkUniqueNames demands topic and feed ids unique across both, as they
// share /feeds/{id}.
func (d *decoder) checkUniqueNames(c *Config) {
	seen := map[string]string{}
	check := func(id, path string) {
		if id == "" {
			return
		}
		if first, dup := seen[id]; dup {
			d.at(path, "duplicate id %q: %s (line %d) has it; topic and feed ids share /feeds/{id}", id, parentPath(first), d.lines[first])
			return
		}
		seen[id] = path
	}
	for i, t := range c.Topics {
		check(t.ID, fmt.Sprintf("topics[%d].id", i))
	}
	for i, f := range c.Feeds {
		check(f.ID, fmt.Sprintf("feeds[%d].id", i))
	}
}

// checkKeywords rejects keywords that cannot match anything.
func (d *decoder) checkKeywords(words []string, path string) {
	for i, w := range words {
		p := fmt.Sprintf("%s[%d]", path, i)
		t := strings.TrimSpace(w)
		stem := strings.TrimSuffix(t, "*")
		switch {
		case t == "":
			d.at(p, "empty keyword")
		case strings.Contains(stem, "*"):
			d.at(p, "keyword %q: * is only allowed at the end, for a prefix", w)
		case !strings.ContainsFunc(stem, isWordRune):
			d.at(p, "keyword %q has no letters or digits", w)
		}
	}
}

// checkFields demands a non-empty subset of the matchable fields.
func (d *decoder) checkFields(fields []string, path string) {
	if len(fields) == 0 {
		d.at(path, "must name at least one of %s", strings.Join(allFields(), ", "))
		return
	}
	seen := map[string]bool{}
	for i, f := range fields {
		p := fmt.Sprintf("%s[%d]", path, i)
		switch {
		case !slices.Contains(allFields(), f):
			d.at(p, "unknown field: %s", badChoice(f, allFields()))
		case seen[f]:
			d.at(p, "field %q listed twice", f)
		}
		seen[f] = true
	}
}

func (d *decoder) checkFeeds(c *Config) {
	topics := topicIDs(c)
	sources := make([]string, 0, len(c.Sources))
	var regions, languages []string
	for _, s := range c.Sources {
		sources = append(sources, s.ID)
		regions = appendNew(regions, s.Region)
		languages = appendNew(languages, s.Language)
	}
	for i, f := range c.Feeds {
		p := fmt.Sprintf("feeds[%d]", i)
		d.checkID(f.ID, p+".id")
		d.checkRefs(f.Topics, p+".topics", "topic", topics)
		d.checkRefs(f.ExcludeTopics, p+".exclude_topics", "topic", topics)
		d.checkRefs(f.Sources, p+".sources", "source", sources)
		d.checkRefs(f.Regions, p+".regions", "region of any source", regions)
		d.checkRefs(f.Languages, p+".languages", "language of any source", languages)
		if f.Match == model.MatchAll && len(f.Topics) == 0 {
			d.at(p+".match", "match: all needs topics")
		}
	}
}

// checkRefs demands that every name in refs is one of known.
func (d *decoder) checkRefs(refs []string, path, what string, known []string) {
	for i, r := range refs {
		if slices.Contains(known, r) {
			continue
		}
		msg := fmt.Sprintf("unknown %s %q", what, r)
		if what != "topic" && what != "source" {
			msg = fmt.Sprintf("%q is not the %s", r, what)
		}
		if s, ok := closest(r, known); ok {
			msg += fmt.Sprintf("; did you mean %q?", s)
		}
		d.at(fmt.Sprintf("%s[%d]", path, i), "%s", msg)
	}
}

func topicIDs(c *Config) []string {
	ids := make([]string, 0, len(c.Topics))
	for _, t := range c.Topics {
		ids = append(ids, t.ID)
	}
	return ids
}

func appendNew(list []string, s string) []string {
	if s == "" || slices.Contains(list, s) {
		return list
	}
	return append(list, s)
}
