package main

import (
	"fmt"
	"io"
	"sync"
	"time"
)

// progress shows "verb n/total" on a terminal, rewriting one line; on
// anything else (a pipe, a file) it stays quiet.
type progress struct {
	w     io.Writer
	verb  string
	total int
	on    bool

	mu   sync.Mutex
	n    int
	last time.Time
}

func newProgress(w io.Writer, verb string, total int) *progress {
	return &progress{w: w, verb: verb, total: total, on: isTerminal(w)}
}

// step counts one unit of work done, naming it.
func (p *progress) step(what string) {
	p.mu.Lock()
	defer p.mu.Unlock()
	p.n++
	p.show(what)
}

// set reports n units done.
func (p *progress) set(n int) {
	p.mu.Lock()
	defer p.mu.Unlock()
	p.n = n
	p.show("")
}

// setOf reports n units of what done out of total, when the total is
// only known as the work goes.
func (p *progress) setOf(n, total int, what string) {
	p.mu.Lock()
	defer p.mu.Unlock()
	p.n, p.total = n, total
	p.show(what)
}

func (p *progress) show(what string) {
	if !p.on || (time.Since(p.last) < 100*time.Millisecond && p.n != p.total) {
		return
	}
	p.last = time.Now()
	if p.total > 0 {
		fmt.Fprintf(p.w, "\r\033[K%s %d/%d %s", p.verb, p.n, p.total, what)
	} else {
		fmt.Fprintf(p.w, "\r\033[K%s %d %s", p.verb, p.n, what)
	}
}

// done clears the progress line.
func (p *progress) done() {
	if p.on {
		fmt.Fprint(p.w, "\r\033[K")
	}
}
