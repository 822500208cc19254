package store

import (
	"context"
	"errors"
	"fmt"
	"io/fs"
	"path/filepath"
	"testing"

	"aggregator/internal/model"
	"aggregator/internal/pgtest"
)

func TestDiskSizeGrowsWithItems(t *testing.T) { onEngines(t, testDiskSizeGrowsWithItems) }

func testDiskSizeGrowsWithItems(t *testing.T) {
	ctx := context.Background()
	s := openTest(t)
	before, err := s.DiskSize(ctx)
	if err != nil || before <= 0 {
		t.Fatalf("DiskSize of an empty store = %d, %v; want its schema's bytes", before, err)
	}
	var items []model.Item
	for i := range 300 {
		items = append(items, item("dawn", fmt.Sprint(i), withText(fmt.Sprintf("text %d of some length to store", i))))
	}
	save(t, s, t0, "dawn", items...)
	after, err := s.DiskSize(ctx)
	if err != nil || after <= before {
		t.Errorf("DiskSize after 300 items = %d, %v; want more than %d", after, err, before)
	}
}

// TestBackupOnPostgresNamesPgDump: SQLite's backup is TestBackupWhileWriting.
func TestBackupOnPostgresNamesPgDump(t *testing.T) {
	s := openAt(t, pgtest.URL(t), Options{})
	err := s.Backup(context.Background(), filepath.Join(t.TempDir(), "b.db"), nil)
	if !errors.Is(err, ErrBackupPostgres) {
		t.Errorf("Backup on PostgreSQL: %v, want ErrBackupPostgres (use pg_dump)", err)
	}
}

// TestOpenTogether: processes starting at once on a new store apply its
// migrations once between them and all open it.
func TestOpenTogether(t *testing.T) { onEngines(t, testOpenTogether) }

func testOpenTogether(t *testing.T) {
	loc := testLocation(t)
	const n = 4
	errs := make(chan error, n)
	start := make(chan struct{})
	for range n {
		go func() {
			<-start
			s, err := openDB(context.Background(), loc, Options{})
			if err == nil {
				err = s.Close()
			}
			errs <- err
		}()
	}
	close(start)
	for range n {
		if err := <-errs; err != nil {
			t.Errorf("open: %v", err)
		}
	}
	s := openAt(t, loc, Options{})
	if got, want := count(t, s, `SELECT COUNT(*) FROM schema_migrations`), len(migrationNames(t, s)); got != want {
		t.Errorf("%d migrations recorded, want %d", got, want)
	}
}

func migrationNames(t *testing.T, s *DB) []string {
	t.Helper()
	names, err := fs.Glob(migrations, s.d.migrations)
	if err != nil {
		t.Fatal(err)
	}
	return names
}
