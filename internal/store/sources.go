package store

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"

	"aggregator/internal/model"
)

// SyncSources records the configured sources' titles, URLs, regions,
// languages and whether they are enabled.
func (s *DB) SyncSources(ctx context.Context, sources []model.Source) error {
	err := s.inWriteTx(ctx, func(tx *wtx) error {
		for _, src := range sources {
			if err := resetMovedSource(ctx, tx, src); err != nil {
				return fmt.Errorf("source %s: %w", src.ID, err)
			}
			if _, err := tx.ExecContext(ctx, `INSERT INTO sources (id, title, url, region, language, enabled)
				VALUES (?, ?, ?, ?, ?, ?)
				ON CONFLICT (id) DO UPDATE SET title = excluded.title, url = excluded.url,
					region = excluded.region, language = excluded.language, enabled = excluded.enabled`,
				src.ID, src.Title, src.URL, src.Region, src.Language, src.Enabled); err != nil {
				return fmt.Errorf("source %s: %w", src.ID, err)
			}
		}
		return nil
	})
	if err != nil {
		return fmt.Errorf("sync sources: %w", err)
	}
	return nil
}

// resetMovedSource forgets what fetching taught us about a source whose
// configuration now points elsewhere or that was switched back on: its
// validators, a permanent redirect, a 410 and the backoff. The config is
// the user's; a change there is a fresh start.
func resetMovedSource(ctx context.Context, tx *wtx, src model.Source) error {
	var url string
	var enabled bool
	err := tx.QueryRowContext(ctx, `SELECT url, enabled FROM sources WHERE id = ?`, src.ID).Scan(&url, &enabled)
	if errors.Is(err, sql.ErrNoRows) {
		return nil
	}
	if err != nil {
		return err
	}
	if url == src.URL && (enabled || !src.Enabled) {
		return nil
	}
	_, err = tx.ExecContext(ctx, `UPDATE source_state SET etag = '', last_modified = '', permanent_url = '',
		gone = FALSE, consecutive_failures = 0, next_fetch = NULL, retry_after = NULL WHERE source_id = ?`, src.ID)
	return err
}

// SaveSourceState records a fetch attempt that stored no items.
func (s *DB) SaveSourceState(ctx context.Context, st model.SourceState) error {
	if st.SourceID == "" {
		return errors.New("save source state: empty source id")
	}
	err := s.inWriteTx(ctx, func(tx *wtx) error {
		if err := ensureSource(ctx, tx, st.SourceID); err != nil {
			return err
		}
		return putSourceState(ctx, tx, st)
	})
	if err != nil {
		return fmt.Errorf("save state of %s: %w", st.SourceID, err)
	}
	return nil
}

func putSourceState(ctx context.Context, tx *wtx, st model.SourceState) error {
	if st.Status == "" {
		st.Status = model.StatusNever
	}
	_, err := tx.ExecContext(ctx, `INSERT INTO source_state (source_id, etag, last_modified, last_fetch,
			last_success, next_fetch, status, last_error, consecutive_failures, permanent_url, retry_after, gone,
			refused)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
		ON CONFLICT (source_id) DO UPDATE SET etag = excluded.etag, last_modified = excluded.last_modified,
			last_fetch = excluded.last_fetch, last_success = excluded.last_success,
			next_fetch = excluded.next_fetch, status = excluded.status, last_error = excluded.last_error,
			consecutive_failures = excluded.consecutive_failures, permanent_url = excluded.permanent_url,
			retry_after = excluded.retry_after, gone = excluded.gone, refused = excluded.refused`,
		st.SourceID, st.ETag, st.LastModified, nullMS(st.LastFetch), nullMS(st.LastSuccess), nullMS(st.NextFetch),
		st.Status, st.LastError, st.ConsecutiveFailures, st.PermanentURL, nullMS(st.RetryAfter), st.Gone,
		refusedJSON(st.Refused))
	if err != nil {
		return fmt.Errorf("put state of %s: %w", st.SourceID, err)
	}
	return nil
}

const sourceStateSelect = `SELECT so.id, so.enabled, so.item_count,
	COALESCE(st.etag, ''), COALESCE(st.last_modified, ''), st.last_fetch, st.last_success, st.next_fetch,
	COALESCE(st.status, 'never'), COALESCE(st.last_error, ''), COALESCE(st.consecutive_failures, 0),
	COALESCE(st.permanent_url, ''), st.retry_after, COALESCE(st.gone, FALSE), COALESCE(st.refused, '{}')
	FROM sources so LEFT JOIN source_state st ON st.source_id = so.id`

// SourceState returns what we remember about fetching a source; a source
// never fetched (or unknown) has Status "never". The status is the last
// fetch's, whether or not the source is enabled now.
func (s *DB) SourceState(ctx context.Context, sourceID string) (model.SourceState, error) {
	stmt, err := s.readStmt(ctx, sourceStateSelect+` WHERE so.id = ?`)
	if err != nil {
		return model.SourceState{}, fmt.Errorf("state of %s: %w", sourceID, err)
	}
	st, _, err := scanSourceState(stmt.QueryRowContext(ctx, sourceID))
	if errors.Is(err, sql.ErrNoRows) {
		return model.SourceState{SourceID: sourceID, Status: model.StatusNever}, nil
	}
	if err != nil {
		return model.SourceState{}, fmt.Errorf("state of %s: %w", sourceID, err)
	}
	return st, nil
}

// Sources lists every known source's state with its item count, by id.
// A source disabled in the configuration has Status "disabled".
func (s *DB) Sources(ctx context.Context) ([]model.SourceState, error) {
	rows, err := s.read.QueryContext(ctx, sourceStateSelect+` ORDER BY so.id`)
	if err != nil {
		return nil, fmt.Errorf("list sources: %w", err)
	}
	defer rows.Close()
	var out []model.SourceState
	for rows.Next() {
		st, enabled, err := scanSourceState(rows)
		if err != nil {
			return nil, fmt.Errorf("list sources: %w", err)
		}
		if !enabled {
			st.Status = model.StatusDisabled
		}
		out = append(out, st)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("list sources: %w", err)
	}
	return out, nil
}

type scanner interface{ Scan(dest ...any) error }

func scanSourceState(row scanner) (st model.SourceState, enabled bool, err error) {
	var lastFetch, lastSuccess, next, ra sql.NullInt64
	var refused string
	if err := row.Scan(&st.SourceID, &enabled, &st.Items, &st.ETag, &st.LastModified, &lastFetch, &lastSuccess,
		&next, &st.Status, &st.LastError, &st.ConsecutiveFailures, &st.PermanentURL, &ra, &st.Gone, &refused); err != nil {
		return model.SourceState{}, false, err
	}
	if refused != "{}" && refused != "" {
		if err := json.Unmarshal([]byte(refused), &st.Refused); err != nil {
			return model.SourceState{}, false, fmt.Errorf("refused counts of %s: %w", st.SourceID, err)
		}
	}
	st.LastFetch, st.LastSuccess, st.NextFetch, st.RetryAfter =
		fromNullMS(lastFetch), fromNullMS(lastSuccess), fromNullMS(next), fromNullMS(ra)
	return st, enabled, nil
}

// refusedJSON is the stored form of SourceState.Refused.
func refusedJSON(byReason map[string]int) string {
	if len(byReason) == 0 {
		return "{}"
	}
	b, _ := json.Marshal(byReason) // a map of strings to ints always encodes
	return string(b)
}
