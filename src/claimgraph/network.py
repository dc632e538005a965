"""The claim graph projected onto a networkx graph, and the figures researchers ask of it.

Nodes are people, organisations, sources, claims, places and events (``kind`` attribute); edges
are typed (``rel``) and read as sentences: "said" (speaker -> claim), "appears in" (claim -> each
source that carries it), "taken from" (claim -> the upstream document it was taken from),
"cites" (document -> upstream document), "published by" (document -> organisation), "about",
"from", "to" (claim -> subject, place or event; never a quotation -> its own speaker), "part of"
(claim -> claim).
"""
from dataclasses import dataclass, field

from . import cite
from .errors import ClaimgraphError, NotFound
from .model.ids import expand_id, short_id
from .namespaces import CG_IRI, PROV_IRI, SCHEMA_IRI
from .lookup import claims_involving, entities_named
from .model.records import details
from .resources import query_text
from .store import Store, iri

SCHEMA, PROV = SCHEMA_IRI, PROV_IRI
KIND_OF_TYPE = [  # first match wins
    ({SCHEMA + "Person", PROV + "Person"}, "person"),
    ({SCHEMA + "Country", SCHEMA + "Place", SCHEMA + "City"}, "place"),
    ({SCHEMA + "NewsArticle", SCHEMA + "Article", SCHEMA + "Report", SCHEMA + "CreativeWork"}, "source"),
    ({SCHEMA + "Organization", PROV + "Organization", SCHEMA + "NewsMediaOrganization",
      SCHEMA + "GovernmentOrganization", SCHEMA + "ResearchOrganization", SCHEMA + "CollegeOrUniversity"}, "organisation"),
    ({SCHEMA + "Event", SCHEMA + "Dataset"}, "event"),
    ({SCHEMA + "Claim"}, "claim"),
]
CLAIM_KINDS = {"figure": "FigureClaim", "quotation": "QuotationClaim", "statement": "StatementClaim"}


@dataclass
class Projection:
    """A networkx MultiDiGraph, the :class:`~claimgraph.model.records.Claim` record of each claim
    node (by IRI), and what was left out."""
    graph: object
    left_out: int = 0
    notes: list = field(default_factory=list)
    claims: dict = field(default_factory=dict)


def _kind(types) -> str:
    for known, kind in KIND_OF_TYPE:
        if known & types:
            return kind
    return "other"


def _claims_around(store: Store, names: list[str], hops: int, limit: int) -> set[str]:
    """Claims within ``hops`` of the entities or claims ``names`` (entity -> claim is one hop),
    at most ``limit`` per entity: a country in a million claims must not bring them all."""
    frontier = set()
    claims = set()
    for name in names:
        if name.startswith("claim/"):
            claims.add(expand_id(name))
        frontier |= entities_named(store, name)
    if not frontier and not claims:
        raise NotFound(f"nothing in the graph is named {', '.join(repr(n) for n in names)}")
    for _ in range(max(1, (hops + 1) // 2)):
        new = set()
        for entity in sorted(frontier):
            new |= _claims_of(store, entity, limit)
        new -= claims
        claims |= new
        rows = store.select_each(query_text("lib/network_edges"), [{"claim": iri(c)} for c in new]) if new else []
        frontier = {r["node"] for r in rows} - claims
    return claims


def _claims_of(store: Store, entity: str, limit: int) -> set[str]:
    return claims_involving(store, "", "any", limit, entities={entity})


def project(store: Store, *, focus: list[str] | None = None, hops: int = 2, source=None, speaker=None,
            kind=None, max_nodes: int = 500) -> Projection:
    """Project claims onto a networkx MultiDiGraph.

    ``focus`` names entities (or ``claim/…`` ids): only what lies within ``hops`` of them is kept
    (an ego graph). ``source``, ``speaker`` keep claims that involve them; ``kind`` keeps one kind
    of claim (figure, quotation, statement). Past ``max_nodes`` the least connected nodes are left
    out (never the focus), and the projection says how many."""
    import networkx as nx

    if int(max_nodes) < 1:
        raise ClaimgraphError(f"max_nodes must be at least 1, not {max_nodes}")
    if focus:
        claims = _claims_around(store, focus, hops, max_nodes)
    else:
        rows = store.select(query_text("lib/all_claims") + f"\nLIMIT {int(max_nodes) * 4}")
        claims = {r["claim"] for r in rows}
    for name, role in ((source, "source"), (speaker, "speaker")):
        if name:
            claims &= claims_involving(store, name, role)
    if kind:
        wanted = CLAIM_KINDS[kind]
        rows = store.select(query_text("lib/all_claims"), {"kindClass": iri(CG_IRI + wanted)})
        claims &= {r["claim"] for r in rows}
    if not claims:
        raise NotFound("no claims to draw with these filters")

    g = nx.MultiDiGraph()
    records = {c.iri: c for c in details(store, sorted(claims))}
    for c in records.values():
        g.add_node(c.iri, kind="claim", claim_kind=c.kind, label=_claim_label(c), statement=c.statement,
                   quote=c.quote, citation=cite.plain(c), id=c.id)
    types, labels, edges = {}, {}, []
    rows = store.select_each(query_text("lib/network_edges"), [{"claim": iri(c)} for c in records])
    for r in rows:
        types.setdefault(r["node"], set()).update([r["type"]] if r["type"] else [])
        if r["label"]:
            labels[r["node"]] = r["label"]
        edges.append((r["claim"], r["rel"], r["node"]))
    # claims named by "part of" that the filters left out: described too, so every claim node has a record
    wholes = sorted({n for _, rel, n in edges if rel == "part of" and n not in records})
    records.update({c.iri: c for c in details(store, wholes)})
    for c in records.values():
        if c.iri not in g:
            g.add_node(c.iri, kind="claim", claim_kind=c.kind, label=_claim_label(c), statement=c.statement,
                       quote=c.quote, citation=cite.plain(c), id=c.id)
    docs = {n for _, rel, n in edges if rel in ("appears in", "taken from")}
    seen_docs = set()
    while docs - seen_docs:
        batch = sorted(docs - seen_docs)
        seen_docs |= set(batch)
        for r in store.select_each(query_text("lib/document_edges"), [{"doc": iri(d)} for d in batch]):
            types.setdefault(r["node"], set()).update([r["type"]] if r["type"] else [])
            if r["label"]:
                labels[r["node"]] = r["label"]
            edges.append((r["doc"], r["rel"], r["node"]))
            if r["rel"] == "cites":
                docs.add(r["node"])
    for node, node_types in types.items():
        if node in records or node in g:
            continue
        g.add_node(node, kind=_kind(node_types), label=labels.get(node, short_id(node)), id=short_id(node))
    speakers = {}
    for a, rel, b in edges:
        if rel == "said":
            speakers.setdefault(a, set()).add(b)
    for a, rel, b in sorted(edges, key=lambda e: e[1] == "about"):  # a place's "from"/"to" before "about"
        if a not in g or b not in g:
            continue
        if rel == "said":  # drawn from the speaker to the claim
            a, b = b, a
        if rel in ("about", "from", "to") and b in speakers.get(a, ()):
            continue  # a quotation's rdf:subject is its own speaker: "said" already tells it
        if rel == "about" and any(g.has_edge(a, b, key) for key in ("from", "to", "about")):
            continue  # rdf:subject and schema:about (or a place) naming the same thing: one edge
        g.add_edge(a, b, key=rel, rel=rel)

    projection = Projection(g, claims=records)
    centre = set()
    if focus:
        for name in focus:
            named = entities_named(store, name)
            centre |= {n for n in g if n in named or g.nodes[n].get("id") == name}
        keep = set()
        for node in centre:
            keep |= set(nx.ego_graph(g.to_undirected(as_view=True), node, radius=hops))
        if keep:
            g.remove_nodes_from([n for n in list(g) if n not in keep])
    if g.number_of_nodes() > max_nodes:
        ranked = sorted(g, key=lambda n: (n not in centre, -g.degree(n), str(n)))
        drop = ranked[max_nodes:]
        g.remove_nodes_from(drop)
        projection.left_out = len(drop)
        projection.notes.append(f"{len(drop)} least connected node(s) left out to stay under {max_nodes} nodes")
    for node in centre & set(g):
        g.nodes[node]["focus"] = True
    projection.claims = {c: r for c, r in records.items() if c in g}
    return projection


def _claim_label(c) -> str:
    if c.kind == "figure" and c.as_printed:
        return f"{c.as_printed} people" if c.unit == "people" and "people" not in c.as_printed else c.as_printed
    words = c.quote or c.statement
    return f"“{words[:40]}…”" if len(words) > 40 else f"“{words}”"


# ---------------------------------------------------------------------------- figures

def ranking(g, kind: str, rels: tuple[str, ...], incoming: bool, top: int = 10) -> list[tuple[str, int]]:
    """Nodes of ``kind`` ranked by how many edges of ``rels`` come in (or go out)."""
    counts = {}
    for a, b, data in g.edges(data=True):
        if data["rel"] in rels:
            node = b if incoming else a
            if g.nodes[node]["kind"] == kind:
                counts[node] = counts.get(node, 0) + 1
    return sorted(((g.nodes[n]["label"], k) for n, k in counts.items()), key=lambda x: (-x[1], x[0]))[:top]


def figures(g, top: int = 10) -> dict:
    """What a researcher asks of the network: most-cited sources, most-quoted people, the most
    central nodes (degree centrality), and the connected components."""
    import networkx as nx

    quoted = {}
    for a, b, data in g.edges(data=True):
        if data["rel"] == "said" and g.nodes[b].get("claim_kind") == "quotation":
            label = g.nodes[a]["label"]
            quoted[label] = quoted.get(label, 0) + 1
    centrality = nx.degree_centrality(g) if len(g) > 1 else {}
    components = sorted((len(c) for c in nx.weakly_connected_components(g)), reverse=True)
    return {
        "nodes": g.number_of_nodes(),
        "edges": g.number_of_edges(),
        "most_cited_sources": ranking(g, "source", ("appears in", "taken from", "cites"), incoming=True, top=top),
        "most_quoted": sorted(quoted.items(), key=lambda x: (-x[1], x[0]))[:top],
        "most_claims_made": sorted(ranking(g, "person", ("said",), False, top)
                                   + ranking(g, "organisation", ("said",), False, top), key=lambda x: (-x[1], x[0]))[:top],
        "central": [(g.nodes[n]["label"], round(v, 4)) for n, v in
                    sorted(centrality.items(), key=lambda x: (-x[1], str(x[0])))[:top]],
        "components": {"count": len(components), "sizes": components[:top]},
    }


def path(g, store: Store, a: str, b: str) -> list[dict]:
    """The shortest path between the nodes named ``a`` and ``b`` (any direction), each step with
    the edge's relation and its direction."""
    import networkx as nx

    def node_of(name):
        named = entities_named(store, name)
        found = [n for n in g if n in named or g.nodes[n].get("id") == name]
        if not found:
            raise NotFound(f"nothing in the network is named {name!r}")
        return found[0]

    start, end = node_of(a), node_of(b)
    try:
        nodes = nx.shortest_path(g.to_undirected(as_view=True), start, end)
    except nx.NetworkXNoPath:
        raise NotFound(f"no path between {a!r} and {b!r}") from None
    steps = []
    for x, y in zip(nodes, nodes[1:]):
        forward = g.has_edge(x, y)
        rel = next(iter((g.get_edge_data(x, y) if forward else g.get_edge_data(y, x)).values()))["rel"]
        steps.append({"from": g.nodes[x]["label"], "rel": rel if forward else f"← {rel}", "to": g.nodes[y]["label"]})
    return steps
