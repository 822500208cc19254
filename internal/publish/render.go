package publish

import (
	"bytes"
	"compress/gzip"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"time"

	"github.com/gorilla/feeds"

	"aggregator/internal/model"
)

// Rendered is one feed in one format, ready to serve: the body, its gzip
// encoding (computed once), a strong ETag from the body's hash and the time
// its content last changed. A Rendered from the cache is shared by every
// request: read it, never modify it.
type Rendered struct {
	Body         []byte
	Gzip         []byte
	ETag         string // quoted, strong
	LastModified time.Time
	ContentType  string
	// CacheControl is the Cache-Control header sent with the feed.
	CacheControl string

	hdr *headers // computed by render; nil for a Rendered made by hand

	// bodyFile and gzipFile hold Body and Gzip in the publisher's spool,
	// for sendfile; "" when not spooled.
	bodyFile, gzipFile string
	// bodyOpen and gzipOpen are the same files kept open for the fast
	// path (ServeFast); nil when not spooled.
	bodyOpen, gzipOpen *sharedFile
}

// Render writes a feed of stories (as Store.Stories returns them: faces
// with their members and the union of their topics) in a format. The bytes
// depend only on the arguments: rendering the same stories twice gives the
// same bytes.
func Render(def Def, opts Options, items []model.Item, format string) ([]byte, error) {
	body, _, err := renderBody(def, opts, items, format)
	return body, err
}

// render renders a feed and prepares everything serving it needs.
func render(def Def, opts Options, items []model.Item, format string) (*Rendered, error) {
	body, lastMod, err := renderBody(def, opts, items, format)
	if err != nil {
		return nil, err
	}
	gz, err := gzipBytes(body)
	if err != nil {
		return nil, fmt.Errorf("publish %s.%s: %w", def.ID, format, err)
	}
	sum := sha256.Sum256(body)
	r := &Rendered{
		Body:         body,
		Gzip:         gz,
		ETag:         `"` + hex.EncodeToString(sum[:16]) + `"`,
		LastModified: lastMod,
		ContentType:  ContentType(format),
		CacheControl: fmt.Sprintf("public, max-age=%d", int(opts.maxAge().Seconds())),
	}
	r.hdr = newHeaders(r, LinkHeader(opts.hubURL(), FeedURL(opts.BaseURL, def.ID, format)))
	return r, nil
}

// LinkHeader is the HTTP Link header value advertising a feed's WebSub hub
// and its own URL (WebSub 4: both rel="hub" and rel="self").
func LinkHeader(hub, self string) string {
	return "<" + hub + `>; rel="hub", <` + self + `>; rel="self"`
}

// renderBody renders the feed and says when its content last changed.
func renderBody(def Def, opts Options, items []model.Item, format string) ([]byte, time.Time, error) {
	if ContentType(format) == "" {
		return nil, time.Time{}, fmt.Errorf("publish %s: %q: %w", def.ID, format, ErrUnknownFormat)
	}
	lastMod := newestOf(items)
	f, es := buildFeed(def, opts, items, lastMod)
	var (
		body []byte
		err  error
	)
	switch format {
	case FormatRSS:
		body, err = renderRSS(f, def, opts, es)
	case FormatAtom:
		body, err = renderAtom(f, def, opts, es, lastMod)
	case FormatJSON:
		body, err = renderJSON(f, def, opts, es)
	}
	if err != nil {
		return nil, time.Time{}, fmt.Errorf("publish %s.%s: %w", def.ID, format, err)
	}
	return body, lastMod, nil
}

// buildFeed fills gorilla's feed, which each format converts and then
// extends, and returns the entries in the feed's item order.
func buildFeed(def Def, opts Options, items []model.Item, lastMod time.Time) (*feeds.Feed, []entry) {
	authority := tagAuthorityOf(opts.BaseURL)
	es := make([]entry, len(items))
	for i := range items {
		es[i] = newEntry(&items[i], authority)
	}
	sortNewestFirst(es)

	f := &feeds.Feed{
		Title:       xmlSafe(def.Title),
		Link:        &feeds.Link{Href: opts.homeURL()},
		Description: xmlSafe(firstNonEmpty(def.Description, def.Title)),
		Id:          trimBase(opts.BaseURL) + "/feeds/" + def.ID,
		Items:       make([]*feeds.Item, len(es)),
	}
	if len(es) > 0 {
		f.Created = es[0].published
		f.Updated = lastMod
	}
	for i := range es {
		e := &es[i]
		f.Items[i] = &feeds.Item{
			Title:       e.title,
			Link:        &feeds.Link{Href: e.link},
			Author:      &feeds.Author{Name: e.credit},
			Description: e.excerptHTML,
			Id:          e.id,
			IsPermaLink: "false",
			Created:     e.published,
			Updated:     e.updated,
			Content:     e.contentHTML,
			Enclosure:   imageEnclosure(e),
		}
	}
	return f, es
}

// gzipBytes compresses b as tightly as gzip can; the output is
// deterministic (no name, no modification time).
func gzipBytes(b []byte) ([]byte, error) {
	var buf bytes.Buffer
	zw, err := gzip.NewWriterLevel(&buf, gzip.BestCompression)
	if err != nil {
		return nil, fmt.Errorf("gzip: %w", err)
	}
	if _, err := zw.Write(b); err != nil {
		return nil, fmt.Errorf("gzip: %w", err)
	}
	if err := zw.Close(); err != nil {
		return nil, fmt.Errorf("gzip: %w", err)
	}
	return buf.Bytes(), nil
}
