package metrics

import (
	"context"
	"strconv"
	"time"

	"github.com/prometheus/client_golang/prometheus"
)

// httpCollectors are the HTTP server's request metrics. Every label has
// few values whatever the traffic: the route is the ServeMux pattern (not
// the path asked for), the method one of the standard ones or "other",
// the code a status code.
type httpCollectors struct {
	requests *prometheus.CounterVec   // route, method, code
	duration *prometheus.HistogramVec // route, method
}

func newHTTPCollectors() httpCollectors {
	return httpCollectors{
		requests: prometheus.NewCounterVec(prometheus.CounterOpts{
			Name: "aggregator_http_requests_total",
			Help: "HTTP requests answered, by route pattern, method and status code (the fast path and net/http together).",
		}, []string{"route", "method", "code"}),
		duration: prometheus.NewHistogramVec(prometheus.HistogramOpts{
			Name: "aggregator_http_request_duration_seconds",
			Help: "Time from a request's header read to its response written, by route pattern and method.",
			// A cached feed answers in well under a millisecond; a
			// full-text search or a cold render takes longer.
			Buckets: []float64{.0001, .00025, .0005, .001, .0025, .005, .01, .025, .05, .1, .25, .5, 1, 2.5, 10},
		}, []string{"route", "method"}),
	}
}

// ObserveHTTP records one answered request. route is the pattern that
// matched ("/feeds/{file}"), or "" for none (404, 405).
func (m *Metrics) ObserveHTTP(route, method string, code int, took time.Duration) {
	if m == nil {
		return
	}
	if route == "" {
		route = "unmatched"
	}
	method = methodLabel(method)
	m.http.requests.WithLabelValues(route, method, strconv.Itoa(code)).Inc()
	m.http.duration.WithLabelValues(route, method).Observe(took.Seconds())
}

// methodLabel keeps the standard methods and folds any other (a client
// may send anything) into "other".
func methodLabel(method string) string {
	switch method {
	case "GET", "HEAD", "POST", "PUT", "DELETE", "OPTIONS", "PATCH":
		return method
	}
	return "other"
}

// RegisterStoreSize adds aggregator_store_size_bytes, read at every
// scrape from size (errors leave the gauge out of that scrape).
func (m *Metrics) RegisterStoreSize(size func(ctx context.Context) (int64, error)) error {
	return m.Registry.Register(&storeSizeCollector{size: size, desc: prometheus.NewDesc("aggregator_store_size_bytes",
		"Bytes the store occupies on disk (for SQLite: the database file and its write-ahead log; for PostgreSQL: its tables with their indexes).", nil, nil)})
}

type storeSizeCollector struct {
	size func(ctx context.Context) (int64, error)
	desc *prometheus.Desc
}

func (c *storeSizeCollector) Describe(ch chan<- *prometheus.Desc) { ch <- c.desc }

func (c *storeSizeCollector) Collect(ch chan<- prometheus.Metric) {
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	n, err := c.size(ctx)
	if err != nil {
		return // the rest of /metrics still answers
	}
	ch <- prometheus.MustNewConstMetric(c.desc, prometheus.GaugeValue, float64(n))
}
