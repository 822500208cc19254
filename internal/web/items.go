package web

import (
	"net/http"
	"slices"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"aggregator/internal/model"
	"aggregator/internal/store"
)

// Limits of GET /api/items.
const (
	defaultItemsLimit = 50
	maxItemsLimit     = 500
	maxQueryLen       = 500 // bytes of q
	maxCursorLen      = 200 // bytes of before
)

type itemsResponse struct {
	Items []itemJSON `json:"items"`
	Next  string     `json:"next"`
}

// itemJSON is one stored item as the API shows it.
type itemJSON struct {
	ID           string      `json:"id"`
	Title        string      `json:"title"`
	TitleDerived bool        `json:"title_derived,omitempty"` // the title was made from the text: the entry had none
	URL          string      `json:"url"`
	Source       string      `json:"source"`
	SourceTitle  string      `json:"source_title"`
	Published    string      `json:"published"`
	Updated      string      `json:"updated,omitempty"`
	FirstSeen    string      `json:"first_seen"`
	Author       string      `json:"author,omitempty"`
	Summary      string      `json:"summary"`
	Image        string      `json:"image,omitempty"`
	Categories   []string    `json:"categories,omitempty"`
	Topics       []topicJSON `json:"topics"`
	Story        storyJSON   `json:"story"`
	Snippet      string      `json:"snippet,omitempty"`
}

type topicJSON struct {
	ID    string    `json:"id"`
	Terms []string  `json:"terms"`
	Hits  []hitJSON `json:"hits"`
	Via   string    `json:"via,omitempty"` // "classifier": the topic's classifier applied it, not its rules
}

type hitJSON struct {
	Term   string `json:"term"`
	Field  string `json:"field"`
	Offset int    `json:"offset"`
}

type storyJSON struct {
	ID    string          `json:"id"`
	Items []storyItemJSON `json:"items"`
}

type storyItemJSON struct {
	ID          string `json:"id"`
	Source      string `json:"source"`
	SourceTitle string `json:"source_title"`
	URL         string `json:"url"`
	Title       string `json:"title"`
	FirstSeen   string `json:"first_seen,omitempty"`
}

// apiItems answers GET /api/items?topic=&source=&q=&limit=&before=: stored
// items newest first, with the cursor of the next page ("" at the end).
func (h *handler) apiItems(w http.ResponseWriter, r *http.Request) {
	q, err := h.itemQuery(r)
	if err != nil {
		h.apiError(w, r, err)
		return
	}
	items, next, err := h.Store.Items(r.Context(), q)
	if err != nil {
		h.apiError(w, r, err)
		return
	}
	resp := itemsResponse{Items: make([]itemJSON, 0, len(items)), Next: next}
	for i := range items {
		resp.Items = append(resp.Items, toItemJSON(&items[i]))
	}
	h.writeJSON(w, r, http.StatusOK, resp)
}

// apiItem answers GET /api/items/{id}: one stored item.
func (h *handler) apiItem(w http.ResponseWriter, r *http.Request) {
	id, err := strconv.ParseInt(r.PathValue("id"), 10, 64)
	if err != nil || id <= 0 {
		h.apiError(w, r, notFound("no item %.64q", r.PathValue("id")))
		return
	}
	it, err := h.Store.Item(r.Context(), id)
	if err != nil {
		if h.isNotFound(err) {
			err = notFound("no item %d", id)
		}
		h.apiError(w, r, err)
		return
	}
	h.writeJSON(w, r, http.StatusOK, toItemJSON(&it))
}

// itemQuery reads and checks the query of GET /api/items.
func (h *handler) itemQuery(r *http.Request) (store.ItemQuery, error) {
	v := r.URL.Query()
	q := store.ItemQuery{
		Topic:  strings.TrimSpace(v.Get("topic")),
		Source: strings.TrimSpace(v.Get("source")),
		Text:   strings.TrimSpace(v.Get("q")),
		Before: v.Get("before"),
		Limit:  defaultItemsLimit,
	}
	if s := v.Get("limit"); s != "" {
		n, err := strconv.Atoi(s)
		if err != nil || n < 1 || n > maxItemsLimit {
			return q, badRequest("limit must be a whole number from 1 to %d, not %.64q", maxItemsLimit, s)
		}
		q.Limit = n
	}
	if q.Topic != "" && !validID(q.Topic) {
		return q, badRequest("topic %.64q is not a topic id", q.Topic)
	}
	if q.Topic != "" && h.Topics != nil && !h.hasTopic(q.Topic) {
		return q, badRequest("unknown topic %.64q", q.Topic)
	}
	if q.Source != "" && !validID(q.Source) {
		return q, badRequest("source %.64q is not a source id", q.Source)
	}
	if q.Source != "" && h.Sources != nil && !h.hasSource(q.Source) {
		return q, badRequest("unknown source %.64q: /api/sources lists them", q.Source)
	}
	if len(q.Text) > maxQueryLen || !utf8.ValidString(q.Text) {
		return q, badRequest("q must be valid UTF-8 of at most %d bytes", maxQueryLen)
	}
	if len(q.Before) > maxCursorLen {
		return q, badRequest("before is not a cursor from a previous answer")
	}
	return q, nil
}

func (h *handler) hasSource(id string) bool {
	return slices.ContainsFunc(h.sources(), func(s model.Source) bool { return s.ID == id })
}

func (h *handler) hasTopic(id string) bool {
	return slices.ContainsFunc(h.topics(), func(t model.Topic) bool { return t.ID == id })
}

func toItemJSON(it *model.Item) itemJSON {
	out := itemJSON{
		ID:           strconv.FormatInt(it.ID, 10),
		Title:        it.Title,
		TitleDerived: it.TitleDerived,
		URL:          itemLink(it),
		Source:       it.SourceID,
		SourceTitle:  it.SourceTitle,
		Published:    rfc3339(it.Published),
		Updated:      rfc3339(it.Updated),
		FirstSeen:    rfc3339(it.FirstSeen),
		Author:       it.Author,
		Summary:      it.Summary,
		Image:        it.ImageURL,
		Categories:   it.Categories,
		Topics:       make([]topicJSON, 0, len(it.Topics)),
		Story:        toStoryJSON(&it.Story),
		Snippet:      it.Snippet,
	}
	for _, tm := range it.Topics {
		t := topicJSON{ID: tm.Topic, Terms: tm.Terms, Hits: make([]hitJSON, 0, len(tm.Hits)), Via: tm.Via}
		if t.Terms == nil {
			t.Terms = []string{}
		}
		for _, hit := range tm.Hits {
			t.Hits = append(t.Hits, hitJSON{Term: hit.Term, Field: hit.Field, Offset: hit.Offset})
		}
		out.Topics = append(out.Topics, t)
	}
	return out
}

func toStoryJSON(st *model.Story) storyJSON {
	out := storyJSON{ID: st.Key, Items: make([]storyItemJSON, 0, len(st.Members))}
	for _, m := range st.Members {
		out.Items = append(out.Items, storyItemJSON{
			ID:          strconv.FormatInt(m.ItemID, 10),
			Source:      m.Source,
			SourceTitle: m.SourceTitle,
			URL:         m.URL,
			Title:       m.Title,
			FirstSeen:   rfc3339(m.FirstSeen),
		})
	}
	return out
}

// rfc3339 formats t in UTC to the second, or "" when it is zero.
func rfc3339(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return t.UTC().Format(time.RFC3339)
}

// rfc3339Ptr is rfc3339 for fields that are null when unknown.
func rfc3339Ptr(t time.Time) *string {
	if t.IsZero() {
		return nil
	}
	s := rfc3339(t)
	return &s
}

// itemLink is the item's canonical URL, or, for an entry that had no link
// of its own, the feed's site it links to (RawURL).
func itemLink(it *model.Item) string {
	if it.URL != "" {
		return it.URL
	}
	return it.RawURL
}
