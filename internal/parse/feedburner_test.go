package parse

import "testing"

func TestFeedBurnerOrigLinkIsTheArticleLink(t *testing.T) {
	f := parseFixture(t, "feedburner.xml", "application/rss+xml", "http://feeds.feedburner.com/FrontierWire")
	if len(f.Entries) != 2 {
		t.Fatalf("%d entries, want 2", len(f.Entries))
	}
	want := []string{
		"https://frontier.example.com/2026/11/gwadar-port/?utm_source=feedburner",
		"http://feedproxy.google.com/~r/FrontierWire/~3/XyZ/",
	}
	for i, w := range want {
		if got := f.Entries[i].Link; got != w {
			t.Errorf("entry %d Link = %q, want %q", i, got, w)
		}
	}
}
