"""What a figure counts, for :mod:`.figures`: the noun after it ("650,000 people", "3,860
employees", "317 million average monthly active users", "cases per million people"), the noun of the
total it is part of ("11 of 14 precincts"), the noun after a name or a nationality that qualifies it
("45 National People's Congress deputies", "10 Turkish provinces"), what "units" are ("216.2
million units were smartphones"), or what the sentence counted before ("the number of measles cases
… rose to 112,163", "173.1 points … at 7100.3").
"""
import re

from .text import sentence_around, title_case

#: Nouns that count people: a figure of them has unit ``people``. Other plural nouns are their own
#: unit ("50,000 customers", "3,860 employees", "three countries").
PEOPLE_NOUNS = set("""people persons person individuals men women children adults babies girls boys refugees
migrants immigrants emigrants asylum-seekers seekers displaced deaths dead bodies victims casualties fatalities
residents inhabitants civilians citizens nationals soldiers troops officers police policemen protesters
demonstrators marchers participants defectors exiles leavers evacuees survivors patients voters pupils
students tourists visitors travellers travelers pilgrims prisoners detainees hostages fighters militants
americans britons indigenes natives""".split())
#: Words that qualify a counted noun without being part of its unit ("317 million average monthly
#: active users" counts "monthly active users").
NOT_UNIT = {"average", "other", "more", "additional", "further", "new", "extra", "total", "estimated", "some",
            "overall", "net", "fewer", "such", "many", "former", "current", "existing", "registered",
            "reported", "recorded",
            # where they are: "523 provincial deputies" counts deputies
            "provincial", "national", "local", "regional", "federal", "municipal", "foreign", "domestic",
            "international", "global", "overseas", "rural", "urban"}
STOP = set("""were was is are be been being have has had will would could can may might should shall must do does
did who whom which that what of in on at to from by for with and or as than per each this these those a an the
its their his her our your there here into onto over under about around across after before since until while
when where because so but if not no nor also only just still now then yet both either neither every all any
between among against during without within through""".split())


#: Nouns that end in "s" without being plural: a modifier, never the unit ("112,163 measles cases").
SINGULAR_S = set("""measles mumps rabies diabetes herpes news series species means physics economics politics
athletics gymnastics aids mathematics headquarters lens gas bus plus bonus status virus census campus corpus
canvas chaos thesis basis crisis analysis various""".split())


#: Verbs in the third person that look like plural nouns ("the 52 seat authority remains").
VERBS_S = set("""remains means seems makes takes gives needs goes comes looks includes contains stands falls rises
says shows tells puts gets keeps helps holds leads lies runs sees sets wants works becomes appears belongs depends
continues exists happens lives moves plans provides remains requires stays suggests""".split())


def _plural(word: str) -> bool:
    return word.endswith("s") and not word.endswith(("ss", "us", "is")) and len(word) > 3 and word not in SINGULAR_S \
        and word not in VERBS_S


def _person_noun(word: str) -> bool:
    return word in PEOPLE_NOUNS or bool(re.search(r"(?:ists|ers|ors|ians|ants|ents)$", word)) or \
        word in ("officials", "professionals", "nationals", "individuals", "criminals", "rivals", "chiefs", "staff")


def _other_people(tokens: list[str]) -> bool:
    """Whether ``tokens`` (after "and") name people: a plural person noun after at most two
    modifiers ("activists", "central bank governors")."""
    for t in tokens:
        if t in STOP:
            return False
        if _plural(t):
            return _person_noun(t)
    return False


def unit_noun(text: str, end: int) -> str | None:
    """The counted noun after a figure: "people", "customers", "monthly active users", "cases per
    million people", or None."""
    if re.match(r"^\s+years\s+ago\b", text[end:end + 12]):
        return "years ago"
    if re.match(r"^\s+(?:were\s+|have\s+been\s+|are\s+)?(?:killed|dead|died|injured|hurt|wounded|missing|arrested|"
                r"rescued|evacuated|hospitali[sz]ed)\b", text[end:end + 30]):
        return "people"  # "3 killed", "12 were injured": people, whatever the sentence counted before
    line_start = text.rfind("\n", 0, end) + 1
    line = text[line_start:text.find("\n", end) if "\n" in text[end:] else len(text)]
    if title_case(line) and not re.match(r"^\s+[A-Z][a-z]+(?:ans|ians|ese|ish)\b", text[end:end + 40]):
        text = text[:end] + text[end:end + 60].lower()  # "204000 Jobs Added" in a headline
    nationality = re.match(r"^\s+[A-Z][a-z]+(?:ian|an|ese|ish|i)(?=\s+[a-z])", text[end:end + 40])
    if nationality:  # "10 Turkish provinces", "215 Pakistani soldiers": the noun after the nationality
        return unit_noun(text, end + nationality.end())
    proper = re.match(r"^(?:\s+(?:[A-Z][\w\u2019'.&-]*|of|the|and|for))*?\s+[A-Z][\w\u2019'.&-]*(?=\s+[a-z])",
                      text[end:end + 80])
    if proper and not re.search(r"[A-Z][a-z]+(?:ns|ans|ers|ese|ish)$", proper.group(0)):
        # "45 National People's Congress deputies": a name qualifies the counted noun after it
        return unit_noun(text, end + proper.end())
    of_total = re.match(r"^\s+(?:of|out of)\s+(?:the\s+)?(?:[\w.-]+(?:'s|\u2019s)\s+)?\d[\d,.]*(?=\s+[a-z])",
                        text[end:end + 50])
    if of_total:  # "11 of 14 precincts": what the total counts
        return unit_noun(text, end + of_total.end())
    words = re.match(r"^(?:\s+of)?((?:\s+[a-z][a-z-]*){1,7})", text[end:end + 80])
    if not words:
        m = re.match(r"^\s+([A-Z][a-z]+(?:ns|ans|ers|ese|ish|is|s))\b", text[end:end + 40])
        return "people" if m else None  # "29.1 million Americans", "650,000 Russians"
    tokens = words.group(1).split()
    if tokens[:1] == ["units"]:  # "216.2 million units were smartphones"
        what = re.match(r"\s+units\s+(?:were|are)\s+([a-z][a-z-]+s)\b", text[end:end + 60])
        if what and _plural(what.group(1)):
            return what.group(1)
    if tokens[1:2] == ["units"] and not tokens[0].endswith(("ing", "s")) and tokens[0] not in NOT_UNIT | STOP:
        return tokens[0] + "s"  # "70 million smartphone units" count smartphones
    for i, t in enumerate(tokens):
        if t in ("and", "or") and i and tokens[i + 1:i + 2] and tokens[i + 1] not in STOP:
            continue  # "20,000 government and private-sector officials": a modifier coordinated
        if t in STOP:
            return None
        if t in PEOPLE_NOUNS:
            return "people"
        if _plural(t):
            if tokens[i + 1:i + 2] == ["and"] and _person_noun(t) and _other_people(tokens[i + 2:i + 5]):
                # "121 journalists and activists", "20-thousand finance ministers and central bank
                # governors": a group of people, not one noun
                return "people"
            # "50 single-mandate constituencies", "four state-owned banks": the head, without a compound
            # or a participle that qualifies it
            first = max([j + 1 for j, w in enumerate(tokens[:i]) if w in ("and", "or")], default=0)
            kept = [w for w in tokens[first:i + 1] if w not in NOT_UNIT and w not in SINGULAR_S and
                    (w == t or "-" not in w and not (w.endswith("ed") and len(w) > 4))]
            head_end = end + words.start(1) + words.group(1).index(t) + len(t)
            rate = re.match(r"\s+(per\s+(?:(?:\d[\d,.]*|a|one|hundred|thousand|million|billion)\s+){0,2}(?!cent\b)[a-z]+)\b",
                            text[head_end:head_end + 40])
            on_target = re.match(r"\s+on\s+target\b", text[head_end:head_end + 12]) if t == "shots" else None
            return " ".join(kept) + (" " + rate.group(1) if rate else "") + (" on target" if on_target else "")
    return None


#: "the number of measles cases … rose to 112,163": a bare figure counts what the sentence named.
_NUMBER_OF = re.compile(r"\bthe\s+(?:total\s+)?(?:number|total|tally|count)\s+of\s+((?:[a-z-]+\s+){0,2}[a-z-]+)", re.IGNORECASE)


#: Stock market indices: a bare figure in a sentence about one is in its points.
_INDEX = re.compile(r"\b(?:index|indices|indexes|blue[- ]chip)\b|\b(?:Dow|S&P|Nasdaq|FTSE|Nikkei|Hang Seng|DAX|CAC|Sensex|"
                    r"Nifty|Russell|Stoxx|KOSPI|Kospi|ASX|TSX|IBEX)(?i:(?:\s+(?:\d+|Jones|Industrial|Composite|Average))*\s+"
                    r"(?:average|composite|fell|rose|closed|ended|finished|gained|lost|dropped|climbed|slipped|added|shed|"
                    r"slid|jumped|plunged|tumbled|edged|was|is|hit|opened))\b")


def unit_named_before(text: str, fig, before: list) -> str | None:
    """The unit a bare figure (a :class:`~.figures.Figure`) takes from its sentence: the noun of "the
    number of …" before it, else the unit of the last figure of ``before`` in the sentence that counts
    something other than people ("down 173.1 points or 2.4% at 7100.3")."""
    start, end = sentence_around(text, fig.start, fig.end)
    if _INDEX.search(text, start, end) and not re.match(r"\s*,?\s*(?:a|an|per|each)\s", text[fig.end:fig.end + 8]):
        return "points"  # "The Dow Jones industrial average fell 129.95 … to 13,295.01": an index's points
    named = list(_NUMBER_OF.finditer(text, start, fig.start))
    if named:
        unit = unit_noun(" " + named[-1].group(1) + " .", 0)
        if unit:
            return unit
    for other in reversed(before):
        if other.end <= start:
            break
        if other.named:
            continue  # "the nine-party opposition bloc only about 11": a compound qualifies, it is not counted
        if other.unit in ("per cent", "percentage points", "basis points", "magnitude", "years ago"):
            continue
        return other.unit if other.unit not in ("people", "rank") and not other.unit.isupper() else None
    return None


def unit_for(text: str, end: int, unit: str | None) -> str:
    """``unit`` when the figure's own words give one (a currency, a per cent), else the noun after
    ``end``, else people."""
    if unit:
        return unit
    return unit_noun(text, end) or "people"
