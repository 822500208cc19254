package tag

import (
	"bufio"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"aggregator/internal/config"
	"aggregator/internal/model"
)

// The evaluation of the shipped topics on labelled real news
// (testdata/eval): go test ./internal/tag -run TestEvaluation -v
//
// items.tsv holds the items (id, lang, source, headline, first_sentence),
// split by a fixed rule into tune-items.tsv and holdout-items.tsv; the
// labels of each half (id, topics comma-separated or "-", notes) are in
// tune-labels.tsv and holdout-labels.tsv. Each half is tagged as a fresh
// install would tag it (the shipped config.yaml, an empty store: the
// classifiers learn from the shipped examples alone), by the rules alone
// and by the rules with the classifiers.

// Targets of issue 15, on the holdout half.
const (
	targetPrecision    = 0.95
	targetRecall       = 0.90
	targetLangRecall   = 0.85
	shippedConfigPath  = "../../config.yaml"
	evalDir            = "testdata/eval"
	evalUnlabelledNote = "-"
	evalFolds          = 5
)

// evalItem is one labelled item.
type evalItem struct {
	id, lang, source string
	headline, first  string
	want             []string // sorted topic ids
}

// readTSV reads a tab-separated file of at least cols columns, skipping
// "#" comments, blank lines and the header line (first column "id").
func readEvalTSV(t testing.TB, path string, cols int) ([][]string, bool) {
	t.Helper()
	f, err := os.Open(path)
	if os.IsNotExist(err) {
		return nil, false
	}
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var rows [][]string
	sc := bufio.NewScanner(f)
	sc.Buffer(nil, 1<<20)
	for line := 1; sc.Scan(); line++ {
		text := strings.TrimRight(sc.Text(), "\r")
		if strings.TrimSpace(text) == "" || strings.HasPrefix(text, "#") {
			continue
		}
		c := strings.Split(text, "\t")
		if c[0] == "id" { // the header
			continue
		}
		if len(c) < cols {
			t.Fatalf("%s:%d: want %d tab-separated columns, got %d", path, line, cols, len(c))
		}
		rows = append(rows, c)
	}
	if err := sc.Err(); err != nil {
		t.Fatalf("%s: %v", path, err)
	}
	return rows, true
}

// readHalf reads one half's items and labels; ok is false when either
// file is missing.
func readHalf(t *testing.T, dir, half string, topics []string) (items []evalItem, ok bool) {
	t.Helper()
	itemRows, ok1 := readEvalTSV(t, filepath.Join(dir, half+"-items.tsv"), 5)
	labelRows, ok2 := readEvalTSV(t, filepath.Join(dir, half+"-labels.tsv"), 2)
	if !ok1 || !ok2 {
		return nil, false
	}
	labels := map[string][]string{}
	for _, r := range labelRows {
		var want []string
		if r[1] != evalUnlabelledNote {
			for _, tp := range strings.Split(r[1], ",") {
				tp = strings.TrimSpace(tp)
				if !slices.Contains(topics, tp) {
					t.Fatalf("%s-labels.tsv: item %s: unknown topic %q", half, r[0], tp)
				}
				want = append(want, tp)
			}
		}
		slices.Sort(want)
		if _, dup := labels[r[0]]; dup {
			t.Fatalf("%s-labels.tsv: item %s labelled twice", half, r[0])
		}
		labels[r[0]] = want
	}
	var unlabelled []string
	known := map[string]bool{}
	for _, r := range itemRows {
		known[r[0]] = true
		want, ok := labels[r[0]]
		if !ok {
			unlabelled = append(unlabelled, r[0])
			continue
		}
		items = append(items, evalItem{id: r[0], lang: r[1], source: r[2], headline: r[3], first: r[4], want: want})
	}
	for id := range labels {
		if !known[id] {
			t.Fatalf("%s-labels.tsv: item %s is not in %s-items.tsv", half, id, half)
		}
	}
	if len(unlabelled) > 0 {
		t.Logf("NOT EVALUATED: %d items of %s-items.tsv have no label yet (%s …); left out",
			len(unlabelled), half, strings.Join(unlabelled[:min(3, len(unlabelled))], ", "))
	}
	return items, true
}

// counts are one topic's outcomes.
type counts struct{ tp, fp, fn int }

func (c counts) precision() float64 { return frac(c.tp, c.tp+c.fp) }
func (c counts) recall() float64    { return frac(c.tp, c.tp+c.fn) }

func frac(a, b int) float64 {
	if b == 0 {
		return 1
	}
	return float64(a) / float64(b)
}

// outcome is one item's count for a topic it got (or not) and should
// have got (or not).
func outcome(got, want bool) counts {
	switch {
	case got && want:
		return counts{tp: 1}
	case got:
		return counts{fp: 1}
	case want:
		return counts{fn: 1}
	}
	return counts{}
}

func (c *counts) add(o counts) { c.tp, c.fp, c.fn = c.tp+o.tp, c.fp+o.fp, c.fn+o.fn }

// evalResult holds counts by topic and language ("" for all languages;
// topic "" for all topics together).
type evalResult map[[2]string]counts

// evaluate tags items with tg (headline as title, first sentence as
// summary) and counts against their labels.
func evaluate(tg *Tagger, items []evalItem, topics []string) evalResult {
	res := evalResult{}
	for _, it := range items {
		got := tagTopics(tg, it)
		for _, tp := range topics {
			c := outcome(slices.Contains(got, tp), slices.Contains(it.want, tp))
			if c == (counts{}) {
				continue
			}
			for _, k := range [][2]string{{tp, ""}, {tp, it.lang}, {"", ""}, {"", it.lang}} {
				v := res[k]
				v.add(c)
				res[k] = v
			}
		}
	}
	return res
}

func tagTopics(tg *Tagger, it evalItem) []string {
	item := model.Item{Title: it.headline, SummaryText: it.first}
	var got []string
	for _, m := range tg.Tag(&item, model.Source{ID: it.source, Language: it.lang}) {
		got = append(got, m.Topic)
	}
	return got
}

// crossValidated evaluates items in k folds (by position): each fold is
// tagged by the topics with every example of that fold's headlines left
// out, as if its items were news the shipped examples never saw.
func crossValidated(t *testing.T, topics []model.Topic, items []evalItem, k int) evalResult {
	t.Helper()
	res := evalResult{}
	eachFold(t, topics, items, k, func(tg *Tagger, fold []evalItem) {
		for key, c := range evaluate(tg, fold, tg.Topics()) {
			v := res[key]
			v.add(c)
			res[key] = v
		}
	})
	return res
}

// eachFold calls do for each of k folds of items (by position) with the
// fold and the topics compiled with every example of its headlines left
// out.
func eachFold(t *testing.T, topics []model.Topic, items []evalItem, k int, do func(tg *Tagger, fold []evalItem)) {
	t.Helper()
	for f := range k {
		fold, held := []evalItem{}, map[string]bool{}
		for j, it := range items {
			if j%k == f {
				fold = append(fold, it)
				held[oneLine(it.headline)] = true
			}
		}
		tps := slices.Clone(topics)
		for i := range tps {
			tps[i].Examples = slices.DeleteFunc(slices.Clone(tps[i].Examples), func(ex model.Example) bool { return held[ex.Text] })
		}
		tg, err := Compile(tps)
		if err != nil {
			t.Fatal(err)
		}
		do(tg, fold)
	}
}

// shippedTaggers compiles the shipped topics twice: by their rules alone,
// and as configured (classifiers trained on the shipped examples alone,
// as on a fresh install with an empty store).
func shippedTaggers(t *testing.T) (rules, learned *Tagger, topics []string) {
	t.Helper()
	cfg := shippedConfig(t)
	learned, err := Compile(cfg.Topics)
	if err != nil {
		t.Fatal(err)
	}
	plain := slices.Clone(cfg.Topics)
	for i := range plain {
		plain[i].Classifier.Enabled = false
	}
	rules, err = Compile(plain)
	if err != nil {
		t.Fatal(err)
	}
	return rules, learned, learned.Topics()
}

func shippedConfig(t *testing.T) *config.Config {
	t.Helper()
	cfg, err := config.Load(shippedConfigPath)
	if err != nil {
		t.Fatalf("%s: %v", shippedConfigPath, err)
	}
	return cfg
}

// evalTable renders rules-alone and rules+classifier results side by side.
func evalTable(name string, n map[string]int, topics []string, rules, learned evalResult) string {
	var b strings.Builder
	langs := []string{"en", "ur", "zh"}
	fmt.Fprintf(&b, "%s: %d items (en %d, ur %d, zh %d); P/R rules alone -> rules+classifier\n", name,
		n[""], n["en"], n["ur"], n["zh"])
	fmt.Fprintf(&b, "%-10s %-23s", "topic", "all")
	for _, l := range langs {
		fmt.Fprintf(&b, " %-23s", l)
	}
	b.WriteString("\n")
	for _, tp := range append(slices.Clone(topics), "") {
		label := tp
		if tp == "" {
			label = "(micro)"
		}
		fmt.Fprintf(&b, "%-10s", label)
		for _, l := range append([]string{""}, langs...) {
			r, c := rules[[2]string{tp, l}], learned[[2]string{tp, l}]
			fmt.Fprintf(&b, " %.2f/%.2f -> %.2f/%.2f  ", r.precision(), r.recall(), c.precision(), c.recall())
		}
		b.WriteString("\n")
	}
	return b.String()
}

// misses lists the targets a result misses.
func misses(res evalResult, topics []string) []string {
	var out []string
	for _, tp := range topics {
		c := res[[2]string{tp, ""}]
		if c.precision() < targetPrecision {
			out = append(out, fmt.Sprintf("%s precision %.2f < %.2f", tp, c.precision(), targetPrecision))
		}
		if c.recall() < targetRecall {
			out = append(out, fmt.Sprintf("%s recall %.2f < %.2f", tp, c.recall(), targetRecall))
		}
	}
	for _, l := range []string{"en", "ur", "zh"} {
		if c := res[[2]string{"", l}]; c.recall() < targetLangRecall {
			out = append(out, fmt.Sprintf("%s recall (all topics) %.2f < %.2f", l, c.recall(), targetLangRecall))
		}
	}
	return out
}

// TestEvaluation reports precision and recall of the shipped topics per
// topic and per language on the tuning and the holdout half, rules alone
// and rules with classifiers. It logs the targets missed loudly rather
// than failing on them: the numbers are what the README reports.
func TestEvaluation(t *testing.T) {
	rules, learned, topics := shippedTaggers(t)
	for _, half := range []string{"tune", "holdout"} {
		t.Run(half, func(t *testing.T) {
			items, ok := readHalf(t, evalDir, half, topics)
			if !ok {
				t.Skipf("%s/%s-items.tsv or %s-labels.tsv missing", evalDir, half, half)
			}
			n := map[string]int{"": len(items)}
			for _, it := range items {
				n[it.lang]++
			}
			r, c := evaluate(rules, items, topics), evaluate(learned, items, topics)
			t.Log("\n" + evalTable(half, n, topics, r, c))
			for _, m := range misses(c, topics) {
				t.Logf("MISSES TARGET (%s, rules+classifier): %s", half, m)
			}
			if half == "tune" {
				// The shipped examples are the tuning half: tagged by
				// classifiers that learnt them, it says little. Each
				// fold of it tagged without its own examples says more.
				cv := crossValidated(t, shippedConfig(t).Topics, items, evalFolds)
				t.Log("\n" + evalTable(fmt.Sprintf("tune, %d-fold cross-validated (examples of the fold left out)", evalFolds), n, topics, r, cv))
				for _, m := range misses(cv, topics) {
					t.Logf("MISSES TARGET (tune cross-validated, rules+classifier): %s", m)
				}
			}
		})
	}
}
