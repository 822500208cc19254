package main

import (
	"io"
	"os"
	"path/filepath"
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
