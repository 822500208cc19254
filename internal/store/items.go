package store

import (
	"context"
	"fmt"
	"strings"

	"aggregator/internal/model"
)

// Item limits of a page.
const (
	DefaultLimit = 50
	MaxLimit     = 500
)

// pageLimit applies the default and the maximum to a page size.
func pageLimit(n int) int {
	switch {
	case n <= 0:
		return DefaultLimit
	case n > MaxLimit:
		return MaxLimit
	}
	return n
}

// Items lists stored items newest first (published, then id), filtered
// by topic, source and full text, with their topics and stories. next is
// the cursor of the following page, "" at the end. A search fills each
// item's Snippet.
func (s *DB) Items(ctx context.Context, q ItemQuery) ([]model.Item, string, error) {
	limit := pageLimit(q.Limit)
	query, args, ok, err := itemsQuery(s.d, q, limit+1)
	if err != nil || !ok {
		return nil, "", err
	}
	ids, err := queryIDs(ctx, s.read, query, args...)
	if err != nil {
		return nil, "", fmt.Errorf("list items: %w", err)
	}
	more := len(ids) > limit
	if more {
		ids = ids[:limit]
	}
	items, err := loadItems(ctx, s.read, ids)
	if err != nil {
		return nil, "", fmt.Errorf("list items: %w", err)
	}
	if err := hydrate(ctx, s.read, items); err != nil {
		return nil, "", fmt.Errorf("list items: %w", err)
	}
	if strings.TrimSpace(q.Text) != "" {
		fillSnippets(q.Text, items)
	}
	next := ""
	if more && len(items) > 0 {
		last := items[len(items)-1]
		next = cursor{published: toMS(last.Published), id: last.ID}.String()
	}
	return items, next, nil
}

// itemsQuery selects the ids of a page of items (limit rows), newest
// first. A topic pages off item_topics (topic, published); a search sorts
// its matches. ok is false when the search text holds nothing to find.
func itemsQuery(d *dialect, q ItemQuery, limit int) (query string, args []any, ok bool, err error) {
	cur, paged, err := parseCursor(q.Before)
	if err != nil {
		return "", nil, false, fmt.Errorf("list items: %w", err)
	}
	var conds []string
	pubCol, idCol := "i.published", "i.id"
	switch {
	case strings.TrimSpace(q.Text) != "":
		match, ok := d.ftsQuery(q.Text)
		if !ok {
			return "", nil, false, nil
		}
		query = `SELECT i.id FROM items_fts CROSS JOIN items i`
		conds = append(conds, d.ftsMatch, `i.id = items_fts.rowid`)
		args = append(args, match)
		if q.Topic != "" {
			conds = append(conds, `EXISTS (SELECT 1 FROM item_topics t WHERE t.item_id = i.id AND t.topic = ?)`)
			args = append(args, q.Topic)
		}
	case q.Topic != "":
		query = `SELECT t.item_id FROM item_topics t`
		conds = append(conds, `t.topic = ?`)
		args = append(args, q.Topic)
		pubCol, idCol = "t.published", "t.item_id"
		if q.Source != "" {
			query += ` CROSS JOIN items i`
			conds = append(conds, `i.id = t.item_id`)
		}
	default:
		query = `SELECT i.id FROM items i`
	}
	if q.Source != "" {
		conds = append(conds, `i.source_id = ?`)
		args = append(args, q.Source)
	}
	if paged {
		conds = append(conds, `(`+pubCol+`, `+idCol+`) < (?, ?)`)
		args = append(args, cur.published, cur.id)
	}
	query += where(conds) + ` ORDER BY ` + pubCol + ` DESC, ` + idCol + ` DESC LIMIT ?`
	return query, append(args, limit), true, nil
}

// loadItems reads the items with the given ids, in that order.
func loadItems(ctx context.Context, q querier, ids []int64) ([]model.Item, error) {
	if len(ids) == 0 {
		return nil, nil
	}
	items, err := queryItems(ctx, q, `SELECT `+itemColumns+`
		FROM items i LEFT JOIN sources so ON so.id = i.source_id
		WHERE i.id IN (`+placeholders(len(ids))+`)`, anyArgs(ids)...)
	if err != nil {
		return nil, err
	}
	byID := make(map[int64]model.Item, len(items))
	for _, it := range items {
		byID[it.ID] = it
	}
	out := make([]model.Item, 0, len(items))
	for _, id := range ids {
		if it, ok := byID[id]; ok {
			out = append(out, it)
		}
	}
	return out, nil
}

// fillSnippets fills the items' highlighted snippets for a search, from
// their title and the text of their summary and content.
func fillSnippets(query string, items []model.Item) {
	for i := range items {
		it := &items[i]
		it.Snippet = snippet(query, it.Title, htmlText(it.Summary), htmlText(it.Content))
	}
}

// Item returns one item with its topics and story.
func (s *DB) Item(ctx context.Context, id int64) (model.Item, error) {
	items, err := queryItems(ctx, s.read, `SELECT `+itemColumns+`
		FROM items i LEFT JOIN sources so ON so.id = i.source_id WHERE i.id = ?`, id)
	if err != nil {
		return model.Item{}, fmt.Errorf("item %d: %w", id, err)
	}
	if len(items) == 0 {
		return model.Item{}, fmt.Errorf("item %d: %w", id, ErrNotFound)
	}
	if err := hydrate(ctx, s.read, items); err != nil {
		return model.Item{}, fmt.Errorf("item %d: %w", id, err)
	}
	return items[0], nil
}

// EachItem calls fn for every stored item with its topics (without its
// story), oldest first (first seen, then id), stopping at the first error.
// It reads in batches, so fn may write to the store.
func (s *DB) EachItem(ctx context.Context, fn func(model.Item) error) error {
	var seen, id int64 = -1 << 62, 0
	for {
		items, err := queryItems(ctx, s.read, `SELECT `+itemColumns+`
			FROM items i LEFT JOIN sources so ON so.id = i.source_id
			WHERE (i.first_seen, i.id) > (?, ?) ORDER BY i.first_seen, i.id LIMIT ?`, seen, id, s.batch)
		if err != nil {
			return fmt.Errorf("each item: %w", err)
		}
		if len(items) == 0 {
			return nil
		}
		topics, err := loadTopics(ctx, s.read, itemIDs(items))
		if err != nil {
			return fmt.Errorf("each item: %w", err)
		}
		for _, it := range items {
			it.Topics = topics[it.ID]
			it.Story = model.Story{}
			if err := fn(it); err != nil {
				return err
			}
		}
		last := items[len(items)-1]
		seen, id = toMS(last.FirstSeen), last.ID
		if err := ctx.Err(); err != nil {
			return fmt.Errorf("each item: %w", err)
		}
	}
}
