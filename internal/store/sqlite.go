package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"net/url"
	"os"
	"path/filepath"
	"runtime"
	"strings"

	_ "modernc.org/sqlite" // registers the "sqlite" driver
)

// sqliteDialect is SQLite's: ? placeholders, one writer connection whose
// statements are prepared once, an FTS5 full-text index.
var sqliteDialect = &dialect{
	name:     "sqlite",
	prepared: true,
	indexedBy: func(index string) string {
		return ` INDEXED BY ` + index
	},
	ftsInsert:   `INSERT INTO items_fts (rowid, text) VALUES (?, ?)`,
	ftsDocument: ftsSearchForm,
	ftsMatch:    `items_fts MATCH ?`,
	ftsQuery:    ftsQuery,
	// FTS5 keeps a deleted row as a tombstone until a merge reaches the
	// oldest segment; see compactFTS.
	ftsCompact: `INSERT INTO items_fts (items_fts) VALUES ('optimize')`,
	migrations: "migrations/*.sql",
	onClose:    "PRAGMA optimize",
	backup:     sqliteBackup,
	diskSize:   sqliteDiskSize,
}

// OpenSQLite opens (creating as needed) the SQLite database file at path,
// verifies that it runs in WAL mode and applies pending migrations. Every
// write goes through a single writer connection; reads use a separate
// pool of read-only connections, which WAL lets run alongside the writer.
func OpenSQLite(ctx context.Context, path string, opts Options) (*DB, error) {
	opts = opts.withDefaults()
	if path == "" {
		return nil, errors.New("open sqlite store: empty path")
	}
	if dir := filepath.Dir(path); dir != "" {
		if err := os.MkdirAll(dir, 0o755); err != nil {
			return nil, fmt.Errorf("open sqlite store: create directory: %w", err)
		}
	}
	write, err := sql.Open("sqlite", dsn(path, false))
	if err != nil {
		return nil, fmt.Errorf("open sqlite store %s: %w", path, err)
	}
	write.SetMaxOpenConns(1)
	write.SetMaxIdleConns(1)
	write.SetConnMaxLifetime(0)
	write.SetConnMaxIdleTime(0)

	read, err := sql.Open("sqlite", dsn(path, true))
	if err != nil {
		write.Close()
		return nil, fmt.Errorf("open sqlite store %s for reading: %w", path, err)
	}
	n := max(4, runtime.GOMAXPROCS(0))
	read.SetMaxOpenConns(n)
	read.SetMaxIdleConns(n)
	s := newDB(write, read, sqliteDialect, opts)
	if err := s.initSQLite(ctx, path); err != nil {
		write.Close()
		read.Close()
		return nil, err
	}
	return s, nil
}

func (s *DB) initSQLite(ctx context.Context, path string) error {
	var mode string
	if err := s.write.QueryRowContext(ctx, "PRAGMA journal_mode").Scan(&mode); err != nil {
		return fmt.Errorf("open sqlite store %s: %w", path, err)
	}
	if !strings.EqualFold(mode, "wal") {
		return fmt.Errorf("open sqlite store %s: journal_mode is %q, want wal", path, mode)
	}
	if err := s.migrate(ctx); err != nil {
		return fmt.Errorf("open sqlite store %s: %w", path, err)
	}
	return nil
}

// dsn builds the modernc.org/sqlite data source name: pragmas run on every
// new connection; write transactions take the lock at BEGIN so that they
// never fail half-way on a busy upgrade.
func dsn(path string, readOnly bool) string {
	q := url.Values{}
	q.Add("_pragma", "busy_timeout(10000)")
	q.Add("_pragma", "journal_mode(WAL)")
	q.Add("_pragma", "foreign_keys(1)")
	q.Add("_pragma", "synchronous(NORMAL)")
	// The page cache (KiB when negative) holds the hot index pages: the
	// writer's covers the indexes every insert touches (keys, URLs,
	// stories), which at a million items no longer fit SQLite's 2 MiB
	// default and would otherwise be re-read from the OS on every insert.
	// 16 MiB: a cold ingest of 1,000 sources × 50 items peaked at 260 MB
	// with 32 MiB and 225 MB with 16, no slower (SQLite's own cache pages
	// cost more than their size in the process).
	if readOnly {
		q.Add("_pragma", "query_only(1)")
		q.Add("_pragma", "cache_size(-16384)")
		q.Set("_txlock", "deferred")
	} else {
		q.Add("_pragma", "cache_size(-16384)")
		q.Set("_txlock", "immediate")
	}
	u := url.URL{Scheme: "file", Opaque: path, RawQuery: q.Encode()}
	return u.String()
}
