//! Word lists written for the recogniser: honorifics, offices, the heads of
//! organisation and place names, calendar words and name particles.
//!
//! These are facts about English, not names from any evaluation set; they
//! become gazetteer features (the model learns how much to trust them).
//! Changing a list changes the model's features: retrain after editing
//! (the artifact records a fingerprint of these lists and refuses to load
//! under different ones).

/// Honorifics that stand before a name and are not part of it.
pub const HONORIFICS: &[&str] = &[
    "mr", "mr.", "mrs", "mrs.", "ms", "ms.", "miss", "mx", "dr", "dr.", "sir", "dame", "lord",
    "lady", "baroness", "baron", "prof", "prof.", "professor", "rev", "rev.", "reverend", "messrs",
    "mme", "mlle", "m.", "herr", "frau", "senor", "señor", "sheikh", "sheik", "hon", "hon.",
];

/// Offices and roles that often precede a name ("President Macron").
pub const OFFICES: &[&str] = &[
    "president", "prime minister", "minister", "chancellor", "secretary", "secretary-general",
    "foreign secretary", "home secretary", "senator", "sen.", "governor", "gov.", "mayor", "king",
    "queen", "prince", "princess", "pope", "emperor", "general", "gen.", "colonel", "col.",
    "major", "captain", "capt.", "lieutenant", "lt.", "sergeant", "sgt.", "admiral", "marshal",
    "commander", "judge", "justice", "ambassador", "envoy", "chairman", "chairwoman", "chair",
    "chief", "executive", "ceo", "spokesman", "spokeswoman", "spokesperson", "leader", "coach",
    "manager", "striker", "midfielder", "defender", "goalkeeper", "captain", "director", "head",
    "commissioner", "deputy", "vice", "premier", "ayatollah", "cardinal", "bishop", "archbishop",
    "rabbi", "imam", "congressman", "congresswoman", "representative", "rep.", "mp", "mep",
    "speaker", "chief executive", "attorney general", "inspector", "officer", "detective",
    "superintendent", "president-elect", "vice-president", "vice president", "economist",
    "analyst", "author", "actor", "actress", "singer", "editor", "correspondent", "reporter",
    "founder", "owner", "boss", "mp", "lawmaker", "chief of staff", "counsel", "aide",
];

/// Head words of organisation names ("Bank", "Party", "Inc").
pub const ORG_WORDS: &[&str] = &[
    "inc", "inc.", "corp", "corp.", "corporation", "co", "co.", "company", "ltd", "ltd.", "plc",
    "llc", "ag", "sa", "nv", "gmbh", "group", "holdings", "bank", "party", "union", "council",
    "committee", "ministry", "department", "agency", "association", "federation", "university",
    "college", "institute", "club", "fc", "united", "city", "airlines", "airways", "news",
    "times", "post", "journal", "press", "commission", "court", "parliament", "assembly", "army",
    "police", "navy", "force", "forces", "office", "board", "bureau", "foundation", "fund",
    "trust", "society", "league", "organisation", "organization", "service", "services",
    "exchange", "motors", "industries", "systems", "technologies", "partners", "capital",
    "securities", "insurance", "energy", "petroleum", "oil", "telecom", "communications",
    "media", "television", "radio", "broadcasting", "network", "herald", "tribune", "guardian",
    "telegraph", "gazette", "daily", "weekly", "magazine", "review", "senate", "congress",
    "cabinet", "government", "administration", "treasury", "reserve", "authority", "alliance",
    "front", "movement", "brigade", "rovers", "wanderers", "athletic", "county", "academy",
    "hospital", "school", "church", "nations",
];

/// Head words of place and facility names ("Street", "Sea", "Airport").
pub const PLACE_WORDS: &[&str] = &[
    "street", "st", "st.", "road", "rd", "avenue", "ave", "boulevard", "square", "lane", "river",
    "sea", "ocean", "lake", "mountain", "mountains", "mount", "mt", "mt.", "island", "islands",
    "bay", "gulf", "valley", "province", "state", "region", "airport", "strait", "straits",
    "peninsula", "desert", "coast", "bridge", "park", "hill", "hills", "canal", "channel",
    "basin", "plain", "plains", "heights", "district", "county", "territory", "territories",
    "port", "harbour", "harbor", "palace", "castle", "tower", "stadium", "arena", "station",
    "north", "south", "east", "west", "northern", "southern", "eastern", "western", "central",
    "upper", "lower", "new", "san", "santa", "saint", "fort", "lakes", "cape", "isle",
];

/// Months and weekdays: capitalised, but not names in the CoNLL scheme.
pub const CALENDAR: &[&str] = &[
    "january", "february", "march", "april", "may", "june", "july", "august", "september",
    "october", "november", "december", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep",
    "sept", "oct", "nov", "dec", "monday", "tuesday", "wednesday", "thursday", "friday",
    "saturday", "sunday", "christmas", "easter",
];

/// Particles inside personal names ("van der", "bin", "de").
pub const PARTICLES: &[&str] = &[
    "van", "von", "der", "den", "de", "del", "della", "di", "da", "dos", "das", "du", "la", "le",
    "al", "el", "bin", "ibn", "ben", "abu", "mac", "ter", "ten", "zu",
];

/// Short forms of country names that the country data lacks as words.
pub const COUNTRY_SHORT_FORMS: &[&str] = &[
    "us", "u.s.", "usa", "u.s.a.", "uk", "u.k.", "uae", "drc", "prc", "america", "britain",
    "great britain", "england", "scotland", "wales", "northern ireland", "holland", "burma",
    "russia", "south korea", "north korea", "the netherlands", "congo", "ivory coast", "czechia",
    "czech republic", "taiwan", "palestine", "vatican", "kosovo",
];
