package store

import (
	"context"
	"errors"
	"log/slog"
	"strings"
	"time"

	"github.com/jackc/pgx/v5/stdlib"
)

// listenChanges holds one connection that LISTENs on aggregator_changes
// and kicks at every announcement of this store's schema, until ctx ends.
// A lost connection is opened again after a pause (the polling of
// WatchChanges goes on meanwhile).
func (s *DB) listenChanges(ctx context.Context, kick chan<- struct{}) {
	for ctx.Err() == nil {
		err := s.listenOnce(ctx, kick)
		if ctx.Err() != nil {
			return
		}
		s.log.Warn("listening for changes made by other instances; polling meanwhile", slog.Any("error", err))
		select {
		case <-ctx.Done():
		case <-time.After(5 * time.Second):
		}
	}
}

func (s *DB) listenOnce(ctx context.Context, kick chan<- struct{}) error {
	conn, err := s.read.db.Conn(ctx)
	if err != nil {
		return err
	}
	defer conn.Close()
	var schema string
	if err := conn.QueryRowContext(ctx, `SELECT current_schema()`).Scan(&schema); err != nil {
		return err
	}
	return conn.Raw(func(driverConn any) error {
		c, ok := driverConn.(*stdlib.Conn)
		if !ok {
			return errors.New("not a pgx connection")
		}
		pg := c.Conn()
		if _, err := pg.Exec(ctx, `LISTEN aggregator_changes`); err != nil {
			return err
		}
		defer pg.Exec(context.WithoutCancel(ctx), `UNLISTEN aggregator_changes`) //nolint:errcheck // back to the pool
		for {
			n, err := pg.WaitForNotification(ctx)
			if err != nil {
				if ctx.Err() != nil {
					return nil // pgx closes a connection whose wait was cut short; the pool drops it
				}
				return err
			}
			if from, _, _ := strings.Cut(n.Payload, " "); from != schema {
				continue
			}
			select {
			case kick <- struct{}{}:
			default:
			}
		}
	})
}
