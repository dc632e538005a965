"""One claim as ``lookup`` and ``show`` print it: its summary, its full description with every
appearance, and its RDF (the claim node, its anchor and selectors) as Turtle or N-Triples."""
import pyoxigraph as ox

from .store import Store, iri


def claim_rdf(store: Store, claim_iri: str, describe_query: str, rdf_format: str = "turtle") -> str:
    """The triples of ``claim_iri`` and its fragment nodes (#target, #quote, #position)."""
    from .namespaces import PREFIXES  # builds rdflib namespaces: not for a look-up

    rows = store.query(describe_query, {"claim": iri(claim_iri)}).rows
    triples = sorted({ox.Triple(r["s"], r["p"], r["o"]) for r in rows}, key=str)
    fmt = ox.RdfFormat.TURTLE if rdf_format == "turtle" else ox.RdfFormat.N_TRIPLES
    used = " ".join(str(t) for t in triples)
    prefixes = {k: str(v) for k, v in PREFIXES.items() if str(v) in used} if rdf_format == "turtle" else None
    return ox.serialize(triples, format=fmt, prefixes=prefixes).decode("utf-8")


def summary(c) -> str:
    """A claim's head lines: id, kind, figure as printed and its value and bound, the statement,
    the hedge, and where it appears when it appears more than once."""
    from .cite import short_date
    from .model.figures import plain

    head = f"{c.id}  [{c.kind}]"
    if c.kind == "figure":
        value = f"{plain(c.minimum)} to {plain(c.maximum)}" if c.is_range else f"{c.value}"
        head += f"  {c.as_printed} {c.unit or ''}".rstrip() + f"  (value {value}, {c.bound})"
    lines = [head, f"  {c.statement}"]
    if c.hedge and c.hedge not in ("asserted",):
        lines.append(f"  hedge: {c.hedge}")
    if len(c.appearances) > 1:
        seen = {}
        for a in c.appearances:
            where = f"{a.source.get('publisher') or a.source.get('id')} {short_date(a.source.get('published'))} ({a.mode})"
            seen[where] = seen.get(where, 0) + 1
        lines.append(f"  {len(c.appearances)} appearances: " + "; ".join(
            f"{w}" + (f" ×{n}" if n > 1 else "") for w, n in seen.items()))
    return "\n".join(lines)


def describe(c) -> str:
    """A claim in full, as ``claimgraph show`` prints it before its RDF: the summary, who said it,
    words, places, time, part of, taken from, and every appearance with its citation."""
    from . import cite

    lines = [summary(c)]
    for label, value in (("said by", ", ".join(c.attributed_to)), ("words", c.words and f"“{c.words}”"),
                         ("from", ", ".join(c.from_places)),
                         ("to", ", ".join(c.to_places) + (" (each)" if c.each_place else "")),
                         ("about", ", ".join(c.about)), ("time", c.time), ("part of", c.part_of),
                         ("taken from", ", ".join(c.derived_from))):
        if value:
            lines.append(f"  {label}: {value}")
    for i, a in enumerate(c.appearances, 1):
        printed = f", printed “{a.as_printed}” ({a.bound})" if a.as_printed else ""
        hedge = f", hedge: {a.hedge}" if a.hedge else ""
        role = f", speaker's role: {a.speaker_role}" if a.speaker_role else ""
        lines.append(f"  appearance {i}{' (first)' if i == 1 else ''}: {a.id}, {a.mode}{printed}{hedge}{role}")
        lines.append(f"    “{a.quote}” (characters {a.start}-{a.end})")
        lines.append(f"    {cite.plain(c, a)}")
    return "\n".join(lines)
