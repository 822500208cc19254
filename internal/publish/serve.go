package publish

import (
	"net/http"
	"strconv"
	"strings"
	"time"
)

// gzipETagSuffix marks the ETag of the gzip-encoded representation, which
// differs from the identity one (RFC 9110 8.8.3).
const gzipETagSuffix = "-gzip"

// ServeHTTP answers GET and HEAD with the feed: validators and caching
// headers, 304 to a matching If-None-Match (or, without one, to an
// If-Modified-Since not older than the content), and the gzip bytes to a
// client that accepts them.
func (r *Rendered) ServeHTTP(w http.ResponseWriter, req *http.Request) {
	h := w.Header()
	if req.Method != http.MethodGet && req.Method != http.MethodHead {
		h.Set("Allow", "GET, HEAD")
		http.Error(w, "method not allowed", http.StatusMethodNotAllowed)
		return
	}
	gz := len(r.Gzip) > 0 && acceptsGzip(req.Header.Get("Accept-Encoding"))
	etag := r.ETag
	if gz {
		etag = strings.TrimSuffix(etag, `"`) + gzipETagSuffix + `"`
	}
	// Written with the spelling of RFC 9110: Header.Set would send "Etag",
	// which strict clients looking the name up case-sensitively miss.
	h["ETag"] = []string{etag}
	h.Set("Last-Modified", r.LastModified.UTC().Format(http.TimeFormat))
	if r.CacheControl != "" {
		h.Set("Cache-Control", r.CacheControl)
	}
	h.Add("Vary", "Accept-Encoding")

	if r.notModified(req) {
		w.WriteHeader(http.StatusNotModified)
		return
	}
	body := r.Body
	if gz {
		body = r.Gzip
		h.Set("Content-Encoding", "gzip")
	}
	h.Set("Content-Type", r.ContentType)
	h.Set("Content-Length", strconv.Itoa(len(body)))
	w.WriteHeader(http.StatusOK)
	if req.Method != http.MethodHead {
		_, _ = w.Write(body) // the client went away; nothing to do
	}
}

// notModified evaluates the request's preconditions (RFC 9110 13.2.2):
// If-None-Match when present, otherwise If-Modified-Since.
func (r *Rendered) notModified(req *http.Request) bool {
	if inm := req.Header.Get("If-None-Match"); inm != "" {
		return etagListMatches(inm, r.ETag)
	}
	ims := req.Header.Get("If-Modified-Since")
	if ims == "" {
		return false
	}
	t, err := http.ParseTime(ims)
	if err != nil {
		return false
	}
	return !r.LastModified.Truncate(time.Second).After(t)
}

// etagListMatches compares an If-None-Match list weakly with our ETag,
// accepting the gzip variant's tag for the same body.
func etagListMatches(list, etag string) bool {
	want := opaque(etag)
	for _, tag := range strings.Split(list, ",") {
		tag = strings.TrimSpace(tag)
		if tag == "*" {
			return true
		}
		got := opaque(tag)
		if got == "" {
			continue
		}
		if got == want || strings.TrimSuffix(got, gzipETagSuffix) == want {
			return true
		}
	}
	return false
}

// opaque is an entity tag without its weakness prefix and quotes, or ""
// when tag is not one.
func opaque(tag string) string {
	tag = strings.TrimPrefix(tag, "W/")
	if len(tag) < 2 || tag[0] != '"' || tag[len(tag)-1] != '"' {
		return ""
	}
	return tag[1 : len(tag)-1]
}

// acceptsGzip says whether an Accept-Encoding header admits gzip (by name
// or by "*") with a non-zero quality.
func acceptsGzip(header string) bool {
	star := false
	for _, part := range strings.Split(header, ",") {
		name, params, _ := strings.Cut(strings.TrimSpace(part), ";")
		name = strings.ToLower(strings.TrimSpace(name))
		q := 1.0
		for _, p := range strings.Split(params, ";") {
			k, v, ok := strings.Cut(strings.TrimSpace(p), "=")
			if ok && strings.EqualFold(strings.TrimSpace(k), "q") {
				if f, err := strconv.ParseFloat(strings.TrimSpace(v), 64); err == nil {
					q = f
				}
			}
		}
		switch name {
		case "gzip", "x-gzip":
			return q > 0
		case "*":
			star = q > 0
		}
	}
	return star
}
