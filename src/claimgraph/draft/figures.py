"""Every figure of an article, with the words that bound it and what it counts: numerals
("650,000", "1.6 million", "100K", "27.8%", "9 percent", "0.4 percentage points"), money ("£10.5
million", "US$14.6 million", "13 cents"), number words ("three", "half million"), shares and
ratios ("about half", "one in every 74", "2.3 times", "more than double"), vague amounts ("tens
of thousands", "scores of"), and ranges ("4-5 percent", "between 174,000 and 334,000", "about 60
to 70", "about $10 million to $20 million"), read by :func:`claimgraph.model.figures.read_figure`.

Never a figure (the dev corpus conventions): dates ("April 9", "Sept. 30", "09/02/2017"), years
("2011", "2009-2012", "between 2011 and 2019"), times ("2.30pm", "15:35"), ordinals ("8th",
"a third country"), ages ("Bill Hoyes, 72,", "eight-week-old"), durations ("two decades", "the 12
months to June", "a 10-year study"), labels ("type 2", "Article 5", "Channel 4") and numbers
inside words ("O2", "G20", "COVID-19"). ``audit`` and ``draft`` both use :func:`find_figures`.
"""
import re
from dataclasses import dataclass
from decimal import Decimal

from ..model.figures import read_figure
from ..model.vocab import CURRENCY_SYMBOLS, CURRENCY_WORDS
from .units import unit_for, unit_named_before, unit_noun

_UNITS_1 = ("one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|"
            "sixteen|seventeen|eighteen|nineteen")
_TENS = "twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety"
_WORD = rf"(?:(?:{_TENS})(?:[- ](?:{_UNITS_1}))?|{_UNITS_1}|zero(?=\s(?:per ?cent|percent)\b))"
WORD_NUMBER = (rf"(?:{_WORD}(?: hundred)?(?:(?: and)? {_WORD})?(?:[- ]and[- ]a[- ]half)?(?: (?:thousand|million|billion))?"
               r"|a (?:hundred|thousand|million|billion|dozen)|dozen)")
#: Numerals with thousands separators, in Indian grouping too ("7,36,437.71": lakhs and crores).
#: A space for a thousands separator ("15 000 light years", South African and French style) too.
NUMERAL = (r"\d{1,2}(?:,\d{2})+,\d{3}(?:\.\d+)?|\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d{1,3}(?: \d{3})+(?![\d,.]\d)"
           r"|\d+(?:\.\d+)?")
SCALE = (r"(?:\s?(?:(?:lakh|thousand)\s+(?:crores?|cr\b\.?)|thousand|million|billion|trillion|crores?|lakhs?|cr|bn|mn|"
         r"mln|tn)\b|(?:m|k|K|b)\b)")
#: Scales as model.figures reads them: South Asian news writes "crores", "lakhs" and "Rs 15 cr".
_SCALE_NAMES = {"crores": "crore", "cr": "crore", "lakhs": "lakh"}
#: Scales of two words, as factors: "Rs 1.33 lakh crore" (a lakh of crores), "Rs 50 thousand crore".
_COMPOUND_SCALES = {"lakh": 10 ** 12, "thousand": 10 ** 10}
#: Nationalities that name a currency with "dollar(s)", "franc(s)", "rupee(s)" before or after the
#: number ("Australian dollar 4.12 million", "1.21 US dollars", "50 Swiss francs").
NATIONAL_CURRENCIES = {"us": "USD", "u.s.": "USD", "american": "USD", "australian": "AUD", "canadian": "CAD",
                       "new zealand": "NZD", "hong kong": "HKD", "singapore": "SGD", "taiwan": "TWD",
                       "swiss": "CHF", "indian": "INR", "pakistani": "PKR", "sri lankan": "LKR",
                       "nepalese": "NPR", "mauritian": "MUR"}
_NATION = r"(?:US|U\.S\.|American|Australian|Canadian|New Zealand|Hong Kong|Singapore|Taiwan|Swiss|Indian|Pakistani|Sri Lankan|Nepalese|Mauritian)"
#: "Rs" and "INR" for rupees; "`" is the rupee sign of a font Indian pages used before Unicode had
#: one (₹), printed as a backtick when the font is missing ("a penalty of `5 crores").
#: "N" is the naira before a sum with a scale or before a range of such sums ("N5 billion", "N5 to N10
#: billion"): alone it is a road or a mask ("N95").
_NAIRA = r"N(?=\d[\d,.]*(?:\s?(?:billion|million|trillion|bn|m|tn)\b|\s*(?:to|and|-|–)\s*N\d))"
CURRENCY = (rf"(?:US\$|A\$|C\$|HK\$|NZ\$|S\$|R\$|[$€£¥₹₽₴₾₺₦]|{_NAIRA}|`(?=\d)|Rs\.?\s?|(?:USD|EUR|GBP|JPY|RUB|INR|CHF|CNY|AUD|CAD)\s?"
            rf"|{_NATION}\s+(?:dollars?|francs?|rupees?)\s(?=\d))")
PERCENT = r"(?:\s?%|\s(?:per ?cent|percent|pct)\b|\s?pc\b|\s(?:percentage points?|basis points?|(?:index )?points?)\b)"
MONEY_WORDS = (rf"(?:p\b(?![.,]?\d)|\s(?:{_NATION}\s+)?(?:dollars|euros|pounds|pence|cents|paise|paisa|roubles|rubles|yen|yuan|rupees|francs)\b"
               r"|\s(?:dollar|euro|rupee|franc)\b(?!\s+(?:a|an|the|for|to|in|on)\b))")
_ONE = (rf"(?:(?P<cur>{CURRENCY})?(?P<num>{NUMERAL})(?P<scale>{SCALE})?|(?P<words>{WORD_NUMBER}))"
        rf"(?P<unit>{PERCENT}|{MONEY_WORDS})?")


def _one(suffix: str) -> str:
    return re.sub(r"\(\?P<(\w+)>", lambda m: f"(?P<{m.group(1)}{suffix}>", _ONE)


_EDGE_L = r"(?<![\w/.,:$€£-])"
# a per cent may make a compound adjective ("a 50 percent-off coupon", "a 10%-owned unit")
_EDGE_R = r"(?:(?:(?<=cent)|(?<=%))(?=-[a-z])|(?![\w/%-]|[.,]\d|:\d))"
RANGE = re.compile(
    rf"{_EDGE_L}(?P<between>between\s+)?{_one('1')}(?:\s*(?:-|–|to|and)\s*|\s+or\s+){_one('2')}{_EDGE_R}", re.IGNORECASE)
#: A score ("a 2-1 victory", "won 3-0", "lost 1-2 to"): the hyphen joins two counts, not a range.
SCORE = re.compile(r"(?<![\w.,/$€£-])(\d{1,3})[-–](\d{1,3})(?![\w%/-]|[.,]\d)")
_SCORE_AFTER = re.compile(r"^\s+(?:(?:home|away|league|cup|first-leg|aggregate)\s+)?(?:victory|win|defeat|loss|draw|lead|"
                          r"triumph|thrashing|drubbing|scoreline|result|success|reverse|up|down|ahead|behind)\b",
                          re.IGNORECASE)
_SCORE_BEFORE = re.compile(r"\b(?:won|win|wins|beat|beats|lost|lose|loses|drew|draw|draws|trailed|trailing|led|leads|"
                           r"leading|score|scoreline|ended|finished)\s+(?:\w+\s+){0,2}$", re.IGNORECASE)
RATIO = re.compile(rf"{_EDGE_L}(?:\d+|{_WORD})\s+(?:[a-z]+\s+)?(?:in|out of)\s+(?:every\s+)?(?:\d[\d,]*|{_WORD})\b",
                   re.IGNORECASE)
#: Multiples, with the comparison they make ("twice as big", "three times as likely"): 200, 300 per cent.
TIMES = re.compile(rf"(?P<n>{_EDGE_L}(?:\d+(?:\.\d+)?|{_WORD})[ -](?:times|fold)\b|\b(?:double|doubled|triple|tripled|"
                   r"treble|trebled|quadruple|quadrupled)\b"
                   # "twice" compares ("twice as big", "twice the mass"); "scored twice", "twice a year" count times
                   r"|\btwice(?=\s+(?:as|the|that|than|what|its|their|his|her|our|this|those|these|an?|\d|[$£€])\b)"
                   r"(?!\s+a\s+(?:year|week|day|month|season|night|decade)\b))(?:\s+as\s+[a-z]+\b)?", re.IGNORECASE)
VAGUE = re.compile(r"\b(?:(?:tens|hundreds) of (?:thousands|millions|billions)|thousands|millions|billions"
                   r"|(?:several|a few|some)\s+dozen"
                   r"|(?:dozens|scores|hundreds)(?= of\b))\b", re.IGNORECASE)
FRACTION = re.compile(r"\b(?:(?<!and a )(?<!and-a-)half(?:\s+a)?(?=\s+(?:million|billion|thousand)\b)\s+(?:million|billion|thousand)"
                      r"|(?:a|one|two|three)[ -](?:half|third|thirds|quarter|quarters|fifth|fifths|tenth)(?=\s+of\b|\W*$|\s*[,.;)(])"
                      # never a match's "first half", "second half"
                      r"|(?<!first )(?<!second )(?<!other )(?<!final )(?<!opening )(?<!closing )"
                      r"half(?=\s+of\b|\s*[,.;)(]|\s+(?:the|their|its|his|her|them|those|these|all)\b)"
                      # "more than half have …": a bound word makes "half" a share
                      r"|(?:" + "|".join(f"(?<={w} )" for w in ("than", "over", "about", "around", "nearly", "almost",
                                                                  "roughly", "some", "just", "only", "under"))
                      + r")half\b)", re.IGNORECASE)
#: "double digit percentage increases", "failing to make it into double digits", "in single digits":
#: a bound at 10 (100 for triple digits) per cent.
DIGITS = re.compile(r"\b(?P<n>single|double|triple)[ -]digits?\b", re.IGNORECASE)
_NEGATION = re.compile(r"\b(?:not|never|no|fail|fails|failed|failing|short of|without|below|under|less than)\b"
                       r"(?:\s+[\w-]+){0,5}\s*$", re.IGNORECASE)
#: A fraction of a point is a change of a rate in percentage points: "a quarter point rise",
#: "half a percentage point", "three-quarters of a point".
POINT_FRACTION = re.compile(r"\b(?:(?P<q>a|one|three)[ -])?(?P<f>quarters?|half)(?:[ -]of)?(?:[ -]a)?[ -]"
                            r"(?P<u>percentage[ -]points?|points?|per ?cent|percent)\b", re.IGNORECASE)
#: An earthquake's magnitude: "a magnitude 7.6 quake", "the 7.9-magnitude quake".
MAGNITUDE = re.compile(r"\bmagnitude[ -](?P<a>\d{1,2}(?:\.\d+)?)\b(?![.,]\d)|\b(?P<b>\d{1,2}(?:\.\d+)?)[ -]magnitude\b",
                       re.IGNORECASE)
SINGLE = re.compile(rf"{_EDGE_L}(?:\+/-\s?|±\s?)?{_ONE}{_EDGE_R}", re.IGNORECASE)
TOP = re.compile(rf"\btop (?P<n>\d+|{_WORD})\b", re.IGNORECASE)

BOUNDS = [
    (r"more than|over|at least|upwards of|in excess of|above|no fewer than|no less than|a minimum of|exceeding|"
     r"higher than|greater than|larger than|bigger than|past|beyond", "lower"),
    (r"less than|fewer than|under|below|up to|at most|nearly|almost|just under|as many as|no more than|"
     r"a maximum of|close to|just shy of|lower than|smaller than", "upper"),
    # "close to about 10,000 to 15,000": two hedges, an approximation
    (r"close to about|close to around|nearly about|just about|some|about|around|roughly|approximately|approx\.|"
     r"an estimated|estimated|circa|an approximate|more or less", "approximate"),
]
#: Words that grade a bound and belong to the printed figure: "just over £4,500", "slightly above 11%".
_GRADE = r"(?:(?:just|slightly|well|far|a little|little|marginally|comfortably|a bit)\s+)?"
_BOUND = re.compile(r"(?<![\w-])" + _GRADE + r"(?P<words>" + "|".join(w for w, _ in BOUNDS) + r")\s+(?:the\s+)?$",
                    re.IGNORECASE)
#: Verbs that make the figure after them a lower bound without being part of it ("the toll topped 18,000").
_BOUND_VERB = re.compile(r"\b(?:topped|tops|topping|exceeded|exceeds|exceeding|surpassed|surpasses|surpassing|passed|"
                         r"passing)\s+(?:the\s+)?$", re.IGNORECASE)
#: A negated "have" makes the figure after it an upper bound ("you don't have 10 chances").
_NOT_HAVE = re.compile(r"\b(?:don't|don\u2019t|do not|doesn't|doesn\u2019t|does not|didn't|didn\u2019t|did not|never)\s+"
                       r"(?:have|get|had|got)\s+$", re.IGNORECASE)
_BOUND_AFTER = re.compile(r"^(?:\s?-?plus\b|\s+or (?:more|over)\b)", re.IGNORECASE)

MONTHS = ("january|february|march|april|may|june|july|august|september|october|november|december|jan|feb|mar|apr|"
          "jun|jul|aug|sep|sept|oct|nov|dec")
WEEKDAYS = "monday|tuesday|wednesday|thursday|friday|saturday|sunday"
DURATION = r"(?:years?|months?|weeks?|days?|hours?|minutes?|seconds?|decades?|centuries|century|nights?|quarters?)"
LABELS = ("type|article|section|chapter|phase|level|category|stage|grade|class|tier|number|no|version|flight|"
          "route|room|page|line|paragraph|clause|model|series|season|episode|round|act|size|gate|platform|"
          "terminal|resolution|channel|covid|world war|vol|volume|part|item|step|point|figure|table|appendix|"
          "regulation|rule|schedule|amendment|annex|annexe|exhibit|route|highway|district|ward|unit|block")
_DATE_ISH = re.compile(rf"\b\d{{1,2}}/\d{{1,2}}/\d{{2,4}}\b|\b\d{{4}}-\d{{2}}-\d{{2}}\b|\b\d{{1,2}}:\d{{2}}\b|\b\d{{1,2}}\.\d{{2}}\s?[ap]\.?m\b\.?"
                       rf"|\b\d{{1,2}}\s?[ap]\.?m\b\.?|\b\d+(?:st|nd|rd|th)\b"
                       rf"|\b(?:{MONTHS})\.?\s+\d{{1,2}}\b(?:,?\s+\d{{4}})?|\b\d{{1,2}}\s+(?:{MONTHS})\b\.?(?:\s+\d{{4}})?"
                       rf"|\b(?:1[89]|2[01])\d{{2}}\s*(?:-|–|to|and)\s*(?:1[89]|2[01])?\d{{2}}\b"
                       # a clock in four digits ("0900 GMT", "1430 hours")
                       rf"|\b[0-2]\d[0-5]\d\s?(?:GMT|UTC|ET|EST|EDT|CET|BST|IST|local|hours|hrs|h)\b", re.IGNORECASE)
_YEAR = re.compile(r"^(?:1[89]|2[01])\d{2}$")



@dataclass
class Figure:
    """One figure found in a text: ``start``–``end`` is its printed form with the bound words
    ("more than 650,000"); ``core`` the number itself."""
    start: int
    end: int
    core_start: int
    core_end: int
    value: Decimal | None = None
    minimum: Decimal | None = None
    maximum: Decimal | None = None
    bound: str = "exact"
    unit: str = "people"
    vague: bool = False

    @property
    def span(self) -> tuple[int, int]:
        return self.start, self.end


def _plain(value: Decimal) -> str:
    text = format(value.normalize(), "f")
    return text


def _read(m, suffix: str = "") -> tuple[Decimal | None, str | None]:
    """(value, unit) of one figure match; unit None when the words do not say it."""
    g = lambda name: m.group(name + suffix)  # noqa: E731
    unit_words = (g("unit") or "").strip().lower()
    if g("words"):
        half = re.search(r"[- ]and[- ]a[- ]half", g("words"))
        reading = read_figure(g("words").replace(half.group(0), "") if half else g("words"))
        if reading is not None and half:  # "three-and-a-half years", "two and a half million"
            whole = read_figure(re.split(r"[- ]and[- ]a[- ]half", g("words"))[0])
            scale = reading.value / whole.value if whole and whole.value else 1
            reading = type(reading)(reading.value + scale / 2)
    else:
        scale = (g("scale") or "")
        scale = scale.replace(scale.strip(), _SCALE_NAMES.get(scale.strip().lower(), scale.strip()))
        num = g("num").replace(",", "") if re.search(r",\d{2}(?:,|$)", g("num")) else g("num")  # "7,36,437"
        compound = re.match(r"\s*(lakh|thousand)\s+(?:crores?|cr)", scale, re.IGNORECASE)
        if compound:
            reading = read_figure(num)
            reading = reading and type(reading)(reading.value * _COMPOUND_SCALES[compound.group(1).lower()])
        else:
            reading = read_figure(num + scale)
    if reading is None:
        return None, None
    value, unit = reading.value, _currency(g("cur") or "")
    if unit_words in ("%", "per cent", "percent", "pct", "pc", "percentage point", "percentage points",
                      "basis point", "basis points") or reading.per_cent:
        unit = "percentage points" if unit_words.startswith("percentage") else \
            "basis points" if unit_words.startswith("basis") else "per cent"
    elif re.fullmatch(r"(?:index )?points?", unit_words):
        unit = "points"  # an index's points: "down 173.1 points"
    elif unit_words in ("cents", "pence", "p", "paise", "paisa"):  # "16p" is pence
        value, unit = value / 100, unit or {"pence": "GBP", "p": "GBP", "paise": "INR", "paisa": "INR"}.get(unit_words, "USD")
    elif unit_words:
        unit = _currency(unit_words) or unit
    return value, unit


def _currency(words: str) -> str | None:
    """The ISO 4217 code a currency sign or name stands for ("A$", "Rs", "Australian dollar",
    "US dollars", "euros"), or None."""
    words = " ".join(words.lower().split())
    if not words:
        return None
    if words in CURRENCY_SYMBOLS:
        return CURRENCY_SYMBOLS[words]
    if words.rstrip(". ") in ("rs", "inr", "`"):
        return "INR"
    if words in ("n", "\u20a6"):
        return "NGN"
    nation = re.match(r"(.+?)\s+(dollars?|francs?|rupees?)$", words)
    if nation and nation.group(1) in NATIONAL_CURRENCIES:
        return NATIONAL_CURRENCIES[nation.group(1)]
    if re.fullmatch(r"[a-z]{3}", words) and words.upper() in set(CURRENCY_SYMBOLS.values()) | {"CHF", "CNY", "AUD", "CAD"}:
        return words.upper()
    return CURRENCY_WORDS.get(words) or CURRENCY_WORDS.get(words + "s")


def _skip(text: str, start: int, end: int, dates: list[tuple[int, int]]) -> bool:
    """Whether the number at start–end is a date, year, time, ordinal, age, duration or label."""
    core = text[start:end]
    if any(s <= start < e or s < end <= e for s, e in dates):
        return True
    digits = re.sub(r"[^\d.,]", "", core)
    bare = not re.search(r"[%$€£¥₹₽a-zA-Z]", core.replace("per cent", "%")) or re.fullmatch(r"[\d,.]+", core)
    if bare and _YEAR.match(digits) and "," not in core:
        return True
    after = text[end:end + 40]
    before = text[max(0, start - 40):start]
    if re.match(rf"^(?:-|\s)(?:{DURATION})\b|^[- ](?:{DURATION})-old\b|^[- ]year-old|^-(?:{DURATION}|strong)\b", after,
                re.IGNORECASE) and not re.search(r"%|per ?cent|percent|pc$", core) and not _deep_time(core, after) \
            and not _duration_claim(text, start, end):
        return True
    if re.search(r"\b(?:call|calls|called|calling|dial|dials|dialed|dialled|dialing|dialling|phoned)\s+$", before,
                 re.IGNORECASE) and bare:
        return True  # "The man called 911": a number to call
    if bare and re.match(r"^\s+(?:[NSEW]\.?\s+)?(?:[A-Z][\w.'-]*\s+){1,3}(?:St|Street|Ave|Avenue|Rd|Road|Blvd|Boulevard|"
                         r"Lane|Ln|Drive|Dr|Way|Place|Pl|Highway|Hwy|Parkway|Pkwy|Terrace|Crescent)\b", after):
        return True  # "3208 S. Thompson St.": an address
    if re.search(r"\b(?:here are|these are|here is)\s+(?:the\s+)?$", before, re.IGNORECASE) and \
            not re.search(r"[%$€£¥₹₽]", core):
        return True  # "Here are five takeaways from …": the article's own list
    if re.search(rf"\b(?:{LABELS})\.?\s*$", before, re.IGNORECASE) and bare:
        return True
    if re.search(r"\baged?\s*$", before, re.IGNORECASE) or (re.search(r"[A-Z][a-z]+,\s*$", before)
                                                           and re.match(r"^\s*,", after) and bare):
        return True  # "Bill Hoyes, 72," and "aged 72"
    if re.search(rf"\b(?:{WEEKDAYS})\s*$|\b(?:{MONTHS})\.?\s*$", before, re.IGNORECASE) and bare:
        return True
    if re.fullmatch(r"one", core, re.IGNORECASE):
        return True  # "one large group": a determiner, not a count
    if re.search(r"\b(?:younger|older) than\s*$", before, re.IGNORECASE):
        return True  # an age
    if re.search(r"\b(?:the|a|an|these|those)\s+$", before, re.IGNORECASE) and \
            re.fullmatch(rf"{_WORD}|double|triple|treble|quadruple", core, re.IGNORECASE):
        return True  # "the four countries" (named before), "the double charging" (an adjective)
    prev = re.search(r"(\S+)\s+$", before)
    if bare and prev and re.fullmatch(r"[A-Z][A-Za-z&]*[A-Za-z]", prev.group(1)) and not _BOUND.search(before) \
            and not re.search(r"[.!?:\"“]\s+\S+\s+$|^\s*\S+\s+$", "\n" + before.split("\n")[-1]) \
            and not re.match(r"^\s+(?:[a-z]+\s+){0,2}[a-z]+s\b", after):
        return True  # "Channel 4", "Apollo 11", "the FTSE 100 Index": a number in a name
    return False


#: Words before a duration that make it what the sentence claims: a prison term ("sentenced Liu to 12
#: years"), a length stated ("the standard time is 11 weeks", "it will take up to six months"), a
#: norm ("shorter than the regular six months").
_CLAIMED_DURATION_BEFORE = re.compile(
    r"(?:\b(?:sentenced|jailed|imprisoned|banned|suspended)\b[^.;]{0,60}?\b(?:to|for)"
    r"|\b(?:is|was|are|were|be|been|takes?|took|taking|(?<!the )(?<!this )(?<!its )lasts?|lasted|lasting)"
    r"|\bthe\s+(?:usual|regular|normal|standard|typical|average|required|maximum|minimum|statutory)"
    r"|\b(?:sentence|term|prison term|jail term)\s+of)"
    rf"\s+(?:(?:{'|'.join(w for w, _ in BOUNDS)})\s+)?$", re.IGNORECASE)
#: Words after a duration that make it the claim: "12 years in prison", "nine months, the target time".
_CLAIMED_DURATION_AFTER = re.compile(
    r"^[ -][a-z]+(?:\s+in\s+(?:prison|jail)|\s+(?:of\s+)?imprisonment|\s+behind\s+bars"
    r"|\s+(?:on|of)\s+(?:supervised\s+release|probation|parole|community\s+service)"
    r"|(?:\s+[\w\u201c\u201d\"-]+){0,4}\s+(?:prison\s+|jail\s+)?(?:sentence|term)\b"
    r"|,\s+(?:the|a)\s+(?:[\w-]+\s+){0,2}(?:target|limit|deadline|maximum|minimum|standard)\b)", re.IGNORECASE)


def _duration_claim(text: str, start: int, end: int) -> bool:
    """Whether a duration is the figure a sentence claims (a prison term, a target, a standard time, how
    long something takes), not one that dates or bounds another figure ("waiting longer than nine
    months", "in two years", "a 10-year study", "two years ago")."""
    after = text[end:end + 60]
    if re.match(r"^[ -][a-z]+\s+(?:ago|later|earlier|since|from now|into)\b", after) or re.match(r"^-", after):
        return False
    before = text[max(0, start - 80):start]
    if re.search(rf"\b(?:takes?|took|taking|(?<!the )(?<!this )(?<!its )lasts?|lasted|lasting)\s+(?:(?:{'|'.join(w for w, _ in BOUNDS)})\s+)?$", before,
                 re.IGNORECASE):
        return True  # "it will take up to six months before the aid comes in"
    if re.match(r"^[ -][a-z]+\s+(?:before|after)\b", after):
        return False  # "it was three weeks before the vote": a date
    return bool(_CLAIMED_DURATION_BEFORE.search(before) or _CLAIMED_DURATION_AFTER.match(after))


def _deep_time(core: str, after: str) -> bool:
    """"40,000 years ago", "between 700,000 and 300,000 years ago": a date so far back that it is
    an estimate (the figure a study gives), not a date that places a figure ("two years ago")."""
    if not re.match(r"^\s+years\s+ago\b", after, re.IGNORECASE):
        return False
    last = re.split(r"\s*(?:-|–|\bto\b|\band\b)\s*", core.strip())[-1]
    reading = read_figure(last)
    return reading is not None and reading.value >= 1000


def find_figures(text: str, currency_default: str | None = None) -> list[Figure]:
    """Every figure of ``text`` (see the module's docstring), in order of position."""
    dates = [m.span() for m in _DATE_ISH.finditer(text)]
    taken: list[tuple[int, int]] = []
    out: list[Figure] = []

    def free(s, e):
        return not any(s < b and a < e for a, b in taken)

    def add(fig: Figure):
        taken.append((fig.core_start, fig.core_end))
        out.append(fig)

    for m in SCORE.finditer(text):
        a, b = m.span()
        if free(a, b) and not any(x <= a < y for x, y in dates) and (
                _SCORE_AFTER.match(text[b:b + 20]) or _SCORE_BEFORE.search(text[max(0, a - 40):a])):
            # "a 2-1 victory": two counts printed as one, each a figure of the score
            unit = "goals" if max(int(m.group(1)), int(m.group(2))) <= 15 else "points"
            add(Figure(a, b, a, b, value=Decimal(m.group(1)), unit=unit))
            out.append(Figure(a, b, a, b, value=Decimal(m.group(2)), unit=unit))
    for m in RANGE.finditer(text):
        s, e = m.start(), m.end()
        body_s = m.end("between") if m.group("between") else s
        if not free(s, e):
            continue
        lo, u1 = _read(m, "1")
        hi, u2 = _read(m, "2")
        joint = re.search(r"\s*(?:-|–|to|and)\s*|\s+or\s+", text[m.end("num1") if m.group("num1") else m.end("words1"):e])
        sep = joint.group(0).strip() if joint else ""
        if lo is not None and hi is not None and hi < lo and m.group("between"):
            lo, hi = hi, lo  # "between 700,000 and 300,000 years ago": "between" makes either order a range
        if lo is None or hi is None or hi <= lo or (sep == "and" and not m.group("between")
                                                    and not re.search(r"\b(?:around|about|roughly)\s+$", text[max(0, s - 12):s])):
            continue
        bound = _BOUND.search(text[max(0, s - 40):s])
        if not m.group("between") and (re.search(r"\bby\s+$", text[max(0, s - 4):s]) or bound and next(
                b for w, b in BOUNDS if re.fullmatch(w, bound.group("words"), re.IGNORECASE)) != "approximate"):
            continue  # "rose by £4,500 to £157,250", "over £4,500 to £157,250": a change and a level, not a range
        if sep in ("-", "–") and (m.group("words1") or m.group("words2")):
            continue
        if (u1 and u1 != u2) or re.search(r"\bfrom\s+$", text[max(0, s - 6):s]) and \
                not re.search(r"\b(?:anywhere|ranging|range|ranges|ranged|vary|varies|varied|varying)\s+from\s+$",
                              text[max(0, s - 20):s]):
            continue  # "rose 8 percent to $616 million", "from 606,000 to 745,000": a change, not a range
        if _YEAR.match(text[body_s:e].split(sep)[0].strip()) and not (u1 or u2):
            continue
        if _skip(text, body_s, e, dates):
            taken.append((body_s, e))  # "seven to nine years" dates nothing by halves either
            continue
        if m.group("scale2") and not m.group("scale1") and lo < hi / 1000 and \
                (not m.group("cur1") or (m.group("cur1") or "").strip() == (m.group("cur2") or "").strip()):
            lo = read_figure(m.group("num1") + m.group("scale2")).value  # "1.5 to 2 million", "N5 to N10 billion"
        unit = u1 or u2
        fig = Figure(s, e, body_s, e, minimum=lo, maximum=hi)
        fig.unit = unit_for(text, e, unit)
        noun = re.match(rf"[ -]{DURATION}\b", text[e:e + 12], re.IGNORECASE)
        if noun and _duration_claim(text, body_s, e):
            fig.end += noun.end()  # "three or four years"
        add(fig)
    for m in MAGNITUDE.finditer(text):
        if free(*m.span()):
            add(Figure(m.start(), m.end(), m.start(), m.end(), value=Decimal(m.group("a") or m.group("b")), unit="magnitude"))
    for m in DIGITS.finditer(text):
        s, e = m.span()
        if free(s, e):
            n = m.group("n").lower()
            sentence_start = max([x.end() for x in re.finditer(r"[.!?;]\s|\n", text[:s])], default=0)
            negated = bool(_NEGATION.search(text[sentence_start:s]))
            bound = "upper" if (n == "single") != negated else "lower"
            add(Figure(s, e, s, e, value=Decimal(100 if n == "triple" else 10), unit="per cent", bound=bound))
    for m in POINT_FRACTION.finditer(text):
        s, e = m.span()
        if free(s, e):
            q, half = (m.group("q") or "").lower(), m.group("f").lower() == "half"
            value = Decimal("0.5") if half else Decimal("0.75") if q == "three" else Decimal("0.25")
            unit = "per cent" if re.search(r"cent$", m.group("u"), re.IGNORECASE) else "percentage points"
            add(Figure(s, e, s, e, value=value, unit=unit))
    for pattern in (RATIO, TIMES, FRACTION, VAGUE, TOP):
        for m in pattern.finditer(text):
            s, e = m.span()
            if not free(s, e) or _skip(text, s, e, dates) and pattern is not VAGUE:
                continue
            if pattern is RATIO and _YEAR.match(re.split(r"\s", m.group(0))[-1].replace(",", "")):
                continue
            if pattern is RATIO:
                parts = re.split(r"\s+(?:[a-z]+\s+)?(?:in|out of)\s+(?:every\s+)?", m.group(0), maxsplit=1, flags=re.IGNORECASE)
                n, d = (read_figure(x) for x in parts)
                if n is None or d is None or n.value > d.value:
                    continue  # "333 stores in 42 U.S. states": no share
            if pattern is TOP:
                fig = Figure(s, e, s, e, value=read_figure(m.group("n")).value, unit="rank", bound="upper")
                add(fig)
                continue
            several = pattern is VAGUE and re.search(r"dozen$", m.group(0), re.IGNORECASE)
            reading = read_figure("dozens" if several else m.group("n") if pattern is TIMES else m.group(0))
            if reading is None:
                continue
            fig = Figure(s, e, s, e, value=reading.value)
            if pattern is VAGUE:
                fig.bound, fig.vague = "lower", True
                fig.unit = unit_for(text, e, None)
            else:
                fig.unit = "per cent" if reading.per_cent else unit_for(text, e, None)
            add(fig)
    at = 0
    while (m := SINGLE.search(text, at)) is not None:
        s, e = m.span()
        at = e
        core_s = m.start("cur") if m.group("cur") else m.start("num") if m.group("num") else m.start("words")
        if not free(core_s, e) or _skip(text, core_s, e, dates):
            if m.group("num") and " " in m.group("num"):
                at = m.start("num") + m.group("num").index(" ")  # "May 12 500 people": a date, then 500
            continue
        value, unit = _read(m)
        if value is None:
            continue
        fig = Figure(s, e, core_s, e, value=value)
        fig.unit = unit_for(text, e, unit or (currency_default if re.search(r"cents", m.group(0)) else None))
        noun = re.match(rf"[ -]{DURATION}\b", text[e:e + 12], re.IGNORECASE)
        if noun and _duration_claim(text, core_s, e):
            fig.end += noun.end()  # a duration is printed with its unit: "12 years", "up to six months"
        add(fig)
    out.sort(key=lambda f: f.start)
    for n, fig in enumerate(out):
        _bound(text, fig)
        if n and fig.bound == "exact" and out[n - 1].bound in ("lower", "upper") and \
                re.fullmatch(r"\s*,?\s+or\s+", text[out[n - 1].end:fig.start]):
            fig.bound = out[n - 1].bound  # "up to Rs 15 crores, or four per cent": the bound covers both
        if fig.unit == "people" and not unit_noun(text, fig.core_end) and not fig.vague:
            fig.unit = unit_named_before(text, fig, out[:n]) or fig.unit  # "317 million users … from 313 million"
    return out


def _bound(text: str, fig: Figure):
    """Widen ``fig`` over the bound words before it ("more than", "some", "up to") and set its bound."""
    m = _BOUND.search(text[max(0, fig.start - 30):fig.start])
    if m:
        words = m.group("words").lower()
        fig.bound = next(b for w, b in BOUNDS if re.fullmatch(w, words, re.IGNORECASE))
        fig.start -= len(m.group(0))
    elif _BOUND_AFTER.match(text[fig.end:]) or _BOUND_VERB.search(text[max(0, fig.start - 20):fig.start]):
        fig.bound = "lower"
    elif _NOT_HAVE.search(text[max(0, fig.start - 30):fig.start]):
        fig.bound = "upper"  # "where you don't have 10 chances": fewer than 10


def figure_spans(text: str) -> list[tuple[int, int]]:
    """(start, end) of every figure's number: what ``audit`` looks for."""
    return [(f.core_start, f.core_end) for f in find_figures(text)]


def value_cells(fig: Figure) -> dict:
    """The value, min and max cells of a sheet row for ``fig``."""
    if fig.minimum is not None:
        return {"value": "", "min": _plain(fig.minimum), "max": _plain(fig.maximum)}
    return {"value": _plain(fig.value), "min": "", "max": ""}

