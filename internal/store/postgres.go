package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"hash/fnv"
	"runtime"

	"aggregator/internal/redact"

	_ "github.com/jackc/pgx/v5/stdlib" // registers the "pgx" driver
)

// postgresDialect is PostgreSQL's: $n placeholders, writers of every
// process serialised by a transaction-scoped advisory lock, a tsvector
// full-text index fed with the tokens SQLite's tokenizer makes.
var postgresDialect = &dialect{
	name:       "postgres",
	rebind:     numberedPlaceholders,
	lockWrites: `SELECT pg_advisory_xact_lock(?)`,
	snapshot:   &sql.TxOptions{Isolation: sql.LevelRepeatableRead, ReadOnly: true},
	indexedBy:  func(string) string { return "" },

	ftsInsert:   `INSERT INTO items_fts (rowid, text) VALUES (?, CAST(? AS tsvector))`,
	ftsDocument: tsvectorOf,
	ftsMatch:    `items_fts.text @@ CAST(? AS tsquery)`,
	ftsQuery:    tsqueryOf,

	migrations: "migrations/postgres/*.sql",
	backup: func(context.Context, *DB, string, func(int64, int64)) error {
		return ErrBackupPostgres
	},
	diskSize: postgresDiskSize,
}

// ErrBackupPostgres is Backup's answer on PostgreSQL.
var ErrBackupPostgres = errors.New("backup copies the embedded SQLite store; back a PostgreSQL store up with pg_dump")

// OpenPostgres opens the PostgreSQL database at dbURL (postgres://…;
// pgx's connection string: a search_path parameter picks the schema) and
// applies pending migrations. Several processes may open one database:
// each write transaction takes the store's advisory lock, a key derived
// from the schema, so that they write one at a time.
func OpenPostgres(ctx context.Context, dbURL string, opts Options) (*DB, error) {
	opts = opts.withDefaults()
	name := redact.URL(dbURL)
	db, err := sql.Open("pgx", dbURL)
	if err != nil {
		return nil, fmt.Errorf("open postgresql store %s: %w", name, err)
	}
	// Reads and writes share the pool; writes wait for one another on the
	// advisory lock holding a connection each, so leave room for readers.
	n := max(8, 2*runtime.GOMAXPROCS(0))
	db.SetMaxOpenConns(n)
	db.SetMaxIdleConns(n)
	var schema sql.NullString
	if err := db.QueryRowContext(ctx, `SELECT current_schema()`).Scan(&schema); err != nil {
		db.Close()
		return nil, fmt.Errorf("open postgresql store %s: %w", name, err)
	}
	if !schema.Valid {
		db.Close()
		return nil, fmt.Errorf("open postgresql store %s: no schema of its search_path exists", name)
	}
	s := newDB(db, db, postgresDialect, opts)
	s.lockKey = lockKey(schema.String)
	if err := s.migrate(ctx); err != nil {
		db.Close()
		return nil, fmt.Errorf("open postgresql store %s: %w", name, err)
	}
	return s, nil
}

// lockKey is the advisory lock of the store in schema: stores in other
// schemas of the database write independently.
func lockKey(schema string) int64 {
	h := fnv.New64a()
	h.Write([]byte("aggregator store\n" + schema))
	return int64(h.Sum64())
}

// postgresDiskSize adds up the tables of the store's schema with their
// indexes and TOAST (pg_total_relation_size): the database may hold more.
func postgresDiskSize(ctx context.Context, s *DB) (int64, error) {
	var size int64
	err := s.read.QueryRowContext(ctx, `SELECT CAST(COALESCE(SUM(pg_total_relation_size(c.oid)), 0) AS BIGINT)
		FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
		WHERE n.nspname = current_schema() AND c.relkind = 'r'`).Scan(&size)
	if err != nil {
		return 0, fmt.Errorf("store size: %w", err)
	}
	return size, nil
}
