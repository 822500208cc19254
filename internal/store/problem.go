package store

import (
	"errors"
	"io/fs"

	"modernc.org/sqlite"
)

// Problems with the database file that its user can mend, as Problem
// tells them apart; the command line turns each into advice.
var (
	ErrLocked      = errors.New("the database is locked by another process")
	ErrNotWritable = errors.New("the database or its directory is not writable")
	ErrNotDatabase = errors.New("the file is not a database, or it is damaged")
	ErrCannotOpen  = errors.New("the database file cannot be opened")
	ErrDiskFull    = errors.New("the disk is full")
)

// SQLite's primary result codes behind those problems.
const (
	sqlitePerm     = 3
	sqliteBusy     = 5
	sqliteLocked   = 6
	sqliteReadOnly = 8
	sqliteCorrupt  = 11
	sqliteFull     = 13
	sqliteCantOpen = 14
	sqliteNotADB   = 26
)

// Problem returns which of the problems above err, from opening or
// writing the store, is; nil for any other error.
func Problem(err error) error {
	code := -1
	var se *sqlite.Error
	if errors.As(err, &se) {
		code = se.Code() & 0xff
	}
	switch {
	case code == sqliteBusy || code == sqliteLocked:
		return ErrLocked
	case code == sqliteReadOnly || code == sqlitePerm || errors.Is(err, fs.ErrPermission):
		return ErrNotWritable
	case code == sqliteNotADB || code == sqliteCorrupt:
		return ErrNotDatabase
	case code == sqliteCantOpen:
		return ErrCannotOpen
	case code == sqliteFull:
		return ErrDiskFull
	}
	return nil
}
