package fetch

import (
	"net"
	"net/netip"
	"net/url"
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

// NamesPrivateHost reports whether rawURL names a refused destination
// literally (localhost, or an IP literal in a refused range) while the
// client does not allow private destinations. Get trusts such a URL as the
// user's own choice; a caller fetching a URL found inside a document (an
// article link, a page's feed link) must refuse it unless the document
// came from a private host itself, or a public feed could make us reach
// 169.254.169.254 or the admin page of a router.
func (c *Client) NamesPrivateHost(rawURL string) bool {
	if c.opts.AllowPrivate {
		return false
	}
	u, err := url.Parse(rawURL)
	if err != nil {
		return false
	}
	return c.privateHost(u.Hostname())
}
