package ingest

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"time"

	"aggregator/internal/dedup"
	"aggregator/internal/fetch"
	"aggregator/internal/model"
	"aggregator/internal/normalize"
	"aggregator/internal/parse"
)

// document is a fetched feed turned into items ready to store.
type document struct {
	items    []model.Item
	repeated int            // entries whose identity repeated an earlier one in the same document
	refused  map[string]int // entries that could not be stored, by reason (normalize.Refused)
	ttl      time.Duration  // the feed's own refresh hint
	release  func()         // gives back the processing turn, once stored
}

// retrieve fetches the source (following one autodiscovery link when the
// URL is an HTML page) and turns its entries into tagged items. A feed
// found through a page is remembered as the source's permanent URL, like a
// permanent redirect: later fetches go to it directly, with its own
// validators, instead of fetching the page in full every time.
//
// A document with a body waits for a processing turn (Options.MaxProcessing)
// before it is parsed; the turn comes back with the document, for the
// caller to release once it is stored.
func (p *Pipeline) retrieve(ctx context.Context, src model.Source, st model.SourceState) (doc document, resp *fetch.Response, err error) {
	target := src.URL
	if st.PermanentURL != "" {
		target = st.PermanentURL
	}
	resp, err = p.get(ctx, fetch.Request{URL: target, ETag: st.ETag, LastModified: st.LastModified})
	if err != nil || resp.NotModified {
		return document{}, resp, err
	}
	release, err := p.turns.wait(ctx)
	if err != nil {
		return document{}, nil, fmt.Errorf("waiting to process %s: %w", resp.URL, err)
	}
	defer func() {
		if err != nil {
			release()
		} else {
			doc.release = release
		}
	}()
	feed, err := parse.Parse(resp.Body, resp.ContentType, resp.URL)
	var nf *parse.NotFeedError
	if errors.As(err, &nf) && len(nf.Alternates) > 0 {
		// An HTML page that names its feed: follow it once.
		alt := nf.Alternates[0]
		if p.opts.Client.NamesPrivateHost(alt) && !p.opts.Client.NamesPrivateHost(resp.URL) {
			return document{}, nil, fmt.Errorf("parsing %s: %w; its feed link %s names a private host: %w",
				resp.URL, err, alt, fetch.ErrPrivateAddress)
		}
		resp, err = p.get(ctx, fetch.Request{URL: alt})
		if err != nil {
			return document{}, nil, fmt.Errorf("following the page's feed link %s: %w", alt, err)
		}
		feed, err = parse.Parse(resp.Body, resp.ContentType, resp.URL)
		if err == nil && resp.PermanentURL == "" {
			resp.PermanentURL = alt
			p.opts.Logger.Info("found the feed through the page's link", slog.String("source", src.ID),
				slog.String("page", target), slog.String("feed", alt))
		}
	}
	if err != nil {
		return document{}, nil, fmt.Errorf("parsing %s: %w", resp.URL, err)
	}
	doc = p.items(src, feed, resp.URL)
	stored, err := p.storedHashes(ctx, src.ID, doc.items)
	if err != nil {
		// Everything is treated as new: more work, the same result.
		p.opts.Logger.Warn("reading stored items", slog.String("source", src.ID), slog.Any("error", err))
	}
	if src.FullText && err == nil {
		p.fullText(ctx, src, resp.URL, doc.items, stored)
	}
	p.classify(src, doc.items, stored)
	return doc, resp, nil
}

// storedHashes maps the keys of items already stored to their stored
// hashes: an item whose hash matches is stored unchanged, and the store
// ignores everything else about it.
func (p *Pipeline) storedHashes(ctx context.Context, sourceID string, items []model.Item) (map[string]string, error) {
	keys := make([]string, len(items))
	for i, it := range items {
		keys[i] = it.Key
	}
	return p.opts.Store.ItemHashes(ctx, sourceID, keys)
}

func (p *Pipeline) get(ctx context.Context, req fetch.Request) (*fetch.Response, error) {
	if p.opts.Limiter != nil {
		release, err := p.opts.Limiter.Acquire(ctx, req.URL)
		if err != nil {
			return nil, err
		}
		defer release()
	}
	return p.opts.Client.Get(ctx, req)
}

// items normalises a parsed feed's entries, keeping the first of entries
// with the same identity and counting those that cannot be stored.
func (p *Pipeline) items(src model.Source, feed *parse.Feed, feedURL string) document {
	now := p.opts.Clock()
	doc := document{ttl: feed.TTL, items: make([]model.Item, 0, len(feed.Entries))}
	seen := make(map[string]bool, len(feed.Entries))
	for _, e := range feed.Entries {
		it := normalize.Item(src, e, feedURL, now)
		if reason := normalize.Refused(it); reason != "" {
			if doc.refused == nil {
				doc.refused = map[string]int{}
			}
			doc.refused[reason]++
			continue
		}
		if seen[it.Key] {
			doc.repeated++
			continue
		}
		seen[it.Key] = true
		doc.items = append(doc.items, it)
	}
	return doc
}

// classify tags and fingerprints items, once their text is final.
func (p *Pipeline) classify(src model.Source, items []model.Item, stored map[string]string) {
	tagger := p.Tagger()
	for i := range items {
		it := &items[i]
		if h, ok := stored[it.Key]; ok && h == it.Hash {
			continue // stored unchanged: topics and fingerprint would be thrown away
		}
		if tagger != nil {
			it.Topics = tagger.Tag(it, src)
		}
		it.Fingerprint = dedup.Fingerprint(it)
	}
}
