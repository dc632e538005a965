"""The timeline of the network page: every appearance at its source's publication date, in one
row per source (rows of one story together), and the claims by the time they cover
("2022-02/.." runs from February 2022 to the day it was published), one row per story; claims
of one story covering the same span share one bar.

Items are plain data for vis-timeline; the page turns every text into DOM text, never HTML.
"""
import calendar
import re

from . import cite
from .model.ids import expand_id

_PERIOD = re.compile(r"^(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?")


def _bounds(part: str, end: bool) -> str | None:
    """The first (or last) day of an ISO year, month or date: "2022-02" -> "2022-02-01"."""
    m = _PERIOD.match(part or "")
    if not m:
        return None
    y, mo, d = m.group(1), m.group(2), m.group(3)
    if d:
        return f"{y}-{mo}-{d}"
    if mo:
        return f"{y}-{mo}-{calendar.monthrange(int(y), int(mo))[1]:02d}" if end else f"{y}-{mo}-01"
    return f"{y}-12-31" if end else f"{y}-01-01"


def span(time: str, published: str | None) -> tuple[str, str, bool] | None:
    """(start, end, open-ended) of an ISO 8601 time or interval; an open end ("..") closes at
    ``published``, the day the claim was printed."""
    if not time:
        return None
    first, _, last = str(time).partition("/")
    start = _bounds(first, False)
    if start is None:
        return None
    if last in ("..", ""):
        if last == "..":
            end = (published or "")[:10] or None
            return (start, end, True) if end and end > start else None
        return start, _bounds(first, True), False
    end = _bounds(last, True)
    return (start, end, False) if end and end >= start else None


def timeline(projection, arrangement) -> dict:
    """Groups and items for vis-timeline: ``{"groups": [...], "items": [...], "undated": n}``."""
    g = projection.graph
    sources = arrangement.source_order
    story = arrangement.story
    groups, items, undated = [], [], 0
    order = {s: i for i, s in enumerate(sources)}
    stories = list(dict.fromkeys(story.get(s, s) for s in sources))
    dated = set()
    for c in projection.claims.values():
        for a in c.appearances:
            source = expand_id(a.source["id"]) if a.source.get("id") else None
            published = a.source.get("published")
            if not published or source not in g:
                undated += 1
                continue
            dated.add(source)
            items.append({"id": a.id, "group": source, "start": str(published), "kind": "appearance", "pos": a.start,
                          "mode": a.mode, "claim": c.iri, "text": arrangement.labels.get(c.iri, c.statement),
                          "title": f"{a.mode} · {cite.chain_of(a, ())}\n{cite.plain(c, a)}"})
    for s in sources:
        if s in dated:
            groups.append({"id": s, "text": arrangement.labels.get(s, g.nodes[s]["label"]),
                           "title": g.nodes[s]["label"], "order": 2 * stories.index(story.get(s, s)) * 1000 + order[s]})
    spans: dict = {}
    for c in projection.claims.values():
        published = min((a.source.get("published") or "~" for a in c.appearances), default="~")
        at = span(c.time, None if published == "~" else str(published))
        if at is None:
            continue
        st = story.get(arrangement.band.get(c.iri), arrangement.band.get(c.iri)) or "none"
        spans.setdefault((st, at), []).append(c)
    for (st, (start, end, open_end)), claims in sorted(spans.items(), key=lambda kv: (str(kv[0][0]), kv[0][1])):
        gid = f"span:{st}"
        if not any(gr["id"] == gid for gr in groups):
            name = arrangement.story_names.get(st)
            groups.append({"id": gid, "text": "Time covered" + (f" · {name}" if name else ""),
                           "title": "The time the claims cover" + (f", story: {name}" if name else ""),
                           "order": (2 * stories.index(st) + 1) * 1000 if st in stories else 10 ** 6})
        what = claims[0].time
        text = (arrangement.labels.get(claims[0].iri, claims[0].statement) if len(claims) == 1
                else f"{len(claims)} claims · {what}")
        items.append({"id": f"span:{st}:{what}:{start}:{end}", "group": gid, "start": start, "end": end, "pos": 0,
                      "kind": "span", "open": open_end, "claims": [c.iri for c in claims], "text": text,
                      "title": f"{what}" + (" (open-ended: drawn to the day it was published)" if open_end else "")
                      + "\n" + "\n".join(f"· {c.statement}" for c in claims[:12])
                      + (f"\n… and {len(claims) - 12} more" if len(claims) > 12 else "")})
    return {"groups": groups, "items": items, "undated": undated}
