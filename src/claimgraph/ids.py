"""Content-hash identifiers: the same claim added twice is one claim.

A claim's IRI is ``id:claim/<16 hex digits>``, the start of a SHA-256 over its content: the
asserted triple, who it is attributed to, where it appears, its places, time and measure, and the
exact quoted words with their start offset (the same words twice in one text are two claims).
Wording of the readable statement, hedges and bounds are not part of it: correcting them keeps
the ID.
"""
import hashlib
import json

from .namespaces import ID_IRI

CLAIM_IRI = f"{ID_IRI}claim/"


def claim_content(graph, claim) -> dict:
    """The content of ``claim`` in rdflib ``graph`` that its ID is derived from, as plain JSON values."""
    from rdflib import RDF

    from .namespaces import CG, OA, PROV, SCHEMA

    def one(pred):
        value = graph.value(claim, pred)
        return value.n3() if value is not None else None

    def many(pred):
        return sorted(v.n3() for v in graph.objects(claim, pred))

    quote = start = None
    for target in graph.objects(claim, CG.quotedIn):
        for selector in graph.objects(target, OA.hasSelector):
            quote = graph.value(selector, OA.exact, default=quote)
            start = graph.value(selector, OA.start, default=start)
    return {
        "subject": one(RDF.subject),
        "predicate": one(RDF.predicate),
        "object": one(RDF.object),
        "attributed": many(PROV.wasAttributedTo),
        "appearance": many(SCHEMA.appearance),
        "from": many(SCHEMA.fromLocation),
        "to": many(SCHEMA.toLocation),
        "time": one(SCHEMA.temporalCoverage),
        "measure": one(SCHEMA.variableMeasured),
        "quote": str(quote) if quote is not None else None,
        "start": int(start) if start is not None else None,
    }


def content_id(content: dict):
    """The claim IRI (an rdflib URIRef) for a content dict from :func:`claim_content`."""
    from rdflib import URIRef

    digest = hashlib.sha256(json.dumps(content, sort_keys=True, ensure_ascii=False).encode("utf-8"))
    return URIRef(f"{CLAIM_IRI}{digest.hexdigest()[:16]}")


def short_id(iri) -> str:
    """``claim/3f2a…`` for a claim IRI: what users type and what messages print."""
    text = str(iri)
    return text[len(ID_IRI):] if text.startswith(ID_IRI) else text


def expand_id(text: str) -> str:
    """The IRI for ``claim/3f2a…``, a bare hash, or a full IRI."""
    if text.startswith(("http://", "https://")):
        return text
    if "/" not in text:
        text = f"claim/{text}"
    return ID_IRI + text
