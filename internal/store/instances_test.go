package store

import (
	"context"
	"fmt"
	"slices"
	"sync"
	"testing"
	"time"
)

// openPair opens one store twice: two processes sharing it.
func openPair(t *testing.T) (a, b *DB) {
	t.Helper()
	loc := testLocation(t)
	opts := Options{Clock: func() time.Time { return t0 }}
	return openAt(t, loc, opts), openAt(t, loc, opts)
}

func planAll(t *testing.T, s Instances, due time.Time, ids ...string) {
	t.Helper()
	var plans []FetchPlan
	for _, id := range ids {
		plans = append(plans, FetchPlan{SourceID: id, Due: due, Latest: due})
	}
	if err := s.PlanFetches(context.Background(), plans); err != nil {
		t.Fatal(err)
	}
}

func claim(t *testing.T, s Instances, owner string, now time.Time, limit int) []string {
	t.Helper()
	got, err := s.ClaimFetches(context.Background(), FetchClaim{Owner: owner, Now: now, Until: now.Add(10 * time.Second), Limit: limit})
	if err != nil {
		t.Fatal(err)
	}
	var ids []string
	for _, c := range got {
		ids = append(ids, c.SourceID)
	}
	slices.Sort(ids)
	return ids
}

func sourceIDs(n int) []string {
	var ids []string
	for i := range n {
		ids = append(ids, fmt.Sprintf("s%03d", i))
	}
	return ids
}

func TestConcurrentClaimsNeverOverlap(t *testing.T) {
	onEngines(t, func(t *testing.T) {
		a, b := openPair(t)
		ids := sourceIDs(60)
		planAll(t, a, t0, ids...)
		var mu sync.Mutex
		claimedBy := map[string]string{}
		var wg sync.WaitGroup
		for i, s := range []*DB{a, b, a, b} {
			owner := fmt.Sprintf("instance-%d", i)
			wg.Go(func() {
				for {
					got, err := s.ClaimFetches(context.Background(), FetchClaim{Owner: owner, Now: t0, Until: t0.Add(time.Minute), Limit: 3})
					if err != nil {
						t.Error(err)
						return
					}
					if len(got) == 0 {
						return
					}
					mu.Lock()
					for _, c := range got {
						if prev, ok := claimedBy[c.SourceID]; ok {
							t.Errorf("%s claimed by %s and %s", c.SourceID, prev, owner)
						}
						claimedBy[c.SourceID] = owner
					}
					mu.Unlock()
				}
			})
		}
		wg.Wait()
		if len(claimedBy) != len(ids) {
			t.Errorf("%d of %d due sources claimed", len(claimedBy), len(ids))
		}
	})
}

func TestFetchLeaseLifecycle(t *testing.T) {
	onEngines(t, func(t *testing.T) {
		ctx := context.Background()
		a, b := openPair(t)
		planAll(t, a, t0, "x", "y", "z")

		if got := claim(t, a, "A", t0.Add(-time.Second), 10); len(got) != 0 {
			t.Errorf("claimed %v before they were due", got)
		}
		if got, want := claim(t, a, "A", t0, 2), []string{"x", "y"}; !slices.Equal(got, want) {
			t.Errorf("A claimed %v, want %v (earliest due first, within the limit)", got, want)
		}
		if got, want := claim(t, b, "B", t0.Add(time.Second), 10), []string{"z"}; !slices.Equal(got, want) {
			t.Fatalf("B claimed %v while A's leases hold, want %v", got, want)
		}
		// A renews at t0+8s (until t0+18s); B's lease of z lapses at t0+11s.
		if got := claim(t, a, "A", t0.Add(8*time.Second), 0); len(got) != 0 {
			t.Errorf("a renewal claimed %v", got)
		}
		if got, want := claim(t, a, "A", t0.Add(12*time.Second), 10), []string{"z"}; !slices.Equal(got, want) {
			t.Errorf("after B's lease lapsed A claimed %v, want %v (renewed leases are not reclaimed)", got, want)
		}
		// B, back from a stall, finishes z: the lease is A's now, so nothing changes.
		if err := b.FinishFetch(ctx, FinishedFetch{SourceID: "z", Owner: "B", Next: t0.Add(time.Hour), Fetched: true}); err != nil {
			t.Fatal(err)
		}
		for _, id := range []string{"x", "y", "z"} {
			if err := a.FinishFetch(ctx, FinishedFetch{SourceID: id, Owner: "A", Next: t0.Add(time.Minute), Fetched: true}); err != nil {
				t.Fatal(err)
			}
		}
		dues, err := b.FetchDues(ctx)
		if err != nil {
			t.Fatal(err)
		}
		for _, id := range []string{"x", "y", "z"} {
			if got, want := dues[id], t0.Add(time.Minute); !got.Equal(want) {
				t.Errorf("%s due %v, want %v", id, got, want)
			}
		}
		if got := count(t, a, `SELECT COUNT(*) FROM fetch_leases WHERE fetched_by = 'A' AND owner = ''`); got != 3 {
			t.Errorf("%d sources finished by A with the lease free, want 3", got)
		}
		if got := claim(t, b, "B", t0.Add(59*time.Second), 10); len(got) != 0 {
			t.Errorf("B claimed %v within the period", got)
		}
		if got := claim(t, b, "B", t0.Add(time.Minute), 10); len(got) != 3 {
			t.Errorf("B claimed %v once the period was over, want all 3", got)
		}
	})
}

func TestPlanFetchesKeepsDueTimesWithinTheLatest(t *testing.T) {
	onEngines(t, func(t *testing.T) {
		ctx := context.Background()
		s := openTest(t)
		planAll(t, s, t0.Add(time.Hour), "a", "b", "c")
		err := s.PlanFetches(ctx, []FetchPlan{
			{"a", t0.Add(time.Minute), t0.Add(30 * time.Minute)}, // more frequent now: brought forward
			{"b", t0, t0.Add(2 * time.Hour)},                     // due within its latest: kept
			{"d", t0, t0.Add(time.Hour)},                         // new
		})
		if err != nil {
			t.Fatal(err)
		}
		dues, err := s.FetchDues(ctx)
		if err != nil {
			t.Fatal(err)
		}
		want := map[string]time.Time{"a": t0.Add(time.Minute), "b": t0.Add(time.Hour), "d": t0}
		if len(dues) != len(want) {
			t.Errorf("planned %v, want %v (c dropped)", dues, want)
		}
		for id, w := range want {
			if !dues[id].Equal(w) {
				t.Errorf("%s due %v, want %v", id, dues[id], w)
			}
		}
	})
}

func TestDeliveryClaims(t *testing.T) {
	onEngines(t, func(t *testing.T) {
		ctx := context.Background()
		a, b := openPair(t)
		d := func(owner string, version int64, digest string, now time.Duration) DeliveryClaim {
			return DeliveryClaim{Topic: "http://x/feeds/a.rss", Callback: "http://sub/cb", Version: version, Digest: digest,
				Owner: owner, Now: t0.Add(now), Until: t0.Add(now + time.Minute)}
		}
		steps := []struct {
			name  string
			s     *DB
			claim DeliveryClaim
			want  bool
			done  bool // finish the claim after it
		}{
			{"FirstClaimWins", a, d("A", 5, "d5", 0), true, false},
			{"SameBodyElsewhereRefused", b, d("B", 5, "d5", time.Second), false, false},
			{"NewerBodyWaitsWhileAnotherDelivers", b, d("B", 6, "d6", time.Second), false, false},
			{"OwnerRetryAllowed", a, d("A", 5, "d5", 2*time.Second), true, true},
			{"SameBodyDoneRefused", b, d("B", 5, "d5", 3*time.Second), false, false},
			{"NewerBodyAfterDone", b, d("B", 6, "d6", 3*time.Second), true, false},
			{"OlderVersionRefused", a, d("A", 5, "d5-late", 4*time.Second), false, false},
			{"LapsedClaimTakenOver", a, d("A", 6, "d6", 2*time.Minute), true, true},
			{"OwnBodyDoneRefused", a, d("A", 6, "d6", 3*time.Minute), false, false},
		}
		for _, st := range steps {
			got, err := st.s.ClaimDelivery(ctx, st.claim)
			if err != nil {
				t.Fatal(err)
			}
			if got != st.want {
				t.Errorf("%s: claimed %v, want %v", st.name, got, st.want)
			}
			if st.done {
				if err := st.s.FinishDelivery(ctx, st.claim); err != nil {
					t.Fatal(err)
				}
			}
		}
		// A subscription removed takes its claim along: subscribed again,
		// it is sent the current version.
		if err := a.DeleteSubscription(ctx, "http://x/feeds/a.rss", "http://sub/cb"); err != nil {
			t.Fatal(err)
		}
		if ok, err := b.ClaimDelivery(ctx, d("B", 6, "d6", 4*time.Minute)); err != nil || !ok {
			t.Errorf("after the subscription was removed the claim is refused (%v, %v)", ok, err)
		}
	})
}

func TestWatchChangesSeesOtherProcess(t *testing.T) {
	onEngines(t, func(t *testing.T) {
		a, b := openPair(t)
		ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
		defer cancel()
		changes := b.WatchChanges(ctx, 10*time.Millisecond)
		res := save(t, a, t0, "dawn", item("dawn", "1"))
		for v := range changes {
			if v >= res.Version {
				return
			}
		}
		t.Fatalf("no change seen after a write of version %d in another process", res.Version)
	})
}

// PostgreSQL announces a new change version at commit (LISTEN/NOTIFY):
// another instance sees it at once, long before its next poll.
func TestPostgresAnnouncesChanges(t *testing.T) {
	onEngines(t, func(t *testing.T) {
		if !onPostgres(t) {
			t.Skip("SQLite has no announcements: WatchChanges polls it")
		}
		a, b := openPair(t)
		ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
		defer cancel()
		changes := b.WatchChanges(ctx, time.Hour)
		// LISTEN starts in the background: a write before it is not
		// announced, so write until one is (each write is a new version).
		for i := range 10 {
			res := save(t, a, t0, "dawn", item("dawn", fmt.Sprint(i)))
			select {
			case v := <-changes:
				if v < res.Version {
					t.Errorf("announced version %d after a write of %d", v, res.Version)
				}
				return
			case <-time.After(time.Second):
			}
		}
		t.Fatal("no write by another instance was announced within a second")
	})
}
