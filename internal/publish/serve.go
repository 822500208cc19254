package publish

import (
	"net/http"
	"strconv"
	"strings"
	"time"

	"aggregator/internal/fastpath"
)

// gzipETagSuffix marks the ETag of the gzip-encoded representation, which
// differs from the identity one (RFC 9110 8.8.3).
const gzipETagSuffix = "-gzip"

// headers are a render's response header values, computed once so that
// serving it formats nothing. The slices are shared by every response: they
// are only ever replaced in a response's header map, never appended to in
// place (each has len == cap, so an append copies).
type headers struct {
	etag, etagGzip     []string
	lastModified       []string
	cacheControl       []string
	contentType        []string
	length, lengthGzip []string
	link               []string
	vary, gzip         []string

	// fast holds the same fields as header lines for the fast path,
	// indexed by [gzip][not modified].
	fast [2][2][]byte
}

// newHeaders computes the header values of a render; link is the Link
// header value ("" for none).
func newHeaders(r *Rendered, link string) *headers {
	one := func(v string) []string { return []string{v} }
	hd := &headers{
		etag:         one(r.ETag),
		etagGzip:     one(strings.TrimSuffix(r.ETag, `"`) + gzipETagSuffix + `"`),
		lastModified: one(r.LastModified.UTC().Format(http.TimeFormat)),
		contentType:  one(r.ContentType),
		length:       one(strconv.Itoa(len(r.Body))),
		lengthGzip:   one(strconv.Itoa(len(r.Gzip))),
		vary:         one("Accept-Encoding"),
		gzip:         one("gzip"),
	}
	if r.CacheControl != "" {
		hd.cacheControl = one(r.CacheControl)
	}
	if link != "" {
		hd.link = one(link)
	}
	for gz := range 2 {
		for nm := range 2 {
			hd.fast[gz][nm] = hd.lines(gz == 1, nm == 1)
		}
	}
	return hd
}

// lines are the header fields ServeHTTP sets for a response, gzip-encoded
// or not, 304 or 200, written out as "Name: value\r\n" lines.
func (hd *headers) lines(gz, notModified bool) []byte {
	var b []byte
	add := func(name string, v []string) {
		if v != nil {
			b = append(b, name+": "+v[0]+"\r\n"...)
		}
	}
	if gz {
		add("ETag", hd.etagGzip)
	} else {
		add("ETag", hd.etag)
	}
	add("Last-Modified", hd.lastModified)
	add("Cache-Control", hd.cacheControl)
	add("Vary", hd.vary)
	add("Link", hd.link)
	if notModified {
		return b
	}
	if gz {
		add("Content-Encoding", hd.gzip)
		add("Content-Length", hd.lengthGzip)
	} else {
		add("Content-Length", hd.length)
	}
	add("Content-Type", hd.contentType)
	return b
}

// ServeHTTP answers GET and HEAD with the feed: validators, caching and
// WebSub Link headers, 304 to a matching If-None-Match (or, without one, to
// an If-Modified-Since not older than the content), and the gzip bytes to a
// client that accepts them. It formats nothing: every header value was
// computed when the feed was rendered. A body from memory costs no
// allocation; a large one in the publisher's spool goes out with
// sendfile(2) instead (a few small allocations for the file).
func (r *Rendered) ServeHTTP(w http.ResponseWriter, req *http.Request) {
	h := w.Header()
	if req.Method != http.MethodGet && req.Method != http.MethodHead {
		h.Set("Allow", "GET, HEAD")
		http.Error(w, "method not allowed", http.StatusMethodNotAllowed)
		return
	}
	hd := r.hdr
	if hd == nil { // a Rendered made by hand rather than by render
		hd = newHeaders(r, "")
	}
	gz := len(r.Gzip) > 0 && acceptsGzip(req.Header.Get("Accept-Encoding"))
	// Written with the spelling of RFC 9110: Header.Set would send "Etag",
	// which strict clients looking the name up case-sensitively miss.
	if gz {
		h["ETag"] = hd.etagGzip
	} else {
		h["ETag"] = hd.etag
	}
	h["Last-Modified"] = hd.lastModified
	if hd.cacheControl != nil {
		h["Cache-Control"] = hd.cacheControl
	}
	if v, ok := h["Vary"]; ok {
		h["Vary"] = append(v, hd.vary[0])
	} else {
		h["Vary"] = hd.vary
	}
	if hd.link != nil {
		h["Link"] = hd.link
	}

	if r.preconditionFailed(req.Header.Get("If-Match"), req.Header.Get("If-Unmodified-Since")) {
		http.Error(w, "precondition failed: the feed changed", http.StatusPreconditionFailed)
		return
	}
	if r.notModified(req) {
		w.WriteHeader(http.StatusNotModified)
		return
	}
	body, file := r.Body, r.bodyFile
	if gz {
		body, file = r.Gzip, r.gzipFile
		h["Content-Encoding"] = hd.gzip
		h["Content-Length"] = hd.lengthGzip
	} else {
		h["Content-Length"] = hd.length
	}
	h["Content-Type"] = hd.contentType
	w.WriteHeader(http.StatusOK)
	if req.Method == http.MethodHead {
		return
	}
	if file != "" && sendFile(w, file, body) {
		return
	}
	_, _ = w.Write(body) // the client went away; nothing to do
}

// ServeFast answers a GET or HEAD of the feed on the fast path (package
// fastpath) exactly as ServeHTTP does, from header lines prepared at
// render time; a body in the spool goes out with sendfile(2) from a
// descriptor kept open. It declines a Rendered made by hand.
func (r *Rendered) ServeFast(req *fastpath.Request, resp *fastpath.Response) bool {
	hd := r.hdr
	if hd == nil {
		return false
	}
	gz := len(r.Gzip) > 0 && acceptsGzip(req.AcceptEncoding)
	zi := 0
	if gz {
		zi = 1
	}
	if r.notModifiedBy(req.IfNoneMatch, req.IfModifiedSince) {
		resp.Status = http.StatusNotModified
		resp.Header = append(resp.Header, hd.fast[zi][1]...)
		return true
	}
	resp.Status = http.StatusOK
	resp.Header = append(resp.Header, hd.fast[zi][0]...)
	body, file := r.Body, r.bodyOpen
	if gz {
		body, file = r.Gzip, r.gzipOpen
	}
	resp.Body = body
	if !req.Head && file.acquire() {
		resp.File = file
	}
	return true
}

// preconditionFailed evaluates the request's If-Match, or without one its
// If-Unmodified-Since (RFC 9110 13.2.2 steps 1 and 2): true when the
// feed's current version fails it (412). If-Match compares strongly, with
// the tag of either encoding of the body; an unparsable date is ignored.
func (r *Rendered) preconditionFailed(im, ius string) bool {
	if im != "" {
		return !etagListMatches(im, r.ETag, true)
	}
	if ius == "" {
		return false
	}
	t, err := http.ParseTime(ius)
	if err != nil {
		return false
	}
	return r.LastModified.Truncate(time.Second).After(t)
}

// notModified evaluates the request's If-None-Match when present,
// otherwise its If-Modified-Since (RFC 9110 13.2.2 steps 3 and 4).
func (r *Rendered) notModified(req *http.Request) bool {
	return r.notModifiedBy(req.Header.Get("If-None-Match"), req.Header.Get("If-Modified-Since"))
}

// notModifiedBy is notModified given the two fields' values ("" for
// absent).
func (r *Rendered) notModifiedBy(inm, ims string) bool {
	if inm != "" {
		return etagListMatches(inm, r.ETag, false)
	}
	if ims == "" {
		return false
	}
	t, err := http.ParseTime(ims)
	if err != nil {
		return false
	}
	return !r.LastModified.Truncate(time.Second).After(t)
}

// etagListMatches compares an If-None-Match list weakly with our ETag, or
// an If-Match list strongly (a weak tag never matches), accepting the gzip
// variant's tag for the same body.
func etagListMatches(list, etag string, strong bool) bool {
	want := opaque(etag)
	for list != "" {
		var tag string
		tag, list, _ = strings.Cut(list, ",")
		tag = strings.TrimSpace(tag)
		if tag == "*" {
			return true
		}
		if strong && strings.HasPrefix(tag, "W/") {
			continue
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
	for header != "" {
		var part string
		part, header, _ = strings.Cut(header, ",")
		name, params, _ := strings.Cut(strings.TrimSpace(part), ";")
		name = strings.TrimSpace(name)
		q := 1.0
		for params != "" {
			var p string
			p, params, _ = strings.Cut(params, ";")
			k, v, ok := strings.Cut(strings.TrimSpace(p), "=")
			if ok && strings.EqualFold(strings.TrimSpace(k), "q") {
				if f, err := strconv.ParseFloat(strings.TrimSpace(v), 64); err == nil {
					q = f
				}
			}
		}
		switch {
		case strings.EqualFold(name, "gzip"), strings.EqualFold(name, "x-gzip"):
			return q > 0
		case name == "*":
			star = q > 0
		}
	}
	return star
}
