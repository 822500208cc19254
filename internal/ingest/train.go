package ingest

import (
	"context"
	"errors"
	"fmt"

	"aggregator/internal/model"
	"aggregator/internal/normalize"
	"aggregator/internal/store"
	"aggregator/internal/tag"
)

// TrainItems bounds the stored items the topic classifiers learn from:
// the newest ones, so that training stays a matter of seconds.
const TrainItems = 5000

// Train teaches the topic classifiers of t (if any) from the store: the
// newest TrainItems stored items, labelled by the rules, and the stored
// items that examples name by URL or id. It returns a warning for each
// such example that is not stored.
func Train(ctx context.Context, st store.Store, t *tag.Tagger, sources []model.Source) ([]string, error) {
	if !t.HasClassifiers() {
		return nil, nil
	}
	c := tag.Corpus{Sources: make(map[string]model.Source, len(sources))}
	for _, s := range sources {
		c.Sources[s.ID] = s
	}
	q := store.ItemQuery{Limit: store.MaxLimit}
	for len(c.Items) < TrainItems {
		page, next, err := st.Items(ctx, q)
		if err != nil {
			return nil, fmt.Errorf("reading stored items to train the topic classifiers: %w", err)
		}
		for i := range page {
			normalize.Texts(&page[i])
		}
		c.Items = append(c.Items, page...)
		if next == "" {
			break
		}
		q.Before = next
	}
	var lookupErr error
	c.Lookup = func(ex model.Example) (model.Item, bool) {
		var it model.Item
		var err error
		if ex.ItemID != 0 {
			it, err = st.Item(ctx, ex.ItemID)
		} else {
			it, err = st.ItemByURL(ctx, normalize.CanonicalURL(ex.URL, ""))
		}
		if err != nil {
			if lookupErr == nil && !errors.Is(err, store.ErrNotFound) {
				lookupErr = err
			}
			return it, false
		}
		normalize.Texts(&it)
		return it, true
	}
	warnings := t.Train(c)
	if lookupErr != nil {
		return nil, fmt.Errorf("reading the stored items topic examples name: %w", lookupErr)
	}
	return warnings, nil
}
