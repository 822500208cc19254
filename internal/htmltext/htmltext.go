// Package htmltext makes plain text out of HTML that stays plain text:
// shared by normalize (titles, authors, the text of summaries) and
// publish (the plain-text fields of published feeds), so that both strip
// and decode alike.
package htmltext

import (
	"strings"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// maxDecodings bounds the layers of escaping Inert unwraps.
const maxDecodings = 8

// Inert strips tags (invisible elements such as script and style with
// their contents) and decodes entities until neither changes anything, so
// that no number of further HTML decodings can turn the text into markup:
// a reader that takes a plain-text field for HTML gets text. Doubly escaped
// markup ("&amp;lt;b&amp;gt;") is unwrapped and stripped layer by layer;
// text still escaped after maxDecodings layers loses its '<' and '&'.
// White space is kept as it is.
func Inert(s string) string {
	for range maxDecodings {
		t := inline(s)
		if t == s {
			return s
		}
		s = t
	}
	return strings.Map(func(r rune) rune {
		if r == '<' || r == '&' {
			return -1
		}
		return r
	}, s)
}

// inline returns the text of an HTML fragment, entities decoded, with
// every tag removed and nothing inserted in its place (but a space for
// <br>): tags inside a title are markup of words, never separators.
func inline(s string) string {
	if !strings.ContainsAny(s, "<&") {
		return s
	}
	var b strings.Builder
	z := html.NewTokenizer(strings.NewReader(s))
	skip := 0 // depth inside invisible elements
	for {
		tt := z.Next()
		switch tt {
		case html.ErrorToken:
			return b.String()
		case html.TextToken:
			if skip == 0 {
				b.Write(z.Text())
			}
		case html.StartTagToken, html.SelfClosingTagToken, html.EndTagToken:
			name, _ := z.TagName()
			a := atom.Lookup(name)
			if Invisible(a) {
				skip = InvisibleDepth(skip, tt)
				continue
			}
			if a == atom.Br {
				b.WriteByte(' ')
			}
		}
	}
}

// Invisible reports elements whose contents are not text.
func Invisible(a atom.Atom) bool {
	switch a {
	case atom.Script, atom.Style, atom.Template, atom.Noscript, atom.Iframe, atom.Object,
		atom.Svg, atom.Math, atom.Head, atom.Title, atom.Textarea, atom.Select:
		return true
	}
	return false
}

// InvisibleDepth is the depth inside invisible elements after a tag of
// one: a start tag enters, an end tag leaves, a self-closing one neither.
func InvisibleDepth(depth int, tt html.TokenType) int {
	switch {
	case tt == html.StartTagToken:
		return depth + 1
	case tt == html.EndTagToken && depth > 0:
		return depth - 1
	}
	return depth
}
