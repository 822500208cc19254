package store

import (
	"context"
	"slices"
	"testing"
	"time"
)

func TestTopicDaily(t *testing.T) { onEngines(t, testTopicDaily) }

func testTopicDaily(t *testing.T) {
	s := openTest(t)
	ctx := context.Background()
	now := time.Date(2026, 3, 1, 12, 0, 0, 0, time.UTC)
	day := 24 * time.Hour
	save(t, s, now, "dawn",
		item("dawn", "today-early", withTopics("cpec"), withPublished(now.Truncate(day))),
		item("dawn", "today-late", withTopics("cpec", "security"), withPublished(now.Add(-time.Minute))),
		item("dawn", "yesterday-last-ms", withTopics("cpec"), withPublished(now.Truncate(day).Add(-time.Millisecond))),
		item("dawn", "two-days-ago", withTopics("security"), withPublished(now.Add(-2*day))),
		item("dawn", "out-of-window", withTopics("cpec"), withPublished(now.Add(-3*day))),
		item("dawn", "untagged", withPublished(now.Add(-time.Hour))),
		item("dawn", "old-topic", withTopics("floods"), withPublished(now.Add(-40*day))),
	)

	got, err := s.TopicDaily(ctx, 3, now)
	if err != nil {
		t.Fatal(err)
	}
	want := map[string][]int{"cpec": {0, 1, 2}, "security": {1, 0, 1}}
	if len(got) != len(want) {
		t.Errorf("topics = %v, want %v", got, want)
	}
	for topic, w := range want {
		if !slices.Equal(got[topic], w) {
			t.Errorf("%s = %v, want %v (oldest day first)", topic, got[topic], w)
		}
	}

	t.Run("RejectsBadWindow", func(t *testing.T) {
		for _, days := range []int{0, -1, maxDailyDays + 1} {
			if _, err := s.TopicDaily(ctx, days, now); err == nil {
				t.Errorf("days = %d: no error", days)
			}
		}
	})
	t.Run("EmptyStoreGivesNoTopics", func(t *testing.T) {
		got, err := openTest(t).TopicDaily(ctx, 30, now)
		if err != nil || len(got) != 0 {
			t.Errorf("got %v, %v", got, err)
		}
	})
}
