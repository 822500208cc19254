package publish

import (
	"slices"

	"aggregator/internal/model"
	"aggregator/internal/store"
)

// Defs derives the published feeds from the configuration: one per topic
// (its stories), then one per curated feed. A feed without a limit holds
// DefaultLimit stories.
func Defs(topics []model.Topic, feeds []model.Feed) []Def {
	defs := make([]Def, 0, len(topics)+len(feeds))
	for _, t := range topics {
		defs = append(defs, Def{
			ID:          t.ID,
			Title:       firstNonEmpty(t.Title, t.ID),
			Description: t.Description,
			Query: store.StoryQuery{
				Topics: []string{t.ID},
				Limit:  DefaultLimit,
			},
		})
	}
	for _, f := range feeds {
		limit := f.Limit
		if limit <= 0 {
			limit = DefaultLimit
		}
		var lang string
		if len(f.Languages) == 1 {
			lang = f.Languages[0]
		}
		defs = append(defs, Def{
			ID:          f.ID,
			Title:       firstNonEmpty(f.Title, f.ID),
			Description: f.Description,
			Language:    lang,
			Query: store.StoryQuery{
				Topics:        slices.Clone(f.Topics),
				MatchAll:      f.Match == model.MatchAll,
				ExcludeTopics: slices.Clone(f.ExcludeTopics),
				Sources:       slices.Clone(f.Sources),
				Regions:       slices.Clone(f.Regions),
				Languages:     slices.Clone(f.Languages),
				Limit:         limit,
			},
		})
	}
	return defs
}

// involves says whether a change to any of the topics may change the feed's
// content. A feed not selected by topics may hold any story, so every
// change involves it.
func (d Def) involves(topics map[string]bool) bool {
	if topics == nil || len(d.Query.Topics) == 0 {
		return true
	}
	for _, t := range d.Query.Topics {
		if topics[t] {
			return true
		}
	}
	for _, t := range d.Query.ExcludeTopics {
		if topics[t] {
			return true
		}
	}
	return false
}

func firstNonEmpty(ss ...string) string {
	for _, s := range ss {
		if s != "" {
			return s
		}
	}
	return ""
}
