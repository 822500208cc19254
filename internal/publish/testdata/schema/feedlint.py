#!/usr/bin/env python3
"""Checks of RSS 2.0, Atom 1.0 and JSON Feed 1.1 documents that a grammar
cannot make, after the W3C Feed Validator's rules (validator.w3.org/feed):

- HTML carried in the feed (RSS description and content:encoded, Atom text
  constructs and content of type "html", JSON Feed content_html) uses only
  safe elements and attributes: no script, style, iframe, object, embed,
  form..., no on* handlers, no javascript:/vbscript:/data: URLs, no
  dangerous CSS; links and images are absolute http(s) URLs (relative ones
  only under an xml:base), as readers show them outside the article's page.
- ids (guid, atom:id, JSON id) are unique within the feed.
- dates parse, carry the right day name and are plausible (not before 1990,
  not in the future), as the W3C validator warns otherwise.
- Atom: at most one alternate link per type and hreflang; atom:source has
  the id, title and updated the validator requires of it.
- the self link (atom:link rel=self, JSON feed_url) is absolute and, with
  --self URL, is that URL.

    feedlint.py [--self URL] FILE

Prints one line per problem and exits 1 when there is any. Python 3 standard
library only.
"""

import datetime
import email.utils
import html.parser
import json
import re
import sys
import urllib.parse
import xml.etree.ElementTree as ET

ATOM = "{http://www.w3.org/2005/Atom}"
CONTENT = "{http://purl.org/rss/1.0/modules/content/}"
XML_BASE = "{http://www.w3.org/XML/1998/namespace}base"

SAFE_ELEMENTS = set("""
a abbr acronym address article aside audio b bdi bdo big blockquote br caption
center cite code col colgroup data dd del details dfn div dl dt em figcaption
figure font footer h1 h2 h3 h4 h5 h6 header hgroup hr i img ins kbd li main mark
nav ol p picture pre q rp rt ruby s samp section small source span strike strong
sub summary sup table tbody td tfoot th thead time tr track tt u ul var video wbr
""".split())

SAFE_ATTRIBUTES = set("""
abbr align alt autoplay border cellpadding cellspacing cite class colspan controls
datetime decoding dir headers height href hreflang id lang loading loop media muted
name nowrap playsinline poster preload referrerpolicy rel reversed rowspan scope
sizes span src srcset start style summary target title type valign value width
""".split())

URL_ATTRIBUTES = {"href", "src", "cite", "poster", "longdesc", "background"}

EARLIEST = datetime.datetime(1990, 1, 1, tzinfo=datetime.timezone.utc)
SLACK = datetime.timedelta(minutes=10)

RFC3339 = re.compile(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?(Z|[+-]\d\d:\d\d)$")


class Problems:
    def __init__(self, name):
        self.name = name
        self.lines = []

    def add(self, where, message):
        self.lines.append(f"{self.name}: {where}: {message}")


def absolute_web_url(u):
    p = urllib.parse.urlsplit(u.strip())
    return p.scheme in ("http", "https") and bool(p.netloc)


class HTMLCheck(html.parser.HTMLParser):
    """Reports unsafe elements, attributes and URLs in an HTML fragment."""

    def __init__(self, report, base):
        super().__init__(convert_charrefs=True)
        self.report = report
        self.base = base

    def handle_starttag(self, tag, attrs):
        if tag not in SAFE_ELEMENTS:
            self.report(f"unsafe element <{tag}>")
        for name, value in attrs:
            value = value or ""
            if name.startswith("on"):
                self.report(f"event handler {name} on <{tag}>")
            elif name == "style":
                if re.search(r"expression|url\s*\(|javascript:|behavior|@import", value, re.I):
                    self.report(f"dangerous CSS in <{tag} style>: {value!r}")
            elif name not in SAFE_ATTRIBUTES and not name.startswith("data-"):
                self.report(f"unsafe attribute {name} on <{tag}>")
            if name in URL_ATTRIBUTES:
                self.check_url(tag, name, value)
            elif name == "srcset":
                for candidate in value.split(","):
                    if candidate.strip():
                        self.check_url(tag, name, candidate.split()[0])

    handle_startendtag = handle_starttag

    def check_url(self, tag, attr, value):
        scheme = urllib.parse.urlsplit(value.strip()).scheme.lower()
        if scheme in ("javascript", "vbscript", "data"):
            self.report(f"{scheme}: URL in <{tag} {attr}>")
        elif attr == "href" and scheme == "mailto":
            return
        elif self.base is None and not absolute_web_url(value):
            self.report(f"relative or non-web URL in <{tag} {attr}={value!r}> (no xml:base)")


def check_html(p, where, fragment, base=None):
    if fragment:
        c = HTMLCheck(lambda m: p.add(where, m), base)
        c.feed(fragment)
        c.close()


def check_date(p, where, when):
    if when < EARLIEST:
        p.add(where, f"implausible date {when.isoformat()} (before 1990)")
    if when > datetime.datetime.now(datetime.timezone.utc) + SLACK:
        p.add(where, f"implausible date {when.isoformat()} (in the future)")


def check_rfc3339(p, where, value):
    if not RFC3339.match(value or ""):
        p.add(where, f"{value!r} is not an RFC 3339 date-time")
        return
    check_date(p, where, datetime.datetime.fromisoformat(value.replace("Z", "+00:00")))


def check_rfc822(p, where, value):
    try:
        when = email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError):
        p.add(where, f"{value!r} is not an RFC 822 date")
        return
    if "," in value and when.strftime("%a") != value.strip()[:3]:
        p.add(where, f"{value!r} names the wrong day of the week")
    check_date(p, where, when)


def check_unique(p, kind, values):
    seen = set()
    for v in values:
        if v in seen:
            p.add(kind, f"duplicate {v!r}")
        seen.add(v)


def check_self(p, where, href, want):
    if href is None:
        p.add(where, "no self link")
    elif not absolute_web_url(href):
        p.add(where, f"self link {href!r} is not an absolute URL")
    elif want and href != want:
        p.add(where, f"self link {href!r}, want {want!r}")


def lint_rss(p, root, want_self):
    channel = root.find("channel")
    if channel is None:
        p.add("rss", "no channel")
        return
    selfs = [l.get("href") for l in channel.findall(ATOM + "link") if l.get("rel") == "self"]
    check_self(p, "channel atom:link", selfs[0] if selfs else None, want_self)
    for name in ("pubDate", "lastBuildDate"):
        for d in channel.findall(name):
            check_rfc822(p, f"channel {name}", d.text or "")
    items = channel.findall("item")
    check_unique(p, "guid", [(g.text or "").strip() for it in items for g in it.findall("guid")])
    for i, it in enumerate(items, 1):
        where = f"item {i}"
        for d in it.findall("pubDate"):
            check_rfc822(p, where + " pubDate", d.text or "")
        for d in it.findall("description"):
            check_html(p, where + " description", d.text)
        for c in it.findall(CONTENT + "encoded"):
            check_html(p, where + " content:encoded", c.text)


def xml_base(elem, parents):
    e = elem
    while e is not None:
        if e.get(XML_BASE):
            return e.get(XML_BASE)
        e = parents.get(e)
    return None


def lint_atom(p, root, want_self):
    parents = {c: e for e in root.iter() for c in e}
    selfs = [l.get("href") for l in root.findall(ATOM + "link") if l.get("rel") == "self"]
    check_self(p, "feed link", selfs[0] if selfs else None, want_self)
    entries = root.findall(ATOM + "entry")
    check_unique(p, "entry id", [(e.findtext(ATOM + "id") or "").strip() for e in entries])
    for elem in root.iter():
        if elem.tag in (ATOM + "updated", ATOM + "published"):
            check_rfc3339(p, elem.tag[len(ATOM):], (elem.text or "").strip())
        if elem.tag in (ATOM + n for n in ("title", "subtitle", "rights", "summary", "content")):
            if elem.get("type") == "html":
                check_html(p, elem.tag[len(ATOM):], elem.text, xml_base(elem, parents))
    for i, e in enumerate(entries, 1):
        where = f"entry {i}"
        seen = set()
        for l in e.findall(ATOM + "link"):
            if l.get("rel", "alternate") != "alternate":
                continue
            key = (l.get("type"), l.get("hreflang"))
            if key in seen:
                p.add(where, f"two alternate links with type={key[0]} hreflang={key[1]}")
            seen.add(key)
        for s in e.findall(ATOM + "source"):
            for name in ("id", "title", "updated"):
                if s.find(ATOM + name) is None:
                    p.add(where + " source", f"no {name} (the W3C validator requires it)")


def lint_json(p, doc, want_self):
    check_self(p, "feed_url", doc.get("feed_url"), want_self)
    items = doc.get("items", [])
    check_unique(p, "item id", [it.get("id") for it in items])
    for i, it in enumerate(items, 1):
        where = f"item {i}"
        if not isinstance(it.get("id"), str) or not it["id"]:
            p.add(where, "id is not a non-empty string")
        for name in ("date_published", "date_modified"):
            if name in it:
                check_rfc3339(p, f"{where} {name}", it[name])
        if "authors" in it and not isinstance(it["authors"], list):
            p.add(where, "authors is not an array")
        for name in ("url", "image", "banner_image"):
            if name in it and not absolute_web_url(it[name]):
                p.add(where, f"{name} {it[name]!r} is not an absolute web URL")
        check_html(p, where + " content_html", it.get("content_html"))


def main(argv):
    want_self = None
    if len(argv) >= 2 and argv[0] == "--self":
        want_self, argv = argv[1], argv[2:]
    if len(argv) != 1:
        print("usage: feedlint.py [--self URL] FILE", file=sys.stderr)
        return 2
    name = argv[0]
    p = Problems(name)
    with open(name, "rb") as f:
        data = f.read()
    if data.lstrip().startswith(b"{"):
        try:
            doc = json.loads(data)
        except ValueError as err:
            print(f"{name}: not JSON: {err}")
            return 1
        lint_json(p, doc, want_self)
    else:
        try:
            root = ET.fromstring(data)
        except ET.ParseError as err:
            print(f"{name}: not well-formed XML: {err}")
            return 1
        if root.tag == "rss":
            lint_rss(p, root, want_self)
        elif root.tag == ATOM + "feed":
            lint_atom(p, root, want_self)
        else:
            p.add("root", f"unknown document element {root.tag}")
    for line in p.lines:
        print(line)
    return 1 if p.lines else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
