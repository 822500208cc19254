package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"log/slog"
	"strings"
	"sync"
	"time"
)

// DB is the Store over database/sql, on SQLite (OpenSQLite) or PostgreSQL
// (OpenPostgres): one implementation, its engine's differences kept in a
// dialect. Every write goes through write; reads go through read (on
// SQLite a separate pool of read-only connections, which WAL lets run
// alongside the single writer; on PostgreSQL the same pool).
type DB struct {
	write   *pool
	read    *pool
	d       *dialect
	lockKey int64 // the argument of d.lockWrites
	clock   func() time.Time
	log     *slog.Logger
	fts     compactClock
	batch   int        // rows per Prune transaction and per EachItem read
	stmts   *stmtCache // the writer's statements, prepared once (SQLite)

	indexMu sync.Mutex  // held by SaveFetch: the index is the writer's
	index   *storyIndex // near-duplicate candidates, in memory

	readMu    sync.Mutex
	readStmts map[string]*sql.Stmt // reads asked for once per fetch, prepared once
}

var _ Store = (*DB)(nil)

// defaultBatch is how many items one Prune transaction deletes (so that
// the writer is never held long) and one EachItem read loads.
const defaultBatch = 500

func newDB(write, read *sql.DB, d *dialect, opts Options) *DB {
	s := &DB{write: &pool{db: write, rebind: d.rebind}, read: &pool{db: read, rebind: d.rebind}, d: d,
		clock: opts.Clock, log: opts.Logger.With("component", "store", "engine", d.name), batch: defaultBatch,
		index: newStoryIndex()}
	if d.prepared {
		s.stmts = newStmtCache(write)
	}
	return s
}

// Open opens the store at location: a postgres:// (or postgresql://) URL
// opens PostgreSQL, anything else is the path of the embedded SQLite
// file, created with its directory and schema as needed.
func Open(ctx context.Context, location string, opts Options) (Store, error) {
	if IsPostgresURL(location) {
		s, err := OpenPostgres(ctx, location, opts)
		if err != nil {
			return nil, err
		}
		return s, nil
	}
	s, err := OpenSQLite(ctx, location, opts)
	if err != nil {
		return nil, err
	}
	return s, nil
}

// IsPostgresURL reports whether location names a PostgreSQL database.
func IsPostgresURL(location string) bool {
	return strings.HasPrefix(location, "postgres://") || strings.HasPrefix(location, "postgresql://")
}

// readStmt returns query prepared on the read pool, once: a warm pass
// over 1,000 sources spent a third of its time preparing the source state
// query anew for each.
func (s *DB) readStmt(ctx context.Context, query string) (*sql.Stmt, error) {
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

// Ping answers whether the store answers a query.
func (s *DB) Ping(ctx context.Context) error {
	if err := s.read.db.PingContext(ctx); err != nil {
		return fmt.Errorf("ping store: %w", err)
	}
	var one int
	if err := s.read.QueryRowContext(ctx, "SELECT 1").Scan(&one); err != nil {
		return fmt.Errorf("ping store: %w", err)
	}
	return nil
}

// Close closes the connection pools, first running the dialect's onClose
// (SQLite refreshes the statistics its query planner uses).
func (s *DB) Close() error {
	var err error
	if s.d.onClose != "" {
		ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
		defer cancel()
		if _, err = s.write.ExecContext(ctx, s.d.onClose); err != nil {
			err = fmt.Errorf("close: %w", err)
		}
	}
	s.readMu.Lock()
	for _, st := range s.readStmts {
		st.Close()
	}
	s.readMu.Unlock()
	errs := []error{err, s.stmts.close(), s.write.db.Close()}
	if s.read.db != s.write.db {
		errs = append(errs, s.read.db.Close())
	}
	return errors.Join(errs...)
}

// Backup writes a consistent copy of the store to a new file at path (on
// SQLite; PostgreSQL is backed up with its own tools).
func (s *DB) Backup(ctx context.Context, path string, progress func(done, total int64)) error {
	return s.d.backup(ctx, s, path, progress)
}

// DiskSize is the bytes the store occupies on disk.
func (s *DB) DiskSize(ctx context.Context) (int64, error) {
	return s.d.diskSize(ctx, s)
}

// Totals counts items and stories in one read.
func (s *DB) Totals(ctx context.Context) (Totals, error) {
	var t Totals
	err := s.read.QueryRowContext(ctx, `SELECT (SELECT COUNT(*) FROM items), (SELECT COUNT(*) FROM stories)`).
		Scan(&t.Items, &t.Stories)
	if err != nil {
		return Totals{}, fmt.Errorf("store totals: %w", err)
	}
	return t, nil
}

// pool is a connection pool taking queries written with ? placeholders,
// rebound to the engine's.
type pool struct {
	db     *sql.DB
	rebind func(string) string
}

func rebound(rebind func(string) string, query string) string {
	if rebind == nil {
		return query
	}
	return rebind(query)
}

func (p *pool) QueryContext(ctx context.Context, query string, args ...any) (*sql.Rows, error) {
	return p.db.QueryContext(ctx, rebound(p.rebind, query), args...)
}

func (p *pool) QueryRowContext(ctx context.Context, query string, args ...any) *sql.Row {
	return p.db.QueryRowContext(ctx, rebound(p.rebind, query), args...)
}

func (p *pool) ExecContext(ctx context.Context, query string, args ...any) (sql.Result, error) {
	return p.db.ExecContext(ctx, rebound(p.rebind, query), args...)
}

func (p *pool) PrepareContext(ctx context.Context, query string) (*sql.Stmt, error) {
	return p.db.PrepareContext(ctx, rebound(p.rebind, query))
}

// readTx begins a read transaction (opts nil: the engine's default).
func (p *pool) readTx(ctx context.Context, opts *sql.TxOptions) (*rtx, error) {
	tx, err := p.db.BeginTx(ctx, opts)
	if err != nil {
		return nil, err
	}
	return &rtx{tx: tx, rebind: p.rebind}, nil
}

// rtx is a read transaction taking queries written with ? placeholders.
type rtx struct {
	tx     *sql.Tx
	rebind func(string) string
}

func (r *rtx) QueryContext(ctx context.Context, query string, args ...any) (*sql.Rows, error) {
	return r.tx.QueryContext(ctx, rebound(r.rebind, query), args...)
}

func (r *rtx) Rollback() error { return r.tx.Rollback() }
