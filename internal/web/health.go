package web

import (
	"context"
	"fmt"
	"log/slog"
	"net/http"
	"time"
)

// healthTimeout bounds how long /healthz waits for the store.
const healthTimeout = 2 * time.Second

// healthz answers GET /healthz: 200 "ok" when the store answers a ping
// within h.healthTimeout, 503 otherwise. The wait is bounded even for a store
// that ignores its context.
func (h *handler) healthz(w http.ResponseWriter, r *http.Request) {
	ctx, cancel := context.WithTimeout(r.Context(), h.healthTimeout)
	defer cancel()
	done := make(chan error, 1)
	go func() { done <- h.Store.Ping(ctx) }()
	var err error
	select {
	case err = <-done:
	case <-ctx.Done():
		err = ctx.Err()
	}
	w.Header().Set("Content-Type", "text/plain; charset=utf-8")
	w.Header().Set("Cache-Control", "no-store")
	w.Header().Set("X-Content-Type-Options", "nosniff")
	if err != nil {
		h.log.LogAttrs(r.Context(), slog.LevelWarn, "health check failed", slog.String("error", err.Error()))
		w.WriteHeader(http.StatusServiceUnavailable)
		_, _ = fmt.Fprintln(w, "store unavailable")
		return
	}
	_, _ = fmt.Fprintln(w, "ok")
}
