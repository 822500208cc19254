package tag

import (
	"cmp"
	"fmt"
	"math"
	"slices"
	"sort"
	"strings"

	"aggregator/internal/model"
)

// Topics with a classifier (Topic.Classifier.Enabled) also apply when it
// scores an item at or above their threshold and no exclude term vetoes
// them. A classifier reads the title and the start of the summary, with the
// topic's own matched keywords masked: it learns the context the rules'
// keywords come in, so that it can find the same news told in other words.

// DefaultThreshold is a classifier's threshold when none is configured.
const DefaultThreshold = 0.5

// Corpus is what classifiers learn from besides their topics' headline
// examples.
type Corpus struct {
	// Items are stored items with their plain texts: those a topic's rules
	// match teach it what is in, the others what is out.
	Items []model.Item
	// Sources are the configured sources by id, for rules that test them.
	Sources map[string]model.Source
	// Lookup finds the stored item an example names by URL or id.
	Lookup func(model.Example) (model.Item, bool)
}

// HasClassifiers reports whether any topic has a classifier.
func (t *Tagger) HasClassifiers() bool { return len(t.learned) > 0 }

// Train fits the classifier of every topic that has one to its examples
// and to c, replacing what it learnt before. It must be called before the
// Tagger is shared. It returns a warning for each example naming a stored
// item that cannot be found. The result depends only on the inputs: items
// are taken in id order and shuffled with fixed seeds.
func (t *Tagger) Train(c Corpus) []string {
	var warnings []string
	if len(t.learned) == 0 {
		return nil
	}
	items := slices.Clone(c.Items)
	slices.SortFunc(items, func(a, b model.Item) int { return cmp.Compare(a.ID, b.ID) })
	sets := make([][]sample, len(t.topics))
	counts := make([]TrainingCounts, len(t.topics))
	sc := t.pool.Get().(*scratch)
	defer t.release(sc)
	for _, ti := range t.learned {
		for _, ex := range t.examples[ti] {
			it := model.Item{Title: ex.Text, SummaryText: ex.Summary}
			if ex.Text == "" {
				found, ok := model.Item{}, false
				if c.Lookup != nil {
					found, ok = c.Lookup(ex)
				}
				if !ok {
					warnings = append(warnings, fmt.Sprintf("%s: topic %s: example %s: no stored item; left out",
						ex.At, t.topics[ti].id, exampleRef(ex)))
					continue
				}
				it = found
			}
			t.scan(sc, &it)
			sets[ti] = append(sets[ti], sample{feats: t.features(sc, ti, nil), in: ex.In, weight: exampleWeight})
			if ex.In {
				counts[ti].ExamplesIn++
			} else {
				counts[ti].ExamplesOut++
			}
		}
	}
	for i := range items {
		it := &items[i]
		src, ok := c.Sources[it.SourceID]
		if !ok {
			src = model.Source{ID: it.SourceID}
		}
		t.scan(sc, it)
		var shared []uint32 // the features of every topic without hits
		for _, ti := range t.learned {
			applied, vetoed := t.evaluate(sc, ti, &src)
			s := sample{in: applied, weight: 1}
			switch {
			case sc.hitsOf(ti) >= 0:
				s.feats = t.features(sc, ti, nil)
			case shared == nil:
				shared = t.features(sc, ti, nil)
				fallthrough
			default:
				s.feats = shared
			}
			switch {
			case applied:
				counts[ti].RulesIn++
			case vetoed:
				counts[ti].RulesOut++
			default:
				s.weight = storedOutWeight
				counts[ti].RulesOut++
			}
			sets[ti] = append(sets[ti], s)
		}
	}
	table := newWeightTable(len(t.learned))
	for col, ti := range t.learned {
		cl := train(t.topics[ti].id, sets[ti], table, col)
		cl.threshold = t.thresholds[ti]
		cl.trained = counts[ti]
		t.classifiers[ti] = cl
	}
	return warnings
}

func exampleRef(ex model.Example) string {
	if ex.URL != "" {
		return ex.URL
	}
	return fmt.Sprintf("#%d", ex.ItemID)
}

// features returns, in a new slice, the classifier features of the
// scanned item for topic ti (its positive term hits masked); with spans
// set, also where each feature lies in sc.text.
func (t *Tagger) features(sc *scratch, ti int32, spans *[]span) []uint32 {
	sc.text = classifiedText(sc.text, sc.buf, &sc.starts, t.maskOf(sc, ti))
	return featurize(nil, sc.text, spans)
}

// maskOf returns the spans of topic ti's positive term hits, sorted.
func (t *Tagger) maskOf(sc *scratch, ti int32) []span {
	sc.mask = sc.mask[:0]
	tp := &t.topics[ti]
	for h := sc.hitsOf(ti); h >= 0; h = sc.hits[h].next {
		hh := &sc.hits[h]
		if tm := &tp.terms[hh.term]; tm.kind != kindExclude && tm.positive {
			sc.mask = append(sc.mask, span{hh.start, hh.end})
		}
	}
	slices.SortFunc(sc.mask, func(a, b span) int { return cmp.Compare(a.start, b.start) })
	// Overlapping hits (a prefix and a phrase) become one span.
	out := sc.mask[:0]
	for _, m := range sc.mask {
		if n := len(out); n > 0 && m.start < out[n-1].end {
			out[n-1].end = max(out[n-1].end, m.end)
			continue
		}
		out = append(out, m)
	}
	sc.mask = out
	return out
}

// classify adds to out the classifier topics that the rules did not apply
// (nor veto) and whose classifier scores at or above its threshold. The
// item's features are computed once for every topic without hits; a topic
// with hits (that did not apply) has them masked in features of its own.
func (t *Tagger) classify(sc *scratch, out []model.TopicMatch) []model.TopicMatch {
	shared := false
	added := false
	for _, ti := range t.learned {
		cl := t.classifiers[ti]
		if cl == nil || sc.decided(ti) {
			continue
		}
		var margin float64
		if sc.hitsOf(ti) < 0 {
			if !shared {
				sc.text = classifiedText(sc.text, sc.buf, &sc.starts, nil)
				sc.feats = featurize(sc.feats[:0], sc.text, nil)
				sc.sums = cl.table.sums(sc.feats, sc.sums)
				shared = true
			}
			margin = cl.marginOf(sc.sums[cl.col], len(sc.feats))
		} else {
			sc.text = classifiedText(sc.text, sc.buf, &sc.starts, t.maskOf(sc, ti))
			sc.own = featurize(sc.own[:0], sc.text, nil)
			margin = cl.margin(sc.own)
		}
		if sigmoid(margin) >= cl.threshold {
			out = append(out, model.TopicMatch{Topic: t.topics[ti].id, Via: model.ViaClassifier})
			added = true
		}
	}
	if added {
		sort.Slice(out, func(i, j int) bool { return out[i].Topic < out[j].Topic })
	}
	return out
}

// ClassifierResult is a topic classifier's judgement of one item.
type ClassifierResult struct {
	Score     float64
	Threshold float64
	// Grams are the n-grams of the item that weighed most, strongest first
	// (positive: towards the topic); "▮" stands for a masked keyword.
	// Character grams of fewer than three letters are left out of the
	// list (not of the score).
	Grams   []Gram
	Trained TrainingCounts
}

// Gram is one n-gram of an item and what it added to the classifier's
// margin (the log-odds of the topic).
type Gram struct {
	Text   string
	Weight float64
}

// maxGrams bounds ClassifierResult.Grams.
const maxGrams = 8

// judge scores the scanned item for topic ti and names its weightiest
// n-grams; nil when the topic has no classifier.
func (t *Tagger) judge(sc *scratch, ti int32) *ClassifierResult {
	cl := t.classifiers[ti]
	if cl == nil {
		return nil
	}
	var spans []span
	fs := t.features(sc, ti, &spans)
	res := &ClassifierResult{Score: cl.score(fs), Threshold: cl.threshold, Trained: cl.trained}
	byText := map[string]float64{}
	x := scale(len(fs))
	for i, f := range fs {
		text := string(sc.text[spans[i].start:spans[i].end])
		if !telling(text) {
			continue
		}
		text = strings.ReplaceAll(text, string(rune(maskByte)), "▮")
		byText[strings.ReplaceAll(text, "\n", " ")] += float64(cl.table.weight(f, cl.col)) * x
	}
	for text, w := range byText {
		res.Grams = append(res.Grams, Gram{Text: text, Weight: w})
	}
	slices.SortFunc(res.Grams, func(a, b Gram) int {
		if c := cmp.Compare(math.Abs(b.Weight), math.Abs(a.Weight)); c != 0 {
			return c
		}
		return strings.Compare(a.Text, b.Text)
	})
	if len(res.Grams) > maxGrams {
		res.Grams = res.Grams[:maxGrams]
	}
	return res
}

// telling reports whether an n-gram says something to a reader: words,
// and character grams of three or more letters (or of a script written
// without spaces). The others weigh in the score all the same.
func telling(gram string) bool {
	letters := 0
	for _, r := range gram {
		switch {
		case isNoSpace(r):
			return true
		case r != ' ' && r != '\n':
			letters++
		}
	}
	return letters >= 3
}

// Doubts returns the topics whose rules apply to it but whose classifier
// scores it under its threshold, sorted: where the two disagree.
func (t *Tagger) Doubts(it *model.Item, src model.Source) []string {
	if len(t.learned) == 0 {
		return nil
	}
	sc := t.pool.Get().(*scratch)
	defer t.release(sc)
	t.scan(sc, it)
	var out []string
	for _, ti := range t.learned {
		cl := t.classifiers[ti]
		if cl == nil {
			continue
		}
		if applied, _ := t.evaluate(sc, ti, &src); applied && cl.score(t.features(sc, ti, nil)) < cl.threshold {
			out = append(out, t.topics[ti].id)
		}
	}
	return out
}
