package redact

import (
	"errors"
	"fmt"
	"io"
	"testing"
)

func TestURL(t *testing.T) {
	for in, want := range map[string]string{
		"http://user:password@host/feed?token=abc":               "http://host/feed?token=" + Mask,
		"https://feeds.example/rss?id=7&api_key=s3cr3t&lang=ur":  "https://feeds.example/rss?id=7&api_key=" + Mask + "&lang=ur",
		"https://x.example/f?Signature=a%2Fb&X-Amz-Credential=c": "https://x.example/f?Signature=" + Mask + "&X-Amz-Credential=" + Mask,
		"https://x.example/f?auth=1&password=2&secret=3&sig=4":   "https://x.example/f?auth=" + Mask + "&password=" + Mask + "&secret=" + Mask + "&sig=" + Mask,
		"https://x.example/f?q=a+b&page=2#top":                   "https://x.example/f?q=a+b&page=2#top",
		"https://x.example/f?token":                              "https://x.example/f?token",
		"https://www.dawn.com/feeds/home":                        "https://www.dawn.com/feeds/home",
		"http://user@host/feed":                                  "http://host/feed",
		"http://us er:pa ss@host/%zz":                            "…@host/%zz",
	} {
		if got := URL(in); got != want {
			t.Errorf("URL(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestText(t *testing.T) {
	in := `fetch http://u:pw@feeds.example/rss?token=abc: status 500; see https://x.example/?key=k.`
	want := `fetch http://feeds.example/rss?token=` + Mask + `: status 500; see https://x.example/?key=` + Mask + `.`
	if got := Text(in); got != want {
		t.Errorf("Text = %q, want %q", got, want)
	}
}

func TestErrorKeepsTheChain(t *testing.T) {
	err := Error(fmt.Errorf("fetch http://u:pw@h/f: %w", io.ErrUnexpectedEOF))
	if !errors.Is(err, io.ErrUnexpectedEOF) || err.Error() != "fetch http://h/f: unexpected EOF" {
		t.Errorf("err = %v", err)
	}
	if Error(nil) != nil {
		t.Error("Error(nil) is not nil")
	}
}
