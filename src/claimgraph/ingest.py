"""Claim sheets: a CSV a journalist fills in, turned into claims anchored in an archived text.

One row is one claim. The columns are listed in :data:`COLUMNS` and documented in README.md;
``claimgraph/templates/claim-sheet.csv`` is an empty sheet with them. Source columns (``source_*``)
filled on a row describe the source of that row and the rows below it until the next filled
``source_title``. Entities (speakers, subjects, places) are named by ``schema:name``, an alternative
label, an ISO 3166 code or a local id such as ``person/vladimir-putin``; several are separated by
``;``. Quote offsets are computed by finding ``quote`` in the source's archived text.
"""
import csv
import re
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from pathlib import Path

from rdflib import RDF, XSD, Graph, Literal, URIRef
from rdflib.namespace import SKOS

from .errors import SheetError
from .ids import claim_content, content_id, short_id
from .namespaces import CG, ID, OA, PROV, SCHEMA, bind_prefixes

COLUMNS = [
    "key", "kind", "statement", "subject", "predicate", "object",
    "value", "as_printed", "bound", "unit", "measure", "time", "from", "to", "each_place",
    "part_of", "about", "hedge", "quote", "occurrence", "speaker", "derived_from",
    "source_title", "source_type", "source_publisher", "source_author", "source_published",
    "source_url", "source_retrieved", "source_text", "source_derived_from",
]
REQUIRED = ["kind", "statement", "quote", "speaker"]
KINDS = {"figure": CG.FigureClaim, "quotation": CG.QuotationClaim, "statement": CG.StatementClaim}
DEFAULT_PREDICATE = {"figure": CG.numberOfPeople, "quotation": CG.said}
BOUNDS = {"exact": CG.Exact, "approximate": CG.Approximate, "lower": CG.LowerBound, "upper": CG.UpperBound}
#: unit word -> (UN/CEFACT Rec. 20 common code, as schema.org recommends for unitCode; text)
UNITS = {"people": ("IE", "people"), "per cent": ("P1", "per cent"), "rank": ("C62", "rank")}
HEDGES = {
    "asserted": CG.Asserted, "reported": CG.Reported, "understood to be": CG.UnderstoodTo,
    "thought to have": CG.ThoughtTo, "could be even higher": CG.CouldBeHigher, "suggested": CG.Suggested,
}
SOURCE_TYPES = {"newsarticle": SCHEMA.NewsArticle, "article": SCHEMA.Article, "report": SCHEMA.Report}
CONTEXT = 32  # code points of prefix and suffix kept around a quote, as Hypothesis does
_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_DATETIME = re.compile(r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})?$")
_CURIE = re.compile(r"^(cg|schema|prov|dcterms|skos):([A-Za-z][\w-]*)$")


@dataclass
class Source:
    """A source document of a sheet, with the archived text its quotes are found in."""
    iri: URIRef
    text_path: Path
    text: str
    rows: list = field(default_factory=list)


def read_sheet(path) -> list[dict]:
    """Rows of a claim sheet as dicts with a ``_row`` number (the spreadsheet's line number)."""
    path = Path(path)
    try:
        with path.open(newline="", encoding="utf-8-sig") as handle:
            reader = csv.DictReader(handle)
            header = reader.fieldnames or []
            missing = [c for c in REQUIRED if c not in header]
            if missing:
                raise SheetError(path, [f"{path}: header: missing column(s) {', '.join(missing)}"])
            unknown = [c for c in header if c not in COLUMNS]
            if unknown:
                raise SheetError(path, [f"{path}: header: unknown column(s) {', '.join(unknown)}"])
            return [{**{k: (v or "").strip() for k, v in row.items() if k}, "_row": n}
                    for n, row in enumerate(reader, start=2)]
    except (OSError, UnicodeDecodeError, csv.Error) as exc:
        raise SheetError(path, [f"{path}: cannot read the sheet: {exc}"]) from exc


_HINT = re.compile(r"^(?P<name>.+?)\s*\[(?P<kind>person|organisation|organization)\]$", re.IGNORECASE)


class EntityIndex:
    """Finds entity IRIs by name, alternative label, ISO code or local id (case-insensitive).

    What the graph does not know yet is minted into ``new`` (triples for the source file):
    a country by its ISO 3166 name or code (from pycountry), and a person or organisation
    written with a hint, ``Anna Petrova [person]`` or ``Caucasus Migration Observatory [organisation]``.
    """

    def __init__(self, labels=()):
        """``labels``: (entity IRI, label) pairs."""
        self._by_key = {}
        self.new = Graph()
        for node, label in labels:
            node = URIRef(str(node))
            self._by_key.setdefault(str(label).casefold(), node)
            if str(node).startswith(str(ID)):
                self._by_key.setdefault(str(node)[len(ID):].casefold(), node)

    @classmethod
    def from_store(cls, store) -> "EntityIndex":
        from .resources import query_text

        return cls((row["entity"], row["label"]) for row in store.select(query_text("lib/entity_labels")))

    def find(self, name: str, mint: bool = True):
        name = name.strip()
        found = self._by_key.get(name.casefold())
        if found is not None or not mint:
            return found
        hint = _HINT.match(name)
        if hint:
            return self._mint_agent(hint.group("name"), hint.group("kind").lower())
        return self._mint_country(name)

    def _remember(self, node, *names):
        for n in names:
            self._by_key.setdefault(str(n).casefold(), node)
        return node

    def _mint_agent(self, name, kind):
        found = self._by_key.get(name.casefold())
        if found is not None:
            return found
        slug = re.sub(r"[^a-z0-9]+", "-", name.casefold()).strip("-")
        person = kind == "person"
        node = ID[f"{'person' if person else 'org'}/{slug}"]
        types = (SCHEMA.Person, PROV.Person) if person else (SCHEMA.Organization, PROV.Organization)
        for t in (*types, PROV.Agent):
            self.new.add((node, RDF.type, t))
        self.new.add((node, SCHEMA.name, Literal(name)))
        return self._remember(node, name, f"{name} [{kind}]")

    def _mint_country(self, name):
        import pycountry  # ISO 3166-1, offline

        try:
            country = pycountry.countries.lookup(name)
        except LookupError:
            return None
        node = ID[f"place/{country.alpha_2}"]
        label = getattr(country, "common_name", None) or country.name
        self.new.add((node, RDF.type, SCHEMA.Country))
        self.new.add((node, SCHEMA.name, Literal(label)))
        self.new.add((node, SKOS.notation, Literal(country.alpha_2)))
        return self._remember(node, name, label, country.alpha_2)


class _RowBuilder:
    """Builds the triples of one row; collects faults instead of stopping at the first."""

    def __init__(self, sheet_path, row, index):
        self.sheet_path, self.row, self.index = sheet_path, row, index
        self.problems = []

    def fault(self, column, message):
        self.problems.append(f"{self.sheet_path}: row {self.row['_row']}, column {column}: {message}")

    def entity(self, column, name):
        node = self.index.find(name)
        if node is None:
            self.fault(column, f"unknown entity {name!r}: name a known one, a country, or write "
                               f"'{name} [person]' or '{name} [organisation]'")
        return node

    def entities(self, column):
        names = [n for n in self.row.get(column, "").split(";") if n.strip()]
        return [e for e in (self.entity(column, n) for n in names) if e is not None]

    def number(self, column):
        text = self.row.get(column, "").replace(",", "").replace("_", "")
        try:
            value = Decimal(text)
        except InvalidOperation:
            self.fault(column, f"{self.row.get(column)!r} is not a number")
            return None
        if value == value.to_integral_value() and "." not in text:
            return Literal(int(value))
        return Literal(value, datatype=XSD.decimal)


def source_of(sheet_path, row, index, text_path, previous, data_dir=None):
    """The Source a row belongs to: a new one where ``source_title`` is filled, else ``previous``.
    The archived text is ``text_path``, else ``source_text`` next to the sheet or in ``data_dir``."""
    if not row.get("source_title"):
        if previous is None:
            raise SheetError(sheet_path, [f"{sheet_path}: row {row['_row']}, column source_title: "
                                          "the first row must describe its source"])
        return previous, Graph()
    if text_path:
        text_path = Path(text_path)
    else:
        candidates = [Path(sheet_path).parent / row.get("source_text", "")]
        if data_dir is not None:
            candidates.append(Path(data_dir) / row.get("source_text", ""))
        text_path = next((p for p in candidates if p.is_file()), candidates[0])
    try:
        text = text_path.read_text(encoding="utf-8")
    except OSError as exc:
        raise SheetError(sheet_path, [f"{sheet_path}: row {row['_row']}, column source_text: "
                                      f"cannot read archived text {text_path}: {exc.strerror}"]) from exc
    iri = ID[f"source/{text_path.stem}"]
    archive = URIRef(f"{iri}#text")
    g = Graph()
    b = _RowBuilder(sheet_path, row, index)
    kind = SOURCE_TYPES.get(row.get("source_type", "NewsArticle").casefold().replace(" ", ""))
    if kind is None:
        b.fault("source_type", f"unknown source type {row['source_type']!r} ({', '.join(SOURCE_TYPES)})")
        kind = SCHEMA.CreativeWork
    g.add((iri, RDF.type, kind))
    g.add((iri, RDF.type, PROV.Entity))
    g.add((iri, SCHEMA.headline, Literal(row["source_title"])))
    for column, pred in (("source_publisher", SCHEMA.publisher), ("source_author", SCHEMA.author)):
        for agent in b.entities(column):
            g.add((iri, pred, agent))
    published = row.get("source_published", "")
    if published:
        g.add((iri, SCHEMA.datePublished, _date_literal(b, "source_published", published)))
    if row.get("source_url"):
        g.add((iri, SCHEMA.url, URIRef(row["source_url"])))
    g.add((iri, SCHEMA.archivedAt, archive))
    g.add((archive, RDF.type, CG.ArchivedText))
    g.add((archive, CG.textFile, Literal(text_path.name)))
    g.add((archive, SCHEMA.encodingFormat, Literal("text/plain; charset=utf-8")))
    if row.get("source_retrieved"):
        g.add((archive, PROV.generatedAtTime, _date_literal(b, "source_retrieved", row["source_retrieved"])))
    for upstream in b.entities("source_derived_from"):
        g.add((iri, PROV.wasDerivedFrom, upstream))
    if b.problems:
        raise SheetError(sheet_path, b.problems)
    return Source(iri=iri, text_path=text_path, text=text), g


def _date_literal(b, column, text):
    if _DATETIME.match(text):
        return Literal(text, datatype=XSD.dateTime)
    if _DATE.match(text):
        return Literal(text, datatype=XSD.date)
    b.fault(column, f"{text!r} is not a date (YYYY-MM-DD or YYYY-MM-DDThh:mm+hh:mm)")
    return Literal(text)


def _find_quote(b, text, quote, occurrence):
    start = -1
    for _ in range(occurrence):
        start = text.find(quote, start + 1)
        if start < 0:
            b.fault("quote", f"{quote[:60]!r} is not found verbatim in the archived text"
                    + (f" {occurrence} times" if occurrence > 1 else ""))
            return None
    return start


DRAFT = "urn:claimgraph:draft"


def _renamed(draft: Graph, iri: URIRef):
    """The triples of a claim built under DRAFT (and its #fragments), under its content IRI."""
    def rename(term):
        return URIRef(str(iri) + term[len(DRAFT):]) if isinstance(term, URIRef) and term.startswith(DRAFT) else term

    return ((rename(s), p, rename(o)) for s, p, o in draft)


def _claim_triples(iri, b, source, keys):
    """Triples of one row's claim under ``iri``; faults go to ``b``."""
    row, g = b.row, Graph()
    kind = row["kind"].casefold()
    if kind not in KINDS:
        b.fault("kind", f"{row['kind']!r} is not one of {', '.join(KINDS)}")
        return g
    g.add((iri, RDF.type, KINDS[kind]))
    g.add((iri, RDF.type, SCHEMA.Claim))
    g.add((iri, RDF.type, RDF.Statement))
    g.add((iri, SCHEMA.text, Literal(row["statement"])))
    speakers = b.entities("speaker")
    if not speakers:
        b.fault("speaker", "every claim needs who made it")
    for agent in speakers:
        g.add((iri, PROV.wasAttributedTo, agent))
    g.add((iri, SCHEMA.appearance, source.iri))
    for upstream in b.entities("derived_from"):
        g.add((iri, PROV.wasDerivedFrom, upstream))

    # the asserted triple
    pred_text = row.get("predicate") or ""
    if pred_text:
        m = _CURIE.match(pred_text)
        predicate = {"cg": CG._NS, "schema": SCHEMA, "prov": PROV}.get(m.group(1))[m.group(2)] if m else None
        if predicate is None:
            b.fault("predicate", f"{pred_text!r} is not a cg:, schema: or prov: term")
    else:
        predicate = DEFAULT_PREDICATE.get(kind)
        if predicate is None:
            b.fault("predicate", "a statement claim needs a predicate")
    subject = b.entity("subject", row["subject"]) if row.get("subject") else (speakers[0] if kind == "quotation" and speakers else None)
    if subject is None and not row.get("subject"):
        b.fault("subject", "missing: what the claim is about")
    if kind == "figure":
        obj = b.number("value") if row.get("value") else None
        if obj is None and not row.get("value"):
            b.fault("value", "a figure claim needs its value")
    elif kind == "quotation":
        obj = Literal(row["quote"])
    else:
        text = row.get("object", "")
        obj = b.index.find(text, mint=False) or (Literal(text) if text else None)
        if obj is None:
            b.fault("object", "a statement claim needs an object")
    if subject is not None and predicate is not None and obj is not None:
        g.add((iri, RDF.subject, subject))
        g.add((iri, RDF.predicate, predicate))
        g.add((iri, RDF.object, obj))

    if kind == "figure":
        if not row.get("as_printed"):
            b.fault("as_printed", "a figure claim needs the figure as printed")
        else:
            g.add((iri, CG.asPrinted, Literal(row["as_printed"])))
        bound = BOUNDS.get(row.get("bound", "").casefold())
        if bound is None:
            b.fault("bound", f"{row.get('bound')!r} is not one of {', '.join(BOUNDS)}")
        else:
            g.add((iri, CG.bound, bound))
        unit = UNITS.get(row.get("unit", "").casefold())
        if unit is None:
            b.fault("unit", f"{row.get('unit')!r} is not one of {', '.join(UNITS)}")
        else:
            g.add((iri, SCHEMA.unitCode, Literal(unit[0])))
            g.add((iri, SCHEMA.unitText, Literal(unit[1])))
        if row.get("each_place", "").casefold() in ("yes", "true", "1"):
            g.add((iri, CG.eachPlace, Literal(True)))
    if row.get("measure"):
        g.add((iri, SCHEMA.variableMeasured, Literal(row["measure"])))
    if row.get("time"):
        g.add((iri, SCHEMA.temporalCoverage, Literal(row["time"])))
    for column, pred in (("from", SCHEMA.fromLocation), ("to", SCHEMA.toLocation), ("about", SCHEMA.about)):
        for node in b.entities(column):
            g.add((iri, pred, node))
    if row.get("part_of"):
        whole = keys.get(row["part_of"])
        if whole is None:
            b.fault("part_of", f"no row above has key {row['part_of']!r}")
        else:
            g.add((iri, CG.partOf, whole))
    if row.get("hedge"):
        hedge = HEDGES.get(row["hedge"].casefold())
        if hedge is None:
            b.fault("hedge", f"{row['hedge']!r} is not one of {', '.join(HEDGES)}")
        else:
            g.add((iri, CG.hedge, hedge))

    # the anchor in the archived text (W3C Web Annotation selectors)
    try:
        occurrence = int(row.get("occurrence") or 1)
    except ValueError:
        b.fault("occurrence", f"{row['occurrence']!r} is not a whole number")
        occurrence = 1
    start = _find_quote(b, source.text, row["quote"], occurrence) if row.get("quote") else None
    if start is not None:
        end = start + len(row["quote"])
        target, quote, position = (URIRef(f"{iri}#{n}") for n in ("target", "quote", "position"))
        g.add((iri, CG.quotedIn, target))
        g.add((target, RDF.type, OA.SpecificResource))
        g.add((target, OA.hasSource, URIRef(f"{source.iri}#text")))
        g.add((target, OA.hasSelector, quote))
        g.add((target, OA.hasSelector, position))
        g.add((quote, RDF.type, OA.TextQuoteSelector))
        g.add((quote, OA.exact, Literal(row["quote"])))
        g.add((quote, OA.prefix, Literal(source.text[max(0, start - CONTEXT):start])))
        g.add((quote, OA.suffix, Literal(source.text[end:end + CONTEXT])))
        g.add((position, RDF.type, OA.TextPositionSelector))
        g.add((position, OA.start, Literal(start)))
        g.add((position, OA.end, Literal(end)))
    return g


@dataclass
class SheetBuild:
    """What a sheet builds: one graph per source IRI, the sheet row of each claim and of each
    source (by short id), and the archived text file each source was anchored in."""
    graphs: dict
    rows: dict
    texts: dict


#: Which sheet column a SHACL result's path points to.
COLUMN_OF_PATH = {
    RDF.object: "value", RDF.subject: "subject", RDF.predicate: "predicate", CG.partOf: "part_of",
    CG.quotedIn: "quote", PROV.wasAttributedTo: "speaker", SCHEMA.appearance: "source_title",
    SCHEMA.text: "statement", CG.asPrinted: "as_printed", CG.bound: "bound", SCHEMA.unitCode: "unit",
    CG.hedge: "hedge", SCHEMA.temporalCoverage: "time", SCHEMA.headline: "source_title",
    SCHEMA.publisher: "source_publisher", SCHEMA.datePublished: "source_published",
    SCHEMA.archivedAt: "source_text",
}


def build_sheet(sheet_path, index: EntityIndex, text_path=None, data_dir=None, progress=None) -> SheetBuild:
    """Claims of a sheet as one graph per source IRI, with the row each claim came from.

    ``index`` resolves the sheet's names (entities and earlier sources).
    ``text_path`` overrides the ``source_text`` column. Raises SheetError listing every bad row.
    """
    rows = read_sheet(sheet_path)
    graphs, keys, problems, source, claim_rows, texts = {}, {}, [], None, {}, {}
    broken_source = False
    for row in rows:
        if progress:
            progress(1)
        if broken_source and not row.get("source_title"):
            continue  # its source row is already reported
        try:
            new_source, source_graph = source_of(sheet_path, row, index, text_path, source, data_dir)
        except SheetError as exc:
            problems.extend(exc.problems)
            broken_source = True
            continue
        broken_source = False
        if new_source is not source:
            source = new_source
            graphs.setdefault(source.iri, bind_prefixes(Graph())).__iadd__(source_graph)
            claim_rows.setdefault(short_id(source.iri), row["_row"])
            texts.setdefault(source.iri, source.text_path)
        b = _RowBuilder(sheet_path, row, index)
        for column in REQUIRED:
            if not row.get(column):
                b.fault(column, "missing")
        if b.problems:
            problems.extend(b.problems)
            continue
        draft_iri = URIRef(DRAFT)
        draft = _claim_triples(draft_iri, b, source, keys)
        if b.problems:
            problems.extend(b.problems)
            continue
        iri = content_id(claim_content(draft, draft_iri))
        graphs[source.iri].addN((*t, graphs[source.iri]) for t in _renamed(draft, iri))
        graphs[source.iri] += index.new  # countries and agents the row named for the first time
        index.new = Graph()
        claim_rows[short_id(iri)] = row["_row"]
        if row.get("key"):
            keys[row["key"]] = iri
    if problems:
        raise SheetError(sheet_path, problems)
    return SheetBuild(graphs, claim_rows, texts)
