package store

import (
	"context"
	"fmt"
	"strings"
)

var _ copyEngine = (*SQLite)(nil)

// copyColumns lists a table's columns in their order.
func (s *SQLite) copyColumns(ctx context.Context, table string) ([]string, error) {
	rows, err := s.read.QueryContext(ctx, `SELECT name FROM pragma_table_info(?) ORDER BY cid`, table)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var cols []string
	for rows.Next() {
		var c string
		if err := rows.Scan(&c); err != nil {
			return nil, err
		}
		cols = append(cols, c)
	}
	if err := rows.Err(); err != nil {
		return nil, err
	}
	if len(cols) == 0 {
		return nil, fmt.Errorf("no table %s", table)
	}
	return cols, nil
}

func (s *SQLite) copyCount(ctx context.Context, table string) (int64, error) {
	var n int64
	err := s.read.QueryRowContext(ctx, `SELECT COUNT(*) FROM `+quoteIdent(table)).Scan(&n)
	return n, err
}

// copyRead reads every row of a table, in primary key order, in one read
// transaction.
func (s *SQLite) copyRead(ctx context.Context, table string, cols []string, fn func(row []any) error) error {
	rows, err := s.read.QueryContext(ctx, `SELECT `+quoteIdents(cols)+` FROM `+quoteIdent(table)+` ORDER BY 1`)
	if err != nil {
		return err
	}
	defer rows.Close()
	for rows.Next() {
		row := make([]any, len(cols))
		ptrs := make([]any, len(cols))
		for i := range row {
			ptrs[i] = &row[i]
		}
		if err := rows.Scan(ptrs...); err != nil {
			return err
		}
		if err := fn(row); err != nil {
			return err
		}
	}
	return rows.Err()
}

// copyWrite inserts rows in one transaction.
func (s *SQLite) copyWrite(ctx context.Context, table string, cols []string, rows [][]any) error {
	query := `INSERT INTO ` + quoteIdent(table) + ` (` + quoteIdents(cols) + `) VALUES (` + placeholders(len(cols)) + `)`
	return s.inWriteTx(ctx, func(tx *wtx) error {
		for _, row := range rows {
			if _, err := tx.ExecContext(ctx, query, row...); err != nil {
				return err
			}
		}
		return nil
	})
}

// copyFinish indexes every item's text and sets the change version.
func (s *SQLite) copyFinish(ctx context.Context, version int64, plain func(string) string) error {
	if _, err := s.write.ExecContext(ctx, `UPDATE change_version SET version = ? WHERE id = 1`, version); err != nil {
		return fmt.Errorf("set change version: %w", err)
	}
	after := int64(-1)
	for {
		type text struct {
			id                      int64
			title, summary, content string
		}
		var batch []text
		rows, err := s.read.QueryContext(ctx, `SELECT id, title, summary, content FROM items WHERE id > ? ORDER BY id LIMIT ?`, after, copyBatch)
		if err != nil {
			return fmt.Errorf("index items: %w", err)
		}
		for rows.Next() {
			var t text
			if err := rows.Scan(&t.id, &t.title, &t.summary, &t.content); err != nil {
				rows.Close()
				return fmt.Errorf("index items: %w", err)
			}
			batch = append(batch, t)
		}
		rows.Close()
		if err := rows.Err(); err != nil {
			return fmt.Errorf("index items: %w", err)
		}
		if len(batch) == 0 {
			return nil
		}
		err = s.inWriteTx(ctx, func(tx *wtx) error {
			for _, t := range batch {
				if err := ftsPut(ctx, tx, t.id, t.title, plain(t.summary), plain(t.content), false); err != nil {
					return err
				}
			}
			return nil
		})
		if err != nil {
			return err
		}
		after = batch[len(batch)-1].id
	}
}

// quoteIdent quotes an SQL identifier.
func quoteIdent(name string) string { return `"` + strings.ReplaceAll(name, `"`, `""`) + `"` }

func quoteIdents(names []string) string {
	q := make([]string, len(names))
	for i, n := range names {
		q[i] = quoteIdent(n)
	}
	return strings.Join(q, ", ")
}
