package schedule

import (
	"context"
	"net/url"
	"strings"
	"sync"
)

// Limiter bounds how many fetches run at once, in all and against one host.
type Limiter struct {
	all     chan struct{}
	perHost int

	mu    sync.Mutex
	hosts map[string]*hostSlot
}

type hostSlot struct {
	sem   chan struct{}
	users int
}

// NewLimiter allows total fetches at once, and perHost against one host.
// Values below 1 are taken as 1.
func NewLimiter(total, perHost int) *Limiter {
	return &Limiter{all: make(chan struct{}, max(total, 1)), perHost: max(perHost, 1), hosts: map[string]*hostSlot{}}
}

// Total is how many fetches may run at once, in all.
func (l *Limiter) Total() int { return cap(l.all) }

// Acquire waits for a slot for a fetch of rawURL and returns the function
// that frees it. It fails only when ctx ends first.
func (l *Limiter) Acquire(ctx context.Context, rawURL string) (release func(), err error) {
	host := Host(rawURL)
	slot := l.hostSlot(host)
	select {
	case slot.sem <- struct{}{}:
	case <-ctx.Done():
		l.dropHost(host)
		return nil, ctx.Err()
	}
	select {
	case l.all <- struct{}{}:
	case <-ctx.Done():
		<-slot.sem
		l.dropHost(host)
		return nil, ctx.Err()
	}
	var once sync.Once
	return func() {
		once.Do(func() {
			<-l.all
			<-slot.sem
			l.dropHost(host)
		})
	}, nil
}

func (l *Limiter) hostSlot(host string) *hostSlot {
	l.mu.Lock()
	defer l.mu.Unlock()
	s := l.hosts[host]
	if s == nil {
		s = &hostSlot{sem: make(chan struct{}, l.perHost)}
		l.hosts[host] = s
	}
	s.users++
	return s
}

func (l *Limiter) dropHost(host string) {
	l.mu.Lock()
	defer l.mu.Unlock()
	if s := l.hosts[host]; s != nil {
		s.users--
		if s.users == 0 {
			delete(l.hosts, host)
		}
	}
}

// Host is the host a URL's fetch counts against: lower-cased, without
// port and without a leading "www.".
func Host(rawURL string) string {
	u, err := url.Parse(rawURL)
	if err != nil {
		return rawURL
	}
	return strings.TrimPrefix(strings.ToLower(u.Hostname()), "www.")
}
