package ingest

import (
	"context"
	"fmt"
	"slices"

	"aggregator/internal/model"
	"aggregator/internal/normalize"
)

// RetagResult counts what re-applying the topic rules changed.
type RetagResult struct {
	Items   int            // items looked at
	Changed int            // items whose topics changed
	Gained  map[string]int // topic -> items that now have it and did not
	Lost    map[string]int // topic -> items that had it and no longer do
	// Examples of gained and lost items per topic (a few titles each).
	GainedExamples map[string][]string
	LostExamples   map[string][]string
	// Beside the rules (per topic with a classifier): Added counts the
	// items only its classifier applies it to; Doubted, in a dry run, the
	// items its rules apply it to that its classifier scores under its
	// threshold (what the classifier alone would remove). A few titles each.
	Added, Doubted                 map[string]int
	AddedExamples, DoubtedExamples map[string][]string
}

// examplesPerTopic bounds RetagResult's examples.
const examplesPerTopic = 3

// Retag re-applies the current topic rules to every stored item. With
// dryRun it only counts. progress, when set, is called now and then with
// the items looked at so far.
func (p *Pipeline) Retag(ctx context.Context, sources []model.Source, dryRun bool, progress func(done int)) (RetagResult, error) {
	bySource := make(map[string]model.Source, len(sources))
	for _, s := range sources {
		bySource[s.ID] = s
	}
	tagger := p.Tagger()
	res := RetagResult{Gained: map[string]int{}, Lost: map[string]int{},
		GainedExamples: map[string][]string{}, LostExamples: map[string][]string{},
		Added: map[string]int{}, Doubted: map[string]int{},
		AddedExamples: map[string][]string{}, DoubtedExamples: map[string][]string{}}
	batch := map[int64][]model.TopicMatch{}
	changed := map[string]bool{}
	flush := func() error {
		if dryRun || len(batch) == 0 {
			clear(batch)
			return nil
		}
		if err := p.opts.Store.SetTopics(ctx, batch); err != nil {
			return fmt.Errorf("saving topics: %w", err)
		}
		clear(batch)
		return nil
	}
	err := p.opts.Store.EachItem(ctx, func(it model.Item) error {
		res.Items++
		src, ok := bySource[it.SourceID]
		if !ok {
			src = model.Source{ID: it.SourceID}
		}
		var now []model.TopicMatch
		if tagger != nil {
			normalize.Texts(&it)
			now = tagger.Tag(&it, src)
			for _, m := range now {
				if m.Via == model.ViaClassifier {
					count(res.Added, res.AddedExamples, m.Topic, it.Title)
				}
			}
			if dryRun {
				for _, t := range tagger.Doubts(&it, src) {
					count(res.Doubted, res.DoubtedExamples, t, it.Title)
				}
			}
		}
		if !sameTopics(it.Topics, now) {
			res.Changed++
			res.diff(it.Title, it.Topics, now, changed)
			batch[it.ID] = now
		}
		if progress != nil && res.Items%1000 == 0 {
			progress(res.Items)
		}
		if len(batch) >= 500 {
			return flush()
		}
		return nil
	})
	if err == nil {
		err = flush()
	}
	if err != nil {
		return res, err
	}
	if !dryRun && len(changed) > 0 && p.opts.OnChange != nil {
		p.opts.OnChange(changed)
	}
	return res, nil
}

// count adds one item to topic t's count, keeping its title as an
// example while there are few.
func count(n map[string]int, examples map[string][]string, t, title string) {
	n[t]++
	if len(examples[t]) < examplesPerTopic {
		examples[t] = append(examples[t], title)
	}
}

func topicIDs(ms []model.TopicMatch) []string {
	ids := make([]string, len(ms))
	for i, m := range ms {
		ids[i] = m.Topic
	}
	slices.Sort(ids)
	return ids
}

// sameTopics compares topics, their matched terms and how they came.
func sameTopics(a, b []model.TopicMatch) bool {
	if !slices.Equal(topicIDs(a), topicIDs(b)) {
		return false
	}
	had := map[string]model.TopicMatch{}
	for _, m := range a {
		had[m.Topic] = m
	}
	for _, m := range b {
		if !slices.Equal(had[m.Topic].Terms, m.Terms) || had[m.Topic].Via != m.Via {
			return false
		}
	}
	return true
}

// diff counts the topics an item gains and loses, keeping a few examples,
// and marks every topic it had or has as changed.
func (r *RetagResult) diff(title string, before, after []model.TopicMatch, changed map[string]bool) {
	had := map[string]bool{}
	for _, m := range before {
		had[m.Topic] = true
	}
	has := map[string]bool{}
	for _, m := range after {
		has[m.Topic] = true
		changed[m.Topic] = true
		if !had[m.Topic] {
			count(r.Gained, r.GainedExamples, m.Topic, title)
		}
	}
	for t := range had {
		changed[t] = true
		if !has[t] {
			count(r.Lost, r.LostExamples, t, title)
		}
	}
}
