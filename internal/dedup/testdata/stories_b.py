# Story pool, part B: markets, polio, monetary policy, floods, India.
from stories_a import EVENTS

EVENTS.append(dict(
    id="psx-day1", family="psx-close",
    wire=dict(source="app", title="PSX gains 1,023 points as KSE-100 closes at 94,532",
        paras=[
            "KARACHI, Nov 13 (APP): The Pakistan Stock Exchange extended its rally on Wednesday, with the benchmark KSE-100 index gaining 1,023.45 points, or 1.09 percent, to close at 94,532.11 points.",
            "A total of 712.4 million shares worth Rs 28.6 billion changed hands, compared with 654.1 million shares on Tuesday.",
            "Of the 441 companies traded, 247 advanced, 168 declined and 26 remained unchanged.",
            "Analysts attributed the gains to falling government bond yields and expectations of a further cut in the policy rate, with banks and fertiliser stocks leading the advance.",
            "Worldcall Telecom was the volume leader with 88.2 million shares, followed by Pakistan Refinery with 41.7 million.",
        ]),
    synd=[dict(source="nation", title="Stocks extend rally, KSE-100 up 1,023 points",
               foot="Copyright © 2025 The Nation. Follow us on LinkedIn for market updates.")],
    shorts=[dict(source="geo-short", title="KSE-100 closes at record 94,532",
                 text="The index rose 1,023 points, or 1.09pc, on Wednesday as 712 million shares traded; banks and fertiliser stocks led.")],
))

EVENTS.append(dict(
    id="psx-day2", family="psx-close",
    wire=dict(source="app", title="PSX sheds 412 points as KSE-100 closes at 94,120",
        paras=[
            "KARACHI, Nov 14 (APP): The Pakistan Stock Exchange snapped its four-day winning streak on Thursday, with the benchmark KSE-100 index losing 412.07 points, or 0.44 percent, to close at 94,120.04 points.",
            "A total of 598.3 million shares worth Rs 24.1 billion changed hands, compared with 712.4 million shares on Wednesday.",
            "Of the 436 companies traded, 139 advanced, 275 declined and 22 remained unchanged.",
            "Analysts attributed the decline to profit-taking in banking and oil stocks after the recent rally, while uncertainty over IMF talks weighed on sentiment.",
            "Worldcall Telecom was the volume leader with 61.5 million shares, followed by K-Electric with 39.9 million.",
        ]),
    synd=[dict(source="nation", title="Profit-taking drags KSE-100 down 412 points",
               foot="Copyright © 2025 The Nation. Follow us on LinkedIn for market updates.")],
    shorts=[dict(source="geo-short", title="KSE-100 falls 412 points on profit-taking",
                 text="The benchmark index closed at 94,120 on Thursday, ending a four-day rally; 598 million shares changed hands.")],
))

EVENTS.append(dict(
    id="psx-day3", family="psx-close",
    wire=dict(source="app", title="KSE-100 recovers 655 points to close at 94,775",
        paras=[
            "KARACHI, Nov 15 (APP): The Pakistan Stock Exchange rebounded on Friday, with the benchmark KSE-100 index gaining 655.30 points, or 0.70 percent, to close at 94,775.34 points.",
            "A total of 640.8 million shares worth Rs 26.9 billion changed hands, compared with 598.3 million shares on Thursday.",
            "Of the 439 companies traded, 231 advanced, 183 declined and 25 remained unchanged.",
            "Analysts said fresh buying in cement and exploration stocks and a stable rupee lifted the market ahead of the weekend.",
            "K-Electric was the volume leader with 70.3 million shares, followed by Worldcall Telecom with 52.6 million.",
        ]),
    shorts=[dict(source="geo-short", title="PSX rebounds, KSE-100 up 655 points",
                 text="Cement and exploration stocks led the recovery on Friday as the index closed at 94,775; volumes rose to 641 million shares.")],
))

EVENTS.append(dict(
    id="polio-bannu", family="polio",
    wire=dict(source="app", title="Pakistan reports new polio case from Bannu, tally reaches 45",
        paras=[
            "ISLAMABAD, Oct 28 (APP): A new case of wild poliovirus has been confirmed in a 30-month-old girl from Bannu district of Khyber Pakhtunkhwa, the Pakistan Polio Eradication Programme said on Monday.",
            "The Regional Reference Laboratory for Polio Eradication at the National Institute of Health confirmed the case, raising the country's tally this year to 45.",
            "Of the 45 cases, 21 have been reported from Balochistan, 12 from Sindh, 10 from Khyber Pakhtunkhwa and one each from Punjab and Islamabad.",
            "The child had not received routine immunisation doses, the programme said, urging parents to vaccinate children under five in every campaign.",
            "A nationwide vaccination drive targeting 45 million children is scheduled to begin on October 28.",
        ]),
    rewrites=[
        dict(source="dawn", title="Polio cases climb to 45 as Bannu girl paralysed",
             lead="A two-and-a-half-year-old girl in Bannu has been paralysed by poliovirus, officials said on Monday, taking Pakistan's count of cases this year to 45."),
    ],
    shorts=[dict(source="geo-short", title="Bannu case takes Pakistan's polio tally to 45",
                 text="The NIH lab confirmed wild poliovirus in a 30-month-old girl from Bannu, Khyber Pakhtunkhwa, on Monday.")],
))

EVENTS.append(dict(
    id="polio-jacobabad", family="polio",
    wire=dict(source="app", title="New polio case reported from Jacobabad, tally rises to 46",
        paras=[
            "ISLAMABAD, Nov 4 (APP): The Pakistan Polio Eradication Programme on Monday confirmed a new wild poliovirus case in an 18-month-old boy from Jacobabad district of Sindh.",
            "The Regional Reference Laboratory at the National Institute of Health confirmed the case, the 13th from Sindh this year, taking the national tally to 46.",
            "Environmental samples from Jacobabad had tested positive for the virus in four consecutive months, officials said.",
            "The boy's parents had refused vaccination during two campaigns, according to the district health officer.",
            "Sindh's health minister Azra Pechuho urged religious scholars to help convince reluctant parents.",
        ]),
    rewrites=[
        dict(source="tribune", title="Sindh reports 13th polio case of the year",
             lead="An 18-month-old boy from Jacobabad has contracted polio, health officials confirmed on Monday, the 13th case in Sindh and the 46th in Pakistan this year."),
    ],
    shorts=[dict(source="geo-short", title="Jacobabad boy contracts polio, tally hits 46",
                 text="The 18-month-old's parents had refused vaccination in two campaigns, the programme said on Monday.")],
))

EVENTS.append(dict(
    id="sbp-cut-200", family="sbp-rate",
    wire=dict(source="reuters", title="Pakistan central bank cuts key rate by 250 bps to 15%",
        paras=[
            "KARACHI, Nov 4 (Reuters) - Pakistan's central bank cut its key interest rate by 250 basis points to 15% on Monday, its fourth consecutive cut, as inflation slowed faster than expected.",
            "Consumer price inflation eased to 7.2% year-on-year in October from a peak of nearly 40% in May last year.",
            "The State Bank of Pakistan said the monetary policy committee noted that the decline in inflation reflected a tight monetary stance, favourable base effects and lower food prices.",
            "A Reuters poll had predicted a cut of 200 basis points. The bank has now cut rates by 700 basis points since June.",
            "Governor Jameel Ahmad told analysts after the decision that real interest rates remained sufficiently positive.",
        ]),
    rewrites=[
        dict(source="bizrecorder", title="SBP slashes policy rate to 15pc",
             lead="The State Bank of Pakistan reduced the policy rate by 250bps to 15 percent on Monday, surprising analysts who had expected a 200bps cut after inflation fell to 7.2pc."),
    ],
    synd=[dict(source="dailytimes", title="SBP cuts interest rate by 250 basis points",
               foot="(Reporting by Ariba Shahid in Karachi; Editing by Toby Chopra) The views expressed are not necessarily those of Daily Times.")],
    shorts=[dict(source="geo-short", title="SBP cuts policy rate by 250bps to 15%",
                 text="The fourth straight cut follows inflation easing to 7.2% in October, the State Bank said on Monday.")],
))

EVENTS.append(dict(
    id="sbp-cut-100", family="sbp-rate",
    wire=dict(source="reuters", title="Pakistan central bank cuts key rate by 100 bps to 12%",
        paras=[
            "KARACHI, Jan 27 (Reuters) - Pakistan's central bank cut its key interest rate by 100 basis points to 12% on Monday, slowing the pace of easing after a run of larger cuts.",
            "Inflation rose slightly to 4.1% in December, and the bank said core inflation was proving sticky.",
            "The State Bank of Pakistan said the monetary policy committee saw risks from a widening current account deficit as imports recovered.",
            "A Reuters poll had predicted a cut of 100 to 150 basis points. The bank has cut rates by 1,000 basis points since June.",
            "Governor Jameel Ahmad said the committee would remain data-dependent.",
        ]),
    rewrites=[
        dict(source="bizrecorder", title="SBP trims policy rate to 12pc, slows easing",
             lead="The State Bank of Pakistan cut the policy rate by a smaller 100bps to 12 percent on Monday, citing sticky core inflation and a widening current account gap."),
    ],
    shorts=[dict(source="geo-short", title="SBP cuts rate by 100bps to 12%",
                 text="The central bank slowed its easing on Monday, citing sticky core inflation after CPI rose to 4.1% in December.")],
))

EVENTS.append(dict(
    id="kp-rains", family="monsoon",
    wire=dict(source="app", title="Rain-related incidents claim 12 lives in Khyber Pakhtunkhwa",
        paras=[
            "PESHAWAR, July 22 (APP): At least 12 people, including five children, were killed and 19 injured in rain-related incidents across Khyber Pakhtunkhwa over the past 24 hours, the Provincial Disaster Management Authority said on Monday.",
            "Most of the deaths were caused by roof collapses in Swat, Shangla and Lower Dir, while two people drowned in a flash flood in the Panjkora river.",
            "The PDMA said 37 houses were partially damaged and six completely destroyed.",
            "The Met Office has forecast more heavy rain in upper parts of the province until Thursday and warned of landslides on the Karakoram Highway.",
        ]),
    rewrites=[
        dict(source="dawn", title="Roof collapses, flash flood kill 12 in KP",
             lead="Twelve people lost their lives, among them five children, as heavy monsoon rain lashed Khyber Pakhtunkhwa, collapsing roofs in Swat, Shangla and Lower Dir, the PDMA reported on Monday."),
    ],
    shorts=[dict(source="geo-short", title="12 killed in KP rain incidents: PDMA",
                 text="Roof collapses in Swat, Shangla and Lower Dir and a flash flood in the Panjkora killed 12 people, including five children.")],
    updates=[dict(source="tribune", title="KP monsoon death toll climbs to 17",
        paras=[
            "The death toll from rain-related incidents in Khyber Pakhtunkhwa rose to 17 on Tuesday after rescuers recovered five more bodies from the Panjkora river and a collapsed house in Shangla, the PDMA said.",
            "Most of the deaths were caused by roof collapses in Swat, Shangla and Lower Dir, while several people drowned in a flash flood in the Panjkora river.",
            "The PDMA said 37 houses were partially damaged and six completely destroyed.",
            "The Met Office has forecast more heavy rain in upper parts of the province until Thursday and warned of landslides on the Karakoram Highway.",
        ])],
))

EVENTS.append(dict(
    id="punjab-sutlej", family="monsoon",
    wire=dict(source="app", title="High flood in Sutlej, 80 villages evacuated in Kasur",
        paras=[
            "LAHORE, Aug 24 (APP): The Punjab government evacuated residents of 80 villages in Kasur district on Saturday after India released water into the Sutlej river, causing a high flood at Ganda Singh Wala.",
            "The Punjab Disaster Management Authority said the flow at Ganda Singh Wala had reached 125,000 cusecs and was rising.",
            "Rescue 1122 teams moved more than 14,000 people and 9,000 cattle to relief camps, PDMA director general Irfan Ali Kathia said.",
            "Standing crops on thousands of acres were inundated in Kasur, Okara and Pakpattan.",
        ]),
    rewrites=[
        dict(source="dawn", title="Kasur villages emptied as Sutlej swells",
             lead="Some 14,000 people living along the Sutlej in Kasur were moved to relief camps on Saturday as a high flood built up at Ganda Singh Wala after India released water."),
    ],
    shorts=[dict(source="geo-short", title="High flood at Ganda Singh Wala, Kasur villages evacuated",
                 text="The Sutlej flow reached 125,000 cusecs on Saturday; Rescue 1122 moved 14,000 people from 80 villages.")],
))

EVENTS.append(dict(
    id="delhi-aqi-severe", family="delhi-air",
    wire=dict(source="pti", title="Delhi AQI hits 'severe plus', GRAP Stage 4 curbs imposed",
        paras=[
            "NEW DELHI, Nov 18 (PTI) Delhi's air quality plunged to the 'severe plus' category on Monday with the AQI touching 494 at 4 pm, prompting the Commission for Air Quality Management to enforce Stage 4 curbs under the Graded Response Action Plan.",
            "Under the curbs, the entry of trucks into Delhi, except those carrying essential goods, has been banned and construction at public projects halted.",
            "Schools up to Class 12 will shift to online classes, Chief Minister Atishi said.",
            "Dense smog reduced visibility to 150 metres at Palam airport, delaying more than 100 flights, officials said.",
            "Stubble burning accounted for nearly 35 per cent of the capital's PM2.5 pollution on Sunday, according to the Decision Support System.",
        ]),
    rewrites=[
        dict(source="hindustantimes", title="Delhi chokes at AQI 494 as Stage 4 anti-pollution rules kick in",
             lead="The national capital woke up to its worst air of the season on Monday, the AQI climbing to 494 by the afternoon and the CAQM invoking the strictest Stage 4 measures under GRAP."),
    ],
    synd=[dict(source="business-standard", title="Delhi air quality turns 'severe plus', AQI at 494",
               foot="(This story has not been edited by Business Standard staff and is auto-generated from a syndicated feed.)"),
          dict(source="theprint", title="GRAP-4 in force as Delhi's AQI touches 494",
               foot="Also read: Punjab farm fires dip but Delhi's pollution stays. Subscribe to our channels on YouTube and Telegram.")],
    shorts=[dict(source="ndtv-short", title="Delhi AQI 494, GRAP Stage 4 curbs in force",
                 text="Trucks barred, schools online up to Class 12 and over 100 flights delayed as smog blankets the capital on Monday.")],
))

EVENTS.append(dict(
    id="delhi-aqi-easing", family="delhi-air",
    wire=dict(source="pti", title="Delhi AQI improves to 'very poor', Stage 4 curbs revoked",
        paras=[
            "NEW DELHI, Dec 5 (PTI) The Commission for Air Quality Management on Thursday revoked Stage 4 curbs under the Graded Response Action Plan in Delhi-NCR after the AQI improved to 'very poor' at 318.",
            "Stage 3 and Stage 2 measures will, however, remain in force, the panel said, citing forecasts of calm winds over the weekend.",
            "The Supreme Court had on Wednesday allowed the CAQM to ease the restrictions if the AQI stayed below 350 for three days.",
            "Schools in Delhi will resume physical classes from Friday, Education Minister Atishi said.",
        ]),
    rewrites=[
        dict(source="hindustantimes", title="GRAP-4 lifted as Delhi's air improves to 318",
             lead="With Delhi's AQI settling at 318 on Thursday, the CAQM withdrew the Stage 4 anti-pollution restrictions it had imposed last month, though Stages 2 and 3 remain."),
    ],
    shorts=[dict(source="ndtv-short", title="Stage 4 curbs lifted in Delhi as AQI improves to 318",
                 text="Schools reopen for physical classes from Friday; Stage 3 measures stay, CAQM said on Thursday.")],
))

EVENTS.append(dict(
    id="isro-spadex", family="isro",
    wire=dict(source="pti", title="ISRO launches SpaDeX mission to demonstrate space docking",
        paras=[
            "SRIHARIKOTA, Dec 30 (PTI) The Indian Space Research Organisation on Monday successfully launched its Space Docking Experiment mission on board a PSLV-C60 rocket from the Satish Dhawan Space Centre.",
            "The rocket lifted off at 10 pm and placed the two 220-kg satellites, SDX01 and SDX02, in a 475-km circular orbit about 15 minutes later.",
            "ISRO chairman S Somanath said the docking attempt would take place in about a week and would make India the fourth country to achieve the feat.",
            "The mission also carried 24 experimental payloads on the rocket's fourth stage, called POEM-4.",
        ]),
    rewrites=[
        dict(source="thehindu", title="PSLV-C60 lifts off with twin SpaDeX satellites",
             lead="India took a step towards mastering in-orbit docking on Monday night as a PSLV-C60 rocket placed two small SpaDeX satellites in orbit from Sriharikota."),
    ],
    synd=[dict(source="business-standard", title="ISRO's SpaDeX mission lifts off from Sriharikota",
               foot="(This story has not been edited by Business Standard staff and is auto-generated from a syndicated feed.)")],
    shorts=[dict(source="ndtv-short", title="ISRO launches SpaDeX docking mission on PSLV-C60",
                 text="Two 220-kg satellites were placed in a 475-km orbit on Monday; the docking attempt is due in about a week, S Somanath said.")],
))

EVENTS.append(dict(
    id="isro-nvs02", family="isro",
    wire=dict(source="pti", title="ISRO's 100th launch from Sriharikota puts NVS-02 in orbit",
        paras=[
            "SRIHARIKOTA, Jan 29 (PTI) ISRO on Wednesday launched the navigation satellite NVS-02 on board a GSLV-F15 rocket, the 100th launch from the Satish Dhawan Space Centre.",
            "The rocket lifted off at 6.23 am and placed the 2,250-kg satellite in a geosynchronous transfer orbit about 19 minutes later.",
            "NVS-02 is the second of the next-generation satellites for the NavIC regional navigation system, ISRO chairman V Narayanan said.",
            "It was the first launch under Narayanan, who took over from S Somanath this month.",
        ]),
    rewrites=[
        dict(source="thehindu", title="GSLV-F15 places NVS-02 in orbit in Sriharikota's 100th launch",
             lead="The spaceport at Sriharikota marked its 100th launch on Wednesday morning as a GSLV-F15 lofted the NavIC navigation satellite NVS-02."),
    ],
    shorts=[dict(source="ndtv-short", title="ISRO's 100th launch: GSLV-F15 puts NVS-02 in orbit",
                 text="The 2,250-kg navigation satellite joins the NavIC system, chairman V Narayanan said on Wednesday.")],
))
