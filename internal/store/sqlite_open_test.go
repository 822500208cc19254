package store

import (
	"context"
	"io/fs"
	"path/filepath"
	"testing"
)

func TestOpen(t *testing.T) {
	ctx := context.Background()
	t.Run("CreatesDirectoryAndVerifiesWAL", func(t *testing.T) {
		path := filepath.Join(t.TempDir(), "a", "b", "agg.db")
		s, err := OpenSQLite(ctx, path, Options{})
		if err != nil {
			t.Fatal(err)
		}
		defer s.Close()
		var mode string
		if err := s.read.QueryRowContext(ctx, "PRAGMA journal_mode").Scan(&mode); err != nil {
			t.Fatal(err)
		}
		if mode != "wal" {
			t.Errorf("read pool journal_mode = %q, want wal", mode)
		}
		var fk int
		if err := s.write.QueryRowContext(ctx, "PRAGMA foreign_keys").Scan(&fk); err != nil {
			t.Fatal(err)
		}
		if fk != 1 {
			t.Errorf("foreign_keys = %d, want 1", fk)
		}
		if err := s.Ping(ctx); err != nil {
			t.Errorf("ping: %v", err)
		}
	})
	t.Run("MigrationsIdempotentOnReopen", func(t *testing.T) {
		path := filepath.Join(t.TempDir(), "agg.db")
		files, err := fs.Glob(migrations, "migrations/*.sql")
		if err != nil || len(files) == 0 {
			t.Fatalf("no embedded migrations: %v", err)
		}
		for i := range 3 {
			s, err := OpenSQLite(ctx, path, Options{})
			if err != nil {
				t.Fatalf("open #%d: %v", i, err)
			}
			if i == 0 {
				save(t, s, t0, "dawn", item("dawn", "a"))
			}
			if got := count(t, s, `SELECT COUNT(*) FROM schema_migrations`); got != len(files) {
				t.Errorf("open #%d: %d migrations recorded, want %d", i, got, len(files))
			}
			if got := count(t, s, `SELECT COUNT(*) FROM items`); got != 1 {
				t.Errorf("open #%d: %d items, want 1 kept across reopen", i, got)
			}
			s.Close()
		}
	})
	t.Run("ReadPoolCannotWrite", func(t *testing.T) {
		s := openTest(t)
		if _, err := s.read.ExecContext(ctx, `INSERT INTO sources (id) VALUES ('x')`); err == nil {
			t.Error("insert through the read pool succeeded, want query_only error")
		}
	})
	t.Run("RefusesDatabaseNotInWAL", func(t *testing.T) {
		// An in-memory database cannot run in WAL mode.
		s, err := OpenSQLite(ctx, ":memory:", Options{})
		if err == nil {
			s.Close()
			t.Fatal("open of :memory: succeeded, want journal_mode error")
		}
	})
	t.Run("RejectsEmptyPath", func(t *testing.T) {
		if _, err := Open(ctx, "", Options{}); err == nil {
			t.Error("open with empty path succeeded")
		}
	})
}
