package fetch

import (
	"context"
	"errors"
	"io"
	"net/http"
	"strings"
	"testing"
)

func TestNewWithHosts(t *testing.T) {
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

func TestNamesPrivateHost(t *testing.T) {
	tests := []struct {
		url          string
		allowPrivate bool
		want         bool
	}{
		{"http://169.254.169.254/latest/meta-data/", false, true},
		{"http://127.0.0.1:8080/feed", false, true},
		{"http://localhost/feed", false, true},
		{"http://[::1]/feed", false, true},
		{"http://10.0.0.1/feed", false, true},
		{"https://www.dawn.com/feed", false, false},
		{"http://169.254.169.254/", true, false},
		{"::not a url", false, false},
	}
	for _, tt := range tests {
		if got := New(Options{AllowPrivate: tt.allowPrivate}).NamesPrivateHost(tt.url); got != tt.want {
			t.Errorf("NamesPrivateHost(%q) allowPrivate=%v = %v, want %v", tt.url, tt.allowPrivate, got, tt.want)
		}
	}
}
