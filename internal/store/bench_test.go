package store

import (
	"aggregator/internal/pgtest"
	"context"
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"sync"
	"testing"
	"time"

	"aggregator/internal/model"
)

var benchTopics = []string{"cpec", "security", "economy", "cricket", "politics", "climate", "energy", "trade"}

// benchWords is the vocabulary of benchmark articles: named words that
// queries look for, and a long tail of filler words.
var benchWords = func() []string {
	named := []string{"Gwadar", "port", "corridor", "security", "forces", "attack", "minister", "talks",
		"economy", "budget", "inflation", "cricket", "match", "energy", "power", "project", "Beijing",
		"Islamabad", "Delhi", "trade", "climate", "flood", "election", "court"}
	for i := range 5000 {
		named = append(named, fmt.Sprintf("w%d", i))
	}
	return named
}()

// benchItem is a plausible article: ~1.5 KB of text drawn from a Zipf
// vocabulary (each named word in roughly one article in seven), 1-2
// topics, 8 fingerprint buckets, sometimes a wire URL shared by sources.
func benchItem(r *rand.Rand, z *rand.Zipf, src string, n int) model.Item {
	word := func() string {
		if r.IntN(50) == 0 {
			return benchWords[r.IntN(24)]
		}
		return benchWords[24+int(z.Uint64())]
	}
	text := make([]byte, 0, 1600)
	for len(text) < 1500 {
		text = append(text, word()...)
		text = append(text, ' ')
	}
	it := item(src, fmt.Sprintf("%s-%d", src, n), withText(string(text)),
		withTitle(fmt.Sprintf("%s %s %s %d", word(), word(), word(), n)))
	if r.IntN(5) == 0 {
		it.URL = fmt.Sprintf("https://wire.example/%d", n/3)
	}
	it.Topics = nil
	for range 1 + r.IntN(2) {
		t := benchTopics[r.IntN(len(benchTopics))]
		if len(it.Topics) > 0 && it.Topics[0].Topic == t {
			continue // a tagger never gives a topic twice
		}
		it.Topics = append(it.Topics, model.TopicMatch{Topic: t, Terms: []string{t}, Hits: []model.Hit{{Term: t, Field: "title"}}})
	}
	for range 8 {
		it.Fingerprint.Buckets = append(it.Fingerprint.Buckets, r.Int64N(1<<40))
	}
	it.Fingerprint.Sig = make([]byte, 128)
	for i := range it.Fingerprint.Sig {
		it.Fingerprint.Sig[i] = byte(r.IntN(256))
	}
	return it
}

func benchFetch(r *rand.Rand, src string, from, n int, now time.Time) Fetch {
	f := Fetch{State: model.SourceState{SourceID: src, Status: model.StatusOK, LastFetch: now},
		Window: 72 * time.Hour, Match: func(*model.Item, []model.Candidate) int64 { return 0 }, Now: now}
	z := rand.NewZipf(r, 1.1, 1, uint64(len(benchWords)-25))
	for i := range n {
		it := benchItem(r, z, src, from+i)
		it.Published = now.Add(-time.Duration(r.IntN(3600)) * time.Second)
		f.Items = append(f.Items, it)
	}
	return f
}

// BenchmarkSaveFetch stores a 50-item fetch of new items into a store
// that grows as the benchmark runs.
func BenchmarkSaveFetch(b *testing.B) {
	s := openTest(b)
	ctx := context.Background()
	r := rand.New(rand.NewPCG(1, 2))
	now := t0
	for i := 0; b.Loop(); i++ {
		b.StopTimer()
		now = now.Add(time.Minute)
		f := benchFetch(r, fmt.Sprintf("src%d", i%20), i*50, 50, now)
		b.StartTimer()
		if _, err := s.SaveFetch(ctx, f); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkSaveFetchInto100k stores 50-item fetches of new items into the
// 100k-item store (which they grow).
func BenchmarkSaveFetchInto100k(b *testing.B) {
	s := bigStore(b)
	ctx := context.Background()
	r := rand.New(rand.NewPCG(uint64(time.Now().UnixNano()), 5))
	base := r.IntN(1 << 30)
	now := t0
	for i := 0; b.Loop(); i++ {
		b.StopTimer()
		now = now.Add(time.Minute)
		f := benchFetch(r, fmt.Sprintf("src%d", i%20), base+i*50, 50, now)
		b.StartTimer()
		if _, err := s.SaveFetch(ctx, f); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkSaveFetchUnchanged re-stores a 50-item fetch nothing changed in.
func BenchmarkSaveFetchUnchanged(b *testing.B) {
	s := openTest(b)
	ctx := context.Background()
	f := benchFetch(rand.New(rand.NewPCG(1, 2)), "dawn", 0, 50, t0)
	if _, err := s.SaveFetch(ctx, f); err != nil {
		b.Fatal(err)
	}
	for b.Loop() {
		if _, err := s.SaveFetch(ctx, f); err != nil {
			b.Fatal(err)
		}
	}
}

const bigItems = 100_000

var big struct {
	once sync.Once
	path string
	err  error
}

// bigStore opens (building once per process) a store of 100k items from
// 20 sources over ~80 days. With STORE_BENCH_DB set, the store is kept in
// that file and reused by later runs.
func bigStore(b *testing.B) *DB {
	b.Helper()
	ctx := context.Background()
	big.once.Do(func() {
		path := os.Getenv("STORE_BENCH_DB")
		if path != "" {
			if _, err := os.Stat(path); err == nil {
				return
			}
		} else {
			dir, err := os.MkdirTemp("", "store-bench-")
			if err != nil {
				big.err = err
				return
			}
			big.path = filepath.Join(dir, "big.db") // removed by TestMain
			path = big.path
		}
		start := time.Now()
		defer func() { b.Logf("built %d-item store in %v", bigItems, time.Since(start)) }()
		s, err := OpenSQLite(ctx, path, Options{})
		if err != nil {
			big.err = err
			return
		}
		defer s.Close()
		if err := s.SyncSources(ctx, benchSources()); err != nil {
			big.err = err
			return
		}
		r := rand.New(rand.NewPCG(3, 4))
		now := t0.Add(-80 * 24 * time.Hour)
		for i := 0; i < bigItems/50; i++ {
			now = now.Add(time.Hour)
			if _, err := s.SaveFetch(ctx, benchFetch(r, fmt.Sprintf("src%d", i%20), i*50, 50, now)); err != nil {
				big.err = err
				return
			}
		}
	})
	if big.err != nil {
		b.Fatal(big.err)
	}
	path := big.path
	if env := os.Getenv("STORE_BENCH_DB"); env != "" {
		path = env
	}
	s, err := OpenSQLite(ctx, path, Options{})
	if err != nil {
		b.Fatal(err)
	}
	b.Cleanup(func() { s.Close() })
	return s
}

func benchSources() []model.Source {
	regions := []string{"pakistan", "china", "india"}
	langs := []string{"en", "ur", "zh", "hi"}
	var out []model.Source
	for i := range 20 {
		out = append(out, model.Source{ID: fmt.Sprintf("src%d", i), Title: fmt.Sprintf("Source %d", i),
			Region: regions[i%3], Language: langs[i%4], Enabled: true})
	}
	return out
}

// BenchmarkStories runs published-feed queries against 100k items.
func BenchmarkStories(b *testing.B) {
	s := bigStore(b)
	ctx := context.Background()
	for _, tc := range []struct {
		name string
		q    StoryQuery
	}{
		{"OneTopic", StoryQuery{Topics: []string{"cpec"}}},
		{"AnyOfThree", StoryQuery{Topics: []string{"cpec", "security", "energy"}}},
		{"AllOfTwo", StoryQuery{Topics: []string{"cpec", "security"}, MatchAll: true}},
		{"ExcludeAndRegion", StoryQuery{Topics: []string{"economy"}, ExcludeTopics: []string{"cricket"}, Regions: []string{"china"}}},
		{"RareLanguage", StoryQuery{Topics: []string{"trade"}, Languages: []string{"hi"}, Regions: []string{"pakistan"}}},
		{"Everything", StoryQuery{}},
	} {
		b.Run(tc.name, func(b *testing.B) {
			for b.Loop() {
				faces, err := s.Stories(ctx, tc.q)
				if err != nil || len(faces) == 0 {
					b.Fatalf("%d faces, %v", len(faces), err)
				}
			}
		})
	}
}

// BenchmarkItems pages /api/items-style queries against 100k items.
func BenchmarkItems(b *testing.B) {
	s := bigStore(b)
	ctx := context.Background()
	for _, tc := range []struct {
		name string
		q    ItemQuery
	}{
		{"Newest", ItemQuery{}},
		{"Topic", ItemQuery{Topic: "climate"}},
		{"Source", ItemQuery{Source: "src7"}},
		{"Text", ItemQuery{Text: "Gwadar flood"}},
	} {
		b.Run(tc.name, func(b *testing.B) {
			for b.Loop() {
				if items, _, err := s.Items(ctx, tc.q); err != nil || len(items) == 0 {
					b.Fatalf("%d items, %v", len(items), err)
				}
			}
		})
	}
}

func TestMain(m *testing.M) {
	code := pgtest.Main(m)
	if big.path != "" {
		os.RemoveAll(filepath.Dir(big.path))
	}
	os.Exit(code)
}
