package ingest_test

import (
	"fmt"
	"net/http"
	"os"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"aggregator/internal/fetch"
	"aggregator/internal/ingest"
	"aggregator/internal/model"
)

// articleServer serves a feed of n teaser items linking to /article/i
// (with tracking parameters) and article pages whose canonical link is
// canonical (with %d for i; "" keeps the fixture's own) and whose text
// names Gwadar, which the teasers do not.
func articleServer(t *testing.T, n int, canonical string) (*server, *atomic.Pointer[string]) {
	t.Helper()
	page, err := os.ReadFile("testdata/fulltext/article.html")
	if err != nil {
		t.Fatal(err)
	}
	srv := newServer(t)
	var es []entry
	for i := range n {
		es = append(es, entry{guid: fmt.Sprintf("g%d", i), link: fmt.Sprintf("%s/article/%d?utm_source=rss", srv.URL, i),
			title: fmt.Sprintf("Port news %d", i), desc: "A teaser about the port."})
	}
	body := ptr(rss("", es...))
	srv.serve("/feed", body)
	srv.handle("/article/", func(w http.ResponseWriter, r *http.Request) {
		if r.URL.RawQuery != "" {
			t.Errorf("article fetched with its tracking query: %s", r.URL)
		}
		p := string(page)
		if canonical != "" {
			i := strings.TrimPrefix(r.URL.Path, "/article/")
			p = strings.Replace(p, `href="/2024/05/gwadar-port-expansion"`, `href="`+strings.ReplaceAll(canonical, "%d", i)+`"`, 1)
		}
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		fmt.Fprint(w, p)
	})
	return srv, body
}

func fullTextSource(url string) model.Source {
	src := source("ft", url)
	src.FullText = true
	return src
}

func TestFullText(t *testing.T) {
	cpec := model.Topic{ID: "cpec", Keywords: []string{"Gwadar"}}

	t.Run("MainTextReplacesTeaserBeforeTagging", func(t *testing.T) {
		srv, _ := articleServer(t, 2, "/story/%d")
		r := newRig(t, func(o *ingest.Options) { o.Tagger = mustTagger(t, cpec) })
		res := r.run(fullTextSource(srv.URL + "/feed"))
		if res.Err != nil || res.New != 2 {
			t.Fatalf("run: %+v", res)
		}
		for _, it := range r.items("ft") {
			if !strings.Contains(it.ContentText, "deep-water port") || strings.Contains(it.Content, "ADVERT") {
				t.Errorf("item %s content: %q", it.Key, it.ContentText)
			}
			if len(it.Topics) != 1 || it.Topics[0].Topic != "cpec" {
				t.Errorf("item %s topics %+v: the article text names Gwadar", it.Key, it.Topics)
			}
			i := strings.TrimPrefix(it.Key, "g:g")
			if want := srv.URL + "/story/" + i; it.URL != want {
				t.Errorf("URL = %q, want the page's canonical %q", it.URL, want)
			}
		}
	})

	t.Run("StoredArticlesNotFetchedAgain", func(t *testing.T) {
		srv, _ := articleServer(t, 3, "")
		r := newRig(t, nil)
		src := fullTextSource(srv.URL + "/feed")
		r.run(src)
		r.clock.Add(time.Hour)
		res := r.run(src)
		if res.Duplicate != 3 || res.Updated != 0 {
			t.Errorf("second run: %+v, want 3 unchanged", res)
		}
		for i := range 3 {
			if got := srv.hitsOf(fmt.Sprintf("/article/%d", i)); got != 1 {
				t.Errorf("article %d fetched %d times, want 1", i, got)
			}
		}
		for _, it := range r.items("ft") {
			if !strings.Contains(it.ContentText, "deep-water port") {
				t.Errorf("the stored full text was overwritten by the teaser: %q", it.ContentText)
			}
		}
	})

	t.Run("CorrectionFetchesTheArticleAgain", func(t *testing.T) {
		srv, body := articleServer(t, 1, "")
		r := newRig(t, nil)
		src := fullTextSource(srv.URL + "/feed")
		r.run(src)
		s := strings.Replace(*body.Load(), "Port news 0", "Port news 0 (corrected)", 1)
		body.Store(&s)
		r.clock.Add(time.Hour)
		if res := r.run(src); res.Updated != 1 {
			t.Errorf("correction: %+v", res)
		}
		if got := srv.hitsOf("/article/0"); got != 2 {
			t.Errorf("article fetched %d times, want 2", got)
		}
		if it := r.items("ft")[0]; !strings.Contains(it.ContentText, "deep-water port") || !strings.Contains(it.Title, "corrected") {
			t.Errorf("after correction: %q / %q", it.Title, it.ContentText)
		}
	})

	t.Run("PerRunCapDefersTheRest", func(t *testing.T) {
		srv, _ := articleServer(t, 5, "")
		r := newRig(t, func(o *ingest.Options) { o.FullTextPerRun = 2 })
		src := fullTextSource(srv.URL + "/feed")
		want := []struct{ new, updated, fetched int }{{5, 0, 2}, {0, 2, 4}, {0, 1, 5}, {0, 0, 5}}
		for run, w := range want {
			res := r.run(src)
			fetched := 0
			for i := range 5 {
				fetched += srv.hitsOf(fmt.Sprintf("/article/%d", i))
			}
			if res.New != w.new || res.Updated != w.updated || fetched != w.fetched {
				t.Errorf("run %d: %d new, %d updated, %d articles fetched; want %+v", run+1, res.New, res.Updated, fetched, w)
			}
			r.clock.Add(time.Hour)
		}
		for _, it := range r.items("ft") {
			if !strings.Contains(it.ContentText, "deep-water port") {
				t.Errorf("item %s never got its full text", it.Key)
			}
		}
	})

	t.Run("FailuresKeepTheFeedText", func(t *testing.T) {
		srv := newServer(t)
		srv.serve("/feed", ptr(rss("",
			entry{guid: "404", link: srv.URL + "/missing", title: "Missing", desc: "Teaser of the missing page."},
			entry{guid: "500", link: srv.URL + "/broken", title: "Broken", desc: "Teaser of the broken page."},
			entry{guid: "pdf", link: srv.URL + "/doc.pdf", title: "Not HTML", desc: "Teaser of a document."},
		)))
		srv.handle("/missing", http.NotFound)
		srv.handle("/broken", func(w http.ResponseWriter, r *http.Request) { http.Error(w, "x", http.StatusBadGateway) })
		srv.handle("/doc.pdf", func(w http.ResponseWriter, r *http.Request) {
			w.Header().Set("Content-Type", "application/pdf")
			fmt.Fprint(w, "%PDF-1.4 binary")
		})
		r := newRig(t, nil)
		src := fullTextSource(srv.URL + "/feed")
		if res := r.run(src); res.Status != ingest.RunOK || res.New != 3 {
			t.Fatalf("run: %+v, want ok with 3 new", res)
		}
		for _, it := range r.items("ft") {
			if !strings.HasPrefix(it.SummaryText, "Teaser") {
				t.Errorf("item %s lost its feed text: %q", it.Key, it.SummaryText)
			}
		}
		r.clock.Add(time.Hour)
		r.run(src)
		if got := srv.hitsOf("/broken"); got != 2 {
			t.Errorf("a transient failure was tried %d times over two runs, want 2", got)
		}
		if got := srv.hitsOf("/missing") + srv.hitsOf("/doc.pdf"); got != 2 {
			t.Errorf("permanent failures were tried %d times over two runs, want once each", got)
		}
	})

	t.Run("CanonicalOnAnotherSiteIgnored", func(t *testing.T) {
		srv, _ := articleServer(t, 1, "https://www.reuters.com/world/original-%d")
		r := newRig(t, nil)
		r.run(fullTextSource(srv.URL + "/feed"))
		if it := r.items("ft")[0]; it.URL != srv.URL+"/article/0" {
			t.Errorf("URL = %q, want the item's own link without tracking", it.URL)
		}
	})

	t.Run("PrivateArticleLinkOfAPublicFeedRefused", func(t *testing.T) {
		srv, _ := articleServer(t, 1, "") // its article links name 127.0.0.1
		client := fetch.NewWithHosts(fetch.Options{Timeout: 5 * time.Second},
			map[string]string{"news.test": strings.TrimPrefix(srv.URL, "http://")})
		r := newRig(t, func(o *ingest.Options) { o.Client = client })
		res := r.run(fullTextSource("http://news.test/feed"))
		if res.Err != nil || res.New != 1 {
			t.Fatalf("run: %+v", res)
		}
		if got := srv.hitsOf("/article/0"); got != 0 {
			t.Errorf("a loopback article link of a public feed was fetched %d times", got)
		}
	})

	t.Run("OffByDefault", func(t *testing.T) {
		srv, _ := articleServer(t, 2, "")
		r := newRig(t, nil)
		r.run(source("ft", srv.URL+"/feed"))
		if got := srv.hitsOf("/article/0") + srv.hitsOf("/article/1"); got != 0 {
			t.Errorf("%d article fetches for a source without full_text", got)
		}
	})
}
