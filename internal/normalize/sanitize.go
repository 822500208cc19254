package normalize

import (
	"net/url"
	"strings"
	"sync"

	"github.com/microcosm-cc/bluemonday"
	xhtml "golang.org/x/net/html"
)

// policy is built once: a bluemonday Policy is safe for concurrent use once
// built, and building it costs far more than one sanitisation.
var policy = sync.OnceValue(newPolicy)

// newPolicy is bluemonday's UGC policy (no script, style, iframe, object,
// embed, form, no on* attributes, only http, https and mailto URLs, no data:
// URIs) with links marked nofollow and noreferrer: republished content must
// not pass on the aggregator's reputation nor its readers' referrers.
func newPolicy() *bluemonday.Policy {
	p := bluemonday.UGCPolicy()
	p.RequireNoFollowOnLinks(true)
	p.RequireNoReferrerOnLinks(true)
	p.AllowAttrs("loading").Matching(bluemonday.SpaceSeparatedTokens).OnElements("img")
	return p
}

// Sanitize returns html safe to embed in any reader: relative href, src,
// cite and poster URLs resolved against base, then cleaned by a UGC policy
// (see newPolicy). Images are kept. HTML escaped twice by the publisher
// (no tags, only "&lt;p&gt;") is decoded once more first.
func Sanitize(html, base string) string {
	if strings.TrimSpace(html) == "" {
		return ""
	}
	return strings.TrimSpace(policy().Sanitize(resolveURLs(unescapeDoubled(html), base)))
}

// resolveURLs rewrites the URL attributes of every tag of html to absolute
// URLs against base. Without a usable absolute base html is returned as is.
func resolveURLs(html, base string) string {
	b, err := url.Parse(strings.TrimSpace(base))
	if err != nil || !b.IsAbs() || !strings.Contains(html, "=") {
		return html
	}
	var out strings.Builder
	out.Grow(len(html) + len(html)/8)
	z := xhtml.NewTokenizer(strings.NewReader(html))
	for {
		tt := z.Next()
		if tt == xhtml.ErrorToken {
			return out.String()
		}
		if tt != xhtml.StartTagToken && tt != xhtml.SelfClosingTagToken {
			out.Write(z.Raw())
			continue
		}
		tok := z.Token()
		changed := false
		for i, a := range tok.Attr {
			if !isURLAttr(a.Key) {
				continue
			}
			if abs, ok := resolve(b, a.Val); ok {
				tok.Attr[i].Val = abs
				changed = true
			}
		}
		if changed {
			out.WriteString(tok.String())
		} else {
			out.Write(z.Raw())
		}
	}
}

func isURLAttr(key string) bool {
	switch key {
	case "href", "src", "cite", "poster", "longdesc":
		return true
	}
	return false
}

// resolve makes a relative reference absolute; references that already
// carry a scheme (including hostile ones) are left for the policy to judge.
func resolve(base *url.URL, ref string) (string, bool) {
	ref = strings.TrimSpace(ref)
	if ref == "" || strings.HasPrefix(ref, "#") {
		return "", false
	}
	u, err := url.Parse(ref)
	if err != nil || u.Scheme != "" {
		return "", false
	}
	return base.ResolveReference(u).String(), true
}
