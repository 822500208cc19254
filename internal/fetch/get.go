package fetch

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"net/url"
	"time"

	"aggregator/internal/redact"
)

// acceptFeeds prefers feed types, then generic XML and JSON, then anything
// (an HTML page may still link to its feeds).
const acceptFeeds = "application/rss+xml, application/atom+xml, application/feed+json, " +
	"application/rdf+xml;q=0.9, application/xml;q=0.9, text/xml;q=0.9, application/json;q=0.8, " +
	"text/html;q=0.5, */*;q=0.1"

// Request is one conditional fetch.
type Request struct {
	URL          string
	ETag         string // sent as If-None-Match
	LastModified string // sent as If-Modified-Since
}

// Response is a successful (2xx or 304) fetch.
type Response struct {
	URL          string // final URL after redirects
	Status       int
	NotModified  bool   // 304
	Body         []byte // decompressed, at most MaxBody
	ContentType  string
	ETag         string
	LastModified string
	// PermanentURL is set when only 301/308 redirects led to the final URL:
	// the feed's new permanent address.
	PermanentURL string
	// MaxAge is from Cache-Control max-age or Expires, 0 when absent.
	MaxAge time.Duration
}

// Get fetches r.URL, following redirects, within the whole-request timeout.
// Errors are wrapped with the URL; see StatusError, ErrGone, ErrTooLarge,
// ErrPrivateAddress and Transient.
func (c *Client) Get(ctx context.Context, r Request) (*Response, error) {
	resp, err := c.get(ctx, r)
	if err != nil {
		return nil, fmt.Errorf("fetch %s: %w", redact.URL(r.URL), err)
	}
	return resp, nil
}

func (c *Client) get(ctx context.Context, r Request) (*Response, error) {
	u, err := url.Parse(r.URL)
	if err != nil {
		return nil, fmt.Errorf("bad URL: %w", err)
	}
	if u.Scheme != "http" && u.Scheme != "https" {
		return nil, fmt.Errorf("unsupported URL scheme %q", u.Scheme)
	}
	if u.Host == "" {
		return nil, errors.New("URL has no host")
	}

	st := &requestState{permanent: true}
	if c.privateHost(u.Hostname()) {
		st.trusted = u.Hostname()
	}
	ctx, cancel := context.WithTimeout(context.WithValue(ctx, stateKey{}, st), c.opts.Timeout)
	defer cancel()

	req, err := http.NewRequestWithContext(ctx, http.MethodGet, u.String(), nil)
	if err != nil {
		return nil, fmt.Errorf("build request: %w", err)
	}
	req.Header.Set("User-Agent", c.opts.UserAgent)
	req.Header.Set("Accept", acceptFeeds)
	req.Header.Set("Accept-Encoding", "gzip, deflate")
	if r.ETag != "" {
		req.Header.Set("If-None-Match", r.ETag)
	}
	if r.LastModified != "" {
		req.Header.Set("If-Modified-Since", r.LastModified)
	}

	resp, err := c.client.Do(req)
	if err != nil {
		return nil, unwrapURLError(err)
	}
	defer resp.Body.Close()

	now := time.Now()
	out := &Response{
		URL:          resp.Request.URL.String(),
		Status:       resp.StatusCode,
		ContentType:  resp.Header.Get("Content-Type"),
		ETag:         resp.Header.Get("ETag"),
		LastModified: resp.Header.Get("Last-Modified"),
		MaxAge:       maxAge(resp.Header, now),
	}
	if st.redirected && st.permanent && out.URL != r.URL {
		out.PermanentURL = out.URL
	}

	switch {
	case resp.StatusCode == http.StatusNotModified:
		out.NotModified = true
		// Keep the validators we sent when the 304 omits them.
		if out.ETag == "" {
			out.ETag = r.ETag
		}
		if out.LastModified == "" {
			out.LastModified = r.LastModified
		}
		return out, nil
	case resp.StatusCode < 200 || resp.StatusCode > 299:
		se := &StatusError{Status: resp.StatusCode}
		if resp.StatusCode == http.StatusTooManyRequests || resp.StatusCode == http.StatusServiceUnavailable {
			se.RetryAfter = parseRetryAfter(resp.Header.Get("Retry-After"), now)
		}
		return nil, se
	}

	if resp.ContentLength > c.opts.MaxBody && resp.Header.Get("Content-Encoding") == "" {
		return nil, fmt.Errorf("%w: Content-Length %d over %d", ErrTooLarge, resp.ContentLength, c.opts.MaxBody)
	}
	body, err := readBody(resp.Body, resp.Header.Get("Content-Encoding"), c.opts.MaxBody)
	if err != nil {
		if ctxErr := ctx.Err(); ctxErr != nil && !errors.Is(err, ctxErr) {
			return nil, fmt.Errorf("%w (%w)", err, ctxErr)
		}
		return nil, err
	}
	out.Body = body
	return out, nil
}

// unwrapURLError drops net/http's *url.Error layer, which repeats the
// method and URL that Get already names.
func unwrapURLError(err error) error {
	var ue *url.Error
	if errors.As(err, &ue) {
		return ue.Err
	}
	return err
}
