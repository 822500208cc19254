# Story pool, part A: Pakistan security, IMF, cricket, markets, polio.
# Each event has a wire version (paragraphs), rewrites (new headline and
# lead paragraph, rest of the wire copy kept, sometimes trimmed), outlet
# syndications (wire text plus outlet furniture), short items (headline and
# a line or two written by the outlet) and updates.

EVENTS = []

EVENTS.append(dict(
    id="kech-labourers", family="balochistan-attacks",
    wire=dict(source="app", title="Gunmen kill seven labourers in Kech district",
        paras=[
            "TURBAT, Nov 14 (APP): Unidentified gunmen shot dead seven labourers from Punjab at a construction site near Hoshab in Kech district late on Wednesday night, police said.",
            "Deputy Commissioner Kech Hussain Jan Baloch said the men, all from Multan and Muzaffargarh, were sleeping in a tent at the site of a small dam when the attackers opened fire.",
            "Two other workers escaped and alerted the Levies, who shifted the bodies to the Turbat Teaching Hospital.",
            "No group has claimed responsibility so far, but the banned Baloch Liberation Front has carried out similar attacks on workers from other provinces in the past.",
            "Chief Minister Sarfraz Bugti condemned the killings and directed the provincial home department to arrest the culprits and submit a report within 48 hours.",
        ]),
    rewrites=[
        dict(source="tribune", title="Seven Punjabi workers gunned down at dam site in Kech",
             lead="Seven labourers hailing from south Punjab were killed when armed men stormed their camp at a dam construction site near Hoshab, Kech, on Wednesday night, officials confirmed on Thursday."),
        dict(source="geo", title="Balochistan: 7 labourers shot dead near Hoshab", drop_last=True,
             lead="Armed assailants opened fire on a tent of sleeping construction workers near Hoshab in Balochistan's Kech district, killing seven men from Multan and Muzaffargarh."),
    ],
    synd=[dict(source="nation", title="Seven labourers killed in Kech firing",
               foot="Follow us on Twitter and Facebook for the latest updates. Copyright © 2025 The Nation.")],
    shorts=[dict(source="dawn-short", title="7 labourers shot dead in Kech",
                 text="Gunmen killed seven workers from Punjab at a dam site near Hoshab in Kech district on Wednesday night; Levies say no group has claimed the attack.")],
))

EVENTS.append(dict(
    id="quetta-ied", family="balochistan-attacks",
    wire=dict(source="app", title="Four policemen martyred in Quetta roadside blast",
        paras=[
            "QUETTA, Nov 14 (APP): Four policemen were martyred and six others injured when an improvised explosive device hit a police van on Sariab Road on Thursday morning, officials said.",
            "DIG Quetta Aitzaz Goraya said the bomb, planted in a motorcycle parked along the road, was detonated by remote control as the van carrying an anti-riot squad passed by.",
            "The injured were taken to the Civil Hospital Quetta, where an emergency was declared. Two of them were said to be in critical condition.",
            "The bomb disposal squad said around five kilograms of explosives were used. Security forces cordoned off the area and launched a search operation.",
            "Prime Minister Shehbaz Sharif condemned the attack and said the nation would not be cowed by terrorists.",
        ]),
    rewrites=[
        dict(source="tribune", title="Remote-controlled bomb targets police van on Sariab Road",
             lead="A remote-controlled bomb tore through a police van on Quetta's Sariab Road on Thursday, martyring four officials of an anti-riot unit and wounding six."),
    ],
    synd=[dict(source="nation", title="Quetta blast: four cops martyred, six hurt",
               foot="Also read: Security forces kill three terrorists in North Waziristan operation. Copyright © 2025 The Nation."),
          dict(source="pakobserver", title="4 police personnel martyred in Quetta IED attack",
               foot="Join our WhatsApp channel for breaking news from Pakistan.")],
    shorts=[dict(source="dawn-short", title="Four policemen martyred in Quetta blast",
                 text="A bomb planted in a motorcycle hit a police van on Sariab Road, Quetta, on Thursday, killing four policemen and injuring six.")],
    updates=[dict(source="geo", title="Quetta Sariab Road blast toll rises to six",
        paras=[
            "Two more policemen injured in Thursday's bomb attack on Sariab Road succumbed to their wounds at the Civil Hospital Quetta late on Thursday, raising the death toll to six.",
            "DIG Quetta Aitzaz Goraya said the bomb, planted in a motorcycle parked along the road, was detonated by remote control as the van carrying an anti-riot squad passed by.",
            "The bomb disposal squad said around five kilograms of explosives were used. Security forces cordoned off the area and launched a search operation.",
            "Prime Minister Shehbaz Sharif condemned the attack and said the nation would not be cowed by terrorists.",
        ])],
))

EVENTS.append(dict(
    id="mastung-rally", family="balochistan-attacks",
    wire=dict(source="reuters", title="Suicide bomber kills 11 at religious procession in Pakistan's Balochistan",
        paras=[
            "QUETTA, Pakistan, Nov 16 (Reuters) - A suicide bomber blew himself up near a procession marking the Prophet's birthday in Mastung district of southwestern Balochistan province on Saturday, killing at least 11 people, officials said.",
            "More than 40 people were wounded, said Abdul Razzaq Sasoli, a senior police official in Mastung, adding that a deputy superintendent of police was among the dead.",
            "The bomber detonated his explosives as the procession gathered near the Madina Mosque, he said.",
            "No group immediately claimed responsibility. The Pakistani Taliban denied involvement in a statement sent to reporters.",
            "Balochistan, which borders Afghanistan and Iran, has seen a rise in militant violence this year.",
        ]),
    rewrites=[
        dict(source="dawn", title="11 dead as bomber strikes Eid Miladun Nabi procession in Mastung",
             lead="At least 11 people, including a DSP, were killed and over 40 injured on Saturday when a suicide bomber targeted an Eid Miladun Nabi procession in Balochistan's Mastung district."),
    ],
    synd=[dict(source="dailytimes", title="Mastung procession bombing kills at least 11",
               foot="(Reporting by Gul Yousufzai; Writing by Asif Shahzad; Editing by Raju Gopalakrishnan)")],
    shorts=[dict(source="geo-short", title="Mastung blast: 11 killed near Milad procession",
                 text="A suicide attack near the Madina Mosque in Mastung on Saturday killed at least 11 people, including a DSP, and wounded more than 40.")],
))

EVENTS.append(dict(
    id="imf-sla", family="imf",
    wire=dict(source="reuters", title="IMF reaches staff-level agreement with Pakistan on $7 bln loan",
        paras=[
            "ISLAMABAD, July 12 (Reuters) - The International Monetary Fund said on Friday it had reached a staff-level agreement with Pakistan on a 37-month, $7 billion Extended Fund Facility, subject to approval by its executive board.",
            "The programme aims to build on the macroeconomic stability achieved under last year's $3 billion stand-by arrangement, IMF mission chief Nathan Porter said in a statement.",
            "Pakistan has committed to raising its tax-to-GDP ratio by 1.5 percentage points in the fiscal year 2025 and by 3 percentage points over the programme, Porter said.",
            "Approval by the board depends on Pakistan obtaining timely financing assurances from its development and bilateral partners, the statement said.",
            "Finance Minister Muhammad Aurangzeb has said he hopes this will be Pakistan's last IMF programme.",
        ]),
    rewrites=[
        dict(source="tribune", title="Pakistan, IMF strike $7bn deal after months of talks",
             lead="Pakistan and the International Monetary Fund have struck a staff-level agreement on a new $7 billion, 37-month loan programme, the lender announced on Friday, ending months of negotiations over the federal budget."),
        dict(source="bizrecorder", title="IMF staff, Pakistan agree on 37-month EFF", drop_last=True,
             lead="IMF staff and the Pakistani authorities have agreed on a 37-month Extended Fund Facility of about $7 billion, the Fund said in a statement issued on Friday."),
    ],
    synd=[dict(source="dailytimes", title="Pakistan secures staff-level deal for $7bn IMF loan",
               foot="(Reporting by Ariba Shahid; Editing by Sonali Paul) Copyright Thomson Reuters.")],
    shorts=[dict(source="dawn-short", title="IMF, Pakistan reach staff-level agreement on $7bn bailout",
                 text="The 37-month Extended Fund Facility still needs the IMF board's approval, mission chief Nathan Porter says; Islamabad commits to raising tax-to-GDP by 1.5 points in FY25.")],
))

EVENTS.append(dict(
    id="imf-board", family="imf",
    wire=dict(source="reuters", title="IMF board approves $1.1 bln disbursement for Pakistan",
        paras=[
            "ISLAMABAD, Jan 11 (Reuters) - The International Monetary Fund's executive board completed the first review of Pakistan's $3 billion stand-by arrangement on Thursday, allowing the immediate disbursement of about $700 million.",
            "The board's decision brings total disbursements under the arrangement to about $1.9 billion, the Fund said in a statement.",
            "Pakistan's economy has stabilised since the programme was approved in July, with inflation easing and foreign exchange reserves rising, the IMF said, but risks remain exceptionally high.",
            "Caretaker Finance Minister Shamshad Akhtar welcomed the decision and said the government would stay the course on reforms ahead of February's general election.",
            "A second and final review is scheduled for March, after which Pakistan is expected to seek a longer programme.",
        ]),
    rewrites=[
        dict(source="tribune", title="IMF releases $700m tranche to Pakistan",
             lead="The IMF executive board on Thursday cleared the first review of Pakistan's stand-by programme, unlocking a $700 million tranche and lifting total disbursements to $1.9 billion."),
    ],
    synd=[dict(source="nation", title="IMF approves $700m for Pakistan after first review",
               foot="Follow us on Instagram and X for more business news. All rights reserved.")],
    shorts=[dict(source="geo-short", title="IMF board okays $700m tranche for Pakistan",
                 text="The executive board completed the first review of the $3bn stand-by arrangement on Thursday; total disbursements reach $1.9bn.")],
))

EVENTS.append(dict(
    id="imf-mission-end", family="imf",
    wire=dict(source="app", title="IMF mission concludes visit, no staff-level agreement yet",
        paras=[
            "ISLAMABAD, Nov 15 (APP): An International Monetary Fund mission led by Nathan Porter concluded its visit to Pakistan on Friday without announcing a staff-level agreement on the first review of the Extended Fund Facility.",
            "In an end-of-mission statement, Porter said discussions had made significant progress and would continue virtually in the coming days on revenue measures and the energy sector.",
            "The mission held meetings with Finance Minister Muhammad Aurangzeb, State Bank Governor Jameel Ahmad and officials of the Federal Board of Revenue.",
            "The IMF urged the provinces to implement agricultural income tax legislation in line with the national fiscal pact by the end of October.",
        ]),
    rewrites=[
        dict(source="bizrecorder", title="Talks to continue virtually as IMF team leaves Islamabad",
             lead="The visiting IMF team wrapped up its week-long engagement in Islamabad on Friday without a staff-level deal on the first EFF review, saying the talks would go on virtually."),
    ],
    shorts=[dict(source="dawn-short", title="IMF mission leaves without staff-level deal",
                 text="Nathan Porter says talks on the first EFF review made significant progress and will continue virtually; agricultural income tax laws remain a sticking point.")],
))

EVENTS.append(dict(
    id="cricket-rawalpindi", family="cricket",
    wire=dict(source="app", title="Pakistan beat New Zealand by five wickets in first ODI",
        paras=[
            "RAWALPINDI, April 27 (APP): Fakhar Zaman struck an unbeaten 117 as Pakistan chased down a target of 289 with five wickets and 10 balls to spare in the first one-day international against New Zealand at the Rawalpindi Cricket Stadium on Thursday.",
            "Put in to bat, New Zealand made 288-7 in their 50 overs, with Daryl Mitchell scoring 113 and Tom Latham 98. Naseem Shah took three wickets for 54.",
            "Pakistan lost Imam-ul-Haq early, but Fakhar added 124 for the second wicket with captain Babar Azam, who made 65.",
            "Mohammad Rizwan chipped in with 54 not out as the hosts went 1-0 up in the five-match series.",
            "The second match will be played at the same venue on Saturday.",
        ]),
    rewrites=[
        dict(source="dawn", title="Fakhar's unbeaten ton powers Pakistan to 1-0 lead",
             lead="An unbeaten 117 from Fakhar Zaman guided Pakistan to a five-wicket win over New Zealand in the series opener in Rawalpindi, the hosts reaching 289 with 10 balls left."),
    ],
    synd=[dict(source="pakobserver", title="Fakhar century sinks New Zealand in Pindi",
               foot="Read more: PCB announces squad for Ireland tour. Follow us on Facebook.")],
    shorts=[dict(source="geo-short", title="Pakistan beat NZ by 5 wickets, Fakhar hits 117*",
                 text="Chasing 289 in Rawalpindi, Pakistan won the first ODI with 10 balls to spare; Daryl Mitchell's 113 went in vain.")],
))

EVENTS.append(dict(
    id="cricket-lahore", family="cricket",
    wire=dict(source="app", title="New Zealand beat Pakistan by seven wickets in third T20I",
        paras=[
            "LAHORE, April 17 (APP): Mark Chapman hit an unbeaten 87 as New Zealand beat Pakistan by seven wickets in the third Twenty20 international at the Gaddafi Stadium on Wednesday to level the series 1-1.",
            "Pakistan, sent in to bat, were bowled out for 178 in 19.4 overs despite a 61 from Babar Azam and 33 from Mohammad Rizwan. Ish Sodhi took three for 28.",
            "New Zealand reached the target in 18.2 overs, with Chapman adding 92 for the third wicket with Daryl Mitchell, who made 42.",
            "Shaheen Shah Afridi took two wickets but conceded 41 runs in his four overs.",
            "The fourth match of the five-match series will be played at the same venue on Friday.",
        ]),
    rewrites=[
        dict(source="dawn", title="Chapman blitz helps Kiwis square series in Lahore",
             lead="Mark Chapman's unbeaten 87 steered New Zealand to a seven-wicket victory over Pakistan at the Gaddafi Stadium, squaring the T20 series at 1-1."),
    ],
    shorts=[dict(source="geo-short", title="NZ beat Pakistan by 7 wickets in Lahore T20I",
                 text="Mark Chapman's 87 not out levelled the series 1-1; Babar Azam's 61 went in vain as Pakistan were all out for 178.")],
))
