"""Recurring frames: market closes, gold rates, weather, weekly briefings, monthly figures, digests.

Each instance (a day, a week, a month) is written by two or three outlets in their own style; pairs
across instances are hard negatives (same-frame / different-event), pairs within an instance are
positives (rewrite / short).
"""
from core import item


def P(a, b, same, kind):
    assert a["source"] != b["source"], (a["id"], b["id"])
    return {"a": a, "b": b, "same": same, "kind": kind}


def fmt(n, d=2):
    return f"{n:,.{d}f}"


# ================================================================ PSX close (English)
# (id, weekday, date, close, change, pct, high, low, volume_m, value_bn, active, up, down, top, top_vol, rupee, provenance)
PSX = [
    dict(id="psx-2024-11-27", day="Wednesday", date="Nov 27", close=99269.25, chg=4696.10, hi=99475.0, lo=94599.0,
         vol=1050, val=39.55, act=445, up=336, dn=83, top="Bank of Punjab", topv=126.4, topp=8.07,
         why="reduced political uncertainty after the end of the opposition's protest in Islamabad",
         prov="arynews.tv 'kse-100-psx-report-today-nov-28-2024-2' (previous day's close); gnnhd.tv 41932"),
    dict(id="psx-2024-11-28", day="Thursday", date="Nov 28", close=100082.77, chg=813.52, hi=100540.0, lo=99300.0,
         vol=1160, val=39.77, act=452, up=290, dn=118, top="Bank of Punjab", topv=179.22, topp=8.85,
         why="a boost to investor confidence from lower T-bill yields, reduced political uncertainty and falling KIBOR rates",
         prov="arynews.tv 'kse-100-psx-report-today-nov-28-2024-2'; gnnhd.tv 41932"),
    dict(id="psx-friday-48k", day="Friday", date="Sep 22", close=48218.50, chg=-107.34, hi=48615.14, lo=48120.0,
         vol=254.8, val=10.4, act=333, up=126, dn=186, top="WorldCall Telecom", topv=40.5, topp=1.23,
         why="the absence of positive triggers and profit-taking after early gains",
         prov="brecorder.com 40258629 'kse-100-loses-over-100-points-amid-lack-of-triggers'"),
    dict(id="psx-2026-01-02", day="Friday", date="Jan 2", close=179034.0, chg=2679.0, hi=179467.0, lo=176400.0,
         vol=1110, val=64.0, act=565, up=253, dn=201, top="K-Electric", topv=98.3, topp=6.12,
         why="strong buying at the start of the new year and renewed investor confidence",
         prov="dunyanews.tv 927326 'psx-hits-alltime-high-as-kse100-index-closes-at-record-level'"),
]


def psx_long(d, out):
    up = d["chg"] > 0
    verb = "gained" if up else "lost"
    pct = abs(d["chg"]) / (d["close"] - d["chg"]) * 100
    paras = [
        f"KARACHI: The benchmark KSE-100 index of the Pakistan Stock Exchange {verb} {fmt(abs(d['chg']))} points, or {pct:.2f} percent, on {d['day']} to close at {fmt(d['close'])} points, as market sentiment was driven by {d['why']}.",
        f"During the session the index touched an intra-day high of {fmt(d['hi'])} points and a low of {fmt(d['lo'])} points.",
        f"A total of {fmt(d['vol'], 1)} million shares were traded during the day, and the value of shares traded stood at Rs{d['val']} billion.",
        f"Shares of {d['act']} companies were traded, of which {d['up']} recorded gains, {d['dn']} sustained losses and {d['act'] - d['up'] - d['dn']} remained unchanged.",
        f"{d['top']} remained the volume leader with {d['topv']} million shares at Rs{d['topp']} per share.",
        "Analysts said the market was likely to remain range-bound in the near term as investors awaited fresh triggers on the economic front, including the next review of the IMF programme and corporate results.",
        "Oil and gas exploration companies, commercial banks and cement stocks remained in the limelight, while fertiliser and power sector shares also saw interest from local institutions.",
        "Foreign investors remained net sellers during the session, according to data from the National Clearing Company of Pakistan, while local mutual funds and insurance companies were net buyers.",
        "In the inter-bank market, the rupee remained largely stable against the US dollar, according to the State Bank of Pakistan.",
        "Among the main contributors to the index were commercial banks and exploration and production companies, while a few cement and automobile stocks weighed on it, brokers said.",
        "Market participants said that the trend in government bond yields and the direction of the policy rate remained the key drivers of equity valuations, along with the flow of foreign investment.",
        "The market capitalisation of the exchange changed in line with the index, and the ready market remained the most active segment, with the futures market also seeing healthy activity.",
    ]
    title = (f"KSE-100 {'gains' if up else 'sheds'} {fmt(abs(d['chg']), 0)} points, closes at {fmt(d['close'], 0)}"
             if out == "brecorder" else
             f"PSX: benchmark index {'up' if up else 'down'} {fmt(abs(d['chg']), 0)} points")
    foot = {"brecorder": "Copyright Business Recorder, 2025", "ary": "Follow ARY News on WhatsApp and Google News for the latest updates."}.get(out)
    if foot:
        paras.append(foot)
    return item(title, "\n".join(paras), out, f"{d['id']}/{out}")


def psx_mid(d, out):
    up = d["chg"] > 0
    paras = [
        f"KARACHI: The Pakistan Stock Exchange closed {'higher' if up else 'lower'} on {d['day']}, with the KSE-100 index {'rising' if up else 'falling'} by {fmt(abs(d['chg']))} points to settle at {fmt(d['close'])}.",
        f"Volumes stood at {fmt(d['vol'], 1)} million shares worth Rs{d['val']} billion. Of the {d['act']} scrips traded, {d['up']} advanced and {d['dn']} declined.",
        f"{d['top']} led the volumes with {d['topv']} million shares.",
    ]
    return item(f"Stocks {'rise' if up else 'fall'} as KSE-100 ends at {fmt(d['close'], 0)}", "\n".join(paras), out, f"{d['id']}/{out}")


def psx_short(d, out):
    up = d["chg"] > 0
    return item(f"PSX closes {'up' if up else 'down'} {fmt(abs(d['chg']), 0)} points",
                f"KARACHI, {d['date']} (APP): The KSE-100 index {'gained' if up else 'lost'} {fmt(abs(d['chg']))} points to close at {fmt(d['close'])} points on {d['day']}.",
                out, f"{d['id']}/{out}")


# ================================================================ Sensex close (English, India)
SENSEX = [
    dict(id="sensex-2021-09-15", day="Wednesday", s=58723.20, sc=476.11, n=17519.45, nc=139.45, rec=True,
         gain="NTPC, Bharti Airtel, Titan, HCL Tech and SBI", lose="Asian Paints, Axis Bank, UltraTech Cement and Bajaj Finance",
         prov="hindustantimes.com 101631700335788 (PTI, Sep 15 2021)"),
    dict(id="sensex-2025-09-04", day="Thursday", s=80718.01, sc=153.0, n=24734.30, nc=19.8, rec=False,
         gain="Mahindra & Mahindra, Bajaj Finance, ITC and Hindustan Unilever", lose="Bharat Electronics, Power Grid and Tata Steel",
         prov="business-standard.com 125090401122 (Capital Market quick wrap, Sep 4 2025)"),
    dict(id="sensex-2025-11-28", day="Friday", s=85706.67, sc=-13.7, n=26202.95, nc=-12.6, rec=False,
         gain="Maruti, Sun Pharma and Tata Motors", lose="GAIL, Bharat Petroleum and Power Grid",
         prov="business-standard.com 125112800792 (Capital Market quick wrap, Nov 28 2025)"),
    dict(id="sensex-2026-01-28", day="Wednesday", s=82344.68, sc=491.0, n=25342.75, nc=166.0, rec=False,
         gain="Oil India, Bharat Electronics and ONGC", lose="Infosys, Asian Paints and Titan",
         prov="business-standard.com 126012801099 (Capital Market quick wrap, Jan 28 2026)"),
]


def sensex_long(d, out):
    up = d["sc"] > 0
    paras = [
        f"Equity benchmark Sensex {'climbed' if up else 'slipped'} {fmt(abs(d['sc']))} points on {d['day']} to close at {fmt(d['s'])}{', its new lifetime high,' if d['rec'] else ''} amid {'persistent foreign fund inflows' if up else 'profit-taking in select heavyweights'}.",
        f"The 30-share index settled {fmt(abs(d['sc']))} points or {abs(d['sc']) / (d['s'] - d['sc']) * 100:.2f} per cent {'higher' if up else 'lower'} at {fmt(d['s'])}.",
        f"Similarly, the broader NSE Nifty {'rose' if d['nc'] > 0 else 'fell'} {fmt(abs(d['nc']))} points or {abs(d['nc']) / (d['n'] - d['nc']) * 100:.2f} per cent to {fmt(d['n'])}.",
        f"{d['gain']} were among the major gainers in the Sensex pack.",
        f"On the other hand, {d['lose']} were among the laggards.",
        "Elsewhere in Asia, bourses in Shanghai, Tokyo, Hong Kong and Seoul ended mixed, while equities in Europe were trading on a mixed note in mid-session deals.",
        "Foreign institutional investors were net buyers in the capital market on the previous trading day, according to exchange data.",
        "Brent crude, the global oil benchmark, was trading marginally lower at around USD 70 per barrel, while the rupee was steady against the US dollar.",
        "Market participants said investors would track global cues, monsoon progress and quarterly earnings for further direction.",
        "The broader BSE midcap and smallcap gauges also moved in line with the benchmarks, while among sectoral indices realty, auto and banking stocks saw the most activity.",
        "Analysts said domestic institutional investors had continued to support the market through steady inflows into mutual fund schemes, offsetting volatility in foreign portfolio flows.",
        "Traders said the near-term trend would also depend on developments in US trade policy and the direction of US bond yields.",
    ]
    return item(f"Sensex {'up' if up else 'down'} {fmt(abs(d['sc']), 0)} points, closes at {fmt(d['s'], 0)}; Nifty at {fmt(d['n'], 0)}",
                "\n".join(paras), out, f"{d['id']}/{out}")


def sensex_short(d, out):
    up = d["sc"] > 0
    return item(f"Quick Wrap: Sensex {'gains' if up else 'slips'} {abs(d['sc']) / (d['s'] - d['sc']) * 100:.2f}%",
                f"In broad markets, the Nifty 50 {'added' if d['nc'] > 0 else 'dropped'} {abs(d['nc']) / (d['n'] - d['nc']) * 100:.2f}% to close at {fmt(d['n'])} while the SENSEX {'added' if up else 'dropped'} {abs(d['sc']) / (d['s'] - d['sc']) * 100:.2f}% to close at {fmt(d['s'])} today.\nPowered by Capital Market - Live News",
                out, f"{d['id']}/{out}")


# ================================================================ Foreign Office weekly briefing (English)
FO = [
    dict(id="fo-2023-07-27", day="Thursday", date="Jul 27",
         lead="Foreign Minister Bilawal Bhutto Zardari held telephone conversations with several counterparts and heads of international organisations over the past week to discuss the rise of Islamophobia and the Black Sea Grain Initiative, Foreign Office Spokesperson Mumtaz Zahra Baloch said on Thursday.",
         pts=["Addressing the weekly media briefing, the spokesperson said the foreign minister had spoken to the foreign ministers of Iran, Russia, Turkiye and Saudi Arabia, the US Secretary of State, the UN Secretary General and the EU High Representative.",
              "She said Pakistan had shared its concerns about food security and inflation resulting from the expiry of the Black Sea Grain Initiative and underscored the need for concerted efforts to revive the deal.",
              "The spokesperson said the alarming rise of Islamophobia and incidents of desecration of the Holy Quran were raised in all the conversations.",
              "Responding to a question, she said Pakistan was willing to engage with the relevant parties to promote dialogue on the revival of the initiative."],
         title="FM discussed Islamophobia, grain deal with world leaders, says FO",
         prov="mofa.gov.pk transcript of the weekly media briefing, Thursday 27 July 2023"),
    dict(id="fo-2023-08-07", day="Monday", date="Aug 7",
         lead="The visits of Chinese Vice Premier He Lifeng, Turkish Vice President Cevdet Yilmaz and Iranian Foreign Minister Hossein Amir-Abdollahian were the highlights of last week, Foreign Office Spokesperson Mumtaz Zahra Baloch said on Monday.",
         pts=["Briefing the media, the spokesperson said He Lifeng visited Pakistan as the special representative of President Xi Jinping in connection with the 10th anniversary of the China-Pakistan Economic Corridor.",
              "She said CPEC had created over 200,000 jobs, added 8,000 MW to the national grid and built 510 kilometres of highways.",
              "During the visit of the Turkish vice president, the two sides jointly inaugurated the fourth MILGEM class corvette, PNS Tariq, at the Karachi Shipyard, she said.",
              "The spokesperson said the Iranian foreign minister's visit was an opportunity to review bilateral relations, including border management and trade."],
         title="FO highlights visits of Chinese vice premier, Turkish VP",
         prov="mofa.gov.pk transcript of the weekly media briefing, Monday 7 August 2023"),
    dict(id="fo-2023-08-17", day="Thursday", date="Aug 17",
         lead="Ambassador Muhammad Syrus Sajjad Qazi on Thursday assumed charge as the 32nd Foreign Secretary of Pakistan, succeeding Dr Asad Majeed Khan, Foreign Office Spokesperson Mumtaz Zahra Baloch told the weekly media briefing.",
         pts=["The spokesperson said Ambassador Qazi had served at Pakistan's missions in Geneva, New Delhi and Washington and as ambassador to Hungary and Turkiye.",
              "She thanked Dr Asad Majeed Khan for his services, saying he had navigated complex global challenges and worked for the capacity building of the Foreign Service.",
              "The spokesperson said UN special rapporteurs had expressed serious concern in a communication to the Indian government over the detention of Kashmiri human rights defenders Khurram Parvez and Irfan Mehraj.",
              "Responding to questions, she said Pakistan wanted good relations with all its neighbours on the basis of mutual respect."],
         title="Syrus Qazi takes charge as foreign secretary: FO",
         prov="mofa.gov.pk transcript of the weekly media briefing, Thursday 17 August 2023"),
    dict(id="fo-2023-08-25", day="Friday", date="Aug 25",
         lead="Prime Minister Anwaar-ul-Haq Kakar visited the Ministry of Foreign Affairs on Thursday, where he was briefed on Pakistan's foreign policy, Foreign Office Spokesperson Mumtaz Zahra Baloch said at the weekly briefing on Friday.",
         pts=["The spokesperson said the prime minister shared his vision for a dynamic foreign policy focused on trade, investment, connectivity and economic diplomacy, and directed missions to work for the welfare of overseas Pakistanis.",
              "She said Saudi Minister for Hajj and Umrah Dr Tawfiq Bin Fawzan Al Rabiah visited Pakistan this week with a high-level delegation and met the president, the prime minister and the religious affairs minister.",
              "The two sides discussed arrangements for Pakistani pilgrims, an increase in the Haj quota, Umrah visas and a possible extension of the Road to Makkah project to more airports, she said.",
              "An air services agreement was also signed between the two countries during the visit, the spokesperson added."],
         title="PM Kakar briefed on foreign policy at MoFA, says spokesperson",
         prov="mofa.gov.pk transcript of the media briefing, Friday 25 August 2023"),
]


def fo_long(d, out, variant=0):
    pre = {"app": f"ISLAMABAD, {d['date']} (APP): ", "dawn": "ISLAMABAD: ", "thenews": "ISLAMABAD: ", "radiopak": ""}[out]
    extra = [
        "The spokesperson reiterated Pakistan's principled position on the Jammu and Kashmir dispute and called for its resolution in accordance with UN Security Council resolutions and the wishes of the Kashmiri people.",
        "On Afghanistan, she said Pakistan continued to engage with the interim Afghan government on security concerns and expected it to prevent the use of its soil for terrorism against Pakistan.",
        "She also said that Pakistan's missions abroad were providing consular assistance to Pakistani nationals and were in contact with host governments on their welfare.",
        "Responding to a question about the situation in Gaza, the spokesperson said Pakistan called for an immediate ceasefire and unhindered humanitarian access, and supported a two-state solution with Al-Quds Al-Sharif as the capital of Palestine.",
        "Asked about relations with the United States, she said the two countries had a long-standing relationship and were engaged in dialogue in several areas, including trade, investment, climate and security.",
    ]
    paras = [pre + d["lead"]] + (d["pts"] if variant == 0 else d["pts"][1:] + d["pts"][:1]) + extra
    t = d["title"]
    title = t if variant == 0 else "Weekly briefing: " + t
    return item(title, "\n".join(paras), out, f"{d['id']}/{out}")


def fo_short(d, out):
    first = d["lead"].split(", Foreign Office Spokesperson")[0]
    return item(d["title"], first + ", the Foreign Office spokesperson said at the weekly briefing.", out, f"{d['id']}/{out}")


# ================================================================ Urdu: gold rates
GOLD = [
    dict(id="gold-ur-390300", chg=1700, tola="3 لاکھ 90 ہزار 300", g10c="ایک ہزار 458", g10="3 لاکھ 34 ہزار 619", w="17 ڈالر", wt="3 ہزار 685", prov="jang.com.pk/news/1511888"),
    dict(id="gold-ur-436562", chg=7700, tola="4 لاکھ 36 ہزار 562", g10c="6 ہزار 601", g10="3 لاکھ 74 ہزار 280", w="99 ڈالر", wt="4 ہزار 142", prov="jang.com.pk/news/1531761"),
    dict(id="gold-ur-359000", chg=6100, tola="3 لاکھ 59 ہزار", g10c="5 ہزار 229", g10="3 لاکھ 7 ہزار 784", w="61 ڈالر", wt="3 ہزار 363", prov="rehbernews.com news_single_category.php?id=52844"),
    dict(id="gold-ur-356900", chg=800, tola="3 لاکھ 56 ہزار 900", g10c="684", g10="3 لاکھ 5 ہزار 984", w="8 ڈالر", wt="3 ہزار 385", prov="free.hamariweb.com unews 3776626"),
    dict(id="gold-ur-275500", chg=1600, tola="2 لاکھ 75 ہزار 500", g10c="ایک ہزار 372", g10="2 لاکھ 36 ہزار 197", w="16 ڈالر", wt="2 ہزار 656", prov="dailysahafatquetta.com 12/10/2024/169534"),
]


def ur_num(n):
    return f"{n:,}".replace(",", " ہزار ") if False else (f"{n // 1000} ہزار {n % 1000}" if n >= 1000 and n % 1000 else (f"{n // 1000} ہزار" if n >= 1000 else str(n)))


def gold_long(d, out):
    c = ur_num(d["chg"])
    paras = [
        f"کراچی: ملک بھر کی صرافہ مارکیٹوں میں آج سونے کی قیمت میں {c} روپے کا اضافہ ہوا ہے۔",
        f"آل پاکستان صرافہ جیمز اینڈ جیولرز ایسوسی ایشن کے مطابق {c} روپے اضافے کے بعد ملک میں سونے کی فی تولہ قیمت {d['tola']} روپے ہو گئی ہے۔",
        f"اسی طرح 10 گرام سونے کا بھاؤ {d['g10c']} روپے کے اضافے سے {d['g10']} روپے ہو گیا ہے۔",
        f"ایسوسی ایشن کے مطابق عالمی بازار میں سونے کا بھاؤ {d['w']} کے اضافے سے {d['wt']} ڈالر فی اونس ہو گیا ہے۔",
        "صرافہ تاجروں کا کہنا ہے کہ عالمی منڈی میں اتار چڑھاؤ اور سرمایہ کاروں کی جانب سے سونے میں دلچسپی کے باعث مقامی مارکیٹ میں قیمتوں میں تبدیلی کا سلسلہ جاری رہنے کا امکان ہے۔",
        "تاجروں کے مطابق قیمتوں میں مسلسل اضافے کے باعث شادی بیاہ کے سیزن میں زیورات کی خریداری متاثر ہوئی ہے اور بیشتر خریدار پرانے زیورات کے بدلے نئے زیورات بنوا رہے ہیں۔",
        "ماہرین کا کہنا ہے کہ عالمی سطح پر جغرافیائی و سیاسی کشیدگی، امریکی شرح سود میں تبدیلی کی توقعات اور مرکزی بینکوں کی جانب سے سونے کی خریداری کے باعث عالمی منڈی میں سونے کی مانگ میں اضافہ ہوا ہے۔",
        "صرافہ ایسوسی ایشن کے عہدیداروں کا کہنا ہے کہ مقامی مارکیٹ میں سونے کی قیمت کا تعین عالمی منڈی کے بھاؤ اور ڈالر کے مقابلے میں روپے کی قدر کو مدنظر رکھ کر کیا جاتا ہے۔",
        "دوسری جانب ملک میں فی تولہ چاندی کی قیمت میں کوئی تبدیلی نہیں ہوئی اور چاندی کے نرخ گزشتہ روز کی سطح پر برقرار رہے۔",
        "جیولرز کا کہنا ہے کہ سونے کی بڑھتی قیمتوں کے باعث متوسط طبقے کے لیے زیورات خریدنا مشکل ہوگیا ہے اور بیشتر گاہک کم وزن کے زیورات کو ترجیح دے رہے ہیں۔",
        "مارکیٹ ذرائع کے مطابق سرمایہ کار غیر یقینی معاشی حالات میں سونے کو محفوظ سرمایہ کاری سمجھتے ہیں جس کے باعث بسکٹ اور سکوں کی خریداری میں اضافہ دیکھا گیا ہے۔",
    ]
    if out == "express_ur":
        paras[0] = f"کراچی: عالمی مارکیٹ میں تیزی کے بعد مقامی صرافہ بازاروں میں بھی سونا {c} روپے فی تولہ مہنگا ہو گیا۔"
    title = {"jang": f"سونے کی فی تولہ قیمت میں {c} روپے اضافہ", "express_ur": f"سونا {c} روپے مہنگا، فی تولہ قیمت {d['tola']} روپے ہوگئی"}[out]
    return item(title, "\n".join(paras), out, f"{d['id']}/{out}")


def gold_short(d, out):
    c = ur_num(d["chg"])
    return item(f"سونا مزید مہنگا، فی تولہ {d['tola']} روپے کا ہوگیا",
                f"ملک میں آج سونے کی فی تولہ قیمت {c} روپے بڑھ کر {d['tola']} روپے ہوگئی، آل پاکستان جیمز اینڈ جیولرز ایسوسی ایشن کے مطابق 10 گرام سونا {d['g10']} روپے کا ہوگیا۔",
                out, f"{d['id']}/{out}")


# ================================================================ Urdu: weather forecasts
WX = [
    dict(id="wx-ur-dry-coastal", prov="pakistantoday.tv ?p=95299",
         t1="محکمہ موسمیات کی ملک کے چند مقامات پر بارش کی پیشگوئی", t2="ملک کے بیشتر علاقوں میں موسم خشک رہے گا، بلوچستان کے ساحلی علاقوں میں بارش کا امکان",
         p=["محکمہ موسمیات کے مطابق آج ملک کے بیشتر علاقوں میں موسم خشک رہنے کا امکان ہے، تاہم خیبرپختونخوا میں مطلع جزوی ابر آلود رہے گا۔",
            "بلوچستان کے ساحلی علاقوں میں چند مقامات پر بارش بھی متوقع ہے، اسی طرح گلگت بلتستان میں مطلع جزوی ابرآلود رہنے اور ہلکی بارش کا امکان ہے۔",
            "وفاقی دارالحکومت اسلام آباد اور گردونواح میں موسم خشک رہنے کا امکان ہے، پنجاب کے بیشتر اضلاع میں بھی موسم خشک رہے گا۔",
            "مری، گلیات اور گردونواح میں موسم خشک اور سرد رہنے کی توقع ہے۔"]),
    dict(id="wx-ur-hot-murree", prov="aiknewshd.tv 19-Sep-2024/74541",
         t1="محکمہ موسمیات نے بارشوں کی پیشگوئی کردی", t2="مری، گلیات اور لاہور سمیت کئی شہروں میں گرج چمک کے ساتھ بارش کا امکان",
         p=["محکمہ موسمیات کا کہنا ہے کہ ملک کے بیشتر علاقوں میں موسم گرم اور خشک رہنے کا امکان ہے، اسلام آباد، سندھ اور پنجاب کے بیشتر اضلاع میں موسم گرم اور خشک رہے گا۔",
            "مری، گلیات، جہلم، گجرات، منڈی بہاؤالدین، گوجرانوالہ، سیالکوٹ، نارووال، لاہور، قصور، اوکاڑہ، ساہیوال اور فیصل آباد میں چند مقامات پر تیز ہواؤں اور گرج چمک کے ساتھ بارش کا امکان ہے۔",
            "خیبرپختونخوا کے بالائی اضلاع میں موسم خشک اور مطلع جزوی طور پر ابر آلود رہنے کا امکان ہے جبکہ بلوچستان کے بیشتر اضلاع میں موسم گرم اور خشک رہے گا۔",
            "کشمیر میں چند مقامات پر تیز ہواؤں اور گرج چمک کے ساتھ بارش کا امکان ہے جبکہ گلگت بلتستان میں موسم خشک رہنے کی توقع ہے۔"]),
    dict(id="wx-ur-premonsoon", prov="unnpakistan.com ?p=150935",
         t1="محکمہ موسمیات کی بدھ سے پری مون سون بارشوں کی پیشگوئی", t2="15 جون سے بالائی علاقوں میں گرج چمک کے ساتھ بارشوں کا امکان",
         p=["محکمہ موسمیات نے بدھ کی شام سے گرج چمک کے ساتھ پری مون سون بارشوں کی پیشگوئی کر دی ہے۔",
            "محکمہ موسمیات کے مطابق 15 جون سے بحیرہ عرب سے نم ہوائیں ملک کے بالائی علاقوں میں داخل ہوں گی جس کے باعث اسلام آباد، راولپنڈی، مری، اٹک، چکوال اور جہلم میں گرج چمک کے ساتھ بارش کا امکان ہے۔",
            "کشمیر اور گلگت بلتستان کے مختلف حصوں کے علاوہ چترال، دیر، سوات، ایبٹ آباد، کوہستان، مانسہرہ اور کوہاٹ میں بھی بارش متوقع ہے۔",
            "بلوچستان کے مختلف حصوں میں بھی بارش کا امکان ہے، شہریوں کو احتیاطی تدابیر اختیار کرنے کی ہدایت کی گئی ہے۔"]),
    dict(id="wx-ur-may-rain", prov="waqtnews.tv 16-May-2017/70763",
         t1="محکمہ موسمیات نے ملک کے مختلف حصوں میں بارشوں کی پیشگوئی کردی", t2="آئندہ 24 گھنٹوں میں مزید بارش کا امکان، کوٹلی میں سب سے زیادہ بارش ریکارڈ",
         p=["محکمہ موسمیات کے مطابق آئندہ چوبیس گھنٹے کے دوران اسلام آباد، راولپنڈی، گوجرانوالہ، لاہور، سرگودھا اور فیصل آباد ڈویژن میں کہیں کہیں بارش کا امکان ہے۔",
            "کوئٹہ، ژوب، ملتان، ساہیوال اور ڈی جی خان ڈویژن میں چند مقامات پر تیز ہواؤں اور گرج چمک کے ساتھ مزید بارش متوقع ہے۔",
            "گزشتہ چوبیس گھنٹوں میں سب سے زیادہ بارش کوٹلی آزاد کشمیر میں اٹھائیس ملی میٹر ریکارڈ کی گئی، قصور میں سترہ، سرگودھا میں بارہ اور لاہور میں آٹھ ملی میٹر بارش ہوئی۔",
            "اس دوران خیبرپختونخوا، کشمیر اور گلگت بلتستان میں بھی بارشوں کی پیشگوئی کی گئی ہے۔"]),
]
WX_BOILER = "شہری موسم کی تازہ ترین صورتحال جاننے کے لیے محکمہ موسمیات کی ویب سائٹ اور موبائل ایپ سے رجوع کر سکتے ہیں۔"


def wx_long(d, out):
    pre = {"geo_ur": "اسلام آباد: ", "dunya_ur": "اسلام آباد (دنیا نیوز) ", "express_ur": "اسلام آباد: "}[out]
    return item(d["t1"], "\n".join([pre + d["p"][0]] + d["p"][1:] + [WX_BOILER]), out, f"{d['id']}/{out}")


def wx_rw(d, out):
    pre = "اسلام آباد (نوائے وقت رپورٹ) "
    return item(d["t2"], "\n".join([pre + d["p"][1]] + [d["p"][0]] + d["p"][2:]), out, f"{d['id']}/{out}")


# ================================================================ Chinese: MFA regular press conference
MFA = [
    dict(id="mfa-2022-08-19", sp="汪文斌", date="8月19日",
         lead="2022年8月19日，外交部发言人汪文斌主持例行记者会。",
         pts=["有记者问，中非合作论坛第八届部长级会议成果落实协调人会议昨天以视频方式举行，你可否介绍会议情况及取得的成果？",
              "汪文斌表示，昨天，王毅国务委员兼外长在北京以视频方式主持中非合作论坛第八届部长级会议成果落实协调人会议。论坛非方共同主席国塞内加尔外长以及非洲各次区域代表、非盟委员会代表、非洲各国驻华使节与会。",
              "汪文斌说，这次会议是在国际形势风云变幻之下、在全球挑战层出不穷之时召开的。中非双方再次携手向国际社会发出加强团结合作、聚焦发展共赢、维护公平正义的时代强音。",
              "他表示，中方愿同非方一道，全面落实论坛成果，推动中非合作高质量发展。"],
         title="外交部：中非合作论坛成果落实协调人会议取得丰硕成果",
         prov="m.studyofnet.com 895770631 (2022年8月19日外交部发言人汪文斌主持例行记者会)"),
    dict(id="mfa-2012-11-16", sp="洪磊", date="11月16日",
         lead="2012年11月16日，外交部发言人洪磊主持例行记者会。",
         pts=["洪磊首先发布消息：应东盟轮值主席国柬埔寨首相洪森、泰国总理英拉邀请，国务院总理温家宝将于11月18日至21日出席在柬埔寨金边举行的第15次中国-东盟（10+1）领导人会议、东盟与中日韩（10+3）合作15周年纪念峰会和第七届东亚峰会，并对柬埔寨和泰国进行正式访问。",
              "有记者问，中方认为联合国安理会是否有必要介入巴以在加沙地带的冲突？洪磊说，当前地区形势进一步表明解决巴勒斯坦问题的重要性和紧迫性，希望国际社会予以更多重视。",
              "关于叙利亚问题，洪磊表示，有关各方所采取的行动应有利于制止在叙的一切暴力活动，推动叙问题的政治解决进程。",
              "关于日本新任驻华大使，洪磊说，中方正根据国际惯例和相关程序处理日本驻华大使轮换事宜。"],
         title="外交部：温家宝将出席东亚领导人系列会议并访问柬泰两国",
         prov="com3y.cn mirror of 2012年11月16日外交部发言人洪磊主持例行记者会"),
    dict(id="mfa-2015-07-22", sp="陆慷", date="7月22日",
         lead="外交部发言人陆慷22日就中国伐木人员被缅甸方面判刑答记者问时表示，中方对缅方有关判决高度关切，已向缅方提出交涉。",
         pts=["有记者问，据报道，缅方对中方非法越境伐木人员判处10年以上有期徒刑，中方对此有何评论？",
              "陆慷说，今年初缅方抓扣中方非法越境伐木人员后，中方多层级多渠道反复向缅方提出交涉，要求缅方考虑上述人员的实际情况，作出合法合理合情的处理，妥善了结此案并尽快将上述人员交还中方。",
              "他表示，我们对缅方有关判决高度关切，已向缅方提出交涉，要求缅方重视中方关切，综合考虑各方面因素，对此案作出妥善处理。",
              "陆慷还表示，中方一贯要求中国公民在海外遵守当地法律法规。"],
         title="外交部：中方已就中国伐木人员被缅方判刑向缅方提出交涉",
         prov="004km.cn mirror quoting 新华网北京7月22日电 (陆慷)"),
]
MFA_BOILER = "外交部例行记者会通常于工作日下午3时在外交部蓝厅举行，中外记者可就有关问题提问。"
MFA_MORE = ["发言人还就其他国际和地区热点问题回答了记者提问，表示中方愿同各方一道，维护地区和平稳定，推动构建人类命运共同体。",
            "发言人强调，中方始终坚持独立自主的和平外交政策，坚定维护国家主权、安全和发展利益。",
            "记者会上，多家中外媒体记者就双边关系、地区局势和多边合作等议题提问，发言人逐一作答。"]


def mfa_long(d, out):
    pre = {"xinhua": f"新华社北京{d['date']}电 ", "chinanews": f"中新社北京{d['date']}电 ", "people": "", "gmw": ""}[out]
    foot = {"chinanews": "（完）", "people": "（责编：张曦）", "gmw": "[ 责编：王鹏 ]"}.get(out)
    paras = [pre + d["lead"]] + d["pts"] + MFA_MORE + [MFA_BOILER]
    if foot:
        paras.append(foot)
    return item(d["title"], "\n".join(paras), out, f"{d['id']}/{out}")


def mfa_short(d, out):
    text = {"mfa-2022-08-19": d["pts"][1], "mfa-2012-11-16": d["pts"][0], "mfa-2015-07-22": d["lead"]}[d["id"]]
    return item(d["title"], text, out, f"{d['id']}/{out}")


# ================================================================ Chinese: A-share close (three consecutive sessions, autumn 2024)
ASH = [
    dict(id="ashare-2024-09-30", date="9月30日", sh=3336.50, pct=8.06, to="2.59万亿元", note="节前最后一个交易日，沪指创下2008年以来最大单日涨幅，成交额创历史新高", up="5300余只",
         prov="public reporting of the A-share close on 30 Sep 2024 (figures as widely reported)"),
    dict(id="ashare-2024-10-08", date="10月8日", sh=3489.78, pct=4.59, to="3.48万亿元", note="国庆假期后首个交易日，两市成交额再创历史纪录，盘中沪指一度逼近3700点", up="5000余只",
         prov="public reporting of the A-share close on 8 Oct 2024"),
    dict(id="ashare-2024-10-09", date="10月9日", sh=3258.86, pct=-6.62, to="2.3万亿元", note="市场出现大幅调整，创业板指跌逾10%", up="不足300只",
         prov="public reporting of the A-share close on 9 Oct 2024"),
]


def ash_long(d, out):
    up = d["pct"] > 0
    pre = {"chinanews": f"中新社北京{d['date']}电 ", "thepaper": "", "sina": ""}[out]
    paras = [pre + f"{d['date']}，A股三大指数{'集体大涨' if up else '集体下跌'}。截至收盘，上证指数{'涨' if up else '跌'}{abs(d['pct'])}%，报{d['sh']}点；两市全天成交额{d['to']}。",
             f"从盘面看，{d['note']}。两市上涨个股{d['up']}。",
             "分析人士表示，近期一揽子增量政策密集出台，市场信心有所修复，但短期波动加大，投资者应理性看待市场涨跌，注意防范风险。",
             "板块方面，券商、多元金融、房地产、白酒等板块表现活跃，半导体、软件开发板块波动较大。",
             "北向资金方面，由于相关数据披露规则调整，市场主要关注两市融资余额变化，数据显示两融余额近期持续回升。",
             "机构认为，后续市场走势将取决于政策落地效果和经济基本面改善情况，中长期资金入市有望为市场带来增量资金。",
             "港股方面，恒生指数当日同样出现较大波动，恒生科技指数成交活跃，南向资金持续流入。",
             "债券市场方面，国债期货各主力合约走势分化，十年期国债收益率小幅波动。",
             "有市场人士提醒，投资者应关注上市公司基本面，避免盲目追涨杀跌，注意控制仓位和杠杆风险。",
             "证监会此前表示，将坚持稳中求进，积极推动中长期资金入市，持续提升上市公司质量，促进资本市场平稳健康发展。"]
    foot = {"chinanews": "（完）", "sina": "责任编辑：赵静"}.get(out)
    if foot:
        paras.append(foot)
    title = f"A股收盘：沪指{'涨' if up else '跌'}{abs(d['pct'])}% 报{d['sh']}点 成交额{d['to']}"
    if out == "thepaper":
        title = f"{d['date']}收评｜沪指{'大涨' if up else '大跌'}{abs(d['pct'])}%，两市成交{d['to']}"
    return item(title, "\n".join(paras), out, f"{d['id']}/{out}")


def ash_short(d, out):
    up = d["pct"] > 0
    return item(f"沪指{'涨' if up else '跌'}{abs(d['pct'])}%收报{d['sh']}点",
                f"【快讯】{d['date']}收盘，上证指数{'涨' if up else '跌'}{abs(d['pct'])}%，报{d['sh']}点，沪深两市成交额{d['to']}。", out, f"{d['id']}/{out}")


# ================================================================ Chinese: monthly CPI (a monthly figure and the next month's)
CPI = [
    dict(id="cn-cpi-2022-09", m="9月", y=2.8, mm=0.3, food="猪肉价格上涨", prov="read100.cn topics 6285922 (9月CPI同比上涨2.8%)"),
    dict(id="cn-cpi-2023-01", m="1月", y=2.1, mm=0.8, food="春节因素带动食品和服务价格上涨", prov="xskkj.cn artlook newsid=1255 (2023年1月CPI、PPI数据解读)"),
    dict(id="cn-cpi-2023-02", m="2月", y=1.0, mm=-0.5, food="节后消费需求回落，食品价格下降", prov="public reporting of China's February 2023 CPI"),
]


def cpi_long(d, out):
    pre = {"xinhua": "新华社北京电 ", "chinanews": "中新社北京电 ", "people": ""}[out]
    paras = [pre + f"国家统计局今天发布数据显示，{d['m']}份，全国居民消费价格指数（CPI）同比上涨{d['y']}%，环比{'上涨' if d['mm'] > 0 else '下降'}{abs(d['mm'])}%。",
             f"国家统计局城市司首席统计师董莉娟解读说，{d['m']}份，{d['food']}，是影响CPI变动的主要因素。",
             "从环比看，食品价格和非食品价格走势分化，鲜菜、鲜果价格受季节和天气因素影响波动较大，能源价格随国际油价变动而调整。",
             "从同比看，扣除食品和能源价格的核心CPI保持温和上涨，表明国内消费需求总体稳定。",
             "同日发布的数据显示，全国工业生产者出厂价格指数（PPI）同比继续下降，降幅与上月相比有所变化。",
             "专家认为，当前我国物价总体保持平稳运行，不存在长期通胀或通缩的基础，后续CPI有望保持温和上涨态势。",
             "分类别看，食品烟酒、衣着、居住、生活用品及服务、交通通信、教育文化娱乐、医疗保健等八大类价格同比有涨有降。",
             "国家统计局表示，随着扩内需政策效果逐步显现，消费市场持续恢复，服务消费需求增加，相关价格有所上涨。",
             "有分析人士指出，猪肉、鲜菜等食品价格波动仍是影响CPI走势的重要因素，能源价格则主要受国际原油价格变动影响。",
             "数据发布后，市场普遍预计货币政策将继续保持稳健，为经济恢复营造适宜的货币金融环境。"]
    foot = {"chinanews": "（完）", "people": "（责编：孙静波）"}.get(out)
    if foot:
        paras.append(foot)
    return item(f"国家统计局：{d['m']}份CPI同比上涨{d['y']}%", "\n".join(paras), out, f"{d['id']}/{out}")


def cpi_short(d, out):
    return item(f"{d['m']}份CPI同比上涨{d['y']}%", f"国家统计局今天发布数据，{d['m']}份全国居民消费价格同比上涨{d['y']}%，环比{'上涨' if d['mm'] > 0 else '下降'}{abs(d['mm'])}%。", out, f"{d['id']}/{out}")


# ================================================================ digests (English, Urdu)
DIGEST = [
    dict(id="digest-en-1", out="dawn", title="Morning digest: top stories you need to know",
         lines=["Levies officer martyred in attack on Kalat check post", "Govt-PTI talks remain stalled as deadline passes",
                "Champions Trophy: national squad begins training in Karachi", "Petrol price kept unchanged for next fortnight",
                "Rain, snowfall forecast in upper parts from Wednesday"]),
    dict(id="digest-en-2", out="tribune", title="Today's top stories",
         lines=["Jaffar Express attacked in Bolan, passengers held hostage", "SBP keeps policy rate unchanged at 12pc",
                "Ramazan relief package announced for utility stores", "Senate passes bill on digital rights authority",
                "Karachi water shortage: residents protest in Korangi"]),
    dict(id="digest-en-3", out="thenews", title="News in brief: the day's main headlines",
         lines=["PSX crosses 100,000 mark for the first time", "Gold price rises in local market",
                "Smog: Punjab extends closure of schools in Lahore", "Met Office forecasts dry, cold weather",
                "Internet services restored in Islamabad"]),
]
DIGEST_UR = [
    dict(id="digest-ur-1", out="jang", title="آج کی اہم خبریں ایک نظر میں",
         lines=["قلات میں لیویز چیک پوسٹ پر حملہ، ایک اہلکار شہید", "ملک کے بیشتر علاقوں میں موسم خشک رہنے کا امکان",
                "سونے کی فی تولہ قیمت میں اضافہ", "چیمپئنز ٹرافی: قومی ٹیم کا تربیتی کیمپ جاری"]),
    dict(id="digest-ur-2", out="express_ur", title="دن بھر کی اہم خبریں",
         lines=["بنوں اور کرم میں آپریشن، 13 خوارج ہلاک", "اسٹاک ایکسچینج میں ملا جلا رجحان",
                "سردی کی شدت میں اضافہ، کوئٹہ میں درجہ حرارت نقطہ انجماد سے نیچے", "حکومت اور پی ٹی آئی کے درمیان مذاکرات کا تیسرا دور"]),
]


def digest_item(d):
    if d["title"].isascii():
        text = "\n".join(f"• {l}" for l in d["lines"]) + "\nRead these and more stories on our website and follow us for updates through the day."
    else:
        text = "\n".join(f"• {l}" for l in d["lines"]) + "\nمزید تفصیلات کے لیے ہماری ویب سائٹ ملاحظہ کریں۔"
    return item(d["title"], text, d["out"], f"{d['id']}/{d['out']}")


# ================================================================ prayer times (Urdu)
PRAYER = [
    dict(id="prayer-ur-khi-a", out="jang", title="کراچی: آج کے اوقات نماز", lines=["فجر 5:38", "ظہر 12:33", "عصر 4:18", "مغرب 5:49", "عشاء 7:08"]),
    dict(id="prayer-ur-khi-b", out="ary_ur", title="اوقات نماز کراچی", lines=["فجر 5:41", "ظہر 12:35", "عصر 4:19", "مغرب 5:50", "عشاء 7:10"]),
]


def F(fn, out, *args):
    """An item maker: the instance d rendered by outlet out."""
    return lambda d: fn(d, out, *args)


# per frame: its instances, the same-instance pairs and the next-instance pairs, as (a, b, kind)
FRAMES = [
    (PSX, [(F(psx_mid, "ary"), F(psx_long, "brecorder"), "short"), (F(psx_short, "app"), F(psx_long, "brecorder"), "short")],
     [(F(psx_short, "app"), F(psx_long, "dawn"), "same-frame")]),
    (SENSEX, [(F(sensex_short, "bs"), F(sensex_long, "ht"), "short")],
     [(F(sensex_long, "ht"), F(sensex_long, "ie"), "same-frame"), (F(sensex_short, "bs"), F(sensex_long, "ht"), "same-frame")]),
    (FO, [(F(fo_long, "app"), F(fo_long, "dawn", 1), "rewrite"), (F(fo_short, "radiopak"), F(fo_long, "app"), "short")],
     [(F(fo_long, "app"), F(fo_long, "thenews"), "same-frame"), (F(fo_short, "radiopak"), F(fo_long, "dawn", 1), "same-frame")]),
    (GOLD, [(F(gold_long, "jang"), F(gold_long, "express_ur"), "rewrite"), (F(gold_short, "geo_ur"), F(gold_long, "jang"), "short")],
     [(F(gold_long, "jang"), F(gold_long, "express_ur"), "same-frame"), (F(gold_short, "geo_ur"), F(gold_long, "jang"), "same-frame")]),
    (WX, [(F(wx_long, "geo_ur"), F(wx_rw, "nawaiwaqt"), "rewrite")],
     [(F(wx_long, "dunya_ur"), F(wx_rw, "nawaiwaqt"), "same-frame")]),
    (MFA, [(F(mfa_long, "xinhua"), F(mfa_long, "people"), "syndication"), (F(mfa_short, "gmw"), F(mfa_long, "chinanews"), "short")],
     [(F(mfa_long, "xinhua"), F(mfa_long, "chinanews"), "same-frame"), (F(mfa_short, "gmw"), F(mfa_long, "people"), "same-frame")]),
    (ASH, [(F(ash_long, "chinanews"), F(ash_long, "thepaper"), "rewrite"), (F(ash_short, "sina"), F(ash_long, "chinanews"), "short")],
     [(F(ash_long, "thepaper"), F(ash_long, "chinanews"), "same-frame"), (F(ash_short, "sina"), F(ash_long, "thepaper"), "same-frame")]),
    # a monthly figure and the next month's are different events (guideline)
    (CPI, [(F(cpi_short, "people"), F(cpi_long, "xinhua"), "short")],
     [(F(cpi_long, "xinhua"), F(cpi_long, "chinanews"), "different-event"),
      (F(cpi_short, "people"), F(cpi_long, "chinanews"), "different-event-short")]),
]
SAME_KINDS = {"short", "rewrite", "syndication"}


def pairs():
    out = []
    for days, same, cross in FRAMES:
        for d in days:
            out += [P(a(d), b(d), True, k) for a, b, k in same]
        for i, d in enumerate(days):
            nxt = days[(i + 1) % len(days)]
            out += [P(a(d), b(nxt), k in SAME_KINDS, k) for a, b, k in cross]
    # PSX: every other pair of days also as a shorter report vs a full one
    out += [P(psx_mid(PSX[i], "ary"), psx_long(PSX[j], "brecorder"), False, "same-frame")
            for i in range(len(PSX)) for j in range(len(PSX)) if (i + j) % 2 == 1]
    # digests and prayer times
    for x, y in ((DIGEST[0], DIGEST[1]), (DIGEST[1], DIGEST[2]), (DIGEST_UR[0], DIGEST_UR[1]), (PRAYER[0], PRAYER[1])):
        out.append(P(digest_item(x), digest_item(y), False, "same-frame"))
    return out


PROVENANCE = ([(d["id"], d["prov"]) for d in PSX + SENSEX + FO + GOLD + WX + MFA + ASH + CPI])
