package store

import (
	"context"
	"database/sql"
	"encoding/json"
	"fmt"
	"strconv"
	"strings"
	"time"
)

// One implementation of the store runs on both engines: its SQL is written
// once, with ? placeholders, in what SQLite and PostgreSQL both accept
// (ON CONFLICT upserts, RETURNING, row values, aggregate FILTER). What
// differs is a dialect: the placeholders, how writers are serialised, the
// full-text index, and a few hints and operations on the store as a whole.
// Times are stored as unix milliseconds and lists as JSON text on both.

// dialect is what one engine does its own way.
type dialect struct {
	name string
	// rebind rewrites a query's ? (and ?N) placeholders into the
	// engine's; nil keeps them.
	rebind func(query string) string
	// prepared: the writer prepares its statements once and keeps them
	// (SQLite's single writer connection). PostgreSQL's driver keeps
	// prepared statements per connection itself.
	prepared bool
	// lockWrites, when set, runs first in every write transaction with
	// the store's lock key: it serialises the writers of every process,
	// as SQLite's one writer does, so that ids are taken and committed in
	// order and the story of a new item is chosen knowing every item
	// committed before (see storyIndex).
	lockWrites string
	// snapshot begins a read transaction that sees one snapshot
	// throughout (nil: the engine's default does).
	snapshot *sql.TxOptions
	// indexedBy names the index a query must use where the engine's
	// planner would otherwise choose worse ("" where it chooses well).
	indexedBy func(index string) string

	// The full-text index, items_fts: rowid is the item's id; text is
	// what ftsDocument makes of the item's text, inserted by ftsInsert;
	// ftsMatch restricts items_fts to what ftsQuery makes of a search
	// (ok false: nothing to search for).
	ftsInsert   string
	ftsDocument func(text string) string
	ftsMatch    string
	ftsQuery    func(text string) (query string, ok bool)
	// ftsCompact merges the full-text index after prunes ("": nothing to do).
	ftsCompact string

	migrations string // the glob of the engine's files in the embedded migrations
	onClose    string // run before the store closes ("": nothing)

	backup   func(ctx context.Context, s *DB, path string, progress func(done, total int64)) error
	diskSize func(ctx context.Context, s *DB) (int64, error)
}

// numberedPlaceholders rewrites ? as $1, $2… in order and ?N as $N,
// leaving string literals alone: PostgreSQL's placeholders.
func numberedPlaceholders(query string) string {
	if !strings.ContainsRune(query, '?') {
		return query
	}
	var b strings.Builder
	b.Grow(len(query) + 16)
	n, quoted := 0, false
	for i := 0; i < len(query); i++ {
		c := query[i]
		if c == '\'' {
			quoted = !quoted
		}
		if c != '?' || quoted {
			b.WriteByte(c)
			continue
		}
		j := i + 1
		for j < len(query) && query[j] >= '0' && query[j] <= '9' {
			j++
		}
		b.WriteByte('$')
		if j > i+1 {
			b.WriteString(query[i+1 : j])
			i = j - 1
		} else {
			n++
			b.WriteString(strconv.Itoa(n))
		}
	}
	return b.String()
}

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
	image_url, categories, sig, buckets, summary, content, title_derived
) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`

// updateItemSQL rewrites a corrected item in place (correct's arguments).
const updateItemSQL = `UPDATE items SET guid = ?, url = ?, raw_url = ?, title = ?, title_derived = ?, summary = ?, content = ?,
	author = ?, categories = ?, image_url = ?, published = ?, updated = ?, hash = ?, sig = ?, buckets = ?
	WHERE id = ?`

// ftsPut indexes an item's text (first dropping what was indexed of it,
// when replace is set): its title, its summary unless the content already
// holds it (feeds often send the lead twice), and its content, as one
// text.
func ftsPut(ctx context.Context, tx *wtx, d *dialect, id int64, title, summaryText, contentText string, replace bool) error {
	if replace {
		if _, err := tx.ExecContext(ctx, `DELETE FROM items_fts WHERE rowid = ?`, id); err != nil {
			return fmt.Errorf("unindex item %d: %w", id, err)
		}
	}
	if strings.Contains(contentText, summaryText) {
		summaryText = ""
	}
	if _, err := tx.ExecContext(ctx, d.ftsInsert, id, d.ftsDocument(title+"\n"+summaryText+"\n"+contentText)); err != nil {
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
