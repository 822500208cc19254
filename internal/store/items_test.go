package store

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"testing"
	"time"

	"aggregator/internal/model"
)

func TestItemsPaging(t *testing.T) { onEngines(t, testItemsPaging) }

func testItemsPaging(t *testing.T) {
	ctx := context.Background()
	s := openTest(t)
	// 23 items with published times that tie in threes, in two sources.
	var want []string
	for i := range 23 {
		src := []string{"dawn", "geo"}[i%2]
		it := item(src, fmt.Sprint(i), withPublished(t0.Add(-time.Duration(i/3)*time.Hour)))
		if i%4 == 0 {
			it.Topics = []model.TopicMatch{{Topic: "cpec"}}
		}
		save(t, s, t0, src, it)
		want = append(want, src+"/"+it.Key)
	}
	for _, tc := range []struct {
		name  string
		q     ItemQuery
		match func(i int) bool
	}{
		{"All", ItemQuery{Limit: 4}, func(int) bool { return true }},
		{"BySource", ItemQuery{Source: "geo", Limit: 3}, func(i int) bool { return i%2 == 1 }},
		{"ByTopic", ItemQuery{Topic: "cpec", Limit: 2}, func(i int) bool { return i%4 == 0 }},
		{"ByTopicAndSource", ItemQuery{Topic: "cpec", Source: "dawn", Limit: 1}, func(i int) bool { return i%4 == 0 }},
		{"ByText", ItemQuery{Text: "summary", Limit: 5}, func(int) bool { return true }},
		{"ByTextAndTopic", ItemQuery{Text: "summary", Topic: "cpec", Limit: 5}, func(i int) bool { return i%4 == 0 }},
		{"OnePage", ItemQuery{}, func(int) bool { return true }},
	} {
		t.Run(tc.name, func(t *testing.T) {
			seen := map[string]int{}
			var order []model.Item
			q := tc.q
			for pages := 0; ; pages++ {
				if pages > 30 {
					t.Fatal("paging does not end")
				}
				items, next, err := s.Items(ctx, q)
				if err != nil {
					t.Fatal(err)
				}
				if len(items) > pageLimit(q.Limit) {
					t.Fatalf("page of %d items, limit %d", len(items), q.Limit)
				}
				for _, it := range items {
					seen[it.SourceID+"/"+it.Key]++
					order = append(order, it)
				}
				if next == "" {
					break
				}
				q.Before = next
			}
			var expect int
			for i, k := range want {
				if !tc.match(i) {
					continue
				}
				if tc.q.Source != "" && !strings.HasPrefix(k, tc.q.Source+"/") {
					continue
				}
				expect++
				if seen[k] != 1 {
					t.Errorf("%s seen %d times, want once", k, seen[k])
				}
			}
			if len(order) != expect {
				t.Errorf("%d items over all pages, want %d", len(order), expect)
			}
			for i := 1; i < len(order); i++ {
				a, b := order[i-1], order[i]
				if a.Published.Before(b.Published) || (a.Published.Equal(b.Published) && a.ID < b.ID) {
					t.Errorf("item %d (%v, %d) before (%v, %d): not newest first", i, a.Published, a.ID, b.Published, b.ID)
				}
			}
		})
	}
	t.Run("InvalidCursor", func(t *testing.T) {
		for _, c := range []string{"!!", "bm90LWEtY3Vyc29y", "MTox"[:3]} {
			if _, _, err := s.Items(ctx, ItemQuery{Before: c}); !errors.Is(err, ErrInvalidCursor) {
				t.Errorf("cursor %q: err %v, want ErrInvalidCursor", c, err)
			}
		}
	})
	t.Run("LimitCapped", func(t *testing.T) {
		if got := pageLimit(10_000); got != MaxLimit {
			t.Errorf("limit = %d, want %d", got, MaxLimit)
		}
	})
}

func TestItemsCarrySourceTopicsAndStory(t *testing.T) {
	onEngines(t, testItemsCarrySourceTopicsAndStory)
}

func testItemsCarrySourceTopicsAndStory(t *testing.T) {
	ctx := context.Background()
	s := openTest(t)
	if err := s.SyncSources(ctx, []model.Source{{ID: "dawn", Title: "Dawn", URL: "https://dawn.example/feed", Enabled: true}}); err != nil {
		t.Fatal(err)
	}
	it := item("dawn", "a", withURL("https://w.example/1"))
	it.Categories = []string{"Pakistan", "Economy"}
	it.Topics = []model.TopicMatch{{Topic: "cpec", Terms: []string{"Gwadar"},
		Hits: []model.Hit{{Term: "Gwadar", Field: model.FieldTitle, Offset: 4}}}}
	it.Updated = t0.Add(-time.Minute)
	save(t, s, t0, "dawn", it)
	save(t, s, t0.Add(time.Minute), "geo", item("geo", "g", withURL("https://w.example/1")))
	items, next, err := s.Items(ctx, ItemQuery{Topic: "cpec"})
	if err != nil || next != "" || len(items) != 1 {
		t.Fatalf("items = %d, %q, %v", len(items), next, err)
	}
	got := items[0]
	if got.SourceTitle != "Dawn" || got.SourceURL != "https://dawn.example/feed" {
		t.Errorf("source = %q %q", got.SourceTitle, got.SourceURL)
	}
	if len(got.Categories) != 2 || got.Categories[1] != "Economy" || !got.Updated.Equal(it.Updated) ||
		!got.FirstSeen.Equal(t0) {
		t.Errorf("fields = %+v", got)
	}
	if len(got.Topics) != 1 || got.Topics[0].Terms[0] != "Gwadar" || got.Topics[0].Hits[0].Offset != 4 {
		t.Errorf("topics = %+v", got.Topics)
	}
	if got.Story.Key == "" || len(got.Story.Members) != 2 || got.Story.Members[0].SourceTitle != "Dawn" ||
		got.Story.Members[1].Source != "geo" || got.Story.Members[1].URL != "https://w.example/1" {
		t.Errorf("story = %+v", got.Story)
	}
	if _, err := s.Item(ctx, 999); !errors.Is(err, ErrNotFound) {
		t.Errorf("missing item: %v, want ErrNotFound", err)
	}
}

func TestItemsFullText(t *testing.T) { onEngines(t, testItemsFullText) }

func testItemsFullText(t *testing.T) {
	ctx := context.Background()
	s := openTest(t)
	save(t, s, t0, "dawn",
		item("dawn", "en", withTitle("Attack near Gwadar port"), withText("Security forces repelled an attack on the port.")),
		item("dawn", "cpp", withTitle("Why C++ still matters"), withText("a:b ratio of 3:1 in NEAR terms")),
		item("dawn", "zh", withTitle("中巴经济走廊最新进展"), withText("瓜达尔港的建设正在加速。")),
		item("dawn", "ur", withTitle("گوادر میں حملہ"), withText("سیکیورٹی فورسز نے حملہ ناکام بنا دیا")),
		item("dawn", "hi", withTitle("भारत और पाकिस्तान वार्ता"), withText("")),
		item("dawn", "html", withTitle("Tags <b>bold</b> & more"), withText("")),
	)
	for _, tc := range []struct {
		query string
		want  []string // keys, any order
	}{
		{"gwadar", []string{"en"}},
		{"Gwadar attack", []string{"en"}},
		{`"Gwadar port"`, []string{"en"}},
		{`"port Gwadar"`, nil},
		{"attac*", []string{"en"}},
		{"C++", []string{"cpp"}},
		{"a:b", []string{"cpp"}},
		{"NEAR", []string{"cpp", "en"}}, // the word, not the operator
		{`"unbalanced`, nil},
		{`AND OR NOT`, nil},
		{`(gwadar`, []string{"en"}},
		{`gwadar)`, []string{"en"}},
		{`title:gwadar`, nil},
		{`*`, nil},
		{`"" ^ -- ; DROP TABLE items;`, nil},
		{"走廊", []string{"zh"}},
		{"瓜达尔港", []string{"zh"}},
		{"گوادر", []string{"ur"}},
		{"पाकिस्तान", []string{"hi"}},
		{"bold", []string{"html"}},
	} {
		t.Run(tc.query, func(t *testing.T) {
			items, _, err := s.Items(ctx, ItemQuery{Text: tc.query})
			if err != nil {
				t.Fatalf("search %q: %v", tc.query, err)
			}
			var got []string
			for _, it := range items {
				got = append(got, it.Key)
			}
			if fmt.Sprint(got) != fmt.Sprint(tc.want) && !(len(got) == 0 && len(tc.want) == 0) {
				t.Errorf("search %q = %v, want %v", tc.query, got, tc.want)
			}
		})
	}
	t.Run("SnippetHighlightsAndEscapes", func(t *testing.T) {
		for _, tc := range []struct{ query, want string }{
			{"gwadar", "<mark>Gwadar</mark>"},
			{"走廊", "<mark>走廊</mark>"},
			{"bold", "&lt;b&gt;<mark>bold</mark>&lt;/b&gt; &amp;"},
		} {
			items, _, err := s.Items(ctx, ItemQuery{Text: tc.query})
			if err != nil || len(items) != 1 {
				t.Fatalf("search %q: %d items, %v", tc.query, len(items), err)
			}
			if !strings.Contains(items[0].Snippet, tc.want) {
				t.Errorf("snippet for %q = %q, want it to contain %q", tc.query, items[0].Snippet, tc.want)
			}
			if strings.ContainsRune(items[0].Snippet, ftsCut) {
				t.Errorf("snippet %q keeps the index's cuts", items[0].Snippet)
			}
		}
	})
}

func TestEachItem(t *testing.T) { onEngines(t, testEachItem) }

func testEachItem(t *testing.T) {
	ctx := context.Background()
	s := openTest(t)
	s.batch = 4
	var items []model.Item
	for i := range 3*s.batch + 1 {
		items = append(items, item("dawn", fmt.Sprint(i), withTopics("cpec")))
	}
	save(t, s, t0.Add(time.Hour), "dawn", items[:7]...)
	save(t, s, t0, "dawn", items[7:]...) // first seen earlier, stored later
	var n int
	last := time.Time{}
	err := s.EachItem(ctx, func(it model.Item) error {
		n++
		if it.FirstSeen.Before(last) || (n == 1 && it.Key != "7") {
			t.Fatalf("item %s seen out of order", it.Key)
		}
		last = it.FirstSeen
		if len(it.Topics) != 1 || len(it.Story.Members) != 0 {
			t.Fatalf("item %s: topics %v story %+v", it.Key, it.Topics, it.Story)
		}
		return nil
	})
	if err != nil || n != len(items) {
		t.Errorf("each = %d, %v; want %d", n, err, len(items))
	}
	stop := errors.New("stop")
	n = 0
	if err := s.EachItem(ctx, func(model.Item) error { n++; return stop }); !errors.Is(err, stop) || n != 1 {
		t.Errorf("each with error = %d, %v; want 1, stop", n, err)
	}
}
