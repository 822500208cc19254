package parse

import (
	"bytes"
	"net/url"
	"strings"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// isFeedType reports whether a <link rel="alternate"> type announces a
// feed.
func isFeedType(mediaType string) bool {
	switch mediaType {
	case "application/rss+xml", "application/atom+xml", "application/feed+json",
		"application/json", "application/rdf+xml":
		return true
	}
	return false
}

// Discover returns the absolute URLs of the feeds an HTML page announces
// with <link rel="alternate" type="application/rss+xml"> (or Atom, JSON
// Feed, RDF), in document order without duplicates, resolved against the
// page's <base href> or baseURL. Relative links are dropped when there is
// no base to resolve them.
func Discover(body []byte, baseURL string) []string {
	base, _ := url.Parse(baseURL)
	z := html.NewTokenizer(bytes.NewReader(body))
	var found []string
	seen := map[string]bool{}
	for {
		switch z.Next() {
		case html.ErrorToken:
			return found
		case html.StartTagToken, html.SelfClosingTagToken:
			name, hasAttr := z.TagName()
			switch atom.Lookup(name) {
			case atom.Body:
				return found // feeds are announced in the head
			case atom.Base:
				if href := attr(z, hasAttr, "href"); href != "" {
					if b, err := resolveRef(base, href); err == nil {
						base = b
					}
				}
			case atom.Link:
				if !hasAttr {
					continue
				}
				attrs := attrs(z)
				if !hasToken(attrs["rel"], "alternate") || !isFeedType(mediaType(attrs["type"])) {
					continue
				}
				u, err := resolveRef(base, strings.TrimSpace(attrs["href"]))
				if err != nil || !u.IsAbs() || (u.Scheme != "http" && u.Scheme != "https") {
					continue
				}
				if s := u.String(); !seen[s] {
					seen[s] = true
					found = append(found, s)
				}
			}
		}
	}
}

func attr(z *html.Tokenizer, hasAttr bool, want string) string {
	if !hasAttr {
		return ""
	}
	return attrs(z)[want]
}

func attrs(z *html.Tokenizer) map[string]string {
	m := map[string]string{}
	for {
		k, v, more := z.TagAttr()
		m[string(k)] = string(v)
		if !more {
			return m
		}
	}
}

func hasToken(list, token string) bool {
	for _, f := range strings.Fields(list) {
		if strings.EqualFold(f, token) {
			return true
		}
	}
	return false
}

func mediaType(t string) string {
	t, _, _ = strings.Cut(t, ";")
	return strings.ToLower(strings.TrimSpace(t))
}

// resolveRef resolves ref against base (which may be nil).
func resolveRef(base *url.URL, ref string) (*url.URL, error) {
	u, err := url.Parse(ref)
	if err != nil {
		return nil, err
	}
	if base == nil {
		return u, nil
	}
	return base.ResolveReference(u), nil
}
