package web

import (
	"bytes"
	"encoding/json"
	"log/slog"
	"net/http"
	"strconv"
)

// contentSecurityPolicy allows the pages nothing but their own inline
// styles and images: no scripts, frames, forms or outside assets.
const contentSecurityPolicy = "default-src 'none'; style-src 'unsafe-inline'; img-src 'self' data:; " +
	"base-uri 'none'; form-action 'self'; frame-ancestors 'none'"

// writeJSON answers v as JSON with status. v is encoded before anything is
// written, so an encoding failure is still a clean 500.
func (h *handler) writeJSON(w http.ResponseWriter, r *http.Request, status int, v any) {
	body, err := json.Marshal(v)
	if err != nil {
		h.log.LogAttrs(r.Context(), slog.LevelError, "encoding JSON",
			slog.String("path", r.URL.Path), slog.String("error", err.Error()))
		status, body = http.StatusInternalServerError, []byte(`{"error":"internal error"}`)
	}
	body = append(body, '\n')
	hd := w.Header()
	hd.Set("Content-Type", "application/json; charset=utf-8")
	hd.Set("Content-Length", strconv.Itoa(len(body)))
	hd.Set("X-Content-Type-Options", "nosniff")
	hd.Set("Cache-Control", "no-cache")
	w.WriteHeader(status)
	_, _ = w.Write(body)
}

// writeHTML renders the named page with data and answers it with the
// security headers every page carries. The page is rendered in full before
// anything is written, so a template failure is still a clean 500.
func (h *handler) writeHTML(w http.ResponseWriter, r *http.Request, status int, page pageTemplate, data any) {
	var buf bytes.Buffer
	if err := page.Execute(&buf, data); err != nil {
		h.textError(w, r, err)
		return
	}
	setPageHeaders(w.Header())
	w.Header().Set("Content-Length", strconv.Itoa(buf.Len()))
	w.WriteHeader(status)
	_, _ = w.Write(buf.Bytes())
}

func setPageHeaders(hd http.Header) {
	hd.Set("Content-Type", "text/html; charset=utf-8")
	hd.Set("Content-Security-Policy", contentSecurityPolicy)
	hd.Set("X-Content-Type-Options", "nosniff")
	hd.Set("X-Frame-Options", "DENY")
	hd.Set("Referrer-Policy", "no-referrer")
	hd.Set("Cache-Control", "no-cache")
}
