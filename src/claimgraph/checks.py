"""Consistency across claims, beyond what SHACL sees in one node: parts against wholes, shares
against counts, shares over 100 per cent, and the same quantity in different sources.

Each rule is a SPARQL file in ``queries/checks/`` returning ``?focus`` (a claim), optionally
``?other``, ``?severity`` (Violation, Warning, Info) and ``?message``; results are reported like
SHACL results, with the citation of every claim named.
"""
from dataclasses import dataclass, field

from . import cite
from .ids import short_id
from .lookup import details
from .resources import query_names, query_text
from .store import Store
from .validate import Severity


@dataclass
class CheckResult:
    rule: str
    severity: Severity
    focus: str
    message: str
    other: str | None = None
    citations: list = field(default_factory=list)

    def lines(self) -> list[str]:
        head = f"{self.severity.value} {short_id(self.focus)}"
        if self.other:
            head += f" ~ {short_id(self.other)}"
        return [f"{head}: {self.message} [{self.rule}]"] + [f"    {c}" for c in self.citations]


def run_checks(store: Store) -> list[CheckResult]:
    """Every shipped rule on ``store``; results ordered violations first."""
    results = []
    for rule in query_names("checks"):
        for row in store.select(query_text(f"checks/{rule}")):
            results.append(CheckResult(rule, Severity(row["severity"]), row["focus"], row["message"], row.get("other")))
    claims = {c.iri: c for c in details(store, sorted({r.focus for r in results} | {r.other for r in results if r.other}))}
    for r in results:
        r.citations = [f"{short_id(c.iri)} {cite.plain(c)}" for c in (claims.get(r.focus), claims.get(r.other)) if c]
    order = {Severity.VIOLATION: 0, Severity.WARNING: 1, Severity.INFO: 2}
    return sorted(results, key=lambda r: (order[r.severity], r.rule, r.focus, r.other or ""))
