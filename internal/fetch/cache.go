package fetch

import (
	"net/http"
	"strconv"
	"strings"
	"time"
)

// maxAge reads how long the response may be cached: Cache-Control max-age
// (s-maxage is for shared caches and ignored), else Expires relative to
// Date (or now). no-store/no-cache and invalid values give 0.
func maxAge(h http.Header, now time.Time) time.Duration {
	if cc := h.Values("Cache-Control"); len(cc) > 0 {
		for _, part := range strings.Split(strings.Join(cc, ","), ",") {
			name, value, _ := strings.Cut(strings.TrimSpace(part), "=")
			switch strings.ToLower(strings.TrimSpace(name)) {
			case "no-store", "no-cache":
				return 0
			case "max-age":
				n, err := strconv.ParseInt(strings.Trim(strings.TrimSpace(value), `"`), 10, 64)
				if err != nil || n <= 0 {
					return 0
				}
				return time.Duration(min(n, int64(365*24*3600))) * time.Second
			}
		}
	}
	exp := h.Get("Expires")
	if exp == "" {
		return 0
	}
	t, err := http.ParseTime(exp)
	if err != nil {
		return 0
	}
	if d, err := http.ParseTime(h.Get("Date")); err == nil {
		now = d
	}
	if age := t.Sub(now); age > 0 {
		return age.Truncate(time.Second)
	}
	return 0
}
