package publish

import (
	"bytes"
	"encoding/json"
	"encoding/xml"
	"fmt"
	"net/url"
	"strings"
	"testing"
	"time"
)

// The checks below are what the RSS 2.0 specification (rssboard.org),
// RFC 4287 (Atom) and JSON Feed 1.1 require of a document, written as
// validators that list every problem. Each is shown to catch a broken
// document, so a passing run means something. scripts/validate-feeds
// checks the same documents from outside: Atom against RFC 4287's RELAX
// NG schema, RSS against a grammar of the spec with the W3C Feed
// Validator's rules, JSON Feed against the published JSON Schema.

const (
	xmlnsAtom    = "http://www.w3.org/2005/Atom"
	xmlnsContent = "http://purl.org/rss/1.0/modules/content/"
	xmlnsMedia   = "http://search.yahoo.com/mrss/"
)

// xnode is a parsed XML element.
type xnode struct {
	XMLName  xml.Name
	Attrs    []xml.Attr `xml:",any,attr"`
	Text     string     `xml:",chardata"`
	Children []xnode    `xml:",any"`
}

func (n *xnode) attr(name string) (string, bool) {
	for _, a := range n.Attrs {
		if a.Name.Local == name && a.Name.Space == "" {
			return a.Value, true
		}
	}
	return "", false
}

// all returns the children named local in namespace space.
func (n *xnode) all(space, local string) []xnode {
	var out []xnode
	for _, c := range n.Children {
		if c.XMLName.Local == local && c.XMLName.Space == space {
			out = append(out, c)
		}
	}
	return out
}

// problems collects what a validator found.
type problems []string

func (p *problems) addf(format string, args ...any) { *p = append(*p, fmt.Sprintf(format, args...)) }

// one checks that n has exactly one non-empty child local, returning it.
func (p *problems) one(n *xnode, where, space, local string) *xnode {
	cs := n.all(space, local)
	switch {
	case len(cs) != 1:
		p.addf("%s: %d <%s>, want exactly one", where, len(cs), local)
		return nil
	case strings.TrimSpace(cs[0].Text) == "" && len(cs[0].Children) == 0:
		p.addf("%s: empty <%s>", where, local)
	}
	return &cs[0]
}

func (p *problems) absURL(where, s string) {
	u, err := url.Parse(s)
	if err != nil || !u.IsAbs() || u.Host == "" && u.Scheme != "tag" && u.Scheme != "urn" {
		p.addf("%s: %q is not an absolute URL", where, s)
	}
}

// rfc822 checks an RSS date: RFC 822 with a four-digit year (RFC 1123),
// a numeric zone or GMT/UT.
func (p *problems) rfc822(where, s string) {
	for _, layout := range []string{time.RFC1123Z, time.RFC1123} {
		if _, err := time.Parse(layout, s); err == nil {
			if layout == time.RFC1123 && !strings.HasSuffix(s, " GMT") && !strings.HasSuffix(s, " UT") {
				p.addf("%s: date %q names a zone by letters other than GMT", where, s)
			}
			return
		}
	}
	p.addf("%s: %q is not an RFC 822 date", where, s)
}

func (p *problems) rfc3339(where, s string) {
	if _, err := time.Parse(time.RFC3339, strings.TrimSpace(s)); err != nil {
		p.addf("%s: %q is not an RFC 3339 date", where, s)
	}
}

func parseXML(doc []byte) (*xnode, error) {
	var root xnode
	if err := xml.NewDecoder(bytes.NewReader(doc)).Decode(&root); err != nil {
		return nil, err
	}
	return &root, nil
}

// validateRSS checks an RSS 2.0 document.
func validateRSS(doc []byte) problems {
	var p problems
	root, err := parseXML(doc)
	if err != nil {
		p.addf("not well-formed XML: %v", err)
		return p
	}
	if root.XMLName.Local != "rss" {
		p.addf("root is <%s>, want <rss>", root.XMLName.Local)
		return p
	}
	if v, _ := root.attr("version"); v != "2.0" {
		p.addf("rss version = %q, want 2.0", v)
	}
	ch := p.one(root, "rss", "", "channel")
	if ch == nil {
		return p
	}
	p.one(ch, "channel", "", "title")
	if l := p.one(ch, "channel", "", "link"); l != nil {
		p.absURL("channel link", l.Text)
	}
	if len(ch.all("", "description")) != 1 {
		p.addf("channel: want exactly one <description>")
	}
	for _, name := range []string{"pubDate", "lastBuildDate"} {
		for _, d := range ch.all("", name) {
			p.rfc822("channel "+name, d.Text)
		}
	}
	self := false
	for _, l := range ch.all(xmlnsAtom, "link") {
		href, _ := l.attr("href")
		p.absURL("atom:link", href)
		if rel, _ := l.attr("rel"); rel == "self" {
			self = true
			if typ, _ := l.attr("type"); typ != "application/rss+xml" {
				p.addf("atom:link rel=self type = %q, want application/rss+xml", typ)
			}
		}
	}
	if !self {
		p.addf("channel: no atom:link rel=\"self\"")
	}
	for i, it := range ch.all("", "item") {
		where := fmt.Sprintf("item %d", i)
		if len(it.all("", "title")) == 0 && len(it.all("", "description")) == 0 {
			p.addf("%s: neither title nor description", where)
		}
		for _, name := range []string{"title", "link", "description", "guid", "pubDate", "source", "comments"} {
			if n := len(it.all("", name)); n > 1 {
				p.addf("%s: %d <%s>, at most one allowed", where, n, name)
			}
		}
		for _, l := range it.all("", "link") {
			p.absURL(where+" link", l.Text)
		}
		for _, g := range it.all("", "guid") {
			perm, ok := g.attr("isPermaLink")
			switch {
			case !ok || perm == "true":
				if u, err := url.Parse(g.Text); err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
					p.addf("%s: guid %q is a permalink but not a web URL", where, g.Text)
				}
			case perm != "false":
				p.addf("%s: guid isPermaLink = %q", where, perm)
			}
			if strings.TrimSpace(g.Text) == "" {
				p.addf("%s: empty guid", where)
			}
		}
		for _, d := range it.all("", "pubDate") {
			p.rfc822(where+" pubDate", d.Text)
		}
		for _, c := range it.all("", "category") {
			if strings.TrimSpace(c.Text) == "" {
				p.addf("%s: empty category", where)
			}
		}
		for _, s := range it.all("", "source") {
			u, ok := s.attr("url")
			if !ok {
				p.addf("%s: <source> without its required url", where)
			} else {
				p.absURL(where+" source url", u)
			}
		}
		for _, enc := range it.all("", "enclosure") {
			for _, a := range []string{"url", "length", "type"} {
				if _, ok := enc.attr(a); !ok {
					p.addf("%s: <enclosure> without its required %s", where, a)
				}
			}
			u, _ := enc.attr("url")
			p.absURL(where+" enclosure url", u)
			if l, _ := enc.attr("length"); strings.Trim(l, "0123456789") != "" || l == "" {
				p.addf("%s: enclosure length %q is not a number", where, l)
			}
		}
		for _, m := range it.all(xmlnsMedia, "content") {
			u, _ := m.attr("url")
			p.absURL(where+" media:content url", u)
		}
		if len(it.all(xmlnsContent, "encoded")) > 1 {
			p.addf("%s: several content:encoded", where)
		}
	}
	return p
}

// validateAtom checks an Atom 1.0 document (RFC 4287 section 4).
func validateAtom(doc []byte) problems {
	var p problems
	feed, err := parseXML(doc)
	if err != nil {
		p.addf("not well-formed XML: %v", err)
		return p
	}
	if feed.XMLName.Space != xmlnsAtom || feed.XMLName.Local != "feed" {
		p.addf("root is {%s}%s, want atom:feed", feed.XMLName.Space, feed.XMLName.Local)
		return p
	}
	if id := p.one(feed, "feed", xmlnsAtom, "id"); id != nil {
		p.absURL("feed id", id.Text)
	}
	p.one(feed, "feed", xmlnsAtom, "title")
	if u := p.one(feed, "feed", xmlnsAtom, "updated"); u != nil {
		p.rfc3339("feed updated", u.Text)
	}
	feedAuthor := checkAtomPersons(&p, feed, "feed")
	links := checkAtomLinks(&p, feed, "feed")
	if !links["self"] {
		p.addf("feed: no link rel=\"self\"")
	}
	if !links["alternate"] {
		p.addf("feed: no link rel=\"alternate\"")
	}
	for i, e := range feed.all(xmlnsAtom, "entry") {
		where := fmt.Sprintf("entry %d", i)
		if id := p.one(&e, where, xmlnsAtom, "id"); id != nil {
			p.absURL(where+" id", id.Text)
		}
		p.one(&e, where, xmlnsAtom, "title")
		if u := p.one(&e, where, xmlnsAtom, "updated"); u != nil {
			p.rfc3339(where+" updated", u.Text)
		}
		for _, d := range e.all(xmlnsAtom, "published") {
			p.rfc3339(where+" published", d.Text)
		}
		if !checkAtomPersons(&p, &e, where) && !feedAuthor {
			p.addf("%s: no author, and the feed has none", where)
		}
		links := checkAtomLinks(&p, &e, where)
		content := e.all(xmlnsAtom, "content")
		if len(content) > 1 || len(e.all(xmlnsAtom, "summary")) > 1 {
			p.addf("%s: several content or summary elements", where)
		}
		if len(content) == 0 && !links["alternate"] {
			p.addf("%s: neither content nor link rel=\"alternate\"", where)
		}
		for _, c := range e.all(xmlnsAtom, "category") {
			if term, _ := c.attr("term"); strings.TrimSpace(term) == "" {
				p.addf("%s: category without term", where)
			}
		}
	}
	return p
}

// checkAtomPersons checks the authors of a feed or entry and reports
// whether it has one.
func checkAtomPersons(p *problems, n *xnode, where string) bool {
	authors := n.all(xmlnsAtom, "author")
	for _, a := range authors {
		p.one(&a, where+" author", xmlnsAtom, "name")
	}
	return len(authors) > 0
}

// checkAtomLinks checks links (href, at most one alternate per type and
// hreflang) and returns the rels present.
func checkAtomLinks(p *problems, n *xnode, where string) map[string]bool {
	rels := map[string]bool{}
	alternates := map[string]bool{}
	for _, l := range n.all(xmlnsAtom, "link") {
		href, ok := l.attr("href")
		if !ok {
			p.addf("%s: link without href", where)
		}
		p.absURL(where+" link", href)
		rel, ok := l.attr("rel")
		if !ok {
			rel = "alternate"
		}
		rels[rel] = true
		if rel == "alternate" {
			typ, _ := l.attr("type")
			lang, _ := l.attr("hreflang")
			if alternates[typ+" "+lang] {
				p.addf("%s: several alternate links of type %q", where, typ)
			}
			alternates[typ+" "+lang] = true
		}
	}
	return rels
}

// validateJSONFeed checks a JSON Feed 1.1 document, including what the
// schema cannot say: the 1.1 version URL and the 1.1 members.
func validateJSONFeed(doc []byte) problems {
	var p problems
	var f struct {
		Version     string            `json:"version"`
		Title       string            `json:"title"`
		HomePageURL string            `json:"home_page_url"`
		FeedURL     string            `json:"feed_url"`
		Authors     []json.RawMessage `json:"authors"`
		Hubs        []struct {
			Type string `json:"type"`
			URL  string `json:"url"`
		} `json:"hubs"`
		Items *[]map[string]json.RawMessage `json:"items"`
	}
	if err := json.Unmarshal(doc, &f); err != nil {
		p.addf("not JSON: %v", err)
		return p
	}
	if f.Version != "https://jsonfeed.org/version/1.1" {
		p.addf("version = %q", f.Version)
	}
	if f.Title == "" {
		p.addf("no title")
	}
	p.absURL("home_page_url", f.HomePageURL)
	p.absURL("feed_url", f.FeedURL)
	if len(f.Authors) == 0 {
		p.addf("no authors")
	}
	for _, h := range f.Hubs {
		if h.Type == "" {
			p.addf("hub without type")
		}
		p.absURL("hub url", h.URL)
	}
	if f.Items == nil {
		p.addf("no items array")
		return p
	}
	for i, it := range *f.Items {
		where := fmt.Sprintf("item %d", i)
		var id string
		if err := json.Unmarshal(it["id"], &id); err != nil || id == "" {
			p.addf("%s: id is not a non-empty string", where)
		}
		if it["content_html"] == nil && it["content_text"] == nil {
			p.addf("%s: neither content_html nor content_text", where)
		}
		for _, name := range []string{"date_published", "date_modified"} {
			if raw := it[name]; raw != nil {
				var s string
				_ = json.Unmarshal(raw, &s)
				p.rfc3339(where+" "+name, s)
			}
		}
		if raw := it["url"]; raw != nil {
			var s string
			_ = json.Unmarshal(raw, &s)
			p.absURL(where+" url", s)
		}
		var tags []string
		if raw := it["tags"]; raw != nil && json.Unmarshal(raw, &tags) != nil {
			p.addf("%s: tags is not an array of strings", where)
		}
		var authors []struct {
			Name string `json:"name"`
		}
		if raw := it["authors"]; raw != nil && (json.Unmarshal(raw, &authors) != nil || len(authors) == 0 || authors[0].Name == "") {
			p.addf("%s: authors is not a list of named authors", where)
		}
	}
	return p
}

var validators = map[string]func([]byte) problems{
	"rss": validateRSS, "atom": validateAtom, "json": validateJSONFeed,
}

func TestRenderedFeedsAreValid(t *testing.T) {
	cases := map[string]Def{"fixture": testDef, "empty": testDef}
	for name, def := range cases {
		items := fixtureItems()
		if name == "empty" {
			items = nil
		}
		for _, format := range Formats() {
			t.Run(name+"/"+format, func(t *testing.T) {
				for _, problem := range validators[format](mustRender(t, def, items, format)) {
					t.Error(problem)
				}
			})
		}
	}
}

func TestRSSDatesAreRFC822(t *testing.T) {
	var p problems
	p.rfc822("d", "Fri, 03 May 2024 09:30:15 +0000")
	p.rfc822("d", "Fri, 03 May 2024 09:30:15 GMT")
	if len(p) != 0 {
		t.Errorf("valid dates rejected: %q", p)
	}
	for _, bad := range []string{"2024-05-03T09:30:15Z", "Fri, 03 May 24 09:30:15 +0000", "Fri, 03 May 2024 09:30:15 PKT"} {
		var p problems
		p.rfc822("d", bad)
		if len(p) == 0 {
			t.Errorf("%q accepted", bad)
		}
	}
}

// TestValidatorsCatchBrokenFeeds breaks a valid rendering in one way at a
// time: each validator must notice.
func TestValidatorsCatchBrokenFeeds(t *testing.T) {
	cases := []struct {
		name, format, old, new string
	}{
		{"RSSWithoutChannelLink", "rss", "<link>https://news.example.org/</link>", ""},
		{"RSSWithoutSelfLink", "rss", `rel="self"`, `rel="next"`},
		{"RSSGuidMarkedPermalink", "rss", `isPermaLink="false"`, `isPermaLink="true"`},
		{"RSSSourceWithoutURL", "rss", `<source url="https://www.dawn.com/feeds/home">`, `<source>`},
		{"RSSISODate", "rss", "<pubDate>Fri, 03 May 2024 09:30:15 +0000</pubDate>\n      <category>", "<pubDate>2024-05-03T09:30:15Z</pubDate>\n      <category>"},
		{"RSSEnclosureWithoutLength", "rss", `length="0" type="image/png"`, `type="image/png"`},
		{"RSSRelativeMediaContent", "rss", `<media:content url="https://jang.com.pk/`, `<media:content url="/`},
		{"AtomCategoryWithoutTerm", "atom", `<category term="security">`, `<category label="security">`},
		{"AtomWithoutFeedUpdated", "atom", "<updated>2024-05-03T11:00:00Z</updated>\n  <subtitle>", "<subtitle>"},
		{"AtomWithoutAuthors", "atom", "<author>", "<contributor>"},
		{"AtomWithoutAlternate", "atom", `rel="alternate" type="text/html"`, `rel="related" type="text/html"`},
		{"JSONFeedVersion1", "json", "https://jsonfeed.org/version/1.1", "https://jsonfeed.org/version/1"},
		{"JSONFeedWithoutItemID", "json", `"id": "tag:news.example.org,2024:story:s8def",`, ""},
		{"JSONFeedTagsAsString", "json", "\"tags\": [\n        \"cpec\"\n      ]", `"tags": "cpec"`},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			doc := string(mustRender(t, testDef, fixtureItems(), c.format))
			if !strings.Contains(doc, c.old) {
				t.Fatalf("rendering has no %q to break", c.old)
			}
			broken := strings.Replace(doc, c.old, c.new, -1)
			if got := validators[c.format]([]byte(broken)); len(got) == 0 {
				t.Errorf("breaking %q went unnoticed", c.old)
			}
		})
	}
}
