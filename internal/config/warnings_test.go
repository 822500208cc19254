package config

import (
	"strings"
	"testing"
)

func warningLines(t *testing.T, yml string, lookup func(string) (string, bool)) []string {
	t.Helper()
	c, err := parse("c.yaml", []byte(yml), lookup)
	if err != nil {
		t.Fatalf("a configuration with warnings only must be valid: %v", err)
	}
	var out []string
	for _, w := range c.Warnings() {
		out = append(out, w.String())
	}
	return out
}

func TestWarnings(t *testing.T) {
	tests := []struct {
		name string
		yml  string
		env  func(string) (string, bool)
		want []string // substrings, one a warning, in order
	}{
		{"LocalhostBaseURLOnAllInterfaces", "server:\n  listen: \":8080\"\n  base_url: \"http://localhost:8080\"\n", noEnv,
			[]string{`c.yaml:3: server.base_url: "http://localhost:8080" is this machine's own address`}},
		{"LoopbackIPOnUnspecified", "server:\n  listen: \"0.0.0.0:8080\"\n  base_url: \"http://127.0.0.1:8080\"\n", noEnv,
			[]string{`server.base_url: "http://127.0.0.1:8080"`}},
		{"ListenFromEnvironment", "server:\n  listen: \"127.0.0.1:8080\"\n  base_url: \"http://localhost:8080\"\n",
			env("AGGREGATOR_LISTEN", "[::]:8080"), []string{`server.listen "[::]:8080" accepts other machines`}},
		{"LocalhostBaseURLOnLoopbackIsFine", "server:\n  listen: \"127.0.0.1:8080\"\n  base_url: \"http://localhost:8080\"\n", noEnv, nil},
		{"PublicBaseURLIsFine", "server:\n  listen: \":8080\"\n  base_url: \"https://news.example.org\"\n", noEnv, nil},
		{"ScheduleUnderAMinute", "server:\n  base_url: \"https://news.example.org\"\nfetch:\n  schedule: \"@every 30s\"\n" +
			"sources:\n  - id: a\n    url: \"https://a.example/feed\"\n    schedule: \"@every 5s\"\n  - id: b\n    url: \"https://b.example/feed\"\n    schedule: \"* * * * *\"\n",
			noEnv, []string{`c.yaml:4: fetch.schedule: "@every 30s" fetches every 30s`, `c.yaml:8: sources[0].schedule: "@every 5s" fetches every 5s`}},
		{"SameFeedWrittenDifferently", "server:\n  base_url: \"https://news.example.org\"\nsources:\n" +
			"  - id: a\n    url: \"https://www.Dawn.com/feeds/home/\"\n" +
			"  - id: b\n    url: \"http://dawn.com/feeds/home\"\n" +
			"  - id: c\n    url: \"https://dawn.com/feeds/home?page=2\"\n", noEnv,
			[]string{`c.yaml:7: sources[1].url: "http://dawn.com/feeds/home" is the same feed as sources[0] (a, line 4)`}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := warningLines(t, tt.yml, tt.env)
			if len(got) != len(tt.want) {
				t.Fatalf("warnings:\n%s\nwant %d", strings.Join(got, "\n"), len(tt.want))
			}
			for i, w := range tt.want {
				if !strings.Contains(got[i], w) {
					t.Errorf("warning %d = %q, want it to contain %q", i, got[i], w)
				}
			}
		})
	}
}
