package publish

import (
	"bytes"
	"compress/gzip"
	"context"
	"errors"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"
)

// newFeedServer serves /feeds/{file} from a publisher as the web package
// would, over real loopback HTTP.
func newFeedServer(t *testing.T) (*httptest.Server, *Publisher) {
	t.Helper()
	p := New(newFake(fixtureItems()), testOpts, testDefs)
	mux := http.NewServeMux()
	mux.HandleFunc("/feeds/{file}", func(w http.ResponseWriter, req *http.Request) {
		id, format, _ := strings.Cut(req.PathValue("file"), ".")
		r, err := p.Get(req.Context(), id, format)
		if errors.Is(err, ErrUnknownFeed) || errors.Is(err, ErrUnknownFormat) {
			http.NotFound(w, req)
			return
		}
		if err != nil {
			http.Error(w, err.Error(), http.StatusInternalServerError)
			return
		}
		r.ServeHTTP(w, req)
	})
	srv := httptest.NewServer(mux)
	t.Cleanup(srv.Close)
	return srv, p
}

// fetch does one request without the transport's transparent gzip.
func fetch(t *testing.T, method, url string, header map[string]string) (*http.Response, []byte) {
	t.Helper()
	req, err := http.NewRequestWithContext(context.Background(), method, url, nil)
	if err != nil {
		t.Fatal(err)
	}
	for k, v := range header {
		req.Header.Set(k, v)
	}
	client := &http.Client{Transport: &http.Transport{DisableCompression: true}}
	resp, err := client.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	body, err := io.ReadAll(resp.Body)
	if err != nil {
		t.Fatal(err)
	}
	return resp, body
}

func TestServeSendsFeedWithValidators(t *testing.T) {
	srv, p := newFeedServer(t)
	want, err := p.Get(context.Background(), "cpec", FormatAtom)
	if err != nil {
		t.Fatal(err)
	}
	resp, body := fetch(t, http.MethodGet, srv.URL+"/feeds/cpec.atom", nil)
	if resp.StatusCode != http.StatusOK {
		t.Fatalf("status %d", resp.StatusCode)
	}
	for k, v := range map[string]string{
		"Content-Type":  ContentTypeAtom,
		"ETag":          want.ETag,
		"Last-Modified": "Fri, 03 May 2024 11:00:00 GMT",
		"Cache-Control": "public, max-age=300",
		"Vary":          "Accept-Encoding",
	} {
		if got := resp.Header.Get(k); got != v {
			t.Errorf("%s = %q, want %q", k, got, v)
		}
	}
	if !bytes.Equal(body, want.Body) {
		t.Error("served body differs from the render")
	}
	if resp.Header.Get("Content-Encoding") != "" {
		t.Error("encoded without being asked")
	}
}

func TestServeETagIsStableAcrossRenders(t *testing.T) {
	srv, p := newFeedServer(t)
	first, _ := fetch(t, http.MethodGet, srv.URL+"/feeds/cpec.rss", nil)
	p.Invalidate(nil)
	second, _ := fetch(t, http.MethodGet, srv.URL+"/feeds/cpec.rss", nil)
	if a, b := first.Header.Get("ETag"), second.Header.Get("ETag"); a == "" || a != b {
		t.Errorf("ETags %q and %q, want equal for unchanged content", a, b)
	}
	if tag := first.Header.Get("ETag"); strings.HasPrefix(tag, "W/") {
		t.Errorf("ETag %q is weak", tag)
	}
}

func TestServeAnswersConditionalRequests(t *testing.T) {
	srv, p := newFeedServer(t)
	r, err := p.Get(context.Background(), "cpec", FormatJSON)
	if err != nil {
		t.Fatal(err)
	}
	lm := r.LastModified
	cases := []struct {
		name   string
		header map[string]string
		want   int
	}{
		{"MatchingETag", map[string]string{"If-None-Match": r.ETag}, 304},
		{"ETagInList", map[string]string{"If-None-Match": `"other", W/` + r.ETag}, 304},
		{"GzipVariantETag", map[string]string{"If-None-Match": strings.TrimSuffix(r.ETag, `"`) + `-gzip"`}, 304},
		{"Star", map[string]string{"If-None-Match": "*"}, 304},
		{"OtherETag", map[string]string{"If-None-Match": `"stale"`}, 200},
		{"ETagWinsOverDate", map[string]string{"If-None-Match": `"stale"`, "If-Modified-Since": lm.Format(http.TimeFormat)}, 200},
		{"SinceLastModified", map[string]string{"If-Modified-Since": lm.Format(http.TimeFormat)}, 304},
		{"SinceLater", map[string]string{"If-Modified-Since": lm.Add(time.Hour).Format(http.TimeFormat)}, 304},
		{"SinceEarlier", map[string]string{"If-Modified-Since": lm.Add(-time.Second).Format(http.TimeFormat)}, 200},
		{"BadDate", map[string]string{"If-Modified-Since": "yesterday"}, 200},
		// RFC 9110 13.2.2: If-Match, then If-Unmodified-Since, come first.
		{"IfMatchCurrent", map[string]string{"If-Match": r.ETag}, 200},
		{"IfMatchInList", map[string]string{"If-Match": `"other", ` + r.ETag}, 200},
		{"IfMatchStar", map[string]string{"If-Match": "*"}, 200},
		{"IfMatchStale", map[string]string{"If-Match": `"stale"`}, 412},
		{"IfMatchWeakNeverMatches", map[string]string{"If-Match": "W/" + r.ETag}, 412},
		{"IfMatchWinsOverNoneMatch", map[string]string{"If-Match": `"stale"`, "If-None-Match": r.ETag}, 412},
		{"IfMatchWinsOverDate", map[string]string{"If-Match": r.ETag, "If-Unmodified-Since": lm.Add(-time.Hour).Format(http.TimeFormat)}, 200},
		{"UnmodifiedSinceLater", map[string]string{"If-Unmodified-Since": lm.Add(time.Hour).Format(http.TimeFormat)}, 200},
		{"UnmodifiedSinceEarlier", map[string]string{"If-Unmodified-Since": lm.Add(-time.Hour).Format(http.TimeFormat)}, 412},
		{"UnmodifiedSinceBadDate", map[string]string{"If-Unmodified-Since": "yesterday"}, 200},
		{"UnmodifiedThenNotModified", map[string]string{"If-Unmodified-Since": lm.Format(http.TimeFormat), "If-None-Match": r.ETag}, 304},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			resp, body := fetch(t, http.MethodGet, srv.URL+"/feeds/cpec.json", c.header)
			if resp.StatusCode != c.want {
				t.Fatalf("status %d, want %d", resp.StatusCode, c.want)
			}
			if c.want == 304 && (len(body) != 0 || resp.Header.Get("ETag") == "") {
				t.Errorf("304 with %d body bytes, ETag %q", len(body), resp.Header.Get("ETag"))
			}
		})
	}
}

func TestServeGzipWhenAccepted(t *testing.T) {
	srv, p := newFeedServer(t)
	r, err := p.Get(context.Background(), "cpec", FormatRSS)
	if err != nil {
		t.Fatal(err)
	}
	cases := []struct {
		name, accept string
		gzip         bool
	}{
		{"Gzip", "gzip", true},
		{"AmongOthers", "br;q=1.0, gzip;q=0.8", true},
		{"Star", "*", true},
		{"RefusedByQ", "gzip;q=0", false},
		{"NotListed", "br, deflate", false},
		{"None", "", false},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			resp, body := fetch(t, http.MethodGet, srv.URL+"/feeds/cpec.rss", map[string]string{"Accept-Encoding": c.accept})
			if got := resp.Header.Get("Content-Encoding") == "gzip"; got != c.gzip {
				t.Fatalf("gzip = %v, want %v", got, c.gzip)
			}
			if !c.gzip {
				if !bytes.Equal(body, r.Body) {
					t.Error("identity body differs from the render")
				}
				return
			}
			if !bytes.Equal(body, r.Gzip) {
				t.Error("gzip body is not the cached gzip bytes")
			}
			zr, err := gzip.NewReader(bytes.NewReader(body))
			if err != nil {
				t.Fatal(err)
			}
			plain, err := io.ReadAll(zr)
			if err != nil {
				t.Fatal(err)
			}
			if !bytes.Equal(plain, r.Body) {
				t.Error("gzip body does not decompress to the render")
			}
			if tag := resp.Header.Get("ETag"); tag == r.ETag {
				t.Errorf("gzip response shares the identity ETag %q", tag)
			}
		})
	}
}

func TestServeHeadSendsHeadersOnly(t *testing.T) {
	srv, p := newFeedServer(t)
	r, err := p.Get(context.Background(), "cpec", FormatAtom)
	if err != nil {
		t.Fatal(err)
	}
	resp, body := fetch(t, http.MethodHead, srv.URL+"/feeds/cpec.atom", nil)
	if resp.StatusCode != http.StatusOK || len(body) != 0 {
		t.Fatalf("status %d, %d body bytes", resp.StatusCode, len(body))
	}
	if resp.Header.Get("ETag") != r.ETag || resp.ContentLength != int64(len(r.Body)) {
		t.Errorf("ETag %q, length %d; want %q, %d", resp.Header.Get("ETag"), resp.ContentLength, r.ETag, len(r.Body))
	}
}

func TestServeRejectsOtherMethods(t *testing.T) {
	srv, _ := newFeedServer(t)
	resp, _ := fetch(t, http.MethodPost, srv.URL+"/feeds/cpec.rss", nil)
	if resp.StatusCode != http.StatusMethodNotAllowed || resp.Header.Get("Allow") != "GET, HEAD" {
		t.Errorf("status %d, Allow %q", resp.StatusCode, resp.Header.Get("Allow"))
	}
}

func TestServeUnknownFeedIsNotFound(t *testing.T) {
	srv, _ := newFeedServer(t)
	resp, _ := fetch(t, http.MethodGet, srv.URL+"/feeds/nope.rss", nil)
	if resp.StatusCode != http.StatusNotFound {
		t.Errorf("status %d, want 404", resp.StatusCode)
	}
}

// Some clients look header names up case-sensitively (Python's dict of
// headers, shell scripts): the validator goes out spelled "ETag".
func TestServeSpellsETagAsRFC(t *testing.T) {
	r := &Rendered{Body: []byte("x"), ETag: `"abc"`, ContentType: ContentTypeRSS}
	rec := httptest.NewRecorder()
	r.ServeHTTP(rec, httptest.NewRequest(http.MethodGet, "/feeds/x.rss", nil))
	//lint:ignore SA1008 the non-canonical spelling is what this test checks
	if got := rec.Header()["ETag"]; len(got) != 1 || got[0] != `"abc"` {
		t.Errorf(`header "ETag" = %q, want ["\"abc\""] (all headers: %v)`, got, rec.Header())
	}
}
