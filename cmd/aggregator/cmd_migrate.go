package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io/fs"
	"log/slog"
	"os"
	"strings"

	"aggregator/internal/normalize"
	"aggregator/internal/redact"
	"aggregator/internal/store"
)

func migrateFlags(fs *flag.FlagSet) {
	fs.String("from", "", "the store to copy: sqlite:PATH or postgres://USER@HOST/DB")
	fs.String("to", "", "the new store to copy it into: sqlite:PATH (a new file) or postgres://USER@HOST/DB (an empty database)")
}

// runMigrate copies a whole store into a new one, across engines: every
// source's state, item, story, topic, subscription and the shared fetch
// schedule, ids and all, so that the feeds published from the copy are
// the same bytes (with the same server.base_url). The configuration is not
// read: both stores are named by URL.
func runMigrate(ctx context.Context, env *cmdEnv) error {
	if len(env.args) > 0 {
		return usageError{"migrate takes no arguments: name the stores with --from URL --to URL"}
	}
	from, to := env.fs.Lookup("from").Value.String(), env.fs.Lookup("to").Value.String()
	if from == "" || to == "" {
		return usageError{"migrate needs --from URL and --to URL (sqlite:PATH or postgres://USER@HOST/DB)"}
	}
	if from == to {
		return inputError{fmt.Sprintf("--from and --to are the same store (%s)", redact.URL(from))}
	}
	log := slog.New(slog.DiscardHandler)
	src, err := openStoreURL(ctx, "--from", from, true, log)
	if err != nil {
		return err
	}
	defer src.Close()
	dst, err := openStoreURL(ctx, "--to", to, false, log)
	if err != nil {
		return err
	}
	defer dst.Close()

	p := newProgress(env.stderr, "copying", 0)
	err = store.Copy(ctx, src, dst, store.CopyOptions{
		PlainText: normalize.Text,
		Progress:  func(table string, done, total int64) { p.setOf(int(done), int(total), table) },
	})
	p.done()
	if err != nil {
		return fmt.Errorf("migrate %s to %s: %w", redact.URL(from), redact.URL(to), err)
	}
	t, err := dst.Totals(ctx)
	if err != nil {
		return fmt.Errorf("migrate: counting the copy: %w", err)
	}
	fmt.Fprintf(env.stdout, "%s: copied from %s: %d items, %d stories\n", redact.URL(to), redact.URL(from), t.Items, t.Stories)
	return nil
}

// openStoreURL opens the store a --from or --to URL names. The store to
// copy must exist; a SQLite file to copy into must not, and a PostgreSQL
// store to copy into must be empty (store.Copy checks).
func openStoreURL(ctx context.Context, flagName, rawURL string, existing bool, log *slog.Logger) (store.Store, error) {
	switch {
	case strings.HasPrefix(rawURL, "sqlite:"):
		path := strings.TrimPrefix(strings.TrimPrefix(rawURL, "sqlite:"), "//")
		if path == "" {
			return nil, usageError{fmt.Sprintf("%s %s names no file: write sqlite:PATH", flagName, rawURL)}
		}
		_, err := os.Stat(path)
		switch {
		case existing && errors.Is(err, fs.ErrNotExist):
			return nil, inputError{fmt.Sprintf("%s: no store at %s", flagName, path)}
		case !existing && err == nil:
			return nil, inputError{fmt.Sprintf("%s: %s exists: migrate copies into a new file, name one that does not exist", flagName, path)}
		}
		st, err := store.Open(ctx, path, store.Options{Logger: log})
		if err != nil {
			return nil, storeError(path, err)
		}
		return st, nil
	case store.IsPostgresURL(rawURL):
		st, err := store.OpenPostgres(ctx, rawURL, store.Options{Logger: log})
		if err != nil {
			return nil, fmt.Errorf("%s: %w", flagName, err)
		}
		return st, nil
	}
	return nil, usageError{fmt.Sprintf("%s %s: want sqlite:PATH or postgres://USER@HOST/DB", flagName, redact.URL(rawURL))}
}
