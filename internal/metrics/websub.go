package metrics

import (
	"context"
	"fmt"
	"log/slog"
	"sync/atomic"
	"time"

	"github.com/prometheus/client_golang/prometheus"

	"aggregator/internal/websub"
)

// WebSubOptions configure the WebSub metrics.
type WebSubOptions struct {
	// Stats reads the built-in hub's or the pinger's counters
	// (websub.Notifier's Stats). Required.
	Stats func() websub.Stats
	// Subscriptions counts the unexpired subscriptions by topic (feed URL),
	// read at every scrape; nil with an external hub.
	Subscriptions func(ctx context.Context) (map[string]int, error)
	Timeout       time.Duration // bounds one count; 0: 5s
	Logger        *slog.Logger
}

// webSubCollector answers the aggregator_websub_* metrics from the
// notifier's own counters at scrape time, so websub needs no Prometheus.
type webSubCollector struct {
	opts WebSubOptions

	deliveries, verifications, pings, publishes *prometheus.Desc
	queued, capacity, retrying, pending         *prometheus.Desc
	subscriptions, countFailures                *prometheus.Desc
	failed                                      atomic.Int64
}

// RegisterWebSub adds the aggregator_websub_* metrics to the registry.
func (m *Metrics) RegisterWebSub(opts WebSubOptions) error {
	if opts.Stats == nil {
		return fmt.Errorf("register websub metrics: Stats is required")
	}
	if opts.Timeout <= 0 {
		opts.Timeout = 5 * time.Second
	}
	if opts.Logger == nil {
		opts.Logger = slog.New(slog.DiscardHandler)
	}
	result := []string{"result"}
	c := &webSubCollector{
		opts: opts,
		deliveries: prometheus.NewDesc("aggregator_websub_deliveries_total",
			"Content deliveries to subscribers by result (ok, retry, failed, gone, superseded, dropped).", result, nil),
		verifications: prometheus.NewDesc("aggregator_websub_verifications_total",
			"Verifications of subscriber intent by result (ok, retry, failed, refused, dropped).", result, nil),
		pings: prometheus.NewDesc("aggregator_websub_pings_total",
			"Publish pings to the external hub by result (ok, retry, failed, refused, dropped).", result, nil),
		publishes: prometheus.NewDesc("aggregator_websub_publishes_total",
			"Feed changes announced, by result (ok: distributed or ping queued; coalesced into a waiting one; dropped).", result, nil),
		queued: prometheus.NewDesc("aggregator_websub_queue_depth",
			"WebSub tasks waiting for a worker.", nil, nil),
		capacity: prometheus.NewDesc("aggregator_websub_queue_capacity",
			"The bound on aggregator_websub_queue_depth; beyond it work is dropped.", nil, nil),
		retrying: prometheus.NewDesc("aggregator_websub_retries_waiting",
			"Failed WebSub tasks waiting out their backoff.", nil, nil),
		pending: prometheus.NewDesc("aggregator_websub_pending_deliveries",
			"Subscribers with content not yet delivered.", nil, nil),
		subscriptions: prometheus.NewDesc("aggregator_websub_subscriptions",
			"Unexpired subscriptions to the built-in hub by topic.", []string{"topic"}, nil),
		countFailures: prometheus.NewDesc("aggregator_websub_subscription_count_failures_total",
			"Scrapes whose subscription count failed or timed out.", nil, nil),
	}
	if err := m.Registry.Register(c); err != nil {
		return fmt.Errorf("register websub metrics: %w", err)
	}
	return nil
}

// Describe implements prometheus.Collector.
func (c *webSubCollector) Describe(ch chan<- *prometheus.Desc) {
	for _, d := range []*prometheus.Desc{c.deliveries, c.verifications, c.pings, c.publishes,
		c.queued, c.capacity, c.retrying, c.pending, c.subscriptions, c.countFailures} {
		ch <- d
	}
}

// Collect implements prometheus.Collector.
func (c *webSubCollector) Collect(ch chan<- prometheus.Metric) {
	s := c.opts.Stats()
	for _, k := range []struct {
		desc   *prometheus.Desc
		counts map[string]uint64
	}{{c.deliveries, s.Deliveries}, {c.verifications, s.Verifications}, {c.pings, s.Pings}, {c.publishes, s.Publishes}} {
		for result, n := range k.counts {
			ch <- prometheus.MustNewConstMetric(k.desc, prometheus.CounterValue, float64(n), result)
		}
	}
	gauge := func(d *prometheus.Desc, v int) {
		ch <- prometheus.MustNewConstMetric(d, prometheus.GaugeValue, float64(v))
	}
	gauge(c.queued, s.Queued)
	gauge(c.capacity, s.Capacity)
	gauge(c.retrying, s.Retrying)
	gauge(c.pending, s.Pending)
	if c.opts.Subscriptions != nil {
		c.collectSubscriptions(ch)
	}
}

// collectSubscriptions counts the subscriptions, bounded by the timeout;
// a failed count leaves the gauges out of the scrape and is counted.
func (c *webSubCollector) collectSubscriptions(ch chan<- prometheus.Metric) {
	defer func() {
		ch <- prometheus.MustNewConstMetric(c.countFailures, prometheus.CounterValue, float64(c.failed.Load()))
	}()
	ctx, cancel := context.WithTimeout(context.Background(), c.opts.Timeout)
	defer cancel()
	counts, err := c.opts.Subscriptions(ctx)
	if err != nil {
		c.failed.Add(1)
		c.opts.Logger.Warn("counting websub subscriptions for /metrics", slog.Any("error", err))
		return
	}
	for topic, n := range counts {
		ch <- prometheus.MustNewConstMetric(c.subscriptions, prometheus.GaugeValue, float64(n), topic)
	}
}
