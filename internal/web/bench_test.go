package web

import (
	"fmt"
	"net/http/httptest"
	"testing"
	"time"

	"aggregator/internal/model"
)

// benchEnv is a server over many items, sources and feeds.
func benchEnv(b *testing.B) *testEnv {
	env := newTestEnv(b, func(s *Server) {
		s.Logger = nil
		s.Sources = func() []model.Source {
			srcs := make([]model.Source, 60)
			for i := range srcs {
				srcs[i] = model.Source{ID: fmt.Sprintf("src-%d", i), Title: fmt.Sprintf("Source %d", i), URL: "https://example.com/rss", Enabled: true}
			}
			return srcs
		}
	})
	for i := 0; i < 30; i++ {
		env.feeds.feeds = append(env.feeds.feeds, FeedInfo{ID: fmt.Sprintf("topic-%d", i), Title: fmt.Sprintf("Topic %d", i), Kind: KindTopic})
	}
	items := make([]model.Item, 500)
	for i := range items {
		key := fmt.Sprintf("story-%d", i/3)
		items[i] = model.Item{
			ID: int64(500 - i), SourceID: "src-1", SourceTitle: "Source 1", URL: fmt.Sprintf("https://example.com/%d", i),
			Title: "Gwadar port expansion approved by the federal cabinet", Summary: "<p>The federal cabinet approved the expansion.</p>",
			Published: testTime.Add(-time.Duration(i) * time.Minute), FirstSeen: testTime,
			Topics: []model.TopicMatch{{Topic: "cpec", Terms: []string{"Gwadar"}, Hits: []model.Hit{{Term: "Gwadar", Field: "title"}}}},
			Story: model.Story{Key: key, Members: []model.StoryMember{
				{Source: "src-1", SourceTitle: "Source 1", URL: "https://example.com/a", Title: "Gwadar"},
				{Source: "src-2", SourceTitle: "Source 2", URL: "https://example.com/b", Title: "Gwadar"},
			}},
		}
	}
	env.store.items = items
	return env
}

func benchmarkRoute(b *testing.B, path string) {
	env := benchEnv(b)
	h := env.h.serveMux()
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		rec := httptest.NewRecorder()
		h.ServeHTTP(rec, httptest.NewRequest("GET", path, nil))
		if rec.Code != 200 {
			b.Fatalf("status %d", rec.Code)
		}
	}
}

func BenchmarkAPIItems100(b *testing.B) { benchmarkRoute(b, "/api/items?limit=100") }
func BenchmarkAPIItems500(b *testing.B) { benchmarkRoute(b, "/api/items?limit=500") }
func BenchmarkHome(b *testing.B)        { benchmarkRoute(b, "/") }
func BenchmarkAPISources(b *testing.B)  { benchmarkRoute(b, "/api/sources") }
func BenchmarkFeedRSS(b *testing.B)     { benchmarkRoute(b, "/feeds/cpec.rss") }
