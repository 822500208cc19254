package store

import (
	"fmt"

	"aggregator/internal/model"
	"context"
	"testing"
	"time"
)

func TestPrune(t *testing.T) { onEngines(t, testPrune) }

func testPrune(t *testing.T) {
	ctx := context.Background()
	t.Run("FaceMovesToNextEarliestMember", func(t *testing.T) {
		s := openTest(t)
		u := withURL("https://wire.example/1")
		save(t, s, t0, "dawn", item("dawn", "a", u, withTopics("cpec"), withPrint("S", 1), withText("gwadar port")))
		save(t, s, t0.Add(time.Hour), "tribune", item("tribune", "x", u, withTopics("security"),
			withPublished(t0.Add(30*time.Minute))))
		save(t, s, t0.Add(2*time.Hour), "geo", item("geo", "g", u))
		a := get(t, s, "dawn", "a")
		n, err := s.Prune(ctx, t0.Add(time.Minute))
		if err != nil || n != 1 {
			t.Fatalf("prune = %d, %v; want 1", n, err)
		}
		x := get(t, s, "tribune", "x")
		if x.Story.ID != a.Story.ID || x.Story.Key != a.Story.Key {
			t.Errorf("story after prune %d/%s, want %d/%s", x.Story.ID, x.Story.Key, a.Story.ID, a.Story.Key)
		}
		if len(x.Story.Members) != 2 || x.Story.Members[0].Source != "tribune" {
			t.Errorf("members = %+v, want tribune then geo", x.Story.Members)
		}
		faces, err := s.Stories(ctx, StoryQuery{})
		if err != nil || len(faces) != 1 || faces[0].ID != x.ID || !faces[0].Published.Equal(t0.Add(30*time.Minute)) {
			t.Fatalf("faces = %+v, %v; want tribune's item", faces, err)
		}
		if got, _ := s.Stories(ctx, StoryQuery{Topics: []string{"cpec"}}); len(got) != 0 {
			t.Errorf("pruned member's topic still selects the story")
		}
		for _, q := range []string{
			`SELECT COUNT(*) FROM item_topics WHERE item_id = ?`,
			`SELECT COUNT(*) FROM items_fts WHERE rowid = ?`,
		} {
			if got := count(t, s, q, a.ID); got != 0 {
				t.Errorf("%s: %d rows left", q, got)
			}
		}
		if items, _, _ := s.Items(ctx, ItemQuery{Text: "gwadar"}); len(items) != 0 {
			t.Errorf("pruned item still found by search")
		}
	})
	t.Run("EmptyStoriesRemoved", func(t *testing.T) {
		s := openTest(t)
		save(t, s, t0, "dawn", item("dawn", "a", withTopics("cpec")), item("dawn", "b"))
		save(t, s, t0.Add(time.Hour), "dawn", item("dawn", "c"))
		n, err := s.Prune(ctx, t0.Add(time.Minute))
		if err != nil || n != 2 {
			t.Fatalf("prune = %d, %v; want 2", n, err)
		}
		if got := count(t, s, `SELECT COUNT(*) FROM stories`); got != 1 {
			t.Errorf("%d stories left, want 1", got)
		}
		if got := count(t, s, `SELECT COUNT(*) FROM story_topics`); got != 0 {
			t.Errorf("%d story topics left, want 0", got)
		}
	})
	t.Run("ManyBatches", func(t *testing.T) {
		s := openTest(t)
		s.batch = 5
		var items []model.Item
		for i := range s.batch*2 + 3 {
			items = append(items, item("dawn", fmt.Sprint(i)))
		}
		save(t, s, t0, "dawn", items...)
		n, err := s.Prune(ctx, t0.Add(time.Second))
		if err != nil || n != len(items) {
			t.Fatalf("prune = %d, %v; want %d", n, err, len(items))
		}
		if got := count(t, s, `SELECT COUNT(*) FROM stories`); got != 0 {
			t.Errorf("%d stories left", got)
		}
	})
}
