"""The Python API: the graph from a notebook or a script, with what the commands do.

    import claimgraph
    g = claimgraph.open()                    # as the commands: data=, store= or endpoint=
    [bell] = g.lookup("650,000", speaker="The Bell")
    bell.cite("apa")
    g.query("SELECT ?name WHERE { ?who schema:name ?name }", who=claimgraph.IRI("https://…"))
    g.network(focus="Vladimir Putin")        # a networkx graph, drawn inline in Jupyter
    g.rdf()                                  # an rdflib Dataset
    g.show(bell)

Look-ups, queries and citations import neither rdflib, pySHACL, pyvis nor networkx.
"""
from dataclasses import fields
from pathlib import Path

import pyoxigraph as ox

from .errors import ClaimgraphError, NotFound
from .model import records


def IRI(value: str) -> ox.NamedNode:  # noqa: N802 - a term constructor, named as in RDF
    """An IRI to bind in :meth:`ClaimGraph.query` (a plain ``str`` binds as text)."""
    return ox.NamedNode(str(value))


class Text(str):
    """Text that a notebook or the Python prompt shows as it is, not as a quoted string."""

    def __repr__(self):
        return str(self)


class Claim(records.Claim):
    """A claim with its appearances (see :class:`claimgraph.model.records.Claim`), which can cite
    itself and shows as a table in a notebook."""

    @classmethod
    def of(cls, record: records.Claim) -> "Claim":
        return cls(**{f.name: getattr(record, f.name) for f in fields(record)})

    def cite(self, style: str = "plain") -> str:
        """The citation of the claim's first appearance in ``style``: plain, markdown, apa,
        chicago, chicago-notes, mla, harvard; bibtex or csl-json give its document's entry."""
        from . import cite

        if style not in cite.FORMATS:
            raise ClaimgraphError(f"unknown citation format {style!r}: one of {', '.join(cite.FORMATS)}")
        return cite.render(self, style)

    def _repr_html_(self) -> str:
        from .notebook import claim_html

        return claim_html(self)

    def __str__(self):
        from .show import summary

        return summary(self)

    def __repr__(self):
        words = self.statement if len(self.statement) <= 60 else self.statement[:59] + "…"
        return f"<Claim {self.id} {self.kind}, {len(self.appearances)} appearance(s): {words}>"


def _network_class():
    import networkx as nx

    class ClaimNetwork(nx.MultiDiGraph):
        """The claim network (see :func:`claimgraph.network.project`): a networkx MultiDiGraph
        that a notebook draws as an inline SVG; ``notes`` says what was left out."""

        notes: list = []

        def _repr_html_(self) -> str:
            from .notebook import network_svg

            return network_svg(self)

    return ClaimNetwork


class ClaimGraph:
    """An open claim graph: a data folder, a persistent store or a SPARQL endpoint."""

    def __init__(self, data=None, store=None, endpoint=None):
        from .resources import default_data_dir
        from .store import open_store

        self.data = Path(data) if data else default_data_dir()
        self.endpoint = endpoint
        self._store = open_store(self.data, endpoint, store)

    def lookup(self, term: str | None = None, *, speaker=None, place=None, source=None, minimum=None,
               maximum=None, limit: int | None = 50) -> list[Claim]:
        """Claims matching a figure however written ("650,000", "1.6 million"), a name or words,
        and every filter given (as ``claimgraph lookup``); an empty list when none does."""
        from .lookup import find

        if not any(x is not None for x in (term, speaker, place, source, minimum, maximum)):
            raise ClaimgraphError("say what to look for: a figure, phrase or name, or a filter")
        try:
            found = find(self._store, term, speaker=speaker, place=place, source=source,
                         minimum=minimum, maximum=maximum, limit=limit)
        except NotFound:
            return []
        return [Claim.of(c) for c in found]

    def claim(self, claim_id) -> Claim:
        """One claim by id (``claim/8c1b60b6d70cf5a0``) or IRI; NotFound if there is none."""
        from .model.ids import expand_id
        from .model.records import details

        found = details(self._store, [str(expand_id(str(getattr(claim_id, "iri", claim_id))))])
        if not found:
            raise NotFound(f"no claim {claim_id}")
        return Claim.of(found[0])

    def query(self, sparql: str, **bindings):
        """Run SPARQL; each keyword binds the variable of its name to a term: ``str`` -> text,
        ``int``/``float``/``bool`` -> a typed number, :func:`IRI` (or an rdflib URIRef, or a claim)
        -> an IRI; never pasted into the query text. SELECT gives a list of dicts of plain Python
        values (IRIs as str, numbers as int/float; unbound None), ASK a bool, CONSTRUCT a list of
        (subject, predicate, object) of plain values."""
        from .store import py

        terms = {name: _term(value) for name, value in bindings.items()}
        result = self._store.query(sparql, terms or None)
        if result.kind == "ask":
            return result.boolean
        if result.kind == "graph":
            return [(py(t.subject), py(t.predicate), py(t.object)) for t in result.triples]
        return result.dicts()

    def network(self, focus=None, *, hops: int = 2, source=None, speaker=None, kind=None, max_nodes: int = 500):
        """The claim network (people, organisations, sources, claims, places, events) as a
        networkx MultiDiGraph; ``focus`` (a name, a claim id, or a list of them) keeps what lies
        within ``hops`` of it. Shows as an SVG in a notebook."""
        from .network import project

        focus = [focus] if isinstance(focus, str) else list(focus or [])
        projection = project(self._store, focus=focus, hops=hops, source=source, speaker=speaker, kind=kind,
                             max_nodes=max_nodes)
        network = _network_class()(projection.graph)
        network.notes = list(projection.notes)
        return network

    def rdf(self):
        """The graph as an rdflib Dataset: one named graph per data file for a data folder; the
        store's or endpoint's union in the default graph otherwise."""
        from rdflib import Dataset

        from .data import load_dataset
        from .namespaces import bind_prefixes
        from .store import to_rdflib

        if self.endpoint is None:  # a local store is built from the data folder: read the folder
            return load_dataset(self.data)
        dataset = bind_prefixes(Dataset())
        for t in self._store.query("CONSTRUCT { ?s ?p ?o } WHERE { ?s ?p ?o }").triples:
            dataset.default_graph.add((to_rdflib(t.subject), to_rdflib(t.predicate), to_rdflib(t.object)))
        return dataset

    def show(self, claim) -> Text:
        """A claim (a :class:`Claim` or its id) in full, with every appearance and its RDF, as
        ``claimgraph show`` prints it."""
        from .resources import query_text
        from .show import claim_rdf, describe

        c = claim if isinstance(claim, records.Claim) else self.claim(claim)
        rdf = claim_rdf(self._store, c.iri, query_text("lib/describe_claim"))
        return Text(f"{describe(c)}\n\n{rdf}")

    def close(self):
        self._store.close()

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()

    def __repr__(self):
        return f"<claimgraph {self._store.description}>"


def _term(value):
    from .store import term

    if isinstance(value, records.Claim):
        return ox.NamedNode(value.iri)
    if type(value).__module__.startswith("rdflib") and type(value).__name__ == "URIRef":
        return ox.NamedNode(str(value))
    return term(value)


def open(data=None, store=None, endpoint=None) -> ClaimGraph:  # noqa: A001 - claimgraph.open, like io.open
    """Open a claim graph as the commands do: ``endpoint`` (a SPARQL 1.1 endpoint URL), else the
    persistent ``store`` folder (or the one ``claimgraph load`` built for the data), else the data
    folder ``data`` (default: ``$CLAIMGRAPH_DATA``, the folder ``claimgraph init`` recorded, or the
    shipped example) read into memory."""
    return ClaimGraph(data=data, store=store, endpoint=endpoint)
