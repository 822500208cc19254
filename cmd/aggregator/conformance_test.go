package main

import (
	"bytes"
	"encoding/json"
	"encoding/xml"
	"flag"
	"fmt"
	"html"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	"github.com/mmcdole/gofeed"
	xhtml "golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

var updateConformance = flag.Bool("update-conformance", false, "rewrite testdata/conformance from the case tables")

const confDir = "testdata/conformance"

// confExt names a case's file by its content type.
func confExt(contentType string) string {
	switch {
	case strings.Contains(contentType, "json"):
		return ".json"
	case strings.HasPrefix(contentType, "text/html"):
		return ".html"
	case strings.HasPrefix(contentType, "image/"), strings.Contains(contentType, "octet-stream"):
		return ".bin"
	case strings.HasPrefix(contentType, "text/plain"):
		return ".txt"
	}
	return ".xml"
}

// confFiles is the corpus as files: every document, the page target, and
// expect.json listing each document with what it must give.
func confFiles(t *testing.T) (cases []confCase, files map[string][]byte) {
	t.Helper()
	cases = corpus()
	files = map[string][]byte{}
	seen := map[string]bool{}
	for i := range cases {
		c := &cases[i]
		if seen[c.Name] || !regexp.MustCompile(`^[a-z0-9-]+$`).MatchString(c.Name) {
			t.Fatalf("case name %q repeated or not a source id", c.Name)
		}
		seen[c.Name] = true
		c.File = c.Group + "/" + c.Name + confExt(c.ContentType)
		if c.Items == nil {
			c.Items = []confItem{}
		}
		files["docs/"+c.File] = c.body
	}
	files["docs/breakages/page-target.xml"] = []byte(pageTarget())
	manifest, err := json.MarshalIndent(cases, "", "  ")
	if err != nil {
		t.Fatal(err)
	}
	files["expect.json"] = append(manifest, '\n')
	return cases, files
}

// TestConformanceCorpusIsCurrent holds testdata/conformance to the case
// tables: run with -update-conformance after changing them.
func TestConformanceCorpusIsCurrent(t *testing.T) {
	cases, files := confFiles(t)
	if len(cases) < 300 {
		t.Errorf("%d documents, want at least 300", len(cases))
	}
	if *updateConformance {
		os.RemoveAll(filepath.Join(confDir, "docs"))
		os.Remove(filepath.Join(confDir, "expect.json"))
		for name, body := range files {
			p := filepath.Join(confDir, filepath.FromSlash(name))
			if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
				t.Fatal(err)
			}
			if err := os.WriteFile(p, body, 0o644); err != nil {
				t.Fatal(err)
			}
		}
	}
	for name, want := range files {
		got, err := os.ReadFile(filepath.Join(confDir, filepath.FromSlash(name)))
		if err != nil || !bytes.Equal(got, want) {
			t.Errorf("%s differs from its case table (%v): run go test ./cmd/aggregator -run ConformanceCorpus -update-conformance", name, err)
		}
	}
}

// TestConformance runs every document of the corpus through fetch, the
// store, every published format, the API and the HTML pages, and fails on
// any lost item, any unreadable error and any executable construct.
func TestConformance(t *testing.T) {
	if testing.Short() {
		t.Skip("the whole corpus")
	}
	var cases []confCase
	manifest, err := os.ReadFile(filepath.Join(confDir, "expect.json"))
	if err != nil {
		t.Fatal(err)
	}
	if err := json.Unmarshal(manifest, &cases); err != nil {
		t.Fatal(err)
	}
	types := map[string]string{"breakages/page-target.xml": ctRSS}
	for _, c := range cases {
		types[c.File] = c.ContentType
	}
	origin := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		name := strings.TrimPrefix(r.URL.Path, "/docs/")
		ct, ok := types[name]
		body, err := os.ReadFile(filepath.Join(confDir, "docs", filepath.FromSlash(name)))
		if !ok || err != nil {
			http.NotFound(w, r)
			return
		}
		w.Header().Set("Content-Type", ct)
		w.Write(body)
	}))
	t.Cleanup(origin.Close)

	dir := t.TempDir()
	var cfg strings.Builder
	fmt.Fprintf(&cfg, "server:\n  listen: \"127.0.0.1:0\"\n  base_url: \"http://news.test\"\nstorage:\n  path: %q\n", filepath.Join(dir, "agg.db"))
	cfg.WriteString("fetch:\n  schedule: \"@every 24h\"\n  concurrency: 8\n  per_host: 8\ndedup:\n  near_duplicates: false\nsources:\n")
	for _, c := range cases {
		fmt.Fprintf(&cfg, "  - {id: %s, title: %q, url: %q}\n", c.Name, "Outlet "+c.Name, origin.URL+"/docs/"+c.File)
	}
	cfg.WriteString("feeds:\n")
	for _, c := range cases {
		fmt.Fprintf(&cfg, "  - {id: f-%s, title: %q, sources: [%s], limit: 500}\n", c.Name, "Feed "+c.Name, c.Name)
	}
	cfgPath := filepath.Join(dir, "config.yaml")
	if err := os.WriteFile(cfgPath, []byte(cfg.String()), 0o644); err != nil {
		t.Fatal(err)
	}

	_, stdout, stderr := cli(t, "--config", cfgPath, "fetch")
	lines := fetchLines(stdout)
	for _, c := range cases {
		f := lines[c.Name]
		if len(f) != 8 {
			t.Errorf("%s: fetch line %q, want 8 fields\nstderr: %s", c.Name, f, stderr)
			continue
		}
		if !printable(f[6]) {
			t.Errorf("%s: unprintable error %q", c.Name, f[6])
		}
		switch {
		case c.Error != "":
			if f[1] != "error" || !strings.Contains(strings.ToLower(f[6]), c.Error) {
				t.Errorf("%s (%s): fetch %q, want an error naming %q", c.Name, c.About, f, c.Error)
			}
		case f[1] != "ok":
			t.Errorf("%s (%s): fetch %q, want ok", c.Name, c.About, f)
		case f[7] != fmt.Sprintf("refused=%d", c.Refused):
			t.Errorf("%s (%s): %s, want refused=%d", c.Name, c.About, f[7], c.Refused)
		case c.Refused > 0:
			if want := fmt.Sprintf("aggregator: %s: %d entries refused (empty: %d)\n", c.Name, c.Refused, c.Refused); !strings.Contains(stderr, want) {
				t.Errorf("%s: stderr lacks %q", c.Name, want)
			}
		}
	}

	m := startMain(t, cfgPath)
	srv := &confServer{t: t, base: "http://" + m.Addr()}

	var sources struct {
		Sources []struct {
			ID        string         `json:"id"`
			Status    string         `json:"status"`
			LastError string         `json:"last_error"`
			Refused   int            `json:"refused"`
			Reasons   map[string]int `json:"refused_reasons"`
		} `json:"sources"`
	}
	srv.getJSON("/api/sources", &sources)
	refused := map[string]int{}
	for _, s := range sources.Sources {
		refused[s.ID] = s.Refused
		if !printable(s.LastError) {
			t.Errorf("/api/sources %s: unprintable last_error %q", s.ID, s.LastError)
		}
	}
	for _, c := range cases {
		if c.Error == "" && refused[c.Name] != c.Refused {
			t.Errorf("/api/sources %s: refused %d, want %d", c.Name, refused[c.Name], c.Refused)
		}
	}

	for _, c := range cases {
		if c.Error != "" {
			continue
		}
		t.Run(c.Name, func(t *testing.T) {
			srv := &confServer{t: t, base: srv.base}
			srv.checkItems(c)
			for _, ext := range []string{".rss", ".atom", ".json"} {
				srv.checkFeed(c, "/feeds/f-"+c.Name+ext)
			}
			page := srv.get("/feeds/f-" + c.Name)
			checkPage(t, "/feeds/f-"+c.Name, page)
			for _, it := range c.Items {
				if !strings.Contains(page, html.EscapeString(it.Title)) {
					t.Errorf("preview page lacks %q", it.Title)
				}
			}
		})
	}
	checkPage(t, "/", srv.get("/"))
}

type confServer struct {
	t    *testing.T
	base string
}

func (s *confServer) get(path string) string {
	s.t.Helper()
	resp, err := http.Get(s.base + path)
	if err != nil {
		s.t.Fatal(err)
	}
	defer resp.Body.Close()
	body, _ := io.ReadAll(resp.Body)
	if resp.StatusCode != 200 {
		s.t.Fatalf("%s: status %d: %s", path, resp.StatusCode, body)
	}
	return string(body)
}

func (s *confServer) getJSON(path string, v any) {
	s.t.Helper()
	if err := json.Unmarshal([]byte(s.get(path)), v); err != nil {
		s.t.Fatalf("%s: %v", path, err)
	}
}

// checkItems compares the stored items with the case's.
func (s *confServer) checkItems(c confCase) {
	var items struct {
		Items []struct {
			Title   string `json:"title"`
			Derived bool   `json:"title_derived"`
			URL     string `json:"url"`
			Summary string `json:"summary"`
			Author  string `json:"author"`
		} `json:"items"`
	}
	s.getJSON("/api/items?limit=500&source="+c.Name, &items)
	var got, want []string
	for _, it := range items.Items {
		got = append(got, fmt.Sprintf("%q derived=%v", it.Title, it.Derived))
		checkText(s.t, "/api/items title", it.Title)
		checkText(s.t, "/api/items author", it.Author)
		checkURL(s.t, "/api/items url", it.URL)
		checkFragment(s.t, "/api/items summary", it.Summary)
	}
	for _, it := range c.Items {
		want = append(want, fmt.Sprintf("%q derived=%v", it.Title, it.Derived))
	}
	slices.Sort(got)
	slices.Sort(want)
	if !slices.Equal(got, want) {
		s.t.Errorf("%s: stored\n  %s\nwant\n  %s", c.About, strings.Join(got, "\n  "), strings.Join(want, "\n  "))
	}
}

// checkFeed reads a published feed twice: as a reader would (its titles
// must be the case's), and element by element for executable constructs.
func (s *confServer) checkFeed(c confCase, path string) {
	body := s.get(path)
	f, err := gofeed.NewParser().ParseString(body)
	if err != nil {
		s.t.Fatalf("%s does not parse: %v", path, err)
	}
	var got, want []string
	for _, it := range f.Items {
		got = append(got, it.Title)
	}
	for _, it := range c.Items {
		want = append(want, it.Title)
	}
	slices.Sort(got)
	slices.Sort(want)
	if !slices.Equal(got, want) {
		s.t.Errorf("%s: titles\n  %q\nwant\n  %q", path, got, want)
	}
	if strings.HasSuffix(path, ".json") {
		var v any
		if err := json.Unmarshal([]byte(body), &v); err != nil {
			s.t.Fatal(err)
		}
		checkJSON(s.t, path, "", v)
		return
	}
	checkXML(s.t, path, body)
}

// htmlFields are the elements that carry HTML (in JSON Feed, content_html
// alone); every other one carries text.
var htmlFields = map[string]bool{"description": true, "encoded": true, "content": true, "summary": true}

// urlFields carry URLs.
var urlFields = map[string]bool{"link": true, "url": true, "href": true, "src": true, "external_url": true,
	"image": true, "banner_image": true, "icon": true, "favicon": true, "avatar": true, "feed_url": true,
	"home_page_url": true, "comments": true, "guid": false}

// checkXML walks an RSS or Atom document.
func checkXML(t *testing.T, path, body string) {
	t.Helper()
	d := xml.NewDecoder(strings.NewReader(body))
	var stack []xml.StartElement
	for {
		tok, err := d.Token()
		if err == io.EOF {
			return
		}
		if err != nil {
			t.Fatalf("%s: %v", path, err)
		}
		switch tok := tok.(type) {
		case xml.StartElement:
			stack = append(stack, tok)
			for _, a := range tok.Attr {
				where := path + " <" + tok.Name.Local + " " + a.Name.Local + ">"
				if urlFields[a.Name.Local] {
					checkURL(t, where, a.Value)
				} else {
					checkText(t, where, a.Value)
				}
			}
		case xml.EndElement:
			stack = stack[:len(stack)-1]
		case xml.CharData:
			if len(stack) == 0 {
				continue
			}
			top := stack[len(stack)-1]
			where := path + " <" + top.Name.Local + ">"
			text := string(tok)
			switch {
			case htmlFields[top.Name.Local] && attr(top, "type") != "text":
				checkFragment(t, where, text)
			case urlFields[top.Name.Local]:
				checkURL(t, where, strings.TrimSpace(text))
			case attr(top, "type") == "html":
				checkText(t, where, html.UnescapeString(text))
			default:
				checkText(t, where, text)
			}
		}
	}
}

func attr(e xml.StartElement, name string) string {
	for _, a := range e.Attr {
		if a.Name.Local == name {
			return a.Value
		}
	}
	return ""
}

// checkJSON walks a JSON Feed.
func checkJSON(t *testing.T, path, key string, v any) {
	t.Helper()
	switch v := v.(type) {
	case map[string]any:
		for k, x := range v {
			checkJSON(t, path, k, x)
		}
	case []any:
		for _, x := range v {
			checkJSON(t, path, key, x)
		}
	case string:
		where := path + " " + key
		switch {
		case key == "content_html":
			checkFragment(t, where, v)
		case urlFields[key]:
			checkURL(t, where, v)
		default:
			checkText(t, where, v)
		}
	}
}

// markupStart is what makes text markup when a reader takes it for HTML.
var markupStart = regexp.MustCompile(`<[A-Za-z!/?]`)

// checkText fails on text that is, or becomes after any number of HTML
// decodings, markup.
func checkText(t *testing.T, where, s string) {
	t.Helper()
	if !printable(s) {
		t.Errorf("%s: unprintable text %q", where, s)
	}
	for range 6 {
		if markupStart.MatchString(s) {
			t.Errorf("%s: text holds markup: %q", where, s)
			return
		}
		next := html.UnescapeString(s)
		if next == s {
			return
		}
		s = next
	}
}

// checkURL fails on a URL a browser would run.
func checkURL(t *testing.T, where, u string) {
	t.Helper()
	if hostileURL(u) {
		t.Errorf("%s: hostile URL %q", where, u)
	}
}

func hostileURL(u string) bool {
	u = strings.ToLower(strings.Map(func(r rune) rune {
		if r <= ' ' || unicode.IsControl(r) {
			return -1
		}
		return r
	}, html.UnescapeString(u)))
	for _, scheme := range []string{"javascript:", "vbscript:", "data:", "livescript:"} {
		if strings.HasPrefix(u, scheme) {
			return true
		}
	}
	return false
}

// checkFragment fails on an HTML fragment holding anything executable.
func checkFragment(t *testing.T, where, fragment string) {
	t.Helper()
	nodes, err := xhtml.ParseFragment(strings.NewReader(fragment), &xhtml.Node{Type: xhtml.ElementNode, Data: "div", DataAtom: atom.Div})
	if err != nil {
		t.Errorf("%s: %v", where, err)
		return
	}
	for _, n := range nodes {
		checkNode(t, where, n)
	}
}

// checkPage checks the body of an HTML page of ours (its head holds our
// own style and links).
func checkPage(t *testing.T, where, page string) {
	t.Helper()
	doc, err := xhtml.Parse(strings.NewReader(page))
	if err != nil {
		t.Fatalf("%s: %v", where, err)
	}
	var body *xhtml.Node
	for n := range doc.Descendants() {
		if n.Type == xhtml.ElementNode && n.DataAtom == atom.Body {
			body = n
			break
		}
	}
	if body == nil {
		t.Fatalf("%s: no body", where)
	}
	for n := range body.ChildNodes() {
		checkNode(t, where, n)
	}
}

// forbidden are elements that run code, load it, or change where links go.
var forbidden = map[atom.Atom]bool{atom.Script: true, atom.Style: true, atom.Iframe: true, atom.Object: true,
	atom.Embed: true, atom.Form: true, atom.Base: true, atom.Meta: true, atom.Link: true, atom.Frame: true,
	atom.Frameset: true, atom.Applet: true, atom.Svg: true, atom.Math: true, atom.Template: true}

// urlAttrs are attributes holding URLs.
var urlAttrs = map[string]bool{"href": true, "src": true, "action": true, "formaction": true, "poster": true,
	"background": true, "data": true, "xlink:href": true, "cite": true, "longdesc": true, "dynsrc": true, "lowsrc": true}

func checkNode(t *testing.T, where string, root *xhtml.Node) {
	t.Helper()
	check := func(n *xhtml.Node) {
		if n.Type != xhtml.ElementNode {
			return
		}
		if forbidden[n.DataAtom] || n.Namespace == "svg" || n.Namespace == "math" {
			t.Errorf("%s: <%s> element", where, n.Data)
		}
		for _, a := range n.Attr {
			key := strings.ToLower(a.Key)
			if a.Namespace != "" {
				key = a.Namespace + ":" + key
			}
			switch {
			case strings.HasPrefix(key, "on"):
				t.Errorf("%s: <%s %s> event handler", where, n.Data, key)
			case key == "style" && regexp.MustCompile(`(?i)expression|javascript|behavior|binding|url\(`).MatchString(a.Val):
				t.Errorf("%s: <%s style=%q>", where, n.Data, a.Val)
			case key == "srcset":
				for _, cand := range strings.Split(a.Val, ",") {
					if f := strings.Fields(cand); len(f) > 0 && hostileURL(f[0]) {
						t.Errorf("%s: <%s srcset=%q>", where, n.Data, a.Val)
					}
				}
			case urlAttrs[key] && hostileURL(a.Val):
				t.Errorf("%s: <%s %s=%q>", where, n.Data, key, a.Val)
			}
		}
	}
	check(root)
	for n := range root.Descendants() {
		check(n)
	}
}

// printable says whether s is valid UTF-8 without control characters.
func printable(s string) bool {
	return utf8.ValidString(s) && strings.IndexFunc(s, func(r rune) bool {
		return unicode.IsControl(r) && r != '\n' && r != '\t'
	}) < 0
}
