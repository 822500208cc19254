// Package fetch is the careful HTTP client of the aggregator: conditional
// requests, capped and decompressed bodies, bounded redirects with
// permanent-redirect tracking, whole-request timeouts and a refusal to
// dial private, loopback and link-local destinations unless asked.
package fetch

import (
	"context"
	"crypto/tls"
	"net"
	"net/http"
	"net/netip"
	"time"
)

// Defaults applied by New to zero Options fields.
const (
	DefaultTimeout       = 20 * time.Second
	DefaultHeaderTimeout = 10 * time.Second
	DefaultMaxBody       = 10 << 20
	DefaultMaxRedirects  = 5
	DefaultUserAgent     = "aggregator"
)

// Options configure a Client. Zero values take the defaults above.
type Options struct {
	Timeout       time.Duration // whole request including body; default 20s
	HeaderTimeout time.Duration // time to response headers; default min(Timeout, 10s)
	MaxBody       int64         // bytes after decompression; default 10 MiB
	UserAgent     string
	AllowPrivate  bool // allow loopback/private/link-local/unspecified destinations
	MaxRedirects  int  // default 5; a negative value forbids redirects
}

// Client fetches feeds. It is safe for concurrent use; build one and share
// it, so connections are pooled.
type Client struct {
	opts   Options
	client *http.Client

	// blocked decides whether a dialed address is refused; a test may
	// replace it to simulate public addresses on loopback.
	blocked func(netip.AddrPort) bool
	// rewriteDial, when set, maps the address about to be dialed (tests
	// use it as a tiny resolver for made-up public host names).
	rewriteDial func(addr string) string
}

// New returns a Client with opts, defaults filled in.
func New(opts Options) *Client {
	opts = withDefaults(opts)
	c := &Client{opts: opts, blocked: blockedAddrPort}

	dialer := &net.Dialer{
		Timeout:        10 * time.Second,
		KeepAlive:      30 * time.Second,
		ControlContext: c.checkDial,
	}
	transport := &http.Transport{
		Proxy: nil, // a proxy would hide the dialed address from the destination check
		DialContext: func(ctx context.Context, network, addr string) (net.Conn, error) {
			if c.rewriteDial != nil {
				addr = c.rewriteDial(addr)
			}
			return dialer.DialContext(ctx, network, addr)
		},
		ForceAttemptHTTP2:     true,
		MaxIdleConns:          100,
		MaxIdleConnsPerHost:   4,
		IdleConnTimeout:       90 * time.Second,
		TLSHandshakeTimeout:   10 * time.Second,
		ExpectContinueTimeout: time.Second,
		ResponseHeaderTimeout: opts.HeaderTimeout,
		DisableCompression:    true, // we negotiate and cap decompression ourselves
		TLSClientConfig:       &tls.Config{MinVersion: tls.VersionTLS12},
	}
	c.client = &http.Client{
		Transport:     transport,
		CheckRedirect: c.checkRedirect,
		// No Client.Timeout: Get bounds the whole exchange, body included,
		// with a context deadline.
	}
	return c
}

func withDefaults(o Options) Options {
	if o.Timeout <= 0 {
		o.Timeout = DefaultTimeout
	}
	if o.HeaderTimeout <= 0 {
		o.HeaderTimeout = min(o.Timeout, DefaultHeaderTimeout)
	}
	if o.MaxBody <= 0 {
		o.MaxBody = DefaultMaxBody
	}
	if o.MaxRedirects == 0 {
		o.MaxRedirects = DefaultMaxRedirects
	}
	if o.UserAgent == "" {
		o.UserAgent = DefaultUserAgent
	}
	return o
}
