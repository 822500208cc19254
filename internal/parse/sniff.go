package parse

import (
	"bytes"
	"mime"
	"strings"
)

type kind int

const (
	kindUnknown kind = iota
	kindEmpty
	kindXML      // an RSS, RDF or Atom root
	kindOtherXML // XML with another root
	kindJSON
	kindHTML
	kindCDF // Microsoft's Channel Definition Format: <CHANNEL> in capitals
)

// sniff tells a feed from an HTML page by the first element (and the
// DOCTYPE), falling back to the media type. It returns the root element's
// name for XML.
func sniff(text []byte, contentType string) (kind, string) {
	rest := bytes.TrimLeft(text, " \t\r\n\ufeff")
	if len(rest) == 0 {
		return kindEmpty, ""
	}
	switch rest[0] {
	case '{', '[':
		return kindJSON, ""
	case '<':
	default:
		return kindUnknown, ""
	}
	mediaType, _, _ := mime.ParseMediaType(contentType)
	// An HTML DOCTYPE makes a page, unless a feed root follows it: some
	// feeds are written by templates that start with an XHTML DOCTYPE.
	htmlDoctype := false
	for len(rest) > 0 && rest[0] == '<' {
		switch {
		case bytes.HasPrefix(rest, []byte("<?")):
			rest = after(rest, "?>")
		case bytes.HasPrefix(rest, []byte("<!--")):
			rest = after(rest, "-->")
		case bytes.HasPrefix(rest, []byte("<!")):
			decl := strings.ToLower(string(rest[:min(len(rest), 14)]))
			htmlDoctype = htmlDoctype || strings.HasPrefix(decl, "<!doctype html")
			rest = afterDoctype(rest)
		default:
			name := rootName(rest[1:])
			local := name
			if i := strings.LastIndexByte(name, ':'); i >= 0 {
				local = name[i+1:]
			}
			if local == "CHANNEL" {
				return kindCDF, name
			}
			switch strings.ToLower(local) {
			case "rss", "rdf", "feed", "channel":
				return kindXML, name
			case "html":
				return kindHTML, name
			}
			if htmlDoctype || mediaType == "text/html" || mediaType == "application/xhtml+xml" {
				return kindHTML, name
			}
			return kindOtherXML, name
		}
		rest = bytes.TrimLeft(rest, " \t\r\n")
	}
	if htmlDoctype || mediaType == "text/html" {
		return kindHTML, "html"
	}
	return kindUnknown, ""
}

func after(b []byte, sep string) []byte {
	if i := bytes.Index(b, []byte(sep)); i >= 0 {
		return b[i+len(sep):]
	}
	return nil
}

// afterDoctype skips a declaration with a possible internal subset.
func afterDoctype(b []byte) []byte {
	depth := 0
	for i, c := range b {
		switch c {
		case '[':
			depth++
		case ']':
			depth--
		case '>':
			if depth <= 0 {
				return b[i+1:]
			}
		}
	}
	return nil
}

func rootName(b []byte) string {
	end := bytes.IndexAny(b, " \t\r\n/>")
	if end < 0 {
		end = min(len(b), 64)
	}
	return string(b[:min(end, 64)])
}

// skipJunk drops text a broken server printed before the document (PHP
// warnings, a stray line), when an XML declaration or a feed root follows
// within the first few kilobytes. A warning printed as HTML ("<br />
// <b>Warning</b>: …") starts with markup: there an XML declaration, which
// only ever opens a document, marks where the document starts.
func skipJunk(text []byte) []byte {
	rest := bytes.TrimLeft(text, " \t\r\n\ufeff")
	if len(rest) == 0 || rest[0] == '{' || rest[0] == '[' {
		return text
	}
	head := rest[:min(len(rest), 4096)]
	if rest[0] == '<' {
		if i := bytes.Index(head, []byte("<?xml")); i > 0 {
			return rest[i:]
		}
		return text
	}
	for _, start := range []string{"<?xml", "<rss", "<feed", "<rdf:RDF"} {
		if i := bytes.Index(head, []byte(start)); i >= 0 {
			return rest[i:]
		}
	}
	return text
}
