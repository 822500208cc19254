package parse

import (
	"errors"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"
	"unicode"
	"unicode/utf8"

	"aggregator/internal/model"
)

func readFixture(t testing.TB, name string) []byte {
	t.Helper()
	b, err := os.ReadFile(filepath.Join("testdata", name))
	if err != nil {
		t.Fatal(err)
	}
	return b
}

func parseFixture(t *testing.T, name, contentType, baseURL string) *Feed {
	t.Helper()
	feed, err := Parse(readFixture(t, name), contentType, baseURL)
	if err != nil {
		t.Fatalf("Parse(%s): %v", name, err)
	}
	return feed
}

func date(s string) time.Time {
	t, err := time.Parse(time.RFC3339, s)
	if err != nil {
		panic(err)
	}
	return t
}

func TestFormats(t *testing.T) {
	t.Run("RSS20", func(t *testing.T) {
		f := parseFixture(t, "rss20.xml", "application/rss+xml", "https://www.dawn.com/feeds/home")
		if f.Title != "Dawn - Home" || f.Language != "en-PK" || f.TTL != 15*time.Minute {
			t.Errorf("feed = %q %q %v", f.Title, f.Language, f.TTL)
		}
		if got, want := f.Link, "https://www.dawn.com/"; got != want {
			t.Errorf("Link = %q, want %q (resolved against the fetch URL)", got, want)
		}
		if got := len(f.Entries); got != 4 {
			t.Fatalf("%d entries, want 4 (the description-only one kept)", got)
		}
		want := model.Entry{
			GUID:       "dawn-1001",
			Link:       "https://www.dawn.com/news/1001/gwadar-port",
			Title:      "Gwadar port expansion approved",
			Summary:    "<p>The <b>CPEC</b> authority said &amp; confirmed.</p>",
			Content:    `<p>Full text with <img src="/img/a.jpg"> image.</p>`,
			Author:     "Staff Reporter",
			Categories: []string{"Pakistan", "Business"},
			ImageURL:   "https://www.dawn.com/img/gwadar.jpg",
			Published:  date("2026-03-02T05:15:00Z"),
		}
		assertEntry(t, f.Entries[0], want)
		if e := f.Entries[1]; e.GUID != "urn:dawn:1002" || e.Link != "" || e.Author != "The Editor" {
			t.Errorf("guid-only entry = %+v", e)
		}
		if e := f.Entries[2]; e.Summary != "Nothing to identify this one" || e.SiteLink != "https://www.dawn.com/" {
			t.Errorf("description-only entry = %+v, want its text and the site's link", e)
		}
		if e := f.Entries[3]; e.Link != "" || e.GUID != "dawn-1003" {
			t.Errorf("javascript: link kept: %+v", e)
		}
	})

	t.Run("RSS10", func(t *testing.T) {
		f := parseFixture(t, "rss10.rdf", "application/rdf+xml", "https://example.org/rss")
		if f.Title != "RDF Site" || f.Language != "zh-CN" || len(f.Entries) != 2 {
			t.Fatalf("feed = %+v", f)
		}
		e := f.Entries[0]
		if e.Title != "中巴经济走廊" || e.Author != "新华社" || !slices.Equal(e.Categories, []string{"经济"}) {
			t.Errorf("entry = %+v", e)
		}
		if !e.Published.Equal(date("2026-03-02T00:00:00Z")) {
			t.Errorf("Published = %v", e.Published)
		}
	})

	t.Run("RSS091WithDoctype", func(t *testing.T) {
		f := parseFixture(t, "rss091.xml", "text/xml", "http://old.example.com/rss")
		if len(f.Entries) != 1 || f.Entries[0].Title != "An item\u00a0with a DTD entity" {
			t.Fatalf("entries = %+v", f.Entries)
		}
	})

	t.Run("Atom10", func(t *testing.T) {
		f := parseFixture(t, "atom10.xml", "application/atom+xml", "https://urdu.example.pk/feed.atom")
		if f.Title != "اردو خبریں" || f.Link != "https://urdu.example.pk/" || f.Language != "ur" {
			t.Errorf("feed = %q %q %q", f.Title, f.Link, f.Language)
		}
		if len(f.Entries) != 2 {
			t.Fatalf("%d entries", len(f.Entries))
		}
		assertEntry(t, f.Entries[0], model.Entry{
			GUID:       "tag:urdu.example.pk,2026:42",
			Link:       "https://urdu.example.pk/news/42",
			Title:      "پاکستان <b>معیشت</b>",
			Summary:    "<p>خلاصہ</p>",
			Content:    "<p>مکمل متن</p>",
			Author:     "نامہ نگار, Second Author",
			Categories: []string{"economy"},
			Published:  date("2026-03-02T04:00:00Z"),
			Updated:    date("2026-03-02T09:30:00Z"),
		})
		if e := f.Entries[1]; !e.Published.Equal(date("2026-03-01T12:00:00Z")) || !e.Updated.Equal(e.Published) {
			t.Errorf("updated-only entry: Published %v Updated %v, want both the updated date", e.Published, e.Updated)
		}
	})

	t.Run("JSONFeed11", func(t *testing.T) {
		f := parseFixture(t, "jsonfeed11.json", "application/feed+json", "https://json.example.cn/feed.json")
		if f.Title != "Xinhua JSON" || f.Language != "zh-Hans" || len(f.Entries) != 2 {
			t.Fatalf("feed = %+v", f)
		}
		assertEntry(t, f.Entries[0], model.Entry{
			GUID:       "2026-0001",
			Link:       "https://json.example.cn/2026/0001.html",
			Title:      "瓜达尔港 news",
			Summary:    "摘要",
			Content:    "<p>正文</p>",
			Author:     "记者",
			Categories: []string{"CPEC", "港口"},
			ImageURL:   "https://json.example.cn/img/1.png",
			Published:  date("2026-03-02T02:00:00Z"),
			Updated:    date("2026-03-02T03:00:00Z"),
		})
	})
}

func assertEntry(t *testing.T, got, want model.Entry) {
	t.Helper()
	if got.GUID != want.GUID || got.Link != want.Link || got.Title != want.Title ||
		got.Summary != want.Summary || got.Content != want.Content || got.Author != want.Author ||
		got.ImageURL != want.ImageURL || !slices.Equal(got.Categories, want.Categories) ||
		!got.Published.Equal(want.Published) || !got.Updated.Equal(want.Updated) {
		t.Errorf("entry\n got %+v\nwant %+v", got, want)
	}
}

func TestRepairs(t *testing.T) {
	t.Run("BareAmpersandsRepaired", func(t *testing.T) {
		f := parseFixture(t, "bare-ampersands.xml", "application/rss+xml", "")
		if f.Title != "AT&T & Partners" || f.Link != "https://example.com/?a=1&b=2" {
			t.Errorf("feed = %q %q", f.Title, f.Link)
		}
		e := f.Entries[0]
		if want := "Q&A: profits & losses & more \u201cquoted\u201d \u00a9  &x"; e.Title != want {
			t.Errorf("Title = %q, want %q", e.Title, want)
		}
		if e.Link != "https://example.com/story?id=7&ref=rss" || e.ImageURL != "https://example.com/i.jpg?w=1&h=2" {
			t.Errorf("Link %q ImageURL %q", e.Link, e.ImageURL)
		}
		if e.Summary != "Tom & Jerry say 5 < 6" {
			t.Errorf("Summary = %q", e.Summary)
		}
	})

	t.Run("EntityBombDoesNotExpand", func(t *testing.T) {
		f := parseFixture(t, "billion-laughs.xml", "application/rss+xml", "")
		if strings.Contains(f.Title, "lollol") || strings.Contains(f.Entries[0].Summary, "lollol") {
			t.Errorf("entities expanded: %q", f.Title)
		}
		if strings.Contains(f.Entries[0].Title, "root:") {
			t.Errorf("external entity resolved: %q", f.Entries[0].Title)
		}
	})

	t.Run("JunkBeforeDocumentSkipped", func(t *testing.T) {
		doc := "Warning: include(): failed in /var/www/feed.php on line 3\n<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>ok</title></channel></rss>"
		f, err := Parse([]byte(doc), "text/html", "")
		if err != nil || f.Title != "ok" {
			t.Errorf("feed %+v, err %v", f, err)
		}
	})

	t.Run("AtomXHTMLContentKept", func(t *testing.T) {
		doc := `<feed xmlns="http://www.w3.org/2005/Atom"><title>x</title><entry><id>1</id>` +
			`<content type="xhtml"><div xmlns="http://www.w3.org/1999/xhtml"><p>Hi &amp; <b>bye</b></p></div></content></entry></feed>`
		f, err := Parse([]byte(doc), "application/atom+xml", "")
		if err != nil || len(f.Entries) != 1 {
			t.Fatalf("err = %v", err)
		}
		if c := f.Entries[0].Content; !strings.Contains(c, "<b>bye</b>") || !strings.Contains(c, "Hi &amp; ") {
			t.Errorf("Content = %q", c)
		}
	})

	t.Run("MixedCDATAAndTextKept", func(t *testing.T) {
		doc := `<rss version="2.0"><channel><title>a<![CDATA[ <b>&</b> ]]>z</title></channel></rss>`
		f, err := Parse([]byte(doc), "", "")
		if err != nil {
			t.Fatal(err)
		}
		if want := "a <b>&</b> z"; f.Title != want {
			t.Errorf("Title = %q, want %q", f.Title, want)
		}
	})
}

func TestNotFeeds(t *testing.T) {
	t.Run("HTMLPageListsAlternates", func(t *testing.T) {
		_, err := Parse(readFixture(t, "html-autodiscovery.html"), "text/html; charset=utf-8", "https://news.example.com/")
		var nf *NotFeedError
		if !errors.As(err, &nf) {
			t.Fatalf("err = %v, want *NotFeedError", err)
		}
		want := []string{
			"https://news.example.com/feeds/rss.xml",
			"https://news.example.com/section/atom.xml",
			"https://cdn.example.com/feed.json",
		}
		if !slices.Equal(nf.Alternates, want) {
			t.Errorf("Alternates = %q, want %q", nf.Alternates, want)
		}
		if got := err.Error(); got != "not a feed: an HTML page (it links to 3 feeds)" {
			t.Errorf("Error() = %q", got)
		}
	})

	t.Run("HTMLWithoutDoctypeServedAsXML", func(t *testing.T) {
		_, err := Parse([]byte(`<html><head><link rel="alternate" type="application/atom+xml" href="/a"></head></html>`),
			"application/xml", "https://x.example/page")
		var nf *NotFeedError
		if !errors.As(err, &nf) || !slices.Equal(nf.Alternates, []string{"https://x.example/a"}) {
			t.Errorf("err = %v", err)
		}
	})

	tests := []struct {
		name, body, contentType, wantMsg string
	}{
		{"JSONThatIsNotAFeed", `{"status": "ok", "items": []}`, "application/json", "without a JSON Feed version"},
		{"JSONArray", `[1, 2]`, "application/json", "not a JSON Feed object"},
		{"BrokenJSON", `{"version": `, "application/feed+json", "parse JSON feed"},
		{"OtherXMLRoot", `<?xml version="1.0"?><sitemap><url/></sitemap>`, "text/xml", "root <sitemap>"},
		{"Empty", " \n", "", "empty document"},
		{"PlainText", "hello", "text/plain", "neither XML nor JSON"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := Parse([]byte(tt.body), tt.contentType, "")
			if err == nil || !strings.Contains(err.Error(), tt.wantMsg) {
				t.Errorf("err = %v, want one mentioning %q", err, tt.wantMsg)
			}
			var nf *NotFeedError
			if errors.As(err, &nf) {
				t.Errorf("err is a NotFeedError")
			}
		})
	}
}

func TestDiscover(t *testing.T) {
	tests := []struct {
		name, html, base string
		want             []string
	}{
		{"RelativeAgainstBaseURL", `<link rel="alternate" type="application/rss+xml" href="feed.xml">`, "https://a.example/x/", []string{"https://a.example/x/feed.xml"}},
		{"JSONType", `<link rel="alternate" type="application/json" href="/f.json">`, "https://a.example/", []string{"https://a.example/f.json"}},
		{"RelWithOtherTokens", `<link rel="feed alternate" type="application/atom+xml" href="https://b.example/atom">`, "", []string{"https://b.example/atom"}},
		{"StylesheetIgnored", `<link rel="stylesheet" type="application/rss+xml" href="/x">`, "https://a.example/", nil},
		{"RelativeWithoutBaseDropped", `<link rel="alternate" type="application/rss+xml" href="/x">`, "", nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := Discover([]byte(tt.html), tt.base); !slices.Equal(got, tt.want) {
				t.Errorf("Discover = %q, want %q", got, tt.want)
			}
		})
	}
}

func TestBrokenInTheUsualWays(t *testing.T) {
	t.Run("RootEndTagMissingItsBracket", func(t *testing.T) {
		for _, doc := range []string{
			`<?xml version="1.0"?><rss version="2.0"><channel><title>T</title><item><title>A</title></item></channel></rss`,
			"<feed xmlns=\"http://www.w3.org/2005/Atom\"><title>T</title><entry><title>A</title><id>a</id></entry></feed\n",
			`<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/"><channel><title>T</title></channel><item><title>A</title><link>http://a.example/</link></item></rdf:RDF`,
		} {
			f, err := Parse([]byte(doc), "", "http://a.example/feed")
			if err != nil {
				t.Fatalf("%.30q…: %v", doc, err)
			}
			if len(f.Entries) != 1 || f.Entries[0].Title != "A" {
				t.Errorf("%.30q…: entries %+v", doc, f.Entries)
			}
		}
	})
	t.Run("CutEarlierStaysAnError", func(t *testing.T) {
		doc := `<rss version="2.0"><channel><title>T</title><item><title>A</title></item><item><title>Cut`
		if _, err := Parse([]byte(doc), "", ""); err == nil {
			t.Error("a document cut inside an item parsed")
		}
	})
	t.Run("XHTMLDoctypeBeforeRSS", func(t *testing.T) {
		doc := `<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Transitional//EN" "http://www.w3.org/TR/xhtml1/DTD/xhtml1-transitional.dtd">
<rss version="2.0"><channel><title>T</title><item><title>A&nbsp;B</title><guid>1</guid></item></channel></rss>`
		f, err := Parse([]byte(doc), "text/html", "")
		if err != nil {
			t.Fatal(err)
		}
		if len(f.Entries) != 1 || f.Entries[0].Title != "A\u00a0B" {
			t.Errorf("entries %+v", f.Entries)
		}
	})
	t.Run("HTMLWarningBeforeTheDocument", func(t *testing.T) {
		doc := "<br />\n<b>Warning</b>: include(ads.php): failed in <b>/var/www/feed.php</b><br />\n" +
			`<?xml version="1.0"?><rss version="2.0"><channel><title>ok</title><item><title>A</title></item></channel></rss>`
		f, err := Parse([]byte(doc), "application/rss+xml", "")
		if err != nil || len(f.Entries) != 1 {
			t.Fatalf("feed %+v, %v", f, err)
		}
	})
	t.Run("CDFSaysWhatItIs", func(t *testing.T) {
		_, err := Parse([]byte(`<CHANNEL HREF="http://a.example/"><TITLE>T</TITLE></CHANNEL>`), "text/xml", "")
		if !errors.Is(err, ErrNotFeed) || !strings.Contains(err.Error(), "CDF") {
			t.Errorf("err = %v, want not a feed naming CDF", err)
		}
	})
	t.Run("ErrorsArePrintable", func(t *testing.T) {
		for _, doc := range []string{
			"<\x00r\x00s\x00s\x00>\x00",
			"<rss\x01\x02 version='2.0'><channel><title>\x00</title></chan\x00nel></rss>",
			"<root\xff\xfe><x/></root>",
		} {
			_, err := Parse([]byte(doc), "application/xml", "")
			if err == nil {
				continue
			}
			if msg := err.Error(); !utf8.ValidString(msg) || strings.IndexFunc(msg, unicode.IsControl) >= 0 {
				t.Errorf("%q: unprintable error %q", doc, msg)
			}
		}
	})
}
