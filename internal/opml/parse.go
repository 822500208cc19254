// Package opml reads OPML subscription lists into sources, prints them as a
// config.yaml sources: list, and writes OPML documents listing feeds.
package opml

import (
	"bytes"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"net/url"
	"strings"

	"aggregator/internal/model"
	"aggregator/internal/parse"
)

// Import is what Read found in an OPML document.
type Import struct {
	Title   string         // the document's head title
	Sources []model.Source // one per distinct feed URL, in document order
	Skipped []Skipped      // outlines with a feed URL that could not be used
}

// Skipped is an outline Read left out, and why.
type Skipped struct {
	Title  string
	URL    string
	Reason string
}

// Parse reads an OPML 1.0 or 2.0 document and returns a source for every
// outline with a feed URL (xmlUrl), nested folders included. See Read.
func Parse(r io.Reader) ([]model.Source, error) {
	imp, err := Read(r)
	if err != nil {
		return nil, err
	}
	return imp.Sources, nil
}

// Read reads an OPML 1.0 or 2.0 document. Each outline with an xmlUrl
// becomes an enabled source: its title is the outline's title (or text),
// its id a slug of the title made unique with -2, -3..., its region the
// first category (OPML 2.0 category attribute) or else the enclosing
// folder's name, as a slug, and its language the primary subtag of the
// outline's language attribute. feed:// URLs become http(s) URLs; outlines
// whose URL is not absolute http(s), and repeats of a URL, are skipped and
// listed in Skipped.
func Read(r io.Reader) (*Import, error) {
	body, err := io.ReadAll(r)
	if err != nil {
		return nil, fmt.Errorf("opml: %w", err)
	}
	// Decoded as feeds are (byte order marks, UTF-16 from Windows tools,
	// the declaration, mislabelled UTF-8 or Latin-1): the bytes are UTF-8
	// from here, whatever the declaration says.
	dec := xml.NewDecoder(bytes.NewReader(parse.ToUTF8(body, "")))
	dec.CharsetReader = func(_ string, r io.Reader) (io.Reader, error) { return r, nil }
	dec.Entity = xml.HTMLEntity
	var doc document
	if err := dec.Decode(&doc); err != nil {
		if errors.Is(err, io.EOF) {
			return nil, errors.New("opml: not an OPML document (no XML element in it)")
		}
		return nil, fmt.Errorf("opml: %w", err)
	}
	if !strings.EqualFold(doc.XMLName.Local, "opml") {
		return nil, fmt.Errorf("opml: not an OPML document (root element <%s>)", doc.XMLName.Local)
	}
	imp := &Import{Title: strings.TrimSpace(doc.Head.Title)}
	w := walker{imp: imp, ids: newIDs(), seen: map[string]bool{}}
	w.walk(doc.Body.Outlines, "")
	return imp, nil
}

// document is the shape of an OPML file.
type document struct {
	XMLName xml.Name
	Head    struct {
		Title string `xml:"title"`
	} `xml:"head"`
	Body struct {
		Outlines []outline `xml:"outline"`
	} `xml:"body"`
}

// outline is one <outline>; attribute names are matched without regard to
// case, as exporters disagree (xmlUrl, xmlurl, xmlURL).
type outline struct {
	Text, Title, XMLURL, HTMLURL, Category, Language string
	Outlines                                         []outline
}

// UnmarshalXML reads an outline's attributes and nested outlines.
func (o *outline) UnmarshalXML(d *xml.Decoder, start xml.StartElement) error {
	for _, a := range start.Attr {
		switch strings.ToLower(a.Name.Local) {
		case "text":
			o.Text = a.Value
		case "title":
			o.Title = a.Value
		case "xmlurl":
			o.XMLURL = a.Value
		case "htmlurl":
			o.HTMLURL = a.Value
		case "category":
			o.Category = a.Value
		case "language":
			o.Language = a.Value
		}
	}
	for {
		tok, err := d.Token()
		if err != nil {
			return err
		}
		switch t := tok.(type) {
		case xml.StartElement:
			if !strings.EqualFold(t.Name.Local, "outline") {
				if err := d.Skip(); err != nil {
					return err
				}
				continue
			}
			var child outline
			if err := child.UnmarshalXML(d, t); err != nil {
				return err
			}
			o.Outlines = append(o.Outlines, child)
		case xml.EndElement:
			return nil
		}
	}
}

// name is the outline's display name.
func (o outline) name() string {
	if t := strings.TrimSpace(o.Title); t != "" {
		return collapse(t)
	}
	return collapse(o.Text)
}

// walker turns outlines into sources.
type walker struct {
	imp  *Import
	ids  *ids
	seen map[string]bool // feed URLs already taken
}

func (w *walker) walk(outlines []outline, folder string) {
	for _, o := range outlines {
		if strings.TrimSpace(o.XMLURL) == "" {
			w.walk(o.Outlines, o.name()) // a folder (or a plain link)
			continue
		}
		w.add(o, folder)
		w.walk(o.Outlines, folder)
	}
}

func (w *walker) add(o outline, folder string) {
	title := o.name()
	u, err := feedURL(o.XMLURL)
	if err != nil {
		w.imp.Skipped = append(w.imp.Skipped, Skipped{Title: title, URL: o.XMLURL, Reason: err.Error()})
		return
	}
	if w.seen[u] {
		w.imp.Skipped = append(w.imp.Skipped, Skipped{Title: title, URL: u, Reason: "already listed"})
		return
	}
	w.seen[u] = true
	region := firstCategory(o.Category)
	if region == "" {
		region = folder
	}
	if title == "" {
		title = hostOf(u)
	}
	w.imp.Sources = append(w.imp.Sources, model.Source{
		ID:       w.ids.unique(title, u),
		Title:    title,
		URL:      u,
		Region:   slug(region),
		Language: primaryLanguage(o.Language),
		Enabled:  true,
		Identity: model.IdentityGUID,
	})
}

// feedURL normalises a feed URL and demands absolute http(s).
func feedURL(raw string) (string, error) {
	s := strings.TrimSpace(raw)
	lower := strings.ToLower(s)
	switch {
	case strings.HasPrefix(lower, "feed:http://"), strings.HasPrefix(lower, "feed:https://"):
		s = s[len("feed:"):]
	case strings.HasPrefix(lower, "feed://"):
		s = "http://" + s[len("feed://"):]
	}
	u, err := url.Parse(s)
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
		return "", errors.New("not an absolute http or https URL")
	}
	return u.String(), nil
}

// firstCategory returns the first element of the first category of an
// OPML 2.0 category attribute ("/Pakistan/Politics,/News" -> "Pakistan").
func firstCategory(attr string) string {
	first, _, _ := strings.Cut(attr, ",")
	for _, part := range strings.Split(first, "/") {
		if p := strings.TrimSpace(part); p != "" {
			return p
		}
	}
	return ""
}

// primaryLanguage returns the primary subtag of a language tag, lower-case:
// "en-US" -> "en".
func primaryLanguage(tag string) string {
	tag = strings.TrimSpace(tag)
	primary, _, _ := strings.Cut(strings.ReplaceAll(tag, "_", "-"), "-")
	return strings.ToLower(primary)
}

// hostOf returns a URL's host without a leading www.
func hostOf(raw string) string {
	u, err := url.Parse(raw)
	if err != nil {
		return raw
	}
	return strings.TrimPrefix(u.Hostname(), "www.")
}

// collapse trims and collapses runs of white space.
func collapse(s string) string {
	return strings.Join(strings.Fields(s), " ")
}
