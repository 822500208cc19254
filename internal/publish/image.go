package publish

import (
	"net/url"
	"path"
	"strings"

	"github.com/gorilla/feeds"
)

// nsMedia is the Media RSS namespace of media:content.
const nsMedia = "http://search.yahoo.com/mrss/"

// imageTypes maps an image file extension to its MIME type.
var imageTypes = map[string]string{
	".jpg":  "image/jpeg",
	".jpeg": "image/jpeg",
	".png":  "image/png",
	".gif":  "image/gif",
	".webp": "image/webp",
	".avif": "image/avif",
	".svg":  "image/svg+xml",
}

// imageType guesses an image's MIME type from its URL's extension;
// image/jpeg, the most common, when it says nothing.
func imageType(raw string) string {
	u, err := url.Parse(raw)
	if err != nil {
		return "image/jpeg"
	}
	if t, ok := imageTypes[strings.ToLower(path.Ext(u.Path))]; ok {
		return t
	}
	return "image/jpeg"
}

// imageEnclosure is gorilla's enclosure for an entry's image, which it
// writes as RSS's <enclosure>, Atom's link rel="enclosure" and JSON Feed's
// image; nil without an image. The size is unknown: RSS requires a
// length, and 0 is the convention for "unknown".
func imageEnclosure(e *entry) *feeds.Enclosure {
	if e.imageURL == "" {
		return nil
	}
	return &feeds.Enclosure{Url: e.imageURL, Type: e.imageType, Length: "0"}
}

// rssMedia is Media RSS's <media:content medium="image">, which feed
// readers (Feedly, Inoreader, NetNewsWire...) show as the item's picture.
type rssMedia struct {
	URL    string `xml:"url,attr"`
	Type   string `xml:"type,attr,omitempty"`
	Medium string `xml:"medium,attr"`
}

// uriSafe percent-encodes every byte of s that RFC 3986 does not allow in
// a URI (such as '"', '<', a space or non-ASCII), which url.URL.String
// leaves as they are in a query; the URL means the same afterwards.
func uriSafe(s string) string {
	const hex = "0123456789ABCDEF"
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		c := s[i]
		if uriByte(c) {
			if b.Len() > 0 {
				b.WriteByte(c)
			}
			continue
		}
		if b.Len() == 0 {
			b.Grow(len(s) + 8)
			b.WriteString(s[:i])
		}
		b.WriteByte('%')
		b.WriteByte(hex[c>>4])
		b.WriteByte(hex[c&15])
	}
	if b.Len() == 0 {
		return s
	}
	return b.String()
}

// uriByte says whether c may appear in a URI: unreserved, reserved or '%'.
func uriByte(c byte) bool {
	switch {
	case 'a' <= c && c <= 'z', 'A' <= c && c <= 'Z', '0' <= c && c <= '9':
		return true
	}
	return strings.IndexByte("-._~:/?#[]@!$&'()*+,;=%", c) >= 0
}
