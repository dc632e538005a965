"""Citations of claims in the forms users paste elsewhere: plain text, Markdown, and references in
a CSL style (APA, Chicago author-date and notes, MLA, Harvard) formatted by pandoc's citeproc
(:mod:`.csl`); and the documents they cite as BibTeX (:mod:`.bibtex`) or CSL-JSON, for reference
managers.

A citation says who spoke and in whose words. It cites the claim's first appearance:

- mode quotation: the speaker, then their words in quotation marks;
- mode reported: the speaker "as reported by" the outlet, the claim in the reviewer's sentence,
  and the outlet's own words quoted as the outlet's ("GB News's words: “…”");
- mode own: the outlet, then its words.

Every form carries the attribution chain: "GB News, 18 Jul 2024, citing The Bell".
"""
import json
import re
from urllib.parse import quote as url_quote

from ..model.records import Appearance, Claim
from .formats import STYLES
from .dates import short_date

#: Formats that print one document for all the claims cited (nothing else goes to stdout).
DOCUMENT_FORMATS = ("bibtex", "csl-json")
FORMATS = ("plain", "markdown", *DOCUMENT_FORMATS, *STYLES)


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


def formatted(claim: Claim, style: str = "apa", reference: str | None = None) -> str:
    """Who said what (:func:`attribution`), then the reference of the document it appeared in,
    in a CSL style: "…. In: Saunders, J. (2024, July 18). More than 650,000 …". ``reference``
    saves a pandoc run when the caller formatted the documents of many claims at once."""
    from .csl import references

    if reference is None:
        reference = references([claim.source], style)[claim.source.get("id")]
    return f"{attribution(claim)}. In: {reference}"


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


def citations(claims: list[Claim], fmt: str = "plain") -> list[str]:
    """The citation of each claim in ``fmt`` (plain, markdown or a CSL style), in order; the
    documents of all of them go through pandoc once."""
    if fmt in STYLES or fmt.endswith(".csl"):
        from .csl import documents, references

        refs = references(documents(claims), fmt)
        return [formatted(c, fmt, refs[c.source.get("id")]) for c in claims]
    return [render(c, fmt) for c in claims]


def document(claims: list[Claim], fmt: str) -> str:
    """What a machine format prints for ``claims``: ``bibtex``, one entry per cited document;
    ``csl-json``, one JSON array with a CSL item per cited document."""
    if fmt == "bibtex":
        from .bibtex import bibliography

        return bibliography(claims)
    if fmt == "csl-json":
        from .csl import items

        return json.dumps(items(claims), ensure_ascii=False, indent=2) + "\n"
    raise ValueError(f"{fmt!r} is not a document format: one of {', '.join(DOCUMENT_FORMATS)}")


def render(claim: Claim, fmt: str = "plain") -> str:
    """The claim's citation in ``fmt`` (one of :data:`FORMATS`, or ``json`` for :func:`as_json`)."""
    if fmt == "plain":
        return plain(claim)
    if fmt == "markdown":
        return markdown(claim)
    if fmt in DOCUMENT_FORMATS:
        return document([claim], fmt).rstrip("\n")
    if fmt == "json":
        return json.dumps(as_json(claim), ensure_ascii=False, indent=2)
    return formatted(claim, fmt)
