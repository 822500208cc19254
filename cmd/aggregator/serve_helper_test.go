package main

import (
	"context"
	"io"
	"testing"
	"time"
)

// startServe runs the whole service on cfg (port 0) until the test ends,
// when it is stopped and must have stopped within 10 s without error.
// tune adjusts the Main before it runs (Jitter, WatchEvery).
func startServe(t *testing.T, cfg string, tune func(*Main)) *Main {
	t.Helper()
	m, err := newMain(context.Background(), cfg, io.Discard)
	if err != nil {
		t.Fatal(err)
	}
	if tune != nil {
		tune(m)
	}
	if err := m.Listen(); err != nil {
		m.Close()
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() { done <- m.Run(ctx) }()
	t.Cleanup(func() {
		cancel()
		select {
		case err := <-done:
			if err != nil {
				t.Errorf("Run: %v", err)
			}
		case <-time.After(10 * time.Second):
			t.Error("serve did not stop within 10 s")
		}
		m.Close()
	})
	return m
}
