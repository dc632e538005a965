"""SHACL validation of claim data against ontology/shapes.ttl, with a report users can read.

The data go into an Oxigraph store and every shape is checked over all its focus nodes at once:
the core constraints by :mod:`claimgraph.shapes` (each property shape's values in one query,
checked as SHACL defines them), the SHACL-SPARQL constraints (``sh:sparql``: quotes at their
offsets, shares within 0-100, parts within wholes) as one query each, with the SHACL pre-binding
of ``$this`` and ``$PATH`` (SHACL §5.3). pySHACL, which walks the graph node by node (1,000 new
claims: 8.6 s for the core constraints; each SPARQL constraint ~40 ms a node), checks only shapes
that use what :mod:`claimgraph.shapes` does not read (none of the shipped ones), and is the
reference the tests compare with.

Exit codes of ``claimgraph validate`` (as pySHACL's): 0 conforms, 1 violations, 2 input unreadable.
"""
import re
from dataclasses import dataclass
from enum import Enum
from functools import lru_cache

import pyoxigraph as ox
from rdflib import RDF, BNode, Graph, URIRef
from rdflib.namespace import SH

from .model.ids import short_id
from .namespaces import ID_IRI
from .resources import ontology_file

_TYPE_OF = "<http://www.w3.org/1999/02/22-rdf-syntax-ns#type>/<http://www.w3.org/2000/01/rdf-schema#subClassOf>*"


class Severity(Enum):
    VIOLATION = "Violation"
    WARNING = "Warning"
    INFO = "Info"


@dataclass(frozen=True, order=True)
class Result:
    """One SHACL result: the node at fault and what is wrong with it."""
    focus: str
    message: str
    severity: Severity = Severity.VIOLATION
    path: str | None = None

    def line(self) -> str:
        return f"{self.focus}: {self.message}"


@dataclass
class Report:
    results: list[Result]

    @property
    def conforms(self) -> bool:
        return not any(r.severity is Severity.VIOLATION for r in self.results)

    def as_json(self) -> dict:
        """``{"conforms": …, "results": [{"focus", "path", "severity", "message"}]}``."""
        return {"conforms": self.conforms, "results": [
            {"focus": r.focus, "path": r.path, "severity": r.severity.value, "message": r.message}
            for r in self.results]}

    def as_turtle(self) -> str:
        """The report as a SHACL validation report (``sh:ValidationReport``) in Turtle, focus
        nodes as full IRIs, results in a stable order."""
        from rdflib import BNode, Literal, URIRef

        from .model.ids import expand_id
        from .namespaces import bind_prefixes

        g = bind_prefixes(Graph())
        report = BNode("report")
        g.add((report, RDF.type, SH.ValidationReport))
        g.add((report, SH.conforms, Literal(self.conforms)))
        for i, r in enumerate(self.results):
            node = BNode(f"r{i}")
            g.add((report, SH.result, node))
            g.add((node, RDF.type, SH.ValidationResult))
            g.add((node, SH.focusNode, URIRef(expand_id(r.focus))))
            g.add((node, SH.resultSeverity, SH[r.severity.value]))
            g.add((node, SH.resultMessage, Literal(r.message)))
            if r.path:
                g.add((node, SH.resultPath, URIRef(r.path)))
        return g.serialize(format="turtle")


@dataclass(frozen=True)
class SparqlConstraint:
    """A ``sh:sparql`` constraint with what it needs to run over many focus nodes at once."""
    select: str
    message: str
    path: str | None
    target_class: str | None
    target_objects_of: str | None


@lru_cache(maxsize=1)
def shapes_graph() -> Graph:
    """The shipped SHACL shapes (parsed once per process)."""
    return Graph().parse(ontology_file("shapes.ttl"), format="turtle")


@lru_cache(maxsize=1)
def _split_shapes() -> tuple[Graph, tuple[SparqlConstraint, ...]]:
    """The shapes without their sh:sparql constraints (for pySHACL), and those constraints."""
    shapes = shapes_graph()
    core = Graph()
    core += shapes
    constraints = []
    for holder, constraint in shapes.subject_objects(SH.sparql):
        core.remove((holder, SH.sparql, constraint))
        node_shape = next(shapes.subjects(SH.property, holder), holder)
        path = shapes.value(holder, SH.path)
        prefixes = "".join(
            f"PREFIX {shapes.value(d, SH.prefix)}: <{shapes.value(d, SH.namespace)}>\n"
            for p in shapes.objects(constraint, SH.prefixes) for d in shapes.objects(p, SH.declare))
        target_class = shapes.value(node_shape, SH.targetClass)
        objects_of = shapes.value(node_shape, SH.targetObjectsOf)
        constraints.append(SparqlConstraint(
            prefixes + str(shapes.value(constraint, SH.select)), str(shapes.value(constraint, SH.message)),
            str(path) if path is not None else None,
            str(target_class) if target_class is not None else None,
            str(objects_of) if objects_of is not None else None))
    return core, tuple(constraints)


def _sparql_results(store, focus) -> list[Result]:
    """Every sh:sparql constraint as one Oxigraph query over all its focus nodes: the shape's
    targets are joined in the query (instances of its class, objects of its predicate), and the
    answers kept for the nodes in ``focus`` when given. Binding the focus nodes instead, 500 at a
    time, made a 10,000-claim import re-read the data twenty times over."""
    _, constraints = _split_shapes()
    wanted = {f.value for f in focus} if focus is not None else None
    results = []
    for c in constraints:
        query = c.select.replace("$PATH", f"<{c.path}>" if c.path else "$PATH").replace("$this", "?this")
        target = (f"?this {_TYPE_OF} <{c.target_class}> ." if c.target_class else
                  f"?targetSubject <{c.target_objects_of}> ?this ." if c.target_objects_of else "")
        query = re.sub(r"\bWHERE\s*\{", lambda m: m.group(0) + "\n  " + target, query, count=1, flags=re.IGNORECASE)
        seen = set()
        for row in store.query(query).rows:
            if wanted is not None and row["this"].value not in wanted:
                continue
            message = re.sub(r"\{[?$](\w+)\}", lambda m: _show(row.get(m.group(1))), c.message)
            path = row.get("path").value if isinstance(row.get("path"), ox.NamedNode) else c.path  # SHACL §5.3.2
            result = Result(short_id(row["this"].value), message, Severity.VIOLATION, path)
            if result not in seen:
                seen.add(result)
                results.append(result)
    return results


def _show(term) -> str:
    """A term as a message shows it: claims and entities by short id, literals by value."""
    from .store import py

    if term is None:
        return ""
    value = py(term)
    return short_id(value) if isinstance(term, ox.NamedNode) else str(value)


def _pyshacl(graph: Graph, shapes_graph: Graph, shapes=None, focus=None) -> Graph:
    import pyshacl  # heavy (~0.2 s); only validation needs it

    _, results_graph, _ = pyshacl.validate(
        graph, shacl_graph=shapes_graph, inference="none", allow_warnings=True, advanced=False, inplace=True,
        use_shapes=shapes, focus_nodes=focus)
    return results_graph


def validate_data(data_dir) -> Report:
    """Validate every data file of ``data_dir`` (with their archived texts) against the shipped
    shapes. Raises DataError naming a file that cannot be read."""
    from .store import data_files, load_file
    from .store.files import attach_store_texts

    store = ox.Store()
    for path in data_files(data_dir):
        load_file(store, path)
    attach_store_texts(store, data_dir)
    return validate_store(store)


def validate_graph(graph: Graph, focus=None) -> Report:
    """Validate the rdflib ``graph`` (data with archived texts attached) against the shipped
    shapes; only the nodes in ``focus`` when given (an import checks its new nodes)."""
    from .data import ox_term

    store = ox.Store()
    store.bulk_extend(ox.Quad(ox_term(s), ox_term(p), ox_term(o), ox.DefaultGraph()) for s, p, o in graph)
    return validate_store(store, focus, graph)


def validate_store(data: ox.Store, focus=None, graph: Graph | None = None) -> Report:
    """Validate the Oxigraph store ``data`` against the shipped shapes (see the module); only
    the nodes in ``focus`` (IRIs) when given. ``graph``: the same data as rdflib, if at hand,
    for the shapes pySHACL checks."""
    from . import shapes
    from .store import OxigraphStore

    store = OxigraphStore(data, "the data validated")
    focus = [ox.NamedNode(str(f)) for f in focus] if focus is not None else None
    compiled = shapes.compiled()
    results = []
    for shape in compiled.shapes:
        for node, message, severity, path in shapes.check(store, shape, shapes.targets(store, shape, focus)):
            results.append(Result(short_id(node.value), message, Severity(severity), path))
    if compiled.left:
        if graph is None:
            graph = Graph().parse(data=data.dump(format=ox.RdfFormat.N_TRIPLES, from_graph=ox.DefaultGraph()),
                                  format="nt")
        results += _from_pyshacl(_pyshacl(graph, _split_shapes()[0], shapes=list(map(URIRef, compiled.left)),
                                          focus=[URIRef(f.value) for f in focus] if focus is not None else None))
    results += _sparql_results(store, focus)
    return Report(sorted(set(results)))


def pyshacl_report(graph: Graph, focus=None) -> Report:
    """The same validation by pySHACL alone, every shape with its SHACL-SPARQL constraints (the
    reference the tests compare :func:`validate_graph` with; slow: each SPARQL constraint runs
    once per focus node)."""
    focus = [URIRef(str(f)) for f in focus] if focus is not None else None
    return Report(sorted(set(_from_pyshacl(_pyshacl(graph, shapes_graph(), focus=focus)))))


def _from_pyshacl(results_graph: Graph) -> list[Result]:
    results = []
    for node in results_graph.subjects(SH.resultSeverity, None):
        severity = Severity(str(results_graph.value(node, SH.resultSeverity)).rsplit("#", 1)[-1])
        messages = sorted(str(m) for m in results_graph.objects(node, SH.resultMessage))
        focus_node = results_graph.value(node, SH.focusNode)
        path = results_graph.value(node, SH.resultPath)
        if isinstance(path, BNode):  # a sequence path: name it by its first step
            path = results_graph.value(path, RDF.first)
        message = messages[0] if messages else "fails a constraint"
        # pySHACL writes a node in a message ({?source}) as its whole IRI; claimgraph by short id
        message = re.sub(re.escape(ID_IRI) + r"(\S+?)(?=[\s,.;:)]*(?:\s|$))", r"\1", message)
        results.append(Result(short_id(focus_node), message, severity, str(path) if path is not None else None))
    return results
