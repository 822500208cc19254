package publish

import (
	"fmt"
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
