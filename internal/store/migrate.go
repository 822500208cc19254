package store

import (
	"context"
	"embed"
	"fmt"
	"io/fs"
	"sort"
)

// migrations holds each engine's numbered migrations: SQLite's in
// migrations, PostgreSQL's in migrations/postgres (whose 0001 is the
// whole schema SQLite's reached in several).
//
//go:embed migrations/*.sql migrations/postgres/*.sql
var migrations embed.FS

// migrate applies, in name order, every embedded migration of the engine
// not yet recorded in schema_migrations, each in its own write
// transaction (so that processes starting together on one PostgreSQL
// database apply each once).
func (s *DB) migrate(ctx context.Context) error {
	err := s.inWriteTx(ctx, func(tx *wtx) error {
		_, err := tx.tx.ExecContext(ctx, `CREATE TABLE IF NOT EXISTS schema_migrations (
			name TEXT PRIMARY KEY, applied_at BIGINT NOT NULL)`)
		return err
	})
	if err != nil {
		return fmt.Errorf("create schema_migrations: %w", err)
	}
	names, err := fs.Glob(migrations, s.d.migrations)
	if err != nil {
		return fmt.Errorf("list migrations: %w", err)
	}
	sort.Strings(names)
	for _, name := range names {
		if err := s.migrateOne(ctx, name); err != nil {
			return err
		}
	}
	return nil
}

func (s *DB) migrateOne(ctx context.Context, name string) error {
	return s.inWriteTx(ctx, func(tx *wtx) error {
		var n int
		if err := tx.QueryRowContext(ctx, `SELECT COUNT(*) FROM schema_migrations WHERE name = ?`, name).Scan(&n); err != nil {
			return fmt.Errorf("migration %s: %w", name, err)
		}
		if n > 0 {
			return nil
		}
		body, err := migrations.ReadFile(name)
		if err != nil {
			return fmt.Errorf("migration %s: %w", name, err)
		}
		if _, err := tx.tx.ExecContext(ctx, string(body)); err != nil { // several statements: not prepared
			return fmt.Errorf("migration %s: %w", name, err)
		}
		if _, err := tx.ExecContext(ctx, `INSERT INTO schema_migrations (name, applied_at) VALUES (?, ?)`,
			name, toMS(s.clock())); err != nil {
			return fmt.Errorf("migration %s: record: %w", name, err)
		}
		s.log.Debug("applied migration", "name", name)
		return nil
	})
}
