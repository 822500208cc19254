package fetch

import (
	"bufio"
	"compress/flate"
	"compress/gzip"
	"compress/zlib"
	"errors"
	"fmt"
	"io"
	"strings"
)

// readBody reads r, decoded per the Content-Encoding, keeping at most limit
// bytes of decoded content: one byte more means ErrTooLarge. Memory stays
// bounded by limit however well the body compresses.
func readBody(r io.Reader, encoding string, limit int64) ([]byte, error) {
	dec, err := decoder(r, encoding)
	if err != nil {
		return nil, err
	}
	defer dec.Close()
	buf := make([]byte, 0, min(limit+1, 64<<10))
	lr := io.LimitReader(dec, limit+1)
	for {
		if len(buf) == cap(buf) {
			// Grow by doubling, but never past the cap plus the one byte
			// that proves the body too large.
			grown := make([]byte, len(buf), int(min(2*int64(cap(buf)), limit+1)))
			copy(grown, buf)
			buf = grown
		}
		n, err := lr.Read(buf[len(buf):cap(buf)])
		buf = buf[:len(buf)+n]
		if int64(len(buf)) > limit {
			return nil, fmt.Errorf("%w: more than %d bytes", ErrTooLarge, limit)
		}
		if errors.Is(err, io.EOF) {
			return buf, nil
		}
		if err != nil {
			return nil, fmt.Errorf("read body: %w", err)
		}
	}
}

// decoder undoes one Content-Encoding layer; identity passes through.
func decoder(r io.Reader, encoding string) (io.ReadCloser, error) {
	switch strings.ToLower(strings.TrimSpace(encoding)) {
	case "", "identity":
		return io.NopCloser(r), nil
	case "gzip", "x-gzip":
		zr, err := gzip.NewReader(r)
		if err != nil {
			return nil, fmt.Errorf("gzip body: %w", err)
		}
		return zr, nil
	case "deflate":
		// RFC 9110 deflate is zlib-wrapped, but some servers send raw
		// deflate; zlib's header check tells them apart.
		return newDeflateReader(r)
	default:
		return nil, fmt.Errorf("unsupported Content-Encoding %q", encoding)
	}
}

func newDeflateReader(r io.Reader) (io.ReadCloser, error) {
	br := bufio.NewReader(r)
	head, err := br.Peek(2)
	if err != nil {
		return nil, fmt.Errorf("deflate body: %w", err)
	}
	if head[0]&0x0f == 8 && (uint16(head[0])<<8|uint16(head[1]))%31 == 0 {
		zr, err := zlib.NewReader(br)
		if err != nil {
			return nil, fmt.Errorf("deflate body: %w", err)
		}
		return zr, nil
	}
	return flate.NewReader(br), nil
}
