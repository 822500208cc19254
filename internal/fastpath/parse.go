package fastpath

import "bytes"

// Limits of the requests the fast path takes; anything longer goes to the
// fallback.
const (
	maxPath    = 512
	maxHeaders = 64
)

// headerEnd returns the length of the request header at the start of b,
// through its empty line, or -1 when b does not hold all of it.
func headerEnd(b []byte) int {
	i := bytes.Index(b, []byte("\r\n\r\n"))
	if i < 0 {
		return -1
	}
	return i + 4
}

// bareLF reports whether b holds a line ending in LF without CR, which
// net/http accepts and the fast path does not read: the request goes to
// the fallback at once rather than waiting for a CRLF CRLF that will not
// come.
func bareLF(b []byte) bool {
	for i := bytes.IndexByte(b, '\n'); i >= 0; {
		if i == 0 || b[i-1] != '\r' {
			return true
		}
		j := bytes.IndexByte(b[i+1:], '\n')
		if j < 0 {
			return false
		}
		i += j + 1
	}
	return false
}

// parseRequest reads a request header, b being exactly the header through
// its empty line. It reports false for anything but the narrow shape the
// fast path answers (RFC 9112): "GET" or "HEAD", an origin-form target of
// plain path characters, "HTTP/1.1" (or "HTTP/1.0", which load generators
// such as ab still send), well-formed fields without line folding, exactly
// one Host (at most one for HTTP/1.0), no body (no Transfer-Encoding, a
// zero Content-Length at most), no Expect, Upgrade, If-Match or
// If-Unmodified-Since (net/http evaluates those), and a Connection of
// "close" or "keep-alive" only. Everything it reports false for, net/http
// answers, whether with the feed or with an error.
func parseRequest(b []byte) (Request, bool) {
	var req Request
	b = b[:len(b)-2] // the empty line; every line now ends with CRLF
	line, rest, _ := bytes.Cut(b, []byte("\r\n"))
	switch {
	case bytes.HasPrefix(line, []byte("GET ")):
		line = line[4:]
	case bytes.HasPrefix(line, []byte("HEAD ")):
		req.Head = true
		line = line[5:]
	default:
		return req, false
	}
	target, version, ok := bytes.Cut(line, []byte(" "))
	switch {
	case !ok || !plainPath(target):
		return req, false
	case string(version) == "HTTP/1.0":
		req.http10 = true
	case string(version) != "HTTP/1.1":
		return req, false
	}
	req.Path = string(target)

	var seen uint16 // fields met once already
	for i := 0; len(rest) > 0; i++ {
		if i == maxHeaders {
			return req, false
		}
		line, rest, _ = bytes.Cut(rest, []byte("\r\n"))
		name, value, ok := bytes.Cut(line, []byte(":"))
		if !ok || !token(name) || !fieldValue(value) {
			return req, false // also a folded line, which starts with a space
		}
		value = bytes.Trim(value, " \t")
		f := field(name)
		if f == fieldOther {
			continue
		}
		if seen&(1<<f) != 0 {
			return req, false // repeated: let net/http judge
		}
		seen |= 1 << f
		switch f {
		case fieldHost:
			if !hostValue(value) {
				return req, false
			}
			req.Host = string(value)
		case fieldIfNoneMatch:
			req.IfNoneMatch = string(value)
		case fieldIfModifiedSince:
			req.IfModifiedSince = string(value)
		case fieldAcceptEncoding:
			req.AcceptEncoding = string(value)
		case fieldConnection:
			close, keepAlive, ok := connectionValue(value)
			if !ok {
				return req, false
			}
			req.close, req.keepAlive = close, keepAlive
		case fieldContentLength:
			if string(value) != "0" {
				return req, false
			}
		default: // Transfer-Encoding, Expect, Upgrade, If-Match, If-Unmodified-Since
			return req, false
		}
	}
	if req.http10 {
		// HTTP/1.0 closes unless asked to keep alive (RFC 9112 9.3).
		req.keepAlive = req.keepAlive && !req.close
		req.close = !req.keepAlive
		return req, true
	}
	req.keepAlive = false // HTTP/1.1 keeps alive anyway
	return req, seen&(1<<fieldHost) != 0
}

// Fields the fast path looks at.
const (
	fieldOther = iota
	fieldHost
	fieldIfNoneMatch
	fieldIfModifiedSince
	fieldAcceptEncoding
	fieldConnection
	fieldContentLength
	fieldTransferEncoding
	fieldExpect
	fieldUpgrade
	fieldIfMatch
	fieldIfUnmodifiedSince
)

// field names a header field, case-insensitively.
func field(name []byte) int {
	switch len(name) { // most fields are told apart by length alone
	case 4:
		if bytes.EqualFold(name, []byte("Host")) {
			return fieldHost
		}
	case 6:
		if bytes.EqualFold(name, []byte("Expect")) {
			return fieldExpect
		}
	case 7:
		if bytes.EqualFold(name, []byte("Upgrade")) {
			return fieldUpgrade
		}
	case 8:
		if bytes.EqualFold(name, []byte("If-Match")) {
			return fieldIfMatch
		}
	case 19:
		if bytes.EqualFold(name, []byte("If-Unmodified-Since")) {
			return fieldIfUnmodifiedSince
		}
	case 10:
		if bytes.EqualFold(name, []byte("Connection")) {
			return fieldConnection
		}
	case 13:
		if bytes.EqualFold(name, []byte("If-None-Match")) {
			return fieldIfNoneMatch
		}
	case 14:
		if bytes.EqualFold(name, []byte("Content-Length")) {
			return fieldContentLength
		}
	case 15:
		if bytes.EqualFold(name, []byte("Accept-Encoding")) {
			return fieldAcceptEncoding
		}
	case 17:
		switch {
		case bytes.EqualFold(name, []byte("If-Modified-Since")):
			return fieldIfModifiedSince
		case bytes.EqualFold(name, []byte("Transfer-Encoding")):
			return fieldTransferEncoding
		}
	}
	return fieldOther
}

// plainPath reports whether a target is an absolute path of unreserved
// characters and slashes only: no query, no percent-encoding, no "..".
func plainPath(t []byte) bool {
	if len(t) == 0 || len(t) > maxPath || t[0] != '/' || bytes.Contains(t, []byte("..")) || bytes.Contains(t, []byte("//")) {
		return false
	}
	for _, c := range t {
		if !(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' ||
			c == '/' || c == '-' || c == '.' || c == '_' || c == '~') {
			return false
		}
	}
	return true
}

// token reports whether b is a field name (RFC 9110 5.6.2).
func token(b []byte) bool {
	if len(b) == 0 {
		return false
	}
	for _, c := range b {
		if !(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' ||
			bytes.IndexByte([]byte("!#$%&'*+-.^_`|~"), c) >= 0) {
			return false
		}
	}
	return true
}

// fieldValue reports whether b is a field value: visible characters,
// spaces, tabs and obs-text, no other control (RFC 9110 5.5).
func fieldValue(b []byte) bool {
	for _, c := range b {
		if c < ' ' && c != '\t' || c == 0x7f {
			return false
		}
	}
	return true
}

// hostValue reports whether b is a plain Host value: a name or an IPv4
// address with an optional port, or a bracketed IPv6 address.
func hostValue(b []byte) bool {
	if len(b) == 0 || len(b) > 255 {
		return false
	}
	for _, c := range b {
		if !(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' ||
			c == '.' || c == '-' || c == ':' || c == '[' || c == ']' || c == '_') {
			return false
		}
	}
	return true
}

// connectionValue reads a Connection field made of "close" and
// "keep-alive" options only, reporting which it names.
func connectionValue(b []byte) (close, keepAlive, ok bool) {
	for len(b) > 0 {
		var opt []byte
		opt, b, _ = bytes.Cut(b, []byte(","))
		opt = bytes.Trim(opt, " \t")
		switch {
		case bytes.EqualFold(opt, []byte("close")):
			close = true
		case bytes.EqualFold(opt, []byte("keep-alive")):
			keepAlive = true
		case len(opt) == 0:
		default:
			return false, false, false
		}
	}
	return close, keepAlive, true
}
