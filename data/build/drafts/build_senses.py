#!/usr/bin/env python3
"""Builds /tmp/helper-e/senses.json: one sense verdict per glossary alias (draft for review).

Cue and veto phrases follow utils/sense-model.ts: matched case-insensitively at word
boundaries, with an optional plural/possessive "s" / "'s"; a phrase that ends in a sign
("cve-", "au$", "tip:") needs no boundary there. A stem such as "terroris" therefore no
longer matches "terrorism": every old sameBlock stem is spelled out here as whole words.
"""
import json
from collections import OrderedDict

U = "unambiguous"


def rule(cls, cues, vetoes=(), cue_terms=(), pe=True, why=""):
    r = OrderedDict()
    r["class"] = cls
    r["cues"] = list(dict.fromkeys(cues))
    r["cueTerms"] = list(dict.fromkeys(cue_terms))
    r["vetoes"] = list(dict.fromkeys(vetoes))
    r["pageEvidence"] = pe
    r["why"] = why
    return r


def C(cues, vetoes=(), cue_terms=(), pe=True, why=""):
    return rule("cue", cues, vetoes, cue_terms, pe, why)


def N(cues, vetoes=(), cue_terms=(), pe=True, why=""):
    return rule("cue-no-veto", cues, vetoes, cue_terms, pe, why)


# ── shared vocabularies ────────────────────────────────────────────────────────────────
TERROR = [
    "terrorism", "terrorist", "counter-terrorism", "counterterrorism", "counter terrorism",
    "anti-terrorism", "anti-terrorist", "anti-terror", "counter-terror", "extremism",
    "extremist", "violent extremism", "militant", "jihadist", "jihadi", "radicalization",
    "radicalisation",
]
APEC = [
    "APEC", "Asia-Pacific Economic Cooperation", "Asia-Pacific", "Asia Pacific",
    "member economies", "member economy", "APEC economies", "Senior Officials",
    "Senior Officials' Meeting", "ECOTECH", "CTWG",
]
APEC_STRICT = [c for c in APEC if c not in ("Asia-Pacific", "Asia Pacific")]
APEC_TERMS = ["apec", "apec-ctwg", "apec-som", "apec-sce", "apec-cti"]
CTWG_CUES = APEC_STRICT + [
    "secure trade", "Secure Trade Strategy", "Counter-Terrorism Task Force", "CTTF",
    "task force", "focus area", "four pillars", "secure supply chains", "secure travel",
    "secure finance", "secure infrastructure", "workplan", "Strategic Plan",
]
CTWG_TERMS = [
    "apec", "apec-cttf", "apec-sce", "apec-som", "apec-ct-secure-trade-strategy",
    "ctwg-strategic-plan-2018-2022", "ctwg-strategic-plan-2013-2017", "ctwg-workplan-2017",
    "secure-supply-chains", "secure-travel", "secure-finance", "secure-infrastructure",
    "ctap", "independent-assessment-2013",
]
# Other bodies that have a "Counter-Terrorism Working Group" / "Task Force" / action plan.
OTHER_CT_BODIES = [
    "Quad", "India", "Indian", "New Delhi", "four-country", "NATO", "GCTF",
    "Global Counterterrorism Forum", "Global Counter-Terrorism Forum", "BRICS", "OSCE",
    "ASEM", "Joint Working Group", "India-US", "US-India", "ECOWAS", "IGAD",
    "Civil Air Patrol",
]
# Bare resolution numbers: a number, a year, a price, an address, a phone number, a score.
NUMBER_VETOES = [
    "$", "€", "£", "¥", "price", "prices", "priced", "cost", "costs", "fee", "membership",
    "salary", "points", "index", "share index", "stock", "NSE", "km", "kilometres", "kilometers",
    "miles", "metres", "meters", "feet", "kg", "tonnes", "Tel", "Tel.", "Fax", "phone",
    "call us", "avenue", "street", "suite", "road", "PO Box", "postcode", "zip code", "page",
    "pp.", "ISBN", "model", "part number", "item", "invoice", "order number", "flight",
    "bus", "route", "cve-", "dates from", "dating from", "founded in", "born", "died",
    "century", "medieval", "reign", "AD", "BC", "anno", "kcal", "calories", "mAh", "MHz",
    "rpm", "pixels", "bpm", "runners", "race", "marathon", "10K", "finished",
]
NUMBER_CUES = [
    "resolution", "UNSCR", "Security Council", "Council resolution", "S/RES/", "Chapter VII",
    "sanctions committee", "adopted by the Council", "Council adopted",
]
ISIS_MYTH = [
    "goddess", "Osiris", "Horus", "Nile", "temple", "temples", "Philae", "mythology", "myth",
    "myths", "Egyptian goddess", "neutron", "muon", "Didcot", "Rutherford Appleton", "Thames",
    "river", "Institute for Science and International Security", "Albright", "Archer",
    "Sterling Archer", "exhibition", "album", "band",
]
SOFTWARE = [
    "API key", "api_key", "secret key", "publishable key", "endpoint", "endpoints", "REST API",
    "RESTful", "SDK", "JSON", "XML", "developer", "developers", "HTTP", "OAuth", "token",
    "sandbox", "webhook", "webhooks", "OpenAPI", "GraphQL", "rate limit", "deprecated",
    "deprecation", "v1", "v2", "v3", "NDC", "GDS", "retailing", "partner portal",
    "credentials", "curl", "Status API", "Flight Status", "library", "npm",
]
BOOKING = [
    "trains", "train number", "train ticket", "rail", "railway", "railways", "Indian Railways", "IRCTC", "berth", "coach",
    "ticket", "e-ticket", "seat", "bag", "bags", "baggage allowance", "itinerary",
    "booking reference", "booking status", "waiting list", "rebook", "rebooks", "enquiry",
    "SMS", "refund", "cancellation", "Philippine National Railways", "six-character",
    "10-digit", "last name", "name spelling",
]

S = OrderedDict()

# ── Organisations ────────────────────────────────────────────────────────────────────
S["apec"] = {
    "APEC": U,
    "Asia-Pacific Economic Cooperation": U,
}
S["apec-ctwg"] = {
    "Counter-Terrorism Working Group": C(
        [c for c in CTWG_CUES if c != "CTWG"], OTHER_CT_BODIES, CTWG_TERMS,
        why="generic name: the Quad's Counter-Terrorism Working Group (2023), India–US and other bilateral CT working groups, NATO/GCTF groups; lower case too",
    ),
    "Counter Terrorism Working Group": C(
        [c for c in CTWG_CUES if c != "CTWG"], OTHER_CT_BODIES, CTWG_TERMS,
        why="same as the hyphenated spelling: Quad, bilateral and other bodies' CT working groups",
    ),
    "APEC Working Group on Counter-Terrorism": U,
    "CTWG": C(
        [c for c in CTWG_CUES if c != "CTWG"],
        ["Civil Air Patrol", "Connecticut Wing", "Connecticut", "cadets", "cadet", "squadron",
         "clinical trials", "Clinical Trials Working Group"],
        CTWG_TERMS,
        why="Connecticut Wing of the Civil Air Patrol, clinical-trials working groups; Quad 'CTWG' is left to APEC cues and page evidence (a page comparing the two calls APEC's the CTWG)",
    ),
}
S["apec-cttf"] = {
    "APEC Counter-Terrorism Task Force": U,
    "Counter-Terrorism Task Force": C(
        [c for c in CTWG_CUES if c not in ("Counter-Terrorism Task Force", "task force")]
        + ["Counter-Terrorism Working Group", "upgraded", "2003", "2013"],
        ["police", "police department", "county", "sheriff", "FBI", "Joint Terrorism",
         "state police", "Nigeria", "Kenya", "Philippines", "Maldives", "Mauritius", "Quad"],
        CTWG_TERMS + ["apec-ctwg"],
        why="generic name: national, police and city counter-terrorism task forces",
    ),
    "CTTF": C(
        [c for c in CTWG_CUES if c != "CTTF"] + ["Counter-Terrorism Working Group", "task force", "upgraded"],
        ["police", "county", "sheriff", "Philippines", "Mauritius"],
        CTWG_TERMS + ["apec-ctwg"],
        why="other bodies' counter-terrorism task forces abbreviated CTTF",
    ),
}
S["apec-sce"] = {
    "SOM Steering Committee on Economic and Technical Cooperation": U,
    "Steering Committee on Economic and Technical Cooperation": U,
    "SCE": N(
        APEC + ["Steering Committee", "Economic and Technical Cooperation", "capacity-building",
                "capacity building", "Committee of the Whole"],
        ["Edison", "Southern California", "Southern California Edison", "utility", "utilities",
         "wildfire", "wildfires", "ratepayers", "rate increase", "PlayStation", "Sony",
         "Sony Computer Entertainment", "calomel", "electrode", "electrodes", "electrochemical",
         "Scottish Certificate", "Single Cell Electrophoresis", "comet assay",
         "stress corrosion"],
        ["apec", "apec-som", "apec-ctwg", "ctwg-workplan-2017"],
        why="Southern California Edison (ticker and utility news share 'rates', 'approval' with APEC finance pages), Sony Computer Entertainment, saturated calomel electrode",
    ),
}
S["apec-som"] = {
    "SOM": N(
        APEC + ["Steering Committee", "SCE", "ministerial", "ministers", "Leaders' Meeting",
                "member economies", "SOM Chair"],
        ["Skidmore", "Owings", "Merrill", "architect", "architects", "architecture",
         "skyscraper", "tower", "pavilion", "ASX", "share price", "stock", "ticker", "explorer",
         "Somerset", "self-organizing", "self-organising", "neural", "Kohonen", "som currency",
         "Kyrgyz", "Uzbek", "Somalia", "Somali", "lithium", "miner", "minerals"],
        ["apec", "apec-sce", "apec-ctwg", "ctwg-workplan-2017"],
        why="Skidmore, Owings & Merrill (architects), ASX/stock tickers, self-organising maps, Kyrgyz/Uzbek som, Somalia's country code",
    ),
    "Senior Officials' Meeting": C(
        [c for c in APEC_STRICT if c not in ("Senior Officials", "Senior Officials' Meeting")]
        + ["CTWG", "SCE", "Steering Committee", "SOM1", "SOM2", "SOM3"],
        ["ASEAN", "ARF", "East Asia Summit", "EAS", "ASEM", "OSCE", "SOMTC", "AMMTC",
         "Arctic Council", "Pacific Islands Forum", "BIMSTEC", "Mekong", "Bali Process",
         "G20", "African Union", "SAARC", "Quad"],
        ["apec", "apec-sce", "apec-ctwg"],
        why="generic: ASEAN, ARF, EAS, ASEM, OSCE, Arctic Council and other bodies' senior officials' meetings; no unambiguous alias left for page evidence (see _newAliases)",
    ),
}
S["apec-cti"] = {
    "APEC Committee on Trade and Investment": U,
    "Committee on Trade and Investment": C(
        APEC_STRICT + ["SCCP", "Customs Procedures", "Business Mobility", "BMG", "Business Travel Card"],
        ["ESCAP", "Economic and Social Commission", "UNCTAD", "SADC", "COMESA", "legislature",
         "state senate", "parliamentary committee", "OIC"],
        ["apec", "cti-sccp", "cti-bmg"],
        why="ESCAP's Committee on Trade and Investment, parliamentary/legislative committees of the same name",
    ),
    "CTI": N(
        APEC + ["Committee on Trade and Investment", "SCCP", "Customs Procedures",
                "Business Mobility", "BMG", "Business Travel Card", "annual report"],
        ["threat intelligence", "cyber threat", "STIX", "TAXII", "IOC", "IOCs", "ESCAP",
         "Economic and Social Commission",
         "threat actor", "threat actors", "malware", "phishing", "TTP", "TTPs", "MITRE",
         "telephony", "computer telephony", "call centre", "call center", "PBX", "caller",
         "Asterisk", "Coral Triangle", "coral", "reef", "reefs", "ablation",
         "flutter", "atrial", "cavotricuspid", "isthmus", "cardiology"],
        ["apec", "cti-sccp", "cti-bmg"],
        why="cyber threat intelligence (APEC digital-economy and cyber pages share cues), computer telephony integration, Coral Triangle Initiative (an Asia-Pacific body), cavotricuspid isthmus (cardiology)",
    ),
}
S["cti-sccp"] = {
    "Subcommittee on Customs Procedures": U,
    "Sub-Committee on Customs Procedures": U,
    "CTI/SCCP": U,
    "CTI SCCP": U,
    "SCCP": N(
        APEC + ["Customs Procedures", "customs", "CTI", "Committee on Trade and Investment",
                "supply chain", "trade facilitation", "AEO", "Authorized Economic Operator",
                "certificates of origin", "single window"],
        ["Cisco", "Skinny", "Skinny Client Control Protocol", "VoIP", "SIP", "phones", "handsets",
         "PBX", "Asterisk", "chan-sccp", "firmware", "TFTP", "protocol", "paraffin",
         "paraffins", "chlorinated", "short-chain", "Stockholm Convention", "POPs",
         "persistent organic", "Scientific Committee", "cosmetic", "cosmetics",
         "consumer products"],
        ["apec-cti", "apec", "aeo", "secure-supply-chains"],
        why="Cisco's Skinny Client Control Protocol, short-chain chlorinated paraffins (whose import bans mention customs), the EU's Scientific Committee on Consumer Products",
    ),
}
S["cti-bmg"] = {
    "Business Mobility Group": C(
        APEC_STRICT + ["Business Travel Card", "ABTC", "travel card", "business travel",
                "business travellers", "business travelers", "pre-cleared", "CTI",
                "Border Capabilities Model"],
        ["law firm", "attorneys", "LLP", "practice group", "immigration law", "Fragomen",
         "relocation", "expatriate", "payroll"],
        ["apec", "apec-cti", "border-capabilities-model", "apec-travel-facilitation-initiative"],
        why="corporate-immigration practice groups and relocation firms' 'business mobility group'",
    ),
    "CTI/BMG": U,
    "BMG": N(
        APEC + ["Business Mobility", "Business Travel Card", "ABTC", "business travel",
                "business travellers", "business travelers", "pre-cleared", "CTI",
                "Border Capabilities Model"],
        ["music", "publishing", "publishing deal", "record label", "label", "songwriter",
         "songwriters", "songs", "album", "Bertelsmann", "royalties", "catalogue", "catalog",
         "artist", "artists", "A&R", "band", "Rights Management", "Bundesministerium",
         "Gesundheit", "Ministry of Health", "motorcycle"],
        ["apec", "apec-cti", "border-capabilities-model"],
        why="BMG Rights Management / BMG music (Bertelsmann), the German health ministry (BMG)",
    ),
}
S["tptwg"] = {
    "Transportation Working Group": C(
        APEC_STRICT + ["MEG-SEC", "AEG-SEC", "Maritime Security Experts Group",
                "Aviation Security Experts Group", "transport ministers", "transportation ministers"],
        ["city council", "county", "transit authority", "bus", "buses", "bike", "bicycle",
         "parking", "cycling", "pedestrian", "G20", "school district"],
        ["apec", "meg-sec", "aeg-sec"],
        why="city, county, G20 and other transport working groups",
    ),
    "TPTWG": U,
    "TPT-WG": U,
}
S["meg-sec"] = {
    "Maritime Security Experts Group": U,
    "Maritime Experts Group": C(
        APEC_STRICT + ["Transportation Working Group", "TPTWG", "TPT-WG", "port security",
                "Aviation Experts Group", "Trade Recovery Program"],
        ["IMO", "shipping company", "classification society", "insurers"],
        ["apec", "tptwg", "aeg-sec", "apec-trade-recovery-program"],
        why="any maritime experts' group (IMO, industry)",
    ),
    "MEG-SEC": U,
    "MEG": N(
        APEC + ["maritime", "TPTWG", "TPT-WG", "Transportation Working Group", "port", "ports",
                "port security", "port inspections", "AEG", "Maritime Security Experts",
                "Trade Recovery Program"],
        ["magnetoencephalography", "EEG", "brain", "neural", "neuroscience", "neurosciences",
         "neuroimaging", "scanner", "scan", "MRI", "seizures", "epilepsy", "helmet", "lab",
         "McGovern", "glycol", "monoethylene", "ethylene", "polyester", "PET", "MEG Energy",
         "oil sands", "TSX", "barrels"],
        ["apec", "tptwg", "aeg-sec"],
        why="magnetoencephalography (MEG scanners, labs), monoethylene glycol (shipping news), MEG Energy (oil sands)",
    ),
}
S["aeg-sec"] = {
    "Aviation Security Experts Group": U,
    "Aviation Experts Group": C(
        APEC_STRICT + ["Transportation Working Group", "TPTWG", "TPT-WG", "Maritime Experts Group",
                "aviation security", "airport security"],
        ["EASA", "Boeing", "Airbus", "investors", "analysts"],
        ["apec", "tptwg", "meg-sec", "aviation-security"],
        why="any aviation experts' group (industry, EASA, analysts)",
    ),
    "AEG-SEC": U,
    "AEG": N(
        APEC + ["aviation", "aviation security", "airport security", "airport", "airports",
                "screening", "TPTWG", "TPT-WG", "Transportation Working Group", "MEG",
                "Aviation Security Experts"],
        ["AEG Presents", "Presents", "concert", "concerts", "promoter", "tour", "tickets",
         "arena", "Anschutz", "LA Galaxy", "Kings", "appliance", "appliances",
         "washing machine", "oven", "Electrolux", "airsoft", "electric gun", "gearbox",
         "Allgemeine", "Elektricitäts", "Elektricitats", "Behrens", "turbine", "Edison",
         "electrical", "Berlin", "bomber", "WWI", "First World War"],
        ["apec", "tptwg", "meg-sec", "aviation-security"],
        why="AEG Presents / Anschutz Entertainment Group (concerts, arenas), AEG the German electrical firm and appliance brand, airsoft AEGs, the WWI aircraft maker",
    ),
}
S["twg"] = {
    "Tourism Working Group": N(
        APEC_STRICT + ["tourist destinations", "protection of tourists", "Travel Facilitation Initiative"],
        ["G20", "G-20", "UNWTO Executive", "PATA"],
        ["apec", "apec-travel-facilitation-initiative", "secure-travel"],
        why="the G20 Tourism Working Group (same tourism cues, hence no-veto), other bodies' tourism working groups",
    ),
    "TWG": N(
        APEC + ["Tourism Working Group", "tourism", "tourist", "tourists",
                "tourist destinations", "Travel Facilitation Initiative"],
        ["Tea", "teas", "boutique", "boutiques", "Technical Working Group",
         "Thematic Working Group", "Thesis Writing Group", "thesis", "writing group", "G20",
         "G-20"],
        ["apec", "apec-travel-facilitation-initiative", "secure-travel"],
        why="TWG Tea (Singapore retailer), technical/thematic working groups, thesis writing groups, the G20 TWG",
    ),
}
S["epwg"] = {
    "Emergency Preparedness Working Group": C(
        APEC_STRICT + ["man-made events", "disaster", "IED", "IEDs", "secure infrastructure"],
        ["hospital", "county", "school", "campus", "university", "public health"],
        ["apec", "ied", "secure-infrastructure", "critical-infrastructure"],
        why="hospital, county, campus and public-health emergency preparedness working groups",
    ),
    "EPWG": U,
}
S["tel"] = {
    "Telecommunications and Information Working Group": U,
    "APEC TEL": U,
    "TEL": N(
        APEC + ["Telecommunications and Information", "SPSG", "Security and Prosperity",
                "TEL Strategy", "Cyber Security Strategy", "TSSOE", "working groups",
                "TEL draft"],
        ["tel:", "phone", "telephone", "fax", "email", "e-mail", "contact", "tickets",
         "clubhouse", "football", "leisure centre", "Tokyo Electron", "semiconductor", "chip equipment",
         "chipmaker", "NYSE", "TE Connectivity", "stock price", "launcher", "launchers",
         "transporter", "erector", "missile", "missiles", "ballistic", "tetraethyl",
         "warranty", "refurbished"],
        ["apec", "spsg", "apec-tel-strategy", "apec-cyber-security-strategy", "tssoe"],
        why="'TEL:' telephone numbers, Tokyo Electron and TE Connectivity (tickers), transporter-erector-launchers in missile news, tetraethyl lead",
    ),
}
S["spsg"] = {
    "Security and Prosperity Steering Group": U,
    "SPSG": C(
        APEC + ["TEL", "Telecommunications and Information", "cyber security", "cybersecurity",
                "Cyber Security Strategy", "TSSOE"],
        ["Schlösser", "Schlosser", "Gärten", "Garten", "Preußische", "Preussische", "Prussian",
         "palace", "palaces", "Sanssouci", "Potsdam", "garden", "gardens", "Stiftung"],
        ["apec", "tel", "apec-cyber-security-strategy"],
        why="Stiftung Preußische Schlösser und Gärten (Prussian Palaces and Gardens Foundation, Potsdam)",
    ),
}
S["abac"] = {
    "APEC Business Advisory Council": U,
    "ABAC": N(
        APEC + ["Business Advisory Council", "business leaders", "business community",
                "CEOs", "Leaders", "STAR Conference", "secure trade", "tariff", "tariffs",
                "exporters"],
        ["attribute-based", "access control", "RBAC", "policy engine", "permissions",
         "authorization", "IAM", "Assumption University", "poll", "consumer confidence",
         "SET index", "alcohol", "advertising code", "beverage", "beverages"],
        ["apec", "star-conference"],
        why="attribute-based access control (security software), the ABAC Poll of Assumption University (Thai news that also covers APEC), Australia's alcohol advertising code",
    ),
}
S["appf"] = {
    "Asia-Pacific Parliamentary Forum": U,
    "APPF": U,
}
S["asean"] = {
    "ASEAN": U,
    "Association of Southeast Asian Nations": U,
}
S["arf"] = {
    "ASEAN Regional Security Forum": U,
    "ASEAN Regional Forum": U,
    "ARF": C(
        ["ASEAN", "Regional Forum", "Regional Security Forum", "Asia-Pacific", "South China Sea",
         "Korean Peninsula", "foreign ministers", "security dialogue", "East Asia Summit", "EAS",
         "ADMM", "Southeast Asia", "confidence-building", "preventive diplomacy",
         "counter-terrorism", "counterterrorism"],
        ["Armenian", "Armenia", "Dashnak", "Dashnaktsutyun", "Yerevan", "Karabakh", "Tiflis",
         "socialist", "Animal Rescue", "rescue", "dogs", "dog", "adoption", "pets", "microchip",
         "Rovers", "Arfon", "league", "goal", "goalkeeper", "penalty", "renal", "kidney",
         "rheumatic", "fever", "cardiology", "clinic", "patient", "Advertising Research"],
        ["asean", "apec", "appf"],
        why="Armenian Revolutionary Federation, animal-rescue charities, football clubs, acute renal failure / rheumatic fever; 'cue' so that ASEAN next to a warning about the Armenian ARF still wins",
    ),
}
G7_CUES = [
    "Group of Seven", "summit", "leaders", "leaders' summit", "ministers", "minister",
    "ministerial", "communiqué", "communique", "presidency", "sanctions", "G20", "G8",
    "heads of state", "foreign ministers", "finance ministers", "Action Plan", "delegation",
    "Hiroshima", "Elmau", "Biarritz", "Ise-Shima", "Charlevoix", "Carbis Bay", "Apulia",
    "Kananaskis", "Taormina", "industrialised", "industrialized", "democracies",
] + TERROR
S["g7"] = {
    "G7": N(
        G7_CUES,
        ["Moto", "Motorola", "LG", "ThinQ", "Canon", "PowerShot", "compact camera",
         "smartphone", "phones", "Snapdragon", "mAh", "megapixel", "vlogger", "vloggers",
         "chord", "chords", "guitar", "fret", "barre", "triad", "ukulele", "piano", "G7 X",
         "G7 Play", "G7 Power", "G7 Plus", "specs", "specifications", "refurbished",
         "budget phone", "teardrop notch"],
        ["g7-action-plan", "fatf", "isil", "ftf"],
        why="Moto G7 and LG G7 phones, Canon PowerShot G7 X, the G7 chord; no-veto because a phone review says 'leaders of the budget segment' — the vetoes are product and music words that never sit next to the Group of Seven",
    ),
    "Group of Seven": N(
        [c for c in G7_CUES if c != "Group of Seven"],
        ["a group of seven", "another group of seven", "group of seven people",
         "group of seven men", "group of seven women", "group of seven students", "painters",
         "painting", "paintings", "Tom Thomson", "Lawren Harris", "A.Y. Jackson",
         "landscape painter", "landscape painting", "canvas", "canvases", "McMichael",
         "Algonquin"],
        ["g7-action-plan"],
        why="the Canadian painters' Group of Seven, and lower-case 'a group of seven ...' (matching is case-insensitive); no-veto so 'a group of seven ministers' is not taken",
    ),
}
S["un"] = {"United Nations": U}
UNSC_CUES = [
    "United Nations", "UN", "U.N.", "UNSC", "resolution", "resolutions", "Secretary-General",
    "Secretary General", "permanent members", "permanent member", "P5", "non-permanent",
    "veto", "vetoed", "sanctions", "sanctions committee", "sanctions list", "1267",
    "Chapter VII", "General Assembly", "peacekeeping", "open debate", "presidency",
    "Council members", "listing", "listed", "designation", "designations", "draft resolution",
    "unanimously", "abstained", "New York", "ambassador to the UN", "Counter-Terrorism Committee",
    "CTED", "Guterres", "chamber", "delegate", "speakers", "adjourned",
] + TERROR
S["unsc"] = {
    "UN Security Council": U,
    "United Nations Security Council": U,
    "Security Council of UN": U,
    "Security Council": N(
        UNSC_CUES,
        ["National Security Council", "Peace and Security Council", "State Security Council",
         "Supreme National Security Council", "National Security and Defense Council",
         "Russia's Security Council", "Russian Security Council", "Kremlin",
         "Kyrgyzstan's Security Council", "Kazakhstan's Security Council",
         "Belarus's Security Council", "Armenia's Security Council",
         "Ukraine's Security Council", "Security Council secretary", "Security Council of Ukraine",
         "Security Council of Russia", "Security Council of the Russian Federation",
         "secretary of the Security Council", "deputy chairman", "Medvedev", "Patrushev",
         "Shoigu", "presidential body"],
        ["unsc-resolutions", "un", "unga", "cted", "unoct", "etim", "asset-freezing"],
        why="national security councils (Russia's, Kyrgyzstan's, Kazakhstan's, Iran's, the US NSC), the AU Peace and Security Council (the alias matches inside it), corporate security councils; no-veto because national councils also discuss terrorism, and the vetoes are precise phrases",
    ),
    "UNSC": C(
        [c for c in UNSC_CUES if c != "UNSC"] + ["Security Council"],
        ["Halo", "Spartan", "Spartans", "Master Chief", "Cortana", "Forerunner", "ODST",
         "Infinity", "Pillar of Autumn", "Xbox", "frigate", "Covenant forces", "Halo Infinite",
         "game", "games"],
        ["unsc-resolutions", "un", "unga", "fatf", "eu"],
        why="the United Nations Space Command of the Halo games",
    ),
    "UN SC": U,
}
S["unga"] = {
    "United Nations General Assembly": U,
    "General Assembly of United Nations": U,
    "UN General Assembly": U,
    "UNGA": U,
}
S["unoct"] = {
    "UN Office for Countering-Terrorism": U,
    "UN Office of Counter-Terrorism": U,
    "United Nations Office of Counter-Terrorism": U,
    "UNOCT": U,
}
S["cted"] = {
    "Counter Terrorism Executive Directorate": U,
    "Counter-Terrorism Committee Executive Directorate": U,
    "CTED": U,
}
S["unesco"] = {
    "UNESCO": U,
    "United Nations Educational, Scientific and Cultural Organization": U,
}
INTERPOL_CUES = [
    "police", "policing", "law enforcement", "Red Notice", "notice", "notices", "wanted",
    "wanted persons", "fugitive", "fugitives", "arrest", "arrested", "extradition", "extradited",
    "extradite", "crime", "crimes", "criminal", "criminals", "Europol", "ASEANAPOL",
    "National Central Bureau", "Lyon", "secretary general", "secretary-general", "General Assembly",
    "member countries", "database", "databases", "stolen", "travel documents", "investigators",
    "investigation", "trafficking", "smuggling", "cybercrime", "liaison", "police cooperation",
    "border", "borders", "customs", "Stolen Works of Art", "PSYCHE", "foreign fighters",
    "foreign terrorist fighters", "International Criminal Police", "Criminal Police Commission",
] + TERROR
BAND = [
    "album", "albums", "song", "songs", "tour", "concert", "concerts", "gig", "gigs",
    "guitar", "guitars", "guitarist", "bass", "bassist", "drummer", "singer", "vocals",
    "Paul Banks", "Daniel Kessler", "Carlos Dengler", "Sam Fogarino",
    "Turn On the Bright Lights", "Bright Lights", "El Pintor", "Antics", "Our Love to Admire",
    "Marauder", "post-punk", "indie", "setlist", "tickets", "vinyl", "DJ", "tabs", "chords",
    "chorus", "Roundhouse", "Olympia", "music", "festival", "Coachella", "Matador",
    "headliner", "headliners", "A&R", "cover band", "tribute",
]
S["interpol"] = {
    "INTERPOL": C(
        INTERPOL_CUES, BAND,
        ["ftf", "interpol-ncb", "interpol-stolen-works-of-art", "psyche", "unesco",
         "antiquities-trafficking", "sco-rats", "wco"],
        why="the band Interpol written in capitals (tour posters, ticket listings); 'cue' so a police cue next to a band mention in a comment still wins for the capitalised form",
    ),
    "Interpol": N(
        INTERPOL_CUES, BAND,
        ["ftf", "interpol-ncb", "interpol-stolen-works-of-art", "psyche", "unesco",
         "antiquities-trafficking", "sco-rats", "wco"],
        why="the New York band Interpol (albums, tours, guitar lessons); no-veto because music pages joke about police (\"Interpol tabs ... wanted-persons pages\"); dropped sameBlock stems 'police organi', 'extradit', 'terroris' in favour of whole words",
    ),
    "International Criminal Police Organization": U,
}
S["interpol-ncb"] = {"National Central Bureau": U}
S["icao"] = {
    "International Civil Aviation Organization": U,
    "ICAO": U,
}
S["wco"] = {
    "World Customs Organization": U,
    "WCO": U,
}
S["fatf"] = {
    "Financial Action Task Force": U,
    "FATF": U,
}
S["fiu"] = {
    "Financial Intelligence Unit": U,
    "FIU": N(
        ["Financial Intelligence", "money laundering", "anti-money laundering", "AML", "CFT",
         "AML/CFT", "suspicious transaction", "suspicious transactions",
         "suspicious transaction reports", "suspicious activity", "STR", "STRs", "SAR", "SARs",
         "FATF", "Egmont", "Egmont Group", "terrorist financing", "financing of terrorism",
         "FinCEN", "AUSTRAC", "TRACFIN", "goAML", "reporting entities", "asset freezing",
         "typologies", "financial intelligence units"],
        ["Florida International University", "Florida", "Miami",
         "Department of Politics", "students", "student", "Panthers", "campus", "football",
         "basketball", "Wertheim", "Performing Arts", "Conference USA", "big bands", "jazz",
         "fire investigation"],
        ["fatf", "terrorist-financing", "asset-freezing", "secure-finance"],
        why="Florida International University (FIU, Miami), which also runs terrorism and financial-crime research, hence no-veto",
    ),
}
S["gctf"] = {
    "Global Counterterrorism Forum": U,
    "Global Counter-Terrorism Forum": U,
    "GCTF": N(
        TERROR + ["Global Counterterrorism Forum", "forum", "co-chairs", "co-chair",
                  "good practices", "memorandum", "Rome Memorandum", "Hague", "Abu Dhabi",
                  "Hedayah", "GCERF", "IIJ", "ministerial", "working group", "ICCM"],
        ["Taiwan", "Taiwanese", "Taipei", "Global Cooperation and Training Framework", "AIT",
         "American Institute in Taiwan", "Taiwan-US", "US-Taiwan"],
        ["hedayah", "gcerf", "iccm", "cve", "un-gcts"],
        why="Taiwan–US Global Cooperation and Training Framework (GCTF), whose workshops can touch on extremism and disinformation",
    ),
}
S["gcerf"] = {
    "Global Community Engagement and Resilience Fund": U,
    "GCERF": U,
}
S["hedayah"] = {
    "Hedayah": U,
    "International Center of Excellence for Countering Violent Extremism": U,
}
SCO_CUES = [
    "Shanghai", "Shanghai Cooperation", "Cooperation Organisation", "Cooperation Organization",
    "separatism", "separatist", "three evil forces", "three forces of evil", "Central Asia",
    "Central Asian", "Eurasian", "Regional Anti-Terrorist Structure", "RATS", "Tashkent",
    "Beijing", "Moscow", "Kazakhstan", "Kyrgyzstan", "Tajikistan", "Uzbekistan", "Astana",
    "Bishkek", "Dushanbe", "Tianjin", "Qingdao", "Samarkand", "heads of state", "member states",
    "summit", "bloc", "Peace Mission", "CSTO", "BRICS", "Afghanistan",
] + TERROR
S["sco"] = {
    "Shanghai Cooperation Organization": U,
    "Shanghai Cooperation Organisation": U,
    "SCO": N(
        SCO_CUES,
        ["Unix", "UnixWare", "OpenServer", "Xenix", "IBM", "Novell", "Caldera", "SCO Group",
         "Santa Cruz", "Santa Cruz Operation", "Linux", "software firm", "software company",
         "Groklaw", "licence fee", "scoadmin", "uname", "rugby", "Six Nations", "Murrayfield",
         "Scotland", "Scottish", "WAL", "ENG", "IRE", "FRA", "ITA", "half-time",
         "Chamber Orchestra", "orchestra", "symphony", "conductor", "Tweed", "catchment"],
        ["sco-rats", "csto", "brics", "three-evil-forces", "shanghai-convention", "peace-mission",
         "etim", "imu", "cpec", "bri"],
        why="the SCO Group (Unix vendor), Scotland in sports tables and river codes (ENG/SCO), the Scottish Chamber Orchestra; no-veto because a page warning 'not to be confused with the Shanghai body' names both; dropped stems 'terror', 'extremis', 'separatis' for whole words",
    ),
}
S["sco-rats"] = {
    "Regional Anti-Terrorist Structure": U,
    "RATS": C(
        ["SCO", "Shanghai", "Shanghai Cooperation", "Tashkent", "Regional Anti-Terrorist",
         "Regional Anti-Terrorism", "Anti-Terrorist Structure", "Executive Committee",
         "database", "watch list", "member states", "Interpol", "wanted"] + TERROR,
        ["rodent", "rodents", "mice", "mouse", "pest", "pests", "pest control", "exterminator",
         "traps", "sewer", "Estima", "econometric", "econometrics", "time series", "regression",
         "trojan", "remote access", "source code audit"],
        ["sco", "interpol", "ftf", "csto"],
        why="rats written in capitals (pest-control headings), the RATS econometrics package and code-audit tool",
    ),
}
S["csto"] = {
    "CSTO": U,
    "Collective Security Treaty Organization": U,
}
S["brics"] = {"BRICS": U}
S["eu"] = {
    "European Union": U,
    "EU": U,
}
S["nato"] = {
    "North Atlantic Treaty Organization": U,
    "NATO": U,
}
S["african-union"] = {
    "African Union": U,
    "AU": N(
        ["African Union", "AMISOM", "ATMIS", "AUSSOM", "Addis Ababa", "African", "Africa",
         "Somalia", "Somali", "Sudan", "Sahel", "Peace and Security Council", "peacekeeping",
         "peacekeepers", "peace mission", "mission", "troops", "summit", "Commission",
         "commissioner", "chairperson", "Moussa Faki", "member states", "ECOWAS", "IGAD",
         "SADC", "Mali", "Niger", "Burkina Faso", "Libya", "Ethiopia", "coup", "suspended",
         "Al-Shabaab", "al-Shabab", "transitional justice"] + TERROR,
        ["au$", "gold", "XAU", "ounce", "ounces", "bullion", "ASX", "AUD", "A$",
         "Australian dollar", "astronomical", "orbit", "planet", "planets",
         "asteroid", "comet", "Jupiter", "Mars", "flight", "flights", "departs", "arrives",
         "American University", "Auburn", "miner", "explorer", "NZ", "New Zealand",
         "area unit"],
        ["african-union", "amisom", "al-shabaab", "unsc", "un"],
        why="AU$ (Australian dollar) and Au (gold) in East African mining news that also says 'African', astronomical units, the AU airline code, American/Auburn University",
    ),
}
S["amisom"] = {
    "African Union Mission in Somalia": U,
    "AMISOM": U,
}
S["searcct"] = {
    "Southeast Asia Regional Centre for Counter-Terrorism": U,
    "Southeast Asia Regional Center for Counter-Terrorism": U,
    "Southeast Asia Regional Center of Counter-Terrorism": U,
    "SEARCCT": U,
}
S["bnpt"] = {
    "National Counter-Terrorism Agency": N(
        ["Indonesia", "Indonesian", "BNPT", "Jakarta", "Badan Nasional", "Penanggulangan",
         "Terorisme", "Densus 88", "Detachment 88", "Bali", "Poso", "Sulawesi",
         "Jemaah Islamiyah", "JI", "JAD", "deradicalization", "deradicalisation",
         "rehabilitation centre"],
        ["stand-alone", "a national counter-terrorism agency",
         "own national counter-terrorism agency", "Nigeria", "Nigerian", "Kenya", "Ghana",
         "Sri Lanka", "Philippines", "NACTA"],
        ["jemaah-islamiyah", "jad", "jat", "mit", "deradicalization"],
        why="the generic phrase for any country's agency ('Malaysia has never created a stand-alone national counter-terrorism agency'); no-veto because such sentences often contrast with Indonesia",
    ),
    "BNPT": U,
}
S["ciis"] = {
    "China Institute of International Studies": U,
    "China Institute of the International Studies": U,
    "CIIS": N(
        ["China Institute", "China", "Chinese", "Beijing", "Foreign Affairs", "foreign ministry",
         "Ministry of Foreign Affairs", "think tank", "seminar", "Belt and Road", "BRI"],
        ["California", "San Francisco", "Integral", "Integral Studies", "psychology",
         "counseling", "counselling", "somatic", "expressive arts", "psychedelic",
         "mindfulness", "tea", "Psychology", "Department of Psychology"],
        ["bri", "seminar-2020", "double-standards"],
        why="California Institute of Integral Studies (San Francisco), whose lecturers can also talk about China; no-veto for that reason",
    ),
}
S["al-azhar"] = {
    "Al-Azhar": C(
        ["Egypt", "Egyptian", "Cairo", "Grand Imam", "Sheikh", "Imam", "Islamic", "Sunni",
         "mosque", "scholars", "scholar", "religious", "fatwa", "clerics", "counter-narrative",
         "counter-narratives", "Ahmed al-Tayeb", "al-Tayeb"] + TERROR,
        ["Jakarta", "Universitas", "Kebayoran", "Gaza", "Khan Younis", "Park", "Al-Azhar Park",
         "school", "schools"],
        ["counter-narrative", "searcct"],
        why="Al-Azhar University in Gaza, Indonesia's Al-Azhar university and schools, Cairo's Al-Azhar Park and street",
    ),
}

# ── Instruments ─────────────────────────────────────────────────────────────────────
S["unsc-resolutions"] = {
    "UNSCR": U,
    "UN Security Council resolution": U,
    "UNSC resolution": U,
    "UN SC resolution": U,
    "Security Council resolution": U,
    "resolutions of the UN Security Council": U,
}


def number_rule(number, topical, cue_terms, extra_vetoes=()):
    return N(
        NUMBER_CUES + topical,
        NUMBER_VETOES + list(extra_vetoes),
        ["unsc", "unsc-resolutions"] + cue_terms,
        pe=False,
        why=f"a bare number: a year, price, address, phone number, index level or count ('{number} attacks'); no-veto so 'dates from {number} ... resolution' is not taken; table cells with the number alone need the table header in the context",
    )


RES = {
    "1373": (["terrorist financing", "financing of terrorism", "Counter-Terrorism Committee",
              "CTC", "criminalise", "criminalize", "freeze funds", "September 11"],
             ["terrorist-financing", "cted"], ["1373 AD"]),
    "1540": (["1540 Committee", "non-state actors", "weapons of mass destruction", "WMD",
              "non-proliferation", "nuclear, chemical or biological", "biological weapons"],
             [], ["warheads"]),
    "1566": (["definition of terrorism", "criminal acts", "terrorist acts", "1566 working group"],
             [], []),
    "2170": (["ISIL", "Al-Nusra", "Nusra Front", "foreign terrorist fighters"],
             ["isil", "jabhat-al-nusra", "ftf"], []),
    "2178": (["foreign terrorist fighters", "foreign fighters", "FTF", "FTFs", "travel"],
             ["ftf"], []),
    "2199": (["ISIL", "Al-Nusra", "oil", "antiquities", "cultural property"],
             ["isil", "antiquities-trafficking", "terrorist-financing"], []),
    "2253": (["ISIL (Da'esh) and Al-Qaida", "Al-Qaida sanctions", "1267", "sanctions list",
              "Da'esh", "Al-Qaida"], ["isil", "al-qaeda", "asset-freezing"], []),
    "2354": (["terrorist narratives", "counter-narrative", "counter-narratives",
              "Comprehensive International Framework", "incitement", "propaganda"],
             ["counter-narrative", "comprehensive-international-framework"], []),
}
YEARS = {"1373": "2001", "1540": "2004", "1566": "2004", "2170": "2014", "2178": "2014",
         "2199": "2015", "2253": "2015", "2354": "2017"}
for num, (topical, terms, extra) in RES.items():
    tid = f"unscr-{num}"
    S[tid] = OrderedDict()
S["unscr-1373"] = {
    "1373": number_rule("1373", *RES["1373"][:2], RES["1373"][2]),
    "1373(2001)": U, "1373 (2001)": U, "resolution 1373": U, "UNSCR 1373": U,
}
S["unscr-1540"] = {
    "1540": number_rule("1540", *RES["1540"][:2], RES["1540"][2]),
    "1540(2004)": U, "1540 (2004)": U, "resolution 1540": U, "UNSCR 1540": U,
}
S["unscr-1566"] = {
    "1566": number_rule("1566", *RES["1566"][:2], RES["1566"][2]),
    "resolution 1566": U, "1566 (2004)": U, "UNSCR 1566": U,
}
S["unscr-2170"] = {
    "2170": number_rule("2170", *RES["2170"][:2], RES["2170"][2]),
    "2170(2014)": U, "2170 (2014)": U, "resolution 2170": U, "UNSCR 2170": U,
}
S["unscr-2178"] = {
    "2178": number_rule("2178", *RES["2178"][:2], RES["2178"][2]),
    "2178(2014)": U, "2178 (2014)": U, "resolution 2178": U, "UNSCR 2178": U,
}
S["unscr-2199"] = {
    "2199": number_rule("2199", *RES["2199"][:2], RES["2199"][2]),
    "2199(2015)": U, "2199 (2015)": U, "resolution 2199": U, "UNSCR 2199": U,
}
S["unscr-2253"] = {
    "2253": number_rule("2253", *RES["2253"][:2], RES["2253"][2]),
    "2253(2015)": U, "2253 (2015)": U, "resolution 2253": U, "UNSCR 2253": U,
}
S["unscr-2354"] = {
    "2354": number_rule("2354", *RES["2354"][:2], RES["2354"][2]),
    "UN Security Council resolution 2354": U, "UNSC resolution 2354": U,
    "resolution 2354": U, "2354 (2017)": U, "UNSCR 2354": U,
}
NARRATIVE = [
    "terrorist narratives", "counter terrorist narratives", "counter-narrative",
    "counter-narratives", "counter narrative", "propaganda", "incitement", "2354",
    "resolution 2354", "alternative narratives", "religious leaders", "online",
] + TERROR
S["comprehensive-international-framework"] = {
    "Comprehensive International Framework": C(
        NARRATIVE,
        ["climate", "AI", "artificial intelligence", "tax", "taxation", "carbon", "emissions",
         "data protection", "privacy", "pandemic", "pandemics", "biodiversity", "ocean",
         "plastics", "refugees", "migration", "cyber norms", "space debris", "nuclear"],
        ["unscr-2354", "counter-narrative", "violent-extremism"],
        pe=False,
        why="a generic phrase ('a comprehensive international framework' on AI, tax, climate, pandemics, plastics); page evidence off because security pages use it loosely too",
    ),
    "comprehensive framework to counter terrorist narratives": U,
    "Comprehensive International Framework to Counter Terrorist Narratives": U,
}
S["un-charter"] = {
    "UN Charter": U,
    "charter of the UN": U,
    "Charter of the United Nations": U,
}
GCTS_CUES = [
    "UN", "U.N.", "United Nations", "General Assembly", "review", "biennial review",
    "Member States", "four pillars", "pillars", "UNOCT", "Office of Counter-Terrorism",
    "Secretary-General", "Secretary General", "2006", "adopted by consensus", "Compact",
    "implementation", "Plan of Action",
]
GCTS_VETOES = [
    "White House", "Pentagon", "Biden", "Trump", "Obama", "National Strategy for Counterterrorism",
    "CONTEST", "Home Office", "Britain's", "America's", "administration's",
]
S["un-gcts"] = {
    "UN Global Counter-Terrorism Strategy": U,
    "UN Global Counterterrorism Strategy": U,
    "Global Counter-Terrorism Strategy": C(
        GCTS_CUES, GCTS_VETOES, ["un", "unga", "unoct", "pve-plan-of-action", "global-ct-compact"],
        why="any government's 'global counter-terrorism strategy' (a US administration's, the UK's CONTEST) in lower or title case",
    ),
    "Global Counterterrorism Strategy": C(
        GCTS_CUES, GCTS_VETOES, ["un", "unga", "unoct", "pve-plan-of-action", "global-ct-compact"],
        why="same as the hyphenated spelling: national strategies with a global scope",
    ),
    "United Nations Global Counter-Terrorism Strategy": U,
}
PVE_PLAN_CUES = [
    "violent extremism", "prevent violent extremism", "preventing violent extremism", "PVE",
    "P/CVE", "extremism", "national action plans", "national plans", "General Assembly",
    "Ban Ki-moon", "UN", "United Nations", "Global Counter-Terrorism Strategy", "2015", "2016",
] + TERROR
S["pve-plan-of-action"] = {
    "PVE Plan of Action": U,
    "Secretary General's Plan of Action": C(
        PVE_PLAN_CUES,
        ["OIC", "NATO", "Commonwealth", "internal displacement", "hate speech", "water",
         "sanitation", "disaster risk", "road safety", "malaria", "AIDS", "HIV", "Sahel"],
        ["pve", "cve", "violent-extremism", "un-gcts", "unoct"],
        why="other secretaries-general's plans of action (OIC, Commonwealth) and other UN SG plans of action (internal displacement, water, hate speech)",
    ),
    "Secretary-General's Plan of Action": C(
        PVE_PLAN_CUES,
        ["OIC", "NATO", "Commonwealth", "internal displacement", "hate speech", "water",
         "sanitation", "disaster risk", "road safety", "malaria", "AIDS", "HIV", "Sahel"],
        ["pve", "cve", "violent-extremism", "un-gcts", "unoct"],
        why="as the unhyphenated spelling: other SGs' and other UN plans of action",
    ),
    "Plan of Action to Prevent Violent Extremism": N(
        ["Secretary-General", "Secretary General", "UN", "U.N.", "United Nations",
         "Ban Ki-moon", "General Assembly", "Global Counter-Terrorism Strategy",
         "UN Office of Counter-Terrorism", "presented in 2015"],
        ["national plan of action", "regional plan of action", "county plan", "county action plan",
         "local plan", "Kenya's", "Nigeria's", "Somalia's", "Albania's", "Tunisia's",
         "our national"],
        ["un-gcts", "unoct", "unga"],
        why="national and regional plans of action to prevent violent extremism (Kenya, Nigeria, SADC): the alias matches inside 'National Plan of Action to Prevent Violent Extremism'",
    ),
    "Secretary-General's Plan of Action to Prevent Violent Extremism": U,
    "Secretary General's Plan of Action to Prevent Violent Extremism": U,
}
S["universal-ct-instruments"] = {
    "international anti-terrorism conventions": U,
    "universal counter-terrorism conventions": U,
    "universal international legal instruments against terrorism": U,
}
AVIATION = [
    "aviation", "civil aviation", "ICAO", "airspace", "aircraft", "airline", "airlines",
    "airport", "airports", "air navigation", "1944", "contracting states", "contracting state",
    "flights", "overflight", "Annex", "SARPs", "Standards and Recommended Practices",
    "aviation security", "unlawful interference",
]
S["chicago-convention"] = {
    "Convention on International Civil Aviation": U,
    "Chicago Convention": C(
        AVIATION + ["Article 1", "sovereignty"],
        ["Democratic", "Democrats", "DNC", "Republican", "nominee", "nomination", "Harris",
         "Biden", "1968", "protesters", "Comic", "comic con", "fans", "United Center",
         "McCormick Place", "convention center", "convention centre", "attendees",
         "hotel", "hotels", "exhibitors", "booth"],
        ["icao", "annex-17", "aviation-security", "usap"],
        why="party conventions held in Chicago (DNC 1968, 2024), trade shows and fan conventions in Chicago",
    ),
}
S["annex-17"] = {
    "Annex 17 to the Chicago Convention": U,
    "Annex 17 to the Convention on International Civil Aviation": U,
    "Annex 17": C(
        [c for c in AVIATION if c != "Annex"] + ["Chicago Convention", "security programme", "screening", "USAP",
                    "insider threat", "hold baggage", "access control", "airport security"],
        ["REACH", "tender", "contract", "appendix", "schedule", "see Annex", "Annex 16 of the",
         "table", "form", "MARPOL", "treaty annexes", "regulation (EU)", "directive",
         "CITES", "specification"],
        ["icao", "chicago-convention", "aviation-security", "usap"],
        why="annex 17 of any other treaty, contract, tender, EU act or report",
    ),
}
S["g7-action-plan"] = {
    "G7 Action Plan on Countering Terrorism and Violent Extremism": U,
    "Action Plan on Countering Terrorism and Violent Extremism": U,
}
S["appf-resolution-2021"] = {
    "Resolution on Countering Terrorism and Extremism in the Asia-Pacific Region": U,
}
S["appf28-res-15"] = {
    "APPF28/RES/15": U,
    "Resolution on Countering Terrorism in the Asia-Pacific Region": U,
}
S["apec-ct-secure-trade-strategy"] = {
    "APEC Consolidated Counter-Terrorism and Secure Trade Strategy": U,
    "Consolidated Counter-Terrorism and Secure Trade Strategy": U,
    "Consolidated Counter Terrorism and Secure Trade Strategy": U,
    "APEC Counter-Terrorism and Secure Trade Strategy": U,
    "Counter-Terrorism and Secure Trade Strategy": U,
}
PLAN_VETOES = [
    "university", "universities", "hospital", "hospitals", "school", "schools", "district",
    "library", "libraries", "NHS", "faculty", "students", "patients", "department of",
    "council", "museum", "church", "diocese", "trust", "foundation", "board of trustees",
    "county", "city of", "campus", "nursing",
]
S["ctwg-strategic-plan-2018-2022"] = {
    "CTWG Strategic Plan 2018-2022": U,
    "Strategic Plan 2018-2022": C(
        [c for c in CTWG_CUES if c != "Strategic Plan"] + ["Counter-Terrorism Working Group", "focus area", "focus areas", "FA1", "FA5",
                     "key performance indicators", "mid-term"],
        PLAN_VETOES, ["apec-ctwg", "apec", "ctap", "ctwg-strategic-plan-2013-2017"],
        why="every organisation's 'Strategic Plan 2018–2022' (universities, hospitals, councils, agencies)",
    ),
    "Strategic Plan of 2018-2022": C(
        [c for c in CTWG_CUES if c != "Strategic Plan"] + ["Counter-Terrorism Working Group", "focus area", "focus areas"],
        PLAN_VETOES, ["apec-ctwg", "apec", "ctap", "ctwg-strategic-plan-2013-2017"],
        why="as 'Strategic Plan 2018-2022': any organisation's plan for that period",
    ),
    "2018 - 2022 Strategic Plan": C(
        [c for c in CTWG_CUES if c != "Strategic Plan"] + ["Counter-Terrorism Working Group", "focus area", "focus areas"],
        PLAN_VETOES, ["apec-ctwg", "apec", "ctap", "ctwg-strategic-plan-2013-2017"],
        why="as 'Strategic Plan 2018-2022': any organisation's plan for that period",
    ),
    "APEC Counter-Terrorism Working Group Strategic Plan 2018-2022": U,
}
S["ctwg-strategic-plan-2013-2017"] = {
    "CTWG Strategic Plan 2013-2017": U,
    "Strategic Plan 2013-2017": C(
        [c for c in CTWG_CUES if c != "Strategic Plan"] + ["Counter-Terrorism Working Group"],
        PLAN_VETOES, ["apec-ctwg", "apec", "ctwg-strategic-plan-2018-2022", "ctwg-workplan-2017"],
        why="every organisation's 'Strategic Plan 2013–2017'",
    ),
}
S["ctwg-workplan-2017"] = {
    "Proposed Workplan for 2017": C(
        [c for c in CTWG_CUES if c != "workplan"] + ["Counter-Terrorism Working Group", "SOM1", "2017/SOM1", "CTWG Chair",
                     "Nha Trang", "deliverables"],
        PLAN_VETOES, ["apec-ctwg", "apec", "apec-sce", "apec-som"],
        why="any body's proposed workplan for 2017 (committees, councils, NGOs)",
    ),
    "2017/SOM1/CTWG/004": U,
    "2017/SOM1/SCE-COW/002": U,
}
S["ctap"] = {
    "Counter-Terrorism Action Plan": C(
        APEC + ["member economy", "member economies", "economies", "CTWG", "CTAPs",
                "trade security", "secure trade", "updated every"],
        ["EU", "European Union", "European Commission", "Council of Europe", "G8", "CTAG",
         "Counter-Terrorism Action Group", "Home Office", "federal government", "Länder",
         "Australia's national", "city", "police", "Quad"],
        ["apec", "apec-ctwg", "aeo", "ctwg-strategic-plan-2018-2022"],
        why="the EU's and national counter-terrorism action plans, the G8 CTAG, city/police plans",
    ),
    "Counter Terrorism Action Plan": C(
        APEC + ["member economy", "member economies", "economies", "CTWG", "CTAPs",
                "trade security", "secure trade"],
        ["EU", "European Union", "European Commission", "Council of Europe", "G8", "CTAG",
         "Home Office", "federal government", "city", "police", "Quad"],
        ["apec", "apec-ctwg", "aeo", "ctwg-strategic-plan-2018-2022"],
        why="as the hyphenated spelling: other bodies' counter-terrorism action plans",
    ),
    "CTAP": N(
        APEC + ["Counter-Terrorism Action Plan", "Counter Terrorism Action Plan", "member economy",
                "member economies", "CTWG", "trade security", "secure trade"],
        ["FIDO", "FIDO2", "WebAuthn", "authenticator", "authenticators", "passkey", "passkeys",
         "security key", "hardware keys", "U2F", "USB", "NFC", "Bluetooth",
         "Client to Authenticator", "protocol", "browser", "operating system",
         "California Technical Assistance", "CalFire"],
        ["apec", "apec-ctwg"],
        why="FIDO's Client to Authenticator Protocol (CTAP), which sits next to 'security' words on passkey/security-key pages",
    ),
}
S["apec-leaders-statement-2001"] = {
    "Leaders' Statement on Counter-Terrorism": C(
        APEC + ["Shanghai", "2001", "October 2001", "Leaders' Statement on Fighting Terrorism",
                "CTWG", "Los Cabos"],
        ["ASEAN", "East Asia Summit", "EAS", "G20", "Quad", "BRICS", "Commonwealth", "G7",
         "NATO", "Antalya"],
        ["apec", "apec-leaders-statement-2002", "apec-ctwg"],
        why="other summits' leaders' statements on counter-terrorism (EAS, ASEAN, G20, Quad)",
    ),
}
S["apec-leaders-statement-2002"] = {
    "Leaders' Statement on Fighting Terrorism and Promoting Growth": U,
}
S["apec-leaders-declaration-2016"] = {
    "2016 Leaders Declaration": C(
        APEC + ["Lima", "Peru", "CTWG", "Counter-Terrorism and Secure Trade Strategy",
                "Joint Ministerial Statement"],
        ["G20", "Hangzhou", "G7", "Ise-Shima", "ASEAN", "Vientiane", "NATO", "Warsaw", "BRICS",
         "Goa", "SCO", "Tashkent", "EAS", "Commonwealth", "UN Summit", "New York Declaration"],
        ["apec", "apec-ministerial-statement-2016", "apec-ctwg", "apec-ct-secure-trade-strategy"],
        why="other 2016 leaders' declarations (G20 Hangzhou, NATO Warsaw, BRICS Goa, ASEAN, SCO Tashkent)",
    ),
}
S["apec-ministerial-statement-2016"] = {
    "2016 APEC Joint Ministerial Statement": U,
    "2016 Ministerial Joint Statement": C(
        APEC + ["Lima", "Peru", "CTWG", "API/PNR", "FTF", "travel threat"],
        ["G20", "ASEAN", "ASEM", "EU", "OSCE", "Mekong", "ECOWAS", "WTO", "Nairobi"],
        ["apec", "apec-leaders-declaration-2016", "pnr", "ftf", "apec-ctwg"],
        why="other bodies' 2016 ministerial joint statements (G20, ASEAN, WTO, Mekong)",
    ),
    "2016 Ministerial Statement": C(
        APEC + ["Lima", "Peru", "CTWG", "API/PNR", "FTF", "travel threat"],
        ["G20", "ASEAN", "ASEM", "EU", "OSCE", "Mekong", "ECOWAS", "WTO", "Nairobi"],
        ["apec", "apec-leaders-declaration-2016", "pnr", "ftf", "apec-ctwg"],
        why="any 2016 ministerial statement (G20, WTO Nairobi, ASEAN)",
    ),
}
S["independent-assessment-2013"] = {
    "Independent Assessment of the APEC Counter-Terrorism Task Force": U,
    "Independent Assessor's report": C(
        APEC + ["CTTF", "Counter-Terrorism Task Force", "task force", "CTWG", "working group",
                "recommendations", "2013"],
        ["rail", "railway", "stadium", "council", "school", "planning", "police",
         "Grenfell", "Ofsted", "NHS"],
        ["apec-cttf", "apec-ctwg", "apec"],
        why="independent assessors' reports in planning, rail, schools, policing and public inquiries",
    ),
}
S["apec-cyber-security-strategy"] = {"APEC Cyber Security Strategy": U}
S["apec-tel-strategy"] = {"APEC TEL Strategy": U}
S["shanghai-convention"] = {
    "Shanghai Convention on Combating Terrorism, Separatism and Extremism": U,
    "Shanghai Convention": C(
        ["SCO", "Shanghai Cooperation", "separatism", "extremism", "three evil forces",
         "three forces of evil", "2001", "June 2001", "extradition", "signed", "ratified",
         "Yekaterinburg"] + TERROR,
        ["Center", "Centre", "Convention Center", "exhibition", "expo", "venue", "hall",
         "conference center", "booth", "exhibitors", "trade fair", "hotel"],
        ["sco", "sco-rats", "three-evil-forces", "sco-convention-2009",
         "russia-china-ct-agreement-2010"],
        why="the Shanghai convention/exhibition centres (the alias matches inside 'Shanghai Convention Center') and conventions held in Shanghai",
    ),
}
S["sco-convention-2009"] = {
    "Convention of the Shanghai Cooperation Organization against Terrorism": U,
    "SCO Convention against Terrorism": U,
}
S["sco-statement-2020"] = {
    "Countering the Spread of Terrorist, Separatist and Extremist Ideology": U,
}
S["brics-ct-strategy"] = {"BRICS Counter-Terrorism Strategy": U}
S["russia-china-treaty-2001"] = {
    "Treaty on good-neighborliness, friendship and cooperation": N(
        ["Russia", "Russian", "Moscow", "Sino-Russian", "Russia-China", "China-Russia",
         "Russian-Chinese", "Chinese-Russian", "Putin", "Jiang Zemin", "2001", "Article 20"],
        ["Kyrgyzstan", "Kazakhstan", "Tajikistan", "Uzbekistan", "Turkmenistan", "Mongolia",
         "Pakistan", "Afghanistan", "Germany", "Poland", "Vietnam", "Kyrgyz", "Kazakh", "Tajik",
         "Uzbek", "Mongolian"],
        ["russia-china-ct-agreement-2010", "sco", "shanghai-convention"],
        why="China's and Russia's treaties of the same name with Central Asian states, Mongolia, Pakistan, Afghanistan; Germany–Poland's; no-veto because these also name China or Russia",
    ),
}
S["russia-china-ct-agreement-2010"] = {
    "Cooperation in the fight against terrorism, separatism and extremism": N(
        ["Russia", "Russian", "Sino-Russian", "Russia-China", "China-Russia", "Russian-Chinese",
         "agreement", "bilateral", "2010", "Agreement between China and Russia",
         "Agreement between Russia and China"],
        ["SCO", "Shanghai Cooperation", "member states", "RATS", "Kazakhstan", "Kyrgyzstan",
         "Tajikistan", "Uzbekistan", "CSTO", "CIS", "Shanghai Convention"],
        ["russia-china-treaty-2001"],
        pe=False,
        why="the SCO's stock phrase ('member states' cooperation in the fight against terrorism, separatism and extremism'), other bilateral agreements; the term has no unambiguous alias, so page evidence is off",
    ),
}
S["pakistan-national-action-plan"] = {
    "National Action Plan": N(
        ["Pakistan", "Pakistani", "Islamabad", "Peshawar", "Army Public School", "APS",
         "Apex Committee", "NACTA", "National Counter Terrorism Authority", "20-point",
         "20 points", "twenty points", "fourteen points", "madrassa", "madrassas", "madrasa",
         "madrasah", "seminaries", "Khyber Pakhtunkhwa", "Balochistan", "Punjab", "Sindh",
         "Karachi", "Zarb-e-Azb", "Raddul Fasaad", "Radd-ul-Fasaad", "Azm-e-Istehkam",
         "military courts", "Nawaz Sharif", "TTP", "Tehrik-e-Taliban", "Tehrik-i-Taliban",
         "proscribed", "revised NAP", "NAP"],
        ["a national action plan", "national action plans", "own national action plan",
         "national action plan on", "national action plan for", "Business and Human Rights",
         "Women, Peace and Security", "WPS", "1325", "climate", "adaptation", "biodiversity",
         "NBSAP", "HIV", "AIDS", "antimicrobial", "AMR", "child labour", "child labor",
         "nutrition", "tuberculosis", "disability", "Open Government", "OGP",
         "trafficking in persons", "road safety", "Kenya", "Kenya's", "Nigeria", "Nigeria's",
         "Ministry of Human Rights", "gender", "preventing and countering violent extremism"],
        ["ttp", "cpec", "terrorist-financing", "fatf"],
        why="any country's national action plan on anything (business and human rights, WPS, climate, AMR, Kenya's PCVE plan), including Pakistan's own non-CT plans; the term has no unambiguous alias (see _newAliases)",
    ),
}

# ── Programmes ──────────────────────────────────────────────────────────────────────
S["star-conference"] = {
    "Secure Trade in the APEC Region": U,
    "STAR Conference": C(
        APEC + ["Secure Trade in the APEC Region", "secure trade", "customs", "private sector",
                "public-private", "trade security", "port", "ports", "supply chain"],
        ["EuroSTAR", "software testing", "testers", "Star Alliance", "students", "astronomy",
         "telescope", "wellness", "church", "youth"],
        ["apec", "abac", "apec-ctwg", "apec-ct-secure-trade-strategy", "secure-supply-chains"],
        why="other conferences called STAR (software-testing EuroSTAR, academic and youth STAR conferences)",
    ),
    "STAR": N(
        APEC + ["Secure Trade in the APEC Region", "secure trade", "customs", "private sector",
                "public-private", "trusted traders", "single window", "trade security",
                "STAR Conference"],
        ["Alliance", "Star Alliance", "STAR ALLIANCE", "partner carrier", "frequent flyer",
         "miles", "lounge", "RNAV", "SID", "arrival routes", "arrival procedures", "runway",
         "waypoint", "AIRAC", "charts", "pilots", "Star Wars", "newspaper", "The Star",
         "star rating", "STAR method", "situation, task", "Tribune"],
        ["apec", "abac", "star-conference", "apec-ct-secure-trade-strategy"],
        why="Star Alliance and 'STAR partner carrier' on airline pages, RNAV STAR arrival procedures on aviation-security pages, the STAR interview method, newspapers and ratings",
    ),
}
S["aeo"] = {
    "Authorized Economic Operator": U,
    "Authorised Economic Operator": U,
    "AEO": N(
        ["Authorized Economic Operator", "Authorised Economic Operator", "customs", "Customs",
         "supply chain", "supply chain security", "WCO", "World Customs Organization",
         "SAFE Framework", "mutual recognition", "MRA", "MRAs", "trusted trader",
         "trusted traders", "certified", "certification", "accredited", "importer", "importers",
         "exporter", "exporters", "C-TPAT", "border", "trade facilitation", "AEO-S", "AEO-C",
         "AEO status", "freight forwarder", "consignments", "secure trade", "certificate",
         "AEO certificate", "AEO holders", "AEO programme", "AEO program"],
        ["American Eagle", "American Eagle Outfitters", "Outfitters", "Aerie", "apparel",
         "retailer", "earnings", "NYSE", "DJIA", "GME", "SEO", "search engine", "answer engine",
         "answer engine optimisation", "answer engine optimization", "chatbots", "chatbot",
         "AI search", "marketing", "structured data", "headings", "redesign"],
        ["wco", "cti-sccp", "secure-supply-chains", "wco-security-programme", "apec"],
        why="American Eagle Outfitters (ticker AEO; retail news mentions supply chains), answer engine optimisation (marketing); dropped nothing from sameBlock",
    ),
}
S["apec-trade-recovery-program"] = {
    "APEC Trade Recovery Program": U,
    "Trade Recovery Program": C(
        APEC + ["Maritime Security Experts Group", "MEG", "ports", "port", "supply chain",
                "after a major attack", "resume", "resumption of trade", "customs"],
        ["COVID", "pandemic", "stimulus", "farmers", "tariffs", "tariff", "USDA",
         "Market Facilitation Program", "Ukraine"],
        ["apec", "meg-sec", "secure-supply-chains"],
        why="national post-pandemic and trade-war 'trade recovery programs' (USDA, stimulus schemes)",
    ),
}
S["apec-travel-facilitation-initiative"] = {
    "APEC Travel Facilitation Initiative": U,
    "Travel Facilitation Initiative": C(
        APEC + ["secure travel", "Business Mobility Group", "BMG", "Business Travel Card",
                "ABTC", "API/PNR", "Tourism Working Group", "faster, easier and more secure"],
        ["visa on arrival", "e-visa", "tourism board", "airline", "tour operators", "India",
         "Schengen", "ETIAS"],
        ["apec", "cti-bmg", "twg", "secure-travel", "pnr"],
        why="national or bilateral travel facilitation initiatives (visa schemes, tourism boards)",
    ),
}
S["border-capabilities-model"] = {"Border Capabilities Model": U}
S["apec-mesf"] = {
    "APEC Major Events Security Framework": U,
    "Major Events Security Framework": U,
    "APEC MESF": U,
    "MESF": U,
}
S["apec-cip-policy-dialogue"] = {"APEC Policy Dialogue on Critical Infrastructure Protection": U}
S["usap"] = {
    "Universal Security Audit Programme": U,
    "USAP": C(
        ["ICAO", "aviation", "aviation security", "Universal Security Audit", "audit", "audits",
         "CMA", "USAP-CMA", "continuous monitoring", "oversight", "Annex 17",
         "contracting states", "corrective action plan", "airports", "airport"],
        ["Antarctic", "Antarctica", "McMurdo", "South Pole", "Palmer Station",
         "National Science Foundation", "NSF", "icebreaker", "polar", "ice", "expedition",
         "Unión", "San Agustin", "ice core", "cores", "frozen", "subsamples", "repository"],
        ["icao", "annex-17", "aviation-security", "chicago-convention"],
        why="the United States Antarctic Program (USAP)",
    ),
}
S["wco-security-programme"] = {
    "WCO Security Programme": U,
    "Security Programme": N(
        ["WCO", "World Customs Organization", "customs administrations", "customs", "Customs",
         "cargo risk", "strategic goods", "explosives precursors", "risk-targeting"],
        ["Airport Security Programme", "Aircraft Operator Security Programme",
         "Air Cargo Security Programme", "Civil Aviation Security Programme",
         "Aviation Security Programme", "Maritime Security Programme", "Port Security Programme",
         "Ship Security Programme", "Operator Security Programme", "Company Security Programme",
         "National Security Programme", "NCASP", "civil aviation authority", "airport",
         "airports", "airline", "aircraft", "each Security Programme",
         "regulated agent", "known consignor"],
        ["wco", "border-security", "aeo"],
        pe=False,
        why="a generic name matched inside airport, aircraft-operator, air-cargo and national aviation security programmes (which often mention customs, hence no-veto); page evidence off",
    ),
}
ART = [
    "INTERPOL", "Interpol", "cultural", "cultural heritage", "cultural property", "heritage",
    "Works of Art", "Stolen Works of Art", "artworks", "antiquities", "looted", "looting",
    "stolen", "archaeological", "police", "customs", "database", "seized",
]
S["psyche"] = {
    "PSYCHE project": C(
        ART,
        ["NASA", "asteroid", "spacecraft", "JPL", "launch", "Falcon Heavy", "orbit",
         "metal-rich", "mission", "psychology", "album"],
        ["interpol", "interpol-stolen-works-of-art", "antiquities-trafficking"],
        why="NASA's Psyche mission ('the Psyche project team' at JPL), psychology projects",
    ),
    "Protection System for Cultural Heritage": U,
    "PSYCHE": C(
        ART,
        ["NASA", "asteroid", "spacecraft", "JPL", "Falcon Heavy", "vessel", "voyage", "ETA",
         "berth", "IMO number", "container ship", "bulk carrier", "album", "band", "fashion",
         "collection launch"],
        ["interpol", "interpol-stolen-works-of-art", "antiquities-trafficking", "unesco"],
        why="NASA's Psyche mission, ships named PSYCHE (e.g. NORDIC PSYCHE), bands and fashion labels in capitals",
    ),
}
S["interpol-stolen-works-of-art"] = {
    "Stolen Works of Art": C(
        ["INTERPOL", "Interpol", "database", "databases", "Works of Art database", "PSYCHE",
         "checked against", "searched in"],
        [],
        ["interpol", "psyche"],
        pe=False,
        why="the generic phrase 'stolen works of art' (art thefts, recoveries) rather than INTERPOL's database; page evidence off because pages naming the database also talk about stolen art generally",
    ),
}
S["iccm"] = {
    "International CT/CVE Clearinghouse Mechanism": U,
    "Clearinghouse Mechanism": C(
        ["GCTF", "Global Counterterrorism Forum", "CVE", "CT/CVE", "donor", "donors",
         "assistance", "G7", "pilot phase", "capacity building"] + TERROR,
        ["biodiversity", "Biological Diversity", "CBD", "Biosafety", "Cartagena", "environment",
         "environmental", "species", "clearing-house mechanism"],
        ["gctf", "cve", "g7"],
        why="the Convention on Biological Diversity's clearing-house mechanism and other information clearinghouses",
    ),
    "ICCM": C(
        ["Clearinghouse", "GCTF", "CVE", "CT/CVE", "donor", "donors", "assistance",
         "pilot phase"] + TERROR,
        ["chemicals", "SAICM", "Chemicals Management", "cognitive", "cognitive modeling",
         "modeling", "modelling", "computational", "mechanics", "congress", "proceedings",
         "chemistry", "Bonn", "Global Framework on Chemicals", "pesticides", "hazardous",
         "professor"],
        ["gctf", "cve", "g7"],
        why="International Conference on Chemicals Management (SAICM), conferences on cognitive modelling and computational mechanics",
    ),
}
S["global-ct-compact"] = {
    "global compact on combating terrorism": U,
    "Global Counter-Terrorism Coordination Compact": U,
}
S["sco-afghanistan-contact-group"] = {
    "SCO-Afghanistan": U,
    "SCO-Afghanistan Contact Group": U,
}
S["peace-mission"] = {
    "Peace Mission": N(
        ["Peace Mission-", "SCO", "Shanghai Cooperation", "anti-terrorist", "anti-terrorism", "counter-terrorism",
         "exercise", "exercises", "drill", "drills", "joint military", "military exercise",
         "war games", "Chebarkul", "Orenburg", "Korla", "Zhurihe", "PLA", "Kyrgyz", "Issyk-Kul",
         "special forces"],
        ["a peace mission", "peace missions", "AU", "African Union", "AMISOM", "ATMIS",
         "Somalia", "Somali", "UN peace", "United Nations", "peacekeeping", "peacekeepers",
         "blue helmets", "MONUSCO", "MINUSMA", "UNMISS", "South Sudan", "OSCE",
         "monitoring mission", "Kyiv", "Ukraine", "Zelensky", "Pope", "Vatican", "envoy",
         "shuttle diplomacy", "Father Divine"],
        ["sco", "sco-rats", "csto"],
        why="UN and AU peace missions ('the AU peace mission was to rehearse ... exercise'), diplomatic 'peace missions' to Kyiv or Moscow, Father Divine's Peace Mission; no-veto because 'exercise' and 'troops' fit both; dropped sameBlock 'Shanghai' nothing",
    ),
}
S["istanbul-process"] = {
    "Istanbul Process": C(
        ["Afghanistan", "Afghan", "Heart of Asia", "regional", "Kabul", "Central Asia",
         "Central Asian", "confidence-building", "participants", "SCO", "China", "Russia"],
        ["16/18", "religious intolerance", "defamation of religions", "freedom of religion",
         "religion or belief", "Human Rights Council", "OIC", "incitement to hatred",
         "Rabat Plan"],
        ["sco-afghanistan-contact-group", "sco", "taliban"],
        why="the 'Istanbul Process' on combating religious intolerance (HRC resolution 16/18)",
    ),
}
S["bri"] = {
    "Belt and Road Initiative": U,
    "Belt and Road": U,
    "BRI": C(
        ["Belt and Road", "China", "Chinese", "Beijing", "Xi Jinping", "Xi", "Silk Road",
         "CPEC", "One Belt", "OBOR", "corridor", "connectivity", "signage", "Gwadar",
         "block trains", "China-Europe"],
        ["Bank Rakyat", "Rakyat", "BBRI", "Bank BRI", "BRI Life", "BRImo", "branch",
         "branches", "customers", "account", "savings", "micro-loans", "microfinance", "KUR",
         "Brain Research", "Brain Research Institute", "neuroscience", "Benaroya", "MRI",
         "scans", "scanner", "tesla"],
        ["cpec", "bri", "ciis", "sco"],
        why="Bank Rakyat Indonesia (BRI), research institutes abbreviated BRI; 'cue' because Chinese lenders and banks appear next to the initiative",
    ),
}
S["cpec"] = {
    "CPEC": U,
    "China-Pakistan Economic Corridor": U,
}
S["seminar-2020"] = {
    "Joint Response to Terrorism under the New Circumstances": U,
    "Responses to Terrorism under the New Circumstances": U,
}

# ── Concepts ────────────────────────────────────────────────────────────────────────
S["api"] = {
    "Advance Passenger Information": U,
    "API": N(
        ["passenger", "passengers", "passenger data", "Passenger Name Record", "PNR",
         "Advance Passenger", "airline", "airlines", "air carrier", "air carriers", "carriers",
         "border", "borders", "border control", "border security", "border authorities",
         "traveller", "travellers", "traveler", "travelers", "traveller screening", "immigration",
         "travel data", "passport", "passport details", "machine-readable zone", "Schengen",
         "iAPI", "Advance Passenger Information System", "watch list", "watchlist", "foreign terrorist fighters",
         "law enforcement"],
        SOFTWARE + [
            "American Petroleum Institute", "crude", "barrels", "inventories", "gravity",
            "pharmaceutical", "ingredient", "ingredients", "drug substance", "FDA", "GMP",
            "Pacific Islander", "Pacific Islanders", "AAPI", "Asian American", "Python",
            "Node", "JavaScript", "client", "WebAuthn", "passkey", "payments",
            "card processor", "idempotency", "pagination", "migrate", "open banking", "PSD2"],
        ["pnr", "border-security", "secure-travel", "icao", "ftf"],
        why="software APIs (keys, REST, SDKs, airline NDC/retailing and Flight Status APIs), American Petroleum Institute data, active pharmaceutical ingredients, Asian Pacific Islander; no-veto as in the tests",
    ),
}
PNR_CUES = [
    "Advance Passenger", "Advance Passenger Information", "API/PNR", "terrorism", "terrorist",
    "terrorist offences", "counter-terrorism", "counterterrorism", "law enforcement",
    "border security", "border control", "traveller screening", "traveler screening",
    "passenger data", "foreign terrorist fighter", "foreign terrorist fighters",
    "PNR Directive", "Directive", "Passenger Information Unit", "PIU", "PIUs", "data",
    "transfer", "transferred", "authorities", "serious crime", "screening", "watch list",
    "watchlist", "retention", "retained", "data protection", "privacy", "agreement", "CJEU",
    "Court of Justice", "border", "borders", "Border Services", "Customs and Border Protection",
    "CBP", "DHS", "travel data", "police", "systems", "EU PNR",
]
S["pnr"] = {
    "Passenger Name Record": C(
        PNR_CUES,
        BOOKING + ["PNR status", "booking record", "ticket number", "status checks",
                   "reservation counter", "reservation chart", "Status API", "JSON", "API key",
                   "developers", "GDS", "NDC", "sandbox", "Amadeus", "Sabre", "Galileo"],
        ["api", "ftf", "border-security", "secure-travel"],
        why="the booking record as such on rail and airline pages ('PNR stands for Passenger Name Record: the booking record ... berth'), GDS/developer docs; ambiguous now, so 'API/PNR' is the term's only unambiguous alias for page evidence (see _newAliases)",
    ),
    "API/PNR": U,
    "PNR": C(
        PNR_CUES,
        BOOKING + ["PNR status", "booking record", "ticket number", "status checks",
                   "reservation counter", "reservation chart", "Status API", "JSON", "API key",
                   "developers", "GDS", "NDC", "sandbox", "Amadeus", "Sabre", "Galileo",
                   "booking email", "airline office", "travel agent", "test PNRs",
                   "Partido Nacional"],
        ["api", "ftf", "border-security", "secure-travel", "eu"],
        why="rail PNR numbers (Indian Railways PNR status, berths, coaches), airline booking references, GDS/developer PNRs, the Philippine National Railways; 'cue' so that 'data' or 'authorities' beats 'seat' in a booking-data notice; dropped sameBlock 'Passenger Name Record' (rail help pages spell it out) and the word 'API' (a 'PNR Status API' is software) — the API term still confirms as a cue term",
    ),
}
FTF_CUES = [
    "foreign terrorist", "foreign terrorist fighters", "foreign fighter", "foreign fighters",
    "ISIL", "ISIS", "Daesh", "Da'esh", "Islamic State", "returnee", "returnees", "returning",
    "Syria", "Iraq", "travel", "jihadist", "jihadists", "Interpol", "INTERPOL", "2178",
    "detention", "camps", "al-Hol", "repatriation", "repatriated", "repatriate", "battlefield",
    "Al-Shabaab", "terrorism", "terrorist", "counter-terrorism", "unaccounted for",
]
S["ftf"] = {
    "foreign terrorist fighter": U,
    "foreign fighter": C(
        [c for c in FTF_CUES if c not in ("foreign fighter", "foreign fighters")] + [
            "recruitment", "militants", "Puntland", "al-Qaeda", "Al-Qaida", "Taliban",
            "families of foreign fighters", "wives of foreign fighters",
            "children of foreign fighters", "home countries"],
        ["Ukraine", "Ukrainian", "International Legion", "Russian army", "mercenaries",
         "UFC", "MMA", "boxing", "bout", "knockout", "welterweight", "octagon", "promotion",
         "league", "import player", "game", "games"],
        ["isil", "unscr-2178", "interpol", "al-shabaab", "al-qaeda"],
        why="foreign volunteers in Ukraine's International Legion (not terrorist fighters), foreign fighters in combat sports and games",
    ),
    "FTF": N(
        [c for c in FTF_CUES if c != "travel"] + ["travel threat", "screening", "API/PNR"],
        ["Feed the Future", "USAID", "agriculture", "agricultural", "farmers", "food security",
         "irrigation", "canals", "face-to-face", "face to face", "geocache", "geocaching",
         "cache", "first to find", "tutoring", "classes", "dating"],
        ["isil", "unscr-2178", "interpol", "pnr", "api"],
        why="Feed the Future (USAID, also active in Somalia), face-to-face, geocaching 'first to find'",
    ),
}
S["terrorist-financing"] = {
    "terrorist financing": U,
    "financing of terrorism": U,
    "terrorism financing": U,
    "counter-terrorism financing": U,
    "counterterrorism financing": U,
    "counter terrorist financing": U,
    "CFT": C(
        ["financing of terrorism", "terrorist financing", "money laundering",
         "anti-money laundering", "AML", "AML/CFT", "FATF", "FIU", "FIUs", "compliance",
         "sanctions", "sanctions lists", "countering the financing of terrorism",
         "supervisors", "due diligence", "KYC"],
        ["cubic feet", "cubic foot", "cubic", "CBM", "LCL", "freight", "volume", "cartons",
         "packing list", "warehouse", "complement fixation", "fitness", "trainer"],
        ["fatf", "fiu", "terrorist-financing", "asset-freezing"],
        why="cubic feet (freight quotes: '1 CBM is about 35.3 CFT'), complement fixation test, fitness certifications",
    ),
}
S["asset-freezing"] = {
    "asset freezing": C(
        ["terrorist", "terrorists", "terrorism", "designated", "designation", "designations",
         "listing", "listed", "sanctions list", "Security Council", "UNSC", "UN", "1267",
         "1373", "FATF", "FIU", "FIUs", "financing", "without delay",
         "targeted financial sanctions", "Al-Qaida", "ISIL", "resolutions", "bilateral requests",
         "autonomous listings"],
        ["Russia", "Russian", "oligarch", "oligarchs", "central bank", "divorce", "Mareva",
         "freezing order", "freezing injunction", "creditors", "bankruptcy"],
        ["unsc", "terrorist-financing", "fatf", "fiu", "unsc-resolutions"],
        why="sanctions on Russia and its oligarchs, court freezing orders in divorce and fraud cases; the term has no other alias, so page evidence never applies",
    ),
}
S["violent-extremism"] = {"violent extremism": U}
CVE_CUES = [
    "violent extremism", "violent extremist", "extremism", "extremist", "radicalization",
    "radicalisation", "radicalized", "radicalised", "terrorism", "terrorist",
    "counter-terrorism", "counterterrorism", "PVE", "P/CVE", "prevention", "deradicalization",
    "deradicalisation", "counter-narrative", "counter-narratives", "Hedayah", "GCERF",
    "Ministry of the Interior", "community resilience",
]
S["cve"] = {
    "countering violent extremism": U,
    "counter violent extremism": U,
    "CVE": C(
        CVE_CUES,
        ["cve-", "vulnerability", "vulnerabilities", "patch", "patched", "patches", "exploit",
         "exploited", "CVSS", "NVD", "MITRE", "advisory", "advisories", "firmware",
         "security update", "zero-day", "bug", "bugs", "plugin", "CNA", "CWE", "KEV",
         "CVE identifiers", "CVE feed", "package", "packages", "version", "versions"],
        ["pve", "violent-extremism", "hedayah", "gcerf", "iccm", "radicalization", "cve"],
        why="CVE vulnerability identifiers (CVE-2024-…, CVE feeds, published CVEs); dropped stems 'extremis', 'radicali', 'radicalis', 'terroris' for whole words",
    ),
}
S["pve"] = {
    "preventing violent extremism": U,
    "PVE": C(
        [c for c in CVE_CUES if c not in ("PVE",)] + ["CVE", "Plan of Action", "small-grants"],
        ["PvP", "PVP", "raid", "raids", "dungeon", "dungeons", "loot", "gear", "players",
         "player", "game", "games", "gaming", "shooter", "co-op", "solo", "ranked", "squads",
         "server", "servers", "Proxmox", "VM", "VMs", "virtual machine", "cluster", "ZFS",
         "LXC", "hypervisor", "homelab", "polyvinyl"],
        ["cve", "pve-plan-of-action", "violent-extremism", "radicalization"],
        why="player-versus-environment gaming, Proxmox VE (homelab virtualisation); dropped stems for whole words",
    ),
}
S["radicalization"] = {
    "radicalization": U,
    "radicalize": U,
    "radicalisation": U,
}
S["deradicalization"] = {
    "deradicalization": U,
    "de-radicalization": U,
    "deradicalisation": U,
}
S["counter-radicalization"] = {
    "counter-radicalization": U,
    "counter-radicalisation": U,
}
S["three-evil-forces"] = {
    "three forces of evil": U,
    "three evil forces": U,
}
S["double-standards"] = {
    "double standard": C(
        TERROR + ["good and bad terrorists", "good and bad", "politicization", "politicisation",
                  "ETIM", "armed groups", "militant groups", "designation", "Security Council"],
        ["credit", "credit agencies", "ratings", "rating agencies", "sovereign", "borrowers",
         "women", "gender", "sexual", "dress code", "beauty", "parenting", "referee",
         "referees", "VAR", "penalty", "penalties", "red card", "media coverage", "celebrities",
         "doping"],
        ["etim", "sco", "unsc", "proxy-terrorism", "isil"],
        why="double standards in anything else (credit ratings, gender, sport, media); the term has no unambiguous alias, so page evidence only helps if namesTerm also counts a cue-confirmed mention",
    ),
}
S["proxy-terrorism"] = {"proxy terrorism": U}
S["cyber-terrorism"] = {
    "cyber terrorism": U,
    "cyber-terrorism": U,
    "cyberterrorism": U,
}
S["bioterrorism"] = {"bioterrorism": U}
S["lone-wolf-terrorism"] = {
    "lone wolf terrorism": U,
    "lone wolf terrorist": U,
}
S["far-right-terrorism"] = {
    "far-right terrorism": U,
    "far-right terrorist": U,
}
S["counter-narrative"] = {
    "counter-narrative": C(
        TERROR + ["propaganda", "jihadist", "ISIS", "Daesh", "CVE", "PVE", "alternative voices",
                  "credible voices", "alternative narratives", "online", "recruitment",
                  "religious institutions", "Al-Azhar", "youth", "messaging", "Hedayah", "SEARCCT"],
        ["novel", "novels", "literary", "literature", "fiction", "critical race", "queer",
         "feminist", "postcolonial", "brand", "marketing", "advertising", "campaign strategist",
         "election campaign", "economy", "inflation"],
        ["alternative-voices", "comprehensive-international-framework", "al-azhar", "searcct",
         "cve", "unscr-2354"],
        why="counter-narratives in literature and critical theory, marketing and election campaigns, economic debate",
    ),
}
S["alternative-voices"] = {
    "empowering alternative voices": C(
        TERROR + ["narrative", "narratives", "counter-narrative", "propaganda", "tolerance",
                  "G7", "Action 2", "resilient"],
        ["journalism", "newsroom", "publishing", "music", "film", "festival", "podcast"],
        ["g7-action-plan", "counter-narrative", "cve"],
        why="media-diversity and arts programmes 'empowering alternative voices'",
    ),
    "alternative voices": C(
        TERROR + ["narrative", "narratives", "counter-narrative", "counter-narratives",
                  "propaganda", "radicalization", "radicalisation", "credible", "tolerance",
                  "messaging"],
        ["post-punk", "music", "band", "bands", "scene", "album", "festival", "promoter",
         "acts", "gig", "songs", "radio", "podcast", "poetry", "poet", "poets", "folk",
         "spoken word", "new writing", "literary", "theatre", "theater",
         "film", "cinema", "journalism", "newsroom", "opinion section", "op-ed"],
        ["counter-narrative", "cve", "g7-action-plan", "hedayah"],
        why="alternative voices in music scenes, the arts, journalism and opinion pages; dropped stems ('extremis', 'terroris', 'radicali') for whole words",
    ),
}
S["whole-of-government"] = {
    "whole-of-government": U,
    "whole of government": U,
}
SUPPLY_CUES = [
    "APEC", "customs", "Customs", "AEO", "Authorized Economic Operator", "trade", "cargo",
    "container", "containers", "port", "ports", "secure trade", "WCO", "C-TPAT",
    "SAFE Framework", "smuggling", "shipments", "consignments", "logistics", "goods",
    "border", "hauliers", "sealed", "supply chain vulnerabilities", "food defense",
] + TERROR
SUPPLY_VETOES = [
    "software", "SBOM", "open source", "open-source", "dependencies", "dependency", "npm",
    "PyPI", "SolarWinds", "code signing", "SLSA", "Sigstore", "semiconductor", "semiconductors",
    "chips", "critical minerals", "rare earths", "lithium", "batteries", "pharmaceutical",
    "medicines", "vaccines", "firmware", "vendors",
]
S["secure-supply-chains"] = {
    "secure supply chain": C(
        SUPPLY_CUES, SUPPLY_VETOES,
        ["aeo", "cti-sccp", "wco", "apec-ct-secure-trade-strategy", "food-defense"],
        why="software supply chains (SBOMs, open-source packages) and supply-chain resilience for chips, minerals and medicines",
    ),
    "supply chain security": C(
        SUPPLY_CUES, SUPPLY_VETOES,
        ["aeo", "cti-sccp", "wco", "apec-ct-secure-trade-strategy", "food-defense"],
        why="software supply chain security (SolarWinds, SBOM, Sigstore) and chip/mineral supply chains; no unambiguous alias remains for page evidence",
    ),
}
S["secure-travel"] = {
    "secure travel": C(
        ["APEC", "border", "borders", "immigration", "traveller", "travellers", "traveler",
         "travelers", "screening", "API", "PNR", "API/PNR", "FTF", "foreign terrorist fighters",
         "bona fide", "travel facilitation", "Business Travel Card", "ABTC", "passport",
         "passports", "travel documents", "visitor flows", "secure trade"] + TERROR,
        ["insurance", "booking", "hotel", "hotels", "holiday", "luggage", "lock", "locks",
         "backpack", "wallet", "VPN", "deals", "tips", "Wi-Fi", "public Wi-Fi", "scam"],
        ["pnr", "api", "ftf", "apec-travel-facilitation-initiative", "apec-ct-secure-trade-strategy",
         "cti-bmg"],
        why="consumer travel safety ('secure travel' bags, VPNs, insurance, booking sites)",
    ),
}
S["secure-finance"] = {
    "secure finance": C(
        ["APEC", "terrorist financing", "financing of terrorism", "money laundering", "FATF",
         "CFT", "AML", "secure trade", "pillar", "pillars", "Counter-Terrorism and Secure Trade",
         "secure supply chains", "secure travel", "secure infrastructure"],
        ["to secure finance", "secure finance for", "able to secure finance",
         "helped secure finance", "help secure finance", "failed to secure finance",
         "struggle to secure finance", "struggling to secure finance", "mortgage", "loan",
         "loans", "lender", "lenders", "investors", "funding round", "startup", "SMEs",
         "project finance", "housing", "refinance"],
        ["apec-ct-secure-trade-strategy", "terrorist-financing", "fatf", "secure-supply-chains",
         "secure-travel", "secure-infrastructure"],
        pe=False,
        why="the verb phrase 'to secure finance' (companies, projects, households raising money); page evidence off because the verb use is common on any page",
    ),
}
S["secure-infrastructure"] = {
    "secure infrastructure": C(
        ["APEC", "critical infrastructure", "soft targets", "resilience", "emergency preparedness",
         "secure trade", "pillar", "pillars", "secure supply chains", "secure travel",
         "secure finance", "attacks"] + TERROR,
        ["cloud", "AWS", "Azure", "Kubernetes", "DevOps", "Terraform", "zero trust",
         "infrastructure as code", "servers", "hosting", "SaaS", "data center", "data centre",
         "IT infrastructure", "developers"],
        ["apec-ct-secure-trade-strategy", "critical-infrastructure", "soft-targets", "epwg"],
        pe=False,
        why="IT/cloud 'secure infrastructure' (DevOps, hosting, zero trust); page evidence off because the phrase is generic",
    ),
}
S["critical-infrastructure"] = {"critical infrastructure": U}
S["soft-targets"] = {
    "soft target": C(
        ["terrorist", "terrorists", "terrorism", "attack", "attacks", "attacker", "attackers",
         "crowded places", "malls", "hotels", "stadiums", "concerts", "public spaces",
         "hard targets", "ISIS", "bombing", "shooting",
         "vehicle ramming", "IED", "IEDs", "militants", "jihadist", "crowded", "airport terminals",
         "threat from", "drone", "drones"],
        ["criticism", "scammers", "scam", "scams", "fraud", "tax", "taxes", "taxpayers",
         "budget cuts", "bullies", "bullying", "pensioners", "voters", "opposition", "jokes",
         "comedians", "satire", "ridicule"],
        ["secure-infrastructure", "critical-infrastructure", "ied", "apec-mesf"],
        why="the idiom 'a soft target' for criticism, scammers, tax rises or jokes; the term has no other alias, so page evidence never applies",
    ),
}
S["food-defense"] = {
    "food defense": U,
    "food defence": U,
}
S["ied"] = {
    "IED": N(
        ["explosive", "explosives", "explosion", "bomb", "bombs", "bombing", "blast", "roadside",
         "detonated", "improvised", "improvised explosive", "militants", "insurgents",
         "Taliban", "Al-Shabaab", "soldiers", "troops", "convoy", "convoys", "patrol",
         "killed", "wounded", "casualties", "C-IED", "counter-IED", "EOD", "bomb disposal",
         "VBIED", "suicide", "screening", "hold baggage", "attack", "attacks"] + TERROR,
        ["intelligent electronic", "intelligent electronic devices", "IEC 61850", "substation",
         "substations", "relay", "relays", "firmware", "SCADA", "protection relay",
         "station bus", "maintenance port", "configuration file", "Industrial Emissions",
         "Industrial Emissions Directive", "emissions", "livestock farms", "design school", "Istituto Europeo", "intermittent explosive disorder",
         "intermittent explosive", "outbursts", "psychiatric", "psychiatrist"],
        ["epwg", "soft-targets", "al-shabaab", "ttp", "taliban"],
        why="intelligent electronic devices in substations (OT security bulletins share 'attack' words), the EU Industrial Emissions Directive, intermittent explosive disorder (contains 'explosive'), the IED design school; no-veto for those reasons",
    ),
    "improvised explosive device": U,
}
S["border-security"] = {"border security": U}
S["aviation-security"] = {"aviation security": U}
S["antiquities-trafficking"] = {
    "trafficking of antiquities": U,
    "trafficking of cultural property": U,
    "illicit trade in cultural property": U,
}
S["tssoe"] = {
    "Trusted, Secure and Sustainable Online Environment": U,
    "TSSOE": U,
}

# ── Groups ──────────────────────────────────────────────────────────────────────────
S["isil"] = {
    "ISIL": U,
    "ISIS": C(
        ["Islamic State", "ISIL", "Daesh", "Da'esh", "jihad", "jihadist", "jihadists", "jihadi",
         "Syria", "Iraq", "militant", "militants", "caliphate", "terrorism", "terrorist",
         "extremism", "extremist", "fighters", "Raqqa", "Mosul", "Baghdadi", "al-Baghdadi",
         "ISIS-K", "Khorasan", "affiliate", "affiliates", "pledged allegiance",
         "pledged loyalty", "allegiance", "al-Hol", "Kurdish", "SDF", "Sahel", "Mozambique",
         "Taliban", "al-Qaeda", "Al-Qaida", "beheading", "claimed", "insurgents",
         "foreign fighters", "digging permits", "territory", "attack", "attacks", "attacker",
         "plot", "bomber", "suicide", "gunman", "recruits", "recruitment", "propaganda",
         "supporters", "linked to", "inspired", "Estado Islámico", "Estado Islâmico",
         "État islamique", "Islamischer Staat", "Stato Islamico", "Daech"],
        ISIS_MYTH,
        ["isil", "al-qaeda", "ftf", "taliban", "jabhat-al-nusra", "boko-haram", "mit", "jad"],
        why="the goddess Isis in capitals (exhibitions, 'temple of ISIS'), the ISIS neutron source and the Thames at Oxford, the Institute for Science and International Security, Archer's spy agency; 'cue' because 'jihadist group ... ISIS ... businesses named after the goddess' must still count; dropped stems for whole words",
    ),
    "Islamic State": U,
    "Islamic State of Iraq and the Levant": U,
    "Islamic State of Iraq and Syria": U,
    "Islamic State of Iraq and Sham": U,
    "Da'esh": U,
    "Daesh": U,
    "Dae'esh": U,
}
S["al-qaeda"] = {
    "Al-Qaeda": U, "Al-Qaida": U, "Al-Qaidah": U, "Al Qaeda": U, "Al Qaida": U, "Al-Qa'ida": U,
}
S["aqim"] = {
    "Al-Qaida in the Islamic Maghrib": U,
    "Al-Qaeda in the Islamic Maghreb": U,
    "Al-Qaida in the Islamic Maghreb": U,
    "AQIM": U,
}
ETIM_CUES = [
    "Uyghur", "Uyghurs", "Uighur", "Uighurs", "Xinjiang", "Turkistan", "Turkestan",
    "East Turkestan", "Islamic Party", "China", "Chinese", "Beijing", "Syria", "Idlib",
    "Afghanistan", "Badakhshan", "Wakhan", "militant", "militants", "fighters", "jihadist",
    "Hayat Tahrir al-Sham", "HTS", "terrorist", "terrorism", "designation", "delisting",
    "listed", "Security Council", "al-Qaeda",
]
S["etim"] = {
    "Eastern Turkistan Islamic Movement": U,
    "East Turkistan Islamic Movement": U,
    "East Turkestan Islamic Movement": U,
    "Islamic Movement of East Turkestan": U,
    "ETIM": C(
        ETIM_CUES + ["TIP"],
        ["ETIM International", "classification", "product classification", "ECLASS", "eCl@ss",
         "BMEcat", "wholesalers", "wholesale", "electrical products", "electrotechnical",
         "product data", "BIM", "manufacturers", "ETIM 9", "ETIM 10"],
        ["etim", "imu", "ttp", "sco", "unsc", "double-standards"],
        why="ETIM, the electrotechnical product-classification standard used by electrical wholesalers",
    ),
    "Turkish Islamic Party": C(
        [c for c in ETIM_CUES if c != "Islamic Party"] + ["ETIM", "TIP"],
        ["AKP", "Erdogan", "Erdoğan", "Refah", "Saadet", "Welfare Party", "Felicity Party",
         "Ankara", "Turkish election", "elections", "election", "parliament", "Erbakan",
         "Islamist", "voters", "coalition"],
        ["etim", "imu", "ttp"],
        why="a description of Turkey's Islamist parties (AKP, Refah, Saadet) — matching is case-insensitive",
    ),
    "Islamic Turkistan Party": U,
    "Turkistan Party": U,
    "Turkistan Islamic Party": U,
    "TIP": N(
        ETIM_CUES + ["ETIM", "East Turkistan Islamic Movement"],
        ["tip:", "pro tip", "top tip", "hot tip", "tips and tricks", "Trafficking in Persons",
         "human trafficking", "TIP Report", "Tier 2", "Tier 3", "Tier 2 Watch List", "Treasury",
         "inflation-protected", "bond", "bonds", "yields", "shunt", "liver", "cirrhosis",
         "portal hypertension", "gratuity", "waiter", "restaurant", "examiners", "revision",
         "homework"],
        ["etim", "imu", "ttp", "sco"],
        why="'TIP:' and 'PRO TIP' boxes, the State Department's Trafficking in Persons (TIP) report (which covers Xinjiang and Uyghurs, hence no-veto), TIPS inflation-protected bonds and the TIPS liver shunt (as 'TIPs')",
    ),
}
S["imu"] = {
    "Islamic Movement of Uzbekistan": U,
    "IMU": C(
        ["Uzbekistan", "Uzbek", "Islamic Movement", "Taliban", "Afghanistan", "ETIM", "militant",
         "militants", "jihadist", "jihadists", "terrorist", "terrorists", "terrorism",
         "Tahir Yuldashev", "Yuldashev", "Juma Namangani", "Namangani", "Waziristan", "TTP",
         "al-Qaeda", "Al-Qaida", "ISIS", "Khorasan", "fighters", "Ferghana", "Fergana",
         "Central Asia", "Central Asian", "Tajikistan", "Kyrgyzstan", "refuge"],
        ["inertial", "inertial measurement", "accelerometer", "accelerometers", "gyroscope",
         "gyroscopes", "sensor", "sensors", "magnetometer", "Arduino", "calibration", "Kalman",
         "orientation", "step counting", "sample rate", "smartphone", "fitness",
         "rep counting", "AR games", "Snapdragon", "mathematical", "Mathematical Union",
         "Fields Medal", "Medical University", "Maritime University"],
        ["etim", "ttp", "taliban", "al-qaeda", "jamaat-ansarullah", "isil"],
        why="inertial measurement units in phones, drones and wearables, the International Mathematical Union, medical and maritime universities",
    ),
}
S["ttp"] = {
    "Tehreek Taliban Pakistan": U,
    "Tehrik-i-Taliban Pakistan": U,
    "Tehreek-e-Taliban Pakistan": U,
    "Pakistani Taliban": U,
    "TTP": N(
        ["Taliban", "Pakistan", "Pakistani", "Tehreek", "Tehrik", "Khyber", "Khyber Pakhtunkhwa",
         "Waziristan", "Peshawar", "Bajaur", "Swat", "tribal districts", "Afghan soil",
         "Kabul", "militants", "militant", "police posts", "Noor Wali Mehsud", "Mehsud",
         "proscribed", "banned outfit", "ceasefire", "CPEC", "National Action Plan"],
        ["MITRE", "ATT&CK", "tactics", "techniques", "procedures", "APT", "APT36",
         "threat actor", "threat actors", "malware", "phishing", "spear-phishing", "implant",
         "IOC", "IOCs", "indicators", "ransomware", "intrusion", "intrusions", "tooling",
         "espionage", "Transparent Tribe", "CrimsonRAT", "purpura", "thrombocytopenic",
         "platelet", "platelets", "ADAMTS13", "plasma exchange", "haematology", "hematology"],
        ["taliban", "imu", "etim", "al-qaeda", "isil", "cpec", "pakistan-national-action-plan"],
        why="cyber threat actors' TTPs (tactics, techniques and procedures) — a Pakistan-linked APT's TTPs name Pakistan, hence no-veto — and thrombotic thrombocytopenic purpura",
    ),
}
S["taliban"] = {"Taliban": U}
S["al-shabaab"] = {
    "Al-Shabaab": U,
    "al-Shabab": C(
        ["Somalia", "Somali", "Mogadishu", "militants", "militant", "insurgents", "insurgency",
         "al-Qaeda", "Al-Qaida", "Kenya", "AMISOM", "ATMIS", "African Union", "attack",
         "attacks", "bombing", "jihadist", "terrorist", "terrorism", "East Africa", "Puntland",
         "Shabelle", "zakat", "fighters", "Jubaland"],
        ["FC", "football", "club", "Saudi Pro League", "Pro League", "league", "match", "goal",
         "goals", "striker", "coach", "stadium", "Riyadh", "Al-Hilal", "Al-Nassr", "Al-Ittihad",
         "Al-Ahli", "Dubai", "Kuwait", "Oman", "player", "players", "season", "transfer",
         "signed", "fixture", "kick-off"],
        ["al-shabaab", "amisom", "african-union", "al-qaeda", "ied"],
        why="Al-Shabab FC (Saudi Pro League) and other clubs named Al-Shabab ('the youth') in Kuwait, Oman and the UAE",
    ),
}
S["boko-haram"] = {"Boko Haram": U}
INDONESIA = [
    "Indonesia", "Indonesian", "Jakarta", "Bali", "Bali bombing", "Bali bombings", "Poso",
    "Sulawesi", "Surabaya", "Lamongan", "Densus 88", "Detachment 88", "BNPT",
    "Abu Bakar Ba'asyir", "Ba'asyir", "Bashir", "Hambali", "Southeast Asia", "Malaysia",
    "Singapore", "Mindanao", "Philippines",
]
S["jemaah-islamiyah"] = {
    "al Jamaah al Islamiyah": U,
    "Jamaah Islamiyah": U,
    "Jemaah Islamiyah": U,
    "JI": N(
        INDONESIA + ["Jemaah", "Jamaah", "Islamiyah", "Islamiah", "JAD", "JAT", "al-Qaeda",
                     "Al-Qaida", "Al-Qaidah", "cells", "network", "militant", "militants",
                     "former members", "commander", "disbanding", "dissolution", "terrorist",
                     "terrorism", "bombings", "killed 202", "ISIS", "Islamic State",
                     "pledged allegiance"],
        ["Jamaat-e-Islami", "Jamaat-i-Islami", "Jamaat", "Pakistan Muslim League",
         "Peoples Party", "Bangladesh", "Bangladeshi", "Dhaka", "Lahore", "Karachi",
         "Islamabad", "Balochistan", "parliamentary parties", "delegation", "Mansoora",
         "Siraj", "Ameer", "just intonation", "intonation", "tuning", "frequency ratios",
         "ratios", "semitone", "barbershop", "Journal of Immunology", "immunology",
         "J Immunol"],
        ["bnpt", "jad", "jat", "mit", "al-qaeda", "jemaah-islamiyah"],
        why="Jamaat-e-Islami (JI) in Pakistani and Bangladeshi news, which also mentions militants; just intonation; the Journal of Immunology",
    ),
}
S["jat"] = {
    "Jamaah Ansharud Tauhid": U,
    "JAT": C(
        INDONESIA + ["Jamaah", "Ansharud", "Ansharut", "Anshorut", "Tauhid", "Islamiyah",
                     "JI", "JAD", "al-Qaeda", "Al-Qaidah", "pro-ISIS", "terrorist organisation",
                     "terrorist organization", "listed"],
        ["Yugoslav", "airline", "airlines", "Belgrade", "Airways", "Jat Airways",
         "Journal of Analytical Toxicology", "toxicology", "Haryana", "caste"],
        ["jemaah-islamiyah", "jad", "bnpt", "mit"],
        why="JAT Yugoslav Airlines / Jat Airways, the Journal of Analytical Toxicology, the Jat community written in capitals",
    ),
}
S["jad"] = {
    "Jamaah Ansharud Daulah": U,
    "JAD": C(
        INDONESIA + ["Jamaah", "Ansharud", "Ansharut", "Anshorut", "Daulah", "Islamiyah",
                     "ISIS", "ISIL", "Islamic State", "pro-ISIS", "Aman Abdurrahman",
                     "church bombings", "JI", "JAT", "MIT", "Telegram"],
        ["joint application design", "application design", "sessions", "stakeholders",
         "requirements", "software", "Java", "decompiler", "class file", "JAR", "J2ME",
         "MIDlet", "module", "go live"],
        ["jemaah-islamiyah", "jat", "mit", "isil", "bnpt"],
        why="joint application design (JAD sessions, even on a counter-terrorism authority's IT project), the Java decompiler and J2ME descriptors",
    ),
}
S["mit"] = {
    "East Indonesia Mujahidin": U,
    "Mujahidin Indonesia Timur": U,
    "MIT": N(
        ["Mujahidin", "Mujahideen", "Indonesia Timur", "East Indonesia", "Poso", "Sulawesi",
         "Central Sulawesi", "Sigi", "Santoso", "Ali Kalora", "Madago Raya", "Tinombala",
         "militant", "militants", "jihadist", "jihadist insurgency", "insurgency", "fighters",
         "pledged allegiance", "pledged loyalty", "ISIS", "manhunt", "fugitive", "Indonesia",
         "Indonesian", "Jemaah Islamiyah", "JAD", "Uyghurs"],
        ["Massachusetts", "Institute of Technology", "Cambridge", "Boston", "university of",
         "universities", "colleges", "applied science", "economists", "graduates",
         "graduate", "alumni", "campus", "Media Lab", "Sloan", "CSAIL",
         "Harvard", "Stanford", "MIT community", "MIT Press", "Technology Review", "McGovern",
         "lab", "guest pass", "scientist", "scientists", "department", "museum", "archives",
         "studied at", "Lorenz", "Kerberos", "licensed", "license", "licence", "open source",
         "open-source", "preservative", "cosmetics", "allergy", "patch test",
         "methylisothiazolinone", "dermatology", "dermatitis", "startup"],
        ["jemaah-islamiyah", "jad", "jat", "isil", "bnpt"],
        why="the Massachusetts Institute of Technology (a study by MIT economists on Sulawesi cocoa names Indonesia, hence no-veto), the MIT licence and MIT Kerberos, methylisothiazolinone in patch tests",
    ),
}
S["jabhat-al-nusra"] = {
    "Al-Nusra": U,
    "Jabat Al Nusra": U,
    "Jabhat al-Nusra": U,
    "Nusra Front": U,
}
S["jamaat-ansarullah"] = {"Jamaat Ansarullah": U}
S["katibat-al-tawhid-wal-jihad"] = {"Katibat al-Tawhid wal-Jihad": U}

# Sibling APEC fora confirm one another: a page that names the TEL or the CTI next to "TWG" is
# about APEC's working groups.
APEC_FORA = ["apec", "apec-ctwg", "apec-cttf", "apec-sce", "apec-som", "apec-cti", "cti-sccp",
             "cti-bmg", "tptwg", "meg-sec", "aeg-sec", "twg", "epwg", "tel", "spsg", "abac"]
SIBLINGS = {
    "apec-ctwg": ["Counter-Terrorism Working Group", "Counter Terrorism Working Group", "CTWG"],
    "apec-cttf": ["Counter-Terrorism Task Force", "CTTF"],
    "apec-sce": ["SCE"], "apec-som": ["SOM", "Senior Officials' Meeting"],
    "apec-cti": ["Committee on Trade and Investment", "CTI"], "cti-sccp": ["SCCP"],
    "cti-bmg": ["Business Mobility Group", "BMG"], "tptwg": ["Transportation Working Group"],
    "meg-sec": ["Maritime Experts Group", "MEG"], "aeg-sec": ["Aviation Experts Group", "AEG"],
    "twg": ["Tourism Working Group", "TWG"], "epwg": ["Emergency Preparedness Working Group"],
    "tel": ["TEL"], "spsg": ["SPSG"], "abac": ["ABAC"],
}
for tid, aliases in SIBLINGS.items():
    for alias in aliases:
        r = S[tid][alias]
        r["cueTerms"] = list(dict.fromkeys(r["cueTerms"] + [t for t in APEC_FORA if t != tid]))

# ── New aliases readers meet that the glossary lacks ───────────────────────────────
def NA(term, text, sense, note="", case_sensitive=None):
    r = OrderedDict([("termId", term), ("text", text)])
    if case_sensitive is not None:
        r["caseSensitive"] = case_sensitive
    r["sense"] = sense
    r["note"] = note
    return r


def same_as(term, alias):
    r = S[term][alias]
    return r if r == U else OrderedDict((k, v) for k, v in r.items())


NEW = [
    NA("apec", "Asia Pacific Economic Cooperation", U, "no hyphen; the matcher does not treat a space as a hyphen"),
    NA("apec-ctwg", "APEC Counter-Terrorism Working Group", U, "so the term has a common unambiguous spelling for page evidence"),
    NA("apec-ctwg", "APEC Counterterrorism Working Group", U),
    NA("apec-ctwg", "APEC CTWG", U),
    NA("apec-ctwg", "Counterterrorism Working Group", same_as("apec-ctwg", "Counter-Terrorism Working Group"), "one-word spelling used by APEC pages ('APEC's Counterterrorism Working Group')"),
    NA("apec-ctwg", "APEC Working Group on Counterterrorism", U),
    NA("apec-cttf", "Counterterrorism Task Force", same_as("apec-cttf", "Counter-Terrorism Task Force")),
    NA("apec-cttf", "Counter Terrorism Task Force", same_as("apec-cttf", "Counter-Terrorism Task Force")),
    NA("apec-cttf", "APEC Counterterrorism Task Force", U),
    NA("apec-som", "APEC Senior Officials' Meeting", U, "both current aliases are ambiguous, so the term has no unambiguous alias at all"),
    NA("apec-som", "Senior Officials Meeting", same_as("apec-som", "Senior Officials' Meeting"), "no apostrophe"),
    NA("apec-som", "SOM1", same_as("apec-som", "SOM"), "'SOM1'–'SOM3' are not matched by 'SOM' (a digit continues the word)"),
    NA("apec-som", "SOM3", same_as("apec-som", "SOM")),
    NA("cti-bmg", "APEC Business Mobility Group", U),
    NA("tel", "TELWG", U, "APEC's own abbreviation for the TEL working group"),
    NA("twg", "APEC Tourism Working Group", U),
    NA("un", "U.N.", U, "US house style"),
    NA("unsc", "U.N. Security Council", U),
    NA("unga", "U.N. General Assembly", U),
    NA("unga", "General Assembly of the United Nations", U, "the existing alias lacks 'the'"),
    NA("unoct", "UN Office of Counterterrorism", U),
    NA("unoct", "United Nations Office of Counterterrorism", U),
    NA("unoct", "UN Counter-Terrorism Office", U),
    NA("cted", "Counterterrorism Committee Executive Directorate", U),
    NA("cted", "Counter Terrorism Committee Executive Directorate", U),
    NA("interpol", "International Criminal Police Organisation", U, "British spelling; both INTERPOL and Interpol are now ambiguous, so this and the next are the term's only unambiguous aliases"),
    NA("interpol", "ICPO-INTERPOL", U),
    NA("interpol", "International Criminal Police Commission", U, "INTERPOL's name until 1956; history pages use it"),
    NA("icao", "International Civil Aviation Organisation", U),
    NA("wco", "World Customs Organisation", U),
    NA("gctf", "Global Counter Terrorism Forum", U),
    NA("sco-rats", "Regional Anti-Terrorism Structure", U, "variant used by wire services"),
    NA("sco-rats", "SCO RATS", U),
    NA("csto", "Collective Security Treaty Organisation", U),
    NA("nato", "North Atlantic Treaty Organisation", U),
    NA("bnpt", "National Counterterrorism Agency", same_as("bnpt", "National Counter-Terrorism Agency"), "one-word spelling ('Indonesia's National Counterterrorism Agency')"),
    NA("bnpt", "National Counter Terrorism Agency", same_as("bnpt", "National Counter-Terrorism Agency")),
    NA("bnpt", "Badan Nasional Penanggulangan Terorisme", U, "the Indonesian name, common in English reports"),
    NA("unesco", "United Nations Educational, Scientific and Cultural Organisation", U),
    NA("un-gcts", "Global Counter Terrorism Strategy", same_as("un-gcts", "Global Counter-Terrorism Strategy")),
    NA("un-gcts", "UN Global Counter Terrorism Strategy", U),
    NA("g7", "G-7", same_as("g7", "G7"), "hyphenated spelling in US and older texts"),
    NA("g7", "Group of 7", same_as("g7", "Group of Seven")),
    NA("apec-ct-secure-trade-strategy", "Consolidated Counterterrorism and Secure Trade Strategy", U),
    NA("apec-ct-secure-trade-strategy", "APEC Counterterrorism and Secure Trade Strategy", U),
    NA("ctwg-strategic-plan-2018-2022", "2018-2022 Strategic Plan", same_as("ctwg-strategic-plan-2018-2022", "2018 - 2022 Strategic Plan"), "the existing alias needs spaces around the dash"),
    NA("ctap", "Counterterrorism Action Plan", same_as("ctap", "Counter-Terrorism Action Plan")),
    NA("ctap", "APEC Counter-Terrorism Action Plan", U, "the term has no unambiguous alias today"),
    NA("apec-leaders-statement-2001", "APEC Leaders' Statement on Counter-Terrorism", U, "the term has no unambiguous alias today"),
    NA("russia-china-treaty-2001", "Treaty of Good-Neighborliness and Friendly Cooperation", U, "the China–Russia treaty's official English title; China's treaties with Central Asian states are 'of Good-Neighbourliness, Friendship and Cooperation'"),
    NA("russia-china-treaty-2001", "Treaty of Good-Neighbourliness and Friendly Cooperation", U),
    NA("russia-china-treaty-2001", "Sino-Russian Treaty", U),
    NA("russia-china-ct-agreement-2010", "Agreement between China and Russia on Cooperation in the Fight against Terrorism, Separatism and Extremism", U, "the term has no unambiguous alias; leftmost-longest matching lets this win over the generic phrase inside it"),
    NA("interpol-stolen-works-of-art", "Stolen Works of Art database", U, "'INTERPOL's Stolen Works of Art database'; gives the term an unambiguous alias"),
    NA("asset-freezing", "terrorist asset freezing", U),
    NA("al-azhar", "Al-Azhar Al-Sharif", U),
    NA("al-azhar", "Al Azhar", same_as("al-azhar", "Al-Azhar"), "space instead of hyphen"),
    NA("apec-leaders-statement-2001", "Leaders' Statement on Counterterrorism", same_as("apec-leaders-statement-2001", "Leaders' Statement on Counter-Terrorism")),
    NA("apec-leaders-declaration-2016", "2016 Leaders' Declaration", same_as("apec-leaders-declaration-2016", "2016 Leaders Declaration"), "with the apostrophe the existing alias does not match"),
    NA("apec-leaders-declaration-2016", "2016 APEC Leaders' Declaration", U),
    NA("brics-ct-strategy", "BRICS Counterterrorism Strategy", U),
    NA("brics-ct-strategy", "BRICS Counter Terrorism Strategy", U),
    NA("universal-ct-instruments", "universal counterterrorism conventions", U),
    NA("global-ct-compact", "Global Counterterrorism Coordination Compact", U),
    NA("sco-convention-2009", "Convention of the Shanghai Cooperation Organisation against Terrorism", U),
    NA("pakistan-national-action-plan", "Pakistan's National Action Plan", U, "the term has no unambiguous alias; this spelling is frequent and gives page evidence"),
    NA("pakistan-national-action-plan", "NAP", N(
        ["Pakistan", "Pakistani", "National Action Plan", "Apex Committee", "NACTA", "Peshawar",
         "Army Public School", "Khyber Pakhtunkhwa", "Balochistan", "madrassa", "TTP",
         "terrorism", "terrorist", "extremism"],
        ["National Adaptation Plan", "adaptation", "climate", "UNFCCC", "sleep", "napping",
         "Nepal", "Napoleon", "network access point"],
        ["pakistan-national-action-plan", "ttp"],
        why="National Adaptation Plans (climate, UNFCCC), sleep, network access points"),
     "'the revised NAP' in Pakistani releases"),
    NA("istanbul-process", "Heart of Asia-Istanbul Process", U),
    NA("bri", "One Belt, One Road", U),
    NA("bri", "One Belt One Road", U),
    NA("bri", "OBOR", U),
    NA("usap", "Universal Security Audit Program", U, "US spelling"),
    NA("usap", "USAP-CMA", U),
    NA("apec-trade-recovery-program", "APEC Trade Recovery Programme", U),
    NA("hedayah", "International Centre of Excellence for Countering Violent Extremism", U),
    NA("api", "Advance Passenger Information System", U, "the US APIS; 'APIS' alone is the bee genus and the bull god"),
    NA("api", "interactive API", U, "iAPI (ICAO/WCO term)"),
    NA("api", "APIS", same_as("api", "API"), "the US Advance Passenger Information System as an acronym (case-sensitive, so the bee genus 'Apis' stays out); 'APIS' is not matched as a plural of 'API' because the S is upper case"),
    NA("pnr", "PNR Directive", U, "with 'API/PNR' the only unambiguous spellings once 'Passenger Name Record' needs a cue"),
    NA("pnr", "PNR agreement", U),
    NA("terrorist-financing", "counter-terrorist financing", U),
    NA("pve", "prevention of violent extremism", U),
    NA("pve", "prevent violent extremism", U, "'Plan of Action to Prevent Violent Extremism' still wins as the longer alias"),
    NA("three-evil-forces", "terrorism, separatism and extremism", U, "the three forces named together (SCO usage); longer aliases that contain it (the Shanghai Convention's title, the 2010 agreement's) still win"),
    NA("radicalization", "radicalized", U, "the matcher adds only -s, so past participles are missed"),
    NA("radicalization", "radicalised", U),
    NA("radicalization", "radicalise", U),
    NA("counter-narrative", "counter narrative", same_as("counter-narrative", "counter-narrative")),
    NA("counter-narrative", "counternarrative", same_as("counter-narrative", "counter-narrative")),
    NA("lone-wolf-terrorism", "lone-wolf terrorism", U),
    NA("lone-wolf-terrorism", "lone-wolf terrorist", U),
    NA("far-right-terrorism", "far right terrorism", U),
    NA("far-right-terrorism", "far right terrorist", U),
    NA("ied", "VBIED", U, "vehicle-borne IED"),
    NA("isil", "ISKP", U, "Islamic State Khorasan Province, if the glossary files affiliates under ISIL (the spelled name already matches through 'Islamic State')"),
    NA("isil", "Daech", U, "French spelling seen in English-language wires"),
    NA("aqim", "Al Qaeda in the Islamic Maghreb", U),
    NA("isil", "Isis", same_as("isil", "ISIS"), "house style of the BBC, the Guardian and Scottish papers ('fought for Isis in Syria'); must be case-sensitive (caseSensitive: true) so that lower-case 'isis' stays out; same rule as ISIS, whose vetoes also cover the goddess, the Thames and personal names in context", True),
    NA("arf", "Association of Southeast Asian Nations Regional Forum", U, "spelled-out form seen on Wikipedia; today 'Association of Southeast Asian Nations' wins and marks ASEAN"),
    NA("etim", "Turkestan Islamic Party", U, "Turkestan spelling"),
    NA("ttp", "Tehrik-e-Taliban Pakistan", U, "the spelling Pakistani government releases use"),
    NA("ttp", "Tehrik-e-Taliban", U),
    NA("ttp", "Tehrik-i-Taliban", U),
    NA("ttp", "Tehreek-i-Taliban Pakistan", U),
    NA("al-shabaab", "Al Shabaab", U, "space instead of hyphen"),
    NA("al-shabaab", "Al Shabab", same_as("al-shabaab", "al-Shabab")),
    NA("jemaah-islamiyah", "Jemaah Islamiah", U),
    NA("jemaah-islamiyah", "Jemaah Islamiya", U),
    NA("jat", "Jamaah Ansharut Tauhid", U),
    NA("jat", "Jemaah Anshorut Tauhid", U),
    NA("jat", "Jamaah Anshorut Tauhid", U),
    NA("jad", "Jamaah Ansharut Daulah", U),
    NA("jad", "Jemaah Anshorut Daulah", U),
    NA("jad", "Jamaah Anshorut Daulah", U),
    NA("mit", "East Indonesia Mujahideen", U),
    NA("mit", "Eastern Indonesia Mujahideen", U),
    NA("mit", "Mujahideen Indonesia Timur", U),
    NA("jabhat-al-nusra", "Al Nusra", U),
    NA("jabhat-al-nusra", "Jabhat al Nusra", U),
]
NOT_IN_GLOSSARY = [
    "Europol: no Europol term exists, so no alias can be added (it could be a cue for INTERPOL instead, which it is)",
    "Interpol, Daesh, Al-Shabaab, 'counter-terrorism financing' and plural acronyms (FTFs, FIUs, IEDs, CTAPs, UNSCRs) are already matched: the matcher adds a lower-case -s and possessives itself",
]

# A term never confirms itself through cueTerms (its own spelled-out names are cues instead).
for tid, aliases in S.items():
    for r in aliases.values():
        if r != U:
            r["cueTerms"] = [t for t in r["cueTerms"] if t != tid]
for na in NEW:
    if na["sense"] != U:
        na["sense"] = OrderedDict(na["sense"])
        na["sense"]["cueTerms"] = [t for t in na["sense"]["cueTerms"] if t != na["termId"]]

out = OrderedDict(S)
out["_newAliases"] = NEW
with open("/tmp/helper-e/senses.json", "w", encoding="utf-8") as f:
    json.dump(out, f, ensure_ascii=False, indent=2)
    f.write("\n")
