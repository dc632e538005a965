"""The period a figure's sentence says it covers, as the sheet's ``time`` cell (ISO 8601): "last
year" in an article of 2023 is ``2022``, "by the end of last year" ``2022-12-31``, "between 2011
and 2019" ``2011/2019``, "from January 2005 to April 2006" ``2005-01/2006-04``, "since it started
April 12" ``2023-04-12/..``, "by May" ``2023-05``, "in 2022" ``2022``. Empty where the sentence
says no period or more than one: the reviewer fills it in.
"""
import re

MONTHS = ["january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
          "november", "december"]
_MONTH = r"(january|february|march|april|may|june|july|august|september|october|november|december)"


def month_number(word: str) -> int:
    """1-12 for a month's name or its abbreviation ("Sept.", "Nov")."""
    return [m[:3] for m in MONTHS].index(word.lower().strip(".")[:3]) + 1


_month = month_number


def period(sentence: str, at: int, published: str = "") -> str:
    """The ``time`` cell for a figure at offset ``at`` of ``sentence``: the period its clause
    says, else the one the sentence says; ``published`` (the article's date, ISO) anchors "last
    year", "this year" and months without a year."""
    bounds = [0] + [m.end() for m in re.finditer(r",\s|\s[\u2013\u2014-]\s|;\s", sentence)] + [len(sentence) + 2]
    start = max(b for b in bounds if b <= at)
    end = min(b for b in bounds if b > at)
    return _period(sentence[start:end], published) or _period(sentence, published)


def _period(s: str, published: str) -> str:
    year = int(published[:4]) if re.match(r"\d{4}", published or "") else None
    m = re.search(rf"\bfrom {_MONTH} (\d{{4}}) to {_MONTH} (\d{{4}})\b", s, re.IGNORECASE)
    if m:
        return f"{m.group(2)}-{_month(m.group(1)):02d}/{m.group(4)}-{_month(m.group(3)):02d}"
    m = re.search(rf"\b(?:the )?12 months (?:to|until|ending) {_MONTH}(?: ((?:19|20)\d{{2}})| this year)?\b", s,
                  re.IGNORECASE)
    if m and (m.group(2) or year):
        y, mo = int(m.group(2) or year), _month(m.group(1))
        first = (y - 1, mo + 1) if mo < 12 else (y, 1)
        return f"{first[0]}-{first[1]:02d}/{y}-{mo:02d}"
    m = re.search(r"\bbetween ((?:19|20)\d{2}) and ((?:19|20)\d{2})\b", s)
    if m:
        return f"{m.group(1)}/{m.group(2)}"
    m = re.search(rf"\bsince (?:it (?:started|began) )?{_MONTH} (\d{{1,2}})\b(?!,? \d{{4}})", s, re.IGNORECASE)
    if m and year:
        return f"{year}-{_month(m.group(1)):02d}-{int(m.group(2)):02d}/.."
    m = re.search(rf"\bsince (?:(?:the start of |its )?{_MONTH} )?((?:19|20)\d{{2}})\b", s, re.IGNORECASE)
    if m:
        return f"{m.group(2)}-{_month(m.group(1)):02d}/.." if m.group(1) else f"{m.group(2)}/.."
    m = re.search(r"\b(?:by|at) the end of (last year|(?:19|20)\d{2})\b", s, re.IGNORECASE)
    if m:
        y = year - 1 if m.group(1).lower() == "last year" and year else m.group(1)
        return f"{y}-12-31" if str(y).isdigit() else ""
    m = re.search(rf"\bby {_MONTH}\b(?! \d)", s, re.IGNORECASE)
    if m and year:
        return f"{year}-{_month(m.group(1)):02d}"
    years = set(re.findall(r"\b(?:in|during|for) ((?:19|20)\d{2})\b", s))
    relative = re.findall(r"\b(last year|this year)\b", s, re.IGNORECASE)
    if relative and year and not years:
        return str(year - 1 if relative[0].lower() == "last year" else year)
    if len(years) == 1 and not relative:
        return years.pop()
    return ""
