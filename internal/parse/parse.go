// Package parse turns a fetched body into feed entries. It accepts RSS
// 0.9x/1.0/2.0, Atom 0.3/1.0 and JSON Feed through gofeed, after making
// the bytes safe: encoding detected and transcoded to UTF-8, illegal
// characters and bare ampersands repaired, DOCTYPE entities removed and
// pathological documents refused. An HTML page yields a *NotFeedError
// naming the feeds it links to.
package parse

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"strconv"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/mmcdole/gofeed"
	"github.com/mmcdole/gofeed/rss"

	"aggregator/internal/model"
)

// Feed is a parsed feed.
type Feed struct {
	Title    string
	Link     string // the site's address, absolute
	Language string
	TTL      time.Duration // RSS <ttl>, 0 when absent
	Entries  []model.Entry
}

// NotFeedError says the body is an HTML page, not a feed. Alternates are
// the absolute URLs of the feeds it announces, possibly none.
type NotFeedError struct {
	Alternates []string
}

func (e *NotFeedError) Error() string {
	switch n := len(e.Alternates); n {
	case 0:
		return "not a feed: an HTML page (it links to no feeds)"
	case 1:
		return "not a feed: an HTML page (it links to 1 feed: " + e.Alternates[0] + ")"
	default:
		return fmt.Sprintf("not a feed: an HTML page (it links to %d feeds)", n)
	}
}

// ErrNotFeed is a body that is neither a feed nor an HTML page: plain
// text, a JSON document that is not a JSON Feed, an XML document of
// another kind.
var ErrNotFeed = errors.New("not a feed")

// Parse parses body, fetched with the given Content-Type header from
// baseURL, against which relative links are resolved. Its errors are
// printable whatever the document holds (see printableError).
func Parse(body []byte, contentType, baseURL string) (*Feed, error) {
	f, err := parse(body, contentType, baseURL)
	if err != nil {
		return nil, printableError{err}
	}
	return f, nil
}

func parse(body []byte, contentType, baseURL string) (*Feed, error) {
	text := skipJunk(toUTF8(body, contentType))
	switch kind, root := sniff(text, contentType); kind {
	case kindHTML:
		return nil, &NotFeedError{Alternates: Discover(text, baseURL)}
	case kindJSON:
		return parseJSON(text, baseURL)
	case kindXML:
		return parseXML(text, baseURL)
	case kindCDF:
		return nil, fmt.Errorf("%w: a CDF channel (Microsoft's Channel Definition Format), which is not read", ErrNotFeed)
	case kindOtherXML:
		return nil, fmt.Errorf("%w: an XML document with root <%s>", ErrNotFeed, root)
	case kindEmpty:
		return nil, fmt.Errorf("%w: empty document", ErrNotFeed)
	default:
		return nil, fmt.Errorf("%w: neither XML nor JSON", ErrNotFeed)
	}
}

func newParser() *gofeed.Parser {
	p := gofeed.NewParser()
	p.RSSTranslator = &gofeed.DefaultRSSTranslator{DisableContentImageScan: true}
	p.KeepOriginalFeed = true // for RSS <ttl>
	return p
}

func parseXML(text []byte, baseURL string) (*Feed, error) {
	clean, err := sanitizeXML(text)
	if err != nil {
		return nil, err
	}
	gf, err := newParser().Parse(bytes.NewReader(clean))
	if err != nil {
		return nil, fmt.Errorf("parse feed: %w", err)
	}
	return convert(gf, baseURL), nil
}

func parseJSON(text []byte, baseURL string) (*Feed, error) {
	var probe struct {
		Version string `json:"version"`
	}
	if err := json.Unmarshal(text, &probe); err != nil {
		var ute *json.UnmarshalTypeError
		if errors.As(err, &ute) {
			return nil, fmt.Errorf("%w: JSON %s, not a JSON Feed object", ErrNotFeed, ute.Value)
		}
		return nil, fmt.Errorf("parse JSON feed: %w", err)
	}
	if !strings.HasPrefix(probe.Version, "https://jsonfeed.org/version/") &&
		!strings.HasPrefix(probe.Version, "http://jsonfeed.org/version/") {
		return nil, fmt.Errorf("%w: a JSON document without a JSON Feed version", ErrNotFeed)
	}
	gf, err := newParser().Parse(bytes.NewReader(text))
	if err != nil {
		return nil, fmt.Errorf("parse JSON feed: %w", err)
	}
	return convert(gf, baseURL), nil
}

// ttl reads RSS <ttl>, in minutes.
func ttl(gf *gofeed.Feed) time.Duration {
	rf, ok := gf.OriginalFeed().(*rss.Feed)
	if !ok || rf == nil {
		return 0
	}
	n, err := strconv.Atoi(strings.TrimSpace(rf.TTL))
	if err != nil || n <= 0 {
		return 0
	}
	return time.Duration(min(n, 60*24*30)) * time.Minute
}

// printableError is an error whose text, which may quote the document
// (a root element's name, the XML decoder's view of a broken tag), is made
// printable: the logs, the fetch command's lines and /api/sources carry it.
type printableError struct{ err error }

func (e printableError) Error() string { return printable(e.err.Error()) }
func (e printableError) Unwrap() error { return e.err }

// printable replaces invalid UTF-8 with U+FFFD and writes control
// characters as Go escapes (\x00, \n).
func printable(s string) string {
	if utf8.ValidString(s) && strings.IndexFunc(s, unicode.IsControl) < 0 {
		return s
	}
	var b strings.Builder
	for _, r := range strings.ToValidUTF8(s, "\uFFFD") {
		if unicode.IsControl(r) {
			b.WriteString(strings.Trim(strconv.QuoteRune(r), "'"))
			continue
		}
		b.WriteRune(r)
	}
	return b.String()
}
