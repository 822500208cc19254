// Package normalize turns parsed feed entries into normalised items: plain
// titles, canonical URLs, sanitised HTML with absolute links, plain text for
// matching, a stable identity key and a digest that changes when the
// publisher corrects the entry.
package normalize

import (
	"crypto/sha256"
	"encoding/hex"
	"net/url"
	"strings"
	"time"

	"aggregator/internal/model"
)

// FutureTolerance is how far in the future a published date may lie before
// it is distrusted (clock skew between us and the publisher).
const FutureTolerance = 10 * time.Minute

// Item turns a parsed entry of src into a normalised item. feedURL is the URL
// the feed was fetched from (base for relative links when the entry link is
// relative). now is the first-seen time. An entry without a title gets one
// derived from its text (TitleDerived); one without a link links to the
// feed's site (RawURL only: no canonical URL, which would join every such
// item into one story). Refused says whether the item can be stored.
func Item(src model.Source, e model.Entry, feedURL string, now time.Time) model.Item {
	raw := resolveLink(e.Link, feedURL)
	canonical := CanonicalURL(raw, "")
	if raw == "" {
		raw = resolveLink(e.SiteLink, feedURL)
	}
	base := raw
	if base == "" {
		base = feedURL
	}
	it := model.Item{
		SourceID:   src.ID,
		Key:        Key(src, e, canonical),
		GUID:       strings.TrimSpace(e.GUID),
		URL:        canonical,
		RawURL:     raw,
		Title:      withoutOutletSuffix(withoutOutletSuffix(Title(e.Title), src.Title), e.Outlet),
		Summary:    Sanitize(e.Summary, base),
		Content:    Sanitize(e.Content, base),
		Author:     Title(e.Author),
		Categories: categories(e.Categories),
		ImageURL:   imageURL(e.ImageURL, base),
		Published:  published(e, now),
		Updated:    e.Updated,
		FirstSeen:  now,
	}
	it.SummaryText = Text(it.Summary)
	it.ContentText = Text(it.Content)
	if it.Title == "" {
		it.Title = derivedTitle(it.SummaryText)
		if it.Title == "" {
			it.Title = derivedTitle(it.ContentText)
		}
		it.TitleDerived = it.Title != ""
	}
	it.Hash = Hash(it)
	return it
}

// Texts fills the plain texts of an item read back from the store, which
// keeps only the sanitised HTML they are derived from.
func Texts(it *model.Item) {
	if it.SummaryText == "" {
		it.SummaryText = Text(it.Summary)
	}
	if it.ContentText == "" {
		it.ContentText = Text(it.Content)
	}
}

// Hash is the hex SHA-256 of an item's visible fields (title, URL, summary,
// content, categories): a correction at the source changes it.
func Hash(it model.Item) string {
	h := sha256.New()
	for _, s := range []string{it.Title, it.URL, it.Summary, it.Content} {
		h.Write([]byte(s))
		h.Write([]byte{0})
	}
	for _, c := range it.Categories {
		h.Write([]byte(c))
		h.Write([]byte{1})
	}
	return hex.EncodeToString(h.Sum(nil))
}

// resolveLink makes the entry's link absolute against the feed URL,
// otherwise untouched.
func resolveLink(link, feedURL string) string {
	link = strings.TrimSpace(link)
	if link == "" {
		return ""
	}
	u, err := url.Parse(link)
	if err != nil {
		return link
	}
	if b, err := url.Parse(strings.TrimSpace(feedURL)); err == nil && !u.IsAbs() {
		u = b.ResolveReference(u)
	}
	return u.String()
}

// published is the entry's date, else its updated date; now when it has
// neither or claims a time more than FutureTolerance ahead of now.
func published(e model.Entry, now time.Time) time.Time {
	d := entryDate(e)
	if d.IsZero() || d.After(now.Add(FutureTolerance)) {
		return now
	}
	return d
}

// categories are the entry's categories as plain text, trimmed, without
// empties and without repeats (compared caselessly; the first spelling wins).
func categories(in []string) []string {
	var out []string
	seen := make(map[string]bool, len(in))
	for _, c := range in {
		c = Title(c)
		k := foldTitle(c)
		if c == "" || seen[k] {
			continue
		}
		seen[k] = true
		out = append(out, c)
	}
	return out
}

// imageURL resolves an image link against the article and keeps it only
// when it is an absolute http(s) URL with a host; "" otherwise.
func imageURL(raw, base string) string {
	raw = strings.TrimSpace(raw)
	if raw == "" {
		return ""
	}
	u, err := url.Parse(raw)
	if err != nil {
		return ""
	}
	if b, err := url.Parse(base); err == nil && !u.IsAbs() {
		u = b.ResolveReference(u)
	}
	if u.Scheme != "http" && u.Scheme != "https" || u.Host == "" {
		return ""
	}
	return u.String()
}
