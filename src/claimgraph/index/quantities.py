"""What ``check`` compares, read from the sidecar index: figures, and the appearances whose
printed figure or words may have drifted from their claim's.

Of the whole graph only what can give a result is read: figures of quantities that have more
than one figure, parts and their wholes; appearances that print another bound or a value, or
other words than their quotation's. For the claims of an import, their figures with the figures
they are compared with among those of the same subject and predicate (as ``check`` after an
import always did): of the same quantities, and the parts and wholes they belong to; and their
appearances.
"""
from .database import unvalue

_FIGURE = ("claim", "s", "p", "unit", "time", "measure", "each", "value", "min", "max", "bound", "whole",
           "speakers", "from_places", "to_places")
_COLUMNS = ", ".join(_FIGURE)
_CONTESTED = f"""
SELECT {_COLUMNS} FROM figures WHERE qkey IN (SELECT qkey FROM figures GROUP BY qkey HAVING COUNT(*) > 1)
UNION SELECT {_COLUMNS} FROM figures WHERE whole IS NOT NULL
UNION SELECT {_COLUMNS} FROM figures WHERE claim IN (SELECT whole FROM figures WHERE whole IS NOT NULL)"""
_FIGURE_DRIFT = """
SELECT ab.claim, ab.appearance, ab.bound, ab.value, cb.bound, cb.object
FROM appearance_bounds ab JOIN claim_bounds cb ON cb.claim = ab.claim
WHERE (ab.bound IS NOT cb.bound OR ab.value IS NOT NULL)"""
_QUOTE_DRIFT = """
SELECT aw.claim, aw.appearance, q.words, aw.exact
FROM appearance_words aw JOIN quotations q ON q.claim = aw.claim
WHERE aw.exact IS NOT q.words"""


def _figure(row) -> dict:
    r = dict(zip(_FIGURE, row))
    for name in ("value", "min", "max"):
        r[name] = unvalue(r[name])
    for name in ("speakers", "from_places", "to_places"):
        r[name] = set(r[name].split("\x1f")) if r[name] else set()
    return r


def _each(db, query: str, column: str, values, batch: int = 500):
    values = sorted(set(values))
    for i in range(0, len(values), batch):
        part = values[i:i + batch]
        yield from db.execute(f"{query} {column} IN ({','.join('?' * len(part))})", part)


def figures(index, claims=None) -> list[dict]:
    """Figure rows (``index/figures.rq`` with speakers and places as sets): of the whole graph
    those that can take part in a result, or for ``claims`` theirs and, among the figures of
    the same subjects and predicates, every figure of the same quantities and wholes."""
    db = index.db
    if claims is None:
        return [_figure(r) for r in db.execute(_CONTESTED)]
    select = f"SELECT {_COLUMNS}, qkey FROM figures WHERE"
    seeds = list(_each(db, select, "claim", claims))
    keys = {r[-1] for r in seeds}
    wholes = {r[11] for r in seeds if r[11]} | {r[0] for r in seeds}
    found = {r[0]: r for r in seeds}
    for query_column, values in (("qkey", keys), ("whole", wholes), ("claim", wholes)):
        for r in _each(db, select, query_column, values):
            found.setdefault(r[0], r)
    pairs = {(r[1], r[2]) for r in seeds}
    return [_figure(r[:-1]) for _, r in sorted(found.items()) if (r[1], r[2]) in pairs]


def drift(index, claims=None) -> list[dict]:
    """Rows of ``checks/drift`` as the rules read them (claim, appearance, claimBound, bound,
    claimValue, value, words, exact): every appearance printing another bound or a value than
    its claim, or other words than its quotation (of ``claims`` only, when given)."""
    db = index.db
    if claims is None:
        bounds, quotes = db.execute(_FIGURE_DRIFT), db.execute(_QUOTE_DRIFT)
    else:
        bounds = _each(db, _FIGURE_DRIFT + " AND", "ab.claim", claims)
        quotes = _each(db, _QUOTE_DRIFT + " AND", "aw.claim", claims)
    rows = [{"claim": c, "appearance": a, "bound": b, "value": unvalue(v), "claimBound": cb,
             "claimValue": unvalue(cv), "words": None, "exact": None} for c, a, b, v, cb, cv in bounds]
    rows += [{"claim": c, "appearance": a, "words": w, "exact": e, "bound": None, "value": None,
              "claimBound": None, "claimValue": None} for c, a, w, e in quotes]
    return rows
