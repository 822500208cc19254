# English events, Pakistan: security, diplomacy, railways.
# Facts follow the stored public pages named in `prov`; quotes and minor details are written for the set.
EVENTS = []
BG = {}


def E(**kw):
    kw.setdefault("lang", "en")
    EVENTS.append(kw)


BG["baloch"] = [
    "Balochistan has witnessed a surge in attacks on security forces and law enforcement agencies over the past two years, with banned separatist groups targeting check posts, convoys and workers from other provinces.",
    "The Levies Force, a paramilitary force recruited locally, is responsible for law and order in the 'B areas' of the province, and its lightly armed posts on highways have repeatedly come under attack.",
    "The provincial government has announced that the Levies will be merged with the police in phases, a decision that has drawn protests from some tribal elders and Levies personnel.",
    "Security officials say militants use the rugged terrain along the highways linking Quetta with Karachi and Taftan to carry out hit-and-run attacks before fleeing into the mountains.",
    "Chief Minister Sarfraz Bugti has repeatedly said that the state will not negotiate with those who take up arms against it and that development schemes for the province will continue.",
]
BG["kp"] = [
    "Khyber Pakhtunkhwa, particularly its southern districts bordering Afghanistan, has seen a sharp rise in militant violence since the banned Tehreek-i-Taliban Pakistan ended a ceasefire with the government in November 2022.",
    "In July last year the government designated the TTP as 'Fitna al Khawarij' and directed all institutions to use the term khariji when referring to its members.",
    "Islamabad has repeatedly accused the Afghan Taliban government of allowing militants to use Afghan soil for attacks on Pakistan, a charge Kabul denies.",
    "The military says intelligence-based operations under the 'Azm-e-Istehkam' campaign approved by the Federal Apex Committee will continue until terrorism is wiped out.",
    "According to independent think tanks, last year was the deadliest for Pakistan's security forces in a decade, with most of the casualties reported from Khyber Pakhtunkhwa and Balochistan.",
]
BG["cn-sec"] = [
    "Thousands of Chinese nationals work in Pakistan, many of them on projects under the China-Pakistan Economic Corridor (CPEC), Beijing's flagship investment in the country worth more than $60 billion.",
    "Beijing has repeatedly urged Islamabad to improve the security of its citizens, and Pakistan has raised a special security division of the army to protect CPEC projects and personnel.",
    "Separatist groups in Balochistan and militants in the northwest have targeted Chinese interests several times, accusing Beijing of exploiting the region's resources.",
    "Pakistani officials have said such attacks are aimed at sabotaging Pakistan-China friendship and that the perpetrators and their facilitators would be brought to justice.",
]
BG["dar-china"] = [
    "Pakistan and China describe their relationship as an 'All-Weather Strategic Cooperative Partnership', and the two sides hold regular high-level exchanges on political, economic and security matters.",
    "The China-Pakistan Economic Corridor, launched in 2015, links the Gwadar port in Balochistan with Kashgar in Xinjiang through a network of roads, power plants and special economic zones.",
    "The second phase of CPEC focuses on industrial cooperation, agriculture, science and technology and the development of special economic zones, officials in both countries have said.",
    "India has opposed CPEC because part of it passes through Gilgit-Baltistan, a region it claims.",
]
BG["rail"] = [
    "The Jaffar Express runs between Quetta and Peshawar and is one of the few long-distance passenger trains serving Balochistan; its service has been suspended several times because of security threats.",
    "Railway tracks in Balochistan have been targeted with explosives on several occasions in recent months, forcing Pakistan Railways to suspend or reschedule trains to and from Quetta.",
    "The banned Balochistan Liberation Army has stepped up attacks in the province, targeting security forces, infrastructure and people from other provinces.",
    "Quetta's railway station is the terminus of the Pakistan Railways network in the province and is usually crowded in the mornings when trains leave for Punjab and Khyber Pakhtunkhwa.",
]

# ---------------------------------------------------------------- Levies posts and convoys
E(id="kalat-levies-feb25", grp="levies", place="Kalat", date="Feb 16", pub="February 17th, 2025", bg="baloch",
  wire="app", papers=["nation", "hum", "dawn", "tribune"],
  prov="nation.com.pk 17-Feb-2025 'levies-officer-martyred-in-kalat-attack'; humenglish.com 'levies-check-post-attacked-in-qalat'",
  heads=["Levies officer martyred, two injured in attack on Kalat check post",
         "Terrorists attack Levies post in Kalat; one official martyred",
         "Levies official Ali Nawaz martyred in Togho Chappar attack"],
  lead="A Levies officer was martyred and two others were injured when terrorists attacked a Levies check post in the Togho Chappar area of Kalat district on Sunday morning.",
  lead2="Terrorists stormed a Levies Force check post in Kalat's Togho Chappar area early on Sunday, martyring officer Ali Nawaz and wounding two of his colleagues before fleeing when the personnel returned fire.",
  body=["According to Balochistan government spokesperson Shahid Rind, the Levies personnel responded swiftly and forced the attackers to retreat, after which a search operation was launched in the surrounding hills.",
        "The injured officials were first taken to the District Headquarters Hospital Kalat and later shifted to Quetta for treatment, officials said.",
        "Prime Minister Shehbaz Sharif condemned the attack and paid tribute to the martyred officer, saying the terrorists were enemies of Balochistan's progress and their nefarious designs would not succeed.",
        "Interior Minister Mohsin Naqvi said Ali Nawaz had courageously confronted the terrorists, while Chief Minister Sarfraz Bugti said the sacrifices of the Levies Force for the people of the province would always be remembered."],
  sum="One Levies official was martyred and two were wounded in a terrorist attack on a check post in Kalat; the attackers fled after the personnel returned fire, the Balochistan government said.",
  head_ok=True)

E(id="mastung-levies", grp="levies", place="Mastung", date="Mar 4", bg="baloch",
  wire="ppi", papers=["thenews", "dunya", "geo"],
  prov="pakistannewsindex.com 'two-levies-personnel-martyred-in-attack-on-mastung-check-post'",
  heads=["Two Levies personnel martyred in attack on Mastung check post",
         "Gunmen kill two Levies men on Quetta-Taftan highway",
         "Mastung: attackers take away weapons after killing two Levies men"],
  lead="Unidentified armed men attacked a Levies check post on the Quetta-Taftan highway in Mastung on Tuesday, martyring two personnel and taking away their weapons.",
  lead2="Two Levies Force personnel, Manzoor Ahmed and Muhammad Aslam, were shot dead when gunmen raided their check post on the Quetta-Taftan highway near Mastung on Tuesday.",
  body=["The bodies of Manzoor Ahmed and Muhammad Aslam were shifted to the District Headquarters Hospital Mastung, where medico-legal formalities were completed.",
        "Security forces cordoned off the area and launched a search for the attackers, who escaped towards the nearby mountains on motorcycles, a Levies official said.",
        "Residents of the area blocked the Quetta-Taftan road for several hours in protest against the killings, causing long queues of vehicles on both sides of the highway.",
        "Prime Minister Shehbaz Sharif expressed grief over the incident, while the chief minister said all available resources would be used to bring the terrorists to justice."],
  head_ok=True)

E(id="dik-kolachi-levies", grp="levies", place="Dera Ismail Khan", date="Feb 2", pub="February 3rd, 2025", bg="kp",
  wire="ppi", papers=["brecorder", "dawn", "tribune"],
  prov="brecorder.com 40345981 'four-balochistan-levies-men-martyred-in-dik-blast' (PPI)",
  heads=["Four Balochistan Levies men martyred in DI Khan blast",
         "Bomb kills five, including four Levies personnel, in Kolachi",
         "Levies team travelling to recover stolen truck hit by bomb in DI Khan"],
  lead="A bomb blast late on Saturday night in the Kolachi area of Dera Ismail Khan martyred five people, including four Balochistan Levies personnel, officials confirmed on Sunday.",
  lead2="Four personnel of the Balochistan Levies and their civilian driver were killed when a bomb struck their vehicle in Kolachi tehsil of Dera Ismail Khan on Saturday night.",
  body=["Assistant Commissioner Muhammad Akram said the explosion set the vehicle on fire, killing all five people on board.",
        "The victims were identified as Naib Risaldar Noor Ahmed Kakar and sepoys Rasheed Zaman, Dawood Khan and Bilal Ahmed; the identity of the driver was not released.",
        "Officials said the Levies team from Khanozai had been travelling in a private vehicle to Dera Ismail Khan to take custody of a truck stolen from Khanozai last month and recovered by local police.",
        "No group has claimed responsibility for the attack so far, and the bodies were being sent to Balochistan, officials said."],
  sum="Five people, four of them Balochistan Levies personnel, were killed in a bomb attack on their vehicle in Kolachi, Dera Ismail Khan, late on Saturday.")

# ---------------------------------------------------------------- 26 August 2024 attacks in Balochistan
E(id="kalat-aug24", grp="aug26", place="Quetta", date="Aug 26", pub="August 27th, 2024", bg="baloch",
  papers=["dunya", "tribune", "nation", "geo"],
  prov="dunyanews.tv 833150 'ten-killed-in-armed-attack-in-kalat'; tribune.com.pk 2491069",
  heads=["Ten killed in armed attack in Kalat, including police and Levies personnel",
         "Militant attack kills 10 in Balochistan's Kalat",
         "Kalat: police sub-inspector, four Levies men among 10 dead"],
  lead="At least 10 people, including a police sub-inspector and four Levies personnel, were killed when armed men attacked the national highway and the city of Kalat during the night, police said on Monday.",
  lead2="Ten people, five of them civilians, lost their lives in an overnight gun attack on the national highway and inside Kalat city, Senior Superintendent of Police Dostin Dashti said on Monday.",
  body=["SSP Dostin Dashti said armed men engaged police in a gunfight that continued throughout the night on the highway and inside the city before the attackers escaped.",
        "Kalat Assistant Commissioner Aftab Ahmed and a Levies officer were among the injured; Commissioner Naeem Bazai said the assistant commissioner's condition was stable.",
        "Police stepped up security in the area and intensified checking of vehicles and motorists, while a clearance operation was under way.",
        "Security sources said militants had carried out multiple attacks across Balochistan on the night of August 25-26 and that security forces had killed 12 of the attackers."],
  head_ok=True)

E(id="musakhel-aug24", grp="aug26", place="Musakhel", date="Aug 26", pub="August 27th, 2024", bg="baloch",
  wire="app", papers=["thenews", "dawn", "ary"],
  prov="public reporting of the 26 Aug 2024 Musakhel highway killings (no stored page used); numbers as first reported",
  heads=["23 passengers offloaded and shot dead in Musakhel",
         "Gunmen kill 23 after checking IDs on Balochistan highway",
         "Musakhel massacre: trucks torched, passengers from Punjab killed"],
  lead="Armed men blocked a highway in the Rarasham area of Musakhel district on Monday, offloaded passengers from trucks and buses, and shot dead 23 of them after checking their identity cards, officials said.",
  lead2="Twenty-three people, most of them from Punjab, were killed after gunmen set up a blockade on the inter-provincial highway in Musakhel and pulled them out of vehicles, Assistant Commissioner Musakhel said.",
  body=["The assistant commissioner said the attackers also set fire to several vehicles, including trucks carrying goods, before fleeing into the mountains.",
        "The bodies were shifted to the district hospital, where an emergency was declared, and officials said most of the victims belonged to Punjab.",
        "The banned Balochistan Liberation Army claimed responsibility for the killings, which came on the anniversary of the death of Baloch leader Nawab Akbar Bugti.",
        "The prime minister and the president condemned the attack and directed authorities to bring the perpetrators to justice, while the Punjab government said it would bring back the bodies of the victims."],
  upd=dict(title="Musakhel toll reaches 23 as bodies are identified",
           lead="The number of people killed when gunmen stopped vehicles on a highway in Musakhel on Monday and shot passengers after checking their identity cards has risen to 23, officials said, as the bodies were identified and handed over to relatives.",
           extra=["Officials said most of the victims belonged to Punjab and that arrangements had been made to transport the bodies home."]),
  sum="Gunmen on Monday stopped vehicles on a highway in Balochistan's Musakhel district, checked passengers' identity cards and killed 23 people, officials said.")

E(id="bela-aug24", grp="aug26", place="Lasbela", date="Aug 26", pub="August 27th, 2024", bg="baloch",
  papers=["tribune", "geo", "dunya"],
  prov="public reporting of the 26 Aug 2024 Bela camp attack (ISPR statement); details simplified",
  heads=["Militants storm FC camp in Bela; security forces repulse attack",
         "Bela camp attack: soldiers and policemen martyred, attackers killed",
         "ISPR says militants killed in Lasbela after attack on camp"],
  lead="Militants attacked a camp of the security forces in Bela, Lasbela district, late on Sunday night, triggering a gunfight in which several soldiers and policemen were martyred and attackers were killed, the military said.",
  lead2="Security forces repulsed an attack on their camp in Lasbela's Bela town, the ISPR said on Monday, adding that soldiers and policemen embraced martyrdom while the attackers were killed in a clearance operation.",
  body=["According to the ISPR, the terrorists tried to enter the camp after a suicide vehicle exploded near its boundary wall, but the troops responded immediately.",
        "The military said a clearance operation was being carried out in the area and that the attack was part of a coordinated plan to disrupt peace in the province.",
        "Bela town remained tense through the day, with markets closed and security personnel patrolling the main roads.",
        "The attack was one of several carried out across Balochistan on the same night, including incidents in Kalat and Musakhel."],
  no_rev=False)

# ---------------------------------------------------------------- KP intelligence-based operations (ISPR)
E(id="ispr-bannu-kurram", grp="ispr-kp", place="Rawalpindi", date="Jan 15", pub="January 16th, 2025", bg="kp",
  wire="app", papers=["dawn", "nation", "geo", "thenews"],
  prov="thepakistanconnect.com 'security-forces-neutralise-13-khwarij-in-separate-kp-engagements' (ISPR press release)",
  heads=["Security forces kill 13 khwarij in Bannu, Kurram operations: ISPR",
         "13 terrorists killed in two KP engagements",
         "Eight khwarij killed in Bannu, five in Kurram, says ISPR"],
  lead="Security forces killed 13 khwarij in two separate intelligence-based operations in the Bannu and Kurram districts of Khyber Pakhtunkhwa on January 13 and 14, the Inter-Services Public Relations said on Wednesday.",
  lead2="Thirteen militants belonging to the banned TTP were killed in two engagements in Khyber Pakhtunkhwa, the military's media wing said, with eight killed in Bannu and five in Kurram.",
  body=["According to the ISPR, troops effectively engaged the khwarij location in Bannu district and, after an intense exchange of fire, eight khwarij were sent to hell.",
        "In the second operation in Kurram district, five more khwarij were neutralised in the ensuing firefight, the statement said.",
        "Weapons and ammunition were recovered from the killed militants, who the ISPR said remained actively involved in numerous terrorist activities against security forces and innocent civilians.",
        "Sanitisation operations were being conducted to eliminate any other khariji found in the area, the military said."],
  sum="Security forces killed eight khwarij in Bannu and five in Kurram in two intelligence-based operations, the ISPR said on Wednesday.")

E(id="ispr-dik-bannu-dec19", grp="ispr-kp", place="Rawalpindi", date="Dec 21", bg="kp",
  wire="app", papers=["pakobserver", "tribune", "ary"],
  prov="greenpost.com.pk 'nine-khwarij-killed-in-kp-intelligence-operations' (ISPR statement)",
  heads=["Nine khwarij killed in DI Khan, Bannu operations: ISPR",
         "Security forces kill nine militants in two KP districts",
         "Four khwarij killed in Dera Ismail Khan, five in Bannu"],
  lead="Security forces killed nine khwarij in two separate intelligence-based operations in Dera Ismail Khan and Bannu districts of Khyber Pakhtunkhwa on December 19, the ISPR said on Saturday.",
  lead2="Nine terrorists were killed in two intelligence-based operations carried out by security forces in southern Khyber Pakhtunkhwa, according to an ISPR statement issued on Saturday.",
  body=["The first operation was conducted in Dera Ismail Khan district on the reported presence of khwarij, and four of them were killed in the exchange of fire, the statement said.",
        "In the second operation in Bannu district, troops engaged another group of khwarij and killed five of them, the ISPR added.",
        "Weapons and ammunition were recovered from the Indian-sponsored terrorists, who the military said were involved in attacks on security forces and the targeted killing of civilians.",
        "Sanitisation operations were under way to locate any remaining khwarij in the area."])

E(id="ispr-ghulam-khan", grp="ispr-kp", place="Rawalpindi", date="Feb 27", bg="kp",
  papers=["pakobserver", "dawn", "dunya"],
  prov="pakobserver.net 2025-02-28 'six-militants-gunned-down-by-pak-security-forces-in-wazristan-ispr'",
  heads=["Six khwarij killed in North Waziristan's Ghulam Khan Kalay: ISPR",
         "Security forces gun down six militants near Ghulam Khan border",
         "Intelligence-based strike kills six in North Waziristan"],
  lead="Security forces killed six khwarij in an intelligence-based operation in the Ghulam Khan Kalay area of North Waziristan district, the ISPR said on Thursday.",
  lead2="Six militants were killed when troops raided a hideout in Ghulam Khan Kalay, close to the Afghan border in North Waziristan, the military's media wing said.",
  body=["The operation led to an intense exchange of fire between the troops and the militants, resulting in the deaths of all six khwarij, the ISPR said.",
        "The military said the militants had been involved in several attacks on security forces and the killing of innocent civilians in the area.",
        "A significant quantity of weapons and ammunition was recovered from the site, and a sanitisation operation was continuing.",
        "Ghulam Khan is one of the main border crossings between Pakistan and Afghanistan and has been closed several times in the past year because of security concerns."],
  no_rev=True)

E(id="ispr-tirah-22", grp="ispr-kp", place="Rawalpindi", date="Sep 13", bg="kp",
  papers=["nation", "hum", "geo"],
  prov="abbtakk.tv '22-khwarij-killed-18-injured-by-security-forces-during-various-ibos-in-khyber' (ISPR)",
  heads=["22 khwarij killed, 18 injured in Tirah operations: ISPR",
         "Security forces kill 22 militants in Khyber's Tirah valley",
         "Month-long operations in Tirah leave 22 terrorists dead"],
  lead="Twenty-two khwarij were killed and 18 injured by security forces in various intelligence-based operations conducted in the Tirah area of Khyber district since the 14th of last month, the ISPR said on Friday.",
  lead2="The military said on Friday that its operations in Tirah valley over the past month had killed 22 militants and wounded 18 others.",
  body=["According to the ISPR, the operations were launched in response to numerous terrorist incidents in Tirah against security forces as well as innocent civilians, which had caused several casualties.",
        "The military said the operations would continue until peace was restored in the area and the khwarij were eliminated.",
        "Residents of parts of Tirah had been asked to move to safer places during the operations, local officials said.",
        "The security forces of Pakistan are determined to wipe out the menace of terrorism from the country, the ISPR statement said."])

# ---------------------------------------------------------------- attacks on Chinese nationals
E(id="besham-mar24", grp="cn-attacks", place="Peshawar", date="Mar 26", pub="March 27th, 2024", bg="cn-sec",
  wire="app", papers=["dawn", "geo", "tribune", "thenews"],
  prov="public reporting of the 26 Mar 2024 Besham suicide attack (Shangla); no stored page used",
  heads=["Five Chinese nationals among six killed in Besham suicide attack",
         "Suicide bomber rams convoy of Chinese engineers in Shangla",
         "Chinese engineers working on Dasu project killed in KP attack"],
  lead="Five Chinese nationals and their Pakistani driver were killed on Tuesday when a suicide bomber rammed an explosives-laden vehicle into their convoy in Besham, Shangla district, police said.",
  lead2="A suicide car bomber struck a vehicle carrying Chinese engineers from Islamabad to the Dasu hydropower project near Besham on Tuesday, killing five Chinese citizens and their Pakistani driver.",
  body=["Regional police chief Muhammad Ali Gandapur said the engineers were travelling from Islamabad to their camp at the Dasu dam site in Upper Kohistan when the attacker struck on the Karakoram Highway.",
        "The vehicle plunged into a ravine after the explosion and caught fire, officials said, adding that the bodies were shifted to a hospital in Besham.",
        "No group immediately claimed responsibility for the attack, which came days after militants attacked a naval air base in Turbat.",
        "Prime Minister Shehbaz Sharif visited the Chinese embassy to offer condolences and ordered a thorough investigation, while Beijing asked Pakistan to hunt down the perpetrators and ensure the safety of Chinese personnel."],
  upd=dict(title="Besham attack: car bomber hit engineers' vehicle on KKH, police say; bodies moved to Islamabad",
           lead="A suicide bomber rammed his explosives-laden car into the vehicle carrying Chinese engineers near Besham on Tuesday, killing all five Chinese nationals on board and their Pakistani driver, police said in the evening as the bodies were moved to Islamabad.",
           extra=["Police said the Chinese nationals were employees of the contractor building the Dasu hydropower project, and that the attacker had been waiting on the roadside for the convoy."]),
  head_ok=True)

E(id="karachi-airport-oct24", grp="cn-attacks", place="Karachi", date="Oct 7", pub="October 8th, 2024", bg="cn-sec",
  papers=["geo", "dawn", "thenews", "ary"],
  prov="public reporting of the 6 Oct 2024 blast near Jinnah International Airport; no stored page used",
  heads=["Two Chinese nationals killed in blast near Karachi airport",
         "Convoy carrying Chinese engineers targeted outside Jinnah airport",
         "BLA claims Karachi airport attack that killed two Chinese"],
  lead="Two Chinese nationals were killed and several others injured when a convoy carrying Chinese engineers was targeted in a blast near Jinnah International Airport in Karachi late on Sunday night, officials said.",
  lead2="A vehicle-borne bomb exploded next to a convoy of Chinese workers heading out of Karachi airport on Sunday night, killing two Chinese citizens, the Chinese embassy and Sindh officials said.",
  body=["The Chinese embassy said the convoy was carrying staff of the Port Qasim Electric Power Company, who had just arrived in the city, and that a Pakistani was also injured.",
        "Sindh Home Minister Zia Lanjar said the attack was carried out with an explosive-laden vehicle and that investigators were collecting evidence from the site.",
        "The banned Balochistan Liberation Army claimed responsibility for the attack in a statement sent to journalists.",
        "The blast, which was heard across several neighbourhoods, set vehicles on fire and sent a plume of smoke over the area near the airport's signal."])

# ---------------------------------------------------------------- Dar and China (two visits, announcement vs arrival)
E(id="dar-beijing-may24", grp="dar-china", place="Beijing", date="May 13", pub="May 14th, 2024", bg="dar-china",
  wire="pti", papers=["devdiscourse", "dawn", "bs", "dunya"],
  prov="dawn.com 1833247; business-standard.com 124051300539 (PTI); dunyanews.tv 811320; devdiscourse 2936500",
  heads=["Dar arrives in Beijing for strategic dialogue with Chinese counterpart",
         "Pakistan's Deputy PM Dar in Beijing; set to meet top Chinese leaders",
         "Ishaq Dar begins four-day China visit to co-chair strategic dialogue"],
  lead="Pakistan's newly appointed Deputy Prime Minister Ishaq Dar on Monday reached Beijing for a four-day official visit during which he will meet top Chinese leaders and co-chair a bilateral strategic dialogue between the two all-weather friends.",
  lead2="Deputy Prime Minister and Foreign Minister Ishaq Dar arrived in Beijing on Monday to co-chair the 5th Pakistan-China Foreign Ministers' Strategic Dialogue with Chinese Foreign Minister Wang Yi, the Foreign Office said.",
  body=["Dar, who is also the foreign minister, was received by Director General Ambassador Wang Fu Kang and Pakistan's Ambassador to China Khalil Hashmi.",
        "The two sides will comprehensively review bilateral relations including economic and trade cooperation, high-level exchanges and visits, the upgradation of CPEC and future connectivity initiatives, the Foreign Office said.",
        "The two foreign ministers are also expected to discuss a possible visit by Prime Minister Shehbaz Sharif to Beijing.",
        "The visit is Dar's first to China since the PML-N-led government came to power after the February 8 general elections."])

E(id="dar-china-announce", grp="dar-china", place="Islamabad", date="May 10", bg="dar-china",
  wire="app", papers=["dunya", "nation", "thenews"],
  prov="dunyanews.tv 810951 'Ishaq-Dar-to-visit-China-next-week-for-strategic-dialogue' (APP)",
  heads=["Ishaq Dar to visit China next week for strategic dialogue",
         "FM Dar to travel to Beijing from May 13 to 16",
         "Dar, Wang Yi to review CPEC upgradation during China visit"],
  lead="Foreign Minister Ishaq Dar will visit Beijing from May 13 to 16 to hold talks with his Chinese counterpart Wang Yi on expediting the China-Pakistan Economic Corridor and future connectivity initiatives, the Foreign Office said on Friday.",
  lead2="The Foreign Office announced on Friday that Deputy Prime Minister Ishaq Dar would travel to China next week to co-chair the fifth round of the Pakistan-China Foreign Ministers' Strategic Dialogue.",
  body=["Dar will co-chair the fifth China-Pakistan Foreign Ministers' Strategic Dialogue, which will include a comprehensive review of bilateral relations with a special focus on CPEC up-gradation, the FO news release said.",
        "The two leaders will also exchange views on the unfolding regional geopolitical landscape and bilateral cooperation at multilateral fora.",
        "On the sidelines of the dialogue, Dar is expected to meet Chinese leaders and leading corporate executives.",
        "At the regular briefing in Beijing on Friday, Chinese foreign ministry spokesperson Lin Jian said China was willing to work with Pakistan to take the visit as an opportunity to implement the consensus of the two countries' leaders."],
  no_rev=False)

E(id="wang-islamabad-aug25", grp="dar-china", place="Islamabad", date="Aug 21", pub="August 22nd, 2025", bg="dar-china",
  wire="app", papers=["dawn", "tribune", "geo"],
  prov="dawn.com 1932287 'chinas-fm-wang-dar-hold-fruitful-discussions'",
  heads=["Dar, Wang Yi hold 'fruitful' talks in Islamabad",
         "Pakistan, China review CPEC, regional situation at strategic dialogue",
         "Wang Yi in Islamabad: PM's China visit for SCO summit discussed"],
  lead="Deputy Prime Minister Ishaq Dar on Thursday termed his meeting with Chinese Foreign Minister Wang Yi in Islamabad fruitful, saying the two sides discussed the entire gamut of Pakistan-China relations.",
  lead2="Chinese Foreign Minister Wang Yi and Deputy Prime Minister Ishaq Dar co-chaired the sixth round of the Pakistan-China Strategic Dialogue in Islamabad on Thursday and later addressed a joint press conference.",
  body=["\"We held fruitful and substantive discussions today covering diverse areas of mutual interest,\" Dar said at the joint press conference with Wang.",
        "He said the two sides took stock of progress since the last round of the dialogue, held in Beijing in May last year, and discussed CPEC, trade and investment, science and technology and people-to-people cooperation.",
        "Dar said the two sides also discussed preparations for Prime Minister Shehbaz Sharif's visit to China, where he will attend the SCO Council of Heads of State summit and meet President Xi Jinping and Premier Li Qiang.",
        "He also referred to the recent trilateral meeting with Afghan Foreign Minister Amir Khan Muttaqi, saying the two countries were working to share the dividends of their friendship with the region."],
  head_ok=False)

# ---------------------------------------------------------------- railways in Balochistan
E(id="quetta-station-nov24", grp="rail", place="Quetta", date="Nov 9", pub="November 10th, 2024", bg="rail",
  wire="app", papers=["dawn", "geo", "tribune", "dunya"],
  prov="public reporting of the 9 Nov 2024 Quetta railway station suicide bombing; no stored page used",
  heads=["Suicide blast at Quetta railway station kills at least 24",
         "Bomber strikes crowded platform in Quetta as Jaffar Express prepares to leave",
         "Quetta railway station bombing: soldiers among dead"],
  lead="At least 24 people, including soldiers, were killed and more than 40 injured when a suicide bomber blew himself up on a crowded platform at Quetta's railway station on Saturday morning, officials said.",
  lead2="A suicide bombing tore through the main platform of Quetta railway station on Saturday, killing at least 24 people shortly before the Peshawar-bound Jaffar Express was due to depart.",
  body=["Quetta SSP Operations Muhammad Baloch said the bomber was carrying around six to eight kilogrammes of explosives and that the blast took place as passengers and troops waited for the train.",
        "Rescue officials said the injured were taken to the Civil Hospital and the Combined Military Hospital, where an emergency was declared and citizens were asked to donate blood.",
        "The banned Balochistan Liberation Army claimed responsibility, saying it had targeted army personnel returning from a course.",
        "Train services to and from Quetta were suspended for the day, and the station was sealed as bomb disposal teams and investigators collected evidence."],
  upd=dict(title="Quetta station blast toll rises to 26",
           lead="The death toll from Saturday's suicide bombing at Quetta railway station rose to 26 on Sunday after two of the injured died in hospital, officials said.",
           extra=["Funeral prayers of the soldiers killed in the attack were offered at the garrison, while the bodies of civilians were handed over to their families.", "Pakistan Railways said the Jaffar Express would remain suspended for four days."]),
  head_ok=True)

E(id="jaffar-hijack-mar25", grp="rail", place="Quetta", date="Mar 11", pub="March 12th, 2025", bg="rail",
  wire="app", papers=["dawn", "thenews", "ary", "hum"],
  prov="public reporting of the 11-12 Mar 2025 Jaffar Express hijacking in Bolan; figures as first reported by officials",
  heads=["Militants attack Jaffar Express in Bolan, take passengers hostage",
         "Jaffar Express carrying over 400 passengers hijacked near Mushkaf tunnel",
         "Security forces launch operation after train hijacked in Balochistan"],
  lead="Militants blew up a section of the railway track and opened fire on the Peshawar-bound Jaffar Express near a tunnel in the Bolan Pass on Tuesday, taking hundreds of passengers hostage, officials said.",
  lead2="The Jaffar Express, carrying more than 400 passengers from Quetta to Peshawar, was attacked and held by militants near the Mushkaf tunnel in Bolan on Tuesday afternoon, Balochistan government spokesperson Shahid Rind said.",
  body=["The train was travelling through the mountainous Sibi-Bolan section when the track was blown up and gunmen surrounded the coaches, railway officials said.",
        "Security forces launched an operation to rescue the passengers, and officials said some women and children had been freed by the evening.",
        "The banned Balochistan Liberation Army claimed responsibility and said it was holding passengers, including security personnel, hostage.",
        "An emergency was declared at hospitals in Sibi and Quetta, and a relief train carrying doctors and security personnel was sent towards the site."],
  upd=dict(title="Jaffar Express operation concluded; all attackers killed, says ISPR",
           lead="Security forces concluded the operation to free the hijacked Jaffar Express in Bolan on Wednesday evening, killing all 33 attackers, the military said, adding that 21 passengers and four FC personnel had been killed by the militants before the operation.",
           extra=["The ISPR said the hostages had been rescued in phases and that clearance of the train and the surrounding area had been completed.", "Passengers who were freed reached Quetta and Mach in relief trains and were received by their relatives."]),
  head_ok=False)

# ---------------------------------------------------------------- the same prime minister meets Xi on two visits
E(id="shehbaz-xi-jun24", grp="shehbaz-xi", place="Beijing", date="Jun 7", pub="June 8th, 2024", bg="dar-china",
  wire="app", papers=["dawn", "thenews", "geo", "tribune"],
  prov="public reporting of PM Shehbaz Sharif's official visit to China, 4-8 Jun 2024, and his meeting with Xi Jinping on 7 Jun",
  heads=["PM Shehbaz meets President Xi in Beijing, discusses CPEC upgrade",
         "Shehbaz, Xi agree to build upgraded version of CPEC",
         "Xi tells Shehbaz to ensure security of Chinese personnel in Pakistan"],
  lead="Prime Minister Shehbaz Sharif met Chinese President Xi Jinping at the Great Hall of the People in Beijing on Friday, and the two leaders agreed to build an upgraded version of the China-Pakistan Economic Corridor.",
  lead2="Chinese President Xi Jinping on Friday asked Pakistan to ensure the security of Chinese personnel, projects and institutions as he received Prime Minister Shehbaz Sharif in Beijing during the premier's first visit to China since his re-election.",
  body=["The meeting came on the fourth day of the prime minister's five-day official visit, which began in Shenzhen and included a stop in Xi'an.",
        "According to a statement from the Prime Minister's Office, the two leaders reviewed bilateral relations and discussed the development of special economic zones, the ML-1 railway project and the Karakoram Highway realignment.",
        "Xi said China was willing to work with Pakistan to strengthen cooperation in agriculture, mining and information technology, and urged Islamabad to create a secure and stable business environment.",
        "The prime minister also met Premier Li Qiang and National People's Congress chairman Zhao Leji, and witnessed the signing of more than 20 agreements and memoranda of understanding."],
  upd=None)

E(id="shehbaz-xi-sep25", grp="shehbaz-xi", place="Beijing", date="Sep 2", pub="September 3rd, 2025", bg="dar-china",
  wire="app", papers=["dawn", "geo", "ary"],
  prov="public reporting of PM Shehbaz Sharif's visit to China for the SCO summit in Tianjin and his meeting with Xi Jinping in Beijing, Sep 2025; details simplified",
  heads=["PM Shehbaz meets President Xi in Beijing, discusses CPEC",
         "Shehbaz calls on Xi after SCO summit in Tianjin",
         "Pakistan, China vow to deepen ties as Shehbaz meets Xi ahead of parade"],
  lead="Prime Minister Shehbaz Sharif met Chinese President Xi Jinping in Beijing on Tuesday, a day after the Shanghai Cooperation Organisation summit in Tianjin, and the two sides reaffirmed their commitment to the second phase of CPEC.",
  lead2="President Xi Jinping received Prime Minister Shehbaz Sharif in Beijing on Tuesday, where the premier will attend the military parade marking the 80th anniversary of the end of the Second World War.",
  body=["The prime minister arrived in Beijing from Tianjin, where he attended the SCO Council of Heads of State meeting on August 31 and September 1.",
        "According to the Prime Minister's Office, the two leaders discussed regional developments, trade and investment, and cooperation in agriculture, industry and mining.",
        "Shehbaz thanked the Chinese leadership for its support during the recent tensions with India and said Pakistan's friendship with China was the cornerstone of its foreign policy.",
        "The prime minister is also scheduled to attend a Pakistan-China business conference in Beijing, where agreements worth billions of dollars are expected to be signed."],
  head_amb=True)
