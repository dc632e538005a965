"""Coverage of a source's archived text: every figure and every quotation in it that no claim's
quote anchor covers, with its offset and context.

Figures and quotations are found by the same finders as ``draft`` (one finder, two users): see
:mod:`claimgraph.draft.figures` (never a date, year, time of day, ordinal, age, duration or label
such as "type 1") and :mod:`claimgraph.draft.quotations` (straight, curly and low-high quotes,
single quotes that are not apostrophes, unmarked words after "said:").
"""
from pathlib import Path
from dataclasses import dataclass

from .draft.figures import figure_spans
from .draft.quotations import quotation_spans
from .model.ids import short_id


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


def gaps(text: str, anchors: list[tuple[int, int]], context: int = 30) -> list[Gap]:
    """Figures and quotations of ``text`` not inside any (start, end) of ``anchors``.
    A quotation counts as covered when an anchor covers its words, or lies within them (a claim
    may quote the words that carry it: "democratic passports")."""
    def covered(s, e, quotation):
        return any((a <= s and e <= b) or (quotation and s <= a and b <= e) for a, b in anchors)

    out = []
    for kind, spans in (("figure", figure_spans(text)), ("quotation", quotation_spans(text))):
        for s, e in spans:
            if not covered(s, e, kind == "quotation"):
                ctx = text[max(0, s - context):e + context].replace("\n", " ")
                out.append(Gap(kind, s, e, text[s:e], ctx))
    return sorted(out, key=lambda g: g.start)


def find_source(store, name: str) -> dict:
    """The source named by id (``source/…``), archived file name, the text file's path, or
    title, as a row of ``lib/source_text.rq`` (source, archive, file, title)."""
    from .errors import NotFound
    from .resources import query_text

    rows = store.select(query_text("lib/source_text"))
    wanted = name.strip()
    # a path names the archived file by its name: "tests/corpus/dev/x.txt" is the source of x.txt
    file_name = Path(wanted).name if ("/" in wanted or "\\" in wanted) and not wanted.startswith("source/") \
        else wanted
    for row in rows:
        if row["source"] == _expanded(wanted) or file_name in (row["file"], Path(row["file"]).stem) \
                or (row["title"] or "").casefold() == wanted.casefold():
            return row
    known = ", ".join(sorted(short_id(r["source"]) for r in rows))
    raise NotFound(f"no source {name!r} with archived text (known: {known})")


def _expanded(name: str) -> str | None:
    from .errors import ClaimgraphError
    from .model.ids import expand_id

    try:
        return expand_id(name)
    except ClaimgraphError:  # a title or a path, not an id
        return None


def audit_source(store, name: str) -> tuple[dict, list[Gap]]:
    """The source named ``name`` and the figures and quotations of its text no claim covers."""
    from .resources import query_text
    from .store import iri

    source = find_source(store, name)
    archive = {"archive": iri(source["archive"])}
    text = next((r["text"] for r in store.select(query_text("lib/archive_text"), archive)), "")
    rows = store.select(query_text("lib/source_anchors"), archive)
    return source, gaps(text, [(r["start"], r["end"]) for r in rows])
