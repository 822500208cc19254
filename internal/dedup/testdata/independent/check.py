#!/usr/bin/env python3
"""Validate pairs.jsonl and print its composition (markdown).

Usage: python3 check.py [pairs.jsonl]
Exit status 1 on any schema error. Word counts: Han characters / 1.5 plus \\w+ runs in the rest.
"""
import json
import os
import re
import sys
from collections import Counter

KINDS = {
    "short": True, "rewrite": True, "syndication": True, "update": True,
    "different-event": False, "different-event-short": False, "same-frame": False, "unrelated": False,
}
HAN = re.compile(r"[\u4e00-\u9fff]")
ARABIC = re.compile(r"[\u0600-\u06ff]")
SHORT_MAX, LONG_MIN = 80, 300


def words(text):
    return len(HAN.findall(text)) / 1.5 + len(re.findall(r"\w+", HAN.sub(" ", text)))


def lang(side):
    t = side["title"] + " " + side["text"]
    han, ar = len(HAN.findall(t)), len(ARABIC.findall(t))
    if han > 10:
        return "zh"
    if ar > 10:
        return "ur"
    return "en"


def main(path):
    errors = []
    rows = []
    seen = {}  # id -> (title, text, source): one id names one item
    with open(path, encoding="utf-8") as f:
        for n, line in enumerate(f, 1):
            where = f"{path}:{n}"
            try:
                p = json.loads(line)
            except json.JSONDecodeError as e:
                errors.append(f"{where}: not JSON: {e}")
                continue
            if set(p) != {"a", "b", "same", "kind"}:
                errors.append(f"{where}: keys {sorted(p)}, want a, b, same, kind")
                continue
            if p["kind"] not in KINDS:
                errors.append(f"{where}: kind {p['kind']!r} not one of {sorted(KINDS)}")
                continue
            if not isinstance(p["same"], bool) or p["same"] != KINDS[p["kind"]]:
                errors.append(f"{where}: same={p['same']!r} does not fit kind {p['kind']}")
            for s in ("a", "b"):
                side = p[s]
                if not isinstance(side, dict) or set(side) != {"title", "text", "source", "id"}:
                    errors.append(f"{where}: side {s} must have exactly title, text, source, id")
                    break
                for k in ("title", "text", "source", "id"):
                    if not isinstance(side[k], str):
                        errors.append(f"{where}: {s}.{k} is not a string")
                if not side["title"].strip():
                    errors.append(f"{where}: {s}.title is empty")
                if not side["source"].strip() or "/" not in side["id"]:
                    errors.append(f"{where}: {s}.source empty or {s}.id not 'event/version'")
                key = (side["title"], side["text"], side["source"])
                if seen.setdefault(side["id"], key) != key:
                    errors.append(f"{where}: {s}.id {side['id']} names two different items")
            else:
                if p["a"]["source"] == p["b"]["source"]:
                    errors.append(f"{where}: both sides from outlet {p['a']['source']}")
                if p["a"]["id"] == p["b"]["id"] and p["a"]["text"] == p["b"]["text"]:
                    errors.append(f"{where}: the two sides are identical")
                la, lb = lang(p["a"]), lang(p["b"])
                if la != lb:
                    errors.append(f"{where}: sides in two languages ({la}, {lb})")
                wa, wb = words(p["a"]["text"]), words(p["b"]["text"])
                sl = min(wa, wb) <= SHORT_MAX and max(wa, wb) >= LONG_MIN
                rows.append((p["kind"], p["same"], la, sl))
    if errors:
        print("\n".join(errors[:50]))
        print(f"{len(errors)} errors")
        return 1
    total = len(rows)
    c = Counter((k, s, l) for k, s, l, _ in rows)
    print(f"pairs: {total}  same: {sum(1 for r in rows if r[1])} ({100 * sum(1 for r in rows if r[1]) / total:.1f}%)  "
          f"short-vs-long (one side <= {SHORT_MAX} words, other >= {LONG_MIN}): {sum(1 for r in rows if r[3])} "
          f"({100 * sum(1 for r in rows if r[3]) / total:.1f}%)\n")
    print("| kind | same | en | ur | zh | total | of which short-vs-long |")
    print("|---|---|---:|---:|---:|---:|---:|")
    for k, s in KINDS.items():
        n = [c[(k, s, l)] for l in ("en", "ur", "zh")]
        svl = sum(1 for r in rows if r[0] == k and r[3])
        print(f"| {k} | {str(s).lower()} | {n[0]} | {n[1]} | {n[2]} | {sum(n)} | {svl} |")
    per = Counter(l for _, _, l, _ in rows)
    same_l = Counter(l for _, s, l, _ in rows if s)
    svl_l = Counter(l for _, _, l, x in rows if x)
    print(f"| **all** | | {per['en']} | {per['ur']} | {per['zh']} | {total} | {sum(svl_l.values())} |")
    print(f"| of which same | | {same_l['en']} | {same_l['ur']} | {same_l['zh']} | {sum(same_l.values())} | |")
    print(f"| of which short-vs-long | | {svl_l['en']} | {svl_l['ur']} | {svl_l['zh']} | {sum(svl_l.values())} | |")
    svl_same = sum(1 for r in rows if r[3] and r[1])
    print(f"\nshort-vs-long pairs: {svl_same} same, {sum(svl_l.values()) - svl_same} different")
    return 0


if __name__ == "__main__":
    here = os.path.dirname(os.path.abspath(__file__))
    sys.exit(main(sys.argv[1] if len(sys.argv) > 1 else os.path.join(here, "pairs.jsonl")))
