package dedup

import (
	"bufio"
	"encoding/json"
	"fmt"
	"os"
	"testing"

	"aggregator/internal/model"
)

// labelledPair is one record of testdata/pairs.jsonl.
type labelledPair struct {
	A    pairSide `json:"a"`
	B    pairSide `json:"b"`
	Same bool     `json:"same"`
	Kind string   `json:"kind"`
}

type pairSide struct {
	ID     string `json:"id"`
	Source string `json:"source"`
	Title  string `json:"title"`
	Text   string `json:"text"`
}

func (s pairSide) item() *model.Item {
	it := &model.Item{SourceID: s.Source, Title: s.Title, ContentText: s.Text}
	it.Fingerprint = Fingerprint(it)
	return it
}

func loadPairs(t testing.TB) []labelledPair {
	t.Helper()
	f, err := os.Open("testdata/pairs.jsonl")
	if err != nil {
		t.Fatalf("open pairs: %v", err)
	}
	defer f.Close()
	var out []labelledPair
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<20), 1<<20)
	for sc.Scan() {
		var p labelledPair
		if err := json.Unmarshal(sc.Bytes(), &p); err != nil {
			t.Fatalf("pairs.jsonl line %d: %v", len(out)+1, err)
		}
		out = append(out, p)
	}
	if err := sc.Err(); err != nil {
		t.Fatalf("read pairs: %v", err)
	}
	return out
}

// shareBucket reports whether two fingerprints meet in the store's index.
func shareBucket(a, b model.Fingerprint) bool {
	set := make(map[int64]bool, len(a.Buckets))
	for _, k := range a.Buckets {
		set[k] = true
	}
	for _, k := range b.Buckets {
		if set[k] {
			return true
		}
	}
	return false
}

// detect runs a pair through both stages as the store would: b is the new
// item, a the stored candidate of story 1.
func detect(a, b *model.Item) (candidate, matched bool) {
	candidate = shareBucket(a.Fingerprint, b.Fingerprint)
	cand := model.Candidate{ItemID: 1, StoryID: 1, SourceID: a.SourceID, Sig: a.Fingerprint.Sig}
	return candidate, candidate && Match(b, []model.Candidate{cand}).StoryID == 1
}

func describe(p labelledPair, a, b *model.Item, candidate bool) string {
	sa, _ := decode(a.Fingerprint.Sig)
	sb, _ := decode(b.Fingerprint.Sig)
	e := compare(&sa, &sb)
	return fmt.Sprintf("%s same=%v %s[%s] ~ %s[%s]: bucket=%v score=%.2f J=%.2f lead=%.2f(%d) contained=%.2f(%d) names=%.2f numbers=%.2f leadNames=%.2f",
		p.Kind, p.Same, p.A.ID, p.A.Source, p.B.ID, p.B.Source, candidate, e.score(), e.jaccard, e.lead, e.leadShared,
		e.contained, e.containedShared, e.names, e.numbers, e.leadNames)
}

// TestLabelledPairs measures precision and recall of the whole pipeline
// (bucket overlap, then Match) over the labelled set.
func TestLabelledPairs(t *testing.T) {
	pairs := loadPairs(t)
	if len(pairs) < 200 {
		t.Fatalf("labelled set has %d pairs, want at least 200", len(pairs))
	}
	var tp, fp, fn, tn, missedByBuckets int
	candidates := map[string][2]int{} // kind: sharing a bucket, total
	byKind := map[string][2]int{}     // kind: correct, total
	for _, p := range pairs {
		a, b := p.A.item(), p.B.item()
		candidate, got := detect(a, b)
		c := candidates[p.Kind]
		c[1]++
		if candidate {
			c[0]++
		}
		candidates[p.Kind] = c
		k := byKind[p.Kind]
		k[1]++
		switch {
		case got && p.Same:
			tp++
			k[0]++
		case got && !p.Same:
			fp++
			t.Logf("FALSE MERGE  %s", describe(p, a, b, candidate))
		case !got && p.Same:
			fn++
			if !candidate {
				missedByBuckets++
			}
			t.Logf("MISSED       %s", describe(p, a, b, candidate))
		default:
			tn++
			k[0]++
		}
		byKind[p.Kind] = k
	}
	precision := float64(tp) / float64(max(1, tp+fp))
	recall := float64(tp) / float64(max(1, tp+fn))
	for kind, k := range byKind {
		t.Logf("kind %-22s %3d/%3d correct, %3d share a bucket", kind, k[0], k[1], candidates[kind][0])
	}
	t.Logf("pairs=%d tp=%d fp=%d fn=%d (of which no shared bucket: %d) tn=%d precision=%.3f recall=%.3f",
		len(pairs), tp, fp, fn, missedByBuckets, tn, precision, recall)
	if precision < 0.98 {
		t.Errorf("precision %.3f, want >= 0.98", precision)
	}
	if recall < 0.90 {
		t.Errorf("recall %.3f, want >= 0.90", recall)
	}
}

// TestHopelessNeverHidesAMatch holds the shortcut of Match to compare:
// over every labelled pair and every pair of the first 300 real
// headlines, a pair hopeless calls hopeless is never one compare would
// join, from either side, as items of two sources or of one.
func TestHopelessNeverHidesAMatch(t *testing.T) {
	var items []*model.Item
	for _, p := range loadPairs(t) {
		items = append(items, p.A.item(), p.B.item())
	}
	for i, r := range loadUCI(t) {
		if i == 300 {
			break
		}
		it := &model.Item{Title: r.title, SourceID: r.publisher}
		it.Fingerprint = Fingerprint(it)
		items = append(items, it)
	}
	sigs := make([]signature, len(items))
	for i, it := range items {
		sigs[i], _ = decode(it.Fingerprint.Sig)
	}
	skipped := 0
	for i := range sigs {
		for j := range sigs {
			for _, sameSource := range []bool{false, true} {
				if i == j || !hopeless(&sigs[i], &sigs[j], sameSource) {
					continue
				}
				skipped++
				if compare(&sigs[i], &sigs[j]).same(sameSource) {
					t.Fatalf("hopeless hides a match (same source %v): %q ~ %q", sameSource, items[i].Title, items[j].Title)
				}
			}
		}
	}
	if skipped == 0 {
		t.Error("hopeless never applied")
	}
}

// TestSameMinsCountsEqualValues holds the four-lane count to the plain
// one, over the labelled pairs' signatures and edge values.
func TestSameMinsCountsEqualValues(t *testing.T) {
	var sigs []signature
	for _, p := range loadPairs(t) {
		for _, it := range []*model.Item{p.A.item(), p.B.item()} {
			s, _ := decode(it.Fingerprint.Sig)
			sigs = append(sigs, s)
		}
	}
	edge := sigs[0]
	for i := range edge.mins {
		edge.mins[i] = []uint16{0, 0xffff, 0x8000, 0x7fff, 1}[i%5]
	}
	b, _ := decode(edge.encode())
	sigs = append(sigs, b)
	for i := range sigs {
		for j := range sigs {
			want := 0
			for k := range sigs[i].mins {
				if sigs[i].mins[k] == sigs[j].mins[k] {
					want++
				}
			}
			if got := sameMins(&sigs[i], &sigs[j]); got != want {
				t.Fatalf("sameMins = %d, want %d", got, want)
			}
		}
	}
}
