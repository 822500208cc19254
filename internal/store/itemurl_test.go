package store

import (
	"context"
	"errors"
	"strings"
	"testing"
	"time"

	"aggregator/internal/model"
)

func TestItemByURL(t *testing.T) { onEngines(t, testItemByURL) }

func testItemByURL(t *testing.T) {
	s := openTest(t)
	ctx := context.Background()
	wire := "https://wire.example/gwadar-convoy"
	save(t, s, t0.Add(-2*time.Hour), "dawn", item("dawn", "a", withURL(wire), withTopics("cpec")))
	save(t, s, t0.Add(-time.Hour), "tribune", item("tribune", "b", withURL(wire)))
	save(t, s, t0, "xinhua", item("xinhua", "c", func(it *model.Item) {
		it.RawURL = "https://xinhua.example/c?utm_source=rss"
	}))

	for _, tc := range []struct {
		name, url    string
		source, key  string
		wantNotFound bool
	}{
		{name: "CanonicalURLGivesEarliestSeen", url: wire, source: "dawn", key: "a"},
		{name: "RawLinkWhenNoCanonicalMatches", url: "https://xinhua.example/c?utm_source=rss", source: "xinhua", key: "c"},
		{name: "UnknownURLIsNotFound", url: "https://nowhere.example/", wantNotFound: true},
		{name: "EmptyURLIsNotFound", url: "", wantNotFound: true},
	} {
		t.Run(tc.name, func(t *testing.T) {
			it, err := s.ItemByURL(ctx, tc.url)
			if tc.wantNotFound {
				if !errors.Is(err, ErrNotFound) {
					t.Fatalf("ItemByURL(%q) = %v, %v; want ErrNotFound", tc.url, it.ID, err)
				}
				if tc.url != "" && !strings.Contains(err.Error(), tc.url) {
					t.Errorf("error %q does not name the URL", err)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if it.SourceID != tc.source || it.Key != tc.key {
				t.Errorf("got %s/%s, want %s/%s", it.SourceID, it.Key, tc.source, tc.key)
			}
		})
	}
	t.Run("CarriesTopicsAndStory", func(t *testing.T) {
		it, err := s.ItemByURL(ctx, wire)
		if err != nil {
			t.Fatal(err)
		}
		if len(it.Topics) != 1 || it.Topics[0].Topic != "cpec" {
			t.Errorf("topics %+v, want cpec", it.Topics)
		}
		if len(it.Story.Members) != 2 {
			t.Errorf("story has %d members, want the two outlets of the wire story", len(it.Story.Members))
		}
	})
	t.Run("CanonicalLookupUsesIndex", func(t *testing.T) {
		if onPostgres(t) {
			t.Skip("reads SQLite's query plan")
		}
		plan := explain(t, s, `SELECT id FROM items WHERE url = ? AND url <> '' ORDER BY first_seen, id LIMIT 1`, wire)
		if !strings.Contains(plan, "items_url") {
			t.Errorf("canonical URL lookup does not use items_url:\n%s", plan)
		}
	})
}
