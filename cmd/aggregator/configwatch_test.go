package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"
)

// syncBuffer is a log destination safe for the serve goroutines.
type syncBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (s *syncBuffer) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.Write(p)
}

func (s *syncBuffer) String() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.String()
}

// energyTopic is a topic the tests add to the running configuration.
const energyTopic = "  - id: energy\n    title: Energy\n    keywords: [\"tariff*\", \"electricity\"]\n"

// A change to config.yaml, however it is saved, reloads it without a
// signal; a broken one is reported with FILE:LINE and the running
// configuration kept.
func TestConfigReloadsOnChange(t *testing.T) {
	saves := []struct {
		name string
		// layout writes the first configuration and returns the path serve
		// is given; save replaces its content.
		layout func(t *testing.T, dir, body string) string
		save   func(t *testing.T, path, body string)
	}{
		{"WriteInPlace", plainLayout, func(t *testing.T, path, body string) { writeFile(t, path, body) }},
		{"EditorRename", plainLayout, func(t *testing.T, path, body string) {
			tmp := path + ".swp"
			writeFile(t, tmp, body)
			if err := os.Rename(tmp, path); err != nil {
				t.Fatal(err)
			}
		}},
		{"ConfigMapSymlinkSwap", configMapLayout, configMapSave},
		{"BesideABusyFile", noisyLayout, func(t *testing.T, path, body string) { writeFile(t, path, body) }},
	}
	for _, tt := range saves {
		t.Run(tt.name, func(t *testing.T) {
			fs := newFeedServer(t)
			dir := t.TempDir()
			good := strings.NewReplacer("{{DIR}}", dir, "{{URL}}", fs.URL).Replace(testConfig)
			cfg := tt.layout(t, dir, good)
			var logs syncBuffer
			m, _ := startServe(t, cfg, &logs)
			base := "http://" + m.Addr()
			waitStatus(t, base+"/feeds/security.rss", 200)

			// Broken: the running configuration stays, the problem is logged
			// with its file and line.
			broken := strings.Replace(good, "keywords: [\"PSX\"", "keywordz: [\"PSX\"", 1)
			tt.save(t, cfg, strings.Replace(broken, "feeds:\n", energyTopic+"feeds:\n", 1))
			line := 1 + strings.Count(broken[:strings.Index(broken, "keywordz")], "\n")
			waitLog(t, &logs, "configuration not reloaded")
			if want := filepath.Base(cfg) + ":" + strconv.Itoa(line) + ": topics[2].keywordz"; !strings.Contains(logs.String(), want) {
				t.Errorf("the log does not name the problem as %q:\n%s", want, logs.String())
			}
			if status, _ := getBody(t, base+"/feeds/energy.rss"); status != 404 {
				t.Errorf("a broken file's new topic is served: status %d", status)
			}
			if status, _ := getBody(t, base+"/feeds/economy.rss"); status != 200 {
				t.Errorf("the running topic economy is gone after a broken file: status %d", status)
			}

			// Fixed: it takes effect, the new topic included.
			tt.save(t, cfg, strings.Replace(good, "feeds:\n", energyTopic+"feeds:\n", 1))
			waitStatus(t, base+"/feeds/energy.rss", 200)
		})
	}
}

func plainLayout(t *testing.T, dir, body string) string {
	path := filepath.Join(dir, "config.yaml")
	writeFile(t, path, body)
	return path
}

// noisyLayout keeps the file beside another one written all the time (a
// database in the same directory): its events must not put the reload off.
func noisyLayout(t *testing.T, dir, body string) string {
	stop := make(chan struct{})
	done := make(chan struct{})
	go func() {
		defer close(done)
		for i := 0; ; i++ {
			select {
			case <-stop:
				return
			case <-time.After(20 * time.Millisecond):
			}
			os.WriteFile(filepath.Join(dir, "busy.db"), []byte(strconv.Itoa(i)), 0o644)
		}
	}()
	t.Cleanup(func() { close(stop); <-done })
	return plainLayout(t, dir, body)
}

// configMapLayout lays the file out as Kubernetes mounts a ConfigMap:
// config.yaml -> ..data/config.yaml, ..data -> ..<version>/.
func configMapLayout(t *testing.T, dir, body string) string {
	mount := filepath.Join(dir, "mount")
	if err := os.Mkdir(mount, 0o755); err != nil {
		t.Fatal(err)
	}
	configMapSave(t, filepath.Join(mount, "config.yaml"), body)
	if err := os.Symlink(filepath.Join("..data", "config.yaml"), filepath.Join(mount, "config.yaml")); err != nil {
		t.Fatal(err)
	}
	return filepath.Join(mount, "config.yaml")
}

// configMapSave updates the ConfigMap as the kubelet does: a new version
// directory, a new ..data symlink renamed over the old one, the old
// directory removed.
func configMapSave(t *testing.T, path, body string) {
	mount := filepath.Dir(path)
	old, _ := os.Readlink(filepath.Join(mount, "..data"))
	version, err := os.MkdirTemp(mount, "..20")
	if err != nil {
		t.Fatal(err)
	}
	writeFile(t, filepath.Join(version, "config.yaml"), body)
	tmp := filepath.Join(mount, "..data_tmp")
	if err := os.Symlink(filepath.Base(version), tmp); err != nil {
		t.Fatal(err)
	}
	if err := os.Rename(tmp, filepath.Join(mount, "..data")); err != nil {
		t.Fatal(err)
	}
	if old != "" {
		if err := os.RemoveAll(filepath.Join(mount, old)); err != nil {
			t.Fatal(err)
		}
	}
}

func writeFile(t *testing.T, path, body string) {
	t.Helper()
	if err := os.WriteFile(path, []byte(body), 0o644); err != nil {
		t.Fatal(err)
	}
}

// waitStatus waits until url answers want (a bound against hanging, not a
// timing assertion).
func waitStatus(t *testing.T, url string, want int) {
	t.Helper()
	deadline := time.Now().Add(15 * time.Second)
	for {
		status, _ := getBody(t, url)
		if status == want {
			return
		}
		if time.Now().After(deadline) {
			t.Fatalf("%s: status %d, want %d", url, status, want)
		}
		time.Sleep(20 * time.Millisecond)
	}
}

func waitLog(t *testing.T, logs *syncBuffer, want string) {
	t.Helper()
	deadline := time.Now().Add(15 * time.Second)
	for !strings.Contains(logs.String(), want) {
		if time.Now().After(deadline) {
			t.Fatalf("the log never said %q:\n%s", want, logs.String())
		}
		time.Sleep(20 * time.Millisecond)
	}
}
