package fastpath

import (
	"bufio"
	"bytes"
	"net/http"
	"strings"
	"testing"
)

// req builds a request header from lines, CRLF-terminated, with the empty
// line.
func req(lines ...string) []byte {
	return []byte(strings.Join(lines, "\r\n") + "\r\n\r\n")
}

func TestParseRequestAccepts(t *testing.T) {
	for _, tc := range []struct {
		name string
		in   []byte
		want Request
	}{
		{"PlainGet", req("GET /feeds/cpec.rss HTTP/1.1", "Host: example.org"),
			Request{Path: "/feeds/cpec.rss", Host: "example.org"}},
		{"Head", req("HEAD /feeds/cpec.atom HTTP/1.1", "Host: example.org:8080"),
			Request{Head: true, Path: "/feeds/cpec.atom", Host: "example.org:8080"}},
		{"ConditionalWithGzip", req("GET /feeds/a.json HTTP/1.1", "host: [::1]:80", "If-None-Match:  W/\"abc\", \"def\" ",
			"if-modified-since: Sat, 28 Nov 2026 10:00:00 GMT", "Accept-Encoding: gzip, br;q=0.5", "User-Agent: NetNewsWire (RSS Reader)"),
			Request{Path: "/feeds/a.json", Host: "[::1]:80", IfNoneMatch: `W/"abc", "def"`,
				IfModifiedSince: "Sat, 28 Nov 2026 10:00:00 GMT", AcceptEncoding: "gzip, br;q=0.5"}},
		{"ConnectionClose", req("GET /x HTTP/1.1", "Host: h", "Connection: Keep-Alive, close"),
			Request{Path: "/x", Host: "h", close: true}},
		{"HTTP10", req("GET /x HTTP/1.0"),
			Request{Path: "/x", http10: true, close: true}},
		{"HTTP10KeepAlive", req("GET /x HTTP/1.0", "Connection: Keep-Alive", "Host: h"),
			Request{Path: "/x", Host: "h", http10: true, keepAlive: true}},
		{"HTTP10KeepAliveAndClose", req("GET /x HTTP/1.0", "Connection: keep-alive, close"),
			Request{Path: "/x", http10: true, close: true}},
		{"KeepAliveIsMootIn11", req("GET /x HTTP/1.1", "Host: h", "Connection: keep-alive"),
			Request{Path: "/x", Host: "h"}},
		{"ZeroContentLength", req("GET /x HTTP/1.1", "Host: h", "Content-Length: 0"),
			Request{Path: "/x", Host: "h"}},
		{"ObsTextInOtherField", req("GET /x HTTP/1.1", "Host: h", "X-Note: caf\xc3\xa9\tok"),
			Request{Path: "/x", Host: "h"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got, ok := parseRequest(tc.in)
			if !ok {
				t.Fatalf("declined %q", tc.in)
			}
			if got != tc.want {
				t.Errorf("got %+v\nwant %+v", got, tc.want)
			}
		})
	}
}

func TestParseRequestDeclines(t *testing.T) {
	for _, tc := range []struct {
		name string
		in   []byte
	}{
		{"Post", req("POST /websub HTTP/1.1", "Host: h", "Content-Length: 0")},
		{"LowerCaseMethod", req("get /x HTTP/1.1", "Host: h")},
		{"HTTP20", req("GET /x HTTP/2.0", "Host: h")},
		{"NoVersion", req("GET /x", "Host: h")},
		{"HTTP10TwoHosts", req("GET /x HTTP/1.0", "Host: a", "Host: b")},
		{"HTTP2Preface", []byte("PRI * HTTP/2.0\r\n\r\nSM\r\n\r\n")},
		{"Query", req("GET /feeds/a.rss?utm_source=x HTTP/1.1", "Host: h")},
		{"PercentEncoded", req("GET /feeds/a%2Erss HTTP/1.1", "Host: h")},
		{"DotDot", req("GET /feeds/../api/items HTTP/1.1", "Host: h")},
		{"DoubleSlash", req("GET /feeds//a.rss HTTP/1.1", "Host: h")},
		{"AbsoluteForm", req("GET http://h/feeds/a.rss HTTP/1.1", "Host: h")},
		{"AsteriskForm", req("OPTIONS * HTTP/1.1", "Host: h")},
		{"NoHost", req("GET /x HTTP/1.1")},
		{"EmptyHost", req("GET /x HTTP/1.1", "Host: ")},
		{"TwoHosts", req("GET /x HTTP/1.1", "Host: a", "Host: b")},
		{"HostWithSlash", req("GET /x HTTP/1.1", "Host: a/b")},
		{"TwoIfNoneMatch", req("GET /x HTTP/1.1", "Host: h", `If-None-Match: "a"`, `If-None-Match: "b"`)},
		{"FoldedLine", req("GET /x HTTP/1.1", "Host: h", "Accept: a,", " b")},
		{"SpaceBeforeColon", req("GET /x HTTP/1.1", "Host : h")},
		{"NoColon", req("GET /x HTTP/1.1", "Host: h", "Nonsense")},
		{"ControlInValue", req("GET /x HTTP/1.1", "Host: h", "X-A: a\x01b")},
		{"BareLFInValue", req("GET /x HTTP/1.1", "Host: h", "X-A: a\nb")},
		{"Body", req("GET /x HTTP/1.1", "Host: h", "Content-Length: 5")},
		{"Chunked", req("GET /x HTTP/1.1", "Host: h", "Transfer-Encoding: chunked")},
		{"Expect", req("GET /x HTTP/1.1", "Host: h", "Expect: 100-continue")},
		{"Upgrade", req("GET /x HTTP/1.1", "Host: h", "Connection: Upgrade", "Upgrade: websocket")},
		{"OtherConnectionOption", req("GET /x HTTP/1.1", "Host: h", "Connection: TE")},
		{"TooManyFields", req(append([]string{"GET /x HTTP/1.1", "Host: h"}, strings.Split(strings.Repeat("X-A: b\n", maxHeaders), "\n")[:maxHeaders]...)...)},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if got, ok := parseRequest(tc.in); ok {
				t.Errorf("took %q as %+v", tc.in, got)
			}
		})
	}
}

func TestHeaderEnd(t *testing.T) {
	for _, tc := range []struct {
		in   string
		want int
	}{
		{"GET / HTTP/1.1\r\nHost: h\r\n\r\n", 27},
		{"GET / HTTP/1.1\r\nHost: h\r\n\r\nGET", 27},
		{"GET / HTTP/1.1\r\nHost: h\r\n", -1},
		{"", -1},
	} {
		if got := headerEnd([]byte(tc.in)); got != tc.want {
			t.Errorf("headerEnd(%q) = %d, want %d", tc.in, got, tc.want)
		}
	}
}

func TestBareLF(t *testing.T) {
	for in, want := range map[string]bool{
		"GET / HTTP/1.1\nHost: h\n\n":     true,
		"GET / HTTP/1.1\r\nHost: h\n":     true,
		"\n":                              true,
		"GET / HTTP/1.1\r\nHost: h\r\n":   false,
		"GET / HTTP/1.1\r\nHost: h\r\n\r": false,
		"GET / HTT":                       false,
		"":                                false,
	} {
		if got := bareLF([]byte(in)); got != want {
			t.Errorf("bareLF(%q) = %v, want %v", in, got, want)
		}
	}
}

// FuzzParseRequest checks that whatever the fast path takes, net/http
// reads the same way: the same method, path, host and fields, no body,
// the same keep-alive decision.
func FuzzParseRequest(f *testing.F) {
	f.Add(req("GET /feeds/cpec.rss HTTP/1.1", "Host: example.org", `If-None-Match: "a"`))
	f.Add(req("HEAD /a HTTP/1.1", "Host: h", "Connection: close", "Accept-Encoding: gzip"))
	f.Add(req("GET /a HTTP/1.1", "Host: h", "Content-Length: 0", "If-Modified-Since: Sat, 28 Nov 2026 10:00:00 GMT"))
	f.Add(req("GET /a HTTP/1.1", "Host: h", "X: \xff"))
	f.Add(req("GET /a HTTP/1.0", "Connection: keep-alive"))
	f.Add(req("HEAD /a HTTP/1.0", "Host: h", "Connection: close, Keep-Alive"))
	f.Fuzz(func(t *testing.T, b []byte) {
		end := headerEnd(b)
		if end < 0 {
			return
		}
		b = b[:end]
		got, ok := parseRequest(b)
		if !ok {
			return
		}
		r, err := http.ReadRequest(bufio.NewReader(bytes.NewReader(b)))
		if err != nil {
			t.Fatalf("fast path took %q, net/http refuses it: %v", b, err)
		}
		method := http.MethodGet
		if got.Head {
			method = http.MethodHead
		}
		for _, c := range []struct{ name, fast, std string }{
			{"method", method, r.Method},
			{"path", got.Path, r.URL.Path},
			{"raw query", "", r.URL.RawQuery},
			{"host", got.Host, r.Host},
			{"If-None-Match", got.IfNoneMatch, r.Header.Get("If-None-Match")},
			{"If-Modified-Since", got.IfModifiedSince, r.Header.Get("If-Modified-Since")},
			{"Accept-Encoding", got.AcceptEncoding, r.Header.Get("Accept-Encoding")},
		} {
			if c.fast != c.std {
				t.Fatalf("%q: %s: fast path %q, net/http %q", b, c.name, c.fast, c.std)
			}
		}
		if r.ContentLength > 0 || len(r.TransferEncoding) > 0 {
			t.Fatalf("%q: net/http sees a body", b)
		}
		if got.close != r.Close {
			t.Fatalf("%q: close: fast path %v, net/http %v", b, got.close, r.Close)
		}
	})
}
