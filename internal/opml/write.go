package opml

import (
	"encoding/xml"
	"fmt"
	"io"
)

// OutlineFeed is one feed listed by Write.
type OutlineFeed struct {
	Title       string
	XMLURL      string // the feed
	HTMLURL     string // the page the feed is about; optional
	Description string // optional
}

// Write writes an OPML 2.0 document titled title listing feeds, in order.
// The output depends only on its input, so it can be cached and tagged.
func Write(w io.Writer, title string, feeds []OutlineFeed) error {
	doc := outDoc{Version: "2.0", Head: outHead{Title: title}}
	for _, f := range feeds {
		doc.Body.Outlines = append(doc.Body.Outlines, outOutline{
			Type: "rss", Text: f.Title, Title: f.Title,
			XMLURL: f.XMLURL, HTMLURL: f.HTMLURL, Description: f.Description,
		})
	}
	if _, err := io.WriteString(w, xml.Header); err != nil {
		return fmt.Errorf("write opml: %w", err)
	}
	enc := xml.NewEncoder(w)
	enc.Indent("", "  ")
	if err := enc.Encode(doc); err != nil {
		return fmt.Errorf("write opml: %w", err)
	}
	if _, err := io.WriteString(w, "\n"); err != nil {
		return fmt.Errorf("write opml: %w", err)
	}
	return nil
}

type outDoc struct {
	XMLName xml.Name `xml:"opml"`
	Version string   `xml:"version,attr"`
	Head    outHead  `xml:"head"`
	Body    outBody  `xml:"body"`
}

type outHead struct {
	Title string `xml:"title"`
}

type outBody struct {
	Outlines []outOutline `xml:"outline"`
}

type outOutline struct {
	Type        string `xml:"type,attr"`
	Text        string `xml:"text,attr"`
	Title       string `xml:"title,attr"`
	XMLURL      string `xml:"xmlUrl,attr"`
	HTMLURL     string `xml:"htmlUrl,attr,omitempty"`
	Description string `xml:"description,attr,omitempty"`
}
