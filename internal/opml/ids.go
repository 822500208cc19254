package opml

import (
	"strconv"
	"strings"
	"unicode"

	"golang.org/x/text/unicode/norm"
)

// maxIDLen bounds a derived id, so that ids stay readable in URLs.
const maxIDLen = 40

// ids hands out unique source ids.
type ids struct {
	used map[string]bool
}

func newIDs() *ids { return &ids{used: map[string]bool{}} }

// unique derives an id from a title (or, when the title has no Latin
// letters or digits, from the feed URL's host) and makes it unique with a
// -2, -3... suffix.
func (s *ids) unique(title, feedURL string) string {
	base := slug(title)
	if base == "" {
		base = slug(strings.NewReplacer(".", "-").Replace(hostOf(feedURL)))
	}
	if base == "" {
		base = "feed"
	}
	id := base
	for n := 2; s.used[id]; n++ {
		id = base + "-" + strconv.Itoa(n)
	}
	s.used[id] = true
	return id
}

// slug turns text into [a-z0-9-]: accents are dropped (é -> e), other
// letters and digits outside a-z0-9 are left out, and every run of other
// characters becomes one hyphen. Long slugs are cut at a hyphen.
func slug(text string) string {
	var b strings.Builder
	hyphen := false
	for _, r := range norm.NFKD.String(strings.ToLower(text)) {
		switch {
		case (r >= 'a' && r <= 'z') || (r >= '0' && r <= '9'):
			if hyphen && b.Len() > 0 {
				b.WriteByte('-')
			}
			hyphen = false
			b.WriteRune(r)
		case unicode.Is(unicode.Mn, r):
			// combining accent of the letter before
		case r == '\'' || r == '’':
			// apostrophes join: "Pakistan's" -> "pakistans"
		default:
			hyphen = true
		}
	}
	s := b.String()
	if len(s) > maxIDLen {
		s = s[:maxIDLen]
		if i := strings.LastIndexByte(s, '-'); i > maxIDLen/2 {
			s = s[:i]
		}
		s = strings.TrimRight(s, "-")
	}
	return s
}
