package web

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"net/http"

	"aggregator/internal/store"
)

// clientError is a problem with what the client asked, raised by this
// package with the status and the message the client sees.
type clientError struct {
	status int
	msg    string
}

func (e *clientError) Error() string { return e.msg }

// badRequest returns a 400 error with a message for the client.
func badRequest(format string, args ...any) error {
	return &clientError{status: http.StatusBadRequest, msg: fmt.Sprintf(format, args...)}
}

// notFound returns a 404 error with a message for the client.
func notFound(format string, args ...any) error {
	return &clientError{status: http.StatusNotFound, msg: fmt.Sprintf(format, args...)}
}

// isNotFound reports whether err means that the asked-for thing does not exist.
func (h *handler) isNotFound(err error) bool {
	if h.IsNotFound != nil && h.IsNotFound(err) {
		return true
	}
	return errors.Is(err, store.ErrNotFound)
}

// errorStatus is the one place that maps an error to the status and the
// message a client sees. Unexpected errors are logged and answered with a
// generic message: their text may hold internals.
func (h *handler) errorStatus(r *http.Request, err error) (int, string) {
	var ce *clientError
	switch {
	case errors.As(err, &ce):
		return ce.status, ce.msg
	case errors.Is(err, store.ErrInvalidCursor):
		return http.StatusBadRequest, "before is not a cursor from a previous answer"
	case h.isNotFound(err):
		return http.StatusNotFound, "not found"
	case errors.Is(err, context.Canceled) && r.Context().Err() != nil:
		// The client went away; nobody reads this answer.
		return http.StatusServiceUnavailable, "request canceled"
	case errors.Is(err, context.DeadlineExceeded):
		h.log.LogAttrs(r.Context(), slog.LevelWarn, "request timed out",
			slog.String("path", r.URL.Path), slog.String("error", err.Error()))
		return http.StatusServiceUnavailable, "timed out, try again"
	default:
		h.log.LogAttrs(r.Context(), slog.LevelError, "request failed",
			slog.String("method", r.Method), slog.String("path", r.URL.Path),
			slog.String("error", err.Error()))
		return http.StatusInternalServerError, "internal error"
	}
}

// apiError answers err as JSON: {"error": "..."}.
func (h *handler) apiError(w http.ResponseWriter, r *http.Request, err error) {
	status, msg := h.errorStatus(r, err)
	h.writeJSON(w, r, status, errorBody{Error: msg})
}

// textError answers err as a short plain-text body.
func (h *handler) textError(w http.ResponseWriter, r *http.Request, err error) {
	status, msg := h.errorStatus(r, err)
	w.Header().Set("Content-Type", "text/plain; charset=utf-8")
	w.Header().Set("X-Content-Type-Options", "nosniff")
	w.WriteHeader(status)
	_, _ = fmt.Fprintln(w, msg)
}

type errorBody struct {
	Error string `json:"error"`
}
