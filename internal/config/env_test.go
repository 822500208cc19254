package config

import (
	"slices"
	"strings"
	"testing"
)

func TestExpand(t *testing.T) {
	lookup := env("HOST", "news.example", "EMPTY", "", "PORT", "9000")
	tests := []struct {
		name, in, want, err string
	}{
		{"NoVariables", "plain $ text", "plain $ text", ""},
		{"Variable", "https://${HOST}/", "https://news.example/", ""},
		{"TwoVariables", "${HOST}:${PORT}", "news.example:9000", ""},
		{"SetButEmpty", "a${EMPTY}b", "ab", ""},
		{"DefaultWhenUnset", "${NOPE:-fallback}", "fallback", ""},
		{"DefaultWhenEmpty", "${EMPTY:-fallback}", "fallback", ""},
		{"DefaultIgnoredWhenSet", "${PORT:-1}", "9000", ""},
		{"EscapedDollar", "cost $${HOST}", "cost ${HOST}", ""},
		{"Unset", "${NOPE}", "", "environment variable NOPE is not set"},
		{"Unterminated", "${HOST", "", `unterminated ${ in "${HOST"`},
		{"EmptyName", "${}", "", `bad environment variable name "" in ${}`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := expand(tt.in, lookup)
			if tt.err != "" {
				if err == nil || err.Error() != tt.err {
					t.Fatalf("err = %v, want %q", err, tt.err)
				}
				return
			}
			if err != nil || got != tt.want {
				t.Errorf("expand(%q) = %q, %v; want %q", tt.in, got, err, tt.want)
			}
		})
	}
}

func TestEnvironmentExpandsInValues(t *testing.T) {
	c, err := parse("c.yaml", []byte(`
server:
  base_url: "https://${AGG_HOST}"
fetch:
  concurrency: ${AGG_CONC}
  allow_private: ${AGG_PRIVATE:-false}
sources:
  - id: a
    url: "https://${AGG_HOST}/feed?key=${AGG_KEY}"
`), env("AGG_HOST", "n.example", "AGG_CONC", "4", "AGG_KEY", "s3cr3t"))
	if err != nil {
		t.Fatal(err)
	}
	if c.Server.BaseURL != "https://n.example" || c.Fetch.Concurrency != 4 || c.Fetch.AllowPrivate {
		t.Errorf("got %+v %+v", c.Server, c.Fetch)
	}
	if got, want := c.Sources[0].URL, "https://n.example/feed?key=s3cr3t"; got != want {
		t.Errorf("url = %q, want %q", got, want)
	}
}

func TestEnvironmentOverrides(t *testing.T) {
	const yml = "server:\n  listen: \":8080\"\nstorage:\n  path: file.db\n"
	tests := []struct {
		name   string
		env    []string
		listen string
		store  Storage
		err    string
	}{
		{"None", nil, ":8080", Storage{Path: "file.db", Retention: Default().Storage.Retention}, ""},
		{"Listen", []string{EnvListen, "127.0.0.1:9999"}, "127.0.0.1:9999", Storage{Path: "file.db", Retention: Default().Storage.Retention}, ""},
		{"EmptyIsUnset", []string{EnvListen, ""}, ":8080", Storage{Path: "file.db", Retention: Default().Storage.Retention}, ""},
		{"DB", []string{EnvDB, "/tmp/x.db"}, ":8080", Storage{Path: "/tmp/x.db", Retention: Default().Storage.Retention}, ""},
		{"DatabaseURL", []string{EnvDatabaseURL, "postgres://db/agg"}, ":8080", Storage{URL: "postgres://db/agg", Retention: Default().Storage.Retention}, ""},
		{"BothDatabases", []string{EnvDB, "x.db", EnvDatabaseURL, "postgres://db/agg"}, "", Storage{}, "c.yaml: storage: AGGREGATOR_DB and AGGREGATOR_DATABASE_URL are both set; use one"},
		{"BadListenFromEnv", []string{EnvListen, "9999"}, "", Storage{}, `c.yaml: server.listen: "9999" is not a host:port address like ":8080" or "127.0.0.1:8080" (from AGGREGATOR_LISTEN)`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c, err := parse("c.yaml", []byte(yml), env(tt.env...))
			if tt.err != "" {
				if err == nil || !slices.Contains(strings.Split(err.Error(), "\n"), tt.err) {
					t.Fatalf("err = %v, want %q", err, tt.err)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if c.Server.Listen != tt.listen || c.Storage != tt.store {
				t.Errorf("listen %q storage %+v; want %q %+v", c.Server.Listen, c.Storage, tt.listen, tt.store)
			}
		})
	}
}
