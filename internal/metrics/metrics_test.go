package metrics

import (
	"io"
	"net/http/httptest"
	"strings"
	"testing"
	"time"
)

func TestHandlerExposesFetchMetrics(t *testing.T) {
	m := New()
	next := time.Unix(1_700_000_000, 0)
	m.ObserveFetch("dawn", "error", 1500*time.Millisecond, 3, time.Time{}, next)
	m.ObserveItems("dawn", 2, 1, 7)
	m.ObserveRefused("dawn", map[string]int{"empty": 2})
	var nilMetrics *Metrics
	nilMetrics.ObserveFetch("x", "ok", 0, 0, time.Time{}, time.Time{}) // a pipeline without metrics
	nilMetrics.ObserveItems("x", 1, 1, 1)
	nilMetrics.ObserveRefused("x", map[string]int{"empty": 1})

	rec := httptest.NewRecorder()
	m.Handler().ServeHTTP(rec, httptest.NewRequest("GET", "/metrics", nil))
	body, _ := io.ReadAll(rec.Body)
	for _, want := range []string{
		`aggregator_fetches_total{result="error",source="dawn"} 1`,
		`aggregator_source_consecutive_failures{source="dawn"} 3`,
		`aggregator_source_next_fetch_timestamp_seconds{source="dawn"} 1.7e+09`,
		`aggregator_source_last_success_timestamp_seconds{source="dawn"} 0`,
		`aggregator_items_total{kind="duplicate",source="dawn"} 7`,
		`aggregator_fetch_duration_seconds_count{source="dawn"} 1`,
		`aggregator_items_refused_total{reason="empty",source="dawn"} 2`,
		"# TYPE aggregator_fetches_total counter",
	} {
		if !strings.Contains(string(body), want) {
			t.Errorf("/metrics lacks %q", want)
		}
	}
}
