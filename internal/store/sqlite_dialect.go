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

// upsertItemSQL inserts an item or, when its (source_id, key) is already
// stored with another hash, updates it in place keeping its id, first_seen
// and story. It returns no row when the stored item is unchanged, and
// story_id NULL for a fresh insert. The caller passes the fetch time as
// published when the item has no usable date.
const upsertItemSQL = `INSERT INTO items (
	source_id, key, guid, url, raw_url, title, summary, content, author, categories,
	image_url, summary_text, content_text, published, updated, first_seen, hash, sig, title_derived
) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
ON CONFLICT (source_id, key) DO UPDATE SET
	guid = excluded.guid, url = excluded.url, raw_url = excluded.raw_url,
	title = excluded.title, title_derived = excluded.title_derived,
	summary = excluded.summary, content = excluded.content,
	author = excluded.author, categories = excluded.categories, image_url = excluded.image_url,
	summary_text = excluded.summary_text, content_text = excluded.content_text,
	-- an undated (or future-dated) correction keeps the first-seen time as its date
	published = CASE WHEN excluded.published = excluded.first_seen THEN items.first_seen
		ELSE excluded.published END,
	updated = excluded.updated,
	hash = excluded.hash, sig = excluded.sig
WHERE items.hash <> excluded.hash
RETURNING id, first_seen, story_id, published`

// ftsPut (re)indexes an item's text.
func ftsPut(ctx context.Context, tx *wtx, id int64, title, summaryText, contentText string) error {
	if _, err := tx.ExecContext(ctx, `DELETE FROM items_fts WHERE rowid = ?`, id); err != nil {
		return fmt.Errorf("unindex item %d: %w", id, err)
	}
	if _, err := tx.ExecContext(ctx,
		`INSERT INTO items_fts (rowid, title, summary_text, content_text) VALUES (?, ?, ?, ?)`,
		id, ftsSearchForm(title), ftsSearchForm(summaryText), ftsSearchForm(contentText)); err != nil {
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
// tokenizer's output, replaced by <mark> after HTML escaping.
const (
	snippetOpen  = "\ue000"
	snippetClose = "\ue001"
)

// ftsSnippetExpr is the select expression of a highlighted snippet, taken
// from whichever column matched best.
const ftsSnippetExpr = `snippet(items_fts, -1, '` + snippetOpen + `', '` + snippetClose + `', '…', 24)`

// ftsMatchClause restricts f (items_fts) to a query built by ftsQuery.
const ftsMatchClause = `items_fts MATCH ?`
