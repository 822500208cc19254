package publish

import "testing"

func TestImageTypeFromExtension(t *testing.T) {
	for raw, want := range map[string]string{
		"https://a.example/x.jpg":             "image/jpeg",
		"https://a.example/x.JPEG?w=1":        "image/jpeg",
		"https://a.example/x.png":             "image/png",
		"https://a.example/p/x.webp#frag":     "image/webp",
		"https://a.example/x.gif":             "image/gif",
		"https://a.example/x.svg":             "image/svg+xml",
		"https://a.example/image?id=7&s=.png": "image/jpeg",
		"https://a.example/":                  "image/jpeg",
	} {
		if got := imageType(raw); got != want {
			t.Errorf("imageType(%q) = %q, want %q", raw, got, want)
		}
	}
}

func TestStoryWithoutImageHasNoEnclosure(t *testing.T) {
	items := fixtureItems()[2:]
	items[0].ImageURL = "javascript:alert(1)"
	for _, format := range Formats() {
		doc := mustRender(t, testDef, items, format)
		for _, bad := range []string{"javascript:", "enclosure", "media:content", `"image"`} {
			if contains(doc, bad) {
				t.Errorf("%s: rendering has %q", format, bad)
			}
		}
	}
}

func TestURISafeEncodesOnlyWhatURIsForbid(t *testing.T) {
	for raw, want := range map[string]string{
		"https://a.example/x.jpg?w=1&h=2":     "https://a.example/x.jpg?w=1&h=2",
		`https://a.example/x.jpg?q="x"<y>`:    "https://a.example/x.jpg?q=%22x%22%3Cy%3E",
		"https://a.example/a b.jpg":           "https://a.example/a%20b.jpg",
		"https://a.example/%DA%AF.png":        "https://a.example/%DA%AF.png",
		"https://a.example/گ.png":             "https://a.example/%DA%AF.png",
		"https://a.example/x.jpg?a=[1]&b=~'!": "https://a.example/x.jpg?a=[1]&b=~'!",
	} {
		if got := uriSafe(raw); got != want {
			t.Errorf("uriSafe(%q) = %q, want %q", raw, got, want)
		}
	}
}
