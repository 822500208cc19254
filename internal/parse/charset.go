package parse

import (
	"bytes"
	"mime"
	"regexp"
	"strings"
	"unicode/utf8"

	"github.com/gogs/chardet"
	"golang.org/x/net/html/charset"
	"golang.org/x/text/encoding"
	"golang.org/x/text/encoding/charmap"
	"golang.org/x/text/encoding/unicode"
	"golang.org/x/text/encoding/unicode/utf32"
)

var (
	bomUTF8    = []byte{0xEF, 0xBB, 0xBF}
	bomUTF16BE = []byte{0xFE, 0xFF}
	bomUTF16LE = []byte{0xFF, 0xFE}
	bomUTF32BE = []byte{0, 0, 0xFE, 0xFF}
	bomUTF32LE = []byte{0xFF, 0xFE, 0, 0}
)

// xmlDeclEncoding finds the encoding pseudo-attribute of an XML declaration.
var xmlDeclEncoding = regexp.MustCompile(`^\s*<\?xml[^>]*?\sencoding\s*=\s*["']([A-Za-z0-9._:-]+)["']`)

// ToUTF8 returns an XML or JSON document as UTF-8, as toUTF8 does, for
// other readers of XML written by the same tools (OPML files).
func ToUTF8(body []byte, contentType string) []byte { return toUTF8(body, contentType) }

// toUTF8 returns body as UTF-8 text (possibly still holding invalid bytes,
// which the sanitiser replaces). The encoding is chosen as RFC 7303 says
// for XML: a byte order mark first, then the charset parameter of an XML
// (or JSON) media type, then the XML declaration, then UTF-8. A charset on
// another media type (servers label feeds text/html or text/plain) only
// counts when the document declares nothing. Two repairs follow real-world
// mislabelling: a body that is valid UTF-8 with non-ASCII text is UTF-8
// whatever its label, and a body labelled or defaulted UTF-8 that is not
// is decoded with a detected legacy encoding.
func toUTF8(body []byte, contentType string) []byte {
	switch {
	// UTF-32 first: its little-endian mark starts like UTF-16's. Without a
	// mark, the first character '<' (or '{') shows the byte order.
	case bytes.HasPrefix(body, bomUTF32BE):
		return decode(utf32.UTF32(utf32.BigEndian, utf32.ExpectBOM), body)
	case bytes.HasPrefix(body, bomUTF32LE):
		return decode(utf32.UTF32(utf32.LittleEndian, utf32.ExpectBOM), body)
	case len(body) >= 4 && body[0] == 0 && body[1] == 0 && body[2] == 0 && body[3] != 0:
		return decode(utf32.UTF32(utf32.BigEndian, utf32.IgnoreBOM), body)
	case len(body) >= 4 && body[0] != 0 && body[1] == 0 && body[2] == 0 && body[3] == 0:
		return decode(utf32.UTF32(utf32.LittleEndian, utf32.IgnoreBOM), body)
	case bytes.HasPrefix(body, bomUTF8):
		return body[len(bomUTF8):]
	case bytes.HasPrefix(body, bomUTF16BE), bytes.HasPrefix(body, bomUTF16LE):
		return decode(unicode.UTF16(unicode.BigEndian, unicode.ExpectBOM), body)
	case bytes.HasPrefix(body, []byte{0, '<', 0, '?'}):
		return decode(unicode.UTF16(unicode.BigEndian, unicode.IgnoreBOM), body)
	case bytes.HasPrefix(body, []byte{'<', 0, '?', 0}):
		return decode(unicode.UTF16(unicode.LittleEndian, unicode.IgnoreBOM), body)
	}

	label := declaredCharset(body, contentType)
	enc, name := lookup(label)
	if isUTF16(name) {
		// A document in UTF-16 starts with a byte order mark or with
		// "<" and a NUL, both handled above: this one only says so.
		enc, name = nil, ""
	}
	if enc == nil || isUTF8(name) {
		if utf8.Valid(body) || mostlyUTF8(body) {
			return body
		}
		// A header's UTF-8 the bytes deny: the document's own
		// declaration is the better witness.
		if decl, declName := lookup(xmlDeclaration(body)); decl != nil && !isUTF8(declName) && !isUTF16(declName) {
			return decode(decl, body)
		}
		return decode(detectLegacy(body, label == ""), body)
	}
	if utf8.Valid(body) && hasMultibyte(body) {
		return body // mislabelled UTF-8, by far the likelier story
	}
	return decode(enc, body)
}

// declaredCharset picks the charset label the document and its headers
// declare, "" when none.
func declaredCharset(body []byte, contentType string) string {
	mediaType, params, _ := mime.ParseMediaType(contentType)
	header := strings.TrimSpace(params["charset"])
	xmlish := strings.HasSuffix(mediaType, "/xml") || strings.HasSuffix(mediaType, "+xml") ||
		strings.HasSuffix(mediaType, "/json") || strings.HasSuffix(mediaType, "+json")
	if header != "" && xmlish {
		return header
	}
	if decl := xmlDeclaration(body); decl != "" {
		return decl
	}
	return header
}

// xmlDeclaration is the encoding an XML declaration names, "" when none.
func xmlDeclaration(body []byte) string {
	if m := xmlDeclEncoding.FindSubmatch(body[:min(len(body), 1024)]); m != nil {
		return string(m[1])
	}
	return ""
}

// lookup resolves a label with the WHATWG table (so ISO-8859-1 means
// windows-1252, GB2312 means GBK); unknown labels give nil.
func lookup(label string) (encoding.Encoding, string) {
	if label == "" {
		return nil, ""
	}
	enc, name := charset.Lookup(label)
	if enc == nil {
		return nil, ""
	}
	return enc, name
}

func isUTF8(name string) bool  { return name == "utf-8" }
func isUTF16(name string) bool { return strings.HasPrefix(name, "utf-16") }

func decode(enc encoding.Encoding, body []byte) []byte {
	out, err := enc.NewDecoder().Bytes(body)
	if err != nil {
		// x/text decoders replace invalid input instead of failing; an
		// error here means a broken transformer, so keep the raw bytes and
		// let the sanitiser replace what is invalid.
		return body
	}
	return out
}

// mostlyUTF8 reports whether body is UTF-8 with a few corrupt bytes rather
// than text in a legacy encoding: it holds more valid multi-byte sequences
// than invalid bytes.
func mostlyUTF8(body []byte) bool {
	valid, invalid := 0, 0
	for i := 0; i < len(body); {
		if body[i] < utf8.RuneSelf {
			i++
			continue
		}
		r, size := utf8.DecodeRune(body[i:])
		if r == utf8.RuneError && size == 1 {
			invalid++
		} else {
			valid++
		}
		i += size
	}
	return valid > invalid
}

func hasMultibyte(body []byte) bool {
	for _, b := range body {
		if b >= utf8.RuneSelf {
			return true
		}
	}
	return false
}

// detectLegacy guesses the encoding of text that is not UTF-8. With no
// declaration at all a statistical detector gets a say (Chinese, Japanese,
// Cyrillic and Arabic-script feeds are common here); otherwise, and when
// the detector is unsure, windows-1252 is the classic mislabel.
//
// The detector is unsure of short texts. Text whose letters are mostly
// bytes above ASCII is not Western European (whose accented letters are
// sprinkled among ASCII ones), so windows-1252 is then the detector's
// last resort rather than its first: Cyrillic, Greek, Arabic or Hebrew
// text in a single-byte encoding looks like this.
func detectLegacy(body []byte, undeclared bool) encoding.Encoding {
	if undeclared {
		results, err := chardet.NewTextDetector().DetectAll(body)
		if err == nil && len(results) > 0 && results[0].Confidence >= 50 {
			if enc, _ := legacyEncoding(results[0].Charset); enc != nil {
				return enc
			}
		}
		if err == nil && mostlyHighBytes(body) {
			for _, r := range results {
				if enc, name := legacyEncoding(r.Charset); enc != nil && name != "windows-1252" {
					return enc
				}
			}
		}
	}
	return charmap.Windows1252
}

// legacyEncoding is the encoding a detector's label names, with its
// WHATWG name; nil for UTF-8, UTF-16 and unknown labels.
func legacyEncoding(label string) (encoding.Encoding, string) {
	enc, name := lookup(label)
	if enc == nil || isUTF8(name) || isUTF16(name) {
		return nil, ""
	}
	return enc, name
}

// mostlyHighBytes reports whether, outside tags, bytes above ASCII
// outnumber ASCII letters.
func mostlyHighBytes(body []byte) bool {
	high, ascii := 0, 0
	inTag := false
	for _, b := range body {
		switch {
		case b == '<':
			inTag = true
		case b == '>':
			inTag = false
		case inTag:
		case b >= utf8.RuneSelf:
			high++
		case b >= 'a' && b <= 'z' || b >= 'A' && b <= 'Z':
			ascii++
		}
	}
	return high > ascii
}
