package store

import (
	"context"
	"fmt"
	"slices"
	"strings"
	"time"
)

// TopicCounts counts per topic the stored items carrying it: in all, and
// first seen at or after each time of since. A window counts by first
// seen, not published: an item a source backdates still counts when it
// arrives, and a window's count only ever grows between prunes. Both
// counts read one snapshot; the totals come off the (topic, published)
// index, the windows off (first_seen, id) joined to item_topics' key.
func (s *DB) TopicCounts(ctx context.Context, since []time.Time) (map[string]TopicCount, error) {
	tx, err := s.read.readTx(ctx, s.d.snapshot)
	if err != nil {
		return nil, fmt.Errorf("topic counts: %w", err)
	}
	defer tx.Rollback()
	out := map[string]TopicCount{}
	if err := topicTotals(ctx, tx, out, len(since)); err != nil {
		return nil, fmt.Errorf("topic counts: %w", err)
	}
	if len(since) > 0 {
		if err := topicWindows(ctx, tx, s.d, out, since); err != nil {
			return nil, fmt.Errorf("topic counts: %w", err)
		}
	}
	return out, nil
}

// topicTotals fills each topic's Total, with windows room for the
// window counts.
func topicTotals(ctx context.Context, q querier, out map[string]TopicCount, windows int) error {
	rows, err := q.QueryContext(ctx, `SELECT topic, COUNT(*) FROM item_topics GROUP BY topic`)
	if err != nil {
		return err
	}
	defer rows.Close()
	for rows.Next() {
		var (
			topic string
			n     int
		)
		if err := rows.Scan(&topic, &n); err != nil {
			return err
		}
		out[topic] = TopicCount{Total: n, Since: make([]int, windows)}
	}
	return rows.Err()
}

// topicWindows fills each topic's Since counts in one pass over the items
// first seen since the earliest of since.
func topicWindows(ctx context.Context, q querier, d *dialect, out map[string]TopicCount, since []time.Time) error {
	query, args := topicWindowsQuery(d, since)
	rows, err := q.QueryContext(ctx, query, args...)
	if err != nil {
		return err
	}
	defer rows.Close()
	counts := make([]int, len(since))
	dest := make([]any, 0, len(since)+1)
	for rows.Next() {
		var topic string
		dest = append(dest[:0], &topic)
		for i := range counts {
			dest = append(dest, &counts[i])
		}
		if err := rows.Scan(dest...); err != nil {
			return err
		}
		tc := out[topic] // one snapshot: every windowed topic has a total
		tc.Since = slices.Clone(counts)
		out[topic] = tc
	}
	return rows.Err()
}

// topicWindowsQuery counts per topic the items first seen at or after
// each of since, restricted to the earliest of them so that the
// first_seen index bounds the scan.
func topicWindowsQuery(d *dialect, since []time.Time) (string, []any) {
	var b strings.Builder
	b.WriteString(`SELECT t.topic`)
	args := make([]any, 0, len(since)+1)
	for _, at := range since {
		b.WriteString(`, COUNT(*) FILTER (WHERE i.first_seen >= ?)`)
		args = append(args, toMS(at))
	}
	earliest := slices.MinFunc(since, time.Time.Compare)
	b.WriteString(` FROM items i` + d.indexedBy("items_first_seen") + ` JOIN item_topics t ON t.item_id = i.id
		WHERE i.first_seen >= ? GROUP BY t.topic`)
	return b.String(), append(args, toMS(earliest))
}
