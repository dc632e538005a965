"""One claim's RDF: the claim node, its anchor and selectors, as Turtle or N-Triples."""
import pyoxigraph as ox

from .namespaces import PREFIXES
from .store import Store, iri


def claim_rdf(store: Store, claim_iri: str, describe_query: str, rdf_format: str = "turtle") -> str:
    """The triples of ``claim_iri`` and its fragment nodes (#target, #quote, #position)."""
    rows = store.query(describe_query, {"claim": iri(claim_iri)}).rows
    triples = sorted({ox.Triple(r["s"], r["p"], r["o"]) for r in rows}, key=str)
    fmt = ox.RdfFormat.TURTLE if rdf_format == "turtle" else ox.RdfFormat.N_TRIPLES
    used = " ".join(str(t) for t in triples)
    prefixes = {k: str(v) for k, v in PREFIXES.items() if str(v) in used} if rdf_format == "turtle" else None
    return ox.serialize(triples, format=fmt, prefixes=prefixes).decode("utf-8")
