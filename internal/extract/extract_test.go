package extract

import (
	"errors"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func fixture(t testing.TB, name string) []byte {
	t.Helper()
	b, err := os.ReadFile(filepath.Join("testdata", name))
	if err != nil {
		t.Fatal(err)
	}
	return b
}

func TestExtract(t *testing.T) {
	t.Run("MainTextWithoutChrome", func(t *testing.T) {
		art, err := Extract(fixture(t, "article.html"), "text/html; charset=utf-8", "https://www.example.com/2024/05/gwadar?utm_source=rss")
		if err != nil {
			t.Fatal(err)
		}
		for _, want := range []string{"deep-water port", "special protection unit", "road and rail links inland"} {
			if !strings.Contains(art.Text, want) {
				t.Errorf("text lacks %q:\n%s", want, art.Text)
			}
		}
		for _, junk := range []string{"ADVERT-TEXT", "FOOTER-TEXT", "SCRIPT-TEXT", "COMMENT-TEXT"} {
			if strings.Contains(art.Text, junk) || strings.Contains(art.Content, junk) {
				t.Errorf("extracted text keeps %s", junk)
			}
		}
	})

	t.Run("ContentSanitisedWithAbsoluteURLs", func(t *testing.T) {
		art, err := Extract(fixture(t, "article.html"), "text/html", "https://www.example.com/2024/05/gwadar")
		if err != nil {
			t.Fatal(err)
		}
		for _, bad := range []string{"<script", "onclick", "steal()"} {
			if strings.Contains(art.Content, bad) {
				t.Errorf("content keeps %q: %s", bad, art.Content)
			}
		}
		if !strings.Contains(art.Content, `src="https://www.example.com/img/port.jpg"`) {
			t.Errorf("image URL not absolute: %s", art.Content)
		}
		if !strings.Contains(art.Content, `href="https://www.example.com/2024/05/earlier-story"`) {
			t.Errorf("link URL not absolute: %s", art.Content)
		}
	})

	t.Run("CanonicalResolvedAndPreferredOverOGURL", func(t *testing.T) {
		art, _ := Extract(fixture(t, "article.html"), "text/html", "https://www.example.com/2024/05/gwadar?utm_source=rss")
		if got, want := art.Canonical, "https://www.example.com/2024/05/gwadar-port-expansion"; got != want {
			t.Errorf("Canonical = %q, want %q", got, want)
		}
	})

	t.Run("LegacyCharsetFromMeta", func(t *testing.T) {
		art, err := Extract(fixture(t, "gbk.html"), "text/html", "https://news.example.cn/2024/gwadar.html?from=rss")
		if err != nil {
			t.Fatal(err)
		}
		if !strings.Contains(art.Text, "中巴经济走廊瓜达尔港") {
			t.Errorf("GBK page not decoded: %q", art.Text)
		}
		if got, want := art.Canonical, "https://news.example.cn/2024/gwadar.html"; got != want {
			t.Errorf("og:url Canonical = %q, want %q", got, want)
		}
	})

	t.Run("PageWithoutTextIsNoContent", func(t *testing.T) {
		art, err := Extract(fixture(t, "nav-only.html"), "text/html", "https://www.example.com/a")
		if !errors.Is(err, ErrNoContent) {
			t.Errorf("err = %v, want ErrNoContent", err)
		}
		if art.Canonical != "https://www.example.com/" {
			t.Errorf("Canonical = %q, still wanted on failure", art.Canonical)
		}
	})

	t.Run("RelativePageURLRefused", func(t *testing.T) {
		if _, err := Extract(fixture(t, "article.html"), "text/html", "/2024/05/gwadar"); err == nil {
			t.Error("no error for a relative page URL")
		}
	})
}

func TestCanonical(t *testing.T) {
	base, _ := url.Parse("https://www.example.com/news/a?x=1")
	tests := []struct {
		name, page, want string
	}{
		{"LinkCanonical", `<head><link rel="canonical" href="https://www.example.com/news/a"></head>`, "https://www.example.com/news/a"},
		{"RelTokenAmongOthers", `<link rel="alternate canonical" href="/b">`, "https://www.example.com/b"},
		{"RelativeAgainstBaseTag", `<base href="https://cdn.example.com/x/"><link rel=canonical href="y">`, "https://cdn.example.com/x/y"},
		{"OGURLWhenNoLink", `<meta property="og:url" content="https://www.example.com/og">`, "https://www.example.com/og"},
		{"FirstLinkWins", `<link rel="canonical" href="/one"><link rel="canonical" href="/two">`, "https://www.example.com/one"},
		{"JavascriptRefused", `<link rel="canonical" href="javascript:alert(1)">`, ""},
		{"UnusableLinkFallsBackToOGURL", `<link rel="canonical" href="ftp://x/y"><meta property="og:url" content="/og">`, "https://www.example.com/og"},
		{"BodyLinksIgnored", `<head></head><body><link rel="canonical" href="/late"></body>`, ""},
		{"None", `<head><title>x</title></head>`, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := Canonical([]byte(tt.page), base); got != tt.want {
				t.Errorf("Canonical = %q, want %q", got, tt.want)
			}
		})
	}
}

func TestTrusted(t *testing.T) {
	tests := []struct {
		name, canonical, article string
		want                     bool
	}{
		{"SameHost", "https://www.dawn.com/news/1", "https://www.dawn.com/news/1?utm_source=rss", true},
		{"SameRegistrableDomain", "https://www.dawn.com/news/1", "https://epaper.dawn.com/news/1", true},
		{"PublicSuffixRespected", "https://a.blogspot.com/p", "https://b.blogspot.com/p", false},
		{"SecondLevelSuffix", "https://www.thenews.com.pk/a", "https://e.thenews.com.pk/a", true},
		{"OtherSiteRefused", "https://www.reuters.com/world/x", "https://www.dawn.com/news/1", false},
		{"HomePageForArticleRefused", "https://www.dawn.com/", "https://www.dawn.com/news/1", false},
		{"HomePageForHomePage", "https://www.dawn.com/", "https://dawn.com/", true},
		{"NonHTTPRefused", "ftp://www.dawn.com/news/1", "https://www.dawn.com/news/1", false},
		{"LoopbackSameHost", "http://127.0.0.1:8080/a", "http://127.0.0.1:8080/b", true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := Trusted(tt.canonical, tt.article); got != tt.want {
				t.Errorf("Trusted(%q, %q) = %v, want %v", tt.canonical, tt.article, got, tt.want)
			}
		})
	}
}

func BenchmarkExtract(b *testing.B) {
	page := fixture(b, "article.html")
	b.SetBytes(int64(len(page)))
	for b.Loop() {
		if _, err := Extract(page, "text/html; charset=utf-8", "https://www.example.com/2024/05/gwadar"); err != nil {
			b.Fatal(err)
		}
	}
}
