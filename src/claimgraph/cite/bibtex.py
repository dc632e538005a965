"""BibTeX: one entry per cited document, read by BibTeX, biber (biblatex) and bibtexparser.

- month as BibTeX's own macro (``month = jul``), not a braced string;
- words with capitals after the title's first word braced (``{Russians}``), so styles that
  lower-case titles keep proper nouns and acronyms; a publisher braced whole;
- ``url`` verbatim and ``urldate`` (ISO date, biblatex) when the source was retrieved on a known day.
"""
import re

from .csl import documents
from .dates import parse_date

_SPECIAL = re.compile(r"([&%$#_{}])")
_WORD = re.compile(r"[^\W_]+(?:['’-][^\W_]+)*")
_MONTHS = ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec")


def escape(text) -> str:
    """TeX's special characters escaped (``&`` -> ``\\&``; ``~`` and ``^`` spelt as commands)."""
    text = str(text).replace("\\", "\\textbackslash{}")
    text = _SPECIAL.sub(r"\\\1", text)
    return text.replace("~", "\\textasciitilde{}").replace("^", "\\textasciicircum{}").replace(
        "\\textbackslash\\{\\}", "\\textbackslash{}")


def protect(title: str) -> str:
    """``title`` escaped, each word with a capital after the first word in braces, and the
    first word too when it has more than one capital (an acronym: ``{UNHCR}``)."""
    out, last = [], 0
    text = escape(title)
    for i, m in enumerate(_WORD.finditer(text)):
        word = m.group()
        capitals = sum(c.isupper() for c in word)
        braced = capitals and (i > 0 or capitals > 1) and text[m.start() - 1:m.start()] != "\\"
        out.append(text[last:m.start()] + (f"{{{word}}}" if braced else word))
        last = m.end()
    return "".join(out) + text[last:]


def author(name: str) -> str:
    """"Saunders, James" (titles dropped); a one-word name braced whole."""
    from .csl import person

    p = person(name)
    return f"{{{escape(p['literal'])}}}" if "literal" in p else f"{escape(p['family'])}, {escape(p['given'])}"


def key(source: dict) -> str:
    """The entry key: the source's local id (``gbnews-2024-07-18-russian-exodus``)."""
    return re.sub(r"[^\w:.-]", "-", str(source.get("id") or "source").split("/")[-1])


def entry(source: dict) -> str:
    """One ``@article`` entry for a source record."""
    published, retrieved = parse_date(source.get("published")), parse_date(source.get("retrieved"))
    authors = [author(a) for a in (source.get("author") or "").split("; ") if a.strip()]
    fields = [
        ("author", "{" + " and ".join(authors) + "}" if authors else None),
        ("title", "{" + protect(source["title"]) + "}" if source.get("title") else None),
        ("journal", "{{" + escape(source["publisher"]) + "}}" if source.get("publisher") else None),
        ("year", f"{{{published.year}}}" if published else None),
        ("month", _MONTHS[published.month - 1] if published else None),
        ("url", "{" + str(source["url"]).replace("{", "%7B").replace("}", "%7D") + "}" if source.get("url") else None),
        ("urldate", f"{{{retrieved.isoformat()}}}" if retrieved else None),
    ]
    body = ",\n".join(f"  {name} = {value}" for name, value in fields if value)
    return f"@article{{{key(source)},\n{body}\n}}\n"


def bibliography(claims) -> str:
    """One entry per document that ``claims`` cite (each claim's first appearance's), in order."""
    return "\n".join(entry(source) for source in documents(claims))
