package publish

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/net/html"

	"aggregator/internal/htmltext"
)

// plainText is the visible text of an HTML fragment, whitespace collapsed,
// inert: text that decoding once more would turn into markup (an escaped
// "&lt;script&gt;" in the HTML) is stripped as htmltext.Inert does, since
// plain-text fields (JSON Feed's summary) reach readers that render them.
func plainText(fragment string) string {
	if fragment == "" {
		return ""
	}
	z := html.NewTokenizer(strings.NewReader(fragment))
	var b strings.Builder
	skip := 0 // inside script or style, which sanitized HTML should not have
	for {
		switch z.Next() {
		case html.ErrorToken:
			return collapseSpace(htmltext.Inert(b.String()))
		case html.TextToken:
			if skip == 0 {
				b.Write(z.Text())
			}
		case html.StartTagToken:
			name, _ := z.TagName()
			if s := string(name); s == "script" || s == "style" {
				skip++
			}
			b.WriteByte(' ')
		case html.EndTagToken:
			name, _ := z.TagName()
			if s := string(name); (s == "script" || s == "style") && skip > 0 {
				skip--
			}
			b.WriteByte(' ')
		case html.SelfClosingTagToken:
			b.WriteByte(' ')
		}
	}
}

// collapseSpace trims s and turns every run of white space into one space.
func collapseSpace(s string) string {
	return strings.Join(strings.Fields(s), " ")
}

// excerpt shortens plain text to at most max runes, at a word boundary when
// there is one, marking the cut with an ellipsis.
func excerpt(s string, max int) string {
	if utf8.RuneCountInString(s) <= max {
		return s
	}
	cut := 0
	for i := range s {
		if max == 0 {
			cut = i
			break
		}
		max--
	}
	head := s[:cut]
	if i := strings.LastIndexFunc(head, unicode.IsSpace); i > len(head)/2 {
		head = head[:i]
	}
	return strings.TrimRightFunc(head, unicode.IsSpace) + "…"
}

// xmlSafe drops the characters XML 1.0 cannot carry and replaces invalid
// UTF-8 with U+FFFD. encoding/xml does so in escaped text but writes CDATA
// sections as they are.
func xmlSafe(s string) string {
	if utf8.ValidString(s) && strings.IndexFunc(s, notXMLChar) < 0 {
		return s
	}
	return strings.Map(func(r rune) rune {
		if notXMLChar(r) {
			return -1
		}
		return r
	}, s)
}

// notXMLChar says whether r is outside XML 1.0's Char production.
func notXMLChar(r rune) bool {
	switch {
	case r == '\t' || r == '\n' || r == '\r':
		return false
	case r < 0x20:
		return true
	case r >= 0xD800 && r <= 0xDFFF, r == 0xFFFE, r == 0xFFFF:
		return true
	case r == utf8.RuneError:
		return false
	}
	return r > 0x10FFFF
}
