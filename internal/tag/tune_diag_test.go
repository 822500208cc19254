package tag

import (
	"fmt"
	"os"
	"slices"
	"strings"
	"testing"

	"aggregator/internal/model"
)

// TestTuneDiagnosis lists, for the tuning half only, each topic's false
// hits and misses of the rules alone and of the rules with classifiers
// cross-validated (each fold tagged by classifiers that did not see its
// examples), with the matched terms. It never reads the holdout half.
// Run with TUNE_DIAG=1 go test ./internal/tag -run TestTuneDiagnosis -v
func TestTuneDiagnosis(t *testing.T) {
	rules, topics, items := tuneHalf(t)
	cv := map[string][]model.TopicMatch{}
	eachFold(t, shippedConfig(t).Topics, items, evalFolds, func(tg *Tagger, fold []evalItem) {
		for _, it := range fold {
			item := model.Item{Title: it.headline, SummaryText: it.first}
			cv[it.id] = tg.Tag(&item, model.Source{ID: it.source, Language: it.lang})
		}
	})
	var b strings.Builder
	for _, tp := range topics {
		for _, it := range items {
			item := model.Item{Title: it.headline, SummaryText: it.first}
			var rm *model.TopicMatch
			for _, m := range rules.Tag(&item, model.Source{ID: it.source, Language: it.lang}) {
				if m.Topic == tp {
					rm = &m
				}
			}
			cvHit := slices.ContainsFunc(cv[it.id], func(m model.TopicMatch) bool { return m.Topic == tp })
			want := slices.Contains(it.want, tp)
			kind := ""
			switch {
			case rm != nil && !want:
				kind = "RULE-FP"
			case rm == nil && cvHit && !want:
				kind = "CLS-FP"
			case rm == nil && want && !cvHit:
				kind = "MISS"
			case rm == nil && want && cvHit:
				kind = "CLS-TP"
			default:
				continue
			}
			terms := ""
			if rm != nil {
				terms = strings.Join(rm.Terms, "|")
			}
			fmt.Fprintf(&b, "%s\t%s\t%s\t%s\t[%s]\t%s || %.120s\n", tp, kind, it.id, strings.Join(it.want, ","), terms, it.headline, it.first)
		}
	}
	t.Log("\n" + b.String())
}

// TestTuneSweep sweeps, on the tuning half cross-validated, each topic's
// classifier threshold and a veto of weak rule matches (one distinct term,
// summary only) by a classifier score under a bar, printing P/R/F1.
func TestTuneSweep(t *testing.T) {
	_, topics, items := tuneHalf(t)
	type judged struct {
		rule, weak bool
		score      float64
		has        bool
	}
	js := map[string]map[string]judged{}
	eachFold(t, shippedConfig(t).Topics, items, evalFolds, func(tg *Tagger, fold []evalItem) {
		for _, it := range fold {
			item := model.Item{Title: it.headline, SummaryText: it.first}
			m := map[string]judged{}
			for _, e := range tg.Explain(&item, model.Source{ID: it.source, Language: it.lang}) {
				var jd judged
				jd.rule = e.Applied && e.Via == ""
				terms, inTitle := map[string]bool{}, false
				for _, h := range e.Hits {
					terms[h.Term] = true
					inTitle = inTitle || h.Field == "title"
				}
				jd.weak = len(terms) == 1 && !inTitle
				if e.Classifier != nil {
					jd.has, jd.score = true, e.Classifier.Score
				}
				m[e.Topic] = jd
			}
			js[it.id] = m
		}
	})
	var b strings.Builder
	for _, tp := range topics {
		for _, th := range []float64{0.25, 0.3, 0.35, 0.4, 0.45, 0.5, 0.55, 0.6, 0.65, 0.7, 0.8, 2} {
			for _, veto := range []float64{0, 0.05, 0.1, 0.15, 0.2} {
				var c counts
				for _, it := range items {
					jd := js[it.id][tp]
					got := jd.rule && !(jd.has && jd.weak && jd.score < veto) || !jd.rule && jd.has && jd.score >= th
					c.add(outcome(got, slices.Contains(it.want, tp)))
				}
				p, r := c.precision(), c.recall()
				fmt.Fprintf(&b, "%s th %.2f veto %.2f: P %.3f R %.3f F1 %.3f (tp %d fp %d fn %d)\n", tp, th, veto, p, r, 2*p*r/(p+r), c.tp, c.fp, c.fn)
			}
		}
	}
	t.Log("\n" + b.String())
}

// TestTuneTerms counts, on the tuning half, per topic and matched term,
// the items it matches that are in the topic and those that are not
// (and how many of each it alone matched).
func TestTuneTerms(t *testing.T) {
	rules, _, items := tuneHalf(t)
	type stat struct{ in, out, aloneIn, aloneOut, titleIn, titleOut int }
	st := map[[2]string]*stat{}
	for _, it := range items {
		item := model.Item{Title: it.headline, SummaryText: it.first}
		for _, e := range rules.Explain(&item, model.Source{ID: it.source, Language: it.lang}) {
			terms, title := map[string]bool{}, map[string]bool{}
			for _, h := range e.Hits {
				terms[h.Term] = true
				title[h.Term] = title[h.Term] || h.Field == "title"
			}
			want := slices.Contains(it.want, e.Topic)
			for term := range terms {
				k := [2]string{e.Topic, term}
				if st[k] == nil {
					st[k] = &stat{}
				}
				s := st[k]
				if want {
					s.in++
					if len(terms) == 1 {
						s.aloneIn++
					}
					if title[term] {
						s.titleIn++
					}
				} else {
					s.out++
					if len(terms) == 1 {
						s.aloneOut++
					}
					if title[term] {
						s.titleOut++
					}
				}
			}
		}
	}
	var b strings.Builder
	for k, s := range st {
		fmt.Fprintf(&b, "%s\t%s\tin %d out %d\talone in %d out %d\ttitle in %d out %d\n", k[0], k[1], s.in, s.out, s.aloneIn, s.aloneOut, s.titleIn, s.titleOut)
	}
	t.Log("\n" + b.String())
}

// tuneHalf skips the test unless TUNE_DIAG is set, and returns the shipped
// topics' rules alone, their ids and the tuning half's items.
func tuneHalf(t *testing.T) (rules *Tagger, topics []string, items []evalItem) {
	t.Helper()
	if os.Getenv("TUNE_DIAG") == "" {
		t.Skip("set TUNE_DIAG=1 to diagnose the shipped topics on the tuning half")
	}
	rules, _, topics = shippedTaggers(t)
	items, ok := readHalf(t, evalDir, "tune", topics)
	if !ok {
		t.Skip("tuning half missing")
	}
	return rules, topics, items
}
