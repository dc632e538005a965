"""Quantities with a unit of measure, for :mod:`.figures`: temperatures ("past 40C", "38.7C", "more
than 30 degrees Celsius (86 Fahrenheit)", "minus 5C", "the mid-to-high 20s"), distances ("a 15-mile
stretch", "40km", "six yards", "15 000 light years"), weights ("168kg (370lb)", "2.2 tonnes"), speeds
("115 mph", "39 to 73 miles per hour", "120km/h"), areas ("500 hectares", "2,000 sq km"), volumes
("1.2 million barrels a day", "55 bcm"), energy and power ("400MW", "12 TWh") and data ("5GB").

The unit is part of the printed figure (``as_printed`` "six yards", as the dev corpus writes units of
measure; a counted noun is not: "650,000" people). A sheet writes the unit in words, plural: an
abbreviation in full ("km" is ``kilometres``), a word as printed ("251 kilometers"). Single letters
count only glued to the number ("40C", "50g"); "m" is metres only where a height, length or race
says so ("8,848m high", "the 100m final"), else millions ("£5m").
"""
import re
from decimal import Decimal

from .numbers import NUMERAL, WORD_NUMBER, Figure, words_value
from .text import sentence_around

#: (unit as printed, the unit a sheet writes, whether it must be glued to the number). Words match
#: in any case; symbols (:data:`_SYMBOLS`) only as printed: "MW" is megawatts, "mw" nothing, "C" glued
#: is Celsius.
_UNITS = [
    # temperature
    (r"°\s?C\b|º\s?C\b|\u2103|degrees?\s+(?:Celsius|centigrade|C)\b|Celsius|centigrade", "degrees Celsius", False),
    (r"°\s?F\b|º\s?F\b|\u2109|degrees?\s+(?:Fahrenheit|F)\b|Fahrenheit", "degrees Fahrenheit", False),
    # speed, before the distances it starts with
    (r"mph\b|miles?[\s-]+(?:per|an|a)[\s-]+hour", "miles per hour", False),
    (r"km/h|kmh\b|kph\b|km[\s-]+(?:per|an)[\s-]+hour|kilomet(?:re|er)s?[\s-]+(?:per|an|a)[\s-]+hour", "kilometres per hour",
     False),
    (r"knots", "knots", False),
    (r"m/s\b|met(?:re|er)s\s+(?:per|a)\s+second", "metres per second", False),
    # area, before the lengths it starts with
    (r"(?:square|sq\.?)[\s-]+(?:kilomet(?:re|er)s?|km)\b|km2\b|km\u00b2", "square kilometres", False),
    (r"(?:square|sq\.?)[\s-]+(?:miles?|mi)\b", "square miles", False),
    (r"(?:square|sq\.?)[\s-]+(?:met(?:re|er)s?|m)\b|m2\b|m\u00b2", "square metres", False),
    (r"(?:square|sq\.?)[\s-]+(?:feet|foot|ft)\b|sq\.?\s?ft\b", "square feet", False),
    (r"hectares?\b|ha\b", "hectares", False),
    (r"acres?\b", "acres", False),
    # volume and flow
    (r"barrels?\s+(?:a|per)\s+day|bpd\b|b/d\b", "barrels per day", False),
    (r"barrels?\b", "barrels", False),
    (r"bcm\b", "billion cubic metres", False),
    (r"cubic[\s-]+met(?:re|er)s?|cu\.?\s?m\b|m3\b|m\u00b3", "cubic metres", False),
    (r"cubic[\s-]+(?:feet|foot)\b", "cubic feet", False),
    (r"millilit(?:re|er)s?\b|ml\b", "millilitres", False),
    (r"lit(?:re|er)s?\b|ltrs?\b", "litres", False),
    (r"gallons?\b", "gallons", False),
    # length
    (r"kilomet(?:re|er)s?\b|kms?\b", "kilometres", False),
    (r"nautical\s+miles?\b", "nautical miles", False),
    (r"light[- ]years?\b", "light years", False),
    (r"miles?\b", "miles", False),
    (r"centimet(?:re|er)s?\b|cm\b", "centimetres", False),
    (r"millimet(?:re|er)s?\b|mm\b", "millimetres", False),
    (r"met(?:re|er)s?\b", "metres", False),
    (r"feet\b|foot\b|ft\b", "feet", False),
    (r"inch(?:es)?\b", "inches", False),
    (r"yards?\b|yds?\b", "yards", False),
    # weight
    (r"kilo(?:gram(?:me)?)?s?\b|kgs?\b", "kilograms", False),
    (r"milligram(?:me)?s?\b|mg\b", "milligrams", False),
    (r"gram(?:me)?s?\b", "grams", False),
    (r"metric\s+tons?\b|tonnes?\b", "tonnes", False),
    (r"tons?\b", "tons", False),
    (r"lbs?\b", "lb", False),
    (r"ounces?\b|oz\b", "ounces", False),
    (r"carats?\b", "carats", False),
    (r"stone(?=\s+(?:in weight|heavier|lighter)|[.,;)]|\s+(?:and|after|before|in|since|over)\b)", "stone", False),
    # energy, power, electricity
    (r"kilowatt[- ]hours?\b", "kilowatt hours", False),
    (r"megawatt[- ]hours?\b", "megawatt hours", False),
    (r"gigawatt[- ]hours?\b", "gigawatt hours", False),
    (r"terawatt[- ]hours?\b", "terawatt hours", False),
    (r"kilowatts?\b", "kilowatts", False),
    (r"megawatts?\b", "megawatts", False),
    (r"gigawatts?\b", "gigawatts", False),
    (r"terawatts?\b", "terawatts", False),
    (r"watts?\b", "watts", False),
    (r"kilovolts?\b", "kilovolts", False),
    (r"volts?\b", "volts", False),
    (r"kcal\b|kilocalories\b", "kilocalories", False),
    (r"calories\b", "calories", False),
    (r"horsepower\b|b?hp\b", "horsepower", False),
    # data and sound
    (r"gigabytes?\b", "gigabytes", False),
    (r"terabytes?\b", "terabytes", False),
    (r"megabytes?\b", "megabytes", False),
    (r"megabits\s+per\s+second", "megabits per second", False),
    (r"gigabits\s+per\s+second", "gigabits per second", False),
    (r"decibels?\b", "decibels", False),
    (r"ppm\b|parts\s+per\s+million", "parts per million", False),
    (r"degrees?\b", "degrees", False),
]
#: Symbols, matched as printed; single letters only glued to the number ("40C", "50g", "8,848m high").
_SYMBOLS = [
    (r"C(?![\w'\u2019-])", "degrees Celsius", True),
    (r"F(?![\w'\u2019-])", "degrees Fahrenheit", True),
    (r"m(?=\s+(?:high|tall|deep|long|wide|away|above|below|up|down|sprint|hurdles|race|final|freestyle|butterfly|"
     r"backstroke|breaststroke|medley|relay|title|world record|event|run)\b)", "metres", True),
    (r"g(?![\w'\u2019-])", "grams", True),
    (r"kWh", "kilowatt hours", False), (r"MWh", "megawatt hours", False), (r"GWh", "gigawatt hours", False),
    (r"TWh", "terawatt hours", False), (r"kW\b", "kilowatts", False), (r"MW\b", "megawatts", False),
    (r"GW\b", "gigawatts", False), (r"TW\b", "terawatts", False), (r"kV\b", "kilovolts", False),
    (r"GB\b", "gigabytes", False), (r"TB\b", "terabytes", False), (r"MB\b", "megabytes", False),
    (r"Mbps|Mbit/s", "megabits per second", False), (r"Gbps|Gbit/s", "gigabits per second", False),
    (r"dB\b", "decibels", False),
]
_ALL = _SYMBOLS + _UNITS
_UNIT = re.compile("|".join(f"(?P<u{i}>{p})" if i < len(_SYMBOLS) else f"(?P<u{i}>(?i:{p}))"
                            for i, (p, _, _) in enumerate(_ALL)))
#: A number as a unit of measure follows it: a numeral with a scale word ("2.2 million tonnes", "5m
#: tonnes"), number words ("six yards"), a fraction ("half a mile").
_NUMBER = (rf"(?P<sign>minus\s+|[-\u2212](?=\d))?(?P<num>{NUMERAL})(?P<scale>\s?(?:thousand|million|billion|trillion)\b"
           r"|(?:bn|mn|m|k)(?=\s+(?:metric\s+)?(?:tonnes?|tons?|barrels?|lit(?:re|er)s?|gallons?|acres?|hectares?|miles?|"
           rf"kilomet|square|cubic)))?|(?P<words>{WORD_NUMBER})")
#: Not after a letter and a hyphen ("COVID-19"), but after a number and one: "75-93 mph".
_MEASURE = re.compile(rf"(?<![\w/.,:$€£])(?<![A-Za-z]-)(?:{_NUMBER})(?P<gap>-|\s?)(?=\S)", re.IGNORECASE)
#: "the mid-to-high 20s", "mid- or perhaps high-30s", "the low 30s": temperatures in words, a range.
DECADE = re.compile(r"\b(?:(?P<a>low|lower|mid|middle|high|upper)(?:-\s*|\s+)?(?:(?:to|or|and)(?:\s+|-)(?:perhaps\s+|possibly\s+|"
                    r"even\s+|maybe\s+)?(?P<b>low|lower|mid|middle|high|upper)(?:-|\s+)?)?)?(?P<d>[1-9]0|1[0-2]0)s\b"
                    r"(?:\s+(?P<scale>Celsius|centigrade|Fahrenheit|C|F)\b)?", re.IGNORECASE)
_PART = {"low": (0, 3), "lower": (0, 3), "mid": (4, 6), "middle": (4, 6), "high": (7, 9), "upper": (7, 9)}
#: Words of a sentence about the weather or a body: a bare "20s" there is a temperature, not a decade or an age.
_HEAT = re.compile(r"\b(?:temperatures?|degrees|celsius|fahrenheit|centigrade|heat|heatwave|hot|hotter|warm|warmer|"
                   r"cool|cooler|cold|colder|mercury|highs?|lows?|thermometer|forecast|weather)\b|\d\s?°", re.IGNORECASE)


def _unit(m: re.Match) -> tuple[str, bool]:
    for i, (_, name, glued) in enumerate(_ALL):
        if m.group(f"u{i}") is not None:
            return name, glued
    raise ValueError(m.group(0))


def _value(m: re.Match) -> Decimal | None:
    if m.group("words"):
        value = words_value(m.group("words"))
    else:
        num = m.group("num").replace(",", "").replace(" ", "")
        scale = (m.group("scale") or "").strip().lower()
        factor = {"thousand": 10 ** 3, "k": 10 ** 3, "million": 10 ** 6, "m": 10 ** 6, "mn": 10 ** 6,
                  "billion": 10 ** 9, "bn": 10 ** 9, "trillion": 10 ** 12}.get(scale, 1)
        value = Decimal(num) * factor
    if value is not None and m.group("sign"):
        value = -value
    return value


def _scale_of(text: str) -> str | None:
    """The temperature scale an article writes when it names one only outside the brackets of a
    conversion ("degrees" alone then means it): "38.7C" and "30 degrees Celsius (86 Fahrenheit)"
    write Celsius."""
    text = re.sub(r"\([^()\n]{0,40}\)", "", text)
    celsius = re.search(r"\d\s?°?\s?C\b|Celsius|centigrade", text)
    fahrenheit = re.search(r"\d\s?°?\s?F\b|Fahrenheit", text)
    if celsius and not fahrenheit:
        return "degrees Celsius"
    if fahrenheit and not celsius:
        return "degrees Fahrenheit"
    return None


def find_measures(text: str) -> list[Figure]:
    """Every quantity of ``text`` with a unit of measure, in order of position; a range ("75-93 mph",
    "between 30C and 35C", "39 to 73 miles per hour") is one figure."""
    out: list[Figure] = []
    scale = _scale_of(text)
    for m in _MEASURE.finditer(text):
        u = _UNIT.match(text, m.end())
        if u is None:
            continue
        name, glued = _unit(u)
        if glued and m.group("gap"):
            continue  # "40 C" is no temperature, "4-F" nothing
        if m.group("scale") and name == "metres":
            continue
        if m.group("gap") == "-" and re.match(r"-old\b", text[u.end():]):
            continue  # "a 40-foot-old"? an age is never a measure
        value = _value(m)
        if value is None:
            continue
        if name == "degrees":
            name = _converted(text, u.end()) or scale or "degrees"
        if name == "billion cubic metres":
            name, value = "cubic metres", value * 10 ** 9
        out.append(Figure(m.start(), u.end(), m.start(), u.end(), value=value, unit=name))
    out = _ranges(text, out)
    out += _decades(text, out, scale)
    out += _bare_conversions(text, out)
    return sorted(out, key=lambda f: f.start)


def _converted(text: str, end: int) -> str | None:
    """The scale of "64 degrees (17.8 degrees Celsius)": the other one than the conversion in brackets."""
    m = re.match(r"\s*\(\s*[-\u2212]?\d[\d.,]*\s?(?:°\s?|degrees?\s+)?(?P<s>C|Celsius|F|Fahrenheit)\b", text[end:end + 40])
    if not m:
        return None
    return "degrees Fahrenheit" if m.group("s") in ("C", "Celsius") else "degrees Celsius"


def _bare_conversions(text: str, found: list[Figure]) -> list[Figure]:
    """"to 105 (40.6 degrees Celsius)": a bare number before a temperature in the other scale is one."""
    out = []
    for fig in found:
        if not fig.unit.startswith("degrees "):
            continue
        base = max(0, fig.start - 20)
        m = re.search(r"(?<![\w.,-])(?P<n>\d{1,3}(?:\.\d+)?)\s*\(\s*$", text[base:fig.start])
        if m:
            s = base + m.start("n")
            other = "degrees Fahrenheit" if fig.unit == "degrees Celsius" else "degrees Celsius"
            if not any(f.start <= s < f.end for f in found):
                out.append(Figure(s, s + len(m.group("n")), s, s + len(m.group("n")), value=Decimal(m.group("n")),
                                  unit=other))
    return out


def _ranges(text: str, found: list[Figure]) -> list[Figure]:
    """Join "75-93 mph", "30 to 35C", "between 30C and 35C" into one figure with the second's unit."""
    out, skip = [], set()
    for i, fig in enumerate(found):
        if i in skip:
            continue
        left = re.search(r"(?:(?P<between>between)\s+)?(?<![\w.,-])(?P<n>[-\u2212]?\d[\d,]*(?:\.\d+)?)"
                         r"(?:\s?(?P<u>[^\d\s]{1,12}?))?\s*(?P<sep>-|\u2013|to|and)\s*$",
                         text[max(0, fig.start - 40):fig.start])
        prev = found[i - 1] if i else None
        if prev is not None and i - 1 not in skip and out and out[-1] is prev and prev.unit == fig.unit and \
                re.fullmatch(r"\s*(?:-|\u2013|to|and)\s*", text[prev.end:fig.start]):
            between = re.search(r"\bbetween\s+$", text[max(0, prev.start - 10):prev.start])
            if between or not re.search(r"\band\b", text[prev.end:fig.start]):
                if not _change(text, prev.start) and prev.value < fig.value:
                    out[-1] = Figure(prev.start - (len(between.group(0)) if between else 0), fig.end, prev.core_start,
                                     fig.core_end, minimum=prev.value, maximum=fig.value, unit=fig.unit)
                    continue
        if left and (left.group("sep") != "and" or left.group("between")) and not left.group("u") and \
                not _change(text, fig.start - len(left.group(0))):
            try:
                lo = Decimal(left.group("n").replace(",", "").replace("\u2212", "-"))
            except ArithmeticError:
                lo = None
            if lo is not None and fig.value is not None and lo < fig.value and fig.value / max(abs(lo), 1) < 100:
                start = fig.start - len(left.group(0))
                core = start + (left.start("n") - left.start())
                out.append(Figure(start if left.group("between") else core, fig.end, core, fig.end, minimum=lo,
                                  maximum=fig.value, unit=fig.unit))
                continue
        out.append(fig)
    return out


def _change(text: str, start: int) -> bool:
    """"rose from 30C to 35C", "by 2C to 35C": a change and a level, not a range."""
    return bool(re.search(r"\b(?:from|by)\s+$", text[max(0, start - 6):start])) and \
        not re.search(r"\b(?:anywhere|ranging|range|ranges|ranged|vary|varies|varied|varying)\s+from\s+$",
                      text[max(0, start - 20):start])


def _decades(text: str, found: list[Figure], scale: str | None) -> list[Figure]:
    out = []
    for m in DECADE.finditer(text):
        s, e = m.span()
        if any(f.start < e and s < f.end for f in found):
            continue
        sentence = text[slice(*sentence_around(text, s, e))]
        if not (m.group("a") or m.group("scale")) and not re.search(r"\bthe\s+$", text[max(0, s - 4):s]):
            continue
        if not _HEAT.search(sentence) and not m.group("scale") or \
                re.search(r"\b(?:his|her|their|my|your|our)\s+(?:\w+\s+)?$", text[max(0, s - 20):s]):
            continue  # "in his mid-30s" is an age; "the mid-80s" a decade
        d = int(m.group("d"))
        lo = d + _PART[(m.group("a") or "low").lower()][0] if m.group("a") else d
        hi = d + _PART[(m.group("b") or m.group("a")).lower()][1] if m.group("a") else d + 9
        unit = {"c": "degrees Celsius", "celsius": "degrees Celsius", "centigrade": "degrees Celsius",
                "f": "degrees Fahrenheit", "fahrenheit": "degrees Fahrenheit"}.get((m.group("scale") or "").lower()) \
            or scale or "degrees"
        end = m.end("d") + 1
        out.append(Figure(s, end, s, end, minimum=Decimal(lo), maximum=Decimal(hi), bound="approximate", unit=unit))
    return out


#: Words of a sentence about the air's temperature: a bare number there is one ("the mercury nearly
#: achieved 30, with a top of 29", "highs in the 90s").
_AIR = re.compile(r"\b(?:mercury|temperatures?|thermometer|celsius|fahrenheit|centigrade|degrees)\b|\d\s?°",
                  re.IGNORECASE)


def bare_temperature(text: str, start: int, end: int) -> str | None:
    """The unit of a bare number at ``start``–``end`` in a sentence about temperature (the scale the
    article writes, else "degrees"), or None when the sentence is about something else."""
    s, e = sentence_around(text, start, end)
    if not _AIR.search(text, s, e):
        return None
    return _scale_of(text) or "degrees"
