// Package metrics holds the Prometheus collectors of one running
// aggregator, on a registry of its own (no package-level state).
package metrics

import (
	"net/http"
	"time"

	"github.com/prometheus/client_golang/prometheus"
	"github.com/prometheus/client_golang/prometheus/collectors"
	"github.com/prometheus/client_golang/prometheus/promhttp"
)

// Metrics are the collectors the pipeline and the server update.
type Metrics struct {
	Registry *prometheus.Registry

	Fetches             *prometheus.CounterVec   // source, result
	FetchDuration       *prometheus.HistogramVec // source
	Items               *prometheus.CounterVec   // source, kind (new, updated, duplicate)
	Refused             *prometheus.CounterVec   // source, reason
	ConsecutiveFailures *prometheus.GaugeVec     // source
	LastSuccess         *prometheus.GaugeVec     // source
	NextFetch           *prometheus.GaugeVec     // source

	http httpCollectors
}

// New registers every collector on a new registry.
func New() *Metrics {
	m := &Metrics{
		Registry: prometheus.NewRegistry(),
		Fetches: prometheus.NewCounterVec(prometheus.CounterOpts{
			Name: "aggregator_fetches_total", Help: "Source fetches by result (ok, not_modified, error, skipped).",
		}, []string{"source", "result"}),
		FetchDuration: prometheus.NewHistogramVec(prometheus.HistogramOpts{
			Name: "aggregator_fetch_duration_seconds", Help: "Time to fetch, parse and store one source.",
			Buckets: []float64{.05, .1, .25, .5, 1, 2.5, 5, 10, 20, 60},
		}, []string{"source"}),
		Items: prometheus.NewCounterVec(prometheus.CounterOpts{
			Name: "aggregator_items_total", Help: "Items seen in fetched documents, by what they did to the store.",
		}, []string{"source", "kind"}),
		Refused: prometheus.NewCounterVec(prometheus.CounterOpts{
			Name: "aggregator_items_refused_total", Help: "Entries of fetched documents that could not be stored, by reason.",
		}, []string{"source", "reason"}),
		ConsecutiveFailures: prometheus.NewGaugeVec(prometheus.GaugeOpts{
			Name: "aggregator_source_consecutive_failures", Help: "Failed fetches in a row of a source.",
		}, []string{"source"}),
		LastSuccess: prometheus.NewGaugeVec(prometheus.GaugeOpts{
			Name: "aggregator_source_last_success_timestamp_seconds", Help: "Unix time of the last successful fetch of a source.",
		}, []string{"source"}),
		NextFetch: prometheus.NewGaugeVec(prometheus.GaugeOpts{
			Name: "aggregator_source_next_fetch_timestamp_seconds", Help: "Unix time before which a source will not be fetched again.",
		}, []string{"source"}),
	}
	m.Registry.MustRegister(m.Fetches, m.FetchDuration, m.Items, m.Refused, m.ConsecutiveFailures, m.LastSuccess, m.NextFetch,
		collectors.NewGoCollector(), collectors.NewProcessCollector(collectors.ProcessCollectorOpts{}))

	m.http = newHTTPCollectors()
	m.Registry.MustRegister(m.http.requests, m.http.duration)
	return m
}

// Handler serves the registry in the Prometheus text format.
func (m *Metrics) Handler() http.Handler {
	return promhttp.HandlerFor(m.Registry, promhttp.HandlerOpts{})
}

// unixSeconds is t as a gauge value, 0 for the zero time.
func unixSeconds(t time.Time) float64 {
	if t.IsZero() {
		return 0
	}
	return float64(t.UnixNano()) / 1e9
}

// ObserveFetch records one fetch of a source.
func (m *Metrics) ObserveFetch(source, result string, took time.Duration, failures int, lastSuccess, next time.Time) {
	if m == nil {
		return
	}
	m.Fetches.WithLabelValues(source, result).Inc()
	m.FetchDuration.WithLabelValues(source).Observe(took.Seconds())
	m.ConsecutiveFailures.WithLabelValues(source).Set(float64(failures))
	m.LastSuccess.WithLabelValues(source).Set(unixSeconds(lastSuccess))
	m.NextFetch.WithLabelValues(source).Set(unixSeconds(next))
}

// ObserveItems records what a fetch's items did to the store.
func (m *Metrics) ObserveItems(source string, added, updated, duplicate int) {
	if m == nil {
		return
	}
	m.Items.WithLabelValues(source, "new").Add(float64(added))
	m.Items.WithLabelValues(source, "updated").Add(float64(updated))
	m.Items.WithLabelValues(source, "duplicate").Add(float64(duplicate))
}

// ObserveRefused records the entries a fetch could not store, by reason.
func (m *Metrics) ObserveRefused(source string, byReason map[string]int) {
	if m == nil {
		return
	}
	for reason, n := range byReason {
		m.Refused.WithLabelValues(source, reason).Add(float64(n))
	}
}
