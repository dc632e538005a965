"""People, organisations, places, events and documents as a sheet names them.

An :class:`EntityIndex` finds an entity by its name, an alternative name, an ISO code or its
local id (``person/vladimir-putin``), case and accents aside, and a person by surname alone when
only one person has it. What the graph does not know yet is minted into ``new`` (triples for the
source's file): a country by its ISO 3166 name or code (pycountry, offline), anything written
with a hint (``Anna Petrova [person]``, ``Finion [organisation]``, ``Finion client survey
[document]``, ``Mobilisation in Russia [event]``, ``Tbilisi [place]``), and the entities a
sheet's entity rows define.
"""
import re

from rdflib import RDF, Graph, Literal, URIRef
from rdflib.namespace import SKOS

from ..namespaces import ID, ID_IRI, PROV, SCHEMA
from .vocab import ENTITY_KIND_WORDS, ENTITY_KINDS, ENTITY_TYPES
from .words import fold, slug

HINT = re.compile(r"^(?P<name>.+?)\s*\[(?P<kind>person|organisation|organization|event|document|place)\]$",
                  re.IGNORECASE)


class EntityIndex:
    """Names -> entity IRIs, and the triples of entities minted while reading a sheet."""

    def __init__(self, labels=(), people=(), folded=None):
        """``labels``: (entity IRI, label) pairs; ``people``: IRIs of people (for surnames);
        ``folded``: label -> its folded form, where known already (the sidecar index keeps it)."""
        self._by_key: dict[str, str] = {}
        self._people = set(map(str, people))
        self._surnames: dict[str, set] = {}
        self._folded = folded or {}
        self.names: dict[str, str] = {}
        self.new = Graph()
        for node, label in labels:
            self._remember(str(node), str(label))
        self._in_graph = set(self.names)  # described in the graph already: type and name are there

    @classmethod
    def from_store(cls, store) -> "EntityIndex":
        """The labels of every entity of ``store``: from its index when it has one (the same
        rows), else by a query."""
        from ..resources import query_text

        index = store.index(build=False)
        folded = {}
        if index is not None:
            rows = []
            for e, label, person, key in index.labels():
                rows.append((e, label, person))
                folded[label] = key
        else:
            rows = [(r["entity"], str(r["label"]), bool(r["person"]))
                    for r in store.select(query_text("lib/entity_labels"))]
        rows = sorted(set(rows))  # one order whichever answers: of two entities with one name, the same is taken
        return cls(((e, label) for e, label, _ in rows), (e for e, _, person in rows if person), folded)

    # ------------------------------------------------------------------ finding

    def _remember(self, node: str, *names: str) -> str:
        for n in names:
            if not n:
                continue
            key = self._folded.get(n)
            if key is None:
                key = fold(n)
            self._by_key.setdefault(key, node)
            self.names.setdefault(node, n)
            if node in self._people:
                parts = key.split()
                if len(parts) > 1:
                    self._surnames.setdefault(parts[-1], set()).add(node)
        if node.startswith(ID_IRI):
            self._by_key.setdefault(fold(node[len(ID_IRI):]), node)
        return node

    def lookup(self, name: str) -> str | None:
        """The IRI named ``name`` (no minting), or None."""
        key = fold(name)
        found = self._by_key.get(key)
        if found is None and name.startswith(("http://", "https://")) and name in self.names:
            found = name
        if found is None:
            people = self._surnames.get(key, set())
            if len(people) == 1 and " " not in key:
                found = next(iter(people))
        return found

    def find(self, name: str, mint: bool = True) -> str | None:
        """The IRI named ``name``; with ``mint``, a hinted entity or an ISO country is added."""
        name = " ".join(name.split())
        found = self.lookup(name)
        if found is not None or not mint:
            return found
        hint = HINT.match(name)
        if hint:
            kind = hint.group("kind").lower()
            return self.define(ENTITY_KIND_WORDS.get(kind, kind), hint.group("name"))
        return self._mint_country(name)

    def suggestions(self, name: str, n: int = 3) -> list[str]:
        """The known names nearest to ``name``, for an error message."""
        from rapidfuzz import process

        names = sorted(set(self.names.values()))
        return [m[0] for m in process.extract(name, names, limit=n, score_cutoff=60)]

    # ------------------------------------------------------------------ minting

    def define(self, kind: str, name: str, aliases=(), type_word: str = "", role: str = "", time=None,
               url: str = "", makers=(), derived_from=(), about=()) -> str:
        """Mint an entity of ``kind`` (person, organisation, event, document, place) named
        ``name`` unless one of that name exists; add what is given. Returns its IRI."""
        folder, types = ENTITY_KINDS[kind]
        node = self.lookup(name)
        if node is None:
            node = str(ID[f"{folder}/{slug(name)}"])
            if kind == "person":
                self._people.add(node)
            self._remember(node, name)
        n = URIRef(node)
        g = self.new
        if node not in self._in_graph and (n, RDF.type, None) not in g:
            for t in types:
                g.add((n, RDF.type, URIRef(t)))
            g.add((n, SCHEMA.name if kind != "document" else SCHEMA.headline, Literal(name)))
        if type_word:
            g.add((n, RDF.type, SCHEMA[ENTITY_TYPES[kind][type_word]]))
            if kind in ("organisation", "document"):
                g.add((n, SCHEMA.genre, Literal(type_word)))
        for alias in aliases:
            g.add((n, SKOS.altLabel, Literal(alias)))
            if kind == "person":
                self._people.add(node)
            self._remember(node, alias)
        if role:
            g.add((n, SCHEMA.jobTitle, Literal(role)))
        if time is not None:
            g.add((n, SCHEMA.datePublished if kind == "document" else SCHEMA.startDate, time))
        if url:
            g.add((n, SCHEMA.url, URIRef(url)))
        for maker in makers:
            g.add((n, PROV.wasAttributedTo, URIRef(maker)))
            g.add((n, SCHEMA.author, URIRef(maker)))
        for upstream in derived_from:
            g.add((n, PROV.wasDerivedFrom, URIRef(upstream)))
        for thing in about:
            g.add((n, SCHEMA.about, URIRef(thing)))
        return node

    def _mint_country(self, name: str) -> str | None:
        import pycountry  # ISO 3166-1, offline

        try:
            country = pycountry.countries.lookup(name)
        except LookupError:
            return None
        node = str(ID[f"place/{country.alpha_2}"])
        found = self.lookup(country.alpha_2)
        if found is not None:
            self._remember(found, name)
            return found
        label = getattr(country, "common_name", None) or country.name
        n = URIRef(node)
        self.new.add((n, RDF.type, SCHEMA.Country))
        self.new.add((n, SCHEMA.name, Literal(label)))
        self.new.add((n, SKOS.notation, Literal(country.alpha_2)))
        return self._remember(node, name, label, country.alpha_2)
