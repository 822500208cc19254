package fastpath

import (
	"net/http"
	"sync/atomic"
	"time"
)

// dateHeader is the Date header value (RFC 9110 6.6.1), formatted once a
// second rather than once a response.
type dateHeader struct {
	cur atomic.Pointer[formattedDate]
}

type formattedDate struct {
	sec int64
	val []byte
}

// get returns the value for now; the bytes must not be modified.
func (d *dateHeader) get(now time.Time) []byte {
	sec := now.Unix()
	if f := d.cur.Load(); f != nil && f.sec == sec {
		return f.val
	}
	f := &formattedDate{sec: sec, val: now.UTC().AppendFormat(nil, http.TimeFormat)}
	d.cur.Store(f)
	return f.val
}
