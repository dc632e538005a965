"""A claim sheet's rows built into RDF: claims, their appearances anchored in the archived text,
sources, and the entities the sheet introduces.

Every fault of every row is collected in one pass and reported together, each with its row,
column, what is wrong and what to write instead. A row whose claim is already in the graph (or
on an earlier row) adds an appearance to it, never a second claim (see docs/claim-sheets.md for
when two rows carry the same claim). The cells are read by :mod:`.cells`, sources by
:mod:`.sources`, the RDF written by :mod:`.emit`.
"""
import re
from pathlib import Path

from rdflib import Graph, Literal

from ..errors import SheetError
from .cells import TRUE, Faults
from .emit import Emitter, RowClaim, SheetBuild
from .entities import EntityIndex
from .ids import claim_iri, claim_key, short_id
from .sheet import read_sheet
from .sources import Sources
from .vocab import (AMOUNT, BOUNDS, ENTITY_KIND_WORDS, ENTITY_KINDS, ENTITY_TYPES, FIGURE_PREDICATES, HEDGES,
                    KINDS, MODES, PREDICATE_PREFIXES, SAID, unit_of)
from .words import QuotationsOf

_CURIE = re.compile(r"^([a-z]+):([A-Za-z][\w-]*)$")
_QUOTE_MARKS = "\"\u201c\u201d\u2018\u2019\u00ab\u00bb\u201e'"


class GraphContext:
    """What a sheet is built against: the entities and claims already in a store."""

    def __init__(self, store=None, index: EntityIndex | None = None):
        self.store = store
        self._quotations: dict[str, list] = {}  # first speaker -> (claim, words, speaker) of their quotations
        self.index = index if index is not None else (EntityIndex.from_store(store) if store else EntityIndex())

    def existing(self, claims: list[str]) -> dict[str, str]:
        """The claims of ``claims`` in the graph, each with its kind ("figure", …)."""
        if self.store is None or not claims:
            return {}
        from ..resources import query_text
        from ..store import iri

        kinds = {v: k for k, v in KINDS.items()}
        return {r["claim"]: kinds[r["kind"]] for r in self.store.select_each(
            query_text("lib/claim_kinds"), [{"claim": iri(c)} for c in claims]) if r["kind"] in kinds}

    def claim_cells(self, claim: str) -> dict | None:
        """The claim's own sheet cells (kind, speaker, subject, value, unit…) as a row that
        carries it again may leave them empty; None if the graph has no such claim."""
        if self.store is None:
            return None
        from ..model.records import details
        from .to_sheet import claim_cells

        found = details(self.store, [claim])
        return claim_cells(found[0]) if found else None

    def quotations_of(self, speakers: list[str]) -> list[tuple[str, str]]:
        """(claim, words) of every quotation attributed to exactly these speakers in the graph."""
        if self.store is None or not speakers:
            return []
        first = sorted(speakers)[0]
        if first not in self._quotations:
            self.prefetch_quotations([speakers])
        mine = {}
        for claim, words, who in self._quotations[first]:
            mine.setdefault(claim, [words, set()])[1].add(who)
        return [(c, w) for c, (w, who) in mine.items() if who == set(speakers)]

    def prefetch_quotations(self, speaker_sets) -> None:
        """Ask the graph once for the quotations of every speaker set :meth:`quotations_of`
        will be asked about (one query per speaker took 4 s for a 1,000-row sheet at 1M)."""
        if self.store is None:
            return
        from ..resources import query_text
        from ..store import iri

        wanted = sorted({sorted(s)[0] for s in speaker_sets if s} - set(self._quotations))
        for first in wanted:
            self._quotations[first] = []
        index = self.store.index(build=False)  # the same rows, from the sidecar index when there is one
        rows = index.quotations_of(wanted) if index is not None else [
            (r["speaker"], r["claim"], r["words"], r["who"])
            for r in self.store.select_each(query_text("lib/quotations_of"), [{"speaker": iri(s)} for s in wanted])]
        for speaker, claim, words, who in rows:
            self._quotations[speaker].append((claim, words, who))


def build_sheet(sheet_path, context: GraphContext, text_path=None, data_dir=None, progress=None) -> SheetBuild:
    """Build a sheet's rows against ``context``. ``text_path`` overrides the ``source_text``
    column. Raises SheetError listing every fault of every row."""
    label = "<stdin>" if str(sheet_path) == "-" else str(sheet_path)
    rows = read_sheet(sheet_path)
    faults = Faults(label)
    builder = _Builder(label, context, faults, sheet_path, text_path, data_dir)
    return builder.build(rows, progress)


class _Builder(Sources, Emitter):
    def __init__(self, label, context, faults, sheet_path, text_path, data_dir):
        self.label, self.ctx, self.faults = label, context, faults
        self.index = context.index
        self.sheet_dir = None if str(sheet_path) == "-" else Path(sheet_path).resolve().parent
        self.text_path = Path(text_path) if text_path else None
        self.data_dir = Path(data_dir).resolve() if data_dir else None
        self.keys: dict[str, dict] = {}

    # ------------------------------------------------------------------ cells

    def build(self, rows, progress) -> SheetBuild:
        for row in rows:
            key = row.get("key", "")
            if key and key in self.keys:
                self.fault(row, "key", f"{key!r} is also the key of row {self.keys[key]['_row']}: give each row "
                                       "its own key")
            elif key:
                self.keys[key] = row
            if row.get("_extra"):
                self.fault(row, "key", "the row has more cells than the header has columns: quote cells "
                                       "that hold commas")
        entity_graphs = {}
        for row in rows:  # entities first: every row may name what an entity row defines
            kind = ENTITY_KIND_WORDS.get(row.get("kind", "").casefold(), row.get("kind", "").casefold())
            if kind in ENTITY_KINDS:
                self.entity_row(row, kind)
                entity_graphs[row["_row"]], self.index.new = self.index.new, Graph()
        self.fill_from_claims(rows)
        read, source, pending = [], None, Graph()
        for row in rows:
            if progress:
                progress(1)
            kind = row.get("kind", "").casefold()
            if row["_row"] in entity_graphs:  # written into the file of the source it stands with
                if source is not None:
                    source.graph += entity_graphs[row["_row"]]
                else:
                    pending += entity_graphs[row["_row"]]
                continue
            if row.get("source_title"):
                source = self.source_row(row)
                source.graph += pending
                pending = Graph()
            elif source is None and any(row.get(c) for c in ("kind", "quote", "statement")):
                self.fault(row, "source_title", "the first claim row must describe its source: fill "
                                                "source_title, source_publisher, source_published and source_text")
            if kind not in KINDS:
                self.fault(row, "kind", f"{row.get('kind', '')!r} is not a kind: write figure, quotation or "
                                        "statement, or person, organisation, event, document, place for an entity")
                continue
            read.append(self.claim_row(row, kind, source))
            if source is not None:
                source.graph += self.index.new
                self.index.new = Graph()
        sources = {}
        for rc in read:
            if rc.source is not None:
                sources.setdefault(rc.source.iri, rc.source)
        if len(pending) and not sources:
            self.faults.lines.append(f"{self.label}: the sheet defines entities but has no claim row: "
                                     "entities are written into the file of a source")
        self.identify(read)
        if self.faults.lines:
            # the rows that built are built all the same, so that the shapes can be checked on them
            # too and every fault of the sheet reported at once, not one layer at a time
            good = [rc for rc in read if rc.number not in self.faults.rows and rc.iri and rc.start is not None]
            lines = list(self.faults.lines)
            try:
                partial = self.emit(good, {iri: s for iri, s in sources.items() if s.text is not None}) if good else None
            except SheetError as more:
                lines, partial = more.problems, None
            error = SheetError(self.label, lines)
            error.partial = partial
            raise error
        return self.emit(read, sources)

    #: what a row that carries another row's claim (``claim`` column) may leave empty
    CLAIM_CELLS = ("kind", "statement", "subject", "predicate", "object", "value", "min", "max", "bound", "unit",
                   "measure", "time", "from", "to", "each_place", "part_of", "about", "speaker", "derived_from")

    def fill_from_claims(self, rows):
        """Rows that name the claim they carry again (``claim``: a key or ``claim/…``) take the
        claim's cells they leave empty from that row, or from the graph."""
        for row in rows:
            ref = row.get("claim", "")
            if not ref:
                continue
            if ref.startswith("claim/"):
                cells = self.ctx.claim_cells(_id(ref))
            else:
                other = self.keys.get(ref)
                cells = other if other is not None and not other.get("claim") else None
            if cells:
                row["_claim_value"] = cells.get("value", "")
            for column in self.CLAIM_CELLS if cells else ():
                if not row.get(column) and cells.get(column):
                    row[column] = cells[column]
                    row.setdefault("_filled", set()).add(column)

    def entity_row(self, row, kind):
        name = row.get("name", "").strip()
        if not name:
            self.fault(row, "name", f"an entity row ({kind}) needs the entity's name")
            return
        type_word = row.get("type", "").casefold().strip()
        if type_word and type_word not in ENTITY_TYPES[kind]:
            self.fault(row, "type", f"{row['type']!r} is not a type of {kind}: write one of "
                                    f"{', '.join(ENTITY_TYPES[kind])}")
            type_word = ""
        time = self.when(row, "time", row["time"], span=kind == "event", partial=True) if row.get("time") else None
        aliases = [a.strip() for a in row.get("aliases", "").split(";") if a.strip()]
        makers = self.entities(row, "speaker")
        derived = self.entities(row, "derived_from")
        about = self.entities(row, "about")
        url = self.url(row, "url")
        self.index.define(kind, name, aliases, type_word, row.get("role", ""), time,
                          str(url) if url is not None else "", makers, derived, about)

    def claim_row(self, row, kind, source) -> RowClaim:
        rc = RowClaim(row=row, kind=kind, source=source, speakers=self.entities(row, "speaker"))
        if not rc.speakers and not row.get("speaker"):
            self.fault(row, "speaker", "missing: say who made the claim (for the outlet's own statement, the outlet)")
        if not row.get("quote"):
            self.fault(row, "quote", "missing: copy the words of the article that carry the claim")
        # mode
        mode = row.get("mode", "").casefold()
        publishers = set(source.publishers) if source else set()
        if mode and mode not in MODES:
            self.fault(row, "mode", f"{row['mode']!r} is not a mode: write quotation (the speaker's words in "
                                    "quotation marks), reported (the outlet's paraphrase) or own (the outlet's own)")
        elif not mode:
            mode = "quotation" if kind == "quotation" else "own" if rc.speakers and set(rc.speakers) <= publishers \
                else "reported"
        elif kind == "quotation" and mode != "quotation":
            self.fault(row, "mode", "a quotation is the speaker's own words in quotation marks: for the outlet's "
                                    "paraphrase make the row a statement or figure with mode reported")
        elif mode == "own" and rc.speakers and source and not set(rc.speakers) <= publishers | set(source.authors):
            names = ", ".join(self.index.names.get(p, short_id(p)) for p in source.publishers) or "its publisher"
            self.fault(row, "mode", f"own is the source's own statement, but the speaker is not {names}: write "
                                    "reported for someone else's claim in the outlet's words")
        rc.mode = mode
        # the asserted triple
        if kind == "figure":
            self.figure_cells(rc)
        pred_text = row.get("predicate", "")
        if pred_text:
            m = _CURIE.match(pred_text)
            if m and m.group(1) in PREDICATE_PREFIXES:
                rc.predicate = PREDICATE_PREFIXES[m.group(1)] + m.group(2)
            else:
                self.fault(row, "predicate", f"{pred_text!r} is not a term: write cg:…, schema:…, prov:… or "
                                             "dcterms:…, such as schema:homeLocation")
        elif kind == "figure":
            rc.predicate = FIGURE_PREDICATES.get(rc.unit[0], AMOUNT) if rc.unit else None
        elif kind == "quotation":
            rc.predicate = SAID
        else:
            self.fault(row, "predicate", "a statement needs a predicate, such as schema:homeLocation")
        if row.get("subject"):
            rc.subject = self.entity(row, "subject", row["subject"])
        elif kind == "quotation":
            rc.subject = rc.speakers[0] if rc.speakers else None
        else:
            self.fault(row, "subject", "missing: what the claim is about, an entity such as "
                                       "event/russian-emigration-since-invasion, or add one with an event row")
        if kind == "statement":
            text = row.get("object", "")
            rc.obj = self.index.find(text, mint=bool(re.search(r"\[\w+\]$", text))) if text else None
            if rc.obj is None and text:
                rc.obj = Literal(text)
            if not text:
                self.fault(row, "object", "a statement needs an object: an entity or text")
        if row.get("time"):
            self.when(row, "time", row["time"], span=True)
        for column in ("bound", "unit", "as_printed", "value", "min", "max", "each_place", "part_of"):
            if kind != "figure" and row.get(column):
                self.fault(row, column, f"only figures have a {column}: leave it empty, or make the row a figure")
        hedge = row.get("hedge", "").casefold()
        if hedge == "reported":
            self.fault(row, "hedge", "'reported' is a mode now: write it in the mode column, and leave hedge empty")
        elif hedge and hedge not in HEDGES:
            self.fault(row, "hedge", f"{row['hedge']!r} is not a hedge: write one of {', '.join(HEDGES)}, or "
                                     "leave it empty")
        if row.get("each_place") and row["each_place"].casefold() not in TRUE + ("no", "false", "0", "n"):
            self.fault(row, "each_place", f"{row['each_place']!r}: write yes or leave it empty")
        for column in ("from", "to", "about", "derived_from"):
            rc.row[f"_{column}"] = self.entities(row, column)
        self.anchor(rc)
        return rc

    def figure_cells(self, rc):
        row = rc.row
        has_range = row.get("min") or row.get("max")
        if has_range:
            if row.get("value"):
                self.fault(row, "value", "a range has min and max, not a value: leave value empty")
            rc.minimum = self.number(row, "min") if row.get("min") else None
            rc.maximum = self.number(row, "max") if row.get("max") else None
            if not (row.get("min") and row.get("max")):
                self.fault(row, "min" if not row.get("min") else "max", "a range needs both ends, min and max; for "
                           "'up to 10%' write value 10 and bound upper")
            elif rc.minimum is not None and rc.maximum is not None and rc.minimum > rc.maximum:
                self.fault(row, "max", f"{row['max']} is below min {row['min']}: swap them")
        elif row.get("value"):
            rc.value = self.number(row, "value")
        else:
            self.fault(row, "value", "a figure needs its value (or min and max for a range), as digits: 650000")
        if not row.get("as_printed"):
            self.fault(row, "as_printed", "missing: copy the figure as the article prints it, such as "
                                          "'more than 650,000'")
        elif row.get("quote") and row["as_printed"] not in row["quote"]:
            self.fault(row, "as_printed", f"{row['as_printed']!r} is not in the quote: copy the figure exactly as "
                                          "it stands in the quoted words")
        bound = row.get("bound", "").casefold() or "exact"
        if bound not in BOUNDS:
            self.fault(row, "bound", f"{row['bound']!r} is not a bound: write exact, approximate, lower (more than, "
                                     "at least) or upper (up to, less than)")
        rc.unit = unit_of(row.get("unit", ""))
        if rc.unit is None:
            self.fault(row, "unit", "missing: write people, per cent, rank, a currency (USD, GBP, €) or what is "
                                    "counted (countries, clients)")
        elif rc.unit[2] is not None and not _is_currency(rc.unit[2]):
            self.fault(row, "unit", f"{row['unit']!r} is not an ISO 4217 currency: write USD, EUR, GBP, RUB…")

    def anchor(self, rc):
        row, source = rc.row, rc.source
        quote = row.get("quote", "")
        if not quote or source is None or source.text is None:
            return
        try:
            occurrence = int(row.get("occurrence") or 1)
            if occurrence < 1:
                raise ValueError
        except ValueError:
            self.fault(row, "occurrence", f"{row['occurrence']!r} is not a count: write 1 for the first time the "
                                          "words appear, 2 for the second…")
            return
        start = -1
        for _ in range(occurrence):
            start = source.text.find(quote, start + 1)
            if start < 0:
                found = source.text.count(quote)
                self.fault(row, "quote", f"{quote[:60]!r} is not found verbatim in the archived text"
                           + (f" {occurrence} times (only {found})" if found else "")
                           + ": copy the words exactly, with the text's own quotes, dashes and spaces")
                return
        rc.start, rc.end = start, start + len(quote)
        if rc.mode == "quotation" and not _in_quotation_marks(source.text, rc.start, rc.end):
            self.fault(row, "mode", "quotation means the speaker's own words in quotation marks, and these words are "
                                    "not quoted in the text: write reported (the outlet's paraphrase)")

    # ------------------------------------------------------------------ which claim

    def identify(self, read: list[RowClaim]):
        """Give each row its claim IRI: its own content hash, or the claim it shares."""
        for rc in read:
            if rc.number in self.faults.rows:
                continue
            row = rc.row
            rc.iri = claim_iri(claim_key(
                rc.kind, rc.speakers, subject=rc.subject, predicate=rc.predicate, obj=rc.obj, value=rc.value,
                minimum=rc.minimum, maximum=rc.maximum, unit=rc.unit[0] if rc.unit else None,
                measure=row.get("measure") or None, time=row.get("time") or None, from_places=row["_from"],
                to_places=row["_to"], each_place=row.get("each_place", "").casefold() in TRUE, words=row.get("quote")))
        by_key = {}
        for rc in read:
            if rc.row.get("key"):
                by_key[rc.row["key"]] = rc
        explicit = [rc for rc in read if rc.row.get("claim")]
        wanted = sorted({rc.iri for rc in read if rc.iri} | {_id(rc.row["claim"]) for rc in explicit
                                                             if rc.row["claim"].startswith("claim/")})
        existing = self.ctx.existing(wanted)
        for rc in explicit:
            ref = rc.row["claim"]
            if ref.startswith("claim/"):
                target, kind = _id(ref), existing.get(_id(ref))
                if kind is None:
                    self.fault(rc.row, "claim", f"no claim {ref} in the graph: write the key of a row above or an "
                                                "id that `claimgraph lookup` prints")
                    continue
            else:
                other = by_key.get(ref)
                if other is None:
                    self.fault(rc.row, "claim", f"no row has key {ref!r}: write the key of the row whose claim "
                                                "this row carries again")
                    continue
                if other.iri is None:
                    self.fault(rc.row, "claim", f"row {other.number} (key {ref!r}) has problems of its own: fix "
                                                "them and this reference will hold")
                    continue
                target, kind = other.iri, other.kind
            if kind != rc.kind:
                self.fault(rc.row, "claim", f"{ref} is a {kind}, this row a {rc.kind}: a claim keeps its kind")
                continue
            if rc.iri is not None:
                rc.iri = target
        # a quotation re-printed with a change: the same speaker's nearly identical words
        seen: dict[tuple, QuotationsOf] = {}
        in_graph = set()
        self.ctx.prefetch_quotations([rc.speakers for rc in read if rc.iri is not None and rc.kind == "quotation"
                                      and not rc.row.get("claim") and rc.iri not in existing])
        for rc in read:
            if rc.iri is None or rc.kind != "quotation" or rc.row.get("claim") or rc.iri in existing:
                continue
            who = tuple(sorted(rc.speakers))
            if who not in seen:
                seen[who] = QuotationsOf(self.ctx.quotations_of(list(who)))
                in_graph.update(seen[who].claims)
            match = seen[who].match(rc.row["quote"], rc.iri)
            if match is not None:
                rc.iri = match
            else:
                seen[who].add(rc.iri, rc.row["quote"])
        for rc in read:
            part = rc.row.get("part_of", "")
            if not part or rc.iri is None:
                continue
            if part.startswith("claim/"):
                if _id(part) not in existing and _id(part) not in self.ctx.existing([_id(part)]):
                    self.fault(rc.row, "part_of", f"no claim {part} in the graph: write the key of a row or an id "
                                                  "that `claimgraph lookup` prints")
                else:
                    rc.row["_part_of"] = _id(part)
                continue
            other = by_key.get(part)
            if other is None:
                self.fault(rc.row, "part_of", f"no row has key {part!r}: write the key of the row of the whole")
            elif other.iri is None:
                self.fault(rc.row, "part_of", f"row {other.number} (key {part!r}) has problems of its own: fix them "
                                              "and this reference will hold")
            else:
                rc.row["_part_of"] = other.iri
        self.known = set(existing) | {rc.iri for rc in read if rc.iri in in_graph}

    # ------------------------------------------------------------------ RDF


def _id(ref: str) -> str:
    from .ids import expand_id
    return expand_id(ref)


def _is_currency(code: str) -> bool:
    import pycountry

    return pycountry.currencies.get(alpha_3=code) is not None


def _in_quotation_marks(text: str, start: int, end: int) -> bool:
    """Whether [start, end) stands inside quotation marks: a mark between the start of its
    paragraph (or the quote's opening) and ``start``, and one after ``end`` before the
    paragraph's end (a quote running on to the next paragraph opens it again there). Words set
    off as a block after a colon ("… said:" and the paragraphs that follow) count as quoted."""
    para_start = text.rfind("\n", 0, start) + 1
    before = text[para_start:start]
    if not before.strip() and (_after_colon(text, para_start) or _quote_runs_on(text, para_start)):
        return True
    para_end = text.find("\n", end)
    after = text[end:para_end if para_end >= 0 else len(text)]
    opened = any(ch in before for ch in _QUOTE_MARKS) or text[start:start + 1] in _QUOTE_MARKS
    closed = any(ch in after for ch in _QUOTE_MARKS) or text[end - 1:end] in _QUOTE_MARKS \
        or text[end:].lstrip(" .,;:!?…").startswith("\n\n") or not after.strip(" .,;:!?…")
    return opened and closed


def _after_colon(text: str, para_start: int, paragraphs: int = 3) -> bool:
    """Whether one of the few paragraphs before ``para_start`` ends with a colon ("… said:")."""
    cut = para_start
    for _ in range(paragraphs):
        previous = text[:cut].rstrip()
        if not previous:
            return False
        if previous.endswith(":"):
            return True
        cut = previous.rfind("\n") + 1
    return False


_OPENING, _CLOSING = "\u201c\u00ab\u201e", "\u201d\u00bb"


def _quote_runs_on(text: str, para_start: int) -> bool:
    """Whether the paragraph before ``para_start`` leaves a quotation open (its last curly
    opening mark has no closing mark after it, or it holds an odd number of straight marks): the
    quotation runs on into this paragraph, even where the page dropped the opening mark that
    style puts at its start."""
    previous = text[:para_start].rstrip()
    paragraph = previous[previous.rfind("\n") + 1:]
    if paragraph.count('"') % 2:  # straight marks: an odd count leaves the last one open
        return True
    opened = max(paragraph.rfind(c) for c in _OPENING)
    return opened >= 0 and not any(c in paragraph[opened:] for c in _CLOSING)
