package web

import (
	"bytes"
	"context"
	"errors"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"os"
	"strconv"
	"sync"
	"testing"
	"time"

	"aggregator/internal/model"
	"aggregator/internal/store"
)

// testBase is the BaseURL of the servers under test.
const testBase = "http://agg.test"

// errUnknownFeed stands for the publisher's ErrUnknownFeed.
var errUnknownFeed = errors.New("publish: unknown feed")

// fakeStore implements the part of store.Store the web calls; calling any
// other method panics through the nil embedded interface.
type fakeStore struct {
	store.Store

	mu         sync.Mutex
	items      []model.Item // newest first
	itemsErr   error
	states     []model.SourceState
	sourcesErr error
	pingErr    error
	pingBlock  chan struct{} // when set, Ping ignores its context and waits for it to close
	queries    []store.ItemQuery
	daily      map[string][]int // TopicDaily's answer
	dailyErr   error
}

func (f *fakeStore) TopicDaily(_ context.Context, days int, _ time.Time) (map[string][]int, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	return f.daily, f.dailyErr
}

func (f *fakeStore) Items(_ context.Context, q store.ItemQuery) ([]model.Item, string, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.queries = append(f.queries, q)
	if f.itemsErr != nil {
		return nil, "", f.itemsErr
	}
	start := 0
	if q.Before != "" {
		n, err := strconv.Atoi(q.Before)
		if err != nil {
			return nil, "", errors.New("bad cursor")
		}
		start = n
	}
	var out []model.Item
	next := ""
	for i := start; i < len(f.items); i++ {
		it := f.items[i]
		if q.Source != "" && it.SourceID != q.Source || q.Topic != "" && !hasMatch(it.Topics, q.Topic) {
			continue
		}
		if len(out) == q.Limit {
			next = strconv.Itoa(i)
			break
		}
		out = append(out, it)
	}
	return out, next, nil
}

func (f *fakeStore) lastQuery() store.ItemQuery {
	f.mu.Lock()
	defer f.mu.Unlock()
	if len(f.queries) == 0 {
		return store.ItemQuery{}
	}
	return f.queries[len(f.queries)-1]
}

func hasMatch(ms []model.TopicMatch, topic string) bool {
	for _, m := range ms {
		if m.Topic == topic {
			return true
		}
	}
	return false
}

func (f *fakeStore) Item(_ context.Context, id int64) (model.Item, error) {
	for _, it := range f.items {
		if it.ID == id {
			return it, nil
		}
	}
	return model.Item{}, fmtNotFound(id)
}

func fmtNotFound(id int64) error {
	return errors.Join(errors.New("item "+strconv.FormatInt(id, 10)), store.ErrNotFound)
}

func (f *fakeStore) Sources(context.Context) ([]model.SourceState, error) {
	return f.states, f.sourcesErr
}

func (f *fakeStore) Ping(ctx context.Context) error {
	if f.pingBlock != nil {
		<-f.pingBlock // a wedged store
	}
	return f.pingErr
}

// fakeFeeds is a publisher serving fixed bodies.
type fakeFeeds struct {
	feeds  []FeedInfo
	bodies map[string][]byte // "id.format" -> body; missing: a small default
	err    error             // returned by Get for every id, when set
	panics bool
}

func (f *fakeFeeds) List() []FeedInfo { return f.feeds }

func (f *fakeFeeds) Get(_ context.Context, id, format string) (http.Handler, error) {
	if f.panics {
		panic("publisher exploded")
	}
	if f.err != nil {
		return nil, f.err
	}
	known := false
	for _, fi := range f.feeds {
		known = known || fi.ID == id
	}
	if !known {
		return nil, errUnknownFeed
	}
	body, ok := f.bodies[id+"."+format]
	if !ok {
		body = []byte("feed " + id + " as " + format)
	}
	ctype := map[string]string{
		"rss":  "application/rss+xml; charset=utf-8",
		"atom": "application/atom+xml; charset=utf-8",
		"json": "application/feed+json",
	}[format]
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("ETag", `"v1"`)
		if r.Header.Get("If-None-Match") == `"v1"` {
			w.WriteHeader(http.StatusNotModified)
			return
		}
		w.Header().Set("Content-Type", ctype)
		_, _ = w.Write(body)
	}), nil
}

// fixture reads a file of testdata/.
func fixture(t testing.TB, name string) []byte {
	t.Helper()
	b, err := os.ReadFile("testdata/" + name)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

var testTime = time.Date(2025, 3, 2, 12, 0, 0, 0, time.UTC)

func testSources() []model.Source {
	return []model.Source{
		{ID: "dawn", Title: "Dawn", URL: "https://www.dawn.com/feeds/home", Region: "pakistan", Language: "en", Enabled: true},
		{ID: "xinhua", Title: "Xinhua", URL: "http://www.news.cn/rss", Region: "china", Language: "zh", Enabled: true},
		{ID: "jang", Title: "Jang", URL: "https://jang.com.pk/rss", Region: "pakistan", Language: "ur", Enabled: false},
	}
}

func testTopics() []model.Topic {
	return []model.Topic{{ID: "cpec", Title: "CPEC"}, {ID: "security", Title: "Security"}}
}

func testFeeds() *fakeFeeds {
	return &fakeFeeds{feeds: []FeedInfo{
		{ID: "cpec", Title: "CPEC", Description: "China-Pakistan Economic Corridor coverage", Topics: []string{"cpec"}, Kind: KindTopic},
		{ID: "security", Title: "Security", Topics: []string{"security"}, Kind: KindTopic},
		{ID: "cpec-security", Title: "CPEC security", Topics: []string{"cpec", "security"}, Kind: KindFeed},
	}}
}

// testItems are two copies of one story (Dawn first) and one of another.
func testItems() []model.Item {
	story1 := model.Story{ID: 1, Key: "s-gwadar", Members: []model.StoryMember{
		{ItemID: 1, Source: "dawn", SourceTitle: "Dawn", URL: "https://www.dawn.com/news/1", Title: "Gwadar port expands", FirstSeen: testTime.Add(-3 * time.Hour)},
		{ItemID: 3, Source: "xinhua", SourceTitle: "Xinhua", URL: "http://www.news.cn/1", Title: "Gwadar port grows", FirstSeen: testTime.Add(-time.Hour)},
	}}
	story2 := model.Story{ID: 2, Key: "s-attack", Members: []model.StoryMember{
		{ItemID: 2, Source: "dawn", SourceTitle: "Dawn", URL: "https://www.dawn.com/news/2", Title: "Attack on convoy", FirstSeen: testTime.Add(-2 * time.Hour)},
	}}
	return []model.Item{
		{
			ID: 3, SourceID: "xinhua", SourceTitle: "Xinhua", URL: "http://www.news.cn/1", Title: "Gwadar port grows",
			Summary: "<p>Port</p>", Published: testTime.Add(-time.Hour), FirstSeen: testTime.Add(-time.Hour),
			Topics: []model.TopicMatch{{Topic: "cpec", Terms: []string{"Gwadar"}, Hits: []model.Hit{{Term: "Gwadar", Field: "title", Offset: 0}}}},
			Story:  story1,
		},
		{
			ID: 2, SourceID: "dawn", SourceTitle: "Dawn", URL: "https://www.dawn.com/news/2", Title: "Attack on convoy",
			Published: testTime.Add(-2 * time.Hour), Updated: testTime.Add(-90 * time.Minute), FirstSeen: testTime.Add(-2 * time.Hour),
			Topics: []model.TopicMatch{{Topic: "security", Terms: []string{"attack"}, Hits: []model.Hit{{Term: "attack", Field: "title", Offset: 0}}}},
			Story:  story2,
		},
		{
			ID: 1, SourceID: "dawn", SourceTitle: "Dawn", URL: "https://www.dawn.com/news/1", Title: "Gwadar port expands",
			Published: testTime.Add(-3 * time.Hour), FirstSeen: testTime.Add(-3 * time.Hour),
			Topics: []model.TopicMatch{{Topic: "cpec", Terms: []string{"Gwadar", "CPEC"}}, {Topic: "security", Terms: []string{"security"}}},
			Story:  story1,
		},
	}
}

// testEnv is a running server with its fakes and log.
type testEnv struct {
	srv   *httptest.Server
	store *fakeStore
	feeds *fakeFeeds
	log   *lockedWriter
	h     *handler
}

// newTestEnv starts a server over the fakes; adjust changes the Server
// before its handler is built.
func newTestEnv(t testing.TB, adjust func(*Server)) *testEnv {
	t.Helper()
	env := &testEnv{
		store: &fakeStore{items: testItems(), states: []model.SourceState{
			{SourceID: "dawn", Status: model.StatusOK, LastFetch: testTime.Add(-5 * time.Minute), LastSuccess: testTime.Add(-5 * time.Minute), NextFetch: testTime.Add(10 * time.Minute), Items: 2,
				Refused: map[string]int{"empty": 3}},
		}},
		feeds: testFeeds(),
		log:   new(lockedWriter),
	}
	s := &Server{
		Store:      env.store,
		Feeds:      env.feeds,
		Sources:    testSources,
		Topics:     testTopics,
		NextFetch:  func(id string) time.Time { return testTime.Add(7 * time.Minute) },
		BaseURL:    testBase + "/",
		Version:    "v1.2.3",
		Logger:     slog.New(slog.NewTextHandler(env.log, &slog.HandlerOptions{Level: slog.LevelDebug})),
		IsNotFound: func(err error) bool { return errors.Is(err, errUnknownFeed) },
	}
	env.feeds.bodies = map[string][]byte{"cpec.json": fixture(t, "cpec.json")}
	if adjust != nil {
		adjust(s)
	}
	env.h = newHandler(s)
	env.h.now = func() time.Time { return testTime }
	env.srv = httptest.NewServer(env.h.serveMux())
	t.Cleanup(env.srv.Close)
	return env
}

// get requests path with optional headers and returns the response and body.
func (e *testEnv) do(t testing.TB, method, path string, header http.Header) (*http.Response, []byte) {
	t.Helper()
	req, err := http.NewRequest(method, e.srv.URL+path, nil)
	if err != nil {
		t.Fatal(err)
	}
	for k, vs := range header {
		req.Header[k] = vs
	}
	resp, err := e.srv.Client().Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	body, err := io.ReadAll(resp.Body)
	if err != nil {
		t.Fatal(err)
	}
	return resp, body
}

func (e *testEnv) get(t testing.TB, path string) (*http.Response, []byte) {
	t.Helper()
	return e.do(t, http.MethodGet, path, nil)
}

// lockedWriter is a log buffer safe to write from the server's goroutines
// while a test reads it.
type lockedWriter struct {
	mu  sync.Mutex
	buf bytes.Buffer
}

func (l *lockedWriter) Write(b []byte) (int, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.buf.Write(b)
}

func (l *lockedWriter) String() string {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.buf.String()
}

func storeNotFound() error { return store.ErrNotFound }
