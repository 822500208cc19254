package fetch

import (
	"context"
	"fmt"
	"net/http"
	"net/netip"
	"strings"
	"syscall"

	"aggregator/internal/netguard"
)

// blockedAddrPort is the guard's verdict on a dialled address.
func blockedAddrPort(ap netip.AddrPort) bool { return netguard.Blocked(ap.Addr()) }

// privateHost reports whether a URL's host names a blocked address itself
// (an IP literal or localhost): when the user configured it, that host is
// allowed for that request, though no other private address is, whether
// reached by redirect or named by a link in what it serves.
func (c *Client) privateHost(host string) bool {
	return !c.opts.AllowPrivate && netguard.NamesPrivate(host)
}

// requestState travels in a request's context: the dialer and the redirect
// policy read it.
type requestState struct {
	// trusted is the configured URL's host when it names a private
	// address literally: the one private destination allowed.
	trusted string
	// permanent stays true while every redirect so far was 301 or 308.
	permanent  bool
	redirected bool
}

type stateKey struct{}

func stateFrom(ctx context.Context) *requestState {
	st, _ := ctx.Value(stateKey{}).(*requestState)
	return st
}

// checkDial refuses connections to blocked addresses (package netguard).
// It runs on the IP actually dialed, after DNS, so redirects and DNS
// rebinding are covered.
func (c *Client) checkDial(ctx context.Context, network, address string, _ syscall.RawConn) error {
	p := netguard.Policy{AllowPrivate: c.opts.AllowPrivate, Blocked: c.blocked}
	if st := stateFrom(ctx); st != nil {
		p.Trusted = st.trusted
	}
	return p.Check(address)
}

// checkRedirect bounds redirects, records whether they were all permanent
// and, for a chain that started at a public host, refuses a redirect to a
// private IP literal or localhost before any pooled connection to it could
// be reused (the dialer checks every other destination).
func (c *Client) checkRedirect(req *http.Request, via []*http.Request) error {
	if len(via) > c.opts.MaxRedirects {
		return fmt.Errorf("%w: stopped after %d redirects", ErrTooManyRedirects, c.opts.MaxRedirects)
	}
	st := stateFrom(req.Context())
	if st == nil {
		return nil
	}
	st.redirected = true
	if req.Response != nil {
		switch req.Response.StatusCode {
		case http.StatusMovedPermanently, http.StatusPermanentRedirect:
		default:
			st.permanent = false
		}
	}
	if c.opts.AllowPrivate {
		return nil // the user trusts every network and its redirects
	}
	// A configured private URL is trusted for its own host only.
	if host := req.URL.Hostname(); c.privateHost(host) && !strings.EqualFold(host, st.trusted) {
		return fmt.Errorf("%w: redirect to %s", ErrPrivateAddress, host)
	}
	return nil
}
