package main

import (
	"context"
	"io"
	"net/http"
	"testing"
	"time"
)

// startServe runs serve on cfg (listening on its server.listen, port 0 in
// tests) without scheduled fetches, until the returned stop is called or
// the test ends. adjust, if any, changes the Main before it runs.
func startServe(t *testing.T, cfg string, logOut io.Writer, adjust ...func(*Main)) (m *Main, stop func()) {
	t.Helper()
	m, err := newMain(context.Background(), cfg, logOut)
	if err != nil {
		t.Fatal(err)
	}
	m.Jitter = time.Hour // no scheduled fetch during the test
	for _, a := range adjust {
		a(m)
	}
	if err := m.Listen(); err != nil {
		m.Close()
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() { done <- m.Run(ctx) }()
	stopped := false
	stop = func() {
		if stopped {
			return
		}
		stopped = true
		cancel()
		select {
		case <-done:
		case <-time.After(10 * time.Second):
			t.Error("serve did not stop within 10 s")
		}
		m.Close()
	}
	t.Cleanup(stop)
	return m, stop
}

// getBody GETs url and returns the status and body.
func getBody(t *testing.T, url string) (int, string) {
	t.Helper()
	resp, err := http.Get(url)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	body, err := io.ReadAll(resp.Body)
	if err != nil {
		t.Fatal(err)
	}
	return resp.StatusCode, string(body)
}
