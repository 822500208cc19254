package fetch

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"strconv"
	"strings"
	"time"

	"aggregator/internal/netguard"
)

// Errors a fetch can end with. Get wraps them with the URL; test them with
// errors.Is.
var (
	// ErrGone is a 410: the feed is gone for good. The error is also a
	// *StatusError.
	ErrGone = errors.New("gone")
	// ErrTooLarge is a body over Options.MaxBody after decompression.
	ErrTooLarge = errors.New("response body too large")
	// ErrPrivateAddress is a refused destination: loopback, private,
	// link-local, unspecified, multicast, CGNAT… (netguard.Blocked).
	ErrPrivateAddress = netguard.ErrPrivate
	// ErrTooManyRedirects is a redirect chain longer than
	// Options.MaxRedirects.
	ErrTooManyRedirects = errors.New("too many redirects")
)

// StatusError is a response other than 2xx or 304.
type StatusError struct {
	Status int
	// RetryAfter is the server's Retry-After on a 429 or 503 (seconds or
	// an HTTP date, converted to a duration); 0 when absent.
	RetryAfter time.Duration
}

func (e *StatusError) Error() string {
	msg := fmt.Sprintf("http status %d %s", e.Status, http.StatusText(e.Status))
	if e.RetryAfter > 0 {
		msg += fmt.Sprintf(" (retry after %s)", e.RetryAfter)
	}
	return msg
}

// Is makes errors.Is(err, ErrGone) true for a 410.
func (e *StatusError) Is(target error) bool {
	return target == ErrGone && e.Status == http.StatusGone
}

// Transient reports whether err is worth retrying later with backoff:
// network errors, timeouts and the statuses 408, 425, 429 and 5xx. A
// refused destination, an oversized body, a redirect loop or a 4xx such as
// 403, 404 or 410 is not transient, nor is a cancelled context.
func Transient(err error) bool {
	if err == nil {
		return false
	}
	var se *StatusError
	if errors.As(err, &se) {
		switch {
		case se.Status == http.StatusRequestTimeout, se.Status == http.StatusTooEarly,
			se.Status == http.StatusTooManyRequests, se.Status >= 500:
			return true
		}
		return false
	}
	switch {
	case errors.Is(err, ErrPrivateAddress), errors.Is(err, ErrTooLarge),
		errors.Is(err, ErrTooManyRedirects), errors.Is(err, context.Canceled):
		return false
	case errors.Is(err, context.DeadlineExceeded):
		return true
	}
	var ne net.Error
	if errors.As(err, &ne) && ne.Timeout() {
		return true
	}
	var oe *net.OpError
	var de *net.DNSError
	return errors.As(err, &oe) || errors.As(err, &de) ||
		errors.Is(err, io.ErrUnexpectedEOF) || errors.Is(err, io.EOF)
}

// parseRetryAfter reads a Retry-After value, delay-seconds or HTTP-date,
// relative to now. Invalid or past values give 0.
func parseRetryAfter(v string, now time.Time) time.Duration {
	v = strings.TrimSpace(v)
	if v == "" {
		return 0
	}
	if n, err := strconv.ParseInt(v, 10, 64); err == nil {
		if n <= 0 {
			return 0
		}
		return time.Duration(min(n, int64(365*24*3600))) * time.Second
	}
	t, err := http.ParseTime(v)
	if err != nil {
		return 0
	}
	if d := t.Sub(now); d > 0 {
		return d
	}
	return 0
}
