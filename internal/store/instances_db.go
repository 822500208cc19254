package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"time"
)

var _ Instances = (*DB)(nil)

// PlanFetches makes plans the fetch schedule (see Instances).
func (s *DB) PlanFetches(ctx context.Context, plans []FetchPlan) error {
	err := s.inWriteTx(ctx, func(tx *wtx) error {
		planned, err := plannedSources(ctx, tx.QueryContext)
		if err != nil {
			return err
		}
		for _, p := range plans {
			delete(planned, p.SourceID)
			if _, err := tx.ExecContext(ctx, `INSERT INTO fetch_leases (source_id, next_due) VALUES (?, ?)
				ON CONFLICT (source_id) DO UPDATE SET next_due = CASE WHEN fetch_leases.next_due > ?
					THEN excluded.next_due ELSE fetch_leases.next_due END`,
				p.SourceID, toMS(p.Due), toMS(p.Latest)); err != nil {
				return err
			}
		}
		for id := range planned {
			if _, err := tx.ExecContext(ctx, `DELETE FROM fetch_leases WHERE source_id = ?`, id); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		return fmt.Errorf("plan fetches: %w", err)
	}
	return nil
}

// plannedSources reads the ids in the fetch schedule.
func plannedSources(ctx context.Context, query func(context.Context, string, ...any) (*sql.Rows, error)) (map[string]bool, error) {
	rows, err := query(ctx, `SELECT source_id FROM fetch_leases`)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	out := map[string]bool{}
	for rows.Next() {
		var id string
		if err := rows.Scan(&id); err != nil {
			return nil, err
		}
		out[id] = true
	}
	return out, rows.Err()
}

// ClaimFetches renews c.Owner's leases and claims due sources (see
// Instances). A claim that would change nothing writes nothing. On
// PostgreSQL the claim skips rows another instance is claiming (FOR UPDATE
// SKIP LOCKED) and does not wait for the store's write lock, so that
// claims go on while a fetch is being written; on SQLite it is a write
// transaction of its own.
func (s *DB) ClaimFetches(ctx context.Context, c FetchClaim) ([]ClaimedFetch, error) {
	if c.Owner == "" {
		return nil, errors.New("claim fetches: empty owner")
	}
	var busy bool
	if err := s.read.QueryRowContext(ctx, `SELECT EXISTS (SELECT 1 FROM fetch_leases WHERE owner = ?)
			OR EXISTS (SELECT 1 FROM fetch_leases WHERE next_due <= ? AND (owner = '' OR lease_until < ?))`,
		c.Owner, toMS(c.Now), toMS(c.Now)).Scan(&busy); err != nil {
		return nil, fmt.Errorf("claim fetches: %w", err)
	}
	if !busy {
		return nil, nil
	}
	skipLocked := ""
	if s.d.lockWrites != "" {
		skipLocked = " FOR UPDATE SKIP LOCKED"
	}
	var out []ClaimedFetch
	err := s.inClaimTx(ctx, func(tx *wtx) error {
		if _, err := tx.ExecContext(ctx, `UPDATE fetch_leases SET lease_until = ? WHERE owner = ?`, toMS(c.Until), c.Owner); err != nil {
			return err
		}
		if c.Limit <= 0 {
			return nil
		}
		rows, err := tx.QueryContext(ctx, `UPDATE fetch_leases SET owner = ?, lease_until = ?
			WHERE source_id IN (SELECT source_id FROM fetch_leases
				WHERE next_due <= ? AND (owner = '' OR lease_until < ?) ORDER BY next_due LIMIT ?`+skipLocked+`)
			RETURNING source_id, next_due`,
			c.Owner, toMS(c.Until), toMS(c.Now), toMS(c.Now), c.Limit)
		if err != nil {
			return err
		}
		out, err = scanClaims(rows)
		return err
	})
	if err != nil {
		return nil, fmt.Errorf("claim fetches for %s: %w", c.Owner, err)
	}
	return out, nil
}

// inClaimTx runs fn in a write transaction that, on an engine whose
// writers take the store's lock (PostgreSQL), does not take it: row locks
// are enough for leases. On SQLite it is inWriteTx: one writer.
func (s *DB) inClaimTx(ctx context.Context, fn func(*wtx) error) error {
	if s.d.lockWrites == "" {
		return s.inWriteTx(ctx, fn)
	}
	tx, err := s.write.db.BeginTx(ctx, nil)
	if err != nil {
		return fmt.Errorf("begin: %w", err)
	}
	defer tx.Rollback()
	w := &wtx{tx: tx, stmts: map[string]*sql.Stmt{}, rebind: s.d.rebind}
	defer w.closeStmts()
	if err := fn(w); err != nil {
		return err
	}
	if err := tx.Commit(); err != nil {
		return fmt.Errorf("commit: %w", err)
	}
	return nil
}

// scanClaims reads (source_id, next_due) rows and closes them.
func scanClaims(rows *sql.Rows) ([]ClaimedFetch, error) {
	defer rows.Close()
	var out []ClaimedFetch
	for rows.Next() {
		var c ClaimedFetch
		var due int64
		if err := rows.Scan(&c.SourceID, &due); err != nil {
			return nil, err
		}
		c.Due = fromMS(due)
		out = append(out, c)
	}
	return out, rows.Err()
}

// FinishFetch ends a lease and sets the source's next due time.
func (s *DB) FinishFetch(ctx context.Context, f FinishedFetch) error {
	err := s.inClaimTx(ctx, func(tx *wtx) error {
		_, err := tx.ExecContext(ctx, `UPDATE fetch_leases SET next_due = ?, owner = '', lease_until = 0,
				fetched_by = CASE WHEN ? THEN ? ELSE fetched_by END
			WHERE source_id = ? AND owner = ?`,
			toMS(f.Next), f.Fetched, f.Owner, f.SourceID, f.Owner)
		return err
	})
	if err != nil {
		return fmt.Errorf("finish fetch of %s: %w", f.SourceID, err)
	}
	return nil
}

// FetchDues returns every planned source's next due time.
func (s *DB) FetchDues(ctx context.Context) (map[string]time.Time, error) {
	return fetchDues(ctx, s.read.QueryContext)
}

func fetchDues(ctx context.Context, query func(context.Context, string, ...any) (*sql.Rows, error)) (map[string]time.Time, error) {
	rows, err := query(ctx, `SELECT source_id, next_due FROM fetch_leases`)
	if err != nil {
		return nil, fmt.Errorf("fetch dues: %w", err)
	}
	claims, err := scanClaims(rows)
	if err != nil {
		return nil, fmt.Errorf("fetch dues: %w", err)
	}
	out := make(map[string]time.Time, len(claims))
	for _, c := range claims {
		out[c.SourceID] = c.Due
	}
	return out, nil
}

// deliveryRow is a stored delivery claim.
type deliveryRow struct {
	version    int64
	digest     string
	owner      string
	leaseUntil int64
	done       bool
}

// claimable says whether d may take over the stored claim row (nil: none).
func (row *deliveryRow) claimable(d DeliveryClaim) bool {
	switch {
	case row == nil:
		return true
	case d.Version < row.version:
		return false // a newer version was claimed
	case row.owner == d.Owner:
		return row.digest != d.Digest || !row.done // a retry of its own, or a newer body
	case !row.done && row.leaseUntil >= toMS(d.Now):
		return false // another instance is delivering; it sends the newest it renders
	default:
		// The same body done, or left by an instance that died, is not sent again.
		return row.digest != d.Digest || !row.done
	}
}

// ClaimDelivery claims one version of a feed for one subscriber (see
// Instances).
func (s *DB) ClaimDelivery(ctx context.Context, d DeliveryClaim) (bool, error) {
	var ok bool
	err := s.inWriteTx(ctx, func(tx *wtx) error {
		var row deliveryRow
		err := tx.QueryRowContext(ctx, `SELECT version, digest, owner, lease_until, done FROM websub_deliveries
			WHERE topic = ? AND callback = ?`, d.Topic, d.Callback).
			Scan(&row.version, &row.digest, &row.owner, &row.leaseUntil, &row.done)
		var prev *deliveryRow
		switch {
		case err == nil:
			prev = &row
		case !errors.Is(err, sql.ErrNoRows):
			return err
		}
		if ok = prev.claimable(d); !ok {
			return nil
		}
		_, err = tx.ExecContext(ctx, `INSERT INTO websub_deliveries (topic, callback, version, digest, owner, lease_until, done)
			VALUES (?, ?, ?, ?, ?, ?, FALSE)
			ON CONFLICT (topic, callback) DO UPDATE SET version = excluded.version, digest = excluded.digest,
				owner = excluded.owner, lease_until = excluded.lease_until, done = FALSE`,
			d.Topic, d.Callback, d.Version, d.Digest, d.Owner, toMS(d.Until))
		return err
	})
	if err != nil {
		return false, fmt.Errorf("claim delivery of %s to %s: %w", d.Topic, d.Callback, err)
	}
	return ok, nil
}

// FinishDelivery marks a claim done.
func (s *DB) FinishDelivery(ctx context.Context, d DeliveryClaim) error {
	err := s.inWriteTx(ctx, func(tx *wtx) error {
		_, err := tx.ExecContext(ctx, `UPDATE websub_deliveries SET done = TRUE
			WHERE topic = ? AND callback = ? AND owner = ? AND digest = ?`, d.Topic, d.Callback, d.Owner, d.Digest)
		return err
	})
	if err != nil {
		return fmt.Errorf("finish delivery of %s to %s: %w", d.Topic, d.Callback, err)
	}
	return nil
}

// WatchChanges polls the change version every interval; on PostgreSQL it
// also listens for the announcement of each new version (migration
// postgres/0002) and reads the version at once.
func (s *DB) WatchChanges(ctx context.Context, every time.Duration) <-chan int64 {
	var kick chan struct{}
	if s.d.name == "postgres" {
		kick = make(chan struct{}, 1)
		go s.listenChanges(ctx, kick)
	}
	return pollChanges(ctx, every, s.ChangeVersion, s.log, kick)
}
