package opml

import (
	"bytes"
	"flag"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"go.yaml.in/yaml/v3"

	"aggregator/internal/model"
)

var update = flag.Bool("update", false, "rewrite golden files")

func open(t *testing.T, name string) *os.File {
	t.Helper()
	f, err := os.Open(filepath.Join("testdata", name))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { f.Close() })
	return f
}

func src(id, title, url, region, lang string) model.Source {
	return model.Source{ID: id, Title: title, URL: url, Region: region, Language: lang, Enabled: true, Identity: model.IdentityGUID}
}

func TestReadNestedOPML2(t *testing.T) {
	imp, err := Read(open(t, "nested.opml"))
	if err != nil {
		t.Fatal(err)
	}
	if got, want := imp.Title, "Regional news\u00a0subscriptions"; got != want {
		t.Errorf("title = %q, want %q", got, want)
	}
	want := []model.Source{
		src("dawn", "Dawn", "https://www.dawn.com/feeds/home", "pakistan", "en"),
		src("dawn-pakistan", "Dawn - Pakistan", "https://www.dawn.com/feeds/pakistan", "pakistan", ""),
		src("bbc-news", "BBC News اردو", "https://feeds.bbci.co.uk/urdu/rss.xml", "urdu", "ur"),
		src("express-pk", "ایکسپریس", "https://www.express.pk/feed/", "urdu", "ur"),
		src("dawn-2", "Dawn", "https://www.dawn.com/feeds/business", "pakistan", ""),
		src("xinhua-friends", "Xinhua & friends", "http://www.xinhuanet.com/english/rss/worldrss.xml", "asia", ""),
		src("bbc", "BBC 中文", "https://feeds.bbci.co.uk/zhongwen/simp/rss.xml", "china", "zh"),
		src("the-diplomat", "The Diplomat", "https://thediplomat.com/feed/", "", ""),
		src("cafe-societe-economie", "Café Société — Économie", "https://example.fr/eco.xml", "", ""),
	}
	if !reflect.DeepEqual(imp.Sources, want) {
		t.Errorf("sources:\n got %+v\nwant %+v", imp.Sources, want)
	}
	wantSkipped := []Skipped{
		{Title: "Dawn duplicate", URL: "https://www.dawn.com/feeds/home", Reason: "already listed"},
		{Title: "Broken", URL: "/relative/feed.xml", Reason: "not an absolute http or https URL"},
	}
	if !reflect.DeepEqual(imp.Skipped, wantSkipped) {
		t.Errorf("skipped:\n got %+v\nwant %+v", imp.Skipped, wantSkipped)
	}
}

func TestParseOPML1InLatin1WithOddAttributeCase(t *testing.T) {
	got, err := Parse(open(t, "opml1-latin1.opml"))
	if err != nil {
		t.Fatal(err)
	}
	want := []model.Source{
		src("cafe-news", "Café News", "http://cafe.example/rss", "", ""),
		src("the-hindu", "The Hindu", "https://www.thehindu.com/news/national/feeder/default.rss", "", ""),
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("got %+v\nwant %+v", got, want)
	}
}

func TestParseRejects(t *testing.T) {
	tests := []struct {
		name, file, want string
	}{
		{"NotOPML", "not-opml.xml", "opml: not an OPML document (root element <rss>)"},
		{"Truncated", "truncated.opml", "opml: XML syntax error"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := Parse(open(t, tt.file))
			if err == nil || !strings.HasPrefix(err.Error(), tt.want) {
				t.Errorf("err = %v, want prefix %q", err, tt.want)
			}
		})
	}
	if _, err := Parse(strings.NewReader("")); err == nil {
		t.Error("empty input accepted")
	}
}

func TestSlug(t *testing.T) {
	tests := []struct{ in, want string }{
		{"Dawn", "dawn"},
		{"The Express Tribune", "the-express-tribune"},
		{"Pakistan's News -- Latest!", "pakistans-news-latest"},
		{"Café Société", "cafe-societe"},
		{"BBC 中文", "bbc"},
		{"ایکسپریس", ""},
		{"  --a--  ", "a"},
		{"A very long title that goes on and on and on forever", "a-very-long-title-that-goes-on-and-on"},
	}
	for _, tt := range tests {
		if got := slug(tt.in); got != tt.want {
			t.Errorf("slug(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestUniqueIDs(t *testing.T) {
	s := newIDs()
	got := []string{
		s.unique("Dawn", "https://dawn.com/a"),
		s.unique("Dawn", "https://dawn.com/b"),
		s.unique("Dawn 2", "https://dawn.com/c"), // its own slug is taken
		s.unique("Dawn", "https://dawn.com/d"),
		s.unique("اردو", "https://www.urdu.example/rss"),
		s.unique("", "https://www.urdu.example/rss2"),
	}
	want := []string{"dawn", "dawn-2", "dawn-2-2", "dawn-3", "urdu-example", "urdu-example-2"}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("got %v, want %v", got, want)
	}
}

func TestSourcesYAMLIsAConfigSourcesList(t *testing.T) {
	sources := []model.Source{
		src("dawn", "Dawn", "https://www.dawn.com/feeds/home", "pakistan", "en"),
		{ID: "yes", Title: "yes", URL: "https://y.example/?a=1&b=2", Enabled: false, Identity: model.IdentityLink, Topics: []string{"cpec"}, Schedule: "*/5 * * * *", FullText: true},
		src("bbc-urdu", "BBC: اردو #1", "https://feeds.bbci.co.uk/urdu/rss.xml", "", "ur"),
	}
	var buf bytes.Buffer
	if err := SourcesYAML(&buf, sources); err != nil {
		t.Fatal(err)
	}
	var doc map[string][]map[string]any
	if err := yaml.Unmarshal(buf.Bytes(), &doc); err != nil {
		t.Fatalf("output is not YAML: %v\n%s", err, buf.String())
	}
	if len(doc) != 1 || len(doc["sources"]) != 3 {
		t.Fatalf("want one key sources with 3 entries, got:\n%s", buf.String())
	}
	want := []map[string]any{
		{"id": "dawn", "title": "Dawn", "url": "https://www.dawn.com/feeds/home", "region": "pakistan", "language": "en"},
		{"id": "yes", "title": "yes", "url": "https://y.example/?a=1&b=2", "schedule": "*/5 * * * *", "topics": []any{"cpec"}, "enabled": false, "identity": "link", "full_text": true},
		{"id": "bbc-urdu", "title": "BBC: اردو #1", "url": "https://feeds.bbci.co.uk/urdu/rss.xml", "language": "ur"},
	}
	if !reflect.DeepEqual(doc["sources"], want) {
		t.Errorf("got %v\nwant %v\n%s", doc["sources"], want, buf.String())
	}
	if !strings.HasPrefix(buf.String(), "sources:\n  - id: dawn\n") {
		t.Errorf("layout:\n%s", buf.String())
	}
}

func TestWriteGolden(t *testing.T) {
	feeds := []OutlineFeed{
		{Title: "CPEC", XMLURL: "http://localhost:8080/feeds/cpec.rss", HTMLURL: "http://localhost:8080/", Description: "China-Pakistan Economic Corridor coverage"},
		{Title: "Security & \"defence\" <news>", XMLURL: "http://localhost:8080/feeds/security.rss"},
		{Title: "سی پیک", XMLURL: "http://localhost:8080/feeds/cpec-urdu.rss"},
	}
	var buf bytes.Buffer
	if err := Write(&buf, "aggregator feeds", feeds); err != nil {
		t.Fatal(err)
	}
	golden := filepath.Join("testdata", "write.golden")
	if *update {
		if err := os.WriteFile(golden, buf.Bytes(), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(golden)
	if err != nil {
		t.Fatal(err)
	}
	if got := buf.String(); got != string(want) {
		t.Errorf("got:\n%s\nwant:\n%s", got, want)
	}
}

func TestWriteThenParseRoundTrips(t *testing.T) {
	feeds := []OutlineFeed{
		{Title: "CPEC", XMLURL: "https://n.example/feeds/cpec.rss"},
		{Title: "Security & defence", XMLURL: "https://n.example/feeds/security.rss"},
	}
	var buf bytes.Buffer
	if err := Write(&buf, "t", feeds); err != nil {
		t.Fatal(err)
	}
	got, err := Parse(&buf)
	if err != nil {
		t.Fatal(err)
	}
	want := []model.Source{
		src("cpec", "CPEC", "https://n.example/feeds/cpec.rss", "", ""),
		src("security-defence", "Security & defence", "https://n.example/feeds/security.rss", "", ""),
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("got %+v\nwant %+v", got, want)
	}
}

func TestWriteEmptyListHasBody(t *testing.T) {
	var buf bytes.Buffer
	if err := Write(&buf, "none", nil); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(buf.String(), "<body></body>") {
		t.Errorf("no empty body:\n%s", buf.String())
	}
}

func BenchmarkParse(b *testing.B) {
	data, err := os.ReadFile(filepath.Join("testdata", "nested.opml"))
	if err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	for b.Loop() {
		if _, err := Parse(bytes.NewReader(data)); err != nil {
			b.Fatal(err)
		}
	}
}
