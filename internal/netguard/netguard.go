// Package netguard is the one place that decides which network
// destinations the service may reach on behalf of what it does not trust
// (a feed's redirects and links, a WebSub subscriber's callback): not
// loopback, private, link-local, CGNAT, benchmarking, multicast or
// unspecified addresses. It judges the address actually dialled, after
// DNS, through a net.Dialer's ControlContext, so names that resolve to
// such addresses and DNS rebinding are refused too.
package netguard

import (
	"context"
	"errors"
	"fmt"
	"net/netip"
	"strings"
	"syscall"
)

// ErrPrivate is a refused destination.
var ErrPrivate = errors.New("refused private destination")

// blockedPrefixes are the IPv4 and IPv6 ranges never reached by default.
// IPv4-mapped (::ffff:a.b.c.d) and IPv4-compatible (::a.b.c.d) addresses
// are judged by the IPv4 address they carry.
var blockedPrefixes = func() []netip.Prefix {
	var out []netip.Prefix
	for _, s := range []string{
		"0.0.0.0/8",      // "this network", 0.0.0.1 reaches the host on Linux
		"10.0.0.0/8",     // RFC 1918
		"100.64.0.0/10",  // CGNAT, RFC 6598 (cloud metadata at 100.100.100.200)
		"127.0.0.0/8",    // loopback
		"169.254.0.0/16", // link-local, cloud metadata at 169.254.169.254
		"172.16.0.0/12",  // RFC 1918
		"192.0.0.0/24",   // IETF protocol assignments
		"192.168.0.0/16", // RFC 1918
		"198.18.0.0/15",  // benchmarking, RFC 2544
		"224.0.0.0/4",    // multicast
		"240.0.0.0/4",    // reserved, and the broadcast address
		"::/128",         // unspecified
		"::1/128",        // loopback
		"fc00::/7",       // unique local
		"fe80::/10",      // link-local
		"fec0::/10",      // site-local (deprecated, still routed by some)
		"ff00::/8",       // multicast
		"64:ff9b:1::/48", // local-use NAT64
		"2001:db8::/32",  // documentation
		"100::/64",       // discard-only
		"2001:10::/28",   // ORCHID
	} {
		out = append(out, netip.MustParsePrefix(s))
	}
	return out
}()

// Blocked reports whether ip is a destination refused by default.
func Blocked(ip netip.Addr) bool {
	if !ip.IsValid() || ip.Zone() != "" {
		return true // a zone means a link-scoped address
	}
	if v4, ok := embedded4(ip); ok {
		ip = v4
	}
	for _, p := range blockedPrefixes {
		if p.Contains(ip) {
			return true
		}
	}
	return false
}

// embedded4 is the IPv4 address an IPv6 address carries: IPv4-mapped
// (::ffff:0:0/96), IPv4-compatible (::/96; :: and ::1 become 0.0.0.0 and
// 0.0.0.1, refused as well), NAT64 (64:ff9b::/96) or 6to4 (2002::/16).
func embedded4(ip netip.Addr) (netip.Addr, bool) {
	if ip.Is4() || ip.Is4In6() {
		return ip.Unmap(), true
	}
	b := ip.As16()
	switch {
	case [12]byte(b[:12]) == [12]byte{}:
		return netip.AddrFrom4([4]byte(b[12:])), true
	case [12]byte(b[:12]) == [12]byte{0, 0x64, 0xff, 0x9b}:
		return netip.AddrFrom4([4]byte(b[12:])), true
	case b[0] == 0x20 && b[1] == 0x02:
		return netip.AddrFrom4([4]byte(b[2:6])), true
	}
	return ip, false
}

// NamesPrivate reports whether a URL's host names a refused destination
// literally: localhost (or a name under .localhost) or an IP literal in a
// refused range. Names that merely resolve to one are caught at dial time.
func NamesPrivate(host string) bool {
	h := strings.ToLower(strings.TrimSuffix(strings.Trim(host, "[]"), "."))
	if h == "localhost" || strings.HasSuffix(h, ".localhost") {
		return true
	}
	ip, err := netip.ParseAddr(h)
	return err == nil && Blocked(ip)
}

// TrustedFor reports whether dialling ip is what a URL naming host
// literally asked for: the same IP literal, or a loopback address for
// localhost. A configured private source is trusted for its own host
// only, never for another private address its redirects or links name.
func TrustedFor(host string, ip netip.Addr) bool {
	h := strings.ToLower(strings.TrimSuffix(strings.Trim(host, "[]"), "."))
	if h == "" {
		return false
	}
	if h == "localhost" || strings.HasSuffix(h, ".localhost") {
		return ip.Unmap().IsLoopback()
	}
	lit, err := netip.ParseAddr(h)
	return err == nil && lit.Unmap() == ip.Unmap()
}

// Policy decides on one dialled address: allowed when public, when
// AllowPrivate, or when it is what the literal Trusted host names.
type Policy struct {
	AllowPrivate bool
	Trusted      string // a host the user named literally; "" for none
	// Blocked replaces the package's Blocked (tests treat a loopback
	// address as public with it); nil: Blocked.
	Blocked func(netip.AddrPort) bool
}

// Check returns nil when address ("ip:port", as a dialer's Control gets
// it) may be dialled, else an error wrapping ErrPrivate naming it.
func (p Policy) Check(address string) error {
	if p.AllowPrivate {
		return nil
	}
	ap, err := netip.ParseAddrPort(address)
	if err != nil {
		return fmt.Errorf("%w: unparsable address %q", ErrPrivate, address)
	}
	blocked := p.Blocked
	if blocked == nil {
		blocked = func(ap netip.AddrPort) bool { return Blocked(ap.Addr()) }
	}
	if !blocked(ap) || TrustedFor(p.Trusted, ap.Addr()) {
		return nil
	}
	return fmt.Errorf("%w: %s", ErrPrivate, ap.Addr())
}

// Control is a net.Dialer ControlContext applying a fixed policy.
func (p Policy) Control(_ context.Context, _, address string, _ syscall.RawConn) error {
	return p.Check(address)
}
