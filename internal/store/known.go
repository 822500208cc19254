package store

import (
	"context"
	"fmt"
	"strings"
)

// hashesPerQuery bounds the keys bound into one IN list (SQLite allows
// 32766 parameters; smaller lists keep each statement cheap to plan).
const hashesPerQuery = 500

// ItemHashes returns the stored hash of each of keys stored for sourceID.
func (s *DB) ItemHashes(ctx context.Context, sourceID string, keys []string) (map[string]string, error) {
	out := make(map[string]string, len(keys))
	for start := 0; start < len(keys); start += hashesPerQuery {
		chunk := keys[start:min(start+hashesPerQuery, len(keys))]
		args := make([]any, 0, len(chunk)+1)
		args = append(args, sourceID)
		for _, k := range chunk {
			args = append(args, k)
		}
		query := `SELECT key, hash FROM items WHERE source_id = ? AND key IN (?` +
			strings.Repeat(", ?", len(chunk)-1) + `)`
		if err := s.scanHashes(ctx, out, query, args); err != nil {
			return nil, fmt.Errorf("item hashes of %s: %w", sourceID, err)
		}
	}
	return out, nil
}

func (s *DB) scanHashes(ctx context.Context, out map[string]string, query string, args []any) error {
	rows, err := s.read.QueryContext(ctx, query, args...)
	if err != nil {
		return err
	}
	defer rows.Close()
	for rows.Next() {
		var key, hash string
		if err := rows.Scan(&key, &hash); err != nil {
			return err
		}
		out[key] = hash
	}
	return rows.Err()
}
