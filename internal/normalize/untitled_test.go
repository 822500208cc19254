package normalize

import (
	"strings"
	"testing"
	"time"

	"aggregator/internal/model"
)

func TestDescriptionOnlyEntryIsStoredWithADerivedTitle(t *testing.T) {
	src := model.Source{ID: "wire", Identity: model.IdentityGUID}
	e := model.Entry{
		Summary:   "Security forces repulsed an attack on a check post in Bajaur, officials said. Two attackers were killed.",
		Published: testNow.Add(-2 * time.Hour),
		SiteLink:  "https://wire.example.pk/",
	}
	it := Item(src, e, "https://wire.example.pk/feed.xml", testNow)
	if r := Refused(it); r != "" {
		t.Fatalf("refused: %s", r)
	}
	if got, want := it.Title, "Security forces repulsed an attack on a check post in Bajaur, officials said."; got != want || !it.TitleDerived {
		t.Errorf("Title = %q (derived %v), want %q, derived", got, it.TitleDerived, want)
	}
	if !strings.HasPrefix(it.Key, "c:") {
		t.Errorf("Key = %q, want a content digest", it.Key)
	}
	if it.RawURL != "https://wire.example.pk/" || it.URL != "" {
		t.Errorf("RawURL, URL = %q, %q; want the site, and no canonical URL", it.RawURL, it.URL)
	}
	again := Item(src, e, "https://wire.example.pk/feed.xml", testNow.Add(2*time.Hour))
	if again.Key != it.Key {
		t.Errorf("the same post fetched again has key %q, then %q", it.Key, again.Key)
	}
	other := e
	other.Summary = "Another alert."
	if Item(src, other, "", testNow).Key == it.Key {
		t.Error("two different posts share a key")
	}
	withTitle := Item(src, model.Entry{Title: "Headline", Summary: "Text."}, "", testNow)
	if withTitle.TitleDerived || withTitle.Title != "Headline" {
		t.Errorf("a real title: %q derived=%v", withTitle.Title, withTitle.TitleDerived)
	}
}

func TestDerivedTitle(t *testing.T) {
	long := strings.Repeat("word ", 40)
	tests := []struct{ name, in, want string }{
		{"FirstSentence", "Floods hit Sindh after heavy rain. More rain is forecast.", "Floods hit Sindh after heavy rain."},
		{"AbbreviationIsNotAnEnd", "U.S. envoy meets the Pakistani foreign minister. Talks go on.", "U.S. envoy meets the Pakistani foreign minister."},
		{"OneSentence", "Markets closed higher", "Markets closed higher"},
		{"UrduFullStop", "بلوچستان میں شدید بارشوں کے بعد سیلاب آگیا۔ مزید بارش متوقع ہے۔", "بلوچستان میں شدید بارشوں کے بعد سیلاب آگیا۔"},
		{"LongCutAtAWord", long, strings.TrimSpace(strings.Repeat("word ", 24)) + "…"},
		{"Empty", "  ", ""},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if got := derivedTitle(tc.in); got != tc.want {
				t.Errorf("derivedTitle(%q) = %q, want %q", tc.in, got, tc.want)
			}
		})
	}
}

func TestRefused(t *testing.T) {
	src := model.Source{ID: "s"}
	for name, e := range map[string]model.Entry{
		"Nothing":        {},
		"GUIDOnly":       {GUID: "x"},
		"LinkOnly":       {Link: "https://a.example/1"},
		"OnlyScript":     {Title: "<script>alert(1)</script>", Summary: "<script>x()</script>"},
		"WhitespaceOnly": {Title: "  ", Summary: "<p> </p>"},
	} {
		t.Run(name, func(t *testing.T) {
			if got := Refused(Item(src, e, "https://a.example/feed", testNow)); got != RefusedEmpty {
				t.Errorf("Refused = %q, want %q", got, RefusedEmpty)
			}
		})
	}
}
