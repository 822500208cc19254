package web

import (
	"bytes"
	"errors"
	"strings"
	"testing"

	"golang.org/x/net/html"

	"aggregator/internal/model"
)

// parseHTML parses a page, failing the test when it does not parse.
func parseHTML(t *testing.T, body []byte) *html.Node {
	t.Helper()
	doc, err := html.Parse(bytes.NewReader(body))
	if err != nil {
		t.Fatalf("page does not parse: %v", err)
	}
	return doc
}

// findAll returns the elements under n for which match is true, in order.
func findAll(n *html.Node, match func(*html.Node) bool) []*html.Node {
	var out []*html.Node
	for c := range n.Descendants() {
		if c.Type == html.ElementNode && match(c) {
			out = append(out, c)
		}
	}
	return out
}

func attr(n *html.Node, key string) string {
	for _, a := range n.Attr {
		if a.Key == key {
			return a.Val
		}
	}
	return ""
}

func hasClass(n *html.Node, class string) bool {
	for _, c := range strings.Fields(attr(n, "class")) {
		if c == class {
			return true
		}
	}
	return false
}

func tagClass(tag, class string) func(*html.Node) bool {
	return func(n *html.Node) bool { return n.Data == tag && (class == "" || hasClass(n, class)) }
}

// text is the text content of n.
func text(n *html.Node) string {
	var b strings.Builder
	for c := range n.Descendants() {
		if c.Type == html.TextNode {
			b.WriteString(c.Data)
		}
	}
	return b.String()
}

func TestHomePage(t *testing.T) {
	env := newTestEnv(t, nil)
	resp, body := env.get(t, "/")
	if resp.StatusCode != 200 {
		t.Fatalf("status = %d: %s", resp.StatusCode, body)
	}
	t.Run("SecurityHeaders", func(t *testing.T) {
		want := map[string]string{
			"Content-Type":           "text/html; charset=utf-8",
			"X-Content-Type-Options": "nosniff",
			"X-Frame-Options":        "DENY",
		}
		for k, v := range want {
			if got := resp.Header.Get(k); got != v {
				t.Errorf("%s = %q, want %q", k, got, v)
			}
		}
		csp := resp.Header.Get("Content-Security-Policy")
		if !strings.Contains(csp, "default-src 'none'") || strings.Contains(csp, "script-src") {
			t.Errorf("Content-Security-Policy = %q", csp)
		}
	})
	doc := parseHTML(t, body)
	t.Run("AlternateLinkPerFeedAndFormat", func(t *testing.T) {
		links := findAll(doc, func(n *html.Node) bool { return n.Data == "link" && attr(n, "rel") == "alternate" })
		got := map[string]string{}
		for _, l := range links {
			got[attr(l, "href")] = attr(l, "type")
		}
		for _, f := range env.feeds.feeds {
			for format, typ := range map[string]string{"rss": "application/rss+xml", "atom": "application/atom+xml", "json": "application/feed+json"} {
				href := testBase + "/feeds/" + f.ID + "." + format
				if got[href] != typ {
					t.Errorf("no alternate %s for %s (have %v)", typ, href, got)
				}
			}
		}
		if len(links) != 3*len(env.feeds.feeds) {
			t.Errorf("%d alternate links, want %d", len(links), 3*len(env.feeds.feeds))
		}
		if title := attr(links[0], "title"); title != "CPEC (RSS)" {
			t.Errorf("first alternate title = %q", title)
		}
	})
	t.Run("FeedListWithCopyableURLsAndOPML", func(t *testing.T) {
		feeds := findAll(doc, tagClass("li", "feed"))
		if len(feeds) != 3 {
			t.Fatalf("%d feeds listed, want 3", len(feeds))
		}
		urls := findAll(feeds[0], tagClass("code", "url"))
		if len(urls) != 1 || text(urls[0]) != testBase+"/feeds/cpec.rss" {
			t.Errorf("copyable URL = %v", urls)
		}
		opml := findAll(doc, func(n *html.Node) bool { return n.Data == "a" && attr(n, "href") == testBase+"/feeds.opml" })
		if len(opml) == 0 {
			t.Error("no OPML link")
		}
	})
	t.Run("StoriesCollapsedWithTopicsAndOutlets", func(t *testing.T) {
		stories := findAll(doc, tagClass("li", "story"))
		if len(stories) != 2 {
			t.Fatalf("%d stories, want 2 (three items, two stories)", len(stories))
		}
		title := findAll(stories[0], tagClass("a", "title"))[0]
		if got, want := text(title), "Gwadar port expands"; got != want {
			t.Errorf("story title = %q, want the face's %q", got, want)
		}
		if got, want := attr(title, "href"), "https://www.dawn.com/news/1"; got != want {
			t.Errorf("story link = %q, want %q", got, want)
		}
		if when := findAll(stories[0], tagClass("time", "")); len(when) != 1 || attr(when[0], "datetime") != "2025-03-02T09:00:00Z" {
			t.Errorf("story time is not the face's published date: %v", when)
		}
		var chips []string
		for _, c := range findAll(stories[0], tagClass("a", "chip")) {
			chips = append(chips, text(c)+"="+attr(c, "href"))
		}
		if got, want := strings.Join(chips, " "), "cpec=/feeds/cpec security=/feeds/security"; got != want {
			t.Errorf("chips = %q, want %q", got, want)
		}
		var outlets []string
		for _, o := range findAll(stories[0], func(n *html.Node) bool { return n.Data == "a" && n.Parent != nil && hasClass(n.Parent, "outlets") }) {
			outlets = append(outlets, text(o)+"="+attr(o, "href"))
		}
		if got, want := strings.Join(outlets, " "), "Dawn=https://www.dawn.com/news/1 Xinhua=http://www.news.cn/1"; got != want {
			t.Errorf("outlets = %q, want %q", got, want)
		}
	})
	t.Run("SourcesHealthTable", func(t *testing.T) {
		rows := findAll(doc, func(n *html.Node) bool { return n.Data == "tr" && strings.HasPrefix(attr(n, "id"), "source-") })
		got := map[string]string{}
		for _, r := range rows {
			cells := findAll(r, tagClass("td", ""))
			got[attr(r, "id")] = strings.TrimSpace(text(cells[1]))
		}
		want := map[string]string{"source-dawn": "ok", "source-xinhua": "never", "source-jang": "disabled"}
		for k, v := range want {
			if got[k] != v {
				t.Errorf("%s status = %q, want %q (all %v)", k, got[k], v, got)
			}
		}
		for _, r := range rows {
			var notes []string
			for _, d := range findAll(findAll(r, tagClass("td", ""))[4], tagClass("div", "muted")) {
				notes = append(notes, text(d))
			}
			want := map[string]string{"source-dawn": "3 refused"}[attr(r, "id")]
			if got := strings.Join(notes, "|"); got != want {
				t.Errorf("%s items cell notes %q, want %q", attr(r, "id"), got, want)
			}
		}
	})
	t.Run("AsksStoreForRecentItems", func(t *testing.T) {
		if q := env.store.lastQuery(); q.Limit != homeItemsScan || q.Topic != "" || q.Source != "" {
			t.Errorf("query = %+v", q)
		}
	})
}

func TestHomeEscapesHostileStrings(t *testing.T) {
	const evil = `<script>alert(1)</script>"><img src=x onerror=alert(2)>`
	env := newTestEnv(t, func(s *Server) {
		s.Sources = func() []model.Source {
			return []model.Source{{ID: "evil", Title: evil, URL: "javascript:alert(3)", Enabled: true}}
		}
	})
	env.feeds.feeds[0].Title = evil
	env.feeds.feeds[0].Description = evil
	items := testItems()
	items[0].Story.Members[0].Title = evil
	items[0].Story.Members[0].SourceTitle = evil
	items[0].Story.Members[0].URL = "javascript:alert(4)"
	items[1].Title = evil
	items[1].Story.Members = nil
	env.store.items = items
	env.store.states = []model.SourceState{{SourceID: "evil", Status: "error", LastError: evil}}

	resp, body := env.get(t, "/")
	if resp.StatusCode != 200 {
		t.Fatalf("status = %d", resp.StatusCode)
	}
	doc := parseHTML(t, body)
	if s := findAll(doc, tagClass("script", "")); len(s) != 0 {
		t.Errorf("%d script elements", len(s))
	}
	if imgs := findAll(doc, tagClass("img", "")); len(imgs) != 0 {
		t.Errorf("%d injected img elements", len(imgs))
	}
	for _, a := range findAll(doc, func(n *html.Node) bool { return attr(n, "href") != "" }) {
		if strings.HasPrefix(strings.ToLower(attr(a, "href")), "javascript:") {
			t.Errorf("javascript: link survived: %q", attr(a, "href"))
		}
	}
	// The hostile strings are shown as text, not dropped.
	if got := strings.Count(text(doc), evil); got < 4 {
		t.Errorf("hostile title shown as text %d times, want at least 4", got)
	}
}

func TestHomeDegradesWhenStoreFails(t *testing.T) {
	env := newTestEnv(t, nil)
	env.store.itemsErr = errors.New("database is locked")
	env.store.sourcesErr = errors.New("database is locked")
	resp, body := env.get(t, "/")
	if resp.StatusCode != 200 {
		t.Fatalf("status = %d", resp.StatusCode)
	}
	doc := parseHTML(t, body)
	if n := len(findAll(doc, tagClass("li", "feed"))); n != 3 {
		t.Errorf("%d feeds listed, want 3", n)
	}
	if n := len(findAll(doc, tagClass("p", "err"))); n != 2 {
		t.Errorf("%d notices, want 2", n)
	}
	if strings.Contains(string(body), "locked") {
		t.Error("page shows the internal error")
	}
}

func TestFeedPreview(t *testing.T) {
	env := newTestEnv(t, nil)
	resp, body := env.get(t, "/feeds/cpec")
	if resp.StatusCode != 200 {
		t.Fatalf("status = %d: %s", resp.StatusCode, body)
	}
	if csp := resp.Header.Get("Content-Security-Policy"); csp == "" {
		t.Error("no Content-Security-Policy")
	}
	doc := parseHTML(t, body)
	if h1 := findAll(doc, tagClass("h1", "")); len(h1) != 1 || text(h1[0]) != "CPEC" {
		t.Errorf("h1 = %v", h1)
	}
	if n := len(findAll(doc, func(n *html.Node) bool { return n.Data == "link" && attr(n, "rel") == "alternate" })); n != 3 {
		t.Errorf("%d alternate links, want 3", n)
	}
	stories := findAll(doc, tagClass("li", "story"))
	if len(stories) != 2 {
		t.Fatalf("%d stories, want 2", len(stories))
	}
	if s := findAll(doc, tagClass("script", "")); len(s) != 0 {
		t.Errorf("fixture's script title became %d script elements", len(s))
	}
	if got, want := text(findAll(stories[1], tagClass("a", "title"))[0]), "<script>alert('x')</script> سی پیک"; got != want {
		t.Errorf("title = %q, want %q", got, want)
	}
	meta := []string{text(findAll(stories[0], tagClass("div", "meta"))[0]), text(findAll(stories[1], tagClass("div", "meta"))[0])}
	if !strings.Contains(meta[0], "Dawn") || !strings.Contains(meta[1], "Express Tribune") {
		t.Errorf("credited sources = %q", meta)
	}
	chips := findAll(stories[0], tagClass("a", "chip"))
	if len(chips) != 2 || attr(chips[1], "href") != "/feeds/economy" {
		t.Errorf("tags = %v", chips)
	}
}
