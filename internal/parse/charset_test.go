package parse

import (
	"testing"

	"golang.org/x/text/encoding/charmap"
	"golang.org/x/text/encoding/simplifiedchinese"
	"golang.org/x/text/encoding/unicode"
	"golang.org/x/text/encoding/unicode/utf32"
)

func TestEncodingChoice(t *testing.T) {
	cyr, err := charmap.Windows1251.NewEncoder().String("Новости")
	if err != nil {
		t.Fatal(err)
	}
	cyrLong, err := charmap.Windows1251.NewEncoder().String("Новости экономики и финансов Пакистана сегодня")
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
	enc32 := func(order utf32.Endianness, bom utf32.BOMPolicy, doc string) string {
		b, err := utf32.UTF32(order, bom).NewEncoder().String(doc)
		if err != nil {
			t.Fatal(err)
		}
		return b
	}
	const doc32 = `<?xml version="1.0" encoding="UTF-32"?><rss><channel><title>خبریں 新闻</title></channel></rss>`
	tests := []struct {
		name, body, contentType, want string
	}{
		{"UTF32BEWithBOM", enc32(utf32.BigEndian, utf32.UseBOM, doc32), "application/xml", "خبریں 新闻"},
		{"UTF32LEWithBOM", enc32(utf32.LittleEndian, utf32.UseBOM, doc32), "", "خبریں 新闻"},
		{"UTF32BEDeclared", enc32(utf32.BigEndian, utf32.IgnoreBOM, doc32), "", "خبریں 新闻"},
		{"UTF32LEDeclared", enc32(utf32.LittleEndian, utf32.IgnoreBOM, doc32), "text/xml", "خبریں 新闻"},
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
		{"UTF16LabelOnUTF8",
			`<?xml version="1.0" encoding="UTF-16"?><rss><channel><title>新闻</title></channel></rss>`, "", "新闻"},
		{"HeaderUTF8DeniedByTheBytesDeclarationDecides",
			`<?xml version="1.0" encoding="windows-1251"?><rss><channel><title>` + cyr + `</title></channel></rss>`,
			"application/rss+xml; charset=utf-8", "Новости"},
		{"UndeclaredCyrillicIsNotWindows1252",
			`<rss><channel><title>` + cyrLong + `</title><link>http://example.com/</link></channel></rss>`,
			"application/xml", "Новости экономики и финансов Пакистана сегодня"},
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
