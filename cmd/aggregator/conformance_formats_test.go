package main

import (
	"fmt"
	"strings"
)

// formatCases: every feed format and version, and the optional elements
// of each.
func formatCases() []confCase {
	l := &caseList{group: "formats"}
	add := func(name, about, ct, body string, items []confItem) { l.add(name, about, ct, body, items, 0) }

	// RSS 0.90, 0.91 (Netscape, with its DOCTYPE, and UserLand), 0.92–0.94.
	add("rss090", "RSS 0.90, an RDF document in Netscape's namespace", ctXML, `<?xml version="1.0"?>
<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://my.netscape.com/rdf/simple/0.9/">
<channel><title>Old Portal</title><link>http://portal.example.com/</link><description>News</description></channel>
<item><title>Budget session opens</title><link>`+link("rss090", 1)+`</link></item>
<item><title>Cabinet meets on Monday</title><link>`+link("rss090", 2)+`</link></item>
</rdf:RDF>
`, wantTitles("Budget session opens", "Cabinet meets on Monday"))
	add("rss091-netscape", "RSS 0.91 with Netscape's DOCTYPE and HTML entities", ctXML, `<?xml version="1.0" encoding="ISO-8859-1"?>
<!DOCTYPE rss PUBLIC "-//Netscape Communications//DTD RSS 0.91//EN" "http://my.netscape.com/publish/formats/rss-0.91.dtd">
<rss version="0.91"><channel><title>Scripting News</title><link>http://scripting.example.com/</link>
<description>News</description><language>en-us</language>
<item><title>Caf&eacute; owners protest&nbsp;tax</title><link>`+link("rss091-netscape", 1)+`</link><description>Owners &amp; staff marched.</description></item>
</channel></rss>
`, wantTitles("Café owners protest tax"))
	add("rss091-userland", "RSS 0.91 as UserLand wrote it", ctXML, `<?xml version="1.0"?>
<rss version="0.91"><channel><title>UserLand</title><link>http://userland.example.com/</link><description>d</description>
<item><title>Senate passes finance bill</title><link>`+link("rss091-userland", 1)+`</link><description>By a voice vote.</description></item>
</channel></rss>
`, wantTitles("Senate passes finance bill"))
	add("rss092", "RSS 0.92: an item with only a description, an enclosure, a category, a source", ctXML, `<?xml version="1.0"?>
<rss version="0.92"><channel><title>Radio</title><link>http://radio.example.com/</link><description>d</description>
<item><description>Power cuts extended in Karachi for the third day, K-Electric said.</description>
<enclosure url="http://radio.example.com/a.mp3" length="1000" type="audio/mpeg"/><category>Energy</category>
<source url="http://radio.example.com/rss">Radio</source></item>
<item><title>Rain expected in Lahore</title><link>`+link("rss092", 2)+`</link></item>
</channel></rss>
`, append(derived("Power cuts extended in Karachi for the third day, K-Electric said."), wantTitles("Rain expected in Lahore")...))
	for _, v := range []string{"0.93", "0.94"} {
		name := "rss" + strings.ReplaceAll(v, ".", "")
		add(name, "RSS "+v, ctXML, `<?xml version="1.0"?>
<rss version="`+v+`"><channel><title>T</title><link>http://example.com/</link><description>d</description>
<item><title>Version `+v+` item</title><link>`+link(name, 1)+`</link><pubDate>Mon, 02 Mar 2026 10:00:00 GMT</pubDate></item>
</channel></rss>
`, wantTitles("Version "+v+" item"))
	}
	add("rss20-no-version", "RSS without a version attribute", ctRSS, `<rss><channel><title>T</title><link>http://example.com/</link>
<item><title>Unversioned item</title><link>`+link("rss20-no-version", 1)+`</link></item></channel></rss>`, wantTitles("Unversioned item"))

	// RSS 2.0 optional elements, one document each.
	type opt struct{ name, about, elems, title string }
	for _, o := range []opt{
		{"minimal", "title and link only", "", "Gwadar port handles first transit cargo"},
		{"guid-permalink", "a permalink guid and no link", "<guid>https://www.dawn.com/news/g1</guid>", "Permalink guid item"},
		{"guid-not-permalink", "an opaque guid", `<guid isPermaLink="false">dawn-1001</guid>`, "Opaque guid item"},
		{"author-email", "author as an e-mail address", "<author>editor@dawn.com (The Editor)</author>", "Item with an author"},
		{"dc-creator", "dc:creator", "<dc:creator>Staff Reporter</dc:creator>", "Item with dc:creator"},
		{"categories", "several categories with domains", `<category domain="https://www.dawn.com/">Pakistan</category><category>Business</category><category>business</category>`, "Item with categories"},
		{"enclosure", "an image enclosure", `<enclosure url="https://i.dawn.com/a.jpg" length="123" type="image/jpeg"/>`, "Item with an enclosure"},
		{"media-content", "media:content and media:thumbnail", `<media:content url="https://i.dawn.com/b.jpg" medium="image"/><media:thumbnail url="https://i.dawn.com/t.jpg"/>`, "Item with media"},
		{"content-encoded", "content:encoded beside the description", `<content:encoded><![CDATA[<p>The <b>full</b> text.</p><p>Second paragraph.</p>]]></content:encoded>`, "Item with full text"},
		{"comments", "a comments link", "<comments>https://www.dawn.com/news/1#comments</comments>", "Item with comments"},
		{"source", "an aggregator's source credit", `<source url="https://www.geo.tv/rss">Geo News</source>`, "Item with a source"},
		{"pubdate-numeric-zone", "a date with a numeric zone", "<pubDate>Mon, 02 Mar 2026 10:15:00 +0500</pubDate>", "Numeric zone date"},
		{"pubdate-named-zone", "a date with a named zone", "<pubDate>Mon, 02 Mar 2026 10:15:00 EST</pubDate>", "Named zone date"},
		{"pubdate-no-seconds", "a date without seconds", "<pubDate>Mon, 02 Mar 2026 10:15 GMT</pubDate>", "Date without seconds"},
		{"pubdate-two-digit-year", "a two-digit year", "<pubDate>Mon, 02 Mar 26 10:15:00 GMT</pubDate>", "Two-digit year"},
		{"pubdate-iso", "an ISO 8601 date in pubDate", "<pubDate>2026-03-02T10:15:00Z</pubDate>", "ISO date in pubDate"},
		{"pubdate-garbage", "an unreadable date", "<pubDate>yesterday afternoon</pubDate>", "Unreadable date"},
		{"pubdate-future", "a date years ahead", "<pubDate>Mon, 02 Mar 2099 10:15:00 GMT</pubDate>", "Future date"},
		{"dc-date", "dc:date instead of pubDate", "<dc:date>2026-03-02T10:15:00+05:00</dc:date>", "Item with dc:date"},
		{"whitespace", "titles and links wrapped in whitespace", "", "  \n  Spaced   out\n  title  "},
		{"tracking-link", "a link with tracking parameters", "", "Item with tracking"},
		{"feedburner", "a FeedBurner origLink", `<feedburner:origLink xmlns:feedburner="http://rssnamespace.org/feedburner/ext/1.0">https://www.dawn.com/news/fb</feedburner:origLink>`, "FeedBurner item"},
		{"cdata-description", "a CDATA description with HTML", "<description><![CDATA[<p>Para with <a href=\"/rel\">a relative link</a>.</p>]]></description>", "CDATA description"},
		{"raw-html-description", "HTML in the description, not escaped", "<description><p>Raw <b>HTML</b> paragraph.</p></description>", "Raw HTML description"},
		{"itunes", "a podcast episode", `<itunes:summary xmlns:itunes="http://www.itunes.com/dtds/podcast-1.0.dtd">Episode notes</itunes:summary><enclosure url="https://pod.example/e1.mp3" length="1" type="audio/mpeg"/>`, "Podcast episode 1"},
	} {
		name := "rss20-" + o.name
		l := link(name, 1)
		if o.name == "tracking-link" {
			l += "?utm_source=rss&amp;utm_medium=feed&amp;fbclid=x#top"
		}
		elems := "<title>" + esc(o.title) + "</title>"
		if o.name != "guid-permalink" {
			elems += "<link>" + l + "</link>"
		}
		if o.name == "whitespace" {
			elems = "<title>" + o.title + "</title><link>\n   " + l + "   \n</link>"
		}
		add(name, "RSS 2.0: "+o.about, ctRSS, rss20("", rssItem(elems, o.elems)),
			wantTitles(strings.Join(strings.Fields(o.title), " ")))
	}
	add("rss20-channel-extras", "RSS 2.0 with every channel element (ttl, image, cloud, skipHours, textInput, atom:link)", ctRSS, rss20(`<ttl>30</ttl>
<image><url>https://www.dawn.com/logo.png</url><title>Dawn</title><link>https://www.dawn.com/</link></image>
<cloud domain="rpc.example.com" port="80" path="/RPC2" registerProcedure="ping" protocol="xml-rpc"/>
<skipHours><hour>1</hour><hour>2</hour></skipHours>
<textInput><title>Search</title><description>Search</description><name>q</name><link>https://www.dawn.com/search</link></textInput>
<atom:link rel="self" href="https://www.dawn.com/feeds/home" type="application/rss+xml"/>
<generator>WordPress 6.4</generator><docs>https://www.rssboard.org/rss-specification</docs>
`, plainItem("rss20-channel-extras", 1, "Channel with every element")), wantTitles("Channel with every element"))
	add("rss20-empty-channel", "RSS 2.0 with no items", ctRSS, rss20(""), nil)
	var many []string
	var manyTitles []string
	for i := 1; i <= 120; i++ {
		t := fmt.Sprintf("Wire story number %d from the provinces", i)
		many = append(many, plainItem("rss20-many-items", i, t))
		manyTitles = append(manyTitles, t)
	}
	add("rss20-many-items", "RSS 2.0 with 120 items", ctRSS, rss20("", many...), wantTitles(manyTitles...))
	add("rss20-relative-links", "relative item links, resolved against the channel link", ctRSS,
		strings.Replace(rss20("", rssItem("<title>Relative link item</title><link>/rss20-relative-links/1</link>")),
			"<link>https://www.dawn.com/</link>", "<link>https://news.example.pk/</link>", 1), wantTitles("Relative link item"))
	add("rss20-xml-base", "xml:base on the item", ctRSS, rss20("", `<item xml:base="https://news.example.pk/rss20-xml-base/"><title>xml:base item</title><link>1</link></item>`), wantTitles("xml:base item"))

	// RSS 1.0.
	add("rss10", "RSS 1.0 with Dublin Core", ctRDF, rdf(
		rdfItem(link("rss10", 1), "<title>Tribune RDF item</title>", "<link>"+link("rss10", 1)+"</link>",
			"<dc:creator>Tribune Desk</dc:creator><dc:subject>Politics</dc:subject><dc:date>2026-03-02T09:00:00+05:00</dc:date>",
			"<description>Summary.</description>"),
		plainRDFItem("rss10", 2, "Second RDF item")), wantTitles("Tribune RDF item", "Second RDF item"))
	add("rss10-content-encoded", "RSS 1.0 with content:encoded", ctRDF, rdf(
		rdfItem(link("rss10-content-encoded", 1), "<title>RDF full text</title>", "<link>"+link("rss10-content-encoded", 1)+"</link>",
			"<content:encoded><![CDATA[<p>Full <i>RDF</i> text.</p>]]></content:encoded>")), wantTitles("RDF full text"))
	add("rss10-syndication", "RSS 1.0 with the syndication module", ctRDF, strings.Replace(rdf(plainRDFItem("rss10-syndication", 1, "Syndicated RDF item")),
		"<description>Latest news</description>", `<description>Latest news</description><sy:updatePeriod xmlns:sy="http://purl.org/rss/1.0/modules/syndication/">hourly</sy:updatePeriod>`, 1),
		wantTitles("Syndicated RDF item"))
	add("rss10-description-only", "RSS 1.0 item with only a description", ctRDF, rdf(
		rdfItem("urn:x:1", "<description>Polio campaign starts across Punjab on Monday, officials said.</description>")),
		derived("Polio campaign starts across Punjab on Monday, officials said."))

	// Atom 0.3.
	atom03 := func(entries ...string) string {
		return `<?xml version="1.0" encoding="utf-8"?>
<feed version="0.3" xmlns="http://purl.org/atom/ns#">
<title>Old Atom Blog</title><link rel="alternate" type="text/html" href="http://blog.example.com/"/>
<modified>2026-03-02T08:00:00Z</modified>
` + strings.Join(entries, "\n") + "\n</feed>\n"
	}
	add("atom03", "Atom 0.3 with issued and modified", ctAtom, atom03(atomEntry(
		"<title>Atom 0.3 entry</title>", `<link rel="alternate" type="text/html" href="`+link("atom03", 1)+`"/>`,
		"<id>tag:blog.example.com,2026:1</id><issued>2026-03-02T07:00:00Z</issued><modified>2026-03-02T07:30:00Z</modified>",
		"<author><name>Blogger</name></author>", `<summary>A summary.</summary>`)), wantTitles("Atom 0.3 entry"))
	add("atom03-escaped-content", "Atom 0.3 content mode=escaped", ctAtom, atom03(atomEntry(
		"<title>Escaped content entry</title>", `<link rel="alternate" href="`+link("atom03-escaped-content", 1)+`"/>`,
		"<id>tag:blog.example.com,2026:2</id><issued>2026-03-02T07:00:00Z</issued>",
		`<content type="text/html" mode="escaped">&lt;p&gt;Escaped &lt;b&gt;HTML&lt;/b&gt;&lt;/p&gt;</content>`)), wantTitles("Escaped content entry"))
	add("atom03-xml-content", "Atom 0.3 content mode=xml", ctAtom, atom03(atomEntry(
		"<title>XML content entry</title>", `<link rel="alternate" href="`+link("atom03-xml-content", 1)+`"/>`,
		"<id>tag:blog.example.com,2026:3</id>",
		`<content type="application/xhtml+xml" mode="xml"><div xmlns="http://www.w3.org/1999/xhtml"><p>Inline XHTML</p></div></content>`)), wantTitles("XML content entry"))
	add("atom03-base64-content", "Atom 0.3 content mode=base64", ctAtom, atom03(atomEntry(
		"<title>Base64 content entry</title>", `<link rel="alternate" href="`+link("atom03-base64-content", 1)+`"/>`,
		"<id>tag:blog.example.com,2026:4</id>",
		`<content type="text/html" mode="base64">PHA+QmFzZTY0IHRleHQ8L3A+</content>`)), wantTitles("Base64 content entry"))

	// Atom 1.0.
	type aopt struct{ name, about, elems, title string }
	for _, o := range []aopt{
		{"minimal", "title, link, id, updated", "", "Minimal Atom entry"},
		{"content-text", "content type=text", `<content type="text">Plain text content &lt;not a tag&gt;</content>`, "Text content entry"},
		{"content-html", "content type=html", `<content type="html">&lt;p&gt;HTML &lt;em&gt;content&lt;/em&gt;&lt;/p&gt;</content>`, "HTML content entry"},
		{"content-xhtml", "content type=xhtml", `<content type="xhtml"><div xmlns="http://www.w3.org/1999/xhtml"><p>XHTML <strong>content</strong></p></div></content>`, "XHTML content entry"},
		{"summary-html", "summary type=html", `<summary type="html">&lt;p&gt;An HTML summary&lt;/p&gt;</summary>`, "HTML summary entry"},
		{"published", "published and updated", "<published>2026-03-01T10:00:00+05:00</published>", "Published entry"},
		{"authors", "two authors and a contributor", "<author><name>Li Wei</name><email>li@news.cn</email></author><author><name>Zhang Min</name></author><contributor><name>Desk</name></contributor>", "Entry with two authors"},
		{"categories", "categories with term, scheme and label", `<category term="china" label="China"/><category term="economy" scheme="https://english.news.cn/"/>`, "Entry with categories"},
		{"enclosure", "an enclosure link and a related link", `<link rel="enclosure" type="image/jpeg" href="https://english.news.cn/img/a.jpg"/><link rel="related" href="https://english.news.cn/related"/>`, "Entry with an enclosure"},
		{"source", "a source element", `<source><id>tag:other,2026:feed</id><title>Other Feed</title><updated>2026-03-01T00:00:00Z</updated></source>`, "Entry with a source"},
		{"rights", "rights and xml:lang", `<rights>© Xinhua</rights>`, "Entry with rights"},
		{"title-html", "title type=html with markup", "", "Title type html"},
		{"title-xhtml", "title type=xhtml", "", "Title type xhtml"},
	} {
		name := "atom10-" + o.name
		title := "<title>" + esc(o.title) + "</title>"
		switch o.name {
		case "title-html":
			title = `<title type="html">Title &lt;em&gt;type&lt;/em&gt; html</title>`
		case "title-xhtml":
			title = `<title type="xhtml"><div xmlns="http://www.w3.org/1999/xhtml">Title <b>type</b> xhtml</div></title>`
		}
		add(name, "Atom 1.0: "+o.about, ctAtom, atom10(atomEntry(title, `<link rel="alternate" href="`+link(name, 1)+`"/>`,
			fmt.Sprintf("<id>tag:english.news.cn,2026:%s</id>", name), "<updated>2026-03-02T07:00:00Z</updated>", o.elems)),
			wantTitles(o.title))
	}
	add("atom10-no-link", "Atom 1.0 entry with no link: the feed's site stands in", ctAtom, atom10(atomEntry(
		"<title>Entry without a link</title>", "<id>urn:uuid:60a76c80-d399-11d9-b93C-0003939e0af6</id>", "<updated>2026-03-02T07:00:00Z</updated>",
		"<summary>No link here.</summary>")), wantTitles("Entry without a link"))
	add("atom10-xml-base", "Atom 1.0 relative links under xml:base", ctAtom, strings.Replace(atom10(atomEntry(
		"<title>xml:base entry</title>", `<link href="1"/>`, "<id>tag:x,2026:xb</id>", "<updated>2026-03-02T07:00:00Z</updated>",
		`<content type="html">&lt;img src="pic.jpg"&gt; picture</content>`)), `xml:lang="en"`, `xml:lang="en" xml:base="https://news.example.pk/atom10-xml-base/"`, 1),
		wantTitles("xml:base entry"))
	add("atom10-prefixed", "Atom 1.0 with a namespace prefix", ctAtom, `<?xml version="1.0"?>
<a:feed xmlns:a="http://www.w3.org/2005/Atom"><a:title>Prefixed</a:title><a:id>tag:p,2026:f</a:id><a:updated>2026-03-02T00:00:00Z</a:updated>
<a:entry><a:title>Prefixed entry</a:title><a:link href="`+link("atom10-prefixed", 1)+`"/><a:id>tag:p,2026:1</a:id><a:updated>2026-03-02T00:00:00Z</a:updated></a:entry>
</a:feed>
`, wantTitles("Prefixed entry"))
	add("atom10-two-entries", "Atom 1.0 with two entries", ctAtom, atom10(plainEntry("atom10-two-entries", 1, "First Xinhua entry"),
		plainEntry("atom10-two-entries", 2, "Second Xinhua entry")), wantTitles("First Xinhua entry", "Second Xinhua entry"))

	// JSON Feed 1.0 and 1.1.
	jsonItem := func(name string, n int, fields string) string {
		return fmt.Sprintf(`{"id": %q, "url": %q, %s}`, fmt.Sprintf("%s-%d", name, n), link(name, n), fields)
	}
	add("jsonfeed11", "JSON Feed 1.1 with content_html, summary, authors, tags, image", ctJSON, jsonFeed(
		jsonItem("jsonfeed11", 1, `"title": "JSON Feed item", "content_html": "<p>Body</p>", "summary": "Short", "authors": [{"name": "Desk"}], "tags": ["pakistan"], "image": "https://micro.example.pk/a.jpg", "date_published": "2026-03-02T10:00:00+05:00"`),
		jsonItem("jsonfeed11", 2, `"title": "JSON text item", "content_text": "Plain body"`)), wantTitles("JSON Feed item", "JSON text item"))
	add("jsonfeed10", "JSON Feed 1.0 with author", ctJSON, strings.Replace(jsonFeed(
		jsonItem("jsonfeed10", 1, `"title": "JSON 1.0 item", "content_text": "Body", "author": {"name": "Old Desk"}`)),
		"version/1.1", "version/1", 1), wantTitles("JSON 1.0 item"))
	add("jsonfeed-microblog", "JSON Feed microblog posts without titles", ctJSON, jsonFeed(
		jsonItem("jsonfeed-microblog", 1, `"content_text": "Traffic diverted on Shahrah-e-Faisal after a water main burst. Avoid the area."`),
		jsonItem("jsonfeed-microblog", 2, `"content_html": "<p>Metro bus service suspended until further notice.</p>"`)),
		derived("Traffic diverted on Shahrah-e-Faisal after a water main burst.", "Metro bus service suspended until further notice."))

	// CDF is not a format we read: the fetch says so, plainly.
	l.fail("cdf", "Microsoft's Channel Definition Format", ctXML, `<?xml version="1.0" encoding="UTF-8"?>
<CHANNEL HREF="http://cdf.example.com/" BASE="http://cdf.example.com/">
<TITLE>CDF Channel</TITLE><ABSTRACT>An old channel</ABSTRACT>
<ITEM HREF="http://cdf.example.com/1"><TITLE>CDF item</TITLE><ABSTRACT>Item abstract</ABSTRACT></ITEM>
</CHANNEL>
`, "not a feed")
	return l.cases
}
