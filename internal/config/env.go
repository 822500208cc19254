package config

import (
	"fmt"
	"strings"
)

// expand replaces ${NAME} with the environment variable NAME and
// ${NAME:-default} with its value or, when unset or empty, default. $${
// stands for a literal ${. An unset variable without default is an error
// naming it.
func expand(s string, lookup func(string) (string, bool)) (string, error) {
	if !strings.Contains(s, "${") {
		return s, nil
	}
	var b strings.Builder
	for {
		i := strings.Index(s, "${")
		if i < 0 {
			b.WriteString(s)
			return b.String(), nil
		}
		if i > 0 && s[i-1] == '$' { // $${ is a literal ${
			b.WriteString(s[:i-1])
			b.WriteString("${")
			s = s[i+2:]
			continue
		}
		b.WriteString(s[:i])
		end := strings.IndexByte(s[i:], '}')
		if end < 0 {
			return "", fmt.Errorf("unterminated ${ in %q", s[i:])
		}
		expr := s[i+2 : i+end]
		s = s[i+end+1:]
		name, def, hasDef := strings.Cut(expr, ":-")
		if !validEnvName(name) {
			return "", fmt.Errorf("bad environment variable name %q in ${%s}", name, expr)
		}
		v, ok := lookup(name)
		switch {
		case ok && (v != "" || !hasDef):
			b.WriteString(v)
		case hasDef:
			b.WriteString(def)
		default:
			return "", fmt.Errorf("environment variable %s is not set", name)
		}
	}
}

// validEnvName reports whether name is [A-Za-z_][A-Za-z0-9_]*.
func validEnvName(name string) bool {
	if name == "" {
		return false
	}
	for i, r := range name {
		letter := r == '_' || (r >= 'a' && r <= 'z') || (r >= 'A' && r <= 'Z')
		if !letter && (i == 0 || r < '0' || r > '9') {
			return false
		}
	}
	return true
}

// Environment variables that override the file.
const (
	EnvListen      = "AGGREGATOR_LISTEN"       // server.listen
	EnvDB          = "AGGREGATOR_DB"           // storage.path
	EnvDatabaseURL = "AGGREGATOR_DATABASE_URL" // storage.url
)

// overrides applies the environment variables that take precedence over
// the file. An empty variable counts as unset.
func (d *decoder) overrides(c *Config) {
	d.fromEnv = map[string]string{}
	get := func(name string) string {
		v, _ := d.lookup(name)
		return v
	}
	if v := get(EnvListen); v != "" {
		c.Server.Listen = v
		d.fromEnv["server.listen"] = EnvListen
	}
	db, dbURL := get(EnvDB), get(EnvDatabaseURL)
	switch {
	case db != "" && dbURL != "":
		d.addf(0, "storage", "%s and %s are both set; use one", EnvDB, EnvDatabaseURL)
	case db != "":
		c.Storage.Path, c.Storage.URL = db, ""
		d.fromEnv["storage.path"] = EnvDB
	case dbURL != "":
		c.Storage.Path, c.Storage.URL = "", dbURL
		d.fromEnv["storage.url"] = EnvDatabaseURL
	}
}
