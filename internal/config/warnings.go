package config

import (
	"fmt"
	"net"
	"net/url"
	"strings"
	"time"

	"github.com/robfig/cron/v3"
)

// Warnings lists what a valid configuration does that will likely bite
// later: self links to localhost while other machines can connect, a
// schedule more frequent than once a minute, two sources that are the
// same feed under differently written URLs. They are not errors: the
// configuration runs as written.
func (c *Config) Warnings() Problems {
	var ws Problems
	if host, ok := loopbackBaseURL(c.Server.BaseURL); ok && listensOnAll(c.Server.Listen) {
		ws = append(ws, c.Problem("server.base_url", "%q is this machine's own address (%s), but server.listen %q "+
			"accepts other machines: their readers would get self links and WebSub hub links to their own %s; "+
			"set base_url to the address they reach this server by", c.Server.BaseURL, host, c.Server.Listen, host))
	}
	if every, ok := tooFrequent(c.Fetch.Schedule); ok {
		ws = append(ws, c.Problem("fetch.schedule", frequentMsg, c.Fetch.Schedule, every))
	}
	for i, t := range c.Topics {
		if len(t.Examples) > 0 && !t.Classifier.Enabled {
			ws = append(ws, c.Problem(fmt.Sprintf("topics[%d].examples", i), "topic %s has examples but no classifier: "+
				"they teach nothing until classifier: {enabled: true}", t.ID))
		}
	}
	seen := map[string]int{} // feed identity -> index of the first source
	for i, s := range c.Sources {
		p := fmt.Sprintf("sources[%d]", i)
		if every, ok := tooFrequent(s.Schedule); ok {
			ws = append(ws, c.Problem(p+".schedule", frequentMsg, s.Schedule, every))
		}
		key := feedIdentity(s.URL)
		if key == "" {
			continue
		}
		if first, dup := seen[key]; dup {
			ws = append(ws, c.Problem(p+".url", "%q is the same feed as sources[%d] (%s, line %d) written differently: "+
				"it would be fetched twice and each item stored under both sources; keep one",
				s.URL, first, c.Sources[first].ID, c.Line(fmt.Sprintf("sources[%d]", first))))
			continue
		}
		seen[key] = i
	}
	return ws
}

const frequentMsg = "%q fetches every %s: more often than once a minute loads the publisher's server " +
	"(and may get this address blocked) while feeds rarely change that fast; use @every 5m or more"

// loopbackBaseURL reports whether a base URL's host is this machine only.
func loopbackBaseURL(baseURL string) (string, bool) {
	u, err := url.Parse(baseURL)
	if err != nil {
		return "", false
	}
	host := u.Hostname()
	if strings.EqualFold(host, "localhost") || strings.HasSuffix(strings.ToLower(host), ".localhost") {
		return host, true
	}
	ip := net.ParseIP(host)
	return host, ip != nil && ip.IsLoopback()
}

// listensOnAll reports whether a listen address takes connections on
// every interface.
func listensOnAll(listen string) bool {
	host, _, err := net.SplitHostPort(listen)
	if err != nil {
		return false
	}
	ip := net.ParseIP(host)
	return host == "" || ip != nil && ip.IsUnspecified()
}

// tooFrequent reports the shortest interval of a cron spec when it is
// under a minute. Specs that do not parse are reported by Validate.
func tooFrequent(spec string) (time.Duration, bool) {
	if spec == "" {
		return 0, false
	}
	sched, err := cron.ParseStandard(spec)
	if err != nil {
		return 0, false
	}
	first := sched.Next(time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC))
	every := sched.Next(first).Sub(first)
	return every, every > 0 && every < time.Minute
}

// feedIdentity is a URL with what rarely tells two feeds apart taken out:
// the scheme, the case of the host, a leading www., a default port, a
// trailing slash, the fragment and the order of the query's parameters.
func feedIdentity(raw string) string {
	u, err := url.Parse(raw)
	if err != nil || u.Host == "" {
		return ""
	}
	host := strings.TrimPrefix(strings.ToLower(u.Hostname()), "www.")
	if port := u.Port(); port != "" && port != "80" && port != "443" {
		host += ":" + port
	}
	return host + strings.TrimRight(u.EscapedPath(), "/") + "?" + u.Query().Encode()
}
