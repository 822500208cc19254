package main

import (
	"context"
	"crypto/rand"
	"database/sql"
	"encoding/hex"
	"fmt"
	"net/url"
	"path/filepath"

	_ "github.com/jackc/pgx/v5/stdlib" // registers the "pgx" driver

	"aggregator/internal/store"
)

// benchStore is the fresh store one run fetches into: an SQLite file in
// its directory, or, with -database-url, a new schema of that database.
type benchStore struct {
	path   string // SQLite
	dbURL  string // PostgreSQL: the schema's URL
	schema string
	admin  *sql.DB
}

func (o options) newStore(dir string) (benchStore, error) {
	if o.databaseURL == "" {
		return benchStore{path: filepath.Join(dir, "bench.db")}, nil
	}
	admin, err := sql.Open("pgx", o.databaseURL)
	if err != nil {
		return benchStore{}, err
	}
	var b [4]byte
	rand.Read(b[:])
	schema := "bench_" + hex.EncodeToString(b[:])
	if _, err := admin.Exec(`CREATE SCHEMA ` + schema); err != nil {
		admin.Close()
		return benchStore{}, fmt.Errorf("create schema: %w", err)
	}
	u, err := url.Parse(o.databaseURL)
	if err != nil {
		admin.Close()
		return benchStore{}, err
	}
	q := u.Query()
	q.Set("search_path", schema)
	u.RawQuery = q.Encode()
	return benchStore{dbURL: u.String(), schema: schema, admin: admin}, nil
}

// config is the storage section of the run's configuration.
func (s benchStore) config() map[string]any {
	if s.dbURL != "" {
		return map[string]any{"url": s.dbURL, "retention": "0s"}
	}
	return map[string]any{"path": s.path, "retention": "0s"}
}

// measure counts the stored items and stories and the store's bytes (for
// PostgreSQL its tables with their indexes, as DiskSize counts them).
func (s benchStore) measure() (items, stories int, bytes int64, err error) {
	if s.dbURL == "" {
		if items, stories, err = count(s.path); err != nil {
			return 0, 0, 0, err
		}
		bytes, err = storeSize(s.path)
		return items, stories, bytes, err
	}
	ctx := context.Background()
	st, err := store.OpenPostgres(ctx, s.dbURL, store.Options{})
	if err != nil {
		return 0, 0, 0, err
	}
	defer st.Close()
	t, err := st.Totals(ctx)
	if err != nil {
		return 0, 0, 0, err
	}
	bytes, err = st.DiskSize(ctx)
	return t.Items, t.Stories, bytes, err
}

// drop removes a PostgreSQL run's schema.
func (s benchStore) drop() {
	if s.admin == nil {
		return
	}
	s.admin.Exec(`DROP SCHEMA ` + s.schema + ` CASCADE`)
	s.admin.Close()
}
