package main

import (
	"strings"
)

// itemShapeCases: items missing what most items have. Whatever has text is
// stored; what has none is refused and counted.
func itemShapeCases() []confCase {
	l := &caseList{group: "items"}
	add := l.add
	const bajaur = "Security forces repulsed an attack on a check post in Bajaur, officials said."
	add("description-only", "an agency wire item: a description and a date, nothing else", ctRSS, rss20("", rssItem(
		el("description", bajaur), el("pubDate", "Mon, 02 Mar 2026 10:15:00 +0500"))), derived(bajaur), 0)
	add("description-only-guid", "a description and a guid", ctRSS, rss20("", rssItem(
		el("description", "Two more polio cases reported in Khyber Pakhtunkhwa this week, the health ministry confirmed."),
		`<guid isPermaLink="false">alert-20260302-1</guid>`)),
		derived("Two more polio cases reported in Khyber Pakhtunkhwa this week, the health ministry confirmed."), 0)
	add("description-only-link", "a description and a link", ctRSS, rss20("", rssItem(
		el("description", "Karachi Stock Exchange closes 400 points up on budget hopes."), el("link", link("description-only-link", 1)))),
		derived("Karachi Stock Exchange closes 400 points up on budget hopes."), 0)
	long := strings.Repeat("The provincial government announced relief for flood-hit districts including ", 3) + "Dadu."
	add("description-only-long", "a long first sentence, cut at a word", ctRSS, rss20("", rssItem(el("description", long))),
		derived("The provincial government announced relief for flood-hit districts including The provincial government announced relief…"), 0)
	add("description-only-html", "a description-only item in HTML", ctRSS, rss20("", rssItem(
		el("description", esc(`<p><a href="/x">Gas supply</a> to industry restored in Faisalabad after a week.</p><p>More later.</p>`)))),
		derived("Gas supply to industry restored in Faisalabad after a week."), 0)
	add("description-only-twins", "the same post twice: stored once, the repeat a duplicate", ctRSS, rss20("",
		rssItem(el("description", "Motorway M-2 closed due to fog between Lahore and Islamabad.")),
		rssItem(el("description", "Motorway M-2 closed due to fog between Lahore and Islamabad.")),
		rssItem(el("description", "Motorway M-9 reopened after the fog cleared near Hyderabad."))),
		derived("Motorway M-2 closed due to fog between Lahore and Islamabad.", "Motorway M-9 reopened after the fog cleared near Hyderabad."), 0)
	add("content-only", "only content:encoded", ctRSS, rss20("", rssItem(
		"<content:encoded><![CDATA[<p>Train services between Quetta and Peshawar resume on Friday.</p>]]></content:encoded>")),
		derived("Train services between Quetta and Peshawar resume on Friday."), 0)
	add("blank-title", "a title of white space and a description", ctRSS, rss20("", rssItem(
		"<title>   </title>", el("description", "Cold wave grips upper parts of the country, Met Office says."))),
		derived("Cold wave grips upper parts of the country, Met Office says."), 0)
	add("markup-only-title", "a title that is only markup, and a description", ctRSS, rss20("", rssItem(
		"<title><![CDATA[<b></b><script>x()</script>]]></title>", el("description", "Wheat prices fall in Multan as the harvest arrives."))),
		derived("Wheat prices fall in Multan as the harvest arrives."), 0)
	add("urdu-description-only", "an Urdu description-only item", ctRSS, rss20("", rssItem(
		el("description", "کراچی میں موسلا دھار بارش کے بعد کئی علاقے زیر آب آگئے۔ امدادی کارروائیاں جاری ہیں۔"))),
		derived("کراچی میں موسلا دھار بارش کے بعد کئی علاقے زیر آب آگئے۔"), 0)
	add("chinese-description-only", "a Chinese description-only item", ctRSS, rss20("", rssItem(
		el("description", "中巴经济走廊瓜达尔港新一批货物顺利启运，标志着港口运营进入新阶段。更多详情稍后发布。"))),
		derived("中巴经济走廊瓜达尔港新一批货物顺利启运，标志着港口运营进入新阶段。"), 0)
	add("title-only", "a title and nothing else", ctRSS, rss20("", rssItem("<title>Title only, no link or guid</title>")),
		wantTitles("Title only, no link or guid"), 0)
	add("empty-item", "an empty item: refused", ctRSS, rss20("", rssItem(""), plainItem("empty-item", 2, "The item beside the empty one")),
		wantTitles("The item beside the empty one"), 1)
	add("link-only", "a link and nothing to show: refused", ctRSS, rss20("", rssItem(el("link", link("link-only", 1))),
		plainItem("link-only", 2, "The item beside the link-only one")), wantTitles("The item beside the link-only one"), 1)
	add("guid-only", "a guid and nothing to show: refused", ctRSS, rss20("", rssItem(`<guid isPermaLink="false">x-1</guid>`)), nil, 1)
	add("enclosure-only", "only an enclosure: refused", ctRSS, rss20("", rssItem(`<enclosure url="https://pod.example/x.mp3" length="1" type="audio/mpeg"/>`)), nil, 1)
	add("mixed-refusals", "three good items and two empty ones", ctRSS, rss20("",
		plainItem("mixed-refusals", 1, "Good item one"), rssItem(""), plainItem("mixed-refusals", 2, "Good item two"),
		rssItem("<pubDate>Mon, 02 Mar 2026 10:15:00 GMT</pubDate>"),
		rssItem(el("description", "A short alert about a road closure in Quetta city."))),
		append(wantTitles("Good item one", "Good item two"), derived("A short alert about a road closure in Quetta city.")...), 2)
	add("atom-no-title", "an Atom entry without a title element", ctAtom, atom10(atomEntry(
		`<link href="`+link("atom-no-title", 1)+`"/>`, "<id>tag:x,2026:nt</id><updated>2026-03-02T07:00:00Z</updated>",
		"<summary>Beijing hosts trilateral talks with Kabul and Islamabad on trade routes.</summary>")),
		derived("Beijing hosts trilateral talks with Kabul and Islamabad on trade routes."), 0)
	add("atom-empty-title", "an Atom entry with an empty title and content", ctAtom, atom10(atomEntry(
		"<title></title>", "<id>tag:x,2026:et</id><updated>2026-03-02T07:00:00Z</updated>",
		`<content type="html">&lt;p&gt;Shanghai port volume rose nine percent in February.&lt;/p&gt;</content>`)),
		derived("Shanghai port volume rose nine percent in February."), 0)
	add("atom-empty-entry", "an Atom entry with only an id: refused", ctAtom, atom10(
		atomEntry("<id>tag:x,2026:empty</id><updated>2026-03-02T07:00:00Z</updated>"),
		plainEntry("atom-empty-entry", 2, "Entry beside the empty one")), wantTitles("Entry beside the empty one"), 1)
	add("json-url-only", "a JSON Feed item with only an id and url: refused", ctJSON, jsonFeed(
		`{"id": "u1", "url": "`+link("json-url-only", 1)+`"}`,
		`{"id": "u2", "url": "`+link("json-url-only", 2)+`", "title": "JSON item beside it"}`), wantTitles("JSON item beside it"), 1)
	return l.cases
}

// entityCases: entities and character references of every kind, in
// titles, text and links.
func entityCases() []confCase {
	const g = "entities"
	var cs []confCase
	add := func(name, about, rawTitle, want string) {
		cs = append(cs, doc(g, name, about, ctRSS, rss20("", rssItem("<title>"+rawTitle+"</title>", el("link", link(name, 1)),
			el("description", rawTitle))), wantTitles(want)))
	}
	add("html-named", "HTML named entities XML does not define", "Caf&eacute; &ndash; na&iuml;ve &hellip; &copy;&nbsp;Dawn", "Café – naïve … © Dawn")
	add("quotes", "curly quotes by name", "&lsquo;Single&rsquo; &ldquo;double&rdquo;", "‘Single’ “double”")
	add("numeric-decimal", "decimal references", "Lahore&#8217;s &#8220;smog&#8221; season", "Lahore’s “smog” season")
	add("numeric-hex", "hexadecimal references", "&#x41;&#x42;&#x43; of &#x2014; budget", "ABC of — budget")
	add("numeric-astral", "a reference outside the BMP", "Cricket fans celebrate &#x1F3CF; win", "Cricket fans celebrate 🏏 win")
	add("numeric-urdu", "Urdu by references", "&#1662;&#1575;&#1705;&#1587;&#1578;&#1575;&#1606; news", "پاکستان news")
	add("double-escaped-amp", "an ampersand escaped twice", "Trade &amp;amp; Power", "Trade & Power")
	add("double-escaped-quote", "a quote escaped twice", "He said &amp;quot;no&amp;quot;", "He said \"no\"")
	add("double-escaped-numeric", "a numeric reference escaped twice", "Prices up 5&amp;#37;", "Prices up 5%")
	add("bare-ampersand", "a bare ampersand", "Q&A with the finance minister & aides", "Q&A with the finance minister & aides")
	add("bare-ampersand-word", "an ampersand before a word", "AT&T and PTCL&co sign deal", "AT&T and PTCL&co sign deal")
	add("undefined-entity", "an entity no one defines", "Unknown &bogus; entity here", "Unknown &bogus; entity here")
	add("illegal-references", "references to characters XML forbids", "Bad&#0; char&#x1; refs&#xFFFE;", "Bad char refs")
	add("control-characters", "raw control characters", "Control\x01 chars\x08 in\x0b title", "Control chars in title")
	add("cdata-title", "a CDATA title with an escaped ampersand inside", "<![CDATA[Rupee &amp; dollar]]>", "Rupee & dollar")
	add("cdata-markup", "a CDATA title with markup", "<![CDATA[<em>Breaking</em>: floods in Swat]]>", "Breaking: floods in Swat")
	add("less-than", "a less-than sign that is not markup", "Inflation &lt; 5% for the first time", "Inflation < 5% for the first time")
	add("nbsp-runs", "runs of no-break spaces", "Wide&nbsp;&nbsp;&nbsp;gap", "Wide gap")

	cs = append(cs, doc(g, "entity-in-link", "an escaped ampersand in a link", ctRSS, rss20("", rssItem(
		"<title>Link with a query</title>", "<link>https://news.example.pk/entity-in-link?id=7&amp;page=2</link>")),
		wantTitles("Link with a query")))
	cs = append(cs, doc(g, "doctype-entities", "entities defined in the DOCTYPE's internal subset", ctRSS, `<?xml version="1.0"?>
<!DOCTYPE rss [<!ENTITY brand "Dawn News"><!ENTITY ndash "&#8211;">]>
<rss version="2.0"><channel><title>T</title><link>https://example.com/</link>
<item><title>Story &ndash; from &brand;</title><link>`+link("doctype-entities", 1)+`</link></item></channel></rss>
`, wantTitles("Story – from &brand;")))
	cs = append(cs, doc(g, "billion-laughs", "an entity expansion bomb", ctRSS, `<?xml version="1.0"?>
<!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;"><!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">]>
<rss version="2.0"><channel><title>T</title><link>https://example.com/</link>
<item><title>Laughs &lol3;</title><link>`+link("billion-laughs", 1)+`</link></item></channel></rss>
`, wantTitles("Laughs &lol3;")))
	cs = append(cs, doc(g, "external-entity", "an external entity naming a local file", ctRSS, `<?xml version="1.0"?>
<!DOCTYPE rss [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>
<rss version="2.0"><channel><title>T</title><link>https://example.com/</link>
<item><title>External &xxe;</title><link>`+link("external-entity", 1)+`</link></item></channel></rss>
`, wantTitles("External &xxe;")))
	cs = append(cs, doc(g, "atom-text-escaped", "an Atom text title holding escaped markup", ctAtom, atom10(atomEntry(
		`<title type="text">Use &lt;b&gt;bold&lt;/b&gt; sparingly</title>`, `<link href="`+link("atom-text-escaped", 1)+`"/>`,
		"<id>tag:x,2026:ate</id><updated>2026-03-02T07:00:00Z</updated>")), wantTitles("Use bold sparingly")))
	cs = append(cs, doc(g, "atom-html-entities", "an Atom html title with entities escaped in it", ctAtom, atom10(atomEntry(
		`<title type="html">Fish &amp;amp; chips &amp;mdash; cheaper</title>`, `<link href="`+link("atom-html-entities", 1)+`"/>`,
		"<id>tag:x,2026:ahe</id><updated>2026-03-02T07:00:00Z</updated>")), wantTitles("Fish & chips — cheaper")))
	cs = append(cs, doc(g, "json-escapes", "JSON string escapes", ctJSON, jsonFeed(
		`{"id": "j1", "url": "`+link("json-escapes", 1)+`", "title": "Tab\there \u00e9t\u00e9 \"quoted\" \u0026amp; more"}`),
		wantTitles("Tab here été \"quoted\" & more")))
	return cs
}
