"""Consistency across claims, beyond what SHACL sees in one node, reported like SHACL results
with the citation of every claim named:

- ``competing_estimates``: figures for the same quantity (subject, predicate, unit, measure,
  time, places) by different speakers or in different sources, compared as intervals — bounds
  and ranges taken into account — as agreement (Info), overlap (Info) or conflict (Violation);
- ``parts_exceed_whole``: parts (``cg:partOf``) added up against their whole ("each" counted once
  per place; a range counts its lower end, never both ends);
- ``share_vs_count``: a share of a whole against a count of the same places of the same whole;
- ``shares_over_100``: shares of one whole for different places adding up past 100 per cent;
- ``figure_drift``: an appearance printing a figure with another bound or value than its claim;
- ``quote_drift``: an appearance whose words differ from the quotation's beyond typography.

The figures and what drift compares come from the store's sidecar index (``claimgraph.index``:
the answers of ``queries/index/*.rq`` kept in SQLite), where only what can give a result is read —
figures of quantities with more than one figure, parts and wholes, appearances that print
another bound, value or words — and are compared here, grouped by a key, so the whole graph is
checked in one pass; ``run_checks(store, claims=…)`` checks only what concerns the given claims
(an import's): their figures with every figure of the same quantities and wholes.
"""
from dataclasses import dataclass, field
from decimal import Decimal

from . import cite
from .model.figures import interval, overlaps, plain
from .model.ids import short_id
from .model.records import details
from .model.words import same_words
from .namespaces import CG_IRI
from .store import Store
from .validate import Severity

BOUND_WORDS = {CG_IRI + "Exact": "exact", CG_IRI + "Approximate": "approximate", CG_IRI + "LowerBound": "lower",
               CG_IRI + "UpperBound": "upper"}


@dataclass
class CheckResult:
    rule: str
    severity: Severity
    focus: str
    message: str
    other: str | None = None
    appearance: str | None = None
    citations: list = field(default_factory=list)

    def lines(self) -> list[str]:
        head = f"{self.severity.value} {short_id(self.focus)}"
        if self.other:
            head += f" ~ {short_id(self.other)}"
        return [f"{head}: {self.message} [{self.rule}]"] + [f"    {c}" for c in self.citations]

    def as_json(self) -> dict:
        return {"rule": self.rule, "severity": self.severity.value, "focus": short_id(self.focus),
                "other": short_id(self.other) if self.other else None, "message": self.message,
                "citations": self.citations}


@dataclass
class Figure:
    claim: str
    key: tuple
    value: Decimal | None
    minimum: Decimal | None
    maximum: Decimal | None
    bound: str
    unit: str
    predicate: str
    whole: str | None
    each: bool
    speakers: frozenset = frozenset()
    to: frozenset = frozenset()

    @property
    def span(self):
        return interval(self.value, self.minimum, self.maximum, self.bound)

    @property
    def low(self) -> Decimal:
        return self.minimum if self.minimum is not None else self.value

    def shown(self) -> str:
        if self.minimum is not None:
            return f"{plain(self.minimum)}-{plain(self.maximum)}"
        return str(plain(self.value))


def _number(x):
    return Decimal(str(x)) if x is not None else None


def figures(index, claims=None) -> dict[str, Figure]:
    """The figures that can take part in a result (or those of ``claims`` and every figure of
    the same quantities and wholes), from the sidecar ``index``."""
    from .index.quantities import figures as figure_rows

    found = {}
    for r in figure_rows(index, claims):
        value = _number(r["value"]) if isinstance(r["value"], (int, float)) else None
        minimum, maximum = _number(r["min"]), _number(r["max"])
        if value is None and minimum is None:
            continue
        places_from, places_to = frozenset(r["from_places"]), frozenset(r["to_places"])
        found[r["claim"]] = Figure(r["claim"], (r["s"], r["p"], r["unit"], r["time"] or "", r["measure"] or "",
                                                bool(r["each"]), places_from, places_to), value, minimum, maximum,
                                   BOUND_WORDS.get(r["bound"], "exact"), r["unit"], r["p"], r["whole"], bool(r["each"]),
                                   frozenset(r["speakers"]), places_to)
    return found


def competing_estimates(figs: dict[str, Figure], only=None) -> list[CheckResult]:
    """Pairs of figures of one quantity from different speakers, or one speaker's different
    figures: agreement, overlap or conflict."""
    groups: dict[tuple, list] = {}
    for f in figs.values():
        groups.setdefault(f.key, []).append(f)
    out = []
    for group in groups.values():
        group.sort(key=lambda f: f.claim)
        for i, a in enumerate(group):
            for b in group[i + 1:]:
                if only is not None and a.claim not in only and b.claim not in only:
                    continue
                same_value = (a.value, a.minimum, a.maximum) == (b.value, b.minimum, b.maximum)
                if overlaps(a.span, b.span):
                    verdict, severity = ("agrees with" if same_value else "overlaps"), Severity.INFO
                else:
                    verdict, severity = "conflicts with", Severity.VIOLATION
                who = "the same speaker's" if a.speakers == b.speakers else "another speaker's"
                out.append(CheckResult("competing_estimates", severity, a.claim,
                                       f"{verdict} {who} figure for the same quantity: {a.shown()} ({a.bound}) "
                                       f"against {b.shown()} ({b.bound})", b.claim))
    return out


def parts_exceed_whole(figs: dict[str, Figure], only=None) -> list[CheckResult]:
    """Parts added up against their whole."""
    parts: dict[str, list] = {}
    for f in figs.values():
        if f.whole and f.whole in figs and f.unit == figs[f.whole].unit and f.unit != "per cent":
            parts.setdefault(f.whole, []).append(f)
    out = []
    for whole_iri, group in sorted(parts.items()):
        whole = figs[whole_iri]
        if only is not None and whole_iri not in only and not any(p.claim in only for p in group):
            continue
        total = sum(p.low * (len(p.to) if p.each and p.to else 1) for p in group)
        top = whole.maximum if whole.maximum is not None else whole.value
        lower = whole.bound == "lower"
        fits = total <= top
        severity = Severity.INFO if fits else Severity.WARNING if lower else Severity.VIOLATION
        message = (f"{len(group)} part(s) add up to {plain(total)}, {'within' if fits else 'more than'} the "
                   f"whole's {plain(top)}" + (" (a lower bound)" if lower else ""))
        out.append(CheckResult("parts_exceed_whole", severity, whole_iri, message))
    return out


def share_vs_count(figs: dict[str, Figure], only=None) -> list[CheckResult]:
    """A share of a whole against a count of the same places that is part of the same whole."""
    out = []
    for share in figs.values():
        if share.unit != "per cent" or not share.whole or share.whole not in figs or not share.to:
            continue
        whole = figs[share.whole]
        for count in figs.values():
            if count.whole != share.whole or count.unit != whole.unit or count.to != share.to or count is share:
                continue
            if only is not None and not {share.claim, count.claim, share.whole} & set(only):
                continue
            implied = 100 * count.low / (whole.minimum if whole.minimum is not None else whole.value)
            lo, hi = share.span
            fits = (lo is None or implied >= lo) and (hi is None or implied <= hi)
            severity = Severity.INFO if fits else Severity.WARNING if whole.bound == "lower" else Severity.VIOLATION
            out.append(CheckResult("share_vs_count", severity, share.claim,
                                   f"{'agrees with' if fits else 'conflicts with'} {count.shown()} of {whole.shown()} "
                                   f"({plain(round(implied, 1))} per cent) for a share of {share.shown()} per cent",
                                   count.claim))
    return out


def shares_over_100(figs: dict[str, Figure], only=None) -> list[CheckResult]:
    """Shares of one whole for different places adding up past 100 per cent."""
    wholes: dict[str, list] = {}
    for f in figs.values():
        if f.unit == "per cent" and f.whole and f.to and f.key[4] == "" and f.bound != "upper":
            wholes.setdefault(f.whole, []).append(f)
    out = []
    for whole, group in sorted(wholes.items()):
        total = sum(f.low for f in group)
        if len(group) > 1 and total > 100 and (only is None or {whole, *(f.claim for f in group)} & set(only)):
            out.append(CheckResult("shares_over_100", Severity.VIOLATION, whole,
                                   f"shares of this whole for different places add up to {plain(total)} per cent"))
    return out


def drift(index, claims=None) -> list[CheckResult]:
    """Appearances that print a figure with another bound or value than their claim, and
    appearances whose words differ from the quotation's beyond typography."""
    from .index.quantities import drift as drift_rows

    rows = sorted(drift_rows(index, claims), key=lambda r: (r["claim"], r["appearance"], repr(r)))
    out = []
    for r in rows:
        if r["exact"] is not None:
            if not same_words(r["words"], r["exact"]):  # a partial quotation of the same words is no drift
                out.append(CheckResult("quote_drift", Severity.WARNING, r["claim"],
                                       f"an appearance prints the quotation as “{r['exact']}”", appearance=r["appearance"]))
        elif r["bound"] != r["claimBound"] or (r["value"] is not None and _number(r["value"]) != _number(r["claimValue"])):
            printed = BOUND_WORDS.get(r["bound"], "?")
            said = BOUND_WORDS.get(r["claimBound"], "?")
            what = (f"bound {printed} where the claim's is {said}" if r["bound"] != r["claimBound"] else
                    f"value {plain(r['value'])} where the claim's is {plain(r['claimValue'])}")
            out.append(CheckResult("figure_drift", Severity.WARNING, r["claim"], f"an appearance prints the figure with "
                                   f"{what}", appearance=r["appearance"]))
    return out


RULES = (competing_estimates, parts_exceed_whole, share_vs_count, shares_over_100)


def run_checks(store: Store, claims=None, cite_info: bool = True, cite_first: int | None = None) -> list[CheckResult]:
    """Every rule on ``store`` (or only what concerns ``claims``); violations first, each with
    the citations of the claims (and of the drifting appearance) it names: agreements only with
    ``cite_info``, and only the first ``cite_first`` results when given (citing is nearly all of
    the work: at 100k claims the rules took 0.3 s, citing their 6,200 results 9 s)."""
    from .index import of

    only = set(claims) if claims is not None else None
    index = of(store)
    figs = figures(index, only)
    results = [r for rule in RULES for r in rule(figs, only)] + drift(index, only)
    order = {Severity.VIOLATION: 0, Severity.WARNING: 1, Severity.INFO: 2}
    results.sort(key=lambda r: (order[r.severity], r.rule, r.focus, r.other or "", r.appearance or ""))
    cited = [r for r in results if cite_info or r.severity is not Severity.INFO][:cite_first]
    for i in range(0, len(cited), 1000):  # records a thousand results at a time: memory stays flat
        _cite(store, cited[i:i + 1000])
    return results


def _cite(store: Store, results: list[CheckResult]) -> None:
    named = sorted({r.focus for r in results} | {r.other for r in results if r.other})
    records = {c.iri: c for c in details(store, named)}
    for r in results:
        for claim_iri in (r.focus, r.other):
            c = records.get(claim_iri)
            if c is None:
                continue
            r.citations.append(f"{c.id} {cite.plain(c)}")
            if r.appearance:
                a = next((a for a in c.appearances if a.iri == r.appearance), None)
                if a is not None and a is not c.first:
                    r.citations.append(f"{a.id} {cite.plain(c, a)}")
