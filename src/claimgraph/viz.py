"""The network as one self-contained HTML page (pyvis for the network data, vis-network inlined).

pyvis's own templates link bootstrap and tom-select from CDNs even in ``in_line`` mode and switch
to an ``innerHTML`` popup as soon as one title holds "href"; its heading is never escaped. So the
page is rendered from claimgraph's own template: vis-network's script and stylesheet are read from
pyvis's package and inlined, the data go in as JSON with ``<`` escaped, titles stay plain text, the
heading is autoescaped, and a Content-Security-Policy forbids every outside load.
"""
from importlib import resources
from pathlib import Path

STYLE = {  # kind -> (colour, vis-network shape)
    "person": ("#f4a261", "dot"),
    "organisation": ("#e76f51", "diamond"),
    "source": ("#2a9d8f", "square"),
    "claim": ("#8ecae6", "box"),
    "place": ("#90be6d", "triangle"),
    "event": ("#b5a3d6", "star"),
    "other": ("#cccccc", "ellipse"),
}
PHYSICS_LIMIT = 1000  # measured: 2,000 nodes take 6 s to lay out and never settle


def _vis_assets() -> tuple[str, str]:
    lib = resources.files("claimgraph").joinpath("templates", "vendor", "vis-network")
    return lib.joinpath("vis-network.min.js").read_text("utf-8"), lib.joinpath("vis-network.min.css").read_text("utf-8")


def _title(data: dict) -> str:
    lines = [f"{data['kind']}: {data['label']}"]
    if data["kind"] == "claim":
        lines = [f"{data['claim_kind']} claim {data['id']}", data["statement"]]
        if data.get("quote"):
            lines.append(f"“{data['quote']}”")
        lines.append(data["citation"])
    return "\n".join(lines)


def build_network(projection, heading: str):
    """A pyvis Network for a :class:`claimgraph.network.Projection`."""
    from pyvis.network import Network

    g = projection.graph
    net = Network(directed=True, cdn_resources="in_line", heading=heading)
    for node, data in g.nodes(data=True):
        color, shape = STYLE.get(data["kind"], STYLE["other"])
        net.add_node(node, label=data["label"], title=_title(data), color=color, shape=shape,
                     kind=data["kind"], borderWidth=3 if data.get("focus") else 1)
    for a, b, data in g.edges(data=True):
        net.add_edge(a, b, label=data["rel"], rel=data["rel"], arrows="to", font={"size": 9, "align": "middle"})
    big = g.number_of_nodes() > PHYSICS_LIMIT
    net.set_options("""{"interaction": {"hover": true, "tooltipDelay": 100},
                        "edges": {"smooth": false, "color": {"inherit": false, "color": "#999"}},
                        "layout": {"improvedLayout": false}}""")
    net.options["physics"] = {"enabled": not big, "solver": "forceAtlas2Based",
                              "forceAtlas2Based": {"gravitationalConstant": -150, "springLength": 140,
                                                   "avoidOverlap": 0.6},
                              "stabilization": {"enabled": True, "iterations": 400, "fit": True}}
    return net


def render(projection, heading: str = "claimgraph") -> str:
    """The page as a string."""
    import jinja2

    net = build_network(projection, heading)
    big = projection.graph.number_of_nodes() > PHYSICS_LIMIT
    nodes, edges = net.nodes, net.edges
    if big:  # no physics: place nodes on a grid so the first frame is already readable
        side = int(len(nodes) ** 0.5) + 1
        for i, n in enumerate(nodes):
            n["x"], n["y"] = (i % side) * 120, (i // side) * 80
    options = net.options if isinstance(net.options, dict) else net.options.__dict__
    payload = {
        "nodes": nodes, "edges": edges, "options": _plain(options),
        "legend": {k: {"color": c, "shape": s} for k, (c, s) in STYLE.items()
                   if any(n["kind"] == k for n in nodes)},
        "notes": projection.notes,
    }
    vis_js, vis_css = _vis_assets()
    env = jinja2.Environment(autoescape=True)
    template = env.from_string(resources.files("claimgraph").joinpath("templates").joinpath("network.html").read_text("utf-8"))
    return template.render(heading=heading, payload=payload, vis_js=vis_js, vis_css=vis_css)


def _plain(value):
    """pyvis option objects as plain JSON values."""
    if isinstance(value, dict):
        return {k: _plain(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [_plain(v) for v in value]
    if hasattr(value, "__dict__"):
        return _plain(vars(value))
    return value


def write(projection, path, heading: str = "claimgraph") -> Path:
    """Write the page to ``path`` (through a temporary file) and return the path."""
    from .data import replace_files

    path = Path(path)
    replace_files({path: render(projection, heading).encode("utf-8")})
    return path
