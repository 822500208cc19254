package main

import (
	"net"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestServeReportsABusyPortBeforeStarting(t *testing.T) {
	busy, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer busy.Close()
	tests := []struct {
		name, section, setting string
	}{
		{"ServerListen", "server:\n  listen: \"" + busy.Addr().String() + "\"\n", "server.listen"},
		{"MetricsListen", "server:\n  listen: \"127.0.0.1:0\"\nmetrics:\n  listen: \"" + busy.Addr().String() + "\"\n", "metrics.listen"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := t.TempDir()
			cfg := filepath.Join(dir, "config.yaml")
			body := tt.section + "storage:\n  path: \"" + filepath.Join(dir, "agg.db") + "\"\n"
			if err := os.WriteFile(cfg, []byte(body), 0o644); err != nil {
				t.Fatal(err)
			}
			code, _, stderr := cli(t, "serve", "--config", cfg)
			if code != exitPartial {
				t.Errorf("exit %d, want %d", code, exitPartial)
			}
			for _, want := range []string{busy.Addr().String(), "(" + tt.setting, "address already in use", "choose another port with " + tt.setting} {
				if !strings.Contains(stderr, want) {
					t.Errorf("stderr lacks %q:\n%s", want, stderr)
				}
			}
			if strings.Contains(stderr, "msg=serving") {
				t.Errorf("serve started before failing:\n%s", stderr)
			}
		})
	}
}
