package fetch

import (
	"context"
	"errors"
	"io"
	"net/http"
	"strings"
	"testing"

	"aggregator/internal/netns"
)

// TestNewWithHosts runs in a network namespace of its own where
// 169.254.169.254 exists on loopback: a redirect there is refused, and a
// broken guard could not reach the real one.
func TestNewWithHosts(t *testing.T) {
	if !netns.Run(t, "169.254.169.254") {
		return
	}
	var target string
	srv := newServer(t, func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path == "/feed" {
			io.WriteString(w, feedXML)
			return
		}
		http.Redirect(w, r, target, http.StatusFound)
	})
	addr := strings.TrimPrefix(srv.URL, "http://")
	c := NewWithHosts(Options{}, map[string]string{"news.test": addr})

	t.Run("NamedHostDialsItsAddress", func(t *testing.T) {
		resp, err := c.Get(context.Background(), Request{URL: "http://news.test:1/feed"})
		if err != nil || string(resp.Body) != feedXML {
			t.Fatalf("err = %v", err)
		}
	})

	t.Run("RedirectToMetadataAddressRefused", func(t *testing.T) {
		target = "http://169.254.169.254/latest/meta-data/"
		_, err := c.Get(context.Background(), Request{URL: "http://news.test:1/x"})
		if !errors.Is(err, ErrPrivateAddress) {
			t.Errorf("err = %v, want ErrPrivateAddress", err)
		}
	})

	t.Run("OtherLoopbackStaysPrivate", func(t *testing.T) {
		target = "http://127.0.0.2" + portSuffix(srv.URL) + "/feed"
		_, err := c.Get(context.Background(), Request{URL: "http://news.test:1/x"})
		if !errors.Is(err, ErrPrivateAddress) {
			t.Errorf("err = %v, want ErrPrivateAddress", err)
		}
	})
}

func TestRefusesLink(t *testing.T) {
	tests := []struct {
		link, from   string
		allowPrivate bool
		want         bool
	}{
		{"http://169.254.169.254/latest/meta-data/", "https://www.dawn.com/feed", false, true},
		{"http://127.0.0.1:8080/feed", "https://www.dawn.com/feed", false, true},
		{"http://localhost/feed", "https://www.dawn.com/", false, true},
		{"http://[::1]/feed", "https://www.dawn.com/", false, true},
		{"http://100.100.100.200/latest", "https://www.dawn.com/", false, true},
		{"http://10.0.0.1/feed", "http://10.0.0.1:8080/page", false, false},  // the trusted host itself
		{"http://10.0.0.2/feed", "http://10.0.0.1:8080/page", false, true},   // another private host
		{"http://169.254.169.254/", "http://localhost/feed", false, true},    // from a trusted local source
		{"http://LOCALHOST:9/x", "http://localhost/feed", false, false},      // same host, other port
		{"https://www.dawn.com/story", "http://10.0.0.1/feed", false, false}, // public links are fine
		{"http://169.254.169.254/", "https://www.dawn.com/", true, false},
		{"::not a url", "https://www.dawn.com/", false, false},
	}
	for _, tt := range tests {
		if got := New(Options{AllowPrivate: tt.allowPrivate}).RefusesLink(tt.link, tt.from); got != tt.want {
			t.Errorf("RefusesLink(%q, %q) allowPrivate=%v = %v, want %v", tt.link, tt.from, tt.allowPrivate, got, tt.want)
		}
	}
}
