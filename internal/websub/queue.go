package websub

import (
	"context"
	"errors"
	"log/slog"
	"sync"
	"time"
)

// errQueueFull is returned when a task cannot be queued.
var errQueueFull = errors.New("websub work queue is full")

// task is one piece of outbound work: a verification, a delivery or a
// ping. run returns nil when done, a permanent error to give up, or any
// other error to be tried again later.
type task struct {
	what    string // for logs
	attempt int    // tries made so far
	run     func(ctx context.Context) error
}

// permanentError is a failure that retrying cannot mend.
type permanentError struct{ err error }

func (e permanentError) Error() string { return e.err.Error() }
func (e permanentError) Unwrap() error { return e.err }

func permanent(err error) error { return permanentError{err} }

// queue runs tasks on a bounded set of workers and retries failed ones
// with exponential backoff, a bounded number of times.
type queue struct {
	opts  Options
	tasks chan *task

	mu      sync.Mutex
	stopped bool
	timers  map[*time.Timer]struct{}
}

func newQueue(opts Options) *queue {
	return &queue{opts: opts, tasks: make(chan *task, opts.Queue), timers: make(map[*time.Timer]struct{})}
}

// add queues a task without waiting.
func (q *queue) add(t *task) error {
	select {
	case q.tasks <- t:
		return nil
	default:
		return errQueueFull
	}
}

// run works on tasks until ctx ends, then stops the pending retries and
// waits for the tasks under way.
func (q *queue) run(ctx context.Context) {
	var wg sync.WaitGroup
	for range q.opts.Workers {
		wg.Go(func() {
			for {
				select {
				case <-ctx.Done():
					return
				case t := <-q.tasks:
					q.do(ctx, t)
				}
			}
		})
	}
	wg.Wait()
	q.mu.Lock()
	q.stopped = true
	for tm := range q.timers {
		tm.Stop()
	}
	clear(q.timers)
	q.mu.Unlock()
}

// do runs a task once and schedules its retry when it failed.
func (q *queue) do(ctx context.Context, t *task) {
	t.attempt++
	err := t.run(ctx)
	if err == nil || ctx.Err() != nil {
		return
	}
	log := q.opts.Logger
	var perm permanentError
	if errors.As(err, &perm) || t.attempt >= q.opts.Attempts {
		log.LogAttrs(ctx, slog.LevelWarn, "websub: giving up", slog.String("task", t.what),
			slog.Int("attempts", t.attempt), slog.Any("error", err))
		return
	}
	delay := q.opts.RetryDelay << (t.attempt - 1)
	log.LogAttrs(ctx, slog.LevelInfo, "websub: will retry", slog.String("task", t.what),
		slog.Int("attempt", t.attempt), slog.Duration("in", delay), slog.Any("error", err))
	q.later(delay, t)
}

// later queues t again after d, unless the queue stopped meanwhile.
func (q *queue) later(d time.Duration, t *task) {
	q.mu.Lock()
	defer q.mu.Unlock()
	if q.stopped {
		return
	}
	var tm *time.Timer
	tm = time.AfterFunc(d, func() {
		q.mu.Lock()
		delete(q.timers, tm)
		stopped := q.stopped
		q.mu.Unlock()
		if stopped {
			return
		}
		if err := q.add(t); err != nil {
			q.opts.Logger.Warn("websub: dropping a retry", slog.String("task", t.what), slog.Any("error", err))
		}
	})
	q.timers[tm] = struct{}{}
}
