package publish

import (
	"bytes"
	"encoding/json"
	"encoding/xml"
	"errors"
	"flag"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/mmcdole/gofeed"
	"github.com/mmcdole/gofeed/atom"
	"github.com/mmcdole/gofeed/rss"

	"aggregator/internal/model"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata/")

func mustRender(t *testing.T, def Def, items []model.Item, format string) []byte {
	t.Helper()
	b, err := Render(def, testOpts, items, format)
	if err != nil {
		t.Fatalf("Render(%s): %v", format, err)
	}
	return b
}

func TestRenderMatchesGolden(t *testing.T) {
	cases := []struct {
		name  string
		items []model.Item
	}{
		{"feed", fixtureItems()},
		{"empty", nil},
	}
	for _, c := range cases {
		for _, format := range Formats() {
			t.Run(c.name+"."+format, func(t *testing.T) {
				got := mustRender(t, testDef, c.items, format)
				path := filepath.Join("testdata", c.name+"."+format)
				if *update {
					if err := os.WriteFile(path, got, 0o644); err != nil {
						t.Fatal(err)
					}
				}
				want, err := os.ReadFile(path)
				if err != nil {
					t.Fatalf("%v (run go test -update)", err)
				}
				if !bytes.Equal(got, want) {
					t.Errorf("render differs from %s (go test -update rewrites it):\n%s", path, got)
				}
			})
		}
	}
}

func TestRenderIsDeterministic(t *testing.T) {
	// The same content read back in another location and with sub-second
	// noise must give the same bytes: export and serve must agree.
	moved := fixtureItems()
	karachi := time.FixedZone("X", 3*3600)
	for i := range moved {
		moved[i].Published = moved[i].Published.In(karachi)
		moved[i].FirstSeen = moved[i].FirstSeen.In(karachi).Add(300 * time.Millisecond)
	}
	for _, format := range Formats() {
		t.Run(format, func(t *testing.T) {
			a := mustRender(t, testDef, fixtureItems(), format)
			b := mustRender(t, testDef, fixtureItems(), format)
			c := mustRender(t, testDef, moved, format)
			if !bytes.Equal(a, b) || !bytes.Equal(a, c) {
				t.Error("renders of the same content differ")
			}
		})
	}
}

func TestRenderUnknownFormat(t *testing.T) {
	_, err := Render(testDef, testOpts, nil, "xml")
	if !errors.Is(err, ErrUnknownFormat) {
		t.Fatalf("err = %v, want ErrUnknownFormat", err)
	}
}

func TestRenderedXMLIsWellFormed(t *testing.T) {
	for _, format := range []string{FormatRSS, FormatAtom} {
		for name, items := range map[string][]model.Item{"feed": fixtureItems(), "empty": nil} {
			t.Run(name+"."+format, func(t *testing.T) {
				d := xml.NewDecoder(bytes.NewReader(mustRender(t, testDef, items, format)))
				d.Strict = true
				for {
					_, err := d.Token()
					if err == io.EOF {
						return
					}
					if err != nil {
						t.Fatalf("not well-formed: %v", err)
					}
				}
			})
		}
	}
}

func TestHostileTextIsEscaped(t *testing.T) {
	for _, format := range Formats() {
		t.Run(format, func(t *testing.T) {
			body := string(mustRender(t, testDef, fixtureItems(), format))
			if format != FormatJSON && strings.Contains(body, "<script>") {
				t.Error("raw <script> in XML output")
			}
			if strings.Contains(body, "\x01") || strings.Contains(body, `\u0001`) {
				t.Error("control character in output")
			}
			if strings.Contains(body, `"javascript:`) || strings.Contains(body, "&#34;javascript:") {
				t.Error("javascript: member URL linked")
			}
			// Every reader must get the title back exactly.
			feed, err := gofeed.NewParser().ParseString(body)
			if err != nil {
				t.Fatal(err)
			}
			if got := feed.Items[0].Title; got != hostileTitle {
				t.Errorf("title = %q, want %q", got, hostileTitle)
			}
		})
	}
}

// TestReadersSeeEveryField parses each format back with gofeed, as a
// reader would, and checks each field of each item.
func TestReadersSeeEveryField(t *testing.T) {
	items := fixtureItems()
	for _, format := range Formats() {
		t.Run(format, func(t *testing.T) {
			feed, err := gofeed.NewParser().Parse(bytes.NewReader(mustRender(t, testDef, items, format)))
			if err != nil {
				t.Fatal(err)
			}
			if got, want := feed.Title, testDef.Title; got != want {
				t.Errorf("feed title = %q, want %q", got, want)
			}
			if got, want := feed.Link, "https://news.example.org/"; got != want {
				t.Errorf("feed link = %q, want %q", got, want)
			}
			if got, want := feed.FeedLink, FeedURL(testOpts.BaseURL, "cpec", format); got != want {
				t.Errorf("feed self link = %q, want %q", got, want)
			}
			if len(feed.Items) != len(items) {
				t.Fatalf("%d items, want %d", len(feed.Items), len(items))
			}
			for i, it := range items {
				got := feed.Items[i]
				if got.Title != it.Title {
					t.Errorf("item %d title = %q, want %q", i, got.Title, it.Title)
				}
				if got.Link != it.URL {
					t.Errorf("item %d link = %q, want %q", i, got.Link, it.URL)
				}
				if want := "tag:news.example.org,2024:story:" + it.Story.Key; got.GUID != want {
					t.Errorf("item %d guid = %q, want %q", i, got.GUID, want)
				}
				if want := topicIDs(it.Topics); !slices.Equal(got.Categories, want) {
					t.Errorf("item %d categories = %q, want %q", i, got.Categories, want)
				}
				if got.PublishedParsed == nil || !got.PublishedParsed.Equal(it.Published.Truncate(time.Second)) {
					t.Errorf("item %d published = %v, want %v", i, got.PublishedParsed, it.Published)
				}
				if len(got.Authors) == 0 || got.Authors[0].Name != it.SourceTitle {
					t.Errorf("item %d author = %+v, want %q", i, got.Authors, it.SourceTitle)
				}
				if got := readImage(got); got != uriSafe(it.ImageURL) {
					t.Errorf("item %d image = %q, want %q", i, got, it.ImageURL)
				}
				body := firstNonEmpty(it.Content, it.Summary)
				if !strings.HasPrefix(got.Content, xmlSafe(body)) {
					t.Errorf("item %d content = %q, want it to start with %q", i, got.Content, body)
				}
			}
			first := feed.Items[0].Content
			for _, want := range []string{
				"<p>Also reported by: ",
				`<a href="https://tribune.com.pk/story/1?a=1&amp;b=2">Express &#34;Tribune&#34; &amp; Co</a>`,
				", Reuters</p>",
			} {
				if !strings.Contains(first, want) {
					t.Errorf("content lacks %q:\n%s", want, first)
				}
			}
			if strings.Contains(first, ">Dawn<") {
				t.Error("the face's own outlet is listed as another")
			}
			if strings.Contains(feed.Items[1].Content, "Also reported by") {
				t.Error("a single-outlet story names other outlets")
			}
		})
	}
}

func TestRSSCreditsSourceWithURL(t *testing.T) {
	feed, err := (&rss.Parser{}).Parse(bytes.NewReader(mustRender(t, testDef, fixtureItems(), FormatRSS)))
	if err != nil {
		t.Fatal(err)
	}
	it := feed.Items[0]
	if it.Source == nil || it.Source.URL != "https://www.dawn.com/feeds/home" || it.Source.Title != "Dawn" {
		t.Errorf("source = %+v, want Dawn with its feed URL", it.Source)
	}
	if it.GUID == nil || it.GUID.IsPermalink != "false" {
		t.Errorf("guid = %+v, want isPermaLink=false", it.GUID)
	}
	if feed.Items[2].Source != nil {
		t.Errorf("source without a feed URL written: %+v", feed.Items[2].Source)
	}
	if !strings.Contains(it.Description, "Summary with") || !strings.Contains(it.Description, "Also reported by") {
		t.Errorf("description = %q, want the summary and the other outlets", it.Description)
	}
	if !strings.HasSuffix(feed.Items[2].Description, "…") {
		t.Errorf("description from long content = %q, want an excerpt", feed.Items[2].Description)
	}
	if _, err := time.Parse(time.RFC1123Z, feed.LastBuildDate); err != nil {
		t.Errorf("lastBuildDate %q: %v", feed.LastBuildDate, err)
	}
}

func TestAtomCategoriesHaveTerms(t *testing.T) {
	feed, err := (&atom.Parser{}).Parse(bytes.NewReader(mustRender(t, testDef, fixtureItems(), FormatAtom)))
	if err != nil {
		t.Fatal(err)
	}
	if got, want := feed.ID, "https://news.example.org/feeds/cpec"; got != want {
		t.Errorf("feed id = %q, want %q", got, want)
	}
	if got, want := feed.Updated, "2024-05-03T11:00:00Z"; got != want {
		t.Errorf("feed updated = %q, want %q", got, want)
	}
	rels := map[string]string{}
	for _, l := range feed.Links {
		rels[l.Rel] = l.Href
	}
	if rels["hub"] != "https://news.example.org/websub" || rels["alternate"] != "https://news.example.org/" {
		t.Errorf("feed links = %v", rels)
	}
	e := feed.Entries[0]
	var terms []string
	for _, c := range e.Categories {
		terms = append(terms, c.Term)
	}
	if !slices.Equal(terms, []string{"cpec", "security"}) {
		t.Errorf("category terms = %q", terms)
	}
	if e.Source == nil || e.Source.Title != "Dawn" {
		t.Errorf("source = %+v, want Dawn", e.Source)
	}
	if got, want := e.Updated, "2024-05-03T11:00:00Z"; got != want {
		t.Errorf("entry updated = %q, want %q (the correction time)", got, want)
	}
}

func TestJSONFeedHasRequiredMembers(t *testing.T) {
	for name, items := range map[string][]model.Item{"feed": fixtureItems(), "empty": nil} {
		t.Run(name, func(t *testing.T) {
			var doc map[string]any
			if err := json.Unmarshal(mustRender(t, testDef, items, FormatJSON), &doc); err != nil {
				t.Fatal(err)
			}
			if got := doc["version"]; got != "https://jsonfeed.org/version/1.1" {
				t.Errorf("version = %v", got)
			}
			if _, ok := doc["items"].([]any); !ok {
				t.Errorf("items = %v, want an array", doc["items"])
			}
			hubs, _ := doc["hubs"].([]any)
			if len(hubs) != 1 || hubs[0].(map[string]any)["type"] != "WebSub" {
				t.Errorf("hubs = %v", doc["hubs"])
			}
			for _, raw := range doc["items"].([]any) {
				item := raw.(map[string]any)
				if item["id"] == "" || (item["content_html"] == nil && item["content_text"] == nil) {
					t.Errorf("item without id or content: %v", item)
				}
			}
		})
	}
}

func TestEmptyFeedIsValid(t *testing.T) {
	for _, format := range Formats() {
		t.Run(format, func(t *testing.T) {
			feed, err := gofeed.NewParser().ParseString(string(mustRender(t, testDef, nil, format)))
			if err != nil {
				t.Fatal(err)
			}
			if feed.Title != testDef.Title || len(feed.Items) != 0 {
				t.Errorf("title %q, %d items", feed.Title, len(feed.Items))
			}
		})
	}
}

func TestRenderOrdersNewestFirst(t *testing.T) {
	items := fixtureItems()
	slices.Reverse(items)
	feed, err := gofeed.NewParser().ParseString(string(mustRender(t, testDef, items, FormatRSS)))
	if err != nil {
		t.Fatal(err)
	}
	if got := feed.Items[0].GUID; !strings.HasSuffix(got, "s7abc") {
		t.Errorf("first item = %q, want the newest story", got)
	}
}

func TestStoryIDDependsOnlyOnKey(t *testing.T) {
	a := fixtureItems()[0]
	b := a
	b.ID, b.URL, b.SourceID, b.Title = 99, "https://elsewhere.example/x", "other", "Corrected title"
	if storyID("h", &a) != storyID("h", &b) {
		t.Error("story id changed with the face")
	}
	c := a
	c.Story.Key = "other"
	if storyID("h", &a) == storyID("h", &c) {
		t.Error("different stories share an id")
	}
}

func TestLastModified(t *testing.T) {
	items := fixtureItems()
	if got, want := newestOf(items), time.Date(2024, 5, 3, 11, 0, 0, 0, time.UTC); !got.Equal(want) {
		t.Errorf("newest = %v, want %v (the correction)", got, want)
	}
	// A new outlet joining a story changes the feed, so it moves Last-Modified.
	joined := time.Date(2024, 5, 4, 1, 2, 3, 400, time.UTC)
	items[1].Story.Members = append(items[1].Story.Members, model.StoryMember{ItemID: 21, Source: "geo", FirstSeen: joined})
	if got, want := newestOf(items), joined.Truncate(time.Second); !got.Equal(want) {
		t.Errorf("newest = %v, want %v (the joining member)", got, want)
	}
	if got := newestOf(nil); !got.Equal(time.Unix(0, 0)) {
		t.Errorf("empty feed = %v, want the epoch", got)
	}
}

// readImage is the picture a reader finds for an item: gofeed's Image
// (media:content in RSS, image in JSON Feed), else an image enclosure.
func readImage(it *gofeed.Item) string {
	if it.Image != nil && it.Image.URL != "" {
		return it.Image.URL
	}
	for _, enc := range it.Enclosures {
		if strings.HasPrefix(enc.Type, "image/") {
			return enc.URL
		}
	}
	return ""
}
