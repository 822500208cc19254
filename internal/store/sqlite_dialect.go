package store

import (
	"context"
	"database/sql"
	"encoding/json"
	"fmt"
	"strings"
	"time"
)

// This file holds what is specific to SQLite's SQL beyond the schema:
// placeholders, the item upsert, the full-text index and the encodings of
// times and lists. A PostgreSQL engine would replace these pieces.

// placeholders returns "?, ?, ?" for n parameters.
func placeholders(n int) string {
	if n <= 0 {
		return "NULL"
	}
	return strings.Repeat("?, ", n-1) + "?"
}

// anyArgs converts a slice to query arguments.
func anyArgs[T any](vs []T) []any {
	out := make([]any, len(vs))
	for i, v := range vs {
		out[i] = v
	}
	return out
}

// toMS encodes a time as unix milliseconds.
func toMS(t time.Time) int64 { return t.UnixMilli() }

// nullMS encodes a time as unix milliseconds, the zero time as NULL.
func nullMS(t time.Time) sql.NullInt64 {
	if t.IsZero() {
		return sql.NullInt64{}
	}
	return sql.NullInt64{Int64: t.UnixMilli(), Valid: true}
}

// fromMS decodes unix milliseconds as a UTC time.
func fromMS(ms int64) time.Time { return time.UnixMilli(ms).UTC() }

// fromNullMS decodes nullable unix milliseconds; NULL is the zero time.
func fromNullMS(ms sql.NullInt64) time.Time {
	if !ms.Valid {
		return time.Time{}
	}
	return fromMS(ms.Int64)
}

// jsonText encodes v as JSON text for a TEXT column; nil slices as [].
func jsonText[T any](v []T) (string, error) {
	if v == nil {
		v = []T{}
	}
	b, err := json.Marshal(v)
	if err != nil {
		return "", fmt.Errorf("encode json: %w", err)
	}
	return string(b), nil
}

// insertItemSQL inserts a new item (insert's arguments, in order).
const insertItemSQL = `INSERT INTO items (
	id, source_id, key, story_id, published, first_seen, updated, hash, url, title, guid, raw_url, author,
	image_url, categories, sig, buckets, summary, content, title_derived, join_route, join_score
) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`

// updateItemSQL rewrites a corrected item in place (correct's arguments).
const updateItemSQL = `UPDATE items SET guid = ?, url = ?, raw_url = ?, title = ?, title_derived = ?, summary = ?, content = ?,
	author = ?, categories = ?, image_url = ?, published = ?, updated = ?, hash = ?, sig = ?, buckets = ?
	WHERE id = ?`

// ftsPut indexes an item's text (first dropping what was indexed of it,
// when replace is set): its title, its summary unless the content already
// holds it (feeds often send the lead twice), and its content, as one
// text.
func ftsPut(ctx context.Context, tx *wtx, id int64, title, summaryText, contentText string, replace bool) error {
	if replace {
		if _, err := tx.ExecContext(ctx, `DELETE FROM items_fts WHERE rowid = ?`, id); err != nil {
			return fmt.Errorf("unindex item %d: %w", id, err)
		}
	}
	if strings.Contains(contentText, summaryText) {
		summaryText = ""
	}
	if _, err := tx.ExecContext(ctx, `INSERT INTO items_fts (rowid, text) VALUES (?, ?)`,
		id, ftsSearchForm(title+"\n"+summaryText+"\n"+contentText)); err != nil {
		return fmt.Errorf("index item %d: %w", id, err)
	}
	return nil
}

// ftsDelete removes items from the full-text index.
func ftsDelete(ctx context.Context, tx *wtx, ids []int64) error {
	if len(ids) == 0 {
		return nil
	}
	if _, err := tx.ExecContext(ctx,
		`DELETE FROM items_fts WHERE rowid IN (`+placeholders(len(ids))+`)`, anyArgs(ids)...); err != nil {
		return fmt.Errorf("unindex items: %w", err)
	}
	return nil
}

// Snippet markers: private-use characters that cannot come from the
// text's words, replaced by <mark> after HTML escaping.
const (
	snippetOpen  = "\ue000"
	snippetClose = "\ue001"
)

// ftsMatchClause restricts f (items_fts) to a query built by ftsQuery.
const ftsMatchClause = `items_fts MATCH ?`
