package main

import (
	"fmt"
	"html"
	"strings"
)

// The conformance corpus: small documents, each with what we must store,
// generated from the tables below into testdata/conformance (see its
// README.md). Every document is written as a real publisher's would be: a
// news site's RSS, an agency's Atom, a microblog's JSON Feed.

// confCase is one document of the corpus and what it must give.
type confCase struct {
	Name        string     `json:"name"` // file name without extension; the source id
	Group       string     `json:"group"`
	About       string     `json:"about"`
	File        string     `json:"file"`
	ContentType string     `json:"content_type"`
	Error       string     `json:"error,omitempty"` // the fetch fails, its error holding this (case-insensitive)
	Items       []confItem `json:"items"`           // what is stored and published, in any order
	Refused     int        `json:"refused"`         // entries counted as refused
	body        []byte
}

// confItem is one item a document must give.
type confItem struct {
	Title   string `json:"title"`
	Derived bool   `json:"derived,omitempty"` // the title is made from the text
	Text    string `json:"text,omitempty"`    // a phrase its stored text must hold
}

// corpus builds every case.
func corpus() []confCase {
	var cs []confCase
	for _, group := range []func() []confCase{
		formatCases, itemShapeCases, entityCases, encodingCases, breakageCases, sanitizerCases,
	} {
		cs = append(cs, group()...)
	}
	return cs
}

// Content types.
const (
	ctRSS  = "application/rss+xml; charset=utf-8"
	ctAtom = "application/atom+xml"
	ctRDF  = "application/rdf+xml"
	ctXML  = "text/xml"
	ctJSON = "application/feed+json"
	ctHTML = "text/html; charset=utf-8"
)

func wantTitles(ts ...string) []confItem {
	out := make([]confItem, len(ts))
	for i, t := range ts {
		out[i] = confItem{Title: t}
	}
	return out
}

func derived(ts ...string) []confItem {
	out := wantTitles(ts...)
	for i := range out {
		out[i].Derived = true
	}
	return out
}

func doc(group, name, about, contentType, body string, items []confItem) confCase {
	return confCase{Name: name, Group: group, About: about, ContentType: contentType, body: []byte(body), Items: items}
}

// caseList collects the cases of a group.
type caseList struct {
	group string
	cases []confCase
}

// add is a document that must give items, refusing refused entries.
func (l *caseList) add(name, about, contentType, body string, items []confItem, refused int) {
	c := doc(l.group, name, about, contentType, body, items)
	c.Refused = refused
	l.cases = append(l.cases, c)
}

// fail is a document whose fetch must fail with an error holding err.
func (l *caseList) fail(name, about, contentType, body, err string) {
	c := doc(l.group, name, about, contentType, body, nil)
	c.Error = err
	l.cases = append(l.cases, c)
}

// link is the article URL of item n of a case: unique in the corpus, so
// that no two cases' items join one story.
func link(name string, n int) string {
	return fmt.Sprintf("https://news.example.pk/%s/%d", name, n)
}

const (
	nsContent = `xmlns:content="http://purl.org/rss/1.0/modules/content/"`
	nsDC      = `xmlns:dc="http://purl.org/dc/elements/1.1/"`
	nsMedia   = `xmlns:media="http://search.yahoo.com/mrss/"`
	nsAtom    = `xmlns:atom="http://www.w3.org/2005/Atom"`
)

// rss20 is an RSS 2.0 document as a news site writes it.
func rss20(channelExtra string, items ...string) string {
	return `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" ` + nsContent + ` ` + nsDC + ` ` + nsMedia + ` ` + nsAtom + `>
<channel>
<title>Dawn - Home</title>
<link>https://www.dawn.com/</link>
<description>Pakistan's most widely read English daily</description>
<language>en-PK</language>
` + channelExtra + strings.Join(items, "\n") + `
</channel>
</rss>
`
}

// rssItem joins the given elements into an <item>.
func rssItem(elems ...string) string {
	return "<item>\n" + strings.Join(elems, "\n") + "\n</item>"
}

func el(name, text string) string { return "<" + name + ">" + text + "</" + name + ">" }

func esc(s string) string { return html.EscapeString(s) }

// plainItem is an ordinary item: title, link, guid, date, description.
func plainItem(name string, n int, title string) string {
	return rssItem(el("title", esc(title)), el("link", link(name, n)),
		`<guid isPermaLink="true">`+link(name, n)+`</guid>`,
		el("pubDate", "Mon, 02 Mar 2026 0"+fmt.Sprint(n%10)+":15:00 +0500"),
		el("description", esc("<p>"+title+": the details.</p>")))
}

// atom10 is an Atom 1.0 document as an agency writes it.
func atom10(entries ...string) string {
	return `<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="en">
<title>Xinhua | English</title>
<link rel="alternate" href="https://english.news.cn/"/>
<link rel="self" href="https://english.news.cn/feed.atom"/>
<id>tag:english.news.cn,2026:feed</id>
<updated>2026-03-02T08:00:00Z</updated>
` + strings.Join(entries, "\n") + `
</feed>
`
}

func atomEntry(elems ...string) string {
	return "<entry>\n" + strings.Join(elems, "\n") + "\n</entry>"
}

func plainEntry(name string, n int, title string) string {
	return atomEntry(el("title", esc(title)), `<link rel="alternate" href="`+link(name, n)+`"/>`,
		el("id", fmt.Sprintf("tag:english.news.cn,2026:%s-%d", name, n)), el("updated", "2026-03-02T07:00:00Z"),
		el("summary", esc(title+": the details.")))
}

// rdf is an RSS 1.0 document.
func rdf(items ...string) string {
	return `<?xml version="1.0" encoding="utf-8"?>
<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/" ` + nsDC + ` ` + nsContent + `>
<channel rdf:about="https://tribune.com.pk/">
<title>The Express Tribune</title>
<link>https://tribune.com.pk/</link>
<description>Latest news</description>
</channel>
` + strings.Join(items, "\n") + `
</rdf:RDF>
`
}

func rdfItem(about string, elems ...string) string {
	return `<item rdf:about="` + about + `">` + "\n" + strings.Join(elems, "\n") + "\n</item>"
}

func plainRDFItem(name string, n int, title string) string {
	return rdfItem(link(name, n), el("title", esc(title)), el("link", link(name, n)),
		el("dc:date", "2026-03-02T05:00:00+05:00"), el("description", esc(title+": the details.")))
}

// jsonFeed is a JSON Feed 1.1 document; items are JSON objects.
func jsonFeed(items ...string) string {
	return `{
  "version": "https://jsonfeed.org/version/1.1",
  "title": "Micro wire",
  "home_page_url": "https://micro.example.pk/",
  "feed_url": "https://micro.example.pk/feed.json",
  "items": [
    ` + strings.Join(items, ",\n    ") + `
  ]
}
`
}

// jstr is s as a JSON string.
func jstr(s string) string {
	var b strings.Builder
	b.WriteByte('"')
	for _, r := range s {
		switch {
		case r == '"' || r == '\\':
			b.WriteByte('\\')
			b.WriteRune(r)
		case r < 0x20:
			fmt.Fprintf(&b, `\u%04x`, r)
		default:
			b.WriteRune(r)
		}
	}
	b.WriteByte('"')
	return b.String()
}
