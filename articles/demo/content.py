"""Demo content for IndiaPost Live (NM Media).

Every story below is fictional and was written for this demo site: the events did not happen
and the people quoted are invented. Nothing here is real reporting.
"""

ARTICLES = [
    {
        "slug": "monsoon-reaches-kerala-three-days-early-weather-office-says",
        "headline": "Monsoon reaches Kerala three days early, weather office says",
        "summary": (
            "The south-west monsoon set in over Kerala on Thursday, three days ahead of its usual "
            "date, raising hopes of timely kharif sowing across peninsular India after a "
            "punishing summer."
        ),
        "dateline": "Thiruvananthapuram",
        "section": "india",
        "tags": ["monsoon", "Climate", "Agriculture", "Weather"],
        "authors": ["ananya-rao"],
        "hours_ago": 3,
        "lead": True,
        "paragraphs": [
            (
                "The south-west monsoon arrived over Kerala on Thursday morning, three days ahead "
                "of its normal onset date, the India Meteorological Department said in its "
                "afternoon bulletin. Widespread rain was recorded at more than 70 per cent of the "
                "14 reference stations the department tracks along the coast, one of the criteria "
                "it uses before declaring the start of the season."
            ),
            (
                "Thiruvananthapuram received 64 mm of rain in the 24 hours ending 8.30 am, while "
                "Kozhikode and Kannur reported heavy showers accompanied by gusty winds. "
                "Fishermen have been advised not to venture into the Arabian Sea until Sunday, "
                "and district collectors in five northern districts have kept relief camps on "
                "standby."
            ),
            (
                '"The westerly winds have strengthened and deepened over the south-east Arabian '
                'Sea, and cloud cover is consistent with a well-established monsoon current," '
                "said a senior scientist at the department's regional centre in the capital. She "
                "added that conditions were favourable for the system to advance into coastal "
                "Karnataka and parts of Tamil Nadu over the next three to four days."
            ),
            (
                "An early and steady onset matters far beyond Kerala. The June to September rains "
                "deliver roughly three-quarters of the country's annual rainfall and water nearly "
                "half of its farmland, which has no assured irrigation. Reservoir levels across "
                "the southern region stood at 22 per cent of capacity last week, below the "
                "ten-year average, according to the Central Water Commission."
            ),
            (
                "Farmers in Palakkad, the state's rice bowl, said they had already prepared "
                'nurseries for the first paddy crop. "If the rain holds through June, we can '
                'transplant on time and avoid the pest trouble that comes with late planting," '
                "said Suresh Menon, who cultivates six acres near Chittur."
            ),
            (
                "Forecasters cautioned that an early arrival does not guarantee a good season. "
                "The department's long-range outlook, issued last month, projects rainfall at 104 "
                "per cent of the long-period average for the country as a whole, with a "
                "possibility of below-normal showers in parts of the north-east. An updated "
                "forecast is due in the last week of June."
            ),
        ],
    },
    {
        "slug": "railways-to-add-1-200-general-coaches-before-the-festive-rush",
        "headline": "Railways to add 1,200 general coaches before the festive rush",
        "summary": (
            "Indian Railways will attach around 1,200 new unreserved coaches to long-distance "
            "trains by October, aiming to ease overcrowding on routes from Delhi, Mumbai and "
            "Kolkata to Bihar and Uttar Pradesh."
        ),
        "dateline": "New Delhi",
        "section": "india",
        "tags": ["Railways", "Infrastructure", "Travel"],
        "authors": ["vikram-mehta"],
        "hours_ago": 88,
        "paragraphs": [
            (
                "Indian Railways will add about 1,200 general-class coaches to its long-distance "
                "fleet before the festive season, officials said on Monday, in a bid to ease the "
                "overcrowding that routinely marks journeys to eastern states in October and "
                "November. The coaches are being built at the Integral Coach Factory in Chennai "
                "and the Rail Coach Factory in Kapurthala."
            ),
            (
                "Each new unreserved coach can seat around 100 passengers and will be fitted with "
                "wider doors, mobile charging points and improved fire detection. Officials said "
                "the first batch of 370 coaches would be attached to trains running from Delhi, "
                "Mumbai, Surat and Kolkata towards Patna, Darbhanga, Gorakhpur and Varanasi, "
                "which see the heaviest demand."
            ),
            (
                '"Unreserved passengers are the backbone of our ridership, and the pressure on '
                'these routes before Chhath and Diwali is enormous," said a senior official at '
                'the railway board who spoke on condition of anonymity. "The aim is that by the '
                "peak weeks, most long-distance trains on these corridors carry at least four "
                'general coaches."'
            ),
            (
                "The announcement follows complaints from passenger groups about crowding at "
                "major terminals during last year's festive period. Platform ticket sales were "
                "restricted at several stations in Delhi and Mumbai for days, and police deployed "
                "additional staff to manage queues outside unreserved booking counters."
            ),
            (
                "Zonal railways have also been asked to run more than 6,000 special trips during "
                "the season and to open temporary holding areas at stations such as Anand Vihar "
                "and Lokmanya Tilak Terminus. Travellers will be able to buy unreserved tickets "
                "through the railways' mobile application to avoid counter queues."
            ),
            (
                'Rail unions welcomed the decision but said staffing needed to keep pace. "More '
                'coaches mean more maintenance work, more checks and more ticket examiners," said '
                "Ramesh Pillai, an office-bearer of a workers' federation in the southern zone. "
                "The board said recruitment for technician posts was under way."
            ),
        ],
    },
    {
        "slug": "national-health-survey-finds-steady-fall-in-childhood-anaemia",
        "headline": "National health survey finds steady fall in childhood anaemia",
        "summary": (
            "Fresh data from a national household health survey show anaemia among children under "
            "five has fallen for the first time in a decade, though rates remain high in several "
            "eastern and central states."
        ),
        "dateline": "New Delhi",
        "section": "india",
        "tags": ["Health", "Food", "Education", "Science"],
        "authors": ["nm-desk"],
        "hours_ago": 172,
        "paragraphs": [
            (
                "The share of children under five who are anaemic has fallen to 58 per cent from "
                "67 per cent, according to fresh figures from a national household health survey "
                "released by the health ministry on Tuesday. It is the first significant decline "
                "recorded in a decade and follows several years of expanded iron supplementation "
                "and fortified rice distribution through ration shops."
            ),
            (
                "The survey covered more than 6.3 lakh households across all states and Union "
                "territories between last spring and early this year. Trained field investigators "
                "collected blood samples using portable haemoglobin meters and recorded "
                "information on diet, sanitation, schooling and access to health services."
            ),
            (
                "The improvement was sharpest in states that scaled up school and anganwadi "
                "nutrition programmes. Tamil Nadu, Kerala and Himachal Pradesh recorded the "
                "lowest rates, while parts of Jharkhand, Bihar and Madhya Pradesh still reported "
                "anaemia among more than two-thirds of young children."
            ),
            (
                '"This is encouraging, but it is not a finish line," said Dr Meera Krishnan, a '
                'public health researcher in Bengaluru who reviewed the data. "Anaemia has many '
                "causes, from diet to worm infections to malaria. The districts that remain stuck "
                'need targeted attention, not just more tablets."'
            ),
            (
                "The survey also found that anaemia among adolescent girls remained stubbornly "
                "high at over half, a concern because it often persists into pregnancy. Mothers "
                "with at least ten years of schooling were markedly less likely to have anaemic "
                "children, reinforcing the link between education and nutrition outcomes."
            ),
            (
                "Officials said district-level data would be published next month, allowing "
                "states to compare blocks and plan interventions. The ministry is also reviewing "
                "a proposal to add millet-based meals to more school lunch menus. Several states "
                "have already run pilots with ragi and jowar dishes in their midday meal schemes."
            ),
        ],
    },
    {
        "slug": "lunar-lander-mission-clears-final-design-review-in-bengaluru",
        "headline": "Lunar lander mission clears final design review in Bengaluru",
        "summary": (
            "India's next robotic mission to the Moon has cleared its last major design review, "
            "allowing engineers to begin integrating the lander, rover and propulsion module "
            "ahead of a launch window next year."
        ),
        "dateline": "Bengaluru",
        "section": "india",
        "tags": ["Space", "Science", "Technology"],
        "authors": ["rohan-dsouza"],
        "hours_ago": 256,
        "paragraphs": [
            (
                "India's next robotic lunar mission has cleared its final design review, allowing "
                "engineers at the space agency's satellite centre in Bengaluru to start "
                "assembling the flight hardware, officials said on Friday. The mission includes a "
                "lander, a small rover and a propulsion module, and is designed to touch down in "
                "a region near the Moon's south pole."
            ),
            (
                "The review board, made up of more than 40 scientists and engineers from across "
                "the agency and several academic institutions, examined test results from drop "
                "trials, thermal vacuum chambers and simulated landings carried out over the past "
                "18 months. It approved the design with a handful of minor recommendations on "
                "software and power management."
            ),
            (
                '"The review is where we are asked the hardest questions, and the team answered '
                'them with data," said a senior project manager at the centre. "We now move from '
                "drawings and models to the actual spacecraft, which is always the most demanding "
                'phase."'
            ),
            (
                "The lander carries improved legs and a wider set of hazard-detection cameras, "
                "changes made after analysis of earlier missions. The rover will carry "
                "instruments to measure soil composition and the presence of water ice, a "
                "resource seen as critical for future crewed exploration."
            ),
            (
                "The mission is expected to be launched on a heavy-lift rocket from Sriharikota "
                "during a window that opens late next year. Scientists from several universities "
                "have been invited to propose experiments that could use the data once the rover "
                "is operating on the surface."
            ),
            (
                "Space policy analysts say the programme is also helping Indian private firms, "
                'which supplied sensors, cabling and structural parts. "The supply chain that '
                'grows around such missions is as valuable as the mission itself," said Kavita '
                "Joshi, who studies the space economy at a Pune institute."
            ),
        ],
    },
    {
        "slug": "heatwave-warning-for-nine-states-as-mercury-crosses-46-degrees",
        "headline": "Heatwave warning for nine states as mercury crosses 46 degrees",
        "summary": (
            "The weather office has issued heatwave alerts for nine states, with temperatures "
            "crossing 46 degrees Celsius in parts of Rajasthan and Uttar Pradesh and little "
            "relief expected before the monsoon advances north."
        ),
        "dateline": "New Delhi",
        "section": "india",
        "tags": ["Climate", "Health", "Water", "Weather"],
        "authors": ["nm-desk"],
        "hours_ago": 340,
        "paragraphs": [
            (
                "Heatwave alerts were issued for nine states on Wednesday as temperatures crossed "
                "46 degrees Celsius across large parts of north and central India. Phalodi in "
                "Rajasthan recorded the country's highest maximum of 47.8 degrees, while Jhansi "
                "and Banda in Uttar Pradesh both reported readings above 46 degrees for the third "
                "day running."
            ),
            (
                "The weather department said a dry north-westerly flow and clear skies were "
                "keeping night temperatures unusually high as well, denying residents the relief "
                "that cooler evenings normally bring. Warm night conditions were reported in "
                "Delhi, Haryana and parts of Punjab, where minimum temperatures stayed above 30 "
                "degrees."
            ),
            (
                "State health departments have asked hospitals to set up dedicated heatstroke "
                'wards and to stock oral rehydration salts and intravenous fluids. "We are seeing '
                "more patients with dehydration and heat exhaustion, especially outdoor workers "
                'and elderly people living alone," said a senior doctor at a government hospital '
                "in Lucknow."
            ),
            (
                "Several states have changed school timings and advised employers to allow rest "
                "breaks for construction and agricultural labourers during the hottest hours "
                "between noon and four in the afternoon. Municipal bodies in Jaipur and Nagpur "
                "have opened cooling shelters and water kiosks at bus depots and markets."
            ),
            (
                "Demand for electricity touched a new peak on Tuesday afternoon, grid operators "
                "said, driven by air-conditioning and irrigation pumps. Water supply was also "
                "under pressure, with tanker requests rising sharply in parts of Delhi and "
                "Gurugram."
            ),
            (
                "Forecasters expect conditions to ease only gradually over the next week as "
                "moisture-laden winds move in from the east. Climate scientists have noted that "
                "heatwaves in the region are starting earlier and lasting longer than they did "
                "two decades ago."
            ),
        ],
    },
    {
        "slug": "election-commission-begins-nationwide-drive-to-update-voter-rolls",
        "headline": "Election Commission begins nationwide drive to update voter rolls",
        "summary": (
            "Booth-level officers will visit homes across the country over the next two months to "
            "verify entries, add first-time voters and remove duplicate names, the Election "
            "Commission said on Monday."
        ),
        "dateline": "New Delhi",
        "section": "india",
        "tags": ["Elections", "Technology", "Youth"],
        "authors": ["farah-qureshi"],
        "hours_ago": 30,
        "status": "in_review",
        "paragraphs": [
            (
                "The Election Commission on Monday began a nationwide summary revision of "
                "electoral rolls, with booth-level officers set to visit households over the next "
                "two months to verify entries and enrol eligible citizens who have turned 18. The "
                "exercise covers all states and Union territories and is carried out routinely "
                "ahead of the annual publication of final rolls."
            ),
            (
                "Officials said the commission would pay particular attention to duplicate "
                "entries, names of deceased voters and people who have shifted residence. Field "
                "staff will carry tablets with a verification application that flags possible "
                "duplicates using photographs and demographic details, which can then be checked "
                "in person."
            ),
            (
                '"Clean rolls are the foundation of every election, and the easiest way for '
                'citizens to help is to check their own entry," said a deputy election '
                "commissioner at a briefing in the capital. Voters can verify their details "
                "online or through a helpline, and can submit forms for corrections without "
                "visiting an office."
            ),
            (
                "Special camps will be held on four weekends at polling stations, colleges and "
                "housing societies. Colleges have been asked to nominate campus ambassadors to "
                "encourage students to register, since young voters have historically been "
                "under-enrolled compared with their share of the population."
            ),
            (
                "Draft rolls will be published at the end of the two-month period, after which "
                "citizens will have a month to file claims and objections. Political parties have "
                "been invited to appoint booth-level agents to accompany officers during "
                "door-to-door checks."
            ),
            (
                "The commission said it would release state-wise figures on new enrolments and "
                "deletions once the revision is complete, so that the changes could be "
                "independently examined. Officials said complaints about wrongful deletions would "
                "be heard by electoral registration officers, and that no name would be removed "
                "without notice to the voter concerned."
            ),
        ],
    },
    {
        "slug": "fourteen-new-highway-stretches-approved-for-the-north-east",
        "headline": "Fourteen new highway stretches approved for the north-east",
        "summary": (
            "The Union road transport ministry has cleared 14 highway projects worth about Rs "
            "18,000 crore across six north-eastern states, focusing on all-weather links to "
            "border districts and tea-growing areas."
        ),
        "dateline": "Guwahati",
        "section": "india-news",
        "tags": ["Infrastructure", "Travel", "Wildlife"],
        "authors": ["nm-desk"],
        "hours_ago": 412,
        "paragraphs": [
            (
                "The Union road transport ministry has approved 14 new highway projects in the "
                "north-east, with a combined estimated cost of around Rs 18,000 crore, officials "
                "said in Guwahati on Thursday. The stretches span Assam, Arunachal Pradesh, "
                "Meghalaya, Mizoram, Nagaland and Tripura and will add roughly 780 km of two-lane "
                "and four-lane roads."
            ),
            (
                "Several of the routes are intended to provide all-weather connectivity to "
                "districts that are frequently cut off during the monsoon, when landslides block "
                "hill roads for days. Engineers plan to use slope stabilisation, rock anchoring "
                "and improved drainage on the most vulnerable sections."
            ),
            (
                '"People in these districts lose access to hospitals, markets and schools every '
                'rainy season," said a regional officer of the national highways authority. "The '
                "design brief this time puts resilience first, even if it means higher upfront "
                'costs."'
            ),
            (
                "The package includes a bypass around Jorhat, widening of a key corridor linking "
                "Shillong to the Bangladesh border trade point at Dawki, and a new bridge over a "
                "tributary of the Brahmaputra in Lakhimpur district. Tea growers say better roads "
                "could cut the time it takes to move leaf from gardens to processing factories."
            ),
            (
                "Environmental groups have urged the ministry to route roads away from elephant "
                "corridors and to publish detailed impact assessments. Officials said wildlife "
                "underpasses had been included in the designs for two projects passing near "
                "protected areas."
            ),
            (
                "Tenders are expected to be floated over the next three months, with construction "
                "targeted to start after the monsoon. Most projects have a completion deadline of "
                "three years. The ministry said progress on each stretch would be tracked through "
                "a public dashboard, with monthly updates on land acquisition, forest clearances "
                "and physical construction."
            ),
        ],
    },
    {
        "slug": "supreme-court-panel-suggests-faster-route-for-cheque-bounce-cases",
        "headline": "Supreme Court panel suggests faster route for cheque bounce cases",
        "summary": (
            "A committee set up to reduce case pendency has recommended special evening courts "
            "and online summons for cheque dishonour disputes, which account for a large share of "
            "cases in magistrate courts."
        ),
        "dateline": "New Delhi",
        "section": "india-news",
        "tags": ["Banking", "Technology"],
        "authors": ["farah-qureshi"],
        "hours_ago": 492,
        "paragraphs": [
            (
                "A committee appointed to examine delays in criminal courts has recommended a "
                "series of measures to speed up cheque dishonour cases, including special evening "
                "courts, electronic summons and compulsory pre-trial mediation. The panel's "
                "report was placed before the Supreme Court on Wednesday."
            ),
            (
                "Cases filed under the law on dishonoured cheques make up a significant share of "
                "the backlog in magistrate courts in several metropolitan cities. The committee "
                "found that in some districts, such cases accounted for more than a quarter of "
                "all pending criminal matters, with many dragging on for years because the "
                "accused could not be served notice."
            ),
            (
                "The report suggests that banks share verified contact details of account holders "
                "with courts so that summons can be delivered by email and text message. It also "
                "proposes that a complainant's bank provide digital records of the dishonoured "
                "cheque directly to the court, reducing the need for bank officials to appear as "
                "witnesses."
            ),
            (
                '"Most of these disputes are about money, not crime in the ordinary sense, and a '
                'large number settle once both sides sit across a table," said a retired district '
                'judge who served on the panel. "The system should make that settlement happen in '
                'weeks rather than years."'
            ),
            (
                "Legal practitioners broadly welcomed the suggestions but cautioned that courts "
                "in smaller towns lacked the staff and internet connectivity to run fully digital "
                "processes. Some also raised concerns about ensuring that accused persons "
                "actually received electronic notices."
            ),
            (
                "The court has asked the Union government and state governments to respond to the "
                "recommendations within eight weeks. Once the responses are filed, the bench is "
                "expected to decide whether some of the measures can be introduced on a pilot "
                "basis in selected metropolitan courts. A hearing has been listed for later in "
                "the year."
            ),
        ],
    },
    {
        "slug": "digital-payments-cross-15-billion-transactions-in-a-single-month",
        "headline": "Digital payments cross 15 billion transactions in a single month",
        "summary": (
            "Unified Payments Interface transactions crossed 15 billion in May for the first "
            "time, driven by small-value payments at kirana stores, transport counters and street "
            "vendors, according to industry data."
        ),
        "dateline": "Mumbai",
        "section": "india-news",
        "tags": ["Banking", "Technology", "Start-ups"],
        "authors": ["vikram-mehta"],
        "hours_ago": 20,
        "paragraphs": [
            (
                "Payments made through the Unified Payments Interface crossed 15 billion "
                "transactions in May, the first time the system has passed that mark in a single "
                "month, according to data released by the national payments body on Saturday. The "
                "total value of transactions rose to about Rs 21 lakh crore, an increase of "
                "roughly 35 per cent from a year earlier."
            ),
            (
                "Small-value payments continued to drive growth. Nearly half of all transactions "
                "were below Rs 200, reflecting the spread of QR code payments at grocery shops, "
                "tea stalls, auto-rickshaw stands and vegetable markets. Payments between "
                "individuals and merchants now outnumber transfers between individuals."
            ),
            (
                '"What we are seeing is the everyday economy moving online in small steps, a cup '
                'of tea at a time," said Nikhil Bhandari, a payments analyst at a Mumbai research '
                'firm. "The next challenge is building credit and savings products on top of this '
                'without overloading first-time users."'
            ),
            (
                "Banks and payment apps have reported a rise in fraud attempts alongside the "
                "growth, including fake payment screenshots and calls impersonating customer "
                "support staff. Regulators have asked providers to strengthen warnings inside "
                "apps and to limit transaction amounts for newly registered devices."
            ),
            (
                "The system is also being extended to international corridors. Indian travellers "
                "can now use the interface at merchants in several countries, and officials said "
                "talks were under way to link it with fast payment systems in more countries in "
                "Asia and the Gulf."
            ),
            (
                "Industry executives expect monthly volumes to keep rising through the festive "
                "season, when online shopping and gifting traditionally peak. Payment companies "
                "are also preparing for higher traffic by adding server capacity, after outages "
                "during last year's sales briefly left shoppers unable to complete purchases at "
                "checkout."
            ),
        ],
    },
    {
        "slug": "coastal-states-tighten-patrols-during-annual-fishing-ban",
        "headline": "Coastal states tighten patrols during annual fishing ban",
        "summary": (
            "Marine police and fisheries departments along the east coast have increased patrols "
            "to enforce the 61-day breeding-season ban on mechanised fishing, while fishing "
            "families await compensation payments."
        ),
        "dateline": "Chennai",
        "section": "india-news",
        "tags": ["Wildlife", "Food", "Water"],
        "authors": ["nm-desk"],
        "hours_ago": 556,
        "paragraphs": [
            (
                "Fisheries departments in Tamil Nadu, Andhra Pradesh and Odisha have stepped up "
                "coastal patrols to enforce the annual ban on mechanised fishing along the east "
                "coast, which runs for 61 days during the breeding season of several commercially "
                "important fish species. Officials said about 14,000 trawlers had been brought "
                "ashore at harbours from Ramanathapuram to Paradip."
            ),
            (
                "The ban is intended to give fish stocks time to spawn and replenish after months "
                "of intensive trawling. Traditional boats using small outboard engines or oars "
                "are allowed to continue fishing close to the shore, which helps supply local "
                "markets during the closed season."
            ),
            (
                '"The first two weeks are always the hardest to monitor because some boats try to '
                'slip out at night," said an assistant director of fisheries in Nagapattinam. '
                '"This year we have added drones and we are sharing information with the coast '
                'guard."'
            ),
            (
                "Fishing families receive relief payments from state governments during the ban, "
                'but associations say the amount has not kept pace with rising costs. "The boat '
                'owner can wait, but the crew who work on daily wages need money every week," '
                "said Selvi Murugan, who heads a fisherwomen's cooperative in Chennai."
            ),
            (
                "Many boat owners use the break to repair hulls, replace nets and service "
                "engines, keeping boatyards and welding shops busy. Fish prices in city markets "
                "typically rise by a third or more during the period."
            ),
            (
                "Marine biologists say compliance has improved over the years, and catch data "
                "suggest some species have recovered in areas where the ban is strictly enforced. "
                "Officials said they would review the length and timing of the ban with "
                "researchers next year, using landing data collected at major harbours."
            ),
        ],
    },
    {
        "slug": "scheme-to-train-five-lakh-village-youth-as-drone-operators",
        "headline": "Scheme to train five lakh village youth as drone operators",
        "summary": (
            "A new central scheme will train five lakh young people from rural areas to operate "
            "agricultural drones for spraying, crop mapping and survey work, with the first "
            "batches starting next month."
        ),
        "dateline": "New Delhi",
        "section": "india-news",
        "tags": ["Agriculture", "Technology", "Jobs", "Youth"],
        "authors": ["ananya-rao", "rohan-dsouza"],
        "hours_ago": 604,
        "paragraphs": [
            (
                "The Union government has launched a scheme to train five lakh young people from "
                "villages as certified drone operators over the next four years, officials said "
                "on Tuesday. Trainees will learn to fly drones used for spraying fertilisers and "
                "pesticides, mapping crop health and surveying land parcels."
            ),
            (
                "The training will be delivered through agricultural universities, farm science "
                "centres and approved private academies in every state. Each course will last "
                "about 15 days and include classroom lessons on aviation rules and safety, "
                "simulator sessions and supervised flying in fields."
            ),
            (
                "Officials said preference would be given to members of farmer producer "
                "organisations and self-help groups, so that drones could be shared within "
                "villages rather than owned only by large farmers. Subsidised loans will be "
                "available for groups that want to buy their own equipment after certification."
            ),
            (
                '"A drone can spray an acre in about eight minutes, with less chemical and less '
                'exposure for the farmer," said Arjun Patil, who runs a spraying service in '
                "Maharashtra's Sangli district. \"But the machine is only as good as the person "
                'flying it, and that is where training matters."'
            ),
            (
                "Agronomists have welcomed the move but stressed the need for clear guidelines on "
                "which chemicals can be sprayed by air and in what doses, since incorrect use "
                "could harm bees and nearby water sources. The agriculture ministry said it was "
                "drafting such guidance with input from scientists."
            ),
            (
                "The first batches are set to begin next month in Maharashtra, Karnataka, Punjab "
                "and Andhra Pradesh, with other states joining in phases. Officials expect around "
                "40,000 trainees to be certified in the first year, and a helpline will answer "
                "questions from applicants about eligibility and fees."
            ),
        ],
    },
    {
        "slug": "census-enumerators-to-use-tablets-for-the-first-time",
        "headline": "Census enumerators to use tablets for the first time",
        "summary": (
            "Field staff for the upcoming national census will record household details on "
            "tablets instead of paper schedules, a change officials say should speed up results "
            "and reduce transcription errors."
        ),
        "dateline": "New Delhi",
        "section": "india-news",
        "tags": ["Technology", "Jobs"],
        "authors": ["nm-desk"],
        "hours_ago": 120,
        "status": "draft",
        "paragraphs": [
            (
                "Enumerators for the next national census will collect household information on "
                "tablets and smartphones rather than on paper schedules, officials in the census "
                "directorate said on Friday. It will be the first time the country's decennial "
                "headcount is carried out largely in digital form."
            ),
            (
                "About 30 lakh field staff, most of them government schoolteachers and local "
                "officials, will be trained to use a dedicated application that works offline in "
                "areas with poor connectivity and uploads data when a signal becomes available. "
                "Paper forms will be kept as a backup for remote areas."
            ),
            (
                '"Digital collection means fewer errors in copying and much faster processing," '
                'said a senior official in the directorate. "In earlier rounds, it took years to '
                'publish detailed tables. We hope to bring that down considerably."'
            ),
            (
                "Households will also have the option of filling in their details online before "
                "an enumerator visits, using a reference number that the enumerator will then "
                "verify. The application will be available in all scheduled languages."
            ),
            (
                "Privacy experts have called for clear rules on how the data will be stored and "
                "who can access it. Officials said data would be encrypted on devices, that "
                "individual records would remain confidential under census law, and that only "
                "aggregate tables would be published."
            ),
            (
                "Training of master trainers is expected to begin in the coming weeks, followed "
                "by a pilot in selected districts in each state. Officials said the schedule for "
                "the main enumeration would be announced after the pilot results had been "
                "reviewed and any problems with the application fixed."
            ),
        ],
    },
    {
        "slug": "assam-floods-displace-40-000-as-brahmaputra-crosses-danger-mark",
        "headline": "Assam floods displace 40,000 as Brahmaputra crosses danger mark",
        "summary": (
            "Floodwaters have entered more than 300 villages in seven Assam districts after days "
            "of heavy rain, with the Brahmaputra flowing above the danger level at Nimatighat and "
            "Dhubri."
        ),
        "dateline": "Guwahati",
        "section": "state",
        "tags": ["monsoon", "Water", "Climate"],
        "authors": ["nm-desk"],
        "hours_ago": 27,
        "paragraphs": [
            (
                "More than 40,000 people have been displaced across seven districts of Assam "
                "after days of heavy rain pushed the Brahmaputra and several of its tributaries "
                "above the danger mark, the state disaster management authority said on Sunday. "
                "Water has entered over 300 villages, and around 9,500 hectares of cropland are "
                "submerged."
            ),
            (
                "The worst-hit districts are Lakhimpur, Dhemaji, Majuli and Dhubri. In Majuli, "
                "the river island, ferry services were suspended and several low-lying roads were "
                "under knee-deep water. The river was flowing above the danger level at "
                "Nimatighat near Jorhat and at Dhubri close to the Bangladesh border."
            ),
            (
                "The authority has opened 126 relief camps, where families have been provided "
                "with rice, lentils, drinking water and tarpaulin sheets. Teams of the state and "
                "national disaster response forces have rescued around 600 people using boats, "
                "mostly elderly residents and children stranded on rooftops."
            ),
            (
                '"We moved with our goats and our rice sacks as soon as the water crossed the '
                'courtyard," said Junmoni Pegu, a resident of a village near Dhemaji who is '
                'staying at a camp in a school building. "This is the second time in three years '
                'that we have had to leave."'
            ),
            (
                "Officials at Kaziranga National Park said animals were moving to the artificial "
                "highlands built inside the park and towards the hills across the national "
                "highway. Speed limits on the highway have been strictly enforced to prevent "
                "animals from being hit by vehicles."
            ),
            (
                "The weather office has forecast more heavy rain in upper Assam and Arunachal "
                "Pradesh over the next 48 hours, meaning water levels could rise further before "
                "they begin to recede. Officials have asked residents of riverside villages to "
                "move to higher ground at the first sign of rising water."
            ),
        ],
    },
    {
        "slug": "rajasthan-village-turns-a-restored-stepwell-into-a-reading-room",
        "headline": "Rajasthan village turns a restored stepwell into a reading room",
        "summary": (
            "Residents of a village near Bundi have restored a 17th-century stepwell and built a "
            "small public library in its pavilion, drawing students and visitors to a monument "
            "that had been filled with rubbish."
        ),
        "dateline": "Jaipur",
        "section": "state",
        "tags": ["heritage", "Literature", "Water"],
        "authors": ["farah-qureshi"],
        "hours_ago": 636,
        "paragraphs": [
            (
                "A village near Bundi in Rajasthan has restored a 17th-century stepwell that had "
                "been used as a rubbish dump for decades and turned its shaded pavilion into a "
                "small public library. The reading room, which opened last week, has about 2,000 "
                "books in Hindi, Rajasthani and English, most of them donated by families and "
                "schools in the district."
            ),
            (
                "The restoration took nearly two years. Volunteers removed more than 60 "
                "tractor-loads of waste, while masons trained in traditional lime plaster "
                "repaired the carved steps and arches. The district administration contributed "
                "funds from a rural employment scheme, and a conservation architect from Jaipur "
                "advised on the work without charge."
            ),
            (
                '"Our grandparents drew water here and women met here every evening," said Kamla '
                'Devi Meena, the village sarpanch. "Children had stopped coming because it was '
                "dirty and dangerous. Now they come after school to read, and the old people come "
                'to sit in the shade."'
            ),
            (
                "The stepwell has also begun to hold water again after the first rains, since its "
                "feeder channels were cleared during the restoration. Hydrologists say restoring "
                "such structures can help recharge groundwater in a region where wells have been "
                "running dry."
            ),
            (
                "The library is run by a committee of young villagers, who open it for four hours "
                "each day and keep a register of books borrowed. Local teachers use the space for "
                "weekend storytelling sessions, and a few visitors have already begun arriving "
                "from Bundi town."
            ),
            (
                "The district collector said the model could be extended to about a dozen other "
                "neglected stepwells in the area. Officials said a survey of those structures "
                "would begin after the monsoon, with village committees invited to propose how "
                "each site could be used once restored."
            ),
        ],
    },
    {
        "slug": "bengaluru-s-long-delayed-tech-corridor-metro-line-opens-to-passengers",
        "headline": "Bengaluru's long-delayed tech corridor metro line opens to passengers",
        "summary": (
            "A 19-km metro line linking Bengaluru's southern suburbs with the Electronic City "
            "technology hub opened to commuters on Saturday, seven years after construction "
            "began."
        ),
        "dateline": "Bengaluru",
        "section": "state",
        "tags": ["Railways", "Infrastructure", "Technology"],
        "authors": ["rohan-dsouza"],
        "hours_ago": 196,
        "paragraphs": [
            (
                "A 19-km metro line connecting Bengaluru's southern residential areas with the "
                "Electronic City technology hub opened to passengers on Saturday, seven years "
                "after construction started. Trains will initially run every ten minutes, with "
                "frequency expected to improve as more rakes are delivered."
            ),
            (
                "The elevated line has 16 stations and is expected to carry around 2.5 lakh "
                "passengers a day once fully operational. It runs alongside one of the city's "
                "most congested roads, where commutes of 15 km can stretch to well over an hour "
                "during peak traffic."
            ),
            (
                "Technology companies in the area have adjusted shuttle bus routes to connect "
                'offices with the new stations. "Some of my colleagues spend three hours a day on '
                'the road," said Priya Ramanathan, a software tester who rode the first train '
                'from Silk Board. "If this works, it could give people their evenings back."'
            ),
            (
                "The project was delayed by land acquisition disputes, utility shifting and a "
                "shortage of coaches, which are being manufactured domestically under a contract "
                "that slipped behind schedule. Officials of the metro rail corporation said the "
                "remaining trains would arrive in batches over the next six months."
            ),
            (
                "Feeder buses will run from several stations to residential layouts and "
                "industrial areas, and bicycle docking stations are being installed at four "
                "locations. Commuter groups have asked for better footpaths and safe pedestrian "
                "crossings near stations."
            ),
            (
                "Two more lines in the city are under construction, which officials say will "
                "create a network of over 175 km when complete. The corporation said it would "
                "also publish ridership figures each month so that planners could judge how the "
                "new line was changing travel patterns in the south of the city."
            ),
        ],
    },
    {
        "slug": "uttar-pradesh-sugarcane-farmers-receive-record-payout-of-dues",
        "headline": "Uttar Pradesh sugarcane farmers receive record payout of dues",
        "summary": (
            "Sugar mills in Uttar Pradesh have cleared more than 95 per cent of payments owed to "
            "cane growers for the last crushing season, the fastest settlement in over a decade, "
            "the state cane department said."
        ),
        "dateline": "Lucknow",
        "section": "state",
        "tags": ["Agriculture", "Banking"],
        "authors": ["nm-desk"],
        "hours_ago": 448,
        "paragraphs": [
            (
                "Sugar mills in Uttar Pradesh have paid more than 95 per cent of the dues owed to "
                "sugarcane farmers for the last crushing season, the state's cane development "
                "department said on Wednesday. It is the fastest settlement in over a decade, "
                "with payments totalling about Rs 38,000 crore reaching farmers' bank accounts."
            ),
            (
                "Delayed cane payments have long been a sore point in western Uttar Pradesh, "
                "where sugarcane is the dominant crop. In past seasons, farmers sometimes waited "
                "a year or more to be paid, forcing many to borrow from moneylenders at high "
                "interest."
            ),
            (
                "Officials attributed the faster payments to higher sugar prices, strong demand "
                "for ethanol made from cane juice and molasses, and closer monitoring of mills "
                "through an online portal. Mills that fall behind on payments have been warned "
                "that they could face restrictions on sugar sales."
            ),
            (
                '"Earlier we would plant the next crop with borrowed money," said Baljeet Singh, '
                'who grows cane on eight acres near Muzaffarnagar. "This year the payment came '
                'within weeks, and I could pay my labourers and buy fertiliser without a loan."'
            ),
            (
                "Farm groups have welcomed the improvement but continue to press for a higher "
                "state-advised price for cane, arguing that the cost of diesel, labour and "
                "fertiliser has risen steeply. The state government is expected to announce the "
                "price for the coming season after the monsoon."
            ),
            (
                "Banks in cane-growing districts report that repayments of crop loans have also "
                "improved, easing pressure on cooperative banks. Bankers said the steadier flow "
                "of cane money was also lifting demand for tractors, two-wheelers and consumer "
                "goods in small towns across the western districts."
            ),
        ],
    },
    {
        "slug": "telangana-government-schools-add-coding-classes-from-grade-six",
        "headline": "Telangana government schools add coding classes from grade six",
        "summary": (
            "About 4,000 government schools in Telangana will teach basic computer programming to "
            "students from class six this academic year, supported by teacher training and "
            "refurbished computer labs."
        ),
        "dateline": "Hyderabad",
        "section": "state",
        "tags": ["Education", "Technology", "Youth"],
        "authors": ["ananya-rao"],
        "hours_ago": 364,
        "paragraphs": [
            (
                "Students in about 4,000 government schools in Telangana will learn basic "
                "computer programming from class six onwards this academic year, the state school "
                "education department announced on Monday. The course will introduce logical "
                "thinking, block-based coding and simple text programming over three years."
            ),
            (
                "Nearly 9,000 teachers have completed a month-long training programme in the "
                "summer vacation, and computer labs in participating schools have been "
                "refurbished with new machines and uninterrupted power supply units. The lessons "
                "will be taught in Telugu, Urdu and English."
            ),
            (
                '"Many of our students have never used a computer, but they use phones every '
                'day," said Lakshmi Prasanna, headmistress of a government high school in '
                'Nalgonda. "Coding gives them a way to understand what happens behind the screen, '
                'and to build something of their own."'
            ),
            (
                "The curriculum was developed with the help of a state university and a "
                "non-profit organisation that has run similar programmes in other states. It "
                "includes projects such as simple games, quizzes and tools to track attendance or "
                "rainfall in the village."
            ),
            (
                "Education researchers say the success of such programmes depends on whether "
                "schools have enough periods and whether teachers receive continued support. The "
                "department said mentors would visit schools monthly and an online help desk "
                "would answer teachers' questions."
            ),
            (
                "The state plans to extend the programme to all upper primary schools within "
                "three years, subject to an evaluation of learning outcomes after the first year. "
                "If the results are encouraging, officials said, the course could be linked with "
                "science and mathematics lessons in later classes."
            ),
        ],
    },
    {
        "slug": "kerala-backwater-boat-races-return-with-women-s-crews-for-the-first-time",
        "headline": "Kerala backwater boat races return with women's crews for the first time",
        "summary": (
            "The season's first snake boat race on the Pamba river will feature three all-women "
            "crews competing in a separate category, organisers in Alappuzha said, reviving an "
            "event cancelled last year due to floods."
        ),
        "dateline": "Alappuzha",
        "section": "state",
        "tags": ["Travel", "heritage", "monsoon"],
        "authors": ["farah-qureshi"],
        "hours_ago": -20,
        "status": "scheduled",
        "paragraphs": [
            (
                "The season's first snake boat race on the Pamba river will feature three "
                "all-women crews competing in a dedicated category for the first time, organisers "
                "announced in Alappuzha on Friday. The race, which was cancelled last year "
                "because of flooding, will be held on the second Saturday of next month."
            ),
            (
                "The long, narrow snake boats can be over 100 feet in length and are rowed by "
                "crews of more than 100 people, kept in rhythm by traditional boat songs. The "
                "women's crews, drawn from villages around Kuttanad, have been practising in "
                "smaller boats for four months."
            ),
            (
                '"For years, women cooked for the crews and cheered from the banks," said Sindhu '
                'Thomas, who captains one of the teams. "Our grandmothers would not have believed '
                'that we would row a chundan. Now our daughters are asking when they can join."'
            ),
            (
                "Organisers said safety measures had been strengthened, with rescue boats, divers "
                "and medical teams positioned along the course. Each rower must pass a swimming "
                "test, and life jackets will be mandatory for all crews in the new category."
            ),
            (
                "Tourism officials expect around 50,000 spectators, including visitors from other "
                "states and abroad. Houseboat operators have reported strong bookings for the "
                "race weekend after a slow monsoon season. Officials from the fire and rescue "
                "services will also be stationed at the finishing point."
            ),
            (
                "The event will also be streamed online, and the state tourism department plans "
                "to include the women's race in its promotions for the backwater season. "
                "Organisers hope that the women's category will become a permanent fixture and "
                "that more villages will field crews next season."
            ),
        ],
    },
    {
        "slug": "north-korea-fires-ballistic-missile-into-sea-seoul-says",
        "headline": "North korea fires ballistic missile into sea, Seoul says",
        "summary": (
            "North Korea launched a short-range ballistic missile off its east coast early on "
            "Friday, South Korea's military said, the latest in a series of tests that have "
            "raised tension in the region."
        ),
        "dateline": "Seoul",
        "section": "world",
        "tags": ["North korea", "Diplomacy"],
        "authors": ["nm-desk"],
        "hours_ago": 16,
        "paragraphs": [
            (
                "North Korea fired a short-range ballistic missile into the sea off its east "
                "coast early on Friday, South Korea's military said, in the latest of a series of "
                "weapons tests this year. The missile was launched from an area near the North's "
                "eastern coast and flew about 600 km before falling into waters outside Japan's "
                "exclusive economic zone."
            ),
            (
                "A spokesperson for South Korea's joint chiefs of staff said the military was "
                "analysing the flight data with the United States and had strengthened "
                "surveillance. Japan's defence ministry also confirmed the launch, saying there "
                "were no reports of damage to ships or aircraft."
            ),
            (
                "The launch came days after joint military drills involving South Korea and the "
                "United States concluded near the peninsula. Pyongyang has repeatedly described "
                "such exercises as rehearsals for invasion, while Seoul and Washington say they "
                "are defensive in nature."
            ),
            (
                '"Each test gives Pyongyang more data to refine its systems, and the intervals '
                'between launches have become shorter," said Dr Han Ji-woo, a researcher at a '
                'Seoul-based security institute. "The diplomatic channel that might slow this '
                'down remains largely frozen."'
            ),
            (
                "United Nations Security Council resolutions prohibit North Korea from testing "
                "ballistic missiles, but the council has been divided on whether to impose fresh "
                "sanctions. Diplomats in New York said consultations were likely in the coming "
                "days."
            ),
            (
                "India's external affairs ministry has previously called for the denuclearisation "
                "of the Korean peninsula through dialogue and diplomacy. There was no immediate "
                "comment from New Delhi on Friday's launch. Analysts in Delhi said India's "
                "interests lay in regional stability and in the safety of shipping lanes in "
                "north-east Asia."
            ),
        ],
    },
    {
        "slug": "geneva-climate-talks-end-with-pledge-to-cut-methane-from-farms",
        "headline": "Geneva climate talks end with pledge to cut methane from farms",
        "summary": (
            "Negotiators from more than 120 countries ended a week of climate talks in Geneva "
            "with a voluntary pledge to reduce methane emissions from agriculture and waste, "
            "though key details were left for later."
        ),
        "dateline": "Geneva",
        "section": "world",
        "tags": ["Climate", "Diplomacy", "Agriculture", "Science"],
        "authors": ["ananya-rao"],
        "hours_ago": 228,
        "paragraphs": [
            (
                "Delegates from more than 120 countries concluded a week of intermediate climate "
                "negotiations in Geneva on Friday with a voluntary pledge to reduce methane "
                "emissions from agriculture, landfills and wastewater. The statement does not set "
                "binding national targets but commits signatories to publish reduction plans "
                "within two years."
            ),
            (
                "Methane is a powerful greenhouse gas that traps far more heat than carbon "
                "dioxide over a short period, though it breaks down faster in the atmosphere. "
                "Scientists say cutting methane quickly is one of the most effective ways to slow "
                "near-term warming."
            ),
            (
                "Agriculture, particularly livestock and flooded rice paddies, is among the "
                "largest sources of methane. Developing countries including India have stressed "
                "that farm emissions are tied to the livelihoods of millions of smallholders and "
                "cannot be treated in the same way as industrial pollution."
            ),
            (
                '"We can reduce methane from rice through better water management and from cattle '
                'through improved feed, but farmers need support, not penalties," said a member '
                "of the Indian delegation. Several African and South-East Asian countries made "
                "similar points during the talks."
            ),
            (
                'Environmental groups described the pledge as a modest step. "A voluntary promise '
                'is better than nothing, but the atmosphere does not respond to promises," said '
                "Clara Neumann, a policy adviser with a Berlin-based climate research group."
            ),
            (
                "The Geneva meeting was held to prepare for the annual global climate summit "
                "later this year, where finance for adaptation and loss and damage is expected to "
                "dominate. Observers expect India to push for predictable funding to help farmers "
                "adapt to erratic rainfall and heat."
            ),
        ],
    },
    {
        "slug": "kenya-opens-new-rail-link-to-boost-trade-with-inland-neighbours",
        "headline": "Kenya opens new rail link to boost trade with inland neighbours",
        "summary": (
            "A new standard-gauge freight line extending Kenya's railway towards its western "
            "border opened on Tuesday, promising faster cargo movement from the port of Mombasa "
            "to Uganda and beyond."
        ),
        "dateline": "Nairobi",
        "section": "world",
        "tags": ["Railways", "Infrastructure", "Diplomacy"],
        "authors": ["vikram-mehta"],
        "hours_ago": 508,
        "paragraphs": [
            (
                "Kenya opened a new section of its standard-gauge railway on Tuesday, extending "
                "freight services further west towards the border with Uganda. Officials said the "
                "line would cut the time it takes to move containers from the port of Mombasa to "
                "inland destinations by as much as two days compared with road transport."
            ),
            (
                "The 120-km section links an existing terminal to a new inland container depot, "
                "where goods can be transferred to trucks or stored before clearing customs. "
                "Landlocked neighbours, including Uganda, Rwanda and South Sudan, rely heavily on "
                "the Mombasa corridor for imports and exports."
            ),
            (
                '"Every hour we save on this route lowers the cost of a bag of fertiliser or a '
                'bale of cotton," said Wanjiru Kamau, a logistics manager with a freight '
                'forwarding company in Nairobi. "The question now is whether the tariffs will be '
                'competitive enough to pull traffic off the roads."'
            ),
            (
                "The railway has been the subject of debate in Kenya over its cost and the loans "
                "used to finance it. Supporters argue that rail freight will reduce road "
                "accidents and wear on highways, while critics say cargo volumes have not yet met "
                "projections."
            ),
            (
                "Indian companies are among the largest users of the corridor, shipping "
                "pharmaceuticals, vehicles and machinery to East Africa. An official at the "
                "Indian high commission in Nairobi said faster rail links could help exporters "
                "reach markets deeper in the continent."
            ),
            (
                "The government plans to offer discounted rates for the first six months to "
                "encourage shippers to try the new service. Transport officials said they would "
                "review freight volumes at the end of that period before deciding on longer-term "
                "tariffs and possible extensions of the line towards the border."
            ),
        ],
    },
    {
        "slug": "staff-shortages-test-indian-restaurants-in-london-after-visa-changes",
        "headline": "Staff shortages test Indian restaurants in London after visa changes",
        "summary": (
            "Indian restaurants across London report difficulty hiring chefs after changes to "
            "skilled worker visa rules raised salary thresholds, with some owners cutting opening "
            "hours or closing branches."
        ),
        "dateline": "London",
        "section": "world",
        "tags": ["Food", "Jobs", "Diplomacy"],
        "authors": ["farah-qureshi"],
        "hours_ago": 140,
        "paragraphs": [
            (
                "Indian restaurants across London are struggling to recruit chefs after changes "
                "to skilled worker visa rules raised the minimum salary employers must pay to "
                "sponsor staff from abroad, owners and trade groups say. Several restaurants have "
                "shortened their opening hours or closed on quieter weekdays because they cannot "
                "fill kitchen rotas."
            ),
            (
                "The changes, introduced last year, mean that many small restaurants can no "
                "longer afford to sponsor specialist cooks from India, Bangladesh or Nepal. "
                "Owners say tandoor and regional specialities require years of training that is "
                "difficult to find among local applicants."
            ),
            (
                '"I have been advertising for a tandoor chef for five months," said Imran '
                "Chaudhry, who runs a family restaurant in east London that opened in the 1980s. "
                '"The people who can do this job well are in Lucknow or Amritsar, and I simply '
                'cannot meet the new threshold for a small kitchen."'
            ),
            (
                "Trade bodies estimate that thousands of curry houses across Britain are "
                "affected. Some are training local staff through short courses, while others have "
                "simplified their menus to rely less on specialist techniques. Others have relied "
                "on relatives to help in the kitchen at weekends."
            ),
            (
                "The issue has come up in discussions between Indian and British officials on "
                "mobility and trade, according to people familiar with the talks. Both sides have "
                "expressed interest in easing movement for skilled professionals, though details "
                "remain under negotiation."
            ),
            (
                "Food writers note that Indian cuisine is among the most popular in the country, "
                "and that a shrinking pool of skilled cooks could change what diners find on "
                "menus over the coming years. Some restaurateurs, however, see an opportunity to "
                "train a new generation of British-born cooks."
            ),
        ],
    },
    {
        "slug": "indian-peacekeepers-honoured-for-flood-rescues-in-south-sudan",
        "headline": "Indian peacekeepers honoured for flood rescues in South Sudan",
        "summary": (
            "An Indian engineering contingent serving with the United Nations mission in South "
            "Sudan has been commended for rescuing hundreds of villagers and rebuilding dykes "
            "during severe floods."
        ),
        "dateline": "Juba",
        "section": "world",
        "tags": ["Diplomacy", "Water", "monsoon"],
        "authors": ["rohan-dsouza"],
        "hours_ago": 292,
        "paragraphs": [
            (
                "An Indian army engineering contingent serving with the United Nations mission in "
                "South Sudan has received a formal commendation for its work during severe "
                "flooding in the country's north, UN officials said on Wednesday. The unit helped "
                "evacuate more than 700 people and reinforced nearly 40 km of earthen dykes that "
                "protect villages and displacement camps."
            ),
            (
                "The floods, caused by heavy seasonal rain and overflowing rivers, submerged "
                "large parts of Unity and Jonglei states, cutting off roads and destroying crops. "
                "Many communities had already been displaced by earlier floods and conflict."
            ),
            (
                "Working in waterlogged conditions, the contingent used excavators and locally "
                "made sandbags to repair breaches in dykes, sometimes through the night. Medical "
                "staff with the unit treated villagers for waterborne diseases and snakebites. "
                "Engineers also built raised platforms where families could keep livestock and "
                "grain above the water."
            ),
            (
                '"They arrived when the water was rising by the hour and stayed until the dykes '
                'held," said a UN humanitarian coordinator in the region. "The local chiefs asked '
                'specifically that their gratitude be passed on."'
            ),
            (
                "India is among the largest contributors of troops to UN peacekeeping, with "
                "personnel deployed in several missions in Africa and the Middle East. Officers "
                "say engineering and medical units are often in high demand because of the "
                "infrastructure gaps in conflict-affected areas."
            ),
            (
                "The contingent is due to rotate home later this year after completing a 12-month "
                "deployment. Another Indian unit will take over its duties, and officers said the "
                "handover would include detailed maps of the dykes and drainage channels the "
                "engineers have built and repaired."
            ),
        ],
    },
    {
        "slug": "seoul-and-new-delhi-sign-pact-on-semiconductor-skills-training",
        "headline": "Seoul and New Delhi sign pact on semiconductor skills training",
        "summary": (
            "India and South Korea have agreed to jointly train engineers and technicians for the "
            "chip industry, with Korean firms and Indian institutes to run courses and exchange "
            "programmes over five years."
        ),
        "dateline": "Seoul",
        "section": "world",
        "tags": ["Technology", "Jobs", "Diplomacy"],
        "authors": ["vikram-mehta", "farah-qureshi"],
        "hours_ago": 476,
        "paragraphs": [
            (
                "India and South Korea signed an agreement in Seoul on Thursday to cooperate on "
                "training engineers and technicians for the semiconductor industry. Under the "
                "five-year arrangement, Korean companies and Indian technical institutes will run "
                "joint courses, internships and faculty exchanges."
            ),
            (
                "The pact aims to train around 10,000 people in chip design, fabrication "
                "processes, testing and packaging. Indian students will spend time at Korean "
                "research centres and factories, while Korean engineers will teach short modules "
                "at several Indian institutes of technology and polytechnics."
            ),
            (
                '"Building a fabrication plant is one part of the story. Running it needs '
                "thousands of skilled people who understand clean rooms, chemicals and precision "
                "equipment,\" said an official in India's electronics ministry who was part of "
                'the delegation. "Korea has decades of experience in exactly that."'
            ),
            (
                "South Korea is home to some of the world's largest memory chip manufacturers. "
                "Korean companies already have a significant presence in India in consumer "
                "electronics, automobiles and steel, and several are exploring investments in "
                "electronics components."
            ),
            (
                "Industry analysts say the agreement is part of a broader push by both countries "
                'to diversify supply chains. "Skills are the bottleneck. Whoever trains people '
                'fastest will attract the next wave of factories," said Park Min-seo, an analyst '
                "with a Seoul brokerage."
            ),
            (
                "The first cohort of 300 Indian students is expected to travel to Korea early "
                "next year. Officials said applications would be invited through participating "
                "institutes, and that selection would be based on academic record, an aptitude "
                "test and an interview focused on practical engineering skills."
            ),
        ],
    },
    {
        "slug": "sensex-closes-at-record-high-as-it-stocks-lead-broad-rally",
        "headline": "Sensex closes at record high as IT stocks lead broad rally",
        "summary": (
            "The benchmark Sensex ended at a fresh closing high on Monday, gaining over 700 "
            "points as information technology and banking shares rallied on hopes of steady "
            "global demand and easing bond yields."
        ),
        "dateline": "Mumbai",
        "section": "business",
        "tags": ["Stock Market", "Technology", "Banking"],
        "authors": ["vikram-mehta"],
        "hours_ago": 5,
        "paragraphs": [
            (
                "The BSE Sensex closed at a record high on Monday, rising 734 points, or about "
                "0.9 per cent, as information technology and private bank shares led a "
                "broad-based rally. The NSE Nifty also ended at a lifetime closing peak, with 38 "
                "of its 50 constituents finishing in the green."
            ),
            (
                "Software exporters were the biggest gainers after a string of large contract "
                "announcements and softer bond yields in the United States, which traders said "
                "eased worries about a slowdown in technology spending. The Nifty IT index rose "
                "2.4 per cent, its best single-day performance in two months."
            ),
            (
                "Banking stocks also advanced, supported by data showing steady loan growth and a "
                "fall in bad loans. Mid-cap and small-cap indices outperformed the benchmarks, "
                "reflecting continued buying by domestic retail investors and mutual funds. "
                "Public sector lenders and housing finance companies also gained."
            ),
            (
                '"Domestic money has become the anchor of this market. Even when foreign '
                'investors sell, monthly systematic investment flows keep coming in," said Anjali '
                'Sethi, head of research at a Mumbai brokerage. "The risk is that valuations in '
                'some pockets are now running ahead of earnings."'
            ),
            (
                "Foreign portfolio investors were net buyers for a third straight session, "
                "according to provisional exchange data. The rupee strengthened by 11 paise "
                "against the US dollar, while Brent crude prices were broadly stable. Traders "
                "said volumes were higher than the monthly average."
            ),
            (
                "Analysts will be watching inflation figures due later this week and quarterly "
                "results from consumer goods companies for signs of how demand in rural areas is "
                "holding up after a hot summer. Any sign of weakness could prompt profit-taking "
                "after the recent run."
            ),
        ],
    },
    {
        "slug": "bengaluru-start-up-raises-40-million-dollars-for-electric-three-wheelers",
        "headline": "Bengaluru start-up raises 40 million dollars for electric three-wheelers",
        "summary": (
            "An electric vehicle start-up that makes cargo three-wheelers for last-mile delivery "
            "has raised 40 million dollars in fresh funding and plans to expand to 30 cities and "
            "start battery swapping stations."
        ),
        "dateline": "Bengaluru",
        "section": "business",
        "tags": ["Start-ups", "Technology", "Climate"],
        "authors": ["rohan-dsouza"],
        "hours_ago": 76,
        "paragraphs": [
            (
                "VoltCart Mobility, a Bengaluru start-up that builds electric cargo "
                "three-wheelers for last-mile deliveries, has raised 40 million dollars in a "
                "funding round led by a climate-focused investment fund, the company said on "
                "Thursday. Existing investors also participated in the round."
            ),
            (
                "The four-year-old company says it has sold over 11,000 vehicles, mostly to "
                "e-commerce firms, grocery delivery platforms and small logistics operators in "
                "southern and western India. It plans to use the money to expand to 30 cities, "
                "set up battery swapping stations and increase production at its plant near "
                "Hosur."
            ),
            (
                '"For a delivery driver, every hour the vehicle is charging is an hour without '
                "income,\" said Deepa Narayanan, the company's co-founder and chief executive. "
                '"Swapping a battery in two minutes changes the economics of their day."'
            ),
            (
                "Electric three-wheelers have become one of the fastest-growing segments of the "
                "Indian vehicle market, helped by lower running costs and incentives. Operators "
                "say fuel savings can cover the higher purchase price within about two years."
            ),
            (
                "Industry observers say competition is intensifying, with established automakers "
                "launching rival models and several start-ups chasing the same customers. Battery "
                "costs, financing for drivers and the availability of charging infrastructure "
                "remain key challenges. Some drivers also worry about resale values for used "
                "electric vehicles, which are still difficult to estimate."
            ),
            (
                "The company said it also plans to develop a larger model capable of carrying up "
                "to a tonne, aimed at wholesale markets and small manufacturers. It expects to "
                "begin pilot deliveries of the heavier vehicle to a few customers early next "
                "year, with wider sales to follow."
            ),
        ],
    },
    {
        "slug": "rbi-keeps-repo-rate-unchanged-flags-risks-from-food-prices",
        "headline": "RBI keeps repo rate unchanged, flags risks from food prices",
        "summary": (
            "The Reserve Bank of India left its key lending rate unchanged for a sixth straight "
            "meeting, saying it remained watchful of food inflation even as core price pressures "
            "have eased."
        ),
        "dateline": "Mumbai",
        "section": "business",
        "tags": ["Banking", "Food", "Stock Market"],
        "authors": ["nm-desk"],
        "hours_ago": 152,
        "paragraphs": [
            (
                "The Reserve Bank of India kept its benchmark repo rate unchanged at 6.5 per cent "
                "on Friday, the sixth consecutive meeting at which the monetary policy committee "
                "has held rates steady. Five of the six committee members voted in favour of the "
                "decision, while one member voted for a quarter-point cut."
            ),
            (
                "In its policy statement, the central bank said headline inflation had eased but "
                "remained above its 4 per cent target, largely because of volatile vegetable and "
                "pulse prices. Core inflation, which excludes food and fuel, has moderated to its "
                "lowest level in several years."
            ),
            (
                "The central bank retained its growth forecast of 7 per cent for the current "
                "financial year, citing strong investment activity and a recovery in rural "
                "demand. It said a normal monsoon would be important for bringing food prices "
                "down in the second half of the year."
            ),
            (
                '"The message is one of patience. The RBI wants to see food inflation settle '
                'before it considers easing," said Rahul Kapoor, chief economist at a private '
                'bank. "A cut in the next two meetings is possible if the monsoon behaves."'
            ),
            (
                "Bond yields edged lower after the announcement, and bank shares ended marginally "
                "higher. Borrowers with floating-rate home loans will see no immediate change in "
                "their monthly payments. Depositors, meanwhile, are likely to continue earning "
                "relatively high rates on fixed deposits for some time."
            ),
            (
                "The committee's next meeting is scheduled for early August, by which time "
                "initial data on kharif sowing and monsoon rainfall will be available. Economists "
                "will also watch global oil prices and currency movements, which could affect the "
                "inflation outlook in the months ahead."
            ),
        ],
    },
    {
        "slug": "assam-tea-exporters-warn-of-lower-output-after-dry-spell",
        "headline": "Assam tea exporters warn of lower output after dry spell",
        "summary": (
            "Tea producers in Assam expect first and second flush output to fall by up to 15 per "
            "cent after a long dry spell and high temperatures, which could push up prices in "
            "domestic and export markets."
        ),
        "dateline": "Guwahati",
        "section": "business",
        "tags": ["Agriculture", "Climate", "monsoon"],
        "authors": ["ananya-rao"],
        "hours_ago": 380,
        "paragraphs": [
            (
                "Tea producers in Assam expect output from the first and second flush to fall by "
                "as much as 15 per cent this year after an extended dry spell and unusually high "
                "temperatures, industry associations said on Tuesday. The state accounts for more "
                "than half of India's tea production."
            ),
            (
                "Planters said rainfall in March and April was well below normal in several "
                "districts of upper Assam, stunting the growth of new leaves. Some gardens also "
                "reported pest attacks, which tend to increase in hot and dry conditions."
            ),
            (
                '"The second flush is where Assam earns its premium in export markets, and this '
                "year's yields are clearly down,\" said Pranjal Bora, secretary of a tea "
                "planters' association in Dibrugarh. \"Quality is still good, but there is simply "
                'less of it."'
            ),
            (
                "Prices at the Guwahati tea auction centre have risen by around 12 per cent "
                "compared with last year, traders said. Buyers from the Middle East and Russia, "
                "two major markets for Assam tea, have been placing orders earlier than usual."
            ),
            (
                "Small tea growers, who now produce a large share of the state's crop, are "
                "worried about rising costs of fertiliser and labour. Many do not have irrigation "
                "facilities and depend entirely on rainfall. Some have begun forming cooperatives "
                "to share pumps."
            ),
            (
                "The arrival of the monsoon over the north-east in the coming weeks is expected "
                "to improve conditions for the later flushes, though planters say climate "
                "variability is making planning increasingly difficult. Several estates are "
                "experimenting with shade trees and drip irrigation."
            ),
        ],
    },
    {
        "slug": "small-cap-funds-see-record-inflows-despite-valuation-warnings",
        "headline": "Small-cap funds see record inflows despite valuation warnings",
        "summary": (
            "Investors poured a record amount into small-cap mutual funds last month, data from "
            "the fund industry body show, even as fund houses restricted lump-sum investments and "
            "regulators urged caution."
        ),
        "dateline": "Mumbai",
        "section": "business",
        "tags": ["Stock Market", "Banking"],
        "authors": ["nm-desk"],
        "hours_ago": 60,
        "status": "draft",
        "paragraphs": [
            (
                "Small-cap mutual funds received record net inflows last month, according to data "
                "released by the fund industry association on Wednesday, even as several fund "
                "houses limited fresh lump-sum investments and market regulators cautioned about "
                "stretched valuations in the segment."
            ),
            (
                "Net inflows into small-cap schemes reached about Rs 4,800 crore, while mid-cap "
                "funds drew around Rs 3,900 crore. Total assets managed by equity mutual funds "
                "rose to a new high, helped by both fresh money and rising share prices."
            ),
            (
                "Fund managers say much of the money is arriving through monthly systematic "
                "investment plans, which are popular with first-time investors in smaller towns. "
                "The number of such plans active in the industry has more than doubled in three "
                "years."
            ),
            (
                '"Retail investors have seen strong returns from small-caps and are extrapolating '
                'that into the future," said Sunita Rao, a financial planner in Pune. "These '
                "funds can fall 30 or 40 per cent in a bad year, and many new investors have "
                'never lived through that."'
            ),
            (
                "Some fund houses have introduced stress tests that estimate how long it would "
                "take to sell a portion of their portfolios in a falling market. The results are "
                "published monthly so that investors can understand liquidity risks."
            ),
            (
                "Analysts say inflows could slow if markets correct, but long-term savings trends "
                "remain supportive of equity funds. Financial advisers suggest that investors "
                "keep small-cap funds to a modest portion of their portfolios and review their "
                "goals before adding more, rather than chasing recent returns."
            ),
        ],
    },
    {
        "slug": "fintech-lenders-tighten-norms-as-defaults-rise-among-young-borrowers",
        "headline": "Fintech lenders tighten norms as defaults rise among young borrowers",
        "summary": (
            "Digital lending platforms are cutting credit limits and tightening checks for "
            "borrowers under 30 after an increase in late repayments on small personal loans and "
            "buy-now-pay-later products."
        ),
        "dateline": "Mumbai",
        "section": "business",
        "tags": ["Start-ups", "Banking", "Technology"],
        "authors": ["vikram-mehta"],
        "hours_ago": 316,
        "paragraphs": [
            (
                "Several digital lending platforms have tightened credit checks and reduced loan "
                "limits for borrowers under 30, after seeing a rise in late repayments on small "
                "personal loans and buy-now-pay-later products, according to industry executives "
                "and credit bureau data."
            ),
            (
                "Loans below Rs 50,000 have grown rapidly in recent years, driven by app-based "
                "lenders that offer quick approvals with minimal paperwork. Credit bureau figures "
                "show that the share of such loans overdue by more than 90 days has risen over "
                "the past year, particularly among younger borrowers with thin credit histories."
            ),
            (
                '"Many young borrowers took multiple small loans from different apps at the same '
                'time, and the total burden became unmanageable," said a senior executive at a '
                'Bengaluru-based lending start-up. "We are now checking more carefully for '
                'overlapping loans before approving new credit."'
            ),
            (
                "Regulators have already raised the capital that banks and non-bank lenders must "
                "set aside against unsecured consumer loans, which has made such lending more "
                "expensive. Some lenders have also ended partnerships with smaller platforms. "
                "Smaller partners said the change had reduced their access to funding."
            ),
            (
                "Consumer advocates say borrowers should compare the total cost of credit, "
                'including processing fees, and avoid taking loans to repay other loans. "The '
                'convenience is real, but so is the interest," said Meenal Desai of a consumer '
                "rights group in Mumbai."
            ),
            (
                "Industry executives expect growth in small-ticket lending to slow this year but "
                "say demand for credit among young salaried workers remains strong. They say "
                "better use of repayment data and income verification could help lenders extend "
                "credit responsibly to people without long borrowing histories."
            ),
        ],
    },
    {
        "slug": "bollywood-period-drama-crosses-rs-300-crore-in-three-weeks",
        "headline": "Bollywood period drama crosses Rs 300 crore in three weeks",
        "summary": (
            "A big-budget historical drama set in 18th-century Awadh has earned over Rs 300 crore "
            "at the domestic box office in three weeks, boosted by strong word of mouth in "
            "smaller towns."
        ),
        "dateline": "Mumbai",
        "section": "entertainment",
        "tags": ["Bollywood", "Cinema", "Music"],
        "authors": ["nm-desk"],
        "hours_ago": 41,
        "paragraphs": [
            (
                '"Sultanat-e-Awadh", a lavish historical drama set in 18th-century Lucknow, has '
                "collected more than Rs 300 crore at the domestic box office in its first three "
                "weeks, according to figures shared by its distributors on Monday. The film is "
                "now among the highest-grossing Hindi releases of the year."
            ),
            (
                "Trade analysts say the film has performed particularly well in single-screen "
                "cinemas in Uttar Pradesh, Bihar and Madhya Pradesh, where audiences have "
                "returned for repeat viewings. Weekday collections have remained steady, an "
                "unusual pattern for a film in its third week."
            ),
            (
                '"Period films are risky because they cost so much, but when audiences connect, '
                'they travel far beyond the metros," said Nitin Kapadia, a film trade consultant '
                'based in Mumbai. "The music has done a lot of the work here."'
            ),
            (
                "Directed by Farhan Rizvi, the film stars Kabir Anand as a young nawab caught "
                "between court intrigue and a love affair with a poet. Critics have praised the "
                "production design and costumes, though some felt the three-hour running time "
                "tested patience in the second half."
            ),
            (
                "The film has also opened in several overseas markets, including the Gulf, the "
                "United States and the United Kingdom, where it has earned an estimated 12 "
                "million dollars so far. A dubbed Tamil and Telugu version is set for release "
                "next week."
            ),
            (
                "The producers said a streaming release would not take place for at least eight "
                "weeks after the theatrical run began. Theatre owners said the film had helped "
                "lift footfalls across the industry after a slow start to the year, with several "
                "chains adding late-night shows to meet demand."
            ),
        ],
    },
    {
        "slug": "kochi-film-festival-puts-debut-directors-from-the-south-in-the-spotlight",
        "headline": "Kochi film festival puts debut directors from the south in the spotlight",
        "summary": (
            "A five-day film festival in Kochi is screening 42 first features from directors "
            "working in Malayalam, Tamil, Kannada, Telugu and Tulu, with a new fund to help "
            "winners complete their second films."
        ),
        "dateline": "Kochi",
        "section": "entertainment",
        "tags": ["Cinema", "Literature", "Travel"],
        "authors": ["ananya-rao"],
        "hours_ago": 404,
        "paragraphs": [
            (
                "A five-day festival dedicated to first-time filmmakers opened in Kochi on "
                "Wednesday, screening 42 debut features made in Malayalam, Tamil, Kannada, Telugu "
                "and Tulu. Organisers said more than 400 films were submitted, nearly double the "
                "number received last year."
            ),
            (
                "Many of the selected films were made on small budgets with crews drawn from "
                "friends and family, and several use non-professional actors. Themes range from "
                "migration to the Gulf and fishing communities facing climate change to stories "
                "of college life and family conflict."
            ),
            (
                '"Our aim is to find the voices that commercial cinema might miss," said Reshma '
                'Nair, the festival director. "A good first film is often raw and personal. The '
                'second film is where many directors struggle, so that is where we want to help."'
            ),
            (
                "The festival has introduced a fund of Rs 50 lakh to support the completion of "
                "second films by three winning directors. A jury of editors, writers and "
                "cinematographers will select the recipients, with mentorship on scripting and "
                "financing."
            ),
            (
                "Several films are adapted from short stories by regional writers, reflecting a "
                "trend of filmmakers turning to literature for material. Panel discussions on "
                "adaptation and subtitling are also part of the programme. Subtitled screenings "
                "have drawn viewers from other states."
            ),
            (
                "Screenings are being held at four venues in the city, and tickets for most shows "
                "sold out within hours. Organisers plan to take a selection of films to Bengaluru "
                "and Chennai later in the year."
            ),
        ],
    },
    {
        "slug": "chennai-s-december-music-season-to-stream-concerts-worldwide",
        "headline": "Chennai's December music season to stream concerts worldwide",
        "summary": (
            "Organisers of Chennai's annual Carnatic music season will stream over 200 concerts "
            "online this year, allowing listeners abroad to buy tickets for individual "
            "performances for the first time."
        ),
        "dateline": "Chennai",
        "section": "entertainment",
        "tags": ["Music", "Technology", "heritage"],
        "authors": ["farah-qureshi"],
        "hours_ago": 540,
        "paragraphs": [
            (
                "Organisers of Chennai's annual December music season announced on Tuesday that "
                "more than 200 concerts will be streamed online this year, with listeners around "
                "the world able to buy tickets for individual performances. Until now, only a "
                "small number of concerts were available online, mostly as recordings."
            ),
            (
                "The season, which runs for about six weeks at dozens of halls across the city, "
                "is one of the largest classical music festivals in the world. It features "
                "vocalists, instrumentalists and dancers, from veteran performers to young "
                "artists making their debut."
            ),
            (
                '"Many rasikas in the diaspora grew up attending these concerts with their '
                'grandparents, and they have been asking for access for years," said V. '
                'Srinivasan, secretary of one of the organising sabhas. "Streaming also helps '
                'young artists find audiences beyond the hall."'
            ),
            (
                "Streaming rights will be shared between sabhas and performers, with artists "
                "receiving a portion of ticket revenue. Organisers said cameras would be "
                "positioned discreetly so as not to disturb audiences or musicians. Ticket prices "
                "for streams will vary by venue and artist."
            ),
            (
                "Some older connoisseurs have expressed concern that online access could reduce "
                "attendance in the halls, where the canteens and conversations between concerts "
                "are part of the tradition. Organisers said they expected in-person audiences to "
                "remain strong."
            ),
            (
                "Schedules and ticketing details will be announced in October, and concerts will "
                "remain available for 48 hours after the live performance. Organisers also plan a "
                "small number of free streams for students of music colleges and schools, so that "
                "young learners can watch senior artists at close range."
            ),
        ],
    },
    {
        "slug": "series-on-partition-survivors-wins-international-documentary-award",
        "headline": "Series on Partition survivors wins international documentary award",
        "summary": (
            "An Indian documentary series based on oral histories of Partition survivors has won "
            "a top award at an international television festival, with judges praising its "
            "restraint and archival research."
        ),
        "dateline": "London",
        "section": "entertainment",
        "tags": ["Cinema", "Literature", "heritage"],
        "authors": ["ananya-rao", "farah-qureshi"],
        "hours_ago": 584,
        "paragraphs": [
            (
                '"Across the Line", a documentary series based on interviews with survivors of '
                "the 1947 Partition, has won the award for best factual series at an "
                "international television festival held in London, its producers said on Sunday. "
                "The six-part series was made by a small Mumbai production company over four "
                "years."
            ),
            (
                "The series features testimonies from more than 80 survivors in India, Pakistan "
                "and Britain, many of them recorded in their homes when they were in their "
                "nineties. Interviews are interwoven with family photographs, letters and "
                "archival film footage."
            ),
            (
                '"Our responsibility was to listen, not to tell people what their memories '
                'meant," said director Nandini Bhalla, speaking after the ceremony. "Some of the '
                "people we filmed have passed away since. We hope their voices stay with "
                'viewers."'
            ),
            (
                "Judges described the series as restrained and deeply researched, noting its use "
                "of multiple languages, including Punjabi, Sindhi, Bengali and Urdu, with careful "
                "subtitling. Historians who advised on the project said oral testimony fills gaps "
                "left by official records."
            ),
            (
                "The series is streaming on a global platform and has been used by several "
                "universities in teaching modules on South Asian history. The producers are "
                "working with an archive in Amritsar to preserve the full interview recordings."
            ),
            (
                "A companion book containing edited transcripts is scheduled to be published in "
                "English and Hindi next year. The producers said royalties from the book would go "
                "towards the archive's work of transcribing and translating the remaining "
                "interviews, many of which run for several hours."
            ),
        ],
    },
    {
        "slug": "archive-of-veteran-playback-singer-to-be-digitised-by-national-library",
        "headline": "Archive of veteran playback singer to be digitised by national library",
        "summary": (
            "More than 3,000 recordings, notebooks and letters belonging to late playback singer "
            "Vasundhara Kelkar will be digitised and made available to researchers by a national "
            "library in Kolkata."
        ),
        "dateline": "Kolkata",
        "section": "entertainment",
        "tags": ["Music", "heritage", "Bollywood", "Kolkata"],
        "authors": ["nm-desk"],
        "hours_ago": 268,
        "paragraphs": [
            (
                "A national library in Kolkata will digitise the personal archive of playback "
                "singer Vasundhara Kelkar, whose career spanned four decades of Hindi and Marathi "
                "cinema, the library said on Thursday. The collection includes more than 3,000 "
                "recordings, handwritten notebooks of lyrics, rehearsal tapes and letters from "
                "composers."
            ),
            (
                "Kelkar, who died last year at the age of 91, sang in more than 1,500 films, many "
                "of them during the golden era of Hindi film music. Her family donated the "
                "archive earlier this year, saying they wanted it to be accessible to students "
                "and musicians."
            ),
            (
                '"Some of these tapes are fragile and have been stored in steel trunks for '
                'decades. Every month we wait, we risk losing sound," said Dr Arnab Ghosh, a '
                "conservator at the library. Specialists will clean and transfer analogue tapes "
                "and shellac discs using equipment acquired for the project."
            ),
            (
                "The notebooks are expected to be of particular interest to researchers, since "
                "they include annotations on phrasing and pronunciation that Kelkar added during "
                "rehearsals. Letters from lyricists discuss changes made to songs at the last "
                "minute."
            ),
            (
                "Her grandson, Sameer Kelkar, said the family hoped young singers would learn "
                'from the material. "She always said that a song belongs to everyone who sings it '
                'later," he said. He added that the family had kept her harmonium and would lend '
                "it for exhibitions."
            ),
            (
                "The first portion of the archive is expected to be available online within a "
                "year, with full access for researchers at the library's reading room. Library "
                "officials said they were also in talks with film studios to clear rights for "
                "public listening."
            ),
        ],
    },
    {
        "slug": "studio-bets-on-animated-ramayana-epic-for-diwali-release",
        "headline": "Studio bets on animated Ramayana epic for Diwali release",
        "summary": (
            "A Mumbai studio is preparing to release one of the most expensive Indian animated "
            "films ever made in time for Diwali, with versions in six languages and a team of 600 "
            "artists working across three cities."
        ),
        "dateline": "Mumbai",
        "section": "entertainment",
        "tags": ["Bollywood", "Cinema", "Technology"],
        "authors": ["rohan-dsouza"],
        "hours_ago": 100,
        "status": "in_review",
        "paragraphs": [
            (
                "A Mumbai studio is preparing to release an animated retelling of the Ramayana in "
                "time for Diwali, in what it describes as one of the most expensive animated "
                "productions ever made in India. The film will be released in Hindi, Tamil, "
                "Telugu, Kannada, Malayalam and Bengali."
            ),
            (
                "More than 600 artists, animators and technicians have worked on the film across "
                "studios in Mumbai, Pune and Hyderabad over three years. The studio said it had "
                "developed its own tools for rendering crowds, water and fire, which had been "
                "bottlenecks in earlier Indian animation projects."
            ),
            (
                '"Indian audiences have grown up on these stories, and they now watch the best '
                'animation from around the world. We had to meet both expectations," said Kunal '
                "Bhatt, the film's creative director. \"Every frame went through dozens of "
                'revisions."'
            ),
            (
                "The voice cast includes well-known film actors as well as theatre performers, "
                "and the music has been composed with traditional instruments recorded in "
                "Varanasi and Chennai. The studio has consulted scholars on costume and "
                "architecture."
            ),
            (
                "Animation industry executives say a successful theatrical run could change how "
                "investors view feature animation in India, which has mostly been limited to "
                'television and outsourced work for foreign studios. "A hit here would open doors '
                'for the whole sector," said an industry association representative.'
            ),
            (
                "A trailer is scheduled for release next month, with advance bookings expected to "
                "open two weeks before the festival. Distributors said they were planning a wide "
                "release across single screens and multiplexes, including special shows for "
                "schools in the week after the festival."
            ),
        ],
    },
    {
        "slug": "india-clinch-t20-series-against-australia-with-last-ball-win",
        "headline": "India clinch T20 series against Australia with last-ball win",
        "summary": (
            "India won the third Twenty20 international by two wickets off the final delivery in "
            "Hyderabad to take the series 2-1, with debutant Karan Sodhi hitting an unbeaten 41 "
            "off 22 balls."
        ),
        "dateline": "Hyderabad",
        "section": "sports",
        "tags": ["Cricket", "Youth"],
        "authors": ["rohan-dsouza"],
        "hours_ago": 11,
        "paragraphs": [
            (
                "India sealed a 2-1 Twenty20 series win over Australia with a two-wicket victory "
                "off the final ball in Hyderabad on Sunday night, chasing down a target of 187 in "
                "front of a packed stadium. Debutant Karan Sodhi finished unbeaten on 41 from 22 "
                "balls, scrambling a bye off the last delivery as the crowd spilled onto its "
                "feet."
            ),
            (
                "Australia had recovered from a sluggish start to post 186 for six, built on a "
                "fluent half-century from their opening batter and a late burst of boundaries "
                "from the lower order. India's spinners kept things tight through the middle "
                "overs, conceding just 52 runs between them in eight overs."
            ),
            (
                "The chase wobbled when India slipped to 98 for five in the 12th over, with three "
                "wickets falling in the space of nine balls. Sodhi, a 23-year-old left-hander "
                "from Punjab playing his first international match, added 61 for the sixth wicket "
                "with the experienced all-rounder Nitin Rawal to revive the innings."
            ),
            (
                '"I told myself to watch the ball and not the scoreboard," Sodhi said at the '
                'presentation ceremony. "The senior players kept telling me that one big over '
                'would change everything, and it did." Sodhi was named player of the match for '
                "his composed innings under pressure."
            ),
            (
                "India's captain praised the younger players in the squad, saying the series had "
                "been a useful test ahead of a busy season. The team management had rested "
                "several senior players for the series to manage workloads."
            ),
            (
                "The two sides will now move to a three-match one-day series starting in Chennai "
                "on Wednesday. Several senior players are expected to return for that series, and "
                "selectors will watch closely to see whether the younger batters can hold their "
                "places in a stronger side."
            ),
        ],
    },
    {
        "slug": "hockey-team-books-olympic-place-after-shootout-win-over-spain",
        "headline": "Hockey team books Olympic place after shootout win over Spain",
        "summary": (
            "India's men's hockey team secured qualification for the next Olympic Games with a "
            "penalty shootout victory against Spain in the final of the qualifying tournament in "
            "Bhubaneswar."
        ),
        "dateline": "Bhubaneswar",
        "section": "sports",
        "tags": ["Hockey", "Olympics"],
        "authors": ["nm-desk"],
        "hours_ago": 210,
        "paragraphs": [
            (
                "India's men's hockey team qualified for the next Olympic Games on Saturday after "
                "beating Spain 4-3 in a penalty shootout in the final of the qualifying "
                "tournament in Bhubaneswar. The match had ended 2-2 in regulation time after a "
                "tense final quarter in which both sides missed chances to win it."
            ),
            (
                "Goalkeeper Abhishek Lakra was the hero of the shootout, saving two of Spain's "
                "five attempts, including the decisive final effort. The home crowd of nearly "
                "15,000 at the Kalinga Stadium erupted as his teammates rushed from the halfway "
                "line to mob him."
            ),
            (
                "India had trailed 2-1 going into the final quarter, before drag-flicker Manpreet "
                "Toppo levelled from a penalty corner with six minutes remaining. Spain hit the "
                "post in the last minute of normal time. He later said he had studied videos of "
                "the Spanish takers the night before."
            ),
            (
                '"We have played many finals and lost some that hurt," said coach Daniel '
                'Fernandes. "This group did not panic. They trusted their structure and their '
                'goalkeeper, and that is what wins shootouts." Both teams finished the match with '
                "ten players after late green cards."
            ),
            (
                "The Indian team has a long Olympic history, with eight gold medals won in the "
                "twentieth century. Recent years have seen a revival, driven by investment in "
                "coaching, fitness and exposure to top international competition."
            ),
            (
                "The team will now enter a preparatory phase that includes tours to Europe and "
                "Australia. The women's team is scheduled to play its own qualifying tournament "
                "next month. Selectors said the core of the squad would remain unchanged, with a "
                "few younger players added to the wider group for the tours."
            ),
        ],
    },
    {
        "slug": "howrah-united-edge-salt-lake-athletic-in-a-packed-kolkata-derby",
        "headline": "Howrah United edge Salt Lake Athletic in a packed Kolkata derby",
        "summary": (
            "Howrah United beat Salt Lake Athletic 2-1 in front of 62,000 fans in a fiercely "
            "contested Kolkata derby, with a late header from defender Joseph Lalruata settling "
            "the match."
        ),
        "dateline": "Kolkata",
        "section": "sports",
        "tags": ["Football", "Kolkata"],
        "authors": ["nm-desk"],
        "hours_ago": 124,
        "paragraphs": [
            (
                "Howrah United edged Salt Lake Athletic 2-1 in a fiercely contested Kolkata derby "
                "on Saturday evening, with a stoppage-time header from defender Joseph Lalruata "
                "deciding a match watched by 62,000 fans at the Salt Lake stadium. The win lifted "
                "United to second place in the league table."
            ),
            (
                "Salt Lake took the lead in the 24th minute through their Brazilian striker, who "
                "curled a free kick into the top corner. United equalised shortly after half-time "
                "when midfielder Sayan Mondal pounced on a loose ball in the penalty area."
            ),
            (
                "Both sides created chances in a frantic final 20 minutes, with Salt Lake's "
                "goalkeeper making two sharp saves. In the second minute of added time, Lalruata "
                "rose above his marker to meet a corner and send the home end into celebration."
            ),
            (
                '"Derbies are not about tactics in the last ten minutes, they are about heart," '
                'said United coach Subhankar Ghosh. "I asked the players to attack the box on '
                'every set piece, and the boy from Mizoram answered."'
            ),
            (
                "Police deployed over 2,000 personnel around the stadium, and fans were kept in "
                "separate zones. Officials said the match passed off peacefully, with special "
                "trains and buses arranged to take supporters home. There were no reports of "
                "serious injuries, and traffic around the stadium cleared within two hours of the "
                "final whistle."
            ),
            (
                "The reverse fixture is scheduled for February, and both clubs remain in "
                "contention for the league title. Until then, United face a run of away matches, "
                "beginning with a trip to Goa next week, while Salt Lake host the league leaders "
                "at home on Sunday."
            ),
        ],
    },
    {
        "slug": "teenage-wrestler-from-haryana-sports-hostel-wins-asian-junior-gold",
        "headline": "Teenage wrestler from Haryana sports hostel wins Asian junior gold",
        "summary": (
            "Seventeen-year-old Pooja Dahiya, trained at a state-run sports hostel in Sonepat, "
            "won gold in the 53 kg category at the Asian junior wrestling championships, the "
            "first medal of the event for India."
        ),
        "dateline": "New Delhi",
        "section": "sports",
        "tags": ["Olympics", "Education", "Youth"],
        "authors": ["farah-qureshi"],
        "hours_ago": 396,
        "paragraphs": [
            (
                "Seventeen-year-old Pooja Dahiya won gold in the women's 53 kg freestyle category "
                "at the Asian junior wrestling championships on Tuesday, defeating an opponent "
                "from Japan 6-2 in the final. It was India's first gold medal of the competition."
            ),
            (
                "Dahiya, who trains at a state-run sports hostel in Sonepat, Haryana, won four "
                "bouts to reach the final, conceding only three points along the way. Her "
                "semi-final victory over the defending champion from Mongolia was decided by a "
                "takedown in the last ten seconds."
            ),
            (
                '"When I was small, girls from my village were not allowed to go to the akhara," '
                'Dahiya said by phone from the venue. "My father took me to the hostel trials '
                'himself. This medal is for him and for my coach."'
            ),
            (
                "The sports hostel, one of several run by the state sports department, provides "
                "free accommodation, food and schooling alongside training. Coaches say combining "
                "education with sport has helped retain more girls in wrestling programmes. Her "
                "coach said she trained twice a day, six days a week."
            ),
            (
                "India has a strong record in junior wrestling, and several current senior "
                "internationals came through similar hostels. The national federation said Dahiya "
                "would be included in a development squad working towards future Olympic cycles. "
                "Several of her hostel-mates were also selected for the national camp."
            ),
            (
                "The championships continue for three more days, with Indian wrestlers in "
                "contention in several Greco-Roman and men's freestyle categories. Officials said "
                "the team's results would be used to pick wrestlers for a training stint in "
                "Europe later in the year."
            ),
        ],
    },
    {
        "slug": "bengaluru-marathon-draws-25-000-runners-despite-steady-drizzle",
        "headline": "Bengaluru marathon draws 25,000 runners despite steady drizzle",
        "summary": (
            "Around 25,000 runners took part in Bengaluru's annual city marathon on Sunday, "
            "braving a morning drizzle, with a record number of women participants and first-time "
            "finishers in the half marathon."
        ),
        "dateline": "Bengaluru",
        "section": "sports",
        "tags": ["Health", "monsoon", "Travel"],
        "authors": ["ananya-rao"],
        "hours_ago": 668,
        "paragraphs": [
            (
                "About 25,000 runners took to Bengaluru's streets on Sunday morning for the "
                "city's annual marathon, braving steady drizzle and overcast skies. Organisers "
                "said this year's event had the highest number of women participants since it "
                "began, with women making up nearly 38 per cent of registered runners."
            ),
            (
                "The full marathon was won by Kenya's Daniel Kiptoo in 2 hours 14 minutes, while "
                "the fastest Indian man, Army runner Sunil Thapa, finished fourth. In the women's "
                "race, Maharashtra's Kavita Bhosale clocked 2 hours 41 minutes to win the Indian "
                "category."
            ),
            (
                "The half marathon and ten-kilometre races drew the largest crowds, with many "
                "participants running with colleagues, friends and running clubs. Volunteers "
                "handed out water, bananas and oranges at aid stations spaced every two and a "
                "half kilometres."
            ),
            (
                '"Eighteen months ago I could not run for five minutes," said Nandita Shenoy, a '
                '44-year-old schoolteacher who completed her first half marathon. "The rain '
                'actually helped. It kept us cool, and the crowds kept cheering."'
            ),
            (
                "Doctors and paramedics were stationed along the route, and organisers reported "
                "only minor injuries and cases of cramps. Traffic was diverted on several central "
                "roads until late morning. Most runners finished well within the cut-off times, "
                "and the last of the half marathon participants crossed the line shortly before "
                "ten o'clock."
            ),
            (
                "Part of the registration fees will go to charities working on education and "
                "public health in Karnataka, organisers said. They said feedback from "
                "participants would be used to improve water stations and route signage, and that "
                "registrations for next year's event would open in the autumn."
            ),
        ],
    },
    {
        "slug": "fourteen-year-old-from-chennai-becomes-india-s-newest-grandmaster",
        "headline": "Fourteen-year-old from Chennai becomes India's newest grandmaster",
        "summary": (
            "Chennai schoolboy Arjun Venkatesh has earned the grandmaster title at 14 after "
            "securing his final norm at a tournament in Budapest, becoming one of the youngest "
            "Indians ever to reach the rank."
        ),
        "dateline": "Chennai",
        "section": "sports",
        "tags": ["Education", "Technology", "Youth"],
        "authors": ["nm-desk"],
        "hours_ago": 524,
        "paragraphs": [
            (
                "Chennai schoolboy Arjun Venkatesh became India's newest chess grandmaster on "
                "Monday, securing his third and final norm at an international round-robin "
                "tournament in Budapest. At 14 years and four months, he is among the youngest "
                "Indians ever to achieve the title."
            ),
            (
                "Venkatesh scored 6.5 points from nine games in a field that included six "
                "grandmasters, and crossed the required rating threshold in the final round with "
                "a draw against a seasoned Hungarian player. He had earned his first two norms in "
                "tournaments in Spain and Serbia last year."
            ),
            (
                '"I did not look at the standings before the last round because it makes me '
                'nervous," he said in a video call arranged by his school. "I only wanted to play '
                'a good game. When my coach told me afterwards, I could not believe it."'
            ),
            (
                "Chennai has produced a remarkable number of grandmasters over the past two "
                "decades, helped by a strong network of chess academies and school tournaments. "
                "Coaches say online training platforms have also made it easier for young players "
                "to access strong opponents and study material."
            ),
            (
                "His school said it had allowed him flexible attendance so that he could travel "
                'for tournaments, with teachers providing study material online. "He never misses '
                'an assignment," said his class teacher, Revathi Subramanian. Teachers send notes '
                "by email, and he studies on flights and in hotel rooms between rounds."
            ),
            (
                "The national chess federation congratulated him and said he would be considered "
                "for national team training camps. His coach said the next goal was to gain "
                "experience in stronger open tournaments and to keep enjoying the game, without "
                "pressure to chase records."
            ),
        ],
    },
    {
        "slug": "mumbai-rain-delays-local-trains-as-commuters-share-flooded-station-videos",
        "headline": "Mumbai rain delays local trains as commuters share flooded-station videos",
        "summary": (
            "Heavy overnight rain disrupted suburban train services in Mumbai on Tuesday morning, "
            "and videos of waterlogged platforms and wading commuters were shared widely on "
            "social media."
        ),
        "dateline": "Mumbai",
        "section": "trending",
        "tags": ["monsoon", "Railways", "Social media", "Weather"],
        "authors": ["nm-desk"],
        "hours_ago": 8,
        "paragraphs": [
            (
                "Heavy overnight rain flooded low-lying areas of Mumbai on Tuesday and disrupted "
                "suburban rail services during the morning rush, with trains on the Central and "
                "Harbour lines running up to 40 minutes late. Santacruz recorded 148 mm of rain "
                "in the 12 hours ending 8.30 am, the weather office said."
            ),
            (
                "Videos of commuters wading through water at Sion and Kurla stations, and of an "
                "auto-rickshaw stalled on a submerged road in Andheri, were shared thousands of "
                "times on social media within hours. Several users posted clips of umbrellas "
                "turning inside out on the Bandra skywalk."
            ),
            (
                "Railway officials said services were briefly suspended between Kurla and "
                "Chunabhatti after water rose above track level, and resumed once pumps cleared "
                'the section. Western line trains ran with minor delays. "Safety comes first. We '
                'will not run trains through water above the permissible level," a railway '
                "spokesperson said."
            ),
            (
                "The municipal corporation said it had deployed over 400 dewatering pumps at "
                "known flooding spots and urged citizens to avoid unnecessary travel. Some "
                "private offices told staff to work from home for the day. Bus services were "
                "diverted away from several flooded junctions in Sion, Dadar and Andheri."
            ),
            (
                "Many residents took the disruption in their stride, posting photographs of "
                "roadside tea stalls and vada pav vendors doing brisk business. A few users "
                "shared tips for checking train status and alternative bus routes. Many shared "
                "jokes about carrying a spare pair of socks."
            ),
            (
                "The weather office has issued an orange alert for Mumbai, Thane and Raigad for "
                "the next two days, warning of heavy to very heavy rain at isolated places. "
                "Schools in some areas have been asked to decide on closures based on local "
                "conditions."
            ),
        ],
    },
    {
        "slug": "delhi-wakes-up-to-a-sudden-dust-storm-as-flights-are-diverted",
        "headline": "Delhi wakes up to a sudden dust storm as flights are diverted",
        "summary": (
            "A sharp dust storm swept across Delhi on Wednesday evening, bringing winds of up to "
            "70 km per hour, uprooting trees and forcing the diversion of several flights to "
            "nearby airports."
        ),
        "dateline": "New Delhi",
        "section": "trending",
        "tags": ["Climate", "Travel", "Social media", "Weather"],
        "authors": ["vikram-mehta"],
        "hours_ago": 620,
        "paragraphs": [
            (
                "A sudden dust storm swept across Delhi and its neighbouring cities on Wednesday "
                "evening, turning the sky an eerie shade of orange and bringing wind gusts of up "
                "to 70 km per hour. The storm uprooted trees, knocked down hoardings and briefly "
                "disrupted power supply in several neighbourhoods."
            ),
            (
                "At least 14 flights were diverted to Jaipur, Lucknow and Amritsar as visibility "
                "at Delhi airport dropped sharply for about 40 minutes, airport officials said. "
                "Departures were held on the ground until the winds eased."
            ),
            (
                "Photographs and videos of the darkened skyline, taken from offices and apartment "
                "balconies, spread rapidly on social media. Many users compared the scene to a "
                "science-fiction film, while others posted clips of swirling plastic bags and "
                "flapping shop awnings."
            ),
            (
                "The weather office said the storm was caused by a western disturbance "
                "interacting with hot, dry air over the plains, a pattern common in the "
                "pre-monsoon months. A brief spell of light rain followed in some areas, bringing "
                "temperatures down by nearly eight degrees."
            ),
            (
                '"People should stay indoors and away from trees and weak structures when such '
                "warnings are issued,\" said a duty officer at the weather department's Delhi "
                "centre. Traffic police reported several jams where fallen branches blocked "
                "roads."
            ),
            (
                "Forecasters said similar thunderstorm activity was possible over the next two "
                "days, though with lower wind speeds. Residents have been advised to secure loose "
                "objects on balconies and rooftops and to keep vehicles away from large trees and "
                "hoardings when the next storm warnings are issued."
            ),
        ],
    },
    {
        "slug": "pune-grandmother-s-poha-stall-becomes-a-hit-after-viral-video",
        "headline": "Pune grandmother's poha stall becomes a hit after viral video",
        "summary": (
            "A video of a 72-year-old woman serving poha and chai from a roadside stall in Pune "
            "has been viewed millions of times, bringing queues of young customers and offers of "
            "help from local businesses."
        ),
        "dateline": "Pune",
        "section": "trending",
        "tags": ["Food", "Social media"],
        "authors": ["nm-desk"],
        "hours_ago": 300,
        "paragraphs": [
            (
                "A 72-year-old woman who has sold poha and tea from a roadside stall in Pune for "
                "nearly three decades has found herself an unlikely internet celebrity after a "
                "short video of her morning routine was viewed more than eight million times this "
                "week."
            ),
            (
                "The clip, filmed by a college student, shows Sushila Jadhav chopping onions, "
                "tempering mustard seeds and curry leaves, and serving plates of poha to office "
                "workers for Rs 25 each, all while chatting cheerfully with regulars. She tells "
                "the camera that she started the stall after her husband fell ill."
            ),
            (
                "Since the video was posted, queues have formed outside her stall from early "
                "morning, with many young customers filming themselves tasting the dish. Her "
                "grandson said she had sold out before nine o'clock on three consecutive days."
            ),
            (
                '"I do not understand this internet, but I am happy that people like my food," '
                'Jadhav said, laughing. "Some of these children come back every day now. I tell '
                'them to study well and eat properly."'
            ),
            (
                "Local businesses have offered her a new cart, a gas stove and a shade umbrella, "
                "and a food delivery platform has asked whether she wants to list her stall. Her "
                "family said she would decide after the festival season."
            ),
            (
                "Social media users have also raised a small fund to help with her husband's "
                "medical costs, which her family said would be used for that purpose alone. "
                "Jadhav herself has asked visitors to be patient with regulars who have come to "
                "her stall for years."
            ),
        ],
    },
    {
        "slug": "leopard-sighted-on-bengaluru-tech-campus-employees-told-to-work-from-home",
        "headline": "Leopard sighted on Bengaluru tech campus, employees told to work from home",
        "summary": (
            "A leopard was seen on CCTV at a technology park on Bengaluru's outskirts late on "
            "Sunday, prompting forest officials to set traps and companies to ask staff to work "
            "from home."
        ),
        "dateline": "Bengaluru",
        "section": "trending",
        "tags": ["Wildlife", "Social media", "Technology"],
        "authors": ["rohan-dsouza"],
        "hours_ago": 66,
        "paragraphs": [
            (
                "A leopard was spotted on CCTV cameras inside a large technology park on the "
                "southern outskirts of Bengaluru late on Sunday night, prompting several "
                "companies to ask employees to work from home on Monday while forest officials "
                "searched the area."
            ),
            (
                "The footage, which shows the animal walking calmly past a parking area and a "
                "food court, was widely shared on messaging groups and social media by Monday "
                "morning. Some posts joked that the leopard had come for a job interview, while "
                "others asked people to stop spreading unverified videos from other places."
            ),
            (
                "Forest officials said the campus borders scrubland and a patch of forest that "
                "connects to a national park further south, and that leopards occasionally pass "
                "through such areas at night. Two cage traps have been placed and camera traps "
                "installed along likely routes."
            ),
            (
                '"There is no need to panic. Leopards generally avoid people. Residents should '
                'not crowd the area or try to film the animal," said a deputy conservator of '
                'forests. "If anyone sees it, they should inform the control room and keep a safe '
                'distance."'
            ),
            (
                "Security staff at the technology park have been asked to patrol in vehicles and "
                "keep lights on along walkways after dark. Residents of nearby apartment "
                "complexes have been advised to keep children and pets indoors at night."
            ),
            (
                "Wildlife researchers say such sightings are becoming more frequent as the city "
                "expands into former forest fringes and grasslands. They say conflict can be "
                "reduced by protecting remaining green corridors and by managing garbage, which "
                "attracts stray dogs that in turn draw leopards closer to buildings."
            ),
        ],
    },
    {
        "slug": "online-petition-for-a-mango-emoji-crosses-one-lakh-signatures",
        "headline": "Online petition for a mango emoji crosses one lakh signatures",
        "summary": (
            "A light-hearted online petition asking for a mango emoji to be added to smartphone "
            "keyboards has gathered over one lakh signatures in a week, with food bloggers and "
            "farmers joining the campaign."
        ),
        "dateline": "Lucknow",
        "section": "trending",
        "tags": ["Food", "Social media", "Technology"],
        "authors": ["farah-qureshi"],
        "hours_ago": 444,
        "paragraphs": [
            (
                "An online petition asking for a mango emoji to be added to smartphone keyboards "
                "has crossed one lakh signatures in a week, turning a lighthearted idea by a "
                "Lucknow college student into one of the most talked-about topics on Indian "
                "social media this summer."
            ),
            (
                "The petition was started by 20-year-old Zoya Siddiqui, who said she was "
                "frustrated that she had to use a yellow circle or a peach to describe her "
                'favourite fruit while chatting with friends. "India grows more mangoes than '
                'anyone else. We deserve our emoji," the petition reads.'
            ),
            (
                "Food bloggers, chefs and mango growers from Malihabad, Ratnagiri and Krishnagiri "
                "have shared the petition, along with photographs of their favourite varieties. "
                "Debates about whether Dasheri, Alphonso or Banganapalli should be the model for "
                "the emoji have drawn thousands of comments."
            ),
            (
                "New emojis are approved through a formal process run by a technical standards "
                "body, which reviews proposals on factors such as expected usage and "
                "distinctiveness. Experts say public petitions do not directly decide outcomes "
                "but can help demonstrate demand."
            ),
            (
                '"The proposal needs evidence, not just enthusiasm, but enthusiasm certainly '
                'helps," said Rohit Khanna, a Delhi-based typography and design researcher. He '
                "said he had offered to help the students prepare a formal submission. Similar "
                "campaigns for other foods have taken years."
            ),
            (
                "Siddiqui says she plans to submit a proposal before the next review deadline. "
                '"Even if it takes two years, we will have had a lot of fun," she said. Her '
                "friends have already designed a sample image showing a ripe yellow mango with a "
                "green leaf."
            ),
        ],
    },
    {
        "slug": "weather-today-thunderstorms-likely-in-kolkata-humid-day-in-chennai",
        "headline": "Weather today: thunderstorms likely in Kolkata, humid day in Chennai",
        "summary": (
            "Kolkata and parts of south Bengal could see thunderstorms and gusty winds this "
            "afternoon, while Chennai is set for a hot, humid day and Delhi may get brief relief "
            "from light rain in the evening."
        ),
        "dateline": "Kolkata",
        "section": "trending",
        "tags": ["monsoon", "Weather", "Kolkata"],
        "authors": ["nm-desk"],
        "hours_ago": 1.5,
        "paragraphs": [
            (
                "Thunderstorms with gusty winds are likely in Kolkata and several districts of "
                "south Bengal this afternoon, according to the weather office's forecast for the "
                "day. The city is expected to record a maximum of around 34 degrees Celsius, with "
                "humidity above 80 per cent making it feel considerably warmer."
            ),
            (
                "A yellow alert has been issued for Kolkata, Howrah, Hooghly and the North and "
                "South 24 Parganas, warning of lightning and wind speeds of up to 50 km per hour. "
                "Residents have been advised to stay away from open fields and to avoid taking "
                "shelter under isolated trees during storms."
            ),
            (
                "In Chennai, the day is expected to be hot and sticky, with the maximum "
                "temperature around 37 degrees and a possibility of light rain in some parts of "
                "the city late in the evening as sea breeze sets in. Residents of coastal "
                "neighbourhoods may find the afternoon particularly uncomfortable."
            ),
            (
                "Delhi could get some relief after a week of intense heat. The forecast indicates "
                "partly cloudy skies and a chance of light rain or drizzle in the evening, with "
                "the maximum temperature expected to settle near 41 degrees, about two degrees "
                "lower than yesterday."
            ),
            (
                "Mumbai is likely to see moderate rain with occasional heavy spells, and "
                "commuters should allow extra time for travel. Bengaluru is set for a pleasant, "
                "cloudy day with temperatures between 21 and 29 degrees. Hyderabad may see a "
                "partly cloudy afternoon."
            ),
            (
                "Doctors advise drinking plenty of water, wearing light cotton clothing and "
                "avoiding strenuous outdoor activity in the early afternoon, especially for "
                "children and older people. Those who must work outdoors should take regular "
                "breaks in the shade and watch for signs of dizziness or exhaustion."
            ),
        ],
    },
    {
        "slug": "civil-services-prelims-admit-cards-released-candidates-told-to-check-centres",
        "headline": "Civil services prelims admit cards released; candidates told to check centres",
        "summary": (
            "Admit cards for the civil services preliminary examination are now available for "
            "download, and candidates have been asked to verify their exam centre, photograph and "
            "reporting time well in advance."
        ),
        "dateline": "New Delhi",
        "section": "career",
        "tags": ["Exams", "Education", "Jobs"],
        "authors": ["nm-desk"],
        "hours_ago": 34,
        "paragraphs": [
            (
                "Admit cards for this year's civil services preliminary examination have been "
                "released and can be downloaded from the commission's official website, officials "
                "said on Wednesday. The examination will be held in two sessions on a single "
                "Sunday later this month at centres in about 80 cities."
            ),
            (
                "Candidates have been asked to check their names, photographs, signatures and "
                "exam centre details carefully, and to report any discrepancy to the commission's "
                "helpdesk immediately. Entry to exam halls will close 30 minutes before each "
                "session begins, and no candidate will be allowed in after that."
            ),
            (
                "Nearly 10 lakh candidates have applied for the examination, which is the first "
                "stage of the selection process for the Indian Administrative Service, the Indian "
                "Police Service, the Indian Foreign Service and other central services. Only a "
                "small fraction will progress to the main examination."
            ),
            (
                '"In the last two weeks, candidates should focus on revision and mock tests '
                'rather than new material," said Ritu Malhotra, who mentors aspirants at a '
                "coaching institute in Delhi's Mukherjee Nagar. \"Sleep well the night before. A "
                'tired mind makes careless mistakes in the aptitude paper."'
            ),
            (
                "Candidates must carry a printed admit card and an original photo identity "
                "document. Mobile phones, smartwatches and other electronic devices are not "
                "permitted, and there are no facilities to store them at most centres. Candidates "
                "should also check the list of items allowed inside the hall."
            ),
            (
                "Results of the preliminary examination are usually declared within three weeks, "
                "after which qualified candidates will need to fill in a detailed application "
                "form for the main examination. The main examination is scheduled for the autumn, "
                "and the commission has advised candidates to keep their contact details updated."
            ),
        ],
    },
    {
        "slug": "it-hiring-picks-up-in-smaller-cities-as-firms-expand-beyond-metros",
        "headline": "IT hiring picks up in smaller cities as firms expand beyond metros",
        "summary": (
            "Technology companies are hiring faster in cities such as Coimbatore, Indore, Jaipur "
            "and Kochi than in traditional hubs, a staffing firm's report says, as lower costs "
            "and hybrid work draw employers away from metros."
        ),
        "dateline": "Bengaluru",
        "section": "career",
        "tags": ["Jobs", "Technology", "Start-ups"],
        "authors": ["ananya-rao", "rohan-dsouza"],
        "hours_ago": 96,
        "paragraphs": [
            (
                "Technology hiring is growing faster in smaller cities than in India's "
                "established IT hubs, according to a report by a staffing company released on "
                "Thursday. Job postings for software and data roles in cities such as Coimbatore, "
                "Indore, Jaipur, Kochi and Bhubaneswar rose by about 24 per cent over the past "
                "year, compared with around 9 per cent in Bengaluru, Hyderabad and Pune."
            ),
            (
                "The report attributes the trend to lower office rents and salaries, improved "
                "internet infrastructure and the acceptance of hybrid work. Several large IT "
                "services companies and global capability centres have opened offices in these "
                "cities, while start-ups are recruiting remote employees from them."
            ),
            (
                '"Talent has always been there in these cities. What changed is that companies '
                'stopped insisting everyone relocate to Bengaluru," said Shalini Iyer, a '
                'vice-president at the staffing firm. "Candidates are happy to earn slightly less '
                'if they can live near family."'
            ),
            (
                "Demand is strongest for roles in cloud computing, data engineering, "
                "cybersecurity and software testing. The report notes that freshers with "
                "practical project experience and certifications are being hired more quickly "
                "than those with degrees alone."
            ),
            (
                "Colleges in smaller cities have begun partnering with companies to offer "
                "internships and industry-designed courses. However, recruiters say communication "
                "skills and exposure to real-world projects remain gaps for many graduates. Many "
                "colleges are responding with finishing-school programmes and English "
                "conversation classes."
            ),
            (
                "The report expects hiring in smaller cities to continue growing this year, even "
                "as overall technology recruitment remains cautious due to global demand "
                "conditions. Salaries in these cities remain lower than in the main hubs, but the "
                "report notes that the gap is narrowing for experienced professionals."
            ),
        ],
    },
    {
        "slug": "medical-entrance-results-declared-counselling-to-begin-next-week",
        "headline": "Medical entrance results declared; counselling to begin next week",
        "summary": (
            "Results of the national medical entrance examination have been announced, and "
            "counselling for all-India quota seats in government and private medical colleges "
            "will start next week in an online format."
        ),
        "dateline": "New Delhi",
        "section": "career",
        "tags": ["Exams", "Health", "Education"],
        "authors": ["farah-qureshi"],
        "hours_ago": 244,
        "paragraphs": [
            (
                "Results of the national undergraduate medical entrance examination were declared "
                "on Tuesday, with over 13 lakh candidates qualifying for admission to MBBS, "
                "dental and other medical courses. Candidates can check their scores and "
                "all-India ranks on the official results portal."
            ),
            (
                "Counselling for the all-India quota seats in government medical colleges, deemed "
                "universities and central institutions will begin next week and will be conducted "
                "entirely online in four rounds. State counselling authorities will separately "
                "announce schedules for state quota seats."
            ),
            (
                "Candidates will need to register, pay a fee and fill in their choices of "
                "colleges and courses in order of preference. Officials advised students to "
                "research colleges carefully, including fees, location and hospital facilities, "
                "before locking their choices."
            ),
            (
                '"Many students fill choices in a hurry and regret it later. Take a day to sit '
                'with your family and make a realistic list," said Dr Anil Saxena, a counsellor '
                'who guides medical aspirants in Lucknow. "A government college in a smaller town '
                'can offer excellent clinical exposure."'
            ),
            (
                "The number of MBBS seats in the country has grown substantially over the past "
                "decade, with new medical colleges opening in several districts. Even so, "
                "competition remains intense, with around one seat for every ten qualifying "
                "candidates."
            ),
            (
                "Students who do not secure a seat in the first round can participate in "
                "subsequent rounds, and unfilled seats will be offered in a final mop-up round. "
                "Officials urged candidates to rely only on the official counselling website for "
                "schedules."
            ),
        ],
    },
    {
        "slug": "railways-to-recruit-9-000-technicians-applications-open-next-month",
        "headline": "Railways to recruit 9,000 technicians; applications open next month",
        "summary": (
            "Railway recruitment boards will fill about 9,000 technician posts across zones, with "
            "applications opening next month for candidates with ITI certificates or diplomas in "
            "relevant trades."
        ),
        "dateline": "New Delhi",
        "section": "career",
        "tags": ["Railways", "Jobs", "Exams"],
        "authors": ["vikram-mehta"],
        "hours_ago": 332,
        "paragraphs": [
            (
                "Railway recruitment boards will fill about 9,000 technician posts across the "
                "country, with the online application window opening next month, officials said "
                "on Friday. The posts include technician grade one in signalling and grade three "
                "positions in trades such as fitting, welding, electrical work and machining."
            ),
            (
                "Candidates must have passed class ten and hold an ITI certificate in a relevant "
                "trade, or a diploma or degree in engineering for certain grade one posts. The "
                "age limit is 18 to 33 years, with relaxations for candidates from reserved "
                "categories and ex-servicemen."
            ),
            (
                "Selection will be through a computer-based test followed by document "
                "verification and a medical examination. The test will cover mathematics, general "
                "intelligence and reasoning, basic science and engineering, and general "
                "awareness. Details of the trades and the number of posts in each zone will be "
                "listed in the notification."
            ),
            (
                '"Candidates should read the notification carefully and apply only to one board, '
                'since applying to multiple boards leads to rejection," said Mohan Yadav, who '
                'runs a training centre for railway aspirants in Patna. "The trade-specific '
                'syllabus is where most marks are won or lost."'
            ),
            (
                "The railways say the recruitment is needed to keep pace with new coaches, "
                "locomotives and electrification work, which has increased maintenance "
                "requirements. Unions have long demanded faster filling of vacancies in "
                "safety-related categories. Officials said many of the vacancies had arisen from "
                "retirements over the past three years."
            ),
            (
                "Candidates can apply only through the official websites of the recruitment "
                "boards and have been warned against agents promising jobs in exchange for money. "
                "Official notices say that selection is based only on merit in the test and that "
                "no payment is required beyond the application fee."
            ),
        ],
    },
    {
        "slug": "universities-told-to-give-academic-credit-for-internships-from-this-year",
        "headline": "Universities told to give academic credit for internships from this year",
        "summary": (
            "Higher education institutions have been asked to award academic credits for "
            "internships and apprenticeships in undergraduate programmes, a move aimed at "
            "improving the job readiness of graduates."
        ),
        "dateline": "New Delhi",
        "section": "career",
        "tags": ["Education", "Jobs"],
        "authors": ["ananya-rao", "vikram-mehta"],
        "hours_ago": 700,
        "paragraphs": [
            (
                "Universities and colleges have been asked to award academic credits for "
                "internships and apprenticeships in undergraduate programmes from the current "
                "academic year, according to guidelines issued by the higher education regulator "
                "on Monday. Students will be able to earn between two and ten credits depending "
                "on the duration and nature of the work."
            ),
            (
                "The guidelines say internships may be completed with companies, government "
                "departments, research institutions, non-profit organisations or local "
                "enterprises, including family businesses in rural areas. Each internship will "
                "need a supervisor and a written evaluation submitted to the college."
            ),
            (
                '"An internship teaches things a classroom cannot, from how a team works to how '
                'deadlines feel," said Prof Sunanda Ghosh, who heads a placement cell at a '
                'Kolkata university. "The challenge is finding enough quality placements for '
                'students outside big cities."'
            ),
            (
                "Institutions have been encouraged to partner with industry associations and to "
                "set up internship portals. A central portal already lists thousands of "
                "opportunities, though students have complained that many are unpaid or involve "
                "little real work."
            ),
            (
                "The regulator said colleges should ensure that interns are not used as unpaid "
                "labour and that the work is linked to their course of study. Stipends are "
                "encouraged but not mandatory. Some colleges already run compulsory summer "
                "placements and say the new credit system will simply formalise them."
            ),
            (
                "Student groups have asked for clear rules on working hours, safety and grievance "
                "redressal. The regulator said it would review implementation after the first "
                "year. It also plans to publish data on how many students complete internships "
                "and in which sectors."
            ),
        ],
    },
    {
        "slug": "free-online-courses-in-indian-languages-draw-over-a-million-learners",
        "headline": "Free online courses in Indian languages draw over a million learners",
        "summary": (
            "A government-backed platform offering free university courses in 12 Indian languages "
            "has crossed a million enrolments, with engineering, agriculture and accounting "
            "courses in Hindi, Tamil and Marathi among the most popular."
        ),
        "dateline": "Chennai",
        "section": "career",
        "tags": ["Education", "Translation", "Technology"],
        "authors": ["rohan-dsouza"],
        "hours_ago": 164,
        "paragraphs": [
            (
                "A government-backed platform that offers free online university courses in "
                "Indian languages has crossed one million enrolments, officials said on Saturday. "
                "The platform offers more than 600 courses in 12 languages, including Hindi, "
                "Tamil, Telugu, Marathi, Bengali, Kannada and Odia."
            ),
            (
                "Courses in basic engineering, agriculture, accounting and data analysis are the "
                "most popular. Many lectures are recorded by faculty teaching in their own "
                "language, while others are translated from English with the help of subject "
                "experts who check technical terms."
            ),
            (
                '"When I studied electronics in English, I was memorising without understanding," '
                "said Karthik Selvam, a diploma student from Tiruchirappalli who is taking a "
                'Tamil course on circuits. "Hearing it in Tamil first made the concepts click. '
                'Now I can read the English textbook with more confidence."'
            ),
            (
                "Educationists say learning in one's first language can improve understanding, "
                "particularly for first-generation college students. However, they note that "
                "students must also be prepared for workplaces where English remains dominant. "
                "Some teachers recommend using both languages side by side."
            ),
            (
                "The platform plans to add courses in nursing, vocational trades and teacher "
                "training over the coming year. Certificates are issued on passing proctored "
                "exams, and some universities accept them for credit transfer. Course fees are "
                "not charged, but a small fee applies for the certificate exam."
            ),
            (
                "Officials said learners from rural areas now make up nearly 40 per cent of "
                "enrolments, a sign that the courses are reaching students beyond major cities. "
                "Women account for a growing share of learners, particularly in courses on "
                "accounting and agriculture."
            ),
        ],
    },
    {
        "slug": "millet-dishes-find-a-place-on-city-restaurant-menus",
        "headline": "Millet dishes find a place on city restaurant menus",
        "summary": (
            "From ragi dosas to jowar pizzas, restaurants in Bengaluru, Hyderabad and Mumbai are "
            "adding millet dishes to their menus as diners seek wholesome grains and chefs "
            "rediscover regional recipes."
        ),
        "dateline": "Hyderabad",
        "section": "lifestyle",
        "tags": ["Food", "Health", "Agriculture"],
        "authors": ["ananya-rao"],
        "hours_ago": 84,
        "paragraphs": [
            (
                "Millets, long seen as a poor cousin of rice and wheat in urban kitchens, are "
                "enjoying a revival on restaurant menus in Hyderabad, Bengaluru and Mumbai. Chefs "
                "are serving ragi dosas, foxtail millet biryani, jowar pizza bases and bajra "
                "khichdi alongside familiar favourites."
            ),
            (
                "The grains are hardy crops that grow with little water and were once staples "
                "across much of rural India. Nutritionists say they are rich in fibre, iron and "
                "other minerals and have a lower glycaemic impact than polished rice, making them "
                "popular with health-conscious diners."
            ),
            (
                '"Ten years ago, customers would ask if millet was bird food," said Chef Vinay '
                "Reddy, who runs a regional restaurant in Hyderabad's Jubilee Hills. \"Now people "
                "come asking for our little millet pongal, and young diners want to know which "
                'district the grain came from."'
            ),
            (
                "Restaurants are sourcing millets from farmer producer organisations in "
                "Karnataka, Telangana and Odisha, which has helped growers get better prices. "
                "Processing remains a challenge, since millets need dehusking and cleaning "
                "equipment that is not widely available."
            ),
            (
                "Home cooks are experimenting too, with packaged millet flours, noodles and "
                "snacks now common on supermarket shelves. Dietitians caution that processed "
                "millet snacks can still be high in salt and fat, and suggest whole grains cooked "
                "at home."
            ),
            (
                "Food historians say the trend is a return rather than a discovery, pointing out "
                "that many regional cuisines have used these grains for centuries. Grandmothers "
                "in Karnataka and Odisha, they note, were cooking ragi balls and millet porridges "
                "long before the grains became fashionable in city cafes."
            ),
        ],
    },
    {
        "slug": "monsoon-travel-five-quiet-hill-towns-in-the-western-ghats",
        "headline": "Monsoon travel: five quiet hill towns in the Western Ghats",
        "summary": (
            "The rains turn the Western Ghats lush and misty, and these lesser-known hill towns "
            "offer waterfalls, spice plantations and quiet walks away from the crowds at "
            "better-known hill stations."
        ),
        "dateline": "Mumbai",
        "section": "lifestyle",
        "tags": ["monsoon", "Travel"],
        "authors": ["farah-qureshi"],
        "hours_ago": 50,
        "paragraphs": [
            (
                "The monsoon transforms the Western Ghats into a landscape of mist, waterfalls "
                "and impossibly green hills. While popular hill stations fill up with weekend "
                "traffic, a handful of smaller towns offer a gentler way to enjoy the season, "
                "with homestays, forest walks and plates of hot bhajiyas."
            ),
            (
                "Amboli, on the Maharashtra-Goa border, receives some of the heaviest rainfall in "
                "the state and is known for its waterfalls and frogs, which draw naturalists "
                "during the wet months. Further south, Agumbe in Karnataka is famous for its "
                "rainforest and sunset point, and for a long association with king cobra "
                "research."
            ),
            (
                "In Kerala, Vagamon offers rolling meadows and pine forests, while Coorg's "
                "quieter villages away from Madikeri provide coffee estate stays where guests can "
                "walk through plantations in the rain. Chikmagalur's Kudremukh range is also "
                "popular for short treks once trails are declared safe."
            ),
            (
                '"Visitors should plan for slow travel in the monsoon. Roads can close for a few '
                'hours, and that is part of the experience," said Rakesh Kamath, who runs a '
                'homestay near Sakleshpur. "Bring good shoes, leech socks and a sense of humour."'
            ),
            (
                "Travellers are advised to check local advisories before visiting waterfalls, "
                "since water levels can rise suddenly, and to avoid venturing into streams or "
                "climbing wet rocks for photographs. Several districts restrict access to certain "
                "spots during heavy rain."
            ),
            (
                "Homestay operators say bookings are best made directly, and many offer discounts "
                "for weekday stays during the season. They also recommend carrying cash, since "
                "mobile signals and card machines can be unreliable in remote villages during "
                "heavy rain, and packing a torch for power cuts."
            ),
        ],
    },
    {
        "slug": "doctors-urge-shade-breaks-and-hydration-as-heat-tests-office-workers",
        "headline": "Doctors urge shade breaks and hydration as heat tests office workers",
        "summary": (
            "With temperatures soaring across north India, doctors are seeing more heat-related "
            "illness among office commuters and delivery workers, and recommend simple habits to "
            "stay safe through the day."
        ),
        "dateline": "New Delhi",
        "section": "lifestyle",
        "tags": ["Health", "Climate", "Water"],
        "authors": ["nm-desk"],
        "hours_ago": 350,
        "paragraphs": [
            (
                "Hospitals in Delhi and neighbouring cities are reporting a rise in patients with "
                "dehydration, heat exhaustion and headaches linked to the prolonged heatwave, and "
                "doctors say office commuters and delivery workers are among those most at risk."
            ),
            (
                "Heat exhaustion can cause dizziness, nausea, heavy sweating and muscle cramps, "
                "and if ignored can progress to heatstroke, which is a medical emergency. Warning "
                "signs of heatstroke include confusion, hot dry skin and loss of consciousness, "
                "and require immediate cooling and hospital care."
            ),
            (
                '"People underestimate the heat during short walks to the metro or parking lot," '
                'said Dr Sneha Arora, an internal medicine specialist in Gurugram. "Carry water, '
                "sip regularly even if you are not thirsty, and do not wait for a headache to "
                'tell you that you are dehydrated."'
            ),
            (
                "Doctors recommend wearing loose cotton clothes, using an umbrella or cap "
                "outdoors, and eating light meals with fruits such as watermelon and cucumber. "
                "Buttermilk, lemon water and coconut water help replace salts lost through "
                "sweating. Excessive tea, coffee and sugary drinks are best avoided."
            ),
            (
                "Employers can help by allowing flexible hours, providing cool drinking water and "
                "rest areas, and letting staff avoid field visits during the hottest part of the "
                "day. Several delivery platforms have set up rest points with water and shade."
            ),
            (
                "People with heart disease, diabetes or kidney problems should consult their "
                "doctors about medication and fluid intake during extreme heat. Pregnant women "
                "and young children should also be kept out of direct sun, and anyone showing "
                "signs of heatstroke should be moved to a cool place while help is called."
            ),
        ],
    },
    {
        "slug": "young-designers-partner-with-varanasi-weavers-to-revive-handloom",
        "headline": "Young designers partner with Varanasi weavers to revive handloom",
        "summary": (
            "A group of design graduates is working with weaving families in Varanasi to create "
            "contemporary handloom collections, helping artisans earn more while keeping "
            "traditional Banarasi techniques alive."
        ),
        "dateline": "Varanasi",
        "section": "lifestyle",
        "tags": ["heritage", "Start-ups", "Jobs"],
        "authors": ["ananya-rao"],
        "hours_ago": 588,
        "paragraphs": [
            (
                "In the narrow lanes of Varanasi's weaving quarter, the rhythmic clack of "
                "handlooms is competing with the hum of power looms. A group of young designers "
                "is trying to tip the balance back, working with weaving families to create "
                "contemporary collections that sell to urban buyers at fair prices."
            ),
            (
                "The collective, started by three design graduates two years ago, works with "
                "about 60 weavers in Madanpura and Lallapura. Together they create saris, stoles "
                "and fabrics that use traditional Banarasi brocade techniques in lighter weights "
                "and simpler motifs suited to everyday wear."
            ),
            (
                '"My father wove saris that took three months and sold for less than the cost of '
                'his time," said Abdul Rahman, a weaver who now works with the collective. "Now '
                'we agree on the price before I begin, and I am paid on time."'
            ),
            (
                "The collective sells through its website, exhibitions and a few boutiques in "
                "Delhi and Bengaluru. Each product carries a tag with the weaver's name and the "
                "number of days it took to make, which designers say helps buyers understand the "
                "labour involved."
            ),
            (
                "Handloom weaving has declined sharply over the past few decades as cheaper power "
                "loom fabrics flooded the market. Younger members of weaving families often leave "
                "for other jobs, and experts warn that rare skills could disappear within a "
                "generation."
            ),
            (
                "The designers plan to start a small training programme for young people from "
                "weaving families, combining traditional techniques with lessons in design and "
                "digital sales. They hope to include at least 20 apprentices in the first year, "
                "paid a monthly stipend."
            ),
        ],
    },
    {
        "slug": "urban-gardeners-turn-chennai-rooftops-into-vegetable-patches",
        "headline": "Urban gardeners turn Chennai rooftops into vegetable patches",
        "summary": (
            "Rooftop gardening is spreading across Chennai's apartment blocks, with residents "
            "growing greens, tomatoes and gourds using compost from kitchen waste and harvested "
            "rainwater."
        ),
        "dateline": "Chennai",
        "section": "lifestyle",
        "tags": ["Food", "Water", "Climate"],
        "authors": ["rohan-dsouza"],
        "hours_ago": 460,
        "paragraphs": [
            (
                "On a rooftop in Chennai's Mylapore, rows of grow bags overflow with spinach, "
                "brinjal, tomatoes and bottle gourds. The terrace belongs to a 24-flat apartment "
                "building whose residents started a shared vegetable garden two years ago and now "
                "harvest enough greens to supply every household twice a week."
            ),
            (
                "Rooftop gardening has become increasingly popular in the city, encouraged by "
                "workshops run by horticulture departments, gardening groups and social media "
                "communities. Residents say the gardens help cool top-floor flats during the "
                "summer and make use of kitchen waste that would otherwise go to landfill."
            ),
            (
                '"We compost all our vegetable peels in three drums, and that goes back into the '
                'bags," said Lalitha Venkatraman, a retired bank officer who coordinates the '
                "building's garden. \"Our children have learned that brinjals do not come from a "
                'supermarket shelf."'
            ),
            (
                "Many gardeners use rainwater harvested from the roof during the north-east "
                "monsoon, storing it in tanks for the dry months. Drip irrigation kits made from "
                "recycled bottles have also become common. Some buildings have fitted simple "
                "filters to keep the stored water clean."
            ),
            (
                "Experts advise checking that rooftops are waterproofed and can bear the weight "
                "of soil and water before setting up large gardens. Lightweight growing media "
                "such as coco peat can reduce the load. Gardeners also recommend starting small "
                "with a few easy crops."
            ),
            (
                "The state horticulture department offers subsidised kits containing grow bags, "
                "seeds and organic inputs for city residents who want to start their own gardens. "
                "Applications can be made online, and the kits are usually delivered within a few "
                "weeks of approval."
            ),
        ],
    },
    {
        "slug": "screens-sleep-and-yoga-survey-shows-how-urban-indians-unwind",
        "headline": "Screens, sleep and yoga: survey shows how urban Indians unwind",
        "summary": (
            "A national lifestyle survey finds that urban Indians spend over three hours a day on "
            "phones for leisure, sleep less than seven hours on weekdays, and increasingly turn "
            "to yoga and walking to relax."
        ),
        "dateline": "Mumbai",
        "section": "lifestyle",
        "tags": ["Health", "Technology", "Science"],
        "authors": ["nm-desk"],
        "hours_ago": 276,
        "paragraphs": [
            (
                "Urban Indians spend an average of three hours and twenty minutes a day on their "
                "phones for leisure, and most sleep less than seven hours on weeknights, "
                "according to a lifestyle survey conducted across 20 cities and released on "
                "Sunday. The survey of 12,000 adults was carried out by a market research firm "
                "for a health insurance company."
            ),
            (
                "Watching videos and scrolling social media were the most common ways of "
                "unwinding, followed by spending time with family, listening to music and "
                "walking. About 28 per cent of respondents said they practised yoga or meditation "
                "at least three times a week, up from 19 per cent in a similar survey three years "
                "ago."
            ),
            (
                "Nearly half of those surveyed said they used their phones in bed before "
                "sleeping, and a third reported waking up tired on most days. Respondents between "
                "25 and 34 reported the least sleep, often citing long commutes and work messages "
                "after office hours."
            ),
            (
                '"Sleep is the foundation of physical and mental health, and it is often the '
                'first thing we sacrifice," said Dr Farida Khan, a sleep specialist in Mumbai. '
                '"Keeping the phone outside the bedroom for even a few nights a week can make a '
                'noticeable difference."'
            ),
            (
                "The survey also found that people who walked or exercised outdoors for at least "
                "30 minutes a day reported better mood and sleep quality. Women reported less "
                "free time than men on weekdays. Parents reported that children's screen time had "
                "also risen."
            ),
            (
                "Researchers cautioned that the findings are based on self-reported data and may "
                "not reflect rural patterns. The researchers said a follow-up study next year "
                "would include smaller towns and villages, and would track the same group of "
                "people to see how habits change over time."
            ),
        ],
    },
    {
        "slug": "debut-odia-novel-about-coastal-migrants-wins-national-literary-prize",
        "headline": "Debut Odia novel about coastal migrants wins national literary prize",
        "summary": (
            "A first novel by a schoolteacher from Kendrapara, tracing a fishing family's "
            "migration to Gujarat's ports, has won a national prize for debut fiction in Indian "
            "languages, with an English translation already under way."
        ),
        "dateline": "Bhubaneswar",
        "section": "languages",
        "tags": ["Literature", "Translation"],
        "authors": ["ananya-rao"],
        "hours_ago": 180,
        "paragraphs": [
            (
                '"Lonajala", a debut Odia novel by Kendrapara schoolteacher Sasmita Behera, has '
                "won this year's national prize for first fiction in an Indian language, the "
                "awarding foundation announced on Monday. The prize carries a cash award of Rs 2 "
                "lakh and support for translation into English and one other language."
            ),
            (
                "The novel follows three generations of a fishing family from Odisha's coast as "
                "cyclones, eroding shorelines and dwindling catches push the younger men to seek "
                "work at ports in Gujarat. Written in a dialect of coastal Odia, it moves between "
                "villages, trawler decks and crowded workers' rooms."
            ),
            (
                "The jury described the book as a work of quiet power that captures how climate "
                'and economics reshape ordinary lives. "The language itself carries salt and '
                'wind," the jury citation said. "It gives readers a world they may not know, with '
                'tenderness and without sentimentality."'
            ),
            (
                "Behera, who teaches Odia at a government high school, said she began the novel "
                "after listening to stories told by her students' fathers. \"They talked about "
                'Veraval and Porbandar as if they were neighbouring villages," she said. "I '
                'wanted to write down what they carried with them and what they left behind."'
            ),
            (
                "An English translation is being prepared by Bhubaneswar-based translator "
                "Debasish Mohanty and is expected next year. A Hindi translation is also planned. "
                "Mohanty said the hardest part was finding English equivalents for the coastal "
                "dialect without flattening it, and that he was working closely with the author "
                "on each chapter."
            ),
            (
                "The prize received over 300 entries in 16 languages. The shortlist included "
                "novels in Assamese, Kannada, Marathi, Malayalam and Urdu. The winner was chosen "
                "by a jury of five writers and critics, who read the shortlisted books in the "
                "original language or in translation."
            ),
        ],
    },
    {
        "slug": "ai-translation-tool-adds-support-for-12-more-indian-languages",
        "headline": "AI translation tool adds support for 12 more Indian languages",
        "summary": (
            "A public language technology platform has expanded its speech and text translation "
            "models to cover 12 more Indian languages, including Bodo, Santali, Dogri and "
            "Konkani, bringing the total to 22."
        ),
        "dateline": "Bengaluru",
        "section": "languages",
        "tags": ["Translation", "Technology"],
        "authors": ["rohan-dsouza"],
        "hours_ago": 58,
        "paragraphs": [
            (
                "A publicly funded language technology platform has added 12 more Indian "
                "languages to its machine translation and speech recognition tools, bringing the "
                "total number of supported languages to 22, its developers said on Thursday. New "
                "additions include Bodo, Santali, Dogri, Konkani, Maithili, Manipuri and Sindhi."
            ),
            (
                "The tools can translate text between any two supported languages and convert "
                "speech to text, which developers say can help government offices, courts, "
                "hospitals and small businesses communicate with people in their own language. "
                "The models are available free of charge for public and research use."
            ),
            (
                "Building the models required collecting large amounts of text and speech data, "
                "much of which did not exist in digital form for some languages. Teams worked "
                "with universities, community radio stations and volunteers to record speakers "
                "from different regions and age groups."
            ),
            (
                '"For a Santali speaker, being able to use a phone in their own language is not a '
                'luxury, it is dignity," said Dr Priyanka Murmu, a computational linguist who '
                'worked on the project. "We still have a lot to improve, especially for dialects '
                'and technical vocabulary."'
            ),
            (
                "Translators and linguists welcomed the development but cautioned that machine "
                "translation can make errors with idioms, names and context. They recommended "
                "that official and legal documents continue to be reviewed by trained human "
                "translators. Some also urged developers to credit community contributors."
            ),
            (
                "The developers plan to release an updated version next year with better handling "
                "of mixed-language speech, common in everyday conversation. It will also open a "
                "public feedback channel so that speakers can report errors and suggest better "
                "translations for words in their language."
            ),
        ],
    },
    {
        "slug": "linguists-race-to-record-a-fading-language-in-the-arunachal-hills",
        "headline": "Linguists race to record a fading language in the Arunachal hills",
        "summary": (
            "A team of linguists and community volunteers is recording songs, stories and "
            "everyday speech in a language spoken by fewer than 1,500 people in Arunachal "
            "Pradesh, hoping to create a dictionary and school primers."
        ),
        "dateline": "Itanagar",
        "section": "languages",
        "tags": ["heritage", "Translation", "Education"],
        "authors": ["farah-qureshi"],
        "hours_ago": 436,
        "paragraphs": [
            (
                "A team of linguists and young community volunteers is travelling through "
                "villages in a remote valley of Arunachal Pradesh to record a language spoken by "
                "fewer than 1,500 people, most of them above the age of 50. The project aims to "
                "produce a dictionary, a grammar sketch and illustrated primers for children."
            ),
            (
                "The language, which has no traditional script, is passed down orally through "
                "songs, folk tales and rituals. Younger people increasingly speak Hindi and "
                "English at school and at work, and linguists say few children are now growing up "
                "speaking it at home."
            ),
            (
                "Over the past year, the team has recorded more than 300 hours of audio and "
                "video, including harvest songs, origin stories, recipes and conversations about "
                "farming and hunting. Elders have helped translate and explain words for plants, "
                "animals and kinship that have no simple equivalent in other languages."
            ),
            (
                '"Every elder who passes away takes words with them that no one else remembers," '
                'said Tage Yania, a 26-year-old volunteer who grew up in the valley. "When my '
                "grandmother heard her own songs played back on the laptop, she cried and then "
                'corrected our spelling."'
            ),
            (
                "The team is using the Roman script with a few additional marks, a choice made "
                "after discussions with community leaders. Draft primers will be tested in two "
                "village schools next year. Some families have asked for copies of the recordings "
                "of their elders."
            ),
            (
                "The recordings will be stored in a digital archive at a university in the state, "
                "with copies held by the community. Community members will decide who can access "
                "recordings of rituals and other sensitive material, in keeping with local "
                "customs."
            ),
        ],
    },
    {
        "slug": "tamil-children-s-magazine-turns-75-with-a-special-anniversary-issue",
        "headline": "Tamil children's magazine turns 75 with a special anniversary issue",
        "summary": (
            "A Tamil magazine for children that has published stories, puzzles and comics since "
            "1950 has released a 200-page anniversary issue, featuring contributions from former "
            "young readers who became writers."
        ),
        "dateline": "Chennai",
        "section": "languages",
        "tags": ["Literature", "heritage", "Education"],
        "authors": ["nm-desk"],
        "hours_ago": 548,
        "paragraphs": [
            (
                '"Sittu Kuruvi", a Tamil magazine for children first published in 1950, has '
                "marked its 75th anniversary with a special 200-page issue containing new "
                "stories, comics, puzzles and reminiscences from readers who grew up with it. The "
                "issue was released at a school event in Chennai on Saturday."
            ),
            (
                "The monthly magazine has survived many changes in reading habits, from the "
                "arrival of television to smartphones. At its peak in the 1980s, it sold more "
                "than two lakh copies a month, and it still reaches about 60,000 subscribers, "
                "many of them school libraries."
            ),
            (
                "The anniversary issue includes contributions from novelists, scientists and "
                "cartoonists who say the magazine first introduced them to reading in Tamil. "
                "Several have written about sending their childhood poems to the editor and "
                "waiting anxiously to see them in print."
            ),
            (
                '"My first published story appeared here when I was eleven. It had a talking '
                'elephant and a very bad ending," said novelist Kalaiselvi Raman with a laugh. '
                '"The editor wrote me a letter saying the elephant was good and the ending could '
                'improve. I kept that letter for forty years."'
            ),
            (
                "The magazine has launched a website and audio versions of stories for younger "
                "children, narrated by teachers and actors. Its editors say print remains at the "
                "heart of the publication. New audio stories are released every fortnight and are "
                "popular with parents on long drives."
            ),
            (
                "Educators say children's magazines in Indian languages play an important role in "
                "building reading habits and vocabulary beyond textbooks. Several state libraries "
                "have announced plans to subscribe to the magazine for their children's sections "
                "in the coming year."
            ),
        ],
    },
    {
        "slug": "translated-titles-set-a-record-at-kolkata-literary-festival",
        "headline": "Translated titles set a record at Kolkata literary festival",
        "summary": (
            "Translated books made up nearly a third of sales at a Kolkata literary festival this "
            "year, with readers snapping up Bengali translations of Marathi, Malayalam and Urdu "
            "fiction as well as world literature."
        ),
        "dateline": "Kolkata",
        "section": "languages",
        "tags": ["Translation", "Literature", "Kolkata"],
        "authors": ["farah-qureshi", "ananya-rao"],
        "hours_ago": 148,
        "paragraphs": [
            (
                "Translated books accounted for nearly a third of all sales at a four-day "
                "literary festival in Kolkata this year, organisers said on Sunday, the highest "
                "share since the festival began. Bengali translations of Marathi, Malayalam, Urdu "
                "and Assamese fiction were among the most popular titles, alongside translated "
                "world literature."
            ),
            (
                "Publishers said readers were increasingly curious about literature from other "
                "Indian languages, helped by a growing number of translators and prizes that "
                "recognise translated works. Several small publishing houses in the city now "
                "focus entirely on translation."
            ),
            (
                '"Ten years ago, a Bengali reader would know Russian and French novels in '
                'translation but very little from Kerala or Maharashtra," said Sudipta '
                'Chatterjee, who runs a small press in College Street. "That is finally changing, '
                'and young readers are driving it."'
            ),
            (
                "Panel discussions at the festival explored the challenges of translating "
                "dialect, humour and cultural references. Translators spoke about low fees and "
                "the lack of recognition for their work, though several said their names now "
                "appear more often on book covers."
            ),
            (
                "A new initiative announced at the festival will fund the translation of 20 books "
                "between Bengali and north-eastern languages over the next two years, with "
                "mentorship for first-time translators. Applications from translators will open "
                "in the spring, and the first books are expected within 18 months."
            ),
            (
                "Organisers said attendance crossed 90,000, with school students making up a "
                "large share of visitors on weekdays. Next year's edition is expected to add a "
                "section dedicated to children's books in translation and to graphic novels, "
                "publishers said."
            ),
        ],
    },
    {
        "slug": "urdu-calligraphy-workshops-draw-young-learners-in-lucknow",
        "headline": "Urdu calligraphy workshops draw young learners in Lucknow",
        "summary": (
            "Weekend workshops on Urdu calligraphy in Lucknow are drawing college students, "
            "designers and retired professionals, reviving interest in an art form that once "
            "adorned the city's books and monuments."
        ),
        "dateline": "Lucknow",
        "section": "languages",
        "tags": ["heritage", "Education", "Literature", "Youth"],
        "authors": ["nm-desk"],
        "hours_ago": 676,
        "paragraphs": [
            (
                "Weekend workshops on Urdu calligraphy in Lucknow are drawing a steady stream of "
                "learners, from college students and graphic designers to retired teachers, who "
                "spend hours shaping letters with reed pens and ink. Organisers say each batch of "
                "30 places fills within days."
            ),
            (
                "The workshops, run by a cultural society in the old city, teach the nastaliq "
                "style, known for its flowing, sloping letters that have been used in Urdu books, "
                "poetry and inscriptions for centuries. Participants begin with simple strokes "
                "and gradually learn to write verses by well-known poets."
            ),
            (
                '"The first month is only about holding the pen correctly and controlling the '
                'pressure," said Ustad Rafiq Ahmed, a calligrapher in his seventies who leads the '
                'classes. "Calligraphy teaches patience. You cannot hurry a letter."'
            ),
            (
                "Many participants say they joined to connect with family heritage or to learn "
                "the script for the first time. Designers are interested in adapting traditional "
                "forms for logos, book covers and textiles. A few have begun practising daily at "
                "home."
            ),
            (
                "Lucknow was once a major centre of Urdu publishing, with calligraphers known as "
                "katibs writing entire books by hand for printing. The arrival of computer "
                "typesetting reduced demand for their skills, and few practising katibs remain."
            ),
            (
                "The society plans to hold an exhibition of participants' work in the winter and "
                "is developing an online course for learners outside the city. Organisers said "
                "fees were kept low so that students could attend, and reed pens and ink are "
                "provided."
            ),
        ],
    },
]

PAGES = [
    {
        "slug": "about-us",
        "title": "About Us",
        "paragraphs": [
            (
                "IndiaPost Live is a digital news service published by NM Media, an independent "
                "news company founded in Noida, Uttar Pradesh. We report on national affairs, the "
                "states, the world, business, sport, culture, careers and the languages of India, "
                "for readers who want clear, accurate and calm reporting they can rely on."
            ),
            (
                "NM Media is owned by its founders and staff and is not part of any political "
                "organisation or business group. Our revenue comes from advertising and reader "
                "support. Advertisers have no say over what we report, and sponsored content is "
                "always clearly labelled as such."
            ),
            (
                "Our newsroom works by a few simple values. We verify before we publish. We "
                "separate reporting from opinion. We seek out the people affected by a story, not "
                "only those in power. We avoid sensational headlines, and we explain the context "
                "behind the numbers."
            ),
            (
                "We make mistakes, as every newsroom does, and we correct them openly. When a "
                "published story contains a factual error, we fix it and add a note at the end of "
                "the article explaining what was changed and when. Significant corrections are "
                "also listed on our corrections page."
            ),
            (
                "If you believe something we have published is inaccurate or unfair, please write "
                "to corrections@example.com with a link to the story and details of the error. An "
                "editor reviews every request, and we aim to respond within two working days."
            ),
            (
                "You can reach the newsroom at newsroom@example.com, or use the contact page to "
                "send a message directly to our editors. We read everything, even when we cannot "
                "reply to every message."
            ),
        ],
    },
    {
        "slug": "privacy-policy",
        "title": "Privacy Policy",
        "paragraphs": [
            (
                "This policy explains what information IndiaPost Live, published by NM Media, "
                "collects when you use our website, why we collect it, how long we keep it and "
                "what choices you have. We have tried to write it in plain language. If anything "
                "is unclear, please write to privacy@example.com."
            ),
            (
                "Cookies and preferences. We use a small number of cookies to keep the site "
                "working and to remember choices you make, such as dark mode and your preferred "
                "font size. These cookies do not track you across other websites. If you sign in, "
                "a session cookie keeps you logged in until you sign out or the session expires."
            ),
            (
                "Reader accounts. If you create an account, we store your name, email address and "
                "a securely hashed password. Your account lets you save stories to read later and "
                "follow sections, topics and authors. We keep this information for as long as "
                "your account is active and use it only to provide these features and to send "
                "emails you have asked for."
            ),
            (
                "Contact messages. When you send a message through our contact form, we store "
                "your name, email address and message so that editors can read and respond to it. "
                "These messages are kept for up to 12 months and then deleted, unless they relate "
                "to a correction or a legal matter that requires a longer record."
            ),
            (
                "Server logs. Like most websites, our servers automatically record technical "
                "information such as IP addresses, browser type and the pages requested. We use "
                "these logs to keep the site secure, diagnose faults and understand overall "
                "traffic. Logs are kept for no more than 90 days."
            ),
            (
                "Your rights. You can download a copy of the data linked to your account, "
                "including saved stories and follows, from your account settings at any time. You "
                "can also delete your account there, which permanently removes your profile, "
                "saved stories and follows. We do not sell your personal information to anyone."
            ),
            (
                "We may update this policy from time to time. When we make significant changes, "
                "we will note the date at the top of this page and, where appropriate, inform "
                "account holders by email. Questions or requests about your data can be sent to "
                "privacy@example.com."
            ),
        ],
    },
    {
        "slug": "terms-of-use",
        "title": "Terms of Use",
        "paragraphs": [
            (
                "These terms apply to your use of the IndiaPost Live website, published by NM "
                "Media. By using the site, you agree to them. We have kept them short and fair, "
                "and we will not change them without updating the date on this page."
            ),
            (
                "Our reporting is provided for general information. We work hard to be accurate, "
                "but news develops quickly, and we cannot guarantee that every story is complete "
                "or up to date at the moment you read it. Please do not rely on our articles as "
                "professional, legal, medical or financial advice."
            ),
            (
                "The articles, photographs and design of this site belong to NM Media or to the "
                "people who have licensed them to us. You are welcome to share links to our "
                "stories and to quote short extracts with credit and a link. Please do not "
                "republish full articles without written permission."
            ),
            (
                "If you create an account, you are responsible for keeping your password safe and "
                "for activity under your account. Accounts may be suspended if they are used to "
                "harass others, impersonate people, spread spam or attempt to disrupt the site."
            ),
            (
                "When you send us a message or a news tip, you confirm that it is honest to the "
                "best of your knowledge. We may use the information to report a story, but we "
                "will not publish your name or contact details without your permission."
            ),
            (
                "Our site may link to other websites. We are not responsible for their content or "
                "their privacy practices. These terms are governed by the laws of India, and any "
                "disputes will be subject to the courts at Noida, Uttar Pradesh. Questions about "
                "these terms can be sent to legal@example.com."
            ),
        ],
    },
    {
        "slug": "contact-us",
        "title": "Contact Us",
        "paragraphs": [
            (
                "We want to hear from you. Whether you have a news tip, a correction, a question "
                "about a story or a business enquiry, this page explains the quickest way to "
                "reach the right people at IndiaPost Live."
            ),
            (
                "News tips: If you know about something our reporters should look into, write to "
                "tips@example.com. Tell us what happened, where and when, and how we can reach "
                "you. We treat sources with care and will not reveal your identity without your "
                "consent."
            ),
            (
                "Corrections: If you spot an error in one of our stories, write to "
                "corrections@example.com with a link to the article and a description of the "
                "mistake. Editors review every correction request and aim to respond within two "
                "working days."
            ),
            (
                "Advertising and partnerships: For advertising, sponsorship and syndication "
                "enquiries, please write to ads@example.com. Our commercial team is separate from "
                "the newsroom and has no influence on our reporting."
            ),
            (
                "Postal address: NM Media, IndiaPost Live Newsroom, 4th Floor, Example Tower, "
                "Sector 00, Noida, Uttar Pradesh 201300, India. Phone: +91 00000 00000 (weekdays, "
                "10 am to 6 pm)."
            ),
            (
                "You can also use the form below to send a message straight to our editors. "
                "Please include your email address if you would like a reply. We read every "
                "message, though we may not be able to answer all of them individually."
            ),
        ],
    },
]
