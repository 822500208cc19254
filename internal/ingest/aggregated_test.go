package ingest_test

import (
	"fmt"
	"net/http"
	"testing"
	"time"

	"aggregator/internal/ingest"
)

// TestAggregatorCopyJoinsTheOutletsStory follows a Google News search feed
// beside Dawn's own feed: Google's copy of a Dawn story ("Headline - Dawn",
// a news.google.com link) loses the credited outlet's name and joins the
// story of Dawn's own item, so readers get it once.
func TestAggregatorCopyJoinsTheOutletsStory(t *testing.T) {
	srv := newServer(t)
	srv.handle("/dawn.xml", func(w http.ResponseWriter, r *http.Request) {
		fmt.Fprint(w, `<?xml version="1.0"?><rss version="2.0"><channel><title>Dawn</title><link>https://www.dawn.com/</link>
<item><title>Security beefed up for Chinese nationals working on CPEC projects in Sindh</title>
<link>https://www.dawn.com/news/1899991</link><guid>https://www.dawn.com/news/1899991</guid>
<pubDate>Sat, 28 Nov 2026 07:00:00 GMT</pubDate></item></channel></rss>`)
	})
	srv.handle("/gnews.xml", func(w http.ResponseWriter, r *http.Request) {
		fmt.Fprint(w, `<?xml version="1.0"?><rss version="2.0"><channel><title>"CPEC" - Google News</title><link>https://news.google.com/</link>
<item><title>Security beefed up for Chinese nationals working on CPEC projects in Sindh - Dawn</title>
<link>https://news.google.com/rss/articles/CBMiZWh0dHBz?oc=5</link><guid isPermaLink="false">CBMiZWh0dHBz</guid>
<pubDate>Sat, 28 Nov 2026 07:00:00 GMT</pubDate><source url="https://www.dawn.com">Dawn</source></item></channel></rss>`)
	})
	r := newRig(t, func(o *ingest.Options) {
		o.NearDuplicates, o.Window = true, 72*time.Hour
	})
	dawn, gnews := source("dawn", srv.URL+"/dawn.xml"), source("gnews", srv.URL+"/gnews.xml")
	gnews.Title = "Google News: CPEC"
	if res := r.run(dawn); res.Err != nil {
		t.Fatal(res.Err)
	}
	r.clock.Add(10 * time.Minute)
	if res := r.run(gnews); res.Err != nil {
		t.Fatal(res.Err)
	}
	got := r.items("gnews")
	if len(got) != 1 {
		t.Fatalf("%d items from the aggregator, want 1", len(got))
	}
	if want := "Security beefed up for Chinese nationals working on CPEC projects in Sindh"; got[0].Title != want {
		t.Errorf("aggregated title %q, want %q", got[0].Title, want)
	}
	d := r.items("dawn")
	if got[0].Story.Key == "" || got[0].Story.Key != d[0].Story.Key {
		t.Errorf("Google's copy is in story %q, Dawn's item in %q: want one story", got[0].Story.Key, d[0].Story.Key)
	}
}
