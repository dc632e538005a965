"""What kind of thing capitalised words name, for :mod:`.names`: a person ("Filippo Grandi",
"AbdulRahman AbdulRazaq", "A.G. Lafley"), an organisation (an organisation's word, an acronym, a
digit), a place or a thing (a country, a state, a street), a title ("Minister", "Sen."), or a
nationality adjective ("Welsh", "Pakistani") — with the words news writing uses for each.
"""
import re

#: Words that make a name an organisation's.
ORG_WORDS = set("""agency authority bank coalition commission council force forces office ministry department
police centers centre center centres institute university college school association organisation organization
foundation fund group inc ltd plc llc corp corporation company co committee party service services times news
post journal herald telegraph guardian tribune gazette press reuters nations union court parliament government
board bureau statistics programme program network library safety un u.n. nhs fbi cia army navy club league
federation alliance society trust partners capital holdings airlines airways bbc cnn observatory streetaccount
command congress senate assembly cabinet yard reserve house treasury exchequer commons lords kremlin pentagon
defense defence""".split())
#: Words that make a capitalised phrase a place or a thing rather than a person's name.
NOT_PERSON = set("""street square road bridge avenue lane park river lake mountain island islands coast bay sea
ocean valley horn gulf strait district province region county city town village report trends
displacement insurance health care index law treaty war conflict crisis statistics diabetes protection
correspondent editor market stock exchange day week francisco angeles york state states territory airport
images""".split())
#: Titles: a capitalised word among these before a name is the person's role.
TITLES = set("""president minister secretary chancellor governor mayor senator chief officer director chairman
chairwoman chair ceo cfo coo commissioner spokesman spokeswoman spokesperson head leader general colonel
captain inspector superintendent commander ambassador envoy judge justice professor dean founder king queen
prince princess pope bishop rabbi imam executive editor correspondent analyst economist deputy premier manager boss coach
assemblyman assemblywoman councillor councilor councilman councilwoman congressman congresswoman lawmaker
legislator magistrate sheriff attorney prosecutor solicitor counsel clerk auditor comptroller treasurer trustee
warden marshal detective sergeant constable sen sens rep reps gov lt gen col capt sgt maj cpl adm supt insp det cllr
goalscorer scorer striker midfielder defender goalkeeper keeper winger skipper forward substitute debutant
""".split())
#: Titles before a single name ("Chief Minister Siddaramaiah", "President Jokowi"); "Dean" and
#: "King" are first names as often.
OFFICES = {"president", "minister", "premier", "governor", "mayor", "senator", "chancellor", "commissioner",
            "secretary", "ambassador"}
#: Words that make a title more precise: "Executive Director", "Deputy Chief", "Acting Head".
TITLE_MODIFIERS = {"executive", "deputy", "chief", "senior", "assistant", "vice", "acting", "interim", "managing",
                    "associate", "former", "general", "principal", "joint", "co"}
HONORIFICS = {"mr", "mrs", "ms", "miss", "mx", "sir", "dame", "lord", "lady", "dr", "prof", "malam", "mallam", "alhaji",
              "alhaja", "hajia", "sheikh", "shri", "smt", "cllr", "coun"}
#: Plural nouns that stand for a crowd, not someone the draft can name.
GENERIC = set("""officials experts analysts police authorities organisers organizers protesters critics residents
researchers scientists witnesses sources locals observers economists investors campaigners activists doctors
lawyers prosecutors diplomats rescuers volunteers officers staff""".split())


#: One word of a person's name: a capital, then none, except after a name's prefix ("AbdulRahman",
#: "O'Donnell", "McDonald", "DeSantis") or a hyphen ("Heung-Min", "El-Erian").
_NAME_WORD = re.compile(r"(?:(?:Mc|Mac|O['\u2019]|D['\u2019]|De|Di|Da|Du|La|Le|Abdul|Fitz)(?=[A-Z]))?[A-Z][^A-Z\s-]*"
                        r"(?:-(?:(?:Mc|Mac|O['\u2019]|Abdul)(?=[A-Z]))?[A-Z][^A-Z\s-]*)?")


def personal(words: list[str]) -> bool:
    """Whether capitalised words read as a person's name: two or three, none an organisation's
    or a place's word, no country ("New Zealand") or nationality ("New Zealand-Japanese")."""
    initials = len(words) > 1 and re.fullmatch(r"[A-Z]{2}|(?:[A-Z]\.){1,3}", words[0]) is not None and \
        words[0] not in {"UN", "EU", "AU", "US", "UK", "UAE", "U.N.", "E.U."} and not country(words[0])  # "MB Patil", "A.G. Lafley"
    rest = words[1:] if initials else words
    rest = [w for w in rest[:-1] if not re.fullmatch(r"[A-Z]\.", w)] + rest[-1:]  # "James L. Balsillie"
    return len(words) in (2, 3, 4) and len(rest) in (1, 2, 3) and (len(words) < 4 or len(rest) < len(words)) and \
        not is_org(rest, person_hyphen=True) and not demonym(words[0]) and \
        " ".join(words).lower() not in _place_names() and not country(" ".join(words)) and \
        not any(demonym(part) for w in rest for part in w.split("-")[1:]) and \
        not any(w.lower() in NOT_PERSON or not _NAME_WORD.fullmatch(w) for w in rest)


#: Nationality adjectives that are no country's name with an ending (ISO names such as "Russian
#: Federation", "Viet Nam", "Türkiye" aside).
_DEMONYMS = {"british", "french", "dutch", "swiss", "welsh", "scottish", "irish", "english", "american", "filipino",
             "greek", "thai", "arab", "european", "african", "asian", "latin", "western", "eastern", "northern", "southern",
             "russian", "german", "turkish", "iranian", "korean", "syrian", "venezuelan", "bolivian", "vietnamese",
             "tanzanian", "congolese", "czech", "moldovan", "taiwanese", "palestinian", "kurdish", "danish", "finnish",
             "swedish", "norwegian", "polish", "spanish", "portuguese", "belgian", "austrian", "hungarian", "saudi",
             "emirati", "lebanese", "afghan", "bangladeshi", "nepali", "sri lankan", "burmese", "japanese"}


def demonym(word: str) -> bool:
    """Whether a capitalised word is a nationality adjective ("Pakistani Kashmir", "Indian Ocean",
    "Chinese officials"): a country's name with a demonym's ending, or a common irregular one."""
    w = word.lower()
    if w in _DEMONYMS:
        return True
    stems = [word[:-1], word[:-2], word[:-3], word[:-1] + "a", word[:-2] + "a", word[:-3] + "a", word[:-3] + "e",
             word[:-3] + "ey", word[:-2] + "y", word[:-4] + "a"]
    return len(word) > 4 and re.search(r"(?:i|n|ese|ish|an)$", w) is not None and \
        any(x.lower() in _country_names() for x in stems)


_PLACE_NAMES: set[str] = set()


def _place_names() -> set[str]:
    """Names of countries' subdivisions of more than one word, lower case (ISO 3166-2, offline):
    "Andhra Pradesh", "North Carolina" are no person's name."""
    if not _PLACE_NAMES:
        import pycountry

        _PLACE_NAMES.update(x.name.lower() for x in pycountry.subdivisions if " " in x.name)
    return _PLACE_NAMES


_COUNTRY_NAMES: set[str] = set()


def _country_names() -> set[str]:
    """Countries' names in lower case (ISO 3166, offline), never their codes ("Lie" is no country)."""
    if not _COUNTRY_NAMES:
        import pycountry

        for c in pycountry.countries:
            _COUNTRY_NAMES.update(getattr(c, a).lower() for a in ("name", "common_name") if hasattr(c, a))
    return _COUNTRY_NAMES


def is_title(word: str) -> bool:
    """Whether a capitalised word is a job title ("Minister", "Director-General")."""
    return any(part in TITLES for part in word.lower().strip(".").split("-"))


#: Words that end a company's name and not its initials.
_CORPORATE = {"co", "inc", "ltd", "corp", "plc", "llc", "company", "group", "limited", "sa", "ag", "nv"}


def initials_fit(acronym: str, name: str) -> bool:
    """Whether ``acronym`` is the initials of ``name``'s words, small words aside ("WHO", "UNHCR"),
    or their first three or more ("CDC" for "Centers for Disease Control and Prevention")."""
    words = re.findall(r"[\w\u2019'-]+", name)
    while len(words) > 2 and words[-1].lower().strip(".") in _CORPORATE:
        words = words[:-1]  # "PG" for Procter & Gamble Co.
    initials = "".join(w[0] for w in words if w.lower() not in {"of", "the", "for", "and", "on", "in", "de", "&"})
    initials = initials.upper()
    return initials == acronym or (len(acronym) >= 3 and initials.startswith(acronym))


def is_org(words: list[str], person_hyphen: bool = False) -> bool:
    """Whether capitalised words name an organisation: an organisation's word, an acronym, a digit,
    a slash, or a hyphen before a capital ("CV-Library"; with ``person_hyphen`` a surname's
    hyphen is allowed: "Mohamed El-Erian", "Jean-Claude Juncker")."""
    low = [w.lower().strip(".") for w in words]
    hyphen = r"-[A-Z](?=[A-Z]|$)" if person_hyphen else r"-[A-Z]"
    initials = [w for w in words[:-1] if re.fullmatch(r"(?:[A-Z]\.){1,3}", w) and not country(w)]  # "A.G. Lafley"
    return any(w in ORG_WORDS for w in low) or \
        any(re.fullmatch(r"[A-Z][A-Z0-9&./-]{1,}", w) for w in words if w not in initials) \
        or any(re.search(rf"\d|{hyphen}|/", w) for w in words)


_COUNTRY_CACHE: dict[str, bool] = {}


def country(name: str) -> bool:
    """Whether ``name`` is a country (ISO 3166, offline): "it" and "the agency" are never one."""
    if name not in _COUNTRY_CACHE:
        import pycountry

        short = {"uk", "us", "u.s.", "u.k.", "usa", "britain", "america", "eu", "europe", "africa"}
        try:
            pycountry.countries.lookup(name)
            _COUNTRY_CACHE[name] = True
        except LookupError:
            _COUNTRY_CACHE[name] = name.lower() in short
    return _COUNTRY_CACHE[name]
