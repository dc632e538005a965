"""The shipped SHACL shapes (ontology/shapes.ttl) checked over an Oxigraph store, all focus nodes
of a shape at once.

pySHACL walks an rdflib graph node by node: a 1,000-claim import took 8.6 s in it, 2,000 claims
18.5 s, and 10,000 six minutes. Here each property shape's value nodes for every focus node come
from one query (in batches), and the core constraint components the shapes use are checked on
them in Python as SHACL defines them (and as pySHACL does: tests/test_validate.py compares the
two on every broken case): ``sh:minCount``, ``sh:maxCount``, ``sh:class``, ``sh:datatype`` (an
ill-typed literal fails it), ``sh:nodeKind``, ``sh:pattern`` (with ``sh:flags``), ``sh:in``,
``sh:minInclusive`` and ``sh:or`` of datatypes; paths are predicates or sequences of them.
A shape that uses anything else is left to pySHACL (:attr:`Compiled.left`): shapes.ttl stays
the one rule set either way.

Targets are SHACL's: instances of ``sh:targetClass`` (``rdf:type/rdfs:subClassOf*``) and objects
of ``sh:targetObjectsOf``, intersected with the focus nodes when given.
"""
import re
from dataclasses import dataclass
from functools import lru_cache

import pyoxigraph as ox

SH = "http://www.w3.org/ns/shacl#"
RDF_FIRST, RDF_REST, RDF_NIL = (f"http://www.w3.org/1999/02/22-rdf-syntax-ns#{n}" for n in ("first", "rest", "nil"))
#: What a property shape may say for it to be checked here (anything else goes to pySHACL).
_PROPERTY_KEYS = {SH + k for k in ("path", "minCount", "maxCount", "class", "datatype", "nodeKind", "pattern",
                                   "flags", "in", "minInclusive", "or", "message", "severity", "name", "description",
                                   "sparql")}
_NODE_KEYS = {SH + k for k in ("targetClass", "targetObjectsOf", "property", "sparql", "message", "severity")} | {
    "http://www.w3.org/1999/02/22-rdf-syntax-ns#type", "http://www.w3.org/2000/01/rdf-schema#comment",
    "http://www.w3.org/2000/01/rdf-schema#label"}
_TARGETS_OF_CLASS = """SELECT DISTINCT ?this WHERE {
  ?this <http://www.w3.org/1999/02/22-rdf-syntax-ns#type>/<http://www.w3.org/2000/01/rdf-schema#subClassOf>* ?class }"""
_TARGETS_OF_OBJECTS = "SELECT DISTINCT ?this WHERE { ?subject ?predicate ?this }"
_INSTANCES = """SELECT DISTINCT ?value WHERE {
  ?value <http://www.w3.org/1999/02/22-rdf-syntax-ns#type>/<http://www.w3.org/2000/01/rdf-schema#subClassOf>* ?class }"""


@dataclass(frozen=True)
class Property:
    """A property shape: its path (as a SPARQL property path, and its first predicate, which a
    result names), message, severity and constraints (rdflib terms where SHACL compares terms)."""
    path: str
    first: str
    message: str
    severity: str
    min_count: int | None = None
    max_count: int | None = None
    classes: tuple = ()
    datatype: str | None = None
    node_kind: str | None = None
    pattern: str | None = None
    flags: str = ""
    allowed: tuple | None = None
    min_inclusive: object = None
    any_datatype: tuple | None = None


@dataclass(frozen=True)
class NodeShape:
    iri: str
    target_classes: tuple
    target_objects_of: tuple
    properties: tuple


@dataclass(frozen=True)
class Compiled:
    shapes: tuple       # NodeShape
    left: tuple         # IRIs of node shapes pySHACL checks (they say what this does not read)


@lru_cache(maxsize=1)
def compiled() -> Compiled:
    """The shipped shapes, read once per process."""
    from .validate import shapes_graph

    return compile_shapes(shapes_graph())


def compile_shapes(graph) -> Compiled:
    """Node shapes of the rdflib ``graph`` of shapes, as checked here, and those left to pySHACL."""
    from rdflib import RDF, URIRef

    shapes, left = [], []
    for node in sorted(set(graph.subjects(RDF.type, URIRef(SH + "NodeShape"))), key=str):
        try:
            if {str(p) for p in graph.predicates(node)} - _NODE_KEYS:
                raise _Unsupported
            properties = tuple(p for p in (_property(graph, p) for p in graph.objects(node, URIRef(SH + "property")))
                               if p is not None)
        except _Unsupported:
            left.append(str(node))
            continue
        shapes.append(NodeShape(str(node), tuple(sorted(str(c) for c in graph.objects(node, URIRef(SH + "targetClass")))),
                                tuple(sorted(str(p) for p in graph.objects(node, URIRef(SH + "targetObjectsOf")))),
                                properties))
    return Compiled(tuple(shapes), tuple(left))


class _Unsupported(Exception):
    pass


def _property(g, node) -> Property | None:
    """The property shape ``node``; None when it has only SPARQL constraints (run apart)."""
    from rdflib import URIRef

    def one(key):
        return g.value(node, URIRef(SH + key))

    keys = {str(p) for p in g.predicates(node)}
    if keys - _PROPERTY_KEYS:
        raise _Unsupported
    if not keys - {SH + k for k in ("path", "sparql", "name", "description")}:
        return None
    steps = _path(g, one("path"))
    messages = sorted(str(m) for m in g.objects(node, URIRef(SH + "message")))
    if not messages:
        raise _Unsupported  # pySHACL words the message then
    severity = one("severity")
    alternatives = None
    if one("or") is not None:
        alternatives = []
        for shape in _list(g, one("or")):
            keys = {str(p) for p in g.predicates(shape)}
            if keys != {SH + "datatype"}:
                raise _Unsupported
            alternatives.append(str(g.value(shape, URIRef(SH + "datatype"))))
    members = tuple(_list(g, one("in"))) if one("in") is not None else None
    return Property(
        path="/".join(f"<{s}>" for s in steps), first=steps[0], message=messages[0],
        severity=str(severity).rsplit("#", 1)[-1] if severity is not None else "Violation",
        min_count=int(one("minCount")) if one("minCount") is not None else None,
        max_count=int(one("maxCount")) if one("maxCount") is not None else None,
        classes=tuple(sorted(str(c) for c in g.objects(node, URIRef(SH + "class")))),
        datatype=str(one("datatype")) if one("datatype") is not None else None,
        node_kind=str(one("nodeKind")).rsplit("#", 1)[-1] if one("nodeKind") is not None else None,
        pattern=str(one("pattern")) if one("pattern") is not None else None,
        flags=str(one("flags") or ""), allowed=members, min_inclusive=one("minInclusive"),
        any_datatype=tuple(alternatives) if alternatives is not None else None)


def _list(g, head) -> list:
    from rdflib import URIRef

    items = []
    while head is not None and str(head) != RDF_NIL:
        items.append(g.value(head, URIRef(RDF_FIRST)))
        head = g.value(head, URIRef(RDF_REST))
    return items


def _path(g, path) -> list[str]:
    from rdflib import BNode, URIRef

    if isinstance(path, URIRef):
        return [str(path)]
    if isinstance(path, BNode) and g.value(path, URIRef(RDF_FIRST)) is not None:
        steps = _list(g, path)
        if steps and all(isinstance(s, URIRef) for s in steps):
            return [str(s) for s in steps]
    raise _Unsupported  # inverse, alternative and other paths


# ---------------------------------------------------------------------------------------- checking

def targets(store, shape: NodeShape, focus=None) -> list:
    """The focus nodes of ``shape`` in ``store`` (Oxigraph terms), among ``focus`` if given."""
    found = set()
    for key, query, values in (("class", _TARGETS_OF_CLASS, shape.target_classes),
                               ("predicate", _TARGETS_OF_OBJECTS, shape.target_objects_of)):
        for value in values:
            found.update(r["this"] for r in store.query(query, {key: ox.NamedNode(value)}).rows)
    if focus is not None:
        found &= set(focus)
    return sorted(found, key=str)


def check(store, shape: NodeShape, nodes: list) -> list[tuple]:
    """(focus node, message, severity, path) of every property constraint of ``shape`` that one
    of ``nodes`` (its focus nodes, Oxigraph terms) fails. Each property's values are read in one
    query over the store, kept for ``nodes`` (the store validated is the data with what they
    join: binding the nodes 500 at a time read it again for each 500)."""
    from .store import to_rdflib

    out = []
    for prop in shape.properties:
        values: dict = {n: [] for n in nodes}
        for r in store.query(_VALUES.replace("PATH", prop.path)).rows:
            found = values.get(r["this"])
            if found is not None:
                found.append(r["value"])
        instances = set()
        for cls in prop.classes:
            instances.update((cls, r["value"]) for r in store.query(_INSTANCES, {"class": ox.NamedNode(cls)}).rows)
        for node, found in values.items():
            if not _conforms(prop, [to_rdflib(v) for v in found], found, instances):
                out.append((node, prop.message, prop.severity, prop.first))
    return out


_VALUES = "SELECT ?this ?value WHERE { ?this PATH ?value }"  # PATH: a shape's path, from shapes.ttl


def _conforms(prop: Property, values: list, terms: list, instances: set) -> bool:
    if prop.min_count is not None and len(values) < prop.min_count:
        return False
    if prop.max_count is not None and len(values) > prop.max_count:
        return False
    for v, term in zip(values, terms):
        if any((cls, term) not in instances for cls in prop.classes):
            return False
        if prop.datatype is not None and not _has_datatype(v, prop.datatype):
            return False
        if prop.any_datatype is not None and not any(_has_datatype(v, d) for d in prop.any_datatype):
            return False
        if prop.node_kind is not None and not _has_kind(v, prop.node_kind):
            return False
        if prop.pattern is not None and (_is_blank(v) or not re.search(prop.pattern, str(v), _flags(prop.flags))):
            return False
        if prop.allowed is not None and v not in prop.allowed:
            return False
        if prop.min_inclusive is not None and not _at_least(v, prop.min_inclusive):
            return False
    return True


def _has_datatype(v, datatype: str) -> bool:
    from rdflib import Literal

    if not isinstance(v, Literal):
        return False
    if v.datatype is not None:
        return str(v.datatype) == datatype and getattr(v, "ill_typed", None) is not True
    if v.language:
        return datatype == "http://www.w3.org/1999/02/22-rdf-syntax-ns#langString"
    return datatype == "http://www.w3.org/2001/XMLSchema#string"


def _has_kind(v, kind: str) -> bool:
    from rdflib import BNode, Literal

    if isinstance(v, BNode):
        return kind in ("BlankNode", "BlankNodeOrLiteral", "BlankNodeOrIRI")
    if isinstance(v, Literal):
        return kind in ("Literal", "BlankNodeOrLiteral", "IRIOrLiteral")
    return kind in ("IRI", "IRIOrLiteral", "BlankNodeOrIRI")


def _is_blank(v) -> bool:
    from rdflib import BNode

    return isinstance(v, BNode)


def _flags(flags: str) -> int:
    return (re.IGNORECASE if "i" in flags else 0) | (re.MULTILINE if "m" in flags else 0) | \
        (re.DOTALL if "s" in flags else 0) | (re.VERBOSE if "x" in flags else 0)


def _at_least(v, minimum) -> bool:
    """SHACL's ``$minInclusive <= v``: literals of comparable kinds only (as pySHACL)."""
    from rdflib import Literal

    if not isinstance(v, Literal) or not isinstance(minimum, Literal):
        return False
    if isinstance(v.value, str) != isinstance(minimum.value, str):
        return False
    try:
        return v.value >= minimum.value
    except TypeError:
        return False
