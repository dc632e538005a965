"""How news writes a number, for :mod:`.figures`: numerals with separators of every style, number
words, scales ("1.6 million", "Rs 15 crores", "100K"), currencies by sign, code or name, per cents and
points; the words that bound a figure ("more than", "nearly", "some"); and :class:`Figure`, one figure
found in a text, with :func:`read_match` reading a match of :data:`ONE` as a value and a unit.
"""
import re
from dataclasses import dataclass
from decimal import Decimal

from ..model.figures import read_figure
from ..model.vocab import CURRENCY_SYMBOLS, CURRENCY_WORDS

UNITS_1 = ("one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|"
            "sixteen|seventeen|eighteen|nineteen")
TENS = "twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety"
WORD = rf"(?:(?:{TENS})(?:[- ](?:{UNITS_1}))?|{UNITS_1}|zero(?=\s(?:per ?cent|percent)\b))"
WORD_NUMBER = (rf"(?:{WORD}(?: hundred)?(?:(?: and)? {WORD})?(?:[- ]and[- ]a[- ]half)?(?: (?:thousand|million|billion))?"
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
ONE = (rf"(?:(?P<cur>{CURRENCY})?(?P<num>{NUMERAL})(?P<scale>{SCALE})?|(?P<words>{WORD_NUMBER}))"
        rf"(?P<unit>{PERCENT}|{MONEY_WORDS})?")


def one_number(suffix: str) -> str:
    return re.sub(r"\(\?P<(\w+)>", lambda m: f"(?P<{m.group(1)}{suffix}>", ONE)


EDGE_L = r"(?<![\w/.,:$€£-])"
# a per cent may make a compound adjective ("a 50 percent-off coupon", "a 10%-owned unit")
EDGE_R = r"(?:(?:(?<=cent)|(?<=%))(?=-[a-z])|(?![\w/%-]|[.,]\d|:\d))"

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
GRADE = r"(?:(?:just|slightly|well|far|a little|little|marginally|comfortably|a bit)\s+)?"
BOUND = re.compile(r"(?<![\w-])" + GRADE + r"(?P<words>" + "|".join(w for w, _ in BOUNDS) + r")\s+(?:the\s+)?$",
                    re.IGNORECASE)
#: Verbs that make the figure after them a lower bound without being part of it ("the toll topped 18,000").
BOUND_VERB = re.compile(r"\b(?:topped|tops|topping|exceeded|exceeds|exceeding|surpassed|surpasses|surpassing|passed|"
                         r"passing)\s+(?:the\s+)?$", re.IGNORECASE)
#: A negated "have" makes the figure after it an upper bound ("you don't have 10 chances").
NOT_HAVE = re.compile(r"\b(?:don't|don\u2019t|do not|doesn't|doesn\u2019t|does not|didn't|didn\u2019t|did not|never)\s+"
                       r"(?:have|get|had|got)\s+$", re.IGNORECASE)
BOUND_AFTER = re.compile(r"^(?:\s?-?plus\b|\s+or (?:more|over)\b)", re.IGNORECASE)


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


def plain_number(value: Decimal) -> str:
    text = format(value.normalize(), "f")
    return text


def read_match(m, suffix: str = "") -> tuple[Decimal | None, str | None]:
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
    value, unit = reading.value, currency_code(g("cur") or "")
    if unit_words in ("%", "per cent", "percent", "pct", "pc", "percentage point", "percentage points",
                      "basis point", "basis points") or reading.per_cent:
        unit = "percentage points" if unit_words.startswith("percentage") else \
            "basis points" if unit_words.startswith("basis") else "per cent"
    elif re.fullmatch(r"(?:index )?points?", unit_words):
        unit = "points"  # an index's points: "down 173.1 points"
    elif unit_words in ("cents", "pence", "p", "paise", "paisa"):  # "16p" is pence
        value, unit = value / 100, unit or {"pence": "GBP", "p": "GBP", "paise": "INR", "paisa": "INR"}.get(unit_words, "USD")
    elif unit_words:
        unit = currency_code(unit_words) or unit
    return value, unit


def currency_code(words: str) -> str | None:
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

