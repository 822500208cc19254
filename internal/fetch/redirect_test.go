package fetch

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/netip"
	"strings"
	"testing"
)

// redirector answers /hop/N with a redirect of code to /hop/N+1 up to last,
// then the feed.
func redirector(codes ...int) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		var n int
		fmt.Sscanf(r.URL.Path, "/hop/%d", &n)
		if n < len(codes) {
			http.Redirect(w, r, fmt.Sprintf("/hop/%d", n+1), codes[n])
			return
		}
		io.WriteString(w, feedXML)
	}
}

func TestRedirects(t *testing.T) {
	tests := []struct {
		name          string
		codes         []int
		wantPermanent bool
		wantErr       error
	}{
		{"MovedPermanentlyRecorded", []int{301}, true, nil},
		{"PermanentRedirectRecorded", []int{308, 301}, true, nil},
		{"FoundNotPermanent", []int{302}, false, nil},
		{"TemporaryInChainNotPermanent", []int{301, 307}, false, nil},
		{"FiveRedirectsFollowed", []int{301, 301, 301, 301, 301}, true, nil},
		{"SixRedirectsRefused", []int{302, 302, 302, 302, 302, 302}, false, ErrTooManyRedirects},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			srv := newServer(t, redirector(tt.codes...))
			resp, err := New(Options{}).Get(context.Background(), Request{URL: srv.URL + "/hop/0"})
			if tt.wantErr != nil {
				if !errors.Is(err, tt.wantErr) || Transient(err) {
					t.Fatalf("err = %v, want %v, not transient", err, tt.wantErr)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			final := fmt.Sprintf("%s/hop/%d", srv.URL, len(tt.codes))
			if resp.URL != final {
				t.Errorf("URL = %q, want %q", resp.URL, final)
			}
			if got := resp.PermanentURL != ""; got != tt.wantPermanent {
				t.Errorf("PermanentURL = %q, want permanent=%v", resp.PermanentURL, tt.wantPermanent)
			}
			if tt.wantPermanent && resp.PermanentURL != final {
				t.Errorf("PermanentURL = %q, want %q", resp.PermanentURL, final)
			}
		})
	}

	t.Run("RedirectLoopRefused", func(t *testing.T) {
		srv := newServer(t, func(w http.ResponseWriter, r *http.Request) {
			http.Redirect(w, r, "/", http.StatusFound)
		})
		_, err := New(Options{}).Get(context.Background(), Request{URL: srv.URL + "/"})
		if !errors.Is(err, ErrTooManyRedirects) {
			t.Errorf("err = %v, want ErrTooManyRedirects", err)
		}
	})

	t.Run("NoRedirectNoPermanentURL", func(t *testing.T) {
		srv := newServer(t, redirector())
		resp, err := New(Options{}).Get(context.Background(), Request{URL: srv.URL + "/hop/0"})
		if err != nil || resp.PermanentURL != "" {
			t.Errorf("resp = %+v, err = %v", resp, err)
		}
	})
}

// publicClient returns a client that treats the loopback address of pub
// as public, dials the made-up host public.test to it and rebind.test to
// private; every other loopback address stays private.
func publicClient(t *testing.T, opts Options, pub, private string) *Client {
	t.Helper()
	pubAddr := netip.MustParseAddrPort(strings.TrimPrefix(pub, "http://"))
	c := New(opts)
	c.blocked = func(ap netip.AddrPort) bool {
		return ap != pubAddr && blockedAddrPort(ap)
	}
	c.rewriteDial = func(addr string) string {
		switch {
		case strings.HasPrefix(addr, "public.test:"):
			return pubAddr.String()
		case strings.HasPrefix(addr, "rebind.test:"):
			return strings.TrimPrefix(private, "http://")
		}
		return addr
	}
	return c
}

func TestPrivateDestinations(t *testing.T) {
	private := newServer(t, func(w http.ResponseWriter, r *http.Request) { io.WriteString(w, feedXML) })
	var target string
	pub := newServer(t, func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path == "/direct" {
			io.WriteString(w, feedXML)
			return
		}
		http.Redirect(w, r, target, http.StatusFound)
	})

	t.Run("ConfiguredLoopbackAllowed", func(t *testing.T) {
		if _, err := New(Options{}).Get(context.Background(), Request{URL: private.URL}); err != nil {
			t.Errorf("err = %v", err)
		}
	})

	t.Run("PublicHostReachable", func(t *testing.T) {
		c := publicClient(t, Options{}, pub.URL, private.URL)
		resp, err := c.Get(context.Background(), Request{URL: "http://public.test" + portSuffix(pub.URL) + "/direct"})
		if err != nil || string(resp.Body) != feedXML {
			t.Errorf("public host not fetched: %v", err)
		}
	})

	t.Run("RedirectToLoopbackLiteralRefused", func(t *testing.T) {
		target = private.URL + "/feed"
		c := publicClient(t, Options{}, pub.URL, private.URL)
		_, err := c.Get(context.Background(), Request{URL: "http://public.test" + portSuffix(pub.URL)})
		if !errors.Is(err, ErrPrivateAddress) || Transient(err) {
			t.Errorf("err = %v, want ErrPrivateAddress, not transient", err)
		}
	})

	t.Run("RedirectToLocalhostRefused", func(t *testing.T) {
		target = "http://localhost" + portSuffix(private.URL) + "/feed"
		c := publicClient(t, Options{}, pub.URL, private.URL)
		_, err := c.Get(context.Background(), Request{URL: "http://public.test" + portSuffix(pub.URL)})
		if !errors.Is(err, ErrPrivateAddress) {
			t.Errorf("err = %v, want ErrPrivateAddress", err)
		}
	})

	t.Run("RedirectToNameResolvingPrivateRefusedAtDial", func(t *testing.T) {
		target = "http://rebind.test" + portSuffix(private.URL) + "/feed"
		c := publicClient(t, Options{}, pub.URL, private.URL)
		_, err := c.Get(context.Background(), Request{URL: "http://public.test" + portSuffix(pub.URL)})
		if !errors.Is(err, ErrPrivateAddress) {
			t.Errorf("err = %v, want ErrPrivateAddress", err)
		}
	})

	t.Run("NameResolvingPrivateRefused", func(t *testing.T) {
		c := publicClient(t, Options{}, pub.URL, private.URL)
		_, err := c.Get(context.Background(), Request{URL: "http://rebind.test" + portSuffix(private.URL)})
		if !errors.Is(err, ErrPrivateAddress) {
			t.Errorf("err = %v, want ErrPrivateAddress", err)
		}
	})

	t.Run("AllowPrivateFollowsRedirectToLoopback", func(t *testing.T) {
		target = private.URL + "/feed"
		c := publicClient(t, Options{AllowPrivate: true}, pub.URL, private.URL)
		resp, err := c.Get(context.Background(), Request{URL: "http://public.test" + portSuffix(pub.URL)})
		if err != nil || string(resp.Body) != feedXML {
			t.Errorf("err = %v", err)
		}
	})
}

func portSuffix(u string) string { return u[strings.LastIndex(u, ":"):] }
