package publish

import (
	"context"
	"errors"
	"slices"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"aggregator/internal/model"
	"aggregator/internal/store"
)

// fakeStore answers Stories from a function and counts the calls; the rest
// of store.Store is left unimplemented (calling it panics).
type fakeStore struct {
	store.Store
	calls   atomic.Int64
	stories func(ctx context.Context, q store.StoryQuery) ([]model.Item, error)
}

func (f *fakeStore) Stories(ctx context.Context, q store.StoryQuery) ([]model.Item, error) {
	f.calls.Add(1)
	return f.stories(ctx, q)
}

// ChangeVersion is read before each render; the fake never changes.
func (f *fakeStore) ChangeVersion(context.Context) (int64, error) { return 0, nil }

func newFake(items []model.Item) *fakeStore {
	return &fakeStore{stories: func(context.Context, store.StoryQuery) ([]model.Item, error) {
		return items, nil
	}}
}

var testDefs = []Def{
	testDef,
	{ID: "security", Title: "Security", Query: store.StoryQuery{Topics: []string{"security"}}},
	{ID: "no-cricket", Title: "Pakistan without cricket", Query: store.StoryQuery{Topics: []string{"pakistan"}, ExcludeTopics: []string{"cricket"}}},
	{ID: "dawn-only", Title: "Dawn", Query: store.StoryQuery{Sources: []string{"dawn"}}},
}

func TestGetRendersOnceThenServesFromCache(t *testing.T) {
	st := newFake(fixtureItems())
	p := New(st, testOpts, testDefs)
	ctx := context.Background()
	a, err := p.Get(ctx, "cpec", FormatRSS)
	if err != nil {
		t.Fatal(err)
	}
	b, err := p.Get(ctx, "cpec", FormatRSS)
	if err != nil {
		t.Fatal(err)
	}
	if a != b || st.calls.Load() != 1 {
		t.Errorf("second Get rendered again (%d store calls)", st.calls.Load())
	}
	want, _ := Render(testDef, testOpts, fixtureItems(), FormatRSS)
	if string(a.Body) != string(want) {
		t.Error("Get body differs from Render: export and serve would disagree")
	}
	if a.ContentType != ContentTypeRSS {
		t.Errorf("content type = %q", a.ContentType)
	}
	if _, err := p.Get(ctx, "cpec", FormatAtom); err != nil || st.calls.Load() != 2 {
		t.Errorf("another format: err %v, %d calls, want its own render", err, st.calls.Load())
	}
}

func TestGetReportsUnknownFeedAndFormat(t *testing.T) {
	p := New(newFake(nil), testOpts, testDefs)
	if _, err := p.Get(context.Background(), "nope", FormatRSS); !errors.Is(err, ErrUnknownFeed) {
		t.Errorf("unknown id: err = %v, want ErrUnknownFeed", err)
	}
	if _, err := p.Get(context.Background(), "cpec", "html"); !errors.Is(err, ErrUnknownFormat) {
		t.Errorf("unknown format: err = %v, want ErrUnknownFormat", err)
	}
}

func TestGetDoesNotCacheFailures(t *testing.T) {
	fail := errors.New("database is locked")
	st := &fakeStore{stories: func(context.Context, store.StoryQuery) ([]model.Item, error) { return nil, fail }}
	p := New(st, testOpts, testDefs)
	for range 2 {
		if _, err := p.Get(context.Background(), "cpec", FormatJSON); !errors.Is(err, fail) {
			t.Fatalf("err = %v, want the store's error wrapped", err)
		}
	}
	if st.calls.Load() != 2 {
		t.Errorf("%d store calls, want a retry after a failure", st.calls.Load())
	}
}

func TestInvalidateDropsOnlyInvolvedFeeds(t *testing.T) {
	cases := []struct {
		name    string
		topics  map[string]bool
		dropped []string
	}{
		{"TopicOfFeed", map[string]bool{"cpec": true}, []string{"cpec", "dawn-only"}},
		{"ExcludedTopic", map[string]bool{"cricket": true}, []string{"no-cricket", "dawn-only"}},
		{"UnrelatedTopic", map[string]bool{"weather": true}, []string{"dawn-only"}},
		{"NilMeansAll", nil, []string{"cpec", "security", "no-cricket", "dawn-only"}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			st := newFake(fixtureItems())
			p := New(st, testOpts, testDefs)
			ctx := context.Background()
			for _, d := range testDefs {
				if _, err := p.Get(ctx, d.ID, FormatAtom); err != nil {
					t.Fatal(err)
				}
			}
			p.Invalidate(c.topics)
			var dropped []string
			for _, d := range testDefs {
				before := st.calls.Load()
				if _, err := p.Get(ctx, d.ID, FormatAtom); err != nil {
					t.Fatal(err)
				}
				if st.calls.Load() > before {
					dropped = append(dropped, d.ID)
				}
			}
			if !slices.Equal(dropped, c.dropped) {
				t.Errorf("re-rendered %q, want %q", dropped, c.dropped)
			}
		})
	}
}

func TestConcurrentGetsRenderOnce(t *testing.T) {
	release := make(chan struct{})
	st := &fakeStore{stories: func(context.Context, store.StoryQuery) ([]model.Item, error) {
		<-release
		return fixtureItems(), nil
	}}
	p := New(st, testOpts, testDefs)
	const n = 20
	var wg sync.WaitGroup
	results := make([]*Rendered, n)
	for i := range n {
		wg.Go(func() {
			r, err := p.Get(context.Background(), "cpec", FormatRSS)
			if err != nil {
				t.Error(err)
			}
			results[i] = r
		})
	}
	waitFor(t, func() bool { return st.calls.Load() == 1 })
	time.Sleep(10 * time.Millisecond) // let the others queue behind the first
	close(release)
	wg.Wait()
	if got := st.calls.Load(); got != 1 {
		t.Errorf("%d renders for one key, want 1", got)
	}
	for _, r := range results {
		if r != results[0] {
			t.Fatal("waiters got different renders")
		}
	}
}

func TestRenderStartedBeforeInvalidateIsNotCached(t *testing.T) {
	started, release := make(chan struct{}), make(chan struct{})
	var first atomic.Bool
	st := &fakeStore{stories: func(context.Context, store.StoryQuery) ([]model.Item, error) {
		if first.CompareAndSwap(false, true) {
			close(started)
			<-release
		}
		return fixtureItems(), nil
	}}
	p := New(st, testOpts, testDefs)
	done := make(chan error)
	go func() {
		_, err := p.Get(context.Background(), "cpec", FormatRSS)
		done <- err
	}()
	<-started
	p.Invalidate(map[string]bool{"cpec": true})
	close(release)
	if err := <-done; err != nil {
		t.Fatal(err)
	}
	if _, err := p.Get(context.Background(), "cpec", FormatRSS); err != nil {
		t.Fatal(err)
	}
	if got := st.calls.Load(); got != 2 {
		t.Errorf("%d store calls, want the stale render dropped and a new one", got)
	}
}

func TestWaiterRetriesWhenLeaderIsCancelled(t *testing.T) {
	started := make(chan struct{})
	var first atomic.Bool
	st := &fakeStore{stories: func(ctx context.Context, _ store.StoryQuery) ([]model.Item, error) {
		if first.CompareAndSwap(false, true) {
			close(started)
			<-ctx.Done()
			return nil, ctx.Err()
		}
		return fixtureItems(), nil
	}}
	p := New(st, testOpts, testDefs)
	ctx, cancel := context.WithCancel(context.Background())
	leader := make(chan error)
	go func() {
		_, err := p.Get(ctx, "cpec", FormatRSS)
		leader <- err
	}()
	<-started
	waiter := make(chan error)
	go func() {
		_, err := p.Get(context.Background(), "cpec", FormatRSS)
		waiter <- err
	}()
	time.Sleep(10 * time.Millisecond)
	cancel()
	if err := <-leader; !errors.Is(err, context.Canceled) {
		t.Errorf("leader err = %v, want context.Canceled", err)
	}
	if err := <-waiter; err != nil {
		t.Errorf("waiter err = %v, want a render of its own", err)
	}
}

func TestSetDefsReplacesFeeds(t *testing.T) {
	st := newFake(fixtureItems())
	p := New(st, testOpts, testDefs)
	ctx := context.Background()
	if _, err := p.Get(ctx, "cpec", FormatRSS); err != nil {
		t.Fatal(err)
	}
	renamed := testDef
	renamed.Title = "Renamed"
	p.SetDefs([]Def{renamed})
	if _, err := p.Get(ctx, "security", FormatRSS); !errors.Is(err, ErrUnknownFeed) {
		t.Errorf("removed feed: err = %v, want ErrUnknownFeed", err)
	}
	r, err := p.Get(ctx, "cpec", FormatRSS)
	if err != nil {
		t.Fatal(err)
	}
	if want := "<title>Renamed</title>"; !contains(r.Body, want) {
		t.Errorf("render after reload lacks %q", want)
	}
	if got := p.Defs(); len(got) != 1 || got[0].Title != "Renamed" {
		t.Errorf("Defs() = %+v", got)
	}
}

func TestDefs(t *testing.T) {
	topics := []model.Topic{{ID: "cpec", Title: "CPEC", Description: "Corridor"}, {ID: "security"}}
	feeds := []model.Feed{
		{ID: "cpec-security", Title: "CPEC security", Topics: []string{"cpec", "security"}, Match: model.MatchAll,
			ExcludeTopics: []string{"cricket"}, Sources: []string{"dawn"}, Regions: []string{"pakistan"}, Languages: []string{"ur"}, Limit: 20},
		{ID: "any", Topics: []string{"a", "b"}, Match: model.MatchAny},
	}
	got := Defs(topics, feeds)
	want := []Def{
		{ID: "cpec", Title: "CPEC", Description: "Corridor", Query: store.StoryQuery{Topics: []string{"cpec"}, Limit: 50}},
		{ID: "security", Title: "security", Query: store.StoryQuery{Topics: []string{"security"}, Limit: 50}},
		{ID: "cpec-security", Title: "CPEC security", Language: "ur", Query: store.StoryQuery{
			Topics: []string{"cpec", "security"}, MatchAll: true, ExcludeTopics: []string{"cricket"},
			Sources: []string{"dawn"}, Regions: []string{"pakistan"}, Languages: []string{"ur"}, Limit: 20}},
		{ID: "any", Title: "any", Query: store.StoryQuery{Topics: []string{"a", "b"}, Limit: 50}},
	}
	if len(got) != len(want) {
		t.Fatalf("%d defs, want %d", len(got), len(want))
	}
	for i := range want {
		if !defEqual(got[i], want[i]) {
			t.Errorf("def %d = %+v\nwant %+v", i, got[i], want[i])
		}
	}
	feeds[0].Topics[0] = "changed"
	if got[2].Query.Topics[0] != "cpec" {
		t.Error("Defs shares slices with the configuration")
	}
}

func TestFeedURL(t *testing.T) {
	cases := []struct{ base, id, format, want string }{
		{"https://x.org", "cpec", "rss", "https://x.org/feeds/cpec.rss"},
		{"https://x.org/", "cpec", "atom", "https://x.org/feeds/cpec.atom"},
		{"https://x.org/agg//", "a b", "json", "https://x.org/agg/feeds/a%20b.json"},
	}
	for _, c := range cases {
		if got := FeedURL(c.base, c.id, c.format); got != c.want {
			t.Errorf("FeedURL(%q, %q, %q) = %q, want %q", c.base, c.id, c.format, got, c.want)
		}
	}
}

func defEqual(a, b Def) bool {
	qa, qb := a.Query, b.Query
	return a.ID == b.ID && a.Title == b.Title && a.Description == b.Description && a.Language == b.Language &&
		slices.Equal(qa.Topics, qb.Topics) && qa.MatchAll == qb.MatchAll &&
		slices.Equal(qa.ExcludeTopics, qb.ExcludeTopics) && slices.Equal(qa.Sources, qb.Sources) &&
		slices.Equal(qa.Regions, qb.Regions) && slices.Equal(qa.Languages, qb.Languages) && qa.Limit == qb.Limit
}

func contains(b []byte, s string) bool { return strings.Contains(string(b), s) }

func waitFor(t *testing.T, cond func() bool) {
	t.Helper()
	deadline := time.Now().Add(5 * time.Second)
	for !cond() {
		if time.Now().After(deadline) {
			t.Fatal("condition not met in 5s")
		}
		time.Sleep(time.Millisecond)
	}
}
