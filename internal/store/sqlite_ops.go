package store

// Operations on an SQLite store as a whole: backup, size.

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"time"
)

// backupPoll is how often Backup reports the copy's progress.
const backupPoll = 200 * time.Millisecond

// Backup copies the database with VACUUM INTO: one read transaction, so
// the copy is a consistent snapshot however long it takes, written
// compactly (no free pages), and writers are never blocked (WAL). The
// progress is the size of the file being written against the pages in
// use when the copy began.
func sqliteBackup(ctx context.Context, s *DB, path string, progress func(done, total int64)) error {
	if _, err := os.Lstat(path); err == nil {
		return fmt.Errorf("backup to %s: %w", path, fs.ErrExist)
	}
	// A connection of its own: the readers are query_only, which refuses
	// VACUUM INTO, and the writer must stay free for fetches.
	file, err := s.file(ctx)
	if err != nil {
		return fmt.Errorf("backup: %w", err)
	}
	db, err := sql.Open("sqlite", dsn(file, false))
	if err != nil {
		return fmt.Errorf("backup: %w", err)
	}
	defer db.Close()
	conn, err := db.Conn(ctx)
	if err != nil {
		return fmt.Errorf("backup: %w", err)
	}
	defer conn.Close()
	var pages, pageSize int64
	if err := conn.QueryRowContext(ctx, `SELECT (SELECT page_count FROM pragma_page_count())
		- (SELECT freelist_count FROM pragma_freelist_count()),
		(SELECT page_size FROM pragma_page_size())`).Scan(&pages, &pageSize); err != nil {
		return fmt.Errorf("backup: measuring the store: %w", err)
	}
	total := pages * pageSize

	done := make(chan struct{})
	stopped := make(chan struct{})
	go func() {
		defer close(stopped)
		if progress == nil {
			return
		}
		t := time.NewTicker(backupPoll)
		defer t.Stop()
		for {
			select {
			case <-done:
				return
			case <-t.C:
				if fi, err := os.Stat(path); err == nil {
					progress(min(fi.Size(), total), total)
				}
			}
		}
	}()
	_, err = conn.ExecContext(ctx, `VACUUM INTO ?`, path)
	close(done)
	<-stopped
	if err != nil {
		if rmErr := os.Remove(path); rmErr != nil && !errors.Is(rmErr, fs.ErrNotExist) {
			err = errors.Join(err, rmErr)
		}
		return fmt.Errorf("backup to %s: %w", path, err)
	}
	if progress != nil {
		progress(total, total)
	}
	return nil
}

// DiskSize adds up the database file and its write-ahead log.
func sqliteDiskSize(ctx context.Context, s *DB) (int64, error) {
	file, err := s.file(ctx)
	if err != nil {
		return 0, fmt.Errorf("store size: %w", err)
	}
	var size int64
	for _, p := range []string{file, file + "-wal"} {
		fi, err := os.Stat(p)
		if errors.Is(err, fs.ErrNotExist) && p != file {
			continue
		}
		if err != nil {
			return 0, fmt.Errorf("store size: %w", err)
		}
		size += fi.Size()
	}
	return size, nil
}

// file is the path of the database file, as SQLite opened it.
func (s *DB) file(ctx context.Context) (string, error) {
	var file string
	if err := s.read.QueryRowContext(ctx, `SELECT file FROM pragma_database_list WHERE name = 'main'`).Scan(&file); err != nil {
		return "", fmt.Errorf("the database file: %w", err)
	}
	return file, nil
}
