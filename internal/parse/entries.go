package parse

import (
	"net/url"
	"slices"
	"strings"
	"time"

	"github.com/mmcdole/gofeed"
	"github.com/mmcdole/gofeed/rss"

	"aggregator/internal/model"
)

// convert maps gofeed's feed to ours, resolving relative links against
// the feed's own link (itself resolved against baseURL) or baseURL.
func convert(gf *gofeed.Feed, baseURL string) *Feed {
	fetchBase, _ := url.Parse(strings.TrimSpace(baseURL))
	f := &Feed{
		Title:    strings.TrimSpace(gf.Title),
		Link:     absoluteURL(fetchBase, gf.Link),
		Language: strings.TrimSpace(gf.Language),
		TTL:      ttl(gf),
	}
	base := fetchBase
	if f.Link != "" {
		base, _ = url.Parse(f.Link)
	}
	f.Entries = make([]model.Entry, 0, len(gf.Items))
	outlets := rssOutlets(gf)
	for i, it := range gf.Items {
		if it == nil {
			continue
		}
		e := entry(it, base)
		e.SiteLink = f.Link
		if i < len(outlets) {
			e.Outlet = outlets[i]
		}
		f.Entries = append(f.Entries, e)
	}
	return f
}

// rssOutlets lists, item by item, the title of each RSS item's <source>:
// the outlet an aggregator such as Google News credits for it. gofeed's
// translation drops the element; the original RSS document, which it
// translates item for item, keeps it. Nil for other formats.
func rssOutlets(gf *gofeed.Feed) []string {
	rf, ok := gf.OriginalFeed().(*rss.Feed)
	if !ok || rf == nil || len(rf.Items) != len(gf.Items) {
		return nil
	}
	out := make([]string, len(rf.Items))
	for i, it := range rf.Items {
		if it != nil && it.Source != nil {
			out[i] = strings.TrimSpace(it.Source.Title)
		}
	}
	return out
}

// entry maps one item. Every item is kept, even one with neither link,
// guid nor title: what can be made of it is normalize's call, and what
// cannot is counted, not silently dropped.
func entry(it *gofeed.Item, base *url.URL) model.Entry {
	e := model.Entry{
		GUID:       strings.TrimSpace(it.GUID),
		Link:       itemLink(it, base),
		Title:      strings.TrimSpace(it.Title),
		Summary:    strings.TrimSpace(it.Description),
		Content:    strings.TrimSpace(it.Content),
		Author:     author(it),
		Categories: categories(it.Categories),
		ImageURL:   image(it, base),
		Published:  utc(it.PublishedParsed),
		Updated:    utc(it.UpdatedParsed),
	}
	if e.Published.IsZero() {
		e.Published = e.Updated
	}
	return e
}

func itemLink(it *gofeed.Item, base *url.URL) string {
	if l := absoluteURL(base, origLink(it)); l != "" {
		return l
	}
	if l := absoluteURL(base, it.Link); l != "" {
		return l
	}
	for _, l := range it.Links {
		if l := absoluteURL(base, l); l != "" {
			return l
		}
	}
	return ""
}

// origLink is the publisher's own article URL that FeedBurner-proxied
// feeds carry in feedburner:origLink while <link> points at feedproxy.
func origLink(it *gofeed.Item) string {
	for _, e := range it.Extensions["feedburner"]["origLink"] {
		if v := strings.TrimSpace(e.Value); v != "" {
			return v
		}
	}
	return ""
}

// author names every author ("A, B"), or the single deprecated Author.
func author(it *gofeed.Item) string {
	var names []string
	for _, p := range it.Authors {
		if s := personName(p); s != "" && !slices.Contains(names, s) {
			names = append(names, s)
		}
	}
	if len(names) == 0 {
		return personName(it.Author)
	}
	return strings.Join(names, ", ")
}

func personName(p *gofeed.Person) string {
	if p == nil {
		return ""
	}
	if s := strings.TrimSpace(p.Name); s != "" {
		return s
	}
	return strings.TrimSpace(p.Email)
}

func categories(in []string) []string {
	var out []string
	seen := map[string]bool{}
	for _, c := range in {
		c = strings.TrimSpace(c)
		if c != "" && !seen[c] {
			seen[c] = true
			out = append(out, c)
		}
	}
	return out
}

func utc(t *time.Time) time.Time {
	if t == nil {
		return time.Time{}
	}
	return t.UTC()
}

// absoluteURL resolves ref against base and keeps it only when it is an
// http(s) URL; "" otherwise.
func absoluteURL(base *url.URL, ref string) string {
	ref = strings.TrimSpace(ref)
	if ref == "" {
		return ""
	}
	u, err := resolveRef(base, ref)
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
		return ""
	}
	return u.String()
}
