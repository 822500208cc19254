package main

import (
	"strings"
)

// payload is hostile markup and the text a sanitizing reader shows of it.
type payload struct {
	name, html, text string
}

var payloads = []payload{
	{"script", `<script>alert(1)</script>`, ""},
	{"img-onerror", `<img src=x onerror=alert(1)>`, ""},
	{"img-onerror-quoted", `<img src="x" alt="" onerror="alert(1)"/>`, ""},
	{"a-javascript", `<a href="javascript:alert(1)">click</a>`, "click"},
	{"a-data", `<a href="data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==">open</a>`, "open"},
	{"a-vbscript", `<a href="vbscript:msgbox(1)">vb</a>`, "vb"},
	{"a-tab-in-scheme", `<a href="jav&#x09;ascript:alert(1)">tab</a>`, "tab"},
	{"a-mixed-case", `<a href=" JaVaScRiPt:alert(1)">case</a>`, "case"},
	{"a-entity-scheme", `<a href="&#106;avascript:alert(1)">ent</a>`, "ent"},
	{"svg-onload", `<svg onload=alert(1)><circle r="1"/></svg>`, ""},
	{"svg-script", `<svg><script>alert(1)</script></svg>`, ""},
	{"svg-xlink", `<svg><a xlink:href="javascript:alert(1)"><text x="0" y="10">svg link</text></a></svg>`, ""},
	{"math-script", `<math><mtext><script>alert(1)</script></mtext></math>`, ""},
	{"css-expression", `<div style="width: expression(alert(1))">styled</div>`, "styled"},
	{"css-url", `<p style="background:url('javascript:alert(1)')">bg</p>`, "bg"},
	{"style-element", `<style>body{background:url(javascript:alert(1))}</style>`, ""},
	{"srcset", `<img srcset="javascript:alert(1) 1x, https://example.com/a.jpg 2x" src="https://example.com/a.jpg">`, ""},
	{"iframe", `<iframe src="javascript:alert(1)"></iframe>`, ""},
	{"object-embed", `<object data="https://evil.example/x.swf"></object><embed src="https://evil.example/x.swf">`, ""},
	{"form", `<form action="javascript:alert(1)"><input type="submit" value="go"></form>`, ""},
	{"base", `<base href="javascript:alert(1)//">`, ""},
	{"meta-refresh", `<meta http-equiv="refresh" content="0;url=javascript:alert(1)">`, ""},
	{"link-stylesheet", `<link rel="stylesheet" href="javascript:alert(1)">`, ""},
	{"video-poster", `<video poster="javascript:alert(1)"><source src="javascript:alert(1)"></video>`, ""},
	{"data-image-svg", `<img src="data:image/svg+xml;base64,PHN2ZyBvbmxvYWQ9YWxlcnQoMSk+">`, ""},
	{"details-ontoggle", `<details open ontoggle=alert(1)><summary>more</summary></details>`, "more"},
	{"body-onload", `<body onload=alert(1)>text</body>`, "text"},
	{"template", `<template><script>alert(1)</script></template>`, ""},
	{"nested-script", `<scr<script>ipt>alert(1)</script>`, "ipt>alert(1)"},
}

// sanitizerCases puts every payload in every field of an item, once as
// markup and once escaped a second time, in RSS 2.0, Atom, JSON Feed and
// RSS 1.0.
func sanitizerCases() []confCase {
	const g = "sanitizer"
	var cs []confCase
	for _, p := range payloads {
		with := func(suffix string) string { return strings.TrimSpace(p.text + " " + suffix) }
		name := "rss-" + p.name
		cs = append(cs, doc(g, name, "RSS 2.0: "+p.html+" in every field", ctRSS, rss20("",
			rssItem(el("title", esc(p.html+" Title with markup")), el("link", link(name, 1)),
				el("description", esc(p.html+"<p>Body text.</p>")),
				"<content:encoded><![CDATA["+p.html+"<p>Full text.</p>]]></content:encoded>",
				el("dc:creator", esc(p.html+" Staff")), el("category", esc(p.html+" News")),
				`<media:content url="javascript:alert(1)" medium="image"/>`),
			rssItem(el("title", esc(esc(p.html)+" Doubly escaped")), el("link", link(name, 2)),
				el("description", esc(esc(p.html)+" body")), el("author", esc(esc(p.html)+" Desk"))),
			rssItem("<title>Hostile link</title>", "<link>javascript:alert(1)</link>", `<enclosure url="javascript:alert(1)" length="1" type="image/jpeg"/>`)),
			wantTitles(with("Title with markup"), with("Doubly escaped"), "Hostile link")))

		name = "atom-" + p.name
		cs = append(cs, doc(g, name, "Atom 1.0: "+p.html+" in every field", ctAtom, atom10(
			atomEntry(`<title type="html">`+esc(p.html+" Title with markup")+`</title>`, `<link href="`+link(name, 1)+`"/>`,
				"<id>tag:x,2026:"+name+"-1</id><updated>2026-03-02T07:00:00Z</updated>",
				`<summary type="html">`+esc(p.html+" summary")+`</summary>`,
				`<content type="html">`+esc(p.html+"<p>Full text.</p>")+`</content>`,
				"<author><name>"+esc(p.html+" Staff")+"</name></author>", `<category term="`+esc(p.html)+`" label="`+esc(p.html)+`"/>`),
			atomEntry(`<title type="text">`+esc(p.html+" Text title")+`</title>`, `<link href="`+link(name, 2)+`"/>`,
				"<id>tag:x,2026:"+name+"-2</id><updated>2026-03-02T07:00:00Z</updated>",
				`<content type="text">`+esc(p.html+" text content")+`</content>`),
			atomEntry(`<title type="html">`+esc(esc(p.html)+" Doubly escaped")+`</title>`, `<link href="`+link(name, 3)+`"/>`,
				"<id>tag:x,2026:"+name+"-3</id><updated>2026-03-02T07:00:00Z</updated>",
				`<content type="html">`+esc(esc(p.html)+" body")+`</content>`)),
			wantTitles(with("Title with markup"), with("Text title"), with("Doubly escaped"))))

		name = "json-" + p.name
		cs = append(cs, doc(g, name, "JSON Feed: "+p.html+" in every field", ctJSON, jsonFeed(
			`{"id": "`+name+`-1", "url": "`+link(name, 1)+`", "title": `+jstr(p.html+" Title with markup")+
				`, "content_html": `+jstr(p.html+"<p>Full text.</p>")+`, "summary": `+jstr(p.html)+
				`, "authors": [{"name": `+jstr(p.html+" Staff")+`, "url": "javascript:alert(1)"}], "tags": [`+jstr(p.html)+`]`+
				`, "image": "javascript:alert(1)"}`,
			`{"id": "`+name+`-2", "url": "`+link(name, 2)+`", "title": `+jstr(esc(p.html)+" Doubly escaped")+
				`, "content_text": `+jstr(p.html+" as text")+`}`),
			wantTitles(with("Title with markup"), with("Doubly escaped"))))

		name = "rdf-" + p.name
		cs = append(cs, doc(g, name, "RSS 1.0: "+p.html+" in every field", ctRDF, rdf(
			rdfItem(link(name, 1), el("title", esc(p.html+" Title with markup")), el("link", link(name, 1)),
				el("description", esc(p.html+"<p>Body.</p>")), el("dc:creator", esc(p.html+" Staff")), el("dc:subject", esc(p.html)),
				"<content:encoded><![CDATA["+p.html+"<p>Full.</p>]]></content:encoded>")),
			wantTitles(with("Title with markup"))))
	}
	return cs
}
