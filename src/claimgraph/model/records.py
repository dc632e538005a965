"""Claims and their appearances as look-ups, citations, checks and pictures use them, read from
any store (embedded, persistent or remote) with a handful of queries whatever their number.

A :class:`Claim` is what someone asserted; each :class:`Appearance` is one place where a source
carries it. A claim's *first appearance* is the one in the earliest-published source (then by
source and position): citations cite it, and ``quote``, ``as_printed`` and ``source`` of a claim
are its first appearance's.
"""
from dataclasses import dataclass, field

import pyoxigraph as ox

from ..namespaces import CG_IRI, DCTERMS_IRI, OA_IRI, PROV_IRI, RDF_IRI, SCHEMA_IRI
from ..resources import query_text
from ..store import Store, iri, py
from .figures import plain
from .ids import short_id
from .vocab import KINDS, MODES

_KIND_OF = {v: k for k, v in KINDS.items()}
_MODE_OF = {v: k for k, v in MODES.items()}


@dataclass
class Appearance:
    """One place where a source carries a claim: the words there, at their offsets in the
    source's archived text, how the figure was printed, the hedge, and the mode: "quotation"
    (the speaker's words), "reported" (the source's paraphrase) or "own" (the source's own)."""
    iri: str
    mode: str
    quote: str
    start: int
    end: int
    source: dict
    as_printed: str | None = None
    bound: str | None = None
    hedge: str | None = None
    speaker_role: str | None = None
    value: float | int | None = None

    @property
    def id(self) -> str:
        return short_id(self.iri)


@dataclass
class Claim:
    """One claim with every appearance, first appearance first."""
    iri: str
    kind: str
    statement: str
    value: float | int | None = None
    minimum: float | int | None = None
    maximum: float | int | None = None
    bound: str | None = None
    unit: str | None = None
    currency: str | None = None
    measure: str | None = None
    time: str | None = None
    each_place: bool = False
    part_of: str | None = None
    words: str | None = None
    subject: str | None = None
    predicate: str | None = None
    obj: str | None = None
    attributed_to: list[str] = field(default_factory=list)
    speakers: list[str] = field(default_factory=list)
    from_places: list[str] = field(default_factory=list)
    to_places: list[str] = field(default_factory=list)
    about: list[str] = field(default_factory=list)
    derived_from: list[str] = field(default_factory=list)
    chain: list[str] = field(default_factory=list)
    appearances: list[Appearance] = field(default_factory=list)

    @property
    def id(self) -> str:
        return short_id(self.iri)

    @property
    def first(self) -> Appearance:
        return self.appearances[0]

    @property
    def quote(self) -> str:
        return self.first.quote

    @property
    def as_printed(self) -> str | None:
        return self.first.as_printed

    @property
    def source(self) -> dict:
        return self.first.source

    @property
    def hedge(self) -> str | None:
        return self.first.hedge

    @property
    def start(self) -> int:
        return self.first.start

    @property
    def end(self) -> int:
        return self.first.end

    @property
    def is_range(self) -> bool:
        return self.minimum is not None and self.maximum is not None


def appearance_order(a: Appearance) -> tuple:
    """Earliest-published source first (undated last), then by source, then position."""
    published = a.source.get("published") or ""
    return (published == "", published, a.source.get("id") or "", a.start, a.iri)


_ROLES = {PROV_IRI + "wasAttributedTo": "attributed_to", SCHEMA_IRI + "fromLocation": "from_places",
          SCHEMA_IRI + "toLocation": "to_places", SCHEMA_IRI + "about": "about",
          PROV_IRI + "wasDerivedFrom": "derived_from"}
_FIELDS = {SCHEMA_IRI + "text": "statement", SCHEMA_IRI + "unitText": "unit", SCHEMA_IRI + "currency": "currency",
           SCHEMA_IRI + "variableMeasured": "measure", SCHEMA_IRI + "temporalCoverage": "time"}
_ANCHOR = {OA_IRI + "exact": "quote", OA_IRI + "start": "start", OA_IRI + "end": "end"}


def details(store: Store, claim_iris: list[str]) -> list[Claim]:
    """Full :class:`Claim` records for ``claim_iris``, in the same order (claims without a kind,
    statement or appearance are left out).

    Reads each claim's triples and its appearances' with one index seek each, then the sources,
    names and labels they point to once each."""
    if not claim_iris:
        return []
    rows = [{"claim": iri(c)} for c in claim_iris]
    triples: dict[str, list] = {}
    for r in store.rows_each(query_text("lib/claim_triples"), rows):
        triples.setdefault(r["claim"].value, []).append((r["p"].value, r["o"]))
    app_triples: dict[str, dict] = {}
    app_claim: dict[str, str] = {}
    for r in store.rows_each(query_text("lib/claim_appearances"), rows):
        a = r["appearance"].value
        app_claim[a] = r["claim"].value
        app_triples.setdefault(a, {}).setdefault(r["p"].value, r["o"])
    anchors: dict[str, dict] = {}
    if app_triples:
        for r in store.select_each(query_text("lib/appearance_anchors"), [{"appearance": iri(a)} for a in sorted(app_triples)]):
            anchors.setdefault(r["appearance"], {}).setdefault(_ANCHOR[r["p"]], r["o"])

    nodes, sources = set(), set()
    for values in app_triples.values():
        for p in (CG_IRI + "bound", CG_IRI + "hedge"):
            if p in values:
                nodes.add(values[p].value)
        if DCTERMS_IRI + "isPartOf" in values:
            sources.add(values[DCTERMS_IRI + "isPartOf"].value)
    claims, firsts, linked = {}, {}, {}
    for claim_iri in claim_iris:
        found = triples.get(claim_iri, [])
        kinds = [_KIND_OF[o.value] for p, o in found if p == RDF_IRI + "type" and o.value in _KIND_OF]
        values = {}
        for p, o in found:
            values.setdefault(p, o)
        if not kinds or SCHEMA_IRI + "text" not in values:
            continue
        c = Claim(iri=claim_iri, kind=kinds[0], statement="")
        for p, name in _FIELDS.items():
            if p in values:
                setattr(c, name, py(values[p]))
        obj = values.get(RDF_IRI + "object")
        c.subject = getattr(values.get(RDF_IRI + "subject"), "value", None)
        c.predicate = getattr(values.get(RDF_IRI + "predicate"), "value", None)
        if c.kind == "statement" and obj is not None:
            c.obj = obj.value
        if c.kind == "figure" and isinstance(obj, ox.Literal):
            c.value = plain(py(obj))
        elif c.kind == "quotation" and isinstance(obj, ox.Literal):
            c.words = obj.value
        c.each_place = bool(py(values.get(CG_IRI + "eachPlace")))
        if CG_IRI + "partOf" in values:
            c.part_of = short_id(values[CG_IRI + "partOf"].value)
        if CG_IRI + "bound" in values:
            nodes.add(values[CG_IRI + "bound"].value)
        links = [(_ROLES[p], o.value) for p, o in found if p in _ROLES and isinstance(o, ox.NamedNode)]
        c.speakers = sorted(o.value for p, o in found if p == PROV_IRI + "wasAttributedTo")
        nodes.update(entity for _, entity in links)
        claims[claim_iri], firsts[claim_iri], linked[claim_iri] = c, values, links
    ranges = {firsts[c][RDF_IRI + "object"].value: c for c in claims
              if claims[c].kind == "figure" and isinstance(firsts[c].get(RDF_IRI + "object"), ox.NamedNode)}
    if ranges:
        for r in store.rows_each(query_text("lib/claim_triples"), [{"claim": iri(n)} for n in sorted(ranges)]):
            c = claims[ranges[r["claim"].value]]
            if r["p"].value == SCHEMA_IRI + "minValue":
                c.minimum = plain(py(r["o"]))
            elif r["p"].value == SCHEMA_IRI + "maxValue":
                c.maximum = plain(py(r["o"]))

    names, labels = {}, {}
    if nodes:
        for r in store.select_each(query_text("lib/node_labels"), [{"node": iri(n)} for n in sorted(nodes)]):
            if r["name"] is not None:
                names.setdefault(r["node"], r["name"])
            if r["label"] is not None:
                labels.setdefault(r["node"], r["label"])
    documents = source_records(store, sorted(sources))

    for a, values in app_triples.items():
        c = claims.get(app_claim[a])
        anchor = anchors.get(a, {})
        source = values.get(DCTERMS_IRI + "isPartOf")
        if c is None or len(anchor) < 3 or source is None:
            continue
        mode = values.get(CG_IRI + "mode")
        value = values.get(SCHEMA_IRI + "value")
        c.appearances.append(Appearance(
            iri=a, mode=_MODE_OF.get(mode.value, "reported") if mode is not None else "reported",
            quote=anchor["quote"], start=anchor["start"], end=anchor["end"],
            source=dict(documents.get(source.value) or {"id": short_id(source.value)}),
            as_printed=py(values[CG_IRI + "asPrinted"]) if CG_IRI + "asPrinted" in values else None,
            bound=labels.get(getattr(values.get(CG_IRI + "bound"), "value", None)),
            hedge=labels.get(getattr(values.get(CG_IRI + "hedge"), "value", None)),
            speaker_role=py(values[CG_IRI + "speakerRole"]) if CG_IRI + "speakerRole" in values else None,
            value=plain(py(value)) if value is not None else None))

    derived = {}
    for claim_iri, c in claims.items():
        c.appearances.sort(key=appearance_order)
        c.bound = labels.get(getattr(firsts[claim_iri].get(CG_IRI + "bound"), "value", None))
        # as SPARQL's ORDER BY ?name would: entities without a name first, then by name
        for attr, entity in sorted(linked[claim_iri], key=lambda link: (link[1] in names, names.get(link[1], ""))):
            label = names.get(entity) or short_id(entity)
            if label not in getattr(c, attr):
                getattr(c, attr).append(label)
            if attr == "derived_from":
                derived.setdefault(claim_iri, []).append(entity)
    docs = _documents(store, [d for ds in derived.values() for d in ds])
    for claim_iri, c in claims.items():
        c.chain = _chain(docs, derived.get(claim_iri, []))
    return [claims[i] for i in claim_iris if i in claims and claims[i].appearances]


def source_records(store: Store, sources: list[str]) -> dict[str, dict]:
    """What citations need of each document: id, title, publisher, author ("; "-joined),
    published, url, retrieved."""
    documents = {}
    if not sources:
        return documents
    for r in store.select_each(query_text("lib/source_details"), [{"source": iri(s)} for s in sources]):
        doc = documents.get(r["source"])
        if doc is None:
            documents[r["source"]] = doc = {
                "id": short_id(r["source"]), "title": r["title"], "publisher": r["publisher"], "author": r["author"],
                "published": r["published"], "url": r["url"], "retrieved": r["retrieved"]}
        elif r["author"] and r["author"] not in (doc["author"] or "").split("; "):
            doc["author"] = f"{doc['author']}; {r['author']}" if doc["author"] else r["author"]
    return documents


def _documents(store: Store, start: list[str], depth: int = 8) -> dict[str, tuple]:
    """(label, upstream documents) of every document reachable from ``start`` by derivation."""
    docs, frontier = {}, sorted(set(start))
    while frontier and depth:
        rows = store.select_each(query_text("lib/derivation_chain"), [{"doc": iri(d)} for d in frontier])
        for d in frontier:
            mine = [r for r in rows if r["doc"] == d]
            docs[d] = (next((r["label"] for r in mine if r["label"]), None),
                       [r["upstream"] for r in mine if r["upstream"]])
        frontier = sorted({u for d in frontier for u in docs[d][1] if u not in docs})
        depth -= 1
    return docs


def _chain(docs: dict, start: list[str]) -> list[str]:
    """Who a claim was taken from, nearest first: ["Institute for the Study of War", "The Bell"]."""
    chain, seen, frontier = [], set(), list(start)
    while frontier:
        doc = frontier.pop(0)
        if doc in seen or doc not in docs:
            continue
        seen.add(doc)
        label, upstream = docs[doc]
        if label and label not in chain:
            chain.append(label)
        frontier.extend(upstream)
    return chain
