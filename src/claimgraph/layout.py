"""Where each node of the network page stands: columns read left to right as a citation does.

    about        said by       claims (in source bands)      appears in       cites / taken from
    subjects  →  speakers  —said→  claim  —appears in→  source  —cites→  upstream document
                 (←about— from the claim)                        —published by→ outlet (below it)

Why columns and not physics: labels are the content here, and text is wide and short; a force
layout of 60 nodes knots (measured: ~6 px labels at fit, overlapping), while columns stack
labels like lines of a list, let every provenance edge point one way (left to right), and give
each source a band that holds its claims together, bands of one story (sources sharing an
upstream document or a claim) side by side under the story's name. Positions are computed here,
once, with no physics in the page: the seed draws in one frame and a 1,000-node graph as fast.

Within a column nodes sit as near as they can to the mean height of what they link to (a
one-dimensional spread that keeps their order and never overlaps); a column too tall for the
page is wrapped into sub-columns, as many as make the whole fit the page at the largest scale.
"""
from dataclasses import dataclass, field

FONT = 14            # label size in canvas units; the page fits at a scale near 1
PITCH = 31           # a row: a box (font + 2 x 4 margin + border, ~25) and the gap to the next
GAP = 85            # between columns: room for arrows
CAPTION = 30         # a band's caption row
PAGE = (1380, 800)   # the network's drawing area at 1400 x 900, for choosing how to wrap
MAX_CHARS = {"claim": 34, "source": 30, "other": 26}
GLYPH = {"person": "●", "organisation": "◆", "place": "▲", "event": "★", "other": "■"}

# Arial / Liberation Sans advance widths in thousandths of an em (the page draws labels in Arial)
_WIDTHS = {**dict.fromkeys("ijl'|", 222), **dict.fromkeys(" ,.:;!I[]ft/", 278), **dict.fromkeys("r-()“”‘’\"", 333),
           **dict.fromkeys("csvxyzkJ", 500), **dict.fromkeys("FTZ", 611), **dict.fromkeys("ABEKPSVXY", 667),
           **dict.fromkeys("CDHNRUw", 722), **dict.fromkeys("GOQ", 778), **dict.fromkeys("mM", 833),
           **dict.fromkeys("W%", 944), **dict.fromkeys("…●◆▲★■", 1000)}


def text_width(text: str, size: float = FONT) -> float:
    """The width ``text`` takes in Arial at ``size`` (unknown characters counted wide)."""
    return sum(_WIDTHS.get(ch, 556 if ch.isascii() else 700) for ch in text) * size / 1000


def shorten(text: str, limit: int) -> str:
    """``text`` cut to at most ``limit`` characters at a word boundary, with "…" when cut."""
    text = " ".join(str(text).split())
    if len(text) <= limit:
        return text
    cut = text[:limit - 1]
    if " " in cut[limit // 2:]:
        cut = cut[:cut.rindex(" ")]
    return cut.rstrip(" ,;:-–—") + "…"


@dataclass
class Arrangement:
    """Positions (centre of each node), the labels as drawn, the column headers, the bands
    (a source's claims, a story's sources) and the edges to draw curved."""
    pos: dict = field(default_factory=dict)
    labels: dict = field(default_factory=dict)
    widths: dict = field(default_factory=dict)
    headers: list = field(default_factory=list)
    bands: list = field(default_factory=list)
    curved: dict = field(default_factory=dict)
    source_order: list = field(default_factory=list)
    story: dict = field(default_factory=dict)
    story_names: dict = field(default_factory=dict)
    band: dict = field(default_factory=dict)


def node_label(data: dict, source_label: str | None = None) -> str:
    """The label drawn for a node: a claim's figure or words, a source's outlet and date, an
    entity's name after its kind's glyph; shortened."""
    kind = data.get("kind")
    if kind == "claim":
        return shorten(data["label"].replace("…”", "”"), MAX_CHARS["claim"]) if not data["label"].startswith("“") \
            else _quote_label(data)
    if kind == "source":
        return shorten(source_label or data["label"], MAX_CHARS["source"])
    return f"{GLYPH.get(kind, GLYPH['other'])} {shorten(data['label'], MAX_CHARS['other'])}"


def _quote_label(data: dict) -> str:
    words = data.get("quote") or data["label"].strip("“”…")
    return "“" + shorten(words, MAX_CHARS["claim"] - 2) + "”"


def _spread(desired: list[float], pitch: float) -> list[float]:
    """Positions as near as can be to ``desired`` (ascending) with at least ``pitch`` between
    neighbours: clusters of crowded items are centred on their mean (isotonic regression)."""
    clusters: list[list] = []  # [sum of (desired - offset), count]
    for d in desired:
        clusters.append([d, 1])
        while len(clusters) > 1:
            (s1, n1), (s2, n2) = clusters[-2], clusters[-1]
            if s2 / n2 >= s1 / n1 + n1 * pitch:
                break
            clusters[-2:] = [[s1 + s2 - n1 * n2 * pitch, n1 + n2]]
    out = []
    for s, n in clusters:
        out += [s / n + k * pitch for k in range(n)]
    return out


def _stories(g, sources: list, claim_source: dict) -> tuple[dict, dict]:
    """Story of each source: sources that share an upstream document (cited by the source or
    one its claims are taken from) or carry the same claim are one story; and the name of each
    story of more than one source (the upstream document most of its sources share)."""
    parent = {s: s for s in sources}

    def root(x):
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    upstream: dict = {}
    for a, b, data in g.edges(data=True):
        if data["rel"] == "cites" and a in parent:
            upstream.setdefault(b, set()).add(a)
        elif data["rel"] == "taken from" and a in claim_source:
            for s in claim_source[a]:
                upstream.setdefault(b, set()).add(s)
    for c, carried in claim_source.items():
        upstream.setdefault(c, set()).update(carried)
    for group in upstream.values():
        group = sorted(group)
        for other in group[1:]:
            parent[root(other)] = root(group[0])
    story = {s: root(s) for s in sources}
    names = {}
    for st in set(story.values()):
        members = {s for s in sources if story[s] == st}
        if len(members) < 2:
            continue
        shared = [(len(group & members), d) for d, group in upstream.items()
                  if d in g and g.nodes[d]["kind"] == "source" and len(group & members) > 1]
        names[st] = g.nodes[max(shared)[1]]["label"] if shared else f"{len(members)} sources sharing claims"
    return story, names


def arrange(g, claims: dict, published: dict | None = None) -> Arrangement:
    """Lay out the projection graph ``g`` (see :mod:`claimgraph.network`); ``claims`` are the
    claim records by IRI (for the source, date and position of each first appearance),
    ``published`` the publication date of each source IRI."""
    published = published or {}
    out = Arrangement()
    rels: dict = {}
    for a, b, data in g.edges(data=True):
        rels.setdefault(data["rel"], []).append((a, b))
    kind = {n: d["kind"] for n, d in g.nodes(data=True)}
    claim_nodes = [n for n in g if kind[n] == "claim"]
    carried: dict = {}
    for a, b in rels.get("appears in", []):
        carried.setdefault(a, []).append(b)
    sources = sorted({b for _, b in rels.get("appears in", [])}, key=lambda s: (published.get(s) or "~", s))
    speakers = sorted({a for a, _ in rels.get("said", []) if kind[a] != "claim"})
    publisher = {}
    for a, b in rels.get("published by", []):
        publisher.setdefault(a, b)
    docs = sorted(n for n in g if kind[n] == "source" and n not in set(sources))
    outlets = sorted({b for a, b in rels.get("published by", []) if b not in speakers and kind[b] != "source"})
    placed = set(claim_nodes) | set(sources) | set(speakers) | set(docs) | set(outlets)
    subjects = sorted(n for n in g if n not in placed)

    for n, data in g.nodes(data=True):
        label = None
        if data["kind"] == "source" and publisher.get(n):
            outlet = g.nodes[publisher[n]]["label"]
            date = _date(published.get(n))
            label = f"{outlet} · {date}" if date else None
        out.labels[n] = node_label(data, label)
    _disambiguate(g, out.labels, published, publisher)
    for n in g:
        out.widths[n] = text_width(out.labels[n]) + 14

    # claims: bands by first source, bands of one story together; in a band, by speaker, then position
    story, out.story_names = _stories(g, sources, {c: carried.get(c, []) for c in claim_nodes})
    out.story = story
    first_source = {}
    for c in claim_nodes:
        record = claims.get(c)
        mine = carried.get(c, [])
        first_source[c] = min(mine, key=lambda s: (published.get(s) or "~", s)) if mine else None
        if record is not None and record.appearances:
            first = next((s for s in mine if s.endswith("/" + record.source.get("id", "-"))), None)
            first_source[c] = first or first_source[c]
    said_by = {}
    for a, b in rels.get("said", []):
        said_by.setdefault(b, []).append(a)
    start = {c: (claims[c].start if c in claims and claims[c].appearances else 0) for c in claim_nodes}
    story_order = []
    for s in sources:
        if story[s] not in story_order:
            story_order.append(story[s])
    band_order = sorted(sources, key=lambda s: (story_order.index(story[s]), published.get(s) or "~", s))
    out.source_order = band_order
    out.band = {c: first_source[c] for c in claim_nodes if first_source[c]}
    bands = {s: [] for s in band_order}
    loose = []
    for c in claim_nodes:
        (bands[first_source[c]] if first_source[c] in bands else loose).append(c)
    ordered_bands = []
    for s in band_order + [None]:
        members = bands[s] if s is not None else loose
        if not members:
            continue
        first_said = {}
        for c in sorted(members, key=lambda c: (start[c], c)):
            for sp in said_by.get(c, []):
                first_said.setdefault(sp, len(first_said))
        members.sort(key=lambda c: (min((first_said[sp] for sp in said_by.get(c, [])), default=999), start[c], c))
        ordered_bands.append((s, members))

    home = {}
    for d in band_order + docs:
        if publisher.get(d) in outlets:
            home.setdefault(publisher[d], d)
    columns = [("About", subjects), ("Said by", speakers), ("Claims", [c for _, m in ordered_bands for c in m]),
               ("Appears in", band_order + [o for o in outlets if home.get(o) in set(band_order)]),
               ("Cites, taken from", docs + [o for o in outlets if home.get(o) not in set(band_order)])]
    many = max(len(nodes) for _, nodes in columns)
    wrap = _rows_per_column(columns, out.widths, many)
    if wrap < many:
        _grid(out, columns, wrap)
    else:
        _flow(out, g, columns, ordered_bands, story, rels, publisher, outlets)
    _curves(out, g, columns)
    return out


def _disambiguate(g, labels: dict, published: dict, publisher: dict) -> None:
    """Labels that two nodes share once shortened ("★ Emigration from Russia…") are made longer
    until they differ, up to twice the length."""
    for _ in range(4):
        seen: dict = {}
        for n, label in labels.items():
            seen.setdefault(label, []).append(n)
        clashes = [ns for ns in seen.values() if len(ns) > 1]
        if not clashes:
            return
        for ns in clashes:
            for n in ns:
                data = g.nodes[n]
                if data["kind"] == "source":
                    labels[n] = shorten(data["label"], MAX_CHARS["source"] + 8 * (_ + 1))
                elif data["kind"] != "claim":
                    labels[n] = f"{GLYPH.get(data['kind'], GLYPH['other'])} " \
                        f"{shorten(data['label'], MAX_CHARS['other'] + 8 * (_ + 1))}"


def _date(iso: str | None) -> str | None:
    if not iso:
        return None
    months = "Jan Feb Mar Apr May Jun Jul Aug Sep Oct Nov Dec".split()
    y, m, d = (iso[:10] + "--").split("-")[:3]
    try:
        return f"{int(d)} {months[int(m) - 1]} {y}" if d else f"{months[int(m) - 1]} {y}"
    except (ValueError, IndexError):
        return iso[:10]


def _rows_per_column(columns, widths, many) -> int:
    """How many rows a column may hold before it wraps: the number that lets the whole drawing
    fit the page at the largest scale."""
    best, best_scale = many, 0.0
    for rows in sorted({many} | {r for r in range(12, many, max(1, many // 40))}):
        total = 0.0
        for _, nodes in columns:
            if not nodes:
                continue
            subs = -(-len(nodes) // rows)
            total += subs * (max(widths[n] for n in nodes) + GAP / 2) + GAP / 2
        height = rows * PITCH + 2 * CAPTION
        scale = min(PAGE[0] / max(total, 1.0), PAGE[1] / height)
        if scale > best_scale * 1.02:
            best, best_scale = rows, scale
    return best


def _grid(out, columns, rows):
    """Large graphs: each column filled top to bottom in sub-columns of ``rows``."""
    x = 0.0
    for header, nodes in columns:
        if not nodes:
            continue
        out.headers.append({"text": header, "x": x, "y": -PITCH})
        for i in range(0, len(nodes), rows):
            chunk = nodes[i:i + rows]
            w = max(out.widths[n] for n in chunk)
            for k, n in enumerate(chunk):
                out.pos[n] = (x + out.widths[n] / 2, k * PITCH)
            x += w + GAP / 2
        x += GAP / 2


def _flow(out, g, columns, ordered_bands, story, rels, publisher, outlets):
    """Graphs that fit: claims in bands; every other column placed beside what it links to."""
    y = 0.0
    claim_y, band_rows, last_story = {}, [], None
    story_sources = {}
    for s, st in story.items():
        story_sources.setdefault(st, []).append(s)
    for s, members in ordered_bands:
        st = story.get(s)
        if st is not None and st != last_story and len(story_sources.get(st, [])) > 1:
            y += CAPTION
        last_story = st
        top = y
        y += CAPTION
        for c in members:
            claim_y[c] = y
            y += PITCH
        band_rows.append((s, st, top, y - PITCH))
    ys = dict(claim_y)

    def linked(n, rel_names, outgoing):
        found = []
        for rel in rel_names:
            for a, b in rels.get(rel, []):
                if outgoing and a == n and b in ys:
                    found.append(ys[b])
                elif not outgoing and b == n and a in ys:
                    found.append(ys[a])
        return found

    def place(nodes, rel_names, outgoing):
        want = {}
        for n in nodes:
            near = linked(n, rel_names, outgoing)
            want[n] = sum(near) / len(near) if near else (max(ys.values(), default=0) + PITCH)
        order = sorted(nodes, key=lambda n: (want[n], n))
        spread = _spread([want[n] for n in order], PITCH)
        if spread:  # kept within the claims' height when it fits there: the drawing stays as short as it can
            low, high = min(claim_y.values(), default=0), max(claim_y.values(), default=0)
            shift = 0.0
            if spread[-1] - spread[0] <= high - low:
                shift = low - spread[0] if spread[0] < low else min(0.0, high - spread[-1])
            spread = [at + shift for at in spread]
        for n, at in zip(order, spread):
            ys[n] = at

    place(columns[1][1], ("said",), True)
    outlets = set(outlets)
    sources = [n for n in columns[3][1] if n not in outlets]
    docs = [n for n in columns[4][1] if n not in outlets]
    place(sources, ("appears in",), False)
    for _ in range(2):  # documents cited by documents: twice, so a chain settles
        place(docs, ("cites", "taken from"), False)
    place(columns[0][1], ("about", "from", "to"), False)
    for _, nodes in columns[3:]:  # an outlet that is no speaker stands right below what it published
        order = []
        for d in sorted((n for n in nodes if n not in outlets), key=lambda n: ys[n]):
            order.append(d)
            order += [o for o in nodes if o in outlets and o not in order and publisher.get(d) == o]
        order += [o for o in nodes if o not in order]
        want, last = [], float("-inf")
        for n in order:
            last = max(ys.get(n, last + PITCH), last)
            want.append(last)
        for n, at in zip(order, _spread(want, PITCH)):
            ys[n] = at

    x = 0.0
    for i, (header, nodes) in enumerate(columns):
        if not nodes:
            continue
        w = max(out.widths[n] for n in nodes)
        right = i < 2  # the entity columns face the claims with their right edges
        for n in nodes:
            out.pos[n] = ((x + w - out.widths[n] / 2) if right else (x + out.widths[n] / 2), ys[n])
        out.headers.append({"text": header, "x": x + w if right else x, "align": "right" if right else "left",
                            "y": min(ys[n] for n in nodes) - PITCH - (CAPTION if header == "Claims" else 0)})
        if header == "Claims":
            for s, st, top, bottom in band_rows:
                out.bands.append({"kind": "source", "of": s, "x0": x - 10, "x1": x + w + 10,
                                  "y0": top - PITCH / 2 + 4, "y1": bottom + PITCH / 2,
                                  "label": f"In {out.labels[s]}" if s in out.labels else "Not in any source"})
            for st, members in story_sources.items():
                rows = [b for b in out.bands if b["kind"] == "source" and story.get(b["of"]) == st]
                if len(members) > 1 and rows:
                    out.bands.append({"kind": "story", "of": st, "x0": x - 20, "x1": x + w + 20,
                                      "y0": min(b["y0"] for b in rows) - CAPTION, "y1": max(b["y1"] for b in rows) + 10,
                                      "label": f"Story: {out.story_names.get(st, '')}"})
        x += w + GAP
    top = min([h["y"] for h in out.headers] + [b["y0"] - PITCH / 2 for b in out.bands])
    for h in out.headers:
        h["y"] = top


def _curves(out, g, columns):
    """Edges between nodes of one column, and edges running back to the left, are drawn curved."""
    column = {n: i for i, (_, nodes) in enumerate(columns) for n in nodes}
    for a, b, key in g.edges(keys=True):
        ca, cb = column.get(a), column.get(b)
        if ca is None or cb is None:
            continue
        if ca == cb:
            out.curved[(a, b, key)] = 0.35
        elif g.edges[a, b, key]["rel"] == "published by" and cb < ca:
            out.curved[(a, b, key)] = 0.12
