package store

import (
	"context"
	"fmt"
	"strings"
	"testing"
	"time"

	"aggregator/internal/model"
)

func TestSaveFetch(t *testing.T) { onEngines(t, testSaveFetch) }

func testSaveFetch(t *testing.T) {
	ctx := context.Background()
	t.Run("InsertThenUnchanged", func(t *testing.T) {
		s := openTest(t)
		res := save(t, s, t0, "dawn", item("dawn", "a", withTopics("cpec")), item("dawn", "b"))
		if res.New != 2 || res.Updated != 0 || res.Unchanged != 0 || res.Joined != 0 {
			t.Errorf("first fetch = %+v, want 2 new", res)
		}
		if !res.Changed["cpec"] {
			t.Errorf("Changed = %v, want cpec", res.Changed)
		}
		res = save(t, s, t0.Add(time.Hour), "dawn", item("dawn", "a", withTopics("cpec")), item("dawn", "b"))
		if res.New != 0 || res.Updated != 0 || res.Unchanged != 2 {
			t.Errorf("second fetch = %+v, want 2 unchanged", res)
		}
		if len(res.Changed) != 0 {
			t.Errorf("Changed = %v after an unchanged fetch, want none", res.Changed)
		}
		st, err := s.SourceState(ctx, "dawn")
		if err != nil {
			t.Fatal(err)
		}
		if st.Status != model.StatusOK || st.Items != 2 || !st.LastFetch.Equal(t0.Add(time.Hour)) {
			t.Errorf("state = %+v, want ok, 2 items, last fetch t0+1h", st)
		}
	})
	t.Run("CorrectionUpdatesInPlace", func(t *testing.T) {
		s := openTest(t)
		save(t, s, t0, "dawn", item("dawn", "a", withTopics("cpec")))
		before := get(t, s, "dawn", "a")
		res := save(t, s, t0.Add(2*time.Hour), "dawn",
			item("dawn", "a", withHash("h2"), withTitle("Corrected title"), withTopics("security")))
		if res.Updated != 1 || res.New != 0 {
			t.Errorf("correction = %+v, want 1 updated", res)
		}
		if !res.Changed["cpec"] || !res.Changed["security"] {
			t.Errorf("Changed = %v, want the old and the new topic", res.Changed)
		}
		after := get(t, s, "dawn", "a")
		if after.ID != before.ID || !after.FirstSeen.Equal(before.FirstSeen) ||
			after.Story.ID != before.Story.ID || after.Story.Key != before.Story.Key {
			t.Errorf("after correction id/first_seen/story = %d/%v/%d/%s, want %d/%v/%d/%s",
				after.ID, after.FirstSeen, after.Story.ID, after.Story.Key,
				before.ID, before.FirstSeen, before.Story.ID, before.Story.Key)
		}
		if after.Title != "Corrected title" || len(after.Topics) != 1 || after.Topics[0].Topic != "security" {
			t.Errorf("after correction title %q topics %+v", after.Title, after.Topics)
		}
		items, _, err := s.Items(ctx, ItemQuery{Text: "corrected"})
		if err != nil || len(items) != 1 {
			t.Errorf("search for the corrected title: %d items, %v; want 1", len(items), err)
		}
		if got := count(t, s, `SELECT COUNT(*) FROM items`); got != 1 {
			t.Errorf("%d items, want 1", got)
		}
	})
	t.Run("UniqueSourceKeyEnforcedByDatabase", func(t *testing.T) {
		s := openTest(t)
		save(t, s, t0, "dawn", item("dawn", "a"))
		_, err := s.write.ExecContext(ctx, `INSERT INTO items (id, source_id, key, published, first_seen, hash)
			VALUES (99, 'dawn', 'a', 0, 0, 'x')`)
		if err == nil || !strings.Contains(strings.ToUpper(err.Error()), "UNIQUE") {
			t.Errorf("duplicate insert: %v, want UNIQUE constraint error", err)
		}
	})
	t.Run("SameKeyInOneFetchCountsOnce", func(t *testing.T) {
		s := openTest(t)
		res := save(t, s, t0, "dawn", item("dawn", "a"), item("dawn", "a"))
		if res.New != 1 || res.Unchanged != 1 {
			t.Errorf("= %+v, want 1 new 1 unchanged", res)
		}
	})
	t.Run("CrossSourceSameURLJoinsStory", func(t *testing.T) {
		s := openTest(t)
		save(t, s, t0, "dawn", item("dawn", "a", withURL("https://wire.example/story")))
		res := save(t, s, t0.Add(time.Minute), "tribune", item("tribune", "x", withURL("https://wire.example/story")))
		if res.New != 1 || res.Joined != 1 {
			t.Errorf("= %+v, want 1 new joined", res)
		}
		a, x := get(t, s, "dawn", "a"), get(t, s, "tribune", "x")
		if a.Story.ID != x.Story.ID {
			t.Fatalf("stories %d and %d, want one", a.Story.ID, x.Story.ID)
		}
		if len(x.Story.Members) != 2 || x.Story.Members[0].ItemID != a.ID || x.Story.Members[1].Source != "tribune" {
			t.Errorf("members = %+v, want dawn's first then tribune's", x.Story.Members)
		}
	})
	t.Run("NearDuplicateJoinsViaMatch", func(t *testing.T) {
		s := openTest(t)
		save(t, s, t0, "dawn", item("dawn", "a", withPrint("S1", 1, 2)))
		var got []model.Candidate
		res, err := s.SaveFetch(ctx, Fetch{
			State:  model.SourceState{SourceID: "tribune"},
			Items:  []model.Item{item("tribune", "x", withPrint("S1", 2, 3)), item("tribune", "y", withPrint("S9", 7))},
			Window: time.Hour, Now: t0.Add(time.Minute),
			Match: func(it *model.Item, c []model.Candidate) int64 {
				got = append(got, c...)
				return sameSig(it, c)
			},
		})
		if err != nil {
			t.Fatal(err)
		}
		if res.New != 2 || res.Joined != 1 {
			t.Errorf("= %+v, want 2 new, 1 joined", res)
		}
		a := get(t, s, "dawn", "a")
		if x := get(t, s, "tribune", "x"); x.Story.ID != a.Story.ID {
			t.Errorf("near-duplicate in story %d, want %d", x.Story.ID, a.Story.ID)
		}
		if y := get(t, s, "tribune", "y"); y.Story.ID == a.Story.ID {
			t.Error("unrelated item joined the story")
		}
		if len(got) != 1 || got[0].ItemID != a.ID || got[0].SourceID != "dawn" || string(got[0].Sig) != "S1" ||
			got[0].StoryID != a.Story.ID || !got[0].FirstSeen.Equal(t0) {
			t.Errorf("candidates = %+v, want dawn/a only", got)
		}
	})
	t.Run("CandidatesCappedMostRecentFirst", func(t *testing.T) {
		s := openTest(t)
		var items []model.Item
		for i := range maxCandidates + 5 { // 41 items in each of five buckets
			items = append(items, item("dawn", fmt.Sprint(i), withPrint(fmt.Sprint("S", i), int64(40+i%5))))
		}
		save(t, s, t0, "dawn", items[:5]...)
		save(t, s, t0.Add(time.Minute), "dawn", items[5:]...)
		var got []model.Candidate
		if _, err := s.SaveFetch(ctx, Fetch{State: model.SourceState{SourceID: "geo"}, Now: t0.Add(time.Hour),
			Window: 72 * time.Hour, Items: []model.Item{item("geo", "x", withPrint("new", 40, 41, 42, 43, 44))},
			Match: func(_ *model.Item, c []model.Candidate) int64 { got = c; return 0 }}); err != nil {
			t.Fatal(err)
		}
		if len(got) != maxCandidates {
			t.Fatalf("%d candidates, want %d", len(got), maxCandidates)
		}
		for _, c := range got {
			if !c.FirstSeen.Equal(t0.Add(time.Minute)) {
				t.Fatalf("candidate %d first seen %v: the older items should be cut", c.ItemID, c.FirstSeen)
			}
		}
	})
	t.Run("FullBucketGivesItsMostRecent", func(t *testing.T) {
		s := openTest(t)
		var items []model.Item
		for i := range perBucketCandidates + 10 {
			items = append(items, item("dawn", fmt.Sprint(i), withPrint(fmt.Sprint("S", i), 42)))
		}
		save(t, s, t0, "dawn", items[:10]...)
		save(t, s, t0.Add(time.Minute), "dawn", items[10:]...)
		var got []model.Candidate
		if _, err := s.SaveFetch(ctx, Fetch{State: model.SourceState{SourceID: "geo"}, Now: t0.Add(time.Hour),
			Window: 72 * time.Hour, Items: []model.Item{item("geo", "x", withPrint("new", 42))},
			Match: func(_ *model.Item, c []model.Candidate) int64 { got = c; return 0 }}); err != nil {
			t.Fatal(err)
		}
		if len(got) != perBucketCandidates {
			t.Fatalf("%d candidates from one bucket, want %d", len(got), perBucketCandidates)
		}
		for _, c := range got {
			if !c.FirstSeen.Equal(t0.Add(time.Minute)) {
				t.Fatalf("candidate %d first seen %v: the bucket's older items should be cut", c.ItemID, c.FirstSeen)
			}
		}
	})
	t.Run("MoreSharedBucketsFirst", func(t *testing.T) {
		s := openTest(t)
		save(t, s, t0, "dawn", item("dawn", "old", withPrint("A", 1, 2, 3)))
		save(t, s, t0.Add(time.Minute), "dawn", item("dawn", "new", withPrint("B", 1)))
		var got []model.Candidate
		if _, err := s.SaveFetch(ctx, Fetch{State: model.SourceState{SourceID: "geo"}, Now: t0.Add(time.Hour),
			Window: 72 * time.Hour, Items: []model.Item{item("geo", "x", withPrint("new", 1, 2, 3))},
			Match: func(_ *model.Item, c []model.Candidate) int64 { got = c; return 0 }}); err != nil {
			t.Fatal(err)
		}
		if len(got) != 2 || string(got[0].Sig) != "A" {
			t.Fatalf("candidates %+v: want the item sharing three buckets first", got)
		}
	})
	t.Run("StoryFaceOfferedWithoutSharedBucket", func(t *testing.T) {
		// A founds the story, B joins it through bucket 1; X shares only
		// bucket 2 with B, yet must be judged against A, the story's face,
		// even when A is older than the window.
		for _, tc := range []struct {
			name string
			b, x time.Duration // first seen of B and X after A
		}{
			{"FaceInWindow", time.Minute, 2 * time.Minute},
			{"FaceBeforeWindow", 71 * time.Hour, 73 * time.Hour},
		} {
			t.Run(tc.name, func(t *testing.T) {
				s := openTest(t)
				save(t, s, t0, "dawn", item("dawn", "a", withPrint("S1", 1)))
				save(t, s, t0.Add(tc.b), "tribune", item("tribune", "b", withPrint("S1", 1, 2)))
				a, b := get(t, s, "dawn", "a"), get(t, s, "tribune", "b")
				if a.Story.ID != b.Story.ID {
					t.Fatalf("setup: b in story %d, want %d", b.Story.ID, a.Story.ID)
				}
				var got []model.Candidate
				if _, err := s.SaveFetch(ctx, Fetch{State: model.SourceState{SourceID: "geo"}, Now: t0.Add(tc.x),
					Window: 72 * time.Hour, Items: []model.Item{item("geo", "x", withPrint("S2", 2))},
					Match: func(_ *model.Item, c []model.Candidate) int64 { got = c; return 0 }}); err != nil {
					t.Fatal(err)
				}
				if len(got) != 2 || got[0].ItemID != b.ID || got[1].ItemID != a.ID {
					t.Fatalf("candidates = %+v, want b (shared bucket) then a (its story's face)", got)
				}
				if f := got[1]; f.StoryID != a.Story.ID || f.SourceID != "dawn" ||
					!f.FirstSeen.Equal(t0) || string(f.Sig) != "S1" {
					t.Errorf("face candidate = %+v, want dawn/a's row", f)
				}
			})
		}
	})
	t.Run("StoryFaceNotRepeated", func(t *testing.T) {
		s := openTest(t)
		save(t, s, t0, "dawn", item("dawn", "a", withPrint("S1", 1)))
		save(t, s, t0.Add(time.Minute), "tribune", item("tribune", "b", withPrint("S1", 1, 2)))
		var got []model.Candidate
		if _, err := s.SaveFetch(ctx, Fetch{State: model.SourceState{SourceID: "geo"}, Now: t0.Add(time.Hour),
			Window: 72 * time.Hour, Items: []model.Item{item("geo", "x", withPrint("S2", 1, 2))},
			Match: func(_ *model.Item, c []model.Candidate) int64 { got = c; return 0 }}); err != nil {
			t.Fatal(err)
		}
		if len(got) != 2 {
			t.Errorf("candidates = %+v, want a and b once each", got)
		}
	})
	t.Run("StoryFaceOfferedWithinOneFetch", func(t *testing.T) {
		// The story is founded in the same fetch, before its face is recorded.
		s := openTest(t)
		var got []model.Candidate
		if _, err := s.SaveFetch(ctx, Fetch{State: model.SourceState{SourceID: "agg"}, Now: t0, Window: time.Hour,
			Items: []model.Item{
				item("agg", "a", withPrint("S1", 1)),
				item("agg", "b", withPrint("S1", 1, 2)),
				item("agg", "x", withPrint("S2", 2)),
			},
			Match: func(it *model.Item, c []model.Candidate) int64 {
				if it.Key == "x" {
					got = c
				}
				return sameSig(it, c)
			}}); err != nil {
			t.Fatal(err)
		}
		a, b := get(t, s, "agg", "a"), get(t, s, "agg", "b")
		if len(got) != 2 || got[0].ItemID != b.ID || got[1].ItemID != a.ID {
			t.Errorf("candidates = %+v, want b then a (its story's face)", got)
		}
	})
	t.Run("WindowRespected", func(t *testing.T) {
		s := openTest(t)
		save(t, s, t0, "dawn", item("dawn", "a", withPrint("S1", 1)))
		save(t, s, t0.Add(73*time.Hour), "tribune", item("tribune", "x", withPrint("S1", 1)))
		if a, x := get(t, s, "dawn", "a"), get(t, s, "tribune", "x"); a.Story.ID == x.Story.ID {
			t.Error("item joined a story first seen outside the window")
		}
	})
	t.Run("NoMatchFuncNoNearDuplicates", func(t *testing.T) {
		s := openTest(t)
		save(t, s, t0, "dawn", item("dawn", "a", withPrint("S1", 1)))
		if _, err := s.SaveFetch(ctx, Fetch{State: model.SourceState{SourceID: "tribune"}, Now: t0,
			Window: time.Hour, Items: []model.Item{item("tribune", "x", withPrint("S1", 1))}}); err != nil {
			t.Fatal(err)
		}
		if a, x := get(t, s, "dawn", "a"), get(t, s, "tribune", "x"); a.Story.ID == x.Story.ID {
			t.Error("joined by fingerprint without a Match")
		}
	})
	t.Run("ItemsOfOneFetchClusterTogether", func(t *testing.T) {
		s := openTest(t)
		res := save(t, s, t0, "agg",
			item("agg", "1", withURL("https://wire.example/u")),
			item("agg", "2", withURL("https://wire.example/u")),
			item("agg", "3", withPrint("S", 5)),
			item("agg", "4", withPrint("S", 5)))
		if res.New != 4 || res.Joined != 2 {
			t.Errorf("= %+v, want 4 new, 2 joined", res)
		}
		if get(t, s, "agg", "1").Story.ID != get(t, s, "agg", "2").Story.ID {
			t.Error("same URL in one fetch: two stories")
		}
		if get(t, s, "agg", "3").Story.ID != get(t, s, "agg", "4").Story.ID {
			t.Error("near duplicates in one fetch: two stories")
		}
		if got := count(t, s, `SELECT COUNT(*) FROM stories`); got != 2 {
			t.Errorf("%d stories, want 2", got)
		}
	})
	t.Run("StoryKeyNeverChanges", func(t *testing.T) {
		s := openTest(t)
		save(t, s, t0, "dawn", item("dawn", "a", withURL("https://w.example/1")))
		key := get(t, s, "dawn", "a").Story.Key
		if key != storyKey("dawn", "a") {
			t.Errorf("key = %q, want derived from the founding item", key)
		}
		save(t, s, t0.Add(time.Minute), "tribune", item("tribune", "x", withURL("https://w.example/1")))
		save(t, s, t0.Add(2*time.Minute), "dawn", item("dawn", "a", withURL("https://w.example/1"), withHash("h2")))
		if _, err := s.Prune(ctx, t0.Add(time.Second)); err != nil {
			t.Fatal(err)
		}
		x := get(t, s, "tribune", "x")
		if x.Story.Key != key {
			t.Errorf("after join, correction and pruning the founder: key %q, want %q", x.Story.Key, key)
		}
		// The founder comes back: it rejoins its story under the same key.
		save(t, s, t0.Add(3*time.Minute), "dawn", item("dawn", "a", withURL("https://w.example/other")))
		if a := get(t, s, "dawn", "a"); a.Story.Key != key || a.Story.ID != x.Story.ID {
			t.Errorf("returning founder in story %d/%q, want %d/%q", a.Story.ID, a.Story.Key, x.Story.ID, key)
		}
	})
	t.Run("FutureOrMissingPublishedBecomesFirstSeen", func(t *testing.T) {
		s := openTest(t)
		save(t, s, t0, "dawn", item("dawn", "a", withPublished(time.Time{})), item("dawn", "b", withPublished(t0.Add(time.Hour))))
		for _, k := range []string{"a", "b"} {
			if got := get(t, s, "dawn", k).Published; !got.Equal(t0) {
				t.Errorf("%s published = %v, want first seen %v", k, got, t0)
			}
		}
	})
	t.Run("UndatedCorrectionKeepsFirstSeenDate", func(t *testing.T) {
		s := openTest(t)
		save(t, s, t0, "dawn", item("dawn", "a", withPublished(time.Time{})))
		save(t, s, t0.Add(time.Hour), "dawn", item("dawn", "a", withPublished(time.Time{}), withHash("h2")))
		if got := get(t, s, "dawn", "a").Published; !got.Equal(t0) {
			t.Errorf("published = %v, want the first-seen time %v", got, t0)
		}
		save(t, s, t0.Add(2*time.Hour), "dawn", item("dawn", "a", withHash("h3")))
		if got, want := get(t, s, "dawn", "a").Published, t0.Add(-time.Hour); !got.Equal(want) {
			t.Errorf("published = %v, want the source's date %v once it gives one", got, want)
		}
	})
	t.Run("JoiningChangesTheStorysTopics", func(t *testing.T) {
		s := openTest(t)
		save(t, s, t0, "dawn", item("dawn", "a", withURL("https://w.example/1"), withTopics("cpec")))
		res := save(t, s, t0.Add(time.Minute), "tribune", item("tribune", "x", withURL("https://w.example/1")))
		if !res.Changed["cpec"] {
			t.Errorf("Changed = %v, want cpec: the story's face now names another source", res.Changed)
		}
	})
}

func TestSourceState(t *testing.T) { onEngines(t, testSourceState) }

func testSourceState(t *testing.T) {
	ctx := context.Background()
	s := openTest(t)
	st, err := s.SourceState(ctx, "nobody")
	if err != nil || st.Status != model.StatusNever || st.SourceID != "nobody" {
		t.Errorf("unknown source = %+v, %v; want status never", st, err)
	}
	if err := s.SyncSources(ctx, []model.Source{
		{ID: "dawn", Title: "Dawn", URL: "https://dawn.example/feed", Enabled: true},
		{ID: "off", Title: "Off", Enabled: false},
	}); err != nil {
		t.Fatal(err)
	}
	want := model.SourceState{SourceID: "dawn", ETag: `"e1"`, LastModified: "Mon, 02 Jan 2006 15:04:05 GMT",
		LastFetch: t0, NextFetch: t0.Add(15 * time.Minute), Status: model.StatusError, LastError: "boom",
		ConsecutiveFailures: 3, PermanentURL: "https://dawn.example/new", RetryAfter: t0.Add(time.Hour), Gone: true}
	if err := s.SaveSourceState(ctx, want); err != nil {
		t.Fatal(err)
	}
	want.ConsecutiveFailures = 4 // upsert
	if err := s.SaveSourceState(ctx, want); err != nil {
		t.Fatal(err)
	}
	got, err := s.SourceState(ctx, "dawn")
	if err != nil {
		t.Fatal(err)
	}
	if got.ETag != want.ETag || got.LastModified != want.LastModified || !got.LastFetch.Equal(want.LastFetch) ||
		!got.NextFetch.Equal(want.NextFetch) || !got.LastSuccess.IsZero() || got.Status != want.Status ||
		got.LastError != want.LastError || got.ConsecutiveFailures != 4 || got.PermanentURL != want.PermanentURL ||
		!got.RetryAfter.Equal(want.RetryAfter) || !got.Gone {
		t.Errorf("state = %+v, want %+v", got, want)
	}
	save(t, s, t0, "dawn", item("dawn", "a"), item("dawn", "b"))
	all, err := s.Sources(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if len(all) != 2 || all[0].SourceID != "dawn" || all[0].Items != 2 || all[0].Status != model.StatusOK ||
		all[1].SourceID != "off" || all[1].Status != model.StatusDisabled || all[1].Items != 0 {
		t.Errorf("sources = %+v", all)
	}
	if _, err := s.Prune(ctx, t0.Add(time.Second)); err != nil {
		t.Fatal(err)
	}
	if st, _ := s.SourceState(ctx, "dawn"); st.Items != 0 {
		t.Errorf("items after prune = %d, want 0", st.Items)
	}
}
