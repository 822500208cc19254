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
