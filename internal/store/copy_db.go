package store

import (
	"context"
	"fmt"
	"strings"
)

var _ copyEngine = (*DB)(nil)

// copyColumns lists a table's columns in their order.
func (s *DB) copyColumns(ctx context.Context, table string) ([]string, error) {
	cols, _, err := s.columnTypes(ctx, table)
	return cols, err
}

// columnTypes lists a table's columns in their order, and which of them
// are booleans (PostgreSQL's BOOLEAN; SQLite keeps them as integers).
func (s *DB) columnTypes(ctx context.Context, table string) (cols []string, boolean map[string]bool, err error) {
	query := `SELECT name, type FROM pragma_table_info(?) ORDER BY cid`
	if s.d.name == "postgres" {
		query = `SELECT column_name, data_type FROM information_schema.columns
			WHERE table_schema = current_schema() AND table_name = ? ORDER BY ordinal_position`
	}
	rows, err := s.read.QueryContext(ctx, query, table)
	if err != nil {
		return nil, nil, err
	}
	defer rows.Close()
	boolean = map[string]bool{}
	for rows.Next() {
		var c, typ string
		if err := rows.Scan(&c, &typ); err != nil {
			return nil, nil, err
		}
		cols = append(cols, c)
		boolean[c] = strings.EqualFold(typ, "boolean")
	}
	if err := rows.Err(); err != nil {
		return nil, nil, err
	}
	if len(cols) == 0 {
		return nil, nil, fmt.Errorf("no table %s", table)
	}
	return cols, boolean, nil
}

func (s *DB) copyCount(ctx context.Context, table string) (int64, error) {
	var n int64
	err := s.read.QueryRowContext(ctx, `SELECT COUNT(*) FROM `+quoteIdent(table)).Scan(&n)
	return n, err
}

// copyRead reads every row of a table, in primary key order, in one read
// transaction.
func (s *DB) copyRead(ctx context.Context, table string, cols []string, fn func(row []any) error) error {
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

// copyWrite inserts rows in one transaction. An integer bound for a
// BOOLEAN column (SQLite's form of a boolean) is converted.
func (s *DB) copyWrite(ctx context.Context, table string, cols []string, rows [][]any) error {
	_, boolean, err := s.columnTypes(ctx, table)
	if err != nil {
		return err
	}
	query := `INSERT INTO ` + quoteIdent(table) + ` (` + quoteIdents(cols) + `) VALUES (` + placeholders(len(cols)) + `)`
	return s.inWriteTx(ctx, func(tx *wtx) error {
		for _, row := range rows {
			for i, c := range cols {
				if n, ok := row[i].(int64); ok && boolean[c] {
					row[i] = n != 0
				}
			}
			if _, err := tx.ExecContext(ctx, query, row...); err != nil {
				return err
			}
		}
		return nil
	})
}

// copyFinish indexes every item's text and sets the change version.
func (s *DB) copyFinish(ctx context.Context, version int64, plain func(string) string) error {
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
				if err := ftsPut(ctx, tx, s.d, t.id, t.title, plain(t.summary), plain(t.content), false); err != nil {
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
