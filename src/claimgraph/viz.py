"""The network page: one self-contained HTML file with four views of the same claims — the
network (columns read left to right, see :mod:`claimgraph.layout`), the provenance of one
claim, the timeline, and the estimates compared — linked to one another.

vis-network and vis-timeline are inlined from ``templates/vendor/`` (taken from the npm
registry; see the README there). The data go in as JSON in a non-executed ``<script
type="application/json">`` with ``<`` escaped, and the page writes every string as DOM text; the
estimate charts are matplotlib SVG with their text escaped. A Content-Security-Policy with
``default-src 'none'`` and the hash of each inline script and stylesheet refuses every outside
load and any script or style the page does not carry itself.
"""
import base64
import hashlib
import json
import re
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path

from .errors import ClaimgraphError, NotFound

NODE_STYLE = {  # kind -> (legend text, background, border, text colour, corner radius)
    "figure": ("figure", "#dbeafe", "#1d4ed8", "#0b1324", 6),
    "quotation": ("quotation", "#fef3c7", "#b45309", "#0b1324", 6),
    "statement": ("statement", "#e5e7eb", "#4b5563", "#0b1324", 6),
    "source": ("source", "#0f766e", "#134e4a", "#ffffff", 0),
    "person": ("● person", "#ffedd5", "#c2410c", "#0b1324", 14),
    "organisation": ("◆ organisation", "#fee2e2", "#b91c1c", "#0b1324", 2),
    "place": ("▲ place", "#dcfce7", "#15803d", "#0b1324", 14),
    "event": ("★ event", "#ede9fe", "#6d28d9", "#0b1324", 14),
    "other": ("■ other", "#f3f4f6", "#6b7280", "#0b1324", 2),
}
EDGE_STYLE = {  # rel -> (legend text, colour, width, dashes); the legend reads "speaker —said→ claim" on hover
    "said": ("said", "#c2410c", 2, False),
    "appears in": ("appears in", "#0f766e", 2, False),
    "taken from": ("taken from", "#6d28d9", 1.5, [2, 4]),
    "cites": ("cites", "#6d28d9", 2, [8, 4]),
    "published by": ("published by", "#475569", 1.5, [6, 4]),
    "part of": ("part of", "#1d4ed8", 1.5, [4, 2]),
    "about": ("about", "#9ca3af", 1, False),
    "from": ("from", "#16a34a", 1, [3, 3]),
    "to": ("to", "#16a34a", 1, False),
}
SENTENCES = {"said": "speaker —said→ claim", "appears in": "claim —appears in→ source",
             "taken from": "claim —taken from→ upstream document", "cites": "source —cites→ upstream document",
             "published by": "document —published by→ outlet", "part of": "claim —part of→ the whole it is part of",
             "about": "claim —about→ subject", "from": "claim —from→ place", "to": "claim —to→ place"}
FONT_FACE = "Arial, 'Liberation Sans', Helvetica, sans-serif"


@dataclass
class Page:
    """A built page: the projection it draws, its HTML, and what it left out."""
    projection: object
    html: str
    notes: list = field(default_factory=list)


def build(store, *, focus=None, claim=None, hops=2, source=None, speaker=None, kind=None, max_nodes=500,
          heading="claimgraph") -> Page:
    """Project the graph (see :func:`claimgraph.network.project`) and render the page.
    ``claim`` (an id) draws what lies around that claim and opens its provenance."""
    from .estimates import quantities
    from .model.ids import expand_id
    from .network import project

    opened = None
    if claim:
        opened = expand_id(claim)
        focus = list(focus or []) + [claim if claim.startswith("claim/") else f"claim/{claim}"]
    projection = project(store, focus=focus, hops=hops, source=source, speaker=speaker, kind=kind,
                         max_nodes=max_nodes)
    if not projection.claims:
        raise NotFound("no claim to draw: the claims found have no appearance in a source")
    if opened and opened not in projection.claims:
        raise NotFound(f"no claim {claim!r} in the graph")
    figures = [c for c, r in projection.claims.items() if r.kind == "figure"]
    compared = [q for q in quantities(store, figures, minimum=2)][:20] if figures else []
    return Page(projection, render(projection, heading, compared, opened), projection.notes)


def _title(data: dict, g, node) -> str:
    """A node's tooltip, plain text."""
    kind = data["kind"]
    if kind == "claim":
        sources = sum(1 for _, _, d in g.out_edges(node, data=True) if d["rel"] == "appears in")
        lines = [f"{data.get('claim_kind', 'claim')} claim · {data['id']}", data.get("statement", "")]
        if data.get("quote"):
            lines.append(f"“{data['quote']}”")
        lines.append(f"appears in {sources} source(s)")
        if data.get("citation"):
            lines.append(data["citation"])
        return "\n".join(line for line in lines if line)
    claims = sum(1 for n in g.predecessors(node) if g.nodes[n]["kind"] == "claim") + \
        sum(1 for n in g.successors(node) if g.nodes[n]["kind"] == "claim")
    return f"{kind} · {data['label']}" + (f"\n{claims} claim(s)" if claims else "")


def payload(projection, quantities=(), opened=None) -> dict:
    """Everything the page script draws, as plain JSON values."""
    from .layout import FONT, arrange
    from .model.ids import expand_id
    from .provenance import trees
    from .timeline import timeline

    g = projection.graph
    published = {}
    for c in projection.claims.values():
        for a in c.appearances:
            if a.source.get("id") and a.source.get("published"):
                published.setdefault(expand_id(a.source["id"]), str(a.source["published"]))
    arranged = arrange(g, projection.claims, published)
    nodes = []
    for n, data in g.nodes(data=True):
        style = data.get("claim_kind") if data["kind"] == "claim" else data["kind"]
        _, fill, border, text, radius = NODE_STYLE.get(style, NODE_STYLE["other"])
        x, y = arranged.pos[n]
        nodes.append({"id": n, "label": arranged.labels[n], "title": _title(data, g, n), "kind": data["kind"],
                      "style": style if style in NODE_STYLE else "other", "x": round(x, 1), "y": round(y, 1),
                      "shape": "box", "borderWidth": 3 if data.get("focus") else 1.5,
                      "color": {"background": fill, "border": border,
                                "highlight": {"background": fill, "border": "#111827"},
                                "hover": {"background": fill, "border": "#111827"}},
                      "font": {"color": text, "size": FONT, "face": FONT_FACE},
                      "shapeProperties": {"borderRadius": radius},
                      "margin": {"top": 4, "bottom": 4, "left": 7, "right": 7}, "fullLabel": data["label"],
                      "claimKind": data.get("claim_kind")})
    edges = []
    for a, b, key, data in g.edges(keys=True, data=True):
        rel = data["rel"]
        _, color, width, dashes = EDGE_STYLE.get(rel, ("", "#9ca3af", 1, False))
        edge = {"id": f"{a} {rel} {b}", "from": a, "to": b, "rel": rel, "width": width, "dashes": dashes,
                "color": {"color": color, "highlight": color, "hover": color},
                "title": f"{g.nodes[a]['label']}\n—{rel}→\n{g.nodes[b]['label']}"}
        if (a, b, key) in arranged.curved:
            edge["smooth"] = {"enabled": True, "type": "curvedCW", "roundness": arranged.curved[(a, b, key)]}
        edges.append(edge)
    used_nodes = {n["style"] for n in nodes}
    used_edges = {e["rel"] for e in edges}
    return {
        "nodes": nodes, "edges": edges, "bands": arranged.bands, "headers": arranged.headers,
        "legend": {"nodes": [{"style": k, "text": v[0], "fill": v[1], "border": v[2], "radius": v[4]}
                             for k, v in NODE_STYLE.items() if k in used_nodes],
                   "edges": [{"rel": k, "text": v[0], "sentence": SENTENCES[k], "color": v[1], "width": v[2],
                              "dashes": v[3] or []}
                             for k, v in EDGE_STYLE.items() if k in used_edges]},
        "timeline": timeline(projection, arranged),
        "provenance": trees(projection, arranged.labels),
        "quantities": [{"id": q.id, "title": q.title, "count": len(q.marks),
                        "claims": sorted({m.claim for m in q.marks})} for q in quantities],
        "notes": projection.notes, "open": opened,
    }


def _vendor(name: str) -> str:
    return resources.files("claimgraph").joinpath("templates", "vendor", *name.split("/")).read_text("utf-8")


def _template(name: str) -> str:
    return resources.files("claimgraph").joinpath("templates", name).read_text("utf-8")


def _hash(text: str) -> str:
    return "'sha256-" + base64.b64encode(hashlib.sha256(text.encode("utf-8")).digest()).decode() + "'"


def render(projection, heading: str = "claimgraph", quantities=(), opened=None) -> str:
    """The page as a string."""
    import jinja2

    from .estimates import captions, svg

    data = json.dumps(payload(projection, quantities, opened), ensure_ascii=False, separators=(",", ":"))
    data = data.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
    styles = [_vendor("vis-network/vis-network.min.css"), _vendor("vis-timeline/vis-timeline-graph2d.min.css"),
              _template("page.css")]
    scripts = [_vendor("vis-network/vis-network.min.js"), _vendor("vis-timeline/vis-timeline-graph2d.min.js"),
               _template("page.js")]
    for text in styles + scripts:
        if re.search(r"</(script|style)", text, re.IGNORECASE):
            raise ClaimgraphError("an inlined asset would close its own element")
    csp = ("default-src 'none'; script-src " + " ".join(_hash(s) for s in scripts)
           + "; style-src " + " ".join(_hash(s) for s in styles) + "; img-src data:; font-src data:")
    charts = [(q.id, q.title, svg(q), captions(q)) for q in quantities]
    env = jinja2.Environment(autoescape=True)
    return env.from_string(_template("network.html")).render(
        heading=heading, csp=csp, styles=styles, scripts=scripts, data=data, charts=charts,
        count=f"{projection.graph.number_of_nodes()} nodes, {projection.graph.number_of_edges()} edges")


def write(page: Page, path) -> Path:
    """Write the page to ``path`` (through a temporary file) and return the path."""
    from .data import replace_files

    path = Path(path)
    try:
        replace_files({path: page.html.encode("utf-8")})
    except OSError as exc:
        raise ClaimgraphError(f"cannot write {path}: {exc.strerror or exc}") from None
    return path

