"""Exports: Turtle, TriG, N-Quads, JSON-LD; one nanopublication per claim; schema.org ``Claim``
JSON-LD as fact-checking sites publish it; and claim sheets (CSV) that ``import`` turns back into
the same graph. Also ``verify``: content-hash IDs recomputed."""
import csv
import io
import json
from datetime import datetime, timezone
from pathlib import Path

from rdflib import RDF, XSD, Dataset, Graph, Literal, URIRef
from rdflib.namespace import DCTERMS, SKOS

from .data import load_dataset, load_graph
from .ids import claim_content, content_id, short_id
from .ingest import BOUNDS, COLUMNS, HEDGES, SOURCE_TYPES, UNITS
from .namespaces import CG, GRAPH_IRI, ID, NP, NP_IRI, OA, PROV, SCHEMA, bind_prefixes

RDF_FORMATS = {"turtle": "turtle", "trig": "trig", "nquads": "nquads", "jsonld": "json-ld"}
FORMATS = (*RDF_FORMATS, "nanopub", "schema-jsonld", "csv")


def claims_of(graph: Graph) -> list:
    return sorted(set(graph.subjects(RDF.type, SCHEMA.Claim)), key=lambda c: (_start(graph, c), str(c)))


def _start(graph, claim) -> int:
    for target in graph.objects(claim, CG.quotedIn):
        for sel in graph.objects(target, OA.hasSelector):
            start = graph.value(sel, OA.start)
            if start is not None:
                return int(start)
    return 0


def export(data_dir, fmt: str) -> str:
    """The data of ``data_dir`` in ``fmt`` (one of :data:`FORMATS`) as text."""
    if fmt in ("trig", "nquads"):
        return load_dataset(data_dir).serialize(format=RDF_FORMATS[fmt])
    graph = load_graph(data_dir)
    if fmt in RDF_FORMATS:
        return graph.serialize(format=RDF_FORMATS[fmt])
    if fmt == "nanopub":
        return nanopublications(graph).serialize(format="trig")
    if fmt == "schema-jsonld":
        return json.dumps(schema_claims(graph), ensure_ascii=False, indent=2) + "\n"
    if fmt == "csv":
        return claim_sheet(graph, load_dataset(data_dir))
    raise ValueError(f"unknown format {fmt!r}")


# ---------------------------------------------------------------------------- nanopublications

def nanopublications(graph: Graph, created: datetime | None = None) -> Dataset:
    """One nanopublication per claim (http://nanopub.net/guidelines/working_draft/): the head, the
    asserted triple as the assertion, the claim's attribution, source and anchor as provenance,
    and who made the nanopublication as publication info."""
    created = created or datetime.now(timezone.utc).replace(microsecond=0)
    ds = bind_prefixes(Dataset())
    for claim in claims_of(graph):
        np_iri = URIRef(NP_IRI + short_id(claim).split("/")[-1])
        head, assertion, provenance, pubinfo = (URIRef(f"{np_iri}#{part}") for part in
                                                ("head", "assertion", "provenance", "pubinfo"))
        h = ds.graph(head)
        h.add((np_iri, RDF.type, NP.Nanopublication))
        h.add((np_iri, NP.hasAssertion, assertion))
        h.add((np_iri, NP.hasProvenance, provenance))
        h.add((np_iri, NP.hasPublicationInfo, pubinfo))
        triple = tuple(graph.value(claim, p) for p in (RDF.subject, RDF.predicate, RDF.object))
        if None not in triple:
            ds.graph(assertion).add(triple)
        p = ds.graph(provenance)
        for agent in graph.objects(claim, PROV.wasAttributedTo):
            p.add((assertion, PROV.wasAttributedTo, agent))
        p.add((assertion, PROV.wasDerivedFrom, claim))
        for pred, obj in graph.predicate_objects(claim):
            p.add((claim, pred, obj))
        for node in _anchor_nodes(graph, claim):
            for pred, obj in graph.predicate_objects(node):
                p.add((node, pred, obj))
        i = ds.graph(pubinfo)
        i.add((np_iri, PROV.generatedAtTime, Literal(created.isoformat(), datatype=XSD.dateTime)))
        i.add((np_iri, DCTERMS.creator, Literal("claimgraph")))
    return ds


def _anchor_nodes(graph, claim):
    for target in graph.objects(claim, CG.quotedIn):
        yield target
        yield from graph.objects(target, OA.hasSelector)


# ---------------------------------------------------------------------------- schema.org Claim

def _name(graph, node):
    return str(graph.value(node, SCHEMA.name) or graph.value(node, SCHEMA.headline) or short_id(node))


def _agent(graph, node) -> dict:
    kind = "Person" if (node, RDF.type, SCHEMA.Person) in graph else "Organization"
    return {"@type": kind, "@id": str(node), "name": _name(graph, node)}


def schema_claims(graph: Graph) -> dict:
    """The claims as schema.org ``Claim`` objects (the ``itemReviewed`` of a ClaimReview):
    name (the statement), text (the exact words), author, appearance, datePublished."""
    items = []
    for claim in claims_of(graph):
        source = graph.value(claim, SCHEMA.appearance)
        quote = next((graph.value(sel, OA.exact) for t in graph.objects(claim, CG.quotedIn)
                      for sel in graph.objects(t, OA.hasSelector) if graph.value(sel, OA.exact)), None)
        appearance = {"@type": "NewsArticle", "@id": str(source), "headline": _name(graph, source)}
        for pred, key in ((SCHEMA.publisher, "publisher"), (SCHEMA.author, "author")):
            agents = [_agent(graph, a) for a in graph.objects(source, pred)]
            if agents:
                appearance[key] = agents[0] if len(agents) == 1 else agents
        published = graph.value(source, SCHEMA.datePublished)
        if published is not None:
            appearance["datePublished"] = str(published)
        if graph.value(source, SCHEMA.url) is not None:
            appearance["url"] = str(graph.value(source, SCHEMA.url))
        item = {"@type": "Claim", "@id": str(claim), "name": str(graph.value(claim, SCHEMA.text)),
                "text": str(quote) if quote else None,
                "author": [_agent(graph, a) for a in graph.objects(claim, PROV.wasAttributedTo)],
                "appearance": appearance, "datePublished": appearance.get("datePublished")}
        places = [_name(graph, p) for pred in (SCHEMA.fromLocation, SCHEMA.toLocation)
                  for p in graph.objects(claim, pred)]
        if places:
            item["spatialCoverage"] = sorted(set(places))
        if graph.value(claim, SCHEMA.temporalCoverage) is not None:
            item["temporalCoverage"] = str(graph.value(claim, SCHEMA.temporalCoverage))
        based = [_name(graph, d) for d in graph.objects(claim, PROV.wasDerivedFrom)]
        if based:
            item["isBasedOn"] = based
        items.append({k: v for k, v in item.items() if v not in (None, [], "")})
    return {"@context": "https://schema.org", "@graph": items}


# ---------------------------------------------------------------------------- claim sheets

def _reverse(mapping):
    return {v: k for k, v in mapping.items()}


def claim_sheet(graph: Graph, dataset: Dataset) -> str:
    """The claims as a claim sheet: ``import`` of it gives back the same graph. ``dataset``
    holds each data file in its own graph: people and organisations a source's own file
    defines (minted by an import) are written as ``Name [person]``, countries by ISO code, other
    entities by local id."""
    bounds, hedges = _reverse(BOUNDS), _reverse(HEDGES)
    units = {code: word for word, (code, _) in UNITS.items()}
    types = _reverse(SOURCE_TYPES)
    rows, keys = [], {}

    def key(claim):
        return keys.setdefault(claim, "c-" + short_id(claim).split("/")[-1][:12])

    def ref(node, own: Graph):
        if (node, RDF.type, SCHEMA.Country) in graph and graph.value(node, SKOS.notation):
            return str(graph.value(node, SKOS.notation))
        if (node, SCHEMA.name, None) in own:
            kind = "person" if (node, RDF.type, SCHEMA.Person) in own else "organisation"
            return f"{graph.value(node, SCHEMA.name)} [{kind}]"
        return short_id(node) if str(node).startswith(str(ID)) else str(node)

    def refs(node, pred, own):
        return "; ".join(sorted(ref(o, own) for o in graph.objects(node, pred)))

    sources = sorted(set(graph.objects(None, SCHEMA.appearance)), key=str)
    for source in sources:
        archive = graph.value(source, SCHEMA.archivedAt)
        text = str(graph.value(archive, SCHEMA.text) or "")
        claims = [c for c in claims_of(graph) if (c, SCHEMA.appearance, source) in graph]
        claims = _wholes_first(graph, claims)
        own = dataset.graph(URIRef(GRAPH_IRI + Path(str(graph.value(archive, CG.textFile))).stem))
        for i, c in enumerate(claims):
            kind = next(k for k, v in {"figure": CG.FigureClaim, "quotation": CG.QuotationClaim,
                                       "statement": CG.StatementClaim}.items() if (c, RDF.type, v) in graph)
            quote, start = None, None
            for t in graph.objects(c, CG.quotedIn):
                for sel in graph.objects(t, OA.hasSelector):
                    quote = graph.value(sel, OA.exact) or quote
                    start = graph.value(sel, OA.start) if graph.value(sel, OA.start) is not None else start
            quote = str(quote) if quote is not None else ""
            occurrence = text.count(quote, 0, int(start) + len(quote)) if quote and start is not None else 1
            subject, predicate, obj = (graph.value(c, p) for p in (RDF.subject, RDF.predicate, RDF.object))
            speakers = list(graph.objects(c, PROV.wasAttributedTo))
            row = {
                "key": key(c), "kind": kind, "statement": str(graph.value(c, SCHEMA.text)),
                "subject": "" if kind == "quotation" and speakers and subject == speakers[0] else ref(subject, own),
                "predicate": graph.namespace_manager.normalizeUri(predicate) if predicate is not None else "",
                "object": ref(obj, own) if kind == "statement" and isinstance(obj, URIRef) else (str(obj) if kind == "statement" else ""),
                "value": str(obj) if kind == "figure" else "",
                "as_printed": str(graph.value(c, CG.asPrinted) or ""),
                "bound": bounds.get(graph.value(c, CG.bound), ""),
                "unit": units.get(str(graph.value(c, SCHEMA.unitCode)), "") if graph.value(c, SCHEMA.unitCode) else "",
                "measure": str(graph.value(c, SCHEMA.variableMeasured) or ""),
                "time": str(graph.value(c, SCHEMA.temporalCoverage) or ""),
                "from": refs(c, SCHEMA.fromLocation, own), "to": refs(c, SCHEMA.toLocation, own),
                "each_place": "yes" if graph.value(c, CG.eachPlace) else "",
                "part_of": key(graph.value(c, CG.partOf)) if graph.value(c, CG.partOf) else "",
                "about": refs(c, SCHEMA.about, own), "hedge": hedges.get(graph.value(c, CG.hedge), ""),
                "quote": quote, "occurrence": str(occurrence) if occurrence > 1 else "",
                "speaker": "; ".join(ref(a, own) for a in sorted(speakers)),
                "derived_from": refs(c, PROV.wasDerivedFrom, own),
            }
            if i == 0:
                kind_of_source = next((types[t] for t in graph.objects(source, RDF.type) if t in types), "newsarticle")
                row.update({
                    "source_title": str(graph.value(source, SCHEMA.headline) or ""),
                    "source_type": {"newsarticle": "NewsArticle", "article": "Article", "report": "Report"}[kind_of_source],
                    "source_publisher": refs(source, SCHEMA.publisher, own),
                    "source_author": refs(source, SCHEMA.author, own),
                    "source_published": str(graph.value(source, SCHEMA.datePublished) or ""),
                    "source_url": str(graph.value(source, SCHEMA.url) or ""),
                    "source_retrieved": str(graph.value(archive, PROV.generatedAtTime) or ""),
                    "source_text": str(graph.value(archive, CG.textFile) or ""),
                    "source_derived_from": refs(source, PROV.wasDerivedFrom, own),
                })
            rows.append(row)
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=COLUMNS, lineterminator="\n")
    writer.writeheader()
    writer.writerows(rows)
    return out.getvalue()


def _wholes_first(graph, claims):
    """Claims in text order, but every whole before its parts (import needs the row above)."""
    placed, out = set(), []

    def place(c):
        if c in placed or c not in claims:
            return
        whole = graph.value(c, CG.partOf)
        if whole is not None:
            place(whole)
        placed.add(c)
        out.append(c)

    for c in claims:
        place(c)
    return out


# ---------------------------------------------------------------------------- verify

def verify(data_dir) -> list[tuple[str, str]]:
    """Claims whose IRI no longer matches the hash of their content: (claim id, expected id)."""
    graph = load_graph(data_dir)
    wrong = []
    for claim in claims_of(graph):
        expected = content_id(claim_content(graph, claim))
        if expected != claim:
            wrong.append((short_id(claim), short_id(expected)))
    return wrong


def write_text(path, text: str) -> Path:
    from .data import replace_files

    replace_files({Path(path): text.encode("utf-8")})
    return Path(path)
