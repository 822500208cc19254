package web

import (
	"encoding/xml"
	"net/http"
	"strconv"
	"time"
)

// opmlDoc is an OPML 2.0 subscription list (http://opml.org/spec2.opml).
type opmlDoc struct {
	XMLName xml.Name `xml:"opml"`
	Version string   `xml:"version,attr"`
	Head    opmlHead `xml:"head"`
	Body    opmlBody `xml:"body"`
}

type opmlBody struct {
	Outlines []opmlEntry `xml:"outline"`
}

type opmlHead struct {
	Title       string `xml:"title"`
	DateCreated string `xml:"dateCreated"`
	Docs        string `xml:"docs"`
}

type opmlEntry struct {
	Type        string `xml:"type,attr"`
	Text        string `xml:"text,attr"`
	Title       string `xml:"title,attr"`
	Description string `xml:"description,attr,omitempty"`
	XMLURL      string `xml:"xmlUrl,attr"`
	HTMLURL     string `xml:"htmlUrl,attr"`
	Version     string `xml:"version,attr"`
}

// opml answers GET /feeds.opml: every published feed as an OPML 2.0
// outline, for importing them all into a reader at once.
func (h *handler) opml(w http.ResponseWriter, r *http.Request) {
	base := h.baseURL(r)
	doc := opmlDoc{
		Version: "2.0",
		Head: opmlHead{
			Title:       "aggregator feeds",
			DateCreated: h.now().UTC().Format(time.RFC1123Z),
			Docs:        "http://opml.org/spec2.opml",
		},
	}
	for _, f := range h.feedList() {
		doc.Body.Outlines = append(doc.Body.Outlines, opmlEntry{
			Type:        "rss",
			Text:        displayTitle(f),
			Title:       displayTitle(f),
			Description: f.Description,
			XMLURL:      feedURL(base, f.ID, "rss"),
			HTMLURL:     base + "/",
			Version:     "RSS2",
		})
	}
	body, err := xml.MarshalIndent(doc, "", "  ")
	if err != nil {
		h.textError(w, r, err)
		return
	}
	body = append([]byte(xml.Header), append(body, '\n')...)
	hd := w.Header()
	hd.Set("Content-Type", "text/x-opml; charset=utf-8")
	hd.Set("Content-Length", strconv.Itoa(len(body)))
	hd.Set("Content-Disposition", `inline; filename="aggregator.opml"`)
	hd.Set("X-Content-Type-Options", "nosniff")
	hd.Set("Access-Control-Allow-Origin", "*")
	_, _ = w.Write(body)
}

// displayTitle is a feed's title, or its id when it has none.
func displayTitle(f FeedInfo) string {
	if f.Title != "" {
		return f.Title
	}
	return f.ID
}
