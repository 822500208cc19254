package main

import (
	"context"
	"io"
	"testing"
	"time"
)

// startMain runs serve with the configuration at cfg until the test ends,
// without scheduled fetches, and returns it once it listens.
func startMain(t *testing.T, cfg string) *Main {
	t.Helper()
	m, err := newMain(context.Background(), cfg, io.Discard)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { m.Close() })
	m.Jitter = time.Hour // no scheduled fetch during the test
	if err := m.Listen(); err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() { done <- m.Run(ctx) }()
	t.Cleanup(func() {
		cancel()
		select {
		case <-done:
		case <-time.After(10 * time.Second):
			t.Error("serve did not stop within 10 s")
		}
	})
	return m
}
