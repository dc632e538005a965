"""Finding claims: by a figure however it is written, a word or phrase of the quote, or a person,
organisation, place or source; each answer carries what its citation needs.

Every value a user types reaches SPARQL as a bound term (see :func:`claimgraph.store.bind_values`).
"""
import re
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation

import pyoxigraph as ox

from .errors import NotFound
from .ids import expand_id, short_id
from .namespaces import CG_IRI, OA_IRI, PROV_IRI, RDF_IRI, SCHEMA_IRI, XSD_IRI
from .resources import query_text
from .store import Store, iri, py, term

_SCALES = {"thousand": 1_000, "k": 1_000, "million": 1_000_000, "m": 1_000_000, "mn": 1_000_000,
           "billion": 1_000_000_000, "bn": 1_000_000_000}
_NUMBER = re.compile(r"^(?P<num>\d{1,3}(?:[,\u202f\u00a0 ]\d{3})+|\d+)(?P<frac>\.\d+)?\s*"
                     r"(?P<scale>thousand|million|billion|k|m|mn|bn)?\s*(?P<pct>%|per ?cent|percent)?$",
                     re.IGNORECASE)


def parse_figure(text: str):
    """The number a figure as written stands for ("650,000", "650000", "1.6 million", "80%"),
    as int where whole, else float; None if ``text`` is not a figure."""
    m = _NUMBER.match(text.strip())
    if not m:
        return None
    digits = re.sub(r"[,\u202f\u00a0 ]", "", m.group("num")) + (m.group("frac") or "")
    try:
        value = Decimal(digits) * _SCALES.get((m.group("scale") or "").lower(), 1)
    except InvalidOperation:
        return None
    return int(value) if value == value.to_integral_value() else float(value)


@dataclass
class Claim:
    """One claim as a look-up answers it."""
    iri: str
    kind: str
    statement: str
    quote: str | None = None
    start: int | None = None
    end: int | None = None
    value: float | int | None = None
    as_printed: str | None = None
    bound: str | None = None
    unit: str | None = None
    measure: str | None = None
    time: str | None = None
    each_place: bool = False
    part_of: str | None = None
    hedge: str | None = None
    attributed_to: list[str] = field(default_factory=list)
    from_places: list[str] = field(default_factory=list)
    to_places: list[str] = field(default_factory=list)
    about: list[str] = field(default_factory=list)
    derived_from: list[str] = field(default_factory=list)
    source: dict = field(default_factory=dict)
    chain: list[str] = field(default_factory=list)

    @property
    def id(self) -> str:
        return short_id(self.iri)


def _claim_set(store: Store, name: str, bindings, limit: int | None = None) -> set[str]:
    """The ?claim column of the shipped query ``name``; at most ``limit`` rows when given (a
    number of ours, never user text, is all that is added to the query)."""
    text = query_text(name) + (f"\nLIMIT {int(limit)}" if limit else "")
    return {row["claim"] for row in store.select(text, bindings)}


def entities_named(store: Store, name: str) -> set[str]:
    """IRIs of entities whose name, alternative label, ISO code, title or local id
    (``person/pavel``) is ``name``: an exact (indexed) match first, else case-insensitive."""
    name = name.strip()
    found = {row["entity"] for row in store.select(query_text("lib/find_entities_exact"), {"label": name})}
    if "/" in name and not name.startswith(("http://", "https://")):
        found |= {row["node"] for row in store.select(query_text("lib/node_exists"), {"node": iri(expand_id(name))})}
    if not found:
        found = {row["entity"] for row in store.select(query_text("lib/find_entities"), {"name": name.lower()})}
    return found


ROLE_QUERIES = {"speaker": ("lib/claims_by_speaker",), "place": ("lib/claims_by_place",),
                "source": ("lib/claims_by_source",),
                "any": ("lib/claims_by_speaker", "lib/claims_by_place", "lib/claims_by_source", "lib/claims_by_topic")}


def claims_involving(store: Store, name: str, role: str, limit: int | None = None, entities=None) -> set[str]:
    """Claims that involve the entities named ``name`` as "speaker", "place", "source" or "any"."""
    entities = entities_named(store, name) if entities is None else entities
    rows = [{"entity": iri(e)} for e in entities]
    found = set()
    for query in ROLE_QUERIES[role] if rows else ():
        found |= _claim_set(store, query, rows, limit)
    return found


def value_terms(number) -> list:
    """The literals a value may be stored as: xsd:integer when whole, and xsd:decimal."""
    decimal = ox.NamedNode(XSD_IRI + "decimal")
    value = Decimal(str(number))
    if value == value.to_integral_value():
        return [term(int(value)), ox.Literal(f"{int(value)}", datatype=decimal),
                ox.Literal(f"{int(value)}.0", datatype=decimal)]
    return [ox.Literal(format(value.normalize(), "f"), datatype=decimal)]


def _by_text(store: Store, text: str, limit: int | None = None) -> set[str]:
    """Claims whose quote, statement or printed figure holds ``text`` as whole words: a scan of
    each of the three (8 s at 1M claims), then the claims the matches belong to."""
    words = re.compile(r"(?<!\w)" + re.escape(text.strip()) + r"(?!\w)", re.IGNORECASE)
    hits = {}
    for predicate in (OA_IRI + "exact", SCHEMA_IRI + "text", CG_IRI + "asPrinted"):
        rows = store.select(query_text("lib/find_text"), {"predicate": iri(predicate), "text": text.strip().lower()})
        hits[predicate] = sorted({r["node"] for r in rows if words.search(r["words"])})
    found = set()
    if hits[OA_IRI + "exact"]:
        found |= {r["claim"] for r in store.select_each(query_text("lib/claims_quoting"),
                                                     [{"selector": iri(n)} for n in hits[OA_IRI + "exact"]])}
    others = sorted(set(hits[SCHEMA_IRI + "text"]) | set(hits[CG_IRI + "asPrinted"]))
    if others:  # schema:text is also an archived text's: keep the claims
        found |= {r["claim"] for r in store.select_each(query_text("lib/claims_among"), [{"claim": iri(n)} for n in others])}
    return set(sorted(found)[:limit] if limit else found)


def find(store: Store, term: str | None = None, *, speaker=None, place=None, source=None,
         minimum=None, maximum=None, limit: int | None = None) -> list[Claim]:
    """Claims matching ``term`` (a figure, phrase or name) and every filter given.

    ``term`` is read as a figure if it writes one ("650,000", "1.6 million", "85%": claims with
    that value), else as a name if an entity has it (claims it made, is about, or published),
    else as words of a quote, statement or printed figure. ``speaker``, ``place``, ``source``
    name entities; ``minimum``/``maximum`` bound the value. Figures and names are index
    look-ups; words and ranges scan. Answers: the named speaker's own claims first, then by
    source and position in the text; at most ``limit``. Raises NotFound when nothing matches."""
    criteria = [x for x in (term, speaker, place, source) if x] + ([1] if minimum is not None or maximum is not None else [])
    cap = limit if len(criteria) == 1 else None  # a single criterion may stop at the limit
    sets, first = [], set()
    if term:
        figure = parse_figure(term)
        matched = _claim_set(store, "lib/find_by_value_exact", [{"value": t} for t in value_terms(figure)], cap) \
            if figure is not None else set()
        if not matched:
            entities = entities_named(store, term)
            if entities:
                first = claims_involving(store, term, "speaker", cap, entities)
                matched = first | claims_involving(store, term, "any", cap, entities)
            else:
                matched = _by_text(store, term, cap)
        sets.append(matched)
    for name, role in ((speaker, "speaker"), (place, "place"), (source, "source")):
        if name:
            sets.append(claims_involving(store, name, role, cap))
    if minimum is not None or maximum is not None:
        sets.append(_claim_set(store, "lib/find_by_value", {
            "min": minimum if minimum is not None else -1e300,
            "max": maximum if maximum is not None else 1e300}, cap))
    if not sets:
        raise NotFound("say what to look for: a figure, phrase or name, or a filter")
    found = set.intersection(*sets)
    if not found:
        raise NotFound(f"no claim matches {describe_search(term, speaker, place, source, minimum, maximum)}")
    ordered = sorted(found, key=lambda c: (c not in first, c))
    claims = details(store, ordered[:limit] if limit else ordered)
    claims.sort(key=lambda c: (c.iri not in first, c.source.get("title") or "", c.start or 0))
    return claims


def describe_search(term=None, speaker=None, place=None, source=None, minimum=None, maximum=None) -> str:
    parts = [repr(term)] if term else []
    parts += [f"{k} {v!r}" for k, v in (("speaker", speaker), ("place", place), ("source", source)) if v]
    parts += [f"{k} {v}" for k, v in (("min", minimum), ("max", maximum)) if v is not None]
    return ", ".join(parts)


_KINDS = {CG_IRI + "FigureClaim": "figure", CG_IRI + "QuotationClaim": "quotation",
          CG_IRI + "StatementClaim": "statement"}
_ROLES = {PROV_IRI + "wasAttributedTo": "attributed_to", SCHEMA_IRI + "fromLocation": "from_places",
          SCHEMA_IRI + "toLocation": "to_places", SCHEMA_IRI + "about": "about",
          PROV_IRI + "wasDerivedFrom": "derived_from"}
_FIELDS = {SCHEMA_IRI + "text": "statement", CG_IRI + "asPrinted": "as_printed", SCHEMA_IRI + "unitText": "unit",
           SCHEMA_IRI + "variableMeasured": "measure", SCHEMA_IRI + "temporalCoverage": "time"}
_ANCHOR = {OA_IRI + "exact": "quote", OA_IRI + "start": "start", OA_IRI + "end": "end"}


def details(store: Store, claim_iris: list[str]) -> list[Claim]:
    """Full :class:`Claim` records for ``claim_iris``, in the same order (claims without a
    kind, statement, source or anchor are left out).

    Reads each claim's triples with one index seek, then the sources, names and labels they
    point to once each: a handful of queries whatever the number of claims."""
    if not claim_iris:
        return []
    rows = [{"claim": iri(c)} for c in claim_iris]
    triples: dict[str, list] = {}
    for r in store.rows_each(query_text("lib/claim_triples"), rows):
        triples.setdefault(r["claim"].value, []).append((r["p"].value, r["o"]))
    anchors: dict[str, dict] = {}
    for r in store.select_each(query_text("lib/claim_anchors"), rows):
        anchors.setdefault(r["claim"], {}).setdefault(_ANCHOR[r["p"]], r["o"])
    claims, firsts, linked, nodes = {}, {}, {}, set()
    for claim_iri in claim_iris:
        found = triples.get(claim_iri, [])
        kinds = [_KINDS[o.value] for p, o in found if p == RDF_IRI + "type" and o.value in _KINDS]
        values = {}
        for p, o in found:
            values.setdefault(p, o)
        source = values.get(SCHEMA_IRI + "appearance")
        if not kinds or SCHEMA_IRI + "text" not in values or source is None or len(anchors.get(claim_iri, {})) < 3:
            continue
        c = Claim(iri=claim_iri, kind=kinds[0], statement="", **anchors[claim_iri])
        for p, name in _FIELDS.items():
            if p in values:
                setattr(c, name, py(values[p]))
        if c.kind == "figure" and RDF_IRI + "object" in values:
            c.value = py(values[RDF_IRI + "object"])
        c.each_place = bool(py(values.get(CG_IRI + "eachPlace")))
        if CG_IRI + "partOf" in values:
            c.part_of = short_id(values[CG_IRI + "partOf"].value)
        for p in (CG_IRI + "bound", CG_IRI + "hedge"):
            if p in values:
                nodes.add(values[p].value)
        links = [(_ROLES[p], o.value) for p, o in found if p in _ROLES and isinstance(o, ox.NamedNode)]
        nodes.update(entity for _, entity in links)
        claims[claim_iri], firsts[claim_iri], linked[claim_iri] = c, values, links
    names, labels = {}, {}
    if nodes:
        for r in store.select_each(query_text("lib/node_labels"), [{"node": iri(n)} for n in sorted(nodes)]):
            if r["name"] is not None:
                names.setdefault(r["node"], r["name"])
            if r["label"] is not None:
                labels.setdefault(r["node"], r["label"])
    documents = {}
    sources = sorted({values[SCHEMA_IRI + "appearance"].value for values in firsts.values()})
    if sources:  # one row per source at least: the query's patterns are all OPTIONAL
        for r in store.select_each(query_text("lib/source_details"), [{"source": iri(s)} for s in sources]):
            doc = documents.get(r["source"])
            if doc is None:
                documents[r["source"]] = doc = {
                    "id": short_id(r["source"]), "title": r["title"], "publisher": r["publisher"], "author": r["author"],
                    "published": r["published"], "url": r["url"], "retrieved": r["retrieved"]}
            elif r["author"] and r["author"] not in (doc["author"] or "").split("; "):
                doc["author"] = f"{doc['author']}; {r['author']}" if doc["author"] else r["author"]
    derived = {}
    for claim_iri, c in claims.items():
        values = firsts[claim_iri]
        c.bound = labels.get(getattr(values.get(CG_IRI + "bound"), "value", None))
        c.hedge = labels.get(getattr(values.get(CG_IRI + "hedge"), "value", None))
        c.source = dict(documents[values[SCHEMA_IRI + "appearance"].value])
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
    return [claims[i] for i in claim_iris if i in claims]


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
        nxt = []
        for d in frontier:
            if d in seen or d not in docs:
                continue
            seen.add(d)
            label, upstream = docs[d]
            if label and label not in chain:
                chain.append(label)
            nxt.extend(upstream)
        frontier = nxt
    return chain
