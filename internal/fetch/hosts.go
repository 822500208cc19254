package fetch

import (
	"net"
	"net/netip"
	"net/url"
	"strings"
)

// NewWithHosts returns a Client like New whose dialer resolves the given
// host names itself (name -> "ip:port", whatever port the URL names) and
// treats exactly those addresses as public destinations; every other
// address follows the usual rules. It exists for tests of the code built
// on the client: httptest servers listen on loopback, which a real public
// host could never redirect to, and made-up names let one machine play
// many distinct public hosts. Addresses that do not parse are ignored.
func NewWithHosts(opts Options, hosts map[string]string) *Client {
	c := New(opts)
	public := make(map[netip.AddrPort]bool, len(hosts))
	dial := make(map[string]string, len(hosts))
	for name, addr := range hosts {
		ap, err := netip.ParseAddrPort(addr)
		if err != nil {
			continue
		}
		public[ap] = true
		dial[name] = ap.String()
	}
	c.blocked = func(ap netip.AddrPort) bool { return !public[ap] && blockedAddrPort(ap) }
	c.rewriteDial = func(addr string) string {
		host, _, err := net.SplitHostPort(addr)
		if err != nil {
			return addr
		}
		if to, ok := dial[host]; ok {
			return to
		}
		return addr
	}
	return c
}

// RefusesLink reports whether a URL found inside a document fetched from
// from (an article link, a page's feed link) must not be fetched: it names
// a refused destination literally (localhost, or an IP literal in a
// refused range) other than from's own host, while the client does not
// allow private destinations. Get trusts a URL naming a private host as
// the user's own choice, so without this check a public feed, or a
// trusted private one, could make us reach 169.254.169.254 or the admin
// page of a router.
func (c *Client) RefusesLink(link, from string) bool {
	lu, err := url.Parse(link)
	if err != nil || !c.privateHost(lu.Hostname()) {
		return false
	}
	fu, err := url.Parse(from)
	return err != nil || !strings.EqualFold(lu.Hostname(), fu.Hostname())
}
