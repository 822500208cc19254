package metrics

import (
	"context"
	"errors"
	"io"
	"net/http/httptest"
	"strings"
	"testing"
	"time"
)

func TestHTTPMetricsKeepLabelsBounded(t *testing.T) {
	m := New()
	m.ObserveHTTP("/feeds/{file}", "GET", 200, time.Millisecond)
	m.ObserveHTTP("", "GET", 404, time.Millisecond)
	m.ObserveHTTP("", "BREW", 405, time.Millisecond) // any method a client makes up
	m.ObserveHTTP("", "FROB", 405, time.Millisecond)
	var nilMetrics *Metrics
	nilMetrics.ObserveHTTP("/x", "GET", 200, 0)
	sizeErr := errors.New("gone")
	fail := false
	if err := m.RegisterStoreSize(func(context.Context) (int64, error) {
		if fail {
			return 0, sizeErr
		}
		return 4096, nil
	}); err != nil {
		t.Fatal(err)
	}
	scrape := func() string {
		rec := httptest.NewRecorder()
		m.Handler().ServeHTTP(rec, httptest.NewRequest("GET", "/metrics", nil))
		if rec.Code != 200 {
			t.Fatalf("/metrics: %d", rec.Code)
		}
		body, _ := io.ReadAll(rec.Body)
		return string(body)
	}
	body := scrape()
	for _, want := range []string{
		`aggregator_http_requests_total{code="200",method="GET",route="/feeds/{file}"} 1`,
		`aggregator_http_requests_total{code="404",method="GET",route="unmatched"} 1`,
		`aggregator_http_requests_total{code="405",method="other",route="unmatched"} 2`,
		`aggregator_http_request_duration_seconds_count{method="GET",route="/feeds/{file}"} 1`,
		`aggregator_store_size_bytes 4096`,
	} {
		if !strings.Contains(body, want) {
			t.Errorf("/metrics lacks %q", want)
		}
	}
	if strings.Contains(body, "BREW") {
		t.Error("a made-up method became a label value")
	}
	fail = true
	if body := scrape(); strings.Contains(body, "aggregator_store_size_bytes ") {
		t.Error("a failed size read still gives a value")
	}
}
