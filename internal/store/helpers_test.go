package store

import (
	"bytes"
	"context"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"aggregator/internal/model"
	"aggregator/internal/pgtest"
)

// t0 is the fake clock's time in tests.
var t0 = time.Date(2026, 3, 1, 12, 0, 0, 0, time.UTC)

// onEngines runs test on each engine, as the subtests "sqlite" and
// "postgres" (skipped, saying so, when AGGREGATOR_TEST_POSTGRES=off);
// the stores test opens are of its subtest's engine.
func onEngines(t *testing.T, test func(t *testing.T)) {
	t.Run("sqlite", test)
	t.Run("postgres", func(t *testing.T) {
		pgtest.Require(t)
		test(t)
	})
}

// onPostgres reports whether t runs under onEngines's "postgres".
func onPostgres(t testing.TB) bool {
	parts := strings.Split(t.Name(), "/")
	return len(parts) > 1 && parts[1] == "postgres"
}

// testLocation is where a fresh store of t's engine is: a new SQLite
// file, or a new PostgreSQL schema.
func testLocation(t testing.TB) string {
	t.Helper()
	if onPostgres(t) {
		return pgtest.URL(t)
	}
	return filepath.Join(t.TempDir(), "db", "test.db")
}

// openAt opens the store at location (testLocation's), closed when the
// test ends.
func openAt(t testing.TB, location string, opts Options) *DB {
	t.Helper()
	s, err := openDB(context.Background(), location, opts)
	if err != nil {
		t.Fatalf("open: %v", err)
	}
	t.Cleanup(func() { s.Close() })
	return s
}

// openDB opens the store at location with the engine it names.
func openDB(ctx context.Context, location string, opts Options) (*DB, error) {
	if IsPostgresURL(location) {
		return OpenPostgres(ctx, location, opts)
	}
	return OpenSQLite(ctx, location, opts)
}

// openTest opens a fresh store of t's engine whose clock says t0.
func openTest(t testing.TB) *DB {
	t.Helper()
	return openAt(t, testLocation(t), Options{Clock: func() time.Time { return t0 }})
}

// item builds an item of source src with identity key.
func item(src, key string, mods ...func(*model.Item)) model.Item {
	it := model.Item{
		SourceID: src, Key: key, GUID: key, URL: "https://" + src + ".example/" + key,
		Title: "Title " + key, SummaryText: "summary of " + key, Hash: "h1",
		Published: t0.Add(-time.Hour),
	}
	for _, m := range mods {
		m(&it)
	}
	return it
}

func withURL(u string) func(*model.Item)          { return func(it *model.Item) { it.URL = u } }
func withHash(h string) func(*model.Item)         { return func(it *model.Item) { it.Hash = h } }
func withTitle(s string) func(*model.Item)        { return func(it *model.Item) { it.Title = s } }
func withText(s string) func(*model.Item)         { return func(it *model.Item) { it.ContentText = s } }
func withPublished(p time.Time) func(*model.Item) { return func(it *model.Item) { it.Published = p } }
func withTopics(ts ...string) func(*model.Item) {
	return func(it *model.Item) {
		for _, t := range ts {
			it.Topics = append(it.Topics, model.TopicMatch{Topic: t, Terms: []string{t + "-term"},
				Hits: []model.Hit{{Term: t + "-term", Field: model.FieldTitle, Offset: 0}}})
		}
	}
}
func withPrint(sig string, buckets ...int64) func(*model.Item) {
	return func(it *model.Item) { it.Fingerprint = model.Fingerprint{Buckets: buckets, Sig: []byte(sig)} }
}

// sameSig is a StoryMatch joining the first candidate with an equal Sig.
func sameSig(it *model.Item, cands []model.Candidate) int64 {
	for _, c := range cands {
		if bytes.Equal(c.Sig, it.Fingerprint.Sig) {
			return c.StoryID
		}
	}
	return 0
}

// save stores one fetch of src at now with near-duplicates on (72h).
func save(t testing.TB, s *DB, now time.Time, src string, items ...model.Item) SaveResult {
	t.Helper()
	res, err := s.SaveFetch(context.Background(), Fetch{
		State: model.SourceState{SourceID: src, Status: model.StatusOK, LastFetch: now, LastSuccess: now},
		Items: items, Window: 72 * time.Hour, Match: sameSig, Now: now,
	})
	if err != nil {
		t.Fatalf("save fetch of %s: %v", src, err)
	}
	return res
}

// get reads the stored item of src with key.
func get(t testing.TB, s *DB, src, key string) model.Item {
	t.Helper()
	var id int64
	if err := s.read.QueryRowContext(context.Background(), `SELECT id FROM items WHERE source_id = ? AND key = ?`, src, key).Scan(&id); err != nil {
		t.Fatalf("find %s/%s: %v", src, key, err)
	}
	it, err := s.Item(context.Background(), id)
	if err != nil {
		t.Fatalf("item %s/%s: %v", src, key, err)
	}
	return it
}

func count(t testing.TB, s *DB, query string, args ...any) int {
	t.Helper()
	var n int
	if err := s.read.QueryRowContext(context.Background(), query, args...).Scan(&n); err != nil {
		t.Fatalf("%s: %v", query, err)
	}
	return n
}
