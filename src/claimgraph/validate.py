"""SHACL validation of claim data against ontology/shapes.ttl, with a report users can read.

Exit codes of ``claimgraph validate`` (as pySHACL's): 0 conforms, 1 violations, 2 input unreadable.
"""
from dataclasses import dataclass
from enum import Enum
from functools import lru_cache

from rdflib import RDF, BNode, Graph
from rdflib.namespace import SH

from .ids import short_id
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


@lru_cache(maxsize=1)
def shapes_graph() -> Graph:
    """The shipped SHACL shapes (parsed once per process)."""
    return Graph().parse(ontology_file("shapes.ttl"), format="turtle")


def validate_graph(graph: Graph) -> Report:
    """Validate ``graph`` (data with archived texts attached) against the shipped shapes."""
    import pyshacl  # heavy (~0.2 s); only validation needs it

    _, results_graph, _ = pyshacl.validate(
        graph, shacl_graph=shapes_graph(), inference="none", allow_warnings=True, advanced=False
    )
    results = []
    for node in results_graph.subjects(SH.resultSeverity, None):
        severity = Severity(str(results_graph.value(node, SH.resultSeverity)).rsplit("#", 1)[-1])
        messages = sorted(str(m) for m in results_graph.objects(node, SH.resultMessage))
        focus = results_graph.value(node, SH.focusNode)
        path = results_graph.value(node, SH.resultPath)
        if isinstance(path, BNode):  # a sequence path: name it by its first step
            path = results_graph.value(path, RDF.first)
        message = messages[0] if messages else "fails a constraint"
        results.append(Result(short_id(focus), message, severity, str(path) if path is not None else None))
    return Report(sorted(set(results)))
