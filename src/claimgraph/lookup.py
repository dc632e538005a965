"""Finding claims: by a figure however it is written, a word or phrase of its words, or a person,
organisation, place or source; each answer is a :class:`~claimgraph.model.records.Claim` with its
appearances, carrying what its citation needs.

Answers come in a stable order: for a name, the claims that entity made first; then by first
appearance — the earliest-published source first (undated last), then by source, then by
position in the text. ``limit`` counts claims after every filter.

Every value a user types reaches SPARQL as a bound term (see :func:`claimgraph.store.bind_values`).
"""
import re
from decimal import Decimal
from itertools import islice

import pyoxigraph as ox

from .errors import ClaimgraphError, NotFound
from .model.words import fold
from .model.figures import read_figure
from .model.ids import expand_id
from .model.records import Claim, details
from .namespaces import CG_IRI, OA_IRI, SCHEMA_IRI, XSD_IRI
from .resources import query_text
from .store import Store, iri, term


def parse_figure(text: str):
    """The number a figure as written stands for ("650,000", "650000", "1.6 million", "80%",
    "2 in 5"), as int where whole, else float; None if ``text`` is not a figure."""
    reading = read_figure(text)
    if reading is None:
        return None
    value = reading.value
    return int(value) if value == value.to_integral_value() else float(value)


def _claim_set(store: Store, name: str, bindings, limit: int | None = None) -> set[str]:
    """The ?claim column of the shipped query ``name``; at most ``limit`` rows when given (a
    number of ours, never user text, is all that is added to the query)."""
    text = query_text(name) + (f"\nLIMIT {int(limit)}" if limit else "")
    return {row["claim"] for row in store.select(text, bindings)}


def entities_named(store: Store, name: str) -> set[str]:
    """IRIs of entities whose name, alternative label, ISO code, title or local id
    (``person/pavel``) is ``name``: an exact (indexed) match first, else case-insensitive, else
    with accents aside, else a person's surname when only one person has it."""
    name = " ".join(name.split())
    if not name:
        return set()
    index = store.index(build=False)
    found = {row["entity"] for row in store.select(query_text("lib/find_entities_exact"), {"label": name})}
    if "/" in name and not name.startswith(("http://", "https://")):
        try:
            node = iri(expand_id(name))
        except ClaimgraphError:  # not an id: a name with a slash
            node = None
        if node is not None:
            found |= {row["node"] for row in store.select(query_text("lib/node_exists"), {"node": node})}
    if not found and index is not None:
        return index.entities(name)
    if not found:
        found = {row["entity"] for row in store.select(query_text("lib/find_entities"), {"name": name.lower()})}
    if not found:
        wanted = fold(name)
        rows = store.select(query_text("lib/entity_labels"))
        found = {r["entity"] for r in rows if fold(r["label"]) == wanted}
        if not found and " " not in wanted:
            people = {r["entity"] for r in rows if r["person"] and len(fold(r["label"]).split()) > 1
                      and fold(r["label"]).split()[-1] == wanted}
            found = people if len(people) == 1 else set()
    return found


def _named_exactly(store: Store, name: str) -> bool:
    """Whether an entity's name, alternative label, code or title is ``name`` exactly as typed."""
    return bool(store.select(query_text("lib/find_entities_exact"), {"label": " ".join(name.split())}))


ROLE_QUERIES = {"speaker": ("lib/claims_by_speaker",), "place": ("lib/claims_by_place",),
                "source": ("lib/claims_by_source",),
                "any": ("lib/claims_by_speaker", "lib/claims_by_place", "lib/claims_by_source", "lib/claims_by_topic")}


def claims_involving(store: Store, name: str, role: str, limit: int | None = None, entities=None) -> set[str]:
    """Claims that involve the entities named ``name`` as "speaker", "place", "source" or "any"
    (speakers and places from the store's index when it has one: the same claims)."""
    entities = entities_named(store, name) if entities is None else entities
    rows = [{"entity": iri(e)} for e in entities]
    index = store.index(build=False) if limit is None else None
    found = set()
    for query in ROLE_QUERIES[role] if rows else ():
        kind = _INDEXED_ROLES.get(query)
        found |= index.claims_of(entities, kind) if index is not None and kind else _claim_set(store, query, rows, limit)
    return found


_INDEXED_ROLES = {"lib/claims_by_speaker": "speaker", "lib/claims_by_place": "place"}


def value_terms(number) -> list:
    """The literals a value may be stored as: xsd:integer when whole, and xsd:decimal."""
    decimal = ox.NamedNode(XSD_IRI + "decimal")
    value = Decimal(str(number))
    if value == value.to_integral_value():
        return [term(int(value)), ox.Literal(f"{int(value)}", datatype=decimal),
                ox.Literal(f"{int(value)}.0", datatype=decimal)]
    return [ox.Literal(format(value.normalize(), "f"), datatype=decimal)]


def by_words(store: Store, text: str, exact: bool = False):
    """Claims whose words (in any appearance), statement or printed figure hold the words of
    ``text`` — stemmed, or with ``exact`` as written — from the store's index (an iterator in
    look-up order, read as needed; see :mod:`claimgraph.index.search`), else, for an endpoint
    with no index of its own or a term without words, as written by a scan (a set)."""
    index = store.index()
    found = index.matches(text, exact) if index is not None else None
    return found if found is not None else _by_text(store, text)


_QUOTED = re.compile(r'^\s*["\u201c](.+)["\u201d]\s*$', re.DOTALL)


def _by_text(store: Store, text: str) -> set[str]:
    """Claims whose words (in any appearance), statement or printed figure hold ``text`` as
    whole words, as written (no stems): a scan of each of the three, then the claims the
    matches belong to."""
    words = re.compile(r"(?<!\w)" + re.escape(text.strip()) + r"(?!\w)", re.IGNORECASE)
    hits = {}
    for predicate in (OA_IRI + "exact", SCHEMA_IRI + "text", CG_IRI + "asPrinted"):
        rows = store.select(query_text("lib/find_text"), {"predicate": iri(predicate), "text": text.strip().lower()})
        hits[predicate] = sorted({r["node"] for r in rows if words.search(r["words"])})
    found = set()
    if hits[OA_IRI + "exact"]:
        found |= {r["claim"] for r in store.select_each(query_text("lib/claims_quoting"),
                                                     [{"selector": iri(n)} for n in hits[OA_IRI + "exact"]])}
    if hits[CG_IRI + "asPrinted"]:
        found |= {r["claim"] for r in store.select_each(query_text("lib/appearance_claims"),
                                                     [{"node": iri(n)} for n in hits[CG_IRI + "asPrinted"]])}
    if hits[SCHEMA_IRI + "text"]:  # schema:text is also an archived text's: keep the claims
        found |= {r["claim"] for r in store.select_each(query_text("lib/claims_among"),
                                                     [{"claim": iri(n)} for n in hits[SCHEMA_IRI + "text"]])}
    return found


def order(store: Store, claims) -> list[str]:
    """``claims`` in look-up order: by first appearance (earliest-published source first,
    undated last; then source; then position), then by IRI (from the store's index when it has
    one: the same order)."""
    index = store.index(build=False)
    if index is not None:
        return index.order(claims)
    keys = {}
    for r in store.select_each(query_text("lib/order_keys"), [{"claim": iri(c)} for c in sorted(claims)]):
        published = r["published"] or ""
        key = (published == "", str(published), r["source"], r["start"])
        if r["claim"] not in keys or key < keys[r["claim"]]:
            keys[r["claim"]] = key
    return sorted(claims, key=lambda c: (keys.get(c, (True, "", "", 0)), c))


def find(store: Store, term: str | None = None, *, speaker=None, place=None, source=None,
         minimum=None, maximum=None, limit: int | None = None) -> list[Claim]:
    """Claims matching ``term`` (a figure, phrase or name) and every filter given.

    ``term`` is read as a figure if it writes one ("650,000", "1.6 million", "85%": claims with
    that value, or a range with that end), else as a name if an entity has it (claims it made,
    is about, or published; when the name matched only case and accents aside, also claims with
    those words), else as words of a quote, statement or printed figure: any form of them (stems,
    case and accents aside), or, in quotation marks, as written.
    ``speaker``, ``place``, ``source`` name entities; ``minimum``/``maximum`` bound the value.
    Answers in the module's documented order, at most ``limit`` after every filter. Raises
    NotFound when nothing matches."""
    sets, first, stream = [], set(), None
    if term:
        figure = parse_figure(term)
        matched = set()
        if figure is not None:
            values = [{"value": t} for t in value_terms(figure)]
            for query in ("lib/find_by_value_exact", "lib/find_by_range_end", "lib/find_by_printed_value"):
                matched |= _claim_set(store, query, values)
        if not matched:
            entities = entities_named(store, term)
            if entities:
                first = claims_involving(store, term, "speaker", entities=entities)
                matched = first | claims_involving(store, term, "any", entities=entities)
            if not entities or not _named_exactly(store, term):
                # a name matched only case and accents aside may be words too: "Ve" (a quotation cut
                # after two letters) is also Venezuela's code
                quoted = _QUOTED.match(term)
                words = by_words(store, quoted.group(1), exact=True) if quoted else by_words(store, term)
                if isinstance(words, set) or matched:
                    matched = matched | set(words)
                else:  # from the index, in look-up order: read as needed
                    stream, matched = words, None
        if matched is not None:
            sets.append(matched)
    for name, role in ((speaker, "speaker"), (place, "place"), (source, "source")):
        if name:
            sets.append(claims_involving(store, name, role))
    if minimum is not None or maximum is not None:
        sets.append(_claim_set(store, "lib/find_by_value", {
            "min": minimum if minimum is not None else -1e300,
            "max": maximum if maximum is not None else 1e300}))
    if not sets and stream is None:
        raise NotFound("say what to look for: a figure, phrase or name, or a filter")
    if stream is not None:  # claims of the words in order, kept if every filter has them
        ordered = (c for c in stream if all(c in s for s in sets))
    else:
        ranked = order(store, set.intersection(*sets))
        ordered = iter([c for c in ranked if c in first] + [c for c in ranked if c not in first])
    claims = []
    while True:  # claims without an appearance are left out by details(): then more are read
        batch = list(islice(ordered, min(limit - len(claims), 200) if limit else 200))
        if not batch:
            break
        claims += details(store, batch)
        if limit and len(claims) >= limit:
            break
    if not claims:
        raise NotFound(f"no claim matches {describe_search(term, speaker, place, source, minimum, maximum)}")
    return claims[:limit] if limit else claims


def describe_search(term=None, speaker=None, place=None, source=None, minimum=None, maximum=None) -> str:
    def shown(text):
        return repr(text if len(text) <= 80 else text[:77] + "...")

    parts = [shown(term)] if term else []
    parts += [f"{k} {shown(v)}" for k, v in (("speaker", speaker), ("place", place), ("source", source)) if v]
    parts += [f"{k} {v}" for k, v in (("min", minimum), ("max", maximum)) if v is not None]
    return ", ".join(parts)
