package web

import (
	"context"
	"fmt"
	"net/http"
	"time"

	"aggregator/internal/model"
	"aggregator/internal/redact"
)

// sourceView is a configured source merged with what the store remembers
// about fetching it: one row of the health table.
type sourceView struct {
	model.Source
	Status              string
	LastFetch           time.Time
	LastSuccess         time.Time
	NextFetch           time.Time
	RetryAfter          time.Time // zero unless still in the future
	LastError           string
	ConsecutiveFailures int
	Items               int
	PermanentURL        string
	Gone                bool
	Refused             map[string]int // the last stored fetch's refused entries, by reason
	RefusedTotal        int
}

// sourceViews merges the configured sources, in config order, with the
// store's fetch state.
func (h *handler) sourceViews(ctx context.Context) ([]sourceView, error) {
	configured := h.sources()
	if len(configured) == 0 {
		return nil, nil
	}
	states, err := h.Store.Sources(ctx)
	if err != nil {
		return nil, fmt.Errorf("listing source states: %w", err)
	}
	byID := make(map[string]model.SourceState, len(states))
	for _, st := range states {
		byID[st.SourceID] = st
	}
	now := h.now()
	views := make([]sourceView, 0, len(configured))
	for _, src := range configured {
		st, known := byID[src.ID]
		// URLs shown without their credentials (the fetch uses the real
		// ones); errors stored before redaction existed are redacted too.
		src.URL = redact.URL(src.URL)
		v := sourceView{
			Source:              src,
			Status:              st.Status,
			LastFetch:           st.LastFetch,
			LastSuccess:         st.LastSuccess,
			NextFetch:           st.NextFetch,
			LastError:           redact.Text(st.LastError),
			ConsecutiveFailures: st.ConsecutiveFailures,
			Items:               st.Items,
			PermanentURL:        redact.URL(st.PermanentURL),
			Gone:                st.Gone,
			Refused:             st.Refused,
			RefusedTotal:        st.RefusedTotal(),
		}
		if st.RetryAfter.After(now) {
			v.RetryAfter = st.RetryAfter
		}
		switch {
		case !src.Enabled || st.Gone:
			v.Status = model.StatusDisabled
			v.NextFetch = time.Time{}
		case !known || v.Status == "":
			v.Status = model.StatusNever
		}
		// The stored next fetch is only a "not before" bound (the
		// publisher's freshness hint or a backoff); after a hint-less
		// success it equals the last fetch. The real next fetch is the
		// scheduler's tick, unless the bound is later.
		if v.Status != model.StatusDisabled && h.NextFetch != nil {
			if tick := h.NextFetch(src.ID); tick.After(v.NextFetch) {
				v.NextFetch = tick
			}
		}
		views = append(views, v)
	}
	return views, nil
}

type sourcesResponse struct {
	Sources []sourceJSON `json:"sources"`
}

// sourceJSON is one source as GET /api/sources shows it. Times are RFC 3339,
// null when unknown.
type sourceJSON struct {
	ID                  string  `json:"id"`
	Title               string  `json:"title"`
	URL                 string  `json:"url"`
	Region              string  `json:"region"`
	Language            string  `json:"language"`
	Enabled             bool    `json:"enabled"`
	Status              string  `json:"status"`
	LastFetch           *string `json:"last_fetch"`
	LastSuccess         *string `json:"last_success"`
	LastError           string  `json:"last_error"`
	ConsecutiveFailures int     `json:"consecutive_failures"`
	NextFetch           *string `json:"next_fetch"`
	Items               int     `json:"items"`
	PermanentURL        string  `json:"permanent_url,omitempty"`
	RetryAfter          *string `json:"retry_after,omitempty"`
	Gone                bool    `json:"gone,omitempty"`
	// Refused counts the entries of the last stored fetch that could not
	// be stored; RefusedReasons splits them by reason.
	Refused        int            `json:"refused"`
	RefusedReasons map[string]int `json:"refused_reasons"`
}

// apiSources answers GET /api/sources: every configured source's health.
func (h *handler) apiSources(w http.ResponseWriter, r *http.Request) {
	views, err := h.sourceViews(r.Context())
	if err != nil {
		h.apiError(w, r, err)
		return
	}
	resp := sourcesResponse{Sources: make([]sourceJSON, 0, len(views))}
	for _, v := range views {
		resp.Sources = append(resp.Sources, sourceJSON{
			ID:                  v.ID,
			Title:               v.Title,
			URL:                 v.URL,
			Region:              v.Region,
			Language:            v.Language,
			Enabled:             v.Enabled,
			Status:              v.Status,
			LastFetch:           rfc3339Ptr(v.LastFetch),
			LastSuccess:         rfc3339Ptr(v.LastSuccess),
			LastError:           v.LastError,
			ConsecutiveFailures: v.ConsecutiveFailures,
			NextFetch:           rfc3339Ptr(v.NextFetch),
			Items:               v.Items,
			PermanentURL:        v.PermanentURL,
			RetryAfter:          rfc3339Ptr(v.RetryAfter),
			Gone:                v.Gone,
			Refused:             v.RefusedTotal,
			RefusedReasons:      nonNilCounts(v.Refused),
		})
	}
	h.writeJSON(w, r, http.StatusOK, resp)
}

// nonNilCounts is counts, or an empty map so that JSON shows {} not null.
func nonNilCounts(counts map[string]int) map[string]int {
	if counts == nil {
		return map[string]int{}
	}
	return counts
}
