package web

import (
	"errors"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"
)

func TestHealthz(t *testing.T) {
	tests := []struct {
		name   string
		setup  func(*testing.T, *testEnv)
		status int
		body   string
	}{
		{"StoreAnswers", func(*testing.T, *testEnv) {}, 200, "ok\n"},
		{"StoreFails", func(_ *testing.T, e *testEnv) { e.store.pingErr = errors.New("disk I/O error") }, 503, "store unavailable\n"},
		{"StoreHangs", func(t *testing.T, e *testEnv) {
			block := make(chan struct{})
			e.store.pingBlock = block
			e.h.healthTimeout = 50 * time.Millisecond
			t.Cleanup(func() { close(block) }) // let the abandoned ping end
		}, 503, "store unavailable\n"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			env := newTestEnv(t, nil)
			tt.setup(t, env)
			resp, body := env.get(t, "/healthz")
			if resp.StatusCode != tt.status || string(body) != tt.body {
				t.Errorf("got %d %q, want %d %q", resp.StatusCode, body, tt.status, tt.body)
			}
			if got := resp.Header.Get("Content-Type"); got != "text/plain; charset=utf-8" {
				t.Errorf("Content-Type = %q", got)
			}
		})
	}
}

func TestMetricsRoute(t *testing.T) {
	t.Run("NotServedWithoutHandler", func(t *testing.T) {
		env := newTestEnv(t, nil)
		if resp, _ := env.get(t, "/metrics"); resp.StatusCode != 404 {
			t.Errorf("status = %d, want 404", resp.StatusCode)
		}
	})
	t.Run("ServedByHandler", func(t *testing.T) {
		env := newTestEnv(t, func(s *Server) {
			s.Metrics = http.HandlerFunc(func(w http.ResponseWriter, _ *http.Request) {
				w.Header().Set("Content-Type", "text/plain; version=0.0.4")
				_, _ = w.Write([]byte("aggregator_up 1\n"))
			})
		})
		resp, body := env.get(t, "/metrics")
		if resp.StatusCode != 200 || string(body) != "aggregator_up 1\n" {
			t.Errorf("got %d %q", resp.StatusCode, body)
		}
	})
}

func TestRequestsAreLoggedAtDebug(t *testing.T) {
	env := newTestEnv(t, nil)
	rec := httptest.NewRecorder()
	env.h.serveMux().ServeHTTP(rec, httptest.NewRequest("GET", "/feeds/nope.rss", nil))
	log := env.log.String()
	for _, want := range []string{"level=DEBUG", "msg=request", "path=/feeds/nope.rss", "status=404"} {
		if !strings.Contains(log, want) {
			t.Errorf("log lacks %q:\n%s", want, log)
		}
	}
}

func TestUnknownPathsAndMethods(t *testing.T) {
	env := newTestEnv(t, nil)
	tests := []struct {
		method, path string
		status       int
	}{
		{"GET", "/nope", 404},
		{"GET", "/feeds/", 404},
		{"POST", "/", 405},
		{"DELETE", "/api/items", 405},
		{"HEAD", "/", 200},
		{"HEAD", "/healthz", 200},
	}
	for _, tt := range tests {
		t.Run(tt.method+tt.path, func(t *testing.T) {
			if resp, _ := env.do(t, tt.method, tt.path, nil); resp.StatusCode != tt.status {
				t.Errorf("status = %d, want %d", resp.StatusCode, tt.status)
			}
		})
	}
}
