"""What the sidecar index holds, as rows of plain values: the answers of its queries
(``queries/index/*.rq``, ``lib/order_keys.rq``, ``lib/entity_labels.rq``) over a graph or a part
of one. :func:`from_store` asks a store for them; ``claimgraph.index.scan`` reads them from data
files without a store, the same rows for the same triples."""
from dataclasses import dataclass, field

import pyoxigraph as ox

from ..resources import query_text
from ..store import iri, py

#: (name in Rows, query, its projection) of every query the index is made from.
QUERIES = (
    ("statements", "index/claims", ("claim", "text")),
    ("words", "index/words", ("claim", "appearance", "exact")),
    ("printed", "index/printed", ("claim", "printed")),
    ("order", "lib/order_keys", ("claim", "source", "published", "start")),
    ("roles", "index/roles", ("claim", "role", "entity")),  # and figures: _figures
    ("bounds", "index/appearance_bounds", ("claim", "appearance", "bound", "value")),
    ("claim_bounds", "index/claim_bounds", ("claim", "bound", "object")),
    ("quotations", "index/quotations", ("claim", "words")),
)


@dataclass
class Rows:
    """Rows for the index, each a set of tuples in its query's projection order (see
    :data:`QUERIES`); ``labels`` are (entity, label) and ``people`` the entities that are
    people (``lib/entity_labels.rq`` split in two, as a file may hold one and not the other);
    ``countries`` are the answers of index/countries.rq."""
    statements: set = field(default_factory=set)
    words: set = field(default_factory=set)
    printed: set = field(default_factory=set)
    order: set = field(default_factory=set)
    figures: set = field(default_factory=set)
    roles: set = field(default_factory=set)
    bounds: set = field(default_factory=set)
    claim_bounds: set = field(default_factory=set)
    quotations: set = field(default_factory=set)
    labels: set = field(default_factory=set)
    people: set = field(default_factory=set)
    countries: set = field(default_factory=set)

    def update(self, other: "Rows") -> None:
        for name in self.__dataclass_fields__:
            getattr(self, name).update(getattr(other, name))

    def claims(self) -> set:
        """Every claim these rows name."""
        found = set()
        for name, _, _ in QUERIES:
            found.update(r[0] for r in getattr(self, name))
        return found | {r[0] for r in self.figures}


def _figures(store, rows: Rows, bound) -> None:
    """``rows.figures``: index/figures.rq with the ends of each range (index/figure_ranges.rq),
    as the OPTIONAL of the range would give them."""
    query = query_text("index/figures")
    answer = store.query(query).rows if bound is None else store.rows_each(query, bound)
    nodes = sorted({r["object"] for r in answer if not isinstance(r["object"], ox.Literal)}, key=str)
    ranges: dict = {}
    if nodes:
        ends = query_text("index/figure_ranges")
        found = store.query(ends).rows if bound is None else store.rows_each(ends, [{"object": n} for n in nodes])
        for r in found:
            ranges.setdefault(r["object"], []).append((py(r["min"]), py(r["max"])))
    for r in answer:
        obj = r["object"]
        value = py(obj) if isinstance(obj, ox.Literal) else None
        for low, high in ranges.get(obj, [(None, None)]):
            rows.figures.add((py(r["claim"]), py(r["s"]), py(r["p"]), py(r["unit"]), py(r.get("time")),
                              py(r.get("measure")), py(r.get("each")), value, low, high, py(r.get("bound")),
                              py(r.get("whole"))))


def from_store(store, claims=None, entities=None) -> Rows:
    """The index rows of ``store``: of the whole graph, or of the ``claims`` and ``entities``
    given (IRIs; an import's), each asked in batches."""
    rows = Rows()
    whole = claims is None and entities is None
    if whole or claims:
        bound = [{"claim": iri(c)} for c in sorted(claims)] if claims else None
        for name, query, names in QUERIES:
            answer = store.select(query_text(query)) if whole else store.select_each(query_text(query), bound)
            getattr(rows, name).update(tuple(r[n] for n in names) for r in answer)
        rows.statements = {r for r in rows.statements if r[1] is not None}
        _figures(store, rows, None if whole else bound)
    if whole or entities:
        bound = [{"entity": iri(e)} for e in sorted(entities)] if entities else None
        answer = store.select(query_text("lib/entity_labels")) if whole \
            else store.select_each(query_text("lib/entity_labels"), bound)
        for r in answer:
            rows.labels.add((r["entity"], r["label"]))
            if r["person"]:
                rows.people.add(r["entity"])
        countries = query_text("index/countries")
        rows.countries.update(r["entity"] for r in (store.select(countries) if whole else store.select_each(countries, bound)))
        if not whole:  # what else than claims has a speaker or places (a document attributed to someone)
            rows.roles.update((r["claim"], r["role"], r["entity"]) for r in store.select_each(
                query_text("index/roles"), [{"claim": iri(e)} for e in sorted(entities)]))
    return rows
