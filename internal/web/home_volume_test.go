package web

import (
	"errors"
	"strings"
	"testing"

	"golang.org/x/net/html"
)

func TestHomeVolume(t *testing.T) {
	counts := make([]int, sparkDays)
	counts[sparkDays-1], counts[0] = 3, 1
	page := func(t *testing.T, env *testEnv) *html.Node {
		t.Helper()
		resp, body := env.get(t, "/")
		if resp.StatusCode != 200 {
			t.Fatalf("status = %d", resp.StatusCode)
		}
		return parseHTML(t, body)
	}
	sparks := func(doc *html.Node, feedID string) []*html.Node {
		for _, li := range findAll(doc, tagClass("li", "feed")) {
			if attr(li, "id") == "feed-"+feedID {
				return findAll(li, tagClass("polyline", "line"))
			}
		}
		return nil
	}
	t.Run("SparklinePerTopicFeed", func(t *testing.T) {
		env := newTestEnv(t, nil)
		env.store.daily = map[string][]int{"cpec": counts}
		doc := page(t, env)
		if got := sparks(doc, "cpec"); len(got) != 1 || len(strings.Fields(attr(got[0], "points"))) != sparkDays {
			t.Errorf("cpec sparkline = %v", got)
		}
		if got := sparks(doc, "security"); len(got) != 1 {
			t.Errorf("a quiet topic has %d sparklines, want a flat one", len(got))
		}
		if got := sparks(doc, "cpec-security"); len(got) != 0 {
			t.Errorf("curated feed has %d sparklines", len(got))
		}
		if !strings.Contains(text(doc), "4 in 30 days · 3 today") {
			t.Error("no volume summary for cpec")
		}
	})
	t.Run("StoreFailureOnlyCostsSparklines", func(t *testing.T) {
		env := newTestEnv(t, nil)
		env.store.dailyErr = errors.New("database is locked")
		doc := page(t, env)
		if n := len(findAll(doc, tagClass("svg", ""))); n != 0 {
			t.Errorf("%d sparklines without data", n)
		}
		if n := len(findAll(doc, tagClass("li", "feed"))); n != 3 {
			t.Errorf("%d feeds listed, want 3", n)
		}
	})
	t.Run("ItemsPerDayInHealthTable", func(t *testing.T) {
		env := newTestEnv(t, nil)
		doc := page(t, env)
		got := map[string]string{}
		for _, td := range findAll(doc, func(n *html.Node) bool { return n.Data == "td" && attr(n, "data-label") == "Items a day" }) {
			got[attr(td.Parent, "id")] = strings.TrimSpace(text(td))
		}
		// dawn: two items in the last week; the others store nothing.
		want := map[string]string{"source-dawn": "0.3", "source-xinhua": "–", "source-jang": "–"}
		for k, v := range want {
			if got[k] != v {
				t.Errorf("%s items a day = %q, want %q", k, got[k], v)
			}
		}
	})
}
