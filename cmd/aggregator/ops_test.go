package main

import (
	"io"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
)

// A backup taken while serve runs, put in place of the store of a second
// installation (the restore the README describes), serves the same feeds.
func TestBackupWhileServingRestoresTheSameFeeds(t *testing.T) {
	cfg := fetched(t)
	want := exportAll(t, cfg)
	_, stop := startServe(t, cfg, io.Discard)

	dir := t.TempDir()
	backup := filepath.Join(dir, "agg-backup.db")
	code, stdout, stderr := cli(t, "--config", cfg, "backup", backup)
	if code != 0 {
		t.Fatalf("backup: exit %d\n%s%s", code, stdout, stderr)
	}
	if !strings.HasPrefix(stdout, backup+": backup of ") || stderr != "" {
		t.Errorf("backup said %q on stdout and %q on stderr: want one line naming the file, nothing on stderr when piped", stdout, stderr)
	}
	if _, err := os.Stat(backup + ".partial"); !os.IsNotExist(err) {
		t.Errorf("the partial file is left behind: %v", err)
	}
	if code, _, stderr := cli(t, "--config", cfg, "backup", backup); code != exitUsage || !strings.Contains(stderr, "--force") {
		t.Errorf("backup over an existing file: exit %d, %q: want 2 and the --force hint", code, stderr)
	}
	if code, _, stderr := cli(t, "--config", cfg, "backup", "--force", backup); code != 0 {
		t.Errorf("backup --force over an existing file: exit %d: %s", code, stderr)
	}
	stop()

	// Restore: the backup becomes the store of another configuration.
	restored := filepath.Join(dir, "restored.db")
	data, err := os.ReadFile(backup)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(restored, data, 0o644); err != nil {
		t.Fatal(err)
	}
	orig, err := os.ReadFile(cfg)
	if err != nil {
		t.Fatal(err)
	}
	cfg2 := filepath.Join(dir, "config.yaml")
	body := strings.Replace(string(orig), filepath.Join(filepath.Dir(cfg), "agg.db"), restored, 1)
	if err := os.WriteFile(cfg2, []byte(body), 0o644); err != nil {
		t.Fatal(err)
	}
	m2, _ := startServe(t, cfg2, io.Discard)
	for name, wantBody := range want {
		id, format, _ := strings.Cut(name, ".")
		path := "/feeds/" + id + "." + format
		status, got := getBody(t, "http://"+m2.Addr()+path)
		if status != 200 || got != wantBody {
			t.Errorf("%s from the restored store: status %d, body differs from the original's: %v", path, status, got != wantBody)
		}
	}
}

func TestBackupFailuresSayWhatToDo(t *testing.T) {
	cfg := minimalConfig(t, filepath.Join(t.TempDir(), "none", "agg.db"))
	code, _, stderr := cli(t, "--config", cfg, "backup", filepath.Join(t.TempDir(), "b.db"))
	if code != exitUsage || !strings.Contains(stderr, "nothing to back up yet") {
		t.Errorf("backup without a store: exit %d, %q", code, stderr)
	}
	if code, _, stderr := cli(t, "--config", cfg, "backup"); code != exitUsage || !strings.Contains(stderr, "one FILE") {
		t.Errorf("backup without FILE: exit %d, %q", code, stderr)
	}
}

// healthcheck finds the server from the configuration (here its
// AGGREGATOR_LISTEN override, as in the image): 0 while serve runs, 1 once
// it stopped.
func TestHealthcheck(t *testing.T) {
	cfg, _ := setup(t)
	m, stop := startServe(t, cfg, io.Discard)
	t.Setenv("AGGREGATOR_LISTEN", m.Addr())
	if code, stdout, stderr := cli(t, "--config", cfg, "healthcheck"); code != 0 || !strings.Contains(stdout, "healthy") {
		t.Errorf("healthcheck of a running serve: exit %d\n%s%s", code, stdout, stderr)
	}
	stop()
	if code, _, stderr := cli(t, "--config", cfg, "healthcheck", "--timeout", "1s"); code != exitPartial || !strings.Contains(stderr, "unhealthy") {
		t.Errorf("healthcheck of a stopped serve: exit %d, %q; want 1", code, stderr)
	}
}

func TestHealthURL(t *testing.T) {
	for addr, want := range map[string]string{
		":8080":          "http://127.0.0.1:8080/healthz",
		"0.0.0.0:80":     "http://127.0.0.1:80/healthz",
		"[::]:8080":      "http://[::1]:8080/healthz",
		"10.1.2.3:9000":  "http://10.1.2.3:9000/healthz",
		"localhost:8080": "http://localhost:8080/healthz",
	} {
		if got := healthURL(addr); got != want {
			t.Errorf("healthURL(%q) = %q, want %q", addr, got, want)
		}
	}
}

// /metrics counts requests by route pattern, method and status, whichever
// of the fast path and net/http answered, and shows the store's size.
func TestServeHTTPMetrics(t *testing.T) {
	cfg := fetched(t)
	m, _ := startServe(t, cfg, io.Discard)
	base := "http://" + m.Addr()
	waitStatus(t, base+"/feeds/security.rss", 200) // the fast path, once the cache is warm
	for _, path := range []string{
		"/feeds/security.rss?via=net-http", // a query: net/http answers
		"/feeds/nope.rss", "/api/items", "/random/path/1", "/random/path/2",
	} {
		getBody(t, base+path)
	}
	_, body := getBody(t, base+"/metrics")
	for _, want := range []string{
		`aggregator_http_requests_total{code="200",method="GET",route="/feeds/{file}"}`,
		`aggregator_http_requests_total{code="404",method="GET",route="/feeds/{file}"} 1`,
		`aggregator_http_requests_total{code="200",method="GET",route="/api/items"} 1`,
		`aggregator_http_requests_total{code="404",method="GET",route="unmatched"} 2`,
		`aggregator_http_request_duration_seconds_bucket{method="GET",route="/api/items",le="+Inf"} 1`,
		"# TYPE aggregator_store_size_bytes gauge",
	} {
		if !strings.Contains(body, want) {
			t.Errorf("/metrics lacks %q", want)
		}
	}
	for _, raw := range []string{"/random/path", "via=net-http", "nope.rss"} {
		if strings.Contains(body, raw) {
			t.Errorf("/metrics has a label holding the raw request %q", raw)
		}
	}
	var feeds200 float64
	for _, line := range strings.Split(body, "\n") {
		if v, ok := strings.CutPrefix(line, `aggregator_http_requests_total{code="200",method="GET",route="/feeds/{file}"} `); ok {
			feeds200, _ = strconv.ParseFloat(v, 64)
		}
		if v, ok := strings.CutPrefix(line, "aggregator_store_size_bytes "); ok {
			if n, _ := strconv.ParseFloat(v, 64); n <= 0 {
				t.Errorf("store size %s", v)
			}
		}
	}
	if feeds200 < 2 {
		t.Errorf("%v feed requests counted with 200, want at least the fast path's and net/http's", feeds200)
	}
}
