package store

import (
	"context"
	"fmt"
)

// ChangeVersion returns the store-wide change marker.
func (s *DB) ChangeVersion(ctx context.Context) (int64, error) {
	var v int64
	if err := s.read.QueryRowContext(ctx, `SELECT version FROM change_version WHERE id = 1`).Scan(&v); err != nil {
		return 0, fmt.Errorf("change version: %w", err)
	}
	return v, nil
}

// bumpVersion increments the change marker inside tx and returns its new
// value; the increment commits or rolls back with the write it marks.
func bumpVersion(ctx context.Context, tx *wtx) (int64, error) {
	var v int64
	if err := tx.QueryRowContext(ctx, `UPDATE change_version SET version = version + 1 WHERE id = 1 RETURNING version`).
		Scan(&v); err != nil {
		return 0, fmt.Errorf("bump change version: %w", err)
	}
	return v, nil
}
