package store

import (
	"context"
	"slices"
	"testing"
	"time"

	"aggregator/internal/model"
)

// TestTopicViaRoundTrips: how a topic came to an item (its rules, or its
// classifier alone) is stored with the item, on save and on retag.
func TestTopicViaRoundTrips(t *testing.T) {
	s := openTest(t)
	ctx := context.Background()
	t0 := time.Date(2026, 3, 1, 12, 0, 0, 0, time.UTC)
	it := item("dawn", "A")
	it.Topics = []model.TopicMatch{
		{Topic: "diplomacy", Via: model.ViaClassifier},
		{Topic: "security", Terms: []string{"attack"}, Hits: []model.Hit{{Term: "attack", Field: "title", Offset: 0}}},
	}
	save(t, s, t0, "dawn", it)
	got := get(t, s, "dawn", "A")
	if !slices.EqualFunc(got.Topics, it.Topics, sameMatch) {
		t.Fatalf("stored topics %+v, want %+v", got.Topics, it.Topics)
	}
	now := []model.TopicMatch{{Topic: "diplomacy", Terms: []string{"envoy"}}, {Topic: "security", Via: model.ViaClassifier}}
	if err := s.SetTopics(ctx, map[int64][]model.TopicMatch{got.ID: now}); err != nil {
		t.Fatal(err)
	}
	if got := get(t, s, "dawn", "A"); !slices.EqualFunc(got.Topics, now, sameMatch) {
		t.Errorf("after retag %+v, want %+v", got.Topics, now)
	}
}

func sameMatch(a, b model.TopicMatch) bool {
	return a.Topic == b.Topic && a.Via == b.Via && slices.Equal(a.Terms, b.Terms)
}
