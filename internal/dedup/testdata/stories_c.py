# Story pool, part C: Chinese and Urdu copy, CPEC.
from stories_b import EVENTS

EVENTS.append(dict(
    id="cn-gdp-q3", family="cn-gdp",
    wire=dict(source="xinhua-cn", title="前三季度国内生产总值同比增长4.8%",
        paras=[
            "新华社北京10月18日电 国家统计局18日发布数据，初步核算，前三季度国内生产总值949746亿元，按不变价格计算，同比增长4.8%。",
            "分季度看，一季度同比增长5.3%，二季度增长4.7%，三季度增长4.6%。",
            "国家统计局新闻发言人付凌晖在国务院新闻办公室新闻发布会上表示，前三季度国民经济运行总体平稳、稳中有进。",
            "9月份，社会消费品零售总额同比增长3.2%，规模以上工业增加值同比增长5.4%。",
        ]),
    synd=[dict(source="chinanews", title="统计局：前三季度GDP同比增长4.8%",
               foot="责任编辑：李明。来源：新华网。")],
    rewrites=[
        dict(source="people-cn", title="三季度GDP增长4.6% 前三季度经济运行总体平稳",
             lead="国家统计局10月18日公布，三季度我国国内生产总值同比增长4.6%，前三季度累计增长4.8%，经济运行稳中有进。"),
    ],
    shorts=[dict(source="sina-short", title="前三季度GDP同比增长4.8%",
                 text="国家统计局18日发布，三季度GDP同比增长4.6%，9月社会消费品零售总额增长3.2%。")],
))

EVENTS.append(dict(
    id="cn-gdp-q2", family="cn-gdp",
    wire=dict(source="xinhua-cn", title="上半年国内生产总值同比增长5.0%",
        paras=[
            "新华社北京7月15日电 国家统计局15日发布数据，初步核算，上半年国内生产总值616836亿元，按不变价格计算，同比增长5.0%。",
            "分季度看，一季度同比增长5.3%，二季度增长4.7%。",
            "国家统计局新闻发言人刘爱华在国务院新闻办公室新闻发布会上表示，上半年国民经济运行总体平稳、稳中有进。",
            "6月份，社会消费品零售总额同比增长2.0%，规模以上工业增加值同比增长5.3%。",
        ]),
    synd=[dict(source="chinanews", title="统计局：上半年GDP同比增长5.0%",
               foot="责任编辑：王芳。来源：新华网。")],
    shorts=[dict(source="sina-short", title="上半年GDP同比增长5.0%",
                 text="国家统计局15日发布，二季度GDP同比增长4.7%，6月社会消费品零售总额增长2.0%。")],
))

EVENTS.append(dict(
    id="cpec-jcc", family="cpec",
    wire=dict(source="xinhua", title="China, Pakistan hold 13th JCC meeting on CPEC",
        paras=[
            "BEIJING, Nov 14 (Xinhua) -- China and Pakistan held the 13th meeting of the Joint Cooperation Committee of the China-Pakistan Economic Corridor via video link on Thursday, agreeing to speed up work on the ML-1 railway upgrade and the Karakoram Highway realignment.",
            "The meeting was co-chaired by Zhao Chenxin, vice chairman of China's National Development and Reform Commission, and Pakistan's Minister for Planning Ahsan Iqbal.",
            "The two sides signed minutes covering cooperation in special economic zones, agriculture, mining and information technology, according to a statement.",
            "Iqbal said security for Chinese nationals working on CPEC projects remained the government's top priority.",
        ]),
    rewrites=[
        dict(source="tribune", title="ML-1, KKH realignment top agenda as CPEC JCC meets",
             lead="Pakistan and China on Thursday agreed to fast-track the Main Line-1 railway and the realignment of the Karakoram Highway at the 13th Joint Cooperation Committee of CPEC, held virtually."),
    ],
    synd=[dict(source="cgtn", title="China, Pakistan agree to speed up CPEC projects at 13th JCC",
               foot="Follow CGTN on Facebook and X. Copyright CGTN. All rights reserved.")],
    shorts=[dict(source="dawn-short", title="13th CPEC JCC agrees to fast-track ML-1",
                 text="Ahsan Iqbal and NDRC vice chairman Zhao Chenxin co-chaired the virtual meeting on Thursday; minutes on SEZs, mining and IT were signed.")],
))

EVENTS.append(dict(
    id="cpec-wangyi-dar", family="cpec",
    wire=dict(source="xinhua", title="Wang Yi holds talks with Pakistani Deputy PM Ishaq Dar",
        paras=[
            "BEIJING, May 20 (Xinhua) -- Chinese Foreign Minister Wang Yi held talks with Pakistani Deputy Prime Minister and Foreign Minister Ishaq Dar in Beijing on Tuesday.",
            "Wang said China and Pakistan are ironclad friends and that China will continue to firmly support Pakistan in safeguarding its sovereignty and territorial integrity.",
            "The two sides agreed to build an upgraded version of the China-Pakistan Economic Corridor and to extend it to Afghanistan.",
            "Dar said Pakistan will spare no effort to ensure the safety of Chinese personnel, projects and institutions in Pakistan.",
        ]),
    rewrites=[
        dict(source="tribune", title="Dar, Wang agree on CPEC 2.0, extension to Afghanistan",
             lead="Deputy Prime Minister Ishaq Dar and Chinese Foreign Minister Wang Yi agreed in Beijing on Tuesday to upgrade the China-Pakistan Economic Corridor and take it into Afghanistan."),
    ],
    shorts=[dict(source="dawn-short", title="Wang Yi, Dar meet in Beijing, back CPEC extension",
                 text="China will firmly support Pakistan's sovereignty, Wang says; Dar pledges security for Chinese personnel and projects.")],
))

EVENTS.append(dict(
    id="cn-cpec-jcc", family="cn-cpec",
    wire=dict(source="xinhua-cn", title="中巴经济走廊联合合作委员会第十三次会议召开",
        paras=[
            "新华社北京11月14日电 中巴经济走廊联合合作委员会第十三次会议14日以视频方式召开。",
            "国家发展改革委副主任赵辰昕与巴基斯坦计划发展和特别倡议部部长伊克巴尔共同主持会议。",
            "双方同意加快推进1号铁路干线升级改造和喀喇昆仑公路改线项目，并签署了会议纪要，涵盖经济特区、农业、矿业和信息技术等领域合作。",
            "伊克巴尔表示，巴方将把保障在巴中国人员安全作为首要任务。",
        ]),
    synd=[dict(source="chinanews", title="中巴经济走廊联委会第十三次会议以视频方式召开",
               foot="原标题：中巴经济走廊联合合作委员会第十三次会议召开。责任编辑：张伟。")],
    shorts=[dict(source="sina-short", title="中巴经济走廊联委会第十三次会议召开",
                 text="双方同意加快推进1号铁路干线升级改造和喀喇昆仑公路改线项目。")],
))

EVENTS.append(dict(
    id="cn-cpec-wangyi", family="cn-cpec",
    wire=dict(source="xinhua-cn", title="王毅同巴基斯坦副总理兼外长达尔会谈",
        paras=[
            "新华社北京5月20日电 5月20日，中共中央政治局委员、外交部长王毅在北京同巴基斯坦副总理兼外长达尔举行会谈。",
            "王毅表示，中巴是铁杆朋友，中方将继续坚定支持巴方维护国家主权和领土完整。",
            "双方同意共同打造中巴经济走廊升级版，推动走廊向阿富汗延伸。",
            "达尔表示，巴方将全力保障在巴中国人员、项目和机构安全。",
        ]),
    synd=[dict(source="chinanews", title="王毅同巴基斯坦副总理兼外长达尔举行会谈",
               foot="责任编辑：陈晨。来源：外交部网站。")],
    shorts=[dict(source="sina-short", title="王毅同达尔会谈 推动中巴经济走廊向阿富汗延伸",
                 text="双方同意共同打造中巴经济走廊升级版，达尔表示将全力保障在巴中国人员安全。")],
))

EVENTS.append(dict(
    id="ur-petrol-cut", family="ur-petrol",
    wire=dict(source="app-urdu", title="پیٹرول کی قیمت میں 10 روپے فی لیٹر کمی",
        paras=[
            "اسلام آباد (اے پی پی) وفاقی حکومت نے آئندہ پندرہ روز کے لیے پیٹرول کی قیمت میں 10 روپے 20 پیسے فی لیٹر کمی کا اعلان کر دیا ہے۔",
            "وزارت خزانہ کے نوٹیفکیشن کے مطابق پیٹرول کی نئی قیمت 252 روپے 10 پیسے فی لیٹر مقرر کی گئی ہے جبکہ ہائی اسپیڈ ڈیزل کی قیمت میں 6 روپے 70 پیسے کمی کی گئی ہے۔",
            "نئی قیمتوں کا اطلاق رات بارہ بجے سے ہوگا۔",
            "وزیر خزانہ محمد اورنگزیب نے کہا کہ عالمی منڈی میں تیل کی قیمتوں میں کمی کا فائدہ عوام کو منتقل کیا جا رہا ہے۔",
        ]),
    synd=[dict(source="jang", title="پیٹرول 10 روپے 20 پیسے سستا، نئی قیمت 252 روپے",
               foot="یہ بھی پڑھیں: بجلی کے نرخوں میں کمی کا امکان۔ ہمیں فالو کریں فیس بک اور ٹوئٹر پر۔")],
    rewrites=[
        dict(source="express-urdu", title="عوام کے لیے خوشخبری، پیٹرول سستا ہو گیا",
             lead="حکومت نے عوام کو ریلیف دیتے ہوئے پیٹرول 10 روپے 20 پیسے اور ڈیزل 6 روپے 70 پیسے فی لیٹر سستا کر دیا، پیٹرول کی نئی قیمت 252 روپے 10 پیسے ہو گئی۔"),
    ],
    shorts=[dict(source="geo-urdu-short", title="پیٹرول 10 روپے 20 پیسے فی لیٹر سستا",
                 text="پیٹرول کی نئی قیمت 252 روپے 10 پیسے مقرر، ڈیزل بھی 6 روپے 70 پیسے سستا، اطلاق رات بارہ بجے سے ہوگا۔")],
))

EVENTS.append(dict(
    id="ur-petrol-hike", family="ur-petrol",
    wire=dict(source="app-urdu", title="پیٹرول کی قیمت میں 5 روپے 36 پیسے فی لیٹر اضافہ",
        paras=[
            "اسلام آباد (اے پی پی) وفاقی حکومت نے آئندہ پندرہ روز کے لیے پیٹرول کی قیمت میں 5 روپے 36 پیسے فی لیٹر اضافے کا اعلان کر دیا ہے۔",
            "وزارت خزانہ کے نوٹیفکیشن کے مطابق پیٹرول کی نئی قیمت 258 روپے 43 پیسے فی لیٹر مقرر کی گئی ہے جبکہ ہائی اسپیڈ ڈیزل کی قیمت میں 3 روپے 85 پیسے اضافہ کیا گیا ہے۔",
            "نئی قیمتوں کا اطلاق رات بارہ بجے سے ہوگا۔",
            "حکام کا کہنا ہے کہ عالمی منڈی میں خام تیل کی قیمتوں میں اضافے کے باعث یہ فیصلہ کیا گیا۔",
        ]),
    synd=[dict(source="jang", title="پیٹرول 5 روپے 36 پیسے مہنگا، نئی قیمت 258 روپے",
               foot="یہ بھی پڑھیں: گیس کی قیمتوں میں اضافے کی سمری تیار۔ ہمیں فالو کریں فیس بک اور ٹوئٹر پر۔")],
    shorts=[dict(source="geo-urdu-short", title="پیٹرول 5 روپے 36 پیسے فی لیٹر مہنگا",
                 text="پیٹرول کی نئی قیمت 258 روپے 43 پیسے مقرر، ڈیزل 3 روپے 85 پیسے مہنگا کر دیا گیا۔")],
))

EVENTS.append(dict(
    id="ur-quake-swat", family="ur-quake",
    wire=dict(source="app-urdu", title="سوات اور گردونواح میں 5.2 شدت کا زلزلہ",
        paras=[
            "پشاور (اے پی پی) سوات، مالاکنڈ اور خیبر پختونخوا کے دیگر علاقوں میں منگل کی شام زلزلے کے جھٹکے محسوس کیے گئے جس کی شدت ریکٹر اسکیل پر 5.2 ریکارڈ کی گئی۔",
            "محکمہ موسمیات کے مطابق زلزلے کا مرکز افغانستان کا ہندوکش ریجن تھا اور اس کی گہرائی 210 کلومیٹر تھی۔",
            "زلزلے کے باعث لوگ کلمہ طیبہ کا ورد کرتے ہوئے گھروں سے باہر نکل آئے۔",
            "پی ڈی ایم اے کے مطابق کسی جانی یا مالی نقصان کی اطلاع نہیں ملی۔",
        ]),
    synd=[dict(source="jang", title="سوات، مالاکنڈ میں زلزلے کے جھٹکے",
               foot="مزید خبریں پڑھنے کے لیے ہماری ویب سائٹ دیکھیں۔ جملہ حقوق محفوظ ہیں۔")],
    shorts=[dict(source="geo-urdu-short", title="سوات میں 5.2 شدت کا زلزلہ، کوئی نقصان نہیں",
                 text="زلزلے کا مرکز ہندوکش ریجن اور گہرائی 210 کلومیٹر تھی، پی ڈی ایم اے کے مطابق کوئی نقصان نہیں ہوا۔")],
))

EVENTS.append(dict(
    id="ur-quake-quetta", family="ur-quake",
    wire=dict(source="app-urdu", title="کوئٹہ اور گردونواح میں 4.7 شدت کا زلزلہ",
        paras=[
            "کوئٹہ (اے پی پی) کوئٹہ، پشین اور قلعہ عبداللہ میں جمعہ کی صبح زلزلے کے جھٹکے محسوس کیے گئے جس کی شدت ریکٹر اسکیل پر 4.7 ریکارڈ کی گئی۔",
            "محکمہ موسمیات کے مطابق زلزلے کا مرکز کوئٹہ سے 40 کلومیٹر شمال میں تھا اور اس کی گہرائی 15 کلومیٹر تھی۔",
            "زلزلے کے باعث شہری خوفزدہ ہو کر گھروں سے باہر نکل آئے۔",
            "پی ڈی ایم اے بلوچستان کے مطابق پشین میں دو کچے مکانات کی دیواریں گر گئیں تاہم کوئی جانی نقصان نہیں ہوا۔",
        ]),
    shorts=[dict(source="geo-urdu-short", title="کوئٹہ میں 4.7 شدت کا زلزلہ",
                 text="زلزلے کا مرکز کوئٹہ سے 40 کلومیٹر شمال میں تھا، پشین میں دو کچے مکانات کی دیواریں گر گئیں۔")],
))
