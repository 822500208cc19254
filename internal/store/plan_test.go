package store

import (
	"context"
	"strings"
	"testing"
)

// explain returns the EXPLAIN QUERY PLAN details of a query, one a line.
func explain(t *testing.T, s *DB, query string, args ...any) string {
	t.Helper()
	rows, err := s.read.QueryContext(context.Background(), "EXPLAIN QUERY PLAN "+query, args...)
	if err != nil {
		t.Fatalf("explain %s: %v", query, err)
	}
	defer rows.Close()
	var lines []string
	for rows.Next() {
		var id, parent, unused int
		var detail string
		if err := rows.Scan(&id, &parent, &unused, &detail); err != nil {
			t.Fatal(err)
		}
		lines = append(lines, detail)
	}
	return strings.Join(lines, "\n")
}

// TestQueryPlans checks that the hot queries page off indexes: no full
// scan of a big table, and no sort where an index gives the order.
func TestQueryPlans(t *testing.T) {
	s := openTest(t)
	page := cursor{published: 1, id: 1}.String()
	type check struct {
		name   string
		query  string
		args   []any
		sortOK bool // a search sorts its matches
	}
	var checks []check
	for _, tc := range []struct {
		name string
		q    ItemQuery
		sort bool
	}{
		{"ItemsNewest", ItemQuery{Before: page}, false},
		{"ItemsTopic", ItemQuery{Topic: "cpec", Before: page}, false},
		{"ItemsSource", ItemQuery{Source: "dawn", Before: page}, false},
		{"ItemsTopicSource", ItemQuery{Topic: "cpec", Source: "dawn", Before: page}, false},
		{"ItemsSearch", ItemQuery{Text: "gwadar", Topic: "cpec", Source: "dawn", Before: page}, true},
	} {
		query, args, _, err := itemsQuery(sqliteDialect, tc.q, 51)
		if err != nil {
			t.Fatal(err)
		}
		checks = append(checks, check{tc.name, query, args, tc.sort})
	}
	for _, tc := range []struct {
		name string
		q    StoryQuery
		sort bool
	}{
		{"StoriesAll", StoryQuery{Regions: []string{"china"}, ExcludeTopics: []string{"x"}}, false},
		{"StoriesOneTopic", StoryQuery{Topics: []string{"cpec"}, Languages: []string{"ur"}}, false},
		{"StoriesAllTopics", StoryQuery{Topics: []string{"cpec", "security"}, MatchAll: true, Sources: []string{"dawn"}}, false},
		{"StoriesAnyTopics", StoryQuery{Topics: []string{"cpec", "security"}}, true}, // merges a few pages
	} {
		query, args := storiesQuery(tc.q, 50)
		checks = append(checks, check{tc.name, query, args, tc.sort})
	}
	checks = append(checks,
		check{name: "IndexLoad", query: `SELECT ` + entryColumns + ` FROM items i
			WHERE i.first_seen >= ? AND i.story_id IS NOT NULL ORDER BY i.first_seen, i.id`, args: []any{1}},
		check{name: "IndexCatchUp", query: `SELECT ` + entryColumns + ` FROM items i
			WHERE i.id > ? AND i.first_seen >= ? AND i.story_id IS NOT NULL ORDER BY i.first_seen, i.id`, args: []any{1, 1}, sortOK: true},
		check{name: "StoredItems", query: `SELECT key, id, COALESCE(story_id, 0), first_seen, hash FROM items
			WHERE source_id = ? AND key IN (?, ?)`, args: []any{"dawn", "a", "b"}},
		check{name: "URL", query: `SELECT story_id FROM items WHERE url = ? AND url <> '' AND story_id IS NOT NULL
			ORDER BY first_seen, id LIMIT 1`, args: []any{"u"}, sortOK: true},
		check{name: "StoryTopics", query: `SELECT DISTINCT 1, t.topic, 1 FROM items i CROSS JOIN item_topics t
			WHERE t.item_id = i.id AND i.story_id = ?`, args: []any{1}, sortOK: true},
		check{name: "Face", query: `SELECT id, published FROM items WHERE story_id = ? ORDER BY first_seen, id LIMIT 1`, args: []any{1}},
		check{name: "Prune", query: `SELECT id, COALESCE(story_id, 0) FROM items WHERE first_seen < ? ORDER BY first_seen, id LIMIT ?`, args: []any{1, 1}},
	)
	for _, c := range checks {
		t.Run(c.name, func(t *testing.T) {
			plan := explain(t, s, c.query, c.args...)
			for _, line := range strings.Split(plan, "\n") {
				if strings.HasPrefix(line, "SCAN ") && !strings.Contains(line, "INDEX") && !strings.Contains(line, "VIRTUAL TABLE") &&
					!strings.HasPrefix(line, "SCAN (subquery") && !strings.HasPrefix(line, "SCAN arm") && !strings.HasPrefix(line, "SCAN b") {
					t.Errorf("full scan: %q in plan\n%s", line, plan)
				}
				if !c.sortOK && strings.Contains(line, "TEMP B-TREE FOR ORDER BY") {
					t.Errorf("sorts instead of paging off an index:\n%s", plan)
				}
			}
			if testing.Verbose() {
				t.Logf("%s\n%s", c.query, plan)
			}
		})
	}
}
