package main

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"strings"
	"testing"
	"time"
)

// TestServeTopicCounts serves a fetched store: /api/topics and /metrics
// give every configured topic the same counts as the items API.
func TestServeTopicCounts(t *testing.T) {
	cfg := fetched(t)
	m, err := newMain(context.Background(), cfg, io.Discard)
	if err != nil {
		t.Fatal(err)
	}
	defer m.Close()
	if err := m.Listen(); err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() { done <- m.Run(ctx) }()
	defer func() {
		cancel()
		select {
		case <-done:
		case <-time.After(10 * time.Second):
			t.Error("serve did not stop within 10 s")
		}
	}()
	base := "http://" + m.Addr()
	get := func(path string) []byte {
		t.Helper()
		resp, err := http.Get(base + path)
		if err != nil {
			t.Fatal(err)
		}
		defer resp.Body.Close()
		body, _ := io.ReadAll(resp.Body)
		if resp.StatusCode != 200 {
			t.Fatalf("%s: status %d: %s", path, resp.StatusCode, body)
		}
		return body
	}

	var topics struct {
		Topics []struct {
			ID    string         `json:"id"`
			Items map[string]int `json:"items"`
		} `json:"topics"`
	}
	if err := json.Unmarshal(get("/api/topics"), &topics); err != nil {
		t.Fatal(err)
	}
	if len(topics.Topics) != 4 {
		t.Fatalf("%d topics, want the 4 configured: %+v", len(topics.Topics), topics.Topics)
	}
	metricsText := string(get("/metrics"))
	// The built-in hub's metrics are wired in too.
	for _, line := range []string{
		`aggregator_websub_deliveries_total{result="ok"} 0`,
		`aggregator_websub_queue_capacity `,
	} {
		if !strings.Contains(metricsText, line) {
			t.Errorf("/metrics lacks %q", line)
		}
	}
	for _, tp := range topics.Topics {
		var items struct {
			Items []json.RawMessage `json:"items"`
		}
		if err := json.Unmarshal(get("/api/items?limit=500&topic="+tp.ID), &items); err != nil {
			t.Fatal(err)
		}
		n := len(items.Items)
		if n == 0 && tp.ID != "diplomacy" {
			t.Errorf("%s: no items in the fixtures: the test proves nothing", tp.ID)
		}
		// Everything was first seen moments ago: every window holds all.
		for _, w := range []string{"1d", "7d", "30d", "total"} {
			if tp.Items[w] != n {
				t.Errorf("%s: items[%s] = %d, want %d as /api/items lists", tp.ID, w, tp.Items[w], n)
			}
		}
		for _, w := range []string{"1d", "7d", "30d"} {
			line := fmt.Sprintf("aggregator_topic_items{topic=%q,window=%q} %d\n", tp.ID, w, n)
			if !strings.Contains(metricsText, line) {
				t.Errorf("/metrics lacks %q", strings.TrimSpace(line))
			}
		}
	}
}
