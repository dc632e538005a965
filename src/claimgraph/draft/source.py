"""The source columns of a draft sheet, read from the article's own lines where it prints them:
the headline (its first line that is not a date), the byline ("By X", "(Reporting by X and Y in
City; Editing by Z)", or a lone name closing the article), the publication date ("Published:
18/07/2024", "09/02/2017 | 15:35", "23 Nov 2023", "June 14, 2023") and the outlet (the line under
"Click to follow"); the person drafting may give the outlet and date that the page shows.
"""
import re

from .periods import month_number

_MONTH = r"(?P<month>jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?"
_DMY = re.compile(r"\b(?P<d>\d{1,2})/(?P<m>\d{1,2})/(?P<y>\d{4})(?:\s*\|?\s*(?P<hh>\d{1,2}):(?P<mm>\d{2}))?")
_D_MONTH_Y = re.compile(rf"\b(?P<d>\d{{1,2}})\s+{_MONTH}\s+(?P<y>\d{{4}})\b", re.IGNORECASE)
_MONTH_D_Y = re.compile(rf"\b{_MONTH}\s+(?P<d>\d{{1,2}}),?\s+(?P<y>\d{{4}})\b", re.IGNORECASE)
_ISO = re.compile(r"\b(?P<y>\d{4})-(?P<m>\d{2})-(?P<d>\d{2})\b")
_NAME = r"[A-Z][\w\u2019'-]+(?:\s+[A-Z][\w\u2019'-]+){1,3}"


def published(text: str, lines: int = 8) -> str:
    """The publication date (``2024-07-18`` or ``2017-02-09T15:35``) printed in the first
    ``lines`` lines of ``text``, or "" when none is."""
    head = "\n".join(text.splitlines()[:lines])
    m = _DMY.search(head)
    if m:
        day = f"{m.group('y')}-{int(m.group('m')):02d}-{int(m.group('d')):02d}"
        return day + (f"T{int(m.group('hh')):02d}:{m.group('mm')}" if m.group("hh") else "")
    for pattern in (_ISO, _D_MONTH_Y, _MONTH_D_Y):
        m = pattern.search(head)
        if m:
            month = int(m.group("m")) if "m" in m.groupdict() and m.group("m") else month_number(m.group("month"))
            return f"{m.group('y')}-{month:02d}-{int(m.group('d')):02d}"
    return ""


def authors(text: str) -> list[str]:
    """The byline's names."""
    m = re.search(r"^\s*By\s+(.+?)\s*$", text, re.MULTILINE)
    if m and len(m.group(1).split()) <= 8:
        return _names(m.group(1))
    m = re.search(r"\(Reporting by (.+?)(?: in [A-Z][\w ]+)?(?:;|\))", text)
    if m:
        return _names(m.group(1))
    last = [line.strip() for line in text.splitlines() if line.strip()]
    if last and re.fullmatch(_NAME, last[-1]) and len(last[-1].split()) <= 3:
        return [last[-1]]
    return []


def _names(words: str) -> list[str]:
    return [n.strip() for n in re.split(r",\s*|\s+and\s+|\s*&\s*", words) if re.fullmatch(_NAME, n.strip())]


def title(text: str) -> str:
    """The first line that is not a date, a dateline or a note in brackets."""
    for line in text.splitlines():
        line = line.strip()
        if line and not published(line, 1) == line[:10] and not (line.startswith("(") and line.endswith(")")) \
                and not re.fullmatch(r"[\d\s/|:.,A-Za-z]{0,12}\d{4}[\d\s/|:]*", line):
            return line
    return ""


def publisher(text: str) -> str:
    """The outlet where the page prints it under its "Click to follow" button, else ""."""
    m = re.search(r"^Click to follow\s*\n\s*(.+?)\s*$", text, re.MULTILINE)
    return m.group(1) if m else ""


def source_columns(text: str, text_name: str, outlet: str = "", date: str = "",
                   known: dict | None = None) -> dict:
    """The source_* cells of a draft's first row. ``outlet`` and ``date`` given by the person
    drafting win over what the text prints; names the data folder knows are written as it names
    them, new ones with a hint."""
    from ..model.words import fold

    known = {fold(k): v for k, v in (known or {}).items()}

    def cell(name, kind):
        return known.get(fold(name)) or f"{name} [{kind}]"

    outlet = outlet or publisher(text)
    return {"source_title": title(text), "source_type": "NewsArticle",
            "source_publisher": cell(outlet, "organisation") if outlet else "",
            "source_author": "; ".join(cell(a, "person") for a in authors(text)),
            "source_published": date or published(text), "source_text": text_name}
