package main

import (
	"context"
	"io"
	"os"
	"strings"
	"testing"
	"time"
)

// A broken config never replaces a working one; a good one takes effect
// without a restart, new topics included.
func TestReloadKeepsWorkingConfig(t *testing.T) {
	cfg, _ := setup(t)
	if code, out, errOut := cli(t, "--config", cfg, "fetch", "dawn"); code != 0 {
		t.Fatalf("fetch: %d\n%s%s", code, out, errOut)
	}
	// Reload by hand only: the file watcher would see every write below.
	m, _ := startServe(t, cfg, io.Discard, func(m *Main) { m.ConfigSettle = time.Hour })
	ctx := context.Background()
	waitFor := func(path string, want int) { t.Helper(); waitStatus(t, "http://"+m.Addr()+path, want) }
	waitFor("/feeds/security.rss", 200)
	good, err := os.ReadFile(cfg)
	if err != nil {
		t.Fatal(err)
	}

	broken := strings.Replace(string(good), "keywords: [\"PSX\"", "keywordz: [\"PSX\"", 1)
	if err := os.WriteFile(cfg, []byte(broken), 0o644); err != nil {
		t.Fatal(err)
	}
	m.Reload(ctx)
	if got := len(m.rules().cfg.Topics); got != 4 {
		t.Fatalf("after a broken reload the running config has %d topics, want the 4 it had", got)
	}
	waitFor("/feeds/economy.rss", 200)

	energy := "  - id: energy\n    title: Energy\n    keywords: [\"tariff*\", \"electricity\"]\n"
	added := strings.Replace(string(good), "feeds:\n", energy+"feeds:\n", 1)
	if err := os.WriteFile(cfg, []byte(added), 0o644); err != nil {
		t.Fatal(err)
	}
	waitFor("/feeds/energy.rss", 404)
	m.Reload(ctx)
	waitFor("/feeds/energy.rss", 200)
}
