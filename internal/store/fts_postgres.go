package store

import (
	"strconv"
	"strings"
	"unicode"

	"golang.org/x/text/unicode/norm"
)

// PostgreSQL's full-text index holds, per item, a tsvector made here from
// the tokens SQLite's FTS5 tokenizer (unicode61, remove_diacritics 2,
// categories L* N* Co M*) makes of the item's search form (fts.go): runs
// of letters, digits, marks and private-use characters, folded to lower
// case and stripped of Latin diacritics, each character of a script
// written without spaces a token of its own. A search becomes a tsquery
// of the same tokens, each word or "phrase" a sequence (<->), a trailing
// * a prefix (:*), ANDed: the items it finds are the ones SQLite finds.
// No stemming and no stop words, as on SQLite.

// PostgreSQL's limits: positions go up to 16383, a lexeme keeps 255 of
// them, a lexeme is shorter than 2 KiB and a tsvector smaller than 1 MiB.
const (
	tsMaxPos       = 16383
	tsMaxPositions = 255
	tsMaxLexeme    = 2046
	tsMaxLexemes   = 1 << 19 // bytes of distinct lexemes, half the limit: positions take room too
)

// ftsTokens calls fn with each token of text's search form, in order.
func ftsTokens(text string, fn func(token string)) {
	text = ftsSearchForm(text)
	start := -1
	for i, r := range text {
		if tokenRune(r) {
			if start < 0 {
				start = i
			}
			continue
		}
		if start >= 0 {
			fn(foldToken(text[start:i]))
			start = -1
		}
	}
	if start >= 0 {
		fn(foldToken(text[start:]))
	}
}

// tokenRune reports whether r belongs to a token (FTS5's categories
// L* N* Co M*).
func tokenRune(r rune) bool {
	return unicode.IsLetter(r) || unicode.IsNumber(r) || unicode.IsMark(r) || unicode.Is(unicode.Co, r)
}

// foldToken folds a token to lower case without Latin diacritics.
func foldToken(tok string) string {
	tok = strings.ToLower(tok)
	ascii := true
	for i := 0; i < len(tok); i++ {
		if tok[i] >= 0x80 {
			ascii = false
			break
		}
	}
	if ascii {
		return tok
	}
	d := norm.NFD.String(tok)
	d = strings.Map(func(r rune) rune {
		if r >= 0x300 && r <= 0x36f { // combining diacritical marks
			return -1
		}
		return r
	}, d)
	return norm.NFC.String(d)
}

// quoteLexeme writes tok as a quoted tsvector/tsquery lexeme.
func quoteLexeme(b *strings.Builder, tok string) {
	b.WriteByte('\'')
	for _, r := range tok {
		switch r {
		case '\'':
			b.WriteString("''")
		case '\\':
			b.WriteString(`\\`)
		default:
			b.WriteRune(r)
		}
	}
	b.WriteByte('\'')
}

// tsvectorOf is the tsvector literal of text's tokens with their positions.
func tsvectorOf(text string) string {
	positions := map[string][]int{}
	var order []string
	n, size := 0, 0
	ftsTokens(text, func(tok string) {
		n++
		if len(tok) > tsMaxLexeme {
			return
		}
		pos := min(n, tsMaxPos)
		ps, ok := positions[tok]
		if !ok {
			if size += len(tok); size > tsMaxLexemes {
				return
			}
			order = append(order, tok)
		}
		if len(ps) == tsMaxPositions || (len(ps) > 0 && ps[len(ps)-1] == pos) {
			return
		}
		positions[tok] = append(ps, pos)
	})
	var b strings.Builder
	for i, tok := range order {
		if i > 0 {
			b.WriteByte(' ')
		}
		quoteLexeme(&b, tok)
		for j, p := range positions[tok] {
			if j == 0 {
				b.WriteByte(':')
			} else {
				b.WriteByte(',')
			}
			b.WriteString(strconv.Itoa(p))
		}
	}
	return b.String()
}

// tsqueryOf turns what a user typed into a tsquery the way ftsQuery turns
// it into an FTS5 query; ok is false when the text holds nothing
// searchable.
func tsqueryOf(text string) (query string, ok bool) {
	var b strings.Builder
	terms := 0
	for _, term := range searchTerms(text) {
		var toks []string
		ftsTokens(term.text, func(tok string) {
			if len(tok) <= tsMaxLexeme {
				toks = append(toks, tok)
			}
		})
		if len(toks) == 0 {
			continue
		}
		if terms > 0 {
			b.WriteString(" & ")
		}
		terms++
		b.WriteByte('(')
		for i, tok := range toks {
			if i > 0 {
				b.WriteString(" <-> ")
			}
			quoteLexeme(&b, tok)
		}
		if term.prefix {
			b.WriteString(":*")
		}
		b.WriteByte(')')
	}
	return b.String(), terms > 0
}
