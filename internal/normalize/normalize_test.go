package normalize

import (
	"strings"
	"testing"
	"time"

	"aggregator/internal/model"
)

var testNow = time.Date(2026, 3, 1, 12, 0, 0, 0, time.UTC)

func TestItem(t *testing.T) {
	src := model.Source{ID: "dawn", Identity: model.IdentityGUID}
	e := model.Entry{
		GUID:       " https://www.dawn.com/news/1 ",
		Link:       "/news/1/gwadar?utm_source=rss#top",
		Title:      "Gwadar &amp;amp; <b>CPEC</b>",
		Summary:    `<p>See <a href="/news/2">more</a><script>x()</script></p>`,
		Content:    `<p>Paki<b>stan</b></p><p><img src="img/a.jpg" onerror="x()"></p>`,
		Author:     " Staff &amp; Agencies ",
		Categories: []string{" Pakistan ", "pakistan", "", "Economy"},
		ImageURL:   "../img/lead.jpg",
		Published:  testNow.Add(-time.Hour),
	}
	it := Item(src, e, "https://www.dawn.com/feeds/home", testNow)
	checks := []struct{ field, got, want string }{
		{"SourceID", it.SourceID, "dawn"},
		{"Key", it.Key, "g:https://www.dawn.com/news/1"},
		{"GUID", it.GUID, "https://www.dawn.com/news/1"},
		{"URL", it.URL, "https://www.dawn.com/news/1/gwadar"},
		{"RawURL", it.RawURL, "https://www.dawn.com/news/1/gwadar?utm_source=rss#top"},
		{"Title", it.Title, "Gwadar & CPEC"},
		{"Author", it.Author, "Staff & Agencies"},
		{"Categories", strings.Join(it.Categories, "|"), "Pakistan|Economy"},
		{"ImageURL", it.ImageURL, "https://www.dawn.com/news/img/lead.jpg"},
		{"SummaryText", it.SummaryText, "See more"},
		{"ContentText", it.ContentText, "Pakistan"},
	}
	for _, c := range checks {
		if c.got != c.want {
			t.Errorf("%s = %q, want %q", c.field, c.got, c.want)
		}
	}
	if !strings.Contains(it.Summary, `href="https://www.dawn.com/news/2"`) || strings.Contains(it.Summary, "script") {
		t.Errorf("Summary = %q, want resolved link and no script", it.Summary)
	}
	if !strings.Contains(it.Content, `src="https://www.dawn.com/news/1/img/a.jpg"`) || strings.Contains(it.Content, "onerror") {
		t.Errorf("Content = %q, want image resolved against the article and no handler", it.Content)
	}
	if !it.Published.Equal(e.Published) || !it.FirstSeen.Equal(testNow) {
		t.Errorf("Published, FirstSeen = %v, %v", it.Published, it.FirstSeen)
	}
	if len(it.Hash) != 64 {
		t.Errorf("Hash = %q, want 64 hex digits", it.Hash)
	}
}

func TestItemDropsTheOutletsOwnNameFromTitles(t *testing.T) {
	src := model.Source{ID: "daily-times", Title: "Daily Times", Identity: model.IdentityLink}
	it := Item(src, model.Entry{Link: "https://dailytimes.com.pk/1", Title: "Senate passes budget - Daily Times"}, "", testNow)
	if it.Title != "Senate passes budget" {
		t.Errorf("Title = %q, want the headline without the outlet's name", it.Title)
	}
}

func TestItemDropsTheCreditedOutletFromAggregatedTitles(t *testing.T) {
	src := model.Source{ID: "gnews-cpec", Title: "Google News: CPEC", Identity: model.IdentityGUID}
	it := Item(src, model.Entry{GUID: "CBMi1", Link: "https://news.google.com/rss/articles/CBMi1?oc=5",
		Title: "Security beefed up for Chinese nationals - Dawn", Outlet: "Dawn"}, "", testNow)
	if it.Title != "Security beefed up for Chinese nationals" {
		t.Errorf("Title = %q, want the headline without the credited outlet", it.Title)
	}
}

func TestItemSummaryStaysEmptyWhenOnlyContent(t *testing.T) {
	it := Item(model.Source{ID: "s"}, model.Entry{Link: "https://a.example/x", Content: "<p>body</p>"}, "", testNow)
	if it.Summary != "" || it.Content != "<p>body</p>" {
		t.Errorf("Summary, Content = %q, %q", it.Summary, it.Content)
	}
}

func TestItemPublished(t *testing.T) {
	tests := []struct {
		name               string
		published, updated time.Time
		want               time.Time
	}{
		{"PublishedUsed", testNow.Add(-2 * time.Hour), testNow.Add(-time.Hour), testNow.Add(-2 * time.Hour)},
		{"UpdatedWhenNoPublished", time.Time{}, testNow.Add(-time.Hour), testNow.Add(-time.Hour)},
		{"NowWhenNoDate", time.Time{}, time.Time{}, testNow},
		{"NowWhenFarFuture", testNow.Add(48 * time.Hour), time.Time{}, testNow},
		{"NowWhenJustBeyondTolerance", testNow.Add(FutureTolerance + time.Second), time.Time{}, testNow},
		{"SmallSkewTolerated", testNow.Add(5 * time.Minute), time.Time{}, testNow.Add(5 * time.Minute)},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			it := Item(model.Source{ID: "s"}, model.Entry{Link: "https://a.example/x", Published: tc.published, Updated: tc.updated}, "", testNow)
			if !it.Published.Equal(tc.want) {
				t.Errorf("Published = %v, want %v", it.Published, tc.want)
			}
		})
	}
}

func TestItemHashChangesOnCorrection(t *testing.T) {
	src := model.Source{ID: "s"}
	e := model.Entry{GUID: "1", Link: "https://a.example/x", Title: "Blast in Quetta", Summary: "<p>Five hurt</p>"}
	a := Item(src, e, "", testNow)
	b := Item(src, e, "", testNow.Add(time.Hour))
	if a.Hash != b.Hash {
		t.Fatalf("Hash changed without a change of content")
	}
	edits := map[string]func(*model.Entry){
		"Title":      func(e *model.Entry) { e.Title = "Blast in Quetta kills two" },
		"Summary":    func(e *model.Entry) { e.Summary = "<p>Six hurt</p>" },
		"Content":    func(e *model.Entry) { e.Content = "<p>More</p>" },
		"Categories": func(e *model.Entry) { e.Categories = []string{"Balochistan"} },
		"Link":       func(e *model.Entry) { e.Link = "https://a.example/y" },
	}
	for name, edit := range edits {
		t.Run(name, func(t *testing.T) {
			c := e
			edit(&c)
			if got := Item(src, c, "", testNow); got.Hash == a.Hash || got.Key != a.Key {
				t.Errorf("Hash %q (was %q), Key %q (was %q): want a new hash and the same key", got.Hash, a.Hash, got.Key, a.Key)
			}
		})
	}
}

func TestKey(t *testing.T) {
	date := time.Date(2026, 1, 2, 3, 4, 5, 0, time.UTC)
	const canon = "https://a.example/x"
	tests := []struct {
		name, identity string
		e              model.Entry
		canon, want    string
	}{
		{"GUID", model.IdentityGUID, model.Entry{GUID: "abc"}, canon, "g:abc"},
		{"DefaultIsGUID", "", model.Entry{GUID: "abc"}, canon, "g:abc"},
		{"GUIDFallsBackToLink", model.IdentityGUID, model.Entry{}, canon, "u:" + canon},
		{"GUIDFallsBackToTitleAndDate", model.IdentityGUID, model.Entry{Title: "Weather  UPDATE", Published: date}, "", "t:weather update|2026-01-02T03:04:05Z"},
		{"Link", model.IdentityLink, model.Entry{GUID: "abc"}, canon, "u:" + canon},
		{"LinkFallsBackToGUID", model.IdentityLink, model.Entry{GUID: "abc"}, "", "g:abc"},
		{"Title", model.IdentityTitle, model.Entry{GUID: "abc", Title: "Gwadar &amp; <b>CPEC</b>"}, canon, "t:gwadar & cpec"},
		{"TitleCaseFolded", model.IdentityTitle, model.Entry{Title: "STRASSE Straße"}, canon, "t:strasse strasse"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if got := Key(model.Source{Identity: tc.identity}, tc.e, tc.canon); got != tc.want {
				t.Errorf("Key = %q, want %q", got, tc.want)
			}
		})
	}
}

func BenchmarkItem(b *testing.B) {
	src := model.Source{ID: "dawn", Identity: model.IdentityGUID}
	e := model.Entry{
		GUID:       "https://www.dawn.com/news/1875123",
		Link:       "https://www.dawn.com/news/1875123/gwadar-port-sees-first-shipment?utm_source=rss&utm_medium=feed",
		Title:      "Gwadar port sees first shipment under CPEC&#8217;s new phase",
		Summary:    `<p>The <b>China-Pakistan Economic Corridor</b> entered a new phase on Monday as <a href="/news/1875000">Gwadar</a> port received its first shipment.</p>`,
		Content:    strings.Repeat(`<p>Officials in Islamabad said the shipment marked a milestone for the project, with security forces deployed along the route. <img src="/img/gwadar.jpg" alt="Gwadar"> Analysts said &quot;more work&quot; was needed.</p>`, 8),
		Author:     "Staff Reporter",
		Categories: []string{"Pakistan", "Business"},
		Published:  testNow.Add(-time.Hour),
	}
	b.ReportAllocs()
	for b.Loop() {
		Item(src, e, "https://www.dawn.com/feeds/home", testNow)
	}
}

func TestImageURLKeepsOnlyAbsoluteWebURLs(t *testing.T) {
	for _, tc := range []struct {
		name, raw, base, want string
	}{
		{"Absolute", " https://cdn.example.pk/a.jpg?w=1&h=2 ", "https://www.example.pk/n/1", "https://cdn.example.pk/a.jpg?w=1&h=2"},
		{"RelativeResolved", "/img/a.png", "https://www.example.pk/n/1", "https://www.example.pk/img/a.png"},
		{"ProtocolRelative", "//cdn.example.pk/a.jpg", "http://www.example.pk/", "http://cdn.example.pk/a.jpg"},
		{"RelativeWithoutBase", "img/a.png", "", ""},
		{"DataURI", "data:image/png;base64,AAAA", "https://www.example.pk/", ""},
		{"Javascript", "javascript:alert(1)", "https://www.example.pk/", ""},
		{"FTP", "ftp://example.pk/a.jpg", "https://www.example.pk/", ""},
		{"NoHost", "http:a.jpg", "", ""},
		{"Empty", "  ", "https://www.example.pk/", ""},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if got := imageURL(tc.raw, tc.base); got != tc.want {
				t.Errorf("imageURL(%q, %q) = %q, want %q", tc.raw, tc.base, got, tc.want)
			}
		})
	}
}
