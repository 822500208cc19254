package publish

import (
	"bytes"
	"encoding/xml"
	"fmt"
	"time"

	"github.com/gorilla/feeds"
)

// Namespaces the RSS document declares besides content (which gorilla
// declares).
const (
	nsAtom = "http://www.w3.org/2005/Atom"
	nsDC   = "http://purl.org/dc/elements/1.1/"
)

// rssDoc is gorilla's <rss> root with the atom and dc namespaces and our
// channel.
type rssDoc struct {
	feeds.RssFeedXml
	AtomNS  string      `xml:"xmlns:atom,attr"`
	DCNS    string      `xml:"xmlns:dc,attr"`
	MediaNS string      `xml:"xmlns:media,attr"`
	Channel *rssChannel `xml:"channel"`
}

// FeedXml makes rssDoc a feeds.XmlFeed.
func (d *rssDoc) FeedXml() any { return d }

// rssChannel is gorilla's channel with atom:link self and hub links and
// our items.
type rssChannel struct {
	*feeds.RssFeed
	AtomLinks []atomLinkNS `xml:"atom:link"`
	Items     []*rssItem   `xml:"item"`
}

// atomLinkNS is an Atom link inside an RSS document.
type atomLinkNS struct {
	Href string `xml:"href,attr"`
	Rel  string `xml:"rel,attr"`
	Type string `xml:"type,attr,omitempty"`
}

// rssItem is gorilla's item (with the image as an enclosure) with one
// category per topic, a source with its url attribute, dc:creator
// crediting the source and the image again as media:content. Its title,
// link and description replace gorilla's, which are written even when
// empty: an empty <link> is an invalid URL (a story may have no link).
type rssItem struct {
	Title       string `xml:"title,omitempty"`
	Link        string `xml:"link,omitempty"`
	Description string `xml:"description,omitempty"`
	*feeds.RssItem
	Categories []string   `xml:"category"`
	Creator    string     `xml:"dc:creator,omitempty"`
	Source     *rssSource `xml:"source,omitempty"`
	Media      *rssMedia  `xml:"media:content,omitempty"`
}

// rssSource is RSS 2.0's <source url="...">Title</source>.
type rssSource struct {
	URL   string `xml:"url,attr"`
	Title string `xml:",chardata"`
}

// renderRSS writes the feed as RSS 2.0.
func renderRSS(f *feeds.Feed, def Def, opts Options, es []entry) ([]byte, error) {
	ch := (&feeds.Rss{Feed: f}).RssFeed()
	ch.Language = def.Language
	ch.Generator = opts.generator()
	if len(es) == 0 {
		ch.PubDate, ch.LastBuildDate = "", ""
	}
	channel := &rssChannel{
		RssFeed: ch,
		AtomLinks: []atomLinkNS{
			{Href: FeedURL(opts.BaseURL, def.ID, FormatRSS), Rel: "self", Type: "application/rss+xml"},
			{Href: opts.hubURL(), Rel: "hub"},
		},
		Items: make([]*rssItem, len(ch.Items)),
	}
	for i, gi := range ch.Items {
		e := &es[i]
		gi.Author = "" // RSS wants an e-mail address here; dc:creator credits the source
		gi.Description = e.excerptHTML
		gi.PubDate = e.published.Format(time.RFC1123Z)
		it := &rssItem{
			Title:       gi.Title,
			Link:        gi.Link,
			Description: gi.Description,
			RssItem:     gi,
			Categories:  e.categories,
			Creator:     e.credit,
		}
		if e.sourceURL != "" {
			it.Source = &rssSource{URL: e.sourceURL, Title: e.credit}
		}
		if e.imageURL != "" {
			it.Media = &rssMedia{URL: e.imageURL, Type: e.imageType, Medium: "image"}
		}
		channel.Items[i] = it
	}
	doc := &rssDoc{
		RssFeedXml: feeds.RssFeedXml{Version: "2.0", ContentNamespace: "http://purl.org/rss/1.0/modules/content/"},
		AtomNS:     nsAtom,
		DCNS:       nsDC,
		MediaNS:    nsMedia,
		Channel:    channel,
	}
	return writeXML(doc)
}

// writeXML encodes a document as gorilla's WriteXML does, with the XML
// declaration on a line of its own and a final newline.
func writeXML(doc feeds.XmlFeed) ([]byte, error) {
	var buf bytes.Buffer
	buf.Grow(64 << 10)
	buf.WriteString(xml.Header)
	enc := xml.NewEncoder(&buf)
	enc.Indent("", "  ")
	if err := enc.Encode(doc.FeedXml()); err != nil {
		return nil, fmt.Errorf("encode xml: %w", err)
	}
	buf.WriteByte('\n')
	return buf.Bytes(), nil
}
