package store

import (
	"context"
	"database/sql"
	"fmt"
)

// wtx is a write transaction that prepares each distinct statement once:
// a fetch runs the same dozen statements for every item, and preparing
// them is most of the cost of running them.
type wtx struct {
	tx    *sql.Tx
	stmts map[string]*sql.Stmt
}

func (w *wtx) stmt(ctx context.Context, query string) (*sql.Stmt, error) {
	if st, ok := w.stmts[query]; ok {
		return st, nil
	}
	st, err := w.tx.PrepareContext(ctx, query)
	if err != nil {
		return nil, err
	}
	w.stmts[query] = st
	return st, nil
}

// ExecContext runs a statement that returns no rows.
func (w *wtx) ExecContext(ctx context.Context, query string, args ...any) (sql.Result, error) {
	st, err := w.stmt(ctx, query)
	if err != nil {
		return nil, err
	}
	return st.ExecContext(ctx, args...)
}

// QueryContext runs a query.
func (w *wtx) QueryContext(ctx context.Context, query string, args ...any) (*sql.Rows, error) {
	st, err := w.stmt(ctx, query)
	if err != nil {
		return nil, err
	}
	return st.QueryContext(ctx, args...)
}

// QueryRowContext runs a query expected to return at most one row.
func (w *wtx) QueryRowContext(ctx context.Context, query string, args ...any) *sql.Row {
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

// inWriteTx runs fn in one write transaction on the writer connection,
// committing when fn succeeds and rolling back otherwise.
func (s *SQLite) inWriteTx(ctx context.Context, fn func(*wtx) error) error {
	tx, err := s.write.BeginTx(ctx, nil)
	if err != nil {
		return fmt.Errorf("begin: %w", err)
	}
	defer tx.Rollback()
	w := &wtx{tx: tx, stmts: map[string]*sql.Stmt{}}
	defer w.closeStmts()
	if err := fn(w); err != nil {
		return err
	}
	if err := tx.Commit(); err != nil {
		return fmt.Errorf("commit: %w", err)
	}
	return nil
}
