package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"

	"aggregator/internal/model"
)

// maxCandidates caps the near-duplicate candidates handed to a StoryMatch:
// the items sharing the most buckets, then the most recently first seen.
// The faces of their stories come on top (withFaces), at most as many.
const maxCandidates = 200

// perBucketCandidates caps the items one fingerprint bucket contributes to
// the candidates (its most recently first-seen): the bound that keeps the
// lookup's cost flat however full a bucket grows.
const perBucketCandidates = 50

// SaveFetch stores one fetch of one source in one transaction.
func (s *SQLite) SaveFetch(ctx context.Context, f Fetch) (SaveResult, error) {
	if f.Now.IsZero() {
		f.Now = s.clock()
	}
	f.Now = f.Now.UTC()
	res := SaveResult{Changed: map[string]bool{}}
	err := s.inWriteTx(ctx, func(tx *wtx) error {
		if err := ensureSource(ctx, tx, f.State.SourceID); err != nil {
			return err
		}
		touched := map[int64]bool{}
		var indexed []model.Item
		for _, item := range f.Items { // a copy: the caller's items stay as given
			it := &item
			if it.SourceID == "" {
				it.SourceID = f.State.SourceID
			}
			if it.SourceID != f.State.SourceID {
				if err := ensureSource(ctx, tx, it.SourceID); err != nil {
					return err
				}
			}
			stored, err := saveItem(ctx, tx, f, it, &res, touched)
			if err != nil {
				return fmt.Errorf("item %q of %s: %w", it.Key, it.SourceID, err)
			}
			if stored {
				indexed = append(indexed, *it)
			}
		}
		// The full-text index is written last: FTS5 flushes its pending
		// terms whenever another statement opens a savepoint.
		for _, it := range indexed {
			if err := ftsPut(ctx, tx, it.ID, it.Title, it.SummaryText, it.ContentText); err != nil {
				return err
			}
		}
		if f.State.SourceID != "" {
			if err := putSourceState(ctx, tx, f.State); err != nil {
				return err
			}
		}
		if err := refreshStories(ctx, tx, touched, res.Changed); err != nil {
			return err
		}
		if res.New+res.Updated == 0 { // joined items are new ones
			return nil
		}
		v, err := bumpVersion(ctx, tx)
		res.Version = v
		return err
	})
	if err != nil {
		return SaveResult{}, fmt.Errorf("save fetch of %s: %w", f.State.SourceID, err)
	}
	return res, nil
}

// saveItem upserts one item and, when it is new, chooses its story;
// stored reports whether it was inserted or updated (and must be indexed).
func saveItem(ctx context.Context, tx *wtx, f Fetch, it *model.Item, res *SaveResult, touched map[int64]bool) (stored bool, err error) {
	if it.Key == "" {
		return false, errors.New("empty item key")
	}
	if it.Published.IsZero() || it.Published.After(f.Now) {
		it.Published = f.Now
	}
	cats, err := jsonText(it.Categories)
	if err != nil {
		return false, err
	}
	var (
		id        int64
		firstSeen int64
		storyID   sql.NullInt64
		published int64
	)
	err = tx.QueryRowContext(ctx, upsertItemSQL,
		it.SourceID, it.Key, it.GUID, it.URL, it.RawURL, it.Title, it.Summary, it.Content, it.Author, cats,
		it.ImageURL, it.SummaryText, it.ContentText, toMS(it.Published), nullMS(it.Updated), toMS(f.Now),
		it.Hash, it.Fingerprint.Sig, it.TitleDerived,
	).Scan(&id, &firstSeen, &storyID, &published)
	if errors.Is(err, sql.ErrNoRows) {
		res.Unchanged++
		return false, nil
	}
	if err != nil {
		return false, fmt.Errorf("upsert: %w", err)
	}
	it.ID, it.FirstSeen, it.Published = id, fromMS(firstSeen), fromMS(published)
	for _, tm := range it.Topics {
		res.Changed[tm.Topic] = true
	}
	if err := putItemTopics(ctx, tx, id, published, it.Topics); err != nil {
		return false, err
	}
	if err := putBuckets(ctx, tx, id, firstSeen, it.Fingerprint.Buckets); err != nil {
		return false, err
	}
	if storyID.Valid { // a correction: same id, first_seen and story
		res.Updated++
		touched[storyID.Int64] = true
		return true, nil
	}
	res.New++
	story, joined, err := chooseStory(ctx, tx, f, it)
	if err != nil {
		return false, err
	}
	if joined {
		res.Joined++
	}
	if _, err := tx.ExecContext(ctx, `UPDATE items SET story_id = ? WHERE id = ?`, story, id); err != nil {
		return false, fmt.Errorf("set story: %w", err)
	}
	it.Story.ID = story
	touched[story] = true
	return true, nil
}

// ensureSource makes sure a sources row exists for id, so that items and
// state of a source not (yet) configured can be stored.
func ensureSource(ctx context.Context, tx *wtx, id string) error {
	if id == "" {
		return nil
	}
	if _, err := tx.ExecContext(ctx, `INSERT INTO sources (id) VALUES (?) ON CONFLICT (id) DO NOTHING`, id); err != nil {
		return fmt.Errorf("ensure source %s: %w", id, err)
	}
	return nil
}

// putItemTopics replaces the topics of an item.
func putItemTopics(ctx context.Context, tx *wtx, id, published int64, topics []model.TopicMatch) error {
	if _, err := tx.ExecContext(ctx, `DELETE FROM item_topics WHERE item_id = ?`, id); err != nil {
		return fmt.Errorf("clear topics: %w", err)
	}
	for _, tm := range topics {
		terms, err := jsonText(tm.Terms)
		if err != nil {
			return err
		}
		hits, err := jsonText(tm.Hits)
		if err != nil {
			return err
		}
		if _, err := tx.ExecContext(ctx, `INSERT INTO item_topics (item_id, topic, terms, hits, published)
			VALUES (?, ?, ?, ?, ?) ON CONFLICT (item_id, topic) DO UPDATE SET terms = excluded.terms, hits = excluded.hits`,
			id, tm.Topic, terms, hits, published); err != nil {
			return fmt.Errorf("put topic %s: %w", tm.Topic, err)
		}
	}
	return nil
}

// putBuckets replaces the fingerprint buckets of an item.
func putBuckets(ctx context.Context, tx *wtx, id, firstSeen int64, buckets []int64) error {
	if _, err := tx.ExecContext(ctx, `DELETE FROM item_buckets WHERE item_id = ?`, id); err != nil {
		return fmt.Errorf("clear buckets: %w", err)
	}
	for _, b := range buckets {
		if _, err := tx.ExecContext(ctx, `INSERT INTO item_buckets (item_id, bucket, first_seen)
			VALUES (?, ?, ?) ON CONFLICT (item_id, bucket) DO NOTHING`, id, b, firstSeen); err != nil {
			return fmt.Errorf("put bucket: %w", err)
		}
	}
	return nil
}
