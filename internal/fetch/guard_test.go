package fetch

import (
	"context"
	"errors"
	"io"
	"net"
	"net/http"
	"net/http/httptest"
	"sync/atomic"
	"testing"

	"aggregator/internal/netns"
)

// serveOn runs an httptest server on addr ("ip:0") counting its requests.
func serveOn(t *testing.T, addr string, h http.HandlerFunc) (*httptest.Server, *atomic.Int32) {
	t.Helper()
	ln, err := net.Listen("tcp", addr)
	if err != nil {
		t.Fatal(err)
	}
	var hits atomic.Int32
	srv := httptest.NewUnstartedServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		hits.Add(1)
		h(w, r)
	}))
	srv.Listener = ln
	srv.Start()
	t.Cleanup(srv.Close)
	return srv, &hits
}

// TestConfiguredPrivateHostTrustedAlone runs in a network namespace of its
// own with 10.1.2.3, 169.254.169.254 and 100.100.100.200 on loopback: a
// source configured at 10.1.2.3 is fetched and may redirect within its
// host, but its redirects to the other private addresses are refused and
// those servers never see a request.
func TestConfiguredPrivateHostTrustedAlone(t *testing.T) {
	if !netns.Run(t, "10.1.2.3", "169.254.169.254", "100.100.100.200") {
		return
	}
	metadata, metaHits := serveOn(t, "169.254.169.254:0", func(w http.ResponseWriter, r *http.Request) {
		io.WriteString(w, feedXML)
	})
	cgnat, cgnatHits := serveOn(t, "100.100.100.200:0", func(w http.ResponseWriter, r *http.Request) {
		io.WriteString(w, feedXML)
	})
	source, _ := serveOn(t, "10.1.2.3:0", func(w http.ResponseWriter, r *http.Request) {
		switch r.URL.Path {
		case "/feed":
			io.WriteString(w, feedXML)
		case "/moved":
			http.Redirect(w, r, "/feed", http.StatusFound)
		case "/metadata":
			http.Redirect(w, r, metadata.URL+"/latest/meta-data/", http.StatusFound)
		case "/cgnat":
			http.Redirect(w, r, cgnat.URL+"/", http.StatusFound)
		}
	})
	c := New(Options{})
	for _, path := range []string{"/feed", "/moved"} {
		if resp, err := c.Get(context.Background(), Request{URL: source.URL + path}); err != nil || string(resp.Body) != feedXML {
			t.Errorf("%s: err = %v", path, err)
		}
	}
	for _, path := range []string{"/metadata", "/cgnat"} {
		if _, err := c.Get(context.Background(), Request{URL: source.URL + path}); !errors.Is(err, ErrPrivateAddress) {
			t.Errorf("%s: err = %v, want ErrPrivateAddress", path, err)
		}
	}
	if n, m := metaHits.Load(), cgnatHits.Load(); n != 0 || m != 0 {
		t.Errorf("private servers reached: 169.254.169.254 %d times, 100.100.100.200 %d times", n, m)
	}
	if c.RefusesLink(source.URL+"/article", source.URL+"/feed") || !c.RefusesLink(metadata.URL, source.URL+"/feed") {
		t.Error("links: the source's own host must be allowed and another private one refused")
	}
}
