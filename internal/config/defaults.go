package config

import (
	"time"

	"aggregator/internal/model"
)

// Every default of the configuration lives in this file.

// DefaultUserAgent is the default fetch.user_agent; see Fetch.Agent.
const DefaultUserAgent = "aggregator/VERSION (+BASE_URL)"

// Default returns the configuration used for everything config.yaml does
// not say.
func Default() *Config {
	return &Config{
		Server: Server{
			Listen:            ":8080",
			BaseURL:           "http://localhost:8080",
			ReadHeaderTimeout: 10 * time.Second,
			ReadTimeout:       30 * time.Second,
			WriteTimeout:      2 * time.Minute,
			IdleTimeout:       2 * time.Minute,
			MaxBody:           64 << 10,
			MaxConnsPerClient: 64,
		},
		Storage: Storage{
			Path:      "data/aggregator.db",
			Retention: 2160 * time.Hour,
		},
		Fetch: Fetch{
			Schedule:    "@every 15m",
			Timeout:     20 * time.Second,
			Concurrency: 8,
			PerHost:     2,
			MaxBody:     10 << 20,
			UserAgent:   DefaultUserAgent,
		},
		Dedup: Dedup{
			NearDuplicates: true,
			Window:         72 * time.Hour,
		},
		Publish: Publish{
			WebSubMaxSubscriptions: 1000,
			WebSubMaxPerTopic:      200,
			WebSubMaxPerHost:       20,
			WebSubClientRate:       10,
			WebSubMaxFailures:      10,
		},
		Log: Log{
			Format: "text",
			Level:  "info",
		},
		lines: map[string]int{},
	}
}

// defaultSource is a source before its YAML entry is applied.
func defaultSource() model.Source {
	return model.Source{Enabled: true, Identity: model.IdentityGUID}
}

// defaultTopic is a topic before its YAML entry is applied.
func defaultTopic() model.Topic {
	return model.Topic{Fields: allFields()}
}

// defaultFeed is a curated feed before its YAML entry is applied.
func defaultFeed() model.Feed {
	return model.Feed{Match: model.MatchAny, Limit: 50}
}

// allFields are the fields a topic matches in by default.
func allFields() []string {
	return []string{model.FieldTitle, model.FieldSummary, model.FieldContent, model.FieldCategories}
}

// MaxFeedLimit is the most stories a published feed holds: the store's
// largest page (store.MaxLimit). A larger feeds[].limit is a problem, not
// a silent cap.
const MaxFeedLimit = 500
