package config

import (
	"fmt"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"aggregator/internal/model"
	"aggregator/internal/tag"
)

// realHeadline is one row of testdata/real-headlines.tsv.
type realHeadline struct {
	line   int
	want   []string // sorted topic ids, nil for none
	lang   string
	title  string
	source string
}

// readRealHeadlines reads testdata/real-headlines.tsv: four tab-separated
// columns (topics, language, headline, source key), "#" comments.
func readRealHeadlines(t *testing.T) []realHeadline {
	t.Helper()
	var rows []realHeadline
	for _, row := range readTSV(t, "real-headlines.tsv", 4) {
		c := row.cols
		r := realHeadline{line: row.line, lang: c[1], title: c[2], source: c[3]}
		if c[0] != "-" {
			r.want = strings.Split(c[0], ",")
		}
		rows = append(rows, r)
	}
	return rows
}

// score counts one topic's outcomes over a set of headlines.
type score struct{ tp, fp, fn int }

func (s score) precision() float64 { return ratio(s.tp, s.tp+s.fp) }
func (s score) recall() float64    { return ratio(s.tp, s.tp+s.fn) }

// ratio is a/b, or 1 when there is nothing to get wrong (b == 0).
func ratio(a, b int) float64 {
	if b == 0 {
		return 1
	}
	return float64(a) / float64(b)
}

func (s score) String() string {
	return fmt.Sprintf("P %5.1f%% R %5.1f%% (tp %3d fp %2d fn %2d)",
		100*s.precision(), 100*s.recall(), s.tp, s.fp, s.fn)
}

// realFloors are the precision and recall the shipped topics reach on
// testdata/real-headlines.tsv, all languages together, rounded down. A
// change to config.yaml that drops below one fails here; raise them when
// the topics get better.
var realFloors = map[string]struct{ precision, recall float64 }{
	"security":  {0.95, 0.88},
	"cpec":      {0.95, 0.70},
	"diplomacy": {0.90, 0.60},
	"economy":   {0.90, 0.80},
	"energy":    {0.85, 0.85},
}

// realLangFloors are the micro-averaged (all topics) precision and recall
// per language, rounded down.
var realLangFloors = map[string]struct{ precision, recall float64 }{
	"en": {0.90, 0.75},
	"ur": {0.95, 0.90},
	"zh": {0.85, 0.60},
}

// TestShippedTopicsOnRealHeadlines tags the real headlines of
// testdata/real-headlines.tsv (title only) with the topics of the shipped
// config.yaml, reports precision and recall per topic and per language,
// lists every miss and false hit, and fails when a figure drops below its
// floor. Run with -v to see the report. It holds the rules alone: the
// topics' classifiers learn from these very headlines (topic-examples.tsv),
// so they are judged on the evaluation of internal/tag instead.
func TestShippedTopicsOnRealHeadlines(t *testing.T) {
	c, err := Load(filepath.Join("..", "..", "config.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	for i := range c.Topics {
		c.Topics[i].Classifier.Enabled = false
	}
	tg, err := tag.Compile(c.Topics)
	if err != nil {
		t.Fatalf("shipped topics do not compile: %v", err)
	}
	rows := readRealHeadlines(t)
	perLang := map[string]int{}
	for _, r := range rows {
		perLang[r.lang]++
		if !slices.Contains([]string{"en", "ur", "zh"}, r.lang) {
			t.Errorf("real-headlines.tsv:%d: language %q", r.line, r.lang)
		}
		if !slices.IsSorted(r.want) {
			t.Errorf("real-headlines.tsv:%d: topics %q not sorted", r.line, r.want)
		}
		for _, id := range r.want {
			if _, ok := c.Topic(id); !ok {
				t.Errorf("real-headlines.tsv:%d: unknown topic %q", r.line, id)
			}
		}
	}
	for _, lang := range []string{"en", "ur", "zh"} {
		if perLang[lang] < 80 {
			t.Errorf("%d %s headlines, want at least 80 per language", perLang[lang], lang)
		}
	}

	byTopic := map[string]*score{}
	byTopicLang := map[string]*score{}
	byLang := map[string]*score{}
	for _, tp := range c.Topics {
		byTopic[tp.ID] = &score{}
	}
	get := func(m map[string]*score, k string) *score {
		if m[k] == nil {
			m[k] = &score{}
		}
		return m[k]
	}
	var misses []string
	for _, r := range rows {
		it := model.Item{Title: r.title}
		var got []string
		for _, m := range tg.Tag(&it, model.Source{Language: r.lang}) {
			got = append(got, m.Topic)
		}
		for _, tp := range c.Topics {
			w, g := slices.Contains(r.want, tp.ID), slices.Contains(got, tp.ID)
			for _, s := range []*score{byTopic[tp.ID], get(byTopicLang, tp.ID+"/"+r.lang), get(byLang, r.lang)} {
				switch {
				case w && g:
					s.tp++
				case g:
					s.fp++
				case w:
					s.fn++
				}
			}
			switch {
			case w && !g:
				misses = append(misses, fmt.Sprintf("miss  %-9s [%s] %s", tp.ID, r.lang, r.title))
			case g && !w:
				misses = append(misses, fmt.Sprintf("false %-9s [%s] %s", tp.ID, r.lang, r.title))
			}
		}
	}

	var b strings.Builder
	fmt.Fprintf(&b, "%d real headlines %v\n", len(rows), perLang)
	for _, tp := range c.Topics {
		fmt.Fprintf(&b, "%-9s all %s\n", tp.ID, byTopic[tp.ID])
		for _, lang := range []string{"en", "ur", "zh"} {
			fmt.Fprintf(&b, "%-9s  %s  %s\n", "", lang, get(byTopicLang, tp.ID+"/"+lang))
		}
	}
	for _, lang := range []string{"en", "ur", "zh"} {
		fmt.Fprintf(&b, "language %s (all topics) %s\n", lang, get(byLang, lang))
	}
	for _, m := range misses {
		b.WriteString(m + "\n")
	}
	t.Log("\n" + b.String())

	for id, f := range realFloors {
		s, ok := byTopic[id]
		if !ok {
			t.Errorf("topic %q has a floor but is not shipped", id)
			continue
		}
		if s.precision() < f.precision || s.recall() < f.recall {
			t.Errorf("%s: %s, want precision >= %.0f%% and recall >= %.0f%%",
				id, s, 100*f.precision, 100*f.recall)
		}
	}
	for lang, f := range realLangFloors {
		s := get(byLang, lang)
		if s.precision() < f.precision || s.recall() < f.recall {
			t.Errorf("language %s: %s, want precision >= %.0f%% and recall >= %.0f%%",
				lang, s, 100*f.precision, 100*f.recall)
		}
	}
}
