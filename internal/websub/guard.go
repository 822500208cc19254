package websub

import (
	"net"
	"net/http"
	"time"

	"aggregator/internal/netguard"
)

// ErrPrivateAddress is a callback refused because it reaches a loopback,
// private, link-local, CGNAT or otherwise non-public address
// (netguard.Blocked).
var ErrPrivateAddress = netguard.ErrPrivate

// newClient is an HTTP client whose connections refuse private addresses
// (checked by netguard on the address actually dialled, after DNS), that
// uses no proxy and follows no redirects: a subscriber answers at its
// callback.
func newClient(timeout time.Duration, allowPrivate bool) *http.Client {
	dialer := &net.Dialer{Timeout: timeout, ControlContext: netguard.Policy{AllowPrivate: allowPrivate}.Control}
	return &http.Client{
		Timeout: timeout,
		Transport: &http.Transport{
			DialContext:         dialer.DialContext,
			MaxIdleConnsPerHost: 2,
			IdleConnTimeout:     90 * time.Second,
			TLSHandshakeTimeout: timeout,
		},
		CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse },
	}
}
