"""The provenance of one claim as a tree read left to right: who said it, the claim, every
appearance (its mode — quotation, reported, own — and the words printed there) in its source
and outlet, and the chain of upstream documents the claim was taken from, down to the origin.

Plain data for the page, which writes every string as DOM text.
"""
from . import cite
from .model.ids import expand_id

MODES = {"quotation": "quotation: the speaker's own words", "reported": "reported: the outlet's paraphrase",
         "own": "own: the outlet's own statement"}


def _upstream(g, claim_iri: str) -> list[list[dict]]:
    """Chains of documents from the claim, nearest first: each "taken from" document, then what
    it cites, down to a document that cites nothing in the graph (the origin)."""
    chains = []
    starts = [b for _, b, d in g.out_edges(claim_iri, data=True) if d["rel"] == "taken from"]
    for start in sorted(starts):
        chain, seen, node = [], set(), start
        while node is not None and node not in seen:
            seen.add(node)
            publisher = next((g.nodes[b]["label"] for _, b, d in g.out_edges(node, data=True)
                              if d["rel"] == "published by"), None)
            chain.append({"node": node, "label": g.nodes[node]["label"], "outlet": publisher})
            node = next((b for _, b, d in sorted(g.out_edges(node, data=True), key=lambda e: e[1])
                         if d["rel"] == "cites"), None)
        chain[-1]["origin"] = True
        chains.append(chain)
    return chains


def tree(projection, claim_iri: str, labels: dict) -> dict:
    """The provenance tree of one claim of the projection (by IRI)."""
    g, c = projection.graph, projection.claims[claim_iri]
    speakers = [{"node": a, "label": g.nodes[a]["label"], "kind": g.nodes[a]["kind"]}
                for a, _, d in g.in_edges(claim_iri, data=True) if d["rel"] == "said"]
    if not speakers:
        speakers = [{"node": None, "label": name, "kind": "person"} for name in c.attributed_to]
    appearances = []
    for a in c.appearances:
        src = a.source
        node = expand_id(src["id"]) if src.get("id") else None
        appearances.append({
            "id": a.id, "mode": a.mode, "mode_text": MODES.get(a.mode, a.mode), "words": a.quote,
            "printed": a.as_printed, "hedge": a.hedge,
            "source": {"node": node if node in g else None, "title": src.get("title") or src.get("id"),
                       "outlet": src.get("publisher"), "date": cite.short_date(src.get("published")),
                       "url": cite.safe_url(src.get("url"))},
            "citation": cite.plain(c, a)})
    figure = None
    if c.kind == "figure":
        figure = (f"{c.minimum:,}–{c.maximum:,}" if c.is_range else f"{c.value:,}" if c.value is not None else None)
    return {"node": claim_iri, "id": c.id, "kind": c.kind, "label": labels.get(claim_iri, c.statement),
            "statement": c.statement, "words": c.words, "figure": figure, "bound": c.bound, "unit": c.unit,
            "time": c.time, "speakers": speakers, "appearances": appearances, "upstream": _upstream(g, claim_iri)}


def trees(projection, labels: dict) -> dict:
    """Every claim's tree, by claim IRI."""
    return {c: tree(projection, c, labels) for c in projection.claims}
