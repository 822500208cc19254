package normalize

import (
	"strings"
	"time"

	"golang.org/x/text/cases"
	"golang.org/x/text/unicode/norm"

	"aggregator/internal/model"
)

// Key returns the identity of entry e within src, following src.Identity:
//
//   - "guid" (the default): "g:"+GUID; without a guid the link decides,
//     then the title and date;
//   - "link": "u:"+canonicalURL; without a link the guid, then the title;
//   - "title": "t:"+the folded title.
//
// A title key made for want of anything better carries the published date
// ("t:"+title+"|"+RFC 3339) so that recurring headlines ("Weather update")
// stay distinct items. An entry without a title either (a description-only
// post) is known by a digest of its text, "c:"+hex.
func Key(src model.Source, e model.Entry, canonicalURL string) string {
	guid := strings.TrimSpace(e.GUID)
	switch src.Identity {
	case model.IdentityTitle:
		if t := foldTitle(e.Title); t != "" {
			return "t:" + t
		}
		return contentKey(e)
	case model.IdentityLink:
		if canonicalURL != "" {
			return "u:" + canonicalURL
		}
		if guid != "" {
			return "g:" + guid
		}
	default:
		if guid != "" {
			return "g:" + guid
		}
		if canonicalURL != "" {
			return "u:" + canonicalURL
		}
	}
	t := foldTitle(e.Title)
	if t == "" {
		return contentKey(e)
	}
	k := "t:" + t
	if d := entryDate(e); !d.IsZero() {
		k += "|" + d.UTC().Format(time.RFC3339)
	}
	return k
}

// foldTitle is the caseless, whitespace-insensitive form of a title.
func foldTitle(s string) string {
	return cases.Fold().String(norm.NFKC.String(Title(s)))
}

// entryDate is the entry's published date, else its updated date.
func entryDate(e model.Entry) time.Time {
	if !e.Published.IsZero() {
		return e.Published
	}
	return e.Updated
}
