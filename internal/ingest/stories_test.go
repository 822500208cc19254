package ingest_test

import (
	"context"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/mmcdole/gofeed"

	"aggregator/internal/fetch"
	"aggregator/internal/ingest"
	"aggregator/internal/model"
	"aggregator/internal/publish"
	"aggregator/internal/store"
)

// The fixtures in testdata/stories are one morning's Balochistan news:
//
//   - the Kech labourers story: APP's wire copy, Dawn's rewrite (new
//     headline, reworded lead, social and copyright furniture, utm and
//     fbclid on the link) and the Tribune's (new headline and lead, an
//     "Also read" line, a gclid, one paragraph fewer);
//   - a second attack in Balochistan the same day (the Mastung blast, other
//     place, other toll) in the Tribune, and Geo's short headline-and-
//     summary item about it;
//   - unrelated items: a Dawn politics story, a Geo item about Quetta
//     schools.

// storyServer serves testdata/stories/NAME.xml at /NAME.xml; a test may
// swap the file behind a path (a correction at the source).
type storyServer struct {
	*httptest.Server
	mu    sync.Mutex
	files map[string]string // path -> file name
}

func newStoryServer(t *testing.T) *storyServer {
	t.Helper()
	fs := &storyServer{files: map[string]string{}}
	fs.Server = httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		fs.mu.Lock()
		name, ok := fs.files[r.URL.Path]
		fs.mu.Unlock()
		if !ok {
			name = strings.TrimPrefix(r.URL.Path, "/")
		}
		body, err := os.ReadFile(filepath.Join("testdata", "stories", filepath.Base(name)))
		if err != nil {
			http.NotFound(w, r)
			return
		}
		w.Header().Set("Content-Type", "application/rss+xml; charset=utf-8")
		w.Write(body)
	}))
	t.Cleanup(fs.Close)
	return fs
}

func (fs *storyServer) serve(path, file string) {
	fs.mu.Lock()
	defer fs.mu.Unlock()
	fs.files[path] = file
}

// storyT0 is when the morning's first fetch runs.
var storyT0 = time.Date(2024, 11, 14, 6, 30, 0, 0, time.UTC)

// storyClock is the fake time shared by the pipeline and the store.
type storyClock struct {
	mu  sync.Mutex
	now time.Time
}

func (c *storyClock) Now() time.Time {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.now
}

func (c *storyClock) Set(t time.Time) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.now = t
}

// storyRig is a pipeline over a fresh store, fetching from the fixture server.
type storyRig struct {
	t       *testing.T
	srv     *storyServer
	clock   *storyClock
	store   store.Store
	p       *ingest.Pipeline
	sources map[string]model.Source
}

func newStoryRig(t *testing.T, nearDuplicates bool, window time.Duration) *storyRig {
	t.Helper()
	ctx := context.Background()
	c := &storyClock{now: storyT0}
	st, err := store.Open(ctx, filepath.Join(t.TempDir(), "stories.db"), store.Options{Clock: c.Now})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	r := &storyRig{t: t, srv: newStoryServer(t), clock: c, store: st, sources: map[string]model.Source{}}
	var list []model.Source
	for _, s := range []struct{ id, title string }{
		{"app", "APP"}, {"dawn", "Dawn"}, {"tribune", "The Express Tribune"}, {"geo", "Geo News"},
	} {
		src := model.Source{ID: s.id, Title: s.title, URL: r.srv.URL + "/" + s.id + ".xml", Region: "pakistan",
			Language: "en", Enabled: true, Identity: model.IdentityGUID}
		r.sources[s.id] = src
		list = append(list, src)
	}
	if err := st.SyncSources(ctx, list); err != nil {
		t.Fatal(err)
	}
	r.p = ingest.New(ingest.Options{
		Store:          st,
		Client:         fetch.New(fetch.Options{AllowPrivate: true, Timeout: 5 * time.Second}),
		NearDuplicates: nearDuplicates,
		Window:         window,
		Clock:          c.Now,
		Logger:         quietLogger(),
	})
	return r
}

// fetch runs one source at the given time and checks that it stored.
func (r *storyRig) fetch(id string, at time.Time) ingest.Result {
	r.t.Helper()
	r.clock.Set(at)
	res := r.p.Run(context.Background(), r.sources[id], true)
	if res.Status != ingest.RunOK {
		r.t.Fatalf("fetch %s: %s %v", id, res.Status, res.Err)
	}
	return res
}

// item returns the stored item of a source whose title starts with prefix.
func (r *storyRig) item(source, prefix string) model.Item {
	r.t.Helper()
	items, _, err := r.store.Items(context.Background(), store.ItemQuery{Source: source, Limit: 100})
	if err != nil {
		r.t.Fatal(err)
	}
	for _, it := range items {
		if strings.HasPrefix(it.Title, prefix) {
			return it
		}
	}
	r.t.Fatalf("no item of %s titled %q…", source, prefix)
	return model.Item{}
}

// face returns the published face of the story holding the item.
func (r *storyRig) face(it model.Item) model.Item {
	r.t.Helper()
	faces, err := r.store.Stories(context.Background(), store.StoryQuery{Limit: 100})
	if err != nil {
		r.t.Fatal(err)
	}
	for _, f := range faces {
		if f.Story.ID == it.Story.ID {
			return f
		}
	}
	r.t.Fatalf("story %d of %q is not published", it.Story.ID, it.Title)
	return model.Item{}
}

func storyMembers(st model.Story) []string {
	var out []string
	for _, m := range st.Members {
		out = append(out, m.Source)
	}
	return out
}

// TestStoriesEndToEnd runs the morning's feeds through the real pipeline
// (fetch, parse, normalise, fingerprint, store) and checks the stories.
func TestStoriesEndToEnd(t *testing.T) {
	r := newStoryRig(t, true, 72*time.Hour)
	r.fetch("app", storyT0)
	wire := r.item("app", "Gunmen kill seven")
	keyAlone := wire.Story.Key
	if keyAlone == "" {
		t.Fatal("the wire item has no story key")
	}
	if res := r.fetch("dawn", storyT0.Add(10*time.Minute)); res.New != 2 || res.Joined != 1 {
		t.Errorf("dawn: %d new, %d joined; want 2 new, 1 joined", res.New, res.Joined)
	}
	if res := r.fetch("tribune", storyT0.Add(20*time.Minute)); res.New != 2 || res.Joined != 1 {
		t.Errorf("tribune: %d new, %d joined; want 2 new, 1 joined", res.New, res.Joined)
	}
	r.fetch("geo", storyT0.Add(30*time.Minute))

	dawn := r.item("dawn", "Seven Punjabi workers")
	tribune := r.item("tribune", "Kech attack")
	mastung := r.item("tribune", "Four policemen")
	short := r.item("geo", "Four cops")
	schools := r.item("geo", "Quetta schools")
	politics := r.item("dawn", "Bilawal")

	t.Run("TrackingParametersAndFragmentRemoved", func(t *testing.T) {
		for _, it := range []model.Item{wire, dawn, tribune, mastung, short} {
			if strings.ContainsAny(it.URL, "#") || strings.Contains(it.URL, "utm_") ||
				strings.Contains(it.URL, "clid") {
				t.Errorf("%s: canonical URL %q keeps tracking", it.SourceID, it.URL)
			}
		}
	})
	t.Run("RewritesOfTheWireStoryAreOneStory", func(t *testing.T) {
		wire = r.item("app", "Gunmen kill seven")
		if dawn.Story.ID != wire.Story.ID || tribune.Story.ID != wire.Story.ID {
			t.Fatalf("stories: app %d, dawn %d, tribune %d; want one", wire.Story.ID, dawn.Story.ID, tribune.Story.ID)
		}
		if got := storyMembers(wire.Story); strings.Join(got, ",") != "app,dawn,tribune" {
			t.Errorf("members %v, want app, dawn, tribune (earliest first)", got)
		}
	})
	t.Run("TwoAttacksOnOneDayStayApart", func(t *testing.T) {
		if mastung.Story.ID == wire.Story.ID {
			t.Error("the Mastung blast joined the Kech story")
		}
	})
	t.Run("ShortItemJoinsItsStory", func(t *testing.T) {
		if short.Story.ID != mastung.Story.ID {
			t.Errorf("Geo's short item is in story %d, the Tribune's Mastung story is %d", short.Story.ID, mastung.Story.ID)
		}
	})
	t.Run("UnrelatedItemsStayAlone", func(t *testing.T) {
		for _, it := range []model.Item{schools, politics} {
			if len(it.Story.Members) != 1 {
				t.Errorf("%q has members %v, want itself only", it.Title, storyMembers(it.Story))
			}
		}
	})
	t.Run("FaceIsEarliestSeenAndKeyStable", func(t *testing.T) {
		f := r.face(wire)
		if f.SourceID != "app" || f.ID != wire.ID {
			t.Errorf("face is %s %q, want APP's wire copy", f.SourceID, f.Title)
		}
		if f.Story.Key != keyAlone {
			t.Errorf("story key %q after members joined, was %q", f.Story.Key, keyAlone)
		}
		if len(f.Story.Members) != 3 {
			t.Errorf("face carries %d members, want 3", len(f.Story.Members))
		}
	})
	t.Run("AlsoReportedByNamesTheOthersWithLinks", func(t *testing.T) {
		f := r.face(wire)
		def := publish.Def{ID: "balochistan", Title: "Balochistan", Query: store.StoryQuery{Limit: 50}}
		body, err := publish.Render(def, publish.Options{BaseURL: "http://agg.example"}, []model.Item{f}, publish.FormatRSS)
		if err != nil {
			t.Fatal(err)
		}
		feed, err := gofeed.NewParser().ParseString(string(body))
		if err != nil || len(feed.Items) != 1 {
			t.Fatalf("rendered feed: %v, %d items\n%s", err, len(feed.Items), body)
		}
		got := feed.Items[0]
		if got.Link != wire.URL || got.Title != wire.Title {
			t.Errorf("published %q at %s, want the face %q at %s", got.Title, got.Link, wire.Title, wire.URL)
		}
		content := got.Content + got.Description
		for _, want := range []string{
			"Also reported by",
			`<a href="` + dawn.URL + `">Dawn</a>`,
			`<a href="` + tribune.URL + `">The Express Tribune</a>`,
		} {
			if !strings.Contains(content, want) {
				t.Errorf("published content lacks %q:\n%s", want, content)
			}
		}
		if strings.Contains(content, `href="`+wire.URL+`"`) {
			t.Error("the face credits itself among the other outlets")
		}
	})
	t.Run("CorrectionOfTheFaceKeepsTheStory", func(t *testing.T) {
		r.srv.serve("/app.xml", "app-corrected.xml")
		if res := r.fetch("app", storyT0.Add(40*time.Minute)); res.Updated != 1 || res.New != 0 {
			t.Fatalf("correction: %d updated, %d new; want 1 updated", res.Updated, res.New)
		}
		corrected := r.item("app", "Gunmen kill seven")
		if !strings.HasSuffix(corrected.Title, "toll may rise") {
			t.Fatalf("title %q not corrected", corrected.Title)
		}
		f := r.face(corrected)
		if f.ID != wire.ID || f.Story.Key != keyAlone || len(f.Story.Members) != 3 {
			t.Errorf("after the correction: face %s %d, key %q, %d members; want APP %d, %q, 3",
				f.SourceID, f.ID, f.Story.Key, len(f.Story.Members), wire.ID, keyAlone)
		}
	})
	t.Run("RetentionOfTheFaceMovesItToTheNextEarliest", func(t *testing.T) {
		n, err := r.store.Prune(context.Background(), storyT0.Add(5*time.Minute)) // APP's copy only
		if err != nil || n != 1 {
			t.Fatalf("prune: %d items, %v; want 1", n, err)
		}
		f := r.face(r.item("dawn", "Seven Punjabi workers"))
		if f.SourceID != "dawn" || f.Story.Key != keyAlone || len(f.Story.Members) != 2 {
			t.Errorf("after pruning APP's copy: face %s, key %q, members %v; want dawn, %q, [dawn tribune]",
				f.SourceID, f.Story.Key, storyMembers(f.Story), keyAlone)
		}
	})
}

// TestStoriesNearDuplicatesOff checks that near_duplicates: false files
// every outlet's copy as its own story.
func TestStoriesNearDuplicatesOff(t *testing.T) {
	r := newStoryRig(t, false, 72*time.Hour)
	r.fetch("app", storyT0)
	r.fetch("dawn", storyT0.Add(10*time.Minute))
	r.fetch("tribune", storyT0.Add(20*time.Minute))
	r.fetch("geo", storyT0.Add(30*time.Minute))
	for _, it := range []model.Item{
		r.item("app", "Gunmen kill seven"), r.item("dawn", "Seven Punjabi"), r.item("tribune", "Kech attack"),
		r.item("geo", "Four cops"),
	} {
		if len(it.Story.Members) != 1 {
			t.Errorf("%s %q shares a story with %v", it.SourceID, it.Title, storyMembers(it.Story))
		}
	}
}

// TestStoriesWindow checks that dedup.window bounds clustering in time:
// with a window of 1h, copies first seen 2h apart stay apart, while copies
// 10 minutes apart still join.
func TestStoriesWindow(t *testing.T) {
	r := newStoryRig(t, true, time.Hour)
	r.fetch("app", storyT0)
	r.fetch("dawn", storyT0.Add(2*time.Hour))
	r.fetch("tribune", storyT0.Add(2*time.Hour+10*time.Minute))
	wire, dawn, tribune := r.item("app", "Gunmen kill seven"), r.item("dawn", "Seven Punjabi"), r.item("tribune", "Kech attack")
	if dawn.Story.ID == wire.Story.ID {
		t.Error("a copy first seen 2h after the wire joined it with a 1h window")
	}
	if tribune.Story.ID != dawn.Story.ID {
		t.Errorf("copies 10 minutes apart: tribune in story %d, dawn in %d; want one", tribune.Story.ID, dawn.Story.ID)
	}
}

func quietLogger() *slog.Logger { return slog.New(slog.DiscardHandler) }
