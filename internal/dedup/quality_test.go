package dedup

import (
	"bufio"
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"maps"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"unicode"

	"aggregator/internal/model"
)

// labelledPair is one record of testdata/pairs.jsonl.
type labelledPair struct {
	A    pairSide `json:"a"`
	B    pairSide `json:"b"`
	Same bool     `json:"same"`
	Kind string   `json:"kind"`
	Lang string   `json:"lang,omitempty"` // en, ur, zh; else told by the script
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
	return loadPairsFile(t, "testdata/pairs.jsonl")
}

func loadPairsFile(t testing.TB, path string) []labelledPair {
	t.Helper()
	f, err := os.Open(path)
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
			t.Fatalf("%s line %d: %v", path, len(out)+1, err)
		}
		out = append(out, p)
	}
	if err := sc.Err(); err != nil {
		t.Fatalf("read %s: %v", path, err)
	}
	return out
}

// shareBucket reports whether a new item (next) finds a stored one among
// its candidates in the store's index: a key it looks up under is one the
// stored item is filed under.
func shareBucket(stored, next model.Fingerprint) bool {
	set := make(map[int64]bool, len(stored.Buckets))
	for _, k := range stored.Buckets {
		set[k] = true
	}
	for _, k := range next.LookupKeys() {
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
// (bucket overlap, then Match) over the labelled set, the one the
// matcher was tuned on; each pair it gets wrong is logged.
func TestLabelledPairs(t *testing.T) {
	pairs := loadPairs(t)
	if len(pairs) < 200 {
		t.Fatalf("labelled set has %d pairs, want at least 200", len(pairs))
	}
	r := evaluatePairs(pairs, func(verdict string, p labelledPair, a, b *model.Item, candidate bool) {
		t.Logf("%-12s %s", verdict, describe(p, a, b, candidate))
	})
	r.log(t, "pairs.jsonl")
	r.require(t, 0.98, 0.95)
}

// independentPairs is the second labelled set, written from the
// labelling guideline alone (testdata/independent/README.md) by someone
// who has not seen the matcher; it is never used to tune it.
const independentPairs = "testdata/independent/pairs.jsonl"

// TestIndependentPairs measures the pipeline on the independent set
// beside the tuned one. It logs only totals, by kind, language and shape:
// the pairs it gets wrong are not listed, so that nobody tunes on them.
//
// Issue 16's targets are precision 0.98 and recall 0.95 on this set too;
// its first run, once the set landed, measured 0.914 and 0.906 (453
// pairs), short of both. Until the matcher reaches them (tuned on
// anything but this set), the test holds it to what was measured, so
// that it does not fall further, and logs the gap.
func TestIndependentPairs(t *testing.T) {
	if _, err := os.Stat(independentPairs); errors.Is(err, fs.ErrNotExist) {
		t.Skipf("%s is not there yet: the independent labelled set lands with branch issue-16-pairs", independentPairs)
	}
	pairs := loadPairsFile(t, independentPairs)
	if len(pairs) < 300 {
		t.Fatalf("independent set has %d pairs, want at least 300", len(pairs))
	}
	r := evaluatePairs(pairs, nil)
	r.log(t, independentPairs)
	t.Logf("issue 16's targets: precision >= 0.98 (%.3f), recall >= 0.95 (%.3f)", r.all.precision(), r.all.recall())
	r.require(t, 0.91, 0.90)
}

// pairTally counts the outcomes of labelled pairs.
type pairTally struct{ tp, fp, fn, tn, noBucket int }

func (c *pairTally) add(same, got, candidate bool) {
	switch {
	case got && same:
		c.tp++
	case got:
		c.fp++
	case same:
		c.fn++
		if !candidate {
			c.noBucket++
		}
	default:
		c.tn++
	}
}

func (c pairTally) precision() float64 { return float64(c.tp) / float64(max(1, c.tp+c.fp)) }
func (c pairTally) recall() float64    { return float64(c.tp) / float64(max(1, c.tp+c.fn)) }

func (c pairTally) String() string {
	ratio := func(v float64, of int) string {
		if of == 0 {
			return "  -  "
		}
		return fmt.Sprintf("%.3f", v)
	}
	return fmt.Sprintf("%3d pairs: tp=%3d fp=%2d fn=%2d (no shared bucket: %d) tn=%3d precision=%s recall=%s",
		c.tp+c.fp+c.fn+c.tn, c.tp, c.fp, c.fn, c.noBucket, c.tn, ratio(c.precision(), c.tp+c.fp), ratio(c.recall(), c.tp+c.fn))
}

// pairReport is a labelled set's tally, in all and by group.
type pairReport struct {
	all    pairTally
	groups map[string]*pairTally // "kind X", "language X", "shape X"
}

// evaluatePairs runs every pair through both stages as the store would
// (detect), calling wrong, when set, for each pair decided wrongly.
func evaluatePairs(pairs []labelledPair, wrong func(verdict string, p labelledPair, a, b *model.Item, candidate bool)) pairReport {
	r := pairReport{groups: map[string]*pairTally{}}
	for _, p := range pairs {
		a, b := p.A.item(), p.B.item()
		candidate, got := detect(a, b)
		r.all.add(p.Same, got, candidate)
		for _, g := range []string{"kind " + p.Kind, "language " + p.language(), "shape " + p.shape()} {
			if r.groups[g] == nil {
				r.groups[g] = &pairTally{}
			}
			r.groups[g].add(p.Same, got, candidate)
		}
		if wrong != nil && got != p.Same {
			verdict := "MISSED"
			if got {
				verdict = "FALSE MERGE"
			}
			wrong(verdict, p, a, b, candidate)
		}
	}
	return r
}

func (r pairReport) log(t *testing.T, name string) {
	t.Helper()
	for _, g := range slices.Sorted(maps.Keys(r.groups)) {
		t.Logf("%-32s %s", g, r.groups[g])
	}
	t.Logf("%-32s %s", name, r.all)
}

func (r pairReport) require(t *testing.T, precision, recall float64) {
	t.Helper()
	if got := r.all.precision(); got < precision {
		t.Errorf("precision %.3f, want >= %.2f", got, precision)
	}
	if got := r.all.recall(); got < recall {
		t.Errorf("recall %.3f, want >= %.2f", got, recall)
	}
}

// language is the pair's language, as labelled or else by its script:
// zh for Han, ur for Arabic script, en otherwise.
func (p labelledPair) language() string {
	if p.Lang != "" {
		return p.Lang
	}
	text := p.A.Title + p.A.Text + p.B.Title + p.B.Text
	switch {
	case strings.ContainsFunc(text, isHan):
		return "zh"
	case strings.ContainsFunc(text, func(r rune) bool { return unicode.Is(unicode.Arabic, r) }):
		return "ur"
	}
	return "en"
}

// shape says whether the pair is short-vs-long as the labelling guideline
// counts it (one side at most 80 words, the other 300 or more; Chinese
// counted at two characters a word), headline-only (one side has no
// text) or neither.
func (p labelledPair) shape() string {
	a, b := p.A.words(), p.B.words()
	switch {
	case strings.TrimSpace(p.A.Text) == "" || strings.TrimSpace(p.B.Text) == "":
		return "headline-only"
	case min(a, b) <= 80 && max(a, b) >= 300:
		return "short-vs-long"
	}
	return "other"
}

// words counts a side's words, a Han character as half a word.
func (s pairSide) words() int {
	text := s.Title + " " + s.Text
	han := 0
	for _, r := range text {
		if isHan(r) {
			han++
		}
	}
	return len(strings.FieldsFunc(text, func(r rune) bool { return unicode.IsSpace(r) || isHan(r) })) + han/2
}

// TestHopelessNeverHidesAMatch holds the shortcut of Match to compare:
// over every pair of the labelled pairs' items, the short copies and
// articles of testdata/containment and the first 300 real headlines, a
// pair hopeless calls hopeless is never one compare would join, from
// either side, as items of two sources or of one.
func TestHopelessNeverHidesAMatch(t *testing.T) {
	var items []*model.Item
	for _, p := range loadPairs(t) {
		items = append(items, p.A.item(), p.B.item())
	}
	names, _ := filepath.Glob("testdata/containment/*.txt")
	for _, name := range names {
		items = append(items, containmentItem(t, name, strings.TrimSuffix(filepath.Base(name), ".txt")))
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
