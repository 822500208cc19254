package store

import (
	"context"
	"log/slog"
	"time"
)

// Options tune a store.
type Options struct {
	// Clock returns the current time; nil means time.Now.
	Clock func() time.Time
	// Logger receives the store's diagnostics; nil discards them.
	Logger *slog.Logger
}

func (o Options) withDefaults() Options {
	if o.Clock == nil {
		o.Clock = time.Now
	}
	if o.Logger == nil {
		o.Logger = slog.New(slog.DiscardHandler)
	}
	return o
}

// Open opens the embedded SQLite store in the file at path, creating the
// file, its directory and the schema as needed.
func Open(ctx context.Context, path string, opts Options) (Store, error) {
	s, err := OpenSQLite(ctx, path, opts)
	if err != nil {
		return nil, err
	}
	return s, nil
}
