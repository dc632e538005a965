"""The period a figure's sentence says it covers, as the sheet's ``time`` cell (ISO 8601): "last
year" in an article of 2023 is ``2022``, "by the end of last year" ``2022-12-31``, "between 2011
and 2019" ``2011/2019``, "from January 2005 to April 2006" ``2005-01/2006-04``, "since it started
April 12" ``2023-04-12/..``, "by May" ``2023-05``, "in 2022" ``2022``, "in March 2017" ``2017-03``,
"at the end of August 2015" ``2015-08-31``, "Q1, 2013" and "the first three months of 2013"
``2013-01/2013-03``, "over the weekend" in an article of Tuesday 22 September 2020
``2020-09-19/2020-09-20``, "a year ago" ``2012`` in 2013.

The period nearest the figure in its own clause wins; else, in its sentence, the nearest before it
("the company he has led since 1996 delivered a strong performance in 2010, pointing to profits up
by 4 per cent": ``2010``), else the nearest after. Empty where the sentence says none, or names two
years with "in" and nothing nearer decides: the reviewer fills it in.
"""
import calendar
import datetime
import re

MONTHS = ["january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
          "november", "december"]
_MONTH = r"(january|february|march|april|may|june|july|august|september|october|november|december)"
_YEAR = r"((?:19|20)\d{2})"
_QUARTERS = {"first": 1, "second": 2, "third": 3, "fourth": 4, "last": 4, "final": 4}
_MONTHS_SPAN = {"three": 3, "six": 6, "nine": 9}


def month_number(word: str) -> int:
    """1-12 for a month's name or its abbreviation ("Sept.", "Nov")."""
    return [m[:3] for m in MONTHS].index(word.lower().strip(".")[:3]) + 1


_month = month_number


def period(sentence: str, at: int, published: str = "") -> str:
    """The ``time`` cell for a figure at offset ``at`` of ``sentence``: the period its clause
    says, else the one the sentence says (see the module's docstring); ``published`` (the article's
    date, ISO) anchors "last year", "this year", months without a year and "the weekend"."""
    # a quotation's several sentences: the figure's own
    stops = [0] + [m.end() for m in re.finditer(r"[.!?]\s+(?=[A-Z\"\u201c])", sentence)] + [len(sentence) + 2]
    first = max(b for b in stops if b <= at)
    sentence, at = sentence[first:min(b for b in stops if b > at)], at - first
    bounds = [0] + [m.end() for m in re.finditer(r",\s|\s[\u2013\u2014-]\s|;\s", sentence)] + [len(sentence) + 2]
    start = max(b for b in bounds if b <= at)
    end = min(b for b in bounds if b > at)
    clause = [(pos + start, value) for pos, value in _periods(sentence[start:end], published)]
    if clause:
        return min(clause, key=lambda c: abs(c[0] - at))[1]
    if re.search(rf"\b(?:in|during|for|since|by|until) {_MONTH}\b", sentence[start:end], re.IGNORECASE):
        return ""  # the clause has a period of its own the draft cannot date ("during December")
    found = _periods(sentence, published)
    before = [c for c in found if c[0] < at]
    if before:
        return max(before)[1]
    return min(found)[1] if found else ""


def _year_of(words: str, year: int | None) -> int | None:
    words = words.lower()
    if words == "this year":
        return year
    if words == "last year":
        return year - 1 if year else None
    return int(words)


def _periods(s: str, published: str) -> list[tuple[int, str]]:
    """Every period ``s`` states, as (offset, value), the more precise reading of a span first."""
    year = int(published[:4]) if re.match(r"\d{4}", published or "") else None
    found: list[tuple[int, int, str]] = []

    def add(m, value):
        if value and not any(a <= m.start() < b for a, b, _ in found):
            found.append((m.start(), m.end(), value))

    for m in re.finditer(rf"\bfrom {_MONTH} (\d{{4}}) to {_MONTH} (\d{{4}})\b", s, re.IGNORECASE):
        add(m, f"{m.group(2)}-{_month(m.group(1)):02d}/{m.group(4)}-{_month(m.group(3)):02d}")
    for m in re.finditer(rf"\b(?:the )?12 months (?:to|until|ending) {_MONTH}(?: {_YEAR}| this year)?\b", s, re.IGNORECASE):
        if m.group(2) or year:
            y, mo = int(m.group(2) or year), _month(m.group(1))
            first = (y - 1, mo + 1) if mo < 12 else (y, 1)
            add(m, f"{first[0]}-{first[1]:02d}/{y}-{mo:02d}")
    # quarters: "Q1, 2013", "the first quarter of 2019", "the first three months of this year"
    for m in re.finditer(rf"\b(?:Q([1-4])|(first|second|third|fourth|last|final) quarter|the first (three|six|nine) months)"
                         rf"(?:\s+of|,)?\s+({_YEAR[1:-1]}|this year|last year)\b", s, re.IGNORECASE):
        y = _year_of(m.group(4), year)
        if y:
            if m.group(3):
                add(m, f"{y}-01/{y}-{_MONTHS_SPAN[m.group(3).lower()]:02d}")
            else:
                q = int(m.group(1)) if m.group(1) else _QUARTERS[m.group(2).lower()]
                add(m, f"{y}-{3 * q - 2:02d}/{y}-{3 * q:02d}")
    for m in re.finditer(rf"\bbetween {_YEAR} and {_YEAR}\b", s):
        add(m, f"{m.group(1)}/{m.group(2)}")
    for m in re.finditer(rf"\bsince (?:it (?:started|began) )?{_MONTH} (\d{{1,2}})\b(?!,? \d{{4}})", s, re.IGNORECASE):
        if year:
            add(m, f"{year}-{_month(m.group(1)):02d}-{int(m.group(2)):02d}/..")
    for m in re.finditer(rf"\bsince (?:(?:the start of |its )?{_MONTH} )?{_YEAR}\b", s, re.IGNORECASE):
        add(m, f"{m.group(2)}-{_month(m.group(1)):02d}/.." if m.group(1) else f"{m.group(2)}/..")
    for m in re.finditer(rf"\b(?:by|at) the end of (last year|{_YEAR})\b", s, re.IGNORECASE):
        y = year - 1 if m.group(1).lower() == "last year" and year else m.group(1)
        add(m, f"{y}-12-31" if str(y).isdigit() else "")
    for m in re.finditer(rf"\b(?:by|at) the end of {_MONTH},? {_YEAR}\b", s, re.IGNORECASE):
        y, mo = int(m.group(2)), _month(m.group(1))
        add(m, f"{y}-{mo:02d}-{calendar.monthrange(y, mo)[1]:02d}")  # "at the end of August 2015"
    for m in re.finditer(rf"\b{_MONTH},? {_YEAR}\b", s, re.IGNORECASE):
        if not re.search(r"\d\s*$", s[:m.start()]):  # "In March 2017"; not "5 March 2017", a date
            add(m, f"{m.group(2)}-{_month(m.group(1)):02d}")
    for m in re.finditer(rf"\bby {_MONTH}\b(?! \d)", s, re.IGNORECASE):
        if year:
            add(m, f"{year}-{_month(m.group(1)):02d}")
    weekend = _weekend(published)
    for m in re.finditer(r"\b(?:over|at|during) the (?:past |last )?weekend\b|\blast weekend\b", s, re.IGNORECASE):
        add(m, weekend)
    for m in re.finditer(r"\ba year (?:ago|earlier)\b", s, re.IGNORECASE):
        if year and len(published) >= 7:
            add(m, str(year - 1))
    years = list(re.finditer(rf"\b(?:in|during|for) {_YEAR}\b", s))
    relative = list(re.finditer(r"\b(last year|this year)\b", s, re.IGNORECASE))
    if relative and year and not years:
        add(relative[0], str(year - 1 if relative[0].group(1).lower() == "last year" else year))
    if len({m.group(1) for m in years}) == 1 and not relative:
        add(years[0], years[0].group(1))
    return sorted((a, value) for a, _, value in found)


def _weekend(published: str) -> str:
    """The Saturday and Sunday before (or of) an ISO date, as an interval; "" without a date."""
    try:
        day = datetime.date.fromisoformat(published[:10])
    except ValueError:
        return ""
    saturday = day - datetime.timedelta(days=(day.weekday() - 5) % 7)
    return f"{saturday.isoformat()}/{(saturday + datetime.timedelta(days=1)).isoformat()}"
