// Package extract finds the main text of an article page with a
// readability algorithm (codeberg.org/readeck/go-readability) and the
// page's own idea of its canonical address (<link rel="canonical">, else
// <meta property="og:url">). The text comes back sanitised, links absolute.
package extract

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"net/url"
	"strings"
	"unicode/utf8"

	readability "codeberg.org/readeck/go-readability/v2"
	"golang.org/x/net/html/charset"

	"aggregator/internal/normalize"
)

// ErrNoContent is a page in which no readable main text was found.
var ErrNoContent = errors.New("no readable content")

// maxElements bounds the elements readability scores: a page bigger than
// this is not an article, and scoring it would cost seconds.
const maxElements = 50000

// minTextRunes is the least main text worth calling an article: less is
// what readability salvages from an index page or a paywall (a menu, a
// "subscribe to read" line).
const minTextRunes = 100

// Article is what a page yields.
type Article struct {
	Title   string // the page's article title, plain text
	Content string // sanitised HTML of the main text, URLs absolute
	Text    string // plain text of Content
	// Canonical is the page's rel=canonical (else og:url) resolved to an
	// absolute http(s) URL, as the page states it; "" when it has none.
	// Whether to believe it is the caller's choice (see Trusted).
	Canonical string
}

// Extract reads an HTML page fetched from pageURL (with that response's
// Content-Type, used for its charset) and returns its main text. A page
// without readable text gives ErrNoContent; its Canonical is still filled.
func Extract(body []byte, contentType, pageURL string) (Article, error) {
	base, err := url.Parse(pageURL)
	if err != nil || !base.IsAbs() {
		return Article{}, fmt.Errorf("extract: page URL %q is not absolute", pageURL)
	}
	text, err := toUTF8(body, contentType)
	if err != nil {
		return Article{}, fmt.Errorf("extract %s: %w", pageURL, err)
	}
	art := Article{Canonical: Canonical(text, base)}

	p := readability.NewParser()
	p.MaxElemsToParse = maxElements
	ra, err := p.Parse(bytes.NewReader(text), base)
	if err != nil {
		return art, fmt.Errorf("extract %s: %w", pageURL, err)
	}
	if ra.Node == nil {
		return art, fmt.Errorf("extract %s: %w", pageURL, ErrNoContent)
	}
	var raw strings.Builder
	if err := ra.RenderHTML(&raw); err != nil {
		return art, fmt.Errorf("extract %s: render: %w", pageURL, err)
	}
	art.Title = normalize.Title(ra.Title())
	art.Content = normalize.Sanitize(raw.String(), base.String())
	art.Text = normalize.Text(art.Content)
	if n := utf8.RuneCountInString(art.Text); n < minTextRunes {
		return art, fmt.Errorf("extract %s: %w (%d characters of text)", pageURL, ErrNoContent, n)
	}
	return art, nil
}

// toUTF8 decodes body from the charset its Content-Type, BOM or <meta>
// declares (windows-1252 when nothing does and it is not UTF-8).
func toUTF8(body []byte, contentType string) ([]byte, error) {
	r, err := charset.NewReader(bytes.NewReader(body), contentType)
	if err != nil {
		return nil, fmt.Errorf("decode charset: %w", err)
	}
	out, err := io.ReadAll(r)
	if err != nil {
		return nil, fmt.Errorf("decode charset: %w", err)
	}
	return out, nil
}
