package publish

import (
	"cmp"
	"html"
	"net/url"
	"slices"
	"strings"
	"time"

	"aggregator/internal/model"
)

// entry is what every format says about one story, derived once from the
// story's face.
type entry struct {
	id          string // stable id of the story
	link        string // canonical article URL, percent-encoded as a URI
	title       string
	credit      string // the source's title
	sourceURL   string // the source's feed URL, percent-encoded as a URI
	published   time.Time
	updated     time.Time
	categories  []string // topic ids
	contentHTML string   // full content, then the other outlets
	summaryHTML string   // the face's own summary, HTML; may be empty
	excerptHTML string   // summary, or the start of the content, then the other outlets
	summaryText string   // a plain-text summary
	imageURL    string   // the story's picture, an absolute http(s) URL; may be empty
	imageType   string   // its MIME type, guessed from the URL
}

// excerptRunes bounds the excerpt made from the content when an item has
// no summary.
const excerptRunes = 300

// newEntry derives an entry from a story's face.
func newEntry(it *model.Item, tagAuthority string) entry {
	e := entry{
		id:         storyID(tagAuthority, it),
		link:       uriSafe(firstNonEmpty(it.URL, it.RawURL)),
		title:      xmlSafe(it.Title),
		credit:     xmlSafe(firstNonEmpty(it.SourceTitle, it.SourceID)),
		sourceURL:  uriSafe(it.SourceURL),
		published:  itemDate(it),
		categories: topicIDs(it.Topics),
	}
	if isWebURL(it.ImageURL) {
		e.imageURL = uriSafe(it.ImageURL)
		e.imageType = imageType(e.imageURL)
	}
	e.updated = e.published
	if u := utcSecond(it.Updated); u.After(e.updated) {
		e.updated = u
	}

	// Text is made XML-safe here, once, so that every format carries the
	// same characters.
	others := xmlSafe(alsoReported(it))
	content, summary := xmlSafe(it.Content), xmlSafe(it.Summary)
	e.contentHTML = joinHTML(firstNonEmpty(content, summary), others)
	if content != "" {
		e.summaryHTML = summary
	}

	summaryText := firstNonEmpty(it.SummaryText, plainText(summary))
	if summaryText == "" {
		summaryText = excerpt(firstNonEmpty(it.ContentText, plainText(content)), excerptRunes)
	}
	e.summaryText = xmlSafe(summaryText)
	if summary != "" {
		e.excerptHTML = joinHTML(summary, others)
	} else {
		e.excerptHTML = joinHTML(html.EscapeString(e.summaryText), others)
	}
	return e
}

// storyID is the item's public id: a tag URI naming the story by its key,
// which never changes once published. An item outside any story (which the
// store does not produce) is named by its source and identity instead.
func storyID(tagAuthority string, it *model.Item) string {
	if it.Story.Key != "" {
		return "tag:" + tagAuthority + ",2024:story:" + url.PathEscape(it.Story.Key)
	}
	return "tag:" + tagAuthority + ",2024:item:" + url.PathEscape(it.SourceID) + ":" + url.PathEscape(it.Key)
}

// tagAuthorityOf is the host name of the base URL, the authority of the
// tag URIs naming stories.
func tagAuthorityOf(baseURL string) string {
	if u, err := url.Parse(baseURL); err == nil && u.Hostname() != "" {
		return strings.ToLower(u.Hostname())
	}
	return "localhost"
}

// itemDate is the item's published date, or its first-seen time when it
// has none, in UTC to the second.
func itemDate(it *model.Item) time.Time {
	if !it.Published.IsZero() {
		return utcSecond(it.Published)
	}
	return utcSecond(it.FirstSeen)
}

// utcSecond drops the sub-second part and the location of t, so that a
// render does not depend on how the store returned it.
func utcSecond(t time.Time) time.Time {
	if t.IsZero() {
		return t
	}
	return t.UTC().Truncate(time.Second)
}

// topicIDs lists the ids of the topics, each once, in order.
func topicIDs(ms []model.TopicMatch) []string {
	ids := make([]string, 0, len(ms))
	for _, m := range ms {
		if m.Topic != "" && !slices.Contains(ids, m.Topic) {
			ids = append(ids, m.Topic)
		}
	}
	return ids
}

// alsoReported is the paragraph naming the story's other outlets, with
// links, or "" when the face is the only one.
func alsoReported(it *model.Item) string {
	var b strings.Builder
	n := 0
	for _, m := range it.Story.Members {
		if isFace(it, m) {
			continue
		}
		if n == 0 {
			b.WriteString("<p>Also reported by: ")
		} else {
			b.WriteString(", ")
		}
		n++
		name := html.EscapeString(firstNonEmpty(m.SourceTitle, m.Source, m.URL))
		if isWebURL(m.URL) {
			b.WriteString(`<a href="`)
			b.WriteString(html.EscapeString(uriSafe(m.URL)))
			b.WriteString(`">`)
			b.WriteString(name)
			b.WriteString("</a>")
		} else {
			b.WriteString(name)
		}
	}
	if n > 0 {
		b.WriteString("</p>")
	}
	return b.String()
}

// isFace says whether a story member is the face itself.
func isFace(it *model.Item, m model.StoryMember) bool {
	if it.ID != 0 && m.ItemID != 0 {
		return it.ID == m.ItemID
	}
	return m.Source == it.SourceID && m.URL == it.URL
}

// isWebURL says whether s is an absolute http(s) URL, safe to link to.
func isWebURL(s string) bool {
	u, err := url.Parse(s)
	return err == nil && (u.Scheme == "http" || u.Scheme == "https") && u.Host != ""
}

// joinHTML joins non-empty HTML fragments with a newline.
func joinHTML(parts ...string) string {
	var nonEmpty []string
	for _, p := range parts {
		if p != "" {
			nonEmpty = append(nonEmpty, p)
		}
	}
	return strings.Join(nonEmpty, "\n")
}

// newestOf is the time a feed last changed: the latest published, updated
// or first-seen time among its stories and their members, to the second;
// the Unix epoch for an empty feed. It depends only on the content.
func newestOf(items []model.Item) time.Time {
	var newest time.Time
	consider := func(t time.Time) {
		if t = utcSecond(t); t.After(newest) {
			newest = t
		}
	}
	for i := range items {
		it := &items[i]
		consider(it.Published)
		consider(it.Updated)
		consider(it.FirstSeen)
		for _, m := range it.Story.Members {
			consider(m.FirstSeen)
		}
	}
	if newest.IsZero() {
		return time.Unix(0, 0).UTC()
	}
	return newest
}

// sortNewestFirst orders entries by date, newest first, keeping the given
// order among equals.
func sortNewestFirst(es []entry) {
	slices.SortStableFunc(es, func(a, b entry) int {
		return cmp.Compare(b.published.UnixNano(), a.published.UnixNano())
	})
}
