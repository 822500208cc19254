package web

import (
	"encoding/xml"
	"errors"
	"net/http"
	"strings"
	"testing"
)

func TestFeedRoutes(t *testing.T) {
	env := newTestEnv(t, nil)
	tests := []struct {
		name, method, path string
		status             int
		ctype              string // prefix
		body               string // substring
	}{
		{"RSS", "GET", "/feeds/cpec.rss", 200, "application/rss+xml; charset=utf-8", "feed cpec as rss"},
		{"Atom", "GET", "/feeds/cpec.atom", 200, "application/atom+xml; charset=utf-8", "feed cpec as atom"},
		{"JSONFeed", "GET", "/feeds/cpec-security.json", 200, "application/feed+json", "feed cpec-security as json"},
		{"HeadServesHeaders", "HEAD", "/feeds/cpec.rss", 200, "application/rss+xml", ""},
		{"UnknownIDIs404", "GET", "/feeds/nope.rss", 404, "text/plain", `unknown feed "nope"`},
		{"UnknownExtIs404", "GET", "/feeds/cpec.xml", 404, "text/plain", `unknown feed format "xml"`},
		{"EmptyExtIs404", "GET", "/feeds/cpec.", 404, "text/plain", "unknown feed format"},
		{"UppercaseIDIs404", "GET", "/feeds/CPEC.rss", 404, "text/plain", "unknown feed"},
		{"DottedIDIs404", "GET", "/feeds/cp.ec.rss", 404, "text/plain", "unknown feed"},
		{"NestedPathIs404", "GET", "/feeds/cpec/x.rss", 404, "text/plain", ""},
		{"PreviewIsHTML", "GET", "/feeds/cpec", 200, "text/html; charset=utf-8", "<h1"},
		{"UnknownPreviewIs404", "GET", "/feeds/nope", 404, "text/plain", `unknown feed "nope"`},
		{"PostIs405", "POST", "/feeds/cpec.rss", 405, "text/plain", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			resp, body := env.do(t, tt.method, tt.path, nil)
			if got, want := resp.StatusCode, tt.status; got != want {
				t.Fatalf("status = %d, want %d; body %q", got, want, body)
			}
			if got := resp.Header.Get("Content-Type"); !strings.HasPrefix(got, tt.ctype) {
				t.Errorf("Content-Type = %q, want prefix %q", got, tt.ctype)
			}
			if !strings.Contains(string(body), tt.body) {
				t.Errorf("body %q lacks %q", body, tt.body)
			}
		})
	}
}

func TestFeedPassesConditionalGETToPublisher(t *testing.T) {
	env := newTestEnv(t, nil)
	resp, body := env.do(t, "GET", "/feeds/cpec.rss", http.Header{"If-None-Match": {`"v1"`}})
	if got, want := resp.StatusCode, http.StatusNotModified; got != want {
		t.Fatalf("status = %d, want %d", got, want)
	}
	if len(body) != 0 {
		t.Errorf("304 has a body: %q", body)
	}
	if got := resp.Header.Get("ETag"); got != `"v1"` {
		t.Errorf("ETag = %q", got)
	}
}

func TestFeedErrors(t *testing.T) {
	t.Run("PublisherFailureIs500WithoutDetails", func(t *testing.T) {
		env := newTestEnv(t, nil)
		env.feeds.err = errors.New("render: disk on fire at /var/secret")
		resp, body := env.get(t, "/feeds/cpec.rss")
		if got, want := resp.StatusCode, 500; got != want {
			t.Fatalf("status = %d, want %d", got, want)
		}
		if strings.Contains(string(body), "secret") {
			t.Errorf("body leaks the error: %q", body)
		}
		if !strings.Contains(env.log.String(), "disk on fire") {
			t.Errorf("error not logged: %s", env.log.String())
		}
	})
	t.Run("StoreNotFoundIs404WithoutIsNotFound", func(t *testing.T) {
		env := newTestEnv(t, func(s *Server) { s.IsNotFound = nil })
		env.feeds.err = errors.Join(errors.New("no such feed"), storeNotFound())
		resp, _ := env.get(t, "/feeds/cpec.rss")
		if got, want := resp.StatusCode, 404; got != want {
			t.Fatalf("status = %d, want %d", got, want)
		}
	})
	t.Run("NilFeedsServesNothing", func(t *testing.T) {
		env := newTestEnv(t, func(s *Server) { s.Feeds = nil })
		resp, _ := env.get(t, "/feeds/cpec.rss")
		if got, want := resp.StatusCode, 404; got != want {
			t.Fatalf("status = %d, want %d", got, want)
		}
	})
	t.Run("PanicIs500AndLogged", func(t *testing.T) {
		env := newTestEnv(t, nil)
		env.feeds.panics = true
		resp, _ := env.get(t, "/feeds/cpec.rss")
		if got, want := resp.StatusCode, 500; got != want {
			t.Fatalf("status = %d, want %d", got, want)
		}
		if !strings.Contains(env.log.String(), "publisher exploded") {
			t.Errorf("panic not logged: %s", env.log.String())
		}
		// The server keeps serving.
		env.feeds.panics = false
		if resp, _ := env.get(t, "/feeds/cpec.rss"); resp.StatusCode != 200 {
			t.Errorf("after a panic: status %d", resp.StatusCode)
		}
	})
}

type opmlTest struct {
	Version string `xml:"version,attr"`
	Title   string `xml:"head>title"`
	Body    struct {
		Outlines []struct {
			Type    string `xml:"type,attr"`
			Text    string `xml:"text,attr"`
			XMLURL  string `xml:"xmlUrl,attr"`
			HTMLURL string `xml:"htmlUrl,attr"`
		} `xml:"outline"`
	} `xml:"body"`
}

func TestOPMLListsEveryFeed(t *testing.T) {
	env := newTestEnv(t, nil)
	env.feeds.feeds[1].Title = `Security & "Defence" <x>`
	resp, body := env.get(t, "/feeds.opml")
	if got, want := resp.StatusCode, 200; got != want {
		t.Fatalf("status = %d, want %d", got, want)
	}
	if got, want := resp.Header.Get("Content-Type"), "text/x-opml; charset=utf-8"; got != want {
		t.Errorf("Content-Type = %q, want %q", got, want)
	}
	var doc opmlTest
	if err := xml.Unmarshal(body, &doc); err != nil {
		t.Fatalf("OPML does not parse: %v\n%s", err, body)
	}
	if doc.Version != "2.0" {
		t.Errorf("version = %q", doc.Version)
	}
	if got, want := len(doc.Body.Outlines), len(env.feeds.feeds); got != want {
		t.Fatalf("%d outlines, want %d", got, want)
	}
	for i, o := range doc.Body.Outlines {
		f := env.feeds.feeds[i]
		if got, want := o.XMLURL, testBase+"/feeds/"+f.ID+".rss"; got != want {
			t.Errorf("xmlUrl = %q, want %q", got, want)
		}
		if got, want := o.HTMLURL, testBase+"/"; got != want {
			t.Errorf("htmlUrl = %q, want %q", got, want)
		}
		if got, want := o.Text, f.Title; got != want {
			t.Errorf("text = %q, want %q", got, want)
		}
		if o.Type != "rss" {
			t.Errorf("type = %q", o.Type)
		}
	}
}

func TestOPMLWithoutFeedsIsValid(t *testing.T) {
	env := newTestEnv(t, func(s *Server) { s.Feeds = nil; s.BaseURL = "" })
	_, body := env.get(t, "/feeds.opml")
	var doc opmlTest
	if err := xml.Unmarshal(body, &doc); err != nil {
		t.Fatalf("OPML does not parse: %v\n%s", err, body)
	}
	if !strings.Contains(string(body), "<body>") && !strings.Contains(string(body), "<body></body>") {
		t.Errorf("no body element: %s", body)
	}
}
