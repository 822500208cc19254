package parse

import "testing"

// TestAggregatedEntriesNameTheirOutlet reads a Google News search feed:
// each item's <source> (the outlet Google credits) becomes the entry's
// Outlet; an item without one has none.
func TestAggregatedEntriesNameTheirOutlet(t *testing.T) {
	f := parseFixture(t, "google-news.xml", "application/xml; charset=UTF-8", "https://news.google.com/rss/search?q=CPEC")
	want := []string{"Dawn", "The Express Tribune", ""}
	if len(f.Entries) != len(want) {
		t.Fatalf("%d entries, want %d", len(f.Entries), len(want))
	}
	for i, w := range want {
		if got := f.Entries[i].Outlet; got != w {
			t.Errorf("entry %d Outlet = %q, want %q", i, got, w)
		}
	}
}
