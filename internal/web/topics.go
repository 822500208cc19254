package web

import (
	"net/http"
	"time"

	"aggregator/internal/metrics"
	"aggregator/internal/store"
)

type topicsResponse struct {
	Topics []topicStatsJSON `json:"topics"`
	// CountedBy says which time places an item in a window: first_seen,
	// when it reached us (a backdated item counts when it arrives).
	CountedBy string `json:"counted_by"`
	AsOf      string `json:"as_of"`
}

// topicStatsJSON is one configured topic with its item counts.
type topicStatsJSON struct {
	ID          string         `json:"id"`
	Title       string         `json:"title"`
	Description string         `json:"description,omitempty"`
	Keywords    []string       `json:"keywords,omitempty"`
	Query       string         `json:"query,omitempty"`
	Exclude     []string       `json:"exclude,omitempty"`
	Items       map[string]int `json:"items"` // "1d", "7d", "30d", "total"
}

// apiTopics answers GET /api/topics: every configured topic, in config
// order, with how many stored items it has from the last day, week and
// month (by first seen) and in all.
func (h *handler) apiTopics(w http.ResponseWriter, r *http.Request) {
	now := h.now()
	windows := metrics.TopicWindows() // the same windows as aggregator_topic_items
	since := make([]time.Time, len(windows))
	for i, win := range windows {
		since[i] = now.Add(-win.Span)
	}
	counts, err := h.Store.TopicCounts(r.Context(), since)
	if err != nil {
		h.apiError(w, r, err)
		return
	}
	topics := h.topics()
	resp := topicsResponse{Topics: make([]topicStatsJSON, 0, len(topics)), CountedBy: "first_seen", AsOf: rfc3339(now)}
	for _, tp := range topics {
		resp.Topics = append(resp.Topics, topicStatsJSON{
			ID: tp.ID, Title: tp.Title, Description: tp.Description,
			Keywords: tp.Keywords, Query: tp.Query, Exclude: tp.Exclude,
			Items: windowCounts(windows, counts[tp.ID]),
		})
	}
	h.writeJSON(w, r, http.StatusOK, resp)
}

// windowCounts names a topic's counts; a topic without items has zeros.
func windowCounts(windows []metrics.Window, c store.TopicCount) map[string]int {
	out := make(map[string]int, len(windows)+1)
	for i, win := range windows {
		n := 0
		if i < len(c.Since) {
			n = c.Since[i]
		}
		out[win.Label] = n
	}
	out["total"] = c.Total
	return out
}
