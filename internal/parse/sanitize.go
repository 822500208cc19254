package parse

import (
	"bytes"
	"errors"
	"fmt"
	"strconv"
	"unicode/utf8"
)

// Limits on pathological documents. gofeed concatenates the text fragments
// of extension elements one by one (quadratic in their number), and its
// parsers recurse with the nesting.
const (
	maxDepth = 64
	// maxMixedCost bounds, per element, text fragments × text bytes: the
	// copying a fragment-by-fragment concatenation costs.
	maxMixedCost = 64 << 20
)

// ErrPathological is a document built to make parsing expensive.
var ErrPathological = errors.New("pathological document")

const utf8Decl = `<?xml version="1.0" encoding="UTF-8"?>`

// sanitizeXML rewrites UTF-8 XML so that gofeed's lenient decoder reads it
// safely and exactly: the XML declaration says UTF-8; characters illegal in
// XML 1.0 are dropped and invalid UTF-8 becomes U+FFFD; a bare & becomes
// &amp; and a bare < becomes &lt;; the DOCTYPE (with any internal subset
// and its entity definitions) is removed, so no entity can expand;
// comments and processing instructions are removed and CDATA sections
// become escaped text, so every element's text is one run; a root end tag
// missing its '>' at the very end is closed. Nesting deeper
// than maxDepth and mixed content costing more than maxMixedCost fail with
// ErrPathological.
func sanitizeXML(in []byte) ([]byte, error) {
	s := scanner{in: in, out: make([]byte, 0, len(in)+len(in)/16+64)}
	if err := s.run(); err != nil {
		return nil, err
	}
	return s.out, nil
}

// openElement is an element the scanner is inside, with the text charged
// to it so far.
type openElement struct {
	local     []byte
	fragments int
	textBytes int
	exempt    bool
}

// scanner is one pass of sanitizeXML over its input.
type scanner struct {
	in    []byte
	out   []byte
	i     int
	stack []openElement
	// text counts the bytes of the current text run, -1 outside one.
	text int
}

func (s *scanner) run() error {
	s.text = -1
	for s.i < len(s.in) {
		c := s.in[s.i]
		switch {
		case c == '<':
			if err := s.markup(); err != nil {
				return err
			}
		case c == '&':
			s.textByte()
			s.entity()
		default:
			s.textByte()
			s.char()
		}
	}
	return nil
}

// textByte notes that text is being written into the current element.
func (s *scanner) textByte() {
	if s.text < 0 {
		s.text = 0
	}
	s.text++
}

// endText closes the current text run, charging it to the open element.
func (s *scanner) endText() error {
	if s.text < 0 {
		return nil
	}
	n := s.text
	s.text = -1
	if len(s.stack) == 0 {
		return nil
	}
	top := &s.stack[len(s.stack)-1]
	if top.exempt {
		return nil
	}
	top.fragments++
	top.textBytes += n
	if top.fragments > 64 && top.fragments*top.textBytes > maxMixedCost {
		return fmt.Errorf("%w: element <%s> mixes %d text fragments with child elements",
			ErrPathological, top.local, top.fragments)
	}
	return nil
}

func (s *scanner) markup() error {
	rest := s.in[s.i:]
	switch {
	case bytes.HasPrefix(rest, []byte("<!--")):
		s.skipPast(4, "-->")
	case bytes.HasPrefix(rest, []byte("<![CDATA[")):
		s.cdata()
	case len(rest) >= 9 && bytes.EqualFold(rest[:9], []byte("<!DOCTYPE")):
		s.skipDoctype()
	case bytes.HasPrefix(rest, []byte("<?")):
		start := s.i
		s.skipPast(2, "?>")
		if isXMLDecl(rest) && len(bytes.TrimSpace(s.in[:start])) == 0 && len(s.out) == 0 {
			s.out = append(s.out, utf8Decl...)
		}
	case bytes.HasPrefix(rest, []byte("</")):
		if err := s.endText(); err != nil {
			return err
		}
		s.copyTag()
		if s.i == len(s.in) && len(s.stack) == 1 && s.out[len(s.out)-1] != '>' {
			// The root's end tag lost its '>' at the very end ("…</rss"),
			// as some generators cut their last byte: close it. A document
			// cut anywhere earlier stays an error: its last item is partial.
			s.out = append(s.out, '>')
		}
		if len(s.stack) > 0 {
			s.stack = s.stack[:len(s.stack)-1]
		}
	case len(rest) > 1 && isNameStart(rest[1]):
		if err := s.endText(); err != nil {
			return err
		}
		return s.startTag()
	default:
		s.textByte()
		s.out = append(s.out, "&lt;"...)
		s.i++
	}
	return nil
}

func isXMLDecl(rest []byte) bool {
	return len(rest) > 6 && string(rest[2:5]) == "xml" && isSpace(rest[5])
}

func (s *scanner) startTag() error {
	nameStart := s.i + 1
	nameEnd := nameStart
	for nameEnd < len(s.in) && !isSpace(s.in[nameEnd]) && s.in[nameEnd] != '>' && s.in[nameEnd] != '/' {
		nameEnd++
	}
	name := s.in[nameStart:nameEnd]
	local := name
	if k := bytes.LastIndexByte(name, ':'); k >= 0 {
		local = name[k+1:]
	}
	selfClosing := s.copyTag()
	if selfClosing {
		return nil
	}
	depth := len(s.stack) + 1
	if depth > maxDepth {
		return fmt.Errorf("%w: elements nested deeper than %d", ErrPathological, maxDepth)
	}
	// The root, RSS's channel and RDF's item list legitimately hold one
	// child per entry; gofeed parses them without concatenating text.
	exempt := depth == 1 || (depth == 2 && string(local) == "channel") ||
		(depth == 4 && string(local) == "Seq")
	s.stack = append(s.stack, openElement{local: local, exempt: exempt})
	return nil
}

// copyTag copies a start or end tag through its closing '>', repairing
// ampersands in quoted attribute values, and reports whether it ended with
// "/>".
func (s *scanner) copyTag() (selfClosing bool) {
	s.out = append(s.out, '<')
	s.i++
	var quote byte
	for s.i < len(s.in) {
		c := s.in[s.i]
		switch {
		case quote != 0:
			switch c {
			case quote:
				quote = 0
			case '&':
				s.entity()
				continue
			case '<':
				s.out = append(s.out, "&lt;"...)
				s.i++
				continue
			}
		case c == '"' || c == '\'':
			quote = c
		case c == '<':
			// An unterminated tag: close it here and let the caller read
			// the markup that follows.
			s.out = append(s.out, '>')
			return false
		case c == '>':
			selfClosing = s.i > 0 && s.in[s.i-1] == '/'
			s.out = append(s.out, '>')
			s.i++
			return selfClosing
		}
		s.char()
	}
	return false
}

// cdata turns a CDATA section into escaped text.
func (s *scanner) cdata() {
	start := s.i + len("<![CDATA[")
	end := bytes.Index(s.in[start:], []byte("]]>"))
	stop := len(s.in)
	if end >= 0 {
		stop = start + end
	}
	s.i = start
	for s.i < stop {
		s.textByte()
		switch s.in[s.i] {
		case '&':
			s.out = append(s.out, "&amp;"...)
			s.i++
		case '<':
			s.out = append(s.out, "&lt;"...)
			s.i++
		case '>':
			s.out = append(s.out, "&gt;"...)
			s.i++
		default:
			s.char()
		}
	}
	s.i = min(len(s.in), stop+len("]]>"))
}

// skipPast drops input from s.i through the next terminator (searched from
// s.i+skip), or to the end.
func (s *scanner) skipPast(skip int, terminator string) {
	k := bytes.Index(s.in[min(len(s.in), s.i+skip):], []byte(terminator))
	if k < 0 {
		s.i = len(s.in)
		return
	}
	s.i += skip + k + len(terminator)
}

// skipDoctype drops a DOCTYPE declaration with its internal subset,
// respecting quotes and comments inside the subset.
func (s *scanner) skipDoctype() {
	depth := 0
	var quote byte
	for s.i += len("<!DOCTYPE"); s.i < len(s.in); s.i++ {
		c := s.in[s.i]
		switch {
		case quote != 0:
			if c == quote {
				quote = 0
			}
		case c == '"' || c == '\'':
			quote = c
		case c == '<' && bytes.HasPrefix(s.in[s.i:], []byte("<!--")):
			s.skipPast(4, "-->")
			s.i--
		case c == '[':
			depth++
		case c == ']':
			depth--
		case c == '>' && depth <= 0:
			s.i++
			return
		}
	}
}

// entity copies a character or entity reference at s.i, or writes &amp;
// for a bare ampersand. References to characters illegal in XML are
// dropped.
func (s *scanner) entity() {
	rest := s.in[s.i:]
	n := refLen(rest)
	if n == 0 {
		s.out = append(s.out, "&amp;"...)
		s.i++
		return
	}
	if rest[1] == '#' {
		var v uint64
		var err error
		if rest[2] == 'x' || rest[2] == 'X' {
			v, err = strconv.ParseUint(string(rest[3:n-1]), 16, 32)
		} else {
			v, err = strconv.ParseUint(string(rest[2:n-1]), 10, 32)
		}
		if err != nil || !legalXMLChar(rune(v)) {
			s.i += n
			return
		}
	}
	s.out = append(s.out, rest[:n]...)
	s.i += n
}

// refLen returns the length of the reference (&name; &#123; &#x1F;) at the
// start of b, or 0 when the ampersand is bare.
func refLen(b []byte) int {
	const maxRef = 40
	if len(b) < 3 {
		return 0
	}
	j := 1
	switch {
	case b[1] == '#' && len(b) > 2 && (b[2] == 'x' || b[2] == 'X'):
		j = 3
		for j < len(b) && j < maxRef && isHex(b[j]) {
			j++
		}
		if j == 3 {
			return 0
		}
	case b[1] == '#':
		j = 2
		for j < len(b) && j < maxRef && b[j] >= '0' && b[j] <= '9' {
			j++
		}
		if j == 2 {
			return 0
		}
	case isASCIILetter(b[1]):
		// Entity names in feeds are ASCII (XML's five, HTML's named ones).
		j = 2
		for j < len(b) && j < maxRef && (isASCIILetter(b[j]) || (b[j] >= '0' && b[j] <= '9') || b[j] == '.' || b[j] == '-' || b[j] == '_') {
			j++
		}
	default:
		return 0
	}
	if j < len(b) && b[j] == ';' {
		return j + 1
	}
	return 0
}

// char copies one character at s.i, dropping those illegal in XML 1.0 and
// replacing invalid UTF-8 with U+FFFD.
func (s *scanner) char() {
	c := s.in[s.i]
	if c >= 0x20 && c < utf8.RuneSelf {
		s.out = append(s.out, c)
		s.i++
		return
	}
	r, size := utf8.DecodeRune(s.in[s.i:])
	s.i += size
	switch {
	case r == utf8.RuneError && size == 1:
		s.out = utf8.AppendRune(s.out, utf8.RuneError)
	case legalXMLChar(r):
		s.out = append(s.out, s.in[s.i-size:s.i]...)
	}
}

func legalXMLChar(r rune) bool {
	return r == 0x9 || r == 0xA || r == 0xD ||
		(r >= 0x20 && r <= 0xD7FF) || (r >= 0xE000 && r <= 0xFFFD) || (r >= 0x10000 && r <= 0x10FFFF)
}

func isSpace(c byte) bool { return c == ' ' || c == '\t' || c == '\n' || c == '\r' }

func isHex(c byte) bool {
	return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F')
}

func isNameStart(c byte) bool {
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_' || c == ':' || c >= utf8.RuneSelf
}

func isASCIILetter(c byte) bool { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') }
