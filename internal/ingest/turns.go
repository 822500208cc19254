package ingest

import (
	"context"
	"runtime"
)

// turns bounds work in flight: the fetched documents being parsed, tagged
// and stored at once (Options.MaxProcessing), and the documents fetched
// and not yet stored (Options.MaxFetched). Fetching is bounded by the
// Limiter, but storing goes through one writer and is the slower stage:
// without the first bound every fetched document of a large cold start
// (thousands of sources) would be parsed and held in memory while it
// waits for the writer; without the second, every body (a cold start of
// 1,000 loopback sources held 250 MB of them).
type turns chan struct{}

// DefaultMaxProcessing is the bound on documents processed at once when
// Options.MaxProcessing is zero: two per CPU, at least four, so that
// documents are parsed while another is written.
func DefaultMaxProcessing() int { return 2 * max(2, runtime.GOMAXPROCS(0)) }

// DefaultMaxFetched is the bound on documents fetched and not yet stored
// when Options.MaxFetched is zero: the processing turns and eight more
// (the default fetch concurrency) waiting for one.
func DefaultMaxFetched(maxProcessing int) int { return maxProcessing + 8 }

// wait takes a turn, or fails when ctx ends first; release gives it back.
func (t turns) wait(ctx context.Context) (release func(), err error) {
	select {
	case t <- struct{}{}:
		return func() { <-t }, nil
	case <-ctx.Done():
		return nil, ctx.Err()
	}
}
