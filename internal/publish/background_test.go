package publish

import (
	"context"
	"net/http"
	"net/http/httptest"
	"sync"
	"testing"
	"time"

	"aggregator/internal/model"
	"aggregator/internal/store"
)

// liveStore is a fake store whose stories a test changes as ingest would,
// and whose Stories can be held until released.
type liveStore struct {
	*fakeStore
	mu    sync.Mutex
	items []model.Item
	hold  chan struct{} // when non-nil, Stories waits for it to close
}

func newLive(items []model.Item) *liveStore {
	ls := &liveStore{items: items}
	ls.fakeStore = &fakeStore{stories: func(ctx context.Context, _ store.StoryQuery) ([]model.Item, error) {
		ls.mu.Lock()
		items, hold := ls.items, ls.hold
		ls.mu.Unlock()
		if hold != nil {
			select {
			case <-hold:
			case <-ctx.Done():
				return nil, ctx.Err()
			}
		}
		return items, nil
	}}
	return ls
}

func (ls *liveStore) set(items []model.Item, hold chan struct{}) {
	ls.mu.Lock()
	defer ls.mu.Unlock()
	ls.items, ls.hold = items, hold
}

// startPublisher starts p's background with a short coalescing window and
// stops it when the test ends.
func startPublisher(t *testing.T, p *Publisher) {
	t.Helper()
	ctx, cancel := context.WithCancel(context.Background())
	if err := p.Start(ctx); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		cancel()
		p.Wait()
		if err := p.Close(); err != nil {
			t.Error(err)
		}
	})
}

func fastOpts() Options {
	o := testOpts
	o.Coalesce = 20 * time.Millisecond
	return o
}

func TestStartWarmsEveryFeedAndFormat(t *testing.T) {
	st := newLive(fixtureItems())
	p := New(st, fastOpts(), testDefs)
	startPublisher(t, p)
	if got, want := st.calls.Load(), int64(len(testDefs)*len(Formats())); got != want {
		t.Fatalf("warm-up rendered %d times, want %d", got, want)
	}
	for _, d := range testDefs {
		for _, f := range Formats() {
			if _, err := p.Get(context.Background(), d.ID, f); err != nil {
				t.Fatal(err)
			}
		}
	}
	if got, want := st.calls.Load(), int64(len(testDefs)*len(Formats())); got != want {
		t.Errorf("requests after warm-up rendered: %d store calls, want %d", got, want)
	}
}

func TestRequestsAfterWarmUpNeverRender(t *testing.T) {
	st := newLive(fixtureItems())
	p := New(st, fastOpts(), testDefs)
	startPublisher(t, p)
	warm := st.calls.Load()
	hold := make(chan struct{})
	st.set(fixtureItems()[:1], hold) // any render now blocks until released
	p.Invalidate(nil)
	waitFor(t, func() bool { return st.calls.Load() > warm }) // the background is rendering

	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, req *http.Request) {
		r, err := p.Get(req.Context(), "cpec", FormatRSS)
		if err != nil {
			http.Error(w, err.Error(), http.StatusInternalServerError)
			return
		}
		r.ServeHTTP(w, req)
	}))
	defer srv.Close()
	for range 50 {
		resp, body := fetch(t, http.MethodGet, srv.URL, nil)
		if resp.StatusCode != http.StatusOK || len(body) == 0 {
			t.Fatalf("status %d while re-rendering", resp.StatusCode)
		}
	}
	if got := st.calls.Load(); got > warm+renderWorkers {
		t.Errorf("%d store calls during 50 requests, want only the %d background renders", got-warm, renderWorkers)
	}
	close(hold)
}

func TestStaleRenderServedUntilNewOneIsReady(t *testing.T) {
	st := newLive(fixtureItems())
	p := New(st, fastOpts(), testDefs)
	startPublisher(t, p)
	ctx := context.Background()
	old, err := p.Get(ctx, "cpec", FormatAtom)
	if err != nil {
		t.Fatal(err)
	}

	hold := make(chan struct{})
	st.set(fixtureItems()[1:], hold)
	p.Invalidate(map[string]bool{"cpec": true})
	time.Sleep(60 * time.Millisecond) // past the coalescing window: the render waits on hold
	if got, _ := p.Get(ctx, "cpec", FormatAtom); got != old {
		t.Fatal("Get did not serve the previous render while the new one was in progress")
	}
	close(hold)
	waitFor(t, func() bool {
		got, _ := p.Get(ctx, "cpec", FormatAtom)
		return got.ETag != old.ETag
	})
	want, _ := Render(testDef, fastOpts(), fixtureItems()[1:], FormatAtom)
	if got, _ := p.Get(ctx, "cpec", FormatAtom); string(got.Body) != string(want) {
		t.Error("the new render is not the feed's new content")
	}
}

func TestBurstOfInvalidationsRendersOnce(t *testing.T) {
	st := newLive(fixtureItems())
	o := testOpts
	o.Coalesce = 200 * time.Millisecond
	p := New(st, o, []Def{testDef})
	var mu sync.Mutex
	var changes []Change
	p.OnChange(func(c Change) {
		mu.Lock()
		changes = append(changes, c)
		mu.Unlock()
	})
	startPublisher(t, p)
	warm := st.calls.Load()
	st.set(fixtureItems()[:2], nil)
	for range 100 {
		p.Invalidate(map[string]bool{"cpec": true})
	}
	waitFor(t, func() bool { return st.calls.Load() >= warm+int64(len(Formats())) })
	time.Sleep(300 * time.Millisecond) // a second round, if any, would have started
	if got, want := st.calls.Load()-warm, int64(len(Formats())); got != want {
		t.Errorf("100 invalidations caused %d renders, want %d (one per format)", got, want)
	}
	mu.Lock()
	defer mu.Unlock()
	if len(changes) != len(Formats()) {
		t.Errorf("%d change notifications, want one per format", len(changes))
	}
}

func TestOnChangeOnlyWhenContentChanged(t *testing.T) {
	st := newLive(fixtureItems())
	p := New(st, fastOpts(), []Def{testDef})
	changed := make(chan Change, 10)
	p.OnChange(func(c Change) { changed <- c })
	startPublisher(t, p)

	p.Invalidate(map[string]bool{"cpec": true}) // same stories: same bytes
	waitFor(t, func() bool { return st.calls.Load() >= 2*int64(len(Formats())) })
	time.Sleep(50 * time.Millisecond)
	if len(changed) != 0 {
		t.Fatalf("%d notifications for an unchanged feed", len(changed))
	}

	st.set(fixtureItems()[:1], nil)
	p.Invalidate(map[string]bool{"cpec": true})
	got := map[string]bool{}
	for range Formats() {
		select {
		case c := <-changed:
			if c.ID != "cpec" || c.Rendered == nil {
				t.Fatalf("change %+v", c)
			}
			want, _ := Render(testDef, fastOpts(), fixtureItems()[:1], c.Format)
			if string(c.Rendered.Body) != string(want) {
				t.Errorf("%s: notified body is not the new render", c.Format)
			}
			got[c.Format] = true
		case <-time.After(5 * time.Second):
			t.Fatalf("notified for %v only", got)
		}
	}
}

func TestStartTwiceFails(t *testing.T) {
	p := New(newLive(nil), fastOpts(), testDefs)
	startPublisher(t, p)
	if err := p.Start(context.Background()); err != ErrRunning {
		t.Errorf("second Start: err = %v, want ErrRunning", err)
	}
}

func TestAfterStopInvalidateDropsAgain(t *testing.T) {
	st := newLive(fixtureItems())
	p := New(st, fastOpts(), testDefs)
	ctx, cancel := context.WithCancel(context.Background())
	if err := p.Start(ctx); err != nil {
		t.Fatal(err)
	}
	cancel()
	p.Wait()
	defer p.Close()
	before := st.calls.Load()
	p.Invalidate(nil)
	if _, err := p.Get(context.Background(), "cpec", FormatRSS); err != nil {
		t.Fatal(err)
	}
	if st.calls.Load() != before+1 {
		t.Error("after the background stopped, Get after Invalidate did not render the new content")
	}
}

func TestFeedResponsesAdvertiseHub(t *testing.T) {
	srv, _ := newFeedServer(t)
	resp, _ := fetch(t, http.MethodGet, srv.URL+"/feeds/cpec.json", nil)
	want := `<https://news.example.org/websub>; rel="hub", <https://news.example.org/feeds/cpec.json>; rel="self"`
	if got := resp.Header.Get("Link"); got != want {
		t.Errorf("Link = %q\nwant %q", got, want)
	}
	resp, _ = fetch(t, http.MethodGet, srv.URL+"/feeds/cpec.rss", map[string]string{"If-None-Match": resp.Header.Get("ETag")})
	if resp.Header.Get("Link") == "" {
		t.Error("no Link header on the RSS response")
	}
}

func TestIsFeedURL(t *testing.T) {
	p := New(newFake(nil), testOpts, testDefs)
	cases := []struct {
		url  string
		want bool
	}{
		{"https://news.example.org/feeds/cpec.rss", true},
		{"https://news.example.org/feeds/dawn-only.json", true},
		{"https://news.example.org/feeds/cpec.atom", true},
		{"https://news.example.org/feeds/cpec.html", false},
		{"https://news.example.org/feeds/nope.rss", false},
		{"https://news.example.org/feeds/cpec", false},
		{"https://elsewhere.example/feeds/cpec.rss", false},
		{"http://news.example.org/feeds/cpec.rss", false},
		{"https://news.example.org/feeds/cpec.rss?x=1", false},
	}
	for _, c := range cases {
		if got := p.IsFeedURL(c.url); got != c.want {
			t.Errorf("IsFeedURL(%q) = %v, want %v", c.url, got, c.want)
		}
	}
}
