package ingest

import (
	"context"
	"runtime"
)

// turns bounds the fetched documents being parsed, tagged and stored at
// once. Fetching is bounded by the Limiter, but storing goes through one
// writer and is the slower stage: without this bound every fetched
// document of a large cold start (thousands of sources) would be parsed
// and held in memory while it waits for the writer. With it, a document
// waits as its body only, which is a fraction of its parsed form.
type turns chan struct{}

// DefaultMaxProcessing is the bound on documents processed at once when
// Options.MaxProcessing is zero: one per CPU, at least two, so that one
// document is parsed while another is written.
func DefaultMaxProcessing() int { return 2 * max(2, runtime.GOMAXPROCS(0)) }

// wait takes a turn, or fails when ctx ends first; release gives it back.
func (t turns) wait(ctx context.Context) (release func(), err error) {
	select {
	case t <- struct{}{}:
		return func() { <-t }, nil
	case <-ctx.Done():
		return nil, ctx.Err()
	}
}
