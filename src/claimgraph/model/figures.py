"""Figures as news prints them, read as numbers: "650,000", "1.6 million", "100K", "85%",
"80 per cent", "£2.5bn", number words ("twelve", "half", "a third"), ratios ("2 in 5",
"one in five"). Used by sheets (the value column), look-ups (a figure typed by a user) and
draft (figures found in a text).

Values are :class:`decimal.Decimal`: exact, and refused beyond :data:`LIMIT` or below
:data:`PRECISION`, so NaN, infinities and 1e999999999 never reach the graph.
"""
import re
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation, localcontext

#: The largest magnitude a figure may have (10^18: beyond any count or amount of money).
LIMIT = Decimal(10) ** 18
#: Digits kept after the decimal point.
PRECISION = 6

SCALES = {"thousand": 10 ** 3, "k": 10 ** 3, "million": 10 ** 6, "m": 10 ** 6, "mn": 10 ** 6, "mln": 10 ** 6,
          "billion": 10 ** 9, "bn": 10 ** 9, "b": 10 ** 9, "trillion": 10 ** 12, "tn": 10 ** 12, "trn": 10 ** 12,
          "lakh": 10 ** 5, "crore": 10 ** 7}
UNITS_1 = {"zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
           "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15,
           "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19}
TENS = {"twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80,
        "ninety": 90}
#: fraction words -> share in per cent
FRACTIONS = {"half": Decimal(50), "a half": Decimal(50), "one half": Decimal(50), "a third": Decimal("33.3"),
             "one third": Decimal("33.3"), "one-third": Decimal("33.3"), "two thirds": Decimal("66.7"),
             "two-thirds": Decimal("66.7"), "a quarter": Decimal(25), "one quarter": Decimal(25),
             "one-quarter": Decimal(25), "three quarters": Decimal(75), "three-quarters": Decimal(75),
             "a fifth": Decimal(20), "one fifth": Decimal(20), "one-fifth": Decimal(20), "a tenth": Decimal(10),
             "one tenth": Decimal(10), "one-tenth": Decimal(10), "a majority": Decimal(50)}
CURRENCY_PREFIX = re.compile(r"^(?P<cur>US\$|A\$|C\$|HK\$|[$€£¥₽₹₴₾₺])\s*", re.IGNORECASE)
_NUMERAL = re.compile(
    r"^(?P<sign>[-−–])?(?P<num>\d{1,3}(?:[,\u202f\u00a0\u2009 ]\d{3})+|\d+)(?P<frac>\.\d+)?\s*"
    r"(?P<scale>thousand|million|billion|trillion|lakh|crore|mln|mn|bn|tn|trn|k|m|b)?\.?\s*"
    r"(?P<pct>%|per ?cent|percent|pct)?$", re.IGNORECASE)
# "2 in 5", "one in every 74", "one person out of every 74"
_RATIO = re.compile(r"^(?P<a>\w+)\s+(?:[a-z]+\s+)?(?:in|out of)\s+(?:every\s+)?(?P<b>\w+)$", re.IGNORECASE)
#: multiples -> share in per cent ("double" is 200 per cent of what it doubles)
MULTIPLES = {"double": Decimal(200), "doubled": Decimal(200), "twice": Decimal(200), "triple": Decimal(300),
             "tripled": Decimal(300), "treble": Decimal(300), "trebled": Decimal(300), "threefold": Decimal(300),
             "quadruple": Decimal(400), "quadrupled": Decimal(400), "fourfold": Decimal(400),
             "twofold": Decimal(200)}
_TIMES = re.compile(r"^(?P<n>\d+(?:\.\d+)?|\w+)[ -](?:times|fold)$", re.IGNORECASE)
#: vague amounts -> the lowest amount they say (a sheet writes them with bound lower)
VAGUE = {"tens of thousands": 10 ** 4, "hundreds of thousands": 10 ** 5, "tens of millions": 10 ** 7,
         "hundreds of millions": 10 ** 8, "tens of billions": 10 ** 10, "hundreds of billions": 10 ** 11,
         "dozens": 12, "scores": 20, "hundreds": 100, "thousands": 1000, "millions": 10 ** 6,
         "billions": 10 ** 9}


@dataclass(frozen=True)
class Reading:
    """A figure read from text: its value, and "per cent" or a currency where the words say so."""
    value: Decimal
    per_cent: bool = False
    currency: str | None = None


def words_number(text: str) -> int | None:
    """An English number in words up to the billions: "twelve", "forty-two", "two hundred",
    "three million", "a dozen"; None if ``text`` is not one."""
    words = text.lower().replace("-", " ").replace(" and ", " ").split()
    if not words:
        return None
    if words in (["a", "dozen"], ["dozen"]):
        return 12
    if words[0] == "a" and len(words) > 1:
        words = ["one"] + words[1:]
    total = current = 0
    seen = False
    for w in words:
        if w in UNITS_1:
            current += UNITS_1[w]
        elif w in TENS:
            current += TENS[w]
        elif w == "hundred":
            current = (current or 1) * 100
        elif w in ("thousand", "million", "billion", "trillion"):
            total += (current or 1) * SCALES[w]
            current = 0
        else:
            return None
        seen = True
    return total + current if seen else None


def _checked(value: Decimal) -> Decimal | None:
    if not value.is_finite() or abs(value) > LIMIT:
        return None
    with localcontext() as ctx:
        ctx.prec = 40
        rounded = value.quantize(Decimal(1).scaleb(-PRECISION)) if value != value.to_integral_value() else value
    return rounded.normalize() if rounded != rounded.to_integral_value() else Decimal(int(rounded))


def read_figure(text: str) -> Reading | None:
    """The figure ``text`` writes, or None: numerals with separators, decimals, scales
    ("1.6 million", "100K", "$2.5bn"), per cents, number words, fractions ("half" is 50 per
    cent), ratios ("2 in 5" is 40 per cent), multiples ("double", "2.3 times": 200 and 230 per
    cent) and vague amounts ("tens of thousands": 10,000, the least they say)."""
    text = " ".join(text.strip().split())
    if not text or len(text) > 60:  # a 5,000-digit "number" is not a figure
        return None
    currency = None
    m = CURRENCY_PREFIX.match(text)
    if m:
        from .vocab import CURRENCY_SYMBOLS
        currency = CURRENCY_SYMBOLS.get(m.group("cur").lower())
        text = text[m.end():]
    lower = text.lower()
    if lower in FRACTIONS:
        return Reading(FRACTIONS[lower], per_cent=True)
    if lower in MULTIPLES:
        return Reading(MULTIPLES[lower], per_cent=True)
    if lower in VAGUE:
        return Reading(Decimal(VAGUE[lower]), currency=currency)
    half = re.match(r"^half(?: a)? (million|billion|thousand)$", lower)
    if half:  # "half million refugees" is a count, not a share
        return Reading(Decimal(SCALES[half.group(1)]) / 2, currency=currency)
    m = _TIMES.match(text)
    if m:
        n = _small(m.group("n"))
        return Reading(_checked(n * 100), per_cent=True) if n is not None else None
    m = _NUMERAL.match(text)
    if m:
        digits = re.sub(r"[,\u202f\u00a0\u2009 ]", "", m.group("num")) + (m.group("frac") or "")
        try:
            value = Decimal(digits) * SCALES.get((m.group("scale") or "").lower(), 1)
        except InvalidOperation:
            return None
        if m.group("sign"):
            value = -value
        value = _checked(value)
        return Reading(value, per_cent=bool(m.group("pct")), currency=currency) if value is not None else None
    m = _RATIO.match(text)
    if m:
        a, b = (_small(m.group(g)) for g in ("a", "b"))
        if a is not None and b:
            return Reading(_checked(Decimal(100) * a / b), per_cent=True)
        return None
    pct = re.match(r"^(?P<w>.+?)\s+(?:per ?cent|percent)$", lower)
    number = words_number(pct.group("w") if pct else lower)
    if number is not None:
        return Reading(Decimal(number), per_cent=bool(pct), currency=currency)
    return None


def _small(word: str):
    if re.fullmatch(r"\d+(?:\.\d+)?", word):
        return Decimal(word)
    n = words_number(word)
    return Decimal(n) if n is not None else None


def parse_value(text: str) -> Decimal | None:
    """A sheet's value cell as a number ("650000", "650,000", "1.6 million", "40"), or None."""
    reading = read_figure(text)
    return reading.value if reading is not None else None


def plain(value: Decimal | int | float | None):
    """``value`` as int where whole, else float: what JSON and look-ups show."""
    if value is None:
        return None
    value = Decimal(str(value))
    return int(value) if value == value.to_integral_value() else float(value)


#: How far an approximate figure may lie from the quantity: ±10 per cent.
APPROXIMATE = Decimal("0.1")


#: At most how far an exact figure's rounding reaches: 1 per cent of it.
ROUNDING = Decimal("0.01")


def precision(value) -> Decimal:
    """The rounding an exact figure carries: half the unit of its last significant digit, at
    most 1 per cent of it ("19 million" ±190,000 takes in 19.1 million; 40 per cent ±0.4 does
    not take in 50)."""
    d = Decimal(str(value)).normalize()
    half_unit = Decimal(5).scaleb(d.as_tuple().exponent - 1) if d != 0 else Decimal("0.5")
    return min(half_unit, abs(d) * ROUNDING) if d != 0 else half_unit


def interval(value=None, minimum=None, maximum=None, bound: str = "exact") -> tuple:
    """The quantities a figure allows, as (low, high) with None for no end: exact [v ± the
    rounding of its last significant digit]; approximate [0.9 v, 1.1 v]; lower bound [v, ∞);
    upper bound (-∞, v]; a range [min, max], widened the same way."""
    lo = Decimal(str(minimum if minimum is not None else value))
    hi = Decimal(str(maximum if maximum is not None else value))
    if bound == "approximate":
        return lo - abs(lo) * APPROXIMATE, hi + abs(hi) * APPROXIMATE
    if bound == "exact":
        return lo - precision(lo), hi + precision(hi)
    if bound == "lower":
        return lo, None
    if bound == "upper":
        return None, hi
    return lo, hi


def overlaps(a: tuple, b: tuple) -> bool:
    """Whether two intervals from :func:`interval` share a quantity."""
    return (a[0] is None or b[1] is None or a[0] <= b[1]) and (b[0] is None or a[1] is None or b[0] <= a[1])
