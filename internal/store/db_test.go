package store

import (
	"context"
	"errors"
	"fmt"
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
