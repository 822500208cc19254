#!/usr/bin/env python3
"""Fixture origin for scripts/bench-ingest: many outlets on many loopback hosts.

    bench-ingest-origin.py config --sources N --hosts H --port P --db PATH --listen ADDR > config.yaml
    bench-ingest-origin.py serve  --sources N --hosts H --port P

Source i lives on host 127.0.0.(2 + i % H) and answers at /feed/i.xml with a
deterministic RSS 2.0 document of 30 items: outlet-only stories, and wire
stories shared across outlets with reworded headlines and tracking
parameters in the links (some pointing at the agency's own URL, some at the
outlet's copy). Every feed carries an ETag and Last-Modified and answers a
matching If-None-Match / If-Modified-Since with 304. Every 97th feed is slow
(SLOW seconds), every 101st answers 500, every 103rd 404. With --drift S,
every 10th feed gains a new item every S seconds (a later cycle has work).
Python standard library only.
"""
import argparse
import hashlib
import random
import sys
import threading
import time
from email.utils import formatdate, parsedate_to_datetime
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

ITEMS = 30
WIRE_POOL = 400
EPOCH = int(time.time()) // 3600 * 3600  # the fixture's "now", fixed while it runs

PLACES = ("Gwadar Karachi Lahore Quetta Peshawar Islamabad Beijing Kashgar Delhi Mumbai "
          "Kabul Rawalpindi Multan Hyderabad Shanghai Urumqi Sukkur Gilgit").split()
SUBJECTS = [
    "CPEC projects review", "IMF tranche talks", "power tariff hike", "militant attack on convoy",
    "budget deficit target", "Chinese engineers security", "LNG cargo delay", "rupee slides",
    "foreign minister visit", "wheat harvest estimate", "cotton exports", "circular debt plan",
    "Karakoram Highway closure", "solar import rules", "SCO summit agenda", "drone strike report",
    "stock exchange rally", "inflation reading", "hydropower dam finance", "monsoon flood warning",
]
VERBS = ["says", "announces", "confirms", "warns over", "backs", "rejects", "reviews", "delays"]
FILLER = ("officials said on the record that the provincial government and federal ministries would "
          "meet again next week to finalise details while analysts expected markets and investors "
          "to react cautiously amid continuing uncertainty over financing schedules and security "
          "arrangements for foreign nationals working on infrastructure sites across the region").split()
TRACKING = ["utm_source=rss&utm_medium=feed", "utm_campaign=wire&fbclid=abc123", "gclid=xyz&utm_source=twitter", ""]


def host_of(i, hosts):
    return f"127.0.0.{2 + i % hosts}"


def paragraph(rng, n):
    return " ".join(rng.choice(FILLER) for _ in range(n))


def wire_story(w):
    rng = random.Random(w * 7919)
    subject = SUBJECTS[w % len(SUBJECTS)]
    place = PLACES[(w // len(SUBJECTS)) % len(PLACES)]
    who = rng.choice(["Ministry", "Officials", "Government", "Police", "Company", "Analysts"])
    verb = rng.choice(VERBS)
    return {
        "headline": f"{who} {verb} {subject} in {place} ({w})",
        "body": f"{place}: {subject}. " + paragraph(rng, 90),
        "url": f"https://wire.example.org/{w // 50}/story-{w}",
    }


def reword(headline, outlet):
    variants = [
        lambda h: h,
        lambda h: h.upper()[:1] + h[1:] + " - report",
        lambda h: "UPDATE: " + h,
        lambda h: h.replace(" in ", ", ", 1),
        lambda h: h + " | Outlet " + str(outlet),
    ]
    return variants[outlet % len(variants)](headline)


def drift_count(i, drift):
    if drift <= 0 or i % 10 != 0:
        return 0
    return int((time.time() - START) // drift)


def document(i, hosts, drift):
    """The feed of source i: (bytes, etag, last-modified)."""
    rng = random.Random(i)
    host = host_of(i, hosts)
    extra = drift_count(i, drift)
    items = []
    for k in range(extra):
        n = 1000 + k
        items.append((EPOCH + 60 * (k + 1), f"Outlet {i} late update {n}",
                      f"https://{host}/news/{i}/late-{n}", f"late-{i}-{n}", paragraph(random.Random(n), 60), ["Breaking"]))
    wires = rng.sample(range(WIRE_POOL), 8)
    for j in range(ITEMS - len(items)):
        ts = EPOCH - (j * 1800 + i * 7) % (72 * 3600)
        if j < len(wires):
            w = wire_story(wires[j])
            title = reword(w["headline"], i)
            q = TRACKING[(i + j) % len(TRACKING)]
            if (i + j) % 3 == 0:  # the agency's own URL, dressed in tracking parameters
                link = w["url"] + ("?" + q if q else "") + "#top"
            else:  # the outlet's copy of the wire story
                link = f"https://{host}/news/{i}/wire-{wires[j]}" + ("?" + q if q else "")
            items.append((ts, title, link, f"o{i}-w{wires[j]}", w["body"], ["Wire", "Pakistan"]))
        else:
            subject = SUBJECTS[(i + j) % len(SUBJECTS)]
            place = PLACES[(i * 3 + j) % len(PLACES)]
            title = f"{place} {subject}: outlet {i} exclusive {j}"
            body = f"{subject} in {place}. " + paragraph(rng, 80)
            items.append((ts, title, f"https://{host}/news/{i}/{j}?utm_source=rss", f"o{i}-{j}", body, ["Local"]))
    items = items[:ITEMS]
    newest = max(ts for ts, *_ in items)
    parts = []
    for ts, title, link, guid, body, cats in items:
        cat = "".join(f"<category>{c}</category>" for c in cats)
        parts.append(
            f"<item><title>{esc(title)}</title><link>{esc(link)}</link>"
            f"<guid isPermaLink=\"false\">{guid}</guid><pubDate>{formatdate(ts, usegmt=True)}</pubDate>{cat}"
            f"<description>{esc(body[:280])}</description>"
            f"<content:encoded><![CDATA[<p>{body}</p><p>{body}</p><p><a href=\"/related\">Related</a></p>]]></content:encoded>"
            f"</item>\n")
    doc = (f'<?xml version="1.0" encoding="UTF-8"?>\n'
           f'<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"><channel>\n'
           f"<title>Outlet {i}</title><link>https://{host}/</link><description>Bench outlet {i}</description>\n"
           f"<lastBuildDate>{formatdate(newest, usegmt=True)}</lastBuildDate>\n"
           + "".join(parts) + "</channel></rss>\n").encode()
    etag = '"' + hashlib.sha1(doc).hexdigest()[:16] + '"'
    return doc, etag, formatdate(newest, usegmt=True)


def esc(s):
    return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


class Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"

    def log_message(self, *args):
        pass

    def do_GET(self):
        a = self.server.args
        path = self.path.split("?")[0]
        if not (path.startswith("/feed/") and path.endswith(".xml")):
            return self.reply(404, b"not found\n")
        try:
            i = int(path[len("/feed/"):-len(".xml")])
        except ValueError:
            return self.reply(404, b"not found\n")
        if i < 0 or i >= a.sources or host_of(i, a.hosts) != self.headers.get("Host", "").split(":")[0]:
            return self.reply(404, b"not found\n")
        if i % 101 == 100:
            return self.reply(500, b"upstream exploded\n")
        if i % 103 == 102:
            return self.reply(404, b"feed moved away\n")
        if i % 97 == 96:
            time.sleep(a.slow)
        key = (i, drift_count(i, a.drift))
        cached = CACHE.get(key)
        if cached is None:
            cached = CACHE[key] = document(i, a.hosts, a.drift)
        doc, etag, lastmod = cached
        inm = self.headers.get("If-None-Match")
        ims = self.headers.get("If-Modified-Since")
        fresh = False
        if inm is not None:
            fresh = etag in [t.strip() for t in inm.split(",")]
        elif ims:
            try:
                fresh = parsedate_to_datetime(ims) >= parsedate_to_datetime(lastmod)
            except (TypeError, ValueError):
                fresh = False
        headers = {"ETag": etag, "Last-Modified": lastmod}
        if fresh:
            return self.reply(304, b"", headers)
        headers["Content-Type"] = "application/rss+xml; charset=utf-8"
        self.reply(200, doc, headers)

    def reply(self, code, body, headers=None):
        self.send_response(code)
        for k, v in (headers or {}).items():
            self.send_header(k, v)
        if code != 304:
            self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        if code != 304:
            self.wfile.write(body)


class Server(ThreadingHTTPServer):
    daemon_threads = True
    request_queue_size = 1024


def config(a):
    out = sys.stdout
    out.write(f"""server:
  listen: "{a.listen}"
  base_url: "http://{a.listen}"
storage:
  path: "{a.db}"
  retention: 0s
fetch:
  schedule: "{a.schedule}"
  timeout: 20s
  concurrency: {a.concurrency}
  per_host: {a.per_host}
  allow_private: true
dedup:
  near_duplicates: true
  window: 72h
log:
  level: warn
topics:
  - id: cpec
    title: CPEC
    keywords: ["CPEC", "Gwadar", "Karakoram Highway", "Chinese engineers"]
  - id: security
    title: Security
    keywords: ["militant*", "attack", "drone strike*", "security arrangements"]
  - id: economy
    title: Economy
    keywords: ["IMF", "budget", "rupee", "inflation", "exports", "stock exchange", "circular debt"]
  - id: energy
    title: Energy
    keywords: ["power tariff", "LNG", "solar", "hydropower", "circular debt"]
  - id: diplomacy
    title: Diplomacy
    keywords: ["foreign minister", "SCO", "summit"]
feeds:
  - id: cpec-security
    title: CPEC security
    topics: [cpec, security]
    match: all
  - id: money
    title: Money
    topics: [economy, energy]
  - id: gwadar-hosts
    title: A few outlets
    topics: [cpec, economy]
    sources: [outlet-0, outlet-1, outlet-2]
sources:
""")
    for i in range(a.sources):
        out.write(f"""  - id: outlet-{i}
    title: Outlet {i}
    url: "http://{host_of(i, a.hosts)}:{a.port}/feed/{i}.xml"
    region: {("pakistan", "china", "india")[i % 3]}
    language: en
""")


def main():
    p = argparse.ArgumentParser()
    p.add_argument("mode", choices=["config", "serve"])
    p.add_argument("--sources", type=int, default=2000)
    p.add_argument("--hosts", type=int, default=200)
    p.add_argument("--port", type=int, required=True)
    p.add_argument("--slow", type=float, default=3.0)
    p.add_argument("--drift", type=float, default=0)
    p.add_argument("--db", default="bench.db")
    p.add_argument("--listen", default="127.0.0.1:8080")
    p.add_argument("--schedule", default="@every 1m")
    p.add_argument("--concurrency", type=int, default=8)
    p.add_argument("--per-host", type=int, default=2)
    a = p.parse_args()
    if a.hosts < 1 or a.hosts > 250:
        p.error("--hosts must be 1..250 (127.0.0.2 .. 127.0.0.251)")
    if a.mode == "config":
        return config(a)
    srv = Server(("0.0.0.0", a.port), Handler)
    srv.args = a
    srv.serve_forever()


START = time.time()
CACHE = {}  # (source, drift step) -> document: the origin must not be the bottleneck
if __name__ == "__main__":
    main()
