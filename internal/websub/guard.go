package websub

import (
	"errors"
	"fmt"
	"net"
	"net/http"
	"net/netip"
	"syscall"
	"time"
)

// ErrPrivateAddress is a callback refused because it reaches a loopback,
// private, link-local or unspecified address.
var ErrPrivateAddress = errors.New("refused private callback address")

// newClient is an HTTP client whose connections refuse private addresses
// (checked on the address actually dialled, after DNS), that uses no
// proxy and follows no redirects: a subscriber answers at its callback.
func newClient(timeout time.Duration, allowPrivate bool) *http.Client {
	dialer := &net.Dialer{Timeout: timeout}
	if !allowPrivate {
		dialer.Control = refusePrivate
	}
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

// refusePrivate is a dialer Control refusing non-public destinations.
func refusePrivate(network, address string, _ syscall.RawConn) error {
	ap, err := netip.ParseAddrPort(address)
	if err != nil {
		return fmt.Errorf("dial %s: %w", address, err)
	}
	if blocked(ap.Addr()) {
		return fmt.Errorf("dial %s: %w", address, ErrPrivateAddress)
	}
	return nil
}

// blocked says whether an address is not a public unicast one.
func blocked(ip netip.Addr) bool {
	ip = ip.Unmap()
	return ip.IsLoopback() || ip.IsPrivate() || ip.IsLinkLocalUnicast() || ip.IsLinkLocalMulticast() ||
		ip.IsUnspecified() || ip.IsMulticast() || ip.IsInterfaceLocalMulticast()
}

// privateHost says whether a callback's host is plainly private: an IP
// literal in a blocked range, or localhost. Names resolving to such
// addresses are caught when dialling.
func privateHost(host string) bool {
	if ip, err := netip.ParseAddr(host); err == nil {
		return blocked(ip)
	}
	return host == "localhost" || len(host) > 10 && host[len(host)-10:] == ".localhost"
}
