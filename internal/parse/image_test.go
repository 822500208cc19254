package parse

import "testing"

func TestItemImageFromEveryCarrier(t *testing.T) {
	f := parseFixture(t, "images.xml", "application/rss+xml", "https://www.example.pk/feed/")
	want := map[string]string{
		"WordPress media:content":                         "https://www.example.pk/wp-content/uploads/a.jpg?w=800&h=600",
		"media:thumbnail only":                            "https://cdn.example.pk/b.png",
		"Image enclosure":                                 "https://www.example.pk/img/c.jpeg",
		"Video media:content with a thumbnail in a group": "https://cdn.example.pk/d.jpg",
		"Audio enclosure and a javascript thumbnail":      "",
	}
	if len(f.Entries) != len(want) {
		t.Fatalf("%d entries, want %d", len(f.Entries), len(want))
	}
	for _, e := range f.Entries {
		w, ok := want[e.Title]
		if !ok {
			t.Errorf("unexpected entry %q", e.Title)
			continue
		}
		if e.ImageURL != w {
			t.Errorf("%s: ImageURL = %q, want %q", e.Title, e.ImageURL, w)
		}
	}
}

func TestAtomEnclosureImage(t *testing.T) {
	doc := `<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom" xmlns:media="http://search.yahoo.com/mrss/">
  <title>T</title><id>urn:x</id><updated>2024-05-01T00:00:00Z</updated>
  <link href="https://www.example.cn/"/>
  <entry><title>Enclosure</title><id>urn:1</id><updated>2024-05-01T00:00:00Z</updated>
    <link href="/1"/><link rel="enclosure" type="image/webp" href="/i/1.webp"/></entry>
  <entry><title>Thumbnail</title><id>urn:2</id><updated>2024-05-01T00:00:00Z</updated>
    <link href="/2"/><media:group><media:thumbnail url="https://i.example.cn/2.jpg"/></media:group></entry>
</feed>`
	f, err := Parse([]byte(doc), "application/atom+xml", "https://www.example.cn/atom")
	if err != nil {
		t.Fatal(err)
	}
	want := []string{"https://www.example.cn/i/1.webp", "https://i.example.cn/2.jpg"}
	if len(f.Entries) != len(want) {
		t.Fatalf("%d entries, want %d", len(f.Entries), len(want))
	}
	for i, e := range f.Entries {
		if e.ImageURL != want[i] {
			t.Errorf("%s: ImageURL = %q, want %q", e.Title, e.ImageURL, want[i])
		}
	}
}
