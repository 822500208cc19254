package store

import (
	"context"
	"fmt"
	"sync"
	"testing"
	"time"

	"aggregator/internal/model"
)

func TestConcurrentReadersWhileWriting(t *testing.T) { onEngines(t, testConcurrentReadersWhileWriting) }

func testConcurrentReadersWhileWriting(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	s := openTest(t)
	const fetches = 6
	var wg sync.WaitGroup
	errs := make(chan error, 2*fetches+8)
	for r := range 4 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for ctx.Err() == nil {
				var err error
				switch r {
				case 0:
					_, _, err = s.Items(ctx, ItemQuery{Limit: 20})
				case 1:
					_, err = s.Stories(ctx, StoryQuery{Topics: []string{"cpec", "security"}})
				case 2:
					_, _, err = s.Items(ctx, ItemQuery{Text: "summary"})
				default:
					_, err = s.Sources(ctx)
				}
				if err != nil && ctx.Err() == nil {
					errs <- fmt.Errorf("reader %d: %w", r, err)
					return
				}
			}
		}()
	}
	for f := range fetches {
		now := t0.Add(time.Duration(f) * time.Minute)
		for _, src := range []string{"dawn", "geo"} {
			var items []model.Item
			for i := range 10 {
				items = append(items, item(src, fmt.Sprintf("%d-%d", f, i), withTopics("cpec"),
					withURL(fmt.Sprintf("https://w.example/%d/%d", f, i)), withPrint(fmt.Sprintf("S%d-%d", f, i), int64(i))))
			}
			wg.Add(1)
			go func() { // a concurrent writer: waits for the single writer connection
				defer wg.Done()
				if _, err := s.Prune(ctx, t0.Add(-time.Hour)); err != nil && ctx.Err() == nil {
					errs <- err
				}
			}()
			save(t, s, now, src, items...)
		}
	}
	cancel()
	wg.Wait()
	close(errs)
	for err := range errs {
		t.Error(err)
	}
	if got := count(t, s, `SELECT COUNT(*) FROM items`); got != fetches*20 {
		t.Errorf("%d items, want %d", got, fetches*20)
	}
	if got := count(t, s, `SELECT COUNT(*) FROM stories`); got != fetches*10 {
		t.Errorf("%d stories, want %d (geo's copies join dawn's by URL)", got, fetches*10)
	}
}

// TestTwoProcessesJoinOneStory: two handles on one store (two pools, as
// two processes or instances would have) store copies of the same
// stories at the same moment, each copy from its own source with its own
// URL, found only by their fingerprints. Every pair must end in one
// story, and neither handle may miss the other's items: on SQLite the
// single writer orders them, on PostgreSQL the advisory write lock.
func TestTwoProcessesJoinOneStory(t *testing.T) { onEngines(t, testTwoProcessesJoinOneStory) }

func testTwoProcessesJoinOneStory(t *testing.T) {
	ctx := context.Background()
	loc := testLocation(t)
	handles := []*DB{openAt(t, loc, Options{}), openAt(t, loc, Options{})}
	const stories = 25
	for k := range stories {
		now := t0.Add(time.Duration(k) * time.Second)
		start := make(chan struct{})
		errs := make(chan error, len(handles))
		var wg sync.WaitGroup
		for h, s := range handles {
			src := fmt.Sprintf("outlet%d", h)
			it := item(src, fmt.Sprintf("k%d", k), withURL(fmt.Sprintf("https://%s.example/%d", src, k)),
				withPrint(fmt.Sprintf("story-%d", k), int64(1000+k)), withTopics("cpec"))
			wg.Add(1)
			go func() {
				defer wg.Done()
				<-start
				_, err := s.SaveFetch(ctx, Fetch{State: model.SourceState{SourceID: src, Status: model.StatusOK},
					Items: []model.Item{it}, Window: 72 * time.Hour, Match: sameSig, Now: now})
				errs <- err
			}()
		}
		close(start)
		wg.Wait()
		close(errs)
		for err := range errs {
			if err != nil {
				t.Fatalf("story %d: %v", k, err)
			}
		}
	}
	for _, s := range handles {
		if got := count(t, s, `SELECT COUNT(*) FROM items`); got != 2*stories {
			t.Errorf("%d items, want %d", got, 2*stories)
		}
		if got := count(t, s, `SELECT COUNT(*) FROM stories`); got != stories {
			t.Errorf("%d stories, want %d: copies of one story stored at once by two handles were not joined", got, stories)
		}
	}
	for k := range stories {
		a, b := get(t, handles[0], "outlet0", fmt.Sprintf("k%d", k)), get(t, handles[1], "outlet1", fmt.Sprintf("k%d", k))
		if a.Story.ID != b.Story.ID {
			t.Errorf("story %d: copies in stories %d and %d", k, a.Story.ID, b.Story.ID)
		}
	}
}
