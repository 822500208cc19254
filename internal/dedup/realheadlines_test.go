package dedup

import (
	"cmp"
	"encoding/csv"
	"fmt"
	"io"
	"os"
	"slices"
	"strings"
	"testing"
	"time"

	"aggregator/internal/model"
)

// uciRow is one headline of testdata/uci-news-sample.csv, a slice of the
// UCI "News Aggregator" dataset (see testdata/README): real headlines of
// real outlets, grouped into stories by Google News.
type uciRow struct {
	id, title, url, publisher, story string
}

func loadUCI(t testing.TB) []uciRow {
	t.Helper()
	f, err := os.Open("testdata/uci-news-sample.csv")
	if err != nil {
		t.Fatalf("open sample: %v", err)
	}
	defer f.Close()
	r := csv.NewReader(f)
	head, err := r.Read()
	if err != nil {
		t.Fatalf("read header: %v", err)
	}
	col := map[string]int{}
	for i, h := range head {
		col[h] = i
	}
	var out []uciRow
	for {
		rec, err := r.Read()
		if err == io.EOF {
			break
		}
		if err != nil {
			t.Fatalf("sample line %d: %v", len(out)+2, err)
		}
		out = append(out, uciRow{
			id: rec[col["ID"]], title: rec[col["TITLE"]], url: rec[col["URL"]],
			publisher: rec[col["PUBLISHER"]], story: rec[col["STORY"]],
		})
	}
	return out
}

// Candidate lookup limits, as the store's (internal/store sqlite_fetch.go).
const (
	simPerBucket     = 50
	simMaxCandidates = 200
)

// storySim files items into stories the way the store does: an item with
// the URL of a stored item joins its story; otherwise the items sharing a
// fingerprint bucket (each bucket's most recent simPerBucket, those
// sharing most buckets first, at most simMaxCandidates) plus the faces of
// their stories go to Match; otherwise the item founds a story.
type storySim struct {
	items   []*model.Item
	story   []int64
	byURL   map[string]int
	buckets map[int64][]int
	next    int64
}

func newStorySim() *storySim {
	return &storySim{byURL: map[string]int{}, buckets: map[int64][]int{}}
}

func (s *storySim) candidate(i int) model.Candidate {
	it := s.items[i]
	return model.Candidate{ItemID: it.ID, StoryID: s.story[i], SourceID: it.SourceID,
		FirstSeen: it.FirstSeen, Sig: it.Fingerprint.Sig}
}

func (s *storySim) add(it *model.Item) int64 {
	idx := len(s.items)
	s.items = append(s.items, it)
	s.story = append(s.story, 0)
	id := int64(0)
	if j, ok := s.byURL[it.URL]; ok && it.URL != "" {
		id = s.story[j]
	} else if cands := s.candidates(it); len(cands) > 0 {
		id = Match(it, cands).StoryID
	}
	if id == 0 {
		s.next++
		id = s.next
	}
	s.story[idx] = id
	if _, ok := s.byURL[it.URL]; !ok {
		s.byURL[it.URL] = idx
	}
	for _, b := range slices.Compact(slices.Sorted(slices.Values(it.Fingerprint.Buckets))) {
		s.buckets[b] = append(s.buckets[b], idx)
	}
	return id
}

func (s *storySim) candidates(it *model.Item) []model.Candidate {
	shared := map[int]int{}
	for _, b := range slices.Compact(slices.Sorted(slices.Values(it.Fingerprint.LookupKeys()))) {
		list := s.buckets[b]
		for _, j := range list[max(0, len(list)-simPerBucket):] {
			shared[j]++
		}
	}
	idx := make([]int, 0, len(shared))
	for j := range shared {
		idx = append(idx, j)
	}
	// Most shared buckets first, then most recent (a higher index).
	slices.SortFunc(idx, func(a, b int) int {
		if c := cmp.Compare(shared[b], shared[a]); c != 0 {
			return c
		}
		return cmp.Compare(b, a)
	})
	if len(idx) > simMaxCandidates {
		idx = idx[:simMaxCandidates]
	}
	var out []model.Candidate
	have := map[int]bool{}
	for _, j := range idx {
		out = append(out, s.candidate(j))
		have[j] = true
	}
	// The faces (earliest members) of the candidates' stories.
	seen := map[int64]bool{}
	for _, j := range idx {
		st := s.story[j]
		if seen[st] {
			continue
		}
		seen[st] = true
		face := slices.Index(s.story, st)
		if !have[face] {
			out = append(out, s.candidate(face))
		}
	}
	return out
}

// pairCounts compares a clustering with the gold one over all pairs.
type pairCounts struct{ tp, fp, fn int }

func (c pairCounts) precision() float64 { return float64(c.tp) / float64(max(1, c.tp+c.fp)) }
func (c pairCounts) recall() float64    { return float64(c.tp) / float64(max(1, c.tp+c.fn)) }
func (c pairCounts) f1() float64 {
	p, r := c.precision(), c.recall()
	if p+r == 0 {
		return 0
	}
	return 2 * p * r / (p + r)
}

func countPairs(got []int64, gold []string) pairCounts {
	var c pairCounts
	for i := range got {
		for j := i + 1; j < len(got); j++ {
			same, want := got[i] == got[j], gold[i] == gold[j]
			switch {
			case same && want:
				c.tp++
			case same:
				c.fp++
			case want:
				c.fn++
			}
		}
	}
	return c
}

// clusterUCI runs every headline of the sample through Fingerprint and the
// store's story filing, in file order, as headline-only items (title, URL,
// source = publisher), and returns each row's story.
func clusterUCI(rows []uciRow) (items []*model.Item, got []int64) {
	base := time.Date(2014, 3, 10, 8, 0, 0, 0, time.UTC)
	sim := newStorySim()
	for i, r := range rows {
		it := &model.Item{ID: int64(i + 1), SourceID: r.publisher, URL: r.url, Title: r.title,
			FirstSeen: base.Add(time.Duration(i) * time.Second)}
		it.Fingerprint = Fingerprint(it)
		items = append(items, it)
		got = append(got, sim.add(it))
	}
	return items, got
}

// TestRealHeadlineClusters measures story clustering on real headlines:
// pairwise precision and recall against the Google News story ids of the
// UCI sample. Google News groups all coverage of an event, broader than
// "the same report", so recall is modest for headlines alone; precision is
// what matters, since merging two events hides one of them.
func TestRealHeadlineClusters(t *testing.T) {
	rows := loadUCI(t)
	if len(rows) < 900 {
		t.Fatalf("sample has %d rows, want at least 900", len(rows))
	}
	gold := make([]string, len(rows))
	for i, r := range rows {
		gold[i] = r.story
	}
	items, got := clusterUCI(rows)
	c := countPairs(got, gold)

	members := map[int64][]int{}
	for i, s := range got {
		members[s] = append(members[s], i)
	}
	largest := 0
	for _, m := range members {
		largest = max(largest, len(m))
	}
	goldStories := map[string]bool{}
	for _, g := range gold {
		goldStories[g] = true
	}
	t.Logf("rows=%d gold stories=%d clusters=%d (singletons %d) largest=%d",
		len(rows), len(goldStories), len(members), countSingletons(members), largest)
	t.Logf("pairs: tp=%d fp=%d fn=%d precision=%.3f recall=%.3f F1=%.3f",
		c.tp, c.fp, c.fn, c.precision(), c.recall(), c.f1())
	t.Logf("false pairs between identical headlines (the gold splits one story): %d", identicalFalsePairs(rows, items, got))
	logFalseMerges(t, rows, got, members)
	logMissedPairs(t, rows, items, got)

	// Measured 0.983 (926 pairs, 16 false), against 0.956 (1150 pairs, 51
	// false) before headlines lost their wire furniture and a lead match
	// needed three shared words besides figures. Most of the 16 are the
	// gold's own: identical headlines under two story ids, Google News
	// having split one event (see the identical-headline count above), and
	// rows whose STORY is the page's, not the headline's (#490 Sbarro and
	// #491 eBay filed under a stock-market story, #691 oil under Chiquita).
	const floor = 0.98
	if c.precision() < floor {
		t.Errorf("precision %.3f, want >= %.2f", c.precision(), floor)
	}
	// Recall is not the point here, but a collapse would mean headline-only
	// items no longer meet at all.
	if c.recall() < 0.015 {
		t.Errorf("recall %.3f: headline-only items no longer cluster", c.recall())
	}
}

// identicalFalsePairs counts the false pairs whose headlines are the same
// words: no headline matcher can tell them apart, the gold is wrong.
func identicalFalsePairs(rows []uciRow, items []*model.Item, got []int64) int {
	words := make([]string, len(items))
	for i, it := range items {
		var w []string
		for _, tk := range analyse(it.Title, "", "") {
			w = append(w, tk.text)
		}
		words[i] = strings.Join(w, " ")
	}
	n := 0
	for i := range rows {
		for j := i + 1; j < len(rows); j++ {
			if got[i] == got[j] && rows[i].story != rows[j].story && words[i] == words[j] {
				n++
			}
		}
	}
	return n
}

func countSingletons(members map[int64][]int) int {
	n := 0
	for _, m := range members {
		if len(m) == 1 {
			n++
		}
	}
	return n
}

// logFalseMerges shows the clusters that mix gold stories, worst (most
// false pairs) first, with the headlines outside the cluster's main story.
func logFalseMerges(t *testing.T, rows []uciRow, got []int64, members map[int64][]int) {
	type mixed struct {
		story int64
		fp    int
	}
	var bad []mixed
	for s, m := range members {
		fp := 0
		for a := range m {
			for b := a + 1; b < len(m); b++ {
				if rows[m[a]].story != rows[m[b]].story {
					fp++
				}
			}
		}
		if fp > 0 {
			bad = append(bad, mixed{s, fp})
		}
	}
	slices.SortFunc(bad, func(a, b mixed) int { return cmp.Or(cmp.Compare(b.fp, a.fp), cmp.Compare(a.story, b.story)) })
	for _, b := range bad[:min(len(bad), 5)] {
		m := members[b.story]
		var lines []string
		for _, i := range m[:min(len(m), 8)] {
			lines = append(lines, fmt.Sprintf("    #%s [%s] %s  (gold %.6s)", rows[i].id, rows[i].publisher, rows[i].title, rows[i].story))
		}
		t.Logf("FALSE MERGE cluster of %d, %d false pairs:\n%s", len(m), b.fp, strings.Join(lines, "\n"))
	}
}

// logMissedPairs shows the same-story pairs left apart that came nearest
// to matching.
func logMissedPairs(t *testing.T, rows []uciRow, items []*model.Item, got []int64) {
	type miss struct {
		a, b  int
		score float64
	}
	var ms []miss
	for i := range rows {
		for j := i + 1; j < len(rows); j++ {
			if rows[i].story == rows[j].story && got[i] != got[j] {
				ms = append(ms, miss{i, j, Similarity(items[i].Fingerprint.Sig, items[j].Fingerprint.Sig)})
			}
		}
	}
	slices.SortFunc(ms, func(x, y miss) int { return cmp.Or(cmp.Compare(y.score, x.score), cmp.Compare(x.a, y.a)) })
	for _, m := range ms[:min(len(ms), 8)] {
		t.Logf("MISSED %.2f  #%s [%s] %q ~ #%s [%s] %q", m.score,
			rows[m.a].id, rows[m.a].publisher, rows[m.a].title, rows[m.b].id, rows[m.b].publisher, rows[m.b].title)
	}
}
