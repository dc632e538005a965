"""What a notebook shows: a claim as an HTML table, the network as a small inline SVG.

Every string from the data is escaped (``html.escape``); links go only to http(s) URLs. The SVG
needs no script and no outside file: columns of speakers, claims, sources and places, edges as
lines, the full label of each node in its tooltip (``<title>``).
"""
from html import escape

from . import cite

_COLUMNS = {"person": 0, "organisation": 0, "claim": 1, "source": 2}  # anything else: column 3
_COLOURS = {"person": "#e07a5f", "organisation": "#3d405b", "claim": "#81b29a", "source": "#f2cc8f"}
_EDGE = {"said": "#e07a5f", "reported in": "#c9a227", "cites": "#999999"}
MAX_DRAWN = 150


def claim_html(claim) -> str:
    """A claim with every appearance and its citation, as an HTML table."""
    rows = [("claim", f"<code>{escape(claim.id)}</code> ({escape(claim.kind)})"),
            ("statement", escape(claim.statement)),
            ("said by", escape(", ".join(claim.attributed_to) or "unattributed"))]
    if claim.kind == "figure":
        value = f"{claim.minimum} to {claim.maximum}" if claim.is_range else f"{claim.value}"
        rows.append(("figure", escape(f"{value} {claim.unit or ''} ({claim.bound or 'bound not given'})")))
    if claim.words:
        rows.append(("words", f"“{escape(claim.words)}”"))
    for label, values in (("from", claim.from_places), ("to", claim.to_places), ("about", claim.about),
                          ("taken from", claim.derived_from)):
        if values:
            rows.append((label, escape(", ".join(values))))
    for i, a in enumerate(claim.appearances, 1):
        url = cite.safe_url(a.source.get("url"))
        title = escape(a.source.get("title") or a.source.get("id") or "")
        where = f'<a href="{escape(url)}">{title}</a>' if url else f"<i>{title}</i>"
        rows.append((f"appearance {i}" + (" (first)" if i == 1 else ""),
                     f"{escape(a.mode)}: “{escape(a.quote)}” in {where}<br><small>{escape(cite.plain(claim, a))}</small>"))
    body = "".join(f'<tr><th style="text-align:left;vertical-align:top">{k}</th><td style="text-align:left">{v}</td></tr>'
                   for k, v in rows)
    return f'<table class="claimgraph-claim">{body}</table>'


def network_svg(g, width: int = 960) -> str:
    """The network ``g`` (networkx, nodes with ``kind`` and ``label``) as an inline SVG: at most
    :data:`MAX_DRAWN` nodes, the best connected, and a caption saying how many were left out."""
    nodes = sorted(g, key=lambda n: (-g.degree(n), str(n)))[:MAX_DRAWN]
    drawn = set(nodes)
    columns = [[], [], [], []]
    for n in nodes:
        columns[_COLUMNS.get(g.nodes[n].get("kind"), 3)].append(n)
    place = {}
    for i, column in enumerate(columns):
        column.sort(key=lambda n: (min((place[m][1] for m in g.predecessors(n) if m in place), default=0),
                                   str(g.nodes[n].get("label", n))))
        for j, n in enumerate(column):
            place[n] = (20 + i * (width - 230) // 3, 30 + j * 22)  # room for the last column's labels
    height = 40 + 22 * max(len(c) for c in columns)
    lines = []
    for a, b, data in g.edges(data=True):
        if a in drawn and b in drawn:
            (x1, y1), (x2, y2) = place[a], place[b]
            lines.append(f'<line x1="{x1}" y1="{y1}" x2="{x2}" y2="{y2}" stroke="{_EDGE.get(data.get("rel"), "#bbbbbb")}" '
                         f'stroke-opacity="0.5"><title>{escape(str(data.get("rel", "")))}</title></line>')
    dots = []
    for n in nodes:
        x, y = place[n]
        kind, label = g.nodes[n].get("kind", "other"), str(g.nodes[n].get("label", n))
        short = label if len(label) <= 34 else label[:33] + "…"
        dots.append(f'<g><title>{escape(kind)}: {escape(label)}</title>'
                    f'<circle cx="{x}" cy="{y}" r="5" fill="{_COLOURS.get(kind, "#9c89b8")}"/>'
                    f'<text x="{x + 8}" y="{y + 4}" font-size="11" font-family="sans-serif">{escape(short)}</text></g>')
    left = g.number_of_nodes() - len(nodes)
    caption = (f"{g.number_of_nodes()} nodes, {g.number_of_edges()} edges"
               + (f"; the {len(nodes)} best connected drawn" if left else ""))
    return (f'<figure class="claimgraph-network"><svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height}" '
            f'viewBox="0 0 {width} {height}">{"".join(lines)}{"".join(dots)}</svg>'
            f"<figcaption>{escape(caption)}: speakers, claims, sources, places and events</figcaption></figure>")
