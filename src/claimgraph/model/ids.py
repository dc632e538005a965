"""Content-hash identifiers: the same claim added twice, from one source or from many, is one
claim; the same words at the same place of the same source are one appearance.

A claim's IRI is ``id:claim/<16 hex digits>``, the start of a SHA-256 over what the claim *is*:
its kind and speakers and

- a figure: the asserted subject and predicate, the value (or the range's two ends), unit,
  measure, time and places — not its bound, nor how any source printed it;
- a quotation: the words, in their comparison form (:func:`claimgraph.model.words.normalise`);
- a statement: the asserted triple, time and places.

An appearance's IRI is ``id:appearance/<16 hex digits>`` over its claim, its document and the
span of its words. The readable statement, hedges, modes and printed forms are not part of
either: correcting them keeps the IDs.
"""
import hashlib
import json
import re
from decimal import Decimal

from ..namespaces import ID_IRI
from .words import normalise

CLAIM_IRI = f"{ID_IRI}claim/"
APPEARANCE_IRI = f"{ID_IRI}appearance/"


def _number(value) -> str | None:
    if value is None:
        return None
    d = Decimal(str(value))
    return str(int(d)) if d == d.to_integral_value() else format(d.normalize(), "f")


def claim_key(kind: str, speakers, *, subject=None, predicate=None, obj=None, value=None, minimum=None,
              maximum=None, unit=None, measure=None, time=None, from_places=(), to_places=(),
              each_place=False, words=None) -> dict:
    """What a claim's ID is made of, as plain JSON values (IRIs as strings)."""
    key = {"kind": kind, "speakers": sorted(str(s) for s in speakers)}
    if kind == "quotation":
        key["words"] = normalise(words or "")
        return key
    key.update({"subject": str(subject) if subject is not None else None,
                "predicate": str(predicate) if predicate is not None else None,
                "time": time or None, "from": sorted(map(str, from_places)), "to": sorted(map(str, to_places))})
    if kind == "figure":
        key.update({"value": _number(value), "min": _number(minimum), "max": _number(maximum),
                    "unit": unit or None, "measure": measure or None, "each": bool(each_place)})
    else:
        key["object"] = str(obj) if obj is not None else None
    return key


def _digest(content: dict) -> str:
    text = json.dumps(content, sort_keys=True, ensure_ascii=False, separators=(",", ":"))
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]


def claim_iri(key: dict) -> str:
    """The claim IRI for a key from :func:`claim_key`."""
    return CLAIM_IRI + _digest(key)


def appearance_iri(claim: str, source: str, start: int, end: int) -> str:
    """The IRI of the appearance of ``claim`` in ``source`` at code points [start, end)."""
    return APPEARANCE_IRI + _digest({"claim": str(claim), "source": str(source), "start": int(start), "end": int(end)})


def short_id(iri) -> str:
    """``claim/3f2a…`` for a claim IRI: what users type and what messages print."""
    text = str(iri)
    return text[len(ID_IRI):] if text.startswith(ID_IRI) else text


_LOCAL_ID = re.compile(r"^[a-z]+/[A-Za-z0-9._~%-]+(?:#[A-Za-z0-9._~-]+)?$")
_IRI = re.compile(r"^https?://[^\s<>\"{}|^`\\]+$")


def expand_id(text: str) -> str:
    """The IRI for ``claim/3f2a…``, a bare hash, or a full IRI. Raises ClaimgraphError for
    text that is none of them (spaces, angle brackets…)."""
    from ..errors import ClaimgraphError

    text = text.strip()
    if text.startswith(("http://", "https://")):
        if not _IRI.match(text):
            raise ClaimgraphError(f"{text!r} is not an IRI: no spaces or <>\"{{}}|^`\\ characters")
        return text
    if "/" not in text:
        text = f"claim/{text}"
    if not _LOCAL_ID.match(text):
        raise ClaimgraphError(f"{text!r} is not an id: write it as claim/ followed by 16 hex digits "
                              "(or person/…, source/…), as look-ups print it")
    return ID_IRI + text


def key_in_graph(graph, claim) -> dict:
    """The :func:`claim_key` of ``claim`` as an rdflib ``graph`` holds it (for ``verify``)."""
    from rdflib import RDF, URIRef

    from ..namespaces import CG, PROV, SCHEMA
    from .vocab import KINDS

    kinds = {URIRef(v): k for k, v in KINDS.items()}
    kind = next((k for t, k in kinds.items() if (claim, RDF.type, t) in graph), None)
    obj = graph.value(claim, RDF.object)
    minimum = graph.value(obj, SCHEMA.minValue) if obj is not None else None
    maximum = graph.value(obj, SCHEMA.maxValue) if obj is not None else None

    def number(literal):
        return literal.toPython() if literal is not None else None

    return claim_key(
        kind, graph.objects(claim, PROV.wasAttributedTo), subject=graph.value(claim, RDF.subject),
        predicate=graph.value(claim, RDF.predicate), obj=obj,
        value=number(obj) if kind == "figure" and minimum is None else None,
        minimum=number(minimum), maximum=number(maximum), unit=_str(graph.value(claim, SCHEMA.unitText)),
        measure=_str(graph.value(claim, SCHEMA.variableMeasured)), time=_str(graph.value(claim, SCHEMA.temporalCoverage)),
        from_places=graph.objects(claim, SCHEMA.fromLocation), to_places=graph.objects(claim, SCHEMA.toLocation),
        each_place=bool(graph.value(claim, CG.eachPlace)), words=str(obj) if kind == "quotation" else None)


def _str(value):
    return str(value) if value is not None else None
