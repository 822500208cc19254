package opml

import (
	"bufio"
	"bytes"
	"io"

	"golang.org/x/net/html/charset"
	"golang.org/x/text/encoding"
	"golang.org/x/text/encoding/unicode"
	"golang.org/x/text/transform"
)

// unicodeReader returns r as UTF-8 when it starts with a byte order mark
// or with "<" in UTF-16 (files saved by Windows tools), and whether it
// did so. encoding/xml reads only UTF-8 before the declaration, so such
// a file would otherwise fail at its first byte; once transcoded, the
// declaration's encoding="UTF-16" must be ignored.
func unicodeReader(r io.Reader) (io.Reader, bool) {
	br := bufio.NewReader(r)
	head, _ := br.Peek(4)
	var enc *encoding.Decoder
	switch {
	case bytes.HasPrefix(head, []byte{0xEF, 0xBB, 0xBF}):
		br.Discard(3)
		return br, false // UTF-8 already; the declaration still applies
	case bytes.HasPrefix(head, []byte{0xFF, 0xFE}), bytes.HasPrefix(head, []byte{'<', 0, '?', 0}):
		enc = unicode.UTF16(unicode.LittleEndian, unicode.UseBOM).NewDecoder()
	case bytes.HasPrefix(head, []byte{0xFE, 0xFF}), bytes.HasPrefix(head, []byte{0, '<', 0, '?'}):
		enc = unicode.UTF16(unicode.BigEndian, unicode.UseBOM).NewDecoder()
	default:
		return br, false
	}
	return transform.NewReader(br, enc), true
}

// charsetReader is the decoder's CharsetReader: the declared encoding,
// or none when the bytes were already transcoded to UTF-8.
func charsetReader(transcoded bool) func(string, io.Reader) (io.Reader, error) {
	if transcoded {
		return func(_ string, r io.Reader) (io.Reader, error) { return r, nil }
	}
	return charset.NewReaderLabel
}
