"""Builds ../pairs.jsonl from the events in events_*.py and the recurring frames in frames.py.

Run: python3 build.py   (writes ../pairs.jsonl, deterministic)
"""
import json
import os
import sys

from core import fmt_foot, fmt_pre, h, item, long_text, short_item

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)

import events_en  # noqa: E402
import events_en2  # noqa: E402
import events_ur  # noqa: E402
import events_zh  # noqa: E402
import frames  # noqa: E402
import bg_more  # noqa: E402

BG = {}
for m in (events_en, events_en2, events_ur, events_zh):
    BG.update(m.BG)

for k, v in bg_more.BG.items():
    BG[k] = BG[k] + v

EVENTS = events_en.EVENTS + events_en2.EVENTS + events_ur.EVENTS + events_zh.EVENTS

SHORT_ROT = ["lead", "said", "snip", "edit", "said"]


def short_variant(ev):
    if ev.get("sv"):
        return ev["sv"]
    if ev.get("sum") and h(ev["id"]) % 3 == 0:
        return "sum"
    v = SHORT_ROT[h(ev["id"]) % len(SHORT_ROT)]
    return "lead" if v == "edit" and ev["lang"] != "en" else v


def L(ev, out, ver="paper", **kw):
    """Long item of ev by outlet out."""
    title = kw.pop("title", None) or ev["heads"][0 if ver in ("wire", "paper") else 1]
    return item(title, long_text(ev, out, BG, **kw), out, f"{ev['id']}/{ver}" if ver == "wire" else f"{ev['id']}/{ver}-{out}")


def S(ev, out, variant=None):
    variant = variant or short_variant(ev)
    t, x = short_item(ev, out, variant)
    return item(t, x, out, f"{ev['id']}/short-{variant}-{out}")


SYND_TAG = {"app": "—APP", "ppi": "—PPI", "pti": "—PTI", "ians": "—IANS", "ani": "—ANI", "xinhua_en": "Source: Xinhua",
            "app_ur": "(بشکریہ اے پی پی)", "radio_ur": "(بشکریہ ریڈیو پاکستان)",
            "xinhua": "（来源：新华社）", "chinanews": "（来源：中新社）", "bjnews": "（来源：新京报）"}


def synd(ev, out):
    """The agency's copy as another outlet republished it: new headline and dateline, the same
    paragraphs (sometimes without the last one), a credit line and the outlet's footer."""
    w = ev["wire"]
    paras = long_text(ev, w, BG, foot=False).split("\n")
    pre_w, pre_o = fmt_pre(w, ev), fmt_pre(out, ev)
    paras[0] = pre_o + paras[0][len(pre_w):]
    if h(ev["id"]) % 2 == 0 and len(paras) > 4:
        paras = paras[:-1]
    paras.append(SYND_TAG.get(w, "—Agencies"))
    f = fmt_foot(out, ev)
    if f:
        paras.append(f)
    title = ev.get("synd_title") or ev["heads"][1]
    return item(title, "\n".join(paras), out, f"{ev['id']}/synd-{out}")


def rewrite(ev, out):
    body = ev.get("body2") or ev["body"][1:] + ev["body"][:1]
    return item(ev["heads"][2], long_text(ev, out, BG, lead=ev["lead2"], body=body, minw=320),
                out, f"{ev['id']}/rewrite-{out}")


def update(ev, out):
    u = ev["upd"]
    return item(u["title"], long_text(ev, out, BG, lead=u["lead"], body=u.get("body", ev["body"]),
                                       extra=u.get("extra", ())), out, f"{ev['id']}/update-{out}")


def pair(a, b, same, kind):
    assert a["source"] != b["source"], (a["id"], b["id"])
    return {"a": a, "b": b, "same": same, "kind": kind}


def event_pairs(ev):
    P = []
    papers = ev["papers"]
    w = ev.get("wire")
    first = w or papers[0]
    # 1. short copy vs full article
    s_out = papers[-1]
    long_out = first if first != s_out else papers[0]
    P.append(pair(S(ev, s_out), L(ev, long_out, "wire" if long_out == w else "paper"), True, "short"))
    # 2. republished copy
    if w:
        P.append(pair(L(ev, w, "wire"), synd(ev, papers[0]), True, "syndication"))
    # 3. reworded report (events carried by an agency get either a republished copy or a rewrite)
    if ev.get("lead2") and (not w or h(ev["id"]) % 3 == 0):
        a_out = papers[0] if not w else w
        P.append(pair(L(ev, a_out, "wire" if a_out == w else "paper"), rewrite(ev, papers[1]), True, "rewrite"))
    # 4. later version of the same incident
    if ev.get("upd"):
        if h(ev["id"]) % 2:
            P.append(pair(S(ev, s_out), update(ev, papers[1] if papers[1] != s_out else papers[0]), True, "update"))
        else:
            P.append(pair(L(ev, first, "wire" if first == w else "paper"), update(ev, papers[1]), True, "update"))
    # 5. extra short copy: headline only, when the headline names place, number and action
    if ev.get("head_ok"):
        b = rewrite(ev, papers[1]) if ev.get("lead2") else L(ev, first, "wire" if first == w else "paper")
        a_out = next(o for o in papers[-2::-1] + papers[-1:] if o != b["source"])
        P.append(pair(S(ev, a_out, "head"), b, True, "short"))
    return P


def group_pairs(evs):
    P = []
    for e1, e2 in zip(evs, evs[1:]):
        o1 = e1.get("wire") or e1["papers"][0]
        o2 = e2["papers"][0] if e2["papers"][0] != o1 else e2["papers"][1]
        P.append(pair(L(e1, o1, "wire" if o1 == e1.get("wire") else "paper"),
                      L(e2, o2, "paper"), False, "different-event"))
        s1 = e1["papers"][-1]
        o2b = e2.get("wire") or e2["papers"][0]
        if o2b == s1:
            o2b = e2["papers"][1]
        P.append(pair(S(e1, s1), L(e2, o2b, "wire" if o2b == e2.get("wire") else "paper"), False, "different-event-short"))
        if not e2.get("no_rev"):
            s2 = e2["papers"][-1]
            o1b = e1["papers"][1] if e1["papers"][1] != s2 else e1["papers"][0]
            P.append(pair(S(e2, s2, "head" if e2.get("head_amb") else None), L(e1, o1b, "paper"), False, "different-event-short"))
    return P


# broad topic of each group; "unrelated" pairs take events of two different topics
TOPIC = {
    "levies": "security", "aug26": "security", "ispr-kp": "security", "cn-attacks": "security", "rail": "security",
    "kashmir-1": "security", "kashmir-2": "security", "pahalgam": "security",
    "dar-china": "diplomacy", "india-china": "diplomacy", "ai171": "aviation", "mumbai-rain": "weather",
    "rbi": "economy", "sbp": "economy", "pak-cpi": "economy", "shenzhou": "space", "tibet-quake": "disaster",
    "kp-floods": "disaster",
    "ur-police-blast": "security", "ur-ispr": "security", "ur-levies": "security", "ur-rail": "security",
    "ur-dar": "diplomacy",
    "zh-ningxia": "disaster", "zh-sichuan": "disaster", "zh-dingri": "disaster", "zh-pak": "diplomacy",
    "zh-shenzhou": "space", "zh-cnsec": "security", "shehbaz-xi": "diplomacy", "zh-xi-shehbaz": "diplomacy",
}


def unrelated(groups):
    """Pairs of events from different subjects in one language; some short vs long."""
    P = []
    for lang, n in (("en", 8), ("ur", 4), ("zh", 4)):
        evs = [g[0] for g in groups.values() if g[0]["lang"] == lang]
        for k in range(n):
            e1 = evs[k % len(evs)]
            cands = [e for e in evs if TOPIC[e["grp"]] != TOPIC[e1["grp"]]]
            e2 = cands[(k * 3 + 2) % len(cands)]
            o1 = e1["papers"][-1]
            o2 = e2["papers"][0] if e2["papers"][0] != o1 else e2["papers"][1]
            a = S(e1, o1) if k % 2 else L(e1, o1, "paper")
            P.append(pair(a, L(e2, o2, "paper"), False, "unrelated"))
    return P


def main():
    groups = {}
    for ev in EVENTS:
        groups.setdefault(ev["grp"], []).append(ev)
    pairs = []
    for g, evs in groups.items():
        for ev in evs:
            pairs += event_pairs(ev)
        pairs += group_pairs(evs)
    pairs += frames.pairs()
    pairs += unrelated(groups)
    ids = set()
    for p in pairs:
        k = (p["a"]["id"], p["a"]["source"], p["b"]["id"], p["b"]["source"])
        assert k not in ids, k
        ids.add(k)
    with open(os.path.join(HERE, "..", "pairs.jsonl"), "w", encoding="utf-8") as f:
        for p in pairs:
            f.write(json.dumps(p, ensure_ascii=False) + "\n")
    print(len(pairs), "pairs written")


if __name__ == "__main__":
    main()
