package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"log/slog"
	"net/url"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"sync"
	"time"

	_ "modernc.org/sqlite" // registers the "sqlite" driver
)

// SQLite is the Store kept in one SQLite file. Every write goes through a
// single writer connection; reads use a separate pool of read-only
// connections, which WAL lets run alongside the writer.
type SQLite struct {
	write *sql.DB // one connection: every write transaction
	read  *sql.DB // several connections, query_only
	clock func() time.Time
	log   *slog.Logger
	fts   compactClock
	batch int        // rows per Prune transaction and per EachItem read
	stmts *stmtCache // the writer's statements, prepared once

	indexMu sync.Mutex  // held by SaveFetch: the index is the writer's
	index   *storyIndex // near-duplicate candidates, in memory

	readMu    sync.Mutex
	readStmts map[string]*sql.Stmt // reads asked for once per fetch, prepared once
}

// readStmt returns query prepared on the read pool, once: a warm pass
// over 1,000 sources spent a third of its time preparing the source state
// query anew for each.
func (s *SQLite) readStmt(ctx context.Context, query string) (*sql.Stmt, error) {
	s.readMu.Lock()
	defer s.readMu.Unlock()
	if st, ok := s.readStmts[query]; ok {
		return st, nil
	}
	st, err := s.read.PrepareContext(ctx, query)
	if err != nil {
		return nil, err
	}
	if s.readStmts == nil {
		s.readStmts = map[string]*sql.Stmt{}
	}
	s.readStmts[query] = st
	return st, nil
}

// defaultBatch is how many items one Prune transaction deletes (so that
// the writer is never held long) and one EachItem read loads.
const defaultBatch = 500

var _ Store = (*SQLite)(nil)

// OpenSQLite opens (creating as needed) the SQLite database file at path,
// verifies that it runs in WAL mode and applies pending migrations.
func OpenSQLite(ctx context.Context, path string, opts Options) (*SQLite, error) {
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

	s := &SQLite{write: write, clock: opts.Clock, log: opts.Logger.With("component", "store"), batch: defaultBatch,
		stmts: newStmtCache(write), index: newStoryIndex()}
	if err := s.init(ctx, path); err != nil {
		write.Close()
		return nil, err
	}
	read, err := sql.Open("sqlite", dsn(path, true))
	if err != nil {
		write.Close()
		return nil, fmt.Errorf("open sqlite store %s for reading: %w", path, err)
	}
	n := max(4, runtime.GOMAXPROCS(0))
	read.SetMaxOpenConns(n)
	read.SetMaxIdleConns(n)
	s.read = read
	return s, nil
}

func (s *SQLite) init(ctx context.Context, path string) error {
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

// Ping answers whether both connections are usable.
func (s *SQLite) Ping(ctx context.Context) error {
	if err := s.read.PingContext(ctx); err != nil {
		return fmt.Errorf("ping store: %w", err)
	}
	var one int
	if err := s.read.QueryRowContext(ctx, "SELECT 1").Scan(&one); err != nil {
		return fmt.Errorf("ping store: %w", err)
	}
	return nil
}

// Close closes both connection pools, first letting SQLite refresh the
// statistics its query planner uses (PRAGMA optimize).
func (s *SQLite) Close() error {
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	_, err := s.write.ExecContext(ctx, "PRAGMA optimize")
	if err != nil {
		err = fmt.Errorf("optimize: %w", err)
	}
	s.readMu.Lock()
	for _, st := range s.readStmts {
		st.Close()
	}
	s.readMu.Unlock()
	return errors.Join(err, s.stmts.close(), s.read.Close(), s.write.Close())
}
