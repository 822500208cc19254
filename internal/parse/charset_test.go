package parse

import (
	"testing"

	"golang.org/x/text/encoding/charmap"
	"golang.org/x/text/encoding/simplifiedchinese"
	"golang.org/x/text/encoding/unicode"
)

func TestEncodingChoice(t *testing.T) {
	cyr, err := charmap.Windows1251.NewEncoder().String("Новости")
	if err != nil {
		t.Fatal(err)
	}
	gbk, err := simplifiedchinese.GBK.NewEncoder().String("新闻")
	if err != nil {
		t.Fatal(err)
	}
	utf16be, err := unicode.UTF16(unicode.BigEndian, unicode.IgnoreBOM).NewEncoder().
		String(`<?xml version="1.0" encoding="UTF-16"?><rss><channel><title>خبریں</title></channel></rss>`)
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name, body, contentType, want string
	}{
		{"DeclarationBeatsCharsetOfHTMLMediaType",
			`<?xml version="1.0" encoding="windows-1251"?><rss><channel><title>` + cyr + `</title></channel></rss>`,
			"text/html; charset=iso-8859-1", "Новости"},
		{"CharsetOfHTMLMediaTypeUsedWhenUndeclared",
			`<rss><channel><title>` + cyr + `</title></channel></rss>`,
			"text/html; charset=windows-1251", "Новости"},
		{"ValidUTF8DeclaredGBKIsUTF8",
			`<?xml version="1.0" encoding="GBK"?><rss><channel><title>新闻</title></channel></rss>`,
			"application/rss+xml", "新闻"},
		{"GB2312LabelMeansGBK",
			`<?xml version="1.0" encoding="gb2312"?><rss><channel><title>` + gbk + `</title></channel></rss>`,
			"", "新闻"},
		{"UnknownLabelFallsBackToUTF8",
			`<?xml version="1.0" encoding="x-klingon"?><rss><channel><title>ok ✓</title></channel></rss>`,
			"", "ok ✓"},
		{"UTF16WithoutBOM", utf16be, "application/xml", "خبریں"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f, err := Parse([]byte(tt.body), tt.contentType, "")
			if err != nil {
				t.Fatal(err)
			}
			if f.Title != tt.want {
				t.Errorf("Title = %q, want %q", f.Title, tt.want)
			}
		})
	}
}
