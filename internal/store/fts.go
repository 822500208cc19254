package store

import (
	"strings"
	"unicode"
)

// The full-text index holds a search form of each text: runs of scripts
// written without spaces (Han, Hiragana, Katakana, Thai, Lao, Khmer,
// Myanmar) are cut into single characters with ftsCut, so that a word
// inside a run becomes a phrase of characters and is found wherever it
// occurs. Snippets read back from the index drop the cuts again.
const ftsCut = '\u200b' // ZERO WIDTH SPACE: a separator to the unicode61 tokenizer

// unspaced reports whether r belongs to a script written without spaces
// between words.
func unspaced(r rune) bool {
	if r < 0x0e00 { // below Thai: Latin, Arabic, Devanagari and the rest
		return false
	}
	return unicode.In(r, unicode.Han, unicode.Hiragana, unicode.Katakana,
		unicode.Thai, unicode.Lao, unicode.Khmer, unicode.Myanmar)
}

// ftsSearchForm returns text with every character of an unspaced script
// set apart by ftsCut.
func ftsSearchForm(text string) string {
	var b strings.Builder
	b.Grow(len(text) + len(text)/2)
	prev := false
	for _, r := range text {
		cur := unspaced(r)
		if cur && prev {
			b.WriteRune(ftsCut)
		}
		b.WriteRune(r)
		prev = cur
	}
	return b.String()
}

// ftsDisplayForm undoes ftsSearchForm.
func ftsDisplayForm(text string) string {
	return strings.ReplaceAll(text, string(ftsCut), "")
}

// ftsQuery turns what a user typed into a safe FTS5 query: every word
// and every "quoted phrase" becomes a quoted FTS5 string, so operators and
// punctuation (C++, a:b, NEAR, AND, unbalanced quotes) are never syntax; a
// trailing * on a word keeps its prefix meaning. The terms are ANDed.
// ok is false when the text holds nothing searchable.
func ftsQuery(text string) (query string, ok bool) {
	var parts []string
	for _, term := range searchTerms(text) {
		q := `"` + strings.ReplaceAll(ftsSearchForm(term.text), `"`, `""`) + `"`
		if term.prefix {
			q += " *"
		}
		parts = append(parts, q)
	}
	if len(parts) == 0 {
		return "", false
	}
	return strings.Join(parts, " "), true
}

// searchTerm is a word or phrase of a search, with whether a trailing *
// made its last word a prefix.
type searchTerm struct {
	text   string
	prefix bool
}

// searchTerms are the searchable terms of what a user typed, in order.
func searchTerms(text string) []searchTerm {
	var terms []searchTerm
	for _, term := range splitUserQuery(text) {
		prefix := false
		if !term.phrase && strings.HasSuffix(term.text, "*") {
			prefix = true
			term.text = strings.TrimRight(term.text, "*")
		}
		if searchable(term.text) {
			terms = append(terms, searchTerm{text: term.text, prefix: prefix})
		}
	}
	return terms
}

type userTerm struct {
	text   string
	phrase bool
}

// splitUserQuery splits on white space, keeping "double-quoted phrases"
// together; an unbalanced quote runs to the end.
func splitUserQuery(text string) []userTerm {
	var terms []userTerm
	for text != "" {
		text = strings.TrimLeftFunc(text, unicode.IsSpace)
		if text == "" {
			break
		}
		if text[0] == '"' {
			rest := text[1:]
			end := strings.IndexByte(rest, '"')
			if end < 0 {
				end = len(rest)
			}
			terms = append(terms, userTerm{text: rest[:end], phrase: true})
			text = rest[min(end+1, len(rest)):]
			continue
		}
		end := strings.IndexFunc(text, unicode.IsSpace)
		if end < 0 {
			end = len(text)
		}
		terms = append(terms, userTerm{text: text[:end]})
		text = text[end:]
	}
	return terms
}

// searchable reports whether s holds a letter or digit, that is at least
// one token for the tokenizer.
func searchable(s string) bool {
	return strings.IndexFunc(s, func(r rune) bool { return unicode.IsLetter(r) || unicode.IsNumber(r) }) >= 0
}
