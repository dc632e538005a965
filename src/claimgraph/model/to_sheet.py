"""The graph as a claim sheet again: ``import`` of it gives back the same graph.

One row per appearance, sources in the order of their ids and appearances in text order. The
first appearance of a claim carries the claim's cells and a key; later appearances name it in
``claim`` and carry only what is theirs (mode, words, printed figure, bound, hedge, role). The
entities a source's own file defines (minted by an import) are written as entity rows after
the row that starts the source; other entities are named by ISO code (countries) or id.
"""
from pathlib import Path

from rdflib import RDF, Graph, URIRef
from rdflib.namespace import SKOS

from ..namespaces import CG, DCTERMS_IRI, GRAPH_IRI, ID, OA, PROV, SCHEMA
from .ids import short_id
from .vocab import BOUNDS, HEDGES, KINDS, MODES, SOURCE_TYPES

IS_PART_OF = URIRef(DCTERMS_IRI + "isPartOf")
_WORD = {URIRef(v): k for k, v in {**BOUNDS, **HEDGES, **MODES}.items()}
_KIND = {URIRef(v): k for k, v in KINDS.items()}
_BOUND_LABELS = {"exact": "exact", "approximate": "approximate", "lower bound": "lower", "upper bound": "upper"}


def claim_cells(claim) -> dict:
    """The sheet cells of a claim record (:class:`claimgraph.model.records.Claim`)."""
    from .figures import plain

    cells = {"kind": claim.kind, "statement": claim.statement, "speaker": "; ".join(claim.attributed_to),
             "subject": short_id(claim.subject) if claim.subject else "", "measure": claim.measure or "",
             "time": claim.time or "", "from": "; ".join(claim.from_places), "to": "; ".join(claim.to_places),
             "about": "; ".join(claim.about), "derived_from": "; ".join(claim.derived_from),
             "bound": _BOUND_LABELS.get(claim.bound or "", ""), "unit": claim.unit or ""}
    if claim.predicate and claim.kind == "statement":
        cells["predicate"] = _curie(claim.predicate)
        cells["object"] = short_id(claim.obj) if claim.obj and claim.obj.startswith("http") else claim.obj or ""
    if claim.kind == "figure":
        if claim.is_range:
            cells["min"], cells["max"] = str(plain(claim.minimum)), str(plain(claim.maximum))
        else:
            cells["value"] = str(claim.value)
    return cells


def _curie(predicate: str) -> str:
    from .vocab import PREDICATE_PREFIXES

    for prefix, ns in PREDICATE_PREFIXES.items():
        if predicate.startswith(ns):
            return f"{prefix}:{predicate[len(ns):]}"
    return predicate


def anchor(graph, appearance) -> tuple[str, int, int]:
    """(exact words, start, end) of an appearance's selectors in an rdflib graph ("", 0, 0)
    where they are missing."""
    exact, start, end = "", 0, 0
    for target in graph.objects(appearance, OA.hasTarget):
        for sel in graph.objects(target, OA.hasSelector):
            exact = str(graph.value(sel, OA.exact) or exact)
            start = int(graph.value(sel, OA.start) if graph.value(sel, OA.start) is not None else start)
            end = int(graph.value(sel, OA.end) if graph.value(sel, OA.end) is not None else end)
    return exact, start, end


def _number(literal) -> str:
    from .figures import plain

    return str(plain(literal.toPython())) if literal is not None else ""


def graph_rows(graph: Graph, dataset) -> list[dict]:
    """The rows of a sheet for every claim of ``graph`` (data with archived texts attached);
    ``dataset`` holds each data file in its own graph (to tell which entities a source's own
    file defines)."""
    rows, keys = [], {}

    def key(claim):
        return keys.setdefault(claim, "c-" + short_id(claim).split("/")[-1][:12])

    def ref(node):
        if (node, RDF.type, SCHEMA.Country) in graph and graph.value(node, SKOS.notation):
            return str(graph.value(node, SKOS.notation))
        return short_id(node) if str(node).startswith(str(ID)) else str(node)

    def refs(node, pred):
        return "; ".join(sorted(ref(o) for o in graph.objects(node, pred)))

    sources = sorted({s for s in graph.objects(None, IS_PART_OF)}, key=str)
    placed = {s: sorted(graph.subjects(IS_PART_OF, s), key=lambda a: (anchor(graph, a)[1], str(a))) for s in sources}
    defining = {}  # per claim, the appearance whose row carries the claim: the first that prints its bound
    for a in (a for s in sources for a in placed[s]):
        c = graph.value(a, OA.hasBody)
        if c not in defining or (graph.value(defining[c], CG.bound) != graph.value(c, CG.bound)
                                 and graph.value(a, CG.bound) == graph.value(c, CG.bound)):
            defining[c] = a
    written = set()
    for source in sources:
        archive = graph.value(source, SCHEMA.archivedAt)
        text = str(graph.value(archive, SCHEMA.text) or "")
        own = dataset.graph(URIRef(GRAPH_IRI + Path(str(graph.value(archive, CG.textFile))).stem))
        for i, a in enumerate(placed[source]):
            c = graph.value(a, OA.hasBody)
            kind = next(k for t, k in _KIND.items() if (c, RDF.type, t) in graph)
            quote, start, _ = anchor(graph, a)
            occurrence = text.count(quote, 0, start + len(quote)) if quote else 1
            row = {"kind": kind, "mode": _WORD.get(graph.value(a, CG.mode), ""), "quote": quote,
                   "occurrence": str(occurrence) if occurrence > 1 else "",
                   "as_printed": str(graph.value(a, CG.asPrinted) or ""),
                   "bound": _WORD.get(graph.value(a, CG.bound), ""), "hedge": _WORD.get(graph.value(a, CG.hedge), ""),
                   "speaker_role": str(graph.value(a, CG.speakerRole) or "")}
            if defining[c] == a:
                row.update(_claim_row(graph, c, kind, key, ref, refs))
                row["key"] = key(c)
            else:
                row["claim"] = key(c)
                if graph.value(a, SCHEMA.value) is not None:
                    row["value"] = _number(graph.value(a, SCHEMA.value))
            if i == 0:
                row.update(_source_row(graph, source, archive, ref, refs))
            rows.append(row)
            if i == 0:
                for entity in _own_entities(graph, own, source, written):
                    rows.append(_entity_row(graph, entity, ref, refs))
    return rows


def _claim_row(graph, c, kind, key, ref, refs) -> dict:
    subject, predicate, obj = (graph.value(c, p) for p in (RDF.subject, RDF.predicate, RDF.object))
    speakers = sorted(graph.objects(c, PROV.wasAttributedTo))
    row = {
        "statement": str(graph.value(c, SCHEMA.text)),
        "subject": "" if kind == "quotation" and speakers and subject == speakers[0] else ref(subject),
        "predicate": graph.namespace_manager.normalizeUri(predicate) if kind == "statement" or
        (kind == "figure" and not _default_predicate(graph, c, predicate)) else "",
        "object": (ref(obj) if isinstance(obj, URIRef) else str(obj)) if kind == "statement" else "",
        "unit": str(graph.value(c, SCHEMA.unitText) or ""),
        "measure": str(graph.value(c, SCHEMA.variableMeasured) or ""),
        "time": str(graph.value(c, SCHEMA.temporalCoverage) or ""),
        "from": refs(c, SCHEMA.fromLocation), "to": refs(c, SCHEMA.toLocation),
        "each_place": "yes" if graph.value(c, CG.eachPlace) else "",
        "part_of": key(graph.value(c, CG.partOf)) if graph.value(c, CG.partOf) else "",
        "about": refs(c, SCHEMA.about), "speaker": "; ".join(ref(a) for a in speakers),
        "derived_from": refs(c, PROV.wasDerivedFrom),
    }
    if kind == "figure":
        if (obj, RDF.type, SCHEMA.QuantitativeValue) in graph:
            row["min"], row["max"] = _number(graph.value(obj, SCHEMA.minValue)), _number(graph.value(obj, SCHEMA.maxValue))
        else:
            row["value"] = _number(obj)
    return row


def _default_predicate(graph, c, predicate) -> bool:
    from .vocab import AMOUNT, FIGURE_PREDICATES

    return str(predicate) == FIGURE_PREDICATES.get(str(graph.value(c, SCHEMA.unitText) or ""), AMOUNT)


def _source_row(graph, source, archive, ref, refs) -> dict:
    types = {v: k for k, v in SOURCE_TYPES.items() if k not in ("pressrelease", "transcript")}
    kind = next((types[str(t)[len(str(SCHEMA)):]] for t in graph.objects(source, RDF.type)
                 if str(t).startswith(str(SCHEMA)) and str(t)[len(str(SCHEMA)):] in types), "newsarticle")
    return {
        "source_title": str(graph.value(source, SCHEMA.headline) or ""),
        "source_type": {"newsarticle": "NewsArticle", "article": "Article", "report": "Report",
                        "blogposting": "BlogPosting"}.get(kind, "NewsArticle"),
        "source_publisher": refs(source, SCHEMA.publisher), "source_author": refs(source, SCHEMA.author),
        "source_published": str(graph.value(source, SCHEMA.datePublished) or ""),
        "source_url": str(graph.value(source, SCHEMA.url) or ""),
        "source_retrieved": str(graph.value(archive, PROV.generatedAtTime) or ""),
        "source_text": str(graph.value(archive, CG.textFile) or ""),
        "source_derived_from": refs(source, PROV.wasDerivedFrom),
    }


_ENTITY_TYPES = [(SCHEMA.Person, "person"), (SCHEMA.Event, "event"), (SCHEMA.Place, "place"),
                 (SCHEMA.Country, "place"), (SCHEMA.City, "place"), (SCHEMA.Organization, "organisation"),
                 (SCHEMA.CreativeWork, "document")]


def _own_entities(graph, own: Graph, source, written: set) -> list:
    """Entities described in a source's own file (not claims, appearances or the source)."""
    found = []
    for node in sorted({s for s in own.subjects(RDF.type, None) if isinstance(s, URIRef)}, key=str):
        if node in written or node == source or "#" in str(node) or (node, RDF.type, SCHEMA.Claim) in own \
                or (node, RDF.type, OA.Annotation) in own or (node, SCHEMA.archivedAt, None) in own:
            continue
        if any((node, RDF.type, t) in own for t, _ in _ENTITY_TYPES) and not (node, RDF.type, SCHEMA.Country) in own:
            written.add(node)
            found.append(node)
    return found


def _entity_row(graph, node, ref, refs) -> dict:
    kind = next(k for t, k in _ENTITY_TYPES if (node, RDF.type, t) in graph)
    row = {"kind": kind, "name": str(graph.value(node, SCHEMA.name) or graph.value(node, SCHEMA.headline)),
           "aliases": "; ".join(sorted(str(a) for a in graph.objects(node, SKOS.altLabel))),
           "type": str(graph.value(node, SCHEMA.genre) or ""), "role": str(graph.value(node, SCHEMA.jobTitle) or ""),
           "url": str(graph.value(node, SCHEMA.url) or ""), "speaker": refs(node, SCHEMA.author),
           "derived_from": refs(node, PROV.wasDerivedFrom), "about": refs(node, SCHEMA.about),
           "time": str(graph.value(node, SCHEMA.datePublished) or graph.value(node, SCHEMA.startDate) or "")}
    if not row["type"] and kind == "place":
        row["type"] = next((w for w, t in (("city", SCHEMA.City), ("region", SCHEMA.AdministrativeArea))
                            if (node, RDF.type, t) in graph), "")
    return row
