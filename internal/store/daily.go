package store

import (
	"context"
	"fmt"
	"time"
)

// maxDailyDays bounds TopicDaily's window.
const maxDailyDays = 366

// TopicDaily counts, per topic, the items published on each of the last
// days UTC calendar days up to and including now's. Each slice has days
// entries, oldest first; a topic with no item in the window is absent.
// An item counts on its Published day (the first-seen time when the
// source gave none or claimed the future).
func (s *DB) TopicDaily(ctx context.Context, days int, now time.Time) (map[string][]int, error) {
	if days < 1 || days > maxDailyDays {
		return nil, fmt.Errorf("topic daily counts: days = %d, want 1..%d", days, maxDailyDays)
	}
	end := now.UTC().Truncate(24 * time.Hour).Add(24 * time.Hour) // the end of now's day
	start := end.Add(-time.Duration(days) * 24 * time.Hour)
	const day = int64(24 * time.Hour / time.Millisecond)
	rows, err := s.read.QueryContext(ctx, `SELECT topic, (published - ?1) / ?3 AS d, COUNT(*)
		FROM item_topics WHERE published >= ?1 AND published < ?2
		GROUP BY topic, d`, toMS(start), toMS(end), day)
	if err != nil {
		return nil, fmt.Errorf("topic daily counts: %w", err)
	}
	defer rows.Close()
	counts := make(map[string][]int)
	for rows.Next() {
		var (
			topic string
			d, n  int
		)
		if err := rows.Scan(&topic, &d, &n); err != nil {
			return nil, fmt.Errorf("topic daily counts: %w", err)
		}
		if d < 0 || d >= days {
			continue
		}
		series := counts[topic]
		if series == nil {
			series = make([]int, days)
			counts[topic] = series
		}
		series[d] += n
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("topic daily counts: %w", err)
	}
	return counts, nil
}
