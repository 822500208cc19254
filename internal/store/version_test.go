package store

import (
	"context"
	"testing"
	"time"

	"aggregator/internal/model"
)

// TestChangeVersionCountsContentWrites runs, in order, each kind of write
// and checks the change marker as another connection to the same file (as
// another process would) sees it after each.
func TestChangeVersionCountsContentWrites(t *testing.T) {
	onEngines(t, testChangeVersionCountsContentWrites)
}

func testChangeVersionCountsContentWrites(t *testing.T) {
	ctx := context.Background()
	path := testLocation(t)
	s, err := openDB(ctx, path, Options{Clock: func() time.Time { return t0 }})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	other, err := openDB(ctx, path, Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer other.Close()

	fetch := func(src string, items ...model.Item) (SaveResult, error) {
		return s.SaveFetch(ctx, Fetch{
			State: model.SourceState{SourceID: src, Status: model.StatusOK, LastFetch: t0, LastSuccess: t0},
			Items: items, Window: 72 * time.Hour, Match: sameSig, Now: t0,
		})
	}
	a := item("dawn", "a", withTopics("security"), withPrint("sig-a", 1, 2))
	steps := []struct {
		name    string
		write   func() (result int64, err error) // the version the write reports, -1 when it reports none
		wantErr bool
		want    int64 // ChangeVersion after the write
	}{
		{"new item", func() (int64, error) { r, err := fetch("dawn", a); return r.Version, err }, false, 1},
		{"unchanged item", func() (int64, error) { r, err := fetch("dawn", a); return r.Version, err }, false, 1},
		{"corrected item", func() (int64, error) {
			r, err := fetch("dawn", item("dawn", "a", withTopics("security"), withPrint("sig-a", 1, 2), withHash("h2")))
			return r.Version, err
		}, false, 2},
		{"item joining a story", func() (int64, error) {
			r, err := fetch("xinhua", item("xinhua", "x", withPrint("sig-a", 1, 2)))
			if err == nil && r.Joined != 1 {
				t.Errorf("xinhua's copy did not join the story: %+v", r)
			}
			return r.Version, err
		}, false, 3},
		{"failed fetch rolls back", func() (int64, error) {
			r, err := fetch("tribune", item("tribune", "t"), item("tribune", ""))
			return r.Version, err
		}, true, 3},
		{"source state only", func() (int64, error) {
			return -1, s.SaveSourceState(ctx, model.SourceState{SourceID: "dawn", Status: model.StatusError, LastError: "timeout", LastFetch: t0})
		}, false, 3},
		{"retag", func() (int64, error) {
			return -1, s.SetTopics(ctx, map[int64][]model.TopicMatch{get(t, s, "dawn", "a").ID: nil})
		}, false, 4},
		{"retag of items no longer stored", func() (int64, error) {
			return -1, s.SetTopics(ctx, map[int64][]model.TopicMatch{987654: nil})
		}, false, 4},
		{"prune removing nothing", func() (int64, error) { _, err := s.Prune(ctx, t0); return -1, err }, false, 4},
		{"prune removing items", func() (int64, error) {
			n, err := s.Prune(ctx, t0.Add(time.Hour))
			if err == nil && n != 2 {
				t.Errorf("pruned %d items, want 2", n)
			}
			return -1, err
		}, false, 5},
	}
	for _, st := range steps {
		before, err := other.ChangeVersion(ctx)
		if err != nil {
			t.Fatalf("%s: %v", st.name, err)
		}
		reported, err := st.write()
		if (err != nil) != st.wantErr {
			t.Fatalf("%s: error %v, want error %v", st.name, err, st.wantErr)
		}
		got, err := other.ChangeVersion(ctx)
		if err != nil {
			t.Fatalf("%s: %v", st.name, err)
		}
		if got != st.want {
			t.Errorf("%s: change version %d, want %d", st.name, got, st.want)
		}
		switch {
		case reported == -1:
		case got > before && reported != got:
			t.Errorf("%s: SaveResult.Version = %d, want the new version %d", st.name, reported, got)
		case got == before && reported != 0:
			t.Errorf("%s: SaveResult.Version = %d for a fetch that changed nothing, want 0", st.name, reported)
		}
	}
}

// TestChangeVersionSurvivesReopen checks the marker is stored, not kept in
// memory: a reopened store goes on from where it was.
func TestChangeVersionSurvivesReopen(t *testing.T) { onEngines(t, testChangeVersionSurvivesReopen) }

func testChangeVersionSurvivesReopen(t *testing.T) {
	ctx := context.Background()
	path := testLocation(t)
	s, err := openDB(ctx, path, Options{Clock: func() time.Time { return t0 }})
	if err != nil {
		t.Fatal(err)
	}
	save(t, s, t0, "dawn", item("dawn", "a"))
	save(t, s, t0, "dawn", item("dawn", "b"))
	s.Close()
	s, err = openDB(ctx, path, Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	if v, err := s.ChangeVersion(ctx); err != nil || v != 2 {
		t.Fatalf("ChangeVersion after reopen = %d, %v; want 2", v, err)
	}
	if r := save(t, s, t0, "dawn", item("dawn", "c")); r.Version != 3 {
		t.Errorf("next fetch's version = %d, want 3", r.Version)
	}
}
