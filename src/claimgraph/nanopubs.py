"""Nanopublications: one per claim, as a TriG stream that nanopub-java and the ``nanopub`` package
read, each named by a trusty URI (http://trustyuri.net/, module RA: a hash of its quads).

- head: the nanopublication and its three graphs;
- assertion: the triple the claim asserts (and a range's ``schema:QuantitativeValue``);
- provenance: who it is attributed to, the claim (``prov:wasDerivedFrom``), the claim's triples,
  and every appearance with its target and selectors;
- publication info: who made it (``dcterms:creator``), and ``dcterms:created`` when a time is
  given (none by default, so that the same claims give the same bytes and the same URIs).

The stream is nanopub-java's: each nanopublication's four graphs one after the other, head
first, triples sorted within a graph, nanopublications in claim order.
"""
import base64
import hashlib
from datetime import datetime

import pyoxigraph as ox

from .data import ox_term as _ox
from .namespaces import DCTERMS_IRI, NP_IRI, NPSCHEMA_IRI, OA_IRI, PROV_IRI, RDF_IRI, SCHEMA_IRI, XSD_IRI

PARTS = ("head", "assertion", "provenance", "pubinfo")
_TEMP = NP_IRI + "TEMP"  # stands for the trusty code until the hash is known
_STRING = XSD_IRI + "string"


def _n(iri: str) -> ox.NamedNode:
    return ox.NamedNode(iri)


def nanopublication(graph, claim, created: datetime | None = None) -> list[ox.Quad]:
    """The quads of the nanopublication of ``claim`` (an rdflib node of ``graph``), named by its
    trusty URI, in stream order."""
    from rdflib import RDF, URIRef

    from .export import appearances_of

    np_iri = _TEMP
    head, assertion, provenance, pubinfo = (_n(f"{np_iri}#{part}") for part in PARTS)
    quads = [ox.Quad(_n(np_iri), _n(RDF_IRI + "type"), _n(NPSCHEMA_IRI + "Nanopublication"), head),
             ox.Quad(_n(np_iri), _n(NPSCHEMA_IRI + "hasAssertion"), assertion, head),
             ox.Quad(_n(np_iri), _n(NPSCHEMA_IRI + "hasProvenance"), provenance, head),
             ox.Quad(_n(np_iri), _n(NPSCHEMA_IRI + "hasPublicationInfo"), pubinfo, head)]
    s, p, o = (graph.value(claim, pred) for pred in (RDF.subject, RDF.predicate, RDF.object))
    said = []
    if None not in (s, p, o):
        said.append((s, p, o))
        if (o, RDF.type, URIRef(SCHEMA_IRI + "QuantitativeValue")) in graph:  # a range: its bounds are asserted
            said += [(o, p2, o2) for p2, o2 in graph.predicate_objects(o)]
    quads += sorted((ox.Quad(_ox(a), _ox(b), _ox(c), assertion) for a, b, c in said), key=str)
    prov = [ox.Quad(assertion, _n(PROV_IRI + "wasAttributedTo"), _ox(agent), provenance)
            for agent in graph.objects(claim, URIRef(PROV_IRI + "wasAttributedTo"))]
    prov.append(ox.Quad(assertion, _n(PROV_IRI + "wasDerivedFrom"), _ox(claim), provenance))
    nodes = [claim]
    for appearance in appearances_of(graph, claim):
        nodes.append(appearance)
        for target in graph.objects(appearance, URIRef(OA_IRI + "hasTarget")):
            nodes += [target, *graph.objects(target, URIRef(OA_IRI + "hasSelector"))]
    prov += [ox.Quad(_ox(node), _ox(pred), _ox(obj), provenance) for node in nodes
             for pred, obj in graph.predicate_objects(node)]
    quads += sorted(set(prov), key=str)
    info = [ox.Quad(_n(np_iri), _n(DCTERMS_IRI + "creator"), ox.Literal("claimgraph"), pubinfo)]
    if created is not None:
        info.append(ox.Quad(_n(np_iri), _n(DCTERMS_IRI + "created"),
                            ox.Literal(created.isoformat(), datatype=_n(XSD_IRI + "dateTime")), pubinfo))
    quads += sorted(info, key=str)
    code = trusty_code(quads, _TEMP)
    return [_rename(q, _TEMP, NP_IRI + code) for q in quads]


def _rename(quad: ox.Quad, old: str, new: str) -> ox.Quad:
    def swap(t):
        if isinstance(t, ox.NamedNode) and (t.value == old or t.value.startswith(old + "#")):
            return ox.NamedNode(new + t.value[len(old):])
        return t
    return ox.Quad(swap(quad.subject), swap(quad.predicate), swap(quad.object), swap(quad.graph_name))


# ---------------------------------------------------------------------------- trusty URIs

def trusty_code(quads: list[ox.Quad], base: str) -> str:
    """The RA trusty code of a nanopublication whose URI is ``base`` (its sub-URIs ``base#…``):
    SHA-256 of its quads normalised as trustyuri-java and the ``nanopub`` package do — the code's
    place in every URI a space, quads sorted (graph, subject, predicate by code point; IRIs before
    literals, literals by text, datatype, language), one line per term — in URL-safe base64."""
    prefix = base[:base.rindex("/") + 1]

    def iri(value: str) -> str:
        if value == base:
            return prefix + " "
        if value.startswith(base + "#"):
            return prefix + " #" + value[len(base) + 1:]
        return value

    def key(q):
        o = q.object
        obj = (1, o.value.encode(), _datatype(o).encode(), (o.language or "").encode()) \
            if isinstance(o, ox.Literal) else (0, iri(o.value).encode(), b"", b"")
        return (iri(q.graph_name.value).encode(), iri(q.subject.value).encode(), iri(q.predicate.value).encode(), obj)

    lines, previous = [], None
    for q in sorted(quads, key=key):
        o = q.object
        if isinstance(o, ox.Literal):
            text = o.value.replace("\\", "\\\\").replace("\n", "\\n")
            last = f"@{o.language.lower()} {text}" if o.language else f"^{_datatype(o)} {text}"
        else:
            last = iri(o.value)
        line = f"{iri(q.graph_name.value)}\n{iri(q.subject.value)}\n{iri(q.predicate.value)}\n{last}\n"
        if line != previous:
            lines.append(line)
        previous = line
    digest = hashlib.sha256("".join(lines).encode("utf-8")).digest()
    return "RA" + base64.urlsafe_b64encode(digest).decode("ascii").rstrip("=")


def _datatype(literal: ox.Literal) -> str:
    """As the trusty-URI comparator orders them: a language-tagged literal has none (first)."""
    if literal.language:
        return ""
    return literal.datatype.value if literal.datatype is not None else _STRING


# ---------------------------------------------------------------------------- the stream

def nanopub_stream(graph, created: datetime | None = None) -> bytes:
    """Every claim of ``graph`` as a nanopublication, in one TriG stream (claim order)."""
    from .export import claims_of
    from .namespaces import PREFIXES

    quads = [q for claim in claims_of(graph) for q in nanopublication(graph, claim, created)]
    prefixes = {k: str(v) for k, v in PREFIXES.items() if k in ("cg", "claim", "appearance", "source", "org", "person",
                                                                 "place", "event", "thing", "schema", "prov", "oa",
                                                                 "dcterms", "rdf", "xsd", "np")}
    prefixes["this"] = NP_IRI
    return ox.serialize(quads, format=ox.RdfFormat.TRIG, prefixes=prefixes)

