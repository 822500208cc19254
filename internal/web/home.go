package web

import (
	"context"
	"log/slog"
	"net/http"
	"strconv"
	"time"

	"aggregator/internal/model"
	"aggregator/internal/store"
)

// Sizes of the home page.
const (
	homeStories = 30
	// homeItemsScan is how many recent items are read to find homeStories
	// distinct stories (several outlets carry one story).
	homeItemsScan = 3 * homeStories
)

type homePage struct {
	Version    string
	Now        time.Time
	OPMLURL    string
	Feeds      []feedView
	Stories    []storyView
	StoriesErr string
	Sources    []healthRow
	SourcesErr string
}

// healthRow is one source's row of the health table.
type healthRow struct {
	sourceView
	PerDay string // items published a day, estimated
}

// feedView is a published feed with its URLs.
type feedView struct {
	FeedInfo
	RSS, Atom, JSON, Preview string
	Spark                    *sparkline // topic feeds on the home page: daily volume
}

// storyView is one recent story: its face (the earliest-seen copy), the
// topics of its copies and every outlet that carried it.
type storyView struct {
	Title       string
	URL         string
	Lang        string // the language of the face's source, for lang=""; "" when unknown
	SourceTitle string
	Published   time.Time // the face's date, or its first-seen time when the face is not among the items read
	faceID      int64
	Topics      []chip
	Outlets     []outlet
}

// chip is a topic label linking to the topic's feed preview.
type chip struct {
	ID, Title, Href string
}

// outlet is one source's copy of a story.
type outlet struct {
	Title, URL string
}

// home answers GET /: the published feeds, the recent stories and the
// sources' health. A failing store leaves a notice in its sections rather
// than hiding the feeds.
func (h *handler) home(w http.ResponseWriter, r *http.Request) {
	base := h.baseURL(r)
	page := homePage{
		Version: h.Version,
		Now:     h.now(),
		OPMLURL: base + "/feeds.opml",
		Feeds:   feedViews(base, h.feedList()),
	}
	h.addSparklines(r.Context(), page.Feeds, page.Now)
	sources, err := h.sourceViews(r.Context())
	if err != nil {
		_, msg := h.errorStatus(r, err)
		page.SourcesErr = "Source health is unavailable: " + msg + "."
	}
	page.Sources = h.healthRows(r.Context(), sources, page.Now)
	items, _, err := h.Store.Items(r.Context(), store.ItemQuery{Limit: homeItemsScan})
	if err != nil {
		_, msg := h.errorStatus(r, err)
		page.StoriesErr = "Recent stories are unavailable: " + msg + "."
	}
	page.Stories = storyViews(items, h.topicTitles(), h.sourceLanguages(), homeStories)
	h.writeHTML(w, r, http.StatusOK, h.pages.home, page)
}

// addSparklines gives every topic feed its daily volume over the last
// sparkDays days. A failing store only costs the sparklines.
func (h *handler) addSparklines(ctx context.Context, feeds []feedView, now time.Time) {
	daily, err := h.Store.TopicDaily(ctx, sparkDays, now)
	if err != nil {
		h.log.LogAttrs(ctx, slog.LevelWarn, "reading daily topic counts", slog.String("error", err.Error()))
		return
	}
	for i := range feeds {
		if feeds[i].Kind != KindTopic {
			continue
		}
		counts := daily[feeds[i].ID]
		if counts == nil {
			counts = make([]int, sparkDays)
		}
		feeds[i].Spark = newSparkline(counts)
	}
}

// healthRows adds to each enabled source its items-per-day estimate. A
// failing store only costs the estimates.
func (h *handler) healthRows(ctx context.Context, sources []sourceView, now time.Time) []healthRow {
	rows := make([]healthRow, 0, len(sources))
	for _, src := range sources {
		row := healthRow{sourceView: src, PerDay: perDay(-1)}
		if src.Items > 0 {
			rate, err := itemsPerDay(ctx, h.Store, src.ID, now)
			if err != nil {
				h.log.LogAttrs(ctx, slog.LevelWarn, "estimating items per day",
					slog.String("source", src.ID), slog.String("error", err.Error()))
			} else {
				row.PerDay = perDay(rate)
			}
		}
		rows = append(rows, row)
	}
	return rows
}

func feedViews(base string, feeds []FeedInfo) []feedView {
	views := make([]feedView, 0, len(feeds))
	for _, f := range feeds {
		f.Title = displayTitle(f)
		views = append(views, newFeedView(base, f))
	}
	return views
}

func newFeedView(base string, f FeedInfo) feedView {
	return feedView{
		FeedInfo: f,
		RSS:      feedURL(base, f.ID, "rss"),
		Atom:     feedURL(base, f.ID, "atom"),
		JSON:     feedURL(base, f.ID, "json"),
		Preview:  feedURL(base, f.ID, ""),
	}
}

// topicTitles maps the configured topics' ids to their titles.
func (h *handler) topicTitles() map[string]string {
	topics := h.topics()
	titles := make(map[string]string, len(topics))
	for _, t := range topics {
		titles[t.ID] = t.Title
	}
	return titles
}

// sourceLanguages maps the configured sources' ids to their language.
func (h *handler) sourceLanguages() map[string]string {
	langs := make(map[string]string)
	for _, s := range h.sources() {
		if s.Language != "" {
			langs[s.ID] = s.Language
		}
	}
	return langs
}

// storyViews collapses items, newest first, into at most max stories in
// the order of their newest copy, each shown by its face (the earliest-seen
// copy) and uniting the topics of its copies.
func storyViews(items []model.Item, topicTitles, languages map[string]string, max int) []storyView {
	var views []storyView
	index := make(map[string]int) // story key -> position in views
	for i := range items {
		it := &items[i]
		key := it.Story.Key
		if key == "" {
			key = "item:" + strconv.FormatInt(it.ID, 10)
		}
		at, seen := index[key]
		if !seen {
			if len(views) == max {
				continue
			}
			at = len(views)
			index[key] = at
			views = append(views, newStoryView(it, languages))
		}
		if it.ID == views[at].faceID {
			views[at].Published = it.Published
		}
		views[at].Topics = addChips(views[at].Topics, it.Topics, topicTitles)
	}
	return views
}

// memberLink is a story member's URL; the item's own link when the member
// is the item and has no canonical URL (an entry without a link).
func memberLink(it *model.Item, m model.StoryMember) string {
	if m.URL == "" && m.ItemID == it.ID {
		return itemLink(it)
	}
	return m.URL
}

func newStoryView(it *model.Item, languages map[string]string) storyView {
	v := storyView{Title: it.Title, URL: itemLink(it), SourceTitle: sourceName(it.SourceTitle, it.SourceID), Published: it.Published,
		Lang: languages[it.SourceID]}
	members := it.Story.Members
	if len(members) > 0 {
		face := members[0]
		v.Title, v.URL, v.SourceTitle = face.Title, memberLink(it, face), sourceName(face.SourceTitle, face.Source)
		v.Lang = languages[face.Source]
		v.faceID, v.Published = face.ItemID, face.FirstSeen
		if v.Title == "" {
			v.Title = it.Title
		}
	}
	for _, m := range members {
		v.Outlets = append(v.Outlets, outlet{Title: sourceName(m.SourceTitle, m.Source), URL: memberLink(it, m)})
	}
	if len(v.Outlets) == 0 {
		v.Outlets = []outlet{{Title: v.SourceTitle, URL: v.URL}}
	}
	return v
}

// addChips adds the topics of matches that chips lacks.
func addChips(chips []chip, matches []model.TopicMatch, titles map[string]string) []chip {
next:
	for _, m := range matches {
		for _, c := range chips {
			if c.ID == m.Topic {
				continue next
			}
		}
		title := titles[m.Topic]
		if title == "" {
			title = m.Topic
		}
		chips = append(chips, chip{ID: m.Topic, Title: title, Href: feedURL("", m.Topic, "")})
	}
	return chips
}

func sourceName(title, id string) string {
	if title != "" {
		return title
	}
	return id
}
