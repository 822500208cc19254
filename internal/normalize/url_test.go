package normalize

import "testing"

func TestCanonicalURL(t *testing.T) {
	tests := []struct {
		name, raw, base, want string
	}{
		{"Empty", "", "https://a.example/", ""},
		{"LowerSchemeAndHost", "HTTPS://WWW.Dawn.COM/news/1", "", "https://www.dawn.com/news/1"},
		{"EmptyPathBecomesSlash", "http://example.com", "", "http://example.com/"},
		{"DefaultHTTPPortDropped", "http://example.com:80/a", "", "http://example.com/a"},
		{"DefaultHTTPSPortDropped", "https://example.com:443/a", "", "https://example.com/a"},
		{"OtherPortKept", "https://example.com:8443/a", "", "https://example.com:8443/a"},
		{"TrailingDotHost", "https://example.com./a", "", "https://example.com/a"},
		{"FragmentRemoved", "https://example.com/a#comments", "", "https://example.com/a"},
		{"HashbangKept", "https://example.com/#!/story/12", "", "https://example.com/#!/story/12"},
		{"UTMRemoved", "https://example.com/a?utm_source=rss&utm_medium=feed&utm_campaign=x", "", "https://example.com/a"},
		{"UTMUppercaseRemoved", "https://example.com/a?UTM_Source=rss&id=3", "", "https://example.com/a?id=3"},
		{"ClickIDsRemoved", "https://example.com/a?fbclid=1&gclid=2&dclid=3&gbraid=4&wbraid=5&msclkid=6&yclid=7&igshid=8", "", "https://example.com/a"},
		{"MailchimpHubspotRemoved", "https://example.com/a?mc_cid=1&mc_eid=2&_hsenc=3&_hsmi=4&mkt_tok=5", "", "https://example.com/a"},
		{"PublisherMarkersRemoved", "https://example.com/a?ref=tw&ref_src=x&cmpid=1&ito=2&__twitter_impression=true&s_cid=1&ncid=2&ocid=3&sr_share=fb&xtor=RSS-1", "", "https://example.com/a"},
		{"ArticleSelectorsKept", "https://example.com/index.php?p=42&utm_source=x", "", "https://example.com/index.php?p=42"},
		{"StoryAndIDKept", "https://example.com/s?story=9&id=7&page=2", "", "https://example.com/s?id=7&page=2&story=9"},
		{"QuerySorted", "https://example.com/a?z=1&b=2&a=3", "", "https://example.com/a?a=3&b=2&z=1"},
		{"RepeatedKeysKeepOrder", "https://example.com/a?t=2&t=1", "", "https://example.com/a?t=2&t=1"},
		{"EmptyQueryDropped", "https://example.com/a?", "", "https://example.com/a"},
		{"EncodingKept", "https://example.com/a?q=a%20b&utm_term=c", "", "https://example.com/a?q=a%20b"},
		{"RelativeResolved", "/news/1?utm_source=x#top", "https://www.dawn.com/feeds/home", "https://www.dawn.com/news/1"},
		{"RelativeNoSlash", "story.html", "https://example.com/feeds/rss.xml", "https://example.com/feeds/story.html"},
		{"ProtocolRelative", "//cdn.example.com/a", "https://example.com/feed", "https://cdn.example.com/a"},
		{"DotSegments", "https://example.com/a/../b/./c", "", "https://example.com/b/c"},
		{"IDNHostLowerCased", "https://BÜCHER.example/a", "", "https://xn--bcher-kva.example/a"},
		{"IDNHostWithPort", "https://Bücher.example:8443/a", "", "https://xn--bcher-kva.example:8443/a"},
		{"PunycodeHostAgrees", "https://XN--BCHER-KVA.example/a", "", "https://xn--bcher-kva.example/a"},
		{"MailtoUntouched", "mailto:desk@example.com", "", "mailto:desk@example.com"},
		{"WhitespaceTrimmed", "  https://example.com/a \n", "", "https://example.com/a"},
		{"UrduPathKept", "https://www.bbc.com/urdu/articles/c1?at_medium=RSS&at_campaign=rss", "", "https://www.bbc.com/urdu/articles/c1"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if got := CanonicalURL(tc.raw, tc.base); got != tc.want {
				t.Errorf("CanonicalURL(%q, %q) = %q, want %q", tc.raw, tc.base, got, tc.want)
			}
		})
	}
}
