"""How news writes a number, for :mod:`.figures`: numerals with separators of every style, number
words, scales ("1.6 million", "Rs 15 crores", "100K"), currencies by sign, code or name, per cents and
points; the words that bound a figure ("more than", "nearly", "some"); and :class:`Figure`, one figure
found in a text, with :func:`read_match` reading a match of :data:`ONE` as a value and a unit.
"""
import re
from dataclasses import dataclass
from decimal import Decimal

from ..model.figures import Reading, read_figure, words_number
from ..model.vocab import CURRENCY_SYMBOLS, CURRENCY_WORDS

UNITS_1 = ("one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|"
            "sixteen|seventeen|eighteen|nineteen")
TENS = "twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety"
WORD = rf"(?:(?:{TENS})(?:[- ](?:{UNITS_1}))?|{UNITS_1}|zero(?=\s(?:per ?cent|percent)\b))"
_DIGIT_WORD = "zero|oh|one|two|three|four|five|six|seven|eight|nine"
_SCALE_WORD = "thousand|million|billion|trillion"
_GROUP = rf"(?:{WORD}|a)[- ]hundred(?:(?:[- ]and)?[- ]{WORD})?"
#: Number words as news and broadcast scripts write them: "forty-one", "two hundred and fifty", "thirteen
#: thousand and eight hundred", "one million two hundred thousand", "three-point-three" (a decimal read
#: out), "two-and-a-half million", "20-thousand" (see :data:`SCALE`).
WORD_NUMBER = (rf"(?:(?:{_GROUP}|{WORD})(?:[- ]point(?:[- ](?:{_DIGIT_WORD}))+)?(?:[- ]and[- ]a[- ]half)?"
               rf"(?:[- ](?:{_SCALE_WORD})(?:(?:\s+and\s+|\s+)(?:{_GROUP}(?:[- ](?:{_SCALE_WORD}))?|{WORD}[- ](?:{_SCALE_WORD})))?)?"
               r"|a (?:hundred|thousand|million|billion|dozen)|dozen)")
#: Numerals with thousands separators, in Indian grouping too ("7,36,437.71": lakhs and crores).
#: A space for a thousands separator ("15 000 light years", South African and French style) too.
NUMERAL = (r"\d{1,2}(?:,\d{2})+,\d{3}(?:\.\d+)?|\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d{1,3}(?: \d{3})+(?![\d,.]\d)"
           r"|\d+(?:\.\d+)?")
SCALE = (r"(?:(?:\s?|-(?=(?:thousand|million|billion|trillion)\b))(?:(?:lakh|thousand)\s+(?:crores?|cr\b\.?)|thousand|million|billion|trillion|crores?|lakhs?|cr|bn|mn|"
         r"mln|tn)\b|(?:m|k|K)\b|(?<=\d)(?-i:b)\b|(?<=\d)(?-i:B)\b(?!\s+(?-i:[A-Z])))")
#: Scales as model.figures reads them: South Asian news writes "crores", "lakhs" and "Rs 15 cr".
_SCALE_NAMES = {"crores": "crore", "cr": "crore", "lakhs": "lakh"}
#: Scales of two words, as factors: "Rs 1.33 lakh crore" (a lakh of crores), "Rs 50 thousand crore".
_COMPOUND_SCALES = {"lakh": 10 ** 12, "thousand": 10 ** 10}
#: Nationalities that name a currency with "dollar(s)", "franc(s)", "rupee(s)" before or after the
#: number ("Australian dollar 4.12 million", "1.21 US dollars", "50 Swiss francs").
NATIONAL_CURRENCIES = {"us": "USD", "u.s.": "USD", "american": "USD", "australian": "AUD", "canadian": "CAD",
                       "new zealand": "NZD", "hong kong": "HKD", "singapore": "SGD", "taiwan": "TWD",
                       "swiss": "CHF", "indian": "INR", "pakistani": "PKR", "sri lankan": "LKR",
                       "nepalese": "NPR", "mauritian": "MUR", "kenyan": "KES", "ugandan": "UGX",
                       "tanzanian": "TZS", "egyptian": "EGP", "mexican": "MXN", "philippine": "PHP",
                       "argentine": "ARS", "chilean": "CLP", "colombian": "COP", "jordanian": "JOD",
                       "iraqi": "IQD", "kuwaiti": "KWD", "libyan": "LYD", "tunisian": "TND", "algerian": "DZD",
                       "saudi": "SAR", "qatari": "QAR", "omani": "OMR", "iranian": "IRR", "yemeni": "YER",
                       "uae": "AED", "moroccan": "MAD", "swedish": "SEK", "norwegian": "NOK", "danish": "DKK",
                       "icelandic": "ISK", "czech": "CZK", "korean": "KRW", "south korean": "KRW",
                       "zambian": "ZMW", "malawian": "MWK", "jamaican": "JMD", "namibian": "NAD",
                       "zimbabwean": "ZWL", "fijian": "FJD", "brazilian": "BRL", "russian": "RUB",
                       "chinese": "CNY", "japanese": "JPY", "british": "GBP", "turkish": "TRY", "nigerian": "NGN",
                       "south african": "ZAR", "ghanaian": "GHS", "ethiopian": "ETB", "bangladeshi": "BDT",
                       "vietnamese": "VND", "thai": "THB", "malaysian": "MYR", "indonesian": "IDR"}
_NATION = (r"(?:US|U\.S\.|American|Australian|Canadian|New Zealand|Hong Kong|Singapore|Taiwan|Swiss|Indian|Pakistani|"
           r"Sri Lankan|Nepalese|Mauritian|Kenyan|Ugandan|Tanzanian|Egyptian|Mexican|Philippine|Argentine|Chilean|"
           r"Colombian|Jordanian|Iraqi|Kuwaiti|Libyan|Tunisian|Algerian|Saudi|Qatari|Omani|Iranian|Yemeni|UAE|"
           r"Moroccan|Swedish|Norwegian|Danish|Icelandic|Czech|(?:South )?Korean|Zambian|Malawian|Jamaican|Namibian|"
           r"Zimbabwean|Fijian|Brazilian)")
#: Currency words a nationality qualifies ("Kenyan shillings", "Egyptian pounds", "Swedish kronor").
_NATIONAL_WORDS = (r"dollars?|francs?|rupees?|shillings?|pounds?|pesos?|dinars?|dirhams?|riyals?|rials?|kronor|kroner|"
                   r"krona|krone|korun[ay]|won|kwacha|reais|real")
#: Currency words that name one currency wherever printed after a number ("5 billion naira", "R84
#: million" is rand too: see :data:`CURRENCY`).
CURRENCY_NAMES = {"naira": "NGN", "rand": "ZAR", "baht": "THB", "ringgit": "MYR", "rupiah": "IDR", "zloty": "PLN",
                  "zlotys": "PLN", "forint": "HUF", "forints": "HUF", "hryvnias": "UAH", "hryvnia": "UAH",
                  "cedis": "GHS", "cedi": "GHS", "birr": "ETB", "taka": "BDT", "dong": "VND", "tenge": "KZT",
                  "lira": "TRY", "lire": "TRY", "liras": "TRY", "leva": "BGN", "lei": "RON", "shekels": "ILS",
                  "shekel": "ILS", "reais": "BRL", "pesos": "MXN", "bitcoins": "BTC", "bitcoin": "BTC",
                  "renminbi": "CNY", "rubles": "RUB", "roubles": "RUB", "lari": "GEL", "drams": "AMD", "manats": "AZN",
                  "leones": "SLL", "kwanzas": "AOA", "kwanza": "AOA", "cfa francs": "XOF", "rials": "IRR"}
#: "Rs" and "INR" for rupees; "`" is the rupee sign of a font Indian pages used before Unicode had
#: one (₹), printed as a backtick when the font is missing ("a penalty of `5 crores").
#: "N" is the naira before a sum with a scale or before a range of such sums ("N5 billion", "N5 to N10
#: billion"): alone it is a road or a mask ("N95"); "R" the rand, "Sh"/"KSh" the Kenyan shilling, "RM" the
#: ringgit, "Rp" the rupiah, "Dh" the dirham, on the same terms.
_SCALED = r"(?=\d[\d,.]*(?:\s?(?:billion|million|trillion|bn|m|tn)\b|\s*(?:to|and|-|–)\s*{p}\d)|\d{{1,3}}(?:,\d{{3}})+\b)"
_NAIRA = "N" + _SCALED.format(p="N")
_LETTER_SIGNS = "|".join(sign + (r"\s?" if len(sign) > 1 else "") + _SCALED.format(p=sign)
                         for sign in ("R", "KSh", "Ksh", "Sh", "RM", "Rp", "Dhs", "Dh"))
_CODES = ("USD|EUR|GBP|JPY|RUB|INR|CHF|CNY|AUD|CAD|NZD|HKD|SGD|ZAR|NGN|KES|GHS|EGP|PKR|BDT|LKR|MYR|IDR|PHP|THB|VND|KRW|"
          "TRY|BRL|MXN|ARS|PLN|CZK|HUF|SEK|NOK|DKK|UAH|KZT|ILS|AED|SAR|QAR|UKP")
CURRENCY = (rf"(?:US\$|A\$|C\$|HK\$|NZ\$|S\$|R\$|N\$|E£|[$€£¥₹₽₴₾₺₦₩₱฿₫₪]|{_NAIRA}|{_LETTER_SIGNS}|`(?=\d)|Rs\.?\s?"
            rf"|(?:{_CODES})\s?|{_NATION}\s+(?:{_NATIONAL_WORDS})\s(?=\d))")
PERCENT = r"(?:\s?%|\s(?:per ?cent|percent|pct)\b|\s?pc\b|\s(?:percentage points?|basis points?|(?:index )?points?)\b)"
MONEY_WORDS = (rf"(?:p\b(?![.,]?\d)|\s(?:{_NATION}\s+)?(?:dollars|euros|pounds|pence|cents|paise|paisa|roubles|rubles|yen|yuan|rupees|francs)\b"
               rf"|\s{_NATION}\s+(?:{_NATIONAL_WORDS})\b|\s(?:{'|'.join(CURRENCY_NAMES)})\b|\s(?:{_CODES})\b"
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
BOUND_AFTER = re.compile(r"^\)?(?:\s?-?plus\b|\s+(?:or|and) (?:more|over|greater|higher|above|upwards)\b)", re.IGNORECASE)


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
    #: the figure's own words name its unit ("150-seat", "40C"): no other words of the sentence change it
    named: bool = False

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
        value = words_value(g("words"))
        reading = Reading(value) if value is not None else None
    else:
        scale = (g("scale") or "").replace("-", " ")  # "Some 20-thousand"
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


_DIGITS = {w: i for i, w in enumerate("zero one two three four five six seven eight nine".split())} | {"oh": 0}


def words_value(words: str) -> Decimal | None:
    """The value of number words (:data:`WORD_NUMBER`): "thirteen thousand and eight hundred" 13800,
    "three-point-three" 3.3, "two-and-a-half million" 2500000, "a dozen" 12; None if not one."""
    words = " ".join(words.lower().replace("-", " ").split())
    half = re.search(r" and a half", words)
    if half:  # "three-and-a-half years", "two and a half million"
        whole, scale = words[:half.start()], words[half.end():].strip()
        w = words_value(whole)
        s = words_number(scale) if scale else 1
        return None if w is None or s is None else (w + Decimal("0.5")) * s
    point = re.match(r"(.+?) point ((?:(?:zero|oh|one|two|three|four|five|six|seven|eight|nine) ?)+)(.*)$", words)
    if point:  # "three point three", "one point two million"
        whole = words_number(point.group(1))
        digits = "".join(str(_DIGITS[d]) for d in point.group(2).split())
        scale = words_number(point.group(3).strip()) if point.group(3).strip() else 1
        return None if whole is None or scale is None else Decimal(f"{whole}.{digits}") * scale
    reading = read_figure(words)
    return reading.value if reading is not None else None


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
    if words in _SIGNS:
        return _SIGNS[words]
    nation = re.match(rf"(.+?)\s+(?:{_NATIONAL_WORDS})$", words)
    if nation and nation.group(1) in NATIONAL_CURRENCIES:
        return NATIONAL_CURRENCIES[nation.group(1)]
    if re.fullmatch(r"[a-z]{3}", words) and words.upper() in _CODES.split("|"):
        return "GBP" if words == "ukp" else words.upper()
    return CURRENCY_WORDS.get(words) or CURRENCY_WORDS.get(words + "s") or CURRENCY_NAMES.get(words)


#: Signs the model's vocabulary does not know, lower-cased as :func:`currency_code` sees them.
_SIGNS = {"nz$": "NZD", "s$": "SGD", "r$": "BRL", "n$": "NAD", "e£": "EGP", "₩": "KRW", "₱": "PHP", "฿": "THB",
          "₫": "VND", "₪": "ILS", "₦": "NGN", "r": "ZAR", "ksh": "KES", "sh": "KES", "rm": "MYR", "rp": "IDR",
          "dh": "AED", "dhs": "AED"}

