package config

import (
	"errors"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"testing"
	"time"

	"aggregator/internal/model"
)

// noEnv is an empty environment.
func noEnv(string) (string, bool) { return "", false }

// env makes an environment from pairs.
func env(kv ...string) func(string) (string, bool) {
	m := map[string]string{}
	for i := 0; i+1 < len(kv); i += 2 {
		m[kv[i]] = kv[i+1]
	}
	return func(k string) (string, bool) { v, ok := m[k]; return v, ok }
}

// problemLines parses and returns the problems as strings.
func problemLines(t *testing.T, yml string, lookup func(string) (string, bool)) []string {
	t.Helper()
	_, err := parse("c.yaml", []byte(yml), lookup)
	if err == nil {
		return nil
	}
	var ps Problems
	if !errors.As(err, &ps) {
		t.Fatalf("error %v is not Problems", err)
	}
	return strings.Split(ps.Error(), "\n")
}

func TestShippedConfigHasNoProblems(t *testing.T) {
	c, err := Load(filepath.Join("..", "..", "config.yaml"))
	if err != nil {
		t.Fatalf("shipped config.yaml:\n%v", err)
	}
	if got := len(c.Sources); got < 25 {
		t.Errorf("sources = %d, want at least 25", got)
	}
	for _, id := range []string{"security", "cpec", "diplomacy", "economy", "energy"} {
		if _, ok := c.Topic(id); !ok {
			t.Errorf("topic %q missing", id)
		}
	}
	f, ok := c.Feed("cpec-security")
	if !ok || f.Match != model.MatchAll || !slices.Equal(f.Topics, []string{"cpec", "security"}) {
		t.Errorf("feed cpec-security = %+v, %v", f, ok)
	}
	langs := map[string]int{}
	for _, s := range c.Sources {
		langs[s.Language]++
		if s.Region == "" || s.Title == "" {
			t.Errorf("source %s lacks region or title", s.ID)
		}
	}
	for _, l := range []string{"en", "ur", "zh"} {
		if langs[l] < 3 {
			t.Errorf("%d sources in %q, want at least 3", langs[l], l)
		}
	}
}

func TestEmptyFileGivesDefaults(t *testing.T) {
	for _, yml := range []string{"", "# nothing\n", "---\n"} {
		c, err := parse("c.yaml", []byte(yml), noEnv)
		if err != nil {
			t.Fatalf("%q: %v", yml, err)
		}
		want := Default()
		want.File = "c.yaml"
		if !reflect.DeepEqual(c, want) {
			t.Errorf("%q:\n got %+v\nwant %+v", yml, c, want)
		}
	}
}

func TestDefaults(t *testing.T) {
	d := Default()
	checks := []struct {
		name      string
		got, want any
	}{
		{"listen", d.Server.Listen, ":8080"},
		{"base_url", d.Server.BaseURL, "http://localhost:8080"},
		{"storage.path", d.Storage.Path, "data/aggregator.db"},
		{"retention", d.Storage.Retention, 2160 * time.Hour},
		{"schedule", d.Fetch.Schedule, "@every 15m"},
		{"timeout", d.Fetch.Timeout, 20 * time.Second},
		{"concurrency", d.Fetch.Concurrency, 8},
		{"per_host", d.Fetch.PerHost, 2},
		{"max_body", d.Fetch.MaxBody, int64(10 << 20)},
		{"user_agent", d.Fetch.UserAgent, "aggregator/VERSION (+BASE_URL)"},
		{"allow_private", d.Fetch.AllowPrivate, false},
		{"near_duplicates", d.Dedup.NearDuplicates, true},
		{"window", d.Dedup.Window, 72 * time.Hour},
		{"log.format", d.Log.Format, "text"},
		{"log.level", d.Log.Level, "info"},
	}
	for _, c := range checks {
		if !reflect.DeepEqual(c.got, c.want) {
			t.Errorf("%s = %v, want %v", c.name, c.got, c.want)
		}
	}
}

func TestEntryDefaults(t *testing.T) {
	c, err := parse("c.yaml", []byte(`
sources:
  - {id: a, url: "https://a.example/feed"}
topics:
  - {id: t, keywords: [x]}
feeds:
  - {id: f, topics: [t]}
`), noEnv)
	if err != nil {
		t.Fatal(err)
	}
	if got, want := c.Sources[0], (model.Source{ID: "a", URL: "https://a.example/feed", Enabled: true, Identity: "guid"}); !reflect.DeepEqual(got, want) {
		t.Errorf("source = %+v, want %+v", got, want)
	}
	if got, want := c.Topics[0].Fields, []string{"title", "summary", "content", "categories"}; !slices.Equal(got, want) {
		t.Errorf("topic fields = %v, want %v", got, want)
	}
	if got := c.Feeds[0]; got.Match != "any" || got.Limit != 50 {
		t.Errorf("feed = %+v, want match any, limit 50", got)
	}
	if got, want := c.Schedule(c.Sources[0]), "@every 15m"; got != want {
		t.Errorf("schedule = %q, want %q", got, want)
	}
}

func TestValuesAreRead(t *testing.T) {
	c, err := parse("c.yaml", []byte(`
server: {listen: "127.0.0.1:9000", base_url: "https://news.example.org/agg/", read_header_timeout: 5s, read_timeout: 20s,
  write_timeout: 1m, idle_timeout: 30s, max_body: 16KiB, max_conns_per_client: 8}
storage: {path: /var/lib/agg.db, retention: 0}
fetch: {schedule: "@hourly", timeout: 90s, concurrency: 3, per_host: 1, max_body: 512KiB, user_agent: "ua/VERSION", allow_private: true}
dedup: {near_duplicates: false, window: 24h}
sources:
  - {id: s-1, title: S, url: "http://s.example/rss", schedule: "*/5 * * * *", region: pk, language: ur, topics: [t], enabled: false, identity: link, full_text: true}
topics:
  - {id: t, title: T, description: D, query: "a AND b", exclude: [c], fields: [title]}
publish: {websub_hub: "https://hub.example/", websub_max_subscriptions: 50, websub_max_per_topic: 40, websub_max_per_host: 3,
  websub_client_rate: 2, websub_max_failures: 4}
log: {format: json, level: debug}
metrics: {listen: ":9100"}
feeds:
  - {id: f, title: F, description: D, topics: [t], match: all, exclude_topics: [t], sources: [s-1], regions: [pk], languages: [ur], limit: 7}
`), noEnv)
	if err != nil {
		t.Fatal(err)
	}
	if got, want := c.Server, (Server{Listen: "127.0.0.1:9000", BaseURL: "https://news.example.org/agg", ReadHeaderTimeout: 5 * time.Second,
		ReadTimeout: 20 * time.Second, WriteTimeout: time.Minute, IdleTimeout: 30 * time.Second, MaxBody: 16 << 10, MaxConnsPerClient: 8}); got != want {
		t.Errorf("server = %+v, want %+v", got, want)
	}
	if got, want := c.Storage, (Storage{Path: "/var/lib/agg.db"}); got != want {
		t.Errorf("storage = %+v, want %+v", got, want)
	}
	if got, want := c.Fetch, (Fetch{Schedule: "@hourly", Timeout: 90 * time.Second, Concurrency: 3, PerHost: 1, MaxBody: 512 << 10, UserAgent: "ua/VERSION", AllowPrivate: true}); got != want {
		t.Errorf("fetch = %+v, want %+v", got, want)
	}
	if got, want := c.Dedup, (Dedup{Window: 24 * time.Hour}); got != want {
		t.Errorf("dedup = %+v, want %+v", got, want)
	}
	wantSource := model.Source{ID: "s-1", Title: "S", URL: "http://s.example/rss", Schedule: "*/5 * * * *", Region: "pk", Language: "ur", Topics: []string{"t"}, Identity: "link", FullText: true}
	if got, ok := c.Source("s-1"); !ok || !reflect.DeepEqual(got, wantSource) {
		t.Errorf("source = %+v, want %+v", got, wantSource)
	}
	wantTopic := model.Topic{ID: "t", Title: "T", Description: "D", Query: "a AND b", Exclude: []string{"c"}, Fields: []string{"title"}}
	if !reflect.DeepEqual(c.Topics[0], wantTopic) {
		t.Errorf("topic = %+v, want %+v", c.Topics[0], wantTopic)
	}
	wantFeed := model.Feed{ID: "f", Title: "F", Description: "D", Topics: []string{"t"}, Match: "all", ExcludeTopics: []string{"t"}, Sources: []string{"s-1"}, Regions: []string{"pk"}, Languages: []string{"ur"}, Limit: 7}
	if !reflect.DeepEqual(c.Feeds[0], wantFeed) {
		t.Errorf("feed = %+v, want %+v", c.Feeds[0], wantFeed)
	}
	if c.Publish != (Publish{WebSubHub: "https://hub.example/", WebSubMaxSubscriptions: 50, WebSubMaxPerTopic: 40, WebSubMaxPerHost: 3,
		WebSubClientRate: 2, WebSubMaxFailures: 4}) || c.Log != (Log{"json", "debug"}) || c.Metrics.Listen != ":9100" {
		t.Errorf("publish/log/metrics = %+v %+v %+v", c.Publish, c.Log, c.Metrics)
	}
	if _, ok := c.Source("nope"); ok {
		t.Error("Source(nope) found")
	}
}

func TestStorageURLReplacesDefaultPath(t *testing.T) {
	c, err := parse("c.yaml", []byte("storage:\n  url: postgres://u@db/agg\n"), noEnv)
	if err != nil {
		t.Fatal(err)
	}
	if c.Storage.Path != "" || c.Storage.URL != "postgres://u@db/agg" {
		t.Errorf("storage = %+v", c.Storage)
	}
}

func TestAnchorsAndMergeKeys(t *testing.T) {
	_, err := parse("c.yaml", []byte(`
x-pk: &pk {region: pakistan, language: en, schedule: "@every 10m"}
sources:
  - {<<: *pk, id: a, url: "https://a.example/"}
  - {<<: *pk, id: b, url: "https://b.example/", language: ur}
`), noEnv)
	if err == nil {
		t.Fatal("top-level x-pk accepted; want unknown key")
	}
	c, err := parse("c.yaml", []byte(`
sources:
  - &pk {id: a, url: "https://a.example/", region: pakistan, language: en}
  - {<<: *pk, id: b, url: "https://b.example/", language: ur}
`), noEnv)
	if err != nil {
		t.Fatal(err)
	}
	b := c.Sources[1]
	if b.ID != "b" || b.Region != "pakistan" || b.Language != "ur" || b.URL != "https://b.example/" {
		t.Errorf("merged source = %+v", b)
	}
}

func TestLine(t *testing.T) {
	c, err := parse("c.yaml", []byte(`server:
  listen: ":8080"
topics:
  - id: a
    keywords: [x]
  - id: b
    query: 'x AND'
`), noEnv)
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		path string
		want int
	}{
		{"server.listen", 2},
		{"topics[1].query", 7},
		{"topics[0].keywords[0]", 5},
		{"topics[1].exclude", 6}, // not written: its entry's line
		{"storage.path", 0},
	}
	for _, tt := range tests {
		if got := c.Line(tt.path); got != tt.want {
			t.Errorf("Line(%q) = %d, want %d", tt.path, got, tt.want)
		}
	}
	if got, want := c.Problem("topics[1].query", "bad query: %s", "AND at end").String(), "c.yaml:7: topics[1].query: bad query: AND at end"; got != want {
		t.Errorf("Problem = %q, want %q", got, want)
	}
}

func TestFetchAgent(t *testing.T) {
	f := Default().Fetch
	if got, want := f.Agent("1.2.0", "https://n.example"), "aggregator/1.2.0 (+https://n.example)"; got != want {
		t.Errorf("Agent = %q, want %q", got, want)
	}
}

func TestLoadMissingFile(t *testing.T) {
	_, err := Load(filepath.Join(t.TempDir(), "none.yaml"))
	if !errors.Is(err, os.ErrNotExist) {
		t.Errorf("err = %v, want ErrNotExist", err)
	}
}

func BenchmarkParseShipped(b *testing.B) {
	data, err := os.ReadFile(filepath.Join("..", "..", "config.yaml"))
	if err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	for b.Loop() {
		if _, err := parse("config.yaml", data, noEnv); err != nil {
			b.Fatal(err)
		}
	}
}

// TestContractExampleParses reads the config.yaml example of the contract
// (plus the security topic its feed refers to).
func TestContractExampleParses(t *testing.T) {
	c, err := Load(filepath.Join("testdata", "contract.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	if got, want := c.Server.BaseURL, "http://localhost:8080"; got != want {
		t.Errorf("base_url = %q, want %q (trailing slash trimmed)", got, want)
	}
	if s, _ := c.Source("dawn"); s.Schedule != "*/10 * * * *" || !s.Enabled {
		t.Errorf("dawn = %+v", s)
	}
}

func TestNamesDropBidiControls(t *testing.T) {
	c, err := parse("c.yaml", []byte("sources:\n  - {id: s, title: \"Dawn \u202Enoitces\", url: \"http://s.example/rss\"}\n"+
		"topics:\n  - {id: t, title: \"\u2066CPEC\u2069\", keywords: [x]}\n"), noEnv)
	if err != nil {
		t.Fatal(err)
	}
	if got := c.Sources[0].Title; got != "Dawn noitces" {
		t.Errorf("source title %q", got)
	}
	if got := c.Topics[0].Title; got != "CPEC" {
		t.Errorf("topic title %q", got)
	}
}
