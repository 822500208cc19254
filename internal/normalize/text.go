package normalize

import (
	"html"
	"strings"

	xhtml "golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// Title returns the plain text of a title as feeds give it: tags stripped,
// HTML entities decoded (twice-escaped ones such as "&amp;amp;" too),
// whitespace collapsed to single spaces and trimmed.
func Title(s string) string {
	t := inlineText(s)
	if strings.Contains(t, "&") {
		t = html.UnescapeString(t)
	}
	return strings.Join(strings.Fields(WithoutBidi(t)), " ")
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

// inlineText returns the text of an HTML fragment, entities decoded, with
// every tag removed and nothing inserted in its place.
func inlineText(s string) string {
	if !strings.ContainsAny(s, "<&") {
		return s
	}
	var b strings.Builder
	z := xhtml.NewTokenizer(strings.NewReader(s))
	for {
		switch z.Next() {
		case xhtml.ErrorToken:
			return b.String()
		case xhtml.TextToken:
			b.Write(z.Text())
		case xhtml.StartTagToken, xhtml.SelfClosingTagToken, xhtml.EndTagToken:
			// Tags of a title are markup of words, never separators.
			if name, _ := z.TagName(); atom.Lookup(name) == atom.Br {
				b.WriteByte(' ')
			}
		}
	}
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
			return w.String()
		case xhtml.TextToken:
			if skip == 0 {
				w.text(string(z.Text()))
			}
		case xhtml.StartTagToken, xhtml.SelfClosingTagToken, xhtml.EndTagToken:
			name, _ := z.TagName()
			a := atom.Lookup(name)
			if isInvisible(a) && tt != xhtml.SelfClosingTagToken {
				if tt == xhtml.StartTagToken {
					skip++
				} else if skip > 0 {
					skip--
				}
				continue
			}
			if isBlock(a) {
				w.block()
			}
		}
	}
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

// isInvisible reports elements whose contents are not text.
func isInvisible(a atom.Atom) bool {
	switch a {
	case atom.Script, atom.Style, atom.Template, atom.Noscript, atom.Iframe, atom.Object,
		atom.Svg, atom.Math, atom.Head, atom.Title, atom.Textarea, atom.Select:
		return true
	}
	return false
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
