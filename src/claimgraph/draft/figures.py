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
from decimal import Decimal

from ..model.figures import Reading, read_figure
from .compounds import find_compounds
from .measures import bare_temperature, find_measures
from .numbers import (BOUND, BOUND_AFTER, BOUND_VERB, BOUNDS, EDGE_L, EDGE_R, NOT_HAVE, ONE, WORD, Figure,
                      one_number, plain_number, read_match)
from .scores import find_scores
from .skips import DATE_ISH, DURATION, YEAR, duration_claim, phone_spans, skip
from .text import sentence_around
from .units import unit_for, unit_named_before, unit_noun

RANGE = re.compile(
    rf"{EDGE_L}(?P<between>between\s+)?{one_number('1')}(?:\s*(?:-|–|to|and)\s*|\s+or\s+){one_number('2')}{EDGE_R}", re.IGNORECASE)
#: Verbs that report a change, so that "X to Y" after them is a change and a level.
_CHANGE_VERB = re.compile(r"\b(?:fell|falls|fall|rose|rises|rise|slipped|slips|slid|slides|dropped|drops|gained|gains|"
                          r"climbed|climbs|jumped|jumps|added|adds|lost|loses|declined|declines|increased|increases|"
                          r"decreased|decreases|grew|grows|shrank|shed|sheds|eased|eases|edged|soared|plunged|"
                          r"tumbled|surged|sank|up|down)\s+(?:by\s+)?$", re.IGNORECASE)
RATIO = re.compile(rf"{EDGE_L}(?:\d+|{WORD})\s+(?:[a-z]+\s+)?(?:in|out of)\s+(?:every\s+)?(?:\d[\d,]*|{WORD})\b",
                   re.IGNORECASE)
#: Multiples, with the comparison they make ("twice as big", "three times as likely"): 200, 300 per cent.
TIMES = re.compile(rf"(?P<n>{EDGE_L}(?:\d+(?:\.\d+)?|{WORD})[ -](?:times|fold)\b|\b(?:double|doubled|triple|tripled|"
                   r"treble|trebled|quadruple|quadrupled)\b"
                   # "twice" compares ("twice as big", "twice the mass"); "scored twice", "twice a year" count times
                   r"|\btwice(?=\s+(?:as|the|that|than|what|its|their|his|her|our|this|those|these|an?|\d|[$£€])\b)"
                   r"(?!\s+a\s+(?:year|week|day|month|season|night|decade)\b))(?:\s+as\s+[a-z]+\b)?", re.IGNORECASE)
VAGUE = re.compile(r"\b(?:(?:tens|hundreds) of (?:thousands|millions|billions)|thousands|millions|billions"
                   r"|(?:several|a few|some)\s+dozen"
                   r"|(?:dozens|scores|hundreds)(?= of\b))\b", re.IGNORECASE)
_NUMERATORS = "one|two|three|four|five|six|seven|eight|nine"
_DENOMINATORS = {"half": 2, "halve": 2, "third": 3, "quarter": 4, "fifth": 5, "sixth": 6, "seventh": 7, "eighth": 8,
                 "ninth": 9, "tenth": 10}
_PARTS_OF = "halves|thirds?|quarters?|fifths?|sixths?|sevenths?|eighths?|ninths?|tenths?"
FRACTION = re.compile(r"\b(?:(?<!and a )(?<!and-a-)half(?:\s+a)?(?=\s+(?:million|billion|thousand)\b)\s+(?:million|billion|thousand)"
                      # "a third of", "two-fifths.", "a two-thirds majority", "a fifth gained twenty percent": a share
                      # (not "a third term", "a fifth straight win": ordinals)
                      rf"|(?:a|{_NUMERATORS})[ -](?:half|{_PARTS_OF})"
                      r"(?=\s+of\b|\W*$|\s*[,.;)(]|\s+(?:majority|share|stake)\b|\s+(?:[a-z]+ed|are|were|is|was|have|has|had|"
                      r"will|would|could|can|may|might|say|said|says|live|lives|think|believe|do|did|does|now|still|"
                      r"also|already)\b)"
                      # never a match's "first half", "second half"
                      r"|(?<!first )(?<!second )(?<!other )(?<!final )(?<!opening )(?<!closing )"
                      r"half(?=\s+of\b|\s*[,.;)(]|\s+(?:the|their|its|his|her|them|those|these|all)\b)"
                      # "more than half have …": a bound word makes "half" a share
                      r"|(?:" + "|".join(f"(?<={w} )" for w in ("than", "over", "about", "around", "nearly", "almost",
                                                                  "roughly", "some", "just", "only", "under"))
                      + r")half\b(?!\s+an?\s))", re.IGNORECASE)  # "less than half a day" is no share
#: "double digit percentage increases", "failing to make it into double digits", "in single digits":
#: a bound at 10 (100 for triple digits) per cent.
DIGITS = re.compile(r"\b(?P<n>single|double|triple)[ -]digits?\b", re.IGNORECASE)
_NEGATION = re.compile(r"\b(?:not|never|no|fail|fails|failed|failing|short of|without|below|under|less than)\b"
                       r"(?:\s+[\w-]+){0,5}\s*$", re.IGNORECASE)
#: A fraction of a point is a change of a rate in percentage points: "a quarter point rise",
#: "half a percentage point", "three-quarters of a point", "three-tenths of a percentage point"; of a
#: per cent, a per cent as broadcast scripts write it ("two-tenths of a percent").
POINT_FRACTION = re.compile(r"\b(?:(?P<q>a|one|two|three|four|five|six|seven|eight|nine)[ -])?"
                            r"(?P<f>quarters?|half|thirds?|tenths?|hundredths?)(?:[ -]of)?(?:[ -](?:a|one))?[ -]"
                            r"(?P<u>percentage[ -]points?|points?|per ?cent|percent)\b", re.IGNORECASE)
_PARTS = {"half": 2, "third": 3, "quarter": 4, "tenth": 10, "hundredth": 100}
#: An earthquake's magnitude: "a magnitude 7.6 quake", "the 7.9-magnitude quake".
MAGNITUDE = re.compile(r"\bmagnitude[ -](?P<a>\d{1,2}(?:\.\d+)?)\b(?![.,]\d)|\b(?P<b>\d{1,2}(?:\.\d+)?)[ -]magnitude\b",
                       re.IGNORECASE)
SINGLE = re.compile(rf"{EDGE_L}(?:\+/-\s?|±\s?)?{ONE}{EDGE_R}", re.IGNORECASE)
TOP = re.compile(rf"\btop (?P<n>\d+|{WORD})\b", re.IGNORECASE)


def find_figures(text: str, currency_default: str | None = None) -> list[Figure]:
    """Every figure of ``text`` (see the module's docstring), in order of position."""
    dates = [m.span() for m in DATE_ISH.finditer(text)] + phone_spans(text)
    taken: list[tuple[int, int]] = []
    out: list[Figure] = []

    def free(s, e):
        return not any(s < b and a < e for a, b in taken)

    def add(fig: Figure):
        taken.append((fig.core_start, fig.core_end))
        out.append(fig)

    for fig in find_scores(text, dates):
        if free(fig.core_start, fig.core_end) or fig.core_start == out[-1].core_start:
            add(fig)  # "2-1": two counts printed as one
    for fig in find_measures(text):
        if free(fig.core_start, fig.core_end) and not any(x <= fig.core_start < y for x, y in dates):
            add(fig)
    for m in RANGE.finditer(text):
        s, e = m.start(), m.end()
        body_s = m.end("between") if m.group("between") else s
        if not free(s, e):
            continue
        lo, u1 = read_match(m, "1")
        hi, u2 = read_match(m, "2")
        joint = re.search(r"\s*(?:-|–|to|and)\s*|\s+or\s+", text[m.end("num1") if m.group("num1") else m.end("words1"):e])
        sep = joint.group(0).strip() if joint else ""
        if lo is not None and hi is not None and hi < lo and m.group("between"):
            lo, hi = hi, lo  # "between 700,000 and 300,000 years ago": "between" makes either order a range
        if lo is None or hi is None or hi <= lo or (sep == "and" and not m.group("between")
                                                    and not re.search(r"\b(?:around|about|roughly)\s+$", text[max(0, s - 12):s])):
            continue
        bound = BOUND.search(text[max(0, s - 40):s])
        if not m.group("between") and (re.search(r"\bby\s+$", text[max(0, s - 4):s]) or bound and next(
                b for w, b in BOUNDS if re.fullmatch(w, bound.group("words"), re.IGNORECASE)) != "approximate"):
            continue  # "rose by £4,500 to £157,250", "over £4,500 to £157,250": a change and a level, not a range
        if sep in ("-", "–") and (m.group("words1") or m.group("words2")):
            continue
        if (u1 and u1 != u2) or re.search(r"\bfrom\s+$", text[max(0, s - 6):s]) and \
                not re.search(r"\b(?:anywhere|ranging|range|ranges|ranged|vary|varies|varied|varying)\s+from\s+$",
                              text[max(0, s - 20):s]):
            continue  # "rose 8 percent to $616 million", "from 606,000 to 745,000": a change, not a range
        if sep == "to" and (m.group("unit1") or m.group("cur1")) and (m.group("unit2") or m.group("cur2")) and \
                _CHANGE_VERB.search(text[max(0, s - 25):s]):
            continue  # "slipped 48 cents to $87.32": a change and a level, each with its own unit
        if YEAR.match(text[body_s:e].split(sep)[0].strip()) and not (u1 or u2):
            continue
        if skip(text, body_s, e, dates):
            taken.append((body_s, e))  # "seven to nine years" dates nothing by halves either
            continue
        if m.group("scale2") and not m.group("scale1") and lo < hi / 1000 and \
                (not m.group("cur1") or (m.group("cur1") or "").strip() == (m.group("cur2") or "").strip()):
            lo = read_figure(m.group("num1") + m.group("scale2")).value  # "1.5 to 2 million", "N5 to N10 billion"
        unit = u1 or u2
        fig = Figure(s, e, body_s, e, minimum=lo, maximum=hi)
        fig.unit = unit_for(text, e, unit)
        noun = re.match(rf"[ -]{DURATION}\b", text[e:e + 12], re.IGNORECASE)
        if noun and duration_claim(text, body_s, e):
            fig.end += noun.end()  # "three or four years"
        add(fig)
    for m in MAGNITUDE.finditer(text):
        if free(*m.span()):
            add(Figure(m.start(), m.end(), m.start(), m.end(), value=Decimal(m.group("a") or m.group("b")), unit="magnitude"))
    for m in DIGITS.finditer(text):
        s, e = m.span()
        if free(s, e):
            n = m.group("n").lower()
            sentence_start, _ = sentence_around(text, s, e)
            negated = bool(_NEGATION.search(text[sentence_start:s]))
            bound = "upper" if (n == "single") != negated else "lower"
            add(Figure(s, e, s, e, value=Decimal(100 if n == "triple" else 10), unit="per cent", bound=bound))
    for m in POINT_FRACTION.finditer(text):
        s, e = m.span()
        if free(s, e):
            q = read_figure(m.group("q")).value if m.group("q") and m.group("q").lower() not in ("a", "one") else 1
            value = Decimal(q) / _PARTS[m.group("f").lower().rstrip("s")]
            value = value.quantize(Decimal("0.001")).normalize() if m.group("f").lower().startswith("third") else value
            unit = "per cent" if re.search(r"cent$", m.group("u"), re.IGNORECASE) else "percentage points"
            add(Figure(s, e, s, e, value=value, unit=unit))
    for fig in find_compounds(text):
        if free(fig.core_start, fig.core_end) and not skip(text, fig.core_start, fig.core_end, dates):
            add(fig)
    for pattern in (RATIO, TIMES, FRACTION, VAGUE, TOP):
        for m in pattern.finditer(text):
            s, e = m.span()
            if not free(s, e) or skip(text, s, e, dates) and pattern is not VAGUE:
                continue
            if pattern is RATIO and YEAR.match(re.split(r"\s", m.group(0))[-1].replace(",", "")):
                continue
            if pattern is RATIO:
                parts = re.split(r"\s+(?:[a-z]+\s+)?(?:in|out of)\s+(?:every\s+)?", m.group(0), maxsplit=1, flags=re.IGNORECASE)
                n, d = (read_figure(x) for x in parts)
                if n is None or d is None or n.value > d.value:
                    continue  # "333 stores in 42 U.S. states": no share
                if re.search(r"\bout of\s+\d", m.group(0)) and d.value > 10 and str(d.value).rstrip("0") != "1":
                    continue  # "at least 50 seats out of 75": two counts (a share is "out of 10", "out of every 74")
            if pattern is TOP:
                fig = Figure(s, e, s, e, value=read_figure(m.group("n")).value, unit="rank", bound="upper")
                add(fig)
                continue
            several = pattern is VAGUE and re.search(r"dozen$", m.group(0), re.IGNORECASE)
            reading = _share(m.group(0)) if pattern is FRACTION else None
            reading = reading or read_figure("dozens" if several else m.group("n") if pattern is TIMES else m.group(0))
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
        if not free(core_s, e) or skip(text, core_s, e, dates):
            if m.group("num") and " " in m.group("num"):
                at = m.start("num") + m.group("num").index(" ")  # "May 12 500 people": a date, then 500
            continue
        value, unit = read_match(m)
        if value is None:
            continue
        fig = Figure(s, e, core_s, e, value=value)
        fig.unit = unit_for(text, e, unit or (currency_default if re.search(r"cents", m.group(0)) else None))
        noun = re.match(rf"[ -]{DURATION}\b", text[e:e + 12], re.IGNORECASE)
        if noun and duration_claim(text, core_s, e):
            fig.end += noun.end()  # a duration is printed with its unit: "12 years", "up to six months"
            if fig.unit == "people":  # "a one year prison sentence"
                fig.unit = re.sub(r"(?<!s)$", "s", noun.group(0).strip(" -").lower()).replace("centurys", "centuries")
        add(fig)
    out.sort(key=lambda f: f.start)
    for n, fig in enumerate(out):
        _bound(text, fig)
        gap = text[out[n - 1].end:fig.start] if n else ""
        if n and fig.bound == "exact" and out[n - 1].bound != "exact" and (
                re.fullmatch(r"\s*,?\s+or\s+", gap) or re.fullmatch(r"\s*\(\s*", gap)
                and _conversion(out[n - 1].unit, fig.unit)):
            # "up to Rs 15 crores, or four per cent", "more than 30 degrees Celsius (86 Fahrenheit)": the
            # bound covers both, the second a share or a conversion of the first (not "Over half (57 per
            # cent)", which says how much over)
            fig.bound = out[n - 1].bound
        _sign(text, fig)
        if fig.unit == "per cent" and re.search(r",\s+(?:down|up)\s+(?:by\s+)?$", text[max(0, fig.start - 12):fig.start]) \
                and any(o.unit == "per cent" for o in _same_sentence(text, fig, out[:n])):
            # "growth of 3.3 percent this year, down two-tenths of a percent from a July forecast": a rate
            # revised, by percentage points
            fig.unit = "percentage points"
        if fig.unit == "people" and re.search(r"\b(?:score|scores|scored|scoring|concede|concedes|conceded|conceding|"
                                              r"netted|nets)\s+$", text[max(0, fig.start - 12):fig.start]):
            fig.unit = "goals"  # "you have to score three"
        if fig.unit == "people" and not unit_noun(text, fig.core_end) and not fig.vague and not fig.named:
            fig.unit = unit_named_before(text, fig, out[:n]) or bare_temperature(text, fig.start, fig.end) or fig.unit
            # "317 million users … from 313 million"; "the mercury nearly achieved 30"
    return out


def _conversion(first: str, second: str) -> bool:
    """Whether a figure in brackets after another converts it into another unit of the same kind:
    money into money ("£5m (US$6.5m)"), a temperature or a measure into another ("30 degrees Celsius (86
    Fahrenheit)", "168kg (370lb)"); not "just over 63% (785 votes)", which counts what the share is of."""
    if first == second:
        return False
    return first.isupper() and second.isupper() or any(first in kind and second in kind for kind in _KINDS)


#: Units of one kind of quantity, between which a bracket converts.
_KINDS = [{"degrees Celsius", "degrees Fahrenheit", "degrees"},
          {"kilometres", "miles", "metres", "feet", "yards", "inches", "centimetres", "millimetres", "nautical miles"},
          {"kilograms", "lb", "tonnes", "tons", "grams", "ounces", "stone"},
          {"kilometres per hour", "miles per hour", "knots", "metres per second"},
          {"square kilometres", "square miles", "hectares", "acres", "square metres", "square feet"},
          {"litres", "gallons", "barrels", "cubic metres", "cubic feet"}]


def _share(words: str) -> Reading | None:
    """"two-fifths" as 40 per cent, "a third" 33.3, "two-third" (sic) 66.7; None for other words."""
    m = re.fullmatch(rf"(a|{_NUMERATORS})[ -]({_PARTS_OF}|half)", words.lower())
    if not m:
        return None
    n = 1 if m.group(1) in ("a", "one") else read_figure(m.group(1)).value
    share = Decimal(100) * n / _DENOMINATORS[m.group(2).rstrip("s")]
    return Reading(share.quantize(Decimal("0.1")).normalize() if share != share.to_integral_value() else share,
                   per_cent=True)


#: Words that make a figure negative and are printed with it: "negative growth of four-tenths of a
#: percent", "minus 2", and an economy that shrinks ("is forecast to contract 0.4 percent": growth of -0.4).
_NEGATIVE = re.compile(r"\b(?:negative\s+(?:growth\s+(?:of\s+)?)?|minus\s+)$", re.IGNORECASE)
_SHRINK = re.compile(r"\b(?:contract|contracts|contracted|contracting|shrink|shrinks|shrank|shrunk|shrinking)\s+"
                     r"(?:by\s+)?$", re.IGNORECASE)


def _sign(text: str, fig: Figure):
    before = text[max(0, fig.start - 30):fig.start]
    m = _NEGATIVE.search(before) or (_SHRINK.search(before) if fig.unit == "per cent" else None)
    if m and fig.bound == "exact" and fig.minimum is None and fig.value is not None and fig.value > 0:
        fig.value, fig.start = -fig.value, fig.start - len(m.group(0))


def _same_sentence(text: str, fig: Figure, before: list[Figure]) -> list[Figure]:
    start, _ = sentence_around(text, fig.start, fig.end)
    return [o for o in before if o.end > start]


def _bound(text: str, fig: Figure):
    """Widen ``fig`` over the bound words before it ("more than", "some", "up to") and set its bound."""
    m = BOUND.search(text[max(0, fig.start - 30):fig.start])
    if m:
        words = m.group("words").lower()
        fig.bound = next(b for w, b in BOUNDS if re.fullmatch(w, words, re.IGNORECASE))
        fig.start -= len(m.group(0))
        sentence_start, _ = sentence_around(text, fig.start, fig.end)
        if fig.bound in ("lower", "upper") and re.search(r"\b(?:none|nobody|no one)\b", text[sentence_start:fig.start],
                                                          re.IGNORECASE):
            # "none of the provinces performed below the 75% pass rate": all at 75% or more
            fig.bound = "lower" if fig.bound == "upper" else "upper"
    elif BOUND_AFTER.match(text[fig.end:]) or BOUND_VERB.search(text[max(0, fig.start - 20):fig.start]):
        fig.bound = "lower"
    elif NOT_HAVE.search(text[max(0, fig.start - 30):fig.start]):
        fig.bound = "upper"  # "where you don't have 10 chances": fewer than 10


def figure_spans(text: str) -> list[tuple[int, int]]:
    """(start, end) of every figure's number: what ``audit`` looks for."""
    return [(f.core_start, f.core_end) for f in find_figures(text)]


def value_cells(fig: Figure) -> dict:
    """The value, min and max cells of a sheet row for ``fig``."""
    if fig.minimum is not None:
        return {"value": "", "min": plain_number(fig.minimum), "max": plain_number(fig.maximum)}
    return {"value": plain_number(fig.value), "min": "", "max": ""}

