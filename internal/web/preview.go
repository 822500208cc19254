package web

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"time"
)

// maxPreviewBody caps the rendered feed a preview reads.
const maxPreviewBody = 16 << 20

type previewPage struct {
	Version string
	Now     time.Time
	Feed    feedView
	Items   []previewItem
}

type previewItem struct {
	Title     string
	URL       string
	Published time.Time
	Sources   []outlet
	Tags      []chip
}

// feedPreview answers GET /feeds/{id}: an HTML page of the feed's stories.
// It shows exactly what the feed publishes by reading the feed's own JSON
// Feed rendering.
func (h *handler) feedPreview(w http.ResponseWriter, r *http.Request, id string) {
	info := FeedInfo{ID: id, Title: id}
	for _, f := range h.feedList() {
		if f.ID == id {
			info = f
			info.Title = displayTitle(f)
			break
		}
	}
	feed, err := h.feedHandler(r.Context(), id, "json")
	if err != nil {
		h.textError(w, r, err)
		return
	}
	jf, err := readJSONFeed(r.Context(), feed, feedURL("", id, "json"))
	if err != nil {
		h.textError(w, r, fmt.Errorf("previewing feed %q: %w", id, err))
		return
	}
	page := previewPage{
		Version: h.Version,
		Now:     h.now(),
		Feed:    newFeedView(h.baseURL(r), info),
		Items:   make([]previewItem, 0, len(jf.Items)),
	}
	titles := h.topicTitles()
	for _, it := range jf.Items {
		page.Items = append(page.Items, it.view(titles))
	}
	h.writeHTML(w, r, http.StatusOK, h.pages.preview, page)
}

// jsonFeed is the part of a JSON Feed 1.1 document a preview shows.
type jsonFeed struct {
	Title string         `json:"title"`
	Items []jsonFeedItem `json:"items"`
}

type jsonFeedItem struct {
	ID            string           `json:"id"`
	URL           string           `json:"url"`
	Title         string           `json:"title"`
	DatePublished time.Time        `json:"date_published"`
	Tags          []string         `json:"tags"`
	Author        *jsonFeedAuthor  `json:"author"` // JSON Feed 1.0
	Authors       []jsonFeedAuthor `json:"authors"`
}

type jsonFeedAuthor struct {
	Name string `json:"name"`
	URL  string `json:"url"`
}

func (it *jsonFeedItem) view(topicTitles map[string]string) previewItem {
	v := previewItem{Title: it.Title, URL: it.URL, Published: it.DatePublished}
	if v.Title == "" {
		v.Title = it.URL
	}
	authors := it.Authors
	if len(authors) == 0 && it.Author != nil {
		authors = []jsonFeedAuthor{*it.Author}
	}
	for _, a := range authors {
		if a.Name != "" {
			v.Sources = append(v.Sources, outlet{Title: a.Name, URL: a.URL})
		}
	}
	for _, tag := range it.Tags {
		title := topicTitles[tag]
		if title == "" {
			title = tag
		}
		v.Tags = append(v.Tags, chip{ID: tag, Title: title, Href: feedURL("", tag, "")})
	}
	return v
}

// readJSONFeed runs the feed's handler on a plain GET (no conditions, no
// compression) and decodes its answer.
func readJSONFeed(ctx context.Context, feed http.Handler, path string) (*jsonFeed, error) {
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, path, nil)
	if err != nil {
		return nil, fmt.Errorf("building request: %w", err)
	}
	rec := newMemoryWriter(maxPreviewBody)
	feed.ServeHTTP(rec, req)
	if rec.status != http.StatusOK {
		return nil, fmt.Errorf("rendering JSON Feed: status %d", rec.status)
	}
	if rec.overflow {
		return nil, fmt.Errorf("rendering JSON Feed: larger than %d bytes", maxPreviewBody)
	}
	var jf jsonFeed
	if err := json.Unmarshal(rec.body.Bytes(), &jf); err != nil {
		return nil, fmt.Errorf("decoding JSON Feed: %w", err)
	}
	return &jf, nil
}

// memoryWriter is an http.ResponseWriter keeping the answer in memory, up
// to a cap.
type memoryWriter struct {
	header   http.Header
	status   int
	body     bytes.Buffer
	max      int
	overflow bool
}

func newMemoryWriter(max int) *memoryWriter {
	return &memoryWriter{header: make(http.Header), max: max}
}

func (m *memoryWriter) Header() http.Header { return m.header }

func (m *memoryWriter) WriteHeader(code int) {
	if m.status == 0 {
		m.status = code
	}
}

func (m *memoryWriter) Write(b []byte) (int, error) {
	if m.status == 0 {
		m.status = http.StatusOK
	}
	if m.body.Len()+len(b) > m.max {
		m.overflow = true
		return 0, fmt.Errorf("response larger than %d bytes", m.max)
	}
	return m.body.Write(b)
}
