package publish

import (
	"bytes"
	"encoding/json"
	"fmt"

	"github.com/gorilla/feeds"
)

// jsonFeed is gorilla's JSON Feed whose items are present even when there
// are none, as JSON Feed requires.
type jsonFeed struct {
	*feeds.JSONFeed
	Items []*feeds.JSONItem `json:"items"`
}

// renderJSON writes the feed as JSON Feed 1.1.
func renderJSON(f *feeds.Feed, def Def, opts Options, es []entry) ([]byte, error) {
	jf := (&feeds.JSON{Feed: f}).JSONFeed()
	jf.FeedUrl = FeedURL(opts.BaseURL, def.ID, FormatJSON)
	jf.Language = def.Language
	jf.Hubs = []*feeds.JSONHub{{Type: "WebSub", Url: opts.hubURL()}}
	author := &feeds.JSONAuthor{Name: def.Title, Url: opts.homeURL()}
	jf.Authors = []*feeds.JSONAuthor{author}
	jf.Author = author // JSON Feed 1.0 readers
	doc := jsonFeed{JSONFeed: jf, Items: jf.Items}
	if doc.Items == nil {
		doc.Items = []*feeds.JSONItem{}
	}
	for i, gi := range doc.Items {
		e := &es[i]
		gi.Summary = e.summaryText
		gi.Tags = e.categories
		published, updated := e.published, e.updated
		gi.PublishedDate, gi.ModifiedDate = nil, nil
		if !published.IsZero() {
			gi.PublishedDate = &published
		}
		if !updated.IsZero() {
			gi.ModifiedDate = &updated
		}
		if gi.ContentHTML == "" {
			gi.ContentText = firstNonEmpty(e.summaryText, e.title)
		}
	}
	var buf bytes.Buffer
	buf.Grow(64 << 10)
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	if err := enc.Encode(doc); err != nil {
		return nil, fmt.Errorf("encode json feed: %w", err)
	}
	return buf.Bytes(), nil
}
