package parse

import (
	"bytes"
	"flag"
	"os"
	"path/filepath"
	"testing"

	"golang.org/x/text/encoding"
	"golang.org/x/text/encoding/charmap"
	"golang.org/x/text/encoding/japanese"
	"golang.org/x/text/encoding/simplifiedchinese"
	"golang.org/x/text/encoding/traditionalchinese"
	"golang.org/x/text/encoding/unicode"
)

var update = flag.Bool("update", false, "rewrite the generated encoding fixtures in testdata")

// encodedFixture is a small RSS feed stored in a legacy encoding. The
// committed bytes in testdata are generated from this table with
// `go test -run TestEncodedFixtures -update`.
type encodedFixture struct {
	file        string
	enc         encoding.Encoding // nil: UTF-8
	bom         []byte            // prepended after encoding
	decl        string            // encoding pseudo-attribute, "" for none
	contentType string            // the HTTP header the test sends
	title       string            // Unicode text expected back
	raw         []byte            // bytes spliced in verbatim (after encoding) instead of the title
}

var encodedFixtures = []encodedFixture{
	{file: "windows-1252-declared.xml", enc: charmap.Windows1252, decl: "windows-1252",
		contentType: "application/rss+xml", title: "\u201cSmart quotes\u201d \u2014 caf\u00e9"},
	{file: "windows-1252-undeclared.xml", enc: charmap.Windows1252,
		contentType: "application/xml", title: "The minister said \u201cwe will not resign\u201d, and the caf\u00e9 closed"},
	{file: "utf-8-declared-really-windows-1252.xml", enc: charmap.Windows1252, decl: "UTF-8",
		contentType: "application/rss+xml", title: "\u201cMislabelled\u201d na\u00efve r\u00e9sum\u00e9"},
	{file: "iso-8859-1.xml", enc: charmap.ISO8859_1, decl: "ISO-8859-1",
		contentType: "text/xml", title: "Caf\u00e9 Z\u00fcrich \u00bd \u00e5r"},
	{file: "iso-8859-15.xml", enc: charmap.ISO8859_15, decl: "ISO-8859-15",
		contentType: "application/rss+xml", title: "Prix: 5 \u20ac, \u0153uvre"},
	{file: "windows-1251.xml", enc: charmap.Windows1251, decl: "windows-1251",
		contentType: "application/rss+xml", title: "\u041d\u043e\u0432\u043e\u0441\u0442\u0438 \u0438\u0437 \u041c\u043e\u0441\u043a\u0432\u044b"},
	{file: "gbk.xml", enc: simplifiedchinese.GBK, decl: "GBK",
		contentType: "application/rss+xml", title: "\u4e2d\u5df4\u7ecf\u6d4e\u8d70\u5eca\u65b0\u95fb"},
	{file: "gb18030.xml", enc: simplifiedchinese.GB18030, decl: "GB18030",
		contentType: "application/rss+xml", title: "\u74dc\u8fbe\u5c14\u6e2f \u20ac \U00020000"},
	{file: "big5.xml", enc: traditionalchinese.Big5, decl: "Big5",
		contentType: "application/rss+xml", title: "\u53f0\u7063\u65b0\u805e\u5831\u5c0e"},
	{file: "shift_jis.xml", enc: japanese.ShiftJIS, decl: "Shift_JIS",
		contentType: "application/rss+xml", title: "\u65e5\u672c\u306e\u30cb\u30e5\u30fc\u30b9"},
	{file: "utf-16le-bom.xml", enc: unicode.UTF16(unicode.LittleEndian, unicode.UseBOM), decl: "UTF-16",
		contentType: "application/rss+xml", title: "\u067e\u0627\u06a9\u0633\u062a\u0627\u0646 \u06a9\u06cc \u062e\u0628\u0631\u06cc\u06ba"},
	{file: "utf-8-bom.xml", bom: []byte{0xEF, 0xBB, 0xBF}, decl: "UTF-8",
		contentType: "application/rss+xml", title: "\u0627\u0631\u062f\u0648 \u0627\u0648\u0631 \u4e2d\u6587"},
	{file: "header-charset-only.xml", enc: charmap.Windows1251,
		contentType: "application/rss+xml; charset=windows-1251", title: "\u041f\u0440\u0438\u0432\u0435\u0442, \u043c\u0438\u0440"},
	// RFC 7303: for an XML media type the HTTP charset beats the declaration.
	{file: "header-contradicts-declaration.xml", enc: charmap.Windows1251, decl: "ISO-8859-1",
		contentType: "application/rss+xml; charset=windows-1251", title: "\u0421\u043e\u0431\u044b\u0442\u0438\u044f \u0434\u043d\u044f"},
	{file: "control-and-invalid-utf8.xml", decl: "UTF-8", contentType: "application/rss+xml",
		title: "Bad\ufffd bytes \u0627\u0631\u062f\u0648 ok",
		raw:   []byte("Bad\x01\x0b\xff bytes \u0627\u0631\u062f\u0648 \x1bok")},
}

func (f encodedFixture) build(t *testing.T) []byte {
	t.Helper()
	decl := `<?xml version="1.0"?>`
	if f.decl != "" {
		decl = `<?xml version="1.0" encoding="` + f.decl + `"?>`
	}
	const marker = "\x00TITLE\x00"
	doc := decl + "\n<rss version=\"2.0\"><channel><title>" + marker + "</title><link>https://example.com/</link>\n" +
		"<item><title>" + marker + "</title><link>https://example.com/a</link><description>" + marker + "</description></item>\n" +
		"</channel></rss>\n"
	var out []byte
	if f.raw != nil {
		out = bytes.ReplaceAll([]byte(doc), []byte(marker), f.raw)
	} else {
		// One encoder call for the whole document: UTF-16 writes one BOM.
		out = encode(t, f.enc, bytes.ReplaceAll([]byte(doc), []byte(marker), []byte(f.title)))
	}
	return append(append([]byte{}, f.bom...), out...)
}

func encode(t *testing.T, enc encoding.Encoding, b []byte) []byte {
	t.Helper()
	if enc == nil || len(b) == 0 {
		return b
	}
	out, err := enc.NewEncoder().Bytes(b)
	if err != nil {
		t.Fatalf("encode %q: %v", b, err)
	}
	return out
}

func TestEncodedFixtures(t *testing.T) {
	for _, f := range encodedFixtures {
		t.Run(f.file, func(t *testing.T) {
			want := f.build(t)
			path := filepath.Join("testdata", f.file)
			if *update {
				if err := os.WriteFile(path, want, 0o644); err != nil {
					t.Fatal(err)
				}
			}
			got, err := os.ReadFile(path)
			if err != nil {
				t.Fatalf("%v (run go test -run TestEncodedFixtures -update)", err)
			}
			if !bytes.Equal(got, want) {
				t.Fatalf("%s differs from its generator (run go test -run TestEncodedFixtures -update)", path)
			}

			feed, err := Parse(got, f.contentType, "https://example.com/feed")
			if err != nil {
				t.Fatal(err)
			}
			if feed.Title != f.title {
				t.Errorf("feed title = %q, want %q", feed.Title, f.title)
			}
			if len(feed.Entries) != 1 {
				t.Fatalf("%d entries, want 1", len(feed.Entries))
			}
			if e := feed.Entries[0]; e.Title != f.title || e.Summary != f.title {
				t.Errorf("entry title %q summary %q, want %q", e.Title, e.Summary, f.title)
			}
		})
	}
}
