package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"sync"
)

// wtx is a write transaction that prepares each distinct statement once:
// a fetch runs the same dozen statements for every item, and preparing
// them is most of the cost of running them. Statements the writer runs
// again and again come from its cache, prepared once per connection.
//
// On PostgreSQL (rebind set, no cache) statements run as they come: its
// driver prepares each once per connection.
type wtx struct {
	tx     *sql.Tx
	cache  *stmtCache
	stmts  map[string]*sql.Stmt
	rebind func(string) string
}

func (w *wtx) stmt(ctx context.Context, query string) (*sql.Stmt, error) {
	if st, ok := w.stmts[query]; ok {
		return st, nil
	}
	var st *sql.Stmt
	if cached := w.cache.get(query); cached != nil {
		// Prepared on the writer's only connection: no new prepare.
		st = w.tx.StmtContext(ctx, cached)
	} else {
		var err error
		if st, err = w.tx.PrepareContext(ctx, query); err != nil {
			return nil, err
		}
	}
	w.stmts[query] = st
	return st, nil
}

// maxCachedStmts bounds the writer's statement cache: queries whose text
// varies with their arguments (IN lists) beyond it are prepared per
// transaction.
const maxCachedStmts = 128

// stmtCache keeps the writer's statements prepared across transactions.
// A one-item fetch (the common case of a busy source) would otherwise
// prepare its dozen statements afresh, which costs more than running them.
// The writer has one connection, which a transaction holds: a statement
// first seen inside one is prepared for the cache after it ends (fill).
type stmtCache struct {
	db    *sql.DB
	mu    sync.Mutex
	stmts map[string]*sql.Stmt
	want  map[string]bool // seen in a transaction, to prepare after it
}

func newStmtCache(db *sql.DB) *stmtCache {
	return &stmtCache{db: db, stmts: map[string]*sql.Stmt{}, want: map[string]bool{}}
}

// get returns the cached statement of query, or nil (noting the query,
// while there is room, for fill to prepare).
func (c *stmtCache) get(query string) *sql.Stmt {
	if c == nil {
		return nil
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	if st, ok := c.stmts[query]; ok {
		return st
	}
	if len(c.stmts)+len(c.want) < maxCachedStmts {
		c.want[query] = true
	}
	return nil
}

// fill prepares the statements get noted; it must run outside any write
// transaction (the writer's one connection must be free). A statement
// that fails to prepare is left to the transactions, which report it.
func (c *stmtCache) fill(ctx context.Context) {
	if c == nil {
		return
	}
	c.mu.Lock()
	var queries []string
	for q := range c.want {
		queries = append(queries, q)
	}
	clear(c.want)
	c.mu.Unlock()
	// Prepared without the lock: preparing waits for the connection,
	// which another transaction, itself asking get, may hold.
	for _, q := range queries {
		st, err := c.db.PrepareContext(ctx, q)
		if err != nil {
			continue
		}
		c.mu.Lock()
		if _, dup := c.stmts[q]; dup {
			st.Close()
		} else {
			c.stmts[q] = st
		}
		c.mu.Unlock()
	}
}

func (c *stmtCache) close() error {
	if c == nil {
		return nil
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	var errs []error
	for q, st := range c.stmts {
		errs = append(errs, st.Close())
		delete(c.stmts, q)
	}
	return errors.Join(errs...)
}

// ExecContext runs a statement that returns no rows.
func (w *wtx) ExecContext(ctx context.Context, query string, args ...any) (sql.Result, error) {
	if w.cache == nil {
		return w.tx.ExecContext(ctx, rebound(w.rebind, query), args...)
	}
	st, err := w.stmt(ctx, query)
	if err != nil {
		return nil, err
	}
	return st.ExecContext(ctx, args...)
}

// QueryContext runs a query.
func (w *wtx) QueryContext(ctx context.Context, query string, args ...any) (*sql.Rows, error) {
	if w.cache == nil {
		return w.tx.QueryContext(ctx, rebound(w.rebind, query), args...)
	}
	st, err := w.stmt(ctx, query)
	if err != nil {
		return nil, err
	}
	return st.QueryContext(ctx, args...)
}

// QueryRowContext runs a query expected to return at most one row.
func (w *wtx) QueryRowContext(ctx context.Context, query string, args ...any) *sql.Row {
	if w.cache == nil {
		return w.tx.QueryRowContext(ctx, rebound(w.rebind, query), args...)
	}
	st, err := w.stmt(ctx, query)
	if err != nil {
		return w.tx.QueryRowContext(ctx, query, args...) // reports the same error on Scan
	}
	return st.QueryRowContext(ctx, args...)
}

func (w *wtx) closeStmts() {
	for _, st := range w.stmts {
		st.Close()
	}
}

// inWriteTx runs fn in one write transaction, committing when fn
// succeeds and rolling back otherwise. Write transactions run one at a
// time: on SQLite the writer has one connection; on PostgreSQL each takes
// the store's write lock first (dialect.lockWrites), which it holds until
// it ends.
func (s *DB) inWriteTx(ctx context.Context, fn func(*wtx) error) error {
	tx, err := s.write.db.BeginTx(ctx, nil)
	if err != nil {
		return fmt.Errorf("begin: %w", err)
	}
	defer tx.Rollback()
	w := &wtx{tx: tx, cache: s.stmts, stmts: map[string]*sql.Stmt{}, rebind: s.d.rebind}
	defer w.closeStmts()
	if s.d.lockWrites != "" {
		if _, err := w.ExecContext(ctx, s.d.lockWrites, s.lockKey); err != nil {
			return fmt.Errorf("lock writes: %w", err)
		}
	}
	if err := fn(w); err != nil {
		return err
	}
	if err := tx.Commit(); err != nil {
		return fmt.Errorf("commit: %w", err)
	}
	s.stmts.fill(ctx)
	return nil
}
