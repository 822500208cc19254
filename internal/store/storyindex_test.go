package store

import (
	"context"
	"slices"
	"testing"
	"time"

	"aggregator/internal/model"
)

// candidatesOf saves one item of src and returns the ids of the
// candidates the store offered its match.
func candidatesOf(t *testing.T, s *DB, now time.Time, it model.Item) []int64 {
	t.Helper()
	var got []int64
	if _, err := s.SaveFetch(context.Background(), Fetch{State: model.SourceState{SourceID: it.SourceID}, Now: now,
		Window: 72 * time.Hour, Items: []model.Item{it},
		Match: func(_ *model.Item, cands []model.Candidate) int64 {
			for _, c := range cands {
				got = append(got, c.ItemID)
			}
			return 0
		}}); err != nil {
		t.Fatalf("save %s: %v", it.Key, err)
	}
	slices.Sort(got)
	return got
}

func TestStoryIndex(t *testing.T) { onEngines(t, testStoryIndex) }

func testStoryIndex(t *testing.T) {
	t.Run("SeesWhatAnotherProcessStored", func(t *testing.T) {
		path := testLocation(t)
		open := func() *DB {
			s, err := openDB(context.Background(), path, Options{Clock: func() time.Time { return t0 }})
			if err != nil {
				t.Fatal(err)
			}
			t.Cleanup(func() { s.Close() })
			return s
		}
		one, two := open(), open()
		save(t, one, t0, "dawn", item("dawn", "a", withPrint("S", 1)))
		// two reads the store when it first chooses a story: a is there.
		save(t, two, t0.Add(time.Minute), "geo", item("geo", "b", withPrint("S", 1)))
		if a, b := get(t, one, "dawn", "a"), get(t, one, "geo", "b"); a.Story.ID != b.Story.ID {
			t.Fatalf("b (other process) in story %d, want a's %d", b.Story.ID, a.Story.ID)
		}
		// one's index was loaded before b was stored: it catches up.
		got := candidatesOf(t, one, t0.Add(2*time.Minute), item("tribune", "c", withPrint("X", 1)))
		if want := []int64{get(t, one, "dawn", "a").ID, get(t, one, "geo", "b").ID}; !slices.Equal(got, want) {
			t.Errorf("candidates = %v, want a and b %v", got, want)
		}
	})
	t.Run("PrunedItemsAreNoCandidates", func(t *testing.T) {
		s := openTest(t)
		save(t, s, t0, "dawn", item("dawn", "a", withPrint("A", 1)))
		save(t, s, t0.Add(2*time.Hour), "geo", item("geo", "b", withPrint("B", 1)))
		if got := candidatesOf(t, s, t0.Add(3*time.Hour), item("x", "warm", withPrint("W", 9))); len(got) != 0 {
			t.Fatalf("candidates of an unrelated item = %v", got)
		}
		if n, err := s.Prune(context.Background(), t0.Add(time.Hour)); err != nil || n != 1 {
			t.Fatalf("prune = %d, %v; want 1", n, err)
		}
		got := candidatesOf(t, s, t0.Add(4*time.Hour), item("tribune", "c", withPrint("C", 1)))
		if want := []int64{get(t, s, "geo", "b").ID}; !slices.Equal(got, want) {
			t.Errorf("candidates after prune = %v, want only b %v", got, want)
		}
	})
	t.Run("CorrectionRefilesTheItem", func(t *testing.T) {
		s := openTest(t)
		save(t, s, t0, "dawn", item("dawn", "a", withPrint("A", 1)))
		save(t, s, t0.Add(time.Minute), "dawn", item("dawn", "a", withPrint("A2", 2), withHash("h2")))
		a := get(t, s, "dawn", "a").ID
		if got := candidatesOf(t, s, t0.Add(2*time.Minute), item("geo", "old", withPrint("X", 1))); len(got) != 0 {
			t.Errorf("candidates by the corrected-away bucket = %v, want none", got)
		}
		if got := candidatesOf(t, s, t0.Add(3*time.Minute), item("geo", "new", withPrint("Y", 2))); !slices.Equal(got, []int64{a}) {
			t.Errorf("candidates by the correction's bucket = %v, want [%d]", got, a)
		}
	})
	t.Run("RolledBackItemsAreForgotten", func(t *testing.T) {
		s := openTest(t)
		save(t, s, t0, "dawn", item("dawn", "a", withPrint("A", 1)))
		_, err := s.SaveFetch(context.Background(), Fetch{State: model.SourceState{SourceID: "geo"}, Now: t0.Add(time.Minute),
			Window: 72 * time.Hour, Match: sameSig,
			Items: []model.Item{item("geo", "b", withPrint("B", 1)), item("geo", "", withPrint("C", 1))}})
		if err == nil {
			t.Fatal("a fetch with an empty key was stored")
		}
		got := candidatesOf(t, s, t0.Add(2*time.Minute), item("tribune", "c", withPrint("C", 1)))
		if want := []int64{get(t, s, "dawn", "a").ID}; !slices.Equal(got, want) {
			t.Errorf("candidates after a rolled-back fetch = %v, want only a %v", got, want)
		}
	})
	t.Run("ReadAgainOnceMostLeftTheWindow", func(t *testing.T) {
		s := openTest(t)
		for i := range 3000 {
			save(t, s, t0.Add(time.Duration(i)*time.Second), "dawn", item("dawn", string(rune('a'+i%26))+time.Duration(i).String(), withPrint("S", int64(i))))
		}
		held := len(s.index.entries)
		got := candidatesOf(t, s, t0.Add(80*time.Hour), item("geo", "late", withPrint("L", 2999)))
		if len(got) != 0 {
			t.Errorf("candidates older than the window = %v", got)
		}
		if len(s.index.entries) >= held {
			t.Errorf("index holds %d entries after the window moved past all %d", len(s.index.entries), held)
		}
	})
}

// TestStoryIndexAfterEverythingWasPruned: once every item is pruned, ids
// start again from one, and another process's new items must still be
// seen.
func TestStoryIndexAfterEverythingWasPruned(t *testing.T) {
	onEngines(t, testStoryIndexAfterEverythingWasPruned)
}

func testStoryIndexAfterEverythingWasPruned(t *testing.T) {
	path := testLocation(t)
	open := func() *DB {
		s, err := openDB(context.Background(), path, Options{Clock: func() time.Time { return t0 }})
		if err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { s.Close() })
		return s
	}
	one, two := open(), open()
	for i := range 3 {
		save(t, one, t0, "dawn", item("dawn", string(rune('a'+i)), withPrint("S", int64(10+i))))
	}
	if n, err := one.Prune(context.Background(), t0.Add(time.Minute)); err != nil || n != 3 {
		t.Fatalf("prune = %d, %v", n, err)
	}
	save(t, two, t0.Add(2*time.Minute), "geo", item("geo", "new", withPrint("N", 7)))
	got := candidatesOf(t, one, t0.Add(3*time.Minute), item("tribune", "c", withPrint("C", 7)))
	if want := []int64{get(t, one, "geo", "new").ID}; !slices.Equal(got, want) {
		t.Errorf("candidates = %v, want the other process's new item %v", got, want)
	}
}
