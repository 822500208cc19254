package web

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"net/http/httptest"
	"path/filepath"
	"testing"
	"time"

	"aggregator/internal/model"
	"aggregator/internal/publish"
	"aggregator/internal/store"
)

// siteSources, siteTopics and siteFeeds configure the fixture site: a
// realistic mix of regional outlets, languages and health.
func siteSources() []model.Source {
	return []model.Source{
		{ID: "dawn", Title: "Dawn", URL: "https://www.dawn.com/feeds/home", Region: "pakistan", Language: "en", Enabled: true},
		{ID: "tribune", Title: "The Express Tribune", URL: "https://tribune.com.pk/feed/home", Region: "pakistan", Language: "en", Enabled: true},
		{ID: "xinhua", Title: "新华网 Xinhua", URL: "http://www.news.cn/rss/world.xml", Region: "china", Language: "zh", Enabled: true},
		{ID: "jang", Title: "روزنامہ جنگ", URL: "https://jang.com.pk/rss/1/1", Region: "pakistan", Language: "ur", Enabled: true},
		{ID: "thehindu", Title: "The Hindu", URL: "https://www.thehindu.com/news/international/feeder/default.rss", Region: "india", Language: "en", Enabled: true},
		{ID: "geo", Title: "Geo News", URL: "https://www.geo.tv/rss/1/1", Region: "pakistan", Language: "en", Enabled: true},
		{ID: "scmp", Title: "South China Morning Post", URL: "https://www.scmp.com/rss/4/feed", Region: "china", Language: "en", Enabled: false},
	}
}

func siteTopics() []model.Topic {
	return []model.Topic{
		{ID: "cpec", Title: "CPEC", Description: "China-Pakistan Economic Corridor coverage"},
		{ID: "security", Title: "Security", Description: "Attacks, militancy and security operations"},
		{ID: "economy", Title: "Economy", Description: "Trade, IMF programmes, inflation and the rupee"},
		{ID: "floods", Title: "Floods", Description: "Monsoon floods and relief"},
	}
}

func siteFeeds() []model.Feed {
	return []model.Feed{{ID: "cpec-security", Title: "CPEC security", Description: "Security coverage of CPEC projects and personnel",
		Topics: []string{"cpec", "security"}, Match: model.MatchAll, Limit: 50}}
}

// siteStory is one fixture story: its copies' sources, its title per
// source language, its topics and its age.
type siteStory struct {
	sources []string
	title   string
	topics  []string
	age     time.Duration
}

var siteStories = []siteStory{
	{[]string{"dawn", "tribune", "xinhua"}, "Gwadar port handles its first transshipment cargo under CPEC", []string{"cpec", "economy"}, 2 * time.Hour},
	{[]string{"jang"}, "گوادر بندرگاہ پر نئی برتھ کا افتتاح، سی پیک منصوبوں میں تیزی", []string{"cpec"}, 3 * time.Hour},
	{[]string{"xinhua"}, "中巴经济走廊：瓜达尔港迎来新航线", []string{"cpec"}, 5 * time.Hour},
	{[]string{"dawn", "thehindu"}, "Security tightened for Chinese engineers after convoy attack near Dasu", []string{"cpec", "security"}, 7 * time.Hour},
	{[]string{"tribune"}, "<script>alert('x')</script> Rupee firms as IMF review concludes", []string{"economy"}, 26 * time.Hour},
	{[]string{"thehindu"}, "Monsoon floods: relief camps set up along the Indus", []string{"floods"}, 50 * time.Hour},
}

// newSiteServer serves the whole web surface on loopback over a real
// SQLite store and a real publisher, filled with the fixture: the stories
// above plus a month of background items so that sparklines have a shape.
func newSiteServer(t testing.TB) *httptest.Server {
	t.Helper()
	var h http.Handler
	ts := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) { h.ServeHTTP(w, r) }))
	t.Cleanup(ts.Close)
	srv, _ := newSite(t, publish.Options{BaseURL: ts.URL, Version: "test"})
	h = srv.Handler()
	return ts
}

// newSite is the Server of newSiteServer and its publisher, not serving.
func newSite(t testing.TB, opts publish.Options) (*Server, *publish.Publisher) {
	t.Helper()
	ctx := context.Background()
	now := time.Now().UTC()
	st, err := store.Open(ctx, filepath.Join(t.TempDir(), "site.db"), store.Options{})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = st.Close() })
	if err := st.SyncSources(ctx, siteSources()); err != nil {
		t.Fatal(err)
	}
	for src, items := range siteItems(now) {
		_, err := st.SaveFetch(ctx, store.Fetch{
			State: model.SourceState{SourceID: src, Status: model.StatusOK, LastFetch: now.Add(-4 * time.Minute), LastSuccess: now.Add(-4 * time.Minute)},
			Items: items, Now: now,
		})
		if err != nil {
			t.Fatalf("saving %s: %v", src, err)
		}
	}
	err = st.SaveSourceState(ctx, model.SourceState{SourceID: "geo", Status: model.StatusError, LastFetch: now.Add(-12 * time.Minute),
		LastError: "fetching https://www.geo.tv/rss/1/1: 503 Service Unavailable (retry after 30m)", ConsecutiveFailures: 3})
	if err != nil {
		t.Fatal(err)
	}

	pub := publish.New(st, opts, publish.Defs(siteTopics(), siteFeeds()))
	srv := &Server{
		Store:      st,
		Feeds:      publisherFeeds{pub},
		Sources:    siteSources,
		Topics:     siteTopics,
		NextFetch:  func(string) time.Time { return now.Add(11 * time.Minute) },
		Version:    "test",
		IsNotFound: func(err error) bool { return errors.Is(err, publish.ErrUnknownFeed) },
	}
	return srv, pub
}

// siteItems builds the fixture's items per source.
func siteItems(now time.Time) map[string][]model.Item {
	bySource := map[string][]model.Item{}
	add := func(src, key, title, url string, published time.Time, topics []string) {
		it := model.Item{SourceID: src, Key: key, GUID: key, URL: url, Title: title, Hash: key,
			Summary: "<p>" + key + "</p>", SummaryText: key, Published: published, FirstSeen: published}
		for _, tp := range topics {
			it.Topics = append(it.Topics, model.TopicMatch{Topic: tp, Terms: []string{tp}})
		}
		bySource[src] = append(bySource[src], it)
	}
	for i, s := range siteStories {
		url := fmt.Sprintf("https://www.dawn.com/news/%d/story", 1900000+i)
		for j, src := range s.sources {
			add(src, fmt.Sprintf("story-%d", i), s.title, url, now.Add(-s.age-time.Duration(j)*10*time.Minute), s.topics)
		}
	}
	// Background volume: a different rhythm per topic over 30 days.
	topics := []string{"cpec", "security", "economy", "floods"}
	sources := []string{"dawn", "tribune", "thehindu", "jang"}
	for day := 1; day < 30; day++ {
		for k, tp := range topics {
			n := (day*(k+2)+k)%5 + (k+1)*(day%7)/3
			if tp == "floods" && day > 12 {
				n = 0 // a burst that ended
			}
			for j := 0; j < n; j++ {
				src := sources[(day+j+k)%len(sources)]
				key := fmt.Sprintf("bg-%s-%d-%d", tp, day, j)
				add(src, key, "Background "+key, "https://example.org/"+src+"/"+key,
					now.Add(-time.Duration(day)*24*time.Hour-time.Duration(j)*time.Hour), []string{tp})
			}
		}
	}
	return bySource
}

// publisherFeeds shows a publisher to the web, as cmd/aggregator does.
type publisherFeeds struct{ p *publish.Publisher }

func (f publisherFeeds) Get(ctx context.Context, id, format string) (http.Handler, error) {
	return f.p.Get(ctx, id, format)
}

func (f publisherFeeds) List() []FeedInfo {
	var out []FeedInfo
	for _, t := range siteTopics() {
		out = append(out, FeedInfo{ID: t.ID, Title: t.Title, Description: t.Description, Topics: []string{t.ID}, Kind: KindTopic})
	}
	for _, fd := range siteFeeds() {
		out = append(out, FeedInfo{ID: fd.ID, Title: fd.Title, Description: fd.Description, Topics: fd.Topics, Kind: KindFeed})
	}
	return out
}
