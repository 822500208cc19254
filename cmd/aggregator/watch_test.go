package main

import (
	"context"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"
)

const watchFeedHead = `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0"><channel><title>Wire</title><link>https://wire.example/</link><description>Wire</description>
<item><title>Militants attack a checkpoint in Quetta</title><link>https://wire.example/news/1</link>
<guid>https://wire.example/news/1</guid><pubDate>Thu, 14 Nov 2024 08:00:00 GMT</pubDate>
<description>Security forces repelled the attack.</description></item>
`

const watchFeedSecond = `<item><title>Second attack on a convoy near Turbat</title><link>https://wire.example/news/2</link>
<guid>https://wire.example/news/2</guid><pubDate>Thu, 14 Nov 2024 10:00:00 GMT</pubDate>
<description>Militants fired on the convoy.</description></item>
`

const watchConfig = `server:
  listen: "127.0.0.1:0"
  base_url: "http://news.test"
storage:
  path: "{{DIR}}/agg.db"
fetch:
  schedule: "@every 1h"
sources:
  - id: wire
    title: Wire
    url: "{{URL}}/wire.rss"
    region: pakistan
    language: en
topics:
  - id: security
    title: Security
    keywords: ["militant*", "attack"]
`

// TestServeSeesFetchesOfOtherProcesses runs serve, then a separate fetch
// command (its own store connection, as cron's would be) that stores a
// new item: serve must come to send what export writes, without a restart.
func TestServeSeesFetchesOfOtherProcesses(t *testing.T) {
	var mu sync.Mutex
	body := watchFeedHead + "</channel></rss>"
	upstream := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		mu.Lock()
		defer mu.Unlock()
		w.Header().Set("Content-Type", "application/rss+xml")
		io.WriteString(w, body)
	}))
	defer upstream.Close()
	dir := t.TempDir()
	cfg := filepath.Join(dir, "config.yaml")
	text := strings.NewReplacer("{{DIR}}", dir, "{{URL}}", upstream.URL).Replace(watchConfig)
	if err := os.WriteFile(cfg, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
	if code, stdout, stderr := cli(t, "fetch", "--config", cfg); code != 0 {
		t.Fatalf("first fetch: exit %d\n%s\n%s", code, stdout, stderr)
	}

	m, err := newMain(context.Background(), cfg, io.Discard)
	if err != nil {
		t.Fatal(err)
	}
	defer m.Close()
	m.WatchEvery = 100 * time.Millisecond
	if err := m.Listen(); err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() { done <- m.Run(ctx) }()
	defer func() {
		cancel()
		select {
		case err := <-done:
			if err != nil {
				t.Errorf("Run: %v", err)
			}
		case <-time.After(10 * time.Second):
			t.Error("serve did not stop within 10 s")
		}
	}()
	feedURL := "http://" + m.Addr() + "/feeds/security.rss"
	get := func(etag string) (status int, got, newETag string) {
		t.Helper()
		req, _ := http.NewRequest("GET", feedURL, nil)
		if etag != "" {
			req.Header.Set("If-None-Match", etag)
		}
		resp, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		defer resp.Body.Close()
		b, _ := io.ReadAll(resp.Body)
		return resp.StatusCode, string(b), resp.Header.Get("ETag")
	}
	_, first, etag := get("")
	if _, exported, _ := cli(t, "export", "security", "--config", cfg); first != exported {
		t.Fatalf("before the change serve and export already differ")
	}
	if got := len(parseFeed(t, first).Items); got != 1 {
		t.Fatalf("served feed holds %d items before the change, want 1", got)
	}

	mu.Lock()
	body = watchFeedHead + watchFeedSecond + "</channel></rss>"
	mu.Unlock()
	code, stdout, stderr := cli(t, "fetch", "--config", cfg)
	if code != 0 || !strings.Contains(stdout, "new=1") {
		t.Fatalf("second fetch: exit %d, want one new item\n%s\n%s", code, stdout, stderr)
	}
	_, want, _ := cli(t, "export", "security", "--config", cfg)
	if len(parseFeed(t, want).Items) != 2 {
		t.Fatalf("export after the second fetch does not hold both items:\n%s", want)
	}

	deadline := time.Now().Add(15 * time.Second)
	for {
		status, got, _ := get(etag)
		if status == http.StatusOK && got == want {
			return
		}
		if time.Now().After(deadline) {
			t.Fatalf("15 s after another process's fetch, serve still answers %d with a feed that differs from export's", status)
		}
		time.Sleep(100 * time.Millisecond)
	}
}

// TestOwnVersionsLeaveOtherWritesVisible checks that a process's own fetch
// counts as accounted for only when no other write came between.
func TestOwnVersionsLeaveOtherWritesVisible(t *testing.T) {
	tests := []struct {
		name string
		own  []int64
		want int64
	}{
		{"consecutive own writes", []int64{4, 5, 6}, 6},
		{"another process wrote 4", []int64{5, 6}, 3},
		{"own writes reported out of order", []int64{5, 4}, 4},
		{"an older version never lowers", []int64{2}, 3},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var s seenVersions
			s.advance(3)
			for _, v := range tt.own {
				s.own(v)
			}
			if got := s.get(); got != tt.want {
				t.Errorf("seen = %d, want %d", got, tt.want)
			}
		})
	}
}
