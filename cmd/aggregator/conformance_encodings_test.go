package main

import (
	"fmt"
	"strings"

	"golang.org/x/text/encoding"
	"golang.org/x/text/encoding/charmap"
	"golang.org/x/text/encoding/japanese"
	"golang.org/x/text/encoding/korean"
	"golang.org/x/text/encoding/simplifiedchinese"
	"golang.org/x/text/encoding/traditionalchinese"
	"golang.org/x/text/encoding/unicode"
	"golang.org/x/text/encoding/unicode/utf32"
)

// encodingCases: documents in every encoding feeds come in, declared
// rightly, wrongly or not at all.
func encodingCases() []confCase {
	const g = "encodings"
	var cs []confCase
	// encoded writes an RSS document whose one item has title, in enc,
	// declaring decl (none when empty), served with contentType.
	encoded := func(name, about string, enc encoding.Encoding, decl, contentType, title string) {
		head := `<?xml version="1.0"?>`
		if decl != "" {
			head = `<?xml version="1.0" encoding="` + decl + `"?>`
		}
		text := head + "\n<rss version=\"2.0\"><channel><title>" + esc(title) + "</title><link>https://example.com/</link>\n" +
			"<item><title>" + esc(title) + "</title><link>" + link(name, 1) + "</link><description>" + esc(title) +
			"</description></item>\n</channel></rss>\n"
		body := []byte(text)
		if enc != nil {
			var err error
			if body, err = enc.NewEncoder().Bytes(body); err != nil {
				panic(fmt.Sprintf("%s: %v", name, err))
			}
		}
		cs = append(cs, confCase{Name: name, Group: g, About: about, ContentType: contentType, body: body, Items: wantTitles(title)})
	}
	const (
		urdu    = "پاکستان اور چین کے درمیان نئے معاہدے"
		chinese = "中巴经济走廊建设取得新进展"
		french  = "L’économie française « résiste », selon l’Insee — 3 € de plus"
	)
	encoded("utf8", "UTF-8, declared", nil, "UTF-8", ctXML, urdu)
	encoded("utf8-undeclared", "UTF-8, undeclared", nil, "", "application/xml", chinese)
	cs = append(cs, confCase{Name: "utf8-bom", Group: g, About: "UTF-8 with a byte order mark", ContentType: ctXML,
		body: append([]byte{0xEF, 0xBB, 0xBF}, rss20("", plainItem("utf8-bom", 1, urdu))...), Items: wantTitles(urdu)})

	// UTF-16 and UTF-32 in both byte orders, with and without a mark.
	for _, u := range []struct {
		name, label, title string
		enc                encoding.Encoding
	}{
		{"utf16le-bom", "UTF-16", urdu, unicode.UTF16(unicode.LittleEndian, unicode.UseBOM)},
		{"utf16be-bom", "UTF-16", urdu, unicode.UTF16(unicode.BigEndian, unicode.UseBOM)},
		{"utf16le", "UTF-16", urdu, unicode.UTF16(unicode.LittleEndian, unicode.IgnoreBOM)},
		{"utf16be", "UTF-16", urdu, unicode.UTF16(unicode.BigEndian, unicode.IgnoreBOM)},
		{"utf32be-bom", "UTF-32", chinese, utf32.UTF32(utf32.BigEndian, utf32.UseBOM)},
		{"utf32le-bom", "UTF-32", chinese, utf32.UTF32(utf32.LittleEndian, utf32.UseBOM)},
		{"utf32be", "UTF-32", chinese, utf32.UTF32(utf32.BigEndian, utf32.IgnoreBOM)},
		{"utf32le", "UTF-32", chinese, utf32.UTF32(utf32.LittleEndian, utf32.IgnoreBOM)},
	} {
		encoded(u.name, u.label+", "+u.name, u.enc, u.label, ctXML, u.title)
	}

	legacy := []struct {
		name, label string
		enc         encoding.Encoding
		title       string
	}{
		{"windows-1252", "windows-1252", charmap.Windows1252, french},
		{"iso-8859-1", "ISO-8859-1", charmap.Windows1252, "Zürich: Café in Köln öffnet – Preise in €"},
		{"iso-8859-15", "ISO-8859-15", charmap.ISO8859_15, "Prix en € pour l'œuvre"},
		{"iso-8859-2", "ISO-8859-2", charmap.ISO8859_2, "Łódź i Gdańsk: żółć"},
		{"windows-1250", "windows-1250", charmap.Windows1250, "Praha: příliš žluťoučký kůň"},
		{"windows-1251", "windows-1251", charmap.Windows1251, "Новости экономики Пакистана"},
		{"koi8-r", "KOI8-R", charmap.KOI8R, "Москва и Исламабад подписали соглашение"},
		{"koi8-u", "KOI8-U", charmap.KOI8U, "Київ: новини економіки"},
		{"iso-8859-5", "ISO-8859-5", charmap.ISO8859_5, "Белград и Софија"},
		{"windows-1256", "windows-1256", charmap.Windows1256, "أخبار باكستان والصين اليوم"},
		{"iso-8859-6", "ISO-8859-6", charmap.ISO8859_6, "أخبار الاقتصاد"},
		{"iso-8859-7", "ISO-8859-7", charmap.ISO8859_7, "Ειδήσεις από την Αθήνα"},
		{"windows-1253", "windows-1253", charmap.Windows1253, "Οικονομία και αγορές"},
		{"iso-8859-8", "ISO-8859-8", charmap.ISO8859_8, "חדשות מירושלים"},
		{"windows-1255", "windows-1255", charmap.Windows1255, "כלכלה ושווקים"},
		{"windows-1254", "windows-1254", charmap.Windows1254, "İstanbul’da ekonomi haberleri: ğüşıöç"},
		{"windows-874", "windows-874", charmap.Windows874, "ข่าวเศรษฐกิจกรุงเทพ"},
		{"windows-1258", "windows-1258", charmap.Windows1258, "Cà phê Đà Lat: giá tăng"},
		{"gbk", "GBK", simplifiedchinese.GBK, chinese},
		{"gb2312", "GB2312", simplifiedchinese.GBK, "新华社北京电"},
		{"gb18030", "GB18030", simplifiedchinese.GB18030, "瓜达尔港 — 新闻"},
		{"big5", "Big5", traditionalchinese.Big5, "中巴經濟走廊最新消息"},
		{"shift-jis", "Shift_JIS", japanese.ShiftJIS, "日本経済ニュース"},
		{"euc-jp", "EUC-JP", japanese.EUCJP, "東京の天気予報"},
		{"iso-2022-jp", "ISO-2022-JP", japanese.ISO2022JP, "大阪の経済"},
		{"euc-kr", "EUC-KR", korean.EUCKR, "서울 경제 뉴스"},
	}
	for _, l := range legacy {
		encoded(l.name, l.label+", declared", l.enc, l.label, ctXML, l.title)
	}
	// Wrong or missing declarations, and headers that disagree.
	encoded("declared-utf8-really-1252", "declared UTF-8, written in windows-1252", charmap.Windows1252, "UTF-8", ctXML, french)
	encoded("declared-latin1-really-utf8", "declared ISO-8859-1, written in UTF-8", nil, "ISO-8859-1", ctXML, urdu)
	encoded("declared-1251-really-utf8", "declared windows-1251, written in UTF-8", nil, "windows-1251", ctXML, "Новости дня")
	encoded("declared-utf16-really-utf8", "declared UTF-16, written in UTF-8", nil, "UTF-16", ctXML, chinese)
	encoded("declared-utf32-really-utf8", "declared UTF-32, written in UTF-8", nil, "UTF-32", ctXML, urdu)
	encoded("undeclared-1251", "windows-1251, undeclared", charmap.Windows1251, "", "application/xml", "Новости экономики и финансов Пакистана сегодня")
	encoded("undeclared-gbk", "GBK, undeclared", simplifiedchinese.GBK, "", "application/xml", "中巴经济走廊建设取得新进展，瓜达尔港货运量持续增长")
	encoded("undeclared-shift-jis", "Shift_JIS, undeclared", japanese.ShiftJIS, "", "application/xml", "日本経済ニュース、東京株式市場は続伸しました")
	encoded("header-only-1251", "windows-1251, named only by the Content-Type header", charmap.Windows1251, "", "text/xml; charset=windows-1251", "Новости дня")
	encoded("html-header-1251", "windows-1251, named by a text/html header", charmap.Windows1251, "", "text/html; charset=windows-1251", "Новости дня")
	encoded("header-utf8-declared-1251", "a UTF-8 header over a document that declares and is windows-1251",
		charmap.Windows1251, "windows-1251", "application/rss+xml; charset=utf-8", "Новости дня")
	encoded("header-gbk-body-utf8", "a GBK header over a UTF-8 document", nil, "UTF-8", "application/xml; charset=gbk", chinese)
	encoded("header-latin1-declared-utf8", "an ISO-8859-1 header over a document that declares and is UTF-8", nil, "UTF-8",
		"text/xml; charset=iso-8859-1", urdu)
	cs = append(cs, confCase{Name: "json-utf16", Group: g, About: "a JSON Feed in UTF-16 with a byte order mark", ContentType: ctJSON,
		body:  mustEncode(unicode.UTF16(unicode.LittleEndian, unicode.UseBOM), jsonFeed(`{"id": "1", "url": "`+link("json-utf16", 1)+`", "title": "`+urdu+`"}`)),
		Items: wantTitles(urdu)})
	cs = append(cs, confCase{Name: "invalid-utf8", Group: g, About: "UTF-8 with a few broken bytes", ContentType: ctXML,
		body:  []byte(strings.Replace(rss20("", plainItem("invalid-utf8", 1, "Broken "+urdu)), "Broken", "Broken\xff\xfe", 1)),
		Items: wantTitles("Broken\ufffd\ufffd " + urdu)})
	return cs
}

func mustEncode(enc encoding.Encoding, s string) []byte {
	b, err := enc.NewEncoder().Bytes([]byte(s))
	if err != nil {
		panic(err)
	}
	return b
}
