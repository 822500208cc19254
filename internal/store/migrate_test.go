package store

import (
	"context"
	"database/sql"
	"path/filepath"
	"slices"
	"testing"
	"time"

	"aggregator/internal/model"
)

// TestMigrationToCompactItems opens a store written with the schema before
// migration 0004 (buckets in item_buckets, texts in items and in the
// full-text index's own table, counts kept by triggers) and checks that
// nothing of it is lost: the item is still found by search and by its
// buckets, its story and topics stay, and the source's count is right.
func TestMigrationToCompactItems(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "old.db")
	db, err := sql.Open("sqlite", dsn(path, false))
	if err != nil {
		t.Fatal(err)
	}
	if _, err := db.Exec(`CREATE TABLE schema_migrations (name TEXT PRIMARY KEY, applied_at INTEGER NOT NULL)`); err != nil {
		t.Fatal(err)
	}
	for _, name := range []string{"0001_init.sql", "0002_websub.sql", "0003_change_version.sql"} {
		body, err := migrations.ReadFile("migrations/" + name)
		if err != nil {
			t.Fatal(err)
		}
		if _, err := db.Exec(string(body)); err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		if _, err := db.Exec(`INSERT INTO schema_migrations VALUES (?, 0)`, "migrations/"+name); err != nil {
			t.Fatal(err)
		}
	}
	seen := t0.UnixMilli()
	for _, q := range []string{
		`INSERT INTO sources (id, title) VALUES ('dawn', 'Dawn')`,
		`INSERT INTO stories (id, key, face_item_id, first_seen, published) VALUES (1, 'k1', 1, ?1, ?1)`,
		`INSERT INTO items (id, source_id, key, story_id, published, first_seen, hash, url, title, sig,
			summary, content, summary_text, content_text)
			VALUES (1, 'dawn', 'a', 1, ?1, ?1, 'h1', 'https://dawn.example/a', 'Gwadar port opens', x'53',
			'<p>Ships dock</p>', '<p>Ships dock at the new berth</p>', 'Ships dock', 'Ships dock at the new berth')`,
		`INSERT INTO item_topics (item_id, topic, terms, hits, published) VALUES (1, 'cpec', '["Gwadar"]', '[]', ?1)`,
		`INSERT INTO story_topics (story_id, topic, published) VALUES (1, 'cpec', ?1)`,
		`INSERT INTO item_buckets (item_id, bucket, first_seen) VALUES (1, 7, ?1), (1, -2, ?1)`,
		`INSERT INTO items_fts (rowid, title, summary_text, content_text)
			VALUES (1, 'Gwadar port opens', 'Ships dock', 'Ships dock at the new berth')`,
	} {
		if _, err := db.Exec(q, seen); err != nil {
			t.Fatalf("%s: %v", q, err)
		}
	}
	db.Close()

	s, err := OpenSQLite(ctx, path, Options{Clock: func() time.Time { return t0 }})
	if err != nil {
		t.Fatalf("open old store: %v", err)
	}
	defer s.Close()
	for _, q := range []string{"berth", "gwadar"} {
		items, _, err := s.Items(ctx, ItemQuery{Text: q})
		if err != nil || len(items) != 1 || items[0].ID != 1 {
			t.Errorf("search %q after migration: %d items, %v", q, len(items), err)
		}
	}
	it, err := s.Item(ctx, 1)
	if err != nil {
		t.Fatal(err)
	}
	if it.Story.Key != "k1" || len(it.Topics) != 1 || it.Content != "<p>Ships dock at the new berth</p>" {
		t.Errorf("item after migration = %+v", it)
	}
	srcs, err := s.Sources(ctx)
	if err != nil || len(srcs) != 1 || srcs[0].Items != 1 {
		t.Errorf("sources after migration = %+v, %v", srcs, err)
	}
	var got []int64
	var blob []byte
	if err := s.read.QueryRowContext(context.Background(), `SELECT buckets FROM items WHERE id = 1`).Scan(&blob); err != nil {
		t.Fatal(err)
	}
	got = decodeBuckets(blob)
	slices.Sort(got)
	if !slices.Equal(got, []int64{-2, 7}) {
		t.Errorf("buckets after migration = %v, want [-2 7]", got)
	}
	// The migrated buckets find the old item as a candidate of a new one.
	var cands []model.Candidate
	save(t, s, t0, "geo", item("geo", "b", withPrint("S", -2)))
	if _, err := s.SaveFetch(ctx, Fetch{State: model.SourceState{SourceID: "tribune"}, Now: t0.Add(time.Minute),
		Window: time.Hour, Items: []model.Item{item("tribune", "c", withPrint("T", 7))},
		Match: func(_ *model.Item, c []model.Candidate) int64 { cands = c; return 0 }}); err != nil {
		t.Fatal(err)
	}
	if len(cands) != 1 || cands[0].ItemID != 1 {
		t.Errorf("candidates of an item sharing a migrated bucket = %+v, want item 1", cands)
	}
}
