package publish

import (
	"bytes"
	"context"
	"math/rand/v2"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"aggregator/internal/fastpath"
	"aggregator/internal/model"
)

// wrapped is middleware's response writer (as the web package's request
// logger has): it hides net/http's ReadFrom but unwraps to it.
type wrapped struct{ http.ResponseWriter }

func (w wrapped) Unwrap() http.ResponseWriter { return w.ResponseWriter }

// bigItems are the fixture stories with a long article of varied words,
// so that every format's body and gzip body are large enough to be sent
// from their files (see sendFile).
func bigItems() []model.Item {
	words := strings.Fields("Gwadar port corridor investment minister talks security budget power plant " +
		"road rail convoy engineers province council market exports tariffs loan tranche court")
	rnd := rand.New(rand.NewPCG(7, 7))
	var b strings.Builder
	for b.Len() < 60_000 {
		b.WriteString("<p>")
		for range 40 {
			b.WriteString(words[rnd.IntN(len(words))])
			b.WriteByte(' ')
		}
		b.WriteString("</p>")
	}
	items := fixtureItems()
	items[0].Content += b.String()
	return items
}

// spooledServer starts a publisher spooling under a test directory and
// serves its feeds over loopback HTTP behind a wrapping middleware.
func spooledServer(t *testing.T, st *liveStore) (*httptest.Server, *Publisher, string) {
	t.Helper()
	opts := fastOpts()
	opts.SpoolDir = t.TempDir()
	p := New(st, opts, testDefs)
	startPublisher(t, p)
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, req *http.Request) {
		id, format, _ := strings.Cut(strings.TrimPrefix(req.URL.Path, "/feeds/"), ".")
		r, err := p.Get(req.Context(), id, format)
		if err != nil {
			http.Error(w, err.Error(), http.StatusNotFound)
			return
		}
		r.ServeHTTP(wrapped{w}, req)
	}))
	t.Cleanup(srv.Close)
	return srv, p, opts.SpoolDir
}

// spooled lists the body files under a spool parent directory (not the
// lock).
func spooled(t *testing.T, parent string) []string {
	t.Helper()
	files, err := filepath.Glob(filepath.Join(parent, "*", "*"))
	if err != nil {
		t.Fatal(err)
	}
	return slices.DeleteFunc(files, func(f string) bool { return filepath.Base(f) == spoolLock })
}

func get(t *testing.T, p *Publisher, id, format string) *Rendered {
	t.Helper()
	r, err := p.Get(context.Background(), id, format)
	if err != nil {
		t.Fatal(err)
	}
	return r
}

func TestBigItemsAreSentFromFiles(t *testing.T) {
	for _, f := range Formats() {
		body, err := Render(testDef, testOpts, bigItems(), f)
		if err != nil {
			t.Fatal(err)
		}
		gz, err := gzipBytes(body)
		if err != nil {
			t.Fatal(err)
		}
		if min(len(body), len(gz)) <= 2*sendPrefix {
			t.Errorf("%s: %d bytes, %d gzipped: too short for the tests to reach sendfile", f, len(body), len(gz))
		}
	}
}

func TestSpooledBodyIsSentFromTheFile(t *testing.T) {
	srv, p, _ := spooledServer(t, newLive(bigItems()))
	r := get(t, p, "cpec", FormatJSON)
	for _, tc := range []struct {
		name, file string
		header     map[string]string
		mem        []byte
	}{
		{"identity", r.bodyFile, nil, r.Body},
		{"gzip", r.gzipFile, map[string]string{"Accept-Encoding": "gzip"}, r.Gzip},
	} {
		// Same size, other bytes past the prefix: what arrives shows where
		// it came from.
		marked := bytes.Clone(tc.mem)
		for i := sendPrefix; i < len(marked); i++ {
			marked[i] ^= 0xff
		}
		if err := os.WriteFile(tc.file, marked, 0o600); err != nil {
			t.Fatal(err)
		}
		_, body := fetch(t, http.MethodGet, srv.URL+"/feeds/cpec.json", tc.header)
		if !bytes.Equal(body, marked) {
			t.Errorf("%s: the body did not come from the spool file", tc.name)
		}
		resp, body := fetch(t, http.MethodHead, srv.URL+"/feeds/cpec.json", tc.header)
		if len(body) != 0 || resp.ContentLength != int64(len(tc.mem)) {
			t.Errorf("%s HEAD: %d body bytes, Content-Length %d", tc.name, len(body), resp.ContentLength)
		}
	}
}

func TestSpoolHoldsEveryCachedRenderByteForByte(t *testing.T) {
	_, p, dir := spooledServer(t, newLive(bigItems()))
	want := len(testDefs) * len(Formats()) * 2 // identity and gzip
	if got := len(spooled(t, dir)); got != want {
		t.Fatalf("%d spool files after warm-up, want %d", got, want)
	}
	r := get(t, p, "cpec", FormatRSS)
	for _, c := range []struct {
		name string
		want []byte
	}{{r.bodyFile, r.Body}, {r.gzipFile, r.Gzip}} {
		if !strings.Contains(c.name, strings.Trim(r.ETag, `"`)) {
			t.Errorf("spool file %s is not named by the ETag %s", c.name, r.ETag)
		}
		b, err := os.ReadFile(c.name)
		if err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(b, c.want) {
			t.Errorf("spool file %s differs from the render in memory", c.name)
		}
	}
}

func TestSpooledResponsesEqualTheMemoryBody(t *testing.T) {
	srv, p, _ := spooledServer(t, newLive(bigItems()))
	for _, format := range Formats() {
		r := get(t, p, "cpec", format)
		for _, tc := range []struct {
			name   string
			header map[string]string
			want   []byte
		}{
			{"identity", nil, r.Body},
			{"gzip", map[string]string{"Accept-Encoding": "gzip"}, r.Gzip},
		} {
			resp, body := fetch(t, http.MethodGet, srv.URL+"/feeds/cpec."+format, tc.header)
			if resp.StatusCode != http.StatusOK || !bytes.Equal(body, tc.want) {
				t.Errorf("%s %s: status %d, %d bytes, want 200 and the %d bytes in memory",
					format, tc.name, resp.StatusCode, len(body), len(tc.want))
			}
			if resp.ContentLength != int64(len(tc.want)) {
				t.Errorf("%s %s: Content-Length %d, want %d", format, tc.name, resp.ContentLength, len(tc.want))
			}
		}
	}
}

func TestSpoolFallsBackToMemory(t *testing.T) {
	for _, tc := range []struct {
		name  string
		spoil func(name string) error
	}{
		{"file removed", os.Remove},
		{"file truncated", func(name string) error { return os.Truncate(name, 100) }},
		{"file grown", func(name string) error {
			f, err := os.OpenFile(name, os.O_APPEND|os.O_WRONLY, 0)
			if err != nil {
				return err
			}
			_, err = f.WriteString("trailing junk")
			if cerr := f.Close(); err == nil {
				err = cerr
			}
			return err
		}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			srv, p, _ := spooledServer(t, newLive(bigItems()))
			r := get(t, p, "cpec", FormatAtom)
			for _, name := range []string{r.bodyFile, r.gzipFile} {
				if err := tc.spoil(name); err != nil {
					t.Fatal(err)
				}
			}
			_, body := fetch(t, http.MethodGet, srv.URL+"/feeds/cpec.atom", nil)
			if !bytes.Equal(body, r.Body) {
				t.Errorf("identity: got %d bytes, want the %d in memory", len(body), len(r.Body))
			}
			_, body = fetch(t, http.MethodGet, srv.URL+"/feeds/cpec.atom", map[string]string{"Accept-Encoding": "gzip"})
			if !bytes.Equal(body, r.Gzip) {
				t.Errorf("gzip: got %d bytes, want the %d in memory", len(body), len(r.Gzip))
			}
		})
	}
}

func TestSpoolRemovesFilesOfReplacedRenders(t *testing.T) {
	st := newLive(bigItems())
	_, p, dir := spooledServer(t, st)
	before := spooled(t, dir)
	old := get(t, p, "cpec", FormatRSS)

	st.set(bigItems()[1:], nil)
	p.Invalidate(nil)
	waitFor(t, func() bool { return get(t, p, "cpec", FormatRSS).ETag != old.ETag })
	waitFor(t, func() bool {
		for _, d := range testDefs {
			for _, f := range Formats() {
				r := get(t, p, d.ID, f)
				if _, err := os.Stat(r.bodyFile); err != nil {
					return false
				}
			}
		}
		return len(spooled(t, dir)) == len(before)
	})
	for _, name := range []string{old.bodyFile, old.gzipFile} {
		if _, err := os.Stat(name); !os.IsNotExist(err) {
			t.Errorf("%s of the replaced render still exists (err %v)", name, err)
		}
	}
	after := spooled(t, dir)
	if slices.Contains(after, old.bodyFile) {
		t.Error("the replaced render's file is still listed")
	}
	r := get(t, p, "cpec", FormatRSS)
	if !slices.Contains(after, r.bodyFile) || !slices.Contains(after, r.gzipFile) {
		t.Errorf("the new render's files %s, %s are not in the spool %v", r.bodyFile, r.gzipFile, after)
	}
}

func TestSpoolForgetsRemovedFeeds(t *testing.T) {
	_, p, dir := spooledServer(t, newLive(bigItems()))
	gone := get(t, p, "dawn-only", FormatJSON)
	p.SetDefs(testDefs[:1])
	if _, err := os.Stat(gone.bodyFile); !os.IsNotExist(err) {
		t.Errorf("the file of a feed no longer defined is still there (err %v)", err)
	}
	waitFor(t, func() bool { return len(spooled(t, dir)) == len(Formats())*2 })
}

func TestCloseRemovesSpoolAndServesFromMemory(t *testing.T) {
	srv, p, dir := spooledServer(t, newLive(bigItems()))
	r := get(t, p, "cpec", FormatRSS)
	if err := p.Close(); err != nil {
		t.Fatal(err)
	}
	if entries, err := os.ReadDir(dir); err != nil || len(entries) != 0 {
		t.Errorf("after Close the spool parent holds %v (err %v), want nothing", entries, err)
	}
	_, body := fetch(t, http.MethodGet, srv.URL+"/feeds/cpec.rss", nil)
	if !bytes.Equal(body, r.Body) {
		t.Error("after Close the feed is not served from memory")
	}
	p.Invalidate(nil) // re-renders after Close write no files
	waitFor(t, func() bool { return get(t, p, "cpec", FormatRSS) != r })
	if got := get(t, p, "cpec", FormatRSS); got.bodyFile != "" || got.gzipFile != "" {
		t.Errorf("a render after Close was spooled to %q, %q", got.bodyFile, got.gzipFile)
	}
	if err := p.Close(); err != nil {
		t.Errorf("second Close: %v", err)
	}
}

func TestNoSpoolBeforeStart(t *testing.T) {
	opts := testOpts
	opts.SpoolDir = t.TempDir()
	p := New(newFake(fixtureItems()), opts, testDefs)
	if r := get(t, p, "cpec", FormatRSS); r.bodyFile != "" {
		t.Errorf("a one-shot render was spooled to %s", r.bodyFile)
	}
	if files := spooled(t, opts.SpoolDir); len(files) != 0 {
		t.Errorf("spool files before Start: %v", files)
	}
}

func TestReaderFromFindsNetHTTPWriterThroughUnwrap(t *testing.T) {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if readerFrom(wrapped{wrapped{w}}) == nil {
			t.Error("net/http's writer was not found through two wrappers")
		}
		if readerFrom(struct{ http.ResponseWriter }{w}) != nil {
			t.Error("a writer that neither reads from nor unwraps gave a ReaderFrom")
		}
	}))
	defer srv.Close()
	fetch(t, http.MethodGet, srv.URL, nil)
}

// TestFastPathFileOutlivesTheCacheUntilReleased holds a response's
// reference to a render's open file across the render's replacement: the
// descriptor stays valid (and reads the render's bytes) until the response
// releases it, then closes; later responses of the old render come from
// memory, and the new render has files of its own.
func TestFastPathFileOutlivesTheCacheUntilReleased(t *testing.T) {
	st := newLive(bigItems())
	_, p, _ := spooledServer(t, st)
	old := get(t, p, "cpec", FormatRSS)
	var resp fastpath.Response
	if !old.ServeFast(&fastpath.Request{Path: "/feeds/cpec.rss"}, &resp) || resp.File == nil {
		t.Fatalf("a spooled render answered without its file (file %v)", resp.File)
	}
	held := old.bodyOpen.f

	st.set(bigItems()[1:], nil)
	p.Invalidate(nil)
	waitFor(t, func() bool { return get(t, p, "cpec", FormatRSS).ETag != old.ETag })

	// Still open: the response under way reads the old render's bytes.
	got := make([]byte, len(old.Body))
	if _, err := held.ReadAt(got, 0); err != nil || !bytes.Equal(got, old.Body) {
		t.Fatalf("the held file after replacement: err %v, same bytes %v", err, bytes.Equal(got, old.Body))
	}
	var late fastpath.Response
	if !old.ServeFast(&fastpath.Request{Path: "/feeds/cpec.rss"}, &late) || late.File != nil {
		t.Errorf("a response of a replaced render got its file (%v): want the body from memory", late.File)
	}
	resp.File.Release()
	if _, err := held.Stat(); err == nil {
		t.Error("the file is still open after the last response released it")
	}

	var head fastpath.Response
	r := get(t, p, "cpec", FormatRSS)
	if !r.ServeFast(&fastpath.Request{Head: true}, &head) || head.File != nil {
		t.Error("a HEAD took a reference to the file")
	}
	// The gzip body is too short for sendfile: no descriptor is kept.
	var gz fastpath.Response
	if !r.ServeFast(&fastpath.Request{AcceptEncoding: "gzip"}, &gz) || !bytes.Equal(gz.Body, r.Gzip) {
		t.Error("a gzip response did not get the gzip body")
	}
	if wantFile := len(r.Gzip) > 2*sendPrefix; (gz.File != nil) != wantFile {
		t.Errorf("gzip body of %d bytes sent from a file: %v, want %v", len(r.Gzip), gz.File != nil, wantFile)
	}
	if gz.File != nil {
		gz.File.Release()
	}
}
