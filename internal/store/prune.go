package store

import (
	"context"
	"fmt"
	"sync"
	"time"
)

// Prune removes items first seen before the cutoff, in batches of one
// transaction each. Their stories stay whole: the face moves to the next
// earliest member, and a story left without members is deleted.
func (s *DB) Prune(ctx context.Context, before time.Time) (int, error) {
	total := 0
	for {
		n, err := s.pruneOnce(ctx, toMS(before))
		total += n
		if err != nil {
			return total, fmt.Errorf("prune: %w", err)
		}
		if n < s.batch {
			if total > 0 && s.fts.due(s.clock()) {
				if err := s.compactFTS(ctx); err != nil {
					return total, fmt.Errorf("prune: %w", err)
				}
			}
			return total, nil
		}
	}
}

// compactFTS merges the full-text index's segments into one. FTS5 keeps a
// deleted row as a tombstone in a new segment until a merge reaches the
// oldest one, which its incremental merging seldom does: under retention,
// with each day's prune deleting as much as the fetches add, the index
// otherwise grows without end (a simulated year: 4x, the items constant).
// Merging all of it rewrites the index (about a second at 55,000 items),
// so Prune does it at most once per ftsCompactEvery.
func (s *DB) compactFTS(ctx context.Context) error {
	if s.d.ftsCompact == "" {
		return nil
	}
	return s.inWriteTx(ctx, func(tx *wtx) error {
		if _, err := tx.ExecContext(ctx, s.d.ftsCompact); err != nil {
			return fmt.Errorf("compact the full-text index: %w", err)
		}
		return nil
	})
}

func (s *DB) pruneOnce(ctx context.Context, before int64) (int, error) {
	n := 0
	err := s.inWriteTx(ctx, func(tx *wtx) error {
		rows, err := tx.QueryContext(ctx, `SELECT id, COALESCE(story_id, 0), source_id FROM items
			WHERE first_seen < ? ORDER BY first_seen, id LIMIT ?`, before, s.batch)
		if err != nil {
			return fmt.Errorf("select: %w", err)
		}
		var ids []int64
		stories := map[int64]bool{}
		perSource := map[string]int{}
		for rows.Next() {
			var id, story int64
			var source string
			if err := rows.Scan(&id, &story, &source); err != nil {
				rows.Close()
				return fmt.Errorf("select: %w", err)
			}
			ids = append(ids, id)
			stories[story] = true
			perSource[source]++
		}
		rows.Close()
		if err := rows.Err(); err != nil {
			return fmt.Errorf("select: %w", err)
		}
		if len(ids) == 0 {
			return nil
		}
		if err := ftsDelete(ctx, tx, ids); err != nil {
			return err
		}
		// item_topics go with their items (ON DELETE CASCADE).
		if _, err := tx.ExecContext(ctx, `DELETE FROM items WHERE id IN (`+placeholders(len(ids))+`)`,
			anyArgs(ids)...); err != nil {
			return fmt.Errorf("delete: %w", err)
		}
		n = len(ids)
		for src, k := range perSource {
			if _, err := tx.ExecContext(ctx, `UPDATE sources SET item_count = item_count - ? WHERE id = ?`, k, src); err != nil {
				return fmt.Errorf("count items of %s: %w", src, err)
			}
		}
		if err := refreshStories(ctx, tx, stories, nil); err != nil {
			return err
		}
		_, err = bumpVersion(ctx, tx)
		return err
	})
	if err != nil {
		return 0, err
	}
	return n, nil
}

// ftsCompactEvery is the least time between two compactions of the
// full-text index; prunes in between leave their tombstones to the next.
const ftsCompactEvery = 24 * time.Hour

// compactClock, SQLite.fts, remembers when the store last compacted the
// full-text index; its zero value has never.
type compactClock struct {
	mu   sync.Mutex
	last time.Time
}

// due reports whether a compaction is due at now, and if so counts it done.
func (c *compactClock) due(now time.Time) bool {
	c.mu.Lock()
	defer c.mu.Unlock()
	if !c.last.IsZero() && now.Sub(c.last) < ftsCompactEvery {
		return false
	}
	c.last = now
	return true
}
