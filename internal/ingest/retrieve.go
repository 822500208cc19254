package ingest

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"runtime"
	"sync"
	"time"

	"aggregator/internal/dedup"
	"aggregator/internal/fetch"
	"aggregator/internal/model"
	"aggregator/internal/normalize"
	"aggregator/internal/parse"
	"aggregator/internal/redact"
	"aggregator/internal/store"
)

// document is a fetched and parsed feed, whose entries become items a
// batch at a time (store).
type document struct {
	entries []model.Entry
	feedURL string        // where the feed came from (base of relative links)
	ttl     time.Duration // the feed's own refresh hint
	release func()        // gives back the processing turn, once stored
}

// retrieve fetches the source (following one autodiscovery link when the
// URL is an HTML page) and parses it. A feed
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
	room, err := p.fetched.wait(ctx)
	if err != nil {
		return document{}, nil, fmt.Errorf("waiting to fetch %s: %w", redact.URL(target), err)
	}
	resp, err = p.get(ctx, fetch.Request{URL: target, ETag: st.ETag, LastModified: st.LastModified})
	if err != nil || resp.NotModified {
		room()
		return document{}, resp, err
	}
	release, err := p.turns.wait(ctx)
	if err != nil {
		room()
		return document{}, nil, fmt.Errorf("waiting to process %s: %w", resp.URL, err)
	}
	defer func() {
		if err != nil {
			release()
			room()
		} else {
			doc.release = func() { release(); room() }
		}
	}()
	feed, err := parse.Parse(resp.Body, resp.ContentType, resp.URL)
	var nf *parse.NotFeedError
	if errors.As(err, &nf) && len(nf.Alternates) > 0 {
		// An HTML page that names its feed: follow it once.
		alt := nf.Alternates[0]
		if p.opts.Client.RefusesLink(alt, resp.URL) {
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
				slog.String("page", redact.URL(target)), slog.String("feed", redact.URL(alt)))
		}
	}
	if err != nil {
		return document{}, nil, fmt.Errorf("parsing %s: %w", resp.URL, err)
	}
	return document{entries: feed.Entries, feedURL: resp.URL, ttl: feed.TTL}, resp, nil
}

// batchSize is how many entries of a document are turned into items and
// stored together: a feed of 100,000 items is held whole only as parsed
// entries, each batch's items (their text, topics and fingerprints) being
// made, stored in a transaction of their own, and let go in turn.
const batchSize = 2000

// stored is what storing a document's items did.
type stored struct {
	store.SaveResult
	repeated int            // entries whose identity repeated an earlier one in the same document
	refused  map[string]int // entries that could not be stored, by reason (normalize.Refused)
}

// store turns the document's entries into tagged, fingerprinted items and
// stores them with the source's state st, a batch at a time; the state
// goes with the last batch, so that a failure half-way leaves the
// validators as they were and the next run fetches the whole feed again
// (what was stored then counts as unchanged).
func (p *Pipeline) store(ctx context.Context, src model.Source, st model.SourceState, doc document, now time.Time) (stored, error) {
	out := stored{SaveResult: store.SaveResult{Changed: map[string]bool{}}, refused: map[string]int{}}
	seen := make(map[string]bool, len(doc.entries))
	articles := p.opts.FullTextPerRun
	for lo := 0; lo == 0 || lo < len(doc.entries); lo += batchSize {
		hi := min(lo+batchSize, len(doc.entries))
		items, repeated := p.items(src, doc.entries[lo:hi], doc.feedURL, now, seen, out.refused)
		clear(doc.entries[lo:hi]) // let the parsed entries go
		out.repeated += repeated
		known, err := p.storedHashes(ctx, src.ID, items)
		if err != nil {
			// Everything is treated as new: more work, the same result.
			p.opts.Logger.Warn("reading stored items", slog.String("source", src.ID), slog.Any("error", err))
		}
		if src.FullText && err == nil {
			p.fullText(ctx, src, doc.feedURL, items, known, &articles)
		}
		p.classify(src, items, known)
		f := store.Fetch{Items: items, Window: p.window(), Match: p.match(), Prepare: dedup.Prepare, Now: now}
		if hi == len(doc.entries) {
			st.Refused = out.refused
			f.State = st
		}
		saved, err := p.opts.Store.SaveFetch(ctx, f)
		if err != nil {
			return out, err
		}
		out.New += saved.New
		out.Updated += saved.Updated
		out.Unchanged += saved.Unchanged
		out.Joined += saved.Joined
		for t := range saved.Changed {
			out.Changed[t] = true
		}
		out.Version = max(out.Version, saved.Version)
	}
	return out, nil
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

// items normalises parsed entries, keeping the first of entries with the
// same identity (seen holds the identities of the document's earlier
// batches); repeated counts the others, refused (by reason) those that
// cannot be stored.
func (p *Pipeline) items(src model.Source, entries []model.Entry, feedURL string, now time.Time, seen map[string]bool,
	refused map[string]int) (items []model.Item, repeated int) {
	normalized := make([]model.Item, len(entries))
	inParallel(len(entries), func(i int) { normalized[i] = normalize.Item(src, entries[i], feedURL, now) })
	items = normalized[:0]
	for _, it := range normalized {
		if reason := normalize.Refused(it); reason != "" {
			refused[reason]++
			continue
		}
		if seen[it.Key] {
			repeated++
			continue
		}
		seen[it.Key] = true
		items = append(items, it)
	}
	return items, repeated
}

// classify tags and fingerprints items, once their text is final.
func (p *Pipeline) classify(src model.Source, items []model.Item, stored map[string]string) {
	tagger := p.Tagger()
	inParallel(len(items), func(i int) {
		it := &items[i]
		if h, ok := stored[it.Key]; ok && h == it.Hash {
			return // stored unchanged: topics and fingerprint would be thrown away
		}
		if tagger != nil {
			if p.opts.BeforeTagging != nil {
				p.before.Do(p.opts.BeforeTagging)
			}
			it.Topics = tagger.Tag(it, src)
		}
		it.Fingerprint = dedup.Fingerprint(it)
	})
}

// parallelFrom is the number of items from which a document's items are
// normalised, tagged and fingerprinted on every CPU: a feed of thousands
// of items would otherwise take one CPU for seconds while the others wait
// (a cold start of many small feeds keeps them busy anyway).
const parallelFrom = 256

// inParallel calls fn(0) … fn(n-1), on GOMAXPROCS goroutines when n is
// at least parallelFrom, each taking a contiguous share.
func inParallel(n int, fn func(i int)) {
	workers := min(runtime.GOMAXPROCS(0), n/(parallelFrom/2))
	if n < parallelFrom || workers < 2 {
		for i := range n {
			fn(i)
		}
		return
	}
	var wg sync.WaitGroup
	for w := range workers {
		lo, hi := w*n/workers, (w+1)*n/workers
		wg.Go(func() {
			for i := lo; i < hi; i++ {
				fn(i)
			}
		})
	}
	wg.Wait()
}
