# More context paragraphs, appended to the pools in events_*.py. Outlets pad their full
# articles with context of this kind; each full article picks a rotation of its pool.
BG = {}

BG["baloch"] = [
    "According to figures compiled by the Pakistan Institute for Conflict and Security Studies, Balochistan recorded more militant attacks last year than in any year since 2014, with most of them targeting security personnel.",
    "The provincial home department has announced the installation of surveillance cameras and the construction of new check posts along the N-25 and N-40 highways, which carry most of the traffic between Quetta, Karachi and the Iranian border.",
    "Officials have also said that Levies and police personnel deployed at remote posts would be provided with better weapons, bullet-proof jackets and communication equipment.",
    "The opposition in the provincial assembly has criticised the government's security policy, saying that force alone would not bring peace and that political dialogue with disgruntled groups was needed.",
    "Human rights organisations have called for transparent investigations into the attacks and for compensation to the families of victims, many of whom are daily wage earners.",
]
BG["kp"] = [
    "The provincial government has announced a compensation package for the families of police and security personnel martyred in the line of duty, including a cash grant, a plot and a job for one family member.",
    "Police in the southern districts have complained of a shortage of modern weapons, armoured vehicles and night-vision equipment, and the provincial government has promised to address the shortfall in the next budget.",
    "Local jirgas in several districts have demanded that the federal and provincial governments take their elders into confidence before launching operations, fearing displacement of residents.",
    "Pakistan and Afghanistan share a 2,600-kilometre border, much of which has been fenced by Pakistan in recent years, a move Kabul has never formally accepted.",
    "The National Counter Terrorism Authority has said that it is working with provincial counter-terrorism departments to improve intelligence sharing and the prosecution of arrested militants.",
]
BG["cn-sec"] = [
    "Chinese companies working on power plants, dams, roads and the Gwadar port have been asked to move their staff only in bullet-proof vehicles and with police escorts.",
    "In 2021 a bus carrying Chinese engineers to the Dasu hydropower project was attacked near the same area, killing nine Chinese nationals and four Pakistanis.",
    "Pakistani officials have held several meetings with Chinese diplomats and company representatives on a new security framework for CPEC projects and Chinese citizens working outside them.",
    "Analysts say repeated attacks on Chinese nationals have slowed work on some projects and made Chinese investors more cautious about new commitments in Pakistan.",
]
BG["dar-china"] = [
    "Pakistan owes a large part of its external debt to Chinese lenders, and Beijing has repeatedly rolled over loans and deposits to help Islamabad meet its external financing needs.",
    "The two countries also cooperate closely in defence production and space, and China launched a Pakistani communications satellite and a multi-mission satellite in the past two years.",
    "Beijing has repeatedly asked Islamabad to ensure the security of Chinese nationals after a series of attacks on Chinese workers in Balochistan, Khyber Pakhtunkhwa and Sindh.",
    "Pakistan's Foreign Office said the visit was part of the regular high-level exchanges between the two countries and reflected the importance both sides attached to deepening the partnership.",
    "Trade between the two countries stood at over $23 billion last year, heavily in China's favour, and Pakistan has been seeking greater access for its agricultural products in the Chinese market.",
]
BG["rail"] = [
    "Pakistan Railways has said that it is working with the provincial government and the Frontier Corps to provide security along the tracks in sensitive areas, including the Bolan Pass and the Sibi division.",
    "Passenger numbers on trains from Quetta have fallen in recent months, with many travellers preferring buses or flights because of repeated suspensions.",
    "The railway line through the Bolan Pass passes through a series of tunnels and bridges built in the late nineteenth century, which makes it difficult to protect and slow to repair.",
    "The federal interior minister said that the government would not be cowed by terrorists and that those behind attacks on civilians would be brought to justice.",
]
BG["kashmir"] = [
    "According to official figures, the number of local youths joining militant ranks has declined in recent years, while the proportion of foreign terrorists among those killed has increased.",
    "Security agencies say militants have shifted part of their activity to the forested areas of the Jammu region, where several deadly ambushes on army vehicles have taken place.",
    "The Jammu and Kashmir Police have attached the properties of several militants and their handlers under the Unlawful Activities (Prevention) Act.",
    "Political parties in the Union Territory have called for a review of the security situation and for the restoration of statehood, which was promised by the Centre.",
    "Officials said the bodies of slain militants would be buried in designated graveyards in remote areas, in keeping with a policy adopted in 2020 to avoid large funeral gatherings.",
]
BG["pahalgam"] = [
    "The attack came days before the start of the peak summer tourist season and weeks before the annual Amarnath Yatra, for which security arrangements were being reviewed.",
    "Hotel owners, pony operators and taxi drivers in Pahalgam, most of whom depend on tourism, held a protest march condemning the killings.",
    "Political leaders across party lines in Jammu and Kashmir condemned the attack, and several organisations called for a shutdown across the valley.",
    "Airlines added extra flights from Srinagar and capped fares after a rush of tourists seeking to leave the valley, the civil aviation ministry said.",
    "The Resistance Front, which security agencies describe as a proxy of the Pakistan-based Lashkar-e-Taiba, was named by officials in connection with the attack.",
]
BG["aviation"] = [
    "The Directorate General of Civil Aviation ordered enhanced safety inspections of Air India's fleet of Boeing 787 aircraft, covering fuel parameters, cabin air compressors and take-off parameters.",
    "Air India announced an interim compensation of Rs 25 lakh for the families of those killed, in addition to the Rs 1 crore announced by the Tata group.",
    "Families of several victims travelled to Ahmedabad to give DNA samples for identification, and the process took several days because of the extent of burns.",
    "Aviation experts said it was too early to speculate on the cause and that the flight data and cockpit voice recorders would be key to the investigation.",
    "The crash was the deadliest aviation disaster in India in nearly three decades.",
]
BG["mumbai-rain"] = [
    "The IMD's colour-coded warnings range from green, meaning no action, to yellow, orange and red, with the last indicating that authorities should take action to protect lives.",
    "Schools in parts of the Mumbai Metropolitan Region have in the past been shut on red alert days on the orders of the district collectors.",
    "The Mumbai Fire Brigade said it had received calls about waterlogging, tree falls and short circuits from several areas during the spell.",
    "Mumbai's lakes, which supply drinking water to the city, had received below-normal inflows until the heavy spell, according to the civic water department.",
    "Traffic police advised motorists to avoid the Milan subway, Andheri subway and King's Circle, which are prone to flooding.",
]
BG["rbi"] = [
    "The repo rate is the rate at which the RBI lends short-term funds to commercial banks, and changes in it are transmitted to loan and deposit rates over time.",
    "Industry bodies welcomed the decision, saying lower borrowing costs would support investment and consumption at a time of global uncertainty.",
    "Bond yields moved lower after the announcement, and the rupee was little changed against the US dollar.",
    "The next meeting of the Monetary Policy Committee is scheduled in two months, the RBI said.",
    "The government has mandated the central bank to keep retail inflation at 4 per cent, with a tolerance band of 2 percentage points on either side.",
]
BG["sbp"] = [
    "The policy rate is the rate at which the State Bank lends to commercial banks, and it serves as the benchmark for lending and deposit rates across the economy.",
    "The stock market has rallied sharply over the past year on expectations of lower interest rates, with investors shifting money from fixed income to equities.",
    "The government is the largest borrower from commercial banks, and lower interest rates reduce the cost of servicing domestic debt, which consumes the largest share of the federal budget.",
    "The central bank said it would announce its next monetary policy decision in about six weeks.",
    "The SBP governor held a press conference after the meeting to explain the decision to journalists and analysts.",
]
BG["pak-cpi"] = [
    "The State Bank of Pakistan uses the CPI as the main measure of inflation in setting the policy rate, and the monetary policy committee is due to meet later this month.",
    "Analysts at brokerage houses said the low reading was broadly in line with their expectations and that inflation was likely to rise again towards the end of the fiscal year.",
    "The Sensitive Price Indicator, which tracks the prices of 51 essential items on a weekly basis, has also shown a decline over the past several weeks.",
    "Consumers, however, say that prices of many items have not come down, since low inflation means prices are rising more slowly rather than falling.",
    "The IMF has projected average inflation for the current fiscal year well below the government's budget target.",
]
BG["india-china"] = [
    "Prime Minister Narendra Modi and President Xi Jinping met in Kazan on the sidelines of the BRICS summit in October 2024, their first formal meeting in five years.",
    "The Special Representatives' mechanism on the boundary question, led on the Indian side by the National Security Adviser, had not met for five years until it resumed in December 2024.",
    "Indian officials have said that peace and tranquillity in the border areas are the basis for normal ties, while China has argued that the boundary question should be kept in its appropriate place.",
    "The SCO, which includes China, Russia, India, Pakistan, Iran and the Central Asian states, holds its summit in Tianjin this year under China's chairship.",
    "Bilateral trade reached over $118 billion last year, making China one of India's two largest trading partners.",
]
BG["space"] = [
    "The Tiangong station consists of the Tianhe core module and the Wentian and Mengtian lab modules, and is designed to operate for at least 10 years.",
    "The China Manned Space Agency said the crew had undergone training in more than 200 subjects, including spacewalks, robotic arm operation and emergency drills.",
    "China has also invited foreign astronauts to take part in future missions, and a Pakistani astronaut is expected to fly to the station as a payload specialist.",
    "The launch was watched by crowds of spectators at the Dongfeng Aerospace City, and the mission was broadcast live on state television.",
    "Cargo spacecraft of the Tianzhou series regularly deliver supplies, propellant and experiment equipment to the station.",
]
BG["tibet-quake"] = [
    "The China Earthquake Networks Center said the tremor was the strongest in the region in years and that aftershocks of magnitude 5 or above could not be ruled out.",
    "Roads to the affected townships were damaged in places, and rescuers used heavy machinery to clear rockfalls.",
    "The Ministry of Finance and the Ministry of Emergency Management allocated emergency relief funds to support rescue and resettlement work.",
    "Tourist access to the Everest scenic area was suspended after the earthquake, local authorities said.",
    "Many of the houses that collapsed were built of mud and stone, which are vulnerable to strong shaking.",
]
BG["floods"] = [
    "The Provincial Disaster Management Authority has set up an emergency operations centre and asked district administrations to keep machinery and relief goods ready.",
    "Deforestation and construction along riverbeds have increased the damage caused by flash floods in the northern valleys, experts say.",
    "Tourists have been advised to check weather updates and road conditions before travelling to Swat, Kalam, Naran and other hill resorts.",
    "The federal government has said it will provide assistance to the province, and the army has been called in to help the civil administration.",
    "Mobile phone and electricity services were disrupted in several of the affected areas, hampering communication with remote villages.",
]
BG["ur-kp"] = [
    "صوبائی حکومت نے فرض کی ادائیگی کے دوران شہید ہونے والے پولیس اہلکاروں کے ورثا کے لیے مالی امداد، پلاٹ اور خاندان کے ایک فرد کو ملازمت دینے کا اعلان کر رکھا ہے۔",
    "جنوبی اضلاع کے پولیس حکام کا کہنا ہے کہ جدید اسلحے، بکتر بند گاڑیوں اور رات میں دیکھنے والے آلات کی کمی کے باعث اہلکاروں کو مشکلات کا سامنا ہے۔",
    "پاکستان اور افغانستان کے درمیان 2600 کلومیٹر طویل سرحد ہے جس کے بیشتر حصے پر پاکستان نے حالیہ برسوں میں باڑ لگائی ہے۔",
    "نیکٹا کا کہنا ہے کہ صوبائی محکمہ انسداد دہشت گردی کے ساتھ مل کر انٹیلی جنس معلومات کے تبادلے اور گرفتار ملزمان کے خلاف مقدمات کی مؤثر پیروی کے لیے کام کیا جا رہا ہے۔",
    "مقامی عمائدین نے مطالبہ کیا ہے کہ علاقے میں امن و امان کی بحالی کے لیے جرگے کو اعتماد میں لیا جائے اور عام شہریوں کو نقصان سے بچایا جائے۔",
]
BG["ur-baloch"] = [
    "محکمہ داخلہ بلوچستان نے قومی شاہراہوں پر نئی چیک پوسٹیں قائم کرنے اور نگرانی کے لیے کیمرے نصب کرنے کا اعلان کیا ہے۔",
    "حکام کا کہنا ہے کہ دور دراز علاقوں میں تعینات لیویز اور پولیس اہلکاروں کو جدید اسلحہ، بلٹ پروف جیکٹس اور مواصلاتی آلات فراہم کیے جائیں گے۔",
    "صوبائی اسمبلی میں اپوزیشن جماعتوں نے حکومت کی سیکیورٹی پالیسی پر تنقید کرتے ہوئے کہا ہے کہ امن کے قیام کے لیے سیاسی مذاکرات بھی ضروری ہیں۔",
    "انسانی حقوق کی تنظیموں نے حملوں کی شفاف تحقیقات اور متاثرہ خاندانوں کو معاوضہ دینے کا مطالبہ کیا ہے۔",
    "کوئٹہ کو کراچی اور تفتان سے ملانے والی شاہراہوں پر رات کے وقت سفر کرنے والی گاڑیوں کو سیکیورٹی قافلوں کے ساتھ چلنے کی ہدایت کی گئی ہے۔",
]
BG["ur-china"] = [
    "چین پاکستان کے بڑے قرض دہندگان میں شامل ہے اور بیجنگ نے متعدد مواقع پر قرضوں اور ڈپازٹس کو رول اوور کر کے پاکستان کی بیرونی مالی ضروریات پوری کرنے میں مدد کی ہے۔",
    "دونوں ممالک دفاعی پیداوار اور خلائی شعبے میں بھی قریبی تعاون کر رہے ہیں اور چین نے حالیہ برسوں میں پاکستان کے مواصلاتی سیٹلائٹ خلا میں بھیجے ہیں۔",
    "چین نے پاکستان میں کام کرنے والے اپنے شہریوں کی سیکیورٹی یقینی بنانے پر بارہا زور دیا ہے اور پاکستان نے اس مقصد کے لیے خصوصی سیکیورٹی ڈویژن قائم کر رکھا ہے۔",
    "گزشتہ برس دونوں ممالک کے درمیان تجارت کا حجم 23 ارب ڈالر سے زائد رہا، تاہم تجارتی توازن چین کے حق میں ہے اور پاکستان اپنی زرعی مصنوعات کے لیے چینی منڈی تک زیادہ رسائی چاہتا ہے۔",
    "سفارتی مبصرین کے مطابق دونوں ممالک کے وزرائے خارجہ کے درمیان اسٹریٹجک ڈائیلاگ دوطرفہ تعلقات کا جائزہ لینے کا اہم فورم ہے۔",
]
BG["ur-rail"] = [
    "پاکستان ریلوے کا کہنا ہے کہ حساس علاقوں خصوصاً درہ بولان اور سبی ڈویژن میں ٹریک کی حفاظت کے لیے صوبائی حکومت اور ایف سی کے ساتھ مل کر اقدامات کیے جا رہے ہیں۔",
    "بار بار سروس معطل ہونے کے باعث کوئٹہ سے ٹرین کے ذریعے سفر کرنے والے مسافروں کی تعداد میں کمی آئی ہے اور بیشتر مسافر بسوں کو ترجیح دے رہے ہیں۔",
    "درہ بولان سے گزرنے والی ریلوے لائن انیسویں صدی کے آخر میں تعمیر کی گئی سرنگوں اور پلوں پر مشتمل ہے جس کی حفاظت اور مرمت مشکل کام ہے۔",
    "وفاقی وزیر داخلہ نے کہا ہے کہ حکومت دہشت گردوں سے مرعوب نہیں ہوگی اور معصوم شہریوں پر حملوں میں ملوث عناصر کو کیفر کردار تک پہنچایا جائے گا۔",
    "واقعے کے بعد کوئٹہ سمیت صوبے کے مختلف شہروں میں سیکیورٹی ہائی الرٹ کر دی گئی اور ریلوے اسٹیشنوں پر اضافی نفری تعینات کی گئی۔",
]
BG["zh-quake"] = [
    "应急管理部提醒，地震发生后要注意防范可能引发的山体滑坡、崩塌、泥石流等次生灾害，加强隐患排查和群众转移避险工作。",
    "据介绍，近年来我国地震预警网络建设加快推进，多地已实现地震预警信息通过手机、电视等渠道向公众发布。",
    "专家表示，地震发生后的72小时是救援的黄金时间，各救援力量要争分夺秒开展搜救，最大限度减少人员伤亡。",
    "当地民政部门已启动救助应急响应，及时做好受灾群众基本生活保障工作，确保受灾群众有饭吃、有衣穿、有干净水喝、有安全住处。",
]
BG["zh-pak"] = [
    "巴基斯坦计划发展部表示，中巴经济走廊第二阶段将重点推进经济特区建设、农业合作、信息技术和矿产开发等领域合作。",
    "中国是巴基斯坦最大的贸易伙伴和主要投资来源国之一，两国在能源、交通、农业、教育、卫生等领域合作不断拓展。",
    "近年来，中巴两国在航天领域合作取得新进展，中方帮助巴方发射了多颗卫星，并同意巴方航天员参与中国空间站任务。",
    "分析人士认为，中巴关系经受住了国际风云变幻的考验，双方在涉及彼此核心利益的问题上始终相互支持。",
]
BG["zh-space"] = [
    "中国空间站由天和核心舱、问天实验舱和梦天实验舱组成，设计寿命不少于10年。",
    "中国载人航天工程办公室介绍，航天员乘组出征前进行了200多个科目的训练，包括出舱活动、机械臂操作和应急处置等。",
    "天舟系列货运飞船定期为空间站运送补给物资、推进剂和实验设备，保障航天员长期驻留。",
    "发射当天，大批群众在东风航天城附近观看发射，中央广播电视总台对发射进行了现场直播。",
]
BG["zh-cnsec"] = [
    "2021年7月，一辆载有达苏水电站项目中方人员的大巴在开普省遭袭，造成9名中国公民和4名巴方人员遇难。",
    "巴方表示，袭击事件旨在破坏中巴友好和中巴经济走廊建设，巴方将加大反恐力度，绝不让恐怖分子的图谋得逞。",
    "中方多次表示，将继续同巴方加强反恐安全合作，共同维护地区和平稳定。",
    "分析人士指出，针对中国公民的袭击事件对部分项目的推进造成影响，中资企业在巴投资更加审慎。",
]
