package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"

	"aggregator/internal/model"
)

// ItemByURL returns, with its topics and story, the earliest-seen item
// whose canonical URL is url, or else whose link as the feed gave it is;
// ErrNotFound when none is. Several sources may carry one canonical URL:
// the earliest seen is the story's face, the one a published feed shows.
func (s *DB) ItemByURL(ctx context.Context, url string) (model.Item, error) {
	if url == "" {
		return model.Item{}, fmt.Errorf("item with URL %q: %w", url, ErrNotFound)
	}
	id, err := firstItemID(ctx, s.read, `SELECT id FROM items WHERE url = ? AND url <> ''
		ORDER BY first_seen, id LIMIT 1`, url)
	if errors.Is(err, sql.ErrNoRows) {
		// The link as given is not indexed: a scan, but this is a lookup
		// a person makes, not one the pipeline does.
		id, err = firstItemID(ctx, s.read, `SELECT id FROM items WHERE raw_url = ?
			ORDER BY first_seen, id LIMIT 1`, url)
	}
	if errors.Is(err, sql.ErrNoRows) {
		return model.Item{}, fmt.Errorf("item with URL %s: %w", url, ErrNotFound)
	}
	if err != nil {
		return model.Item{}, fmt.Errorf("item with URL %s: %w", url, err)
	}
	return s.Item(ctx, id)
}

func firstItemID(ctx context.Context, db *pool, query string, arg any) (int64, error) {
	var id int64
	err := db.QueryRowContext(ctx, query, arg).Scan(&id)
	return id, err
}
