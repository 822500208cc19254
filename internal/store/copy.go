package store

import (
	"context"
	"errors"
	"fmt"
)

// copyTables are the tables Copy moves, every parent before its children.
// The full-text index is rebuilt from the items instead (its form differs
// by engine), and the change version is carried over.
var copyTables = []string{
	"sources", "source_state", "stories", "items", "item_topics", "story_topics",
	"websub_subscriptions", "fetch_leases", "websub_deliveries",
}

// copyBatch is how many rows Copy writes per transaction.
const copyBatch = 1000

// CopyOptions tune Copy.
type CopyOptions struct {
	// PlainText derives an item's indexed text from its stored HTML
	// (normalize.Text); required to rebuild the full-text index.
	PlainText func(html string) string
	// Progress, when set, is told after each batch the table being copied
	// and its rows done and in all.
	Progress func(table string, done, total int64)
}

// copyEngine is what an engine offers Copy, as source or destination.
type copyEngine interface {
	copyColumns(ctx context.Context, table string) ([]string, error)
	copyCount(ctx context.Context, table string) (int64, error)
	copyRead(ctx context.Context, table string, cols []string, fn func(row []any) error) error
	copyWrite(ctx context.Context, table string, cols []string, rows [][]any) error
	// copyFinish rebuilds what Copy does not move: the full-text index
	// and the change version (and, by engine, id sequences).
	copyFinish(ctx context.Context, version int64, plain func(string) string) error
}

// Copy copies the whole store from into to, which must be newly created
// (no sources, items or subscriptions): every table, row for row with its
// ids, so that the feeds published from to are the same bytes as from
// from. It reads from in one pass per table; from should not be written
// meanwhile.
func Copy(ctx context.Context, from, to Store, opts CopyOptions) error {
	src, ok := from.(copyEngine)
	dst, ok2 := to.(copyEngine)
	if !ok || !ok2 {
		return errors.New("copy: this store engine cannot be copied")
	}
	if opts.PlainText == nil {
		return errors.New("copy: no PlainText to rebuild the full-text index with")
	}
	for _, table := range []string{"sources", "items", "websub_subscriptions"} {
		n, err := dst.copyCount(ctx, table)
		if err != nil {
			return fmt.Errorf("copy: destination: %w", err)
		}
		if n > 0 {
			return fmt.Errorf("copy: the destination is not empty (%d rows in %s): copy into a new store", n, table)
		}
	}
	version, err := from.ChangeVersion(ctx)
	if err != nil {
		return fmt.Errorf("copy: %w", err)
	}
	for _, table := range copyTables {
		if err := copyTable(ctx, src, dst, table, opts.Progress); err != nil {
			return fmt.Errorf("copy %s: %w", table, err)
		}
	}
	if err := dst.copyFinish(ctx, version, opts.PlainText); err != nil {
		return fmt.Errorf("copy: %w", err)
	}
	return nil
}

func copyTable(ctx context.Context, src, dst copyEngine, table string, progress func(string, int64, int64)) error {
	cols, err := src.copyColumns(ctx, table)
	if err != nil {
		return err
	}
	total, err := src.copyCount(ctx, table)
	if err != nil {
		return err
	}
	var done int64
	var batch [][]any
	flush := func() error {
		if len(batch) == 0 {
			return nil
		}
		if err := dst.copyWrite(ctx, table, cols, batch); err != nil {
			return err
		}
		done += int64(len(batch))
		batch = batch[:0]
		if progress != nil {
			progress(table, done, total)
		}
		return nil
	}
	if progress != nil {
		progress(table, 0, total)
	}
	err = src.copyRead(ctx, table, cols, func(row []any) error {
		batch = append(batch, row)
		if len(batch) < copyBatch {
			return nil
		}
		return flush()
	})
	if err != nil {
		return err
	}
	return flush()
}
