package web

import (
	"net/http/httptest"
	"testing"
	"time"

	"aggregator/internal/fastpath"
	"aggregator/internal/publish"
)

// The fast path's observations carry the labels net/http's carry for the
// same request, so /metrics counts a feed the same whichever answered it.
func TestObserveLabelsBothPathsAlike(t *testing.T) {
	type seen struct {
		route, method string
		status        int
	}
	var got []seen
	srv, _ := newSite(t, publish.Options{BaseURL: "http://news.test", Version: "test", SpoolDir: t.TempDir()})
	srv.ObserveRequest = func(route, method string, status int, _ time.Duration) {
		got = append(got, seen{route, method, status})
	}
	h := srv.Handler()
	for _, target := range []string{"/feeds/security.rss", "/feeds/nope.rss", "/no/such/page", "/api/items"} {
		h.ServeHTTP(httptest.NewRecorder(), httptest.NewRequest("GET", target, nil))
	}
	srv.ObserveFast(&fastpath.Request{Path: "/feeds/security.rss"}, 200, time.Millisecond)
	srv.ObserveFast(&fastpath.Request{Path: "/feeds/security.rss", Head: true}, 304, time.Millisecond)
	want := []seen{
		{"/feeds/{file}", "GET", 200}, {"/feeds/{file}", "GET", 404}, {"", "GET", 404}, {"/api/items", "GET", 200},
		{"/feeds/{file}", "GET", 200}, {"/feeds/{file}", "HEAD", 304},
	}
	if len(got) != len(want) {
		t.Fatalf("observed %v, want %v", got, want)
	}
	for i := range want {
		if got[i] != want[i] {
			t.Errorf("observation %d = %v, want %v", i, got[i], want[i])
		}
	}
}
