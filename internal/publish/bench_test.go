package publish

import (
	"context"
	"fmt"
	"net/http"
	"net/http/httptest"
	"testing"
	"time"

	"aggregator/internal/model"
)

// benchItems are n stories shaped like real ones: a few kilobytes of
// content, three topics, and three outlets each.
func benchItems(n int) []model.Item {
	base := time.Date(2024, 5, 3, 12, 0, 0, 0, time.UTC)
	para := "<p>The China-Pakistan Economic Corridor &amp; Gwadar port saw new investment this week, officials said.</p>"
	content := ""
	for range 20 {
		content += para
	}
	items := make([]model.Item, n)
	for i := range items {
		url := fmt.Sprintf("https://www.dawn.com/news/%d/story", 1800000+i)
		items[i] = model.Item{
			ID: int64(i + 1), SourceID: "dawn", SourceTitle: "Dawn", SourceURL: "https://www.dawn.com/feeds/home",
			URL: url, Title: fmt.Sprintf("Story %d: Gwadar & the corridor", i),
			Summary: para, Content: content,
			Published: base.Add(-time.Duration(i) * time.Hour), FirstSeen: base.Add(-time.Duration(i) * time.Hour),
			Topics: []model.TopicMatch{{Topic: "cpec"}, {Topic: "security"}, {Topic: "pakistan"}},
			Story: model.Story{ID: int64(i + 1), Key: fmt.Sprintf("k%06d", i), Members: []model.StoryMember{
				{ItemID: int64(i + 1), Source: "dawn", SourceTitle: "Dawn", URL: url},
				{ItemID: int64(1000 + i), Source: "tribune", SourceTitle: "Express Tribune", URL: fmt.Sprintf("https://tribune.com.pk/story/%d", i)},
				{ItemID: int64(2000 + i), Source: "geo", SourceTitle: "Geo News", URL: fmt.Sprintf("https://www.geo.tv/latest/%d", i)},
			}},
		}
	}
	return items
}

// BenchmarkRender50 renders a 50-story feed in each format (the body only;
// BenchmarkRenderAndGzip50 adds the gzip and ETag done once per render).
func BenchmarkRender50(b *testing.B) {
	items := benchItems(50)
	for _, format := range Formats() {
		b.Run(format, func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				if _, err := Render(testDef, testOpts, items, format); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

func BenchmarkRenderAndGzip50(b *testing.B) {
	items := benchItems(50)
	for _, format := range Formats() {
		b.Run(format, func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				if _, err := render(testDef, testOpts, items, format); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

// discardWriter is a ResponseWriter that keeps one header map and drops
// the body, so that the benchmark measures ServeHTTP alone.
type discardWriter struct{ h http.Header }

func (d *discardWriter) Header() http.Header         { return d.h }
func (d *discardWriter) Write(b []byte) (int, error) { return len(b), nil }
func (d *discardWriter) WriteHeader(int)             {}

// BenchmarkServeCached is the hot path: a cached 50-story feed answered
// with 200 and with 304.
func BenchmarkServeCached(b *testing.B) {
	p := New(newFake(benchItems(50)), testOpts, []Def{testDef})
	r, err := p.Get(context.Background(), "cpec", FormatRSS)
	if err != nil {
		b.Fatal(err)
	}
	for _, c := range []struct{ name, inm string }{{"200", ""}, {"304", r.ETag}} {
		b.Run(c.name, func(b *testing.B) {
			req := httptest.NewRequest(http.MethodGet, "/feeds/cpec.rss", nil)
			if c.inm != "" {
				req.Header.Set("If-None-Match", c.inm)
			}
			w := &discardWriter{h: http.Header{}}
			b.ReportAllocs()
			for b.Loop() {
				got, err := p.Get(req.Context(), "cpec", FormatRSS)
				if err != nil {
					b.Fatal(err)
				}
				clear(w.h)
				got.ServeHTTP(w, req)
			}
		})
	}
}
