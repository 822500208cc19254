package store

import (
	"context"
	"errors"
	"fmt"
	"io/fs"
	"path/filepath"
	"testing"
	"time"

	"aggregator/internal/model"
)

// A backup taken while fetches are being saved holds whole fetches only
// (each is one transaction), opens as a store and passes SQLite's
// integrity check.
func TestBackupWhileWriting(t *testing.T) {
	ctx := context.Background()
	s := openTest(t)
	fetch := func(f int) {
		var items []model.Item
		for i := range 10 {
			items = append(items, item("dawn", fmt.Sprintf("%d-%d", f, i), withTopics("cpec"),
				withURL(fmt.Sprintf("https://w.example/%d/%d", f, i))))
		}
		save(t, s, t0.Add(time.Duration(f)*time.Minute), "dawn", items...)
	}
	for f := range 20 {
		fetch(f)
	}
	writing := make(chan struct{})
	go func() {
		defer close(writing)
		for f := 20; f < 60; f++ {
			fetch(f)
		}
	}()
	path := filepath.Join(t.TempDir(), "backup.db")
	var last, total int64
	err := s.Backup(ctx, path, func(done, tot int64) { last, total = done, tot })
	<-writing
	if err != nil {
		t.Fatal(err)
	}
	if last != total || total <= 0 {
		t.Errorf("last progress %d of %d, want all of a positive total", last, total)
	}
	b, err := OpenSQLite(ctx, path, Options{})
	if err != nil {
		t.Fatalf("opening the backup: %v", err)
	}
	defer b.Close()
	var check string
	if err := b.read.QueryRowContext(context.Background(), `PRAGMA integrity_check`).Scan(&check); err != nil || check != "ok" {
		t.Fatalf("integrity_check: %q, %v", check, err)
	}
	n := count(t, b, `SELECT COUNT(*) FROM items`)
	if n < 200 || n > 600 || n%10 != 0 {
		t.Errorf("the backup holds %d items: want whole fetches of 10, at least the 200 stored before it began", n)
	}
	if got, want := count(t, b, `SELECT COUNT(*) FROM item_topics`), n; got != want {
		t.Errorf("the backup holds %d topic rows for %d items", got, want)
	}

	if err := s.Backup(ctx, path, nil); !errors.Is(err, fs.ErrExist) {
		t.Errorf("backup over an existing file: %v, want fs.ErrExist", err)
	}
}
