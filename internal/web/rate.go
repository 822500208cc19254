package web

import (
	"context"
	"fmt"
	"time"

	"aggregator/internal/store"
)

// Items-per-day estimation for the health table: from a source's newest
// rateScan items, those published within rateWindow.
const (
	rateScan   = 50
	rateWindow = 7 * 24 * time.Hour
)

// itemsPerDay estimates how many items a source publishes a day, from its
// newest items by published date: those of the last rateWindow, over the
// window, or over the span they cover when the scan is full before the
// window's start (a busy source). Published rather than first-seen dates,
// so that a source's first fetch, which stores its whole backlog at once,
// does not look like a burst. -1 when the source has no items.
func itemsPerDay(ctx context.Context, st store.Store, sourceID string, now time.Time) (float64, error) {
	items, _, err := st.Items(ctx, store.ItemQuery{Source: sourceID, Limit: rateScan})
	if err != nil {
		return 0, fmt.Errorf("items of %s: %w", sourceID, err)
	}
	if len(items) == 0 {
		return -1, nil
	}
	since := now.Add(-rateWindow)
	n := 0
	for _, it := range items {
		if !it.Published.Before(since) && !it.Published.After(now) {
			n++
		}
	}
	span := rateWindow
	if n == rateScan {
		span = max(now.Sub(items[len(items)-1].Published), 24*time.Hour)
	}
	return float64(n) / (float64(span) / float64(24*time.Hour)), nil
}

// perDay formats an items-per-day estimate for people.
func perDay(rate float64) string {
	switch {
	case rate < 0:
		return "–"
	case rate == 0:
		return "0"
	case rate < 1:
		return fmt.Sprintf("%.1f", rate)
	}
	return fmt.Sprintf("%.0f", rate)
}
