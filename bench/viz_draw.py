"""Time the network page: render a synthetic projection of about N nodes and draw it in headless
Chromium (Debian's), as the viz tests do. Prints the page size, the render time in Python, the
time until the page is drawn and fitted, and the label size at fit.

    python bench/viz_draw.py --nodes 1000
    python bench/viz_draw.py --seed            # the shipped graph, through `claimgraph viz`
"""
import argparse
import random
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests"))

ID = "https://w3id.org/claimgraph/id/"


def synthetic(nodes: int, seed: int = 7):
    """A projection of about ``nodes`` nodes: 60 % claims in sources of 15, speakers, subjects,
    upstream reports, as network.project builds them."""
    import networkx as nx

    from claimgraph.model.records import Appearance, Claim
    from claimgraph.network import Projection

    rnd = random.Random(seed)
    g = nx.MultiDiGraph()
    n_claims = int(nodes * 0.6)
    n_sources = max(1, n_claims // 15)
    n_speakers, n_subjects, n_docs = int(nodes * 0.15), int(nodes * 0.15), max(1, int(nodes * 0.05))
    sources = [f"{ID}source/s{i}" for i in range(n_sources)]
    for i, s in enumerate(sources):
        g.add_node(s, kind="source", label=f"Outlet {i % 40} headline number {i} about emigration", id=f"source/s{i}")
        g.add_node(f"{ID}org/outlet{i % 40}", kind="organisation", label=f"Outlet {i % 40}", id=f"org/outlet{i % 40}")
        g.add_edge(s, f"{ID}org/outlet{i % 40}", key="published by", rel="published by")
    docs = [f"{ID}source/d{i}" for i in range(n_docs)]
    for i, d in enumerate(docs):
        g.add_node(d, kind="source", label=f"Report {i} on migration statistics", id=f"source/d{i}")
    speakers = [f"{ID}person/p{i}" for i in range(n_speakers)]
    for i, p in enumerate(speakers):
        g.add_node(p, kind="person", label=f"Speaker Number {i}", id=f"person/p{i}")
    subjects = [f"{ID}place/x{i}" for i in range(n_subjects)]
    for i, p in enumerate(subjects):
        g.add_node(p, kind="place", label=f"Place {i}", id=f"place/x{i}")
    claims = {}
    for i in range(n_claims):
        c = f"{ID}claim/{i:016x}"
        src = sources[i % n_sources]
        kind = rnd.choice(["figure", "quotation", "statement"])
        label = f"{rnd.randint(1, 999)},000 people" if kind == "figure" else f"“words of claim number {i} here”"
        g.add_node(c, kind="claim", claim_kind=kind, label=label, statement=f"Statement of claim {i}.",
                   quote=f"quoted words {i}", citation=f"Citation {i}", id=f"claim/{i:016x}")
        g.add_edge(rnd.choice(speakers), c, key="said", rel="said")
        g.add_edge(c, src, key="appears in", rel="appears in")
        g.add_edge(c, rnd.choice(subjects), key="about", rel="about")
        if rnd.random() < 0.3:
            g.add_edge(c, rnd.choice(docs), key="taken from", rel="taken from")
        a = Appearance(iri=c + "#a", mode="reported", quote=f"quoted words {i}", start=i, end=i + 10,
                       source={"id": src[len(ID):], "title": "t", "publisher": "Outlet", "published": "2024-07-18"})
        claims[c] = Claim(iri=c, kind=kind, statement=f"Statement of claim {i}.", time="2022-02/..",
                          attributed_to=["Speaker"], appearances=[a])
    g.remove_nodes_from([n for n in list(g) if g.degree(n) == 0])
    return Projection(g, claims=claims)


def draw(html_path: Path) -> dict:
    from browser import open_page

    started = time.monotonic()
    with open_page(html_path.as_uri(), [], []) as page:
        ready = time.monotonic() - started
        scale = page.evaluate("window.claimgraph.network.getScale()")
        drawn = page.evaluate("window.claimgraph.drawnMs")
        page.screenshot(path=str(html_path.with_suffix(".png")))
    return {"drawn_ms": drawn, "with_browser_start_s": round(ready, 2), "scale": round(scale, 3),
            "label_px": round(14 * scale, 1), "screenshot": str(html_path.with_suffix(".png"))}


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--nodes", type=int, default=1000)
    parser.add_argument("--seed", action="store_true", help="the shipped graph instead")
    args = parser.parse_args()
    out = Path(tempfile.mkdtemp()) / "page.html"
    started = time.monotonic()
    if args.seed:
        from click.testing import CliRunner

        from claimgraph.cli import main as cli

        CliRunner().invoke(cli, ["viz", "-o", str(out)], catch_exceptions=False)
        nodes = "seed"
    else:
        from claimgraph.viz import render

        projection = synthetic(args.nodes)
        nodes = projection.graph.number_of_nodes()
        out.write_text(render(projection), encoding="utf-8")
    rendered = time.monotonic() - started
    result = {"nodes": nodes, "render_s": round(rendered, 2), "page_kB": out.stat().st_size // 1024, **draw(out)}
    print(result)


if __name__ == "__main__":
    main()
