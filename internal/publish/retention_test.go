package publish

import (
	"context"
	"errors"
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"aggregator/internal/model"
	"aggregator/internal/store"
)

// yearSim is a simulated year of ingest: sources each fetched every
// fetchEvery days (staggered), each fetch bringing perFetch new items,
// pruned every pruneEvery days with the retention (serve prunes hourly).
// Pairs of sources carry the same story (by URL) on different days, so
// stories straddle the cutoff. It drives the store only through its
// interface.
type yearSim struct {
	sources, perFetch, fetchEvery, pruneEvery, days int
	retention                                       time.Duration
}

// TestRetentionOverAYear ingests a year with the default retention (90
// days): once pruning starts the database file stops growing, pruned items
// and the stories left without members are gone, and every published feed
// stays valid throughout. Sized for go test -race (modernc's SQLite is
// slow under the race detector); BenchmarkRetentionYear runs the
// full-size year.
func TestRetentionOverAYear(t *testing.T) {
	yearSim{sources: 12, perFetch: 3, fetchEvery: 14, pruneEvery: 7, days: 365, retention: 2160 * time.Hour}.run(t)
}

// BenchmarkRetentionYear is the year of the issue: 200 sources fetched
// every day, 3 new items each (219,000 items), pruned daily. Run it once:
// go test -run '^$' -bench RetentionYear -benchtime 1x -v ./internal/publish
func BenchmarkRetentionYear(b *testing.B) {
	for b.Loop() {
		yearSim{sources: 200, perFetch: 3, fetchEvery: 1, pruneEvery: 1, days: 365, retention: 2160 * time.Hour}.run(b)
	}
}

var vocabulary = strings.Fields(`government minister province security forces attack convoy corridor port
	trade tariff electricity budget court election protest flood monsoon cricket market exchange rupee
	talks border province district police officials report project investment power plant hospital
	school university farmers wheat prices inflation bank loan agreement delegation visit statement`)

func words(r *rand.Rand, n int) string {
	w := make([]string, n)
	for i := range w {
		w[i] = vocabulary[r.IntN(len(vocabulary))]
	}
	return strings.Join(w, " ")
}

func (sim yearSim) run(tb testing.TB) {
	ctx := context.Background()
	start := time.Date(2025, 1, 1, 6, 0, 0, 0, time.UTC)
	now := start
	path := filepath.Join(tb.TempDir(), "agg.db")
	st, err := store.OpenSQLite(ctx, path, store.Options{Clock: func() time.Time { return now }})
	if err != nil {
		tb.Fatal(err)
	}
	defer st.Close()
	var srcs []model.Source
	for s := range sim.sources {
		srcs = append(srcs, model.Source{ID: fmt.Sprintf("src-%03d", s), Title: fmt.Sprintf("Source %d", s),
			URL: fmt.Sprintf("https://src-%03d.example/feed", s), Enabled: true, Identity: model.IdentityGUID})
	}
	if err := st.SyncSources(ctx, srcs); err != nil {
		tb.Fatal(err)
	}
	topics := []model.Topic{{ID: "security", Title: "Security"}, {ID: "economy", Title: "Economy"}, {ID: "politics", Title: "Politics"}}
	feeds := []model.Feed{{ID: "security-economy", Title: "Security and economy", Topics: []string{"security", "economy"}, Match: model.MatchAny, Limit: 50}}
	pub := New(st, Options{BaseURL: "https://news.example.org", Version: "test", SpoolDir: tb.TempDir()}, Defs(topics, feeds))
	defer pub.Close()

	// What the store must hold: every stored item's first-seen time, and
	// each story (by URL) with its members' first-seen times.
	type stored struct {
		url       string
		firstSeen time.Time
	}
	var items []stored
	r := rand.New(rand.NewPCG(1, 2))
	var firstIDs []int64 // the items of the first week, pruned later
	var sizes []string
	var plateau, last int64
	var cutoff time.Time // of the last prune
	var pruneTime, slowestPrune time.Duration

	for day := range sim.days {
		now = start.Add(time.Duration(day) * 24 * time.Hour)
		for s, src := range srcs {
			if (day+s)%sim.fetchEvery != 0 {
				continue
			}
			var batch []model.Item
			for i := range sim.perFetch {
				key := fmt.Sprintf("%d-%d", day, i)
				url := fmt.Sprintf("https://%s.example/news/%s", src.ID, key)
				if i == 0 { // the pair's shared story of this fetch period
					url = fmt.Sprintf("https://wire.example/%d/%d", day/sim.fetchEvery, s/2)
				}
				title := words(r, 8)
				summary := words(r, 40)
				it := model.Item{SourceID: src.ID, Key: key, GUID: key, URL: url, RawURL: url,
					Title: title, Summary: "<p>" + summary + "</p>", SummaryText: summary,
					ContentText: words(r, 150), Published: now.Add(-time.Hour), Hash: key,
					Topics: []model.TopicMatch{{Topic: topics[r.IntN(len(topics))].ID, Terms: []string{"term"},
						Hits: []model.Hit{{Term: "term", Field: model.FieldTitle}}}}}
				it.Content = "<p>" + it.ContentText + "</p>"
				batch = append(batch, it)
				items = append(items, stored{url: url, firstSeen: now})
			}
			state := model.SourceState{SourceID: src.ID, Status: model.StatusOK, LastFetch: now, LastSuccess: now}
			if _, err := st.SaveFetch(ctx, store.Fetch{State: state, Items: batch, Now: now}); err != nil {
				tb.Fatalf("day %d, %s: %v", day, src.ID, err)
			}
		}
		if day == 7 {
			firstIDs = oldestIDs(tb, st, 20)
		}
		if day%sim.pruneEvery == 0 {
			cutoff = now.Add(-sim.retention)
			began := time.Now()
			if _, err := st.Prune(ctx, cutoff); err != nil {
				tb.Fatalf("day %d: prune: %v", day, err)
			}
			pruneTime += time.Since(began)
			slowestPrune = max(slowestPrune, time.Since(began))
			pub.Invalidate(nil)
		}

		if day%30 != 29 && day != sim.days-1 {
			continue
		}
		month := day/30 + 1
		// What is stored is exactly what is younger than the cutoff.
		alive, stories := 0, map[string]bool{}
		for _, it := range items {
			if !it.firstSeen.Before(cutoff) {
				alive++
				stories[it.url] = true
			}
		}
		totals, err := st.Totals(ctx)
		if err != nil {
			tb.Fatal(err)
		}
		if totals.Items != alive || totals.Stories != len(stories) {
			tb.Errorf("month %d: the store holds %d items in %d stories, want %d in %d (a story goes with its last member)",
				month, totals.Items, totals.Stories, alive, len(stories))
		}
		if cutoff.After(start.Add(8 * 24 * time.Hour)) {
			for _, id := range firstIDs {
				if _, err := st.Item(ctx, id); !errors.Is(err, store.ErrNotFound) {
					tb.Errorf("month %d: item %d of the first week: %v, want pruned", month, id, err)
				}
			}
		}
		// Every feed, in one format a month in turn (rendering is most of
		// this test's time under -race).
		format := Formats()[month%len(Formats())]
		for _, def := range pub.Defs() {
			rendered, err := pub.Get(ctx, def.ID, format)
			if err != nil {
				tb.Fatalf("month %d: %s.%s: %v", month, def.ID, format, err)
			}
			for _, p := range validators[format](rendered.Body) {
				tb.Errorf("month %d: %s.%s: %s", month, def.ID, format, p)
			}
		}
		size, err := st.DiskSize(ctx)
		if err != nil {
			tb.Fatal(err)
		}
		fi, err := os.Stat(path)
		if err != nil {
			tb.Fatal(err)
		}
		sizes = append(sizes, fmt.Sprintf("day %3d: %6d items, %6d stories, file %6.1f MiB, with WAL %6.1f MiB",
			day+1, totals.Items, totals.Stories, float64(fi.Size())/(1<<20), float64(size)/(1<<20)))
		// Pruning starts after the retention (day 90, month 3); a month
		// later the deletions of each day free as many pages as the
		// inserts take.
		if month == 5 {
			plateau = fi.Size()
		}
		last = fi.Size()
	}
	tb.Logf("database size by month (%d sources, %d items per fetch, every %d days, retention %s):\n%s\n"+
		"prunes (with the full-text index compaction): %s in all, the slowest %s",
		sim.sources, sim.perFetch, sim.fetchEvery, sim.retention, strings.Join(sizes, "\n"),
		pruneTime.Round(time.Millisecond), slowestPrune.Round(time.Millisecond))
	// Without compacting the full-text index after prunes this grows
	// 10% over the rest of the year here (4x for the index itself).
	if plateau > 0 && last > plateau+plateau/20 {
		tb.Errorf("the database file grew from %d bytes in month 5 to %d at the end of the year: retention does not bound it", plateau, last)
	}
}

// oldestIDs returns the ids of the n items first seen earliest.
func oldestIDs(tb testing.TB, st store.Store, n int) []int64 {
	var ids []int64
	errEnough := errors.New("enough")
	err := st.EachItem(context.Background(), func(it model.Item) error {
		ids = append(ids, it.ID)
		if len(ids) == n {
			return errEnough
		}
		return nil
	})
	if err != nil && !errors.Is(err, errEnough) {
		tb.Fatal(err)
	}
	return ids
}
