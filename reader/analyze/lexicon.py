"""Word lists the analysis rules consult: reporting verbs, titles, function words.

These are facts about English news writing, not about any one article.
"""

from __future__ import annotations

from reader.model import EntityType


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


#: Lemmas of verbs that report speech or writing ("said", "tells", "warned", "tweeted").
SPEECH_VERBS: frozenset[str] = _words(
    """
    say tell add write tweet warn announce explain insist argue claim note state declare
    assert maintain acknowledge admit concede confirm deny report recall remark reply respond
    answer ask urge suggest predict promise vow pledge caution complain comment contend
    continue conclude describe call dub label brand describe emphasize emphasise stress
    observe point post quote reiterate repeat reveal testify speak tout mention insist
    lament joke quip boast scoff shout yell whisper mutter exclaim cry plead beg demand
    threaten accuse allege blast criticize criticise praise hail counter retort rebut
    estimate forecast disclose recount wonder muse concur agree disagree fear hope
    believe think told said chant sing shout scream sob plead recount write
    acknowledge tweet blog email text telegraph publish caution
    """
)

#: Verbs that report speech in the narrator's words ("Cho said Seoul wants..."): lemmas.
REPORTING_VERBS: frozenset[str] = _words(
    """
    say tell add warn announce explain insist argue claim note state declare assert
    acknowledge admit concede confirm deny report reply respond predict promise vow pledge
    caution complain contend conclude emphasize emphasise stress reiterate reveal testify
    suggest allege estimate disclose write tweet
    """
)

#: Verbs whose subject reports thought rather than speech: cues only next to a quote.
WEAK_SPEECH_VERBS: frozenset[str] = frozenset(
    {
        "believe",
        "think",
        "hope",
        "fear",
        "wonder",
        "agree",
        "disagree",
        "concur",
        "continue",
        "describe",
        "call",
        "dub",
        "label",
        "brand",
        "speak",
        "post",
        "point",
        "quote",
        "maintain",
        "publish",
    }
)

#: Verbs whose direct object names who was told: "X told Reuters", "X tells VOA".
TELL_VERBS: frozenset[str] = frozenset({"tell"})

#: Titles and roles that stand before a name ("President Donald Trump", "Mr. Kim").
TITLE_WORDS: frozenset[str] = _words(
    """
    President Vice Prime Minister Secretary Chancellor Premier Governor Gov. Gov Mayor Senator
    Sen. Sen Representative Rep. Rep Congressman Congresswoman Speaker Ambassador Envoy King
    Queen Prince Princess Emperor Empress Pope Cardinal Bishop Archbishop Rev. Reverend Father
    Sister Rabbi Imam Sheikh Judge Justice Chief Commissioner Director Chairman Chairwoman Chair
    Chairperson CEO Chief General Gen. Gen Lieutenant Lt. Colonel Col. Major Maj. Captain Capt.
    Sergeant Sgt. Admiral Adm. Commander Cmdr. Marshal Officer Detective Det. Inspector
    Superintendent Constable Dr. Dr Doctor Professor Prof. Mr. Mr Mrs. Mrs Ms. Ms Miss Mx. Sir
    Dame Lord Lady Madam Dean Councillor Councilor Councilman Councilwoman Alderman Deputy
    Attorney Foreign Defense Defence Finance Interior Justice Unification Trade Health
    Education Energy Home State Treasury Labor Labour Economy Environment Culture Transport
    Agriculture Spokesman Spokeswoman Spokesperson Leader Coach Manager Founder Chief
    Executive Officer Minister-President Crown Supreme Commander-in-Chief First Lady
    Secretary-General Secretary General Head Superintendent Principal Headteacher Headmaster
    Trustee Deputy Acting Former former Late late Opposition Shadow Party Chairman
    Administrator Strategist Analyst
    """
)

#: Honorifics that tell a person's gender.
MALE_TITLES: frozenset[str] = frozenset(
    {
        "Mr.",
        "Mr",
        "Sir",
        "Lord",
        "King",
        "Prince",
        "Emperor",
        "Father",
        "Brother",
        "Congressman",
        "Councilman",
        "Chairman",
        "Spokesman",
        "spokesman",
        "Rabbi",
    }
)
FEMALE_TITLES: frozenset[str] = frozenset(
    {
        "Mrs.",
        "Mrs",
        "Ms.",
        "Ms",
        "Miss",
        "Dame",
        "Lady",
        "Queen",
        "Princess",
        "Empress",
        "Madam",
        "Sister",
        "Congresswoman",
        "Councilwoman",
        "Chairwoman",
        "Spokeswoman",
        "spokeswoman",
    }
)

#: Common given names that tell gender (a small, general list; used only to break ties).
MALE_NAMES: frozenset[str] = _words(
    """
    James John Robert Michael William David Richard Joseph Thomas Charles Christopher Daniel
    Matthew Anthony Mark Donald Steven Paul Andrew Joshua Kenneth Kevin Brian George Timothy
    Ronald Edward Jason Jeffrey Ryan Jacob Gary Nicholas Eric Jonathan Stephen Larry Justin
    Scott Brandon Benjamin Samuel Gregory Alexander Frank Patrick Raymond Jack Dennis Jerry
    Tyler Aaron Jose Adam Henry Nathan Douglas Zachary Peter Kyle Walter Ethan Jeremy Harold
    Keith Christian Roger Noah Gerald Carl Terry Sean Austin Arthur Lawrence Jesse Dylan Bryan
    Joe Jordan Billy Bruce Albert Willie Gabriel Logan Alan Juan Wayne Roy Ralph Randy Eugene
    Vincent Russell Elijah Louis Bobby Philip Johnny Boris Vladimir Emmanuel Xi Tom Bill Jim
    Mike Dave Rob Bob Hugh Ian Angus Liam Owen Rhys Callum Graham Neil Stuart Hamish Grant
    Ahmed Mohammed Muhammad Ali Hassan Omar Yusuf Ivan Sergei Dmitri Pierre Jean Luc Hans
    Klaus Juergen Giuseppe Luca Marco Carlos Luis Miguel Pedro Rahul Arjun Hiroshi Takeshi
    """
)
FEMALE_NAMES: frozenset[str] = _words(
    """
    Mary Patricia Jennifer Linda Elizabeth Barbara Susan Jessica Sarah Karen Lisa Nancy Betty
    Margaret Sandra Ashley Kimberly Emily Donna Michelle Carol Amanda Dorothy Melissa Deborah
    Stephanie Rebecca Sharon Laura Cynthia Kathleen Amy Angela Shirley Anna Brenda Pamela Emma
    Nicole Helen Samantha Katherine Christine Debra Rachel Carolyn Janet Catherine Maria
    Heather Diane Ruth Julie Olivia Joyce Virginia Victoria Kelly Lauren Christina Joan Evelyn
    Judith Megan Andrea Cheryl Hannah Jacqueline Martha Gloria Teresa Ann Sara Madison Frances
    Kathryn Janice Jean Abigail Alice Judy Sophia Grace Denise Amber Doris Marilyn Danielle
    Beverly Isabella Theresa Diana Natalie Brittany Charlotte Marie Kayla Alexis Lori Angela
    Hillary Kamala Theresa Angela Ursula Jacinda Nicola Fiona Siobhan Aoife Eilidh Morag
    Priya Aisha Fatima Leila Yasmin Olga Irina Natasha Sofia Chiara Giulia Ingrid Astrid
    Mei Yuki Keiko Ines Lucia Elena Carmen Ana Isabel Claire Sophie Chloe Lucy Ellie Holly
    """
)

#: Words that never start or end a name: determiners and the possessive.
LEADING_DROP: frozenset[str] = frozenset({"the", "The", "a", "A", "an", "An", "THE"})
POSSESSIVE_TOKENS: frozenset[str] = frozenset({"'s", "’s", "'", "’", "‘s", "s'"})

#: Small words allowed inside an organisation's name ("Bank of America").
NAME_JOINERS: frozenset[str] = frozenset({"of", "for", "and", "the", "&", "on", "de", "du", "la"})

#: Compass words that, alone, stand for a place named in full elsewhere ("the North").
COMPASS_WORDS: frozenset[str] = frozenset(
    {"North", "South", "East", "West", "Northeast", "Northwest", "Southeast", "Southwest"}
)

#: Words that make a DATE entity a real date rather than "annual" or "daily".
DATE_WORDS: frozenset[str] = _words(
    """
    january february march april may june july august september october november december
    jan feb mar apr jun jul aug sep sept oct nov dec monday tuesday wednesday thursday friday
    saturday sunday today yesterday tomorrow tonight week weeks weekend month months year years
    decade decades century centuries day days spring summer autumn fall winter morning
    evening night christmas easter ramadan
    """
)

#: Subject pronouns and what they can refer to.
PERSON_PRONOUNS: dict[str, str | None] = {
    "he": "male",
    "him": "male",
    "she": "female",
    "her": "female",
    "i": None,
}
GROUP_PRONOUNS: frozenset[str] = frozenset({"they", "we", "it"})

#: Prepositions before a platform or outlet name ("said on Twitter", "wrote in a post on X").
PLATFORM_PREPOSITIONS: frozenset[str] = frozenset({"on", "via"})

#: Lower-case roles written before a name ("opposition councillor Duarte Pimentel").
ROLE_NOUNS: frozenset[str] = _words(
    """
    president minister secretary chancellor premier governor mayor senator councillor councilor
    councilman councilwoman alderman spokesman spokeswoman spokesperson director chairman
    chairwoman chair ceo founder leader judge ambassador envoy mr. mrs. ms. dr. dr mr mrs ms
    professor prof. coach manager official officer deputy lawmaker legislator mp economist
    analyst researcher scientist architect lawyer attorney farmer fisherman activist
    campaigner author writer novelist actor actress singer artist colleague historian teacher
    resident student nurse doctor surgeon engineer captain sergeant general colonel detective
    inspector commissioner superintendent rev. reverend father bishop cardinal rabbi imam
    king queen prince princess pope sheikh chief executive negotiator diplomat prosecutor
    """
)

#: Nouns that, in apposition, say a name is a person ("Grant Newsham, a senior fellow").
PERSON_NOUNS: frozenset[str] = ROLE_NOUNS | _words(
    """
    fellow expert member head owner worker man woman boy girl mother father son daughter wife
    husband widow grandmother grandfather pensioner veteran volunteer employee staffer aide
    adviser advisor consultant executive partner player chef driver pilot guide hunter
    electrician labourer laborer shopkeeper owner-operator citizen mp candidate voter victim
    survivor witness retiree graduate researcher scholar lecturer physician priest monk
    """
)

#: Nouns that, in apposition or as the head of a name, say it is an organisation.
ORG_NOUNS: frozenset[str] = _words(
    """
    company firm consortium corporation group agency union ministry department office
    operator authority council committee commission association federation cooperative
    co-operative bank party institute university college school foundation charity
    organisation organization network newspaper broadcaster outlet publisher airline
    club team society observatory bureau trust fund forum coalition alliance league
    government administration court board service startup manufacturer retailer
    supplier developer insurer regulator watchdog utility labour think-tank
    """
)

#: Capitalised last words that make a name an organisation ("Kustwerk Engineering").
ORG_SUFFIXES: frozenset[str] = _words(
    """
    Company Co. Corp. Corporation Inc. Inc Ltd Ltd. Limited LLC PLC plc Group Agency Union
    Ministry Department Office Institute University College Council Association Federation
    Cooperative Co-operative Bank Party Engineering Foundation Committee Commission Authority
    Service Services Board Court Network Review Times Post News Daily Press Airlines Airways
    Club Team Society Observatory Bureau Trust Fund Forum Coalition Alliance League Partners
    Holdings Industries Energy Systems Technologies Labs Studios Records Federation Guild
    Assembly Parliament Congress Senate Police Army Navy Institute Museum Library Hospital
    Centre Center School Academy Ventures Capital Media Broadcasting Transportes Transport
    Organization Organisation Administration Directorate Protection Robotics Aerospace
    Entertainment Animation Management Studio Channel Reserve Institution Laboratory
    Laboratories Pharmaceuticals Motors Bancorp Brands Foods Airlines Communications
    Journal Tribune Herald Gazette Observer Chronicle Globe Magazine Radio Television
    Pictures Strategies Consulting Associates Solutions Caucus Insurance Sciences
    """
)

#: Nouns that, in apposition or after a name, say it is a place ("Rothesay, the main town").
PLACE_NOUNS: frozenset[str] = _words(
    """
    town city village island region country capital province state district port harbour
    harbor neighbourhood neighborhood suburb county municipality peninsula valley river lake
    coast bay border area quarter borough parish territory republic kingdom nation hamlet
    terminal airport station square street avenue road bridge spit lagoon beach dam reservoir
    canal mountain hill park reserve wetland wetlands delta marsh forest desert sea ocean strait
    gulf cape headland dune shore estate building tower stadium arena church cathedral castle
    palace hall plaza market camp base mine quay pier marina
    """
)

#: The noun lists by the type they give a name, and the order a rule reads them in by default.
_NOUNS_OF_TYPE: dict[EntityType, frozenset[str]] = {
    "PLACE": PLACE_NOUNS,
    "ORG": ORG_NOUNS,
    "PERSON": PERSON_NOUNS,
}
PLACE_FIRST: tuple[EntityType, ...] = ("PLACE", "ORG", "PERSON")


def type_of_noun(lemma: str, order: tuple[EntityType, ...] = PLACE_FIRST) -> EntityType | None:
    """The type a noun says a name is ("the town" PLACE, "a firm" ORG, "a fellow" PERSON):
    the first of `order` whose list holds the lemma (a few nouns are in two lists)."""
    return next((kind for kind in order if lemma in _NOUNS_OF_TYPE[kind]), None)


#: Last words that make a name a building or a street, a place ("Indiana Statehouse",
#: "Pyeongchang Olympic Stadium", "Hoa Lo prison", "6th Avenue").
BUILDING_WORDS: frozenset[str] = _words(
    """
    statehouse capitol stadium arena prison jail tower cathedral castle palace plaza
    airport bridge avenue street road boulevard square monument memorial park mall
    inn hotel casino
    """
)

#: Prepositions that put a place after them, with how strongly.
PLACE_PREPOSITIONS: dict[str, int] = {
    "in": 2,
    "near": 3,
    "across": 2,
    "throughout": 3,
    "outside": 2,
    "around": 2,
    "into": 2,
    "towards": 2,
    "toward": 2,
    "from": 1,
    "at": 1,
    "to": 1,
    "inside": 2,
    "within": 1,
}


#: Last words of newspapers' names ("Chicago Tribune", "Kansas City Star"); alone, after
#: "the", they stand for the one paper so named ("the Post").
PRESS_WORDS: frozenset[str] = _words(
    """
    post times journal tribune herald globe gazette chronicle observer guardian telegraph
    examiner inquirer star sun bee courant register independent mirror express standard
    """
)


#: Technical terms written in capitals that are common nouns, not names ("an EV", "the SUV",
#: "a 4K screen", "USB-C ports"): the model tags them as organisations or places. Postal
#: codes that are also state letters ("ID", "CT", "PA") are left out.
TECHNICAL_TERMS: frozenset[str] = _words(
    """
    EV EVs AWD RWD FWD 4WD 2WD SUV SUVs SUV's GPU GPUs CPU CPUs LED LEDs LCD OLED USB USB-C
    HDMI HD UHD HDR 4K 8K 5G 4G 3G LTE AI VR PC PCs TV TVs DVD DVDs GPS RAM SSD HDD API APIs
    URL URLs PDF PDFs DNA RNA MRI ICU ATM ATMs SIM NFC Wi-Fi WiFi IoT HVAC LNG CO2 PPE GDP
    CPI IPO IPOs ETF ETFs VPN VPNs DSLR RPM SMS QR RV RVs ATV ATVs CEO CFO COO CTO R&D M&A
    Q&A B2B MPG EVSE LiDAR LIDAR
    """
)

#: Nouns of the people and parts of a town ("the mayor of Ashwick", "Tarnby residents",
#: "the streets of Marwick"): said of a place, not of a company.
CIVIC_NOUNS: frozenset[str] = _words(
    """
    mayor residents resident inhabitants villagers townspeople townsfolk outskirts streets
    downtown townships
    """
)

#: Endings of English place names ("Tarnby", "Ashwick", "Marston"): a word the model calls
#: a place and that ends so is not taken for a brand because no list knows it.
PLACE_NAME_ENDINGS: tuple[str, ...] = (
    "by", "wick", "ton", "ham", "ford", "bury", "borough", "burgh", "burg", "ville",
    "field", "mouth", "stead", "worth", "dale", "chester", "caster", "minster", "thorpe",
    "shire", "wich", "combe", "hurst",
)  # fmt: skip

#: Platforms and services the press names as organisations ("posted on Weibo", "streams on
#: Netflix"), which the small model reads as places, products or people.
PLATFORMS: frozenset[str] = _words(
    """
    Twitter Facebook Instagram YouTube TikTok Snapchat WhatsApp Telegram Weibo WeChat Reddit
    LinkedIn Pinterest Tumblr Twitch Netflix Hulu Spotify Discord Parler Bluesky Mastodon
    Vimeo Periscope Skype Airbnb Uber Lyft Instacart DoorDash GrubHub
    """
)
