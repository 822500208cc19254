package publish

import (
	"time"

	"github.com/gorilla/feeds"
)

// atomFeed is gorilla's Atom feed with its language, several links (self,
// alternate, hub), a generator and our entries.
type atomFeed struct {
	*feeds.AtomFeed
	Lang      string           `xml:"xml:lang,attr,omitempty"`
	Links     []feeds.AtomLink `xml:"link"`
	Generator *atomGenerator   `xml:"generator,omitempty"`
	Entries   []*atomEntry     `xml:"entry"`
}

// FeedXml makes atomFeed a feeds.XmlFeed.
func (a *atomFeed) FeedXml() any { return a }

// atomGenerator is Atom's <generator>.
type atomGenerator struct {
	URI     string `xml:"uri,attr,omitempty"`
	Version string `xml:"version,attr,omitempty"`
	Name    string `xml:",chardata"`
}

// atomEntry is gorilla's entry with one category (with its term) per topic
// and the source feed.
type atomEntry struct {
	*feeds.AtomEntry
	Categories []atomCategory `xml:"category"`
	Source     *atomSource    `xml:"source,omitempty"`
}

// atomCategory is Atom's <category term="...">.
type atomCategory struct {
	Term string `xml:"term,attr"`
}

// atomSource is Atom's <source>: the feed an entry was copied from. RFC
// 4287 4.2.11 recommends its id, title and updated; the W3C Feed Validator
// requires them.
type atomSource struct {
	ID      string           `xml:"id"`
	Title   string           `xml:"title"`
	Updated string           `xml:"updated"`
	Links   []feeds.AtomLink `xml:"link"`
}

// plausibleUpdated is the feed's atom:updated for its content time. The W3C
// Feed Validator flags dates before 1990 as implausible, and an empty
// feed's content time is the Unix epoch: such a feed says the start of
// 2024, the date of the tag URIs naming its stories.
func plausibleUpdated(t time.Time) time.Time {
	if t.Year() < 1990 {
		return time.Date(2024, 1, 1, 0, 0, 0, 0, time.UTC)
	}
	return t
}

// renderAtom writes the feed as Atom 1.0.
func renderAtom(f *feeds.Feed, def Def, opts Options, es []entry, updated time.Time) ([]byte, error) {
	af := (&feeds.Atom{Feed: f}).AtomFeed()
	af.Id = trimBase(opts.BaseURL) + "/feeds/" + def.ID
	af.Updated = plausibleUpdated(updated).Format(time.RFC3339)
	af.Author = &feeds.AtomAuthor{AtomPerson: feeds.AtomPerson{Name: def.Title, Uri: opts.homeURL()}}
	doc := &atomFeed{
		AtomFeed: af,
		Lang:     def.Language,
		Links: []feeds.AtomLink{
			{Href: FeedURL(opts.BaseURL, def.ID, FormatAtom), Rel: "self", Type: "application/atom+xml"},
			{Href: opts.homeURL(), Rel: "alternate", Type: "text/html"},
			{Href: opts.hubURL(), Rel: "hub"},
		},
		Generator: &atomGenerator{Name: "aggregator", Version: opts.Version},
		Entries:   make([]*atomEntry, len(af.Entries)),
	}
	for i, ge := range af.Entries {
		e := &es[i]
		ge.Updated = e.updated.Format(time.RFC3339)
		ge.Published = e.published.Format(time.RFC3339)
		ge.Summary = nil
		if e.summaryHTML != "" {
			ge.Summary = &feeds.AtomSummary{Content: e.summaryHTML, Type: "html"}
		}
		ge.Links = atomEntryLinks(ge.Links)
		if ge.Content == nil && !hasAlternate(ge.Links) {
			// RFC 4287 4.1.2: an entry without an alternate link has content.
			ge.Content = &feeds.AtomContent{Content: firstNonEmpty(e.summaryText, e.title), Type: "text"}
		}
		entry := &atomEntry{AtomEntry: ge, Categories: make([]atomCategory, len(e.categories))}
		for j, c := range e.categories {
			entry.Categories[j] = atomCategory{Term: c}
		}
		if e.sourceURL != "" {
			entry.Source = &atomSource{
				ID:      e.sourceURL,
				Title:   e.credit,
				Updated: ge.Updated, // the source had this version then, at the latest
				Links:   []feeds.AtomLink{{Href: e.sourceURL, Rel: "self"}},
			}
		}
		doc.Entries[i] = entry
	}
	return writeXML(doc)
}

// atomEntryLinks keeps gorilla's entry links that have an href (the
// alternate link is empty for a story without a URL) and drops the
// enclosure's length: Atom's is optional, and the size is unknown.
func atomEntryLinks(links []feeds.AtomLink) []feeds.AtomLink {
	out := links[:0]
	for _, l := range links {
		if l.Href == "" {
			continue
		}
		if l.Rel == "enclosure" {
			l.Length = ""
		}
		out = append(out, l)
	}
	if len(out) == 0 {
		return nil
	}
	return out
}

// hasAlternate says whether an entry's links include its alternate (the
// rel Atom assumes when none is given).
func hasAlternate(links []feeds.AtomLink) bool {
	for _, l := range links {
		if l.Rel == "" || l.Rel == "alternate" {
			return true
		}
	}
	return false
}
