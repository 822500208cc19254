package main

import (
	"context"
	"log/slog"
	"time"

	"aggregator/internal/metrics"
)

// topicCountTimeout bounds the store query behind one scrape's topic
// gauges: a slow store must not hold up /metrics.
const topicCountTimeout = 5 * time.Second

// registerTopicMetrics adds aggregator_topic_items{topic,window}, counted
// from the store at scrape time for the topics configured then.
func (m *Main) registerTopicMetrics() {
	err := m.app.metrics.RegisterTopics(metrics.TopicOptions{
		Topics: func() []string {
			topics := m.rules().cfg.Topics
			ids := make([]string, len(topics))
			for i, t := range topics {
				ids[i] = t.ID
			}
			return ids
		},
		Count: func(ctx context.Context, since []time.Time) (map[string][]int, error) {
			counts, err := m.app.store.TopicCounts(ctx, since)
			if err != nil {
				return nil, err
			}
			out := make(map[string][]int, len(counts))
			for topic, c := range counts {
				out[topic] = c.Since
			}
			return out, nil
		},
		Timeout: topicCountTimeout,
		Logger:  m.app.logger,
	})
	if err != nil {
		m.app.logger.Warn("topic item gauges not available", slog.Any("error", err))
	}
}
