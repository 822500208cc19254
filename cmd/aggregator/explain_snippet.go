package main

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"aggregator/internal/model"
)

// snippetContext is how many characters of context a snippet shows on
// each side of a match.
const snippetContext = 40

// hitSnippet shows a hit in its context: "…before [match] after…", on one
// line. The tagger gives where a match starts in the field's text, not
// where it ends: the end is estimated from the term's length, carried to
// the end of the word (a prefix term, or text the folding shortened).
func hitSnippet(it *model.Item, h model.Hit) string {
	text := itemFieldText(it, h.Field)
	if h.Offset < 0 || h.Offset > len(text) || !utf8.RuneStart(textByte(text, h.Offset)) {
		return ""
	}
	end := matchEnd(text, h.Offset, h.Term)
	before, cutBefore := lastRunes(text[:h.Offset], snippetContext)
	after, cutAfter := firstRunes(text[end:], snippetContext)
	var b strings.Builder
	if cutBefore {
		b.WriteString("…")
	}
	b.WriteString(oneLine(before))
	b.WriteString("[")
	b.WriteString(oneLine(text[h.Offset:end]))
	b.WriteString("]")
	b.WriteString(oneLine(after))
	if cutAfter {
		b.WriteString("…")
	}
	return b.String()
}

// itemFieldText is the plain text of a field as the tagger reads it.
func itemFieldText(it *model.Item, field string) string {
	switch field {
	case model.FieldTitle:
		return it.Title
	case model.FieldSummary:
		return it.SummaryText
	case model.FieldContent:
		return it.ContentText
	case model.FieldCategories:
		return strings.Join(it.Categories, "\n")
	}
	return ""
}

func textByte(s string, i int) byte {
	if i == len(s) {
		return 0
	}
	return s[i]
}

// matchEnd estimates where the match of term starting at start ends.
func matchEnd(text string, start int, term string) int {
	n := utf8.RuneCountInString(strings.TrimSuffix(term, "*"))
	i := start
	for ; n > 0 && i < len(text); n-- {
		_, size := utf8.DecodeRuneInString(text[i:])
		i += size
	}
	last, _ := utf8.DecodeLastRuneInString(text[start:i])
	if isNoSpaceRune(last) {
		return i // a substring match in a script without spaces
	}
	for i < len(text) {
		r, size := utf8.DecodeRuneInString(text[i:])
		if !isWordPart(r) || isNoSpaceRune(r) {
			break
		}
		i += size
	}
	return i
}

// isWordPart reports whether r continues a word: letters, digits, marks
// and the joiners of Arabic-script text.
func isWordPart(r rune) bool {
	return unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.IsMark(r) || r == '\u200c' || r == '\u200d'
}

// isNoSpaceRune reports whether r belongs to a script written without
// spaces between words.
func isNoSpaceRune(r rune) bool {
	return unicode.In(r, unicode.Han, unicode.Hiragana, unicode.Katakana, unicode.Thai, unicode.Lao, unicode.Khmer, unicode.Myanmar)
}

// lastRunes returns the last n characters of s and whether it cut any.
func lastRunes(s string, n int) (string, bool) {
	i := len(s)
	for ; n > 0 && i > 0; n-- {
		_, size := utf8.DecodeLastRuneInString(s[:i])
		i -= size
	}
	return s[i:], i > 0
}

// firstRunes returns the first n characters of s and whether it cut any.
func firstRunes(s string, n int) (string, bool) {
	i := 0
	for ; n > 0 && i < len(s); n-- {
		_, size := utf8.DecodeRuneInString(s[i:])
		i += size
	}
	return s[:i], i < len(s)
}

// oneLine collapses every run of white space into one space.
func oneLine(s string) string {
	if !strings.ContainsAny(s, "\n\r\t") && !strings.Contains(s, "  ") {
		return s
	}
	var b strings.Builder
	space := false
	for _, r := range s {
		if unicode.IsSpace(r) {
			if !space {
				b.WriteByte(' ')
			}
			space = true
			continue
		}
		space = false
		b.WriteRune(r)
	}
	return b.String()
}
