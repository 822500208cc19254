package fetch

import (
	"context"
	"fmt"
	"net/http"
	"net/netip"
	"strings"
	"syscall"
)

// cgnat is the shared address space of RFC 6598, used inside carriers and
// cloud providers; it is as internal as RFC 1918 space.
var cgnat = netip.MustParsePrefix("100.64.0.0/10")

// blockedAddr reports whether ip is a destination a feed fetch must not
// reach by default: loopback, private (RFC 1918, fc00::/7), link-local,
// unspecified, multicast or CGNAT.
func blockedAddr(ip netip.Addr) bool {
	ip = ip.Unmap()
	return ip.IsLoopback() || ip.IsPrivate() || ip.IsLinkLocalUnicast() ||
		ip.IsLinkLocalMulticast() || ip.IsInterfaceLocalMulticast() ||
		ip.IsMulticast() || ip.IsUnspecified() || cgnat.Contains(ip) ||
		!ip.IsValid()
}

func blockedAddrPort(ap netip.AddrPort) bool { return blockedAddr(ap.Addr()) }

// privateHost reports whether a configured URL's host names a blocked
// address itself (an IP literal or localhost): the user asked for it, so
// it is allowed for that request, though never reached by redirect from a
// public host.
func (c *Client) privateHost(host string) bool {
	h := strings.ToLower(strings.TrimSuffix(host, "."))
	if h == "localhost" || strings.HasSuffix(h, ".localhost") {
		return true
	}
	ip, err := netip.ParseAddr(strings.Trim(h, "[]"))
	if err != nil {
		return false
	}
	return c.blocked(netip.AddrPortFrom(ip, 0))
}

// requestState travels in a request's context: the dialer and the redirect
// policy read it.
type requestState struct {
	allowPrivate bool
	// permanent stays true while every redirect so far was 301 or 308.
	permanent  bool
	redirected bool
}

type stateKey struct{}

func stateFrom(ctx context.Context) *requestState {
	st, _ := ctx.Value(stateKey{}).(*requestState)
	return st
}

// checkDial refuses connections to blocked addresses. It runs on the IP
// actually dialed, after DNS, so redirects and DNS rebinding are covered.
func (c *Client) checkDial(ctx context.Context, network, address string, _ syscall.RawConn) error {
	st := stateFrom(ctx)
	if st != nil && st.allowPrivate {
		return nil
	}
	ap, err := netip.ParseAddrPort(address)
	if err != nil {
		return fmt.Errorf("%w: unparsable address %q", ErrPrivateAddress, address)
	}
	if c.blocked(ap) {
		return fmt.Errorf("%w: %s", ErrPrivateAddress, ap.Addr())
	}
	return nil
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
	if st.allowPrivate {
		// AllowPrivate, or a configured private URL: the user trusts that
		// network and its redirects.
		return nil
	}
	if host := req.URL.Hostname(); c.privateHost(host) {
		return fmt.Errorf("%w: redirect to %s", ErrPrivateAddress, host)
	}
	return nil
}
