package store

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/net/html"
	"golang.org/x/text/unicode/norm"
)

// The full-text index keeps no copy of the text (it is contentless), so a
// search's snippets are cut here from the item's title and the text of its
// HTML, the way FTS5's snippet() cuts them: the field with the most
// matches, a window of snippetWords words around the first, each match
// marked.

const snippetWords = 24

// word is one token of a text, as the index's tokenizer cuts it: a run of
// letters, digits and marks, or a single character of a script written
// without spaces.
type word struct {
	start, end int    // bytes in the text
	fold       string // case-folded, without diacritics
}

// words cuts text into tokens.
func words(text string) []word {
	var out []word
	start := -1
	flush := func(end int) {
		if start >= 0 {
			out = append(out, word{start: start, end: end, fold: foldWord(text[start:end])})
			start = -1
		}
	}
	for i, r := range text {
		switch {
		case unspaced(r):
			flush(i)
			out = append(out, word{start: i, end: i + utf8.RuneLen(r), fold: foldWord(string(r))})
		case unicode.IsLetter(r) || unicode.IsNumber(r) || unicode.Is(unicode.Co, r) || unicode.IsMark(r):
			if start < 0 {
				start = i
			}
		default:
			flush(i)
		}
	}
	flush(len(text))
	return out
}

// foldWord lower-cases w and drops its diacritics (remove_diacritics 2).
func foldWord(w string) string {
	var b strings.Builder
	for _, r := range norm.NFD.String(w) {
		if unicode.Is(unicode.Mn, r) {
			continue
		}
		b.WriteRune(unicode.ToLower(r))
	}
	return b.String()
}

// snippetTerm is one term of a search: its words, the last one a prefix
// when prefix is set.
type snippetTerm struct {
	words  []string
	prefix bool
}

func snippetTerms(query string) []snippetTerm {
	var out []snippetTerm
	for _, t := range splitUserQuery(query) {
		prefix := !t.phrase && strings.HasSuffix(t.text, "*")
		var ws []string
		for _, w := range words(strings.TrimRight(t.text, "*")) {
			ws = append(ws, w.fold)
		}
		if len(ws) > 0 {
			out = append(out, snippetTerm{words: ws, prefix: prefix})
		}
	}
	return out
}

// matchAt returns how many words of ws from i the term covers, 0 if none.
func (t snippetTerm) matchAt(ws []word, i int) int {
	if i+len(t.words) > len(ws) {
		return 0
	}
	for k, w := range t.words {
		got := ws[i+k].fold
		if got == w || (t.prefix && k == len(t.words)-1 && strings.HasPrefix(got, w)) {
			continue
		}
		return 0
	}
	return len(t.words)
}

// snippet returns the highlighted snippet (safe HTML) of the best of the
// texts for query, or "" when no text holds a match.
func snippet(query string, texts ...string) string {
	terms := snippetTerms(query)
	best, bestN := "", 0
	var bestWords []word
	var bestSpans [][2]int
	for _, text := range texts {
		ws := words(text)
		var spans [][2]int // word ranges matched
		for i := 0; i < len(ws); i++ {
			for _, t := range terms {
				if n := t.matchAt(ws, i); n > 0 {
					spans = append(spans, [2]int{i, i + n})
					i += n - 1
					break
				}
			}
		}
		if len(spans) > bestN {
			best, bestN, bestWords, bestSpans = text, len(spans), ws, spans
		}
	}
	if bestN == 0 {
		return ""
	}
	from := max(0, bestSpans[0][0]-snippetWords/4)
	to := min(len(bestWords), from+snippetWords)
	from = max(0, min(from, to-snippetWords))
	var b strings.Builder
	if from > 0 {
		b.WriteString("…")
	}
	pos := bestWords[from].start
	for _, sp := range bestSpans {
		if sp[0] < from || sp[1] > to {
			continue
		}
		s, e := bestWords[sp[0]].start, bestWords[sp[1]-1].end
		b.WriteString(best[pos:s])
		b.WriteString(snippetOpen + best[s:e] + snippetClose)
		pos = e
	}
	b.WriteString(best[pos:bestWords[to-1].end])
	if to < len(bestWords) {
		b.WriteString("…")
	}
	return snippetHTML(b.String())
}

// htmlText is the text of sanitised HTML, elements apart by a space.
func htmlText(s string) string {
	if !strings.ContainsAny(s, "<&") {
		return s
	}
	var b strings.Builder
	z := html.NewTokenizer(strings.NewReader(s))
	for {
		switch z.Next() {
		case html.ErrorToken:
			return strings.TrimSpace(b.String())
		case html.TextToken:
			b.Write(z.Text())
		case html.StartTagToken, html.EndTagToken, html.SelfClosingTagToken:
			if b.Len() > 0 {
				b.WriteByte(' ')
			}
		}
	}
}
