package parse

import (
	"net/url"
	"path"
	"strings"

	"github.com/mmcdole/gofeed"
	ext "github.com/mmcdole/gofeed/extensions"
)

// image is the item's picture as an absolute http(s) URL, "" when it has
// none. In order: the image gofeed found (itunes:image, an image
// media:content in RSS, an image enclosure, JSON Feed's image), Media RSS
// content that is an image (also inside media:group), a media:thumbnail,
// then any enclosure of an image type.
func image(it *gofeed.Item, base *url.URL) string {
	if it.Image != nil {
		if u := absoluteURL(base, it.Image.URL); u != "" {
			return u
		}
	}
	if u := mediaImage(it.Extensions["media"], base); u != "" {
		return u
	}
	for _, enc := range it.Enclosures {
		if enc != nil && strings.HasPrefix(strings.ToLower(strings.TrimSpace(enc.Type)), "image/") {
			if u := absoluteURL(base, enc.URL); u != "" {
				return u
			}
		}
	}
	return ""
}

// mediaImage finds an image in Media RSS elements (namespace prefix
// "media"): an image media:content, else a media:thumbnail, at the top
// level first, then inside media:group.
func mediaImage(media map[string][]ext.Extension, base *url.URL) string {
	if media == nil {
		return ""
	}
	if u := mediaImageIn(media, base); u != "" {
		return u
	}
	for _, g := range media["group"] {
		if u := mediaImageIn(g.Children, base); u != "" {
			return u
		}
	}
	return ""
}

// mediaImageIn looks at the content and thumbnail elements of one level.
func mediaImageIn(els map[string][]ext.Extension, base *url.URL) string {
	for _, c := range els["content"] {
		if isMediaImage(c.Attrs) {
			if u := absoluteURL(base, c.Attrs["url"]); u != "" {
				return u
			}
		}
	}
	for _, t := range els["thumbnail"] {
		if u := absoluteURL(base, t.Attrs["url"]); u != "" {
			return u
		}
	}
	return ""
}

// isMediaImage says whether a media:content is a picture: medium="image",
// an image MIME type, or, with neither, a URL with an image extension.
func isMediaImage(attrs map[string]string) bool {
	medium := strings.ToLower(strings.TrimSpace(attrs["medium"]))
	typ := strings.ToLower(strings.TrimSpace(attrs["type"]))
	switch {
	case medium != "":
		return medium == "image"
	case typ != "":
		return strings.HasPrefix(typ, "image/")
	}
	u, err := url.Parse(strings.TrimSpace(attrs["url"]))
	if err != nil {
		return false
	}
	switch strings.ToLower(path.Ext(u.Path)) {
	case ".jpg", ".jpeg", ".png", ".gif", ".webp", ".avif":
		return true
	}
	return false
}
