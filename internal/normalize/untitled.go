package normalize

import (
	"crypto/sha256"
	"encoding/hex"
	"strings"
	"unicode"
	"unicode/utf8"

	"aggregator/internal/model"
)

// Why an entry is refused: the reasons ingest counts per source.
const (
	// RefusedEmpty is an entry with no title, summary or content: nothing
	// a reader could be shown.
	RefusedEmpty = "empty"
)

// Refused says why an item made of an entry cannot be stored, "" when it
// can. An entry with text but no title, link or guid is stored: its title
// is derived (see derivedTitle), its identity is its content, its link the
// feed's site.
func Refused(it model.Item) string {
	if it.Title == "" && it.SummaryText == "" && it.ContentText == "" {
		return RefusedEmpty
	}
	return ""
}

// Bounds of a derived title, in runes: a sentence end before minSentence
// is taken for an abbreviation ("U.S. forces …"), and a first sentence
// longer than maxDerivedTitle is cut at a word boundary.
const (
	minSentence     = 24
	maxDerivedTitle = 120
)

// derivedTitle makes a title for an entry that has none from its plain
// text, as short posts (microblogs, alerts, agency wires) carry only a
// description: the first sentence, cut at a word boundary and marked with
// an ellipsis when longer than maxDerivedTitle runes.
func derivedTitle(text string) string {
	text = strings.Join(strings.Fields(text), " ")
	if text == "" {
		return ""
	}
	if end := sentenceEnd(text); end > 0 {
		text = text[:end]
	}
	if utf8.RuneCountInString(text) <= maxDerivedTitle {
		return text
	}
	cut, n := len(text), 0
	for i := range text {
		if n == maxDerivedTitle {
			cut = i
			break
		}
		n++
	}
	head := text[:cut]
	if next, _ := utf8.DecodeRuneInString(text[cut:]); !unicode.IsSpace(next) {
		// The cut is inside a word: back to the word's start.
		if i := strings.LastIndexFunc(head, unicode.IsSpace); i > len(head)/2 {
			head = head[:i]
		}
	}
	return strings.TrimRightFunc(head, func(r rune) bool { return unicode.IsSpace(r) || unicode.IsPunct(r) }) + "…"
}

// sentenceEnd is the byte offset just past the first sentence of text (its
// closing punctuation included), 0 when text is one sentence.
func sentenceEnd(text string) int {
	runes := 0
	for i, r := range text {
		runes++
		if runes < minSentence {
			continue
		}
		switch r {
		case '。', '！', '？', '۔', '।':
			return i + utf8.RuneLen(r)
		case '.', '!', '?':
			next := i + 1
			if next < len(text) && text[next] == ' ' {
				return next
			}
		}
	}
	return 0
}

// contentKey is the identity of an entry with neither guid, link nor
// title: a digest of its text, so that the same post fetched again is the
// same item.
func contentKey(e model.Entry) string {
	sum := sha256.Sum256([]byte(strings.TrimSpace(e.Summary) + "\x00" + strings.TrimSpace(e.Content)))
	return "c:" + hex.EncodeToString(sum[:16])
}
