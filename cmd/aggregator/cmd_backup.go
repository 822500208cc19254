package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"

	"aggregator/internal/config"
	"aggregator/internal/store"
)

func backupFlags(fs *flag.FlagSet) {
	fs.Bool("force", false, "replace FILE when it exists")
}

// runBackup writes a consistent copy of the store to FILE. The copy is
// written beside FILE under another name and renamed into place at the
// end, so FILE is never a half-written backup (a cron job killed
// mid-copy leaves the previous one whole).
func runBackup(ctx context.Context, env *cmdEnv) error {
	if len(env.args) != 1 {
		return usageError{"backup takes one FILE, the copy to write"}
	}
	dst := env.args[0]
	force := env.fs.Lookup("force").Value.String() == "true"
	r, err := loadRules(env.configPath)
	if err != nil {
		return err
	}
	cfg := r.cfg
	if cfg.Storage.URL != "" {
		return configError{config.Problems{cfg.Problem("storage.url", "backup copies the embedded SQLite store; back PostgreSQL up with pg_dump")}}
	}
	src := cfg.Storage.Path
	if _, err := os.Stat(src); errors.Is(err, fs.ErrNotExist) {
		return inputError{fmt.Sprintf("no store at %s (storage.path, or AGGREGATOR_DB): nothing to back up yet; "+
			"'aggregator fetch' or 'serve' creates it", src)}
	}
	if same(src, dst) {
		return inputError{fmt.Sprintf("%s is the store itself: name another FILE for the copy", dst)}
	}
	if fi, err := os.Stat(dst); err == nil && (fi.IsDir() || !force) {
		if fi.IsDir() {
			return inputError{fmt.Sprintf("%s is a directory: name the backup file, like %s", dst, filepath.Join(dst, "aggregator.db"))}
		}
		return inputError{fmt.Sprintf("%s exists: name a new file (for example with the date in it), or replace it with --force", dst)}
	}
	st, err := store.Open(ctx, src, store.Options{Logger: newLogger(cfg.Log, env.stderr, true)})
	if err != nil {
		return storeError(src, err)
	}
	defer st.Close()

	partial := dst + ".partial"
	if err := os.Remove(partial); err != nil && !errors.Is(err, fs.ErrNotExist) {
		return fmt.Errorf("removing an earlier unfinished backup: %w", err)
	}
	p := newProgress(env.stderr, "backing up", 0)
	err = st.Backup(ctx, partial, func(done, total int64) { p.setOf(mib(done), mib(total), "MiB") })
	p.done()
	if err != nil {
		return storeError(src, err)
	}
	if err := os.Rename(partial, dst); err != nil {
		os.Remove(partial)
		return fmt.Errorf("backup: %w", err)
	}
	fi, err := os.Stat(dst)
	if err != nil {
		return fmt.Errorf("backup: %w", err)
	}
	fmt.Fprintf(env.stdout, "%s: backup of %s, %d bytes\n", dst, src, fi.Size())
	return nil
}

// mib rounds a byte count up to MiB.
func mib(n int64) int { return int((n + 1<<20 - 1) >> 20) }

// same reports whether two paths name the same existing file.
func same(a, b string) bool {
	fa, errA := os.Stat(a)
	fb, errB := os.Stat(b)
	return errA == nil && errB == nil && os.SameFile(fa, fb)
}
