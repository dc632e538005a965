"""Coverage of a source's archived text: every figure and every quotation in it that no claim's
quote anchor covers, with its offset and context.

Figures: numerals ("650,000", "1.6 million", "80 per cent", "top 10"), number words ("four",
"half", "one"), and vague amounts ("tens of thousands", "hundreds of thousands"). Dates and
times of day ("18/07/2024", "08:38") are metadata, not figures. Quotations: text between straight
or curly double quotes, and between single quotes where they are not apostrophes.
"""
import re
from pathlib import Path
from dataclasses import dataclass

from .model.ids import short_id

_WORDS = ("one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|twenty|thirty|forty|fifty|"
          "hundred|thousand|million|billion|half|third|quarter|dozens?|hundreds|thousands|millions")
FIGURE = re.compile(
    r"(?<![\w/:])(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?(?:\s*(?:%|per ?cent|million|billion|thousand|bn|m|k)\b)?(?![\w/:])"
    r"|\b(?:tens|hundreds|dozens) of (?:thousands|millions)\b"
    r"|\b(?:" + _WORDS + r")\b",
    re.IGNORECASE)
DATE_OR_TIME = re.compile(r"\b\d{1,2}/\d{1,2}/\d{2,4}\b|\b\d{1,2}:\d{2}\b")
QUOTATION = re.compile(r"\"([^\"\n]+)(?:\"|\n)|\u201c([^\u201d]+)\u201d|(?<!\w)['\u2018]([^'\u2019\n]+?)['\u2019](?!\w)")


@dataclass(frozen=True)
class Gap:
    """Something in the text no claim covers."""
    kind: str  # "figure" or "quotation"
    start: int
    end: int
    text: str
    context: str

    def line(self) -> str:
        return f"{self.start}-{self.end} {self.kind} {self.text!r}: …{self.context}…"


def find_figures(text: str) -> list[tuple[int, int]]:
    metadata = [m.span() for m in DATE_OR_TIME.finditer(text)]
    return [m.span() for m in FIGURE.finditer(text)
            if not any(s <= m.start() < e for s, e in metadata)]


def find_quotations(text: str) -> list[tuple[int, int]]:
    """Spans of the quoted words (without the quote marks)."""
    spans = []
    for m in QUOTATION.finditer(text):
        group = next(i for i in (1, 2, 3) if m.group(i) is not None)
        spans.append(m.span(group))
    return spans


def gaps(text: str, anchors: list[tuple[int, int]], context: int = 30) -> list[Gap]:
    """Figures and quotations of ``text`` not inside any (start, end) of ``anchors``.
    A quotation counts as covered when an anchor covers its words, or lies within them (a claim
    may quote the words that carry it: "democratic passports")."""
    def covered(s, e, quotation):
        return any((a <= s and e <= b) or (quotation and s <= a and b <= e) for a, b in anchors)

    out = []
    for kind, spans in (("figure", find_figures(text)), ("quotation", find_quotations(text))):
        for s, e in spans:
            if not covered(s, e, kind == "quotation"):
                ctx = text[max(0, s - context):e + context].replace("\n", " ")
                out.append(Gap(kind, s, e, text[s:e], ctx))
    return sorted(out, key=lambda g: g.start)


def find_source(store, name: str) -> dict:
    """The source named by id (``source/…``), archived file name or title, as a row of
    ``lib/source_text.rq`` (source, archive, file, title)."""
    from .errors import NotFound
    from .model.ids import expand_id
    from .resources import query_text

    rows = store.select(query_text("lib/source_text"))
    wanted = name.strip()
    for row in rows:
        if row["source"] == expand_id(wanted) or wanted in (row["file"], Path(row["file"]).stem) \
                or (row["title"] or "").casefold() == wanted.casefold():
            return row
    known = ", ".join(sorted(short_id(r["source"]) for r in rows))
    raise NotFound(f"no source {name!r} with archived text (known: {known})")


def audit_source(store, name: str) -> tuple[dict, list[Gap]]:
    """The source named ``name`` and the figures and quotations of its text no claim covers."""
    from .resources import query_text
    from .store import iri

    source = find_source(store, name)
    archive = {"archive": iri(source["archive"])}
    text = next((r["text"] for r in store.select(query_text("lib/archive_text"), archive)), "")
    rows = store.select(query_text("lib/source_anchors"), archive)
    return source, gaps(text, [(r["start"], r["end"]) for r in rows])
