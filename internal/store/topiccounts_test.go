package store

import (
	"context"
	"errors"
	"slices"
	"strings"
	"testing"
	"time"

	"aggregator/internal/model"
)

// windows are the /api/topics windows as of t0.
var windows = []time.Time{t0.Add(-24 * time.Hour), t0.Add(-7 * 24 * time.Hour), t0.Add(-30 * 24 * time.Hour)}

func TestTopicCounts(t *testing.T) { onEngines(t, testTopicCounts) }

func testTopicCounts(t *testing.T) {
	s := openTest(t)
	ctx := context.Background()
	day := 24 * time.Hour
	// First seen 40 days, 10 days, 3 days and 1 hour before t0. The item
	// seen an hour ago claims an old published date: windows count arrival.
	save(t, s, t0.Add(-40*day), "dawn", item("dawn", "old", withTopics("cpec", "security")))
	save(t, s, t0.Add(-10*day), "dawn", item("dawn", "tenday", withTopics("cpec")))
	save(t, s, t0.Add(-3*day), "tribune", item("tribune", "threeday", withTopics("cpec", "economy")))
	save(t, s, t0.Add(-time.Hour), "xinhua", item("xinhua", "fresh", withTopics("cpec", "security"),
		withPublished(t0.Add(-60*day))))
	save(t, s, t0.Add(-time.Hour), "xinhua", item("xinhua", "untagged"))

	got, err := s.TopicCounts(ctx, windows)
	if err != nil {
		t.Fatal(err)
	}
	want := map[string]TopicCount{
		"cpec":     {Total: 4, Since: []int{1, 2, 3}},
		"security": {Total: 2, Since: []int{1, 1, 1}},
		"economy":  {Total: 1, Since: []int{0, 1, 1}},
	}
	assertCounts(t, got, want)

	t.Run("BoundaryIsInclusive", func(t *testing.T) {
		got, err := s.TopicCounts(ctx, []time.Time{t0.Add(-3 * day)})
		if err != nil {
			t.Fatal(err)
		}
		if c := got["economy"].Since; !slices.Equal(c, []int{1}) {
			t.Errorf("economy first seen exactly at the bound: %v, want [1]", c)
		}
	})
	t.Run("NoWindowsGivesTotals", func(t *testing.T) {
		got, err := s.TopicCounts(ctx, nil)
		if err != nil {
			t.Fatal(err)
		}
		if c := got["cpec"]; c.Total != 4 || len(c.Since) != 0 {
			t.Errorf("cpec: %+v, want total 4 and no windows", c)
		}
	})
	t.Run("WindowsInAnyOrder", func(t *testing.T) {
		got, err := s.TopicCounts(ctx, []time.Time{windows[2], windows[0]})
		if err != nil {
			t.Fatal(err)
		}
		if c := got["cpec"].Since; !slices.Equal(c, []int{3, 1}) {
			t.Errorf("cpec: %v, want [3 1]", c)
		}
	})
	t.Run("RetagMovesCounts", func(t *testing.T) {
		fresh := get(t, s, "xinhua", "fresh")
		if err := s.SetTopics(ctx, map[int64][]model.TopicMatch{fresh.ID: {{Topic: "economy"}}}); err != nil {
			t.Fatal(err)
		}
		got, err := s.TopicCounts(ctx, windows)
		if err != nil {
			t.Fatal(err)
		}
		assertCounts(t, got, map[string]TopicCount{
			"cpec":     {Total: 3, Since: []int{0, 1, 2}},
			"security": {Total: 1, Since: []int{0, 0, 0}},
			"economy":  {Total: 2, Since: []int{1, 2, 2}},
		})
	})
	t.Run("PruneForgets", func(t *testing.T) {
		if _, err := s.Prune(ctx, t0.Add(-20*day)); err != nil {
			t.Fatal(err)
		}
		got, err := s.TopicCounts(ctx, windows)
		if err != nil {
			t.Fatal(err)
		}
		if _, ok := got["security"]; ok {
			t.Errorf("security still counted after its only item was pruned: %+v", got["security"])
		}
	})
}

func TestTopicCountsEmptyStore(t *testing.T) { onEngines(t, testTopicCountsEmptyStore) }

func testTopicCountsEmptyStore(t *testing.T) {
	got, err := openTest(t).TopicCounts(context.Background(), windows)
	if err != nil {
		t.Fatal(err)
	}
	if len(got) != 0 {
		t.Errorf("empty store: %+v, want no topics", got)
	}
}

func TestTopicCountsCancelled(t *testing.T) { onEngines(t, testTopicCountsCancelled) }

func testTopicCountsCancelled(t *testing.T) {
	s := openTest(t)
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if _, err := s.TopicCounts(ctx, windows); !errors.Is(err, context.Canceled) {
		t.Errorf("cancelled: %v, want context.Canceled", err)
	}
}

func assertCounts(t *testing.T, got, want map[string]TopicCount) {
	t.Helper()
	if len(got) != len(want) {
		t.Errorf("%d topics counted, want %d: %+v", len(got), len(want), got)
	}
	for topic, w := range want {
		g := got[topic]
		if g.Total != w.Total || !slices.Equal(g.Since, w.Since) {
			t.Errorf("%s: total %d windows %v, want total %d windows %v", topic, g.Total, g.Since, w.Total, w.Since)
		}
	}
}

// TestTopicCountsPlans checks that neither count reads the items table
// whole: the totals scan an index, the windows range over first_seen.
func TestTopicCountsPlans(t *testing.T) {
	s := openTest(t)
	query, args := topicWindowsQuery(sqliteDialect, windows)
	for name, q := range map[string]struct {
		query string
		args  []any
	}{
		"Totals":  {`SELECT topic, COUNT(*) FROM item_topics GROUP BY topic`, nil},
		"Windows": {query, args},
	} {
		t.Run(name, func(t *testing.T) {
			plan := explain(t, s, q.query, q.args...)
			for _, line := range strings.Split(plan, "\n") {
				if strings.HasPrefix(line, "SCAN ") && !strings.Contains(line, "COVERING INDEX") {
					t.Errorf("reads a table whole: %q\n%s", line, plan)
				}
			}
			if name == "Windows" && !strings.Contains(plan, "SEARCH i USING COVERING INDEX items_first_seen (first_seen>?)") {
				t.Errorf("windows do not range over first_seen:\n%s", plan)
			}
			if testing.Verbose() {
				t.Logf("%s\n%s", q.query, plan)
			}
		})
	}
}

// BenchmarkTopicCounts100k counts the 1d/7d/30d windows and totals of the
// 100k-item store, as one /metrics scrape or /api/topics request does.
func BenchmarkTopicCounts100k(b *testing.B) {
	s := bigStore(b)
	ctx := context.Background()
	end := t0.Add(-80*24*time.Hour + bigItems/50*time.Hour) // the last fetch
	since := []time.Time{end.Add(-24 * time.Hour), end.Add(-7 * 24 * time.Hour), end.Add(-30 * 24 * time.Hour)}
	for b.Loop() {
		if _, err := s.TopicCounts(ctx, since); err != nil {
			b.Fatal(err)
		}
	}
}
