package store

import (
	"encoding/base64"
	"errors"
	"fmt"
	"strconv"
	"strings"
)

// ErrInvalidCursor is returned for a paging cursor this store did not make.
var ErrInvalidCursor = errors.New("invalid cursor")

// cursor is a position in the newest-first order of items: the last item
// of a page, by published time (unix ms) and id.
type cursor struct {
	published int64
	id        int64
}

// String encodes c opaquely for clients.
func (c cursor) String() string {
	return base64.RawURLEncoding.EncodeToString([]byte(strconv.FormatInt(c.published, 10) + ":" + strconv.FormatInt(c.id, 10)))
}

// parseCursor decodes a cursor; "" is the start.
func parseCursor(s string) (c cursor, ok bool, err error) {
	if s == "" {
		return cursor{}, false, nil
	}
	raw, err := base64.RawURLEncoding.DecodeString(s)
	if err != nil {
		return cursor{}, false, fmt.Errorf("%w: %q", ErrInvalidCursor, s)
	}
	pub, id, found := strings.Cut(string(raw), ":")
	if !found {
		return cursor{}, false, fmt.Errorf("%w: %q", ErrInvalidCursor, s)
	}
	if c.published, err = strconv.ParseInt(pub, 10, 64); err != nil {
		return cursor{}, false, fmt.Errorf("%w: %q", ErrInvalidCursor, s)
	}
	if c.id, err = strconv.ParseInt(id, 10, 64); err != nil || c.id <= 0 {
		return cursor{}, false, fmt.Errorf("%w: %q", ErrInvalidCursor, s)
	}
	return c, true, nil
}
