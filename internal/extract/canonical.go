package extract

import (
	"bytes"
	"net/url"
	"strings"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
	"golang.org/x/net/publicsuffix"
)

// Canonical returns the absolute http(s) URL a page names as its
// canonical address: the first <link rel="canonical" href>, else the first
// <meta property="og:url" content>, resolved against base (or the page's
// <base href>). Only the document's head is read; "" when it names none.
func Canonical(page []byte, base *url.URL) string {
	var canonical, ogURL string
	z := html.NewTokenizer(bytes.NewReader(page))
	for {
		switch z.Next() {
		case html.ErrorToken:
			return pick(base, canonical, ogURL)
		case html.EndTagToken:
			if name, _ := z.TagName(); atom.Lookup(name) == atom.Head {
				return pick(base, canonical, ogURL)
			}
		case html.StartTagToken, html.SelfClosingTagToken:
			name, hasAttr := z.TagName()
			switch atom.Lookup(name) {
			case atom.Body:
				return pick(base, canonical, ogURL)
			case atom.Base:
				if href := attrs(z, hasAttr)["href"]; href != "" {
					if u, err := base.Parse(strings.TrimSpace(href)); err == nil {
						base = u
					}
				}
			case atom.Link:
				a := attrs(z, hasAttr)
				if canonical == "" && hasToken(a["rel"], "canonical") {
					canonical = a["href"]
				}
			case atom.Meta:
				a := attrs(z, hasAttr)
				if ogURL == "" && strings.EqualFold(strings.TrimSpace(a["property"]), "og:url") {
					ogURL = a["content"]
				}
			}
		}
	}
}

// pick resolves the first usable candidate.
func pick(base *url.URL, candidates ...string) string {
	for _, c := range candidates {
		c = strings.TrimSpace(c)
		if c == "" {
			continue
		}
		u, err := base.Parse(c)
		if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
			continue
		}
		return u.String()
	}
	return ""
}

func attrs(z *html.Tokenizer, hasAttr bool) map[string]string {
	m := map[string]string{}
	for hasAttr {
		var k, v []byte
		k, v, hasAttr = z.TagAttr()
		key := strings.ToLower(string(k))
		if _, seen := m[key]; !seen {
			m[key] = string(v)
		}
	}
	return m
}

func hasToken(list, token string) bool {
	for _, f := range strings.Fields(list) {
		if strings.EqualFold(f, token) {
			return true
		}
	}
	return false
}

// Trusted reports whether a page's canonical URL may stand for the article
// fetched from articleURL. It must be http(s), on the same registrable
// domain (eTLD+1: www.dawn.com and epaper.dawn.com agree; dawn.com and
// reuters.com do not), and not a site's home page standing in for an
// article (a common template bug). A cross-site canonical is refused:
// the canonical URL decides story membership, and a page must not be able
// to attach itself to another outlet's story.
func Trusted(canonical, articleURL string) bool {
	c, err := url.Parse(canonical)
	if err != nil || (c.Scheme != "http" && c.Scheme != "https") || c.Host == "" {
		return false
	}
	a, err := url.Parse(articleURL)
	if err != nil || a.Host == "" {
		return false
	}
	if !sameSite(c.Hostname(), a.Hostname()) {
		return false
	}
	home := func(u *url.URL) bool { return strings.Trim(u.EscapedPath(), "/") == "" && u.RawQuery == "" }
	return !home(c) || home(a)
}

// sameSite compares the registrable domains of two host names; IP
// literals and single labels must match exactly.
func sameSite(a, b string) bool {
	a, b = strings.ToLower(strings.TrimSuffix(a, ".")), strings.ToLower(strings.TrimSuffix(b, "."))
	if a == b {
		return true
	}
	ra, errA := publicsuffix.EffectiveTLDPlusOne(a)
	rb, errB := publicsuffix.EffectiveTLDPlusOne(b)
	return errA == nil && errB == nil && ra == rb
}
