"""Exports: Turtle, TriG, N-Quads, JSON-LD (compacted with claimgraph's published context); one
nanopublication per claim (:mod:`.nanopubs`); schema.org ``Claim`` JSON-LD (:mod:`.schema_org`);
and claim sheets (CSV) that ``import`` turns back into the same graph. Also ``verify``:
content-hash IDs recomputed.

Every export is the same bytes for the same data, run after run: triples and quads sorted,
JSON keys and nodes in a fixed order (the data has no blank nodes to relabel).
"""
import json
from pathlib import Path

from rdflib import RDF, Dataset, Graph, URIRef

from .data import load_dataset, load_graph, ox_term as _ox
from .model.ids import appearance_iri, claim_iri, key_in_graph, short_id
from .model.to_sheet import anchor
from .namespaces import DCTERMS_IRI, OA, SCHEMA

#: Where claimgraph's JSON-LD context is published; ``ontology/context.jsonld`` is the same file.
CONTEXT_URL = "https://w3id.org/claimgraph/context.jsonld"
IS_PART_OF = URIRef(DCTERMS_IRI + "isPartOf")

FORMATS = ("turtle", "trig", "nquads", "jsonld", "nanopub", "schema-jsonld", "csv")


def claims_of(graph: Graph) -> list:
    """Claims in the order of their first appearance's source and position."""
    return sorted(set(graph.subjects(RDF.type, SCHEMA.Claim)), key=lambda c: (_first(graph, c), str(c)))


def appearances_of(graph: Graph, claim) -> list:
    """The appearances of ``claim``, earliest-published source first, then by source and position."""
    return sorted(graph.subjects(OA.hasBody, claim), key=lambda a: _order(graph, a))


def _order(graph, appearance) -> tuple:
    source = graph.value(appearance, IS_PART_OF)
    published = str(graph.value(source, SCHEMA.datePublished) or "")
    return (published == "", published, str(source), anchor(graph, appearance)[1], str(appearance))


def _first(graph, claim) -> tuple:
    return min((_order(graph, a) for a in graph.subjects(OA.hasBody, claim)), default=(True, "", "", 0, ""))


def export(data_dir, fmt: str) -> str:
    """The data of ``data_dir`` in ``fmt`` (one of :data:`FORMATS`) as text."""
    if fmt in ("trig", "nquads"):
        return quads_text(load_dataset(data_dir), fmt)
    graph = load_graph(data_dir)
    if fmt == "turtle":
        from .data import turtle_bytes

        return turtle_bytes(graph).decode("utf-8")
    if fmt == "jsonld":
        return _json(jsonld_document(graph))
    if fmt == "nanopub":
        from .nanopubs import nanopub_stream

        return nanopub_stream(graph).decode("utf-8")
    if fmt == "schema-jsonld":
        from .schema_org import schema_claims

        return _json(schema_claims(graph))
    if fmt == "csv":
        return claim_sheet(graph, load_dataset(data_dir))
    raise ValueError(f"unknown format {fmt!r}")


def _json(document) -> str:
    return json.dumps(document, ensure_ascii=False, indent=2) + "\n"


# ---------------------------------------------------------------------------- RDF

def quads_text(dataset: Dataset, fmt: str) -> str:
    """A dataset (one named graph per data file) as TriG or N-Quads, graphs and quads sorted."""
    import pyoxigraph as ox

    from .namespaces import PREFIXES

    named = ((s, p, o, getattr(g, "identifier", g)) for s, p, o, g in dataset.quads())
    quads = sorted((ox.Quad(_ox(s), _ox(p), _ox(o), _ox(g)) for s, p, o, g in named if isinstance(g, URIRef)),
                   key=lambda q: (str(q.graph_name), str(q)))
    if fmt == "nquads":
        return ox.serialize(quads, format=ox.RdfFormat.N_QUADS).decode("utf-8")
    used = {str(t) for q in quads for t in (q.subject, q.predicate, q.object, q.graph_name)}
    prefixes = {k: str(v) for k, v in PREFIXES.items() if any(str(v) in u for u in used)}
    return ox.serialize(quads, format=ox.RdfFormat.TRIG, prefixes=prefixes).decode("utf-8")


def context() -> dict:
    """claimgraph's JSON-LD context (``ontology/context.jsonld``, published at :data:`CONTEXT_URL`)."""
    from .resources import ontology_file

    return json.loads(ontology_file("context.jsonld").read_text(encoding="utf-8"))


def jsonld_document(graph: Graph) -> dict:
    """``graph`` as compacted JSON-LD with the published context: one node object per subject,
    sorted by ``@id``; IRIs as compact IRIs (``claim:…``), literals as strings or value objects
    with their datatype; several values sorted."""
    from rdflib import Literal

    prefixes = sorted(((k, v) for k, v in context()["@context"].items()), key=lambda kv: -len(kv[1]))

    def compact(iri) -> str:
        iri = str(iri)
        for name, ns in prefixes:
            if iri.startswith(ns) and len(iri) > len(ns) and not iri[len(ns):].startswith("//"):
                return f"{name}:{iri[len(ns):]}"
        return iri

    def value(o):
        if isinstance(o, Literal):
            if o.language:
                return {"@value": str(o), "@language": o.language}
            if o.datatype is None or str(o.datatype) == XSD_STRING:
                return str(o)
            return {"@value": str(o), "@type": compact(o.datatype)}
        return {"@id": compact(o)}

    nodes = []
    for s in sorted(set(graph.subjects()), key=str):
        node = {"@id": compact(s)}
        types = sorted(compact(t) for t in graph.objects(s, RDF.type))
        if types:
            node["@type"] = types[0] if len(types) == 1 else types
        for p in sorted({p for p in graph.predicates(s) if p != RDF.type}, key=compact):
            values = sorted((value(o) for o in graph.objects(s, p)), key=lambda v: json.dumps(v, sort_keys=True))
            node[compact(p)] = values[0] if len(values) == 1 else values
        nodes.append(node)
    return {"@context": CONTEXT_URL, "@graph": nodes}


XSD_STRING = "http://www.w3.org/2001/XMLSchema#string"


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
            _, start, end = anchor(graph, appearance)
            expected = appearance_iri(claim, source, start, end)
            if expected != str(appearance):
                wrong.append((short_id(appearance), short_id(expected)))
    return wrong


def write_text(path, text: str) -> Path:
    from .data import replace_files

    replace_files({Path(path): text.encode("utf-8")})
    return Path(path)
