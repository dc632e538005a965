"""SHACL validation of claim data against ontology/shapes.ttl, with a report users can read.

pySHACL checks the core constraints. The SHACL-SPARQL constraints (``sh:sparql``: quotes at their
offsets, shares within 0-100, parts within wholes) are run by Oxigraph as one query each over all
focus nodes, with the SHACL pre-binding of ``$this`` and ``$PATH`` (SHACL §5.3): pySHACL runs them
once per focus node, about 40 ms each, which made 1,000 new claims take 45 s.

Exit codes of ``claimgraph validate`` (as pySHACL's): 0 conforms, 1 violations, 2 input unreadable.
"""
import re
from dataclasses import dataclass
from enum import Enum
from functools import lru_cache

import pyoxigraph as ox
from rdflib import RDF, BNode, Graph
from rdflib.namespace import SH

from .model.ids import short_id
from .resources import ontology_file


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


def _sparql_results(graph: Graph, focus) -> list[Result]:
    """Every sh:sparql constraint as one Oxigraph query over all its focus nodes."""
    from .store import bind_values

    _, constraints = _split_shapes()
    if not constraints:
        return []
    store = ox.Store()
    store.load(graph.serialize(format="nt", encoding="utf-8"), format=ox.RdfFormat.N_TRIPLES)
    focus_rows = [{"this": ox.NamedNode(str(f))} for f in focus] if focus is not None else None
    results = []
    for c in constraints:
        query = c.select.replace("$PATH", f"<{c.path}>" if c.path else "$PATH").replace("$this", "?this")
        target = (f"?this a <{c.target_class}> ." if c.target_class else
                  f"?targetSubject <{c.target_objects_of}> ?this ." if c.target_objects_of else "")
        query = re.sub(r"\bWHERE\s*\{", lambda m: m.group(0) + "\n  " + target, query, count=1, flags=re.IGNORECASE)
        answer = store.query(bind_values(query, focus_rows) if focus_rows else query)
        variables = [v.value for v in answer.variables]
        for solution in answer:
            row = {v: solution[v] for v in variables}
            message = re.sub(r"\{[?$](\w+)\}", lambda m: _show(row.get(m.group(1))), c.message)
            path = row.get("path").value if isinstance(row.get("path"), ox.NamedNode) else c.path  # SHACL §5.3.2
            results.append(Result(short_id(row["this"].value), message, Severity.VIOLATION, path))
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


def _targeted(graph: Graph, shapes_graph: Graph, focus: set) -> list:
    """Each node shape with the focus nodes it targets (sh:targetClass, sh:targetObjectsOf).
    pySHACL is given them shape by shape: handed all focus nodes at once, it checks every node
    of every nested property shape against the whole focus list (a 1,000-claim import: 29M term
    comparisons, 20 s); with the shape named, it validates exactly the nodes given."""
    out = []
    for shape in sorted(set(shapes_graph.subjects(RDF.type, SH.NodeShape)), key=str):
        nodes = set()
        for cls in shapes_graph.objects(shape, SH.targetClass):
            nodes |= {n for n in focus if (n, RDF.type, cls) in graph}
        for pred in shapes_graph.objects(shape, SH.targetObjectsOf):
            nodes |= {n for n in focus if (None, pred, n) in graph}
        out.append((shape, sorted(nodes)))
    return out


def validate_graph(graph: Graph, focus=None) -> Report:
    """Validate ``graph`` (data with archived texts attached) against the shipped shapes; only
    the nodes in ``focus`` when given (an import checks its new nodes, not the whole graph)."""
    core, _ = _split_shapes()
    if focus is None:
        results_graph = _pyshacl(graph, core)
    else:
        results_graph = Graph()
        for shape, nodes in _targeted(graph, core, set(focus)):
            if nodes:
                results_graph += _pyshacl(graph, core, shapes=[shape], focus=nodes)
    results = []
    for node in results_graph.subjects(SH.resultSeverity, None):
        severity = Severity(str(results_graph.value(node, SH.resultSeverity)).rsplit("#", 1)[-1])
        messages = sorted(str(m) for m in results_graph.objects(node, SH.resultMessage))
        focus_node = results_graph.value(node, SH.focusNode)
        path = results_graph.value(node, SH.resultPath)
        if isinstance(path, BNode):  # a sequence path: name it by its first step
            path = results_graph.value(path, RDF.first)
        message = messages[0] if messages else "fails a constraint"
        results.append(Result(short_id(focus_node), message, severity, str(path) if path is not None else None))
    results += _sparql_results(graph, focus)
    return Report(sorted(set(results)))
