package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"slices"

	"aggregator/internal/model"
)

// SetTopics replaces the topics of the given items, in one transaction,
// and recomputes their stories' topics. Items no longer stored are skipped.
func (s *DB) SetTopics(ctx context.Context, topics map[int64][]model.TopicMatch) error {
	ids := make([]int64, 0, len(topics))
	for id := range topics {
		ids = append(ids, id)
	}
	slices.Sort(ids)
	err := s.inWriteTx(ctx, func(tx *wtx) error {
		stories := map[int64]bool{}
		for _, id := range ids {
			var published, story int64
			err := tx.QueryRowContext(ctx, `SELECT published, COALESCE(story_id, 0) FROM items WHERE id = ?`, id).
				Scan(&published, &story)
			if errors.Is(err, sql.ErrNoRows) {
				continue
			}
			if err != nil {
				return fmt.Errorf("item %d: %w", id, err)
			}
			if err := putItemTopics(ctx, tx, id, published, topics[id], true); err != nil {
				return fmt.Errorf("item %d: %w", id, err)
			}
			stories[story] = true
		}
		if len(stories) == 0 { // none of the items is stored
			return nil
		}
		if err := refreshStories(ctx, tx, stories, nil); err != nil {
			return err
		}
		_, err := bumpVersion(ctx, tx)
		return err
	})
	if err != nil {
		return fmt.Errorf("set topics: %w", err)
	}
	return nil
}

// refreshStories refreshes every story in the set, in id order, adding
// their topics before and after to changed (when not nil).
func refreshStories(ctx context.Context, tx *wtx, set map[int64]bool, changed map[string]bool) error {
	ids := make([]int64, 0, len(set))
	for id := range set {
		if id != 0 {
			ids = append(ids, id)
		}
	}
	slices.Sort(ids)
	for _, id := range ids {
		if err := refreshStory(ctx, tx, id, changed); err != nil {
			return err
		}
	}
	return nil
}
