package config

import (
	"go.yaml.in/yaml/v3"

	"aggregator/internal/model"
)

// root decodes the top-level mapping and its sections.
func (d *decoder) root(n *yaml.Node, c *Config) {
	d.fields(n, "", map[string]field{
		"server":  func(v *yaml.Node, p string) { d.server(v, p, &c.Server) },
		"storage": func(v *yaml.Node, p string) { d.storage(v, p, &c.Storage) },
		"fetch":   func(v *yaml.Node, p string) { d.fetch(v, p, &c.Fetch) },
		"dedup":   func(v *yaml.Node, p string) { d.dedup(v, p, &c.Dedup) },
		"sources": func(v *yaml.Node, p string) {
			d.items(v, p, func(v *yaml.Node, p string) { c.Sources = append(c.Sources, d.source(v, p)) })
		},
		"topics": func(v *yaml.Node, p string) {
			d.items(v, p, func(v *yaml.Node, p string) { c.Topics = append(c.Topics, d.topic(v, p)) })
		},
		"feeds": func(v *yaml.Node, p string) {
			d.items(v, p, func(v *yaml.Node, p string) { c.Feeds = append(c.Feeds, d.feed(v, p)) })
		},
		"publish": func(v *yaml.Node, p string) { d.publish(v, p, &c.Publish) },
		"log":     func(v *yaml.Node, p string) { d.log(v, p, &c.Log) },
		"metrics": func(v *yaml.Node, p string) { d.metrics(v, p, &c.Metrics) },
	})
}

func (d *decoder) server(n *yaml.Node, path string, s *Server) {
	d.fields(n, path, map[string]field{
		"listen":               func(v *yaml.Node, p string) { d.str(v, p, &s.Listen) },
		"base_url":             func(v *yaml.Node, p string) { d.str(v, p, &s.BaseURL) },
		"read_header_timeout":  func(v *yaml.Node, p string) { d.duration(v, p, true, &s.ReadHeaderTimeout) },
		"read_timeout":         func(v *yaml.Node, p string) { d.duration(v, p, true, &s.ReadTimeout) },
		"write_timeout":        func(v *yaml.Node, p string) { d.duration(v, p, true, &s.WriteTimeout) },
		"idle_timeout":         func(v *yaml.Node, p string) { d.duration(v, p, true, &s.IdleTimeout) },
		"max_body":             func(v *yaml.Node, p string) { d.size(v, p, &s.MaxBody) },
		"max_conns_per_client": func(v *yaml.Node, p string) { d.integer(v, p, 1, &s.MaxConnsPerClient) },
	})
}

func (d *decoder) storage(n *yaml.Node, path string, s *Storage) {
	var pathSet, urlSet bool
	d.fields(n, path, map[string]field{
		"path": func(v *yaml.Node, p string) {
			pathSet = !isNull(v)
			d.str(v, p, &s.Path)
		},
		"url": func(v *yaml.Node, p string) {
			urlSet = !isNull(v)
			d.str(v, p, &s.URL)
		},
		"retention": func(v *yaml.Node, p string) { d.duration(v, p, false, &s.Retention) },
	})
	switch {
	case pathSet && urlSet && s.Path != "" && s.URL != "":
		d.addf(d.lines[path+".url"], path+".url", "path and url are both set; use one: path for SQLite, url for PostgreSQL")
	case urlSet && s.URL != "":
		s.Path = "" // the default SQLite file gives way to the database URL
	}
}

func (d *decoder) fetch(n *yaml.Node, path string, f *Fetch) {
	d.fields(n, path, map[string]field{
		"schedule":      func(v *yaml.Node, p string) { d.str(v, p, &f.Schedule) },
		"timeout":       func(v *yaml.Node, p string) { d.duration(v, p, true, &f.Timeout) },
		"concurrency":   func(v *yaml.Node, p string) { d.integer(v, p, 1, &f.Concurrency) },
		"per_host":      func(v *yaml.Node, p string) { d.integer(v, p, 1, &f.PerHost) },
		"max_body":      func(v *yaml.Node, p string) { d.size(v, p, &f.MaxBody) },
		"user_agent":    func(v *yaml.Node, p string) { d.str(v, p, &f.UserAgent) },
		"allow_private": func(v *yaml.Node, p string) { d.boolean(v, p, &f.AllowPrivate) },
	})
}

func (d *decoder) dedup(n *yaml.Node, path string, dd *Dedup) {
	d.fields(n, path, map[string]field{
		"near_duplicates": func(v *yaml.Node, p string) { d.boolean(v, p, &dd.NearDuplicates) },
		"window":          func(v *yaml.Node, p string) { d.duration(v, p, false, &dd.Window) },
	})
}

func (d *decoder) publish(n *yaml.Node, path string, p *Publish) {
	d.fields(n, path, map[string]field{
		"websub_hub":               func(v *yaml.Node, path string) { d.str(v, path, &p.WebSubHub) },
		"websub_max_subscriptions": func(v *yaml.Node, path string) { d.integer(v, path, 1, &p.WebSubMaxSubscriptions) },
		"websub_max_per_topic":     func(v *yaml.Node, path string) { d.integer(v, path, 1, &p.WebSubMaxPerTopic) },
		"websub_max_per_host":      func(v *yaml.Node, path string) { d.integer(v, path, 1, &p.WebSubMaxPerHost) },
		"websub_client_rate":       func(v *yaml.Node, path string) { d.integer(v, path, 1, &p.WebSubClientRate) },
		"websub_max_failures":      func(v *yaml.Node, path string) { d.integer(v, path, 1, &p.WebSubMaxFailures) },
	})
}

func (d *decoder) log(n *yaml.Node, path string, l *Log) {
	d.fields(n, path, map[string]field{
		"format": func(v *yaml.Node, p string) { d.enum(v, p, &l.Format, "text", "json") },
		"level":  func(v *yaml.Node, p string) { d.enum(v, p, &l.Level, "debug", "info", "warn", "error") },
	})
}

func (d *decoder) metrics(n *yaml.Node, path string, m *Metrics) {
	d.fields(n, path, map[string]field{
		"listen": func(v *yaml.Node, p string) { d.str(v, p, &m.Listen) },
	})
}

// source decodes one entry of sources.
func (d *decoder) source(n *yaml.Node, path string) model.Source {
	s := defaultSource()
	d.fields(n, path, map[string]field{
		"id":       func(v *yaml.Node, p string) { d.str(v, p, &s.ID) },
		"title":    func(v *yaml.Node, p string) { d.title(v, p, &s.Title) },
		"url":      func(v *yaml.Node, p string) { d.str(v, p, &s.URL) },
		"schedule": func(v *yaml.Node, p string) { d.str(v, p, &s.Schedule) },
		"region":   func(v *yaml.Node, p string) { d.str(v, p, &s.Region) },
		"language": func(v *yaml.Node, p string) { d.str(v, p, &s.Language) },
		"topics":   func(v *yaml.Node, p string) { d.strs(v, p, &s.Topics) },
		"enabled":  func(v *yaml.Node, p string) { d.boolean(v, p, &s.Enabled) },
		"identity": func(v *yaml.Node, p string) {
			d.enum(v, p, &s.Identity, model.IdentityGUID, model.IdentityLink, model.IdentityTitle)
		},
		"full_text": func(v *yaml.Node, p string) { d.boolean(v, p, &s.FullText) },
	})
	d.require(n, path, "id", s.ID)
	d.require(n, path, "url", s.URL)
	return s
}

// topic decodes one entry of topics.
func (d *decoder) topic(n *yaml.Node, path string) model.Topic {
	t := defaultTopic()
	var exFile *yaml.Node
	var exFilePath string
	d.fields(n, path, map[string]field{
		"id":          func(v *yaml.Node, p string) { d.str(v, p, &t.ID) },
		"title":       func(v *yaml.Node, p string) { d.title(v, p, &t.Title) },
		"description": func(v *yaml.Node, p string) { d.str(v, p, &t.Description) },
		"keywords":    func(v *yaml.Node, p string) { d.strs(v, p, &t.Keywords) },
		"query":       func(v *yaml.Node, p string) { d.str(v, p, &t.Query) },
		"exclude":     func(v *yaml.Node, p string) { d.strs(v, p, &t.Exclude) },
		"fields":      func(v *yaml.Node, p string) { d.strs(v, p, &t.Fields) },
		"examples":    func(v *yaml.Node, p string) { exFile, exFilePath = d.examples(v, p, &t.Examples) },
		"classifier":  func(v *yaml.Node, p string) { d.classifier(v, p, &t.Classifier) },
	})
	d.require(n, path, "id", t.ID)
	if exFile != nil {
		d.exampleFile(exFile, exFilePath, t.ID, &t.Examples)
	}
	return t
}

// feed decodes one entry of feeds.
func (d *decoder) feed(n *yaml.Node, path string) model.Feed {
	f := defaultFeed()
	d.fields(n, path, map[string]field{
		"id":             func(v *yaml.Node, p string) { d.str(v, p, &f.ID) },
		"title":          func(v *yaml.Node, p string) { d.title(v, p, &f.Title) },
		"description":    func(v *yaml.Node, p string) { d.str(v, p, &f.Description) },
		"topics":         func(v *yaml.Node, p string) { d.strs(v, p, &f.Topics) },
		"match":          func(v *yaml.Node, p string) { d.enum(v, p, &f.Match, model.MatchAll, model.MatchAny) },
		"exclude_topics": func(v *yaml.Node, p string) { d.strs(v, p, &f.ExcludeTopics) },
		"sources":        func(v *yaml.Node, p string) { d.strs(v, p, &f.Sources) },
		"regions":        func(v *yaml.Node, p string) { d.strs(v, p, &f.Regions) },
		"languages":      func(v *yaml.Node, p string) { d.strs(v, p, &f.Languages) },
		"limit": func(v *yaml.Node, p string) {
			d.integer(v, p, 1, &f.Limit)
			if f.Limit > MaxFeedLimit {
				d.addf(v.Line, p, "must be at most %d: a published feed holds at most %d stories", MaxFeedLimit, MaxFeedLimit)
			}
		},
	})
	d.require(n, path, "id", f.ID)
	return f
}

// require reports a missing required key of a list entry. An empty entry
// ("- " alone) is reported once, on its id; an entry that is not a
// mapping was reported already.
func (d *decoder) require(n *yaml.Node, path, key, value string) {
	if isNull(n) && key == "id" {
		d.addf(n.Line, path, "empty entry")
		return
	}
	if value != "" || n.Kind != yaml.MappingNode {
		return
	}
	if _, written := d.lines[joinPath(path, key)]; written {
		d.addf(d.lines[joinPath(path, key)], joinPath(path, key), "must not be empty")
		return
	}
	d.addf(n.Line, path, "missing required key %q", key)
}
