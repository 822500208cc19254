#!/usr/bin/env python3
"""Builds pairs.jsonl, the labelled near-duplicate set, from the story pool
in stories_*.py. Run from this directory: python3 make_pairs.py

Every version of one event pairs with every other (same=true); every version
of an event pairs with every version of the other events of its family, the
same subject on another day or in another place (same=false); a seeded
sample of cross-family pairs adds easy negatives. Updates (a death toll
rising, later figures) are labelled the same story: readers follow one
story as it develops.
"""
import itertools, json, random, re
from stories_c import EVENTS

def restyle_dateline(p):
    # "QUETTA, Nov 14 (APP): The..." -> "QUETTA: The..." as outlets re-run it.
    return re.sub(r"^([A-Z][A-Za-z ,]+?), [A-Z][a-z]+\.? \d+ \(\w+\)\s*(?::|-+)?\s*", r"\1: ", p)

def versions(ev):
    w = ev["wire"]
    out = [dict(kind="wire", source=w["source"], title=w["title"], text="\n".join(w["paras"]))]
    for r in ev.get("rewrites", []):
        rest = w["paras"][1:-1] if r.get("drop_last") else w["paras"][1:]
        out.append(dict(kind="rewrite", source=r["source"], title=r["title"], text="\n".join([r["lead"]] + rest)))
    for i, s in enumerate(ev.get("synd", [])):
        paras = list(w["paras"])
        if i % 2 == 1:
            paras[0] = restyle_dateline(paras[0])
        out.append(dict(kind="syndication", source=s["source"], title=s["title"], text="\n".join(paras + [s["foot"]])))
    for s in ev.get("shorts", []):
        out.append(dict(kind="short", source=s["source"], title=s["title"], text=s["text"]))
    for u in ev.get("updates", []):
        out.append(dict(kind="update", source=u["source"], title=u["title"], text="\n".join(u["paras"])))
    return out

PRIORITY = ["short", "update", "rewrite", "syndication", "wire"]

def label(a, b):
    for k in PRIORITY:
        if k in (a["kind"], b["kind"]):
            return k

def rec(a, b, same, kind, ida, idb):
    side = lambda v, i: dict(title=v["title"], text=v["text"], source=v["source"], id=i + "/" + v["kind"])
    return dict(a=side(a, ida), b=side(b, idb), same=same, kind=kind)

def main():
    vs = {ev["id"]: versions(ev) for ev in EVENTS}
    fam = {}
    for ev in EVENTS:
        fam.setdefault(ev["family"], []).append(ev["id"])
    out = []
    for ev in EVENTS:
        for a, b in itertools.combinations(vs[ev["id"]], 2):
            assert a["source"] != b["source"], (ev["id"], a["source"])
            out.append(rec(a, b, True, label(a, b), ev["id"], ev["id"]))
    for ids in fam.values():
        for x, y in itertools.combinations(ids, 2):
            for a in vs[x]:
                for b in vs[y]:
                    kind = "different-event-short" if "short" in (a["kind"], b["kind"]) else "different-event"
                    out.append(rec(a, b, False, kind, x, y))
    rnd = random.Random(7)
    ids = [ev["id"] for ev in EVENTS]
    family = {ev["id"]: ev["family"] for ev in EVENTS}
    n = 0
    while n < 30:
        x, y = rnd.sample(ids, 2)
        if family[x] == family[y]:
            continue
        out.append(rec(rnd.choice(vs[x]), rnd.choice(vs[y]), False, "unrelated", x, y))
        n += 1
    with open("pairs.jsonl", "w", encoding="utf-8") as f:
        for r in out:
            f.write(json.dumps(r, ensure_ascii=False) + "\n")
    kinds = {}
    for r in out:
        kinds[(r["kind"], r["same"])] = kinds.get((r["kind"], r["same"]), 0) + 1
    print(len(out), "pairs")
    for k in sorted(kinds, key=str):
        print(" ", k, kinds[k])

main()
