"""Exports: Turtle, TriG, N-Quads, JSON-LD; one nanopublication per claim; schema.org ``Claim``
JSON-LD as fact-checking sites publish it; and claim sheets (CSV) that ``import`` turns back into
the same graph. Also ``verify``: content-hash IDs recomputed."""
import json
from datetime import datetime, timezone
from pathlib import Path

from rdflib import RDF, XSD, Dataset, Graph, Literal, URIRef
from rdflib.namespace import DCTERMS

from .data import load_dataset, load_graph
from .model.ids import appearance_iri, claim_iri, key_in_graph, short_id
from .namespaces import CG, DCTERMS_IRI, NP, NP_IRI, OA, PROV, SCHEMA, bind_prefixes

IS_PART_OF = URIRef(DCTERMS_IRI + "isPartOf")

RDF_FORMATS = {"turtle": "turtle", "trig": "trig", "nquads": "nquads", "jsonld": "json-ld"}
FORMATS = (*RDF_FORMATS, "nanopub", "schema-jsonld", "csv")


def claims_of(graph: Graph) -> list:
    """Claims in the order of their first appearance's source and position."""
    return sorted(set(graph.subjects(RDF.type, SCHEMA.Claim)), key=lambda c: (_first(graph, c), str(c)))


def appearances_of(graph: Graph, claim) -> list:
    """The appearances of ``claim``, earliest-published source first, then by source and position."""
    return sorted(graph.subjects(OA.hasBody, claim), key=lambda a: _order(graph, a))


def _order(graph, appearance) -> tuple:
    source = graph.value(appearance, IS_PART_OF)
    published = str(graph.value(source, SCHEMA.datePublished) or "")
    return (published == "", published, str(source), _start(graph, appearance), str(appearance))


def _first(graph, claim) -> tuple:
    return min((_order(graph, a) for a in graph.subjects(OA.hasBody, claim)), default=(True, "", "", 0, ""))


def _start(graph, appearance) -> int:
    for target in graph.objects(appearance, OA.hasTarget):
        for sel in graph.objects(target, OA.hasSelector):
            start = graph.value(sel, OA.start)
            if start is not None:
                return int(start)
    return 0


def _end(graph, appearance) -> int:
    for target in graph.objects(appearance, OA.hasTarget):
        for sel in graph.objects(target, OA.hasSelector):
            end = graph.value(sel, OA.end)
            if end is not None:
                return int(end)
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
        for node in _appearance_nodes(graph, claim):
            for pred, obj in graph.predicate_objects(node):
                p.add((node, pred, obj))
        i = ds.graph(pubinfo)
        i.add((np_iri, PROV.generatedAtTime, Literal(created.isoformat(), datatype=XSD.dateTime)))
        i.add((np_iri, DCTERMS.creator, Literal("claimgraph")))
    return ds


def _appearance_nodes(graph, claim):
    """Each appearance of ``claim``, its target and selectors (and the claim's range node)."""
    obj = graph.value(claim, RDF.object)
    if (obj, RDF.type, SCHEMA.QuantitativeValue) in graph:
        yield obj
    for appearance in appearances_of(graph, claim):
        yield appearance
        for target in graph.objects(appearance, OA.hasTarget):
            yield target
            yield from graph.objects(target, OA.hasSelector)


# ---------------------------------------------------------------------------- schema.org Claim

def _name(graph, node):
    return str(graph.value(node, SCHEMA.name) or graph.value(node, SCHEMA.headline) or short_id(node))


def _agent(graph, node) -> dict:
    kind = "Person" if (node, RDF.type, SCHEMA.Person) in graph else "Organization"
    return {"@type": kind, "@id": str(node), "name": _name(graph, node)}


def _work(graph, source) -> dict:
    work = {"@type": "NewsArticle", "@id": str(source), "headline": _name(graph, source)}
    for pred, key in ((SCHEMA.publisher, "publisher"), (SCHEMA.author, "author")):
        agents = [_agent(graph, a) for a in graph.objects(source, pred)]
        if agents:
            work[key] = agents[0] if len(agents) == 1 else agents
    published = graph.value(source, SCHEMA.datePublished)
    if published is not None:
        work["datePublished"] = str(published)
    if graph.value(source, SCHEMA.url) is not None:
        work["url"] = str(graph.value(source, SCHEMA.url))
    return work


def schema_claims(graph: Graph) -> dict:
    """The claims as schema.org ``Claim`` objects (the ``itemReviewed`` of a ClaimReview):
    name (the statement), text (the words), author, appearance (every document that carries
    it) and firstAppearance (the earliest published), datePublished."""
    items = []
    for claim in claims_of(graph):
        appearances = appearances_of(graph, claim)
        docs = []
        for a in appearances:
            doc = graph.value(a, IS_PART_OF)
            if doc not in docs:
                docs.append(doc)
        first = _work(graph, docs[0]) if docs else None
        words = graph.value(claim, RDF.object) if (claim, RDF.type, CG.QuotationClaim) in graph else None
        item = {"@type": "Claim", "@id": str(claim), "name": str(graph.value(claim, SCHEMA.text)),
                "text": str(words) if words is not None else None,
                "author": [_agent(graph, a) for a in graph.objects(claim, PROV.wasAttributedTo)],
                "appearance": [_work(graph, d) for d in docs], "firstAppearance": first,
                "datePublished": first.get("datePublished") if first else None}
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

def claim_sheet(graph: Graph, dataset: Dataset) -> str:
    """The claims as a claim sheet (see :mod:`claimgraph.model.to_sheet`): ``import`` of it
    gives back the same graph."""
    from .model.sheet import write_sheet
    from .model.to_sheet import graph_rows

    return write_sheet(graph_rows(graph, dataset))


# ---------------------------------------------------------------------------- verify

def verify(data_dir) -> list[tuple[str, str]]:
    """Claims and appearances whose IRI no longer matches the hash of their content:
    (id, expected id)."""
    graph = load_graph(data_dir)
    wrong = []
    for claim in claims_of(graph):
        expected = claim_iri(key_in_graph(graph, claim))
        if expected != str(claim):
            wrong.append((short_id(claim), short_id(expected)))
        for appearance in appearances_of(graph, claim):
            source = graph.value(appearance, IS_PART_OF)
            expected = appearance_iri(claim, source, _start(graph, appearance), _end(graph, appearance))
            if expected != str(appearance):
                wrong.append((short_id(appearance), short_id(expected)))
    return wrong


def write_text(path, text: str) -> Path:
    from .data import replace_files

    replace_files({Path(path): text.encode("utf-8")})
    return Path(path)
