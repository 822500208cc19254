package metrics

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net/http/httptest"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"
)

var scrapeTime = time.Date(2025, 3, 2, 12, 0, 0, 0, time.UTC)

// scrape answers /metrics once and returns its lines for names starting
// with prefix.
func scrape(t *testing.T, m *Metrics, prefix string) []string {
	t.Helper()
	rec := httptest.NewRecorder()
	m.Handler().ServeHTTP(rec, httptest.NewRequest("GET", "/metrics", nil))
	if rec.Code != 200 {
		t.Fatalf("/metrics: status %d\n%s", rec.Code, rec.Body)
	}
	body, _ := io.ReadAll(rec.Body)
	var out []string
	for _, l := range strings.Split(string(body), "\n") {
		if strings.HasPrefix(l, prefix) {
			out = append(out, l)
		}
	}
	return out
}

func TestTopicItems(t *testing.T) {
	var (
		mu     sync.Mutex
		asked  []time.Time
		topics = []string{"cpec", "security"}
	)
	m := New()
	err := m.RegisterTopics(TopicOptions{
		Topics: func() []string { mu.Lock(); defer mu.Unlock(); return topics },
		Count: func(_ context.Context, since []time.Time) (map[string][]int, error) {
			mu.Lock()
			defer mu.Unlock()
			asked = since
			return map[string][]int{"cpec": {3, 10, 40}, "retired": {1, 1, 1}}, nil
		},
		Now: func() time.Time { return scrapeTime },
	})
	if err != nil {
		t.Fatal(err)
	}
	got := scrape(t, m, "aggregator_topic_")
	want := []string{
		"aggregator_topic_count_failures_total 0",
		`aggregator_topic_items{topic="cpec",window="1d"} 3`,
		`aggregator_topic_items{topic="cpec",window="30d"} 40`,
		`aggregator_topic_items{topic="cpec",window="7d"} 10`,
		`aggregator_topic_items{topic="security",window="1d"} 0`,
		`aggregator_topic_items{topic="security",window="30d"} 0`,
		`aggregator_topic_items{topic="security",window="7d"} 0`,
	}
	t.Run("ConfiguredTopicsEveryWindow", func(t *testing.T) {
		if !slices.Equal(got, want) {
			t.Errorf("got\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
		}
	})
	t.Run("WindowsCountBackFromTheScrape", func(t *testing.T) {
		wantSince := []time.Time{scrapeTime.Add(-24 * time.Hour), scrapeTime.Add(-7 * 24 * time.Hour), scrapeTime.Add(-30 * 24 * time.Hour)}
		if !slices.EqualFunc(asked, wantSince, time.Time.Equal) {
			t.Errorf("counted since %v, want %v", asked, wantSince)
		}
	})
	t.Run("ConfigChangeShowsAtNextScrape", func(t *testing.T) {
		mu.Lock()
		topics = []string{"cpec"}
		mu.Unlock()
		if got := scrape(t, m, "aggregator_topic_items{"); len(got) != 3 {
			t.Errorf("after dropping security: %q, want cpec's three windows", got)
		}
	})
	t.Run("RegisteredTwiceIsAnError", func(t *testing.T) {
		err := m.RegisterTopics(TopicOptions{Topics: func() []string { return nil },
			Count: func(context.Context, []time.Time) (map[string][]int, error) { return nil, nil }})
		if err == nil {
			t.Error("a second registration succeeded")
		}
	})
}

func TestTopicItemsFailingCountKeepsTheRestOfMetrics(t *testing.T) {
	m := New()
	m.ObserveItems("dawn", 1, 0, 0)
	err := m.RegisterTopics(TopicOptions{
		Topics: func() []string { return []string{"cpec"} },
		Count: func(ctx context.Context, _ []time.Time) (map[string][]int, error) {
			<-ctx.Done() // a store that hangs: the timeout must end the wait
			return nil, ctx.Err()
		},
		Timeout: 20 * time.Millisecond,
	})
	if err != nil {
		t.Fatal(err)
	}
	for i := 1; i <= 2; i++ {
		got := scrape(t, m, "aggregator_")
		want := []string{
			`aggregator_items_total{kind="duplicate",source="dawn"} 0`,
			`aggregator_items_total{kind="new",source="dawn"} 1`,
			`aggregator_items_total{kind="updated",source="dawn"} 0`,
			fmt.Sprintf("aggregator_topic_count_failures_total %d", i),
		}
		if !slices.Equal(got, want) {
			t.Errorf("scrape %d: got\n%s\nwant (no topic gauges, the rest intact)\n%s", i, strings.Join(got, "\n"), strings.Join(want, "\n"))
		}
	}
}

func TestRegisterTopicsNeedsFuncs(t *testing.T) {
	err := New().RegisterTopics(TopicOptions{Count: func(context.Context, []time.Time) (map[string][]int, error) {
		return nil, errors.New("unused")
	}})
	if err == nil {
		t.Error("registered without Topics")
	}
}
