package websub

import (
	"context"
	"errors"
	"log/slog"
	"sync"
	"time"
)

// errQueueFull is returned when a task without a lane cannot be queued.
var errQueueFull = errors.New("websub work queue is full")

// errNoWork is returned by a task that found nothing left to do (its
// content went to a newer task, its subscriber left): done, not counted.
var errNoWork = errors.New("nothing left to do")

// task is one piece of outbound work: a verification, a delivery or a
// ping. run returns nil when done, a permanent error to give up, or any
// other error to be tried again later. end, when set, is told once the
// task will not run again: nil after success, else the last error.
type task struct {
	kind string // Kind constant, for the stats
	what string // for logs
	// lane, when set, queues the task in its lane (a subscriber's callback
	// host) rather than the bounded channel: lanes are never full, run one
	// task at a time each and take turns, so a slow or dead subscriber
	// delays only its own lane.
	lane string
	// attempt is the tries made so far. It is the queue's, except that run
	// may set it to 1 when the work it took is not what failed before (a
	// newer version of a feed): a first try, with a full set of attempts.
	attempt int
	run     func(ctx context.Context) error
	end     func(err error)
}

// finish tells the task's end hook, if any.
func (t *task) finish(err error) {
	if t.end != nil {
		t.end(err)
	}
}

// permanentError is a failure that retrying cannot mend; result is what
// the stats count it as ("" for nothing).
type permanentError struct {
	err    error
	result string
}

func (e permanentError) Error() string { return e.err.Error() }
func (e permanentError) Unwrap() error { return e.err }

// permanent marks err as not worth retrying, counted as ResultFailed.
func permanent(err error) error { return permanentError{err, ResultFailed} }

// final marks err as not worth retrying, counted as result.
func final(err error, result string) error { return permanentError{err, result} }

// queue runs tasks on a bounded set of workers and retries failed ones
// with exponential backoff, a bounded number of times. It counts every
// outcome in stats. A task without a lane waits in a bounded channel; one
// with a lane waits in its lane, and the lanes with work take turns.
type queue struct {
	opts  Options
	stats *counters
	tasks chan *task
	wake  chan struct{} // a lane got work

	mu      sync.Mutex
	stopped bool
	timers  map[*time.Timer]struct{}
	lanes   map[string]*lane
	turns   []string // lanes with work waiting and none under way, in turn
	laned   int      // tasks waiting in lanes
}

// lane is the tasks of one lane waiting, in order, and whether one is
// under way.
type lane struct {
	waiting []*task
	busy    bool
}

func newQueue(opts Options, stats *counters) *queue {
	return &queue{opts: opts, stats: stats, tasks: make(chan *task, opts.Queue), wake: make(chan struct{}, opts.Workers),
		timers: make(map[*time.Timer]struct{}), lanes: make(map[string]*lane)}
}

// add queues a task without waiting. A task with a lane is always taken;
// a full channel refuses one without and counts it dropped.
func (q *queue) add(t *task) error {
	if t.lane != "" {
		q.addLaned(t)
		return nil
	}
	select {
	case q.tasks <- t:
		return nil
	default:
		q.stats.add(t.kind, ResultDropped)
		return errQueueFull
	}
}

// addLaned queues t at the end of its lane, which takes its turn after
// the lanes already waiting.
func (q *queue) addLaned(t *task) {
	q.mu.Lock()
	l := q.lanes[t.lane]
	if l == nil {
		l = &lane{}
		q.lanes[t.lane] = l
	}
	l.waiting = append(l.waiting, t)
	q.laned++
	if !l.busy && len(l.waiting) == 1 {
		q.turns = append(q.turns, t.lane)
	}
	q.mu.Unlock()
	q.signal()
}

// signal wakes a waiting worker, if any.
func (q *queue) signal() {
	select {
	case q.wake <- struct{}{}:
	default:
	}
}

// nextLaned takes the first task of the lane whose turn it is, marking
// the lane busy; nil when no lane has work.
func (q *queue) nextLaned() *task {
	q.mu.Lock()
	defer q.mu.Unlock()
	if len(q.turns) == 0 {
		return nil
	}
	name := q.turns[0]
	q.turns = q.turns[1:]
	l := q.lanes[name]
	t := l.waiting[0]
	l.waiting[0] = nil
	l.waiting = l.waiting[1:]
	l.busy = true
	q.laned--
	return t
}

// laneDone ends a lane's task under way: the lane takes its next turn at
// the end, or is forgotten when empty.
func (q *queue) laneDone(name string) {
	q.mu.Lock()
	l := q.lanes[name]
	l.busy = false
	more := len(l.waiting) > 0
	if more {
		q.turns = append(q.turns, name)
	} else {
		delete(q.lanes, name)
	}
	q.mu.Unlock()
	if more {
		q.signal()
	}
}

// depth is the tasks waiting for a worker and those waiting to retry.
func (q *queue) depth() (queued, retrying int) {
	q.mu.Lock()
	defer q.mu.Unlock()
	return len(q.tasks) + q.laned, len(q.timers)
}

// run works on tasks until ctx ends, then stops the pending retries and
// waits for the tasks under way. Each worker alternates between the
// channel and the lanes, so neither starves the other.
func (q *queue) run(ctx context.Context) {
	var wg sync.WaitGroup
	for range q.opts.Workers {
		wg.Go(func() {
			for ctx.Err() == nil {
				worked := false
				select {
				case t := <-q.tasks:
					q.do(ctx, t)
					worked = true
				default:
				}
				if t := q.nextLaned(); t != nil {
					q.do(ctx, t)
					q.laneDone(t.lane)
					worked = true
				}
				if worked {
					continue
				}
				select {
				case <-ctx.Done():
				case t := <-q.tasks:
					q.do(ctx, t)
				case <-q.wake:
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
	if ctx.Err() != nil {
		return // shutting down: the work is lost with the process
	}
	log := q.opts.Logger
	var perm permanentError
	switch {
	case err == nil:
		q.stats.add(t.kind, ResultOK)
		t.finish(nil)
		return
	case errors.Is(err, errNoWork):
		t.finish(err)
		return
	case errors.As(err, &perm):
		q.stats.add(t.kind, perm.result)
		log.LogAttrs(ctx, slog.LevelInfo, "websub: not retrying", slog.String("task", t.what),
			slog.String("result", perm.result), slog.Any("error", err))
		t.finish(err)
		return
	case t.attempt >= q.opts.Attempts:
		q.stats.add(t.kind, ResultFailed)
		log.LogAttrs(ctx, slog.LevelWarn, "websub: giving up", slog.String("task", t.what),
			slog.Int("attempts", t.attempt), slog.Any("error", err))
		t.finish(err)
		return
	}
	q.stats.add(t.kind, ResultRetry)
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
			t.finish(err)
		}
	})
	q.timers[tm] = struct{}{}
}
