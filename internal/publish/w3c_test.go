package publish

import (
	"bytes"
	"encoding/json"
	"strings"
	"testing"
	"time"

	"github.com/mmcdole/gofeed/atom"
	"github.com/mmcdole/gofeed/rss"

	"aggregator/internal/model"
)

// Rules of the W3C Feed Validator (validator.w3.org/feed) beyond the
// specifications' grammars, each once broken by what we published.
// scripts/validate-feeds checks them from outside too.

func TestAtomSourceHasIDTitleAndUpdated(t *testing.T) {
	// The validator requires id, title and updated in atom:source.
	doc := mustRender(t, testDef, fixtureItems(), FormatAtom)
	feed, err := (&atom.Parser{}).Parse(bytes.NewReader(doc))
	if err != nil {
		t.Fatal(err)
	}
	sources := 0
	for _, e := range feed.Entries {
		if e.Source == nil {
			continue
		}
		sources++
		if e.Source.ID == "" || e.Source.Title == "" {
			t.Errorf("entry %s: source id %q, title %q", e.ID, e.Source.ID, e.Source.Title)
		}
		if e.Source.Updated != e.Updated {
			t.Errorf("entry %s: source updated %q, want the entry's %q", e.ID, e.Source.Updated, e.Updated)
		}
	}
	if sources == 0 {
		t.Fatal("no entry has a source: the fixture changed")
	}
}

func TestAtomUpdatedIsPlausible(t *testing.T) {
	// The validator calls dates before 1990 implausible; an empty feed's
	// content time is the Unix epoch.
	cases := []struct {
		name  string
		items []model.Item
		want  string
	}{
		{"EmptyFeed", nil, "2024-01-01T00:00:00Z"},
		{"FeedWithStories", fixtureItems(), "2024-05-03T11:00:00Z"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			feed, err := (&atom.Parser{}).Parse(bytes.NewReader(mustRender(t, testDef, c.items, FormatAtom)))
			if err != nil {
				t.Fatal(err)
			}
			if feed.Updated != c.want {
				t.Errorf("updated = %q, want %q", feed.Updated, c.want)
			}
		})
	}
}

func TestAtomFeedCarriesItsLanguage(t *testing.T) {
	cases := []struct {
		lang, want string
	}{
		{"ur", `<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="ur">`},
		{"", `<feed xmlns="http://www.w3.org/2005/Atom">`},
	}
	for _, c := range cases {
		def := testDef
		def.Language = c.lang
		doc := mustRender(t, def, fixtureItems(), FormatAtom)
		if !bytes.Contains(doc, []byte(c.want)) {
			t.Errorf("language %q: no %s in\n%.300s", c.lang, c.want, doc)
		}
		feed, err := (&atom.Parser{}).Parse(bytes.NewReader(doc))
		if err != nil {
			t.Fatal(err)
		}
		if feed.Language != c.lang {
			t.Errorf("readers see language %q, want %q", feed.Language, c.lang)
		}
	}
}

func TestURLsArePercentEncoded(t *testing.T) {
	// RSS links must be URIs (the validator rejects a space, a quote or
	// Urdu in one); the canonical URL keeps its query as the source wrote it.
	items := fixtureItems()[1:2]
	items[0].URL = `https://jang.com.pk/news/123?q=گوادر پورٹ&t="x"|y`
	items[0].SourceURL = "https://jang.com.pk/rss/1?cat=قومی"
	items[0].Story.Members = append(items[0].Story.Members, model.StoryMember{
		ItemID: 21, Source: "geo", SourceTitle: "Geo", URL: "https://urdu.geo.tv/latest/گوادر",
	})
	const (
		link   = `https://jang.com.pk/news/123?q=%DA%AF%D9%88%D8%A7%D8%AF%D8%B1%20%D9%BE%D9%88%D8%B1%D9%B9&t=%22x%22%7Cy`
		source = `https://jang.com.pk/rss/1?cat=%D9%82%D9%88%D9%85%DB%8C`
		member = `https://urdu.geo.tv/latest/%DA%AF%D9%88%D8%A7%D8%AF%D8%B1`
	)

	rssFeed, err := (&rss.Parser{}).Parse(bytes.NewReader(mustRender(t, testDef, items, FormatRSS)))
	if err != nil {
		t.Fatal(err)
	}
	it := rssFeed.Items[0]
	if it.Link != link {
		t.Errorf("RSS link = %q, want %q", it.Link, link)
	}
	if it.Source == nil || it.Source.URL != source {
		t.Errorf("RSS source = %+v, want url %q", it.Source, source)
	}
	if !strings.Contains(it.Content, `href="`+member+`"`) {
		t.Errorf("RSS content does not link the other outlet as %q:\n%s", member, it.Content)
	}

	atomFeed, err := (&atom.Parser{}).Parse(bytes.NewReader(mustRender(t, testDef, items, FormatAtom)))
	if err != nil {
		t.Fatal(err)
	}
	e := atomFeed.Entries[0]
	if len(e.Links) == 0 || e.Links[0].Href != link {
		t.Errorf("Atom links = %+v, want alternate %q", e.Links, link)
	}
	if e.Source == nil || e.Source.ID != source {
		t.Errorf("Atom source = %+v, want id %q", e.Source, source)
	}

	var jf struct {
		Items []struct {
			URL string `json:"url"`
		} `json:"items"`
	}
	if err := json.Unmarshal(mustRender(t, testDef, items, FormatJSON), &jf); err != nil {
		t.Fatal(err)
	}
	if got := jf.Items[0].URL; got != link {
		t.Errorf("JSON Feed url = %q, want %q", got, link)
	}
}

func TestPlausibleUpdatedKeepsRealTimes(t *testing.T) {
	real := time.Date(1995, 3, 1, 0, 0, 0, 0, time.UTC)
	if got := plausibleUpdated(real); !got.Equal(real) {
		t.Errorf("plausibleUpdated(%v) = %v, want it unchanged", real, got)
	}
	if got := plausibleUpdated(time.Unix(0, 0).UTC()); got.Year() < 1990 {
		t.Errorf("plausibleUpdated(epoch) = %v, still implausible", got)
	}
}

func TestStoryWithoutLinkStaysValid(t *testing.T) {
	// A source keyed by guid or title may give an entry no link: RSS must
	// then leave <link> out (an empty one is an invalid URL), and Atom must
	// carry content, as an entry needs an alternate link or content.
	items := fixtureItems()[1:2]
	items[0].URL, items[0].RawURL, items[0].Summary = "", "", ""
	for _, format := range Formats() {
		t.Run(format, func(t *testing.T) {
			doc := mustRender(t, testDef, items, format)
			for _, problem := range validators[format](doc) {
				t.Error(problem)
			}
			if format == FormatRSS && bytes.Contains(doc, []byte("<link></link>")) {
				t.Errorf("RSS has an empty link:\n%s", doc)
			}
			if format == FormatAtom && !bytes.Contains(doc, []byte(`<content type="text">`+items[0].Title+`</content>`)) {
				t.Errorf("Atom entry without alternate link has no content:\n%s", doc)
			}
		})
	}
}
