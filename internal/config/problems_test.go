package config

import (
	"errors"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

// src wraps a minimal valid source list around extra source keys.
const okSource = "sources:\n  - id: a\n    url: \"https://a.example/feed\"\n"

func TestEachKindOfProblem(t *testing.T) {
	tests := []struct {
		name string
		yml  string
		want string
	}{
		{"YAMLSyntax", "a: 1\nb: 2\nc 2\nd: 3\n", "c.yaml:3: YAML syntax: could not find expected ':'"},
		{"UnknownAnchor", "server: *nope\n", "c.yaml: YAML syntax: unknown anchor 'nope' referenced"},
		{"TabIndent", "server:\n\tlisten: x\n", "c.yaml:2: YAML syntax: found character that cannot start any token"},
		{"SecondDocument", "server: {}\n---\nserver: {}\n", "c.yaml:2: more than one YAML document (---); keep the configuration in one"},
		{"RootNotMapping", "- a\n- b\n", "c.yaml:1: must be a mapping of keys to values, not a list"},
		{"UnknownTopLevelKey", "sevrer: {}\n", `c.yaml:1: sevrer: unknown key "sevrer"; did you mean "server"?`},
		{"UnknownKeyWithoutSuggestion", "server:\n  colour: red\n", `c.yaml:2: server.colour: unknown key "colour"; known keys are base_url, idle_timeout, listen, max_body, max_conns_per_client, read_header_timeout, read_timeout, write_timeout`},
		{"UnknownKeyInTopic", "topics:\n  - id: t\n    keywordz: [a]\n    query: x\n", `c.yaml:3: topics[0].keywordz: unknown key "keywordz"; did you mean "keywords"?`},
		{"RepeatedKey", "server:\n  listen: \":1\"\n  listen: \":2\"\n", `c.yaml:3: server.listen: key "listen" repeated (first at line 2)`},
		{"SectionNotMapping", "fetch: 5\n", "c.yaml:1: fetch: must be a mapping of keys to values, not a single value"},
		{"ValueNotScalar", "server:\n  listen: [a]\n", "c.yaml:2: server.listen: must be a single value, not a list"},
		{"ListNotList", okSource + "    topics: cpec\n", "c.yaml:4: sources[0].topics: must be a list, not a single value"},
		{"MissingSourceID", "sources:\n  - url: \"https://a.example/\"\n", `c.yaml:2: sources[0]: missing required key "id"`},
		{"MissingSourceURL", "sources:\n  - id: a\n", `c.yaml:2: sources[0]: missing required key "url"`},
		{"EmptySourceID", "sources:\n  - id: \"\"\n    url: \"https://a.example/\"\n", "c.yaml:2: sources[0].id: must not be empty"},
		{"EmptyEntry", okSource + "  -\n", "c.yaml:4: sources[1]: empty entry"},
		{"MissingTopicID", "topics:\n  - keywords: [a]\n", `c.yaml:2: topics[0]: missing required key "id"`},
		{"MissingFeedID", "feeds:\n  - title: F\n", `c.yaml:2: feeds[0]: missing required key "id"`},
		{"BadIDSyntax", "sources:\n  - id: Dawn_News\n    url: \"https://a.example/\"\n", `c.yaml:2: sources[0].id: id "Dawn_News" may only hold a-z, 0-9 and -`},
		{"DuplicateSourceID", okSource + "  - id: a\n    url: \"https://b.example/\"\n", `c.yaml:4: sources[1].id: duplicate source id "a" (first at line 2)`},
		{"DuplicateSourceURL", okSource + "  - id: b\n    url: \"https://a.example/feed\"\n", "c.yaml:5: sources[1].url: same url as sources[0] (line 3)"},
		{"TopicAndFeedShareID", "topics:\n  - {id: x, keywords: [a]}\nfeeds:\n  - {id: x, topics: [x]}\n", "c.yaml:4: feeds[0].id: duplicate id \"x\": topics[0] (line 2) has it; topic and feed ids share /feeds/{id}"},
		{"TopicNeedsKeywordsOrQuery", "topics:\n  - id: t\n    title: T\n", "c.yaml:2: topics[0]: needs keywords or a query"},
		{"TopicWithEmptyKeywordList", "topics:\n  - id: t\n    keywords: []\n", "c.yaml:2: topics[0]: needs keywords or a query"},
		{"TopicWithBoth", "topics:\n  - id: t\n    keywords: [a]\n    query: a\n", "c.yaml:4: topics[0].query: a topic has keywords or a query, not both"},
		{"EmptyKeyword", "topics:\n  - id: t\n    keywords: [a, \"  \"]\n", "c.yaml:3: topics[0].keywords[1]: empty keyword"},
		{"NullKeyword", "topics:\n  - id: t\n    keywords:\n      - a\n      -\n", "c.yaml:5: topics[0].keywords[1]: empty value"},
		{"EmptyExclude", "topics:\n  - id: t\n    keywords: [a]\n    exclude: [\"\"]\n", "c.yaml:4: topics[0].exclude[0]: empty keyword"},
		{"StarInsideKeyword", "topics:\n  - id: t\n    keywords: [\"at*ck\"]\n", `c.yaml:3: topics[0].keywords[0]: keyword "at*ck": * is only allowed at the end, for a prefix`},
		{"KeywordWithoutLetters", "topics:\n  - id: t\n    keywords: [\"*\"]\n", `c.yaml:3: topics[0].keywords[0]: keyword "*" has no letters or digits`},
		{"UnknownField", "topics:\n  - id: t\n    keywords: [a]\n    fields: [title, body]\n", `c.yaml:4: topics[0].fields[1]: unknown field: "body" is not one of title, summary, content, categories`},
		{"MisspelledField", "topics:\n  - id: t\n    keywords: [a]\n    fields: [titel]\n", `c.yaml:4: topics[0].fields[0]: unknown field: "titel" is not one of title, summary, content, categories; did you mean "title"?`},
		{"NoFields", "topics:\n  - id: t\n    keywords: [a]\n    fields: []\n", "c.yaml:4: topics[0].fields: must name at least one of title, summary, content, categories"},
		{"RepeatedField", "topics:\n  - id: t\n    keywords: [a]\n    fields: [title, title]\n", `c.yaml:4: topics[0].fields[1]: field "title" listed twice`},
		{"SourceUnknownTopic", okSource + "    topics: [cpek]\ntopics:\n  - {id: cpec, keywords: [CPEC]}\n", `c.yaml:4: sources[0].topics[0]: unknown topic "cpek"; did you mean "cpec"?`},
		{"FeedUnknownTopic", "feeds:\n  - id: f\n    topics: [nope]\n", `c.yaml:3: feeds[0].topics[0]: unknown topic "nope"`},
		{"FeedUnknownExcludeTopic", "topics:\n  - {id: sport, keywords: [a]}\nfeeds:\n  - id: f\n    exclude_topics: [sports]\n", `c.yaml:5: feeds[0].exclude_topics[0]: unknown topic "sports"; did you mean "sport"?`},
		{"FeedUnknownSource", okSource + "feeds:\n  - id: f\n    sources: [b]\n", `c.yaml:6: feeds[0].sources[0]: unknown source "b"; did you mean "a"?`},
		{"FeedUnknownRegion", okSource + "    region: pakistan\nfeeds:\n  - id: f\n    regions: [pakistn]\n", `c.yaml:7: feeds[0].regions[0]: "pakistn" is not the region of any source; did you mean "pakistan"?`},
		{"FeedUnknownLanguage", okSource + "    language: ur\nfeeds:\n  - id: f\n    languages: [zh]\n", `c.yaml:7: feeds[0].languages[0]: "zh" is not the language of any source`},
		{"FeedMatchAllWithoutTopics", "feeds:\n  - id: f\n    match: all\n", "c.yaml:3: feeds[0].match: match: all needs topics"},
		{"BadCron", okSource + "    schedule: \"*/10 * * *\"\n", `c.yaml:4: sources[0].schedule: bad cron spec "*/10 * * *": expected exactly 5 fields, found 4: [*/10 * * *]`},
		{"BadCronDescriptor", "fetch:\n  schedule: \"@every fortnight\"\n", `c.yaml:2: fetch.schedule: bad cron spec "@every fortnight": failed to parse duration @every fortnight: time: invalid duration "fortnight"`},
		{"SixFieldCron", "fetch:\n  schedule: \"0 */5 * * * *\"\n", `c.yaml:2: fetch.schedule: bad cron spec "0 */5 * * * *": expected exactly 5 fields, found 6: [0 */5 * * * *]`},
		{"RelativeSourceURL", "sources:\n  - id: a\n    url: /feed\n", `c.yaml:3: sources[0].url: "/feed" is not an absolute http or https URL`},
		{"FTPSourceURL", "sources:\n  - id: a\n    url: ftp://a.example/feed\n", `c.yaml:3: sources[0].url: "ftp://a.example/feed" is not an absolute http or https URL`},
		{"URLWithoutHost", "sources:\n  - id: a\n    url: \"https:///feed\"\n", `c.yaml:3: sources[0].url: "https:///feed" is not an absolute http or https URL`},
		{"BadBaseURL", "server:\n  base_url: localhost:8080\n", `c.yaml:2: server.base_url: "localhost:8080" is not an absolute http or https URL`},
		{"BaseURLWithQuery", "server:\n  base_url: \"https://news.example/agg?x=1\"\n", `c.yaml:2: server.base_url: "https://news.example/agg?x=1" has a query or fragment; every self link is built on it: use scheme, host and an optional path`},
		{"BaseURLWithFragment", "server:\n  base_url: \"https://news.example/#top\"\n", `c.yaml:2: server.base_url: "https://news.example/#top" has a query or fragment; every self link is built on it: use scheme, host and an optional path`},
		{"BadListen", "server:\n  listen: \"8080\"\n", `c.yaml:2: server.listen: "8080" is not a host:port address like ":8080" or "127.0.0.1:8080"`},
		{"BadPort", "server:\n  listen: \":http80\"\n", `c.yaml:2: server.listen: ":http80" has a bad port`},
		{"MetricsOnServerAddress", "metrics:\n  listen: \":8080\"\n", "c.yaml:2: metrics.listen: same address as server.listen; leave it empty to serve /metrics there"},
		{"BadHubURL", "publish:\n  websub_hub: hub\n", `c.yaml:2: publish.websub_hub: "hub" is not an absolute http or https URL`},
		{"BadDuration", "fetch:\n  timeout: 20 seconds\n", `c.yaml:2: fetch.timeout: invalid duration "20 seconds": use Go syntax like 90s, 15m or 72h`},
		{"DaysAreNotADuration", "storage:\n  retention: 90d\n", `c.yaml:2: storage.retention: invalid duration "90d": use Go syntax like 90s, 15m or 72h`},
		{"NegativeDuration", "dedup:\n  window: -1h\n", "c.yaml:2: dedup.window: must not be negative"},
		{"ZeroTimeout", "fetch:\n  timeout: 0s\n", "c.yaml:2: fetch.timeout: must be more than zero"},
		{"BadByteSize", "fetch:\n  max_body: 10 megs\n", `c.yaml:2: fetch.max_body: invalid size "10 megs": use bytes or a unit like 512KiB, 10MiB, 1GB`},
		{"NegativeByteSize", "fetch:\n  max_body: -5\n", `c.yaml:2: fetch.max_body: size "-5" must not be negative`},
		{"ZeroByteSize", "fetch:\n  max_body: 0\n", "c.yaml:2: fetch.max_body: must be more than zero"},
		{"NegativeNumber", "fetch:\n  concurrency: -2\n", "c.yaml:2: fetch.concurrency: must not be negative"},
		{"ZeroNumber", "fetch:\n  per_host: 0\n", "c.yaml:2: fetch.per_host: must be at least 1"},
		{"NotANumber", "fetch:\n  concurrency: many\n", `c.yaml:2: fetch.concurrency: must be a whole number, not "many"`},
		{"NegativeLimit", "feeds:\n  - id: f\n    limit: -1\n", "c.yaml:3: feeds[0].limit: must not be negative"},
		{"LimitBeyondWhatAFeedHolds", "feeds:\n  - id: f\n    limit: 10000\n",
			"c.yaml:3: feeds[0].limit: must be at most 500: a published feed holds at most 500 stories"},
		{"NotABool", okSource + "    enabled: yes please\n", `c.yaml:4: sources[0].enabled: must be true or false, not "yes please"`},
		{"BadIdentity", okSource + "    identity: url\n", `c.yaml:4: sources[0].identity: "url" is not one of guid, link, title`},
		{"BadMatch", "feeds:\n  - id: f\n    match: every\n", `c.yaml:3: feeds[0].match: "every" is not one of all, any`},
		{"BadLogFormat", "log:\n  format: jsno\n", `c.yaml:2: log.format: "jsno" is not one of text, json; did you mean "json"?`},
		{"BadLogLevel", "log:\n  level: warning\n", `c.yaml:2: log.level: "warning" is not one of debug, info, warn, error`},
		{"PathAndURL", "storage:\n  path: a.db\n  url: postgres://db/x\n", "c.yaml:3: storage.url: path and url are both set; use one: path for SQLite, url for PostgreSQL"},
		{"BadDatabaseURL", "storage:\n  url: mysql://db/x\n", "c.yaml:2: storage.url: must be a postgres:// URL"},
		{"EmptyUserAgent", "fetch:\n  user_agent: \"\"\n", "c.yaml:2: fetch.user_agent: must not be empty"},
		{"UnsetVariable", "server:\n  base_url: \"https://${AGG_HOST}/\"\n", "c.yaml:2: server.base_url: environment variable AGG_HOST is not set"},
		{"UnterminatedVariable", "server:\n  base_url: \"https://${AGG_HOST/\"\n", `c.yaml:2: server.base_url: unterminated ${ in "${AGG_HOST/"`},
		{"BadVariableName", "server:\n  base_url: \"${1X}\"\n", `c.yaml:2: server.base_url: bad environment variable name "1X" in ${1X}`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := problemLines(t, tt.yml, noEnv)
			if !slices.Contains(got, tt.want) {
				t.Errorf("problems:\n  %s\nwant among them:\n  %s", strings.Join(got, "\n  "), tt.want)
			}
		})
	}
}

// TestOneBadFileReportsEveryProblem checks that a file with many mistakes
// gets all of them at once, in line order.
func TestOneBadFileReportsEveryProblem(t *testing.T) {
	data, err := os.ReadFile(filepath.Join("testdata", "bad.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	want, err := os.ReadFile(filepath.Join("testdata", "bad.problems"))
	if err != nil {
		t.Fatal(err)
	}
	_, err = parse("testdata/bad.yaml", data, noEnv)
	var ps Problems
	if !errors.As(err, &ps) {
		t.Fatalf("err = %v, want Problems", err)
	}
	if got := ps.Error() + "\n"; got != string(want) {
		t.Errorf("problems:\n%s\nwant:\n%s", got, want)
	}
}

func TestProblemString(t *testing.T) {
	tests := []struct {
		p    Problem
		want string
	}{
		{Problem{"c.yaml", 3, "a.b", "m"}, "c.yaml:3: a.b: m"},
		{Problem{"c.yaml", 0, "storage", "m"}, "c.yaml: storage: m"},
		{Problem{"c.yaml", 7, "", "m"}, "c.yaml:7: m"},
	}
	for _, tt := range tests {
		if got := tt.p.String(); got != tt.want {
			t.Errorf("String() = %q, want %q", got, tt.want)
		}
	}
}
