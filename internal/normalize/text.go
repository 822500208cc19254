package normalize

import (
	"strings"

	xhtml "golang.org/x/net/html"
	"golang.org/x/net/html/atom"

	"aggregator/internal/htmltext"
)

// Title returns the plain text of a title as feeds give it: tags stripped
// (script, style and the like with their contents), HTML entities decoded,
// whitespace collapsed to single spaces and trimmed. The result carries no
// markup however many times it is decoded again (see htmltext.Inert).
func Title(s string) string {
	return strings.Join(strings.Fields(WithoutBidi(htmltext.Inert(s))), " ")
}

// WithoutBidi removes the bidirectional embedding, override and isolate
// controls (U+202A–U+202E, U+2066–U+2069), which can make a headline or a
// name display as something it does not say.
func WithoutBidi(s string) string {
	if !strings.ContainsFunc(s, isBidiControl) {
		return s
	}
	return strings.Map(func(r rune) rune {
		if isBidiControl(r) {
			return -1
		}
		return r
	}, s)
}

func isBidiControl(r rune) bool {
	return r >= '\u202a' && r <= '\u202e' || r >= '\u2066' && r <= '\u2069'
}

// Text returns the plain text of an HTML fragment for matching and search:
// entities decoded, script/style bodies dropped, block elements and <br>
// turned into line breaks, inline markup joining words ("Paki<b>stan</b>" is
// "Pakistan"), runs of whitespace collapsed to one space, or to one newline
// when they span a block boundary, and the result trimmed.
func Text(s string) string {
	if s == "" {
		return ""
	}
	var w textWriter
	z := xhtml.NewTokenizer(strings.NewReader(s))
	skip := 0 // depth inside script/style/template
	for {
		tt := z.Next()
		switch tt {
		case xhtml.ErrorToken:
			return textInert(w.String())
		case xhtml.TextToken:
			if skip == 0 {
				w.text(string(z.Text()))
			}
		case xhtml.StartTagToken, xhtml.SelfClosingTagToken, xhtml.EndTagToken:
			name, _ := z.TagName()
			a := atom.Lookup(name)
			if htmltext.Invisible(a) && tt != xhtml.SelfClosingTagToken {
				skip = htmltext.InvisibleDepth(skip, tt)
				continue
			}
			if isBlock(a) {
				w.block()
			}
		}
	}
}

// textInert makes plain text that decoding once more would turn into
// markup (an escaped "&lt;script&gt;" in HTML) inert, as Title does,
// keeping its line breaks.
func textInert(s string) string {
	if !strings.ContainsAny(s, "<&") {
		return s
	}
	inert := htmltext.Inert(s)
	if inert == s {
		return s
	}
	lines := strings.Split(inert, "\n")
	out := lines[:0]
	for _, l := range lines {
		if l = strings.Join(strings.Fields(l), " "); l != "" {
			out = append(out, l)
		}
	}
	return strings.Join(out, "\n")
}

// textWriter collapses whitespace while text is appended.
type textWriter struct {
	b   strings.Builder
	sep byte // pending separator: 0, ' ' or '\n'
}

func (w *textWriter) text(s string) {
	start := -1
	for i, r := range s {
		if isSpace(r) {
			if start >= 0 {
				w.word(s[start:i])
				start = -1
			}
			if w.sep == 0 {
				w.sep = ' '
			}
			continue
		}
		if start < 0 {
			start = i
		}
	}
	if start >= 0 {
		w.word(s[start:])
	}
}

func (w *textWriter) word(s string) {
	if w.sep != 0 && w.b.Len() > 0 {
		w.b.WriteByte(w.sep)
	}
	w.sep = 0
	w.b.WriteString(s)
}

func (w *textWriter) block() { w.sep = '\n' }

func (w *textWriter) String() string { return w.b.String() }

func isSpace(r rune) bool {
	switch r {
	case ' ', '\t', '\n', '\r', '\f', '\v', 0x85, 0xA0, 0x1680, 0x2028, 0x2029, 0x202F, 0x205F, 0x3000:
		return true
	}
	return r >= 0x2000 && r <= 0x200A
}

// isBlock reports elements whose edges separate words and sentences.
func isBlock(a atom.Atom) bool {
	switch a {
	case atom.Address, atom.Article, atom.Aside, atom.Blockquote, atom.Br, atom.Caption,
		atom.Dd, atom.Details, atom.Div, atom.Dl, atom.Dt, atom.Figcaption, atom.Figure,
		atom.Footer, atom.H1, atom.H2, atom.H3, atom.H4, atom.H5, atom.H6, atom.Header,
		atom.Hr, atom.Img, atom.Li, atom.Main, atom.Nav, atom.Ol, atom.P, atom.Pre,
		atom.Section, atom.Summary, atom.Table, atom.Tbody, atom.Td, atom.Tfoot, atom.Th,
		atom.Thead, atom.Tr, atom.Ul, atom.Body, atom.Html:
		return true
	}
	return false
}

// outletSeparators are what sites put between a headline and their own
// name: "Budget approved | Dawn", "Budget approved - Daily Times".
var outletSeparators = []string{" | ", " - ", " – ", " — ", " :: "}

// withoutOutletSuffix removes an outlet's name appended to a headline,
// which every copy of a story carries differently and readers see twice
// (the outlet is credited anyway): the source's own, or the one an
// aggregated entry credits (Google News' "Headline - Dawn"). Only that
// name goes, compared without regard to case; a headline that would be
// left empty stays whole.
func withoutOutletSuffix(title, outlet string) string {
	outlet = strings.TrimSpace(outlet)
	if outlet == "" || len(title) <= len(outlet) {
		return title
	}
	for _, sep := range outletSeparators {
		head, tail, ok := cutLast(title, sep)
		if ok && strings.TrimSpace(head) != "" && strings.EqualFold(strings.TrimSpace(tail), outlet) {
			return strings.TrimSpace(head)
		}
	}
	return title
}

// cutLast slices s around the last sep.
func cutLast(s, sep string) (before, after string, found bool) {
	if i := strings.LastIndex(s, sep); i >= 0 {
		return s[:i], s[i+len(sep):], true
	}
	return s, "", false
}
