package parse

import (
	"errors"
	"fmt"
	"strings"
	"testing"
)

// bigFeed returns an RSS 2.0 feed with n items, each with a CDATA
// description, a dc:creator extension and a category.
func bigFeed(n int) []byte {
	var b strings.Builder
	b.WriteString(`<?xml version="1.0" encoding="UTF-8"?>` + "\n" +
		`<rss version="2.0" xmlns:dc="http://purl.org/dc/elements/1.1/"><channel><title>Big</title><link>https://big.example/</link>` + "\n")
	for i := range n {
		fmt.Fprintf(&b, "<item><title>Story %d about Gwadar &amp; CPEC</title><link>/s/%d</link><guid>big-%d</guid>"+
			"<description><![CDATA[<p>Paragraph %d with <a href=\"/x\">a link</a>.</p>]]></description>"+
			"<dc:creator>Reporter %d</dc:creator><category>Pakistan</category>"+
			"<pubDate>Mon, 02 Mar 2026 10:15:00 +0500</pubDate></item>\n", i, i, i, i, i%50)
	}
	b.WriteString("</channel></rss>\n")
	return []byte(b.String())
}

func TestLargeFeed(t *testing.T) {
	if testing.Short() {
		t.Skip("100k items")
	}
	f, err := Parse(bigFeed(100_000), "application/rss+xml", "https://big.example/feed")
	if err != nil {
		t.Fatal(err)
	}
	if got := len(f.Entries); got != 100_000 {
		t.Fatalf("%d entries, want 100000", got)
	}
	last := f.Entries[99_999]
	if last.Link != "https://big.example/s/99999" || last.Title != "Story 99999 about Gwadar & CPEC" || last.Author != "Reporter 49" {
		t.Errorf("last entry = %+v", last)
	}
}

func TestPathologicalDocumentsRefused(t *testing.T) {
	tests := []struct {
		name string
		doc  string
	}{
		{"DeepNesting", `<rss version="2.0"><channel><item><x:a xmlns:x="urn:x">` +
			strings.Repeat("<x:a>", 10_000) + strings.Repeat("</x:a>", 10_001) + `</item></channel></rss>`},
		{"ManyTextFragmentsInAnExtension", `<rss version="2.0"><channel><item><x:a xmlns:x="urn:x">` +
			strings.Repeat(strings.Repeat("t", 100)+"<x:b/>", 100_000) + `</x:a></item></channel></rss>`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := Parse([]byte(tt.doc), "application/rss+xml", "")
			if !errors.Is(err, ErrPathological) {
				t.Errorf("err = %v, want ErrPathological", err)
			}
		})
	}

	// Text split by CDATA sections or comments costs nothing once CDATA
	// becomes text and comments go: each element's text is one run.
	for name, piece := range map[string]string{
		"CDATASplitTextIsOneRun":   "a<![CDATA[b]]>",
		"CommentSplitTextIsOneRun": "a<!-- c -->",
	} {
		t.Run(name, func(t *testing.T) {
			doc := `<rss version="2.0"><channel><item><title>t</title><x:a xmlns:x="urn:x">` +
				strings.Repeat(piece, 200_000) + `</x:a></item></channel></rss>`
			f, err := Parse([]byte(doc), "application/rss+xml", "")
			if err != nil || len(f.Entries) != 1 {
				t.Fatalf("err = %v", err)
			}
		})
	}
}

func BenchmarkParse50(b *testing.B) {
	body := bigFeed(50)
	b.SetBytes(int64(len(body)))
	b.ReportAllocs()
	for b.Loop() {
		if _, err := Parse(body, "application/rss+xml", "https://big.example/feed"); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkParse100k(b *testing.B) {
	body := bigFeed(100_000)
	b.SetBytes(int64(len(body)))
	b.ReportAllocs()
	for b.Loop() {
		if _, err := Parse(body, "application/rss+xml", "https://big.example/feed"); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkSanitize100k(b *testing.B) {
	body := bigFeed(100_000)
	b.SetBytes(int64(len(body)))
	b.ReportAllocs()
	for b.Loop() {
		if _, err := sanitizeXML(body); err != nil {
			b.Fatal(err)
		}
	}
}
