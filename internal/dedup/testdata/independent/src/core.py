"""Rendering of events into outlet items, and pair builders.

An event is a dict written in events_*.py; an outlet renders it the way its feed would have
carried it (dateline, agency tag, footer). Everything is deterministic.
"""
import re
import zlib

HAN = re.compile(r"[\u4e00-\u9fff]")


def collector(lang):
    """(EVENTS, E): E(**fields) appends an event of language lang to EVENTS."""
    events = []

    def E(**kw):
        kw.setdefault("lang", lang)
        events.append(kw)
    return events, E


def words(text):
    """Approximate word count: Han characters / 1.5, plus \\w+ runs in the rest."""
    han = len(HAN.findall(text))
    rest = HAN.sub(" ", text)
    return han / 1.5 + len(re.findall(r"\w+", rest))


def h(s):
    return zlib.crc32(s.encode())


# ---------------------------------------------------------------- outlets
# style: how the first paragraph is prefixed; foot: closing boilerplate line (or None)
OUT = {
    # English, Pakistan
    "app": dict(lang="en", pre="{PLACE}, {date} (APP): ", foot=None),
    "ppi": dict(lang="en", pre="{PLACE}, {date} (PPI): ", foot=None),
    "dawn": dict(lang="en", pre="{PLACE}: ", foot="Published in Dawn, {pub}"),
    "tribune": dict(lang="en", pre="", foot=None),
    "thenews": dict(lang="en", pre="{PLACE}: ", foot=None),
    "dunya": dict(lang="en", pre="{PLACE} (Dunya News) – ", foot=None),
    "ary": dict(lang="en", pre="{PLACE}: ", foot="Follow ARY News on WhatsApp and Google News for the latest updates."),
    "nation": dict(lang="en", pre="{PLACE} - ", foot=None),
    "geo": dict(lang="en", pre="{PLACE}: ", foot="Follow Geo News on WhatsApp for breaking news and updates."),
    "brecorder": dict(lang="en", pre="{PLACE}: ", foot="Copyright Business Recorder, 2025"),
    "pakobserver": dict(lang="en", pre="{PLACE} – ", foot=None),
    "hum": dict(lang="en", pre="{PLACE}: ", foot=None),
    "radiopak": dict(lang="en", pre="", foot=None),
    # English, India
    "pti": dict(lang="en", pre="{Place}, {date} (PTI) ", foot=None),
    "ians": dict(lang="en", pre="{Place}, {date} (IANS) ", foot=None),
    "ani": dict(lang="en", pre="{Place} [India], {date} (ANI): ", foot=None),
    "ht": dict(lang="en", pre="", foot="(With inputs from agencies)"),
    "bs": dict(lang="en", pre="", foot="(Only the headline and picture of this report may have been reworked by the Business Standard staff; the rest of the content is auto-generated from a syndicated feed.)"),
    "ndtv": dict(lang="en", pre="{Place}: ", foot="(Except for the headline, this story has not been edited by NDTV staff and is published from a syndicated feed.)"),
    "devdiscourse": dict(lang="en", pre="", foot="(This story has not been edited by Devdiscourse staff and is auto-generated from a syndicated feed.)"),
    "toi": dict(lang="en", pre="{PLACE}: ", foot=None),
    "thehindu": dict(lang="en", pre="", foot=None),
    "ie": dict(lang="en", pre="", foot=None),
    "greaterkashmir": dict(lang="en", pre="{Place}, {date}: ", foot=None),
    "thestatesman": dict(lang="en", pre="", foot=None),
    "theasianindependent": dict(lang="en", pre="{Place}, (Asian independent) ", foot=None),
    "freepressjournal": dict(lang="en", pre="", foot=None),
    # English, China
    "xinhua_en": dict(lang="en", pre="{PLACE}, {date} (Xinhua) -- ", foot=None),
    "globaltimes": dict(lang="en", pre="", foot=None),
    "chinadaily": dict(lang="en", pre="", foot=None),
    "cgtn": dict(lang="en", pre="", foot=None),
    # Urdu
    "app_ur": dict(lang="ur", pre="{place} (اے پی پی) ", foot=None),
    "jang": dict(lang="ur", pre="{place} (نمائندہ جنگ) ", foot=None),
    "express_ur": dict(lang="ur", pre="{place}: ", foot=None),
    "geo_ur": dict(lang="ur", pre="{place}: ", foot="تازہ ترین خبروں کے لیے جیو نیوز کو واٹس ایپ پر فالو کریں۔"),
    "ary_ur": dict(lang="ur", pre="{place}: ", foot=None),
    "nawaiwaqt": dict(lang="ur", pre="{place} (نوائے وقت رپورٹ) ", foot=None),
    "dunya_ur": dict(lang="ur", pre="{place} (دنیا نیوز) ", foot=None),
    "bbc_ur": dict(lang="ur", pre="", foot=None),
    "dawn_ur": dict(lang="ur", pre="", foot=None),
    "radio_ur": dict(lang="ur", pre="", foot=None),
    "ummat": dict(lang="ur", pre="{place}: ", foot=None),
    "independent_ur": dict(lang="ur", pre="", foot=None),
    # Chinese
    "xinhua": dict(lang="zh", pre="新华社{place}{date}电（记者{rep}）", foot=None),
    "chinanews": dict(lang="zh", pre="中新社{place}{date}电 （记者 {rep}）", foot="（完）"),
    "chinanews_web": dict(lang="zh", pre="中新网{date}电 ", foot="【编辑:{ed}】"),
    "people": dict(lang="zh", pre="", foot="（责编：{ed}）"),
    "thepaper": dict(lang="zh", pre="", foot="责任编辑：{ed}"),
    "cctv": dict(lang="zh", pre="央视新闻客户端消息，", foot=None),
    "sina": dict(lang="zh", pre="", foot="责任编辑：{ed}"),
    "bjnews": dict(lang="zh", pre="新京报讯（记者 {rep}）", foot="编辑 {ed} 校对 陈荻雁"),
    "gmw": dict(lang="zh", pre="", foot="[ 责编：{ed} ]"),
    "ifeng": dict(lang="zh", pre="", foot=None),
    "cnr": dict(lang="zh", pre="央广网{place}{date}消息 ", foot=None),
}
EDITORS = ["李骏", "张曦", "王鹏", "刘天霖", "赵静", "孙静波", "陈洁", "周依"]

# Republication footers (syndication)
SYND_FOOT = {
    "en": ["—APP", "—Agencies", "Published in The Express Tribune.", "—Reuters"],
    "ur": ["(بشکریہ اے پی پی)"],
    "zh": ["（来源：新华社）"],
}


def fmt_pre(out, ev):
    o = OUT[out]
    place = ev.get("place", "")
    pre = o["pre"]
    if not ev.get("rep"):
        pre = pre.replace("（记者{rep}）", " ").replace(" （记者 {rep}）", " ").replace("（记者 {rep}）", " ")
    return pre.format(PLACE=place.upper(), Place=place.title(), place=place,
                           date=ev.get("date", ""), rep=ev.get("rep", "本报记者"),
                           ed=EDITORS[h(ev["id"] + out) % len(EDITORS)])


def fmt_foot(out, ev):
    f = OUT[out]["foot"]
    if not f:
        return None
    if "{pub}" in f and not ev.get("pub"):
        return None
    return f.format(pub=ev.get("pub", ""), ed=EDITORS[h(ev["id"] + out) % len(EDITORS)])


def bg_paras(ev, BG, out, need):
    """Background paragraphs for a long article, enough to pass `need` words."""
    pool = BG.get(ev.get("bg"), [])
    if not pool:
        return []
    start = h(ev["id"] + out) % len(pool)
    got, picked = 0, []
    for i in range(len(pool)):
        if got >= need:
            break
        p = pool[(start + i) % len(pool)]
        picked.append(p)
        got += words(p)
    return picked


def long_text(ev, out, BG, lead=None, body=None, extra=(), minw=310, drop_last=False, foot=True, synd=None):
    lead = lead or ev["lead"]
    body = list(body if body is not None else ev["body"])
    paras = [fmt_pre(out, ev) + lead] + body + list(extra)
    if drop_last and len(paras) > 3:
        paras = paras[:-1]
    w = sum(words(p) for p in paras)
    if w < minw:
        paras += bg_paras(ev, BG, out, minw - w)
    if synd:
        paras.append(synd)
    if foot:
        f = fmt_foot(out, ev)
        if f:
            paras.append(f)
    return "\n".join(paras)


SAID = {
    "en": [", the government said.", ", according to an official statement.", ", officials said.", ", the statement said."],
    "ur": ["، حکام نے بتایا۔", "، سرکاری بیان میں کہا گیا ہے۔"],
    "zh": ["，有关部门表示。", "，据官方通报。"],
}


def add_said(lead, lang, k):
    s = SAID[lang][k % len(SAID[lang])]
    first = first_sentence(lead, lang)
    if lang == "en" and (" said" in first[-45:] or " confirmed" in first[-45:] or "according to" in first[-60:]):
        return first  # already attributed; the short copy is the first sentence as is
    if lang == "zh":
        return first if first.startswith(("据", "记者")) else ["据官方消息，", "据悉，"][k % 2] + first
    if lang == "en":
        base = first.rstrip(".")
    else:
        base = first.rstrip("۔。")
    return base + s


def first_sentence(text, lang):
    if lang == "zh":
        m = re.match(r"(.+?。)", text)
    elif lang == "ur":
        m = re.match(r"(.+?۔)", text)
    else:
        for m in re.finditer(r"\.(\s|$)", text):
            word = text[:m.start()].split()[-1] if text[:m.start()].split() else ""
            if word.lower() in ABBREV or re.fullmatch(r"[A-Z]", word):
                continue
            return text[:m.start() + 1]
        return text
    return m.group(1) if m else text


ABBREV = {"a.m", "p.m", "mr", "mrs", "dr", "no", "jan", "feb", "aug", "sept", "oct", "nov", "dec", "st", "u.s", "gen", "lt", "col", "maj", "capt"}


def short_item(ev, out, variant):
    """(title, text) of a short copy. variant: lead, said, snip, head, sum."""
    lang = ev["lang"]
    title = ev["heads"][1]
    pre = fmt_pre(out, ev)
    if variant == "lead":
        return title, pre + ev["lead"]
    if variant == "said":
        return ev["heads"][2], pre + add_said(ev["lead"], lang, h(ev["id"]))
    if variant == "snip":
        name = ev.get("snipname") or {"en": "Dawn", "ur": "جنگ", "zh": "新浪新闻"}[lang]
        return ev["heads"][0] + " - " + OUTNAME[out], first_sentence(ev["lead"], lang)
    if variant == "edit":
        return ev["heads"][1], light_edit(first_sentence(ev["lead"], lang)) if lang == "en" else pre + ev["lead"]
    if variant == "head":
        return ev["heads"][0], ""
    if variant == "sum":
        return ev["heads"][2], ev["sum"]
    raise ValueError(variant)


OUTNAME = {"dawn": "Dawn", "tribune": "The Express Tribune", "thenews": "The News International",
           "geo": "Geo News", "ary": "ARY News", "dunya": "Dunya News", "nation": "The Nation",
           "toi": "The Times of India", "ndtv": "NDTV", "ht": "Hindustan Times", "thehindu": "The Hindu",
           "ie": "The Indian Express", "brecorder": "Business Recorder", "hum": "HUM News",
           "jang": "جنگ", "express_ur": "ایکسپریس اردو", "geo_ur": "جیو نیوز", "bbc_ur": "بی بی سی اردو",
           "sina": "新浪新闻", "ifeng": "凤凰网", "thepaper": "澎湃新闻", "people": "人民网", "gmw": "光明网",
           "globaltimes": "Global Times", "chinadaily": "China Daily", "pakobserver": "Pakistan Observer",
           "greaterkashmir": "Greater Kashmir", "cgtn": "CGTN", "thestatesman": "The Statesman",
           "freepressjournal": "Free Press Journal", "theasianindependent": "The Asian Independent",
           "devdiscourse": "Devdiscourse", "bs": "Business Standard", "ary_ur": "اے آر وائی نیوز",
           "dunya_ur": "دنیا نیوز", "nawaiwaqt": "نوائے وقت", "ummat": "امت", "cctv": "央视新闻", "cnr": "央广网",
           "bjnews": "新京报", "chinanews": "中国新闻网", "xinhua": "新华网", "app": "APP", "ppi": "PPI",
           "pti": "PTI", "ians": "IANS", "ani": "ANI", "xinhua_en": "Xinhua", "radiopak": "Radio Pakistan",
           "app_ur": "اے پی پی", "radio_ur": "ریڈیو پاکستان", "dawn_ur": "ڈان نیوز", "independent_ur": "انڈپینڈنٹ اردو"}


def item(title, text, source, id_):
    assert title.strip(), id_
    return {"title": title, "text": text, "source": source, "id": id_}


NUMWORDS = {"Ten": "10", "Thirteen": "13", "Twenty-two": "22", "Twenty-three": "23"}


def light_edit(s):
    """A sub-editor's light touch on an agency lead: no weekday, digits for number words, 'killed'."""
    s = re.sub(r" (late |early )?on (Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)( morning| afternoon| evening| night)?", "", s)
    s = s.replace("martyred", "killed").replace("martyring", "killing").replace(" per cent", "%").replace(",,", ",")
    first, _, rest = s.partition(" ")
    return NUMWORDS.get(first, first) + " " + rest
