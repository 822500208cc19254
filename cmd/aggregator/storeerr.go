package main

import (
	"fmt"

	"aggregator/internal/config"
	"aggregator/internal/redact"
	"aggregator/internal/store"
)

// hintedError is an error with a line saying what to do about it.
type hintedError struct {
	err  error
	hint string
}

func (e hintedError) Error() string { return e.err.Error() + "\n" + e.hint }
func (e hintedError) Unwrap() error { return e.err }

// storeLocation is where the configured store is (storage.url when set,
// else storage.path) and its name for messages (the URL without its
// password).
func storeLocation(cfg *config.Config) (location, name string) {
	if cfg.Storage.URL == "" {
		return cfg.Storage.Path, cfg.Storage.Path
	}
	return cfg.Storage.URL, redact.URL(cfg.Storage.URL)
}

// storeError wraps an error of opening or first writing the SQLite file
// at path with the likely cause and what to do next, when it has one.
func storeError(path string, err error) error {
	if hint := storeHint(path, err); hint != "" {
		return hintedError{err: err, hint: hint}
	}
	return err
}

func storeHint(path string, err error) string {
	elsewhere := "or set storage.path (or AGGREGATOR_DB) to another file"
	switch store.Problem(err) {
	case store.ErrLocked:
		return fmt.Sprintf("Another process kept %s locked for more than 10 s (a long write by another "+
			"aggregator command, or a sqlite3 shell with an open transaction): let it finish or stop it, then run again.", path)
	case store.ErrNotWritable:
		return fmt.Sprintf("This user cannot write %s or its directory (SQLite writes -wal and -shm files beside it): "+
			"give it write access to both, %s.", path, elsewhere)
	case store.ErrNotDatabase:
		return fmt.Sprintf("%s is not an aggregator database, or it is damaged: point storage.path (or AGGREGATOR_DB) "+
			"at the right file, or move this one aside to start afresh.", path)
	case store.ErrCannotOpen:
		return fmt.Sprintf("%s cannot be opened as a file (a directory? an unreadable folder?): "+
			"storage.path (or AGGREGATOR_DB) must name a database file.", path)
	case store.ErrDiskFull:
		return fmt.Sprintf("The disk holding %s is full: free some space, %s.", path, elsewhere)
	}
	return ""
}
