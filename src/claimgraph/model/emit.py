"""A sheet's rows as RDF: each claim's triples once (in the file of the source of the row that
creates it) and each row's appearance, a W3C Web Annotation anchored in the archived text."""
from dataclasses import dataclass
from decimal import Decimal

from rdflib import RDF, XSD, Graph, Literal, URIRef

from ..errors import SheetError
from ..namespaces import CG, DCTERMS_IRI, OA, PROV, SCHEMA, bind_prefixes
from .cells import TRUE
from .figures import parse_value
from .ids import appearance_iri, short_id
from .sources import SourceInfo
from .vocab import BOUNDS, HEDGES, KINDS, MODES

CONTEXT = 32  # code points of prefix and suffix kept around a quote, as Hypothesis does
DCTERMS_IS_PART_OF = URIRef(DCTERMS_IRI + "isPartOf")


@dataclass
class RowClaim:
    """One claim row, read: the claim it carries and the appearance it adds."""
    row: dict
    kind: str
    source: SourceInfo | None
    speakers: list
    mode: str = ""
    subject: str | None = None
    predicate: str | None = None
    obj: object = None
    value: Decimal | None = None
    minimum: Decimal | None = None
    maximum: Decimal | None = None
    unit: tuple | None = None
    start: int | None = None
    end: int | None = None
    iri: str | None = None

    @property
    def number(self) -> int:
        return self.row["_row"]


@dataclass
class SheetBuild:
    """What a sheet builds: one graph per source IRI (the triples its data file gets), the sheet
    row of each claim, appearance and source (by short id), each source's archived text
    (path, text) and file stem, and which claims are new and which were in the graph."""
    graphs: dict
    rows: dict
    texts: dict
    stems: dict
    new_claims: set
    known_claims: set
    appearances: set


class Emitter:
    """Writes the RDF of rows read and identified by the builder."""

    def emit(self, read: list[RowClaim], sources: dict) -> SheetBuild:
        faults_before = len(self.faults.lines)
        graphs = {iri: bind_prefixes(Graph()) for iri in sources}
        rows, texts, stems = {}, {}, {}
        for iri, info in sources.items():
            graphs[iri] += info.graph
            rows[short_id(iri)] = info.row
            texts[iri] = (info.text_path, info.text)
            stems[iri] = info.stem
        new, known, appearances = set(), set(), set()
        first_rows: dict[str, list[RowClaim]] = {}
        for rc in read:
            first_rows.setdefault(rc.iri, []).append(rc)
        for claim, group in first_rows.items():
            if claim in self.known:
                known.add(claim)
                continue
            new.add(claim)
            head = next((rc for rc in group if not rc.row.get("claim")), group[0])
            statement = next((rc.row["statement"] for rc in group if rc.row.get("statement")), None)
            if statement is None:
                self.fault(head.row, "statement", "missing: write the claim in one readable sentence")
                continue
            rows[short_id(claim)] = head.number
            self.claim_triples(graphs[head.source.iri], URIRef(claim), head, group, statement)
        for rc in read:
            a = self.appearance_triples(graphs[rc.source.iri], rc)
            appearances.add(a)
            rows[short_id(a)] = rc.number
        if len(self.faults.lines) > faults_before:
            raise SheetError(self.label, self.faults.lines)
        return SheetBuild(graphs, rows, texts, stems, new, known, appearances)

    def claim_triples(self, g, c, head: RowClaim, group, statement):
        row = head.row
        for t in (SCHEMA.Claim, RDF.Statement, URIRef(KINDS[head.kind])):
            g.add((c, RDF.type, t))
        g.add((c, SCHEMA.text, Literal(statement)))
        for agent in head.speakers:
            g.add((c, PROV.wasAttributedTo, URIRef(agent)))
        g.add((c, RDF.subject, URIRef(head.subject)))
        g.add((c, RDF.predicate, URIRef(head.predicate)))
        if head.kind == "figure":
            if head.minimum is not None:
                quantity = URIRef(f"{c}#range")
                g.add((c, RDF.object, quantity))
                g.add((quantity, RDF.type, SCHEMA.QuantitativeValue))
                g.add((quantity, SCHEMA.minValue, _number(head.minimum)))
                g.add((quantity, SCHEMA.maxValue, _number(head.maximum)))
            else:
                g.add((c, RDF.object, _number(head.value)))
            g.add((c, CG.bound, URIRef(BOUNDS[row.get("bound", "").casefold() or "exact"])))
            text, code, currency = head.unit
            g.add((c, SCHEMA.unitText, Literal(text)))
            if code:
                g.add((c, SCHEMA.unitCode, Literal(code)))
            if currency:
                g.add((c, SCHEMA.currency, Literal(currency)))
            if row.get("each_place", "").casefold() in TRUE:
                g.add((c, CG.eachPlace, Literal(True)))
        elif head.kind == "quotation":
            g.add((c, RDF.object, Literal(row["quote"])))
        else:
            g.add((c, RDF.object, head.obj if isinstance(head.obj, Literal) else URIRef(head.obj)))
        if row.get("measure"):
            g.add((c, SCHEMA.variableMeasured, Literal(row["measure"])))
        if row.get("time"):
            g.add((c, SCHEMA.temporalCoverage, Literal(row["time"])))
        for rc in group:  # what later rows of the same claim add to it (places, topics, origins, wholes)
            for column, pred in (("_from", SCHEMA.fromLocation), ("_to", SCHEMA.toLocation), ("_about", SCHEMA.about),
                                 ("_derived_from", PROV.wasDerivedFrom)):
                if column in ("_from", "_to") and rc is not head:
                    continue
                for node in rc.row.get(column, ()):
                    g.add((c, pred, URIRef(node)))
            if rc.row.get("_part_of"):
                g.add((c, CG.partOf, URIRef(rc.row["_part_of"])))

    def appearance_triples(self, g, rc: RowClaim) -> str:
        row, source = rc.row, rc.source
        c, s = URIRef(rc.iri), URIRef(source.iri)
        a = URIRef(appearance_iri(rc.iri, source.iri, rc.start, rc.end))
        target, quote, position = (URIRef(f"{a}#{n}") for n in ("target", "quote", "position"))
        g.add((c, SCHEMA.appearance, s))
        g.add((a, RDF.type, OA.Annotation))
        g.add((a, OA.hasBody, c))
        g.add((a, OA.hasTarget, target))
        g.add((a, DCTERMS_IS_PART_OF, s))
        g.add((a, CG.mode, URIRef(MODES[rc.mode])))
        if rc.kind == "figure":
            g.add((a, CG.asPrinted, Literal(row["as_printed"])))
            g.add((a, CG.bound, URIRef(BOUNDS[row.get("bound", "").casefold() or "exact"])))
        if row.get("hedge"):
            g.add((a, CG.hedge, URIRef(HEDGES[row["hedge"].casefold()])))
        if row.get("speaker_role"):
            g.add((a, CG.speakerRole, Literal(row["speaker_role"])))
        if rc.row.get("claim") and rc.kind == "figure" and rc.value is not None \
                and "value" not in rc.row.get("_filled", ()) and rc.value != parse_value(rc.row.get("_claim_value") or ""):
            g.add((a, SCHEMA.value, _number(rc.value)))  # printed with another value than its claim's
        g.add((target, RDF.type, OA.SpecificResource))
        g.add((target, OA.hasSource, URIRef(f"{source.iri}#text")))
        g.add((target, OA.hasSelector, quote))
        g.add((target, OA.hasSelector, position))
        text = source.text
        g.add((quote, RDF.type, OA.TextQuoteSelector))
        g.add((quote, OA.exact, Literal(row["quote"])))
        g.add((quote, OA.prefix, Literal(text[max(0, rc.start - CONTEXT):rc.start])))
        g.add((quote, OA.suffix, Literal(text[rc.end:rc.end + CONTEXT])))
        g.add((position, RDF.type, OA.TextPositionSelector))
        g.add((position, OA.start, Literal(rc.start)))
        g.add((position, OA.end, Literal(rc.end)))
        return str(a)


def _number(value: Decimal) -> Literal:
    if value == value.to_integral_value():
        return Literal(int(value))
    return Literal(format(value.normalize(), "f"), datatype=XSD.decimal)
