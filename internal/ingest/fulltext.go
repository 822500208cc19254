package ingest

import (
	"context"
	"errors"
	"log/slog"
	"net/url"
	"unicode/utf8"

	"aggregator/internal/extract"
	"aggregator/internal/fetch"
	"aggregator/internal/model"
	"aggregator/internal/normalize"
)

// DefaultFullTextPerRun bounds the article pages one run of one full_text
// source fetches: a new source with 200 items must not hammer its site.
const DefaultFullTextPerRun = 20

// pendingMark is appended to the hash of an item whose article page still
// has to be fetched (over the per-run cap, or a transient failure). The
// stored hash then differs from the feed's, so a later run fetches the
// page and stores the full text as an update; until then the item carries
// the feed's own text.
const pendingMark = "+full-text-pending"

// fullText replaces the feed's text of new and corrected items of a
// full_text source (stored maps the keys of stored items to their hashes)
// by the main text of their article pages, and takes a
// page's canonical URL as the item's URL when it is on the same site.
// feedURL is where the feed came from: article links may name a private
// host only when it does.
//
// An item's Hash stays the digest of what the feed said: an unchanged
// entry then matches its stored copy, keeps the full text stored before
// and its page is not fetched again; a correction in the feed changes the
// hash and fetches the page anew. Failures never fail the run: the item
// keeps the feed's text. budget is what is left of the run's pages.
func (p *Pipeline) fullText(ctx context.Context, src model.Source, feedURL string, items []model.Item, stored map[string]string, budget *int) {
	log := p.opts.Logger.With(slog.String("source", src.ID))
	for i := range items {
		it := &items[i]
		h, known := stored[it.Key]
		if known && h == it.Hash {
			continue // stored before, uncorrected: its full text is stored too
		}
		page := articleURL(it)
		switch {
		case page == "":
			continue
		case p.opts.Client.RefusesLink(page, feedURL):
			log.Debug("full text: article link names a private host; not fetched", slog.String("url", page))
			continue
		case *budget <= 0 || ctx.Err() != nil:
			it.Hash += pendingMark
			continue
		}
		*budget--
		if transient := p.article(ctx, log, it, page); transient {
			it.Hash += pendingMark
		}
	}
}

// article fetches one article page into it. It reports whether the fetch
// failed in a way worth retrying on a later run.
func (p *Pipeline) article(ctx context.Context, log *slog.Logger, it *model.Item, page string) (transient bool) {
	resp, err := p.get(ctx, fetch.Request{URL: page})
	if err != nil {
		log.Debug("full text: article not fetched", slog.String("url", page), slog.Any("error", err))
		return fetch.Transient(err) && !errors.Is(err, context.Canceled)
	}
	art, err := extract.Extract(resp.Body, resp.ContentType, resp.URL)
	if art.Canonical != "" && extract.Trusted(art.Canonical, resp.URL) {
		it.URL = normalize.CanonicalURL(art.Canonical, "")
	} else if art.Canonical != "" {
		log.Debug("full text: canonical URL on another site ignored", slog.String("url", page),
			slog.String("canonical", art.Canonical))
	}
	if err != nil {
		log.Debug("full text: no main text", slog.String("url", page), slog.Any("error", err))
		return false
	}
	// A feed that already carries more text than the page yields (a
	// teaser page, a paywall) keeps its own.
	if utf8.RuneCountInString(art.Text) >= utf8.RuneCountInString(it.ContentText) {
		// The text is derived from the HTML as it will be again when the
		// item is read back (retag, explain).
		it.Content, it.ContentText = art.Content, normalize.Text(art.Content)
	}
	return false
}

// articleURL is the page to fetch for an item: its canonical URL (tracking
// parameters removed), else its link, when http(s).
func articleURL(it *model.Item) string {
	for _, raw := range []string{it.URL, it.RawURL} {
		if u, err := url.Parse(raw); err == nil && (u.Scheme == "http" || u.Scheme == "https") && u.Host != "" {
			return raw
		}
	}
	return ""
}
