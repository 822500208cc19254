package metrics

import (
	"context"
	"fmt"
	"log/slog"
	"sync/atomic"
	"time"

	"github.com/prometheus/client_golang/prometheus"
)

// Window is a span counted back from the moment of a scrape, named by the
// window label of aggregator_topic_items.
type Window struct {
	Label string
	Span  time.Duration
}

// TopicWindows are the windows of aggregator_topic_items: the last day,
// week and month (the same as /api/topics).
func TopicWindows() []Window {
	return []Window{{"1d", 24 * time.Hour}, {"7d", 7 * 24 * time.Hour}, {"30d", 30 * 24 * time.Hour}}
}

// TopicCounter counts per topic id the items of each window: the i-th
// count is of items since since[i].
type TopicCounter func(ctx context.Context, since []time.Time) (map[string][]int, error)

// TopicOptions configure the topic item gauges.
type TopicOptions struct {
	Topics  func() []string // the configured topic ids, read at every scrape
	Count   TopicCounter
	Timeout time.Duration // bounds one count; 0: 5s
	Now     func() time.Time
	Logger  *slog.Logger
}

// topicCollector answers aggregator_topic_items{topic,window} by counting
// at scrape time, so that the gauges never lag the store or the config.
// A count that fails or times out leaves the gauges out of that scrape
// (the rest of /metrics still answers) and counts the failure.
type topicCollector struct {
	opts     TopicOptions
	items    *prometheus.Desc
	failures *prometheus.Desc
	failed   atomic.Int64
}

// RegisterTopics adds the aggregator_topic_items gauges to the registry.
func (m *Metrics) RegisterTopics(opts TopicOptions) error {
	if opts.Topics == nil || opts.Count == nil {
		return fmt.Errorf("register topic metrics: Topics and Count are required")
	}
	if opts.Timeout <= 0 {
		opts.Timeout = 5 * time.Second
	}
	if opts.Now == nil {
		opts.Now = time.Now
	}
	if opts.Logger == nil {
		opts.Logger = slog.New(slog.DiscardHandler)
	}
	c := &topicCollector{
		opts: opts,
		items: prometheus.NewDesc("aggregator_topic_items",
			"Stored items carrying a topic, first seen within the window before the scrape.",
			[]string{"topic", "window"}, nil),
		failures: prometheus.NewDesc("aggregator_topic_count_failures_total",
			"Scrapes whose topic item count failed or timed out.", nil, nil),
	}
	if err := m.Registry.Register(c); err != nil {
		return fmt.Errorf("register topic metrics: %w", err)
	}
	return nil
}

// Describe implements prometheus.Collector.
func (c *topicCollector) Describe(ch chan<- *prometheus.Desc) {
	ch <- c.items
	ch <- c.failures
}

// Collect implements prometheus.Collector.
func (c *topicCollector) Collect(ch chan<- prometheus.Metric) {
	defer func() {
		ch <- prometheus.MustNewConstMetric(c.failures, prometheus.CounterValue, float64(c.failed.Load()))
	}()
	windows := TopicWindows()
	now := c.opts.Now()
	since := make([]time.Time, len(windows))
	for i, w := range windows {
		since[i] = now.Add(-w.Span)
	}
	ctx, cancel := context.WithTimeout(context.Background(), c.opts.Timeout)
	defer cancel()
	counts, err := c.opts.Count(ctx, since)
	if err != nil {
		c.failed.Add(1)
		c.opts.Logger.Warn("counting topic items for /metrics", slog.Any("error", err))
		return
	}
	for _, topic := range c.opts.Topics() {
		n := counts[topic]
		for i, w := range windows {
			v := 0
			if i < len(n) {
				v = n[i]
			}
			ch <- prometheus.MustNewConstMetric(c.items, prometheus.GaugeValue, float64(v), topic, w.Label)
		}
	}
}
