package main

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/mmcdole/gofeed"

	"aggregator/internal/pgtest"
)

// feedServer serves testdata/feeds with ETag and Last-Modified validators
// and counts what it answered.
type feedServer struct {
	*httptest.Server
	mu          sync.Mutex
	ok, notMod  int
	conditional int
}

func newFeedServer(t *testing.T) *feedServer {
	t.Helper()
	fs := &feedServer{}
	modified := time.Date(2024, 11, 14, 12, 0, 0, 0, time.UTC)
	types := map[string]string{
		".rss": "application/rss+xml", ".rdf": "application/rdf+xml", ".atom": "application/atom+xml",
		".json": "application/feed+json", ".html": "text/html; charset=utf-8",
	}
	mux := http.NewServeMux()
	mux.HandleFunc("GET /feeds/{name}", func(w http.ResponseWriter, r *http.Request) {
		name := r.PathValue("name")
		body, err := os.ReadFile(filepath.Join("testdata", "feeds", name))
		if err != nil {
			http.NotFound(w, r)
			return
		}
		sum := sha256.Sum256(body)
		etag := `"` + hex.EncodeToString(sum[:8]) + `"`
		fs.mu.Lock()
		defer fs.mu.Unlock()
		if r.Header.Get("If-None-Match") != "" || r.Header.Get("If-Modified-Since") != "" {
			fs.conditional++
		}
		if r.Header.Get("If-None-Match") == etag {
			fs.notMod++
			w.WriteHeader(http.StatusNotModified)
			return
		}
		fs.ok++
		w.Header().Set("ETag", etag)
		w.Header().Set("Last-Modified", modified.Format(http.TimeFormat))
		w.Header().Set("Content-Type", types[filepath.Ext(name)])
		w.Write(body)
	})
	mux.HandleFunc("GET /broken", func(w http.ResponseWriter, r *http.Request) {
		http.Error(w, "upstream exploded", http.StatusInternalServerError)
	})
	fs.Server = httptest.NewServer(mux)
	t.Cleanup(fs.Close)
	return fs
}

func (fs *feedServer) counts() (ok, notMod, conditional int) {
	fs.mu.Lock()
	defer fs.mu.Unlock()
	return fs.ok, fs.notMod, fs.conditional
}

const testConfig = `server:
  listen: "127.0.0.1:0"
  base_url: "http://news.test"
storage:
  path: "{{DIR}}/agg.db"
fetch:
  schedule: "@every 1h"
sources:
  - id: dawn
    title: Dawn
    url: "{{URL}}/feeds/dawn.rss"
    region: pakistan
    language: en
  - id: tribune
    title: The Express Tribune
    url: "{{URL}}/feeds/tribune.rdf"
    region: pakistan
    language: en
  - id: xinhua
    title: Xinhua
    url: "{{URL}}/feeds/xinhua.atom"
    region: china
    language: en
  - id: app
    title: APP
    url: "{{URL}}/feeds/landing.html"
    region: pakistan
    language: en
  - id: recorder
    title: Business Recorder
    url: "{{URL}}/feeds/recorder-1252.rss"
    region: pakistan
    language: en
    topics: [economy]
  - id: broken
    title: Broken Outlet
    url: "{{URL}}/broken"
  - id: page
    title: Not A Feed
    url: "{{URL}}/feeds/notafeed.html"
topics:
  - id: security
    title: Security
    keywords: ["militant*", "attack", "security forces"]
  - id: cpec
    title: CPEC
    keywords: ["CPEC", "China-Pakistan Economic Corridor", "Gwadar", "中巴经济走廊", "瓜达尔"]
  - id: economy
    title: Economy
    keywords: ["PSX", "IMF", "tariff*"]
  - id: diplomacy
    title: Diplomacy
    keywords: ["Foreign Office"]
feeds:
  - id: cpec-security
    title: CPEC security
    topics: [cpec, security]
    match: all
`

// setup writes a config pointing at a fixture feed server.
func setup(t *testing.T) (cfgPath string, fs *feedServer) {
	t.Helper()
	return setupStore(t, "")
}

// setupStore is setup with the store at dbURL (PostgreSQL), or in the
// config's directory when dbURL is "".
func setupStore(t *testing.T, dbURL string) (cfgPath string, fs *feedServer) {
	t.Helper()
	fs = newFeedServer(t)
	dir := t.TempDir()
	cfg := testConfig
	if dbURL != "" {
		cfg = strings.Replace(cfg, `path: "{{DIR}}/agg.db"`, `url: "`+dbURL+`"`, 1)
	}
	cfg = strings.NewReplacer("{{DIR}}", dir, "{{URL}}", fs.URL).Replace(cfg)
	cfgPath = filepath.Join(dir, "config.yaml")
	if err := os.WriteFile(cfgPath, []byte(cfg), 0o644); err != nil {
		t.Fatal(err)
	}
	return cfgPath, fs
}

// cli runs one command line in-process.
func cli(t *testing.T, args ...string) (code int, stdout, stderr string) {
	t.Helper()
	var out, errb bytes.Buffer
	code = run(context.Background(), args, &out, &errb)
	return code, out.String(), errb.String()
}

func parseFeed(t *testing.T, body string) *gofeed.Feed {
	t.Helper()
	f, err := gofeed.NewParser().ParseString(body)
	if err != nil {
		t.Fatalf("our own feed does not parse: %v\n%s", err, body)
	}
	return f
}

func fetchLines(stdout string) map[string][]string {
	lines := map[string][]string{}
	for _, l := range strings.Split(strings.TrimSpace(stdout), "\n") {
		f := strings.Split(l, "\t")
		lines[f[0]] = f
	}
	return lines
}

// TestEndToEnd fetches the fixture sources and reads what is published,
// on SQLite and on PostgreSQL.
func TestEndToEnd(t *testing.T) {
	t.Run("sqlite", func(t *testing.T) {
		cfg, fs := setup(t)
		testEndToEnd(t, cfg, fs)
	})
	t.Run("postgres", func(t *testing.T) {
		cfg, fs := setupStore(t, pgtest.URL(t))
		testEndToEnd(t, cfg, fs)
	})
}

func testEndToEnd(t *testing.T, cfg string, fs *feedServer) {

	// Dawn first: its copy of the convoy story is the earliest seen.
	if code, stdout, stderr := cli(t, "fetch", "--config", cfg, "dawn"); code != 0 {
		t.Fatalf("fetch dawn: exit %d\n%s\n%s", code, stdout, stderr)
	}
	code, stdout, stderr := cli(t, "--config", cfg, "fetch")
	if code != exitPartial {
		t.Fatalf("fetch with a broken source: exit %d, want 1\nstdout:\n%s\nstderr:\n%s", code, stdout, stderr)
	}
	lines := fetchLines(stdout)
	if got := lines["dawn"]; len(got) < 3 || got[1] != "not_modified" || got[2] != "new=0" {
		t.Errorf("dawn fetched again: %q, want not_modified", got)
	}
	for _, id := range []string{"tribune", "xinhua", "app", "recorder"} {
		if got := lines[id]; len(got) < 2 || got[1] != "ok" {
			t.Errorf("source %s: %q, want ok", id, got)
		}
	}
	for _, id := range []string{"broken", "page"} {
		if got := lines[id]; len(got) < 7 || got[1] != "error" || got[6] == "" {
			t.Errorf("source %s: %q, want an error with its reason", id, got)
		}
	}
	for id, f := range lines {
		if len(f) != 8 || f[7] != "refused=0" {
			t.Errorf("source %s: %q, want 8 fields ending in refused=0", id, f)
		}
	}
	if !strings.Contains(lines["broken"][6], "500") {
		t.Errorf("broken source's error does not name the status: %q", lines["broken"][6])
	}

	t.Run("SecurityFeedHoldsTheStoryOnce", func(t *testing.T) {
		code, rss, stderr := cli(t, "export", "security", "--config", cfg)
		if code != 0 {
			t.Fatalf("export: exit %d: %s", code, stderr)
		}
		f := parseFeed(t, rss)
		if len(f.Items) != 1 {
			t.Fatalf("security feed has %d items, want the convoy story once: %v", len(f.Items), titles(f))
		}
		it := f.Items[0]
		if got, want := it.Link, "https://www.dawn.com/news/1870001/militants-attack-convoy-near-gwadar"; got != want {
			t.Errorf("link = %q, want canonical %q", got, want)
		}
		if got, want := it.Title, "Militants attack convoy carrying Chinese engineers near Gwadar"; got != want {
			t.Errorf("face title = %q, want the earliest-seen version %q", got, want)
		}
		if !slices.Equal(it.Categories, []string{"cpec", "security"}) && !slices.Equal(it.Categories, []string{"security", "cpec"}) {
			t.Errorf("categories = %v, want cpec and security", it.Categories)
		}
		content := it.Content + it.Description
		for _, bad := range []string{"<script", "alert(", "<iframe", "javascript:", "onerror"} {
			if strings.Contains(strings.ToLower(content), bad) {
				t.Errorf("published content keeps %q:\n%s", bad, content)
			}
		}
		for _, good := range []string{"https://www.dawn.com/images/convoy.jpg", "https://www.dawn.com/news/1869990", "Xinhua"} {
			if !strings.Contains(content, good) {
				t.Errorf("published content lacks %q:\n%s", good, content)
			}
		}
	})

	t.Run("CuratedFeedMatchesAll", func(t *testing.T) {
		_, rss, _ := cli(t, "--config", cfg, "export", "cpec-security")
		f := parseFeed(t, rss)
		if got := titles(f); len(got) != 1 || !strings.HasPrefix(got[0], "Militants attack convoy") {
			t.Errorf("cpec-security = %v, want the convoy story only", got)
		}
		_, rss, _ = cli(t, "--config", cfg, "export", "cpec")
		if got := titles(parseFeed(t, rss)); len(got) != 3 {
			t.Errorf("cpec = %v, want 3 stories (convoy, Senate bill, 瓜达尔)", got)
		}
	})

	t.Run("EncodingsAndDiscovery", func(t *testing.T) {
		_, js, _ := cli(t, "--config", cfg, "export", "economy", "--format", "json")
		var jf struct {
			Items []struct {
				Title string   `json:"title"`
				Tags  []string `json:"tags"`
			} `json:"items"`
		}
		if err := json.Unmarshal([]byte(js), &jf); err != nil {
			t.Fatalf("JSON feed: %v", err)
		}
		var got []string
		for _, it := range jf.Items {
			got = append(got, it.Title)
		}
		if !slices.Contains(got, "“Record” power tariff hike — NEPRA approves Rs3.5 per unit") {
			t.Errorf("economy titles = %q, want the windows-1252 title decoded", got)
		}
		_, rss, _ := cli(t, "--config", cfg, "export", "diplomacy")
		f := parseFeed(t, rss)
		if len(f.Items) != 1 || f.Items[0].Link != "https://app.example/news/501" {
			t.Errorf("diplomacy = %v, want the APP item found through the page's feed link", titles(f))
		}
	})

	before := exportAll(t, cfg)
	okBefore, _, _ := fs.counts()

	t.Run("SecondFetchChangesNothing", func(t *testing.T) {
		_, stdout, _ := cli(t, "--config", cfg, "fetch", "dawn", "tribune", "xinhua", "recorder")
		for id, f := range fetchLines(stdout) {
			if f[1] != "not_modified" && f[1] != "ok" {
				t.Errorf("%s: %q", id, f)
			}
			if f[2] != "new=0" || f[3] != "updated=0" {
				t.Errorf("second fetch of %s changed the store: %q", id, f)
			}
		}
		ok, notMod, conditional := fs.counts()
		if ok != okBefore || notMod < 4 || conditional < 4 {
			t.Errorf("second fetch: %d full answers (want %d), %d 304s, %d conditional requests", ok, okBefore, notMod, conditional)
		}
		if after := exportAll(t, cfg); !equalMaps(before, after) {
			t.Errorf("published feeds changed after a fetch that changed nothing")
		}
	})

	t.Run("ServeSendsWhatExportWrites", func(t *testing.T) {
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
		base := "http://" + m.Addr()
		for key, body := range before {
			id, format, _ := strings.Cut(key, ".")
			resp, err := http.Get(base + "/feeds/" + id + "." + format)
			if err != nil {
				t.Fatal(err)
			}
			got, _ := io.ReadAll(resp.Body)
			resp.Body.Close()
			if string(got) != body {
				t.Errorf("%s: serve and export differ", key)
			}
			req, _ := http.NewRequest("GET", base+"/feeds/"+id+"."+format, nil)
			req.Header.Set("If-None-Match", resp.Header.Get("ETag"))
			resp2, err := http.DefaultClient.Do(req)
			if err != nil {
				t.Fatal(err)
			}
			resp2.Body.Close()
			if resp2.StatusCode != http.StatusNotModified {
				t.Errorf("%s with If-None-Match: %d, want 304", key, resp2.StatusCode)
			}
		}
		resp, err := http.Get(base + "/api/items?topic=security")
		if err != nil {
			t.Fatal(err)
		}
		var items struct {
			Items []struct {
				Source string `json:"source"`
				URL    string `json:"url"`
				Story  struct {
					ID    string `json:"id"`
					Items []struct {
						Source string `json:"source"`
					} `json:"items"`
				} `json:"story"`
			} `json:"items"`
		}
		json.NewDecoder(resp.Body).Decode(&items)
		resp.Body.Close()
		if len(items.Items) != 2 {
			t.Fatalf("/api/items?topic=security: %d items, want dawn's and xinhua's copies", len(items.Items))
		}
		if items.Items[0].Story.ID != items.Items[1].Story.ID || len(items.Items[0].Story.Items) != 2 {
			t.Errorf("the two copies are not one story: %+v", items.Items)
		}
		cancel()
		select {
		case err := <-done:
			if err != nil {
				t.Errorf("Run: %v", err)
			}
		case <-time.After(10 * time.Second):
			t.Fatal("serve did not stop within 10 s")
		}
	})

	t.Run("IDsStableAcrossRestart", func(t *testing.T) {
		// Every export above opened the store anew: compare guids to the first.
		f1 := parseFeed(t, before["security.rss"])
		_, rss, _ := cli(t, "--config", cfg, "export", "security")
		f2 := parseFeed(t, rss)
		if len(f1.Items) == 0 || len(f2.Items) == 0 || f1.Items[0].GUID != f2.Items[0].GUID {
			t.Errorf("story guid changed across restarts")
		}
	})
}

func titles(f *gofeed.Feed) []string {
	var out []string
	for _, it := range f.Items {
		out = append(out, it.Title)
	}
	return out
}

// exportAll renders every published feed in every format.
func exportAll(t *testing.T, cfg string) map[string]string {
	t.Helper()
	out := map[string]string{}
	for _, id := range []string{"security", "cpec", "economy", "diplomacy", "cpec-security"} {
		for _, format := range []string{"rss", "atom", "json"} {
			code, body, stderr := cli(t, "--config", cfg, "export", id, "--format", format)
			if code != 0 {
				t.Fatalf("export %s %s: exit %d: %s", id, format, code, stderr)
			}
			out[id+"."+format] = body
		}
	}
	return out
}

func equalMaps(a, b map[string]string) bool {
	if len(a) != len(b) {
		return false
	}
	for k, v := range a {
		if b[k] != v {
			fmt.Println("differs:", k)
			return false
		}
	}
	return true
}
